import type { Role } from '#identity';
import type { InitiativeStatus } from '#portfolio';
import type { DepartmentEntity } from '#reference-data';
import type { Response } from 'supertest';
import { givenDepartment, givenFundingLine, givenGoal, givenInitiative, uniqueCode } from './support/factories.js';
import {
  api,
  createTestApp,
  expectProblem,
  request,
  rowCounts,
  type TestAgent,
  type TestApp,
} from './support/test-app.js';

/**
 * Whose record the request is about: the actor's own department's, another department's, one another department
 * leads with the actor's department as co-owner, or nobody's (reference data).
 */
type Scope = 'own' | 'other' | 'co-owner' | 'n/a';
/** The row a request aims at, so a refusal can be shown to have left it as it was. */
type Target = { table: string; id: string; version: number };
type Endpoint = {
  name: string;
  scopes: Scope[];
  /** Expected status per role, one per scope in `scopes`: the permission matrix docs/domain.md shows. */
  expected: Record<Role, number[]>;
  arrange: (department: DepartmentEntity, scope: Scope) => Promise<Target | null>;
  act: (agent: TestAgent, target: Target | null, department: DepartmentEntity, scope: Scope) => Promise<Response>;
};

const ROLES: Role[] = ['admin', 'leadership', 'department_head', 'staff', 'auditor'];
const FOLLOW_UP_PLAN = {
  method: 'Halvårsvis uppföljning av nyckeltal',
  frequency: 'biannual',
  responsible: 'Styrgruppen',
  firstReportDue: null,
  indicatorIds: [],
} as const;

