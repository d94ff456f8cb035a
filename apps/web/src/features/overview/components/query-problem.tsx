import { Button } from 'react-aria-components';
import { ApiProblemError } from '../../../lib/api-client';
import { messages } from '../../../lib/messages';
import { summaryFor } from '../../../lib/problem';
import styles from './overview.module.css';
import { overviewMessages } from '../messages';

/** A read that failed: what failed, what to do (in Swedish, by the problem's status), and a way to try again. */
export function QueryProblem({ error, message, onRetry }: { error: unknown; message: string; onRetry: () => void }) {
  const problem = error instanceof ApiProblemError ? error.problem : undefined;
  return (
    <div role="alert" className={styles.problem}>
      <p>
        <strong>{message}</strong> {summaryFor(problem?.status ?? 0)}
      </p>
      {problem?.errorId ? <p>{messages.problem.errorId(problem.errorId)}</p> : null}
      <Button className={styles.button} onPress={onRetry}>
        {overviewMessages.retry}
      </Button>
    </div>
  );
}
