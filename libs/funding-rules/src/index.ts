/**
 * The funding context's rules in SQL, published below #portfolio so that every context applies the same rule: the
 * initiative list (when temporary money ends), the grant scans, the funding cliff, the summary and the export.
 * Pure statement builders over funding_lines, importing only #common (docs/adr/0004-layers.md).
 */
export { monthlyShareSql } from './monthly-share.sql.js';
export { GRANTED_FUNDING_STATUSES, takenOverJoinSql } from './taken-over.sql.js';
