import type { components } from '../../../lib/api-schema';
import { formatDate, formatMoney } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import type { ProblemDetails } from '../../../lib/problem';
import { fundingMessages } from '../messages';

type FundingLineDto = components['schemas']['FundingLineDto'];
/** A line as the API always sends it: its OpenAPI document marks the fields with defaults optional. */
export type FundingLine = Required<FundingLineDto>;
export type CreateFundingLineBody = components['schemas']['CreateFundingLineDto'];
export type UpdateFundingLineBody = components['schemas']['UpdateFundingLineDto'];
export type CoverageDecisionBody = components['schemas']['CoverageDecisionDto'];
export type FundingStatus = FundingLine['status'];
export type CoverageDecision = FundingLine['coverageDecision'];
export type FundingSourceType = FundingLine['sourceType'];
export type DeadlineKind = components['schemas']['ReportingDeadlineDto']['kind'];
type Deadline = components['schemas']['ReportingDeadlineDto'];

const t = fundingMessages;

/** The API's defaults for what its document leaves optional, so the screen reads one shape. */
export function toLine(dto: FundingLineDto): FundingLine {
  return {
    ...dto,
    decisionReference: dto.decisionReference ?? null,
    status: dto.status ?? 'applied',
    renewable: dto.renewable ?? false,
    paidInArrears: dto.paidInArrears ?? false,
    successorFundingId: dto.successorFundingId ?? null,
    budgetProjectCode: dto.budgetProjectCode ?? null,
    reportingDeadlines: dto.reportingDeadlines ?? [],
    coverageDecision: dto.coverageDecision ?? 'undecided',
    coverageNote: dto.coverageNote ?? null,
    coverageDecidedBy: dto.coverageDecidedBy ?? null,
    coverageDecidedOn: dto.coverageDecidedOn ?? null,
  };
}

/** The successor select's "none": react-aria keys cannot be null. */
export const NO_SUCCESSOR = 'ingen';

/** A funding line as its form holds it: text fields as strings (empty for none), choices as null until chosen. */
export type FundingLineValues = {
  sourceType: FundingSourceType | null;
  funder: string;
  decisionReference: string;
  amountSek: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  status: FundingStatus;
  renewable: boolean;
  paidInArrears: boolean;
  successorFundingId: string;
  budgetProjectCode: string;
  reportingDeadlines: { date: string | null; kind: DeadlineKind | null; description: string }[];
};

export type LineField = keyof FundingLineValues;

/** The line's fields in the form's order: what a change, a conflict and the error summary go through. */
export const LINE_FIELDS = [
  'sourceType',
  'funder',
  'decisionReference',
  'amountSek',
  'periodStart',
  'periodEnd',
  'status',
  'renewable',
  'paidInArrears',
  'budgetProjectCode',
  'successorFundingId',
  'reportingDeadlines',
] as const satisfies readonly LineField[];

export const EMPTY_LINE: FundingLineValues = {
  sourceType: null,
  funder: '',
  decisionReference: '',
  amountSek: null,
  periodStart: null,
  periodEnd: null,
  status: 'applied',
  renewable: false,
  paidInArrears: false,
  successorFundingId: NO_SUCCESSOR,
  budgetProjectCode: '',
  reportingDeadlines: [],
};

