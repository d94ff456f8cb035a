import { statement, type Page } from '#common';
import { monthlyShareSql } from '#funding-rules';
import type { CliffInitiativeDto, FundingCliffDto, FundingCliffTotalsDto } from './funding-cliff.dto.js';

/**
 * One statement. A cliff line is temporary money (not ordinary_budget) that was granted (GRANTED_FUNDING_STATUSES)
 * and that nothing fully takes over (takenOverJoinSql: an explicit successor, or granted lines of the initiative
 * starting by the day after its end), of an approved or active initiative that is meant to run past the line's end.
 * What others take over of a line is not counted: `notTakenOverSek` is the rest. Lines with a recorded coverage
 * decision are listed (the group sees what was decided) but not counted. The uncovered annual cost is measured on
 * the first day after the cliff month (for cliffs before the window: on its first day) against the initiative's
 * other granted lines running that day; 0 when every line of the entry is decided.
 *
 * `from` and `months` are placeholders (the first month's first day, the number of months). The portfolio summary
 * narrows the cliff to its filtered initiatives: `ctes` (ending in a comma) go first after `WITH RECURSIVE`, and
 * `initiativeScope` is a condition on the initiative `i`. With `listing: false` it answers the totals alone
 * (FundingCliffTotalsDto): the same CTEs and totals, without the initiatives and their lines. With
 * `withEarlier: false` it neither reads the cliffs before the window nor answers `endedEarlier` (the totals read
 * those with a statement of their own, FUNDING_CLIFF_EARLIER_TOTALS_SQL).
 */
export function buildFundingCliffSql(opts: FundingCliffSqlOptions): string {
  return `${fundingCliffCtes(opts)},
${cliffReportSql(opts.listing !== false, opts.withEarlier !== false)}`;
}

export type FundingCliffSqlOptions = {
  from: string;
  /** '0' (a window of no months, as a literal): only the cliffs before `from`, its undecided lines ending earlier. */
  months: string;
  ctes?: string;
  initiativeScope?: string;
  withEarlier?: boolean;
  /**
   * false: no listing of initiatives, for reads that total them or list a page of them. The CTEs then leave out each
   * line's JSON and the entries' lines, code, title and department object (the lead department's id stays: the totals
   * are split by it).
   */
  listing?: boolean;
};

/**
 * The cliff's CTEs, ending with `initiative_years` (year, initiative_id, ending_sek, coverage_decided, uncovered, …): the
 * report's statement (with its listing of initiatives or, `listing: false`, the totals alone), and the portfolio
 * summary's totals of one budget year, which skips the cliffs before the window (`withEarlier: false`) and the
 * per-month listing.
 *
 * What a line's cliff depends on that does not depend on the window comes from funding_line_facts, kept current as
 * lines change (migrations FundingLineFacts and FundingLineCliffFacts): whether it is temporary granted money
 * (`granted_temporary`: not ordinary_budget, GRANTED_FUNDING_STATUSES), its share taken over and the kronor left
 * (takenOverJoinSql's rule), and `cover_after_end_sek`, what the initiative's granted lines running on the first day
 * after its end month pay a year: the cover of an entry inside the window, read from the facts (the same for every
 * line of an entry). Only the cliffs before the window, measured on its first day, sum running lines here. The
 * cliff reads the facts alone (ix_funding_line_facts_cliff) and the initiatives' ix_initiatives_followed; the
 * listing adds each line's own columns. The listings are `json`, not `jsonb`: a nested jsonb aggregate
 * re-encodes everything below it at every level (the report is about 3.7 MB on the 20,000-initiative benchmark), json
 * only concatenates. `jsonObject` writes the keys in the order jsonb would, so the answer reads as before.
 */
