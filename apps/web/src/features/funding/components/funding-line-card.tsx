import { formatDate, formatMoney } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import { lineName, type FundingLine } from '../utils/funding-form';
import { fundingMessages } from '../messages';
import { FormButton } from '../../../components/forms/form-button';
import { ConfirmDialog } from '../../../components/dialog';
import { LevelHeading, FundingStatusBadge, type HeadingLevel } from './funding-parts';
import styles from './funding.module.css';

const t = fundingMessages;

export const lineHeadingId = (id: string) => `rad-${id}-rubrik`;

/** What the person may do to this line, as /me and the initiative's status say. */
export type LineActions = {
  edit: boolean;
  end: boolean;
  remove: boolean;
  decide: boolean;
};

type Props = {
  line: FundingLine;
  lines: readonly FundingLine[];
  level: HeadingLevel;
  actions: LineActions;
  onEdit: () => void;
  onDecide: () => void;
  /** End or remove, after the person confirmed: a sentence when refused, null when done. */
  onEnd: () => Promise<string | null>;
  onRemove: () => Promise<string | null>;
  /** The open form for this line, under its facts. */
  children?: React.ReactNode;
};

function Coverage({ line }: { line: FundingLine }) {
  const decided = line.coverageDecision !== 'undecided';
  const who = line.coverageDecidedBy;
  const when = line.coverageDecidedOn ? formatDate(line.coverageDecidedOn) : null;
  return (
    <>
      {t.coverageLabel[line.coverageDecision]}
      {line.coverageNote && <div>{line.coverageNote}</div>}
      {decided && (who || when) && (
        <div className={styles.muted}>
          {who && when ? t.facts.decidedBy(who, when) : when ? t.facts.decidedOn(when) : who}
        </div>
      )}
    </>
  );
}

/** One funding line: its facts in words (an ended one marked so, and kept), and what the person may do with it. */
export function FundingLineCard({ line, lines, level, actions, onEdit, onDecide, onEnd, onRemove, children }: Props) {
  const name = lineName(line);
  const successor = line.successorFundingId ? lines.find((other) => other.id === line.successorFundingId) : undefined;
  const terms = [line.renewable && t.facts.renewable, line.paidInArrears && t.facts.paidInArrears]
    .filter(Boolean)
    .join(', ');
  const ended = line.status === 'ended';
  return (
    <article
      className={ended ? `${styles.card} ${styles.ended}` : styles.card}
      aria-labelledby={lineHeadingId(line.id)}
    >
      <LevelHeading level={level} id={lineHeadingId(line.id)} className={styles.cardHeading}>
        {name}
      </LevelHeading>
      <dl className={styles.facts}>
        <dt>{t.facts.status}</dt>
        <dd>
          <FundingStatusBadge status={line.status} />
        </dd>
        <dt>{t.facts.sourceType}</dt>
        <dd>{messages.vocabulary.fundingSourceType[line.sourceType]}</dd>
        <dt>{t.facts.amount}</dt>
        <dd>{formatMoney(line.amountSek)}</dd>
        <dt>{t.facts.period}</dt>
        <dd>{t.facts.periodText(formatDate(line.periodStart), formatDate(line.periodEnd))}</dd>
        <dt>{t.facts.expiry}</dt>
        <dd>{formatDate(line.periodEnd)}</dd>
        <dt>{t.facts.decisionReference}</dt>
        <dd>{line.decisionReference ?? t.facts.missing}</dd>
        <dt>{t.facts.budgetProjectCode}</dt>
        <dd>{line.budgetProjectCode ?? t.facts.missing}</dd>
        <dt>{t.facts.terms}</dt>
        <dd>{terms || t.facts.noTerms}</dd>
        <dt>{t.facts.deadlines}</dt>
        <dd>
          {line.reportingDeadlines.length === 0 ? (
            t.facts.noDeadlines
          ) : (
            <ul className={styles.plainList}>
              {line.reportingDeadlines.map((deadline) => (
                <li key={`${deadline.date}-${deadline.kind}-${deadline.description ?? ''}`}>
                  {t.facts.deadline(
                    formatDate(deadline.date),
                    messages.vocabulary.deadlineKind[deadline.kind],
                    deadline.description ?? null,
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t.facts.successor}</dt>
        <dd>{successor ? lineName(successor) : t.facts.noSuccessor}</dd>
        <dt>{t.facts.coverage}</dt>
        <dd>
          <Coverage line={line} />
        </dd>
      </dl>
      {(actions.edit || actions.end || actions.remove || actions.decide) && (
        <div className={styles.actions}>
          {actions.edit && (
            <FormButton variant="secondary" aria-label={t.actions.editLabel(name)} onPress={onEdit}>
              {t.actions.edit}
            </FormButton>
          )}
          {actions.decide && (
            <FormButton variant="secondary" aria-label={t.actions.decideLabel(name)} onPress={onDecide}>
              {t.actions.decide}
            </FormButton>
          )}
          {actions.end && (
            <ConfirmDialog
              trigger={{ label: t.actions.end, ariaLabel: t.actions.endLabel(name) }}
              texts={{ ...t.end, body: t.end.body(name) }}
              onConfirm={onEnd}
            />
          )}
          {actions.remove && (
            <ConfirmDialog
              trigger={{ label: t.actions.remove, ariaLabel: t.actions.removeLabel(name) }}
              texts={{ ...t.remove, body: t.remove.body(name) }}
              onConfirm={onRemove}
            />
          )}
        </div>
      )}
      {children}
    </article>
  );
}
