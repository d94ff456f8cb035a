import { useEffect, useId, useRef, useState, type BaseSyntheticEvent, type ReactNode } from 'react';
import buttons from '../../../components/buttons.module.css';
import { ErrorSummary, type FieldLabels } from '../../../components/forms/error-summary';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import type { FormProblem } from '../../../lib/problem';
import { administrationMessages } from '../messages';
import styles from './administration.module.css';

const s = administrationMessages.stale;

/** What the form says when a save is refused because someone else saved first (412), and how it reads the latest. */
export type StaleTexts = { title: string; body: string; onReload: () => Promise<unknown> };

type Props = {
  id: string;
  heading: string;
  /** 3 for a form inside a list under the page's h2 headings. */
  level?: 2 | 3;
  problem: FormProblem | null;
  labels: FieldLabels;
  stale?: StaleTexts;
  /** Opened again on what is saved now, after "Hämta det senaste": focus goes to the sentence saying so. */
  reloaded?: boolean;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  pending: boolean;
  texts: { save: string; saving: string; cancel: string };
  onCancel: () => void;
  children: ReactNode;
};

/**
 * A record's form on an administration screen: its heading takes focus when it opens, the API's refusals land on the
 * fields behind the error summary, and a save refused because someone else saved first offers the latest instead.
 */
export function AdminForm({
  id,
  heading,
  level = 2,
  problem,
  labels,
  stale,
  reloaded = false,
  onSubmit,
  pending,
  texts,
  onCancel,
  children,
}: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const noteRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => (reloaded ? noteRef.current : headingRef.current)?.focus(), [reloaded]);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id} className={`${styles.section} ${styles.panel}`}>
      <Heading id={id} ref={headingRef} tabIndex={-1}>
        {heading}
      </Heading>
      {reloaded ? (
        <p ref={noteRef} tabIndex={-1} className={styles.notice}>
          {s.reloaded}
        </p>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        {stale && problem?.kind === 'stale' ? (
          <StaleNotice {...stale} />
        ) : (
          <ErrorSummary problem={problem} labels={labels} />
        )}
        {children}
        <FormActions>
          <FormButton type="submit">{pending ? texts.saving : texts.save}</FormButton>
          <FormButton variant="secondary" onPress={onCancel} isDisabled={pending}>
            {texts.cancel}
          </FormButton>
        </FormActions>
      </form>
    </section>
  );
}

/** Someone else saved first: nothing of this person's is saved; "Hämta det senaste" opens the form on what is saved now. */
function StaleNotice({ title, body, onReload }: StaleTexts) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [pending, setPending] = useState(false);
  useEffect(() => ref.current?.focus(), []);
  const reload = async () => {
    if (pending) return;
    setPending(true);
    try {
      await onReload();
    } finally {
      setPending(false);
    }
  };
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId} className={styles.error}>
      <p>
        <strong id={titleId}>{title}</strong>
      </p>
      <p>{body}</p>
      <button type="button" className={buttons.button} onClick={() => void reload()}>
        {pending ? s.reloading : s.reload}
      </button>
    </div>
  );
}
