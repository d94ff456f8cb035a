import { statement } from '#common';

/**
 * The code and name of the initiatives `$1` and departments `$2` alerts point at, one statement for a page of alerts
 * (read-only reads of other contexts' tables, docs/adr/0003-cross-context-reads.md).
 */
export const ALERT_SUBJECT_NAMES_SQL = statement<{
  kind: 'initiative' | 'department';
  id: string;
  code: string;
  name: string;
}>(
  `SELECT 'initiative' AS kind, id, code, title AS name FROM initiatives WHERE id = ANY($1::uuid[])
   UNION ALL
   SELECT 'department' AS kind, id, code, name FROM departments WHERE id = ANY($2::uuid[])`,
);
