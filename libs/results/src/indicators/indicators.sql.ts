import { statement } from '#common';
import type { EffectLevel } from '../effect-logic/effect-node.entity.js';
import type { IndicatorLinkDto, KoladaKpiTitleDto } from './dto/indicator.dto.js';
import type { ValueArea, ValueKind } from './indicator.vocabulary.js';

export type RawPoint = { period: string; value: number; persons: number | null };
/** One cell's values, grouped by kind, each list in period order, with Sweden's beside them. */
export type RawCellValues = {
  cell: string;
  baselines: RawPoint[];
  targets: RawPoint[];
  actuals: RawPoint[];
  sweden: RawPoint[];
};

const points = (kind: ValueKind, area: ValueArea = 'municipality') =>
  `COALESCE(jsonb_agg(jsonb_build_object('period', period, 'value', value, 'persons', persons) ORDER BY period_end, period_start DESC)
            FILTER (WHERE kind = '${kind}' AND area = '${area}'), '[]')`;
/** A cell's values grouped by kind, each list in period order, and Sweden's beside them. */
const CELL_POINTS = `${points('baseline')} AS baselines, ${points('target')} AS targets, ${points('measurement')} AS actuals,
              ${points('measurement', 'sweden')} AS sweden`;

/** Every cell of indicator `$1`, the whole population (`all`) first. */
export const CELL_VALUES_SQL = statement<RawCellValues>(
  `SELECT cell, ${CELL_POINTS} FROM indicator_values WHERE indicator_id = $1
    GROUP BY cell ORDER BY cell <> 'all', cell`,
);

/** The whole population's cell of each indicator in `$1`, for the overview. */
export const ALL_CELL_VALUES_SQL = statement<RawCellValues & { indicator_id: string }>(
  `SELECT indicator_id, cell, ${CELL_POINTS} FROM indicator_values
    WHERE indicator_id = ANY($1::uuid[]) AND cell = 'all' GROUP BY indicator_id, cell`,
);

/** The Kolada KPI of each of indicator `$1`'s cells with its title; a KPI not fetched yet has none, one Kolada no longer describes keeps its last. */
export const KOLADA_TITLES_SQL = statement<KoladaKpiTitleDto>(
  `SELECT e.key AS cell, e.value AS kpi, k.title
     FROM indicators i CROSS JOIN jsonb_each_text(i.kolada_kpis) AS e LEFT JOIN kolada_kpis k ON k.id = e.value
    WHERE i.id = $1 ORDER BY e.key <> 'all', e.key`,
);

/** Whether department `$1` exists (a read of reference data's table, docs/adr/0003-cross-context-reads.md). */
export const DEPARTMENT_EXISTS_SQL = statement<{ found: 1 }>(`SELECT 1 AS found FROM departments WHERE id = $1`);

/** Node `$1`'s level, held FOR SHARE: a level change waits until the link is in, and is then judged with it. */
export const SHARE_NODE_LEVEL_SQL = statement<{ level: EffectLevel }>(
  `SELECT level FROM effect_nodes WHERE id = $1 FOR SHARE`,
);

/** Links indicator `$2` to node `$1`; no row when they were linked already. */
export const LINK_INDICATOR_SQL = statement<IndicatorLinkDto>(
  `INSERT INTO indicator_effect_nodes (effect_node_id, indicator_id) VALUES ($1, $2) ON CONFLICT DO NOTHING
   RETURNING effect_node_id AS "effectNodeId", indicator_id AS "indicatorId", created_at AS "createdAt"`,
);

/**
 * Inserts indicator `$1`'s values (`$2`, a JSON array) in one statement; a value whose (period, cell, kind) is taken
 * is skipped and not returned. The rows are the table's, as stored (fromRow reads them).
 */
export const INSERT_VALUES_SQL = statement<Record<string, unknown>>(
  `INSERT INTO indicator_values (indicator_id, kind, period, period_start, period_end, cell, value, numerator, denominator, persons, source_note)
   SELECT $1, r.kind, r.period, r.period_start, r.period_end, r.cell, r.value, r.numerator, r.denominator, r.persons, r.source_note
     FROM jsonb_to_recordset($2::jsonb) AS r(kind varchar, period varchar, period_start date, period_end date, cell varchar,
                                             value numeric, numerator numeric, denominator numeric, persons int, source_note text)
   ON CONFLICT ON CONSTRAINT ux_indicator_values_point DO NOTHING
   RETURNING *`,
);

/** How many indicators measure node `$1`. */
export const NODE_INDICATOR_COUNT_SQL = statement<{ n: number }>(
  `SELECT count(*)::int AS n FROM indicator_effect_nodes WHERE effect_node_id = $1`,
);
