import { Link } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { Announcement } from '../../../components/announcement';
import { LoadError } from '../../../components/load-error';
import { Page } from '../../../components/layout/page';
import { mayFrom } from '../../../lib/auth/use-may';
import { useMe, type Me } from '../../../lib/auth/use-me';
import { currentMonth, formatDate, formatMoney, formatMonth } from '../../../lib/format';
import { useFundingCliffPage, useRefreshCliff } from '../api/use-funding-cliff-page';
import { fundingCliffMessages } from '../funding-cliff-messages';
import { fundingMessages } from '../messages';
import {
  byDepartment,
  isUndecided,
  monthsOfYear,
  type CliffInitiative,
  type FundingCliff,
} from '../utils/cliff-departments';
import { CoverageDialog } from './coverage-dialog';
import styles from './funding-cliff.module.css';

const t = fundingCliffMessages;
type Totals = FundingCliff['endedEarlier'];

/** Finansieringsstup: per budget year the uncovered amount per department, per month the initiatives, and their coverage decisions. */
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
          {cliff.data.endedEarlier.initiatives.length > 0 ? (
            <section aria-labelledby="redan-upphort" className={styles.section}>
              <h2 id="redan-upphort">{t.endedEarlier}</h2>
              <p>{t.endedEarlierLead}</p>
              <DepartmentTable caption={t.departments.captionEarlier} totals={cliff.data.endedEarlier} />
              <InitiativeTable
                caption={t.initiatives.captionEarlier}
                initiatives={cliff.data.endedEarlier.initiatives}
                me={me}
                onDecided={onDecided}
              />
            </section>
          ) : null}
          {cliff.data.budgetYears.map((year) => (
            <section key={year.year} aria-labelledby={`budgetar-${year.year}`} className={styles.section}>
              <h2 id={`budgetar-${year.year}`}>{t.budgetYear(year.year)}</h2>
              {year.initiatives.length === 0 ? (
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
                    <section key={month.month} aria-labelledby={`manad-${month.month}`}>
                      <h3 id={`manad-${month.month}`}>{formatMonth(month.month)}</h3>
                      <InitiativeTable
                        caption={t.initiatives.caption(formatMonth(month.month))}
                        initiatives={month.initiatives}
                        me={me}
                        onDecided={onDecided}
                      />
                    </section>
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
  const rows = byDepartment(totals.initiatives);
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
            <tr key={row.id ?? 'ingen'}>
              <th scope="row">{row.name ?? d.noLeadDepartment}</th>
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

function InitiativeTable({
  caption,
  initiatives,
  me,
  onDecided,
}: {
  caption: string;
  initiatives: readonly CliffInitiative[];
  me: Me | undefined;
  onDecided: (text: string) => void;
}) {
  const c = t.initiatives;
  return (
    <div className={styles.tableScroll}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.initiative}</th>
            <th scope="col">{c.department}</th>
            <th scope="col">{c.lines}</th>
            <th scope="col" className={styles.number}>
              {c.uncovered}
            </th>
          </tr>
        </thead>
        <tbody>
          {initiatives.map((initiative) => {
            const mayDecide = mayFrom(me, 'funding:decide-coverage', {
              leadDepartmentId: initiative.leadDepartment?.id ?? null,
            }).allowed;
            return (
              <tr key={initiative.id}>
                <th scope="row">
                  <Link to="/insatser/$code" params={{ code: initiative.code }}>
                    {initiative.title}
                  </Link>
                </th>
                <td>{initiative.leadDepartment?.name ?? t.departments.noLeadDepartment}</td>
                <td>
                  <ul className={styles.lines}>
                    {initiative.lines.map((line) => (
                      <li key={line.id}>
                        {c.line(line.funder, formatDate(line.periodEnd), formatMoney(line.notTakenOverSek))}
                        <span className={styles.decision}>
                          {isUndecided(line)
                            ? c.undecided
                            : c.decided(fundingMessages.coverageLabel[line.coverageDecision])}
                        </span>
                        {isUndecided(line) && mayDecide ? (
                          <CoverageDialog initiative={initiative} line={line} onDecided={onDecided} />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className={styles.number}>
                  {initiative.uncoveredAnnualCostSek === null
                    ? c.noAnnualCost
                    : formatMoney(initiative.uncoveredAnnualCostSek)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