export function fundingCliffCtes(opts: FundingCliffSqlOptions): string {
  const ifListed = (sql: string) => when(opts.listing !== false, sql);
  // An entry inside the window is measured against its lines' cover_after_end_sek, one before it against what runs
  // on the window's first day (COVER_FIRST_CTE); without the cliffs before the window there is none of those.
  const withEarlier = opts.withEarlier !== false;
  // The lines ending inside the window, and the undecided ones before it; without a window, the undecided ones before
  // it alone, which ix_funding_line_facts_undecided holds (the condition with the window would read every line's fact
  // ending before it: 24,000 at 20,000 initiatives, for 3,900).
  const lineChoice =
    opts.months === '0'
      ? `t.period_end < b.first_month AND t.coverage_decision = 'undecided'`
      : `t.period_end < b.after_last AND (t.period_end >= b.first_month${when(withEarlier, ` OR t.coverage_decision = 'undecided'`)})`;
  const cover = withEarlier
    ? 'CASE WHEN e.slot IS NULL THEN COALESCE(cover.per_year, 0) ELSE e.cover_after_end_sek END'
    : 'e.cover_after_end_sek';
  return `
WITH RECURSIVE ${opts.ctes ?? ''}
bounds AS (
  SELECT ${opts.from}::date AS first_month, (${opts.from}::date + make_interval(months => ${opts.months}::int))::date AS after_last
),
cliff_lines AS (
  SELECT t.initiative_id, i.annual_cost_sek, i.lead_department_id,${ifListed(' i.code, i.title,')}
         t.funding_id AS id, t.period_end, t.coverage_decision, t.not_taken_over_sek, t.cover_after_end_sek,
         date_trunc('month', t.period_end)::date AS month${ifListed(`,
         ${lineObject('f', 't')} AS line`)}
    FROM funding_line_facts t
    JOIN initiatives i ON i.id = t.initiative_id
    CROSS JOIN bounds b${ifListed(`
    JOIN funding_lines f ON f.id = t.funding_id`)}
   WHERE t.granted_temporary
     AND ${lineChoice}
     AND i.status IN ('approved', 'active')${opts.initiativeScope ? `\n     AND ${opts.initiativeScope}` : ''}
     AND (i.end_date IS NULL OR i.end_date > t.period_end)
     AND t.share < 1
),
slotted AS (
  -- slot: the cliff month inside the window; NULL for a cliff before it.
  SELECT c.*, CASE WHEN c.month >= b.first_month THEN c.month END AS slot
    FROM cliff_lines c CROSS JOIN bounds b
),
entries AS (
  SELECT s.initiative_id, s.annual_cost_sek, s.lead_department_id,${ifListed(' s.code, s.title,')} s.slot,
         bool_and(s.coverage_decision <> 'undecided') AS coverage_decided,
         COALESCE(sum(s.not_taken_over_sek) FILTER (WHERE s.coverage_decision = 'undecided'), 0) AS ending_sek,
         min(s.cover_after_end_sek) AS cover_after_end_sek${ifListed(`,
         json_agg(s.line ORDER BY s.period_end, s.id::text) AS lines`)}
    FROM slotted s
   GROUP BY s.initiative_id, s.slot, s.annual_cost_sek, s.lead_department_id${ifListed(', s.code, s.title')}
),
${when(withEarlier, COVER_FIRST_CTE)}costed AS (
  SELECT e.*,${ifListed(`
         ${departmentObject('d')} AS department,`)}
         CASE WHEN e.annual_cost_sek IS NULL THEN NULL
              WHEN e.coverage_decided THEN 0
              ELSE GREATEST(0, e.annual_cost_sek - ${cover})::bigint END AS uncovered
    FROM entries e${ifListed(`
    LEFT JOIN departments d ON d.id = e.lead_department_id`)}${when(
      withEarlier,
      `
    LEFT JOIN cover_first cover ON e.slot IS NULL AND cover.initiative_id = e.initiative_id`,
    )}
),
-- Per budget year and initiative: the undecided lines' kronor, and the uncovered cost after its last undecided cliff
-- of the year (what it takes to keep it going into the next one); 0 when all of its cliffs of the year are decided.
initiative_years AS (
  SELECT date_part('year', x.slot)::int AS year, x.initiative_id, x.lead_department_id,${ifListed(` min(x.code) AS code,
         min(x.title) AS title, min(x.annual_cost_sek) AS annual_cost_sek, (array_agg(x.department))[1] AS department,`)}
         sum(x.ending_sek) AS ending_sek,
         bool_and(x.coverage_decided) AS coverage_decided,
         (array_agg(x.uncovered ORDER BY x.coverage_decided, x.slot DESC))[1] AS uncovered
    FROM costed x
   WHERE x.slot IS NOT NULL
   GROUP BY 1, 2, 3
)`;
}

/**
 * What the granted lines running on the window's first day pay a year, per initiative: what a cliff before the window
 * is measured against (fundingCliffCtes' `cover`). Every initiative's, read from ix_funding_lines_granted_period_end
 * and joined to the entries after: choosing the lines of the initiatives with earlier cliffs first made the planner,
 * which cannot estimate how many those are, probe each initiative's lines one by one (2,000 probes, 9 of the earlier
 * page's 38 ms, where the whole sum takes about 4).
 */
