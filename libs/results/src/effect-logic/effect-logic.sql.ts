import { statement, type Statement } from '#common';
import type { ChainOwnerRef, EffectGraphLink, EffectGraphNode } from './effect-graph.js';
import type { GraphNode, NeighbourLink } from './effect-graph.rules.js';
import type { EffectLinkEntity } from './effect-node.entity.js';

/** Who owns a chain: an initiative or a goal, by the column of effect_nodes and the table it names. */
export type OwnerKind = ChainOwnerRef['kind'];
const OWNER_COLUMN: Record<OwnerKind, 'initiative_id' | 'goal_id'> = { initiative: 'initiative_id', goal: 'goal_id' };
const OWNER_TABLE: Record<OwnerKind, 'initiatives' | 'goals'> = { initiative: 'initiatives', goal: 'goals' };

/** The chain's owner `$1` as the graph names it (`$2` its kind); no row when there is none. */
export function chainOwnerSql(kind: OwnerKind): Statement<ChainOwnerRef> {
  return statement(`SELECT $2::text AS kind, id, code, title FROM ${OWNER_TABLE[kind]} WHERE id = $1`);
}

/** Locks node `$1` against links being created to or from it (they hold it FOR SHARE). */
export const LOCK_NODE_SQL = statement<{ found: 1 }>(`SELECT 1 AS found FROM effect_nodes WHERE id = $1 FOR UPDATE`);

/** The titles of the other chains (not initiative `$2` or goal `$3`) with a link into node `$1`. */
export const OTHER_CHAINS_LINKING_IN_SQL = statement<{ others: string[] }>(
  `SELECT COALESCE(array_agg(DISTINCT COALESCE(i.title, g.title) ORDER BY COALESCE(i.title, g.title)), '{}') AS others
   FROM effect_links l
   JOIN effect_nodes f ON f.id = l.from_node_id
   LEFT JOIN initiatives i ON i.id = f.initiative_id
   LEFT JOIN goals g ON g.id = f.goal_id
  WHERE l.to_node_id = $1 AND (f.initiative_id IS DISTINCT FROM $2 OR f.goal_id IS DISTINCT FROM $3)`,
);

/** Deletes every link to or from node `$1` and answers them, for the audit trail. */
export const DELETE_NODE_LINKS_SQL = statement<Pick<EffectLinkEntity, 'id' | 'fromNodeId' | 'toNodeId' | 'createdAt'>>(
  `DELETE FROM effect_links WHERE from_node_id = $1 OR to_node_id = $1
   RETURNING id, from_node_id AS "fromNodeId", to_node_id AS "toNodeId", created_at AS "createdAt"`,
);

/** Both ends of a link to be, `$1` and `$2`, read again under FOR SHARE in id order. */
export const LOCK_LINK_ENDS_SQL = statement<GraphNode>(
  `SELECT id, level, initiative_id AS "initiativeId", goal_id AS "goalId" FROM effect_nodes WHERE id IN ($1, $2) ORDER BY id FOR SHARE`,
);

/**
 * The nodes of owner `$1`'s chain and those its links point into, each with its owner and indicators, and with `$2`
 * (a goal's graph) the initiatives contributing to it: those with a node that has a path to it, through any chain.
 */
export function graphNodesSql(kind: OwnerKind): Statement<EffectGraphNode> {
  const column = OWNER_COLUMN[kind];
  return statement(
    `WITH RECURSIVE own AS (SELECT id FROM effect_nodes WHERE ${column} = $1),
   graph_nodes AS (
     SELECT id FROM own
     UNION
     SELECT l.to_node_id FROM effect_links l JOIN own o ON o.id = l.from_node_id
   ),
   -- Every (node of the graph, node with a path to it); UNION ends the walk, as the levels keep the graph acyclic.
   upstream(target_id, node_id) AS (
     SELECT id, id FROM graph_nodes WHERE $2
     UNION
     SELECT u.target_id, l.from_node_id FROM upstream u JOIN effect_links l ON l.to_node_id = u.node_id
   ),
   contributions AS (
     SELECT DISTINCT u.target_id, i.id, i.code, i.title
       FROM upstream u JOIN effect_nodes s ON s.id = u.node_id JOIN initiatives i ON i.id = s.initiative_id
   )
   SELECT n.id, n.level, n.title, n.description, n.initiative_id AS "initiativeId", n.goal_id AS "goalId", n.version,
          jsonb_build_object(
            'kind', CASE WHEN n.initiative_id IS NULL THEN 'goal' ELSE 'initiative' END,
            'id', COALESCE(i.id, g.id), 'code', COALESCE(i.code, g.code), 'title', COALESCE(i.title, g.title)
          ) AS owner,
          CASE WHEN $2 THEN COALESCE(
            (SELECT jsonb_agg(jsonb_build_object('id', c.id, 'code', c.code, 'title', c.title) ORDER BY c.code, c.id)
               FROM contributions c WHERE c.target_id = n.id),
            '[]'::jsonb) END AS contributors,
          COALESCE(
            (SELECT jsonb_agg(jsonb_build_object('id', ind.id, 'code', ind.code, 'name', ind.name) ORDER BY ind.code, ind.id)
               FROM indicator_effect_nodes ien JOIN indicators ind ON ind.id = ien.indicator_id WHERE ien.effect_node_id = n.id),
            '[]'::jsonb) AS indicators
     FROM graph_nodes gn
     JOIN effect_nodes n ON n.id = gn.id
     LEFT JOIN initiatives i ON i.id = n.initiative_id
     LEFT JOIN goals g ON g.id = n.goal_id`,
  );
}

