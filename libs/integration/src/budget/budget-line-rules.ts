import { MAX_AMOUNT_SEK, type FieldError } from '#common';
import { parsePeriod } from './budget-period.js';

export const BUDGET_LINE_KINDS = ['budget', 'actual'] as const;
export type BudgetLineKind = (typeof BUDGET_LINE_KINDS)[number];

export const MAX_BUDGET_LINES = 50_000;
/** A 422 lists at most this many line errors (and says how many there were): enough to fix a file, not a 50 MB answer. */
export const MAX_LINE_ERRORS = 1000;
export const MAX_CODE_LENGTH = 40;

export type DimensionRule = { code: string; required: boolean };

const LINE_FIELDS = new Set(['kind', 'period', 'amountSek', 'dimensions']);

/** A code as the budget system writes it: 1–40 characters, no surrounding blanks, no control characters. */
export const CODE_VALUE_PATTERN = /^[^\s\p{Cc}](?:[^\p{Cc}]{0,38}[^\s\p{Cc}])?$/u;

export function isCodeValue(value: unknown): value is string {
  return typeof value === 'string' && CODE_VALUE_PATTERN.test(value);
}

/** A code as a batch uses it: in which dimension, and the first and last month (first days) of its lines. */
export type CodeUse = { dimension: string; code: string; first: string; last: string };

type LineShape = { kind: BudgetLineKind; period: string; amountSek: number; dimensions: Record<string, string> };

/**
 * The lines that passed the rules that need no database, as one text parameter (`LINES` in budget-lines.sql.ts reads
 * it), how many they are, and each distinct kind and month (first day) among them.
 */
export type CheckedLines = { text: string; count: number; months: { kind: BudgetLineKind; period: string }[] };

/**
 * Every rule of a batch's lines that needs no database: kind, period, amount, known and required dimensions, and
 * no two lines with the same natural key (kind, period, dimensions), which the upsert could not tell apart. Codes
 * are checked afterwards, set-based in SQL, for the lines that pass, from `uses`: each distinct (dimension, code) of
 * those lines with the span of months it is used in, a few thousand for 50,000 lines. A code's validity is one
 * interval, so if it overlaps the first and the last month it overlaps every month in between: checking the span is
 * the same as checking every line. One pass, allocating little for a good line: 50,000 lines × 6 dimensions.
 *
 * The good lines go straight into the parameter's text, a line a row: index, amount, kind, period and the dimensions as
 * JSON, separated by tabs; no field can hold a tab or a newline (codes hold no control characters, and JSON escapes
 * them). The dimensions' JSON is written exactly as PostgreSQL prints their jsonb (`jsonbKeyOrder`), so the upsert finds
 * a stored line by comparing texts, without parsing each line's JSON. A line's codes, in that order, lead down a tree of
 * the batch's coding strings (a few thousand in 50,000 lines) to one leaf, which holds that JSON, written once from
 * one fragment per distinct code, and the lines seen with it by kind and month: the duplicate check needs no key text,
 * and no line is serialised on its own (bench/README.md, "Budget import").
 */
export function checkLines(
  lines: readonly unknown[],
  dimensions: readonly DimensionRule[],
): { checked: CheckedLines; errors: FieldError[]; uses: CodeUse[] } {
  const known = new Map(dimensions.map((d) => [d.code, d]));
  const required = dimensions.filter((d) => d.required).map((d) => d.code);
  const codesByDimension = new Map(dimensions.map((d) => [d.code, new Map<string, UsedCode>()]));
  const inJsonbOrder = [...dimensions].sort((a, b) => jsonbKeyOrder(a.code, b.code));
  const root: CodingStringNode = { next: new Map(), json: '{', leaf: undefined };
  // Codes repeat across lines (a few thousand distinct in 50,000 lines): each distinct one is matched once.
  const goodCodes = new Set<string>();
  const periods = new Map<string, string | null>();
  const monthsByKind = new Map(BUDGET_LINE_KINDS.map((kind) => [kind, new Set<string>()]));
  const rows: string[] = [];
  const errors: FieldError[] = [];
  lines.forEach((raw, index) => {
    const period = goodLinePeriod(raw, known, required, goodCodes, periods);
    if (period === null) return errors.push(...lineShapeErrors(raw, `lines[${index}]`, known, required));
    const line = raw as LineShape;
    let node = root;
    for (const { code: dimension } of inJsonbOrder) {
      let used: UsedCode | undefined;
      if (Object.hasOwn(line.dimensions, dimension)) {
        const code = line.dimensions[dimension];
        const codes = codesByDimension.get(dimension)!;
        used = codes.get(code);
        if (!used) {
          const fragment = `${JSON.stringify(dimension)}: ${JSON.stringify(code)}`;
          codes.set(code, (used = { use: { dimension, code, first: period, last: period }, fragment }));
        }
        // A line with the same key as an earlier one has the same codes and month: recording it changes nothing.
        else if (period < used.use.first) used.use.first = period;
        else if (period > used.use.last) used.use.last = period;
      }
      let next = node.next.get(used);
      if (!next) {
        const json = used ? `${node.json}${node.json === '{' ? '' : ', '}${used.fragment}` : node.json;
        node.next.set(used, (next = { next: new Map(), json, leaf: undefined }));
      }
      node = next;
    }
    const leaf = (node.leaf ??= {
      json: `${node.json}}`,
      budget: new Map<string, number>(),
      actual: new Map<string, number>(),
    });
    const first = leaf[line.kind].get(period);
    if (first !== undefined)
      return errors.push({ field: `lines[${index}]`, message: `same kind, period and dimensions as lines[${first}]` });
    leaf[line.kind].set(period, index);
    rows.push(`${index}\t${line.amountSek}\t${line.kind}\t${period}\t${leaf.json}`);
    monthsByKind.get(line.kind)!.add(period);
  });
  const uses = [...codesByDimension.values()].flatMap((byCode) => [...byCode.values()].map((used) => used.use));
  const months = [...monthsByKind].flatMap(([kind, periods]) => [...periods].map((period) => ({ kind, period })));
  return { checked: { text: rows.join('\n'), count: rows.length, months }, errors, uses };
}

