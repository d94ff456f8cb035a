import type { Findings } from '#alerts';
import { bound, sqlParams, statement, type BoundStatement, type Page, type SqlParam, type Statement } from '#common';
import { priorityAreasCtes } from '../summary/portfolio-summary.sql.js';
import { OVERLAP_OPEN_STATUSES, OVERLAP_WEIGHTS } from './overlap-rules.js';
import type { OverlapPairDto } from './overlaps.dto.js';

const OUTCOME_LEVELS = ['short_term_outcome', 'long_term_outcome', 'impact'];

/**
 * The facts an overlap rests on, per initiative of `scope` (a CTE with the initiatives' rows): `tgs`, `dists`,
 * `areas` (the priority areas above its goals, as the summary finds them), `outcomes` (outcome-level nodes its own
 * effect-logic nodes lead to, following links: a goal chain's outcome that two initiatives link into is shared) and
 * `facts` with counts and `fingerprint`, an md5 of all of them plus title and summary. A verdict stores the
 * pair's fingerprint; the same builder computes it now, so any change to these facts wakes the pair, and nothing
 * else does. Needs `WITH RECURSIVE`.
 */
function factsCtes(scope: string, param: SqlParam): string {
  const agg = (cte: string, key: string) =>
    `(SELECT initiative_id, count(*)::int AS n, array_agg(${key} ORDER BY ${key}) AS keys FROM ${cte} GROUP BY 1)`;
  return `${priorityAreasCtes(scope)},
    reach(initiative_id, node_id) AS (
      SELECT n.initiative_id, n.id FROM effect_nodes n JOIN ${scope} s ON s.id = n.initiative_id
      UNION
      SELECT r.initiative_id, l.to_node_id FROM reach r JOIN effect_links l ON l.from_node_id = r.node_id
    ),
    outcomes AS (
      SELECT DISTINCT r.initiative_id, n.id, n.title FROM reach r JOIN effect_nodes n ON n.id = r.node_id
       WHERE n.level = ANY(${param(OUTCOME_LEVELS)}::text[])
    ),
    tgs AS (
      SELECT x.initiative_id, t.code, t.name FROM initiative_target_groups x JOIN ${scope} s ON s.id = x.initiative_id JOIN target_groups t ON t.id = x.target_group_id
    ),
    dists AS (
      SELECT x.initiative_id, d.code, d.name FROM initiative_districts x JOIN ${scope} s ON s.id = x.initiative_id JOIN districts d ON d.id = x.district_id
    ),
    facts AS (
      SELECT s.id, s.code, s.title, s.status, s.lead_department_id, s.created_at,
             COALESCE(t.n, 0) AS n_tg, COALESCE(d.n, 0) AS n_d, COALESCE(a.n, 0) AS n_a, COALESCE(o.n, 0) AS n_o,
             md5(jsonb_build_array(s.title, s.summary, t.keys, d.keys, a.keys, o.keys)::text) AS fingerprint
        FROM ${scope} s
        LEFT JOIN ${agg('tgs', 'code')} t ON t.initiative_id = s.id
        LEFT JOIN ${agg('dists', 'code')} d ON d.initiative_id = s.id
        LEFT JOIN ${agg('areas', 'id')} a ON a.initiative_id = s.id
        LEFT JOIN ${agg('outcomes', 'id')} o ON o.initiative_id = s.id
    )`;
}

/** A pair's fingerprint from its two `facts` rows, the lower id first. */
const pairFingerprint = (a: string, b: string) => `md5(${a}.fingerprint || ${b}.fingerprint)`;

/** The fingerprint of the pair (a, b), `a < b`, as the overlaps list computes it now. */
export function buildPairFingerprintSql(a: string, b: string): BoundStatement<{ fingerprint: string }> {
  const { values, param } = sqlParams();
  const sql = `
    WITH RECURSIVE pair_scope AS (SELECT * FROM initiatives WHERE id IN (${param(a)}::uuid, ${param(b)}::uuid)),
    ${factsCtes('pair_scope', param)}
    SELECT ${pairFingerprint('fa', 'fb')} AS fingerprint FROM facts fa JOIN facts fb ON fb.id = ${param(b)}::uuid WHERE fa.id = ${param(a)}::uuid`;
  return bound(sql, values);
}

