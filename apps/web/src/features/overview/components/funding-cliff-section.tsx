import { lazy, Suspense, useMemo } from 'react';
import { LoadError } from '../../../components/load-error';
import { currentMonth, formatMoney } from '../../../lib/format';
import { useFundingCliffTotals } from '../../../lib/use-funding-cliff-totals';
import type { PortfolioSummary } from '../api/use-overview';
import { formatShortMonth, toCliffRows, type CliffRow } from '../utils/cliff-series';
import styles from './overview.module.css';
import { overviewMessages } from '../messages';

// recharts is loaded only here, when the chart shows: it stays out of the first load and out of the page's own chunk.
const FundingCliffChart = lazy(() => import('./funding-cliff-chart'));

export const CLIFF_MONTHS = 24;
const t = overviewMessages.cliff;

/** The funding cliff for the next 24 months: a bar chart, and the same figures in a table. */
export function FundingCliffSection({ nextBudgetYear }: { nextBudgetYear?: PortfolioSummary['fundingCliff'] }) {
  const from = useMemo(() => currentMonth(), []);
  const cliff = useFundingCliffTotals(from, CLIFF_MONTHS);
  const rows = useMemo(() => (cliff.data ? toCliffRows(cliff.data.months) : []), [cliff.data]);
  return (
    <section aria-labelledby="stupet" className={styles.section}>
      <h2 id="stupet">{t.heading}</h2>
      {cliff.data ? <p>{t.lead(formatShortMonth(cliff.data.from), formatShortMonth(cliff.data.to))}</p> : null}
      <p className={styles.rule}>{t.rule}</p>
      {nextBudgetYear ? (
        <p>
          {t.nextYear(nextBudgetYear.year, formatMoney(nextBudgetYear.fundingEndingSek), nextBudgetYear.initiatives)}
        </p>
      ) : null}
      {cliff.isPending ? (
        <p role="status">{t.loading}</p>
      ) : cliff.isError ? (
        <LoadError error={cliff.error} message={t.error} onRetry={() => void cliff.refetch()} />
      ) : (
        <>
          {cliff.data.endedEarlier.initiativesUndecided > 0 ? (
            <p>
              {t.endedEarlier(
                formatMoney(cliff.data.endedEarlier.fundingEndingSek),
                cliff.data.endedEarlier.initiativesUndecided,
              )}
            </p>
          ) : null}
          <figure className={styles.chart}>
            <Suspense fallback={<p role="status">{t.chartLoading}</p>}>
              <FundingCliffChart rows={rows} label={t.chartLabel} />
            </Suspense>
          </figure>
          <CliffTable rows={rows} />
        </>
      )}
    </section>
  );
}

export function CliffTable({ rows }: { rows: readonly CliffRow[] }) {
  return (
    <div className={styles.tableWrapper}>
      <table className={styles.table} data-testid="stupet-tabell">
        <caption>{t.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.month}</th>
            <th scope="col" className={styles.number}>
              {t.fundingEnding}
            </th>
            <th scope="col" className={styles.number}>
              {t.uncoveredAnnualCost}
            </th>
            <th scope="col" className={styles.number}>
              {t.initiativesUndecided}
            </th>
            <th scope="col" className={styles.number}>
              {t.initiativesDecided}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.month} data-month={row.month}>
              <th scope="row">{row.label}</th>
              <td className={styles.number}>{formatMoney(row.fundingEndingSek)}</td>
              <td className={styles.number}>{formatMoney(row.uncoveredAnnualCostSek)}</td>
              <td className={styles.number}>{row.initiativesUndecided}</td>
              <td className={styles.number}>{row.initiativesCoverageDecided}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
