import { Link } from '@tanstack/react-router';
import { Page } from '../../../components/layout/page';
import { LoadError } from '../../../components/load-error';
import tableStyles from '../../../components/table.module.css';
import { useKeyFigures, type KeyFigure } from '../api/key-figure-queries';
import { goalsMessages } from '../messages';
import { pointText, swedenBeside, targetText } from '../utils/key-figures';
import styles from './goals.module.css';

const t = goalsMessages.keyFigures;

/** Nyckeltal: every indicator's latest value beside Sweden's, its baseline and its progress toward each target. */
export function KeyFiguresPage() {
  const figures = useKeyFigures();
  return (
    <Page title={t.title} wide>
      <p className={styles.intro}>{t.intro}</p>
      <p>
        <Link to="/mal">{t.back}</Link>
      </p>
      {figures.isPending ? (
        <p role="status">{t.loading}</p>
      ) : figures.isError ? (
        <LoadError error={figures.error} message={t.error} onRetry={() => void figures.refetch()} />
      ) : figures.data.items.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <>
          {figures.data.total > figures.data.items.length ? (
            <p>{t.shown(figures.data.items.length, figures.data.total)}</p>
          ) : null}
          <KeyFigureTable items={figures.data.items} />
        </>
      )}
    </Page>
  );
}

function KeyFigureTable({ items }: { items: KeyFigure[] }) {
  return (
    <div className={tableStyles.scroll}>
      <table className={tableStyles.table}>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.indicator}</th>
            <th scope="col">{t.latest}</th>
            <th scope="col">{t.sweden}</th>
            <th scope="col">{t.baseline}</th>
            <th scope="col">{t.targets}</th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ indicator, series }) => (
            <tr key={indicator.id}>
              <th scope="row">
                <Link to="/indikatorer/$id" params={{ id: indicator.id }}>
                  {indicator.name}
                </Link>{' '}
                ({indicator.code})
              </th>
              <td>{pointText(series.latest, indicator.unit)}</td>
              <td>{pointText(swedenBeside(series), indicator.unit)}</td>
              <td>{pointText(series.baseline, indicator.unit)}</td>
              <td>
                {series.targets.length === 0 ? (
                  t.none
                ) : (
                  <ul className={styles.inline}>
                    {series.targets.map((target) => (
                      <li key={target.period}>{targetText(target, indicator.unit)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
