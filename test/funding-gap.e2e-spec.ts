import type { DataSource } from 'typeorm';
import type { ScanCounts } from '#alerts';
import type { InitiativeEntity } from '#portfolio';
import { seedDemo } from '../libs/database/src/seeds/demo-seed.js';
import { startScansOnOwnDatabase, type Scans } from './support/alert-scans.js';
import { givenDepartment, givenFundingLine, givenInitiative } from './support/factories.js';

type GapAlert = { dedupe_key: string; severity: string; status: string; amount_sek: string; due_date: string; title: string; detail: string };

describe('funding_gap scan', () => {
  let ds: DataSource;
  let s: Scans;
  let departmentId: string;
  beforeAll(async () => {
    s = await startScansOnOwnDatabase();
    ds = s.ds;
  });
  afterAll(() => s.close());
  beforeEach(async () => {
    await ds.query('TRUNCATE alerts, initiatives CASCADE');
    departmentId = (await givenDepartment(ds)).id;
  });

  const scan = (asOf: string): Promise<ScanCounts> => s.scans.runScan('funding_gap', asOf);
  const givenActive = (overrides: Partial<InitiativeEntity> = {}) =>
    givenInitiative(ds, { status: 'active', leadDepartmentId: departmentId, annualCostSek: 1_200_000, title: 'Fältarbetare i Kronogården', ...overrides });
  /** Open or acknowledged alerts by year, with their uncovered kronor and severity. */
  const gaps = async (initiativeId: string): Promise<Record<string, [number, string]>> => {
    const rows: GapAlert[] = await ds.query(`SELECT * FROM alerts WHERE kind = 'funding_gap' AND initiative_id = $1 AND status <> 'resolved'`, [initiativeId]);
    return Object.fromEntries(rows.map((r) => [r.dedupe_key.split(':')[2], [Number(r.amount_sek), r.severity]]));
  };

  it('should flag 600 000 for the year and all of next year when a grant of 600 000 covers January–June of a 1 200 000 cost', async () => {
    const initiative = await givenActive();
    await givenFundingLine(ds, initiative.id, { amountSek: 600_000, periodStart: '2027-01-01', periodEnd: '2027-06-30' });

    const counts = await scan('2027-01-15');

    expect(counts).toEqual({ raised: 2, escalated: 0, resolved: 0 });
    expect(await gaps(initiative.id)).toEqual({ '2027': [600_000, 'critical'], '2028': [1_200_000, 'warning'] });
    const [alert]: GapAlert[] = await ds.query(`SELECT * FROM alerts WHERE dedupe_key = $1`, [`funding_gap:${initiative.id}:2027`]);
    expect(alert).toMatchObject({ due_date: '2027-07-01', title: 'Ofinansierat 2027: 600 000 kr för Fältarbetare i Kronogården' });
    expect(alert.detail).toContain('600 000 kr av årskostnaden 1 200 000 kr');
  });

  it.each([
    ['only the rest of the year counts', '2027-10-01', [], { '2027': [300_000, 'critical'], '2028': [1_200_000, 'warning'] }],
    // 150 000 over the three months it touches (15 Jan–14 Mar): 50 000 a month, 50 000 short in each.
    ['a line pays evenly over the months its period touches', '2027-01-01', [{ amountSek: 150_000, periodStart: '2027-01-15', periodEnd: '2027-03-14' }], { '2027': [1_050_000, 'critical'], '2028': [1_200_000, 'warning'] }],
    // 400 000 a month January–March: the surplus does not fill April–December.
    ['surplus in one month does not fill another', '2027-01-01', [{ amountSek: 1_200_000, periodStart: '2027-01-01', periodEnd: '2027-03-31' }], { '2027': [900_000, 'critical'], '2028': [1_200_000, 'warning'] }],
    ['ordinary-budget money counts once applied for', '2027-01-01', [{ sourceType: 'ordinary_budget', status: 'applied', amountSek: 2_400_000, periodStart: '2027-01-01', periodEnd: '2028-12-31' }], {}],
    ['an applied or rejected grant pays nothing', '2027-01-01', [{ status: 'applied', periodStart: '2027-01-01', periodEnd: '2028-12-31' }, { status: 'rejected', periodStart: '2027-01-01', periodEnd: '2028-12-31' }], { '2027': [1_200_000, 'critical'], '2028': [1_200_000, 'warning'] }],
  ] as const)('should compute the gap by month when %s', async (_, asOf, lines, expected) => {
    const initiative = await givenActive();
    for (const line of lines) await givenFundingLine(ds, initiative.id, { ...line });

    await scan(asOf);

    expect(await gaps(initiative.id)).toEqual(expected);
  });

  it('should count only the months the initiative runs when it has an end date', async () => {
    const initiative = await givenActive({ startDate: '2026-01-01', endDate: '2027-06-30' });

    await scan('2027-01-01');

    expect(await gaps(initiative.id)).toEqual({ '2027': [600_000, 'critical'] });
  });

  it('should flag nothing when the initiative is a draft or has no annual cost', async () => {
    await givenActive({ status: 'draft' });
    await givenActive({ annualCostSek: null });

    expect(await scan('2027-01-01')).toEqual({ raised: 0, escalated: 0, resolved: 0 });
  });

  it('should raise nothing twice, escalate next year when it becomes this year, and resolve a gap that gets covered', async () => {
    const initiative = await givenActive();
    await scan('2027-01-15');

    const again = await scan('2027-01-15');
    await givenFundingLine(ds, initiative.id, { sourceType: 'ordinary_budget', amountSek: 1_200_000, periodStart: '2028-01-01', periodEnd: '2028-06-30' });
    const nextYear = await scan('2028-01-10');

    expect(again).toEqual({ raised: 0, escalated: 0, resolved: 0 });
    // 2027 is over (resolved), 2028 climbs to critical with half of it now paid, 2029 is new.
    expect(nextYear).toEqual({ raised: 1, escalated: 1, resolved: 1 });
    expect(await gaps(initiative.id)).toEqual({ '2028': [600_000, 'critical'], '2029': [1_200_000, 'warning'] });
  });

  it('should flag the field workers for the rest of 2026 and all of 2027 when run on the demo data', async () => {
    await seedDemo(ds);
    const [{ id }] = await ds.query(`SELECT id FROM initiatives WHERE code = 'FALTARBETARE'`);

    await scan('2026-11-23');

    // 3 400 000 a year is 283 333.33 a month: November and December 2026, then the whole of 2027.
    expect(await gaps(id)).toEqual({ '2026': [566_667, 'critical'], '2027': [3_400_000, 'warning'] });
  });
});
