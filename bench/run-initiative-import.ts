/**
 * Times the spreadsheet import (POST /api/v1/initiative-imports) on the 20,000-initiative portfolio against what it
 * replaces: the same initiatives, each with a funding line, registered one by one through the API (POST /initiatives,
 * then POST /initiatives/{id}/funding), as a script without the import would. The rows name the generator's
 * departments, goals, target groups and districts by name, as a municipality's list does. It works on a copy of
 * samla_bench (CREATE DATABASE … TEMPLATE), dropped at the end, so the other benchmarks' data stays as generated.
 * Prints the times side by side and their ratio.
 *
 *   npm run bench:generate            (once)
 *   npm run bench:initiative-import   (BENCH_IMPORT_ROWS, default 2000; BENCH_API_PORT, default 3101)
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { validateEnvironmentOrExit } from '#common';
import {
  ADMIN_DATABASE_URL,
  BENCH_DATABASE,
  benchDatabaseUrl,
  benchToken,
  runBenchmark,
  startApi,
} from './bench-database.js';

const COPY = `${BENCH_DATABASE}_import`;
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 2000);
const PORT = Number(process.env.BENCH_API_PORT ?? 3101);
const READY_TIMEOUT_MS = 60_000;
const HEADER =
  'Kod;Namn;Typ;Ledande förvaltning;Medverkande förvaltningar;Mål;Målgrupper;Områden;Start;Slut;Årskostnad (kr);Finansieringskälla;Finansiär;Belopp (kr);Finansiering från;Finansiering till';

type Named = { id: string; code: string; name: string };

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The reference data of the copy, to name in the rows (and, for the one-by-one side, to send as ids and codes). */
async function referenceData(): Promise<Record<'departments' | 'goals' | 'targetGroups' | 'districts', Named[]>> {
  const client = new pg.Client({ connectionString: benchDatabaseUrl(COPY) });
  await client.connect();
  try {
    const rows = async (sql: string) => (await client.query<Named>(sql)).rows;
    return {
      departments: await rows('SELECT id, code, name FROM departments ORDER BY code'),
      // Goals named by title may repeat a title; only unique ones are named, as a person's list would.
      goals: await rows(
        `SELECT min(id::text) AS id, min(code) AS code, title AS name FROM goals GROUP BY title HAVING count(*) = 1 ORDER BY 2`,
      ),
      targetGroups: await rows('SELECT id, code, name FROM target_groups ORDER BY code'),
      districts: await rows('SELECT id, code, name FROM districts ORDER BY code'),
    };
  } finally {
    await client.end();
  }
}

type Row = {
  code: string;
  lead: Named;
  partner: Named;
  goal: Named;
  targetGroup: Named;
  district: Named;
  cost: number;
  amount: number;
};

function rows(prefix: string, ref: Awaited<ReturnType<typeof referenceData>>): Row[] {
  const pick = <T>(list: T[], i: number) => list[i % list.length];
  return Array.from({ length: ROWS }, (_, i) => ({
    code: `${prefix}-${String(i).padStart(5, '0')}`,
    lead: pick(ref.departments, i),
    partner: pick(ref.departments, i + 1),
    goal: pick(ref.goals, i * 7),
    targetGroup: pick(ref.targetGroups, i),
    district: pick(ref.districts, i * 3),
    cost: 100_000 + (i % 50) * 25_000,
    amount: 50_000 + (i % 20) * 10_000,
  }));
}

const csv = (list: Row[]) =>
  Buffer.from(
    `\uFEFF${[HEADER, ...list.map((r) => [r.code, `Importerad insats ${r.code}`, 'Projekt', r.lead.name, r.partner.name, r.goal.name, r.targetGroup.name, r.district.name, '2027-01-01', '2028-12-31', r.cost, 'Statsbidrag', 'Skolverket', r.amount, '2027-01-01', '2027-12-31'].join(';'))].join('\r\n')}\r\n`,
  );

async function call(
  method: string,
  path: string,
  token: string,
  body?: Buffer | string,
  type = 'application/json',
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
    body,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 800)}`);
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

runBenchmark(async () => {
  const config = validateEnvironmentOrExit('Initiative import benchmark');
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${COPY}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${COPY}" TEMPLATE "${BENCH_DATABASE}"`);
  });
  const api = startApi(benchDatabaseUrl(COPY), PORT);
  process.once('exit', () => api.child.kill());
  try {
    const token = await benchToken(config, 'admin');
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (
      !(await fetch(`http://127.0.0.1:${PORT}/health/ready`)
        .then((r) => r.ok)
        .catch(() => false))
    ) {
      if (Date.now() > deadline || api.child.exitCode !== null)
        throw new Error(`The API on port ${PORT} is not answering:\n${api.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const ref = await referenceData();
    const imported = rows('IMPB', ref);
    const file = csv(imported);

    const dryRunMs = await timed(() => call('POST', '/initiative-imports?dryRun=true', token, file, 'text/csv'));
    const importMs = await timed(() => call('POST', '/initiative-imports', token, file, 'text/csv'));
    const oneByOneMs = await timed(async () => {
      for (const r of rows('ONEB', ref)) {
        const { json } = await call(
          'POST',
          '/initiatives',
          token,
          JSON.stringify({
            code: r.code,
            title: `Registrerad insats ${r.code}`,
            kind: 'project',
            leadDepartmentId: r.lead.id,
            participants: [{ departmentId: r.partner.id, role: 'partner' }],
            goalIds: [r.goal.id],
            targetGroupCodes: [r.targetGroup.code],
            districtCodes: [r.district.code],
            startDate: '2027-01-01',
            endDate: '2028-12-31',
            annualCostSek: r.cost,
          }),
        );
        await call(
          'POST',
          `/initiatives/${(json as { id: string }).id}/funding`,
          token,
          JSON.stringify({
            sourceType: 'state_grant',
            funder: 'Skolverket',
            amountSek: r.amount,
            periodStart: '2027-01-01',
            periodEnd: '2027-12-31',
            status: 'granted',
          }),
        );
      }
    });

    console.log(`\n${ROWS} initiatives, each with a funding line, on ${BENCH_DATABASE}'s portfolio (a copy)\n`);
    console.log('| way | ms | rows per second | one by one / this |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [way, ms] of [
      ['import, dry run (checks only)', dryRunMs],
      ['import', importMs],
      ['one by one (2 requests a row)', oneByOneMs],
    ] as const) {
      console.log(
        `| ${way} | ${ms.toFixed(0)} | ${((ROWS * 1000) / ms).toFixed(0)} | ${(oneByOneMs / ms).toFixed(1)} |`,
      );
    }
  } finally {
    api.child.kill();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${COPY}" WITH (FORCE)`));
  }
});
