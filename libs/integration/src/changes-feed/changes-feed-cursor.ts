/**
 * A place in the changes feed: the (transaction id, position) of the last change a client has read. Opaque to the
 * client (base64url), so the encoding may change; `v1` names this one. Both parts are decimal strings, because
 * a transaction id (xid8) runs to 2^64 − 1, past what a JS number holds exactly.
 */
export type ChangesFeedCursor = { xid: string; position: string };

/** Before every change: the feed from the start. */
export const FEED_START: ChangesFeedCursor = { xid: '0', position: '0' };

const XID_MAX = 2n ** 64n - 1n;
const POSITION_MAX = 2n ** 63n - 1n;
const PLAIN = /^v1\.(0|[1-9]\d{0,19})\.(0|[1-9]\d{0,18})$/;

export function encodeCursor(cursor: ChangesFeedCursor): string {
  return Buffer.from(`v1.${cursor.xid}.${cursor.position}`, 'utf8').toString('base64url');
}

/** The cursor, or null for anything this code did not write (tampered, truncated, another version). */
export function decodeCursor(value: string): ChangesFeedCursor | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) return null;
  const plain = Buffer.from(value, 'base64url').toString('utf8');
  const match = PLAIN.exec(plain);
  // Node decodes leniently (stray trailing bits): only the canonical spelling of a cursor is one.
  if (!match || encodeCursor({ xid: match[1], position: match[2] }) !== value) return null;
  if (BigInt(match[1]) > XID_MAX || BigInt(match[2]) > POSITION_MAX) return null;
  return { xid: match[1], position: match[2] };
}
