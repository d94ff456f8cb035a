import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, Requires, type RequestContext } from '#identity';
import { givenDepartment } from './support/factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestApp } from './support/test-app.js';

/** Shows the actor the guard built, so a test can see which department a token ended up with. */
@ApiExcludeController()
@Controller('test-whoami')
class WhoAmIController {
  @Get()
  @Requires('portfolio:read')
  whoami(@Ctx() ctx: RequestContext) {
    return ctx.actor;
  }
}

type AuditRow = {
  action: string;
  entity_id: string;
  actor_id: string;
  changes: Record<string, { before?: unknown; after?: unknown }>;
};

describe('users: the user → department mapping', () => {
  let t: TestApp;
  let asf: { id: string; code: string };
  let kff: { id: string; code: string };

  const auditOf = (entityId: string): Promise<AuditRow[]> =>
    t.dataSource.query(
      `SELECT action, entity_id, actor_id, changes FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id`,
      [entityId],
    );

  beforeAll(async () => {
    t = await createTestApp({ extraControllers: [WhoAmIController] });
    asf = await givenDepartment(t.dataSource, { name: 'Arbetsmarknads- och socialförvaltningen' });
    kff = await givenDepartment(t.dataSource, { name: 'Kultur- och fritidsförvaltningen' });
  });

  afterAll(() => t.close());

  it('should create the mapping with 201 and write a create event when an admin puts a new subject', async () => {
    const res = await t.admin
      .put(api('/users/entra-oid-0001'))
      .send({ departmentId: asf.id, name: 'Samordnare SSPF', email: 'samordnare.sspf@example.se' });

    expect(res.status).toBe(201);
    expect(res.body).toEqual(
      expect.objectContaining({
        subject: 'entra-oid-0001',
        departmentId: asf.id,
        name: 'Samordnare SSPF',
        email: 'samordnare.sspf@example.se',
        version: 1,
      }),
    );
    const events = await auditOf(res.body.id);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'create',
        actor_id: 'test-admin',
        changes: {
          subject: { after: 'entra-oid-0001' },
          departmentId: { after: asf.id },
          name: { after: 'Samordnare SSPF' },
          email: { after: 'samordnare.sspf@example.se' },
        },
      }),
    ]);
  });

  it('should replace the mapping with 200, bump the version and audit only what changed when the subject exists', async () => {
    const created = await t.admin
      .put(api('/users/entra-oid-0002'))
      .send({ departmentId: asf.id, name: 'Fältsekreterare' });

    const res = await t.admin.put(api('/users/entra-oid-0002')).send({ departmentId: kff.id, name: 'Fältsekreterare' });

    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.objectContaining({ id: created.body.id, departmentId: kff.id, version: 2, email: null }),
    );
    const events = await auditOf(created.body.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(events[1].changes).toEqual({ departmentId: { before: asf.id, after: kff.id } });
  });

  it('should clear name and e-mail when a PUT leaves them out', async () => {
    await t.admin
      .put(api('/users/entra-oid-0003'))
      .send({ departmentId: asf.id, name: 'Enhetschef', email: 'enhetschef@example.se' });

    const res = await t.admin.put(api('/users/entra-oid-0003')).send({ departmentId: asf.id });

    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ name: null, email: null, version: 2 }));
  });

  it('should change nothing and write no event when the same mapping is put again', async () => {
    const created = await t.admin.put(api('/users/entra-oid-0004')).send({ departmentId: asf.id });

    const res = await t.admin.put(api('/users/entra-oid-0004')).send({ departmentId: asf.id });

    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(await auditOf(created.body.id)).toHaveLength(1);
  });

  it('should answer 422 and write nothing when the department does not exist', async () => {
    const before = await rowCounts(t.dataSource, ['users', 'audit_events']);

    const res = await t.admin
      .put(api('/users/entra-oid-0005'))
      .send({ departmentId: '00000000-0000-4000-8000-000000000000' });

    expectProblem(res, 422);
    expect(res.body.errors).toEqual([{ field: 'departmentId', message: 'no department with this id' }]);
    expect(await rowCounts(t.dataSource, ['users', 'audit_events'])).toEqual(before);
  });

  it('should answer 400 naming every bad field and write nothing when the body is invalid', async () => {
    const before = await rowCounts(t.dataSource, ['users', 'audit_events']);

    const res = await t.admin
      .put(api('/users/entra-oid-0006'))
      .send({ departmentId: 'ASF', email: 'not an address', role: 'admin' });

    expectProblem(res, 400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['departmentId', 'email', 'role']);
    expect(await rowCounts(t.dataSource, ['users', 'audit_events'])).toEqual(before);
  });

  it('should answer one mapping with its version as ETag when asked by subject', async () => {
    await t.admin.put(api('/users/entra-oid-0007')).send({ departmentId: kff.id });

    const res = await t.admin.get(api('/users/entra-oid-0007'));

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual(expect.objectContaining({ subject: 'entra-oid-0007', departmentId: kff.id }));
  });

  it('should answer 404 problem+json when the subject is not mapped', async () => {
    expectProblem(await t.admin.get(api('/users/nobody-here')), 404);
  });

  it('should list mappings a page at a time, filtered by department', async () => {
    const dep = await givenDepartment(t.dataSource);
    for (const subject of ['list-c', 'list-a', 'list-b'])
      await t.admin.put(api(`/users/${subject}`)).send({ departmentId: dep.id });

    const res = await t.admin.get(api(`/users?departmentId=${dep.id}&limit=2&offset=0`));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [expect.objectContaining({ subject: 'list-a' }), expect.objectContaining({ subject: 'list-b' })],
      total: 3,
      limit: 2,
      offset: 0,
    });
  });

  it('should answer 403 and write nothing when anyone but an admin manages users', async () => {
    const before = await rowCounts(t.dataSource, ['users', 'audit_events']);
    for (const role of ['leadership', 'department_head', 'staff', 'auditor'] as const) {
      const agent = await t.as({ role, department: asf.code });

      expectProblem(await agent.put(api('/users/entra-oid-0099')).send({ departmentId: asf.id }), 403);
      expectProblem(await agent.get(api('/users')), 403);
      expectProblem(await agent.get(api('/users/entra-oid-0001')), 403);
    }
    expect(await rowCounts(t.dataSource, ['users', 'audit_events'])).toEqual(before);
  });

  describe('the department a signed-in person acts for', () => {
    it('should come from the mapping when the token has no department claim', async () => {
      await t.admin.put(api('/users/mapped-staff')).send({ departmentId: kff.id });
      const staff = await t.as({ role: 'staff', sub: 'mapped-staff' });

      const res = await staff.get(api('/test-whoami'));

      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({ kind: 'user', id: 'mapped-staff', roles: ['staff'], departmentId: kff.id }),
      );
    });

    it('should come from the department claim when the token carries one, whatever the mapping says', async () => {
      await t.admin.put(api('/users/claimed-staff')).send({ departmentId: kff.id });
      const staff = await t.as({ role: 'staff', sub: 'claimed-staff', department: asf.code });

      const res = await staff.get(api('/test-whoami'));

      expect(res.body.departmentId).toBe(asf.id);
    });

    it('should follow a changed mapping on the next request when an admin moves the person', async () => {
      await t.admin.put(api('/users/moving-staff')).send({ departmentId: asf.id });
      const staff = await t.as({ role: 'staff', sub: 'moving-staff' });
      expect((await staff.get(api('/test-whoami'))).body.departmentId).toBe(asf.id);

      await t.admin.put(api('/users/moving-staff')).send({ departmentId: kff.id });

      expect((await staff.get(api('/test-whoami'))).body.departmentId).toBe(kff.id);
    });

    it('should be none when neither a claim nor a mapping names one', async () => {
      const staff = await t.as({ role: 'staff', sub: 'unmapped-staff' });

      const res = await staff.get(api('/test-whoami'));

      expect(res.body.departmentId).toBeNull();
    });

    it('should be none when the claim names a department code that does not exist', async () => {
      await t.admin.put(api('/users/stale-claim')).send({ departmentId: kff.id });
      const staff = await t.as({ role: 'staff', sub: 'stale-claim', department: 'NO-SUCH-DEP' });

      const res = await staff.get(api('/test-whoami'));

      expect(res.body.departmentId).toBeNull();
    });
  });
});
