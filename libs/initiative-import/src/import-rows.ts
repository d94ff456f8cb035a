import { FUNDING_SOURCE_TYPE_LABELS, FUNDING_SOURCE_TYPES, findIdentityNumbers, PERSONAL_DATA_MESSAGES } from '#common';
import { FUNDING_STATUS_LABELS, FUNDING_STATUSES, type NewFundingLine } from '#funding';
import { INITIATIVE_KIND_LABELS, INITIATIVE_KINDS, type NewInitiative } from '#portfolio';
import {
  FUNDING_FIELDS,
  INITIATIVE_FIELDS,
  REQUIRED_FIELDS,
  type ColumnUse,
  type ImportField,
} from './import-columns.js';

/** Names and codes (any case) to ids. */
export type NameIndex = Map<string, string>;
export type ImportLookups = {
  departments: NameIndex;
  goals: NameIndex;
  targetGroups: NameIndex;
  districts: NameIndex;
  takenCodes: Set<string>;
};

/** A spreadsheet row: its number in the file (the header is row 1) and its cells as text, column by column. */
export type SheetRow = { row: number; cells: string[] };

export type ImportProblem = { row: number; column: string | null; field: ImportField | null; message: string };

export type DraftFundingLine = Omit<NewFundingLine, 'initiativeId'>;
export type ImportDraft = { row: number; initiative: NewInitiative };
/** A funding line, the row it was read from and the code of the initiative it funds. */
export type ImportFundingLine = { row: number; code: string; line: DraftFundingLine };

export const key = (text: string) => text.trim().toLocaleLowerCase('sv-SE');

/**
 * Samla's CSV export writes text that Excel would run as a formula (`=`, `+`, `-`, `@` first) after a `'` (csvCell in
 * #portfolio-review): read back without it, so `-18 år` comes back as it was, not as `'-18 år`.
 */
const FORMULA_GUARD = /^'(?=[=+\-@])/;

/**
 * Reads every row into an initiative draft (and its funding line, when the row has funding columns), resolving names
 * and codes against the lookups, and answers each problem with its row and column: a required cell empty, an unknown
 * department, goal, target group or district, a date or an amount that does not read, a code taken or repeated,
 * personal data. A row that repeats the code of the row above and leaves every other initiative column empty is a
 * further funding line of that initiative (how Samla's export writes an initiative's second line and on); any other
 * repeat of a code is a problem. The drafts and lines are complete only where a row has no problem; the caller imports
 * all rows or none.
 */
