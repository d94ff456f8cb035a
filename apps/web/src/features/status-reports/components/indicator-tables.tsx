import { indicatorRows, type StatusReport } from '../utils/report-form';
import styles from './status-reports.module.css';
import { statusReportsMessages } from '../messages';

const t = statusReportsMessages.indicators;

/** The follow-up plan's indicators with their measurements for the round's period, to write the report from. */
export function IndicatorTables({ report }: { report: StatusReport }) {
  return (
    <section aria-labelledby="rapport-nyckeltal" className={styles.section}>
      <h2 id="rapport-nyckeltal">{t.heading}</h2>
      {report.indicators.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p>{t.lead(report.round.period)}</p>
          {report.indicators.map((indicator) => {
            const rows = indicatorRows(indicator);
            return rows.length === 0 ? (
              <p key={indicator.indicatorId}>
                <strong>{t.caption(indicator.name, indicator.code)}:</strong> {t.noValues}
              </p>
            ) : (
              <div key={indicator.indicatorId} className={styles.tableWrapper}>
                <table className={styles.table}>
                  <caption>{t.caption(indicator.name, indicator.code)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.period}</th>
                      <th scope="col">{t.cell}</th>
                      <th scope="col">{t.municipality}</th>
                      <th scope="col">{t.sweden}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={`${row.period}|${row.cell}`}>
                        <td>{row.period}</td>
                        <th scope="row">{row.cell}</th>
                        <td>{row.municipality}</td>
                        <td>{row.sweden}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
