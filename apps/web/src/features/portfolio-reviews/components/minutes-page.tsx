import { getRouteApi, Link } from '@tanstack/react-router';
import buttons from '../../../components/buttons.module.css';
import { Page } from '../../../components/layout/page';
import { formatDate } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import type { Review } from '../api/review-queries';
import { reviewMessages } from '../messages';
import { ReviewFrame } from './review-frame';
import styles from './reviews.module.css';

const t = reviewMessages.minutes;
const route = getRouteApi('/genomgangar/$reviewId/protokoll');

/** Protokoll: the review's decisions with their rationale, to print (A4, no navigation) or read on screen. */
export function MinutesPage() {
  const { reviewId } = route.useParams();
  return <ReviewFrame reviewId={reviewId}>{(review) => <Minutes review={review} />}</ReviewFrame>;
}

function Minutes({ review }: { review: Review }) {
  const status = messages.vocabulary.initiativeStatus;
  return (
    <Page title={t.title(review.title)} wide>
      <p>{t.meta(formatDate(review.meetingDate))}</p>
      <p className={styles.noPrint}>
        <Link to="/genomgangar/$reviewId" params={{ reviewId: review.id }}>
          {reviewMessages.item.backToAgenda}
        </Link>
      </p>
      <p className={`${styles.actions} ${styles.noPrint}`}>
        <button type="button" className={buttons.outlined} onClick={() => window.print()}>
          {t.print}
        </button>
      </p>
      <section aria-labelledby="protokoll-beslut" className={`${styles.section} ${styles.printSection}`}>
        <h2 id="protokoll-beslut">{reviewMessages.review.decision}</h2>
        {review.decisions.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <div className={styles.tableScroll}>
            <table className={`${styles.table} ${styles.printTable}`}>
              <caption>{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.initiative}</th>
                  <th scope="col">{t.decision}</th>
                  <th scope="col">{t.rationale}</th>
                  <th scope="col">{t.followUp}</th>
                  <th scope="col">{t.status}</th>
                </tr>
              </thead>
              <tbody>
                {review.decisions.map((decision) => (
                  <tr key={decision.id}>
                    <th scope="row">{reviewMessages.item.title(decision.initiativeCode, decision.initiativeTitle)}</th>
                    <td>{reviewMessages.decisionLabel[decision.decision]}</td>
                    <td>{decision.rationale}</td>
                    <td>{decision.followUpDate ? formatDate(decision.followUpDate) : t.noFollowUp}</td>
                    <td>
                      {decision.fromStatus && decision.toStatus
                        ? reviewMessages.item.statusMoved(status[decision.fromStatus], status[decision.toStatus])
                        : t.noStatusChange}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {review.notes ? (
        <section aria-labelledby="protokoll-anteckningar" className={`${styles.section} ${styles.printSection}`}>
          <h2 id="protokoll-anteckningar">{t.notes}</h2>
          <p>{review.notes}</p>
        </section>
      ) : null}
    </Page>
  );
}