/** A drain's statements, in the order drainOverlapOutbox runs them. */
export type DrainStatements = {
  prepare: Statement<never>[];
  counts: Statement<{ noted: number; dirty: number; gone: number }>;
  /** Only when something is dirty or gone: the facts of the dirty initiatives and their candidate partners. */
  facts: Statement<never>[];
  forget: Statement<never>[];
  remember: Statement<never>;
  rescore: Statement<never>;
  /** Exactly the outbox rows this drain read: rows noted meanwhile stay for the next. */
  handled: Statement<never>;
};

// Distinct from the verdicts' (4712) and the scans' lock classes: one drain at a time, the others wait their turn.
const REFRESH_LOCK_CLASS = 4713;
// A full refresh's batch hashes millions of candidate pairs; the default 4 MB would spill them to disk.
const REFRESH_WORK_MEM = '256MB';

/** One drain (or the full refresh's start) at a time: a second waits, then reads the outbox the first left. */
export const REFRESH_LOCK_SQL = statement<never>(`SELECT pg_advisory_xact_lock(${REFRESH_LOCK_CLASS}, 0)`);
export const REFRESH_WORK_MEM_SQL = statement<never>(`SET LOCAL work_mem = '${REFRESH_WORK_MEM}'`);

/** The floor the stored pairs were computed with; no row before the first full refresh. */
export const OVERLAP_STATE_SQL = statement<{ floor: number }>('SELECT floor FROM overlap_state');
/** Whether an open initiative (`$1`: the open statuses) is neither scored nor noted: only a full refresh finds it. */
export const UNNOTED_SQL = statement<{ missing: boolean }>(`
  SELECT EXISTS (
    SELECT 1 FROM initiatives i
     WHERE i.status = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM overlap_facts o WHERE o.initiative_id = i.id)
       AND NOT EXISTS (SELECT 1 FROM overlap_outbox x WHERE x.initiative_id = i.id)
  ) AS missing`);
/** Whether any outbox row waits. */
export const OUTBOX_WAITING_SQL = statement<{ waiting: boolean }>(
  'SELECT EXISTS (SELECT 1 FROM overlap_outbox) AS waiting',
);
/** How many outbox rows wait (the full refresh's progress counts against it). */
export const OUTBOX_COUNT_SQL = statement<{ n: number }>('SELECT count(*)::int AS n FROM overlap_outbox');

/** The full refresh's start (startFullOverlapRefresh). */
export const START_FULL_REFRESH_SQL = {
  /** `$1`: the open statuses. */
  note: statement<never>(`
    INSERT INTO overlap_outbox (initiative_id)
    SELECT id FROM initiatives WHERE status = ANY($1::text[]) UNION SELECT initiative_id FROM overlap_facts ORDER BY 1`),
  forget: statement<never>('DELETE FROM overlap_facts'),
  /** `$1`: the floor. */
  state: statement<never>(
    'INSERT INTO overlap_state (id, floor) VALUES (true, $1) ON CONFLICT (id) DO UPDATE SET floor = excluded.floor',
  ),
};

// Distinct from the refresh's and the scans' lock classes: serialises two first verdicts on one pair (the unique index is the backstop).
const REVIEW_LOCK_CLASS = 4712;

/** Verdicts on one pair (`$1`, `a:b`) take turns. */
export const REVIEW_LOCK_SQL = statement<never>(`SELECT pg_advisory_xact_lock(${REVIEW_LOCK_CLASS}, hashtext($1))`);

/** Which of the initiatives `$1` exist, held FOR SHARE until the verdict commits. */
export const SHARE_INITIATIVES_SQL = statement<{ id: string }>(
  'SELECT id FROM initiatives WHERE id = ANY($1::uuid[]) FOR SHARE',
);

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const jaccard = (shared: string, a: string, b: string) =>
  `COALESCE(${shared}::numeric / NULLIF(${a} + ${b} - ${shared}, 0), 0)`;
