import { AlertEntity } from '#alerts';
import type { Role } from '#identity';
import type { DepartmentEntity } from '#reference-data';
import { givenDepartment, givenInitiative, uniqueCode } from './support/factories.js';
import { api, createTestApp, expectProblem, request, rowCounts, type TestApp } from './support/test-app.js';

describe('Alerts API', () => {
  let t: TestApp;
  let own: DepartmentEntity;
  let other: DepartmentEntity;
  let initiativeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    own = await givenDepartment(t.dataSource, { name: 'Egna förvaltningen' });
    other = await givenDepartment(t.dataSource, { name: 'Andra förvaltningen' });
    initiativeId = (await givenInitiative(t.dataSource, { status: 'active', leadDepartmentId: own.id })).id;
  });
  afterAll(() => t.close());

  /** An alert as a scan would have raised it, written directly: the scans are under test elsewhere. */
  function givenAlert(overrides: Partial<AlertEntity> = {}) {
    const repo = t.dataSource.getRepository(AlertEntity);
    return repo.save(
      repo.create({
        kind: 'grant_expiring',
        severity: 'warning',
        status: 'open',
        dedupeKey: uniqueCode('grant_expiring:test'),
        initiativeId,
        departmentId: own.id,
        title: 'Statsbidraget från Länsstyrelsen upphör 2026-06-30 utan beslut om fortsatt finansiering',
        detail: 'Testinsats: ingen efterföljande finansiering.',
        dueDate: '2026-06-30',
        amountSek: '1200000',
        lastSeenOn: '2026-01-02',
        ...overrides,
      }),
    );
  }

  describe('GET /alerts', () => {
    let batch: string;
    const listBatch = (query: Record<string, string>) =>
      t.admin.get(api('/alerts')).query({ kind: 'funding_gap', ...query, initiativeId: batch });

    beforeAll(async () => {
      batch = (await givenInitiative(t.dataSource, { status: 'active', leadDepartmentId: other.id })).id;
      const alert = (overrides: Partial<AlertEntity>) =>
        givenAlert({ kind: 'funding_gap', initiativeId: batch, departmentId: other.id, ...overrides });
      await alert({ severity: 'info', dueDate: '2026-01-31', title: 'info januari' });
      await alert({ severity: 'critical', dueDate: '2026-12-31', title: 'critical december' });
      await alert({ severity: 'warning', dueDate: '2026-03-31', title: 'warning mars' });
      await alert({ severity: 'critical', dueDate: '2026-02-28', title: 'critical februari' });
      await alert({ severity: 'critical', dueDate: null, title: 'critical utan datum', status: 'dismissed' });
    });

    it('should list the most severe first, then by nearest due date, when no sort is given', async () => {
      const res = await listBatch({});

      expect(res.status).toBe(200);
      expect(res.body.items.map((a: { title: string }) => a.title)).toEqual([
        'critical februari',
        'critical december',
        'critical utan datum',
        'warning mars',
        'info januari',
      ]);
      expect(res.body.total).toBe(5);
    });

    it.each<[Record<string, string>, string[]]>([
      [{ severity: 'critical' }, ['critical februari', 'critical december', 'critical utan datum']],
      [{ status: 'dismissed' }, ['critical utan datum']],
      [{ severity: 'info', status: 'open' }, ['info januari']],
      [{ kind: 'grant_expiring' }, []],
    ])('should filter by %j', async (query, titles) => {
      const res = await listBatch(query);

      expect(res.status).toBe(200);
      expect(res.body.items.map((a: { title: string }) => a.title)).toEqual(titles);
    });

    it('should filter by department', async () => {
      const res = await t.admin.get(api('/alerts')).query({ departmentId: other.id });

      expect(res.status).toBe(200);
      expect(res.body.total).toBe(5);
      expect(res.body.items.every((a: { departmentId: string }) => a.departmentId === other.id)).toBe(true);
    });

    it('should page with limit and offset', async () => {
      const res = await listBatch({ limit: '2', offset: '1' });

      expect(res.body).toEqual(expect.objectContaining({ total: 5, limit: 2, offset: 1 }));
      expect(res.body.items.map((a: { title: string }) => a.title)).toEqual([
        'critical december',
        'critical utan datum',
      ]);
    });

    it.each([
      ['an unknown severity', { severity: 'urgent' }, 'severity'],
      ['an unknown status', { status: 'closed' }, 'status'],
      ['an unknown kind', { kind: 'grant' }, 'kind'],
      ['a malformed initiative id', { initiativeId: 'abc' }, 'initiativeId'],
      ['a malformed department id', { departmentId: 'abc' }, 'departmentId'],
      ['a limit of 0', { limit: '0' }, 'limit'],
    ])('should answer 400 problem+json naming the field when given %s', async (_, query, field) => {
      const res = await t.admin.get(api('/alerts')).query(query);

      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('should answer with amounts as whole kronor numbers', async () => {
      const alert = await givenAlert({ amountSek: '3400000' });

      const res = await t.admin.get(api(`/alerts/${alert.id}`));

      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({ id: alert.id, amountSek: 3_400_000, dueDate: '2026-06-30', status: 'open' }),
      );
      expect(res.headers.etag).toBe(`"${alert.version}"`);
    });

    it('should name the initiative and the department the alert is about, in the list, one alert and a move', async () => {
      const initiative = await givenInitiative(t.dataSource, {
        status: 'active',
        leadDepartmentId: own.id,
        title: 'Namngiven insats',
      });
      const alert = await givenAlert({ initiativeId: initiative.id });
      const orphan = await givenAlert({ initiativeId: null, departmentId: null });
      const names = {
        initiativeCode: initiative.code,
        initiativeTitle: 'Namngiven insats',
        departmentCode: own.code,
        departmentName: own.name,
      };

      const list = await t.admin.get(api('/alerts')).query({ initiativeId: initiative.id });
      const one = await t.admin.get(api(`/alerts/${alert.id}`));
      const moved = await t.admin.post(api(`/alerts/${alert.id}/acknowledge`));
      const none = await t.admin.get(api(`/alerts/${orphan.id}`));

      expect(list.body.items).toEqual([expect.objectContaining({ id: alert.id, ...names })]);
      expect(one.body).toEqual(expect.objectContaining(names));
      expect(moved.body).toEqual(expect.objectContaining({ status: 'acknowledged', ...names }));
      expect(none.body).toEqual(
        expect.objectContaining({
          initiativeCode: null,
          initiativeTitle: null,
          departmentCode: null,
          departmentName: null,
        }),
      );
    });

    it('should answer 404 for an unknown alert and 400 for a malformed id', async () => {
      expectProblem(await t.admin.get(api('/alerts/00000000-0000-4000-8000-000000000000')), 404);
      expectProblem(await t.admin.get(api('/alerts/not-a-uuid')), 400);
    });

    it('should answer 401 without an identity', async () => {
      expectProblem(await request(t.http).get(api('/alerts')), 401);
    });

    it('should let an auditor read alerts', async () => {
      const auditor = await t.as({ role: 'auditor', sub: 'alerts-auditor' });

      expect((await auditor.get(api('/alerts'))).status).toBe(200);
    });
  });

  describe('POST /alerts/{id}/acknowledge and /dismiss', () => {
    const auditEventsOf = async (
      id: string,
    ): Promise<
      { action: string; actor_id: string; changes: Record<string, { before?: unknown; after?: unknown }> }[]
    > =>
      t.dataSource.query(
        `SELECT action, actor_id, changes FROM audit_events WHERE entity_type = 'alert' AND entity_id = $1 ORDER BY id`,
        [id],
      );

    it('should acknowledge an open alert and record who did it in the audit trail', async () => {
      const alert = await givenAlert();
      const head = await t.as({ role: 'department_head', department: own.code, sub: 'alerts-head' });

      const res = await head.post(api(`/alerts/${alert.id}/acknowledge`));

      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          status: 'acknowledged',
          acknowledgedBy: 'alerts-head',
          acknowledgedAt: expect.any(String),
          version: 2,
        }),
      );
      expect(await auditEventsOf(alert.id)).toEqual([
        expect.objectContaining({
          action: 'transition',
          actor_id: 'alerts-head',
          changes: expect.objectContaining({ status: { before: 'open', after: 'acknowledged' } }),
        }),
      ]);
    });

    it('should dismiss an acknowledged alert with its reason and audit it', async () => {
      const alert = await givenAlert({ status: 'acknowledged' });

      const res = await t.admin
        .post(api(`/alerts/${alert.id}/dismiss`))
        .send({ reason: '  Tas upp i budgetberedningen i april.  ' });

      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          status: 'dismissed',
          dismissReason: 'Tas upp i budgetberedningen i april.',
          dismissedBy: 'test-admin',
        }),
      );
      expect((await auditEventsOf(alert.id))[0].changes).toEqual(
        expect.objectContaining({
          status: { before: 'acknowledged', after: 'dismissed' },
          dismissReason: { before: null, after: 'Tas upp i budgetberedningen i april.' },
        }),
      );
    });

    it.each<[string, 'acknowledge' | 'dismiss', AlertEntity['status']]>([
      ['acknowledging an acknowledged alert', 'acknowledge', 'acknowledged'],
      ['acknowledging a dismissed alert', 'acknowledge', 'dismissed'],
      ['acknowledging a resolved alert', 'acknowledge', 'resolved'],
      ['dismissing a dismissed alert', 'dismiss', 'dismissed'],
      ['dismissing a resolved alert', 'dismiss', 'resolved'],
    ])('should answer 409 and change nothing when %s', async (_, move, status) => {
      const alert = await givenAlert({ status });

      const res = await t.admin
        .post(api(`/alerts/${alert.id}/${move}`))
        .send(move === 'dismiss' ? { reason: 'Inte aktuellt' } : undefined);

      expectProblem(res, 409);
      expect(await t.dataSource.getRepository(AlertEntity).findOneByOrFail({ id: alert.id })).toEqual(
        expect.objectContaining({ status, version: 1 }),
      );
      expect(await auditEventsOf(alert.id)).toEqual([]);
    });

    it.each([
      ['no reason', {}],
      ['an empty reason', { reason: '   ' }],
      ['a reason over 2000 characters', { reason: 'x'.repeat(2001) }],
      ['a reason that is not text', { reason: 42 }],
    ])('should answer 400 naming reason when a dismissal has %s', async (_, body) => {
      const alert = await givenAlert();

      const res = await t.admin.post(api(`/alerts/${alert.id}/dismiss`)).send(body);

      expectProblem(res, 400);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(['reason']);
    });

    it('should refuse an unknown field in a dismissal', async () => {
      const alert = await givenAlert();

      const res = await t.admin.post(api(`/alerts/${alert.id}/dismiss`)).send({ reason: 'Ok', status: 'resolved' });

      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('status');
    });

    it('should answer 404 when the alert does not exist', async () => {
      expectProblem(await t.admin.post(api('/alerts/00000000-0000-4000-8000-000000000000/acknowledge')), 404);
    });

    // Who may handle an alert: admin and leadership any; department heads and staff their own department's.
    const MATRIX: [Role, number, number][] = [
      ['admin', 200, 200],
      ['leadership', 200, 200],
      ['department_head', 200, 403],
      ['staff', 200, 403],
      ['auditor', 403, 403],
    ];
    it.each(
      MATRIX.flatMap(([role, ownStatus, otherStatus]) =>
        (['acknowledge', 'dismiss'] as const).flatMap((move) => [
          [role, move, 'own', ownStatus],
          [role, move, 'other', otherStatus],
        ]),
      ),
    )('should let %s %s an alert of their %s department with %i', async (role, move, whose, status) => {
      const alert = await givenAlert({ departmentId: whose === 'own' ? own.id : other.id });
      const agent = await t.as({ role: role as Role, department: own.code, sub: `alerts-${role}` });
      const before = await rowCounts(t.dataSource, ['alerts', 'audit_events']);

      const res = await agent
        .post(api(`/alerts/${alert.id}/${move}`))
        .send(move === 'dismiss' ? { reason: 'Hanteras i ordinarie budgetprocess' } : undefined);

      expect(res.status).toBe(status);
      if (status === 403) {
        expectProblem(res, 403);
        expect(await rowCounts(t.dataSource, ['alerts', 'audit_events'])).toEqual(before);
        expect(await t.dataSource.getRepository(AlertEntity).findOneByOrFail({ id: alert.id })).toEqual(
          expect.objectContaining({ status: 'open', version: 1 }),
        );
      }
    });
  });
});
