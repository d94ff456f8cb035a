import type { DataSource } from 'typeorm';
import type { ScanCounts } from '#alerts';
import { InvalidConfigurationError, validateEnvironment } from '#common';
import type { InitiativeEntity } from '#portfolio';
import { seedDemo } from '#demo';
import { startScansOnOwnDatabase, type Scans } from './support/alert-scans.js';
import { givenDepartment, givenFundingLine, givenInitiative } from './support/factories.js';

type GapAlert = {
  id: string;
  dedupe_key: string;
  severity: string;
  status: string;
  amount_sek: string;
  due_date: string;
  title: string;
  detail: string;
};

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
    givenInitiative(ds, {
      status: 'active',
      leadDepartmentId: departmentId,
      annualCostSek: 1_200_000,
      title: 'Fältarbetare i Kronogården',
      ...overrides,
    });
  /** Open or acknowledged alerts by year, with their uncovered kronor and severity. */
  const gaps = async (initiativeId: string): Promise<Record<string, [number, string]>> => {
    const rows: GapAlert[] = await ds.query(
      `SELECT * FROM alerts WHERE kind = 'funding_gap' AND initiative_id = $1 AND status <> 'resolved'`,
      [initiativeId],
    );
    return Object.fromEntries(rows.map((r) => [r.dedupe_key.split(':')[2], [Number(r.amount_sek), r.severity]]));
  };

  it('should flag 600 000 for the year and all of next year when a grant of 600 000 covers January–June of a 1 200 000 cost', async () => {
    const initiative = await givenActive();
    await givenFundingLine(ds, initiative.id, {
      amountSek: 600_000,
      periodStart: '2027-01-01',
      periodEnd: '2027-06-30',
    });

    const counts = await scan('2027-01-15');

    expect(counts).toEqual({ raised: 2, escalated: 0, resolved: 0 });
    expect(await gaps(initiative.id)).toEqual({ '2027': [600_000, 'critical'], '2028': [1_200_000, 'critical'] });
    const [alert]: GapAlert[] = await ds.query(`SELECT * FROM alerts WHERE dedupe_key = $1`, [
      `funding_gap:${initiative.id}:2027`,
    ]);
    expect(alert).toMatchObject({
      due_date: '2027-07-01',
      title: 'Ofinansierat 2027: 600 000 kr för Fältarbetare i Kronogården',
    });
    expect(alert.detail).toContain('600 000 kr av årskostnaden 1 200 000 kr (50 %) täcks inte');
  });

  it.each([
    // 3 of 12 months: a quarter of the annual cost, critical; next year all of it.
    [
      'only the rest of the year counts',
      '2027-10-01',
      [],
      { '2027': [300_000, 'critical'], '2028': [1_200_000, 'critical'] },
    ],
    // 150 000 over the three months it touches (15 Jan–14 Mar): 50 000 a month, 50 000 short in each.
    [
      'a line pays evenly over the months its period touches',
      '2027-01-01',
      [{ amountSek: 150_000, periodStart: '2027-01-15', periodEnd: '2027-03-14' }],
      { '2027': [1_050_000, 'critical'], '2028': [1_200_000, 'critical'] },
    ],
    // 400 000 a month January–March: the surplus does not fill April–December.
    [
      'surplus in one month does not fill another',
      '2027-01-01',
      [{ amountSek: 1_200_000, periodStart: '2027-01-01', periodEnd: '2027-03-31' }],
      { '2027': [900_000, 'critical'], '2028': [1_200_000, 'critical'] },
    ],
    [
      'ordinary-budget money counts once applied for',
      '2027-01-01',
      [
        {
          sourceType: 'ordinary_budget',
          status: 'applied',
          amountSek: 2_400_000,
          periodStart: '2027-01-01',
          periodEnd: '2028-12-31',
        },
      ],
      {},
    ],
    [
      'an applied or rejected grant pays nothing',
      '2027-01-01',
      [
        { status: 'applied', periodStart: '2027-01-01', periodEnd: '2028-12-31' },
        { status: 'rejected', periodStart: '2027-01-01', periodEnd: '2028-12-31' },
      ],
      { '2027': [1_200_000, 'critical'], '2028': [1_200_000, 'critical'] },
    ],
  ] as const)('should compute the gap by month when %s', async (_, asOf, lines, expected) => {
    const initiative = await givenActive();
    for (const line of lines) await givenFundingLine(ds, initiative.id, { ...line });

    await scan(asOf);

    expect(await gaps(initiative.id)).toEqual(expected);
  });

  it.each([
    // 1 200 000 a year; the frame pays all of it but the given kronor of each year.
    ['critical from a quarter of the annual cost', 300_000, 'critical'],
    ['warning just under a quarter', 299_999, 'warning'],
    ['warning from 5 %', 60_000, 'warning'],
    ['info just under 5 %', 59_999, 'info'],
    ['info at the floor of 10 000 kr', 10_000, 'info'],
    ['no alert just under the floor', 9_999, null],
  ] as const)('should rate a gap by its share of the annual cost: %s', async (_, gapPerYear, expected) => {
    const initiative = await givenActive();
    await givenFundingLine(ds, initiative.id, {
      sourceType: 'ordinary_budget',
      amountSek: 2 * (1_200_000 - gapPerYear),
      periodStart: '2027-01-01',
      periodEnd: '2028-12-31',
    });

    await scan('2027-01-01');

    expect(await gaps(initiative.id)).toEqual(
      expected ? { '2027': [gapPerYear, expected], '2028': [gapPerYear, expected] } : {},
    );
  });

  it('should find no gap when a granted line of the initiative starting the day after a grant ends pays as much', async () => {
    const initiative = await givenActive();
    // 100 000 a month each: the cost of 1 200 000 a year.
    await givenFundingLine(ds, initiative.id, {
      amountSek: 1_800_000,
      periodStart: '2026-01-01',
      periodEnd: '2027-06-30',
      sourceType: 'state_grant',
    });
    await givenFundingLine(ds, initiative.id, {
      amountSek: 1_800_000,
      periodStart: '2027-07-01',
      periodEnd: '2028-12-31',
      sourceType: 'ordinary_budget',
    });

    expect(await scan('2027-01-01')).toEqual({ raised: 0, escalated: 0, resolved: 0 });
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

  it('should raise nothing twice, then follow the gap down and up and resolve it once it is below the floor', async () => {
    const initiative = await givenActive();
    await scan('2027-01-15');
    const [raised]: GapAlert[] = await ds.query(`SELECT * FROM alerts WHERE dedupe_key = $1`, [
      `funding_gap:${initiative.id}:2028`,
    ]);
    await ds.query(`UPDATE alerts SET status = 'acknowledged' WHERE id = $1`, [raised.id]);

    const again = await scan('2027-01-15');
    // 2028: a frame of 1 080 000 leaves 120 000 (10 %) uncovered.
    const frame = await givenFundingLine(ds, initiative.id, {
      sourceType: 'ordinary_budget',
      amountSek: 1_080_000,
      periodStart: '2028-01-01',
      periodEnd: '2028-12-31',
    });
    const smaller = await scan('2027-01-15');
    const afterFall = await ds.query(
      `SELECT id, severity, status, amount_sek FROM alerts WHERE dedupe_key = $1 AND status <> 'resolved'`,
      [`funding_gap:${initiative.id}:2028`],
    );
    await ds.query(`UPDATE funding_lines SET amount_sek = 600000 WHERE id = $1`, [frame.id]);
    const larger = await scan('2027-01-15');
    const afterRise = await ds.query(
      `SELECT id, severity, status FROM alerts WHERE dedupe_key = $1 AND status <> 'resolved'`,
      [`funding_gap:${initiative.id}:2028`],
    );
    await ds.query(`UPDATE funding_lines SET amount_sek = 1195000 WHERE id = $1`, [frame.id]);
    const belowFloor = await scan('2027-01-15');

    expect(again).toEqual({ raised: 0, escalated: 0, resolved: 0 });
    // Falling is no escalation, and asks nobody to look again: the acknowledgement stays.
    expect(smaller).toEqual({ raised: 0, escalated: 0, resolved: 0 });
    expect(afterFall).toEqual([{ id: raised.id, severity: 'warning', status: 'acknowledged', amount_sek: '120000' }]);
    expect(larger).toEqual({ raised: 0, escalated: 1, resolved: 0 });
    expect(afterRise).toEqual([{ id: raised.id, severity: 'critical', status: 'open' }]);
    expect(belowFloor).toEqual({ raised: 0, escalated: 0, resolved: 1 });
    expect(await gaps(initiative.id)).toEqual({ '2027': [1_200_000, 'critical'] });
  });

  it("should move next year's gap into this year when the year turns, rated by its share again", async () => {
    const initiative = await givenActive();
    await scan('2027-01-15');
    await givenFundingLine(ds, initiative.id, {
      sourceType: 'ordinary_budget',
      amountSek: 1_080_000,
      periodStart: '2028-01-01',
      periodEnd: '2028-12-31',
    });

    const nextYear = await scan('2028-01-10');

    // 2027 is over (resolved), 2028 now 120 000 (10 %, fell to warning), 2029 is new.
    expect(nextYear).toEqual({ raised: 1, escalated: 0, resolved: 1 });
    expect(await gaps(initiative.id)).toEqual({ '2028': [120_000, 'warning'], '2029': [1_200_000, 'critical'] });
  });

  it('should flag the field workers for the rest of 2026 and all of 2027 when run on the demo data', async () => {
    await seedDemo(ds);
    const [{ id }] = await ds.query(`SELECT id FROM initiatives WHERE code = 'FALTARBETARE'`);

    await scan('2026-11-23');

    // 3 400 000 a year is 283 333.33 a month: November and December 2026 (17 %), then the whole of 2027.
    expect(await gaps(id)).toEqual({ '2026': [566_667, 'warning'], '2027': [3_400_000, 'critical'] });
  });

  it.each([['-1'], ['tio tusen'], ['1.5']])('should refuse to start when FUNDING_GAP_MIN_SEK is %s', (value) => {
    const attempt = () => validateEnvironment({ NODE_ENV: 'test', FUNDING_GAP_MIN_SEK: value });

    expect(attempt).toThrow(InvalidConfigurationError);
    expect(attempt).toThrow(/FUNDING_GAP_MIN_SEK/);
  });
});

describe('funding_gap scan with FUNDING_GAP_MIN_SEK set', () => {
  let s: Scans;
  beforeAll(async () => {
    s = await startScansOnOwnDatabase({ FUNDING_GAP_MIN_SEK: '0' });
  });
  afterAll(async () => {
    delete process.env.FUNDING_GAP_MIN_SEK;
    await s.close();
  });

  it('should flag a gap of a few kronor as info when the floor is 0', async () => {
    const { id } = await givenInitiative(s.ds, { status: 'active', annualCostSek: 720_000 });
    // 59 999 a month against a cost of 60 000: 12 kr short a year.
    await givenFundingLine(s.ds, id, {
      sourceType: 'ordinary_budget',
      amountSek: 1_439_976,
      periodStart: '2027-01-01',
      periodEnd: '2028-12-31',
    });

    await s.scans.runScan('funding_gap', '2027-01-01');

    const rows = await s.ds.query(
      `SELECT severity, amount_sek FROM alerts WHERE initiative_id = $1 ORDER BY dedupe_key`,
      [id],
    );
    expect(rows).toEqual([
      { severity: 'info', amount_sek: '12' },
      { severity: 'info', amount_sek: '12' },
    ]);
  });
});