const COVER_FIRST_CTE = `cover_first AS (
  SELECT o.initiative_id, round(sum(${monthlyShareSql('o')} * 12)) AS per_year
    FROM funding_lines o CROSS JOIN bounds b
   WHERE o.status = 'granted' AND o.period_start <= b.first_month AND o.period_end >= b.first_month
   GROUP BY o.initiative_id
),
`;

/**
 * What a set of cliff entries (rows of `costed` or `initiative_years`, aliased `entry`) adds up to: the one rule for
 * "ending without a decision on what happens next" that the cliff's months, budget years and earlier cliffs, the
 * portfolio summary and the review pack all show. An initiative counts as undecided when any of its lines ending
 * there is undecided; the kronor are those undecided lines' kronor not taken over and the uncovered annual cost of the
 * undecided initiatives (a decided entry adds 0 to both); an initiative whose lines there are all decided is counted
 * apart. Aggregates, for a `jsonb_build_object` over a GROUP BY (a LEFT JOIN's empty side counts nothing).
 */
export function cliffTotalsSql(entry: string) {
  return {
    fundingEndingSek: `COALESCE(sum(${entry}.ending_sek), 0)::bigint`,
    uncoveredAnnualCostSek: `COALESCE(sum(${entry}.uncovered), 0)::bigint`,
    initiativesUndecided: `(count(${entry}.initiative_id) FILTER (WHERE NOT ${entry}.coverage_decided))::int`,
    initiativesCoverageDecided: `(count(${entry}.initiative_id) FILTER (WHERE ${entry}.coverage_decided))::int`,
  };
}

/** `sql` when `condition` holds, else nothing: a part of a statement only some of its variants need. */
const when = (condition: boolean, sql: string) => (condition ? sql : '');

/**
 * `json_build_object` with the keys in jsonb's order (shorter keys first, then by bytes), so the report's objects
 * come out in the order they had when it was built as jsonb.
 */
export function jsonObject(fields: Record<string, string>): string {
  const keys = Object.keys(fields).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return `json_build_object(${keys.map((key) => `'${key}', ${fields[key]}`).join(', ')})`;
}

/** A line of the listing (CliffLineDto): the funding line `f`, and its facts or cliff entry `t` for what is not taken over. */
const lineObject = (f: string, t: string) =>
  jsonObject({
    id: `${f}.id`,
    sourceType: `${f}.source_type`,
    funder: `${f}.funder`,
    amountSek: `${f}.amount_sek`,
    notTakenOverSek: `${t}.not_taken_over_sek`,
    periodEnd: `${f}.period_end`,
    coverageDecision: `${f}.coverage_decision`,
  });

/** A department as CliffDepartmentDto, or null for initiatives without a lead department (`d` LEFT JOINed). */
const departmentObject = (d: string) =>
  `CASE WHEN ${d}.id IS NULL THEN NULL ELSE ${jsonObject({ id: `${d}.id`, code: `${d}.code`, name: `${d}.name` })} END`;

/**
 * A group's totals per lead department (CliffDepartmentTotalsDto), from entries `x` of `source` (a CTE with
 * lead_department_id), one row per `groupBy` (or one in all) and department: `no_department`, `uncovered` and `code`
 * give departmentsAggregate its order. The entries are grouped first; each group then looks its department up.
 */
const departmentRowsSql = (source: string, groupBy?: string) => {
  const department = (column: string) => `(SELECT ${column} FROM departments d WHERE d.id = x.lead_department_id)`;
  return `
  SELECT ${groupBy ? `${groupBy}, ` : ''}x.lead_department_id IS NULL AS no_department, sum(x.uncovered) AS uncovered,
         ${department('d.code')} AS code,
         ${totalsObject('x', null, { department: department(departmentObject('d')) })} AS item
    FROM ${source} x
   GROUP BY ${groupBy ? `${groupBy}, ` : ''}x.lead_department_id`;
};

/** The department rows `r` as a JSON array: the largest uncovered cost first, then by code, no lead department last. */
const departmentsAggregate = (r: string) =>
  `COALESCE(json_agg(${r}.item ORDER BY ${r}.no_department, ${r}.uncovered DESC NULLS LAST, ${r}.code), '[]'::json)`;

/** An initiative of the report (an entry: `costed` or `initiative_years` with its lines), as CliffInitiativeDto. */
const initiativeObject = (entry: string, lines: string) =>
  jsonObject({
    id: `${entry}.initiative_id`,
    code: `${entry}.code`,
    title: `${entry}.title`,
    annualCostSek: `${entry}.annual_cost_sek`,
    leadDepartment: `${entry}.department`,
    lines,
    coverageDecided: `${entry}.coverage_decided`,
    uncoveredAnnualCostSek: `${entry}.uncovered`,
  });

