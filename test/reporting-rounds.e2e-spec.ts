import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Response } from 'supertest';
import { AlertScansService } from '#alerts';
import { StatusReportGenerator } from '#follow-up';
import type { Role } from '#identity';
import type { DepartmentEntity } from '#reference-data';
import { givenManyInitiatives, givenRound, givenStatusReport } from './support/follow-up-factories.js';
import { givenDepartment, givenInitiative } from './support/factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestAgent, type TestApp } from './support/test-app.js';

const QUEUE_PREFIX = `samla-test-rounds-${randomUUID().slice(0, 8)}`;
const TABLES = ['reporting_rounds', 'status_reports', 'job_runs', 'audit_events', 'notifications', 'alerts'];
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date());
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('Reporting rounds and status reports', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let mailDir: string;
  let leadership: TestAgent;

  beforeAll(async () => {
    mailDir = await mkdtemp(join(tmpdir(), 'samla-rounds-mail-'));
    t = await createTestApp({ env: { QUEUE_PREFIX, MAIL_DROP_DIR: mailDir }, withWorker: true });
    worker = t.worker!;
    leadership = await t.as({ role: 'leadership', sub: 'ledningsgruppen' });
  });

  afterAll(async () => {
    await t.close();
    await rm(mailDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await t.dataSource.query('TRUNCATE status_reports, reporting_rounds, alerts, notifications, initiatives CASCADE');
    await rm(mailDir, { recursive: true, force: true });
  });

  async function waitForRun(id: string) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [run] = await t.dataSource.query(`SELECT status, counts, error FROM job_runs WHERE id = $1`, [id]);
      if (run && ['completed', 'failed'].includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`Run ${id} did not finish: ${JSON.stringify(run)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Creates a round as leadership and waits for the job that creates its reports. */
  async function createRound(body: Record<string, unknown> = {}) {
    const res = await leadership
      .post(api('/reporting-rounds'))
      .send({ title: 'Delårsrapport augusti 2025', period: '2025-H1', dueDate: '2025-09-15', ...body });
    expect(res.status).toBe(201);
    const run = await waitForRun(res.body.jobRunId);
    return { round: res.body, run };
  }

  const reportsOf = (
    roundId: string,
  ): Promise<{ initiative_id: string; department_id: string | null; status: string }[]> =>
    t.dataSource.query(
      `SELECT initiative_id, department_id, status FROM status_reports WHERE round_id = $1 ORDER BY initiative_id`,
      [roundId],
    );

  const department = (overrides: Partial<DepartmentEntity> = {}) => givenDepartment(t.dataSource, overrides);
  const agentFor = (role: Role, dept?: DepartmentEntity) =>
    t.as({ role, department: dept?.code, sub: `${role}-${dept?.code ?? 'none'}` });

  describe('creating a round', () => {
    it('should create one pending report for a single initiative in scope, with its lead department, through the job', async () => {
      const asf = await department();
      const initiative = await givenInitiative(t.dataSource, { status: 'active', leadDepartmentId: asf.id });

      const { round, run } = await createRound();

      expect(round).toEqual(
        expect.objectContaining({
          title: 'Delårsrapport augusti 2025',
          period: '2025-H1',
          dueDate: '2025-09-15',
          scopeStatuses: ['approved', 'active'],
          scopeDepartmentIds: null,
          createdBy: 'ledningsgruppen',
          version: 1,
        }),
      );
      expect(run).toEqual({
        status: 'completed',
        error: null,
        counts: { raised: 0, escalated: 0, resolved: 0, created: 1 },
      });
      expect(await reportsOf(round.id)).toEqual([
        { initiative_id: initiative.id, department_id: asf.id, status: 'pending' },
      ]);
      const events = await t.dataSource.query(
        `SELECT entity_type, action, actor_id FROM audit_events WHERE entity_id IN ($1, $2) ORDER BY entity_type`,
        [round.id, round.jobRunId],
      );
      expect(events).toEqual([
        { entity_type: 'job_run', action: 'create', actor_id: 'ledningsgruppen' },
        { entity_type: 'reporting_round', action: 'create', actor_id: 'ledningsgruppen' },
      ]);
    });

    it('should create 5,000 reports in one run, and none twice when the job runs again', async () => {
      const asf = await department();
      await givenManyInitiatives(t.dataSource, 5_000, asf.id);

      const { round, run } = await createRound();

      expect(run.counts.created).toBe(5_000);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM status_reports WHERE round_id = $1 AND department_id = $2`,
        [round.id, asf.id],
      );
      expect(count).toBe(5_000);
      expect(await worker.get(StatusReportGenerator).createForRound(round.id)).toBe(0);
      const completion = await leadership.get(api(`/reporting-rounds/${round.id}/completion`));
      expect(completion.body.totals).toEqual({
        total: 5_000,
        submitted: 0,
        approved: 0,
        pending: 5_000,
        overdue: expect.any(Number),
      });
    }, 60_000);

    it('should take approved and active initiatives by default, and only the statuses and lead departments named when given', async () => {
      const [a, b] = [await department(), await department()];
      const ids: Record<string, string> = {};
      for (const dept of [a, b]) {
        for (const status of ['draft', 'proposed', 'approved', 'active', 'completed'] as const) {
          ids[`${dept.code}:${status}`] = (
            await givenInitiative(t.dataSource, { status, leadDepartmentId: dept.id })
          ).id;
        }
      }

      const byDefault = await createRound();
      const scoped = await createRound({ scopeStatuses: ['proposed', 'active'], scopeDepartmentIds: [a.id] });

      const initiativesOf = async (roundId: string) => (await reportsOf(roundId)).map((r) => r.initiative_id).sort();
      expect(await initiativesOf(byDefault.round.id)).toEqual(
        [ids[`${a.code}:approved`], ids[`${a.code}:active`], ids[`${b.code}:approved`], ids[`${b.code}:active`]].sort(),
      );
      expect(await initiativesOf(scoped.round.id)).toEqual([ids[`${a.code}:proposed`], ids[`${a.code}:active`]].sort());
    });

    it('should list rounds latest due date first', async () => {
      await givenRound(t.dataSource, { title: 'Årsrapport 2024', period: '2024', dueDate: '2025-02-28' });
      await givenRound(t.dataSource, { title: 'Delårsrapport augusti 2025', period: '2025-H1', dueDate: '2025-09-15' });

      const res = await leadership.get(api('/reporting-rounds?limit=10'));

      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ total: 2, limit: 10, offset: 0 }));
      expect(res.body.items.map((r: { period: string }) => r.period)).toEqual(['2025-H1', '2024']);
    });
  });

  describe('a status report', () => {
    let lead: DepartmentEntity;
    let coOwner: DepartmentEntity;
    let other: DepartmentEntity;
    let reportId: string;

    beforeEach(async () => {
      [lead, coOwner, other] = [await department(), await department(), await department()];
      const initiative = await givenInitiative(
        t.dataSource,
        { status: 'active', leadDepartmentId: lead.id },
        {
          participants: [
            { departmentId: coOwner.id, role: 'co_owner' },
            { departmentId: other.id, role: 'partner' },
          ],
        },
      );
      const round = await givenRound(t.dataSource);
      reportId = (await givenStatusReport(t.dataSource, round.id, initiative.id, { departmentId: lead.id })).id;
    });

    const read = () => t.admin.get(api(`/status-reports/${reportId}`));
    const patch = (agent: TestAgent, version: number, body: Record<string, unknown>) =>
      agent
        .patch(api(`/status-reports/${reportId}`))
        .set('If-Match', `"${version}"`)
        .send(body);
    const submit = (agent: TestAgent) => agent.post(api(`/status-reports/${reportId}/submit`)).send();
    const approve = (agent: TestAgent) => agent.post(api(`/status-reports/${reportId}/approve`)).send();
    const giveBack = (agent: TestAgent, comment = 'Komplettera med hur medlen har använts.') =>
      agent.post(api(`/status-reports/${reportId}/return`)).send({ comment });

    async function expectNothingWritten(act: () => Promise<Response>, status: number) {
      const before = await rowCounts(t.dataSource, TABLES);
      const { body: report } = await read();
      const res = await act();
      expectProblem(res, status);
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
      expect((await read()).body).toEqual(report);
      return res;
    }

    it('should go pending → submitted → returned → submitted → approved, audited at every step', async () => {
      const staff = await agentFor('staff', lead);
      const coOwnerHead = await agentFor('department_head', coOwner);

      const written = await patch(staff, 1, {
        ragStatus: 'amber',
        progress: 'Rekryteringen är klar.',
        risks: 'Statsbidraget upphör i juni.',
        spendingToDateSek: 850_000,
      });
      expect(written.status).toBe(200);
      expect(written.headers.etag).toBe('"2"');
      expect(written.body).toEqual(
        expect.objectContaining({ status: 'pending', ragStatus: 'amber', spendingToDateSek: 850_000, version: 2 }),
      );

      const submitted = await submit(staff);
      expect(submitted.status).toBe(200);
      expect(submitted.body).toEqual(
        expect.objectContaining({
          status: 'submitted',
          submittedBy: `staff-${lead.code}`,
          submittedAt: expect.any(String),
        }),
      );

      const returned = await giveBack(leadership);
      expect(returned.status).toBe(200);
      expect(returned.body).toEqual(
        expect.objectContaining({
          status: 'returned',
          decidedBy: 'ledningsgruppen',
          returnComment: 'Komplettera med hur medlen har använts.',
        }),
      );

      expect(
        (await patch(coOwnerHead, returned.body.version, { progress: 'Rekryteringen är klar; 40 unga nådda.' })).status,
      ).toBe(200);
      expect((await submit(coOwnerHead)).body.status).toBe('submitted');
      const approved = await approve(leadership);
      expect(approved.status).toBe(200);
      expect(approved.body).toEqual(
        expect.objectContaining({ status: 'approved', returnComment: null, decidedBy: 'ledningsgruppen' }),
      );

      const events = await t.dataSource.query(
        `SELECT action FROM audit_events WHERE entity_type = 'status_report' AND entity_id = $1 ORDER BY id`,
        [reportId],
      );
      expect(events.map((e: { action: string }) => e.action)).toEqual([
        'update',
        'transition',
        'decision',
        'update',
        'transition',
        'decision',
      ]);
    });

    it('should refuse moves the status does not allow with 409, writing nothing', async () => {
      await t.dataSource.query(
        `UPDATE status_reports SET status = 'submitted', rag_status = 'green', progress = 'Klart.' WHERE id = $1`,
        [reportId],
      );
      const staff = await agentFor('staff', lead);

      await expectNothingWritten(() => patch(staff, 1, { progress: 'Ändrat efter inlämning' }), 409);
      await expectNothingWritten(() => submit(staff), 409);
      expect((await approve(leadership)).status).toBe(200);
      await expectNothingWritten(() => approve(leadership), 409);
      await expectNothingWritten(() => giveBack(leadership), 409);
      await expectNothingWritten(() => submit(staff), 409);
    });

    it('should refuse to approve or return a report that is not submitted', async () => {
      await expectNothingWritten(() => approve(leadership), 409);
      await expectNothingWritten(() => giveBack(leadership), 409);
    });

    it('should refuse to submit without a RAG status and progress, naming both (422)', async () => {
      const staff = await agentFor('staff', lead);

      const res = await expectNothingWritten(() => submit(staff), 422);

      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['ragStatus', 'progress']);
      await patch(staff, 1, { ragStatus: 'red' });
      const onlyProgress = await expectNothingWritten(() => submit(staff), 422);
      expect(onlyProgress.body.errors.map((e: { field: string }) => e.field)).toEqual(['progress']);
    });

    it('should need If-Match to write (428) and refuse a stale one (412)', async () => {
      const staff = await agentFor('staff', lead);
      await expectNothingWritten(
        () => staff.patch(api(`/status-reports/${reportId}`)).send({ progress: 'Utan version' }),
        428,
      );
      await expectNothingWritten(() => patch(staff, 7, { progress: 'Gammal version' }), 412);
    });

    it('should refuse bad input with 400 naming the fields, writing nothing', async () => {
      const staff = await agentFor('staff', lead);
      const res = await expectNothingWritten(
        () => patch(staff, 1, { ragStatus: 'blue', spendingToDateSek: -1, progress: '  ', status: 'approved' }),
        400,
      );
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'progress',
        'ragStatus',
        'spendingToDateSek',
        'status',
      ]);

      await t.dataSource.query(`UPDATE status_reports SET status = 'submitted' WHERE id = $1`, [reportId]);
      const noComment = await expectNothingWritten(
        () => leadership.post(api(`/status-reports/${reportId}/return`)).send({}),
        400,
      );
      expect(new Set(noComment.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['comment']));
    });

    it.each([
      ['staff of a partner department', 'staff', 'other'],
      ['the head of an unrelated department', 'department_head', 'unrelated'],
      ['leadership', 'leadership', 'none'],
      ['an auditor', 'auditor', 'none'],
    ] as const)('should refuse writing or submitting by %s (403), writing nothing', async (_, role, which) => {
      const dept = which === 'other' ? other : which === 'unrelated' ? await department() : undefined;
      await t.dataSource.query(`UPDATE status_reports SET rag_status = 'green', progress = 'Klart.' WHERE id = $1`, [
        reportId,
      ]);
      const agent = await agentFor(role, dept);

      await expectNothingWritten(() => patch(agent, 1, { progress: 'Inte min insats' }), 403);
      await expectNothingWritten(() => submit(agent), 403);
    });

    it.each(['department_head', 'staff', 'auditor'] as const)(
      'should refuse approving or returning by %s, even of the lead department (403)',
      async (role) => {
        await t.dataSource.query(
          `UPDATE status_reports SET status = 'submitted', rag_status = 'green', progress = 'Klart.' WHERE id = $1`,
          [reportId],
        );
        const agent = await agentFor(role, role === 'auditor' ? undefined : lead);

        await expectNothingWritten(() => approve(agent), 403);
        await expectNothingWritten(() => giveBack(agent), 403);
      },
    );

    it('should list reports filtered by round, department and status', async () => {
      const round2 = await givenRound(t.dataSource, { period: '2025' });
      const initiative2 = await givenInitiative(t.dataSource, { status: 'active', leadDepartmentId: other.id });
      await givenStatusReport(t.dataSource, round2.id, initiative2.id, { departmentId: other.id, status: 'submitted' });

      const all = await leadership.get(api('/status-reports'));
      const ofLead = await leadership.get(api(`/status-reports?departmentId=${lead.id}`));
      const submitted = await leadership.get(api(`/status-reports?roundId=${round2.id}&status=submitted`));
      const bad = await leadership.get(api('/status-reports?status=done&roundId=x'));

      expect(all.body.total).toBe(2);
      expect(ofLead.body.items.map((r: { id: string }) => r.id)).toEqual([reportId]);
      expect(submitted.body).toEqual(
        expect.objectContaining({ total: 1, items: [expect.objectContaining({ initiativeId: initiative2.id })] }),
      );
      expectProblem(bad, 400);
    });

    it('should name each report’s round and initiative and say whether it is overdue, in the list and alone', async () => {
      const [{ initiative_id: initiativeId }] = await t.dataSource.query(
        `SELECT initiative_id FROM status_reports WHERE id = $1`,
        [reportId],
      );
      const [initiative] = await t.dataSource.query(`SELECT code, title FROM initiatives WHERE id = $1`, [
        initiativeId,
      ]);
      const late = await givenRound(t.dataSource, {
        title: 'Årsrapport 2024',
        period: '2024',
        dueDate: addDays(today(), -1),
      });
      const lateReport = await givenStatusReport(t.dataSource, late.id, initiativeId, {
        departmentId: lead.id,
        status: 'returned',
      });
      const coming = await givenRound(t.dataSource, {
        title: 'Årsrapport 2026',
        period: '2026',
        dueDate: addDays(today(), 10),
      });
      await givenStatusReport(t.dataSource, coming.id, initiativeId, { departmentId: lead.id, status: 'pending' });
      const doneLate = await givenRound(t.dataSource, {
        title: 'Delårsrapport 2024',
        period: '2024-H1',
        dueDate: addDays(today(), -30),
      });
      await givenStatusReport(t.dataSource, doneLate.id, initiativeId, { departmentId: lead.id, status: 'submitted' });

      const one = await leadership.get(api(`/status-reports/${lateReport.id}`));
      const list = await leadership.get(api(`/status-reports?initiativeId=${initiativeId}&sort=dueDate`));

      expect(one.body).toEqual(
        expect.objectContaining({
          round: { id: late.id, title: 'Årsrapport 2024', period: '2024', dueDate: late.dueDate },
          initiative: { id: initiativeId, code: initiative.code, title: initiative.title },
          overdue: true,
          indicators: [],
        }),
      );
      // Due first comes first; only a report not yet submitted is late, and none before its due date.
      expect(
        list.body.items.map((r: { round: { title: string }; overdue: boolean }) => [r.round.title, r.overdue]),
      ).toEqual([
        ['Delårsrapport augusti 2025', true],
        ['Delårsrapport 2024', false],
        ['Årsrapport 2024', true],
        ['Årsrapport 2026', false],
      ]);
      expectProblem(await leadership.get(api('/status-reports?sort=title')), 400);
    });

    it('should list the reports a department writes (lead or co-owner, not partner) in the statuses asked for', async () => {
      const round2 = await givenRound(t.dataSource, { period: '2025' });
      const ofCoOwner = await givenInitiative(
        t.dataSource,
        { status: 'active', leadDepartmentId: other.id },
        { participants: [{ departmentId: lead.id, role: 'co_owner' }] },
      );
      const coOwned = await givenStatusReport(t.dataSource, round2.id, ofCoOwner.id, {
        departmentId: other.id,
        status: 'returned',
      });
      const ofPartner = await givenInitiative(
        t.dataSource,
        { status: 'active', leadDepartmentId: other.id },
        { participants: [{ departmentId: lead.id, role: 'partner' }] },
      );
      await givenStatusReport(t.dataSource, round2.id, ofPartner.id, { departmentId: other.id, status: 'pending' });
      await t.dataSource.query(`UPDATE status_reports SET status = 'approved' WHERE id = $1`, [reportId]);
      const staff = await agentFor('staff', lead);

      const toWrite = await staff.get(
        api(`/status-reports?ownerDepartmentId=${lead.id}&status=pending,returned,submitted`),
      );
      const everything = await staff.get(api(`/status-reports?ownerDepartmentId=${lead.id}`));
      const ofCoOwnerDept = await staff.get(api(`/status-reports?ownerDepartmentId=${coOwner.id}`));

      expect(toWrite.body.items.map((r: { id: string }) => r.id)).toEqual([coOwned.id]);
      expect(everything.body.items.map((r: { id: string }) => r.id).sort()).toEqual([coOwned.id, reportId].sort());
      expect(ofCoOwnerDept.body.items.map((r: { id: string }) => r.id)).toEqual([reportId]);
      expectProblem(await staff.get(api('/status-reports?ownerDepartmentId=ASF&status=pending,done')), 400);
    });
  });

  describe('creating a round: access and input', () => {
    it.each(['department_head', 'staff', 'auditor'] as const)(
      'should refuse %s (403), writing nothing',
      async (role) => {
        const agent = await agentFor(role, await department());
        const before = await rowCounts(t.dataSource, TABLES);

        const res = await agent
          .post(api('/reporting-rounds'))
          .send({ title: 'Egen omgång', period: '2025', dueDate: '2025-12-31' });

        expectProblem(res, 403);
        expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
      },
    );

    it('should let an admin create one', async () => {
      const res = await t.admin
        .post(api('/reporting-rounds'))
        .send({ title: 'Årsrapport 2025', period: '2025', dueDate: '2026-02-28' });
      expect(res.status).toBe(201);
      expect((await waitForRun(res.body.jobRunId)).status).toBe('completed');
    });

    it.each([
      [{ title: ' ', period: '2025-Q5', dueDate: '2025-02-30' }, ['dueDate', 'period', 'title']],
      [
        { title: 'Omgång', period: '2025-5', dueDate: '2025-09-15', scopeStatuses: ['running'] },
        ['period', 'scopeStatuses'],
      ],
      [
        { title: 'Omgång', period: '2025', dueDate: '2025-09-15', scopeStatuses: [], scopeDepartmentIds: ['x'] },
        ['scopeDepartmentIds', 'scopeStatuses'],
      ],
      [{ title: 'Omgång', period: '2025', dueDate: '2025-09-15', createdBy: 'någon annan' }, ['createdBy']],
    ])('should refuse %j with 400 naming the fields, writing nothing', async (body, fields) => {
      const before = await rowCounts(t.dataSource, TABLES);

      const res = await leadership.post(api('/reporting-rounds')).send(body);

      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field.replace(/\[\d+\]$/, '')).sort()).toEqual(fields);
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    });

    it('should refuse an unknown department in the scope with 422, writing nothing', async () => {
      const before = await rowCounts(t.dataSource, TABLES);
      const known = await department();

      const res = await leadership
        .post(api('/reporting-rounds'))
        .send({ title: 'Omgång', period: '2025', dueDate: '2025-09-15', scopeDepartmentIds: [known.id, randomUUID()] });

      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ field: 'scopeDepartmentIds[1]', message: 'no department with this id' }]);
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    });
  });

  describe('completion', () => {
    it('should count per lead department submitted, approved, pending and overdue as of today', async () => {
      const [a, b] = [
        await department({ name: 'Arbetsmarknad och samhällsstöd' }),
        await department({ name: 'Barn och utbildning' }),
      ];
      const round = await givenRound(t.dataSource, { dueDate: addDays(today(), -1) });
      const statuses: [DepartmentEntity, string][] = [
        [a, 'approved'],
        [a, 'submitted'],
        [a, 'pending'],
        [b, 'returned'],
        [b, 'pending'],
      ];
      for (const [dept, status] of statuses) {
        const initiative = await givenInitiative(t.dataSource, { status: 'active', leadDepartmentId: dept.id });
        await givenStatusReport(t.dataSource, round.id, initiative.id, {
          departmentId: dept.id,
          status: status as never,
        });
      }

      const overdue = await leadership.get(api(`/reporting-rounds/${round.id}/completion`));
      await t.dataSource.query(`UPDATE reporting_rounds SET due_date = $2 WHERE id = $1`, [round.id, today()]);
      const dueToday = await leadership.get(api(`/reporting-rounds/${round.id}/completion`));

      expect(overdue.status).toBe(200);
      expect(overdue.body).toEqual({
        roundId: round.id,
        dueDate: addDays(today(), -1),
        asOf: today(),
        departments: [
          {
            departmentId: b.id,
            departmentName: 'Barn och utbildning',
            total: 2,
            submitted: 0,
            approved: 0,
            pending: 2,
            overdue: 2,
          },
          {
            departmentId: a.id,
            departmentName: 'Arbetsmarknad och samhällsstöd',
            total: 3,
            submitted: 2,
            approved: 1,
            pending: 1,
            overdue: 1,
          },
        ],
        totals: { total: 5, submitted: 2, approved: 1, pending: 3, overdue: 3 },
      });
      expect(dueToday.body.totals).toEqual({ total: 5, submitted: 2, approved: 1, pending: 3, overdue: 0 });
      expectProblem(await leadership.get(api(`/reporting-rounds/${randomUUID()}/completion`)), 404);
    });
  });

  describe('reminders and overdue alerts', () => {
    const DUE = '2026-03-31';

    async function givenReportDue(
      opts: { status?: string; ownerEmail?: string | null; headEmail?: string | null } = {},
    ) {
      const dept = await department({
        headEmail: opts.headEmail === undefined ? 'chef.asf@trollhattan.se' : opts.headEmail,
      });
      const initiative = await givenInitiative(t.dataSource, {
        status: 'active',
        leadDepartmentId: dept.id,
        processOwner: {
          name: 'Processägare',
          title: 'Enhetschef',
          email: opts.ownerEmail === undefined ? 'processagare@trollhattan.se' : opts.ownerEmail,
        },
      });
      const round =
        (await t.dataSource.query(`SELECT id FROM reporting_rounds WHERE due_date = $1`, [DUE]))[0] ??
        (await givenRound(t.dataSource, { dueDate: DUE }));
      return givenStatusReport(t.dataSource, round.id, initiative.id, {
        departmentId: dept.id,
        status: (opts.status ?? 'pending') as never,
      });
    }

    async function scanPortfolio(asOf: string) {
      const res = await t.admin.post(api('/jobs/scan-portfolio/runs')).send({ asOf });
      expect(res.status).toBe(202);
      const run = await waitForRun(res.body.id);
      expect(run.status).toBe('completed');
      return run;
    }
    const reminderKeys = async (): Promise<string[]> =>
      (
        await t.dataSource.query(
          `SELECT notice_key FROM notifications WHERE notice_key LIKE 'round-reminder:%' AND status = 'sent' ORDER BY notice_key`,
        )
      ).map((r: { notice_key: string }) => r.notice_key);
    const mailFiles = async () => (await readdir(mailDir).catch(() => [])).length;

    it('should remind head and process owner once 14 days and once 3 days before, only while not submitted', async () => {
      const pending = await givenReportDue();
      const returned = await givenReportDue({ status: 'returned', ownerEmail: 'Chef.ASF@trollhattan.se ' });
      await givenReportDue({
        status: 'submitted',
        ownerEmail: 'inskickad@trollhattan.se',
        headEmail: 'inskickad.chef@trollhattan.se',
      });
      await givenReportDue({ ownerEmail: null, headEmail: null });

      await scanPortfolio(addDays(DUE, -15));
      expect(await reminderKeys()).toEqual([]);

      await scanPortfolio(addDays(DUE, -14));
      await scanPortfolio(addDays(DUE, -14));
      await scanPortfolio(addDays(DUE, -10));
      const at14 = [
        `round-reminder:${pending.id}:14:chef.asf@trollhattan.se`,
        `round-reminder:${pending.id}:14:processagare@trollhattan.se`,
        `round-reminder:${returned.id}:14:chef.asf@trollhattan.se`,
      ];
      expect(await reminderKeys()).toEqual([...at14].sort());
      expect(await mailFiles()).toBe(3);

      await scanPortfolio(addDays(DUE, -2));
      await scanPortfolio(addDays(DUE, -1));
      const at3 = at14.map((key) => key.replace(':14:', ':3:'));
      expect(await reminderKeys()).toEqual([...at14, ...at3].sort());
      expect(await mailFiles()).toBe(6);
      const ownersReminder = `round-reminder:${pending.id}:3:processagare@trollhattan.se`;
      const [mail] = await t.dataSource.query(`SELECT subject, body FROM notifications WHERE notice_key = $1`, [
        ownersReminder,
      ]);
      expect(mail.subject).toBe(`[Samla] Påminnelse: statusrapport för Testinsats ska lämnas senast ${DUE}`);
      expect(mail.body).toContain('Sista dag att lämna den är 2026-03-31, om 2 dagar.');
      expect(mail.body).toContain('processägare');

      // After the due date the overdue alert takes over: no more reminders.
      await scanPortfolio(addDays(DUE, 1));
      expect(await reminderKeys()).toEqual([...at14, ...at3].sort());
    });

    it('should raise follow_up_overdue after the due date, critical after 30 days, and resolve it once the report is submitted', async () => {
      const report = await givenReportDue();
      await givenReportDue({ status: 'approved' });
      const scans = worker.get(AlertScansService);

      expect(await scans.runScan('follow_up_overdue', DUE)).toEqual({ raised: 0, escalated: 0, resolved: 0 });
      expect(await scans.runScan('follow_up_overdue', addDays(DUE, 1))).toEqual({
        raised: 1,
        escalated: 0,
        resolved: 0,
      });
      expect(await scans.runScan('follow_up_overdue', addDays(DUE, 1))).toEqual({
        raised: 0,
        escalated: 0,
        resolved: 0,
      });
      expect(await scans.runScan('follow_up_overdue', addDays(DUE, 31))).toEqual({
        raised: 0,
        escalated: 1,
        resolved: 0,
      });
      const [alert] = await t.dataSource.query(
        `SELECT kind, severity, status, department_id, due_date::text, title FROM alerts`,
      );
      expect(alert).toEqual({
        kind: 'follow_up_overdue',
        severity: 'critical',
        status: 'open',
        department_id: report.departmentId,
        due_date: DUE,
        title: 'Statusrapport saknas för Testinsats i Delårsrapport augusti 2025',
      });

      const owner = await t.dataSource.query(`SELECT d.code FROM departments d WHERE d.id = $1`, [report.departmentId]);
      const staff = await t.as({ role: 'staff', department: owner[0].code });
      await staff
        .patch(api(`/status-reports/${report.id}`))
        .set('If-Match', '"1"')
        .send({ ragStatus: 'green', progress: 'Enligt plan.' });
      expect((await staff.post(api(`/status-reports/${report.id}/submit`)).send()).status).toBe(200);

      expect(await scans.runScan('follow_up_overdue', addDays(DUE, 32))).toEqual({
        raised: 0,
        escalated: 0,
        resolved: 1,
      });
    });
  });
});
