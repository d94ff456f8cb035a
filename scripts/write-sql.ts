/**
 * `npm run sql:write` writes the main statements' SQL, as the code builds it, to docs/sql/<context>/<name>.sql, so a
 * change to a statement shows in the diff of a pull request as SQL, not only as the TypeScript that composes it.
 * `npm run sql:check` (and `npm test`) fails when the committed files differ from what the code builds now.
 *
 * The builders get fixed inputs (no filter, or every filter, a fixed day); values travel as bind parameters, so the
 * files hold placeholders (`$1`) and list the parameters in their header.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALERT_SEVERITIES } from '#alerts';
import { FUNDING_SOURCE_TYPES, type BoundStatement, type Statement } from '#common';
import {
  FUNDING_CLIFF_EARLIER_PAGE_SQL,
  FUNDING_CLIFF_MONTH_PAGE_SQL,
  FUNDING_CLIFF_SQL,
  FUNDING_CLIFF_EARLIER_TOTALS_SQL,
  FUNDING_CLIFF_WINDOW_TOTALS_SQL,
} from '#funding';
import { buildInitiativeListSql, type InitiativeListFilters } from '#portfolio';
import {
  buildExportFundingSql,
  buildExportIndicatorsSql,
  buildExportInitiativesSql,
  buildOverlapsSql,
  buildPortfolioReadinessSql,
  buildReadinessAreasSql,
  buildPortfolioSummarySql,
  buildDrainStatements,
  buildSummaryCliffSql,
} from '#portfolio-review';
import { CHANGES_FEED_PAGE_SQL } from '../libs/integration/src/changes-feed/changes-feed.sql.js';
import {
  ANY_CODE_ERROR_SQL,
  ANY_LINE_IN_MONTHS_SQL,
  CODE_ERRORS_SQL,
  DIMENSION_RULES_SQL,
  INSERT_LINES_SQL,
  UPSERT_LINES_SQL,
} from '../libs/integration/src/budget/budget-lines.sql.js';
import { INITIATIVE_FINANCE_SQL } from '../libs/integration/src/finance/initiative-finance.sql.js';
import { buildGoalTreeFiguresSql } from '../libs/portfolio-review/src/goal-tree/goal-tree.sql.js';
import { DECISIONS_SQL } from '../libs/portfolio-review/src/reviews/decisions-due.sql.js';
import {
  AGENDA_INITIATIVES_SQL,
  CRITICAL_ALERTS_SQL,
  REPORTS_SQL,
} from '../libs/portfolio-review/src/reviews/review-agenda.sql.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'docs/sql');
const TODAY = '2026-03-15';
const TIME_ZONE = 'Europe/Stockholm';
const PAGE = { limit: 50, offset: 0 };
/** Every filter of the initiative list at once, so its file shows each predicate the filters add. */
const EVERY_FILTER: InitiativeListFilters = {
  ids: ['00000000-0000-4000-8000-000000000001'],
  code: 'INS-001',
  status: ['active'],
  leadDepartmentId: '00000000-0000-4000-8000-000000000002',
  departmentId: '00000000-0000-4000-8000-000000000003',
  goalId: '00000000-0000-4000-8000-000000000004',
  targetGroup: ['unga'],
  district: ['centrum'],
  fundingSourceType: ['state_grant'],
  q: 'språk',
};

type Entry = {
  file: string;
  source: string;
  about: string;
  statements: (Statement<unknown> | BoundStatement<unknown>)[];
};

