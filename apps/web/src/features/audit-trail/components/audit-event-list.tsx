import { Link } from '@tanstack/react-router';
import { auditEntry, auditActor, type AuditEvent, type ReferenceName } from '../../../lib/audit-trail';
import { auditTrailPageMessages } from '../messages';
import styles from './audit-trail.module.css';

const t = auditTrailPageMessages.event;

/**
 * The events as cards, newest first: when and what as the card's heading, who and which record, and each changed
 * field in a table with its value before and after. Links lead on to the same search narrowed to the person or the
 * record, and to the initiative's history (unless the list is that history); nothing here changes anything.
 */
export function AuditEventList({
  events,
  name,
  linkInitiative = true,
}: {
  events: readonly AuditEvent[];
  name: ReferenceName;
  linkInitiative?: boolean;
}) {
  return (
    <ol className={styles.events}>
      {events.map((event) => {
        const entry = auditEntry(event, name);
        const headingId = `handelse-${event.id}`;
        const record = auditTrailPageMessages.entityType[event.entityType] ?? event.entityType;
        return (
          <li key={event.id}>
            <article aria-labelledby={headingId} className={styles.event}>
              <h3 id={headingId} className={styles.eventHeading}>
                {t.heading(entry.when, entry.what)}
              </h3>
              <dl className={styles.eventFacts}>
                <div>
                  <dt>{t.who}</dt>
                  <dd>{entry.who}</dd>
                </div>
                <div>
                  <dt>{t.record}</dt>
                  <dd>{record}</dd>
                </div>
              </dl>
              <ul className={styles.eventLinks}>
                {event.actorKind !== 'system' ? (
                  <li>
                    <Link to="/granskning" search={{ actor: event.actorId }}>
                      {t.byActor(auditActor(event))}
                    </Link>
                  </li>
                ) : null}
                <li>
                  <Link to="/granskning" search={{ entityType: event.entityType, entityId: event.entityId }}>
                    {t.recordHistory}
                  </Link>
                </li>
                {linkInitiative && event.initiativeId ? (
                  <li>
                    <Link to="/granskning/insatser/$code" params={{ code: event.initiativeId }}>
                      {t.initiativeHistory}
                    </Link>
                  </li>
                ) : null}
              </ul>
              {entry.changes.length === 0 ? (
                <p className={styles.muted}>{t.noChanges}</p>
              ) : (
                <div className={styles.scroll}>
                  <table className={styles.table}>
                    <caption>{t.changesCaption}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t.field}</th>
                        <th scope="col">{t.before}</th>
                        <th scope="col">{t.after}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {entry.changes.map((change) => (
                        <tr key={change.field}>
                          <th scope="row">{change.label}</th>
                          <td>{change.before ?? t.none}</td>
                          <td>{change.after ?? t.none}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
