import { useState, type ReactNode } from 'react';
import { FormButton } from '../../../components/forms/form-button';
import { ApiProblemError } from '../../../lib/api-client';
import { useMay } from '../../../lib/auth/use-may';
import { focusById, useFocusAfterRender } from '../../../lib/hooks/use-focus-after-render';
import { summaryFor } from '../../../lib/problem';
import { useFundingInitiative, useFundingLines, useFundingWrites } from '../api/funding-queries';
import { lineName, type FundingLine } from '../utils/funding-form';
import { fundingMessages } from '../messages';
import { CoverageForm } from './coverage-form';
import { FundingLineCard, lineHeadingId } from './funding-line-card';
import { FundingLineForm } from './funding-line-form';
import { LevelHeading } from './funding-parts';
import styles from './funding.module.css';

const t = fundingMessages;
const ADD_BUTTON_ID = 'lagg-till-finansieringsrad';

/** The one form open at a time: a new line, or a line's changes or coverage decision. */
type Open = { kind: 'add' } | { kind: 'edit'; id: string } | { kind: 'coverage'; id: string } | null;

/** A refusal in one sentence for the confirmation dialogs: the screen's own explanation when there is one. */
function refusalText(error: unknown): string {
  if (!(error instanceof ApiProblemError)) throw error;
  const general = error.problem.errors?.find((e) => e.field === '')?.message;
  return general ?? summaryFor(error.problem.status);
}

const HEADING_ID = 'finansieringsrader-rubrik';

/** The editor's one h2, whatever state it is in: loading, failed, or the lines. */
function LinesSection({ busy = false, children }: { busy?: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={HEADING_ID} aria-busy={busy || undefined}>
      <LevelHeading level={2} id={HEADING_ID}>
        {t.linesHeading}
      </LevelHeading>
      {children}
    </section>
  );
}

/**
 * An initiative's funding lines, to add, change and end: on Finansiering, and as the guide's funding step (the app's
 * route for Ny insats passes it in, since features do not import each other). Its headings start at level 2 and it has
 * no page title of its own, so it fits under any page's h1. What is offered follows /me's permissions for this
 * initiative; the API decides all the same, and says why when it refuses.
 */
export function FundingLinesEditor({ initiativeId }: { initiativeId: string }) {
  const initiative = useFundingInitiative(initiativeId);
  const funding = useFundingLines(initiativeId);
  const writes = useFundingWrites(initiativeId);
  const [open, setOpen] = useState<Open>(null);
  const [announcement, setAnnouncement] = useState('');
  // After a form closes or a line changes, focus goes to a line's heading or the add button once the list shows it.
  const focusAfterRender = useFocusAfterRender();

  const owners = initiative.data
    ? [
        initiative.data.leadDepartmentId,
        ...(initiative.data.participants ?? []).filter((p) => p.role === 'co_owner').map((p) => p.departmentId),
      ]
    : [];
  const write = useMay('funding:write', { departmentIds: owners });
  const decide = useMay('funding:decide-coverage', { leadDepartmentId: initiative.data?.leadDepartmentId ?? null });

  const query = initiative.isError ? initiative : funding;
  if (initiative.isPending || funding.isPending) {
    return (
      <LinesSection busy>
        <p className={styles.muted}>{t.loading}</p>
      </LinesSection>
    );
  }
  if (query.isError) {
    const status = query.error instanceof ApiProblemError ? query.error.problem.status : 0;
    return (
      <LinesSection>
        <div role="alert">
          <p>{summaryFor(status)}</p>
          <FormButton variant="secondary" onPress={() => void query.refetch()}>
            {t.retry}
          </FormButton>
        </div>
      </LinesSection>
    );
  }

  const lines: FundingLine[] = funding.data ?? [];
  const isDraft = initiative.data?.status === 'draft';
  const done = (message: string, line: FundingLine) => {
    setOpen(null);
    setAnnouncement(message);
    focusAfterRender(focusById(lineHeadingId(line.id)));
  };
  const close = (focusId: string | null) => {
    setOpen(null);
    focusAfterRender(focusById(focusId || ADD_BUTTON_ID));
  };

  return (
    <LinesSection>
      <p className={styles.notice}>{t.publicRecords}</p>
      {!write.allowed && write.reason && (
        <p>{decide.allowed ? t.mayOnlyDecide(write.reason) : t.mayNotEdit(write.reason)}</p>
      )}
      {write.allowed && !decide.allowed && decide.reason && <p>{t.mayNotDecide(decide.reason)}</p>}
      <p role="status" className={styles.muted}>
        {announcement}
      </p>

      {write.allowed && open?.kind !== 'add' && (
        <div className={styles.toolbar}>
          <FormButton id={ADD_BUTTON_ID} onPress={() => setOpen({ kind: 'add' })}>
            {t.actions.add}
          </FormButton>
        </div>
      )}
      {open?.kind === 'add' && (
        <FundingLineForm
          initiativeId={initiativeId}
          lines={lines}
          level={3}
          onDone={(line) => done(t.announce.created(lineName(line)), line)}
          onCancel={() => close(null)}
        />
      )}

      {lines.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className={styles.lines}>
          {lines.map((line) => {
            const name = lineName(line);
            return (
              <li key={line.id}>
                <FundingLineCard
                  line={line}
                  lines={lines}
                  level={3}
                  actions={{
                    edit: write.allowed,
                    end: write.allowed && line.status !== 'ended',
                    // Only a draft's lines may go: after that they are public documents (allmänna handlingar).
                    remove: write.allowed && isDraft,
                    decide: decide.allowed,
                  }}
                  onEdit={() => setOpen({ kind: 'edit', id: line.id })}
                  onDecide={() => setOpen({ kind: 'coverage', id: line.id })}
                  onEnd={async () => {
                    try {
                      const ended = await writes.update(line, { status: 'ended' });
                      done(t.announce.ended(lineName(ended)), ended);
                      return null;
                    } catch (error) {
                      if (error instanceof ApiProblemError && error.problem.status === 412) {
                        await writes.refresh();
                        return t.end.stale;
                      }
                      return refusalText(error);
                    }
                  }}
                  onRemove={async () => {
                    try {
                      await writes.remove(line.id);
                      setAnnouncement(t.announce.removed(name));
                      close(null);
                      return null;
                    } catch (error) {
                      return refusalText(error);
                    }
                  }}
                >
                  {open?.kind === 'edit' && open.id === line.id && (
                    <FundingLineForm
                      initiativeId={initiativeId}
                      line={line}
                      lines={lines}
                      level={4}
                      onDone={(saved) => done(t.announce.saved(lineName(saved)), saved)}
                      onCancel={() => close(lineHeadingId(line.id))}
                    />
                  )}
                  {open?.kind === 'coverage' && open.id === line.id && (
                    <CoverageForm
                      initiativeId={initiativeId}
                      line={line}
                      level={4}
                      onDone={(saved) => done(t.announce.decided(lineName(saved)), saved)}
                      onCancel={() => close(lineHeadingId(line.id))}
                    />
                  )}
                </FundingLineCard>
              </li>
            );
          })}
        </ul>
      )}
    </LinesSection>
  );
}