/**
 * The order of an object's keys in jsonb, and so in its text: shorter first, then bytewise. Dimension codes are ASCII
 * (DIMENSION_CODE_PATTERN), so characters are bytes.
 */
const jsonbKeyOrder = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * A distinct code of a dimension in a batch: where it is used, and `"dimension": "code"` as jsonb prints it (its
 * escaping is JSON.stringify's for a code, which holds no control characters, and its separators are `: ` and `, `).
 */
type UsedCode = { use: CodeUse; fragment: string };

/**
 * A level of the tree of a batch's coding strings: the next dimension's code (undefined where a line leaves it out)
 * leads to the next node; `json` is the dimensions' JSON so far. The last level's nodes have a leaf: the whole JSON and
 * the index of the first line of each kind by month.
 */
type CodingStringNode = {
  next: Map<UsedCode | undefined, CodingStringNode>;
  json: string;
  leaf: ({ json: string } & Record<BudgetLineKind, Map<string, number>>) | undefined;
};

/**
 * The period (the month's first day) of a line that breaks no rule of `lineShapeErrors`, else null: the same rules
 * without building a message, so a good line costs no allocation; a bad one is then described by lineShapeErrors.
 */
function goodLinePeriod(
  raw: unknown,
  known: Map<string, DimensionRule>,
  required: readonly string[],
  goodCodes: Set<string>,
  periods: Map<string, string | null>,
): string | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const line = raw as Record<string, unknown>;
  for (const field of Object.keys(line)) if (!LINE_FIELDS.has(field)) return null;
  if (!BUDGET_LINE_KINDS.includes(line.kind as BudgetLineKind)) return null;
  const amount = line.amountSek;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || Math.abs(amount) > MAX_AMOUNT_SEK) return null;
  const dims = line.dimensions;
  if (dims === null || typeof dims !== 'object' || Array.isArray(dims)) return null;
  for (const dimension of Object.keys(dims)) {
    const value = (dims as Record<string, unknown>)[dimension];
    if (!known.has(dimension)) return null;
    if (typeof value !== 'string' || !goodCodes.has(value)) {
      if (!isCodeValue(value)) return null;
      goodCodes.add(value);
    }
  }
  for (const dimension of required) if (!Object.hasOwn(dims, dimension)) return null;
  // A batch holds a few distinct periods: each is parsed once.
  if (typeof line.period !== 'string') return null;
  let period = periods.get(line.period);
  if (period === undefined) periods.set(line.period, (period = parsePeriod(line.period)));
  return period;
}

function lineShapeErrors(
  raw: unknown,
  at: string,
  known: Map<string, DimensionRule>,
  required: string[],
): FieldError[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return [{ field: at, message: 'must be an object with kind, period, amountSek and dimensions' }];
  const line = raw as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(line)
    .filter((field) => !LINE_FIELDS.has(field))
    .map((field) => ({ field: `${at}.${field}`, message: 'unknown field' }));
  if (!BUDGET_LINE_KINDS.includes(line.kind as BudgetLineKind))
    errors.push({ field: `${at}.kind`, message: 'must be budget or actual' });
  if (parsePeriod(line.period) === null) errors.push({ field: `${at}.period`, message: 'must be a month, YYYY-MM' });
  const amount = line.amountSek;
  if (typeof amount !== 'number' || !Number.isInteger(amount))
    errors.push({ field: `${at}.amountSek`, message: 'must be a whole number of kronor' });
  else if (Math.abs(amount) > MAX_AMOUNT_SEK)
    errors.push({ field: `${at}.amountSek`, message: `must be between -${MAX_AMOUNT_SEK} and ${MAX_AMOUNT_SEK}` });
  const dims = line.dimensions;
  if (dims === null || typeof dims !== 'object' || Array.isArray(dims)) {
    errors.push({ field: `${at}.dimensions`, message: 'must be an object of dimension codes' });
    return errors;
  }
  for (const [dimension, value] of Object.entries(dims)) {
    if (!known.has(dimension)) errors.push({ field: `${at}.dimensions.${dimension}`, message: 'unknown dimension' });
    else if (!isCodeValue(value))
      errors.push({
        field: `${at}.dimensions.${dimension}`,
        message: `must be a code of 1–${MAX_CODE_LENGTH} characters`,
      });
  }
  for (const dimension of required) {
    if (!Object.hasOwn(dims, dimension))
      errors.push({ field: `${at}.dimensions.${dimension}`, message: 'missing: the dimension is required' });
  }
  return errors;
}
