import type { ScanCounts } from '#alerts';
import { seedDemo } from '#demo';
import type { FundingLineEntity } from '#funding';
import type { InitiativeEntity } from '#portfolio';
import { startScansOnOwnDatabase, type Scans } from './support/alert-scans.js';
import { givenDepartment, givenFundingLine, givenInitiative } from './support/factories.js';

type AlertRow = {
  id: string;
  kind: string;
  severity: string;
  status: string;
  dedupe_key: string;
  title: string;
  due_date: string;
  version: number;
  escalated_at: Date | null;
  resolved_at: Date | null;
};

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const NONE: ScanCounts = { raised: 0, escalated: 0, resolved: 0 };

describe('Alert scans', () => {
  let s: Scans;
  let departmentId: string;

  beforeAll(async () => {
    s = await startScansOnOwnDatabase();
  });
  afterAll(() => s.close());
  beforeEach(async () => {
    await s.ds.query('TRUNCATE alerts, initiatives CASCADE');
    departmentId = (await givenDepartment(s.ds)).id;
  });

  const givenActiveInitiative = (overrides: Partial<InitiativeEntity> = {}) =>
    givenInitiative(s.ds, {
      status: 'active',
      leadDepartmentId: departmentId,
      title: 'Fältarbetare i Kronogården',
      ...overrides,
    });
  async function givenGrant(overrides: Partial<FundingLineEntity> = {}, initiative: Partial<InitiativeEntity> = {}) {
    const { id } = await givenActiveInitiative(initiative);
    return givenFundingLine(s.ds, id, { periodStart: '2024-01-01', periodEnd: '2026-06-30', ...overrides });
  }
  const alertsOf = async (fundingId: string, kind?: string): Promise<AlertRow[]> =>
    s.ds.query(
      `SELECT * FROM alerts WHERE funding_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY first_raised_at, due_date, id`,
      [fundingId, kind ?? null],
    );
  const allAlerts = async (): Promise<AlertRow[]> => s.ds.query(`SELECT * FROM alerts ORDER BY dedupe_key, status, id`);
  const setLine = (id: string, sql: string, params: unknown[] = []) =>
    s.ds.query(`UPDATE funding_lines SET ${sql} WHERE id = $1`, [id, ...params]);

  describe('grant_expiring', () => {
    it.each([
      [366, 'no alert'],
      [365, 'info'],
      [183, 'info'],
      [182, 'warning'],
      [92, 'warning'],
      [91, 'critical'],
      [0, 'critical'],
      [-1, 'no alert'],
    ])('should give %s days before its end: %s', async (days, expected) => {
      const line = await givenGrant({ periodEnd: '2026-06-30' });

      await s.scans.runScan('grant_expiring', addDays('2026-06-30', -days));

      const alerts = await alertsOf(line.id, 'grant_expiring');
      expect(alerts.map((a) => a.severity)).toEqual(expected === 'no alert' ? [] : [expected]);
    });

    it.each([
      ['the day before a year end', '2025-12-31', '2026-12-31', 'info'],
      ['the year end a day earlier', '2025-12-30', '2026-12-31', 'no alert'],
      ['a year that ends on a leap day', '2027-03-01', '2028-02-29', 'info'],
      ['the day before that', '2027-02-28', '2028-02-29', 'no alert'],
      ['the leap day itself', '2028-02-29', '2028-05-30', 'critical'],
      ['the day summer time starts', '2026-03-29', '2026-06-28', 'critical'],
      ['the day before summer time starts', '2026-03-28', '2026-06-28', 'warning'],
      ['the day summer time ends', '2026-10-25', '2027-04-25', 'warning'],
      ['the day before summer time ends', '2026-10-24', '2027-04-25', 'info'],
    ])('should count whole calendar days when the scan runs on %s', async (_, asOf, periodEnd, expected) => {
      const line = await givenGrant({ periodEnd });

      await s.scans.runScan('grant_expiring', asOf);

      expect((await alertsOf(line.id)).map((a) => a.severity)).toEqual(expected === 'no alert' ? [] : [expected]);
    });

    it.each<[string, Partial<FundingLineEntity>, Partial<InitiativeEntity>, boolean]>([
      ['a granted state grant of an active initiative', {}, {}, true],
      ['an EU fund', { sourceType: 'eu_fund' }, {}, true],
      ['a partner contribution', { sourceType: 'partner_contribution' }, {}, true],
      ['a grant of an approved initiative', {}, { status: 'approved' }, true],
      ['ordinary budget money', { sourceType: 'ordinary_budget' }, {}, false],
      ['a grant only applied for', { status: 'applied' }, {}, false],
      ['a rejected grant', { status: 'rejected' }, {}, false],
      ['a grant with a coverage decision', { coverageDecision: 'ordinary_budget' }, {}, false],
      ['a grant with a phase-out decision', { coverageDecision: 'phase_out' }, {}, false],
      ['a grant of a proposed initiative', {}, { status: 'proposed' }, false],
      ['a grant of a completed initiative', {}, { status: 'completed' }, false],
    ])('should decide whether to flag %s', async (_, line, initiative, flagged) => {
      const grant = await givenGrant({ periodEnd: '2026-06-30', ...line }, initiative);

      await s.scans.runScan('grant_expiring', '2026-05-01');

      expect(await alertsOf(grant.id)).toHaveLength(flagged ? 1 : 0);
    });

    it.each<[string, Partial<FundingLineEntity>, boolean]>([
      ['a granted successor starting the day after', { status: 'granted', periodStart: '2026-07-01' }, false],
      ['an applied successor starting the day after', { status: 'applied', periodStart: '2026-07-01' }, false],
      ['a successor starting before the end', { status: 'granted', periodStart: '2026-01-01' }, false],
      ['a successor starting two days after, leaving a gap', { status: 'granted', periodStart: '2026-07-02' }, true],
      ['a rejected successor', { status: 'rejected', periodStart: '2026-07-01' }, true],
    ])('should decide whether to flag a grant with %s', async (_, successor, flagged) => {
      const grant = await givenGrant({ periodEnd: '2026-06-30' });
      const next = await givenFundingLine(s.ds, grant.initiativeId, {
        sourceType: 'ordinary_budget',
        periodEnd: '2027-12-31',
        ...successor,
      });
      await setLine(grant.id, 'successor_funding_id = $2', [next.id]);

      await s.scans.runScan('grant_expiring', '2026-05-01');

      expect(await alertsOf(grant.id)).toHaveLength(flagged ? 1 : 0);
    });

    // The grant pays 1 200 000 over 30 months: 40 000 a month. What follows is granted unless said otherwise.
    it.each<[string, Partial<FundingLineEntity>[], number | null]>([
      [
        'a line of the same initiative starting the day after that pays as much',
        [{ amountSek: 480_000, periodStart: '2026-07-01', periodEnd: '2027-06-30' }],
        null,
      ],
      [
        'the ordinary budget starting the day after that pays more',
        [{ sourceType: 'ordinary_budget', amountSek: 960_000, periodStart: '2026-07-01', periodEnd: '2027-06-30' }],
        null,
      ],
      [
        'a line starting in its last month',
        [{ amountSek: 520_000, periodStart: '2026-06-01', periodEnd: '2027-06-30' }],
        null,
      ],
      [
        'two lines starting the day after that pay as much together',
        [
          { amountSek: 240_000, periodStart: '2026-07-01', periodEnd: '2027-06-30' },
          { sourceType: 'eu_fund', amountSek: 240_000, periodStart: '2026-07-01', periodEnd: '2027-06-30' },
        ],
        null,
      ],
      [
        'a line starting two days after, leaving a gap',
        [{ amountSek: 480_000, periodStart: '2026-07-02', periodEnd: '2027-06-30' }],
        1_200_000,
      ],
      [
        'a line paying half as much',
        [{ amountSek: 240_000, periodStart: '2026-07-01', periodEnd: '2027-06-30' }],
        600_000,
      ],
      [
        'a line only applied for',
        [{ status: 'applied', amountSek: 480_000, periodStart: '2026-07-01', periodEnd: '2027-06-30' }],
        1_200_000,
      ],
      [
        'a rejected line',
        [{ status: 'rejected', amountSek: 480_000, periodStart: '2026-07-01', periodEnd: '2027-06-30' }],
        1_200_000,
      ],
      [
        'a line already running alongside it, paying its own share',
        [{ sourceType: 'ordinary_budget', amountSek: 1_200_000, periodStart: '2025-01-01', periodEnd: '2027-06-30' }],
        1_200_000,
      ],
      // Next year's frame continues this year's frame (40 000 a month, ending the same day): nothing is left for the grant.
      [
        'a frame renewed the day after, as large as the frame ending with the grant',
        [
          { sourceType: 'ordinary_budget', amountSek: 240_000, periodStart: '2026-01-01', periodEnd: '2026-06-30' },
          { sourceType: 'ordinary_budget', amountSek: 480_000, periodStart: '2026-07-01', periodEnd: '2027-06-30' },
        ],
        1_200_000,
      ],
    ])('should decide what is taken over of a grant followed by %s', async (_, following, uncovered) => {
      const grant = await givenGrant({ periodEnd: '2026-06-30' });
      for (const line of following) await givenFundingLine(s.ds, grant.initiativeId, { ...line });

      await s.scans.runAll('2026-05-01');
      await s.scans.runAll('2026-07-01');

      const alerts = await s.ds.query(
        `SELECT kind, status, amount_sek FROM alerts WHERE funding_id = $1 ORDER BY kind`,
        [grant.id],
      );
      const open = (kind: string) => ({ kind, status: 'open', amount_sek: String(uncovered) });
      expect(alerts).toEqual(
        uncovered === null
          ? []
          : [open('grant_expired_initiative_active'), { ...open('grant_expiring'), status: 'resolved' }],
      );
    });

    it('should say how much is taken over and what is left when a smaller line follows the grant', async () => {
      const grant = await givenGrant({ periodEnd: '2026-06-30' });
      await givenFundingLine(s.ds, grant.initiativeId, {
        amountSek: 120_000,
        periodStart: '2026-07-01',
        periodEnd: '2027-06-30',
      });

      await s.scans.runScan('grant_expiring', '2026-05-01');

      const [alert] = await s.ds.query(`SELECT detail, amount_sek FROM alerts WHERE funding_id = $1`, [grant.id]);
      expect(alert.amount_sek).toBe('900000');
      expect(alert.detail).toContain(
        'annan beviljad finansiering tar bara över 25 % av det som bidraget betalade (900 000 kr saknar efterföljare)',
      );
    });

    it('should flag only the last line of a chain when each took over from the one before and all have ended', async () => {
      const first = await givenGrant({
        status: 'ended',
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        amountSek: 480_000,
      });
      const second = await givenFundingLine(s.ds, first.initiativeId, {
        status: 'ended',
        amountSek: 480_000,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
      });

      await s.scans.runScan('grant_expired_initiative_active', '2026-03-01');

      expect(await alertsOf(first.id)).toEqual([]);
      expect((await alertsOf(second.id)).map((a) => a.kind)).toEqual(['grant_expired_initiative_active']);
    });

    it('should not count a line of another initiative starting the day after as taking over', async () => {
      const grant = await givenGrant({ periodEnd: '2026-06-30' });
      const other = await givenActiveInitiative();
      await givenFundingLine(s.ds, other.id, {
        amountSek: 480_000,
        periodStart: '2026-07-01',
        periodEnd: '2027-06-30',
      });

      await s.scans.runScan('grant_expiring', '2026-05-01');

      expect((await alertsOf(grant.id)).map((a) => a.kind)).toEqual(['grant_expiring']);
    });

    it('should write a Swedish title naming the money, the funder and the end when a grant is flagged', async () => {
      const grant = await givenGrant({ periodEnd: '2025-06-30', funder: 'Länsstyrelsen' });

      await s.scans.runScan('grant_expiring', '2025-03-01');

      const [alert] = await alertsOf(grant.id);
      expect(alert).toEqual(
        expect.objectContaining({
          dedupe_key: `grant_expiring:${grant.id}`,
          title: 'Statsbidraget från Länsstyrelsen upphör 2025-06-30 utan beslut om fortsatt finansiering',
          due_date: '2025-06-30',
          status: 'open',
        }),
      );
      expect((alert as unknown as { detail: string }).detail).toContain('1 200 000 kr');
    });

    it('should escalate the same alert, never duplicate it, when the end comes closer', async () => {
      const grant = await givenGrant({ periodEnd: '2026-06-30' });
      expect(await s.scans.runScan('grant_expiring', '2025-09-01')).toEqual({ raised: 1, escalated: 0, resolved: 0 });
      const [raised] = await alertsOf(grant.id);

      const counts = await s.scans.runScan('grant_expiring', '2026-03-01');

      const alerts = await alertsOf(grant.id);
      expect(counts).toEqual({ raised: 0, escalated: 1, resolved: 0 });
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toEqual(
        expect.objectContaining({ id: raised.id, severity: 'warning', escalated_at: expect.any(Date) }),
      );
    });

    it.each<[string, string, unknown[]]>([
      ['a coverage decision is recorded', `coverage_decision = 'ordinary_budget'`, []],
      ['the line is marked ended', `status = 'ended'`, []],
      ['the end date moves beyond the ladder', `period_end = $2`, ['2027-06-30']],
    ])('should resolve the alert on the next scan when %s', async (_, change, params) => {
      const grant = await givenGrant({ periodEnd: '2026-06-30' });
      await s.scans.runScan('grant_expiring', '2026-05-01');
      await setLine(grant.id, change, params);

      const counts = await s.scans.runScan('grant_expiring', '2026-05-02');

      expect(counts).toEqual({ raised: 0, escalated: 0, resolved: 1 });
      expect(await alertsOf(grant.id)).toEqual([
        expect.objectContaining({ status: 'resolved', resolved_at: expect.any(Date) }),
      ]);
    });

    it('should resolve the alert when a successor line is added that takes over', async () => {
      const grant = await givenGrant({ periodEnd: '2026-06-30' });
      await s.scans.runScan('grant_expiring', '2026-05-01');
      const next = await givenFundingLine(s.ds, grant.initiativeId, {
        sourceType: 'ordinary_budget',
        periodStart: '2026-07-01',
        periodEnd: '2027-12-31',
      });
      await setLine(grant.id, 'successor_funding_id = $2', [next.id]);

      await s.scans.runScan('grant_expiring', '2026-05-01');

      expect((await alertsOf(grant.id)).map((a) => a.status)).toEqual(['resolved']);
    });

    it('should keep the severity reached and show the new date when the end moves later but stays within the ladder', async () => {
      const grant = await givenGrant({ periodEnd: '2026-06-30' });
      await s.scans.runScan('grant_expiring', '2026-05-01');
      await setLine(grant.id, 'period_end = $2', ['2026-12-31']);

      const counts = await s.scans.runScan('grant_expiring', '2026-05-01');

      expect(counts).toEqual(NONE);
      expect(await alertsOf(grant.id)).toEqual([
        expect.objectContaining({
          severity: 'critical',
          status: 'open',
          due_date: '2026-12-31',
          title: expect.stringContaining('2026-12-31'),
        }),
      ]);
    });

    it('should raise a new alert when a resolved cause comes back', async () => {
      const grant = await givenGrant({ periodEnd: '2026-06-30' });
      await s.scans.runScan('grant_expiring', '2026-05-01');
      await setLine(grant.id, `coverage_decision = 'extension'`);
      await s.scans.runScan('grant_expiring', '2026-05-01');
      await setLine(grant.id, `coverage_decision = 'undecided'`);

      const counts = await s.scans.runScan('grant_expiring', '2026-05-01');

      expect(counts).toEqual({ raised: 1, escalated: 0, resolved: 0 });
      expect((await alertsOf(grant.id)).map((a) => a.status)).toEqual(['resolved', 'open']);
    });

    it('should keep a dismissed alert dismissed until its severity rises', async () => {
      const grant = await givenGrant({ periodEnd: '2026-06-30' });
      await s.scans.runScan('grant_expiring', '2025-09-01');
      await s.ds.query(
        `UPDATE alerts SET status = 'dismissed', dismiss_reason = 'Bevakas i budgetberedningen' WHERE funding_id = $1`,
        [grant.id],
      );

      await s.scans.runScan('grant_expiring', '2025-10-01');
      const stillInfo = await alertsOf(grant.id);
      await s.scans.runScan('grant_expiring', '2026-03-01');
      const warning = await alertsOf(grant.id);

      expect(stillInfo).toEqual([expect.objectContaining({ severity: 'info', status: 'dismissed' })]);
      expect(warning).toEqual([expect.objectContaining({ id: stillInfo[0].id, severity: 'warning', status: 'open' })]);
    });

    it('should reopen an acknowledged alert as open when its severity rises', async () => {
      const grant = await givenGrant({ periodEnd: '2026-06-30' });
      await s.scans.runScan('grant_expiring', '2026-03-01');
      await s.ds.query(`UPDATE alerts SET status = 'acknowledged' WHERE funding_id = $1`, [grant.id]);

      await s.scans.runScan('grant_expiring', '2026-03-05');
      const acknowledged = await alertsOf(grant.id);
      await s.scans.runScan('grant_expiring', '2026-04-15');

      expect(acknowledged).toEqual([expect.objectContaining({ severity: 'warning', status: 'acknowledged' })]);
      expect(await alertsOf(grant.id)).toEqual([expect.objectContaining({ severity: 'critical', status: 'open' })]);
    });
  });

  describe('grant_expired_initiative_active', () => {
    it.each<[string, Partial<FundingLineEntity>, Partial<InitiativeEntity>, boolean]>([
      ['an ended grant of an active initiative', { status: 'ended' }, {}, true],
      ['a granted line past its end', {}, {}, true],
      ['a grant with a coverage decision', { status: 'ended', coverageDecision: 'not_needed' }, {}, false],
      ['ordinary budget money', { sourceType: 'ordinary_budget' }, {}, false],
      ['an application that was rejected', { status: 'rejected' }, {}, false],
      ['an application never granted', { status: 'applied' }, {}, false],
      ['a grant of an approved, not yet active initiative', {}, { status: 'approved' }, false],
      ['a grant of an integrated initiative', { status: 'ended' }, { status: 'integrated' }, false],
    ])('should decide whether to flag %s', async (_, line, initiative, flagged) => {
      const grant = await givenGrant({ periodEnd: '2024-12-31', ...line }, initiative);

      await s.scans.runScan('grant_expired_initiative_active', '2025-01-01');

      expect((await alertsOf(grant.id)).map((a) => a.severity)).toEqual(flagged ? ['critical'] : []);
    });

    it('should resolve the alert when the initiative ends', async () => {
      const grant = await givenGrant({ periodEnd: '2024-12-31', status: 'ended' });
      await s.scans.runScan('grant_expired_initiative_active', '2025-03-01');
      await s.ds.query(`UPDATE initiatives SET status = 'discontinued' WHERE id = $1`, [grant.initiativeId]);

      expect(await s.scans.runScan('grant_expired_initiative_active', '2025-03-02')).toEqual({
        raised: 0,
        escalated: 0,
        resolved: 1,
      });
    });

    it('should hand over from grant_expiring to grant_expired_initiative_active the day after the end', async () => {
      const grant = await givenGrant({ periodEnd: '2026-06-30' });
      await s.scans.runAll('2026-06-30');

      await s.scans.runAll('2026-07-01');

      expect((await alertsOf(grant.id)).map((a) => [a.kind, a.status])).toEqual([
        ['grant_expiring', 'resolved'],
        ['grant_expired_initiative_active', 'open'],
      ]);
    });
  });

  describe('funder_report_due', () => {
    it.each([
      [31, 'no alert'],
      [30, 'info'],
      [8, 'info'],
      [7, 'warning'],
      [0, 'warning'],
      [-1, 'no alert'],
    ])('should give a deadline %s days ahead: %s', async (days, expected) => {
      const grant = await givenGrant({
        reportingDeadlines: [{ date: '2026-09-30', kind: 'final', description: 'Slutredovisning till Länsstyrelsen' }],
      });

      await s.scans.runScan('funder_report_due', addDays('2026-09-30', -days));

      const alerts = await alertsOf(grant.id, 'funder_report_due');
      expect(alerts.map((a) => a.severity)).toEqual(expected === 'no alert' ? [] : [expected]);
      if (expected !== 'no alert') expect(alerts[0].dedupe_key).toBe(`funder_report_due:${grant.id}:2026-09-30:final`);
    });

    it.each<[string, Partial<FundingLineEntity>, Partial<InitiativeEntity>, number]>([
      ['an ended line of a running initiative', { status: 'ended' }, {}, 1],
      ['a rejected line', { status: 'rejected' }, {}, 0],
      ['a line of a completed initiative', {}, { status: 'completed' }, 0],
      ['a line of a draft', {}, { status: 'draft' }, 1],
    ])('should decide whether to flag the deadline of %s', async (_, line, initiative, expected) => {
      const grant = await givenGrant(
        { reportingDeadlines: [{ date: '2026-09-30', kind: 'claim', description: null }], ...line },
        initiative,
      );

      await s.scans.runScan('funder_report_due', '2026-09-20');

      expect(await alertsOf(grant.id)).toHaveLength(expected);
    });

    it('should raise one alert per deadline and resolve each as it passes', async () => {
      const grant = await givenGrant({
        reportingDeadlines: [
          { date: '2026-09-10', kind: 'interim', description: null },
          { date: '2026-09-30', kind: 'final', description: null },
        ],
      });
      await s.scans.runScan('funder_report_due', '2026-09-05');

      const counts = await s.scans.runScan('funder_report_due', '2026-09-11');

      expect(counts).toEqual({ raised: 0, escalated: 0, resolved: 1 });
      expect((await alertsOf(grant.id)).map((a) => [a.dedupe_key.split(':').pop(), a.status])).toEqual([
        ['interim', 'resolved'],
        ['final', 'open'],
      ]);
    });
  });

  describe('running scans', () => {
    async function givenPortfolio() {
      await givenGrant({ periodEnd: '2026-06-30' });
      await givenGrant({ periodEnd: '2026-12-31', sourceType: 'eu_fund' });
      await givenGrant({
        periodEnd: '2025-12-31',
        status: 'ended',
        reportingDeadlines: [{ date: '2026-05-15', kind: 'final', description: null }],
      });
    }

    it('should change nothing and count 0 when the same scan runs twice', async () => {
      await givenPortfolio();
      const first = await s.scans.runAll('2026-05-01');
      const rows = await allAlerts();

      const second = await s.scans.runAll('2026-05-01');

      expect(first).toEqual({ raised: 4, escalated: 0, resolved: 0 });
      expect(second).toEqual(NONE);
      expect(await allAlerts()).toEqual(rows);
    });

    it('should give the same alerts as one run when two runs start at once', async () => {
      await givenPortfolio();

      const counts = await Promise.all([s.scans.runAll('2026-05-01'), s.scans.runAll('2026-05-01')]);

      const alerts = await allAlerts();
      expect(counts[0].raised + counts[1].raised).toBe(4);
      expect(alerts).toHaveLength(4);
      expect(new Set(alerts.map((a) => a.dedupe_key)).size).toBe(4);
      expect(alerts.every((a) => a.status === 'open' && a.version === 1)).toBe(true);
    });

    it('should note one alert.raised webhook event for each grant or funding alert raised, none when it escalates, a scan runs again or the alert is follow-up’s', async () => {
      await givenPortfolio();
      await givenActiveInitiative({ followUpPlan: null });
      const started = new Date();

      const runs = [
        await s.scans.runAll('2026-05-01'),
        await s.scans.runAll('2026-05-01'),
        await s.scans.runAll('2026-10-01'),
      ];

      const alerts = await allAlerts();
      const events: { payload: { alert: Record<string, unknown> } }[] = await s.ds.query(
        `SELECT payload FROM webhook_events WHERE type = 'alert.raised' AND created_at >= $1`,
        [started],
      );
      const noted = (kind: string) =>
        ['grant_expiring', 'grant_expired_initiative_active', 'funding_gap', 'funder_report_due'].includes(kind);
      expect(runs[2].escalated).toBeGreaterThan(0);
      expect(alerts.some((a) => a.kind === 'follow_up_plan_missing')).toBe(true);
      expect(events.map((e) => e.payload.alert.id).sort()).toEqual(
        alerts
          .filter((a) => noted(a.kind))
          .map((a) => a.id)
          .sort(),
      );
      const [grant] = await s.ds.query(
        `SELECT id, kind, severity, title, initiative_id, funding_id, to_char(due_date, 'YYYY-MM-DD') AS due_date, amount_sek::float8 AS amount_sek
           FROM alerts WHERE kind = 'grant_expired_initiative_active' AND created_at >= $1`,
        [started],
      );
      expect(events.find((e) => e.payload.alert.id === grant.id)?.payload.alert).toEqual({
        id: grant.id,
        kind: 'grant_expired_initiative_active',
        severity: 'critical',
        title: grant.title,
        initiativeId: grant.initiative_id,
        fundingLineId: grant.funding_id,
        dueDate: grant.due_date,
        amountSek: grant.amount_sek,
      });
    });

    it('should list the scans it runs', () => {
      expect(s.scans.names).toEqual(
        expect.arrayContaining(['grant_expiring', 'grant_expired_initiative_active', 'funder_report_due']),
      );
    });
  });
});

