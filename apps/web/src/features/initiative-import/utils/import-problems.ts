import type { components } from '../../../lib/api-schema';
import { initiativeImportMessages } from '../messages';

export type ImportPreview = components['schemas']['InitiativeImportDto'];
export type ImportColumn = components['schemas']['ImportColumnDto'];
export type ImportProblem = components['schemas']['ImportProblemDto'];
export type ImportField = NonNullable<ImportColumn['field']>;

const t = initiativeImportMessages.problems;
const fields = initiativeImportMessages.fields;
const fieldName = (field: string) => (field in fields ? fields[field as ImportField] : field);

/** The API's wordings (libs/initiative-import and the personal-data check), each with its Swedish. */
const SHAPES: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [
    /^no (department|goal|target group|district) is named or coded "(.*)"$/,
    (m) => t.notNamed(initiativeImportMessages.things[m[1]!]!, m[2]!),
  ],
  [/^is empty$/, () => t.empty],
  [/^is empty, while the row has other funding columns$/, () => t.emptyFunding],
  [/^repeats the code of row (\d+)$/, (m) => t.repeatsCode(m[1]!)],
  [/^an initiative with code (.*) already exists$/, (m) => t.codeTaken(m[1]!)],
  [/^names the lead department/, () => t.leadAmongParticipants],
  [/^"(.*)" is not a date as YYYY-MM-DD$/, (m) => t.notDate(m[1]!)],
  [/^is before the start$/, () => t.beforeStart],
  [/^is before the funding starts$/, () => t.beforeFundingStart],
  [/^"(.*)" is not whole kronor$/, (m) => t.notKronor(m[1]!)],
  [/^"(.*)" is not one of (.*)$/, (m) => t.notOneOf(m[1]!, m[2]!)],
  [/^looks like a Swedish personal identity number/, () => t.personalIdentityNumber],
  [/^looks like a Swedish coordination number/, () => t.coordinationNumber],
  [/^the mapping names a column "(.*)" that the file does not have$/, (m) => t.missingColumn(m[1]!)],
  [/^the columns "(.*)" and "(.*)" both give (\w+)$/, (m) => t.twoColumns(m[1]!, m[2]!, fieldName(m[3]!))],
  [/^no column gives (\w+) /, (m) => t.noColumnFor(fieldName(m[1]!))],
  [/^the file has no header row$/, () => t.noHeader],
  [/^the file has no rows below its header$/, () => t.noRows],
  [/^the file has (\d+) rows; import at most (\d+) at a time$/, (m) => t.tooManyRows(m[1]!, m[2]!)],
  [/^the file is not an Excel workbook/, () => t.notWorkbook],
];

/** An import problem in Swedish where the API's wording is a known one; the API's own words otherwise. */
export function translateProblem(message: string): string {
  for (const [shape, swedish] of SHAPES) {
    const match = shape.exec(message);
    if (match) return swedish(match);
  }
  return message;
}

/** How many rows have at least one problem (a row may have several). */
export function rowsWithProblems(problems: readonly ImportProblem[]): number {
  return new Set(problems.map((problem) => problem.row)).size;
}

/**
 * A refused import's errors (`rows[7].leadDepartment`) as the preview's problems, the column named by the header the
 * last preview read the field from.
 */
export function problemsFromErrors(
  errors: readonly { field: string; message: string }[],
  columns: readonly ImportColumn[],
): ImportProblem[] {
  return errors.flatMap(({ field: path, message }) => {
    const match = /^rows\[(\d+)\](?:\.(\w+))?$/.exec(path);
    if (!match) return [];
    const field = (match[2] ?? null) as ImportField | null;
    const column = field ? (columns.find((candidate) => candidate.field === field)?.header ?? null) : null;
    return [{ row: Number(match[1]), column, field, message }];
  });
}

/** The required fields a 400 says no column of the file fills (`no column gives code (Samla's header: "Kod")`). */
export function missingFields(errors: readonly { message: string }[]): ImportField[] {
  return errors.flatMap(({ message }) => {
    const match = /^no column gives (\w+) /.exec(message);
    return match ? [match[1] as ImportField] : [];
  });
}
