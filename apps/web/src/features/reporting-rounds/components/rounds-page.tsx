import { getRouteApi, Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Announcement } from '../../../components/announcement';
import { Page } from '../../../components/layout/page';
import { LoadError } from '../../../components/load-error';
import { useMay } from '../../../lib/auth/use-may';
import { formatDate } from '../../../lib/format';
import { useRounds, type ReportingRound } from '../api/round-queries';
import { reportingRoundsMessages } from '../messages';
import { CreateRoundForm } from './create-round-form';
import { RoundDetail } from './round-detail';
import styles from './reporting-rounds.module.css';

const t = reportingRoundsMessages;
const route = getRouteApi('/omgangar');

/** Uppföljningsomgångar: create a round, the rounds there are, and the one chosen with its completion and reports to decide. */
export function ReportingRoundsPage() {
  const { round: chosen } = route.useSearch();
  const navigate = route.useNavigate();
  const mayCreate = useMay('reporting-rounds:write');
  const rounds = useRounds();
  const [said, setSaid] = useState('');
  const announcement = useRef<HTMLParagraphElement>(null);

  // The new round is chosen, and the sentence that says so takes focus: the form's button stays, but the news is below.
  const created = (round: ReportingRound) => {
    setSaid(t.create.created(round.title));
    void navigate({ search: { round: round.id }, replace: true }).then(() =>
      requestAnimationFrame(() => announcement.current?.focus()),
    );
  };

  return (
    <Page title={t.title} wide>
      <p>{t.intro}</p>
      {!mayCreate.allowed && !mayCreate.pending ? <p>{t.mayNot}</p> : null}
      {mayCreate.allowed ? <CreateRoundForm onCreated={created} /> : null}
      <Announcement text={said} ref={announcement} />
      <section aria-labelledby="omgangar-lista" className={styles.section}>
        <h2 id="omgangar-lista">{t.list.heading}</h2>
        {rounds.isPending ? (
          <p role="status">{t.list.loading}</p>
        ) : rounds.isError ? (
          <LoadError error={rounds.error} message={t.list.error} onRetry={() => void rounds.refetch()} />
        ) : rounds.data.items.length === 0 ? (
          <p>{t.list.empty}</p>
        ) : (
          <div className={styles.scroll}>
            <table className={styles.table}>
              <caption>{t.list.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.list.title}</th>
                  <th scope="col">{t.list.period}</th>
                  <th scope="col">{t.list.dueDate}</th>
                  <th scope="col">{t.list.scope}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.data.items.map((round) => (
                  <tr
                    key={round.id}
                    aria-current={round.id === chosen ? 'true' : undefined}
                    className={round.id === chosen ? styles.chosen : undefined}
                  >
                    <th scope="row">
                      <Link to="/omgangar" search={{ round: round.id }}>
                        {round.title}
                      </Link>
                      {round.id === chosen ? <span className={styles.chosenText}> ({t.list.chosen})</span> : null}
                    </th>
                    <td>{round.period}</td>
                    <td>{formatDate(round.dueDate)}</td>
                    <td>
                      {round.scopeDepartmentIds
                        ? t.list.departments(round.scopeDepartmentIds.length)
                        : t.list.allDepartments}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {chosen && rounds.data ? <RoundDetail round={rounds.data.items.find((round) => round.id === chosen)} /> : null}
    </Page>
  );
}
