import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, grantAppRolePrivileges } from '#database';
import { ENTITIES } from '#schema';
import type { TestDatabase } from '#database/testing';
import { givenDepartment, uniqueCode } from './support/factories.js';
import { api, createTestApp, type TestAgent, type TestApp } from './support/test-app.js';

// The deployment runs API and worker as a role that owns nothing (docker-compose.yml, deploy/postgres). This file
// runs them the same way: the privileges the migration grants must be enough for every write, and no more.
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://samla:samla@127.0.0.1:5433/samla';
const APP_ROLE = `samla_app_test_${randomBytes(4).toString('hex')}`;
const APP_PASSWORD = randomBytes(12).toString('hex');

async function asAdmin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates the role and grants it what migrate.ts grants, as the schema's owner; answers the role's URL. */
async function connectAsAppRole(database: TestDatabase): Promise<string> {
  await asAdmin(`CREATE ROLE "${APP_ROLE}" LOGIN PASSWORD '${APP_PASSWORD}'`);
  const owner = new DataSource(dataSourceOptions({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: 1 }, ENTITIES));
  await owner.initialize();
  try {
    await grantAppRolePrivileges(owner, APP_ROLE);
  } finally {
    await owner.destroy();
  }
  const url = new URL(database.url);
  url.username = APP_ROLE;
  url.password = APP_PASSWORD;
  return url.toString();
}

async function runWhenFinished(agent: TestAgent, id: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await agent.get(api(`/job-runs/${id}`));
    if (['completed', 'failed'].includes(res.body.status) || Date.now() > deadline) return res.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the application database role', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: true, connectAs: connectAsAppRole });
  });
  afterAll(async () => {
    await t.close();
    await asAdmin(`DROP ROLE IF EXISTS "${APP_ROLE}"`);
  });

  it('should connect as the application role, not as the owner, when the app is started with its URL', async () => {
    const [{ user }] = await t.dataSource.query('SELECT current_user AS user');

    expect(user).toBe(APP_ROLE);
  });

  it('should register an initiative, fund it, rename it and audit all of it when connected as the application role', async () => {
    const lead = await givenDepartment(t.dataSource);
    const created = await t.admin
      .post(api('/initiatives'))
      .send({ code: uniqueCode('ROLL'), title: 'Rolltest', kind: 'project', leadDepartmentId: lead.id });
    const funded = await t.admin.post(api(`/initiatives/${created.body.id}/funding`)).send({
      sourceType: 'state_grant',
      funder: 'Länsstyrelsen',
      amountSek: 500_000,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      status: 'granted',
    });
    const renamed = await t.admin
      .patch(api(`/initiatives/${created.body.id}`))
      .set('If-Match', '"1"')
      .send({ title: 'Rolltest, nytt namn' });
    const history = await t.admin.get(api(`/initiatives/${created.body.id}/history`));

    expect([created.status, funded.status, renamed.status]).toEqual([201, 201, 200]);
    expect(history.body.items.length).toBeGreaterThanOrEqual(3);
  });

  it('should run the portfolio and overlap scans when the worker is connected as the application role', async () => {
    const portfolio = await t.admin.post(api('/jobs/scan-portfolio/runs')).send({ asOf: '2026-06-01' });
    const overlaps = await t.admin.post(api('/jobs/scan-overlaps/runs')).send({});

    expect(await runWhenFinished(t.admin, portfolio.body.id)).toEqual(
      expect.objectContaining({ status: 'completed', error: null }),
    );
    expect(await runWhenFinished(t.admin, overlaps.body.id)).toEqual(
      expect.objectContaining({ status: 'completed', error: null }),
    );
  });

  it.each([
    ['change an audit event', 'UPDATE audit_events SET action = action'],
    ['delete an audit event', 'DELETE FROM audit_events'],
    ['empty the audit trail', 'TRUNCATE audit_events'],
    ['switch off the append-only triggers', 'ALTER TABLE audit_events DISABLE TRIGGER ALL'],
    ['drop a table', 'DROP TABLE initiatives CASCADE'],
    ['rewrite the migration history', 'DELETE FROM schema_migrations'],
    ['create a table', 'CREATE TABLE public.intruder (id int)'],
  ])('should be refused by PostgreSQL for want of privilege when the application role tries to %s', async (_, sql) => {
    // The privilege check's own words: the append-only trigger raises the same error code, but only after a grant.
    await expect(t.dataSource.query(sql)).rejects.toThrow(/^(permission denied for|must be owner of)/);
  });
});
