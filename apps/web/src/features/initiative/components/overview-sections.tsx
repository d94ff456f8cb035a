import type { components } from '../../../lib/api-schema';
import { formatDate, formatMoney } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import { useGoalTree } from '../api/initiative-queries';
import { goalChains } from '../../../lib/goal-chains';
import { QuerySection, Section } from './section';
import factStyles from '../../../components/facts.module.css';
import styles from './initiative.module.css';
import { initiativeMessages } from '../messages';

type Initiative = components['schemas']['InitiativeDto'];

export function SummarySection({ initiative }: { initiative: Initiative }) {
  const text = initiativeMessages.summary;
  const facts: [string, string][] = [
    [text.code, initiative.code],
    [text.kind, initiativeMessages.kind[initiative.kind] ?? initiative.kind],
    [text.status, messages.initiativeStatus[initiative.status]],
    [text.leadDepartment, initiative.leadDepartmentName ?? text.none],
    [text.startDate, initiative.startDate ? formatDate(initiative.startDate) : text.none],
    [text.endDate, initiative.endDate ? formatDate(initiative.endDate) : text.noEndDate],
    [
      text.annualCost,
      initiative.annualCostSek !== null && initiative.annualCostSek !== undefined
        ? formatMoney(initiative.annualCostSek)
        : text.none,
    ],
    [
      text.evidenceBase,
      initiativeMessages.evidenceBase[initiative.evidenceBase ?? 'unknown'] ?? String(initiative.evidenceBase),
    ],
    [text.budgetProjectCode, initiative.budgetProjectCode ?? text.none],
  ];
  return (
    <Section name="summary">
      <p>{initiative.summary ?? text.noSummary}</p>
      <dl className={factStyles.facts}>
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

export function ParticipantsSection({ initiative }: { initiative: Initiative }) {
  const text = initiativeMessages.participants;
  const owner = initiative.processOwner;
  return (
    <Section name="participants">
      <div className={styles.tableScroll}>
        <table className={styles.table}>
          <caption className="visually-hidden">{text.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.department}</th>
              <th scope="col">{text.role}</th>
              <th scope="col">{text.responsibility}</th>
            </tr>
          </thead>
          <tbody>
            {initiative.leadDepartmentName && (
              <tr>
                <th scope="row">{initiative.leadDepartmentName}</th>
                <td>{text.lead}</td>
                <td>{text.leadResponsibility}</td>
              </tr>
            )}
            {(initiative.participants ?? []).map((participant) => (
              <tr key={participant.departmentId}>
                <th scope="row">{participant.departmentName}</th>
                <td>{text.role_[participant.role] ?? participant.role}</td>
                <td>{participant.responsibility ?? text.noResponsibility}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(initiative.participants ?? []).length === 0 && <p>{text.none}</p>}
      <h3>{text.processOwner}</h3>
      {owner ? (
        <p>
          {owner.name}
          {owner.title && <>, {owner.title}</>}
          {owner.email && (
            <>
              <br />
              {text.email}: <a href={`mailto:${owner.email}`}>{owner.email}</a>
            </>
          )}
        </p>
      ) : (
        <p>{text.noProcessOwner}</p>
      )}
    </Section>
  );
}

/** Each goal with its chain up to Agenda 2030, as a breadcrumb-like ordered list from the top down. */
export function GoalsSection({ initiative }: { initiative: Initiative }) {
  const tree = useGoalTree();
  const text = initiativeMessages.goals;
  if (initiative.goals.length === 0) {
    return (
      <Section name="goals">
        <p>{text.none}</p>
      </Section>
    );
  }
  return (
    <QuerySection name="goals" query={tree}>
      {(roots) => (
        <ul className={styles.goalChains}>
          {goalChains(roots, initiative.goals).map((chain) => {
            const goal = chain.at(-1)!;
            return (
              <li key={goal.id}>
                <ol className={styles.breadcrumb} aria-label={text.chainLabel(`${goal.code} ${goal.title}`)}>
                  {chain.map((step) => (
                    <li key={step.id} aria-current={step.id === goal.id ? 'true' : undefined}>
                      <span className={styles.goalLevel}>{text.level[step.level] ?? step.level}</span>{' '}
                      <span className={step.id === goal.id ? styles.goalOwn : undefined}>
                        {step.code} {step.title}
                      </span>
                    </li>
                  ))}
                </ol>
              </li>
            );
          })}
        </ul>
      )}
    </QuerySection>
  );
}