const round4 = (sql: string) => `round(${sql}, 4)::float8`;

/**
 * One drain of the overlap outbox (design: Portfolio review), statement by statement in one transaction under an
 * advisory lock: the first `batch` outbox rows, their initiatives rescored. Temp tables (ON COMMIT DROP) carry the
 * facts between statements:
 * - `ovl_noted`: the outbox rows read (deleted at the end, and only they);
 * - `ovl_dirty`: the noted open initiatives whose fingerprint or blocking keys differ from overlap_facts (or that have
 *   none), with both; `ovl_touched`: those, and the noted initiatives no longer open (`gone`);
 * - `ovl_dict`: every target group, district, priority area and outcome node under a small integer (`k`, in the order
 *   the reasons list them: codes, outcome ids), so shares are intarray intersections (`&`, `icount`), not subqueries;
 * - `ovl_facts`: the facts now (`factsCtes`) with integer key arrays, of the dirty initiatives and of their candidate
 *   partners: the scored initiatives whose stored blocking keys meet a dirty one's (overlap_facts' GIN index).
 * overlap_facts keeps each scored initiative's distinct trigrams (pg_trgm's `show_trgm`) and Swedish lexemes as sorted
 * int arrays (`hashtext`), so the text similarity is counted as `similarity` counts it — shared / either's distinct
 * trigrams — without re-parsing the partner's text; only the dirty initiatives' arrays are computed. A 32-bit hash
 * collision between two of the portfolio's few ten thousand distinct trigrams is possible in principle (about one
 * chance in twenty per portfolio) and would move one pair's text part by a trigram.
 *
 * Why this equals a computation from scratch: every change a score rests on notes the initiative in the outbox (the
 * OverlapOutbox migration's triggers), in the changing transaction; a dirty initiative loses all its pairs and is
 * scored against every scored initiative it shares a block with, so a pair is rescored whenever either side changed,
 * by the drain of the later change.
 */
