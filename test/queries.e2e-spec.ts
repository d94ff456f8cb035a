import {
  givenDepartment,
  givenDistrict,
  givenFundingLine,
  givenGoal,
  givenInitiative,
  givenTargetGroup,
} from './support/factories.js';
import { statementsDuring } from './support/sql-statements.js';
import { api, createTestApp, request, type TestApp } from './support/test-app.js';

type ListedInitiative = {
  leadDepartmentCode: string | null;
  participants: { departmentCode: string }[];
  goalIds: string[];
  goals: { code: string }[];
  targetGroupCodes: string[];
  districtCodes: string[];
};

describe('Initiative list SQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Arranges `count` initiatives, each with two participants, two goals, a target group, a district and two funding lines. */
  // 201 initiatives with every link are about 1,600 writes, each running the kept facts' triggers (initiative_facts,
  // funding_line_facts, the overlap outbox): 25-30 s on a loaded 2-core machine, over Jest's default 30 s.
  const SEEDING_TIMEOUT_MS = 90_000;

  async function givenInitiativesWithEverything(count: number) {
    const ds = t.dataSource;
    const [lead, partner, funder] = [await givenDepartment(ds), await givenDepartment(ds), await givenDepartment(ds)];
    const [goalA, goalB] = [await givenGoal(ds), await givenGoal(ds)];
    const [group, district] = [await givenTargetGroup(ds), await givenDistrict(ds)];
    for (let i = 0; i < count; i++) {
      const initiative = await givenInitiative(
        ds,
        { leadDepartmentId: lead.id, status: 'active', annualCostSek: 100_000 + i },
        {
          goalIds: [goalA.id, goalB.id],
          targetGroupIds: [group.id],
          districtIds: [district.id],
          participants: [
            { departmentId: partner.id, role: 'partner', responsibility: 'Delar lokaler' },
            { departmentId: funder.id, role: 'funder' },
          ],
        },
      );
      await givenFundingLine(ds, initiative.id, { sourceType: 'state_grant' });
      await givenFundingLine(ds, initiative.id, { sourceType: 'ordinary_budget' });
    }
    return { lead, partner, funder, goals: [goalA, goalB] };
  }

  it(
    'should issue the same number of SQL statements for 200 initiatives as for 1 when each has every kind of link, every department and goal named',
    async () => {
      const { lead: one } = await givenInitiativesWithEverything(1);
      const { lead: many, partner, funder, goals } = await givenInitiativesWithEverything(200);
      const listOf = (leadDepartmentId: string) => () =>
        t.admin
          .get(api('/initiatives'))
          .query({ leadDepartmentId, fundingSourceType: 'state_grant', limit: 200, sort: '-annualCostSek' });

      let oneRes!: request.Response, manyRes!: request.Response;
      const forOne = await statementsDuring(t.dataSource, async () => (oneRes = await listOf(one.id)()));
      const forMany = await statementsDuring(t.dataSource, async () => (manyRes = await listOf(many.id)()));

      expect(oneRes.status).toBe(200);
      expect(manyRes.status).toBe(200);
      expect(oneRes.body.items).toHaveLength(1);
      expect(manyRes.body).toMatchObject({ total: 200, limit: 200, offset: 0 });
      expect(manyRes.body.items).toHaveLength(200);
      for (const item of manyRes.body.items as ListedInitiative[]) {
        expect([
          item.participants.length,
          item.goalIds.length,
          item.targetGroupCodes.length,
          item.districtCodes.length,
        ]).toEqual([2, 2, 1, 1]);
        expect(item.leadDepartmentCode).toBe(many.code);
        expect(item.participants.map((p) => p.departmentCode).sort()).toEqual([partner.code, funder.code].sort());
        expect(item.goals.map((g) => g.code)).toEqual(goals.map((g) => g.code).sort());
      }
      expect(forOne.length).toBeGreaterThan(0);
      expect(forMany).toHaveLength(forOne.length);
    },
    SEEDING_TIMEOUT_MS,
  );

  it('should issue as many SQL statements and answer the same when an initiative is read by its code as by its id', async () => {
    const { lead } = await givenInitiativesWithEverything(1);
    const [{ id, code }] = await t.dataSource.query(`SELECT id, code FROM initiatives WHERE lead_department_id = $1`, [
      lead.id,
    ]);

    let byId!: request.Response, byCode!: request.Response;
    const forId = await statementsDuring(
      t.dataSource,
      async () => (byId = await t.admin.get(api(`/initiatives/${id}`))),
    );
    const forCode = await statementsDuring(
      t.dataSource,
      async () => (byCode = await t.admin.get(api(`/initiatives/${code}`))),
    );

    expect(byCode.status).toBe(200);
    expect(byCode.body).toEqual(byId.body);
    expect(forCode).toHaveLength(forId.length);
  });

  it.each(['-latestRagStatus', 'temporaryFundingEndsOn', '-openAlertCount', 'leadDepartmentName'])(
    'should issue the same number of SQL statements for 200 initiatives as for 1 when sorted by %s, read from other tables',
    async (sort) => {
      const { lead: one } = await givenInitiativesWithEverything(1);
      const { lead: many } = await givenInitiativesWithEverything(200);
      const listOf = (leadDepartmentId: string) =>
        t.admin.get(api('/initiatives')).query({ leadDepartmentId, limit: 200, sort });

      let manyRes!: request.Response;
      const forOne = await statementsDuring(t.dataSource, async () => expect((await listOf(one.id)).status).toBe(200));
      const forMany = await statementsDuring(t.dataSource, async () => (manyRes = await listOf(many.id)));

      expect(manyRes.status).toBe(200);
      expect(manyRes.body.items).toHaveLength(200);
      expect(manyRes.body.items[0]).toMatchObject({ latestRagStatus: null, openAlertCount: 0 });
      expect(forMany).toHaveLength(forOne.length);
    },
    SEEDING_TIMEOUT_MS,
  );
});
