import { getRouteApi, Link } from '@tanstack/react-router';
import { StatusBadge } from '../../../components/badges';
import { Page } from '../../../components/layout/page';
import { LoadError } from '../../../components/load-error';
import { formatDate } from '../../../lib/format';
import { useAgenda } from '../api/review-queries';
import { reviewMessages } from '../messages';
import { reasonSummary } from '../utils/agenda';
import { ReviewFrame } from './review-frame';
import styles from './reviews.module.css';

const t = reviewMessages.review;
const route = getRouteApi('/genomgangar/$reviewId');

/** One review: its agenda as the API assembles it, each item a link to its facts and decision; the minutes and pack. */
export function ReviewPage() {
  const { reviewId } = route.useParams();
  return (
    <ReviewFrame reviewId={reviewId}>
      {(review) => (
        <Page title={review.title} wide>
          <ReviewLinks reviewId={reviewId} />
          {review.notes ? <p>{review.notes}</p> : null}
          <Agenda reviewId={reviewId} />
        </Page>
      )}
    </ReviewFrame>
  );
}

function ReviewLinks({ reviewId }: { reviewId: string }) {
  return (
    <nav aria-label={t.documents}>
      <ul className={styles.links}>
        <li>
          <Link to="/genomgangar">{t.back}</Link>
        </li>
        <li>
          <Link to="/genomgangar/$reviewId/protokoll" params={{ reviewId }}>
            {t.minutes}
          </Link>
        </li>
        <li>
          <Link to="/genomgangar/$reviewId/underlag" params={{ reviewId }}>
            {t.pack}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function Agenda({ reviewId }: { reviewId: string }) {
  const agenda = useAgenda(reviewId);
  return (
    <section aria-labelledby="dagordning" className={styles.section}>
      <h2 id="dagordning">{t.agenda}</h2>
      {agenda.isPending ? (
        <p role="status">{t.agendaLoading}</p>
      ) : agenda.isError ? (
        <LoadError error={agenda.error} message={t.agendaError} onRetry={() => void agenda.refetch()} />
      ) : (
        <>
          <p>{t.meta(formatDate(agenda.data.meetingDate), agenda.data.budgetYear)}</p>
          {agenda.data.items.length === 0 ? (
            <p>{t.agendaEmpty}</p>
          ) : (
            <>
              <p>{t.progress(agenda.data.items.filter((item) => item.decision).length, agenda.data.items.length)}</p>
              <div className={styles.tableScroll}>
                <table className={styles.table}>
                  <caption>{t.caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.item}</th>
                      <th scope="col">{t.initiative}</th>
                      <th scope="col">{t.why}</th>
                      <th scope="col">{reviewMessages.item.status}</th>
                      <th scope="col">{t.decision}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {agenda.data.items.map((item, index) => (
                      <tr key={item.initiative.id}>
                        <td>{index + 1}</td>
                        <th scope="row">
                          <Link
                            to="/genomgangar/$reviewId/punkter/$code"
                            params={{ reviewId, code: item.initiative.code }}
                          >
                            {reviewMessages.item.title(item.initiative.code, item.initiative.title)}
                          </Link>
                        </th>
                        <td>{reasonSummary(item)}</td>
                        <td>
                          <StatusBadge status={item.initiative.status} />
                        </td>
                        <td className={item.decision ? styles.decided : undefined}>
                          {item.decision ? reviewMessages.decisionLabel[item.decision.decision] : t.undecided}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
