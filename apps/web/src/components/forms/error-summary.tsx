import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { messages } from '../../lib/messages';
import type { FormProblem } from '../../lib/problem';
import { fieldId, focusField } from './field-id';
import styles from './forms.module.css';

/** A field's label by its path; `participants.*.role` stands for every participant's role. */
export type FieldLabels = Record<string, string> | ((path: string) => string | undefined);

export function labelFor(labels: FieldLabels, path: string): string {
  if (typeof labels === 'function') return labels(path) ?? path;
  const exact = labels[path];
  if (exact) return exact;
  const indices = [...path.matchAll(/\.(\d+)(?=\.|$)/g)].map((match) => Number(match[1]) + 1);
  const pattern = labels[path.replace(/\.\d+(?=\.|$)/g, '.*')];
  if (pattern) return indices.length > 0 ? messages.forms.rowLabel(pattern, indices) : pattern;
  return path;
}

type Props = {
  problem: FormProblem | null;
  labels: FieldLabels;
  /** The summary's heading; "Det gick inte att spara" unless the form says otherwise. */
  title?: string;
};

/**
 * What to fix, at the top of a form, after a refused save: takes focus and is announced (role="alert"), says why in
 * one sentence, and links every field error to its field (the link moves focus there). Errors for fields the form does
 * not show, unmet lifecycle guards and a server failure's error id are listed too, so nothing refused goes unsaid.
 */
export function ErrorSummary({ problem, labels, title = messages.forms.errorSummaryTitle }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  // A new refusal is a new object: focus again even when the same fields are wrong again.
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  const jump = (path: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (focusField(path)) event.preventDefault();
  };
  const fieldErrors = Object.entries(problem.fieldErrors);
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId} className={styles.errorSummary}>
      <h2 id={headingId} className={styles.errorSummaryTitle}>
        {title}
      </h2>
      <p>{problem.summary}</p>
      {fieldErrors.length + problem.otherErrors.length + problem.unmetGuards.length > 0 && (
        <ul className={styles.errorList}>
          {fieldErrors.map(([path, problems]) => (
            <li key={path}>
              <a href={`#${fieldId(path)}`} onClick={jump(path)}>
                {labelFor(labels, path)}: {problems.map((p) => p.message).join(' ')}
              </a>
            </li>
          ))}
          {problem.otherErrors.map((error) => (
            <li key={`${error.field}:${error.apiMessage}`}>
              {error.field ? `${labelFor(labels, error.field)}: ` : ''}
              {error.message}
            </li>
          ))}
          {problem.unmetGuards.map((guard) => (
            <li key={guard.guard}>{guard.message}</li>
          ))}
        </ul>
      )}
      {problem.errorIdMessage && <p>{problem.errorIdMessage}</p>}
    </div>
  );
}
