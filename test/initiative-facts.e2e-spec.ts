import { givenDepartment, givenDistrict, givenTargetGroup, uniqueCode } from './support/factories.js';
import { givenRound, givenStatusReport } from './support/follow-up-factories.js';
import { api, createTestApp, type TestApp } from './support/test-app.js';

type Facts = {
  initiative_id: string;
  area_ids: string[];
  co_owner_responsibilities: boolean;
  goal_link: boolean;
  effect_logic: boolean;
  coverage_decision: boolean | null;
  status: string;
  lead_department_id: string | null;
  annual_cost_sek: string | null;
  has_plan: boolean;
  target_group_ids: string[];
  district_ids: string[];
  code: string;
  has_process_owner: boolean;
  latest_report_due: string | null;
  latest_report_submitted_at: Date | null;
  previous_report_due: string | null;
  previous_report_submitted_at: Date | null;
};

/**
 * `initiative_facts` is kept by triggers in the writing transaction (InitiativeFacts, ReportFacts migrations), and the
 * summary's roll-ups by triggers on it (PortfolioRollups). A series of writes, each of which changes a fact of the
 * initiative under test; after every one the table must equal `initiative_facts_of` joined with
 * `initiative_report_facts_of` over all initiatives, and the roll-ups `portfolio_rollups_computed`, computed from
 * scratch, row for row.
 */
