import type { FollowUpPlan, InitiativeEntity, InitiativeStatus } from '#portfolio';
import { givenDepartment, givenInitiative } from './support/factories.js';
import { givenIndicator, givenIndicatorValue } from './support/indicator-factories.js';
import { givenEffectNode } from './support/results-factories.js';
import { scanCounts as counts, startScans, type Scans } from './support/alert-scans.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const AS_OF = '2026-11-23';
/** 91 and 90 days before AS_OF. */
const DAY_91 = '2026-08-24';
const DAY_90 = '2026-08-25';
const plan = (indicatorIds: string[]): FollowUpPlan => ({
  method: 'Halvårsvis uppföljning',
  frequency: 'biannual',
  responsible: 'Processägaren',
  firstReportDue: null,
  indicatorIds,
});

type AlertRow = {
  severity: string;
  status: string;
  dedupe_key: string;
  initiative_id: string;
  department_id: string;
  title: string;
  detail: string;
};

describe('baseline_missing scan', () => {
  let t: TestApp;
  let scanner: Scans;
  let departmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    scanner = await startScans();
  });
  afterAll(async () => {
    await scanner.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.dataSource.query('TRUNCATE alerts, initiatives, indicators CASCADE');
    departmentId = (await givenDepartment(t.dataSource)).id;
  });

  const given = (overrides: Partial<InitiativeEntity> = {}) =>
    givenInitiative(t.dataSource, {
      status: 'active',
      leadDepartmentId: departmentId,
      title: 'Framtidscentrum',
      code: 'FC',
      startDate: DAY_91,
      followUpPlan: null,
      ...overrides,
    });
  const indicator = (code: string, name: string) => givenIndicator(t.dataSource, departmentId, { code, name });
  const activated = (initiativeId: string, at: string) =>
    t.dataSource.query(
      `INSERT INTO initiative_transitions (initiative_id, from_status, to_status, created_at) VALUES ($1, 'approved', 'active', $2)`,
      [initiativeId, at],
    );
  const scan = () => scanner.scans.runScan('baseline_missing', AS_OF);
  const alerts = (): Promise<AlertRow[]> =>
    t.dataSource.query(`SELECT * FROM alerts WHERE kind = 'baseline_missing' ORDER BY dedupe_key, status`);

  it('should raise one warning per initiative naming each planned or linked indicator without a baseline, in Swedish', async () => {
    const planned = await indicator('SYSS', 'Förvärvsfrekvens 20–64 år');
    const withBaseline = await indicator('STUD', 'Andel unga i studier');
    await givenIndicatorValue(t.dataSource, withBaseline.id, '2023', 71, { kind: 'baseline', cell: 'sex:women' });
    const linked = await indicator('NEET', 'Unga som varken arbetar eller studerar');
    const initiative = await given({ followUpPlan: plan([planned.id, withBaseline.id]) });
    const outcome = await givenEffectNode(t.dataSource, { initiativeId: initiative.id }, 'long_term_outcome');
    await t.dataSource.query(
      `INSERT INTO indicator_effect_nodes (effect_node_id, indicator_id) VALUES ($1, $2), ($1, $3)`,
      [outcome.id, linked.id, planned.id],
    );

    expect(await scan()).toEqual(counts(1, 0, 0));

    expect(await alerts()).toEqual([
      expect.objectContaining({
        dedupe_key: `baseline_missing:${initiative.id}`,
        severity: 'warning',
        status: 'open',
        initiative_id: initiative.id,
        department_id: departmentId,
        title: 'Utgångsvärde saknas för indikatorer i Framtidscentrum',
        detail:
          'Framtidscentrum (FC) har varit pågående sedan 2026-08-24 (91 dagar), men 2 indikatorer saknar utgångsvärde: ' +
          'NEET Unga som varken arbetar eller studerar, SYSS Förvärvsfrekvens 20–64 år. Registrera ett utgångsvärde så att det går att visa om insatsen gör skillnad.',
      }),
    ]);
  });

  it.each<[string, Partial<InitiativeEntity>, string | null, number]>([
    ['active 91 days by its start date', {}, null, 1],
    ['active 90 days by its start date', { startDate: DAY_90 }, null, 0],
    [
      'active 91 days by its latest move to active, whatever its start date',
      { startDate: '2026-11-01' },
      `${DAY_91}T10:00:00+02:00`,
      1,
    ],
    // 23:30 UTC is already the next day in Stockholm: 90 days.
    ['moved to active late on day 91 UTC, day 90 in TIME_ZONE', { startDate: '2025-01-01' }, `${DAY_91}T23:30:00Z`, 0],
    ['without a start date or a move to active', { startDate: null }, null, 0],
  ])('should judge an initiative %s', async (_case, overrides, movedAt, expected) => {
    const ind = await indicator('SYSS', 'Förvärvsfrekvens');
    const initiative = await given({ ...overrides, followUpPlan: plan([ind.id]) });
    if (movedAt) {
      await activated(initiative.id, '2024-01-01T10:00:00Z');
      await activated(initiative.id, movedAt);
    }

    await scan();

    expect(await alerts()).toHaveLength(expected);
  });

  it.each<InitiativeStatus>(['draft', 'proposed', 'approved', 'completed', 'integrated', 'discontinued'])(
    'should leave an initiative that is %s alone',
    async (status) => {
      const ind = await indicator('SYSS', 'Förvärvsfrekvens');
      await given({ status, followUpPlan: plan([ind.id]) });

      expect(await scan()).toEqual(counts(0, 0, 0));
    },
  );

  it('should raise nothing without indicators, or when the plan names an id that is no indicator', async () => {
    await given({ followUpPlan: plan(['7b9d1f3a-5c7e-4a0b-8d2f-4a6c8e0b2d4f', 'not-a-uuid']), code: 'FC-1' });
    await given({ code: 'FC-2' });

    expect(await scan()).toEqual(counts(0, 0, 0));
  });

  it('should change nothing on a second run, and resolve the alert once the baselines are recorded', async () => {
    const ind = await indicator('SYSS', 'Förvärvsfrekvens');
    await given({ followUpPlan: plan([ind.id]) });
    expect(await scan()).toEqual(counts(1, 0, 0));
    expect(await scan()).toEqual(counts(0, 0, 0));

    await givenIndicatorValue(t.dataSource, ind.id, '2024', 78.1, { kind: 'baseline' });

    expect(await scan()).toEqual(counts(0, 0, 1));
    expect((await alerts()).map((a) => a.status)).toEqual(['resolved']);
  });
});