describe('Permissions: every role × every write endpoint × own or other department', () => {
  let t: TestApp;
  let own: DepartmentEntity;
  let other: DepartmentEntity;
  let goalId: string;
  const agents = {} as Record<Role, TestAgent>;

  beforeAll(async () => {
    t = await createTestApp();
    own = await givenDepartment(t.dataSource, { name: 'Egna förvaltningen' });
    other = await givenDepartment(t.dataSource, { name: 'Andra förvaltningen' });
    goalId = (await givenGoal(t.dataSource)).id;
    // Every role works in the same department; only department heads and staff are limited by it.
    for (const role of ROLES) agents[role] = await t.as({ role, department: own.code, sub: `permissions-${role}` });
  });
  afterAll(() => t.close());

  const allTables = async (): Promise<string[]> =>
    (
      await t.dataSource.query<{ tablename: string }[]>(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`,
      )
    ).map((r) => r.tablename);
  const versionOf = async (target: Target) => {
    const [row] = await t.dataSource.query(`SELECT version FROM "${target.table}" WHERE id = $1`, [target.id]);
    return row?.version as number | undefined;
  };

  /** An initiative that meets every lifecycle guard, so a refused move can only be refused for who asks. */
  async function givenReadyInitiative(
    department: DepartmentEntity,
    status: InitiativeStatus,
    overrides: Parameters<typeof givenInitiative>[2] = {},
  ) {
    const initiative = await givenInitiative(
      t.dataSource,
      {
        status,
        leadDepartmentId: department.id,
        startDate: '2024-01-15',
        followUpPlan: { ...FOLLOW_UP_PLAN, indicatorIds: [] },
      },
      { goalIds: [goalId], ...overrides },
    );
    await givenFundingLine(t.dataSource, initiative.id);
    return { table: 'initiatives', id: initiative.id, version: initiative.version };
  }
  async function givenFundingTarget(department: DepartmentEntity) {
    const initiative = await givenInitiative(t.dataSource, { leadDepartmentId: department.id });
    const line = await givenFundingLine(t.dataSource, initiative.id);
    return { table: 'funding_lines', id: line.id, version: line.version };
  }
  const ifMatch = (target: Target | null) => `"${target!.version}"`;

  /** Acts, expects the refusal, and proves the database kept every row count and the target row's version. */
  async function expectRefusedWritingNothing(
    act: () => Promise<Response>,
    status: number,
    target: Target | null = null,
  ) {
    const tables = await allTables();
    const before = await rowCounts(t.dataSource, tables);

    const res = await act();

    expectProblem(res, status);
    expect(await rowCounts(t.dataSource, tables)).toEqual(before);
    if (target) expect(await versionOf(target)).toBe(target.version);
    return res;
  }

  const onlyAdmin = (ok: number, n = 1): Record<Role, number[]> => ({
    admin: Array(n).fill(ok),
    leadership: Array(n).fill(403),
    department_head: Array(n).fill(403),
    staff: Array(n).fill(403),
    auditor: Array(n).fill(403),
  });
  const ownWriters = (ok: number, writers: Role[]): Record<Role, number[]> =>
    Object.fromEntries(
      ROLES.map((role) => [role, role === 'admin' ? [ok, ok] : writers.includes(role) ? [ok, 403] : [403, 403]]),
    ) as Record<Role, number[]>;
  const leadershipMove: Record<Role, number[]> = {
    admin: [200, 200],
    leadership: [200, 200],
    department_head: [403, 403],
    staff: [403, 403],
    auditor: [403, 403],
  };

  const move = (from: InitiativeStatus, to: InitiativeStatus, expected: Record<Role, number[]>): Endpoint => ({
    name: `POST /initiatives/{id}/transitions ${from} → ${to}`,
    scopes: ['own', 'other'],
    expected,
    arrange: (department) => givenReadyInitiative(department, from),
    act: (agent, target) =>
      agent.post(api(`/initiatives/${target!.id}/transitions`)).send({ to, comment: 'Behörighetstest' }),
  });

  const ENDPOINTS: Endpoint[] = [
    {
      name: 'POST /initiatives',
      scopes: ['own', 'other'],
      expected: ownWriters(201, ['department_head']),
      arrange: () => Promise.resolve(null),
      act: (agent, _, department) =>
        agent
          .post(api('/initiatives'))
          .send({ code: uniqueCode('INI'), title: 'Ny insats', kind: 'project', leadDepartmentId: department.id }),
    },
    {
      name: 'PATCH /initiatives/{id}',
      scopes: ['own', 'other'],
      expected: ownWriters(200, ['department_head', 'staff']),
      arrange: (department) => givenReadyInitiative(department, 'draft'),
      act: (agent, target) =>
        agent
          .patch(api(`/initiatives/${target!.id}`))
          .set('If-Match', ifMatch(target))
          .send({ title: 'Ändrad titel' }),
    },
    {
      // The hole of issue 1: a co-owner named their own department lead and dropped the participants, and the old lead
      // lost the initiative. Only an admin hands an initiative over, whoever leads or co-owns it.
      name: 'PATCH /initiatives/{id} handing the lead to another department',
      scopes: ['own', 'other', 'co-owner'],
      expected: {
        admin: [200, 200, 200],
        leadership: [403, 403, 403],
        department_head: [403, 403, 403],
        staff: [403, 403, 403],
        auditor: [403, 403, 403],
      },
      arrange: (department, scope) =>
        scope === 'co-owner'
          ? givenReadyInitiative(other, 'draft', { participants: [{ departmentId: own.id, role: 'co_owner' }] })
          : givenReadyInitiative(department, 'draft'),
      act: (agent, target, _, scope) =>
        agent
          .patch(api(`/initiatives/${target!.id}`))
          .set('If-Match', ifMatch(target))
          .send({ leadDepartmentId: scope === 'own' ? other.id : own.id, participants: [] }),
    },
    {
      name: 'DELETE /initiatives/{id}',
      scopes: ['own', 'other'],
      expected: ownWriters(204, ['department_head']),
      arrange: (department) => givenReadyInitiative(department, 'draft'),
      act: (agent, target) => agent.delete(api(`/initiatives/${target!.id}`)),
    },
    move('draft', 'proposed', ownWriters(200, ['department_head'])),
    move('proposed', 'draft', { ...ownWriters(200, ['department_head']), leadership: [200, 200] }),
    move('draft', 'discontinued', leadershipMove),
    move('proposed', 'approved', leadershipMove),
    move('proposed', 'discontinued', leadershipMove),
    move('approved', 'active', leadershipMove),
    move('approved', 'discontinued', leadershipMove),
    move('active', 'completed', leadershipMove),
    move('active', 'integrated', leadershipMove),
    move('active', 'discontinued', leadershipMove),
    {
      name: 'POST /initiatives/{id}/funding',
      scopes: ['own', 'other'],
      expected: ownWriters(201, ['department_head', 'staff']),
      arrange: async (department) => {
        const initiative = await givenInitiative(t.dataSource, { leadDepartmentId: department.id });
        return { table: 'initiatives', id: initiative.id, version: initiative.version };
      },
      act: (agent, target) =>
        agent.post(api(`/initiatives/${target!.id}/funding`)).send({
          sourceType: 'state_grant',
          funder: 'Länsstyrelsen Västra Götaland',
          amountSek: 500_000,
          periodStart: '2025-01-01',
          periodEnd: '2025-12-31',
        }),
    },
    {
      name: 'PATCH /funding/{id}',
      scopes: ['own', 'other'],
      expected: ownWriters(200, ['department_head', 'staff']),
      arrange: givenFundingTarget,
      act: (agent, target) =>
        agent
          .patch(api(`/funding/${target!.id}`))
          .set('If-Match', ifMatch(target))
          .send({ amountSek: 900_000 }),
    },
    {
      name: 'DELETE /funding/{id}',
      scopes: ['own', 'other'],
      expected: ownWriters(204, ['department_head', 'staff']),
      arrange: givenFundingTarget,
      act: (agent, target) => agent.delete(api(`/funding/${target!.id}`)),
    },
    {
      name: 'POST /departments',
      scopes: ['n/a'],
      expected: onlyAdmin(201),
      arrange: () => Promise.resolve(null),
      act: (agent) =>
        agent
          .post(api('/departments'))
          .send({ code: uniqueCode('DEP'), name: 'Ny förvaltning', kind: 'administration' }),
    },
    {
      // "own" is the person's own department: heading a department does not make its reference data theirs to change.
      name: 'PATCH /departments/{id}',
      scopes: ['own', 'other'],
      expected: onlyAdmin(200, 2),
      arrange: async (department) => ({
        table: 'departments',
        id: department.id,
        version: (await versionOf({ table: 'departments', id: department.id, version: 0 }))!,
      }),
      act: (agent, target, department) =>
        agent
          .patch(api(`/departments/${target!.id}`))
          .set('If-Match', ifMatch(target))
          .send({ name: department.name }),
    },
    {
      name: 'POST /target-groups',
      scopes: ['n/a'],
      expected: onlyAdmin(201),
      arrange: () => Promise.resolve(null),
      act: (agent) =>
        agent.post(api('/target-groups')).send({ code: uniqueCode('TG'), name: 'Föräldrar till förskolebarn' }),
    },
    {
      name: 'POST /districts',
      scopes: ['n/a'],
      expected: onlyAdmin(201),
      arrange: () => Promise.resolve(null),
      act: (agent) => agent.post(api('/districts')).send({ code: uniqueCode('DIST'), name: 'Lextorp' }),
    },
    {
      name: 'POST /goals',
      scopes: ['n/a'],
      expected: onlyAdmin(201),
      arrange: () => Promise.resolve(null),
      act: (agent) =>
        agent
          .post(api('/goals'))
          .send({ code: uniqueCode('G'), title: 'Minskad ojämlikhet', level: 'agenda2030', framework: 'Agenda 2030' }),
    },
    {
      name: 'PATCH /goals/{id}',
      scopes: ['n/a'],
      expected: onlyAdmin(200),
      arrange: async () => {
        const goal = await givenGoal(t.dataSource);
        return { table: 'goals', id: goal.id, version: goal.version };
      },
      act: (agent, target) =>
        agent
          .patch(api(`/goals/${target!.id}`))
          .set('If-Match', ifMatch(target))
          .send({ title: 'Ändrat mål' }),
    },
  ];

  const CASES = ENDPOINTS.flatMap((endpoint) =>
    ROLES.flatMap((role) =>
      endpoint.scopes.map((scope, i) => ({ endpoint, role, scope, status: endpoint.expected[role][i] })),
    ),
  );

  it.each(CASES.map((c) => [c.endpoint.name, c.role, c.scope, c.status, c] as const))(
    'should answer %s by %s for %s department with %i, writing nothing when refused',
    async (_name, role, scope, status, { endpoint }) => {
      const department = scope === 'other' ? other : own;
      const target = await endpoint.arrange(department, scope);
      const act = () => endpoint.act(agents[role], target, department, scope);

      if (status === 403) await expectRefusedWritingNothing(act, 403, target);
      else expect((await act()).status).toBe(status);
    },
  );

  describe('lead, co-owner and partner', () => {
    const patchTitle = (agent: TestAgent, target: Target) =>
      agent
        .patch(api(`/initiatives/${target.id}`))
        .set('If-Match', `"${target.version}"`)
        .send({ title: 'Ändrad av medägare' });

    it('should let staff change the initiative and add funding when their department is co-owner, not lead', async () => {
      const target = await givenReadyInitiative(other, 'active', {
        participants: [{ departmentId: own.id, role: 'co_owner' }],
      });

      const patched = await patchTitle(agents.staff, target);
      const funded = await agents.staff.post(api(`/initiatives/${target.id}/funding`)).send({
        sourceType: 'ordinary_budget',
        funder: 'Kommunstyrelsen',
        amountSek: 300_000,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
      });

      expect(patched.status).toBe(200);
      expect(funded.status).toBe(201);
    });

    it.each(['partner', 'funder', 'informed'])(
      'should refuse staff and write nothing when their department is only %s',
      async (role) => {
        const target = await givenReadyInitiative(other, 'active', {
          participants: [{ departmentId: own.id, role: role as 'partner' }],
        });

        const res = await expectRefusedWritingNothing(() => patchTitle(agents.staff, target), 403, target);

        expect(res.body.detail).toMatch(/lead department and the co-owners/);
      },
    );

    it('should let a department head move their draft to proposed when their department is co-owner', async () => {
      const target = await givenReadyInitiative(other, 'draft', {
        participants: [{ departmentId: own.id, role: 'co_owner' }],
      });

      const res = await agents.department_head
        .post(api(`/initiatives/${target.id}/transitions`))
        .send({ to: 'proposed' });

      expect(res.status).toBe(200);
      expect(res.body.status).toBe('proposed');
    });
  });

  describe('keeping an initiative within reach', () => {
    const patch = (agent: TestAgent, target: Target, body: object) =>
      agent
        .patch(api(`/initiatives/${target.id}`))
        .set('If-Match', `"${target.version}"`)
        .send(body);

    it('should leave the lead department its initiative and its lead-only rights when a co-owner’s staff name their own department lead', async () => {
      const target = await givenReadyInitiative(other, 'active', {
        participants: [{ departmentId: own.id, role: 'co_owner' }],
      });
      const [line] = await t.dataSource.query(`SELECT id, version FROM funding_lines WHERE initiative_id = $1`, [
        target.id,
      ]);
      const leadStaff = await t.as({ role: 'staff', department: other.code, sub: 'permissions-lead-staff' });

      const res = await expectRefusedWritingNothing(
        () => patch(agents.staff, target, { leadDepartmentId: own.id, participants: [] }),
        403,
        target,
      );
      const coverage = await agents.department_head
        .put(api(`/funding/${line.id}/coverage-decision`))
        .set('If-Match', `"${line.version}"`)
        .send({ decision: 'phase_out', note: 'Avvecklas' });
      const byLead = await patch(leadStaff, target, { title: 'Ändrad av den ledande förvaltningen' });

      expect(res.body.detail).toBe(
        'Only an admin hands an initiative over to another lead department. Leave leadDepartmentId out, or ask an admin.',
      );
      expectProblem(coverage, 403);
      expect(byLead.status).toBe(200);
    });

    it('should refuse and change nothing when a department head hands the lead to another department even though their own stays on as co-owner', async () => {
      const target = await givenReadyInitiative(own, 'draft');

      const res = await expectRefusedWritingNothing(
        () =>
          patch(agents.department_head, target, {
            leadDepartmentId: other.id,
            participants: [{ departmentId: own.id, role: 'co_owner', responsibility: 'Ansvarar för uppföljningen' }],
          }),
        403,
        target,
      );

      expect(res.body.detail).toMatch(/^Only an admin hands an initiative over/);
    });

    it('should refuse and change nothing when a department head takes the lead away, leaving the initiative without one', async () => {
      const target = await givenReadyInitiative(own, 'draft');

      await expectRefusedWritingNothing(
        () => patch(agents.department_head, target, { leadDepartmentId: null }),
        403,
        target,
      );
    });

    it('should accept an edit when it sends the current lead department back unchanged', async () => {
      const target = await givenReadyInitiative(own, 'draft');

      const res = await patch(agents.staff, target, { leadDepartmentId: own.id, title: 'Samma ledning, ny titel' });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        leadDepartmentId: own.id,
        leadDepartmentCode: own.code,
        title: 'Samma ledning, ny titel',
      });
    });

    it('should let the new lead’s head record the coverage decision when an admin has handed the initiative over', async () => {
      const target = await givenReadyInitiative(other, 'active', {
        participants: [{ departmentId: own.id, role: 'co_owner' }],
      });
      const [line] = await t.dataSource.query(`SELECT id, version FROM funding_lines WHERE initiative_id = $1`, [
        target.id,
      ]);

      const handedOver = await patch(t.admin, target, {
        leadDepartmentId: own.id,
        participants: [{ departmentId: other.id, role: 'co_owner' }],
      });
      const coverage = await agents.department_head
        .put(api(`/funding/${line.id}/coverage-decision`))
        .set('If-Match', `"${line.version}"`)
        .send({ decision: 'ordinary_budget', note: 'Tas över i ordinarie budget' });

      expect(handedOver.status).toBe(200);
      expect(handedOver.body).toMatchObject({
        leadDepartmentId: own.id,
        participants: [{ departmentId: other.id, role: 'co_owner' }],
      });
      expect(coverage.status).toBe(200);
    });

    it('should refuse and change nothing when a co-owner turns their own department into a mere partner', async () => {
      const target = await givenReadyInitiative(other, 'draft', {
        participants: [{ departmentId: own.id, role: 'co_owner' }],
      });

      await expectRefusedWritingNothing(
        () =>
          agents.staff
            .patch(api(`/initiatives/${target.id}`))
            .set('If-Match', `"${target.version}"`)
            .send({ participants: [{ departmentId: own.id, role: 'partner' }] }),
        403,
        target,
      );
      const [participant] = await t.dataSource.query(
        `SELECT role FROM initiative_participants WHERE initiative_id = $1`,
        [target.id],
      );
      expect(participant.role).toBe('co_owner');
    });

    it('should make their own department lead when a department head registers an initiative without naming one', async () => {
      const res = await agents.department_head
        .post(api('/initiatives'))
        .send({ code: uniqueCode('INI'), title: 'Utan angiven ledning', kind: 'project' });

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        leadDepartmentId: own.id,
        leadDepartmentCode: own.code,
        leadDepartmentName: own.name,
      });
    });

    it('should refuse and write nothing when a department head whose department Samla does not know registers an initiative', async () => {
      const stranger = await t.as({
        role: 'department_head',
        department: 'OKAND-FORVALTNING',
        sub: 'permissions-unknown-creator',
      });

      const res = await expectRefusedWritingNothing(
        () =>
          stranger
            .post(api('/initiatives'))
            .send({ code: uniqueCode('INI'), title: 'Utan förvaltning', kind: 'project' }),
        403,
      );

      expect(res.body.detail).toMatch(/knows no department of yours/);
    });

    it('should refuse and write nothing when a department head registers another department’s initiative with their own as co-owner', async () => {
      const res = await expectRefusedWritingNothing(
        () =>
          agents.department_head.post(api('/initiatives')).send({
            code: uniqueCode('INI'),
            title: 'Annans insats',
            kind: 'project',
            leadDepartmentId: other.id,
            participants: [{ departmentId: own.id, role: 'co_owner' }],
          }),
        403,
      );

      expect(res.body.detail).toBe(
        `A department head registers initiatives that their own department leads: set leadDepartmentId to ${own.code}'s id (${own.id}), or leave it out.`,
      );
    });

    it('should refuse a department head and change nothing when their token names a department Samla does not know', async () => {
      const target = await givenReadyInitiative(own, 'draft');
      const stranger = await t.as({
        role: 'department_head',
        department: 'OKAND-FORVALTNING',
        sub: 'permissions-unknown-department',
      });

      await expectRefusedWritingNothing(
        () =>
          stranger
            .patch(api(`/initiatives/${target.id}`))
            .set('If-Match', `"${target.version}"`)
            .send({ title: 'Ändrad' }),
        403,
        target,
      );
    });
  });

  describe('which moves each role makes', () => {
    it('should name who decides when a department head asks to approve their own initiative', async () => {
      const target = await givenReadyInitiative(own, 'proposed');

      const res = await expectRefusedWritingNothing(
        () => agents.department_head.post(api(`/initiatives/${target.id}/transitions`)).send({ to: 'approved' }),
        403,
        target,
      );

      expect(res.body.detail).toBe('The move from proposed to approved is made by: admin, leadership.');
    });

    it('should answer 409, not 403, when a department head asks for a move the lifecycle does not have', async () => {
      const target = await givenReadyInitiative(own, 'draft');

      await expectRefusedWritingNothing(
        () => agents.department_head.post(api(`/initiatives/${target.id}/transitions`)).send({ to: 'active' }),
        409,
        target,
      );
    });

    it('should record the move with its comment when the leadership group approves another department’s initiative', async () => {
      const target = await givenReadyInitiative(other, 'proposed');

      const res = await agents.leadership
        .post(api(`/initiatives/${target.id}/transitions`))
        .send({ to: 'approved', comment: 'Beslut i ledningsgruppen' });

      expect(res.status).toBe(200);
      const moves = await t.dataSource.query(
        `SELECT from_status, to_status, comment FROM initiative_transitions WHERE initiative_id = $1`,
        [target.id],
      );
      expect(moves).toEqual([{ from_status: 'proposed', to_status: 'approved', comment: 'Beslut i ledningsgruppen' }]);
    });
  });

  describe('mass assignment', () => {
    const SERVER_FIELDS = {
      status: 'active',
      version: 99,
      createdBy: 'någon annan',
      id: '0b7d1a52-0000-4000-8000-0000000000ff',
      createdAt: '2020-01-01T00:00:00Z',
      updatedAt: '2020-01-01T00:00:00Z',
    };
    type ServerField = keyof typeof SERVER_FIELDS;
    const fundingBody = {
      sourceType: 'state_grant',
      funder: 'MUCF',
      amountSek: 400_000,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
    };
    const expectFieldNamed = (res: Response, field: string) =>
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));

    it.each(Object.keys(SERVER_FIELDS) as ServerField[])(
      'should refuse %s in the body of POST /initiatives and write nothing',
      async (field) => {
        const res = await expectRefusedWritingNothing(
          () =>
            t.admin.post(api('/initiatives')).send({
              code: uniqueCode('INI'),
              title: 'Insats',
              kind: 'project',
              leadDepartmentId: own.id,
              [field]: SERVER_FIELDS[field],
            }),
          400,
        );

        expectFieldNamed(res, field);
      },
    );

    it.each(Object.keys(SERVER_FIELDS) as ServerField[])(
      'should refuse %s in the body of PATCH /initiatives/{id} and change nothing',
      async (field) => {
        const target = await givenReadyInitiative(own, 'draft');

        const res = await expectRefusedWritingNothing(
          () =>
            t.admin
              .patch(api(`/initiatives/${target.id}`))
              .set('If-Match', `"${target.version}"`)
              .send({ title: 'Ändrad', [field]: SERVER_FIELDS[field] }),
          400,
          target,
        );

        expectFieldNamed(res, field);
      },
    );

    // A funding line's own `status` (applied, granted, …) is the client's to set; its initiative is named by the path.
    const FUNDING_SERVER_FIELDS = {
      version: 99,
      createdBy: 'någon annan',
      id: SERVER_FIELDS.id,
      initiativeId: SERVER_FIELDS.id,
      createdAt: SERVER_FIELDS.createdAt,
    };
    type FundingServerField = keyof typeof FUNDING_SERVER_FIELDS;

    it.each(Object.keys(FUNDING_SERVER_FIELDS) as FundingServerField[])(
      'should refuse %s in the body of POST /initiatives/{id}/funding and write nothing',
      async (field) => {
        const initiative = await givenInitiative(t.dataSource, { leadDepartmentId: own.id });

        const res = await expectRefusedWritingNothing(
          () =>
            t.admin
              .post(api(`/initiatives/${initiative.id}/funding`))
              .send({ ...fundingBody, [field]: FUNDING_SERVER_FIELDS[field] }),
          400,
        );

        expectFieldNamed(res, field);
      },
    );

    it.each(Object.keys(FUNDING_SERVER_FIELDS) as FundingServerField[])(
      'should refuse %s in the body of PATCH /funding/{id} and change nothing',
      async (field) => {
        const target = await givenFundingTarget(own);

        const res = await expectRefusedWritingNothing(
          () =>
            t.admin
              .patch(api(`/funding/${target.id}`))
              .set('If-Match', `"${target.version}"`)
              .send({ amountSek: 1, [field]: FUNDING_SERVER_FIELDS[field] }),
          400,
          target,
        );

        expectFieldNamed(res, field);
      },
    );
  });

  describe('API keys', () => {
    it('should refuse a write and write nothing when the API key has only portfolio:read', async () => {
      const created = await t.admin.post(api('/api-keys')).send({ name: 'Budgetsystemet', scopes: ['portfolio:read'] });
      expect(created.status).toBe(201);
      const key = request(t.http);

      const res = await expectRefusedWritingNothing(
        () =>
          key
            .post(api('/initiatives'))
            .set('X-Api-Key', created.body.key)
            .send({ code: uniqueCode('INI'), title: 'Maskininsats', kind: 'project' }),
        403,
      );
      const read = await key.get(api('/initiatives')).set('X-Api-Key', created.body.key);

      expect(res.body.detail).toMatch(/initiatives:create/);
      expect(read.status).toBe(200);
    });
  });
});
