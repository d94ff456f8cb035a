/**
 * The funding context's SQL rules alone, without its entities and services, for a context that #funding itself
 * depends on (portfolio's initiative list reads when temporary money ends). Import as `#funding/sql`; importing
 * `#funding` from there would be a cycle.
 */
export { GRANTED_FUNDING_STATUSES, takenOverJoinSql } from './funding-cliff/taken-over.sql.js';
export { monthlyShareSql } from './funding-cliff/monthly-share.sql.js';
