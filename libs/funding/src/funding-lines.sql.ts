import { statement } from '#common';

/** One row when following successors from funding line `$1` leads to line `$2`: naming `$1` as `$2`'s successor would make a loop. */
export const SUCCESSOR_CHAIN_REACHES_SQL = statement<{ found: 1 }>(
  `WITH RECURSIVE chain(id) AS (
     SELECT $1::uuid
     UNION
     SELECT f.successor_funding_id FROM funding_lines f JOIN chain c ON f.id = c.id WHERE f.successor_funding_id IS NOT NULL
   )
   SELECT 1 AS found FROM chain WHERE id = $2::uuid LIMIT 1`,
);
