import { statement } from '#common';
import type { KoladaIndicator } from './kolada-mapping.js';

/** The indicators Kolada feeds, with the KPI of each cell. */
export const KOLADA_INDICATORS_SQL = statement<KoladaIndicator>(
  `SELECT id, breakdowns, kolada_kpis AS "koladaKpis" FROM indicators WHERE source = 'kolada' ORDER BY code`,
);

/**
 * Every point (`$1`, a JSON array) in one statement, noted with the fetch time in time zone `$2`; a point whose value
 * is unchanged is left as it is. Answers how many were written.
 */
export const UPSERT_KOLADA_VALUES_SQL = statement<{ written: number }>(
  `WITH written AS (
     INSERT INTO indicator_values (indicator_id, kind, area, period, period_start, period_end, cell, value, source_note)
     SELECT p."indicatorId", 'measurement', p.area, p.period, make_date(p.period::int, 1, 1), make_date(p.period::int, 12, 31), p.cell, p.value,
            'Kolada ' || p.kpi || ' hämtad ' || to_char(now() AT TIME ZONE $2, 'YYYY-MM-DD HH24:MI')
       FROM jsonb_to_recordset($1::jsonb) AS p("indicatorId" uuid, kpi text, area varchar, period varchar, cell varchar, value numeric)
     ON CONFLICT ON CONSTRAINT ux_indicator_values_point DO UPDATE
       -- Kolada's figure replaces the whole value: a share's parts recorded by hand no longer match it.
       SET value = EXCLUDED.value, numerator = NULL, denominator = NULL, persons = NULL, source_note = EXCLUDED.source_note,
           version = indicator_values.version + 1, updated_at = now()
       WHERE indicator_values.value IS DISTINCT FROM EXCLUDED.value
     RETURNING 1
   )
   SELECT count(*)::int AS written FROM written`,
);

/** One upsert of the KPIs Kolada described (`$1`, a JSON array); a KPI it no longer describes keeps its last row. */
export const UPSERT_KOLADA_KPIS_SQL = statement<never>(
  `INSERT INTO kolada_kpis (id, title, description, operating_area, has_ou_data, fetched_at)
   SELECT DISTINCT ON (k.id) k.id, k.title, k.description, k.operating_area, k.has_ou_data, now()
     FROM jsonb_to_recordset($1::jsonb) AS k(id varchar, title text, description text, operating_area text, has_ou_data boolean)
    ORDER BY k.id
   ON CONFLICT (id) DO UPDATE
     SET title = EXCLUDED.title, description = EXCLUDED.description, operating_area = EXCLUDED.operating_area,
         has_ou_data = EXCLUDED.has_ou_data, fetched_at = EXCLUDED.fetched_at`,
);
