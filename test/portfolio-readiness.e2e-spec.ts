import { calendarDateIn } from '#common';
import { READINESS_CHECKS, readinessScoreSql } from '#portfolio-review';
import { givenRound, givenStatusReport } from './support/follow-up-factories.js';
import {
  givenDepartment,
  givenFundingLine,
  givenGoal,
  givenInitiative,
  givenTargetGroup,
} from './support/factories.js';
import { givenIndicator, givenIndicatorValue } from './support/indicator-factories.js';
import { givenEffectNode } from './support/results-factories.js';
import { api, createTestApp, expectProblem, request, type TestApp } from './support/test-app.js';

/**
 * Four approved or active initiatives (and a draft that never counts), every check and share computed by hand. All
 * carry the target group RDY-TG, so the filter keeps other specs' data out. The reporting rounds were due last year.
 */
describe('GET /portfolio/readiness', () => {
  let t: TestApp;
  const Y = Number(calendarDateIn(new Date(), 'Europe/Stockholm').slice(0, 4));
  const P = Y - 1;
  const owner = { name: 'Anna Processägare', title: 'Enhetschef', email: null };
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const a = await givenDepartment(ds, { code: 'RDY-A', name: 'Förvaltning A' });
    const b = await givenDepartment(ds, { code: 'RDY-B', name: 'Förvaltning B' });
    const pa = await givenGoal(ds, { code: 'RDY-PA', title: 'Trygghet', level: 'priority_area' });
    const sub = await givenGoal(ds, {
      code: 'RDY-SUB',
      title: 'Färre unga i kriminalitet',
      level: 'sub_goal',
      parentId: pa.id,
    });
    const tg = await givenTargetGroup(ds, { code: 'RDY-TG', name: 'Unga 16–24' });
    const baselined = await givenIndicator(ds, a.id);
    await givenIndicatorValue(ds, baselined.id, `${P}`, 41, { kind: 'baseline' });
    const measuredOnly = await givenIndicator(ds, b.id);
    await givenIndicatorValue(ds, measuredOnly.id, `${P}`, 43);
    const linkIndicator = (nodeId: string, indicatorId: string) =>
      ds.query('INSERT INTO indicator_effect_nodes (effect_node_id, indicator_id) VALUES ($1, $2)', [
        nodeId,
        indicatorId,
      ]);
    const latest = await givenRound(ds, { title: 'Senaste', period: `${P}-Q3`, dueDate: `${P}-09-30` });
    const onTime = { status: 'approved' as const, submittedAt: new Date(`${P}-09-20T10:00:00Z`) };

    // I1 (active, A): everything in place; its state grant has a coverage decision. 8/8.
    const i1 = await givenInitiative(
      ds,
      { code: 'RDY-I1', status: 'active', leadDepartmentId: a.id, processOwner: owner },
      {
        goalIds: [sub.id],
        targetGroupIds: [tg.id],
        participants: [{ departmentId: b.id, role: 'co_owner', responsibility: 'Driver skolspåret' }],
      },
    );
    await linkIndicator((await givenEffectNode(ds, { initiativeId: i1.id }, 'short_term_outcome')).id, baselined.id);
    await givenFundingLine(ds, i1.id, { coverageDecision: 'extension', coverageDecidedOn: `${Y}-01-15` });
    // On time at 23:30 on the due date in Stockholm (21:30 UTC); I2's report at 00:30 the next day is late.
    await givenStatusReport(ds, latest.id, i1.id, {
      status: 'approved',
      submittedAt: new Date(`${P}-09-30T21:30:00Z`),
    });
    // I1 also has reports in two rounds still to come (both opened early): its latest round due stays `latest`.
    for (const dueDate of [`${Y + 1}-03-31`, `${Y + 1}-06-30`]) {
      const upcoming = await givenRound(ds, { title: `Kommande ${dueDate}`, period: dueDate.slice(0, 7), dueDate });
      await givenStatusReport(ds, upcoming.id, i1.id);
    }
    // I2 (approved, A): blank co-owner responsibility, no process owner, the baselined indicator only on an output,
    // no plan, reported late; only ordinary budget (coverage not applicable). 2/7.
    const i2 = await givenInitiative(
      ds,
      { code: 'RDY-I2', status: 'approved', leadDepartmentId: a.id, processOwner: null, followUpPlan: null },
      {
        goalIds: [pa.id],
        targetGroupIds: [tg.id],
        participants: [{ departmentId: b.id, role: 'co_owner', responsibility: '   ' }],
      },
    );
    await linkIndicator((await givenEffectNode(ds, { initiativeId: i2.id }, 'output')).id, baselined.id);
    await givenFundingLine(ds, i2.id, { sourceType: 'ordinary_budget', funder: 'Kommunstyrelsen' });
    await givenStatusReport(ds, latest.id, i2.id, {
      status: 'submitted',
      submittedAt: new Date(`${P}-09-30T22:30:00Z`),
    });
    // I3 (active, B): a partner without a responsibility is fine; no goal; its outcome's indicator has no baseline; no
    // report; an applied EU grant still undecided beside a decided state grant. 4/8.
    const i3 = await givenInitiative(
      ds,
      { code: 'RDY-I3', status: 'active', leadDepartmentId: b.id, processOwner: owner },
      { targetGroupIds: [tg.id], participants: [{ departmentId: a.id, role: 'partner', responsibility: null }] },
    );
    await linkIndicator((await givenEffectNode(ds, { initiativeId: i3.id }, 'long_term_outcome')).id, measuredOnly.id);
    await givenFundingLine(ds, i3.id, { status: 'applied', sourceType: 'eu_fund', funder: 'ESF-rådet' });
    await givenFundingLine(ds, i3.id, { coverageDecision: 'phase_out', coverageDecidedOn: `${Y}-01-15` });
    // I4 (active, no lead department): all else in place; a rejected grant is not temporary money. 6/7.
    const i4 = await givenInitiative(
      ds,
      { code: 'RDY-I4', status: 'active', leadDepartmentId: null, processOwner: owner },
      { goalIds: [sub.id], targetGroupIds: [tg.id] },
    );
    await linkIndicator((await givenEffectNode(ds, { initiativeId: i4.id }, 'impact')).id, baselined.id);
    await givenFundingLine(ds, i4.id, { status: 'rejected' });
    await givenStatusReport(ds, latest.id, i4.id, onTime);
    // A draft with nothing: never counted.
    await givenInitiative(ds, { code: 'RDY-I5', status: 'draft', leadDepartmentId: a.id }, { targetGroupIds: [tg.id] });
    ids = { a: a.id, b: b.id, pa: pa.id, i1: i1.id, i2: i2.id, i3: i3.id, i4: i4.id };
  });
  afterAll(() => t.close());

  const readiness = (query = '') => t.admin.get(api(`/portfolio/readiness?targetGroup=RDY-TG${query}`));
  const all = (v: number) => ({
    leadDepartment: v,
    coOwnerResponsibilities: v,
    processOwner: v,
    goalLink: v,
    effectLogic: v,
    followUpPlan: v,
    reportedOnTime: v,
    coverageDecision: v,
  });

  it('should check every approved or active initiative, lowest score first, naming what is missing', async () => {
    const res = await readiness();

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, limit: 50, offset: 0 });
    expect(
      res.body.initiatives.map((i: { code: string; score: number; missing: string[] }) => [i.code, i.score, i.missing]),
    ).toEqual([
      ['RDY-I2', 0.2857, ['coOwnerResponsibilities', 'processOwner', 'effectLogic', 'followUpPlan', 'reportedOnTime']],
      ['RDY-I3', 0.5, ['goalLink', 'effectLogic', 'reportedOnTime', 'coverageDecision']],
      ['RDY-I4', 0.8571, ['leadDepartment']],
      ['RDY-I1', 1, []],
    ]);
    const [i2, i3, , i1] = res.body.initiatives;
    expect(i2).toEqual({
      id: ids.i2,
      code: 'RDY-I2',
      title: 'Testinsats',
      leadDepartment: { id: ids.a, code: 'RDY-A', name: 'Förvaltning A' },
      score: 0.2857,
      checks: {
        leadDepartment: true,
        coOwnerResponsibilities: false,
        processOwner: false,
        goalLink: true,
        effectLogic: false,
        followUpPlan: false,
        reportedOnTime: false,
        coverageDecision: null,
      },
      missing: ['coOwnerResponsibilities', 'processOwner', 'effectLogic', 'followUpPlan', 'reportedOnTime'],
    });
    expect(i3.checks.coverageDecision).toBe(false);
    expect(i1.checks).toEqual(Object.fromEntries(Object.keys(all(1)).map((check) => [check, true])));
    expect(res.body.initiatives[2].leadDepartment).toBeNull();
  });

  it('should roll the checks up by lead department and priority area as shares of their initiatives', async () => {
    const res = await readiness();

    expect(res.status).toBe(200);
    // A: I1 and I2; coverage only applies to I1. B: I3. No lead: I4.
    expect(res.body.byDepartment).toEqual([
      {
        id: ids.a,
        code: 'RDY-A',
        name: 'Förvaltning A',
        initiatives: 2,
        score: 0.6429,
        checks: { ...all(0.5), leadDepartment: 1, goalLink: 1, coverageDecision: 1 },
      },
      {
        id: ids.b,
        code: 'RDY-B',
        name: 'Förvaltning B',
        initiatives: 1,
        score: 0.5,
        checks: { ...all(1), goalLink: 0, effectLogic: 0, reportedOnTime: 0, coverageDecision: 0 },
      },
      {
        id: null,
        code: null,
        name: null,
        initiatives: 1,
        score: 0.8571,
        checks: { ...all(1), leadDepartment: 0, coverageDecision: null },
      },
    ]);
    // The priority area: I1 and I4 through its sub-goal, I2 directly; I3 is under none.
    expect(res.body.byPriorityArea).toEqual({
      areas: [
        {
          id: ids.pa,
          code: 'RDY-PA',
          title: 'Trygghet',
          initiatives: 3,
          score: 0.7143,
          checks: { ...all(0.6667), goalLink: 1, coverageDecision: 1 },
        },
      ],
      unlinked: {
        initiatives: 1,
        score: 0.5,
        checks: { ...all(1), goalLink: 0, effectLogic: 0, reportedOnTime: 0, coverageDecision: 0 },
      },
    });
  });

  it('should change the figures when a filter leaves initiatives out, and page without changing the roll-ups', async () => {
    const res = await readiness(`&leadDepartmentId=${ids.a}`);

    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.initiatives.map((i: { code: string }) => i.code)).toEqual(['RDY-I2', 'RDY-I1']);
    expect(res.body.byDepartment).toEqual([expect.objectContaining({ code: 'RDY-A', initiatives: 2 })]);
    expect(res.body.byPriorityArea).toEqual({
      areas: [
        expect.objectContaining({
          code: 'RDY-PA',
          initiatives: 2,
          score: 0.6429,
          checks: { ...all(0.5), leadDepartment: 1, goalLink: 1, coverageDecision: 1 },
        }),
      ],
      unlinked: null,
    });

    const page = await readiness('&limit=1&offset=1');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 4, limit: 1, offset: 1 });
    expect(page.body.initiatives.map((i: { code: string }) => i.code)).toEqual(['RDY-I3']);
    expect(page.body.byDepartment).toHaveLength(3);

    const drafts = await readiness('&status=draft');
    expect(drafts.body).toMatchObject({
      total: 0,
      initiatives: [],
      byDepartment: [],
      byPriorityArea: { areas: [], unlinked: null },
    });
  });

  it('should refuse a bad filter, a bad page and a sort with problem+json naming the fields', async () => {
    const res = await readiness('&leadDepartmentId=nope&status=running&limit=0&sort=score');
    expectProblem(res, 400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'leadDepartmentId',
      'limit',
      'sort',
      'status',
    ]);
  });

  it('should score every count of checks met as numeric rounding to four decimals would', async () => {
    const [{ differing }] = await t.dataSource.query(
      `SELECT count(*)::int AS differing
         FROM generate_series(1, $1::int) AS a(applicable) CROSS JOIN generate_series(0, a.applicable) AS m(met)
        WHERE ${readinessScoreSql('m.met', 'a.applicable')} IS DISTINCT FROM round(m.met::numeric / a.applicable, 4)::float8`,
      [READINESS_CHECKS.length],
    );
    expect(differing).toBe(0);
  });

  it('should let a reading role in and turn away the anonymous', async () => {
    const auditor = await t.as({ role: 'auditor', sub: 'readiness-auditor' });
    expect((await auditor.get(api('/portfolio/readiness?targetGroup=RDY-TG'))).status).toBe(200);
    expectProblem(await request(t.http).get(api('/portfolio/readiness')), 401);
  });
});