const ENTRIES: Entry[] = [
  {
    file: 'portfolio/initiative-list.sql',
    source: 'libs/portfolio/src/initiatives/initiative-list.sql.ts (buildInitiativeListSql)',
    about: 'GET /initiatives and GET /initiatives/{id}: a page of initiatives, no filter, default order.',
    statements: [buildInitiativeListSql({}, { sort: [], ...PAGE }, TODAY)],
  },
  {
    file: 'portfolio/initiative-list-filtered.sql',
    source: 'libs/portfolio/src/initiatives/initiative-list.sql.ts (buildInitiativeListSql, buildInitiativeFilter)',
    about: 'GET /initiatives with every filter given, sorted by title descending.',
    statements: [
      buildInitiativeListSql(EVERY_FILTER, { sort: [{ column: 'i.title', direction: 'DESC' }], ...PAGE }, TODAY),
    ],
  },
  {
    file: 'funding/funding-cliff.sql',
    source: 'libs/funding/src/funding-cliff/funding-cliff.sql.ts (FUNDING_CLIFF_SQL)',
    about: 'GET /portfolio/funding-cliff: $1 the first month, $2 the number of months.',
    statements: [FUNDING_CLIFF_SQL],
  },
  {
    file: 'funding/funding-cliff-totals.sql',
    source:
      'libs/funding/src/funding-cliff/funding-cliff.sql.ts (FUNDING_CLIFF_WINDOW_TOTALS_SQL, FUNDING_CLIFF_EARLIER_TOTALS_SQL)',
    about:
      "GET /portfolio/funding-cliff/totals: the report's figures without the initiatives and their lines, in two statements run at once in one snapshot: the window's, then the cliffs before it.",
    statements: [FUNDING_CLIFF_WINDOW_TOTALS_SQL, FUNDING_CLIFF_EARLIER_TOTALS_SQL],
  },
  {
    file: 'funding/funding-cliff-month-page.sql',
    source: 'libs/funding/src/funding-cliff/funding-cliff.sql.ts (FUNDING_CLIFF_MONTH_PAGE_SQL)',
    about:
      "GET /portfolio/funding-cliff/months/{month}/initiatives: $1 the month's first day, $2 limit, $3 offset; the report of that month alone.",
    statements: [FUNDING_CLIFF_MONTH_PAGE_SQL],
  },
  {
    file: 'funding/funding-cliff-earlier-page.sql',
    source: 'libs/funding/src/funding-cliff/funding-cliff.sql.ts (FUNDING_CLIFF_EARLIER_PAGE_SQL)',
    about:
      "GET /portfolio/funding-cliff/earlier/initiatives: $1 the window's first day, $2 limit, $3 offset; a window of no months.",
    statements: [FUNDING_CLIFF_EARLIER_PAGE_SQL],
  },
  {
    file: 'portfolio-review/portfolio-summary.sql',
    source:
      'libs/portfolio-review/src/summary/portfolio-summary.sql.ts (buildPortfolioSummarySql, buildSummaryCliffSql)',
    about: 'GET /portfolio/summary, no filter: the summary, then next budget year’s funding cliff.',
    statements: [
      buildPortfolioSummarySql({}, TODAY, TIME_ZONE, FUNDING_SOURCE_TYPES, ALERT_SEVERITIES),
      buildSummaryCliffSql({}, 2027),
    ],
  },
  {
    file: 'portfolio-review/portfolio-readiness.sql',
    source:
      'libs/portfolio-review/src/readiness/portfolio-readiness.sql.ts (buildPortfolioReadinessSql, buildReadinessAreasSql)',
    about: 'GET /portfolio/readiness, no filter: the page and the departments, then the priority areas.',
    statements: [buildPortfolioReadinessSql({}, PAGE, TODAY, TIME_ZONE), buildReadinessAreasSql({}, TODAY, TIME_ZONE)],
  },
  {
    file: 'portfolio-review/goal-tree.sql',
    source: 'libs/portfolio-review/src/goal-tree/goal-tree.sql.ts (buildGoalTreeFiguresSql)',
    about: 'GET /portfolio/goal-tree, no filter.',
    statements: [buildGoalTreeFiguresSql({})],
  },
  {
    file: 'portfolio-review/overlaps.sql',
    source: 'libs/portfolio-review/src/overlaps/overlaps.sql.ts (buildOverlapsSql)',
    about: 'GET /portfolio/overlaps: a page of the stored pairs at or above 0.3, reviewed ones left out.',
    statements: [buildOverlapsSql({ minScore: 0.3, includeReviewed: false, ...PAGE })],
  },
  {
    file: 'portfolio-review/overlap-refresh.sql',
    source: 'libs/portfolio-review/src/overlaps/overlaps.sql.ts (buildDrainStatements)',
    about:
      'One drain of the overlap outbox, in the order it runs (floor 0.3 and batch 500, inlined: CREATE TABLE AS takes no parameters).',
    statements: drainStatements(0.3, 500),
  },
  {
    file: 'portfolio-review/review-agenda.sql',
    source: 'libs/portfolio-review/src/reviews/review-agenda.sql.ts, decisions-due.sql.ts',
    about:
      'GET /portfolio-reviews/{id}/agenda: critical alerts, decisions due, reports returned or late, the initiatives.',
    statements: [CRITICAL_ALERTS_SQL, DECISIONS_SQL, REPORTS_SQL, AGENDA_INITIATIVES_SQL],
  },
  {
    file: 'portfolio-review/portfolio-export.sql',
    source:
      'libs/portfolio-review/src/export/portfolio-export.sql.ts (buildExportInitiativesSql, buildExportFundingSql, buildExportIndicatorsSql)',
    about:
      "GET /portfolio/export, no filter: the initiatives sheet, the initiatives' funding lines (written in and under their rows), then the indicators sheet.",
    statements: [
      buildExportInitiativesSql({}, TODAY, TIME_ZONE),
      buildExportFundingSql({}),
      buildExportIndicatorsSql({}),
    ],
  },
  {
    file: 'integration/changes-feed.sql',
    source: 'libs/integration/src/changes-feed/changes-feed.sql.ts (CHANGES_FEED_PAGE_SQL)',
    about:
      'GET /integrations/budget/initiatives (the changes feed): $1 xid and $2 position of the cursor, $3 the page size plus one.',
    statements: [CHANGES_FEED_PAGE_SQL],
  },
  {
    file: 'integration/budget-lines.sql',
    source: 'libs/integration/src/budget/budget-lines.sql.ts',
    about:
      'PUT /integrations/budget/lines: the dimensions, the quick code check, the bad codes (only when there are any), whether any of the months is stored, then the insert (none is) or the upsert.',
    statements: [
      DIMENSION_RULES_SQL,
      ANY_CODE_ERROR_SQL,
      CODE_ERRORS_SQL,
      ANY_LINE_IN_MONTHS_SQL,
      INSERT_LINES_SQL,
      UPSERT_LINES_SQL,
    ],
  },
  {
    file: 'integration/initiative-finance.sql',
    source: 'libs/integration/src/finance/initiative-finance.sql.ts (INITIATIVE_FINANCE_SQL)',
    about: 'GET /initiatives/{id}/finance: $1 asOf, $2 the initiative.',
    statements: [INITIATIVE_FINANCE_SQL],
  },
];