export function lineToValues(line: FundingLine): FundingLineValues {
  return {
    sourceType: line.sourceType,
    funder: line.funder,
    decisionReference: line.decisionReference ?? '',
    amountSek: line.amountSek,
    periodStart: line.periodStart,
    periodEnd: line.periodEnd,
    status: line.status,
    renewable: line.renewable,
    paidInArrears: line.paidInArrears,
    successorFundingId: line.successorFundingId ?? NO_SUCCESSOR,
    budgetProjectCode: line.budgetProjectCode ?? '',
    reportingDeadlines: line.reportingDeadlines.map((d) => ({
      date: d.date,
      kind: d.kind,
      description: d.description ?? '',
    })),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** One field as the API takes it: empty text is null, "none" is null. */
export function apiValue(field: LineField, values: FundingLineValues): unknown {
  switch (field) {
    case 'decisionReference':
      return orNull(values.decisionReference);
    case 'budgetProjectCode':
      return orNull(values.budgetProjectCode);
    case 'funder':
      return values.funder.trim();
    case 'successorFundingId':
      return values.successorFundingId === NO_SUCCESSOR ? null : values.successorFundingId;
    case 'reportingDeadlines':
      return values.reportingDeadlines.map((d) => ({ date: d.date, kind: d.kind, description: orNull(d.description) }));
    default:
      return values[field];
  }
}

/**
 * A new line's body. Nothing is checked here: a missing choice goes as null, and the API's refusal names the field
 * (the API is the one place the rules live).
 */
export function createBody(values: FundingLineValues): CreateFundingLineBody {
  return Object.fromEntries(LINE_FIELDS.map((field) => [field, apiValue(field, values)])) as CreateFundingLineBody;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Only what the person changed, compared with the version they started from: a field someone else saved meanwhile,
 * and the person left alone, is not sent back with its old value.
 */
export function patchBody(base: FundingLine, values: FundingLineValues): UpdateFundingLineBody {
  const before = lineToValues(base);
  return Object.fromEntries(
    LINE_FIELDS.filter((field) => !same(apiValue(field, values), apiValue(field, before))).map((field) => [
      field,
      apiValue(field, values),
    ]),
  );
}

export type VersionComparison<F extends string> = {
  /** Changed by someone else only: their value is taken into the form, and the person is told. */
  taken: F[];
  /** Changed by both, differently: the person chooses per field. */
  contested: F[];
};

/**
 * After a 412: what someone else saved since `base`, against what the person typed (`mine`) and what is stored now
 * (`theirs`). Each is in the API's form, so "" and null compare equal. A field both changed to the same value is no
 * conflict.
 */
export function compareVersions<F extends string>(
  fields: readonly F[],
  base: Record<F, unknown>,
  mine: Record<F, unknown>,
  theirs: Record<F, unknown>,
): VersionComparison<F> {
  const taken: F[] = [];
  const contested: F[] = [];
  for (const field of fields) {
    if (same(theirs[field], base[field]) || same(mine[field], theirs[field])) continue;
    (same(mine[field], base[field]) ? taken : contested).push(field);
  }
  return { taken, contested };
}

/** The line's fields in the API's form, for compareVersions. */
export function lineApiValues(values: FundingLineValues): Record<LineField, unknown> {
  return Object.fromEntries(LINE_FIELDS.map((field) => [field, apiValue(field, values)])) as Record<LineField, unknown>;
}

/** How a line is named on screen: its funder and period. */
export function lineName(line: Pick<FundingLine, 'funder' | 'periodStart' | 'periodEnd'>): string {
  return t.lineHeading(line.funder, formatDate(line.periodStart), formatDate(line.periodEnd));
}

export const LINE_LABELS: Record<LineField, string> = {
  sourceType: t.form.sourceType,
  funder: t.form.funder,
  decisionReference: t.form.decisionReference,
  amountSek: t.form.amount,
  periodStart: t.form.periodStart,
  periodEnd: t.form.periodEnd,
  status: t.form.status,
  renewable: t.form.renewable,
  paidInArrears: t.form.paidInArrears,
  budgetProjectCode: t.form.budgetProjectCode,
  successorFundingId: t.form.successor,
  reportingDeadlines: t.form.deadlinesLegend,
};

/** A line field's value in words, for the conflict view: money, dates and choices as the rest of the screen says them. */
export function describeLineValue(field: LineField, value: unknown, lines: readonly FundingLine[]): string {
  if (value === null || value === undefined || value === '') return t.conflict.empty;
  switch (field) {
    case 'amountSek':
      return formatMoney(value as number);
    case 'periodStart':
    case 'periodEnd':
      return formatDate(value as string);
    case 'sourceType':
      return messages.vocabulary.fundingSourceType[value as FundingSourceType];
    case 'status':
      return messages.vocabulary.fundingStatus[value as FundingStatus];
    case 'renewable':
    case 'paidInArrears':
      return value ? t.conflict.yes : t.conflict.no;
    case 'successorFundingId': {
      const successor = lines.find((line) => line.id === value);
      return successor ? lineName(successor) : (value as string);
    }
    case 'reportingDeadlines': {
      const deadlines = value as Deadline[];
      if (deadlines.length === 0) return t.facts.noDeadlines;
      return deadlines
        .map((d) =>
          t.facts.deadline(
            d.date ? formatDate(d.date) : t.conflict.empty,
            messages.vocabulary.deadlineKind[d.kind] ?? '',
            d.description ?? null,
          ),
        )
        .join('; ');
    }
    default:
      // The free-text fields: funder, decision reference, budget project code.
      return value as string;
  }
}

/** The coverage decision as its form holds it. */
export type CoverageValues = {
  decision: CoverageDecision | null;
  note: string;
  decidedBy: string;
  decidedOn: string | null;
};
export type CoverageField = keyof CoverageValues;
/** What a conflict compares: who decided and when are recorded anew with each decision, so they never conflict. */
export const COVERAGE_FIELDS = ['decision', 'note'] as const satisfies readonly CoverageField[];

export const COVERAGE_LABELS: Record<CoverageField, string> = {
  decision: t.coverage.decision,
  note: t.coverage.note,
  decidedBy: t.coverage.decidedBy,
  decidedOn: t.coverage.decidedOn,
};

/**
 * The form for a line's decision: its decision and note as stored; who and when start empty, because recording a
 * decision again is a new record of it (the API fills in the person and today unless told otherwise).
 */
export function coverageValues(line: FundingLine): CoverageValues {
  return { decision: line.coverageDecision, note: line.coverageNote ?? '', decidedBy: '', decidedOn: null };
}

/** `PUT /funding/{id}/coverage-decision`'s body: empty who and when leave them to the API (the caller, today). */
export function coverageBody(values: CoverageValues): CoverageDecisionBody {
  return {
    decision: values.decision as CoverageDecision,
    note: orNull(values.note),
    decidedBy: orNull(values.decidedBy),
    decidedOn: values.decidedOn,
  };
}

export function coverageApiValues(values: CoverageValues): Record<CoverageField, unknown> {
  const body = coverageBody(values);
  return { decision: body.decision, note: body.note, decidedBy: body.decidedBy, decidedOn: body.decidedOn };
}

export function describeCoverageValue(field: CoverageField, value: unknown): string {
  if (value === null || value === undefined || value === '') return t.conflict.empty;
  if (field === 'decision') return t.coverageLabel[value as CoverageDecision];
  if (field === 'decidedOn') return formatDate(value as string);
  // The note and who decided: text.
  return value as string;
}

/** What was being done when the API refused: decides which general explanation a 403 or 409 gets. */
export type FundingAction = 'create' | 'update' | 'coverage' | 'remove';

const FIELD_MESSAGES: Array<[RegExp, string]> = [
  [/must be on or after periodStart/, t.problems.periodOrder],
  [/must be whole kronor/, t.problems.wholeKronor],
  [/must not be negative/, t.problems.negative],
  [/must be at most \d+/, t.problems.tooLarge],
  [/is this funding line itself/, t.problems.ownSuccessor],
  [/cycle of successors/, t.problems.successorCycle],
  [/belongs to another initiative/, t.problems.otherInitiative],
  [/must be upper-case letters/, t.problems.code],
];

/**
 * The API's funding refusals in the person's words: its field messages that the shared mapping (lib/problem.ts) does
 * not know, and, for a 403 or 409, a sentence saying why in terms of this screen. Other problems pass unchanged.
 */
export function explainFundingProblem(problem: ProblemDetails, action: FundingAction): ProblemDetails {
  const seen = new Set<string>();
  const errors = (problem.errors ?? [])
    .map((error) => {
      const swedish = FIELD_MESSAGES.find(([pattern]) => pattern.test(error.message))?.[1];
      return swedish ? { ...error, message: swedish } : error;
    })
    // "whole kronor", "not negative" and "at most" all come for an empty amount: say it once.
    .filter((error) => {
      const key = `${error.field}|${error.message}`;
      const fresh = !seen.has(key) && !(error.field === 'amountSek' && seen.has('amountSek'));
      seen.add(key);
      seen.add(error.field);
      return fresh;
    });
  const general =
    problem.status === 403
      ? action === 'coverage'
        ? t.coverage.forbidden
        : t.problems.forbiddenLine
      : problem.status === 409
        ? action === 'create'
          ? t.problems.initiativeEnded
          : action === 'remove'
            ? t.problems.notDraft
            : null
        : null;
  return { ...problem, errors: general ? [...errors, { field: '', message: general }] : errors };
}

/** The person's values with each contested field they chose "theirs" for taken from the stored version. */
export function applyResolution<V extends object, F extends keyof V & string>(
  values: V,
  latest: V,
  contested: readonly F[],
  resolution: Partial<Record<string, 'mine' | 'theirs' | null>>,
): V {
  const resolved = { ...values };
  for (const field of contested) if (resolution[field] === 'theirs') resolved[field] = latest[field];
  return resolved;
}
