import type { DepartmentEntity } from '#reference-data';
import { DevelopmentIssuer, PERMISSIONS, type Permission, type Role } from '#identity';
import { givenDepartment, uniqueCode } from './support/factories.js';
import { api, createTestApp, expectProblem, request, type TestApp } from './support/test-app.js';

type Reach = 'all' | 'own_department' | 'lead_department';

/** The matrix of docs/domain.md, written out again by hand: what each role may do, and on which records. */
const MATRIX: Record<Role, Partial<Record<Permission, Reach>>> = {
  admin: Object.fromEntries(Object.keys(PERMISSIONS).map((permission) => [permission, 'all'])),
  leadership: {
    'portfolio:read': 'all',
    'initiatives:transition': 'all',
    'funding:decide-coverage': 'all',
    'alerts:handle': 'all',
    'effect-logic:write': 'all',
    'effect-logic:goal-chains': 'all',
    'indicators:write': 'all',
    'reporting-rounds:write': 'all',
    'status-reports:decide': 'all',
    'portfolio-reviews:write': 'all',
    'overlaps:review': 'all',
  },
  department_head: {
    'portfolio:read': 'all',
    'initiatives:create': 'own_department',
    'initiatives:write': 'own_department',
    'initiatives:delete': 'own_department',
    'initiatives:transition': 'own_department',
    'funding:write': 'own_department',
    'funding:decide-coverage': 'lead_department',
    'alerts:handle': 'own_department',
    'effect-logic:write': 'own_department',
    'indicators:write': 'own_department',
    'indicator-values:write': 'own_department',
    'status-reports:write': 'own_department',
  },
  staff: {
    'portfolio:read': 'all',
    'initiatives:write': 'own_department',
    'funding:write': 'own_department',
    'alerts:handle': 'own_department',
    'effect-logic:write': 'own_department',
    'indicator-values:write': 'own_department',
    'status-reports:write': 'own_department',
  },
  auditor: { 'portfolio:read': 'all', 'audit:read': 'all' },
};

const ALL = Object.keys(PERMISSIONS) as Permission[];

describe('GET /me', () => {
  let t: TestApp;
  let department: DepartmentEntity;

  beforeAll(async () => {
    t = await createTestApp();
    department = await givenDepartment(t.dataSource, {
      code: uniqueCode('ME'),
      name: 'Kultur- och fritidsförvaltningen',
    });
  });

  afterAll(() => t.close());

  it.each(Object.keys(MATRIX) as Role[])(
    'should tell a %s their roles, department, permissions and the reach of each',
    async (role) => {
      const agent = await t.as({ role, department: department.code, name: `Test ${role}`, sub: `me-${role}` });

      const res = await agent.get(api('/me'));

      expect(res.status).toBe(200);
      const granted = MATRIX[role];
      expect(res.body).toEqual({
        actorKind: 'user',
        subject: `me-${role}`,
        name: `Test ${role}`,
        email: null,
        roles: [role],
        scopes: null,
        department: { id: department.id, code: department.code, name: 'Kultur- och fritidsförvaltningen' },
        permissions: ALL.filter((permission) => granted[permission]),
        may: Object.fromEntries(
          ALL.map((permission) => [
            permission,
            granted[permission]
              ? { allowed: true, reach: granted[permission], reason: null }
              : { allowed: false, reach: null, reason: 'not_granted' },
          ]),
        ),
      });
    },
  );

  it('should tell staff whose department Samla does not know that they may read but write nothing, and why', async () => {
    const agent = await t.as({ role: 'staff', department: 'OKAND-FORVALTNING', sub: 'me-staff-unknown' });

    const res = await agent.get(api('/me'));

    expect(res.body.department).toBeNull();
    expect(res.body.permissions).toContain('initiatives:write');
    expect(res.body.may['initiatives:write']).toEqual({ allowed: false, reach: null, reason: 'no_department' });
    expect(res.body.may['portfolio:read']).toEqual({ allowed: true, reach: 'all', reason: null });
  });

  it('should name the department an admin placed the person in when the token names none', async () => {
    const subject = `me-mapped-${uniqueCode('U')}`;
    expect((await t.admin.put(api(`/users/${subject}`)).send({ departmentId: department.id })).status).toBe(201);
    const agent = await t.as({ role: 'staff', sub: subject });

    const res = await agent.get(api('/me'));

    expect(res.body.department).toEqual({ id: department.id, code: department.code, name: department.name });
    expect(res.body.may['funding:write']).toEqual({ allowed: true, reach: 'own_department', reason: null });
  });

  it('should act for the new department at once when an admin moves the person while their token is still in use', async () => {
    const subject = `me-moved-${uniqueCode('U')}`;
    const other = await givenDepartment(t.dataSource);
    expect((await t.admin.put(api(`/users/${subject}`)).send({ departmentId: department.id })).status).toBe(201);
    const agent = await t.as({ role: 'staff', sub: subject });
    expect((await agent.get(api('/me'))).body.department.id).toBe(department.id);

    expect((await t.admin.put(api(`/users/${subject}`)).send({ departmentId: other.id })).status).toBe(200);
    const res = await agent.get(api('/me'));

    expect(res.body.department.id).toBe(other.id);
  });

  it('should give the widest reach when a person holds several roles, as Entra ID sends app roles', async () => {
    const token = await t.app
      .get(DevelopmentIssuer)
      .signPayload(
        { roles: ['department_head', 'leadership'], department: department.code, name: 'Chef och ledning' },
        { issuer: 'samla-dev-issuer', audience: 'samla-api', subject: 'me-two-roles', expiresInSeconds: 60 },
      );

    const res = await request(t.http).get(api('/me')).set('Authorization', `Bearer ${token}`);

    expect(res.body.roles).toEqual(['department_head', 'leadership']);
    expect(res.body.may['funding:decide-coverage']).toEqual({ allowed: true, reach: 'all', reason: null });
    expect(res.body.may['initiatives:create']).toEqual({ allowed: true, reach: 'own_department', reason: null });
  });

  it('should tell an API key its scopes, as its permissions, with no roles and no department', async () => {
    const created = await t.admin
      .post(api('/api-keys'))
      .send({ name: `Budgetsystemet ${uniqueCode('K')}`, scopes: ['budget:read', 'portfolio:read'] });
    expect(created.status).toBe(201);

    const res = await request(t.http).get(api('/me')).set('X-Api-Key', created.body.key);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      actorKind: 'api_key',
      subject: created.body.id,
      name: created.body.name,
      email: null,
      roles: [],
      scopes: ['budget:read', 'portfolio:read'],
      department: null,
      permissions: ['portfolio:read', 'budget:read'],
    });
    expect(res.body.may['budget:read']).toEqual({ allowed: true, reach: 'all', reason: null });
    expect(res.body.may['budget:write']).toEqual({ allowed: false, reach: null, reason: 'not_granted' });
  });

  it('should answer 401 problem+json when nobody is signed in', async () => {
    const res = await request(t.http).get(api('/me'));

    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="samla"');
  });
});
