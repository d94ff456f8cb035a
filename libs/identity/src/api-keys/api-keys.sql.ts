import { statement } from '#common';

/** Records a key's use at most once per `$2` seconds, so replicas racing on the same minute write once between them. */
export const TOUCH_API_KEY_SQL = statement<never>(
  `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= now() - make_interval(secs => $2))`,
);
