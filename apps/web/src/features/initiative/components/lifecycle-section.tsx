import { Link } from '@tanstack/react-router';
import { useRef, useState, type ReactNode } from 'react';
import { Announcement } from '../../../components/announcement';
import { CommentDialog } from '../../../components/dialog';
import { FormButton } from '../../../components/forms/form-button';
import { ApiProblemError } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { messages, type InitiativeStatusKey } from '../../../lib/messages';
import { summaryFor } from '../../../lib/problem';
import { useMoveInitiative, useNextMoves } from '../api/initiative-queries';
import { guardFix, lifecyclePhases, type PhaseState } from '../utils/lifecycle';
import { QuerySection } from './section';
import { Shape, type ShapeName } from './shapes';
import styles from './initiative.module.css';
import { initiativeMessages } from '../messages';

type NextMove = components['schemas']['NextMoveDto'];

const SHAPE: Record<PhaseState, ShapeName> = {
  done: 'check',
  current: 'diamond',
  upcoming: 'ring',
  notReached: 'dash',
};
const text = initiativeMessages.lifecycle;

/** The phases, the current one marked by text, shape and aria-current. */
export function LifecyclePhases({ status }: { status: InitiativeStatusKey }) {
  return (
    <ol className={styles.phases} aria-label={text.phasesLabel}>
      {lifecyclePhases(status).map((phase) => (
        <li
          key={phase.key}
          className={`${styles.phase} ${styles[`phase-${phase.state}`]}`}
          aria-current={phase.state === 'current' ? 'step' : undefined}
        >
          <Shape name={SHAPE[phase.state]} className={styles.phaseShape} />
          <span className={styles.phaseLabel}>{phase.label}</span>
          <span className={styles.phaseState}>{text.state[phase.state]}</span>
        </li>
      ))}
    </ol>
  );
}

