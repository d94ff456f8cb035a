import { calendarDateIn } from '#common';
import { givenRound, givenStatusReport } from './support/follow-up-factories.js';
import {
  givenAlert,
  givenDepartment,
  givenDistrict,
  givenFundingLine,
  givenGoal,
  givenInitiative,
  givenTargetGroup,
} from './support/factories.js';
import { api, createTestApp, expectProblem, request, type TestApp } from './support/test-app.js';

/**
 * A small portfolio with every figure computed by hand. Dates follow today's year (Y): lines running all of Y are
 * "running today", the cliff falls in Y+1 (the next budget year), reporting rounds were due in Y-1.
 */
describe('GET /portfolio/summary', () => {
  let t: TestApp;
  const Y = Number(calendarDateIn(new Date(), 'Europe/Stockholm').slice(0, 4));
  const N = Y + 1;
  const P = Y - 1;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const a = await givenDepartment(ds, { code: 'SUM-A', name: 'Förvaltning A' });
    const b = await givenDepartment(ds, { code: 'SUM-B', name: 'Förvaltning B' });
    const c = await givenDepartment(ds, { code: 'SUM-C', name: 'Förvaltning C' });
    const pa1 = await givenGoal(ds, { code: 'SUM-PA1', title: 'Trygghet', level: 'priority_area' });
    const sub = await givenGoal(ds, {
      code: 'SUM-SUB',
      title: 'Färre unga i kriminalitet',
      level: 'sub_goal',
      parentId: pa1.id,
    });
    const pa2 = await givenGoal(ds, { code: 'SUM-PA2', title: 'Egen försörjning', level: 'priority_area' });
    const agenda = await givenGoal(ds, { code: 'SUM-AG', title: 'Agenda 2030 mål 10', level: 'agenda2030' });
    const tg1 = await givenTargetGroup(ds, { code: 'SUM-TG1', name: 'Unga 16–24' });
    const tg2 = await givenTargetGroup(ds, { code: 'SUM-TG2', name: 'Nyanlända' });
    const d1 = await givenDistrict(ds, { code: 'SUM-D1', name: 'Kronogården' });
    const d2 = await givenDistrict(ds, { code: 'SUM-D2', name: 'Lextorp' });

    // I1: active, A, under PA1 through its sub-goal. Runs on 600 000 state grant + 200 000 ordinary budget this year;
    // an EU grant of 300 000 ends 30 June next year with nothing after it (uncovered: the whole 1 200 000).
    const i1 = await givenInitiative(
      ds,
      { code: 'SUM-I1', status: 'active', leadDepartmentId: a.id, annualCostSek: 1_200_000 },
      { goalIds: [sub.id], targetGroupIds: [tg1.id], districtIds: [d1.id] },
    );
    await givenFundingLine(ds, i1.id, { amountSek: 600_000, periodStart: `${Y}-01-01`, periodEnd: `${Y}-12-31` });
    await givenFundingLine(ds, i1.id, {
      sourceType: 'ordinary_budget',
      funder: 'Kommunstyrelsen',
      amountSek: 200_000,
      periodStart: `${Y}-01-01`,
      periodEnd: `${Y}-12-31`,
    });
    await givenFundingLine(ds, i1.id, {
      sourceType: 'eu_fund',
      funder: 'ESF-rådet',
      amountSek: 300_000,
      periodStart: `${N}-01-01`,
      periodEnd: `${N}-06-30`,
    });
    // I2: approved, A, without a follow-up plan, under PA1 and PA2; only an applied line (not money yet).
    const i2 = await givenInitiative(
      ds,
      { code: 'SUM-I2', status: 'approved', leadDepartmentId: a.id, annualCostSek: 500_000, followUpPlan: null },
      { goalIds: [pa1.id, pa2.id], targetGroupIds: [tg1.id, tg2.id], districtIds: [d1.id, d2.id] },
    );
    await givenFundingLine(ds, i2.id, {
      status: 'applied',
      amountSek: 900_000,
      periodStart: `${Y}-01-01`,
      periodEnd: `${Y}-12-31`,
    });
    // I3: draft, A, no annual cost, linked only to a goal with no priority area above it: unlinked.
    const i3 = await givenInitiative(
      ds,
      { code: 'SUM-I3', status: 'draft', leadDepartmentId: a.id, annualCostSek: null },
      { goalIds: [agenda.id], districtIds: [d2.id] },
    );
    await givenFundingLine(ds, i3.id, { amountSek: 120_000, periodStart: `${Y}-01-01`, periodEnd: `${Y}-12-31` });
    // I4: active, led by B with A as co-owner, no goals; ordinary budget 240 000; a decided cliff next March.
    const i4 = await givenInitiative(
      ds,
      { code: 'SUM-I4', status: 'active', leadDepartmentId: b.id, annualCostSek: 300_000 },
      {
        targetGroupIds: [tg2.id],
        participants: [{ departmentId: a.id, role: 'co_owner', responsibility: 'Delar ansvaret' }],
      },
    );
    await givenFundingLine(ds, i4.id, {
      sourceType: 'ordinary_budget',
      funder: 'Kommunstyrelsen',
      amountSek: 240_000,
      periodStart: `${Y}-01-01`,
      periodEnd: `${Y}-12-31`,
    });
    await givenFundingLine(ds, i4.id, {
      amountSek: 100_000,
      periodStart: `${N}-03-01`,
      periodEnd: `${N}-03-31`,
      coverageDecision: 'phase_out',
      coverageDecidedOn: `${Y}-01-15`,
    });
    // I5: department C only, outside every filter below; it would change every figure.
    const i5 = await givenInitiative(
      ds,
      { code: 'SUM-I5', status: 'active', leadDepartmentId: c.id, annualCostSek: 9_000_000 },
      { goalIds: [pa2.id], targetGroupIds: [tg1.id] },
    );
    await givenFundingLine(ds, i5.id, { amountSek: 999_000, periodStart: `${Y}-01-01`, periodEnd: `${N}-02-28` });
    await givenAlert(ds, i5.id, { severity: 'critical' });

    await givenAlert(ds, i1.id, { kind: 'grant_expiring', severity: 'warning' });
    await givenAlert(ds, i1.id, { kind: 'funding_gap', severity: 'critical', status: 'acknowledged' });
    await givenAlert(ds, i1.id, { kind: 'grant_expiring', severity: 'critical', status: 'resolved' });
    await givenAlert(ds, i2.id, { kind: 'follow_up_plan_missing', severity: 'warning' });
    await givenAlert(ds, i3.id, {
      kind: 'funding_gap',
      severity: 'warning',
      status: 'dismissed',
      dismissReason: 'Utkast',
    });
    await givenAlert(ds, i4.id, { kind: 'grant_expiring', severity: 'critical' });

    // Rounds: the latest one due by today decides. I2 was on time in the older round but late in the latest;
    // I4's reports in rounds not yet due do not count. Reports in rounds to come: I1 in one (the facts' second
    // slot decides), I4 in two (its reports are ranked at read time).
    const older = await givenRound(ds, { title: 'Äldre', period: `${P}-Q1`, dueDate: `${P}-03-31` });
    const latest = await givenRound(ds, { title: 'Senaste', period: `${P}-Q3`, dueDate: `${P}-09-30` });
    const future = await givenRound(ds, { title: 'Kommande', period: `${N}-Q2`, dueDate: `${N}-06-30` });
    const later = await givenRound(ds, { title: 'Därefter', period: `${N}-Q4`, dueDate: `${N}-12-31` });
    await givenStatusReport(ds, future.id, i1.id, { status: 'pending' });
    await givenStatusReport(ds, later.id, i4.id, { status: 'pending' });
    await givenStatusReport(ds, older.id, i2.id, { status: 'approved', submittedAt: new Date(`${P}-03-20T10:00:00Z`) });
    // The due date ends at midnight in Stockholm: I1 at 23:30 there (21:30 UTC) is on time, I2 at 00:30 is late.
    await givenStatusReport(ds, latest.id, i1.id, {
      status: 'approved',
      submittedAt: new Date(`${P}-09-30T21:30:00Z`),
    });
    await givenStatusReport(ds, latest.id, i2.id, {
      status: 'submitted',
      submittedAt: new Date(`${P}-09-30T22:30:00Z`),
    });
    await givenStatusReport(ds, latest.id, i4.id, { status: 'pending' });
    await givenStatusReport(ds, future.id, i4.id, {
      status: 'approved',
      submittedAt: new Date(`${P}-12-01T10:00:00Z`),
    });
    ids = { a: a.id, b: b.id, pa1: pa1.id, pa2: pa2.id };
  });
  afterAll(() => t.close());

  const summary = (query: string) => t.admin.get(api(`/portfolio/summary${query}`));

  it('should count, cost and judge every initiative the filter chooses when filtered by department (lead or participant)', async () => {
    const res = await summary(`?departmentId=${ids.a}`);

    expect(res.status).toBe(200);
    expect(res.body.initiatives).toBe(4);
    expect(res.body.byStatus).toEqual({
      draft: 1,
      proposed: 0,
      approved: 1,
      active: 2,
      completed: 0,
      integrated: 0,
      discontinued: 0,
    });
    expect(res.body.byLeadDepartment).toEqual([
      { id: ids.a, code: 'SUM-A', name: 'Förvaltning A', count: 3 },
      { id: ids.b, code: 'SUM-B', name: 'Förvaltning B', count: 1 },
    ]);
    expect(res.body.byPriorityArea).toEqual({
      areas: [
        // I1 1 200 000 + I2 500 000; I2 counts under both areas.
        { id: ids.pa1, code: 'SUM-PA1', title: 'Trygghet', count: 2, annualCostSek: 1_700_000 },
        { id: ids.pa2, code: 'SUM-PA2', title: 'Egen försörjning', count: 1, annualCostSek: 500_000 },
      ],
      unlinked: 2,
    });
    expect(res.body.byTargetGroup).toEqual([
      { code: 'SUM-TG1', name: 'Unga 16–24', count: 2 },
      { code: 'SUM-TG2', name: 'Nyanlända', count: 2 },
    ]);
    expect(res.body.byDistrict).toEqual([
      { code: 'SUM-D1', name: 'Kronogården', count: 2 },
      { code: 'SUM-D2', name: 'Lextorp', count: 2 },
    ]);
    // Running today a year: state grant 600 000 (I1) + 120 000 (I3); ordinary budget 200 000 (I1) + 240 000 (I4).
    expect(res.body.annualCost).toEqual({
      totalSek: 2_000_000,
      initiativesWithoutAnnualCost: 1,
      fundedPerYearSek: 1_160_000,
      bySourceType: expect.objectContaining({ state_grant: 720_000, ordinary_budget: 440_000, eu_fund: 0 }),
      temporarySek: 720_000,
      temporaryShare: 0.6207,
    });
    // Next year: I1's EU grant ends undecided (300 000, nothing left to pay its 1 200 000); I4's cliff is decided.
    expect(res.body.fundingCliff).toEqual({
      year: N,
      fundingEndingSek: 300_000,
      uncoveredAnnualCostSek: 1_200_000,
      initiatives: 1,
      initiativesCoverageDecided: 1,
    });
    expect(res.body.openAlerts).toEqual({
      total: 4,
      bySeverity: { info: 0, warning: 2, critical: 2 },
      byKind: [
        { kind: 'grant_expiring', total: 2, bySeverity: { warning: 1, critical: 1 } },
        { kind: 'follow_up_plan_missing', total: 1, bySeverity: { warning: 1 } },
        { kind: 'funding_gap', total: 1, bySeverity: { critical: 1 } },
      ],
    });
    // Approved or active: I1, I2, I4. Plans: I1, I4. On time in the latest round: I1 only.
    expect(res.body.followUp).toEqual({
      initiatives: 3,
      withFollowUpPlan: 2,
      followUpPlanShare: 0.6667,
      withReportDue: 3,
      reportedOnTime: 1,
      reportedOnTimeShare: 0.3333,
    });
  });

  it('should change the figures when the lead department filter leaves the co-owned initiative out', async () => {
    const res = await summary(`?leadDepartmentId=${ids.a}`);

    expect(res.status).toBe(200);
    expect(res.body.initiatives).toBe(3);
    expect(res.body.byStatus).toMatchObject({ draft: 1, approved: 1, active: 1 });
    expect(res.body.byLeadDepartment).toEqual([{ id: ids.a, code: 'SUM-A', name: 'Förvaltning A', count: 3 }]);
    expect(res.body.byPriorityArea.unlinked).toBe(1);
    expect(res.body.byTargetGroup).toEqual([
      { code: 'SUM-TG1', name: 'Unga 16–24', count: 2 },
      { code: 'SUM-TG2', name: 'Nyanlända', count: 1 },
    ]);
    expect(res.body.annualCost).toMatchObject({
      totalSek: 1_700_000,
      fundedPerYearSek: 920_000,
      temporarySek: 720_000,
      temporaryShare: 0.7826,
    });
    expect(res.body.annualCost.bySourceType).toMatchObject({ state_grant: 720_000, ordinary_budget: 200_000 });
    expect(res.body.fundingCliff).toEqual({
      year: N,
      fundingEndingSek: 300_000,
      uncoveredAnnualCostSek: 1_200_000,
      initiatives: 1,
      initiativesCoverageDecided: 0,
    });
    expect(res.body.openAlerts).toMatchObject({ total: 3, bySeverity: { info: 0, warning: 2, critical: 1 } });
    expect(res.body.followUp).toEqual({
      initiatives: 2,
      withFollowUpPlan: 1,
      followUpPlanShare: 0.5,
      withReportDue: 2,
      reportedOnTime: 1,
      reportedOnTimeShare: 0.5,
    });
  });

  it('should take the goal and status filters of the initiative list when they are combined', async () => {
    const res = await summary(`?goalId=${ids.pa1}&status=active,approved`);

    expect(res.status).toBe(200);
    expect(res.body.initiatives).toBe(2);
    expect(res.body.byPriorityArea).toEqual({
      areas: [
        expect.objectContaining({ code: 'SUM-PA1', count: 2 }),
        expect.objectContaining({ code: 'SUM-PA2', count: 1 }),
      ],
      unlinked: 0,
    });
  });

  it('should answer zeros and null shares when nothing matches', async () => {
    const res = await summary('?q=finnsinte-xyz');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      initiatives: 0,
      byLeadDepartment: [],
      byPriorityArea: { areas: [], unlinked: 0 },
    });
    expect(res.body.annualCost).toMatchObject({ totalSek: 0, fundedPerYearSek: 0, temporaryShare: null });
    expect(res.body.fundingCliff).toEqual({
      year: N,
      fundingEndingSek: 0,
      uncoveredAnnualCostSek: 0,
      initiatives: 0,
      initiativesCoverageDecided: 0,
    });
    expect(res.body.followUp).toMatchObject({ initiatives: 0, followUpPlanShare: null, reportedOnTimeShare: null });
  });

  it('should refuse a bad filter, and paging or sort, with problem+json naming the fields', async () => {
    const res = await summary('?leadDepartmentId=nope&status=running');
    expectProblem(res, 400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['leadDepartmentId', 'status']);

    const paged = await summary('?limit=10&sort=code');
    expectProblem(paged, 400);
    expect(paged.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'sort']);
  });

  it('should let every reading role in and turn away the anonymous', async () => {
    const auditor = await t.as({ role: 'auditor', sub: 'summary-auditor' });
    expect((await auditor.get(api('/portfolio/summary'))).status).toBe(200);
    expectProblem(await request(t.http).get(api('/portfolio/summary')), 401);
  });
});
