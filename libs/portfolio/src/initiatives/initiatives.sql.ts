import { statement, type Statement } from '#common';
import type { InitiativeStatus } from '../lifecycle/initiative-lifecycle.js';

/** The departments that may write an initiative and what belongs to it (design: Identity): its lead and its co-owners. */
export type InitiativeOwnership = { status: InitiativeStatus; leadDepartmentId: string | null; coOwnerIds: string[] };

/** An initiative's link tables and the column each links it to (goals, target groups, districts). */
export type LinkTable =
  | { table: 'initiative_goals'; column: 'goal_id' }
  | { table: 'initiative_target_groups'; column: 'target_group_id' }
  | { table: 'initiative_districts'; column: 'district_id' };

/** Links many initiatives at once: `$1` initiative ids, `$2` the linked ids, pairwise. */
export function insertLinkPairsSql({ table, column }: LinkTable): Statement<never> {
  return statement(`INSERT INTO ${table} (initiative_id, ${column}) SELECT * FROM unnest($1::uuid[], $2::uuid[])`);
}

/** Links initiative `$1` to every id in `$2`. */
export function insertLinksSql({ table, column }: LinkTable): Statement<never> {
  return statement(`INSERT INTO ${table} (initiative_id, ${column}) SELECT $1, unnest($2::uuid[])`);
}

/** Drops every link of initiative `$1` in the table, before the new set is written. */
export function deleteLinksSql({ table }: LinkTable): Statement<never> {
  return statement(`DELETE FROM ${table} WHERE initiative_id = $1`);
}

/**
 * Which of the ids `$1` are indicators. Read by table name: indicators live in the results context, which builds on
 * the portfolio, so the portfolio cannot import them (docs/adr/0003-cross-context-reads.md).
 */
export const KNOWN_INDICATORS_SQL = statement<{ id: string }>(`SELECT id FROM indicators WHERE id = ANY($1::uuid[])`);

/** Who owns initiative `$1`: its status, lead and co-owners. */
export const INITIATIVE_OWNERSHIP_SQL = statement<InitiativeOwnership>(
  `SELECT i.status,
          i.lead_department_id AS "leadDepartmentId",
          ARRAY(SELECT p.department_id::text FROM initiative_participants p WHERE p.initiative_id = i.id AND p.role = 'co_owner') AS "coOwnerIds"
     FROM initiatives i
    WHERE i.id = $1`,
);

export const GOAL_LINKS: LinkTable = { table: 'initiative_goals', column: 'goal_id' };
export const TARGET_GROUP_LINKS: LinkTable = { table: 'initiative_target_groups', column: 'target_group_id' };
export const DISTRICT_LINKS: LinkTable = { table: 'initiative_districts', column: 'district_id' };
