import { randomUUID } from 'node:crypto';
import { givenDepartment, givenFundingLine, givenInitiative } from './support/factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestAgent, type TestApp } from './support/test-app.js';

const QUEUE_PREFIX = `samla-test-jobs-${randomUUID().slice(0, 8)}`;

async function runWhenFinished(agent: TestAgent, id: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await agent.get(api(`/job-runs/${id}`));
    if (['completed', 'failed'].includes(res.body.status) || Date.now() > deadline) return res;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('jobs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { QUEUE_PREFIX }, withWorker: true });
  });

  afterAll(async () => {
    await t.close();
  });

  async function givenGrantEnding(periodEnd: string) {
    const department = await givenDepartment(t.dataSource);
    const initiative = await givenInitiative(t.dataSource, { status: 'active', leadDepartmentId: department.id });
    return givenFundingLine(t.dataSource, initiative.id, { periodStart: '2024-01-01', periodEnd, status: 'granted' });
  }

  it('should run every scan and record the counts when an admin asks for a portfolio scan', async () => {
    await givenGrantEnding('2025-06-30');

    const res = await t.admin.post(api('/jobs/scan-portfolio/runs')).send({ asOf: '2025-05-01' });
    const finished = await runWhenFinished(t.admin, res.body.id);

    expect(res.status).toBe(202);
    expect(res.body).toEqual(
      expect.objectContaining({
        jobName: 'scan-portfolio',
        asOf: '2025-05-01',
        status: 'queued',
        requestedBy: 'test-admin',
      }),
    );
    expect(finished.body).toEqual(
      expect.objectContaining({
        status: 'completed',
        attempts: 1,
        error: null,
        counts: { raised: 1, escalated: 0, resolved: 0, notified: 0 },
        startedAt: expect.any(String),
        finishedAt: expect.any(String),
      }),
    );
    const [event] = await t.dataSource.query(
      `SELECT actor_id, action FROM audit_events WHERE entity_type = 'job_run' AND entity_id = $1`,
      [res.body.id],
    );
    expect(event).toEqual({ actor_id: 'test-admin', action: 'create' });
  });

  it('should run one scan alone and raise nothing twice when the same day is scanned again', async () => {
    const first = await t.admin.post(api('/jobs/grant_expiring/runs')).send({ asOf: '2025-05-02' });
    await runWhenFinished(t.admin, first.body.id);

    const again = await t.admin.post(api('/jobs/grant_expiring/runs')).send({ asOf: '2025-05-02' });
    const finished = await runWhenFinished(t.admin, again.body.id);

    expect(finished.body).toEqual(
      expect.objectContaining({
        jobName: 'grant_expiring',
        status: 'completed',
        counts: { raised: 0, escalated: 0, resolved: 0, notified: 0 },
      }),
    );
  });

  it('should judge the portfolio as of today in Stockholm when no asOf is given', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date());

    const res = await t.admin.post(api('/jobs/funder_report_due/runs')).send({});

    expect(res.status).toBe(202);
    expect(res.body.asOf).toBe(today);
  });

  it('should answer 404 and queue nothing when the job name is unknown', async () => {
    const before = await rowCounts(t.dataSource, ['job_runs', 'audit_events']);

    const res = await t.admin.post(api('/jobs/scan-everything/runs')).send({});

    expectProblem(res, 404);
    expect(await rowCounts(t.dataSource, ['job_runs', 'audit_events'])).toEqual(before);
  });

  it.each(['leadership', 'department_head', 'auditor'] as const)(
    'should answer 403 when a %s asks for a run',
    async (role) => {
      const agent = await t.as({ role, department: 'ASF' });
      const before = await rowCounts(t.dataSource, ['job_runs']);

      const res = await agent.post(api('/jobs/scan-portfolio/runs')).send({});

      expectProblem(res, 403);
      expect(await rowCounts(t.dataSource, ['job_runs'])).toEqual(before);
    },
  );

  it('should answer 403 when anyone but an admin reads a run', async () => {
    const run = await t.admin.post(api('/jobs/grant_expiring/runs')).send({ asOf: '2025-05-03' });
    const agent = await t.as({ role: 'leadership' });

    const res = await agent.get(api(`/job-runs/${run.body.id}`));

    expectProblem(res, 403);
  });

  it.each([['2025-02-30'], ['2025-5-1'], [20250501]])('should answer 400 naming asOf when it is %p', async (asOf) => {
    const res = await t.admin.post(api('/jobs/scan-portfolio/runs')).send({ asOf });

    expectProblem(res, 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
  });

  it('should answer 400 when the body has an unknown field', async () => {
    const res = await t.admin.post(api('/jobs/scan-portfolio/runs')).send({ asOf: '2025-05-01', priority: 1 });

    expectProblem(res, 400);
  });

  it("should list the runs newest first, only one job's when asked, a page at a time", async () => {
    const older = await t.admin.post(api('/jobs/funder_report_due/runs')).send({ asOf: '2025-05-04' });
    const newer = await t.admin.post(api('/jobs/funder_report_due/runs')).send({ asOf: '2025-05-05' });

    const res = await t.admin.get(api('/job-runs?jobName=funder_report_due&limit=2'));
    const next = await t.admin.get(api('/job-runs?jobName=funder_report_due&limit=2&offset=2'));

    expect(res.status).toBe(200);
    expect(res.body.items.map((run: { id: string }) => run.id)).toEqual([newer.body.id, older.body.id]);
    expect(res.body).toEqual(expect.objectContaining({ limit: 2, offset: 0, total: expect.any(Number) }));
    expect(res.body.total).toBeGreaterThanOrEqual(2);
    expect(next.body.items.map((run: { id: string }) => run.id)).not.toContain(newer.body.id);
    expect(res.body.items[0]).toEqual(
      expect.objectContaining({ jobName: 'funder_report_due', asOf: '2025-05-05', requestedBy: 'test-admin' }),
    );
  });

  it('should answer 400 naming jobName when the history is asked for an unknown job', async () => {
    const res = await t.admin.get(api('/job-runs?jobName=scan-everything'));

    expectProblem(res, 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'jobName' })]);
  });

  it('should answer 403 when anyone but an admin reads the run history', async () => {
    const agent = await t.as({ role: 'leadership' });

    const res = await agent.get(api('/job-runs'));

    expectProblem(res, 403);
  });

  it('should answer 404 when no run has the id', async () => {
    const res = await t.admin.get(api(`/job-runs/${randomUUID()}`));

    expectProblem(res, 404);
  });
});

describe('jobs while Redis is down', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { QUEUE_PREFIX, REDIS_URL: 'redis://127.0.0.1:1' } });
  });

  afterAll(() => t.close());

  it('should answer 503 and write nothing when a run is asked for', async () => {
    const before = await rowCounts(t.dataSource, ['job_runs', 'audit_events']);

    const res = await t.admin.post(api('/jobs/scan-portfolio/runs')).send({});

    expectProblem(res, 503);
    expect(res.body.type).toBe('/problems/queue-unavailable');
    expect(await rowCounts(t.dataSource, ['job_runs', 'audit_events'])).toEqual(before);
  });

  it('should keep serving the portfolio when job triggers cannot be queued', async () => {
    const res = await t.admin.get(api('/initiatives'));

    expect(res.status).toBe(200);
  });
});