export function buildDrainStatements(floor: number, batch: number): DrainStatements {
  if (!Number.isFinite(floor)) throw new Error(`overlap floor must be a number, not ${floor}`);
  if (!Number.isInteger(batch) || batch < 1)
    throw new Error(`overlap drain batch must be a positive integer, not ${batch}`);
  // CREATE TABLE AS takes no bind parameters: the values are the code's constants and the configured floor, inlined.
  const param: SqlParam = (value) =>
    Array.isArray(value)
      ? `ARRAY[${value.map((v) => quote(String(v))).join(', ')}]`
      : typeof value === 'number'
        ? String(value)
        : quote(String(value));
  const open = `${param(OVERLAP_OPEN_STATUSES)}::text[]`;
  const noted = `
    CREATE TEMP TABLE ovl_noted ON COMMIT DROP AS
    SELECT position, initiative_id FROM overlap_outbox ORDER BY position LIMIT ${batch}`;
  // Blocking keys: (target group, district) and (target group, priority area), each a 64-bit hash pair.
  const dirty = `
    CREATE TEMP TABLE ovl_dirty ON COMMIT DROP AS
    WITH RECURSIVE noted_scope AS (
      SELECT * FROM initiatives WHERE status = ANY(${open}) AND id IN (SELECT initiative_id FROM ovl_noted)
    ),
    ${factsCtes('noted_scope', param)},
    blocked AS (
      SELECT t.initiative_id,
             array_agg(DISTINCT (hashtext(t.code)::bigint << 32) | (hashtext(x.kind || x.code)::bigint & 4294967295)) AS blocks
        FROM tgs t
        JOIN (SELECT initiative_id, 'd'::text AS kind, code::text AS code FROM dists
              UNION ALL SELECT initiative_id, 'a', code FROM areas) x ON x.initiative_id = t.initiative_id
       GROUP BY 1
    )
    SELECT f.id, f.fingerprint, COALESCE(b.blocks, '{}') AS blocks
      FROM facts f
      LEFT JOIN blocked b ON b.initiative_id = f.id
      LEFT JOIN overlap_facts o ON o.initiative_id = f.id
     WHERE (o.fingerprint, o.blocks) IS DISTINCT FROM (f.fingerprint, COALESCE(b.blocks, '{}'))`;
  const touched = `
    CREATE TEMP TABLE ovl_touched ON COMMIT DROP AS
    SELECT id, false AS gone FROM ovl_dirty
    UNION ALL
    SELECT DISTINCT n.initiative_id, true FROM ovl_noted n
     WHERE NOT EXISTS (SELECT 1 FROM initiatives i WHERE i.id = n.initiative_id AND i.status = ANY(${open}))`;
  const dict = `
    CREATE TEMP TABLE ovl_dict ON COMMIT DROP AS
    SELECT kind, key, label, row_number() OVER (PARTITION BY kind ORDER BY node_id, key)::int AS k FROM (
      SELECT 't' AS kind, code::text AS key, name::text AS label, NULL::uuid AS node_id FROM target_groups
      UNION ALL SELECT 'd', code, name, NULL FROM districts
      UNION ALL SELECT 'a', code, title, NULL FROM goals WHERE level = 'priority_area'
      UNION ALL SELECT 'o', id::text, title, id FROM effect_nodes WHERE level = ANY(${param(OUTCOME_LEVELS)}::text[])
    ) x`;
  const facts = `
    CREATE TEMP TABLE ovl_facts ON COMMIT DROP AS
    WITH RECURSIVE open_scope AS (
      SELECT * FROM initiatives WHERE status = ANY(${open}) AND id IN (
        SELECT id FROM ovl_dirty
        UNION
        SELECT o.initiative_id FROM overlap_facts o
         WHERE o.blocks && (SELECT COALESCE(array_agg(DISTINCT b), '{}') FROM ovl_dirty, unnest(ovl_dirty.blocks) b))
    ),
    ${factsCtes('open_scope', param)},
    keyed AS (
      SELECT x.initiative_id, x.kind, array_agg(d.k ORDER BY d.k) AS ks
        FROM (SELECT initiative_id, 't' AS kind, code::text AS key FROM tgs
              UNION ALL SELECT initiative_id, 'd', code FROM dists
              UNION ALL SELECT initiative_id, 'a', code FROM areas
              UNION ALL SELECT initiative_id, 'o', id::text FROM outcomes) x
        JOIN ovl_dict d ON d.kind = x.kind AND d.key = x.key
       GROUP BY 1, 2
    )
    SELECT f.id, row_number() OVER (ORDER BY f.id)::int AS n, f.fingerprint, f.n_tg, f.n_d, f.n_a, f.n_o,
           COALESCE(kt.ks, '{}') AS tk, COALESCE(kd.ks, '{}') AS dk, COALESCE(ka.ks, '{}') AS ak, COALESCE(ko.ks, '{}') AS ok
      FROM facts f
      LEFT JOIN keyed kt ON kt.initiative_id = f.id AND kt.kind = 't'
      LEFT JOIN keyed kd ON kd.initiative_id = f.id AND kd.kind = 'd'
      LEFT JOIN keyed ka ON ka.initiative_id = f.id AND ka.kind = 'a'
      LEFT JOIN keyed ko ON ko.initiative_id = f.id AND ko.kind = 'o'`;
  return {
    // Each temp table analysed before it is read: unknown, a few noted rows look like a thousand, and the facts of ten
    // initiatives would be computed by scanning every link table whole.
    prepare: [noted, 'ANALYZE ovl_noted', dirty, 'ANALYZE ovl_dirty', touched, 'ANALYZE ovl_touched'].map((sql) =>
      statement<never>(sql),
    ),
    counts: statement(
      `SELECT (SELECT count(*) FROM ovl_noted)::int AS noted,
              count(*) FILTER (WHERE NOT gone)::int AS dirty, count(*) FILTER (WHERE gone)::int AS gone FROM ovl_touched`,
    ),
    facts: [
      dict,
      'CREATE INDEX ON ovl_dict (kind, k)',
      'ANALYZE ovl_dict',
      facts,
      'CREATE INDEX ON ovl_facts (n)',
      'ANALYZE ovl_facts',
    ].map((sql) => statement<never>(sql)),
    forget: [
      'DELETE FROM overlap_pairs p USING ovl_touched t WHERE p.initiative_id = t.id',
      'DELETE FROM overlap_pairs p USING ovl_touched t WHERE p.other_initiative_id = t.id',
      'DELETE FROM overlap_facts o USING ovl_touched t WHERE t.gone AND o.initiative_id = t.id',
    ].map((sql) => statement<never>(sql)),
    // Before the pairs: their text arrays are read from here, the dirty side's fresh, the other side's as last scored.
    remember: statement(`
      INSERT INTO overlap_facts (initiative_id, fingerprint, grams, words, blocks, scored_at)
      SELECT f.id, f.fingerprint,
             ARRAY(SELECT DISTINCT hashtext(g) FROM unnest(show_trgm(lower(i.title || ' ' || COALESCE(i.summary, '')))) g ORDER BY 1),
             -- The Swedish lexemes of title and summary: search_vector (code, title, summary) without the code's.
             ARRAY(SELECT DISTINCT hashtext(w) FROM (SELECT unnest(tsvector_to_array(i.search_vector)) EXCEPT SELECT unnest(tsvector_to_array(to_tsvector('swedish', i.code)))) x(w) ORDER BY 1),
             f.blocks, now()
        FROM ovl_dirty f JOIN initiatives i ON i.id = f.id
      ON CONFLICT (initiative_id) DO UPDATE
        SET fingerprint = excluded.fingerprint, grams = excluded.grams, words = excluded.words, blocks = excluded.blocks, scored_at = excluded.scored_at`),
    rescore: statement(buildScoredPairsInsert(floor, param)),
    handled: statement('DELETE FROM overlap_outbox o USING ovl_noted n WHERE o.position = n.position'),
  };
}

