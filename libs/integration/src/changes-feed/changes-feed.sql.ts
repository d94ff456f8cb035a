import { statement } from '#common';
import type { CoverageDecision, FundingStatus } from '#funding';
import type { InitiativeKind, InitiativeStatus } from '#portfolio';
import type { FeedEntityKind } from './changes-feed.dto.js';

/** A change of the page and the record's state as of it (nulls for a tombstone's columns). */
export type FeedRow = {
  xid: string;
  position: string;
  kind: FeedEntityKind;
  id: string;
  deleted: boolean;
  code: string;
  title: string;
  initiative_kind: InitiativeKind;
  status: InitiativeStatus;
  lead_department_code: string | null;
  budget_project_code: string | null;
  start_date: string | null;
  end_date: string | null;
  annual_cost_sek: string | null;
  version: number;
  updated_at: Date;
  initiative_id: string;
  initiative_code: string;
  source_type: string;
  funder: string;
  decision_reference: string | null;
  amount_sek: string;
  period_start: string;
  period_end: string;
  funding_status: FundingStatus;
  renewable: boolean;
  successor_funding_id: string | null;
  funding_budget_project_code: string | null;
  coverage_decision: CoverageDecision;
  coverage_decided_on: string | null;
  funding_version: number;
  funding_updated_at: Date;
};

/**
 * One page of the changes feed, in one statement so the horizon, the changes and the records' state come from the
 * same snapshot. $1 xid and $2 position of the cursor, $3 the page size plus one (to tell whether more follow).
 *
 * - Horizon: only changes of transactions below the snapshot's xmin. Every transaction that could still commit has
 *   an xid at or above it, so nothing can later appear behind a cursor taken from this page.
 * - A change that a later visible change of the same record supersedes is skipped: the record is sent once, at its
 *   latest change, with its state as of that change (a later committed change is always visible here too).
 * - A record that no longer exists (a deleted draft, or a funding line deleted with it) comes back as a tombstone.
 */
export const CHANGES_FEED_PAGE_SQL = statement<FeedRow>(`
WITH page AS (
  SELECT f.xid, f.position, f.entity_kind, f.entity_id
  FROM change_feed f
  WHERE (f.xid, f.position) > ($1::xid8, $2::bigint)
    AND f.xid < pg_snapshot_xmin(pg_current_snapshot())
    AND NOT EXISTS (
      SELECT 1 FROM change_feed later
      WHERE later.entity_id = f.entity_id AND later.entity_kind = f.entity_kind
        AND (later.xid, later.position) > (f.xid, f.position))
  ORDER BY f.xid, f.position
  LIMIT $3
)
SELECT page.xid::text AS xid, page.position::text AS position, page.entity_kind AS kind, page.entity_id AS id,
  i.id IS NULL AND fl.id IS NULL AS deleted,
  i.code, i.title, i.kind AS initiative_kind, i.status, d.code AS lead_department_code, i.budget_project_code,
  i.start_date::text AS start_date, i.end_date::text AS end_date, i.annual_cost_sek::text AS annual_cost_sek,
  i.version, i.updated_at,
  fl.initiative_id, fi.code AS initiative_code, fl.source_type, fl.funder, fl.decision_reference,
  fl.amount_sek::text AS amount_sek, fl.period_start::text AS period_start, fl.period_end::text AS period_end,
  fl.status AS funding_status, fl.renewable, fl.successor_funding_id, fl.budget_project_code AS funding_budget_project_code,
  fl.coverage_decision, fl.coverage_decided_on::text AS coverage_decided_on,
  fl.version AS funding_version, fl.updated_at AS funding_updated_at
FROM page
LEFT JOIN initiatives i ON page.entity_kind = 'initiative' AND i.id = page.entity_id
LEFT JOIN departments d ON d.id = i.lead_department_id
LEFT JOIN funding_lines fl ON page.entity_kind = 'funding_line' AND fl.id = page.entity_id
LEFT JOIN initiatives fi ON fi.id = fl.initiative_id
ORDER BY page.xid, page.position`);
