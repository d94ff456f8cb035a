import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#common';
import { KOLADA_SWEDEN, koladaPoints, type KoladaIndicator } from './kolada-mapping.js';
import { KoladaClient, type KoladaKpi } from './kolada.client.js';

/** How many years back from the run's year are read: Kolada revises recent years, older ones are settled. */
const YEARS = 5;

export type KoladaImportCounts = { imported: number; unchanged: number; missingKpis: string[] };

/**
 * The `kolada-import` job: reads every Kolada-sourced indicator's KPIs for the configured municipality and Sweden
 * (0000, to compare with) and the last five years up to the run's `asOf`, and keeps our own copy as measurements.
 * Only a changed value is written (with a new note of when it was fetched), so a second run over the same figures
 * changes nothing; `imported` and `unchanged` count the municipality's and Sweden's values together. A KPI Kolada
 * answers nothing for is reported in the run's counts and logged, never dropped unnoticed. The KPIs' metadata
 * (title, description) is refreshed on every run.
 */
@Injectable()
export class KoladaImportService {
  private readonly logger = new Logger(KoladaImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kolada: KoladaClient,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async run(asOf: string): Promise<KoladaImportCounts> {
    const indicators: KoladaIndicator[] = await this.dataSource.query(
      `SELECT id, breakdowns, kolada_kpis AS "koladaKpis" FROM indicators WHERE source = 'kolada' ORDER BY code`,
    );
    const kpis = [...new Set(indicators.flatMap((i) => Object.values(i.koladaKpis)))].sort();
    if (kpis.length === 0) return { imported: 0, unchanged: 0, missingKpis: [] };
    const lastYear = Number(asOf.slice(0, 4));
    const years = Array.from({ length: YEARS }, (_, i) => lastYear - YEARS + 1 + i);
    const municipalities = [...new Set([this.config.get('KOLADA_MUNICIPALITY_ID', { infer: true }), KOLADA_SWEDEN])];
    const rows = await this.kolada.values(kpis, municipalities, years);
    await this.describe(await this.kolada.kpis(kpis));

    const returned = new Set(rows.map((row) => row.kpi));
    const missingKpis = kpis.filter((kpi) => !returned.has(kpi));
    if (missingKpis.length > 0) this.logger.warn(`Kolada returned no values for ${missingKpis.join(', ')} (${years[0]}–${lastYear})`);

    const points = indicators.flatMap((indicator) => koladaPoints(indicator, rows));
    const imported = await this.upsert(points);
    return { imported, unchanged: points.length - imported, missingKpis };
  }

  /** One statement for every point; a point whose value is unchanged is left as it is. Answers how many were written. */
  private async upsert(points: ReturnType<typeof koladaPoints>): Promise<number> {
    if (points.length === 0) return 0;
    const [{ written }] = await this.dataSource.query(
      `WITH written AS (
         INSERT INTO indicator_values (indicator_id, kind, area, period, period_start, period_end, cell, value, source_note)
         SELECT p."indicatorId", 'measurement', p.area, p.period, make_date(p.period::int, 1, 1), make_date(p.period::int, 12, 31), p.cell, p.value,
                'Kolada ' || p.kpi || ' hämtad ' || to_char(now() AT TIME ZONE $2, 'YYYY-MM-DD HH24:MI')
           FROM jsonb_to_recordset($1::jsonb) AS p("indicatorId" uuid, kpi text, area varchar, period varchar, cell varchar, value numeric)
         ON CONFLICT ON CONSTRAINT ux_indicator_values_point DO UPDATE
           -- Kolada's figure replaces the whole value: a share's parts recorded by hand no longer match it.
           SET value = EXCLUDED.value, numerator = NULL, denominator = NULL, persons = NULL, source_note = EXCLUDED.source_note,
               version = indicator_values.version + 1, updated_at = now()
           WHERE indicator_values.value IS DISTINCT FROM EXCLUDED.value
         RETURNING 1
       )
       SELECT count(*)::int AS written FROM written`,
      [JSON.stringify(points), this.config.get('TIME_ZONE', { infer: true })],
    );
    return written;
  }

  /** One upsert of the KPIs Kolada described; a KPI it no longer describes keeps its last row. */
  private async describe(kpis: KoladaKpi[]): Promise<void> {
    if (kpis.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO kolada_kpis (id, title, description, operating_area, has_ou_data, fetched_at)
       SELECT DISTINCT ON (k.id) k.id, k.title, k.description, k.operating_area, k.has_ou_data, now()
         FROM jsonb_to_recordset($1::jsonb) AS k(id varchar, title text, description text, operating_area text, has_ou_data boolean)
        ORDER BY k.id
       ON CONFLICT (id) DO UPDATE
         SET title = EXCLUDED.title, description = EXCLUDED.description, operating_area = EXCLUDED.operating_area,
             has_ou_data = EXCLUDED.has_ou_data, fetched_at = EXCLUDED.fetched_at`,
      [JSON.stringify(kpis)],
    );
  }
}
