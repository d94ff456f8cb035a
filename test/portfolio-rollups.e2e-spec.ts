import { queryOne } from '#common';
import { INITIATIVE_STATUSES } from '#portfolio';
import { FOLD_PORTFOLIO_ROLLUPS_SQL } from '#portfolio-review';
import { givenDepartment, givenDistrict, givenGoal, givenInitiative, givenTargetGroup } from './support/factories.js';
import { api, createTestApp, type TestApp } from './support/test-app.js';

/**
 * The unfiltered portfolio summary, and the summary of one lead department alone, read their counts per group from
 * `portfolio_rollups` (PortfolioRollups and DepartmentRollups migrations), kept per lead department by triggers as the
 * facts change and folded by the worker. A filter that also chooses every status takes the other path, aggregating
 * each initiative's facts: the two answers must be the same.
 * test/initiative-facts.e2e-spec.ts checks the roll-ups against `portfolio_rollups_computed` after each of its writes.
 */
describe('Portfolio roll-ups', () => {
  let t: TestApp;
  const everyStatus = `?status=${INITIATIVE_STATUSES.join(',')}`;
  let departments: { id: string }[];
  /** The whole portfolio and each lead department alone, from the roll-ups and one by one, must agree. */
  const expectRollupsEqualFacts = async () => {
    expect(await summary()).toEqual(await summary(everyStatus));
    for (const { id } of departments) {
      const alone = await summary(`?leadDepartmentId=${id}`);
      expect(alone).toEqual(await summary(`${everyStatus}&leadDepartmentId=${id}`));
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const [a, b] = [await givenDepartment(ds), await givenDepartment(ds)];
    departments = [a, b];
    const [tg1, tg2] = [await givenTargetGroup(ds), await givenTargetGroup(ds)];
    const district = await givenDistrict(ds);
    const committee = await givenGoal(ds, { level: 'committee_goal' });
    const pa1 = await givenGoal(ds, { level: 'priority_area', parentId: committee.id });
    const pa2 = await givenGoal(ds, { level: 'priority_area', parentId: committee.id });
    const sub = await givenGoal(ds, { level: 'sub_goal', parentId: pa1.id });
    await givenInitiative(
      ds,
      { status: 'active', leadDepartmentId: a.id, annualCostSek: 1_200_000 },
      { goalIds: [sub.id, pa2.id], targetGroupIds: [tg1.id, tg2.id], districtIds: [district.id] },
    );
    await givenInitiative(ds, {
      status: 'approved',
      leadDepartmentId: a.id,
      annualCostSek: 500_000,
      followUpPlan: null,
    });
    await givenInitiative(
      ds,
      { status: 'draft', leadDepartmentId: b.id },
      { goalIds: [pa2.id], targetGroupIds: [tg1.id] },
    );
    await givenInitiative(
      ds,
      { status: 'proposed', leadDepartmentId: null, annualCostSek: 90_000 },
      { goalIds: [sub.id] },
    );
  });
  afterAll(() => t.close());

  const summary = async (query = '') => {
    const res = await t.admin.get(api(`/portfolio/summary${query}`));
    expect(res.status).toBe(200);
    return res.body as { initiatives: number };
  };
  const rows = async () =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM portfolio_rollups`))[0].n as string);
  const fold = () => queryOne(t.dataSource, FOLD_PORTFOLIO_ROLLUPS_SQL);

  it('should answer the whole portfolio from the roll-ups as from the initiatives one by one', async () => {
    const whole = await summary();

    expect(whole.initiatives).toBe(4);
    await expectRollupsEqualFacts();
  });

  it('should fold the additions into one row per group, equal to the from-scratch figures, and keep later ones', async () => {
    // Arrange: two more changes, each adding rows for the groups it moved.
    const draft = await givenInitiative(t.dataSource, { status: 'draft', annualCostSek: 10_000 });
    await t.dataSource.query(`UPDATE initiatives SET annual_cost_sek = 20000 WHERE id = $1`, [draft.id]);
    const before = await rows();

    // Act
    const first = await fold();
    const again = await fold();

    // Assert: one row per group, the same figures as from scratch; a second fold has nothing to do.
    const groups = Number((await t.dataSource.query(`SELECT count(*) AS n FROM portfolio_rollups_computed`))[0].n);
    expect(first).toEqual({ folded: before, groups });
    expect(await rows()).toBe(groups);
    expect(again).toEqual({ folded: 0, groups: 0 });
    expect(
      await t.dataSource.query(`SELECT * FROM portfolio_rollups EXCEPT SELECT * FROM portfolio_rollups_computed`),
    ).toEqual([]);
    await expectRollupsEqualFacts();
  });

  it('should lose nothing a writer adds while a fold runs', async () => {
    // Arrange: a change not yet committed when the fold runs.
    const writer = t.dataSource.createQueryRunner();
    await writer.connect();
    try {
      await writer.startTransaction();
      await writer.query(
        `UPDATE initiatives SET annual_cost_sek = 777000 WHERE code IN (SELECT code FROM initiatives LIMIT 1)`,
      );
      await writer.query(
        `INSERT INTO initiatives (code, title, kind, status) VALUES ('RLP-NY', 'Ny under vikningen', 'method', 'draft')`,
      );

      // Act
      await fold();
      await writer.commitTransaction();
    } finally {
      await writer.release();
    }

    // Assert: the writer's rows stayed beside the folded ones, and the sums are the from-scratch figures.
    const whole = await summary();
    expect(whole.initiatives).toBe(6);
    await expectRollupsEqualFacts();
    await fold();
    await expectRollupsEqualFacts();
  });

  it("should move an initiative's figures to its new lead department, and to none", async () => {
    const [a, b] = departments;
    await t.dataSource.query(
      `UPDATE initiatives SET lead_department_id = $2 WHERE lead_department_id = $1 AND status = 'approved'`,
      [a.id, b.id],
    );
    await t.dataSource.query(`UPDATE initiatives SET lead_department_id = NULL WHERE lead_department_id = $1`, [a.id]);

    const [first, second] = [await summary(`?leadDepartmentId=${a.id}`), await summary(`?leadDepartmentId=${b.id}`)];

    expect(first.initiatives).toBe(0);
    expect(second.initiatives).toBe(2);
    await expectRollupsEqualFacts();
  });

  it('should remove a deleted initiative from every group it counted in', async () => {
    await t.dataSource.query(`DELETE FROM initiatives WHERE code = 'RLP-NY'`);

    const whole = await summary();

    expect(whole.initiatives).toBe(5);
    await expectRollupsEqualFacts();
  });

  it('should start again from nothing when the initiatives are emptied', async () => {
    await t.dataSource.query(`TRUNCATE initiatives CASCADE`);

    expect(await rows()).toBe(0);
    await expectRollupsEqualFacts();
    expect((await summary()).initiatives).toBe(0);
  });
});
