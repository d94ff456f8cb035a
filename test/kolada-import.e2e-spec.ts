import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IndicatorEntity } from '#results';
import { givenDepartment, uniqueCode } from './support/factories.js';
import { api, createTestApp, type TestApp } from './support/test-app.js';

const QUEUE_PREFIX = `samla-test-kolada-${randomUUID().slice(0, 8)}`;

type Values = { gender: 'T' | 'K' | 'M'; count: number; status: string; value: number | null }[];
const row = (kpi: string, period: number, t: number, k?: number, m?: number, municipality = '1488') => ({
  kpi,
  municipality,
  period,
  values: [
    { gender: 'T', count: 1, status: '', value: t },
    ...(k === undefined ? [] : [{ gender: 'K', count: 1, status: '', value: k }]),
    ...(m === undefined ? [] : [{ gender: 'M', count: 1, status: '', value: m }]),
  ] as Values,
});

/**
 * Recorded-shape answers of Kolada's API v3: the first page points to the second, which ends the list and holds
 * Sweden's (0000) row; `/kpi/{ids}` describes the KPIs it still knows (not N09999).
 */
const PAGE_1 = [row('N02267', 2024, 61.5, 58.2, 64.7), row('N02267', 2025, 62.0, 59.0, 65.0)];
const PAGE_2 = [row('N02268', 2024, 48.3, 45.1, 51.0), row('N02267', 2024, 72.0, 70.1, 73.8, '0000')];
const KPIS = [
  {
    id: 'N02267',
    title: 'Förvärvsarbetande invånare 20-64 år, andel (%)',
    description: 'Antal förvärvsarbetande…',
    operating_area: 'Arbetsmarknad',
    has_ou_data: false,
    is_divided_by_gender: true,
  },
  {
    id: 'N02268',
    title: 'Förvärvsarbetande utrikes födda invånare 20-64 år, andel (%)',
    description: null,
    operating_area: 'Arbetsmarknad',
    has_ou_data: false,
    is_divided_by_gender: true,
  },
];

