import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, queryRows, type AppConfig } from '#common';
import type { Actor } from '#identity';
import type { InitiativeListFilters } from '#portfolio';
import { INDICATOR_UNIT_LABELS, maySeeSmallCounts, suppressed, type IndicatorUnit } from '#results';
import { toCsv, toXlsx, type ExportColumn, type ExportTable } from './export-format.js';
import { withFundingRows, type ExportInitiativeSheetRow } from './funding-rows.js';
import type { ExportFormat, ExportTableName } from './portfolio-export.dto.js';
import {
  buildExportFundingSql,
  buildExportIndicatorsSql,
  buildExportInitiativesSql,
  type ExportIndicatorRow,
} from './portfolio-export.sql.js';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The initiative's columns, then its funding lines' under the headers the initiative import reads (so an export imports back). */
const INITIATIVE_COLUMNS: ExportColumn<ExportInitiativeSheetRow>[] = [
  { header: 'Kod', key: 'code', kind: 'text', width: 14 },
  { header: 'Namn', key: 'title', kind: 'text', width: 40 },
  { header: 'Typ', key: 'kind', kind: 'text', width: 16 },
  { header: 'Status', key: 'status', kind: 'text', width: 14 },
  { header: 'Ledande förvaltning', key: 'leadDepartment', kind: 'text', width: 28 },
  { header: 'Medverkande förvaltningar', key: 'participants', kind: 'text', width: 36 },
  { header: 'Prioriterade områden', key: 'priorityAreas', kind: 'text', width: 30 },
  { header: 'Mål', key: 'goals', kind: 'text', width: 36 },
  { header: 'Målgrupper', key: 'targetGroups', kind: 'text', width: 28 },
  { header: 'Områden', key: 'districts', kind: 'text', width: 24 },
  { header: 'Start', key: 'startDate', kind: 'date', width: 12 },
  { header: 'Slut', key: 'endDate', kind: 'date', width: 12 },
  { header: 'Årskostnad (kr)', key: 'annualCostSek', kind: 'integer', width: 16 },
  { header: 'Varav tillfällig finansiering (kr/år)', key: 'temporarySek', kind: 'integer', width: 20 },
  { header: 'Tillfällig andel', key: 'temporaryShare', kind: 'share', width: 12 },
  { header: 'Tillfällig finansiering slutar utan efterföljare', key: 'temporaryEndsOn', kind: 'date', width: 20 },
  { header: 'Öppna larm', key: 'openAlerts', kind: 'integer', width: 10 },
  { header: 'Beredskap', key: 'readinessScore', kind: 'share', width: 10 },
  { header: 'Beredskap saknas', key: 'readinessMissing', kind: 'text', width: 40 },
  { header: 'Finansieringskälla', key: 'fundingSourceType', kind: 'text', width: 20 },
  { header: 'Finansiär', key: 'funder', kind: 'text', width: 28 },
  { header: 'Belopp (kr)', key: 'fundingAmountSek', kind: 'integer', width: 14 },
  { header: 'Finansiering från', key: 'fundingStart', kind: 'date', width: 12 },
  { header: 'Finansiering till', key: 'fundingEnd', kind: 'date', width: 12 },
  { header: 'Finansieringsstatus', key: 'fundingStatus', kind: 'text', width: 14 },
];

/** An indicator row as the viewer may see it. */
type ShownIndicatorRow = Omit<ExportIndicatorRow, 'ownerDepartmentId' | 'baselinePersons' | 'targetPersons'> & {
  suppressed: 'ja' | 'nej';
};