/**
 * A month's, a year's or the earlier cliffs' totals, from entries aliased `entry`, and their initiatives when
 * `initiatives` (the listing's aggregate) is given.
 */
const totalsObject = (entry: string, initiatives: string | null, more: Record<string, string> = {}) =>
  jsonObject({ ...more, ...(initiatives === null ? {} : { initiatives }), ...cliffTotalsSql(entry) });

/**
 * The report's order of a group's initiatives: the undecided first (not for the cliffs before the window, which are
 * all undecided or without annual cost), then by uncovered cost and code.
 */
const listOrder = (entry: string, decidedLast = true, code = `${entry}.code`) =>
  `${decidedLast ? `${entry}.coverage_decided, ` : ''}${entry}.uncovered DESC NULLS LAST, ${code}`;

/** The listed initiatives of a group, in the report's order. */
const listed = (entry: string, item: string, decidedLast = true) =>
  `COALESCE(json_agg(${item} ORDER BY ${listOrder(entry, decidedLast)}) FILTER (WHERE ${entry}.initiative_id IS NOT NULL), '[]'::json)`;

/**
 * The report: month by month, per budget year, and the cliffs before the window still open; with the initiatives and
 * their lines when `listing`, else the totals alone.
 */
const cliffReportSql = (listing: boolean, withEarlier: boolean) => {
  /** The listing's aggregate of a group, or null when the report has no listing. */
  const listedIn = (entry: string, lines: string, decidedLast?: boolean) =>
    listing ? listed(entry, initiativeObject(entry, lines), decidedLast) : null;
  return `${when(
    listing,
    `year_lines AS (
  SELECT date_part('year', s.slot)::int AS year, s.initiative_id, json_agg(s.line ORDER BY s.period_end, s.id::text) AS lines
    FROM slotted s
   WHERE s.slot IS NOT NULL
   GROUP BY 1, 2
),
`,
  )}month_rows AS (
  SELECT g.m::date AS month,
         ${totalsObject('c', listedIn('c', 'c.lines'), { month: `to_char(g.m, 'YYYY-MM')` })} AS item
    FROM bounds b
    CROSS JOIN generate_series(b.first_month, b.after_last - interval '1 month', interval '1 month') AS g(m)
    LEFT JOIN costed c ON c.slot = g.m::date
   GROUP BY g.m
),
-- Every year's departments in one pass (MATERIALIZED: the year rows look theirs up, which would otherwise run it per year).
year_departments AS MATERIALIZED (
  SELECT r.year, ${departmentsAggregate('r')} AS departments
    FROM (${departmentRowsSql('initiative_years', 'x.year')}) r
   GROUP BY r.year
),
year_rows AS (
  SELECT y.year,
         ${totalsObject('iy', listedIn('iy', 'yl.lines'), {
           year: 'y.year',
           departments: `COALESCE((SELECT r.departments FROM year_departments r WHERE r.year = y.year), '[]'::json)`,
         })} AS item
    FROM (SELECT DISTINCT date_part('year', month)::int AS year FROM month_rows) y
    LEFT JOIN initiative_years iy ON iy.year = y.year${when(
      listing,
      `
    LEFT JOIN year_lines yl ON yl.year = iy.year AND yl.initiative_id = iy.initiative_id`,
    )}
   GROUP BY y.year
)${when(
    withEarlier,
    `,
${EARLIER_CTES}`,
  )}
${WINDOW_SELECT}${when(
    withEarlier,
    `,
  ${endedEarlierSql(listing)} AS "endedEarlier"`,
  )}
`;
};

/** The report's window: its first and last month, and the month and budget year rows (after cliffReportSql's CTEs). */
const WINDOW_SELECT = `SELECT
  to_char((SELECT first_month FROM bounds), 'YYYY-MM') AS "from",
  to_char((SELECT after_last FROM bounds) - interval '1 month', 'YYYY-MM') AS "to",
  (SELECT json_agg(item ORDER BY month) FROM month_rows) AS months,
  (SELECT json_agg(item ORDER BY year) FROM year_rows) AS "budgetYears"`;

/** The cliffs before the window still open (after EARLIER_CTES): their totals, per department, and when `listing` their initiatives. */
const endedEarlierSql = (listing: boolean) =>
  `(SELECT ${totalsObject('e', listing ? listed('e', initiativeObject('e', 'e.lines'), false) : null, {
    departments: `(SELECT ${departmentsAggregate('r')} FROM earlier_departments r)`,
  })} FROM earlier e)`;