describe('Kolada import', () => {
  let t: TestApp;
  let kolada: Server;
  let requests: string[];
  let base: string;

  beforeAll(async () => {
    kolada = createServer((req, res) => {
      requests.push(req.url ?? '');
      const page = req.url?.startsWith('/v3/kpi/')
        ? { count: KPIS.length, values: KPIS }
        : req.url?.startsWith('/v3/page-2')
          ? { count: 4, values: PAGE_2 }
          : { count: 4, values: PAGE_1, next_url: `${base}/page-2` };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(page));
    });
    await new Promise<void>((resolve) => kolada.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(kolada.address() as AddressInfo).port}/v3`;
    t = await createTestApp({
      env: { QUEUE_PREFIX, KOLADA_BASE_URL: base, KOLADA_MUNICIPALITY_ID: '1488' },
      withWorker: true,
    });
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

  it("should import every page with Sweden's values beside ours, split by sex where the indicator is, report the missing KPI, change nothing the second time and only a revised value after", async () => {
    const owner = await givenDepartment(t.dataSource);
    const repo = t.dataSource.getRepository(IndicatorEntity);
    const indicator = (code: string, breakdowns: IndicatorEntity['breakdowns'], koladaKpis: Record<string, string>) =>
      repo.save(
        repo.create({
          code,
          name: 'Förvärvsarbetande invånare 20–64 år',
          unit: 'percent',
          direction: 'increase',
          source: 'kolada',
          breakdowns,
          koladaKpis,
          ownerDepartmentId: owner.id,
        }),
      );
    const employment = await indicator(uniqueCode('SYS'), ['sex', 'born'], { all: 'N02267', 'born:abroad': 'N02268' });
    const bornOnly = await indicator(uniqueCode('UTR'), ['born'], { all: 'N02267', 'born:sweden': 'N09999' });
    // Described by an earlier run; Kolada no longer knows it.
    await t.dataSource.query(
      `INSERT INTO kolada_kpis (id, title, fetched_at) VALUES ('N09999', 'Förvärvsarbetande inrikes födda (utgången)', '2020-01-01')`,
    );

    const first = await runImport('2025-06-01');

    // imported: the municipality's 11 values and Sweden's 4.
    expect(first).toEqual({
      status: 'completed',
      error: null,
      counts: { raised: 0, escalated: 0, resolved: 0, imported: 15, unchanged: 0, missingKpis: ['N09999'] },
    });
    expect(requests).toEqual([
      '/v3/data/kpi/N02267,N02268,N09999/municipality/1488,0000/year/2021,2022,2023,2024,2025?per_page=5000',
      '/v3/page-2',
      '/v3/kpi/N02267,N02268,N09999?per_page=5000',
    ]);
    const values = await t.dataSource.query(
      `SELECT indicator_id, period, cell, value::float AS value, kind, period_start::text, period_end::text, source_note
         FROM indicator_values WHERE area = 'municipality' ORDER BY indicator_id, period, cell`,
    );
    const of = (id: string) =>
      values
        .filter((v: { indicator_id: string }) => v.indicator_id === id)
        .map((v: { period: string; cell: string; value: number }) => [v.period, v.cell, v.value]);
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
    expect(values[0]).toEqual(
      expect.objectContaining({
        kind: 'measurement',
        period_start: expect.stringMatching(/^\d{4}-01-01$/),
        period_end: expect.stringMatching(/^\d{4}-12-31$/),
      }),
    );
    expect(values.map((v: { source_note: string }) => v.source_note)).toEqual(
      values.map(() => expect.stringMatching(/^Kolada N0226[78] hämtad \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)),
    );
    const sweden = await t.dataSource.query(
      `SELECT indicator_id, period, cell, value::float AS value, kind FROM indicator_values WHERE area = 'sweden' ORDER BY indicator_id, cell`,
    );
    expect(
      sweden
        .filter((v: { indicator_id: string }) => v.indicator_id === employment.id)
        .map((v: { cell: string; value: number }) => [v.cell, v.value]),
    ).toEqual([
      ['all', 72],
      ['sex:men', 73.8],
      ['sex:women', 70.1],
    ]);
    expect(
      sweden
        .filter((v: { indicator_id: string }) => v.indicator_id === bornOnly.id)
        .map((v: { cell: string; kind: string }) => [v.cell, v.kind]),
    ).toEqual([['all', 'measurement']]);

    // The series compares with Sweden per cell, but progress and gaps stay the municipality's; the KPIs carry Kolada's titles.
    const series = await t.admin.get(api(`/indicators/${employment.id}/series`));
    expect(series.status).toBe(200);
    expect(series.body.cells[0]).toEqual(
      expect.objectContaining({
        cell: 'all',
        latest: { period: '2025', value: 62, suppressed: false },
        sweden: [{ period: '2024', value: 72 }],
      }),
    );
    expect(series.body.cells.find((c: { cell: string }) => c.cell === 'born:abroad').sweden).toEqual([]);
    expect(series.body.gaps).toEqual([
      { breakdown: 'sex', minuend: 'sex:women', subtrahend: 'sex:men', period: '2025', gap: -6 },
    ]);
    expect(series.body.kolada).toEqual([
      { cell: 'all', kpi: 'N02267', title: 'Förvärvsarbetande invånare 20-64 år, andel (%)' },
      { cell: 'born:abroad', kpi: 'N02268', title: 'Förvärvsarbetande utrikes födda invånare 20-64 år, andel (%)' },
    ]);
    const listed = await t.admin.get(api(`/indicators/${employment.id}/measurements`));
    expect(listed.body.total).toBe(9);
    const swedenListed = await t.admin.get(api(`/indicators/${employment.id}/measurements`)).query({ area: 'sweden' });
    expect(swedenListed.body.items.map((v: { cell: string; area: string }) => [v.cell, v.area])).toEqual([
      ['all', 'sweden'],
      ['sex:men', 'sweden'],
      ['sex:women', 'sweden'],
    ]);
    const kpis = await t.dataSource.query(
      `SELECT id, title, description, operating_area, has_ou_data, fetched_at FROM kolada_kpis ORDER BY id`,
    );
    expect(kpis).toEqual([
      {
        id: 'N02267',
        title: KPIS[0].title,
        description: 'Antal förvärvsarbetande…',
        operating_area: 'Arbetsmarknad',
        has_ou_data: false,
        fetched_at: expect.any(Date),
      },
      {
        id: 'N02268',
        title: KPIS[1].title,
        description: null,
        operating_area: 'Arbetsmarknad',
        has_ou_data: false,
        fetched_at: expect.any(Date),
      },
      // Not returned any more: reported missing, its last metadata kept.
      {
        id: 'N09999',
        title: 'Förvärvsarbetande inrikes födda (utgången)',
        description: null,
        operating_area: null,
        has_ou_data: null,
        fetched_at: new Date('2020-01-01T00:00:00Z'),
      },
    ]);
    const bornOnlySeries = await t.admin.get(api(`/indicators/${bornOnly.id}/series`));
    expect(bornOnlySeries.body.kolada).toEqual([
      { cell: 'all', kpi: 'N02267', title: KPIS[0].title },
      { cell: 'born:sweden', kpi: 'N09999', title: 'Förvärvsarbetande inrikes födda (utgången)' },
    ]);

    // Kolada renames a KPI: the second run refreshes its metadata (and nothing else changes).
    KPIS[0].title = 'Förvärvsarbetande invånare 20-64 år, andel (%) (ny definition)';
    const second = await runImport('2025-06-01');

    expect(second.counts).toEqual({
      raised: 0,
      escalated: 0,
      resolved: 0,
      imported: 0,
      unchanged: 15,
      missingKpis: ['N09999'],
    });
    const refreshed = await t.dataSource.query(`SELECT id, title, fetched_at FROM kolada_kpis ORDER BY id`);
    expect(refreshed.map((k: { id: string; title: string }) => [k.id, k.title])).toEqual([
      ['N02267', 'Förvärvsarbetande invånare 20-64 år, andel (%) (ny definition)'],
      ['N02268', KPIS[1].title],
      ['N09999', 'Förvärvsarbetande inrikes födda (utgången)'],
    ]);
    expect(refreshed[0].fetched_at.getTime()).toBeGreaterThan(kpis[0].fetched_at.getTime());
    expect(refreshed[2].fetched_at).toEqual(kpis[2].fetched_at);
    const [{ versions }] = await t.dataSource.query(
      `SELECT array_agg(DISTINCT version) AS versions FROM indicator_values`,
    );
    expect(versions).toEqual([1]);

    // Kolada revises a figure: only that value is written again, in both indicators that read it.
    PAGE_1[0].values[0].value = 61.7;
    const third = await runImport('2025-06-01');

    expect(third.counts).toEqual(expect.objectContaining({ imported: 2, unchanged: 13 }));
    const revised = await t.dataSource.query(
      `SELECT value::float AS value, version FROM indicator_values WHERE period = '2024' AND cell = 'all' AND area = 'municipality' ORDER BY indicator_id`,
    );
    expect(revised).toEqual([
      { value: 61.7, version: 2 },
      { value: 61.7, version: 2 },
    ]);
  });
});