const INDICATOR_COLUMNS: ExportColumn<ShownIndicatorRow>[] = [
  { header: 'Insatskod', key: 'initiativeCode', kind: 'text', width: 14 },
  { header: 'Insats', key: 'initiativeTitle', kind: 'text', width: 36 },
  { header: 'Indikatorkod', key: 'indicatorCode', kind: 'text', width: 16 },
  { header: 'Indikator', key: 'indicatorName', kind: 'text', width: 40 },
  { header: 'Enhet', key: 'unit', kind: 'text', width: 10 },
  { header: 'Nedbrytning', key: 'cell', kind: 'text', width: 24 },
  { header: 'Period', key: 'period', kind: 'text', width: 10 },
  { header: 'Värde', key: 'value', kind: 'decimal', width: 10 },
  { header: 'Antal personer', key: 'persons', kind: 'integer', width: 10 },
  { header: 'Baslinjeperiod', key: 'baselinePeriod', kind: 'text', width: 12 },
  { header: 'Baslinje', key: 'baseline', kind: 'decimal', width: 10 },
  { header: 'Målperiod', key: 'targetPeriod', kind: 'text', width: 12 },
  { header: 'Målvärde', key: 'target', kind: 'decimal', width: 10 },
  { header: 'Undertryckt', key: 'suppressed', kind: 'text', width: 12 },
];

@Injectable()
export class PortfolioExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * The export file: a CSV of one table, or a workbook with both. The statements run in one read-only snapshot and
   * the file is built in memory: 20,000 initiatives make a few MB of rows, which a buffer holds easily, and a
   * buffer lets a failure still answer as problem+json instead of a cut-off download.
   */
  async export(
    actor: Actor,
    filters: InitiativeListFilters,
    format: ExportFormat,
    table: ExportTableName,
  ): Promise<{ file: Buffer; filename: string }> {
    const today = this.clock.today();
    const { initiatives, indicators } = await this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const wantsInitiatives = format === 'xlsx' || table === 'initiatives';
      const wantsIndicators = format === 'xlsx' || table === 'indicators';
      const main = buildExportInitiativesSql(filters, today, this.config.get('TIME_ZONE', { infer: true }));
      const plan = buildExportIndicatorsSql(filters);
      return {
        initiatives: wantsInitiatives
          ? withFundingRows(await queryRows(em, main), await queryRows(em, buildExportFundingSql(filters)))
          : [],
        indicators: wantsIndicators ? await queryRows(em, plan) : [],
      };
    });
    const initiativeTable: ExportTable<ExportInitiativeSheetRow> = {
      sheet: 'Insatser',
      columns: INITIATIVE_COLUMNS,
      rows: initiatives,
    };
    const indicatorTable: ExportTable<ShownIndicatorRow> = {
      sheet: 'Indikatorer',
      columns: INDICATOR_COLUMNS,
      rows: indicators.map((r) => shown(actor, r)),
    };
    const stem = `samla-portfolj-${today}`;
    if (format === 'xlsx') return { file: await toXlsx([initiativeTable, indicatorTable]), filename: `${stem}.xlsx` };
    return { file: table === 'initiatives' ? toCsv(initiativeTable) : toCsv(indicatorTable), filename: `${stem}.csv` };
  }
}

/**
 * Small counts suppressed exactly as the indicator API does (`maySeeSmallCounts`, `suppressed`): the measurement,
 * baseline and target each lose their figures when they rest on fewer than 5 persons and the viewer is outside the
 * owning department; `suppressed` says whether any did.
 */
function shown(actor: Actor, row: ExportIndicatorRow): ShownIndicatorRow {
  const visible = maySeeSmallCounts(actor, row.ownerDepartmentId);
  const hide = (value: number | null, persons: number | null) =>
    suppressed({ value, numerator: null, denominator: null, persons }, visible);
  const m = hide(row.value, row.persons);
  const b = hide(row.baseline, row.baselinePersons);
  const t = hide(row.target, row.targetPersons);
  const { ownerDepartmentId: _owner, baselinePersons: _b, targetPersons: _t, ...rest } = row;
  return {
    ...rest,
    unit: INDICATOR_UNIT_LABELS[row.unit as IndicatorUnit],
    value: m.value,
    persons: m.persons,
    baseline: b.value,
    target: t.value,
    suppressed: m.suppressed || b.suppressed || t.suppressed ? 'ja' : 'nej',
  };
}
