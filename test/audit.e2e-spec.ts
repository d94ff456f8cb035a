import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { Role } from '#identity';
import {
  givenDepartment,
  givenFundingLine,
  givenGoal,
  givenInitiative,
  givenTargetGroup,
  uniqueCode,
} from './support/factories.js';
import { api, createTestApp, expectProblem, request, rowCounts, type TestApp } from './support/test-app.js';

type StoredEvent = {
  actorKind: string;
  actorId: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  initiativeId: string | null;
  changes: Record<string, { before?: unknown; after?: unknown }>;
  requestId: string | null;
};

const UNKNOWN_ID = '5d2c8e1a-7b3f-4c6d-9e0a-1b2c3d4e5f60';

describe('Audit trail', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Every event the request wrote, in the order written: a response's X-Request-Id finds them. */
  const eventsOf = async (res: request.Response): Promise<StoredEvent[]> => {
    const requestId = res.headers['x-request-id'];
    expect(requestId).toEqual(expect.any(String));
    return t.dataSource.query(
      `SELECT actor_kind AS "actorKind", actor_id AS "actorId", actor_name AS "actorName", action, entity_type AS "entityType",
              entity_id AS "entityId", initiative_id AS "initiativeId", changes, request_id AS "requestId"
         FROM audit_events WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );
  };
  const eventCount = async () => (await rowCounts(t.dataSource, ['audit_events'])).audit_events;
  const asAdmin = { actorKind: 'user', actorId: 'test-admin', actorName: 'Demo admin' };
  const patch = (path: string, version: number, body: Record<string, unknown>) =>
    t.admin.patch(api(path)).set('If-Match', `"${version}"`).send(body);

  describe('each write', () => {
    it('should record the created fields, the actor and the request id when a department is registered', async () => {
      const body = { code: uniqueCode('KFF'), name: 'Kultur- och fritidsförvaltningen', kind: 'administration' };

      const res = await t.admin.post(api('/departments')).send(body);

      expect(res.status).toBe(201);
      expect(await eventsOf(res)).toEqual([
        {
          ...asAdmin,
          action: 'create',
          entityType: 'department',
          entityId: res.body.id,
          initiativeId: null,
          changes: { code: { after: body.code }, name: { after: body.name }, kind: { after: 'administration' } },
          requestId: res.headers['x-request-id'],
        },
      ]);
    });

    it('should record only the changed field, before and after, when a department is renamed', async () => {
      const department = await givenDepartment(t.dataSource, { name: 'Utbildningsförvaltningen' });

      const res = await patch(`/departments/${department.id}`, 1, {
        name: 'Utbildningsförvaltningen (UBF)',
        kind: 'administration',
      });

      expect(res.status).toBe(200);
      expect(await eventsOf(res)).toEqual([
        expect.objectContaining({
          action: 'update',
          entityType: 'department',
          entityId: department.id,
          changes: { name: { before: 'Utbildningsförvaltningen', after: 'Utbildningsförvaltningen (UBF)' } },
        }),
      ]);
    });

    it.each([
      ['/target-groups', 'target_group', 'Unga 16–24 som varken arbetar eller studerar'],
      ['/districts', 'district', 'Kronogården'],
    ])('should record the new item when one is added to %s', async (path, entityType, name) => {
      const code = uniqueCode('NEW');

      const res = await t.admin.post(api(path)).send({ code, name });

      expect(res.status).toBe(201);
      expect(await eventsOf(res)).toEqual([
        expect.objectContaining({
          ...asAdmin,
          action: 'create',
          entityType,
          entityId: res.body.id,
          changes: { code: { after: code }, name: { after: name } },
        }),
      ]);
    });

    it('should record a new goal and then only the changed title when the goal is edited', async () => {
      const created = await t.admin.post(api('/goals')).send({
        code: uniqueCode('FP'),
        title: 'Föräldraskapsstöd',
        level: 'priority_area',
        framework: 'Färdplan för social hållbarhet',
      });

      const edited = await patch(`/goals/${created.body.id}`, 1, { title: 'Föräldraskapsstöd – föräldrar som resurs' });

      expect(created.status).toBe(201);
      expect(edited.status).toBe(200);
      expect(await eventsOf(created)).toEqual([
        expect.objectContaining({
          action: 'create',
          entityType: 'goal',
          changes: {
            code: { after: created.body.code },
            title: { after: 'Föräldraskapsstöd' },
            level: { after: 'priority_area' },
            framework: { after: 'Färdplan för social hållbarhet' },
          },
        }),
      ]);
      expect(await eventsOf(edited)).toEqual([
        expect.objectContaining({
          action: 'update',
          entityType: 'goal',
          entityId: created.body.id,
          changes: { title: { before: 'Föräldraskapsstöd', after: 'Föräldraskapsstöd – föräldrar som resurs' } },
        }),
      ]);
    });

    it('should record an initiative in its API shape, links included, when it is registered', async () => {
      const [lead, partner, goal, youth] = [
        await givenDepartment(t.dataSource),
        await givenDepartment(t.dataSource),
        await givenGoal(t.dataSource),
        await givenTargetGroup(t.dataSource),
      ];
      const body = {
        code: uniqueCode('MBU'),
        title: 'MBU – Människan bakom uniformen',
        kind: 'method',
        leadDepartmentId: lead.id,
        participants: [{ departmentId: partner.id, role: 'partner', responsibility: 'Räddningstjänstens medverkan' }],
        goalIds: [goal.id],
        targetGroupCodes: [youth.code],
      };

      const res = await t.admin.post(api('/initiatives')).send(body);

      expect(res.status).toBe(201);
      const [event] = await eventsOf(res);
      expect(event).toEqual(
        expect.objectContaining({
          action: 'create',
          entityType: 'initiative',
          entityId: res.body.id,
          initiativeId: res.body.id,
        }),
      );
      expect(event.changes).toEqual(
        expect.objectContaining({
          code: { after: body.code },
          status: { after: 'draft' },
          participants: { after: body.participants },
          goalIds: { after: [goal.id] },
          targetGroupCodes: { after: [youth.code] },
          districtCodes: { after: [] },
        }),
      );
      expect(
        Object.keys(event.changes).filter((k) =>
          ['id', 'version', 'createdAt', 'updatedAt', 'summary', 'startDate'].includes(k),
        ),
      ).toEqual([]);
    });

    it('should record only the changed title and goals when an initiative is edited', async () => {
      const [first, second] = [await givenGoal(t.dataSource), await givenGoal(t.dataSource)];
      const initiative = await givenInitiative(t.dataSource, { title: 'Fältarbetare' }, { goalIds: [first.id] });

      const res = await patch(`/initiatives/${initiative.id}`, 1, {
        title: 'Fältarbetare och profilsocialsekreterare',
        goalIds: [second.id],
        kind: 'project',
      });

      expect(res.status).toBe(200);
      expect(await eventsOf(res)).toEqual([
        expect.objectContaining({
          ...asAdmin,
          action: 'update',
          entityType: 'initiative',
          entityId: initiative.id,
          initiativeId: initiative.id,
          changes: {
            title: { before: 'Fältarbetare', after: 'Fältarbetare och profilsocialsekreterare' },
            goalIds: { before: [first.id], after: [second.id] },
          },
        }),
      ]);
    });

    it('should record the status before and after and the comment when an initiative moves', async () => {
      const lead = await givenDepartment(t.dataSource);
      const initiative = await givenInitiative(
        t.dataSource,
        { leadDepartmentId: lead.id },
        { goalIds: [(await givenGoal(t.dataSource)).id] },
      );

      const res = await t.admin
        .post(api(`/initiatives/${initiative.id}/transitions`))
        .send({ to: 'proposed', comment: 'Klar för ledningsgruppen' });

      expect(res.status).toBe(200);
      expect(await eventsOf(res)).toEqual([
        expect.objectContaining({
          action: 'transition',
          entityType: 'initiative',
          entityId: initiative.id,
          changes: {
            status: { before: 'draft', after: 'proposed' },
            comment: { before: null, after: 'Klar för ledningsgruppen' },
          },
        }),
      ]);
    });

    it('should record the deleted draft and each funding line that goes with it when a draft is deleted', async () => {
      const initiative = await givenInitiative(t.dataSource, { title: 'Utkast som dras tillbaka' });
      const line = await givenFundingLine(t.dataSource, initiative.id, { funder: 'Brå' });

      const res = await t.admin.delete(api(`/initiatives/${initiative.id}`));

      expect(res.status).toBe(204);
      const events = await eventsOf(res);
      expect(events.map((e) => [e.action, e.entityType, e.entityId, e.initiativeId])).toEqual([
        ['delete', 'funding_line', line.id, initiative.id],
        ['delete', 'initiative', initiative.id, initiative.id],
      ]);
      expect(events[0].changes.funder).toEqual({ before: 'Brå' });
      expect(events[1].changes.title).toEqual({ before: 'Utkast som dras tillbaka' });
      expect(Object.values(events[1].changes).every((change) => !('after' in change))).toBe(true);
    });

    it('should record funding lines with their initiative and the person who wrote them when they are created, changed and deleted', async () => {
      const lead = await givenDepartment(t.dataSource);
      const initiative = await givenInitiative(t.dataSource, { leadDepartmentId: lead.id });
      const head = await t.as({
        role: 'department_head',
        department: lead.code,
        sub: 'head-of-lead',
        name: 'Förvaltningschef',
      });
      const body = {
        sourceType: 'state_grant',
        funder: 'Länsstyrelsen Västra Götaland',
        amountSek: 1_200_000,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
      };

      const created = await head.post(api(`/initiatives/${initiative.id}/funding`)).send(body);
      const changed = await head
        .patch(api(`/funding/${created.body.id}`))
        .set('If-Match', '"1"')
        .send({ amountSek: 1_500_000 });
      const deleted = await head.delete(api(`/funding/${created.body.id}`));

      expect([created.status, changed.status, deleted.status]).toEqual([201, 200, 204]);
      const actor = { actorKind: 'user', actorId: 'head-of-lead', actorName: 'Förvaltningschef' };
      const line = { entityType: 'funding_line', entityId: created.body.id, initiativeId: initiative.id };
      expect(await eventsOf(created)).toEqual([
        expect.objectContaining({
          ...actor,
          ...line,
          action: 'create',
          changes: expect.objectContaining({
            funder: { after: body.funder },
            amountSek: { after: 1_200_000 },
            status: { after: 'applied' },
          }),
        }),
      ]);
      expect(await eventsOf(changed)).toEqual([
        expect.objectContaining({
          ...actor,
          ...line,
          action: 'update',
          changes: { amountSek: { before: 1_200_000, after: 1_500_000 } },
        }),
      ]);
      expect(await eventsOf(deleted)).toEqual([
        expect.objectContaining({
          ...actor,
          ...line,
          action: 'delete',
          changes: expect.objectContaining({
            amountSek: { before: 1_500_000 },
            initiativeId: { before: initiative.id },
          }),
        }),
      ]);
    });

    it('should record the predecessor losing its successor when a successor line is deleted', async () => {
      const initiative = await givenInitiative(t.dataSource);
      const successor = await givenFundingLine(t.dataSource, initiative.id, {
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
      });
      const predecessor = await givenFundingLine(t.dataSource, initiative.id, { successorFundingId: successor.id });

      const res = await t.admin.delete(api(`/funding/${successor.id}`));

      expect(res.status).toBe(204);
      expect(
        (await eventsOf(res)).map((e) => [e.action, e.entityId, e.action === 'update' ? e.changes : undefined]),
      ).toEqual([
        ['update', predecessor.id, { successorFundingId: { before: successor.id, after: null } }],
        ['delete', successor.id, undefined],
      ]);
    });
  });

  describe('refused writes', () => {
    it('should write no event when the change is refused with 422', async () => {
      const before = await eventCount();

      const res = await t.admin.post(api('/initiatives')).send({
        code: uniqueCode('X'),
        title: 'Okänt mål',
        kind: 'project',
        leadDepartmentId: (await givenDepartment(t.dataSource)).id,
        goalIds: [UNKNOWN_ID],
      });

      expectProblem(res, 422);
      expect(await eventCount()).toBe(before);
    });

    it('should write no event when the change is refused with 409', async () => {
      const existing = await givenDepartment(t.dataSource);
      const before = await eventCount();

      const res = await t.admin
        .post(api('/departments'))
        .send({ code: existing.code, name: 'Dubblett', kind: 'committee' });

      expectProblem(res, 409);
      expect(await eventCount()).toBe(before);
    });

    it('should write no event when the change is refused with 412', async () => {
      const goal = await givenGoal(t.dataSource);
      const before = await eventCount();

      const res = await patch(`/goals/${goal.id}`, 7, { title: 'Inaktuell ändring' });

      expectProblem(res, 412);
      expect(await eventCount()).toBe(before);
    });

    it('should write no event when the change is refused by a guard after the change was made', async () => {
      const goal = await givenGoal(t.dataSource);
      const initiative = await givenInitiative(
        t.dataSource,
        { leadDepartmentId: (await givenDepartment(t.dataSource)).id, status: 'proposed' },
        { goalIds: [goal.id] },
      );
      const before = await eventCount();

      const res = await patch(`/initiatives/${initiative.id}`, 1, { goalIds: [] });

      expectProblem(res, 422);
      expect(await eventCount()).toBe(before);
    });

    it('should roll the event back with the change when the transaction fails as it commits', async () => {
      // A deferred check fails at COMMIT, after the service has written both the change and its event.
      await t.dataSource.query(
        `CREATE FUNCTION test_refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`,
      );
      await t.dataSource.query(
        `CREATE CONSTRAINT TRIGGER test_refuse_at_commit AFTER UPDATE ON initiatives DEFERRABLE INITIALLY DEFERRED
           FOR EACH ROW WHEN (NEW.title = 'Avvisas vid commit') EXECUTE FUNCTION test_refuse_at_commit()`,
      );
      const initiative = await t.admin.post(api('/initiatives')).send({
        code: uniqueCode('RB'),
        title: 'Före',
        kind: 'project',
        leadDepartmentId: (await givenDepartment(t.dataSource)).id,
      });
      const sequence = async () =>
        Number((await t.dataSource.query(`SELECT last_value FROM audit_events_id_seq`))[0].last_value);
      const [eventsBefore, sequenceBefore] = [await eventCount(), await sequence()];

      const res = await patch(`/initiatives/${initiative.body.id}`, 1, { title: 'Avvisas vid commit' });

      expectProblem(res, 500);
      expect(await eventCount()).toBe(eventsBefore);
      expect(await sequence()).toBe(sequenceBefore + 1);
      expect((await t.admin.get(api(`/initiatives/${initiative.body.id}`))).body).toEqual(
        expect.objectContaining({ title: 'Före', version: 1 }),
      );
    });

    it('should log the refusal with actor and permission when the guard refuses a write with 403', async () => {
      const warned = jest.spyOn(Logger.prototype, 'warn');
      const staff = await t.as({ role: 'staff', sub: 'staff-member' });
      const before = await eventCount();

      const res = await staff
        .post(api('/departments'))
        .send({ code: uniqueCode('NOPE'), name: 'Obehörig', kind: 'committee' });

      expectProblem(res, 403);
      expect(warned).toHaveBeenCalledWith(
        {
          actor: { kind: 'user', id: 'staff-member' },
          permission: 'reference-data:write',
          method: 'POST',
          path: '/api/v1/departments',
        },
        'Refused: missing permission',
      );
      expect(await eventCount()).toBe(before);
      warned.mockRestore();
    });
  });

  describe('append-only in the database', () => {
    beforeAll(async () => {
      await t.admin.post(api('/districts')).send({ code: uniqueCode('D'), name: 'Lextorp' });
    });

    it.each([
      ['UPDATE', `UPDATE audit_events SET action = 'delete'`],
      ['DELETE', `DELETE FROM audit_events`],
      ['TRUNCATE', `TRUNCATE audit_events`],
    ])('should refuse %s from the application’s own database user', async (_, statement) => {
      const before = await t.dataSource.query(`SELECT * FROM audit_events ORDER BY id`);
      expect(before.length).toBeGreaterThan(0);

      await expect(t.dataSource.query(statement)).rejects.toThrow(/append-only/);

      expect(await t.dataSource.query(`SELECT * FROM audit_events ORDER BY id`)).toEqual(before);
    });
  });

  describe('GET /audit-events', () => {
    /** Events written straight into the table (INSERT is allowed) at chosen moments, all about one record. */
    async function givenEvents(at: { occurredAt: string; actorId?: string; action?: string }[]) {
      const entityId = uniqueCode('REC');
      for (const e of at) {
        await t.dataSource.query(
          `INSERT INTO audit_events (occurred_at, actor_kind, actor_id, action, entity_type, entity_id, changes) VALUES ($1, 'user', $2, $3, 'goal', $4, '{}')`,
          [e.occurredAt, e.actorId ?? 'someone', e.action ?? 'update', entityId],
        );
      }
      return entityId;
    }
    const list = (query: Record<string, string | number>) => t.admin.get(api('/audit-events')).query(query);
    const times = (res: request.Response) => (res.body.items as { occurredAt: string }[]).map((e) => e.occurredAt);

    it('should answer one page, newest first, of the record asked for when filtered by entity', async () => {
      const entityId = await givenEvents([
        { occurredAt: '2025-03-01T08:00:00Z' },
        { occurredAt: '2025-03-03T08:00:00Z' },
        { occurredAt: '2025-03-02T08:00:00Z' },
      ]);
      await givenEvents([{ occurredAt: '2025-03-02T09:00:00Z' }]);

      const res = await list({ entityType: 'goal', entityId, limit: 2 });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: expect.any(Array), total: 3, limit: 2, offset: 0 });
      expect(times(res)).toEqual(['2025-03-03T08:00:00.000Z', '2025-03-02T08:00:00.000Z']);
      expect(res.body.items[0]).toEqual({
        id: expect.stringMatching(/^\d+$/),
        occurredAt: '2025-03-03T08:00:00.000Z',
        actorKind: 'user',
        actorId: 'someone',
        actorName: null,
        action: 'update',
        entityType: 'goal',
        entityId,
        initiativeId: null,
        changes: {},
        requestId: null,
      });
    });

    it('should answer only the actor’s events when filtered by actor', async () => {
      const entityId = await givenEvents([
        { occurredAt: '2025-04-01T08:00:00Z', actorId: 'auditee-1' },
        { occurredAt: '2025-04-01T09:00:00Z', actorId: 'auditee-2' },
      ]);

      const res = await list({ entityId, actor: 'auditee-2' });

      expect(res.status).toBe(200);
      expect(res.body.items.map((e: { actorId: string }) => e.actorId)).toEqual(['auditee-2']);
    });

    it('should answer only events of that kind when filtered by action', async () => {
      const entityId = await givenEvents([
        { occurredAt: '2025-04-02T08:00:00Z', action: 'create' },
        { occurredAt: '2025-04-02T09:00:00Z' },
        { occurredAt: '2025-04-02T10:00:00Z', action: 'delete' },
      ]);

      const res = await list({ entityId, action: 'create' });

      expect(res.status).toBe(200);
      expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    });

    it('should take a date as the whole day in Stockholm when from and to are dates', async () => {
      // 22:59:59Z is 23:59:59 on 1 March in Stockholm (UTC+1); 23:00:00Z is already 2 March there.
      const entityId = await givenEvents([
        { occurredAt: '2025-02-28T23:00:00Z' },
        { occurredAt: '2025-03-01T22:59:59Z' },
        { occurredAt: '2025-03-01T23:00:00Z' },
      ]);

      const res = await list({ entityId, from: '2025-03-01', to: '2025-03-01' });

      expect(times(res)).toEqual(['2025-03-01T22:59:59.000Z', '2025-02-28T23:00:00.000Z']);
    });

    it('should include both ends when from and to are instants', async () => {
      const entityId = await givenEvents([
        { occurredAt: '2025-05-01T10:00:00Z' },
        { occurredAt: '2025-05-01T11:00:00Z' },
        { occurredAt: '2025-05-01T11:00:01Z' },
      ]);

      const res = await list({ entityId, from: '2025-05-01T12:00:00+02:00', to: '2025-05-01T11:00:00Z' });

      expect(times(res)).toEqual(['2025-05-01T11:00:00.000Z', '2025-05-01T10:00:00.000Z']);
    });

    it.each([
      [{ from: '2025-03-02', to: '2025-03-01' }, 'to'],
      [{ from: '2025-03-01T12:00:00Z', to: '2025-03-01T11:59:59Z' }, 'to'],
      [{ from: '2025-03-02T00:30:00+01:00', to: '2025-03-01' }, 'to'],
      [{ from: '2025-02-30' }, 'from'],
      [{ to: '2025-03-01T10:00:00' }, 'to'],
      [{ from: 'yesterday' }, 'from'],
      [{ entityType: 'Initiative; DROP' }, 'entityType'],
      [{ action: 'rename' }, 'action'],
    ])('should answer 400 naming the field when the query is %p', async (query, field) => {
      const res = await list(query);

      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    });

    it.each<[Role, number]>([
      ['admin', 200],
      ['auditor', 200],
      ['leadership', 403],
      ['department_head', 403],
      ['staff', 403],
    ])('should answer %s with %i', async (role, status) => {
      const agent = await t.as({ role });

      const res = await agent.get(api('/audit-events'));

      expect(res.status).toBe(status);
      if (status === 403) expectProblem(res, 403);
    });
  });

  describe('GET /initiatives/{id}/history', () => {
    it('should show any reader the initiative’s own events and its funding lines’, newest first, and no other initiative’s', async () => {
      const leadDepartmentId = (await givenDepartment(t.dataSource)).id;
      const initiative = await t.admin
        .post(api('/initiatives'))
        .send({ code: uniqueCode('HIST'), title: 'Framtidscentrum', kind: 'project', leadDepartmentId });
      const other = await t.admin
        .post(api('/initiatives'))
        .send({ code: uniqueCode('OTHER'), title: 'Alla behövs i jobb', kind: 'project', leadDepartmentId });
      const line = await t.admin.post(api(`/initiatives/${initiative.body.id}/funding`)).send({
        sourceType: 'eu_fund',
        funder: 'ESF-rådet',
        amountSek: 900_000,
        periodStart: '2025-01-01',
        periodEnd: '2026-06-30',
      });
      await patch(`/initiatives/${initiative.body.id}`, 1, { title: 'Framtidscentrum för unga' });
      await patch(`/funding/${line.body.id}`, 1, { status: 'granted' });
      await t.admin.post(api(`/initiatives/${other.body.id}/funding`)).send({
        sourceType: 'other',
        funder: 'Stiftelse',
        amountSek: 1,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
      });
      const reader = await t.as({ role: 'staff', department: (await givenDepartment(t.dataSource)).code });

      const res = await reader.get(api(`/initiatives/${initiative.body.id}/history`));

      expect(res.status).toBe(200);
      expect(res.body.total).toBe(4);
      expect(res.body.items.map((e: StoredEvent) => [e.action, e.entityType, e.entityId])).toEqual([
        ['update', 'funding_line', line.body.id],
        ['update', 'initiative', initiative.body.id],
        ['create', 'funding_line', line.body.id],
        ['create', 'initiative', initiative.body.id],
      ]);
      expect(res.body.items[0].changes).toEqual({ status: { before: 'applied', after: 'granted' } });
    });

    it('should answer 404 when the initiative does not exist', async () => {
      const res = await t.admin.get(api(`/initiatives/${UNKNOWN_ID}/history`));

      expectProblem(res, 404);
    });
  });
});
