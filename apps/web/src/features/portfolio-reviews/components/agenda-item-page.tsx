import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Announcement } from '../../../components/announcement';
import { StatusBadge } from '../../../components/badges';
import factStyles from '../../../components/facts.module.css';
import { Page } from '../../../components/layout/page';
import { LoadError } from '../../../components/load-error';
import { useMay } from '../../../lib/auth/use-may';
import { formatDate, formatMoney } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import { useAgenda, type AgendaItem } from '../api/review-queries';
import { reviewMessages } from '../messages';
import { agendaPosition, describeReason, type Decision } from '../utils/agenda';
import { DecisionForm } from './decision-form';
import { ReviewFrame } from './review-frame';
import styles from './reviews.module.css';

const t = reviewMessages.item;
const route = getRouteApi('/genomgangar/$reviewId/punkter/$code');

/** One agenda item: the facts on one screen, why it is on the agenda, and the decision. */
export function AgendaItemPage() {
  const { reviewId, code } = route.useParams();
  return (
    <ReviewFrame reviewId={reviewId}>{() => <ItemOnAgenda key={code} reviewId={reviewId} code={code} />}</ReviewFrame>
  );
}

function ItemOnAgenda({ reviewId, code }: { reviewId: string; code: string }) {
  const agenda = useAgenda(reviewId);
  const mayDecide = useMay('portfolio-reviews:write');
  const [done, setDone] = useState<Decision | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  // The form is gone once the decision shows: the sentence saying what happened takes focus, the next item follows it.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  if (agenda.isPending) {
    return (
      <Page title={code}>
        <p role="status">{reviewMessages.review.agendaLoading}</p>
      </Page>
    );
  }
  if (agenda.isError) {
    return (
      <Page title={code}>
        <LoadError
          error={agenda.error}
          message={reviewMessages.review.agendaError}
          onRetry={() => void agenda.refetch()}
        />
      </Page>
    );
  }
  const at = agendaPosition(agenda.data.items, code);
  if (!at) {
    return (
      <Page title={code}>
        <p>{t.notOnAgenda}</p>
        <AgendaLink reviewId={reviewId} />
      </Page>
    );
  }
  const { item } = at;
  return (
    <Page title={t.title(item.initiative.code, item.initiative.title)} wide>
      <p>{t.position(at.position, at.total)}</p>
      <Announcement text={done ? t.done(reviewMessages.decisionLabel[done], item.initiative.code) : ''} ref={doneRef} />
      {done && at.nextUndecided ? (
        <p>
          <Link to="/genomgangar/$reviewId/punkter/$code" params={{ reviewId, code: at.nextUndecided.initiative.code }}>
            {t.next(at.nextUndecided.initiative.code)}
          </Link>
        </p>
      ) : null}
      <Facts item={item} />
      <section aria-labelledby="skal" className={styles.section}>
        <h2 id="skal">{t.reasons}</h2>
        {item.reasons.length === 0 ? (
          <p>{reviewMessages.reason.settled}</p>
        ) : (
          <ul className={styles.reasons}>
            {item.reasons.map((reason, index) => {
              const { heading, details } = describeReason(reason);
              const other = reason.overlap?.otherInitiative;
              return (
                <li key={index}>
                  <strong>{heading}</strong>
                  {details.map((detail) => (
                    <p key={detail}>{detail}</p>
                  ))}
                  {other ? (
                    // The verdict is given on Överlapp, which remembers the review for the way back.
                    <p>
                      <Link to="/overlapp" search={{ par: [item.initiative.id, other.id], genomgang: reviewId }}>
                        {t.overlapLink(item.initiative.code, other.code)}
                      </Link>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="beslut" className={styles.section}>
        <h2 id="beslut">{reviewMessages.decide.heading}</h2>
        {item.decision ? (
          <DecisionTaken decision={item.decision} />
        ) : mayDecide.allowed ? (
          <DecisionForm reviewId={reviewId} initiativeId={item.initiative.id} headingId="beslut" onDecided={setDone} />
        ) : (
          <p className={styles.notice}>{t.readOnly}</p>
        )}
      </section>
      <nav aria-label={reviewMessages.review.agenda}>
        <ul className={styles.links}>
          <li>
            <AgendaLink reviewId={reviewId} />
          </li>
          {at.previous ? (
            <li>
              <Link to="/genomgangar/$reviewId/punkter/$code" params={{ reviewId, code: at.previous.initiative.code }}>
                {t.previous(at.previous.initiative.code)}
              </Link>
            </li>
          ) : null}
          {at.next ? (
            <li>
              <Link to="/genomgangar/$reviewId/punkter/$code" params={{ reviewId, code: at.next.initiative.code }}>
                {t.next(at.next.initiative.code)}
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </Page>
  );
}

function AgendaLink({ reviewId }: { reviewId: string }) {
  return (
    <Link to="/genomgangar/$reviewId" params={{ reviewId }}>
      {t.backToAgenda}
    </Link>
  );
}

function Facts({ item }: { item: AgendaItem }) {
  const { initiative } = item;
  return (
    <section aria-labelledby="fakta" className={styles.section}>
      <h2 id="fakta">{t.facts}</h2>
      <dl className={factStyles.facts}>
        <div>
          <dt>{t.status}</dt>
          <dd>
            <StatusBadge status={initiative.status} />
          </dd>
        </div>
        <div>
          <dt>{t.department}</dt>
          <dd>{initiative.leadDepartment?.name ?? t.noDepartment}</dd>
        </div>
        <div>
          <dt>{t.annualCost}</dt>
          <dd>{initiative.annualCostSek === null ? t.noAnnualCost : formatMoney(initiative.annualCostSek)}</dd>
        </div>
        <div>
          <dt>{t.period}</dt>
          <dd>
            {t.periodText(
              initiative.startDate ? formatDate(initiative.startDate) : t.notSet,
              initiative.endDate ? formatDate(initiative.endDate) : t.open,
            )}
          </dd>
        </div>
      </dl>
      <p>
        <Link to="/insatser/$code" params={{ code: initiative.code }}>
          {t.initiativeLink(initiative.code)}
        </Link>
      </p>
    </section>
  );
}

function DecisionTaken({ decision }: { decision: NonNullable<AgendaItem['decision']> }) {
  const m = reviewMessages.minutes;
  return (
    <dl className={factStyles.facts}>
      <div>
        <dt>{m.decision}</dt>
        <dd className={styles.decided}>{reviewMessages.decisionLabel[decision.decision]}</dd>
      </div>
      <div>
        <dt>{m.followUp}</dt>
        <dd>{decision.followUpDate ? formatDate(decision.followUpDate) : m.noFollowUp}</dd>
      </div>
      <div>
        <dt>{m.status}</dt>
        <dd>
          {decision.fromStatus && decision.toStatus
            ? t.statusMoved(
                messages.vocabulary.initiativeStatus[decision.fromStatus],
                messages.vocabulary.initiativeStatus[decision.toStatus],
              )
            : m.noStatusChange}
        </dd>
      </div>
      <div className={factStyles.factWide}>
        <dt>{m.rationale}</dt>
        <dd>{decision.rationale}</dd>
      </div>
    </dl>
  );
}
