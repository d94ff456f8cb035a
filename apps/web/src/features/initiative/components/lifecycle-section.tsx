import type { components } from '../../../lib/api-schema';
import { messages, type InitiativeStatusKey } from '../../../lib/messages';
import { useNextMoves } from '../api/initiative-queries';
import { lifecyclePhases, type PhaseState } from '../utils/lifecycle';
import { QuerySection } from './section';
import { Shape, type ShapeName } from './shapes';
import styles from './initiative.module.css';
import { initiativeMessages } from '../messages';

const SHAPE: Record<PhaseState, ShapeName> = { done: 'check', current: 'diamond', upcoming: 'ring', notReached: 'dash' };

/** The phases, the current one marked by text, shape and aria-current. */
export function LifecyclePhases({ status }: { status: InitiativeStatusKey }) {
  const text = initiativeMessages.lifecycle;
  return (
    <ol className={styles.phases} aria-label={text.phasesLabel}>
      {lifecyclePhases(status).map((phase) => (
        <li key={phase.key} className={`${styles.phase} ${styles[`phase-${phase.state}`]}`} aria-current={phase.state === 'current' ? 'step' : undefined}>
          <Shape name={SHAPE[phase.state]} className={styles.phaseShape} />
          <span className={styles.phaseLabel}>{phase.label}</span>
          <span className={styles.phaseState}>{text.state[phase.state]}</span>
        </li>
      ))}
    </ol>
  );
}

/** Each next move with what it still needs (the API's unmet guards) and whether the signed-in person may make it. */
export function NextMoves({ moves }: { moves: components['schemas']['NextMoveDto'][] }) {
  const text = initiativeMessages.lifecycle;
  if (moves.length === 0) return <p>{text.noMoves}</p>;
  return (
    <ul className={styles.moves}>
      {moves.map((move) => (
        <li key={move.to} className={styles.move}>
          <h4 className={styles.moveHeading}>{text.moveTo(messages.initiativeStatus[move.to])}</h4>
          {move.unmetGuards.length === 0 ? (
            <p>
              <Shape name="check" className={styles.okShape} /> {text.ready}
            </p>
          ) : (
            <>
              <p>
                <Shape name="triangle" className={styles.warnShape} /> {text.needs}
              </p>
              <ul>
                {move.unmetGuards.map((guard) => (
                  <li key={guard}>{messages.problem.guards[guard] ?? guard}</li>
                ))}
              </ul>
            </>
          )}
          <p className={styles.muted}>{move.allowed ? text.allowed : text.notAllowed}</p>
        </li>
      ))}
    </ul>
  );
}

export function LifecycleSection({ initiativeId, status }: { initiativeId: string; status: InitiativeStatusKey }) {
  const moves = useNextMoves(initiativeId);
  const text = initiativeMessages.lifecycle;
  return (
    <QuerySection name="lifecycle" query={moves}>
      {(data) => (
        <>
          <LifecyclePhases status={data.status} />
          {status === 'discontinued' && <p>{text.discontinued}</p>}
          {(status === 'completed' || status === 'integrated') && <p>{text.ended}</p>}
          {data.moves.length > 0 && (
            <>
              <h3>{text.nextHeading}</h3>
              <NextMoves moves={data.moves} />
            </>
          )}
        </>
      )}
    </QuerySection>
  );
}
