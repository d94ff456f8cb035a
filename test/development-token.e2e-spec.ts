import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DepartmentEntity } from '#reference-data';
import { givenDepartment, uniqueCode } from './support/factories.js';
import { freePort } from './support/worker-process.js';
import { api, createTestApp, request, type TestApp } from './support/test-app.js';

// Built by scripts/test.sh before Jest starts: `npm run token` runs this file from dist/.
const SCRIPT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../dist/libs/identity/src/tokens/issue-development-token.js',
);

type Run = { code: number; stdout: string; stderr: string };

function runTokenScript(args: string[], databaseUrl: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [SCRIPT, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run token', () => {
  let t: TestApp;
  let department: DepartmentEntity;
  beforeAll(async () => {
    t = await createTestApp();
    department = await givenDepartment(t.dataSource, { code: uniqueCode('TOK') });
  });
  afterAll(() => t.close());

  it('should refuse, name the known codes and print no token when the database holds no department with the code', async () => {
    const run = await runTokenScript(['--role', 'staff', '--department', 'finns-inte'], t.database.url);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--department FINNS-INTE: no department has this code.');
    expect(run.stderr).toContain(department.code);
  });

  it('should print a token acting for the department when its code is known, whatever its case', async () => {
    const run = await runTokenScript(
      ['--role', 'department_head', '--department', department.code.toLowerCase()],
      t.database.url,
    );
    const head = request.agent(t.http).set('Authorization', `Bearer ${run.stdout.trim()}`);

    const created = await head
      .post(api('/initiatives'))
      .send({ code: uniqueCode('TOK'), title: 'Insats med utvecklingstoken', kind: 'project' });

    expect(run.code).toBe(0);
    expect(created.status).toBe(201);
    expect(created.body.leadDepartmentCode).toBe(department.code);
  });

  it('should exit with 1 and say so when the database cannot be reached to check the code', async () => {
    const run = await runTokenScript(
      ['--role', 'staff', '--department', department.code],
      `postgres://samla:samla@127.0.0.1:${await freePort()}/samla`,
    );

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Could not check --department ${department.code} against the database`);
  });
});
