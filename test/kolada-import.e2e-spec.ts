import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IndicatorEntity } from '#results';
import { givenDepartment, uniqueCode } from './support/factories.js';
import { api, createTestApp, type TestApp } from './support/test-app.js';

const QUEUE_PREFIX = `samla-test-kolada-${randomUUID().slice(0, 8)}`;

type Values = { gender: 'T' | 'K' | 'M'; count: number; status: string; value: number | null }[];
const row = (kpi: string, period: number, t: number, k?: number, m?: number) => ({
  kpi,
  municipality: '1488',
  period,
  values: [
    { gender: 'T', count: 1, status: '', value: t },
    ...(k === undefined ? [] : [{ gender: 'K', count: 1, status: '', value: k }]),
    ...(m === undefined ? [] : [{ gender: 'M', count: 1, status: '', value: m }]),
  ] as Values,
});

/** Recorded-shape answers of Kolada's API v3: the first page points to the second, which ends the list. */
const PAGE_1 = [row('N02267', 2024, 61.5, 58.2, 64.7), row('N02267', 2025, 62.0, 59.0, 65.0)];
const PAGE_2 = [row('N02268', 2024, 48.3, 45.1, 51.0)];

describe('Kolada import', () => {
  let t: TestApp;
  let kolada: Server;
  let requests: string[];
  let base: string;

  beforeAll(async () => {
    kolada = createServer((req, res) => {
      requests.push(req.url ?? '');
      const second = req.url?.startsWith('/v3/page-2');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(second ? { count: 3, values: PAGE_2 } : { count: 3, values: PAGE_1, next_url: `${base}/page-2` }));
    });
    await new Promise<void>((resolve) => kolada.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(kolada.address() as AddressInfo).port}/v3`;
    t = await createTestApp({ env: { QUEUE_PREFIX, KOLADA_BASE_URL: base, KOLADA_MUNICIPALITY_ID: '1488' }, withWorker: true });
  });

  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => kolada.close(resolve));
  });

  beforeEach(() => {
    requests = [];
  });

  async function runImport(asOf: string) {
    const res = await t.admin.post(api('/jobs/kolada-import/runs')).send({ asOf });
    expect(res.status).toBe(202);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [run] = await t.dataSource.query(`SELECT status, counts, error FROM job_runs WHERE id = $1`, [res.body.id]);
      if (run && ['completed', 'failed'].includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`Run ${res.body.id} did not finish: ${JSON.stringify(run)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('should import every page, split by sex where the indicator is, report the missing KPI, change nothing the second time and only a revised value after', async () => {
    const owner = await givenDepartment(t.dataSource);
    const repo = t.dataSource.getRepository(IndicatorEntity);
    const indicator = (code: string, breakdowns: IndicatorEntity['breakdowns'], koladaKpis: Record<string, string>) =>
      repo.save(repo.create({ code, name: 'Förvärvsarbetande invånare 20–64 år', unit: 'percent', direction: 'increase', source: 'kolada', breakdowns, koladaKpis, ownerDepartmentId: owner.id }));
    const employment = await indicator(uniqueCode('SYS'), ['sex', 'born'], { all: 'N02267', 'born:abroad': 'N02268' });
    const bornOnly = await indicator(uniqueCode('UTR'), ['born'], { all: 'N02267', 'born:sweden': 'N09999' });

    const first = await runImport('2025-06-01');

    expect(first).toEqual({ status: 'completed', error: null, counts: { raised: 0, escalated: 0, resolved: 0, imported: 11, unchanged: 0, missingKpis: ['N09999'] } });
    expect(requests).toEqual(['/v3/data/kpi/N02267,N02268,N09999/municipality/1488/year/2021,2022,2023,2024,2025?per_page=5000', '/v3/page-2']);
    const values = await t.dataSource.query(
      `SELECT indicator_id, period, cell, value::float AS value, kind, period_start::text, period_end::text, source_note FROM indicator_values ORDER BY indicator_id, period, cell`,
    );
    const of = (id: string) => values.filter((v: { indicator_id: string }) => v.indicator_id === id).map((v: { period: string; cell: string; value: number }) => [v.period, v.cell, v.value]);
    expect(of(employment.id)).toEqual([
      ['2024', 'all', 61.5],
      ['2024', 'born:abroad', 48.3],
      ['2024', 'sex:men', 64.7],
      ['2024', 'sex:men,born:abroad', 51],
      ['2024', 'sex:women', 58.2],
      ['2024', 'sex:women,born:abroad', 45.1],
      ['2025', 'all', 62],
      ['2025', 'sex:men', 65],
      ['2025', 'sex:women', 59],
    ]);
    // Not broken down by sex: Kolada's K and M are left out.
    expect(of(bornOnly.id)).toEqual([
      ['2024', 'all', 61.5],
      ['2025', 'all', 62],
    ]);
    expect(values[0]).toEqual(expect.objectContaining({ kind: 'measurement', period_start: expect.stringMatching(/^\d{4}-01-01$/), period_end: expect.stringMatching(/^\d{4}-12-31$/) }));
    expect(values.map((v: { source_note: string }) => v.source_note)).toEqual(values.map(() => expect.stringMatching(/^Kolada N0226[78] hämtad \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)));

    const second = await runImport('2025-06-01');

    expect(second.counts).toEqual({ raised: 0, escalated: 0, resolved: 0, imported: 0, unchanged: 11, missingKpis: ['N09999'] });
    const [{ versions }] = await t.dataSource.query(`SELECT array_agg(DISTINCT version) AS versions FROM indicator_values`);
    expect(versions).toEqual([1]);

    // Kolada revises a figure: only that value is written again, in both indicators that read it.
    PAGE_1[0].values[0].value = 61.7;
    const third = await runImport('2025-06-01');

    expect(third.counts).toEqual(expect.objectContaining({ imported: 2, unchanged: 9 }));
    const revised = await t.dataSource.query(`SELECT value::float AS value, version FROM indicator_values WHERE period = '2024' AND cell = 'all' ORDER BY indicator_id`);
    expect(revised).toEqual([
      { value: 61.7, version: 2 },
      { value: 61.7, version: 2 },
    ]);
  });
});