describe('initiative_facts', () => {
  let t: TestApp;
  let lead: { id: string };
  let other: { id: string };
  let third: { id: string };
  let tg: { id: string; code: string };
  let tg2: { id: string; code: string };
  let district: { id: string; code: string };

  beforeAll(async () => {
    t = await createTestApp();
    lead = await givenDepartment(t.dataSource);
    other = await givenDepartment(t.dataSource);
    third = await givenDepartment(t.dataSource);
    tg = await givenTargetGroup(t.dataSource);
    tg2 = await givenTargetGroup(t.dataSource);
    district = await givenDistrict(t.dataSource);
  });
  afterAll(() => t.close());

  /**
   * Rows where the kept figures and the from-scratch computation differ (either side): the facts, and the summary's
   * roll-ups built on them (PortfolioRollups and DepartmentRollups migrations: the kept additions summed per group and
   * lead department, against `portfolio_rollups_computed`).
   */
  const differences = async (): Promise<unknown[]> => [
    ...(await t.dataSource.query(`
      WITH scratch AS (
        SELECT o.*, r.latest_report_due, r.latest_report_submitted_at, r.previous_report_due, r.previous_report_submitted_at
          FROM initiative_facts_of(ARRAY(SELECT id FROM initiatives)) o
          JOIN initiative_report_facts_of(ARRAY(SELECT id FROM initiatives)) r ON r.initiative_id = o.initiative_id
      )
      (SELECT 'scratch' AS side, * FROM scratch EXCEPT SELECT 'scratch', * FROM initiative_facts)
      UNION ALL
      (SELECT 'table', * FROM initiative_facts EXCEPT SELECT 'table', * FROM scratch)`)),
    ...(await t.dataSource.query(`
      WITH kept AS (
        SELECT dimension, key, sum(initiatives)::int, sum(annual_cost_sek)::bigint, sum(without_annual_cost)::int,
               sum(unlinked)::int, sum(followed)::int, sum(with_plan)::int, lead_department_id
          FROM portfolio_rollups GROUP BY lead_department_id, dimension, key HAVING sum(initiatives) <> 0
      )
      (SELECT 'scratch' AS side, * FROM portfolio_rollups_computed EXCEPT SELECT 'scratch', * FROM kept)
      UNION ALL
      (SELECT 'rollups', * FROM kept EXCEPT SELECT 'rollups', * FROM portfolio_rollups_computed)`)),
  ];
  const factsOf = async (id: string): Promise<Facts | undefined> =>
    (await t.dataSource.query(`SELECT * FROM initiative_facts WHERE initiative_id = $1`, [id]))[0];
  const etag = async (path: string) => {
    const res = await t.admin.get(api(path));
    expect(res.status).toBe(200);
    return res.headers.etag;
  };
  const ok = async (res: Promise<{ status: number; body: unknown }> | { status: number; body: unknown }) => {
    const r = await res;
    expect([200, 201, 204]).toContain(r.status);
    return r.body as { id: string };
  };
  const goal = (level: string, parentId: string | null) =>
    ok(
      t.admin
        .post(api('/goals'))
        .send({ code: uniqueCode('FCT'), title: `Mål ${level}`, level, framework: 'MRP 2024–2027', parentId }),
    );
  /** A new initiative of the lead department through the API. */
  const create = (fields: Record<string, unknown>) =>
    ok(
      t.admin
        .post(api('/initiatives'))
        .send({ code: uniqueCode('FCT'), kind: 'method', leadDepartmentId: lead.id, ...fields }),
    );
  const patch = async (path: string, body: Record<string, unknown>) =>
    ok(
      t.admin
        .patch(api(path))
        .set('If-Match', await etag(path))
        .send(body),
    );

  it('should equal the from-scratch facts after each write that changes them', async () => {
    const committee = await goal('committee_goal', null);
    const pa1 = await goal('priority_area', committee.id);
    const pa2 = await goal('priority_area', committee.id);
    const sub = await goal('sub_goal', pa1.id);
    const sorted = (...ids: string[]) => [...ids].sort();

    const code = uniqueCode('FCT');
    const initiative = await create({
      code,
      title: 'Faktaprov',
      summary: 'Ett initiativ vars fakta ändras steg för steg.',
      participants: [{ departmentId: other.id, role: 'co_owner', responsibility: 'Skolspåret' }],
      goalIds: [sub.id],
      targetGroupCodes: [tg.code],
      districtCodes: [],
    });
    const id = initiative.id;
    const path = `/initiatives/${id}`;
    expect(await differences()).toEqual([]);
    expect(await factsOf(id)).toEqual({
      initiative_id: id,
      area_ids: [pa1.id],
      co_owner_responsibilities: true,
      goal_link: true,
      effect_logic: false,
      coverage_decision: null,
      status: 'draft',
      lead_department_id: lead.id,
      annual_cost_sek: null,
      has_plan: false,
      target_group_ids: [tg.id],
      district_ids: [],
      code,
      has_process_owner: false,
      latest_report_due: null,
      latest_report_submitted_at: null,
      previous_report_due: null,
      previous_report_submitted_at: null,
    });

    let before = await factsOf(id);
    /** Runs a write; the facts of the initiative must change and still equal the from-scratch ones. */
    const step = async (write: () => Promise<unknown>, expected: Partial<Facts>) => {
      await write();
      const after = await factsOf(id);
      expect(after).not.toEqual(before);
      expect(after).toMatchObject(expected);
      expect(await differences()).toEqual([]);
      before = after;
    };

    // Links to goals: a second area; the goal tree moves the first link under the second area.
    await step(() => patch(path, { goalIds: [sub.id, pa2.id] }), { area_ids: sorted(pa1.id, pa2.id) });
    await step(() => patch(`/goals/${sub.id}`, { parentId: pa2.id }), { area_ids: [pa2.id] });
    await step(() => patch(`/goals/${sub.id}`, { parentId: pa1.id }), { area_ids: sorted(pa1.id, pa2.id) });
    // The initiative's own columns: lead department, annual cost, follow-up plan and process owner (a JSON null is
    // none), code.
    await step(() => patch(path, { leadDepartmentId: third.id }), { lead_department_id: third.id });
    await step(() => patch(path, { annualCostSek: 1_200_000 }), { annual_cost_sek: '1200000' });
    await step(() => patch(path, { annualCostSek: null }), { annual_cost_sek: null });
    await step(
      () => patch(path, { followUpPlan: { method: 'Enkät', frequency: 'biannual', responsible: 'Styrgruppen' } }),
      { has_plan: true },
    );
    await step(() => patch(path, { followUpPlan: null }), { has_plan: false });
    await step(() => patch(path, { processOwner: { name: 'Samordnare SSPF' } }), { has_process_owner: true });
    await step(() => patch(path, { processOwner: null }), { has_process_owner: false });
    const renamed = uniqueCode('FCT');
    await step(() => patch(path, { code: renamed }), { code: renamed });
    // Target groups and districts, kept as sorted ids.
    await step(() => patch(path, { targetGroupCodes: [tg.code, tg2.code] }), {
      target_group_ids: sorted(tg.id, tg2.id),
    });
    await step(() => patch(path, { targetGroupCodes: [] }), { target_group_ids: [] });
    await step(() => patch(path, { districtCodes: [district.code] }), { district_ids: [district.id] });

    // Participants: a blank responsibility, then none.
    await step(
      () => patch(path, { participants: [{ departmentId: other.id, role: 'co_owner', responsibility: ' ' }] }),
      {
        co_owner_responsibilities: false,
      },
    );
    await step(() => patch(path, { participants: [] }), { co_owner_responsibilities: true });

    // Effect logic: an outcome node, an indicator linked to it, then its baseline; the node gone.
    const node = await ok(
      t.admin
        .post(api('/effect-nodes'))
        .send({ level: 'short_term_outcome', title: 'Fler i studier', initiativeId: id }),
    );
    const indicator = await ok(
      t.admin.post(api('/indicators')).send({
        code: uniqueCode('FCT'),
        name: 'Andel i studier',
        unit: 'percent',
        direction: 'increase',
        source: 'internal',
        ownerDepartmentId: lead.id,
      }),
    );
    await ok(t.admin.post(api(`/effect-nodes/${node.id}/indicators`)).send({ indicatorId: indicator.id }));
    expect(await differences()).toEqual([]);
    await step(
      () =>
        ok(
          t.admin
            .post(api(`/indicators/${indicator.id}/measurements`))
            .send({ kind: 'baseline', period: '2024', value: 40 }),
        ),
      { effect_logic: true },
    );
    await step(() => ok(t.admin.delete(api(`/effect-nodes/${node.id}`))), { effect_logic: false });

    // Funding: temporary money without a decision, the decision, the line gone.
    const line = await ok(
      t.admin.post(api(`/initiatives/${id}/funding`)).send({
        sourceType: 'state_grant',
        funder: 'MUCF',
        amountSek: 400_000,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        status: 'granted',
      }),
    );
    expect(await factsOf(id)).toMatchObject({ coverage_decision: false });
    expect(await differences()).toEqual([]);
    before = await factsOf(id);
    await step(
      async () =>
        ok(
          t.admin
            .put(api(`/funding/${line.id}/coverage-decision`))
            .set('If-Match', await etag(`/funding/${line.id}`))
            .send({ decision: 'phase_out' }),
        ),
      { coverage_decision: true },
    );
    await step(
      async () => ok(t.admin.delete(api(`/funding/${line.id}`)).set('If-Match', await etag(`/funding/${line.id}`))),
      { coverage_decision: null },
    );

    // No goals at all.
    await step(() => patch(path, { goalIds: [] }), { area_ids: [], goal_link: false });

    // Reports: the two latest rounds' (by due date, then the later created round), with the submission time only
    // once submitted or approved.
    const ds = t.dataSource;
    const spring = await givenRound(ds, { title: 'Vår', period: '2025-Q1', dueDate: '2025-03-31' });
    const autumn = await givenRound(ds, { title: 'Höst', period: '2025-Q3', dueDate: '2025-09-30' });
    const sameDay = await givenRound(ds, { title: 'Samma dag', period: '2025-Q3', dueDate: '2025-09-30' });
    const submittedAt = new Date('2025-09-29T10:00:00Z');
    let autumnReport: { id: string } | undefined;
    await step(() => givenStatusReport(ds, spring.id, id, { status: 'approved', submittedAt }), {
      latest_report_due: '2025-03-31',
      latest_report_submitted_at: submittedAt,
      previous_report_due: null,
    });
    await step(async () => (autumnReport = await givenStatusReport(ds, autumn.id, id)), {
      latest_report_due: '2025-09-30',
      latest_report_submitted_at: null,
      previous_report_due: '2025-03-31',
      previous_report_submitted_at: submittedAt,
    });
    await step(
      () =>
        ds.query(`UPDATE status_reports SET status = 'submitted', submitted_at = $2 WHERE id = $1`, [
          autumnReport?.id,
          submittedAt,
        ]),
      { latest_report_submitted_at: submittedAt },
    );
    // A later created round due the same day comes first; a report returned is not submitted.
    const sameDayReport = await givenStatusReport(ds, sameDay.id, id, { status: 'returned', submittedAt });
    before = await factsOf(id);
    expect(before).toMatchObject({ latest_report_submitted_at: null, previous_report_submitted_at: submittedAt });
    expect(await differences()).toEqual([]);
    await step(() => ds.query(`UPDATE reporting_rounds SET due_date = '2025-06-30' WHERE id = $1`, [sameDay.id]), {
      latest_report_due: '2025-09-30',
      latest_report_submitted_at: submittedAt,
      previous_report_due: '2025-06-30',
      previous_report_submitted_at: null,
    });
    await step(() => ds.query(`DELETE FROM status_reports WHERE id = $1`, [sameDayReport.id]), {
      previous_report_due: '2025-03-31',
      previous_report_submitted_at: submittedAt,
    });
  });

  it('should give a new initiative its row and remove a deleted draft', async () => {
    const draft = await create({ title: 'Utkast', summary: 'Tas bort.' });
    expect(await factsOf(draft.id)).toMatchObject({ area_ids: [], goal_link: false });
    await ok(t.admin.delete(api(`/initiatives/${draft.id}`)).set('If-Match', await etag(`/initiatives/${draft.id}`)));
    expect(await factsOf(draft.id)).toBeUndefined();
    expect(await differences()).toEqual([]);
  });

  it('should follow the status through a lifecycle move', async () => {
    const committee = await goal('committee_goal', null);
    const initiative = await create({
      title: 'Föreslås',
      summary: 'Flyttas till föreslagen.',
      goalIds: [committee.id],
    });
    expect(await factsOf(initiative.id)).toMatchObject({ status: 'draft' });
    await ok(t.admin.post(api(`/initiatives/${initiative.id}/transitions`)).send({ to: 'proposed' }));
    expect(await factsOf(initiative.id)).toMatchObject({ status: 'proposed' });
    expect(await differences()).toEqual([]);
  });
});
