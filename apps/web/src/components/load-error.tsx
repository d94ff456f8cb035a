import { ApiProblemError } from '../lib/api-client';
import { messages } from '../lib/messages';
import { summaryFor } from '../lib/problem';
import buttons from './buttons.module.css';
import styles from './load-error.module.css';

/**
 * A read that failed, the same on every page: what failed (when the page names it), what to do in Swedish by the
 * problem's status, the error id to quote to support, and a way to try again. An alert, so it is announced.
 */
export function LoadError({ error, message, onRetry }: { error: unknown; message?: string; onRetry: () => void }) {
  const problem = error instanceof ApiProblemError ? error.problem : undefined;
  return (
    <div role="alert" className={styles.loadError}>
      <p>
        {message ? <strong>{message}</strong> : null} {summaryFor(problem?.status ?? 0)}
      </p>
      {problem?.errorId ? <p>{messages.problem.errorId(problem.errorId)}</p> : null}
      <button type="button" className={buttons.outlined} onClick={onRetry}>
        {messages.loadError.retry}
      </button>
    </div>
  );
}