describe('Alert scans with a configured ladder', () => {
  let s: Scans;
  beforeAll(async () => {
    s = await startScansOnOwnDatabase({ ALERT_LADDER_DAYS: '60,30,10' });
  });
  afterAll(async () => {
    delete process.env.ALERT_LADDER_DAYS;
    await s.close();
  });

  it.each([
    [61, 'no alert'],
    [60, 'info'],
    [30, 'warning'],
    [10, 'critical'],
  ])('should give %s days before its end: %s when ALERT_LADDER_DAYS is 60,30,10', async (days, expected) => {
    await s.ds.query('TRUNCATE alerts, initiatives CASCADE');
    const { id } = await givenInitiative(s.ds, { status: 'active' });
    const grant = await givenFundingLine(s.ds, id, { periodEnd: '2026-06-30' });

    await s.scans.runScan('grant_expiring', addDays('2026-06-30', -days));

    const rows: { severity: string }[] = await s.ds.query('SELECT severity FROM alerts WHERE funding_id = $1', [
      grant.id,
    ]);
    expect(rows.map((r) => r.severity)).toEqual(expected === 'no alert' ? [] : [expected]);
  });
});

describe('Alert scans on the Trollhättan demo', () => {
  let s: Scans;
  type DemoAlert = { kind: string; severity: string; code: string; funder: string; source_type: string };
  let alerts: DemoAlert[];

  beforeAll(async () => {
    s = await startScansOnOwnDatabase();
    await seedDemo(s.ds);
    await s.scans.runAll('2026-11-23');
    alerts = await s.ds.query(
      `SELECT a.kind, a.severity, i.code, f.funder, f.source_type
         FROM alerts a JOIN initiatives i ON i.id = a.initiative_id JOIN funding_lines f ON f.id = a.funding_id
        WHERE a.status = 'open' AND a.kind IN ('grant_expiring', 'grant_expired_initiative_active')
        ORDER BY a.kind, i.code, f.funder`,
    );
  });
  afterAll(() => s.close());

  it('should flag the field-worker project, whose grant ended with nothing to take over, as critical', () => {
    expect(alerts.filter((a) => a.kind === 'grant_expired_initiative_active')).toEqual([
      {
        kind: 'grant_expired_initiative_active',
        severity: 'critical',
        code: 'FALTARBETARE',
        funder: 'Delegationen mot segregation (Delmos)',
        source_type: 'state_grant',
      },
    ]);
  });

  it('should flag every granted temporary grant that ends within a year', () => {
    expect(
      alerts.filter((a) => a.kind === 'grant_expiring').map(({ code, funder, severity }) => [code, funder, severity]),
    ).toEqual([
      ['DROGFOREBYGGANDE', 'Kunskapsförbundet Väst', 'info'],
      ['DROGFOREBYGGANDE', 'Länsstyrelsen Västra Götaland', 'info'],
      ['FORALDRASKAPSSTOD', 'Brottsförebyggande rådet (Brå)', 'critical'],
      ['FRAMTIDSCENTRUM', 'Svenska ESF-rådet (ESF+)', 'info'],
      ['SSPF', 'Kommunfullmäktige', 'critical'],
    ]);
  });
});
