import { statement, type Statement } from '#common';
import type { GuardFacts, InitiativeStatus } from './initiative-lifecycle.js';

/** Locks the initiative's row; no row means no such initiative. */
export function lockInitiativeSql(lock: 'FOR UPDATE' | 'FOR SHARE'): Statement<{ found: 1 }> {
  return statement(`SELECT 1 AS found FROM initiatives WHERE id = $1 ${lock}`);
}

/** Everything the lifecycle guards look at, in one query. Rejected funding applications are not funding. */
export const GUARD_FACTS_SQL = statement<GuardFacts & { status: InitiativeStatus }>(
  `SELECT i.status,
          i.lead_department_id AS "leadDepartmentId",
          (SELECT count(*)::int FROM initiative_goals g WHERE g.initiative_id = i.id) AS "goalCount",
          (SELECT count(*)::int FROM funding_lines f WHERE f.initiative_id = i.id AND f.status <> 'rejected') AS "fundingLineCount",
          i.follow_up_plan IS NOT NULL AS "hasFollowUpPlan",
          i.start_date AS "startDate"
     FROM initiatives i
    WHERE i.id = $1`,
);

/** A move's own write: the status, and the version an If-Match compares with. */
export const SET_STATUS_SQL = statement<never>(
  `UPDATE initiatives SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`,
);
