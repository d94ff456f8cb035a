import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { execute, queryOne, queryRows, type AppConfig } from '#common';
import { UPSERT_KOLADA_KPIS_SQL, UPSERT_KOLADA_VALUES_SQL, KOLADA_INDICATORS_SQL } from './kolada-import.sql.js';
import { KOLADA_SWEDEN, koladaPoints } from './kolada-mapping.js';
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
    const indicators = await queryRows(this.dataSource, KOLADA_INDICATORS_SQL);
    const kpis = [...new Set(indicators.flatMap((i) => Object.values(i.koladaKpis)))].sort();
    if (kpis.length === 0) return { imported: 0, unchanged: 0, missingKpis: [] };
    const lastYear = Number(asOf.slice(0, 4));
    const years = Array.from({ length: YEARS }, (_, i) => lastYear - YEARS + 1 + i);
    const municipalities = [...new Set([this.config.get('KOLADA_MUNICIPALITY_ID', { infer: true }), KOLADA_SWEDEN])];
    const rows = await this.kolada.values(kpis, municipalities, years);
    await this.describe(await this.kolada.kpis(kpis));

    const returned = new Set(rows.map((row) => row.kpi));
    const missingKpis = kpis.filter((kpi) => !returned.has(kpi));
    if (missingKpis.length > 0)
      this.logger.warn(`Kolada returned no values for ${missingKpis.join(', ')} (${years[0]}–${lastYear})`);

    const points = indicators.flatMap((indicator) => koladaPoints(indicator, rows));
    const imported = await this.upsert(points);
    return { imported, unchanged: points.length - imported, missingKpis };
  }

  /** One statement for every point; a point whose value is unchanged is left as it is. Answers how many were written. */
  private async upsert(points: ReturnType<typeof koladaPoints>): Promise<number> {
    if (points.length === 0) return 0;
    return (
      await queryOne(this.dataSource, UPSERT_KOLADA_VALUES_SQL, [
        JSON.stringify(points),
        this.config.get('TIME_ZONE', { infer: true }),
      ])
    ).written;
  }

  /** One upsert of the KPIs Kolada described; a KPI it no longer describes keeps its last row. */
  private async describe(kpis: KoladaKpi[]): Promise<void> {
    if (kpis.length === 0) return;
    await execute(this.dataSource, UPSERT_KOLADA_KPIS_SQL, [JSON.stringify(kpis)]);
  }
}
