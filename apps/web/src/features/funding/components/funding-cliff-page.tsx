import { useMemo, useRef, useState } from 'react';
import { Announcement } from '../../../components/announcement';
import { LoadError } from '../../../components/load-error';
import { Page } from '../../../components/layout/page';
import { useMe } from '../../../lib/auth/use-me';
import { currentMonth, formatMoney, formatMonth } from '../../../lib/format';
import { useFundingCliffPage, useRefreshCliff } from '../api/use-funding-cliff-page';
import { fundingCliffMessages } from '../funding-cliff-messages';
import { initiativesIn, monthsOfYear, undecidedDepartments, type CliffDepartmentTotals } from '../utils/cliff-groups';
import { CliffInitiativesDisclosure } from './cliff-initiatives';
import styles from './funding-cliff.module.css';

const t = fundingCliffMessages;
type Totals = {
  fundingEndingSek: number;
  uncoveredAnnualCostSek: number;
  initiativesUndecided: number;
  departments: CliffDepartmentTotals[];
};

/**
 * Finansieringsstup: per budget year the uncovered amount per department, per month the initiatives, and their
 * coverage decisions. The page loads the figures; each month's initiatives, and those of the cliffs before the
 * period, load when opened, a page at a time (at thousands of initiatives the whole report is megabytes).
 */
export function FundingCliffPage() {
  const from = useMemo(() => currentMonth(), []);
  const cliff = useFundingCliffPage(from);
  const { data: me } = useMe();
  const [announcement, setAnnouncement] = useState('');
  const announcementRef = useRef<HTMLParagraphElement>(null);
  const refreshCliff = useRefreshCliff();
  // The button that opened the dialog is gone once the cliff is counted again: the sentence takes focus instead.
  const onDecided = (text: string) => {
    setAnnouncement(text);
    void refreshCliff().then(() => announcementRef.current?.focus());
  };
  const list = { me, onDecided };
  return (
    <Page title={t.title} wide>
      {cliff.data ? <p>{t.intro(formatMonth(cliff.data.from), formatMonth(cliff.data.to))}</p> : null}
      <p>{t.rule}</p>
      <Announcement text={announcement} ref={announcementRef} />
      {cliff.isPending ? (
        <p role="status">{t.loading}</p>
      ) : cliff.isError ? (
        <LoadError error={cliff.error} message={t.error} onRetry={() => void cliff.refetch()} />
      ) : (
        <>
          {initiativesIn(cliff.data.endedEarlier) > 0 ? (
            <section aria-labelledby="redan-upphort" className={styles.section}>
              <h2 id="redan-upphort">{t.endedEarlier}</h2>
              <p>{t.endedEarlierLead}</p>
              <DepartmentTable caption={t.departments.captionEarlier} totals={cliff.data.endedEarlier} />
              <CliffInitiativesDisclosure
                level={3}
                label={t.initiatives.openEarlier(initiativesIn(cliff.data.endedEarlier))}
                group={{ kind: 'earlier', from: cliff.data.from }}
                caption={t.initiatives.captionEarlier}
                {...list}
              />
            </section>
          ) : null}
          {cliff.data.budgetYears.map((year) => (
            <section key={year.year} aria-labelledby={`budgetar-${year.year}`} className={styles.section}>
              <h2 id={`budgetar-${year.year}`}>{t.budgetYear(year.year)}</h2>
              {initiativesIn(year) === 0 ? (
                <p>{t.yearNone}</p>
              ) : (
                <>
                  <p>
                    {t.yearSummary(
                      formatMoney(year.fundingEndingSek),
                      formatMoney(year.uncoveredAnnualCostSek),
                      year.initiativesUndecided,
                    )}
                  </p>
                  <DepartmentTable caption={t.departments.caption(year.year)} totals={year} />
                  {monthsOfYear(cliff.data, year.year).map((month) => (
                    <CliffInitiativesDisclosure
                      key={month.month}
                      level={3}
                      label={t.initiatives.openMonth(formatMonth(month.month), initiativesIn(month))}
                      group={{ kind: 'month', month: month.month }}
                      caption={t.initiatives.caption(formatMonth(month.month))}
                      {...list}
                    />
                  ))}
                </>
              )}
            </section>
          ))}
        </>
      )}
    </Page>
  );
}

function DepartmentTable({ caption, totals }: { caption: string; totals: Totals }) {
  const rows = undecidedDepartments(totals.departments);
  if (rows.length === 0) return null;
  const d = t.departments;
  return (
    <div className={styles.tableScroll}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{d.department}</th>
            <th scope="col" className={styles.number}>
              {d.initiatives}
            </th>
            <th scope="col" className={styles.number}>
              {d.fundingEnding}
            </th>
            <th scope="col" className={styles.number}>
              {d.uncovered}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.department?.id ?? 'ingen'}>
              <th scope="row">{row.department?.name ?? d.noLeadDepartment}</th>
              <td className={styles.number}>{row.initiativesUndecided}</td>
              <td className={styles.number}>{formatMoney(row.fundingEndingSek)}</td>
              <td className={styles.number}>{formatMoney(row.uncoveredAnnualCostSek)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{d.total}</th>
            <td className={styles.number}>{totals.initiativesUndecided}</td>
            <td className={styles.number}>{formatMoney(totals.fundingEndingSek)}</td>
            <td className={styles.number}>{formatMoney(totals.uncoveredAnnualCostSek)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
