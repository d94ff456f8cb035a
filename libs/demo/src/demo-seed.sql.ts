import { statement } from '#common';

/* The demo seed's own statements; everything else it writes goes through the entities, like the API. */

/** One seed at a time (`$1` the seed's lock key): two starts of `npm run demo` must not both insert. */
export const SEED_LOCK_SQL = statement<never>('SELECT pg_advisory_xact_lock($1)');

/** Which of the goals `$1` have an effect-logic node already. */
export const GOALS_WITH_NODES_SQL = statement<{ goal_id: string }>(
  `SELECT DISTINCT goal_id FROM effect_nodes WHERE goal_id = ANY($1)`,
);

/** Which of the titles `$1` reporting rounds have. */
export const EXISTING_ROUNDS_SQL = statement<{ title: string }>(
  `SELECT title FROM reporting_rounds WHERE title = ANY($1)`,
);

/** Which of the titles `$1` portfolio reviews have. */
export const EXISTING_REVIEWS_SQL = statement<{ title: string }>(
  `SELECT title FROM portfolio_reviews WHERE title = ANY($1)`,
);

/** The effect links `$1` with the initiative whose chain each starts in. */
export const CREATED_EFFECT_LINKS_SQL = statement<{
  id: string;
  fromNodeId: string;
  toNodeId: string;
  initiativeId: string | null;
}>(
  `SELECT l.id, l.from_node_id AS "fromNodeId", l.to_node_id AS "toNodeId", n.initiative_id AS "initiativeId"
   FROM effect_links l JOIN effect_nodes n ON n.id = l.from_node_id WHERE l.id = ANY($1)`,
);

/** Links each indicator of `$1` (JSON: indicator id, goal code, node title) to its goal chain's node; answers the links made. */
export const LINK_DEMO_INDICATORS_SQL = statement<{
  indicatorId: string;
  effectNodeId: string;
  initiativeId: string | null;
}>(
  `WITH inserted AS (
     INSERT INTO indicator_effect_nodes (indicator_id, effect_node_id)
     SELECT w."indicatorId", n.id
       FROM jsonb_to_recordset($1::jsonb) AS w("indicatorId" uuid, "goalCode" text, title text)
       JOIN goals g ON g.code = w."goalCode"
       JOIN effect_nodes n ON n.goal_id = g.id AND n.title = w.title
     ON CONFLICT DO NOTHING
     RETURNING indicator_id, effect_node_id
   )
   SELECT i.indicator_id AS "indicatorId", i.effect_node_id AS "effectNodeId", n.initiative_id AS "initiativeId"
     FROM inserted i JOIN effect_nodes n ON n.id = i.effect_node_id`,
);

/** The initiatives with codes `$1`: whether their chain has a node, and every goal their goal links reach. */
export const DEMO_CHAIN_OWNERS_SQL = statement<{ id: string; code: string; hasNodes: boolean; reach: string[] }>(
  `WITH RECURSIVE reach(initiative_id, goal_id) AS (
     SELECT ig.initiative_id, ig.goal_id FROM initiative_goals ig JOIN initiatives i ON i.id = ig.initiative_id WHERE i.code = ANY($1)
     UNION
     SELECT r.initiative_id, g.parent_id FROM goals g JOIN reach r ON g.id = r.goal_id WHERE g.parent_id IS NOT NULL
   )
   SELECT i.id, i.code,
          EXISTS (SELECT 1 FROM effect_nodes n WHERE n.initiative_id = i.id) AS "hasNodes",
          coalesce((SELECT array_agg(r.goal_id) FROM reach r WHERE r.initiative_id = i.id), '{}') AS reach
     FROM initiatives i WHERE i.code = ANY($1)`,
);

/** Round `$1`'s status reports, one per initiative in scope (`$2` statuses), with the demo's answers `$3` (JSON, by code). */
export const INSERT_DEMO_STATUS_REPORTS_SQL = statement<{ id: string }>(
  `INSERT INTO status_reports (round_id, initiative_id, department_id, status, rag_status, progress, risks, spending_to_date_sek,
                                 submitted_by, submitted_at, decided_by, decided_at, return_comment)
     SELECT $1, i.id, i.lead_department_id, coalesce(a.status, 'pending'), a."ragStatus", a.progress, a.risks, a."spendingToDateSek",
            CASE WHEN a.code IS NOT NULL THEN coalesce(i.process_owner->>'email', 'processagare') END,
            (a."submittedOn" || ' 12:00 Europe/Stockholm')::timestamptz,
            CASE WHEN a."decidedOn" IS NOT NULL THEN 'ledningsgruppen' END,
            (a."decidedOn" || ' 12:00 Europe/Stockholm')::timestamptz,
            a."returnComment"
       FROM initiatives i
       LEFT JOIN jsonb_to_recordset($3::jsonb) AS a(code text, status text, "ragStatus" text, progress text, risks text, "spendingToDateSek" bigint,
                                                    "submittedOn" date, "decidedOn" date, "returnComment" text) ON a.code = i.code
      WHERE i.status = ANY($2)
   RETURNING id`,
);

/** Review `$1`'s decisions `$2` (JSON, by initiative code), taken on meeting day `$3`. */
export const INSERT_DEMO_DECISIONS_SQL = statement<{ id: string }>(
  `INSERT INTO portfolio_decisions (review_id, initiative_id, decision, rationale, follow_up_date, decided_by, created_at)
     SELECT $1, i.id, d.decision, d.rationale, d."followUpDate", 'ledningsgruppen', ($3::date || ' 12:00 Europe/Stockholm')::timestamptz
       FROM jsonb_to_recordset($2::jsonb) AS d("initiativeCode" text, decision text, rationale text, "followUpDate" date)
       JOIN initiatives i ON i.code = d."initiativeCode"
   RETURNING id`,
);