/**
 * One INSERT … SELECT: the candidate pairs with at least one dirty side, scored, those at or above `floor` stored.
 *
 * Blocking: a candidate shares at least one target group and at least one district or priority area. Each initiative
 * gets a blocking key per (target group, district) and per (target group, priority area) it has; a dirty initiative's
 * keys meet every open initiative's on equality, never comparing every pair; a pair of two dirty ones comes twice and
 * is kept once.
 *
 * Score (0..1, four decimals) = Σ weight × part (OVERLAP_WEIGHTS); target groups, districts, priority areas and outcome
 * nodes each count shared / either's (Jaccard, 0 when neither has any); text is the mean of pg_trgm's similarity of
 * "title summary" (lower-cased: shared distinct trigrams / either's, in float4 as pg_trgm computes it) and the Jaccard
 * of their Swedish lexemes. A cheap cut first (float8, small arrays): the structural parts and the lexemes' Jaccard
 * as they are, the trigram similarity by its upper bound (the smaller count / the larger); only the pairs that can
 * reach the floor (less half a rounding step) get the trigram intersection and the exact numeric score. `reasons`
 * lists each part that is not 0, with what is shared and a Swedish label.
 */
function buildScoredPairsInsert(floor: number, param: SqlParam): string {
  const w = OVERLAP_WEIGHTS;
  const min = param(floor);
  const ratio = (a: string, b: string) => `COALESCE(least(${a}, ${b})::float8 / NULLIF(greatest(${a}, ${b}), 0), 0)`;
  // A Jaccard of two sorted int arrays in float8, for the cut only.
  const quick = (a: string, b: string) =>
    `COALESCE(icount(${a} & ${b})::float8 / NULLIF(icount(${a}) + icount(${b}) - icount(${a} & ${b}), 0), 0)`;
  // What a pair shares of one kind (`ks`, integer keys), listed as keys and labels in the dictionary's order.
  const named = (kind: string, ks: string, alias: string) =>
    `LEFT JOIN LATERAL (SELECT jsonb_agg(d.key ORDER BY d.k) AS keys, jsonb_agg(d.label ORDER BY d.k) AS labels
                          FROM unnest(${ks}) u(k) JOIN ovl_dict d ON d.kind = '${kind}' AND d.k = u.k) ${alias} ON true`;
  const reason = (kind: string, label: string, part: string, ks: string, row: string) =>
    `CASE WHEN icount(${ks}) > 0 THEN jsonb_build_object('kind', '${kind}', 'label', '${label}', 'share', ${round4(part)}, 'shared', ${row}.keys, 'names', ${row}.labels) END`;
  return `
    INSERT INTO overlap_pairs (initiative_id, other_initiative_id, score, reasons, fingerprint, computed_at)
    WITH blocks AS (
      SELECT f.id, f.n, (t::bigint << 33) | d AS k FROM ovl_facts f, unnest(f.tk) t, unnest(f.dk) d
      UNION ALL
      SELECT f.id, f.n, (t::bigint << 33) | (1::bigint << 32) | a FROM ovl_facts f, unnest(f.tk) t, unnest(f.ak) a
    ),
    -- Pairs as the facts' row numbers (in id order, so the lower number is the lower id): a far smaller DISTINCT.
    candidates AS (
      SELECT DISTINCT least(x.n, y.n) AS a_n, greatest(x.n, y.n) AS b_n
        FROM ovl_touched dirty JOIN blocks x ON x.id = dirty.id JOIN blocks y ON y.k = x.k AND y.n <> x.n
       WHERE NOT dirty.gone
    ),
    -- The cheap cut, in float8: the structural parts and the lexemes' Jaccard as they are, the trigrams by their bound.
    reachable AS MATERIALIZED (
      SELECT c.a_n, c.b_n
        FROM candidates c
        JOIN ovl_facts fa ON fa.n = c.a_n
        JOIN ovl_facts fb ON fb.n = c.b_n
        JOIN overlap_facts ta ON ta.initiative_id = fa.id
        JOIN overlap_facts tb ON tb.initiative_id = fb.id
       WHERE ${w.targetGroups} * ${quick('fa.tk', 'fb.tk')} + ${w.districts} * ${quick('fa.dk', 'fb.dk')} + ${w.priorityAreas} * ${quick('fa.ak', 'fb.ak')} +
             ${w.outcomes} * ${quick('fa.ok', 'fb.ok')} +
             ${w.text} * (${ratio('icount(ta.grams)', 'icount(tb.grams)')} + ${quick('ta.words', 'tb.words')}) / 2 >= ${min} - 0.00005
    ),
    parts AS (
      SELECT fa.id AS a_id, fb.id AS b_id, s.*, ${pairFingerprint('fa', 'fb')} AS fingerprint,
             ${jaccard('icount(s.tg)', 'fa.n_tg', 'fb.n_tg')} AS p_tg,
             ${jaccard('icount(s.d)', 'fa.n_d', 'fb.n_d')} AS p_d,
             ${jaccard('icount(s.a)', 'fa.n_a', 'fb.n_a')} AS p_a,
             ${jaccard('icount(s.o)', 'fa.n_o', 'fb.n_o')} AS p_o,
             (COALESCE((icount(ta.grams & tb.grams)::float4 / NULLIF(icount(ta.grams) + icount(tb.grams) - icount(ta.grams & tb.grams), 0)::float4)::numeric, 0) +
              ${jaccard('icount(ta.words & tb.words)', 'icount(ta.words)', 'icount(tb.words)')}) / 2 AS p_text
        FROM reachable c
        JOIN ovl_facts fa ON fa.n = c.a_n
        JOIN ovl_facts fb ON fb.n = c.b_n
        JOIN overlap_facts ta ON ta.initiative_id = fa.id
        JOIN overlap_facts tb ON tb.initiative_id = fb.id
        CROSS JOIN LATERAL (SELECT fa.tk & fb.tk AS tg, fa.dk & fb.dk AS d, fa.ak & fb.ak AS a, fa.ok & fb.ok AS o) s
    ),
    scored AS (
      SELECT p.*,
             ${round4(`${w.targetGroups} * p.p_tg + ${w.districts} * p.p_d + ${w.priorityAreas} * p.p_a + ${w.outcomes} * p.p_o + ${w.text} * p.p_text`)} AS score
        FROM parts p
    )
    SELECT p.a_id, p.b_id, p.score,
           to_jsonb(array_remove(ARRAY[
             ${reason('target_groups', 'Samma målgrupper', 'p.p_tg', 'p.tg', 'rt')},
             ${reason('districts', 'Samma geografiska områden', 'p.p_d', 'p.d', 'rd')},
             ${reason('priority_areas', 'Samma prioriterade områden', 'p.p_a', 'p.a', 'ra')},
             ${reason('outcomes', 'Samma effekter i effektlogiken', 'p.p_o', 'p.o', 'ro')},
             CASE WHEN p.p_text > 0 THEN jsonb_build_object('kind', 'text', 'label', 'Liknande titel och beskrivning', 'similarity', ${round4('p.p_text')}) END
           ], NULL)),
           p.fingerprint, now()
      FROM scored p
      ${named('t', 'p.tg', 'rt')}
      ${named('d', 'p.d', 'rd')}
      ${named('a', 'p.a', 'ra')}
      ${named('o', 'p.o', 'ro')}
     WHERE p.score >= ${min}`;
}

