import { statement } from '#common';

/** Opens a run's row unless it has one; an INSERT meeting the API's uncommitted row waits for it, then does nothing. */
export const OPEN_JOB_RUN_SQL = statement<never>(
  `INSERT INTO job_runs (id, job_name, as_of, status) VALUES ($1, $2, $3, 'queued') ON CONFLICT (id) DO NOTHING`,
);

/** Marks an attempt started and answers the day the run is as of. */
export const START_JOB_RUN_SQL = statement<{ asOf: string }>(
  `UPDATE job_runs SET status = 'running', attempts = attempts + 1, started_at = now(), finished_at = NULL WHERE id = $1 RETURNING to_char(as_of, 'YYYY-MM-DD') AS "asOf"`,
);

export const COMPLETE_JOB_RUN_SQL = statement<never>(
  `UPDATE job_runs SET status = 'completed', counts = $2, error = NULL, finished_at = now() WHERE id = $1`,
);

/** `$2` is `queued` while a retry is left, else `failed`. */
export const FAIL_JOB_RUN_SQL = statement<never>(
  `UPDATE job_runs SET status = $2, error = $3, finished_at = CASE WHEN $2 = 'failed' THEN now() END WHERE id = $1`,
);