/** Whether an entry of `costed` is a cliff before the window that is still open: the report's endedEarlier. */
const earlierOpen = (entry: string) =>
  `${entry}.slot IS NULL AND (${entry}.uncovered IS NULL OR ${entry}.uncovered > 0)`;

/** The entries of `costed` before the window that are still open (`earlier`), and their totals per department. */
const EARLIER_CTES = `earlier AS (
  SELECT * FROM costed c WHERE ${earlierOpen('c')}
),
earlier_departments AS (${departmentRowsSql('earlier')}
)`;

/** The totals of the cliffs before a window starting at `$1` still open: a window of no months, so only their lines are read. */
const EARLIER_TOTALS_SQL = `${fundingCliffCtes({ from: '$1', months: '0', listing: false })},
${EARLIER_CTES}
SELECT ${endedEarlierSql(false)} AS "endedEarlier"`;

/**
 * A page of one group's initiatives, in the report's order (`$2` limit, `$3` offset), and how many it has: one month's
 * (`$1` its first day: the report of a window of that month alone) or, `earlier`, the cliffs before a window starting
 * at `$1` still open (a window of no months). Either way only the group's lines are read. The group's entries are
 * counted and ordered without the listing; only the page's initiatives get their lines, title and department.
 */
const cliffInitiativesPageSql = (earlier: boolean) => `${fundingCliffCtes({
  from: '$1',
  months: earlier ? '0' : '1',
  withEarlier: earlier,
  listing: false,
})},
listed_entries AS (
  SELECT * FROM costed e${earlier ? ` WHERE ${earlierOpen('e')}` : ''}
),
page AS (
  SELECT e.*, i.code, i.title, row_number() OVER (ORDER BY ${listOrder('e', !earlier, 'i.code')}) AS n
    FROM listed_entries e JOIN initiatives i ON i.id = e.initiative_id
   ORDER BY n LIMIT $2 OFFSET $3
),
-- The group's lines are all of one slot (the month's, or before the window): an initiative's are its entry's.
page_lines AS (
  SELECT c.initiative_id, json_agg(${lineObject('f', 'c')} ORDER BY c.period_end, c.id::text) AS listed
    FROM page p
    JOIN slotted c ON c.initiative_id = p.initiative_id
    JOIN funding_lines f ON f.id = c.id
   GROUP BY c.initiative_id
)
SELECT (SELECT count(*) FROM listed_entries)::int AS total,
       COALESCE((SELECT json_agg(${initiativeObject('p', 'l.listed')} ORDER BY p.n)
                   FROM (SELECT p.*, ${departmentObject('d')} AS department
                           FROM page p LEFT JOIN departments d ON d.id = p.lead_department_id) p
                   JOIN page_lines l ON l.initiative_id = p.initiative_id), '[]'::json) AS items`;

/** The report GET /portfolio/funding-cliff answers: `$1` the first month's first day, `$2` the number of months. */
export const FUNDING_CLIFF_SQL = statement<FundingCliffDto>(buildFundingCliffSql({ from: '$1', months: '$2' }));

/**
 * The report's totals alone, GET /portfolio/funding-cliff/totals, in two statements that read apart (the service runs
 * them at once in one snapshot): the window's months and budget years (`$1` and `$2` as the report's), and the cliffs
 * before it (`$1`).
 */
export const FUNDING_CLIFF_WINDOW_TOTALS_SQL = statement<Omit<FundingCliffTotalsDto, 'endedEarlier'>>(
  buildFundingCliffSql({ from: '$1', months: '$2', listing: false, withEarlier: false }),
);
export const FUNDING_CLIFF_EARLIER_TOTALS_SQL =
  statement<Pick<FundingCliffTotalsDto, 'endedEarlier'>>(EARLIER_TOTALS_SQL);

/** A page of one month's initiatives, GET /portfolio/funding-cliff/months/{month}/initiatives: `$1` its first day. */
export const FUNDING_CLIFF_MONTH_PAGE_SQL = statement<CliffInitiativesPage>(cliffInitiativesPageSql(false));

/** A page of the open cliffs before a window, GET /portfolio/funding-cliff/earlier/initiatives: `$1` its first day. */
export const FUNDING_CLIFF_EARLIER_PAGE_SQL = statement<CliffInitiativesPage>(cliffInitiativesPageSql(true));

type CliffInitiativesPage = Pick<Page<CliffInitiativeDto>, 'items' | 'total'>;