/** The stored pairs with their verdicts: `quiet` when a verdict's fingerprint is the pair's now. */
const reviewedPairs = `
    SELECT p.initiative_id AS a_id, p.other_initiative_id AS b_id, p.score, p.reasons, r.verdict, r.note, r.reviewed_at,
           (r.id IS NOT NULL AND r.fingerprint = p.fingerprint) AS quiet
      FROM overlap_pairs p
      LEFT JOIN overlap_reviews r ON r.initiative_id = p.initiative_id AND r.other_initiative_id = p.other_initiative_id`;

/**
 * One page of the stored pairs at or above `minScore`, best first; quiet pairs only with `includeReviewed`; with
 * `initiativeId`, only the pairs that initiative is in (on either side). Shaped for the indexes: the page walks
 * ix_overlap_pairs_score from the best score down, joining each pair's codes and verdict (an incremental sort orders
 * ties by codes), and stops at the page's end; the total is a sum over overlap_score_counts (the stored pairs per
 * score, kept by a trigger) less the quiet ones among the few verdicts, or with `initiativeId` a count of that
 * initiative's pairs (pk and ix_overlap_pairs_other_initiative_id).
 */
export function buildOverlapsSql(query: {
  minScore: number;
  includeReviewed: boolean;
  initiativeId?: string;
  limit: number;
  offset: number;
}): BoundStatement<{ page: Page<OverlapPairDto> }> {
  const { values, param } = sqlParams();
  const ref = (
    f: string,
  ) => `jsonb_build_object('id', ${f}.id, 'code', ${f}.code, 'title', ${f}.title, 'status', ${f}.status,
      'leadDepartment', (SELECT jsonb_build_object('id', d.id, 'code', d.code, 'name', d.name) FROM departments d WHERE d.id = ${f}.lead_department_id))`;
  const minScore = param(query.minScore);
  const includeReviewed = param(query.includeReviewed);
  const ofInitiative = query.initiativeId
    ? (p: string) => `AND ${param(query.initiativeId)}::uuid IN (${p}.initiative_id, ${p}.other_initiative_id)`
    : () => '';
  const quietOnes = `(SELECT count(*) FROM overlap_reviews r
                        JOIN overlap_pairs q ON q.initiative_id = r.initiative_id AND q.other_initiative_id = r.other_initiative_id
                       WHERE q.score >= ${minScore} AND r.fingerprint = q.fingerprint ${ofInitiative('q')})`;
  const stored = query.initiativeId
    ? `(SELECT count(*) FROM overlap_pairs q WHERE q.score >= ${minScore} ${ofInitiative('q')})`
    : `(SELECT COALESCE(sum(n), 0) FROM overlap_score_counts WHERE score >= ${minScore})`;
  const sql = `
    WITH chosen AS (
      SELECT p.initiative_id AS a_id, p.other_initiative_id AS b_id, p.score, p.reasons, r.verdict, r.note, r.reviewed_at,
             (r.id IS NOT NULL AND r.fingerprint = p.fingerprint) AS quiet, fa.code AS a_code, fb.code AS b_code
        FROM overlap_pairs p
        JOIN initiatives fa ON fa.id = p.initiative_id
        JOIN initiatives fb ON fb.id = p.other_initiative_id
        LEFT JOIN overlap_reviews r ON r.initiative_id = p.initiative_id AND r.other_initiative_id = p.other_initiative_id
       WHERE p.score >= ${minScore} AND (${includeReviewed} OR r.id IS NULL OR r.fingerprint <> p.fingerprint) ${ofInitiative('p')}
       ORDER BY p.score DESC, fa.code, fb.code
       LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}
    )
    SELECT jsonb_build_object(
      'items', (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                  'score', p.score, 'initiative', ${ref('fa')}, 'otherInitiative', ${ref('fb')}, 'reasons', p.reasons,
                  'review', CASE WHEN p.verdict IS NOT NULL THEN jsonb_build_object('verdict', p.verdict, 'note', p.note, 'reviewedAt', p.reviewed_at, 'stale', NOT p.quiet) END
                ) ORDER BY p.score DESC, p.a_code, p.b_code), '[]')
                  FROM chosen p JOIN initiatives fa ON fa.id = p.a_id JOIN initiatives fb ON fb.id = p.b_id),
      'total', (${stored} - CASE WHEN ${includeReviewed} THEN 0 ELSE ${quietOnes} END)::int,
      'limit', ${param(query.limit)}::int,
      'offset', ${param(query.offset)}::int
    ) AS page`;
  return bound(sql, values);
}