/** The links that start in owner `$1`'s chain. */
export function graphLinksSql(kind: OwnerKind): Statement<EffectGraphLink> {
  return statement(
    `SELECT l.id, l.from_node_id AS "fromNodeId", l.to_node_id AS "toNodeId"
       FROM effect_links l JOIN effect_nodes f ON f.id = l.from_node_id
      WHERE f.${OWNER_COLUMN[kind]} = $1`,
  );
}

/**
 * The goal chains initiative `$1`'s nodes may link into (its goals and every goal above them) that have any node: by
 * the goal's place in the tree, top down, then title.
 */
export const GOAL_CHAINS_IN_REACH_SQL = statement<ChainOwnerRef>(
  `WITH RECURSIVE reach(id, depth) AS (
     SELECT goal_id, 0 FROM initiative_goals WHERE initiative_id = $1
     UNION
     SELECT g.parent_id, r.depth + 1 FROM goals g JOIN reach r ON g.id = r.id WHERE g.parent_id IS NOT NULL
   )
   SELECT 'goal' AS kind, g.id, g.code, g.title
     FROM goals g JOIN (SELECT id, max(depth) AS depth FROM reach GROUP BY id) r ON r.id = g.id
    WHERE EXISTS (SELECT 1 FROM effect_nodes n WHERE n.goal_id = g.id)
    ORDER BY r.depth DESC, g.title, g.id`,
);

/** Whether owner `$1` exists. */
export function ownerExistsSql(kind: OwnerKind): Statement<{ found: 1 }> {
  return statement(`SELECT 1 AS found FROM ${OWNER_TABLE[kind]} WHERE id = $1`);
}

/** Holds the goal tree's shape still (a goal is moved under the exclusive lock) while the reach is used. */
export const SHARE_GOAL_TREE_SQL = statement<never>(
  `SELECT pg_advisory_xact_lock_shared(hashtext('samla.goals.tree'))`,
);

/** The goals initiative `$1` is linked to and every goal above them. */
export const GOALS_IN_REACH_SQL = statement<{ id: string }>(
  `WITH RECURSIVE reach(id) AS (
     SELECT goal_id FROM initiative_goals WHERE initiative_id = $1
     UNION
     SELECT g.parent_id FROM goals g JOIN reach r ON g.id = r.id WHERE g.parent_id IS NOT NULL
   )
   SELECT id FROM reach`,
);

/** The links of node `$1` with the other ends' current levels. */
const NEIGHBOURS = `SELECT l.to_node_id AS id, 'out' AS direction, n.level FROM effect_links l JOIN effect_nodes n ON n.id = l.to_node_id WHERE l.from_node_id = $1
                    UNION ALL
                    SELECT l.from_node_id, 'in', n.level FROM effect_links l JOIN effect_nodes n ON n.id = l.from_node_id WHERE l.to_node_id = $1`;

export const NEIGHBOURS_SQL = statement<NeighbourLink & { id: string }>(NEIGHBOURS);

/** Locks node `$1` and every node linked to it, FOR UPDATE in id order, in one statement. */
export const LOCK_NEIGHBOURHOOD_SQL = statement<{ id: string }>(
  `SELECT id FROM effect_nodes WHERE id = $1 OR id IN (SELECT id FROM (${NEIGHBOURS}) nb) ORDER BY id FOR UPDATE`,
);