export function readRows(
  rows: SheetRow[],
  columns: ColumnUse[],
  lookups: ImportLookups,
): { drafts: ImportDraft[]; fundingLines: ImportFundingLine[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const drafts: ImportDraft[] = [];
  const fundingLines: ImportFundingLine[] = [];
  const columnOf = new Map<ImportField, number>();
  columns.forEach((column, index) => column.field && columnOf.set(column.field, index));
  const firstRowOf = new Map<string, number>();
  let codeAbove: string | null = null;

  for (const { row, cells } of rows) {
    const before = problems.length;
    const problem = (
      field: ImportField | null,
      message: string,
      column = field ? (columns[columnOf.get(field)!]?.header ?? null) : null,
    ) => problems.push({ row, column, field, message });
    const cell = (field: ImportField) => {
      const index = columnOf.get(field);
      return index === undefined ? '' : (cells[index] ?? '').trim().replace(FORMULA_GUARD, '');
    };
    cells.forEach((text, index) => {
      const kind = findIdentityNumbers(text)[0];
      if (kind) problem(columns[index]?.field ?? null, PERSONAL_DATA_MESSAGES[kind], columns[index]?.header ?? null);
    });
    const code = cell('code');
    const continues = code !== '' && code === codeAbove && INITIATIVE_FIELDS.every((field) => cell(field) === '');
    codeAbove = code;
    if (continues) {
      const fundingLine = readFundingLine(cell, problem);
      if (!fundingLine) problem('code', `repeats the code of row ${firstRowOf.get(code)} but gives no funding line`);
      else if (problems.length === before) fundingLines.push({ row, code, line: fundingLine });
      continue;
    }
    for (const field of REQUIRED_FIELDS) if (cell(field) === '') problem(field, 'is empty');
    if (code !== '') {
      const earlier = firstRowOf.get(code);
      if (earlier !== undefined) problem('code', `repeats the code of row ${earlier}`);
      else firstRowOf.set(code, row);
      if (lookups.takenCodes.has(code)) problem('code', `an initiative with code ${code} already exists`);
    }
    const one = (field: ImportField, index: NameIndex, what: string) => {
      const text = cell(field);
      if (text === '') return null;
      const found = index.get(key(text));
      if (found === undefined) problem(field, `no ${what} is named or coded "${text}"`);
      return found ?? null;
    };
    const many = (field: ImportField, index: NameIndex, what: string) => {
      const { found, unknown } = splitKnown(cell(field), index);
      for (const name of unknown) problem(field, `no ${what} is named or coded "${name}"`);
      return [...new Set(found)];
    };
    const leadDepartmentId = one('leadDepartment', lookups.departments, 'department');
    const participantIds = many('participants', lookups.departments, 'department');
    if (leadDepartmentId && participantIds.includes(leadDepartmentId))
      problem('participants', 'names the lead department, which leads rather than takes part');
    const startDate = date(cell('startDate'), (message) => problem('startDate', message));
    const endDate = date(cell('endDate'), (message) => problem('endDate', message));
    if (startDate && endDate && endDate < startDate) problem('endDate', 'is before the start');
    const initiative: NewInitiative = {
      code,
      title: cell('title'),
      kind: label(cell('kind'), INITIATIVE_KINDS, INITIATIVE_KIND_LABELS, 'project', (message) =>
        problem('kind', message),
      ),
      summary: cell('summary') || null,
      leadDepartmentId: leadDepartmentId ?? '',
      participants: participantIds.map((departmentId) => ({
        departmentId,
        role: 'partner' as const,
        responsibility: null,
      })),
      goalIds: many('goals', lookups.goals, 'goal'),
      targetGroupIds: many('targetGroups', lookups.targetGroups, 'target group'),
      districtIds: many('districts', lookups.districts, 'district'),
      startDate,
      endDate,
      annualCostSek: kronor(cell('annualCostSek'), (message) => problem('annualCostSek', message)),
    };

    const fundingLine = readFundingLine(cell, problem);
    if (problems.length === before) {
      drafts.push({ row, initiative });
      if (fundingLine) fundingLines.push({ row, code, line: fundingLine });
    }
  }
  return { drafts, fundingLines, problems };
}

/** The row's funding line, when it has any funding column: then all of them but the status must be given. */
function readFundingLine(
  cell: (field: ImportField) => string,
  problem: (field: ImportField, message: string) => void,
): DraftFundingLine | null {
  if (FUNDING_FIELDS.every((field) => cell(field) === '')) return null;
  for (const field of FUNDING_FIELDS)
    if (cell(field) === '') problem(field, 'is empty, while the row has other funding columns');
  const periodStart = date(cell('fundingStart'), (message) => problem('fundingStart', message));
  const periodEnd = date(cell('fundingEnd'), (message) => problem('fundingEnd', message));
  if (periodStart && periodEnd && periodEnd < periodStart) problem('fundingEnd', 'is before the funding starts');
  return {
    sourceType: label(cell('fundingSourceType'), FUNDING_SOURCE_TYPES, FUNDING_SOURCE_TYPE_LABELS, 'other', (message) =>
      problem('fundingSourceType', message),
    ),
    funder: cell('funder'),
    amountSek: kronor(cell('fundingAmountSek'), (message) => problem('fundingAmountSek', message)) ?? 0,
    periodStart: periodStart ?? '',
    periodEnd: periodEnd ?? '',
    // A spreadsheet of running initiatives lists the money they run on: granted, unless the row says otherwise.
    status: label(cell('fundingStatus'), FUNDING_STATUSES, FUNDING_STATUS_LABELS, 'granted', (message) =>
      problem('fundingStatus', message),
    ),
  };
}

/**
 * A list cell as names or codes: the export joins names with ", ", and a name may itself hold a comma, so the longest
 * run of parts that names something known is taken first.
 */
export function splitKnown(text: string, index: NameIndex): { found: string[]; unknown: string[] } {
  const parts = text.split(/,|\n/);
  const found: string[] = [];
  const unknown: string[] = [];
  let start = 0;
  while (start < parts.length) {
    let end = parts.length;
    while (end > start && !index.has(key(parts.slice(start, end).join(',')))) end--;
    if (end > start) {
      found.push(index.get(key(parts.slice(start, end).join(',')))!);
      start = end;
    } else {
      const name = parts[start].trim();
      if (name !== '') unknown.push(name);
      start++;
    }
  }
  return { found, unknown };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` (how the export and Swedish Excel write dates), a real day; empty is none. */
function date(text: string, refuse: (message: string) => void): string | null {
  if (text === '') return null;
  const match = ISO_DATE.exec(text);
  const day = match && new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  if (!match || !day || day.getUTCDate() !== +match[3] || day.getUTCMonth() !== +match[2] - 1) {
    refuse(`"${text}" is not a date as YYYY-MM-DD`);
    return null;
  }
  return text;
}

/** Whole kronor as people write them: `1 234 567`, `1234567 kr`, `1234567,00`; empty is none. */
function kronor(text: string, refuse: (message: string) => void): number | null {
  if (text === '') return null;
  const plain = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/kr$/i, '')
    .replace(/,00?$/, '');
  if (!/^\d{1,13}$/.test(plain)) {
    refuse(`"${text}" is not whole kronor`);
    return null;
  }
  return Number(plain);
}

/** One of the API's values, given as it or as its Swedish label (any case); empty is the default. */
function label<T extends string>(
  text: string,
  values: readonly T[],
  labels: Record<T, string>,
  fallback: T,
  refuse: (message: string) => void,
): T {
  if (text === '') return fallback;
  const found = values.find((value) => key(value) === key(text) || key(labels[value]) === key(text));
  if (!found) refuse(`"${text}" is not one of ${values.map((value) => labels[value]).join(', ')}`);
  return found ?? fallback;
}