/** The API's unmet guards as a checklist: each says what is missing and links to the page and field that put it right. */
export function GuardChecklist({ code, guards, label }: { code: string; guards: readonly string[]; label: string }) {
  return (
    <ul className={styles.checklist} aria-label={label}>
      {guards.map((guard) => {
        const fix = guardFix(guard);
        return (
          <li key={guard}>
            <Shape name="square" className={styles.uncheckedShape} /> {messages.problem.guards[guard] ?? guard}
            {fix && (
              <>
                {' '}
                <Link to={fix.to} params={{ code }} {...(fix.hash ? { hash: fix.hash } : {})}>
                  {text.fix[guard]}
                </Link>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Each next move with what it still needs (the API's unmet guards, as a checklist) and whether the signed-in person
 * may make it; `action` renders the way to make a move that is allowed and needs nothing more.
 */
export function NextMoves({
  code,
  moves,
  action,
}: {
  code: string;
  moves: NextMove[];
  action?: (move: NextMove) => ReactNode;
}) {
  if (moves.length === 0) return <p>{text.noMoves}</p>;
  return (
    <ul className={styles.moves}>
      {moves.map((move) => {
        const to = messages.initiativeStatus[move.to];
        return (
          <li key={move.to} className={styles.move}>
            <h4 className={styles.moveHeading}>{text.moveTo(to)}</h4>
            {move.unmetGuards.length === 0 ? (
              <p>
                <Shape name="check" className={styles.okShape} /> {text.ready}
              </p>
            ) : (
              <>
                <p>
                  <Shape name="triangle" className={styles.warnShape} /> {text.needs}
                </p>
                <GuardChecklist code={code} guards={move.unmetGuards} label={text.checklistLabel(to)} />
              </>
            )}
            <p className={styles.muted}>{move.allowed ? text.allowed : text.notAllowed}</p>
            {move.allowed && move.unmetGuards.length === 0 && action?.(move)}
          </li>
        );
      })}
    </ul>
  );
}

type Refusal = { to: InitiativeStatusKey; status: number; guards: string[]; errorId: string | undefined };

/** The lifecycle: where the initiative is, the moves open to it, and the moves the person may make, confirmed first. */
export function LifecycleSection({
  initiativeId,
  code,
  status,
}: {
  initiativeId: string;
  code: string;
  status: InitiativeStatusKey;
}) {
  const moves = useNextMoves(initiativeId);
  const [announcement, setAnnouncement] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const announcementRef = useRef<HTMLParagraphElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  // The move's button goes with the move (the next ones differ): focus goes to what happened, which is announced.
  const focusLater = (ref: React.RefObject<HTMLElement | null>) =>
    requestAnimationFrame(() => requestAnimationFrame(() => ref.current?.focus()));
  const moved = (to: InitiativeStatusKey) => {
    setRefusal(null);
    setAnnouncement(text.moved(messages.initiativeStatus[to]));
    focusLater(announcementRef);
  };
  const refused = (to: InitiativeStatusKey, error: ApiProblemError) => {
    setAnnouncement('');
    setRefusal({
      to,
      status: error.problem.status,
      guards: error.problem.unmetGuards ?? [],
      errorId: error.problem.errorId,
    });
    focusLater(refusalRef);
  };
  return (
    <QuerySection name="lifecycle" query={moves}>
      {(data) => (
        <>
          <LifecyclePhases status={data.status} />
          {status === 'discontinued' && <p>{text.discontinued}</p>}
          {(status === 'completed' || status === 'integrated') && <p>{text.ended}</p>}
          {/* The live regions stay in the page, so what is put in them later is read out. */}
          <Announcement text={announcement} ref={announcementRef} />
          <div role="alert" ref={refusalRef} tabIndex={-1} className={refusal ? styles.error : undefined}>
            {refusal && (
              <>
                <h3 className={styles.refusalHeading}>{text.refusedTitle(messages.initiativeStatus[refusal.to])}</h3>
                <p>{text.refused[refusal.status] ?? summaryFor(refusal.status)}</p>
                {refusal.guards.length > 0 && (
                  <GuardChecklist
                    code={code}
                    guards={refusal.guards}
                    label={text.checklistLabel(messages.initiativeStatus[refusal.to])}
                  />
                )}
                {refusal.errorId && <p>{messages.problem.errorId(refusal.errorId)}</p>}
              </>
            )}
          </div>
          {data.moves.length > 0 && (
            <>
              <h3>{text.nextHeading}</h3>
              <NextMoves
                code={code}
                moves={data.moves}
                action={(move) => (
                  <MoveDialog
                    initiativeId={initiativeId}
                    code={code}
                    from={data.status}
                    to={move.to}
                    onMoved={moved}
                    onRefused={refused}
                  />
                )}
              />
            </>
          )}
        </>
      )}
    </QuerySection>
  );
}

type MoveDialogProps = {
  initiativeId: string;
  code: string;
  from: InitiativeStatusKey;
  to: InitiativeStatusKey;
  onMoved: (to: InitiativeStatusKey) => void;
  onRefused: (to: InitiativeStatusKey, error: ApiProblemError) => void;
};

/**
 * "Flytta till …": a dialog that says what the move does and takes an optional comment. A comment the API refuses
 * stays in the dialog on its field; a refused move (its guards, its status, the person's rights) closes the dialog and
 * is told in the section, since the moves on offer have changed with it.
 */
function MoveDialog({ initiativeId, code, from, to, onMoved, onRefused }: MoveDialogProps) {
  const move = useMoveInitiative(initiativeId, code);
  const toLabel = messages.initiativeStatus[to];
  return (
    <CommentDialog
      trigger={<FormButton>{text.move(toLabel)}</FormButton>}
      title={text.dialogTitle(toLabel)}
      lead={text.dialogBody(messages.initiativeStatus[from], toLabel)}
      comment={{ label: text.comment, description: text.commentHelp, rows: 3 }}
      submit={{ label: text.move(toLabel), pendingLabel: text.moving }}
      cancel={text.cancel}
      isPending={move.isPending}
      onSubmit={(comment) => move.mutateAsync({ to, comment: comment.trim() === '' ? null : comment.trim() })}
      onDone={() => onMoved(to)}
      onRefused={(error) => onRefused(to, error)}
    />
  );
}
