import { statement } from '#common';

/** Keys older than `$1` (an interval), deleted by the next request that claims a key. */
export const DELETE_EXPIRED_KEYS_SQL = statement<never>(
  `DELETE FROM idempotency_keys WHERE created_at < now() - $1::interval`,
);

/** Claims key `$2` for client `$1` and request hash `$3`, unless it is claimed already. */
export const CLAIM_KEY_SQL = statement<never>(
  `INSERT INTO idempotency_keys (client_id, key, request_hash, state) VALUES ($1, $2, $3, 'running') ON CONFLICT (client_id, key) DO NOTHING`,
);

/** The claim, locked without waiting: a request still running with the key answers 409 rather than queueing. */
export const LOCK_CLAIM_SQL = statement<{
  request_hash: string;
  state: string;
  response_status: number | null;
  response_body: unknown;
}>(
  `SELECT request_hash, state, response_status, response_body FROM idempotency_keys WHERE client_id = $1 AND key = $2 FOR UPDATE NOWAIT`,
);

/** The response to replay: status `$3`, body `$4` (JSON). */
export const STORE_RESPONSE_SQL = statement<never>(
  `UPDATE idempotency_keys SET state = 'done', response_status = $3, response_body = $4 WHERE client_id = $1 AND key = $2`,
);

/** Gives a failed first attempt's key back, so a retry runs. */
export const RELEASE_KEY_SQL = statement<never>(
  `DELETE FROM idempotency_keys WHERE client_id = $1 AND key = $2 AND state = 'running'`,
);