function drainStatements(floor: number, batch: number): Statement<unknown>[] {
  const r = buildDrainStatements(floor, batch);
  return [...r.prepare, r.counts, ...r.facts, ...r.forget, r.remember, r.rescore, r.handled];
}

/** The statement as a reader wants it: common indentation removed, no trailing blanks, ending with a semicolon. */
function plain(sql: string): string {
  const lines = sql.replace(/\s+$/, '').split('\n');
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  // A statement written right after its backtick has its first line unindented: only the lines after it count.
  const indented = /^\s/.test(lines[0]) ? lines : lines.slice(1);
  const indents = indented.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  const body = lines.map((line, i) => (i === 0 && indented !== lines ? line.trim() : line.slice(cut).trimEnd()));
  return `${body.join('\n')};`;
}

function render(entry: Entry): string {
  const header = [
    `-- Generated by \`npm run sql:write\` from ${entry.source}. Do not edit: change the code, then run it again.`,
    `-- ${entry.about}`,
  ];
  const parts = entry.statements.map((s) => {
    const params = 'params' in s && s.params.length > 0 ? `-- Parameters: ${JSON.stringify(s.params)}\n` : '';
    return `${params}${plain(s.sql)}`;
  });
  return `${header.join('\n')}\n\n${parts.join('\n\n')}\n`;
}

function committedFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.sql'))
      .map((entry) => path.relative(OUT, path.join(entry.parentPath, entry.name)));
  } catch {
    return [];
  }
}

const wanted = new Map(ENTRIES.map((entry) => [entry.file, render(entry)]));
if (process.argv.includes('--check')) {
  const stale = [...wanted].filter(([file, text]) => {
    try {
      return readFileSync(path.join(OUT, file), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  const extra = committedFiles(OUT).filter((file) => !wanted.has(file));
  if (stale.length + extra.length > 0) {
    console.error(
      `docs/sql differs from the code's statements (${[...stale.map(([file]) => file), ...extra].join(', ')}): run npm run sql:write and commit the result`,
    );
    process.exit(1);
  }
  console.error(`docs/sql: ${wanted.size} files match the code`);
} else {
  for (const file of committedFiles(OUT)) if (!wanted.has(file)) rmSync(path.join(OUT, file));
  for (const [file, text] of wanted) {
    mkdirSync(path.dirname(path.join(OUT, file)), { recursive: true });
    writeFileSync(path.join(OUT, file), text);
  }
  console.error(`docs/sql: ${wanted.size} files written`);
}
