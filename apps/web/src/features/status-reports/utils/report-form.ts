import type { components } from '../../../lib/api-schema';
import { formatMoney, formatNumber } from '../../../lib/format';
import { statusReportsMessages } from '../messages';

export type StatusReport = components['schemas']['StatusReportWithIndicatorsDto'];
export type ReportIndicator = components['schemas']['ReportIndicatorDto'];
export type RagStatus = NonNullable<StatusReport['ragStatus']>;

/** What the form holds: text fields as strings (empty for none), the RAG as null until chosen. */
export type ReportFormValues = {
  ragStatus: RagStatus | null;
  progress: string;
  risks: string;
  spendingToDateSek: number | null;
};

export type ReportPatch = components['schemas']['UpdateStatusReportDto'];

/** The form's fields, for the error summary: the API's errors for any other field are listed there too. */
export const REPORT_FIELDS = ['ragStatus', 'progress', 'risks', 'spendingToDateSek'] as const;

export function reportFormValues(
  report: Pick<StatusReport, 'ragStatus' | 'progress' | 'risks' | 'spendingToDateSek'>,
): ReportFormValues {
  return {
    ragStatus: report.ragStatus,
    progress: report.progress ?? '',
    risks: report.risks ?? '',
    spendingToDateSek: report.spendingToDateSek,
  };
}

/** The PATCH body: an emptied text is sent as null, which clears it (the API refuses blank text). */
export function reportPatch(values: ReportFormValues): ReportPatch {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    ragStatus: values.ragStatus,
    progress: text(values.progress),
    risks: text(values.risks),
    spendingToDateSek: values.spendingToDateSek,
  };
}

/** A department may write the report while it is pending, or again once leadership has returned it (the API's rule). */
export function isEditable(status: StatusReport['status']): boolean {
  return status === 'pending' || status === 'returned';
}

/** A breakdown cell in words: `all` → Alla, `sex:women,born:abroad` → Kvinnor, födda utomlands; districts by their code. */
export function cellLabel(cell: string): string {
  const t = statusReportsMessages.cells;
  if (cell === 'all') return t.all;
  return cell
    .split(',')
    .map((part, index) => {
      const [breakdown = '', value = ''] = part.split(':');
      const words =
        breakdown === 'sex'
          ? t.sex[value]
          : breakdown === 'born'
            ? t.born[value]
            : breakdown === 'age_band'
              ? t.ageBand(value)
              : undefined;
      const label = words ?? value;
      return index === 0 ? label : label.toLocaleLowerCase('sv-SE');
    })
    .join(', ');
}

/** A measurement with its unit (`12,5 %`, `1 234 kr`); a withheld small count says so, as the API withholds it. */
export function indicatorValue(
  value: components['schemas']['ReportIndicatorValueDto'] | undefined,
  unit: ReportIndicator['unit'],
): string {
  const t = statusReportsMessages.indicators;
  if (!value) return t.missing;
  if (value.suppressed || value.value === null) return t.suppressed;
  if (unit === 'sek') return formatMoney(value.value);
  const suffix = t.unit[unit];
  return suffix ? `${formatNumber(value.value)} ${suffix}` : formatNumber(value.value);
}

export type IndicatorRow = { period: string; cell: string; municipality: string; sweden: string };

/**
 * An indicator's measurements for the period as table rows: one per period and cell, the municipality's figure beside
 * Sweden's where Kolada has one. The API sends them by cell (`all` first) and latest first; that order is kept.
 */
export function indicatorRows(indicator: ReportIndicator): IndicatorRow[] {
  const rows = new Map<
    string,
    {
      period: string;
      cell: string;
      municipality?: (typeof indicator.values)[number];
      sweden?: (typeof indicator.values)[number];
    }
  >();
  for (const value of indicator.values) {
    const key = `${value.cell}|${value.period}`;
    const row = rows.get(key) ?? { period: value.period, cell: value.cell };
    row[value.area] = value;
    rows.set(key, row);
  }
  return [...rows.values()].map((row) => ({
    period: row.period,
    cell: cellLabel(row.cell),
    municipality: indicatorValue(row.municipality, indicator.unit),
    sweden: indicatorValue(row.sweden, indicator.unit),
  }));
}

// The municipality's calendar: an instant is shown as the day it was in Sweden.
