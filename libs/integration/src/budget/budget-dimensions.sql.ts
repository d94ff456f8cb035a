import { statement } from '#common';

/**
 * Replaces dimension `$1`'s code list with the codes `$2` (labels `$3`, valid from `$4`, to `$5`) in one statement:
 * codes not listed are deleted, new ones inserted, changed ones updated, unchanged ones left alone. Answers the counts.
 */
export const REPLACE_DIMENSION_CODES_SQL = statement<{
  codes_before: number;
  inserted: number;
  updated: number;
  removed: number;
}>(
  `WITH incoming AS (
     SELECT * FROM unnest($2::varchar[], $3::varchar[], $4::date[], $5::date[]) AS i(code, label, valid_from, valid_to)
   ), removed AS (
     DELETE FROM budget_dimension_codes c
     WHERE c.dimension_code = $1 AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.code = c.code)
     RETURNING 1
   ), written AS (
     INSERT INTO budget_dimension_codes (dimension_code, code, label, valid_from, valid_to)
     SELECT $1, code, label, valid_from, valid_to FROM incoming ORDER BY code
     ON CONFLICT (dimension_code, code) DO UPDATE SET label = EXCLUDED.label, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to
       WHERE (budget_dimension_codes.label, budget_dimension_codes.valid_from, budget_dimension_codes.valid_to)
             IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.valid_from, EXCLUDED.valid_to)
     RETURNING xmax = 0 AS inserted
   )
   SELECT (SELECT count(*)::int FROM budget_dimension_codes WHERE dimension_code = $1) AS codes_before,
          (SELECT count(*)::int FROM written WHERE inserted) AS inserted,
          (SELECT count(*)::int FROM written WHERE NOT inserted) AS updated,
          (SELECT count(*)::int FROM removed) AS removed`,
);