/**
 * The `possible_overlap` findings (applyFindings' columns): stored pairs at or above `minScore` that are not quiet. The
 * alert goes to the newer initiative of the pair (later created_at, then id) and its lead department: the later effort
 * is the one to ask whether it repeats the earlier. Key `possible_overlap:<a>:<b>`, the lower id first.
 */
export function buildOverlapFindingsSql(minScore: number): Findings {
  const { values, param } = sqlParams();
  const sql = `
    WITH pairs AS (${reviewedPairs})
    SELECT 'possible_overlap:' || p.a_id || ':' || p.b_id AS dedupe_key,
           'warning' AS severity,
           n.id AS initiative_id,
           NULL::uuid AS funding_id,
           n.lead_department_id AS department_id,
           left('Möjlig överlappning: ' || n.title || ' (' || n.code || ') och ' || o.title || ' (' || o.code || ')', 300) AS title,
           'Insatserna liknar varandra (likhet ' || round(p.score::numeric * 100) || ' av 100): ' ||
             (SELECT string_agg(lower(r->>'label'), ', ' ORDER BY k) FROM jsonb_array_elements(p.reasons) WITH ORDINALITY AS x(r, k)) ||
             '. Ledningsgruppen kan bedöma paret som separata insatser, dubbelarbete eller samordnade insatser; då tystnar larmet tills någon av dem ändras.' AS detail,
           NULL::date AS due_date,
           NULL::bigint AS amount_sek
      FROM pairs p
      JOIN initiatives fa ON fa.id = p.a_id
      JOIN initiatives fb ON fb.id = p.b_id
      CROSS JOIN LATERAL (SELECT (fb.created_at, fb.id) > (fa.created_at, fa.id) AS b_newer) x
      JOIN initiatives n ON n.id = CASE WHEN x.b_newer THEN p.b_id ELSE p.a_id END
      JOIN initiatives o ON o.id = CASE WHEN x.b_newer THEN p.a_id ELSE p.b_id END
     WHERE p.score >= ${param(minScore)} AND NOT p.quiet`;
  return bound(sql, values);
}
