import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryRows, type Page } from '#common';
import type { RequestContext } from '#identity';
import type { IndicatorOverviewDto, IndicatorSeriesDto, ListIndicatorsQueryDto } from './dto/indicator.dto.js';
import { buildSeries, type SeriesPoint } from './indicator-series.js';
import type { IndicatorEntity } from './indicator.entity.js';
import { IndicatorsService } from './indicators.service.js';
import {
  ALL_CELL_VALUES_SQL,
  CELL_VALUES_SQL,
  KOLADA_TITLES_SQL,
  type RawCellValues,
  type RawPoint,
} from './indicators.sql.js';
import { maySeeSmallCounts, suppressed } from './suppression.js';

/** What an indicator's values say over time, per breakdown cell, as the reader may see them (small counts hidden). */
@Injectable()
export class IndicatorSeriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
  ) {}

  /** Every cell's series and the gaps (seriesAsSeen), with the titles of the indicator's Kolada KPIs; SQL groups the values. */
  async series(ctx: RequestContext, indicatorId: string): Promise<IndicatorSeriesDto> {
    const indicator = await this.indicators.get(indicatorId);
    const rows = await queryRows(this.dataSource, CELL_VALUES_SQL, [indicatorId]);
    const kolada = await queryRows(this.dataSource, KOLADA_TITLES_SQL, [indicatorId]);
    const { cells, gaps } = seriesAsSeen(ctx, indicator, rows);
    return { indicator, cells, gaps, kolada };
  }

  /**
   * A page of indicators, by code, each with its whole population's series (cell `all`): baseline, latest actual,
   * targets with progress and Sweden's figures, as GET /indicators/{id}/series gives that cell, small counts suppressed
   * the same way. The page (as GET /indicators reads it), then one statement for the values of all its indicators.
   */
  async overview(ctx: RequestContext, query: ListIndicatorsQueryDto): Promise<Page<IndicatorOverviewDto>> {
    const page = await this.indicators.list(query);
    const rows = await queryRows(this.dataSource, ALL_CELL_VALUES_SQL, [page.items.map((indicator) => indicator.id)]);
    const byIndicator = new Map(rows.map((row) => [row.indicator_id, row]));
    const none: RawCellValues = { cell: 'all', baselines: [], targets: [], actuals: [], sweden: [] };
    const items = page.items.map((indicator) => ({
      indicator,
      series: seriesAsSeen(ctx, indicator, [byIndicator.get(indicator.id) ?? none]).cells[0],
    }));
    return { ...page, items };
  }
}

/**
 * Per cell, baseline, targets with progress and actuals, and the gaps between cells, all from the municipality's
 * values; beside them Sweden's actuals (Kolada's 0000) to compare with. Suppression and progress are the pure
 * functions', applied in that order so nothing is computed from a hidden figure.
 */
function seriesAsSeen(ctx: RequestContext, indicator: IndicatorEntity, rows: RawCellValues[]) {
  const visible = maySeeSmallCounts(ctx.actor, indicator.ownerDepartmentId);
  const shown = (list: RawPoint[]): SeriesPoint[] =>
    list.map((p) => {
      const { value, suppressed: hidden } = suppressed(
        { value: p.value, numerator: null, denominator: null, persons: p.persons },
        visible,
      );
      return { period: p.period, value, suppressed: hidden };
    });
  const { cells, gaps } = buildSeries(
    indicator.direction,
    rows.map((r) => ({
      cell: r.cell,
      baselines: shown(r.baselines),
      targets: shown(r.targets),
      actuals: shown(r.actuals),
    })),
  );
  // Sweden's figures rest on the whole country's population: nothing to suppress.
  const sweden = new Map(rows.map((r) => [r.cell, r.sweden.map(({ period, value }) => ({ period, value }))]));
  return { cells: cells.map((c) => ({ ...c, sweden: sweden.get(c.cell) ?? [] })), gaps };
}
