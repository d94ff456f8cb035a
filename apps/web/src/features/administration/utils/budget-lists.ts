import { ApiProblemError } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import type { ProblemDetails } from '../../../lib/problem';
import { inSwedish } from './problems';

type BudgetDimension = components['schemas']['BudgetDimensionDto'];
type BudgetCode = components['schemas']['BudgetDimensionCodeDto'];

/**
 * One change to a list the API only takes whole (budget dimensions, a dimension's codes), made to the list as read
 * just before the PUT: an entry added, changed from what the person saw (`before`), or removed.
 */
export type ListChange<T> =
  { kind: 'add'; entry: T } | { kind: 'change'; before: T; entry: T } | { kind: 'remove'; before: T };

/** Two entries alike field by field (an absent field as null, as the API answers it). */
export function sameEntry<T extends object>(a: T, b: T): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof T>;
  return [...fields].every((field) => (a[field] ?? null) === (b[field] ?? null));
}

/**
 * The whole list to PUT: the list as it is now (`current`, read just before) with this one change, and where the
 * changed entry stands in it (-1 for a removal). Someone else's entries go along untouched. Refused as the API would
 * refuse it were the list versioned: an added code someone else has added meanwhile (409 on `code`), and an entry
 * someone else changed or removed since the person read it (412), so nothing of theirs is overwritten unseen.
 */
export function withChange<T extends { code: string }>(
  current: readonly T[],
  change: ListChange<T>,
): { list: T[]; index: number } {
  const at = current.findIndex((entry) => entry.code === (change.kind === 'add' ? change.entry : change.before).code);
  switch (change.kind) {
    case 'add':
      if (at >= 0) throw refusal(409, [{ field: 'code', message: 'already exists' }]);
      return { list: [...current, change.entry], index: current.length };
    case 'change':
      if (at < 0 || !sameEntry(current[at]!, change.before)) throw refusal(412);
      return { list: current.map((entry, i) => (i === at ? change.entry : entry)), index: at };
    case 'remove':
      // Gone already is what was asked for; a removal does not depend on what the entry said.
      return { list: current.filter((_, i) => i !== at), index: -1 };
  }
}

function refusal(status: 409 | 412, errors?: ProblemDetails['errors']): ApiProblemError {
  return new ApiProblemError(
    inSwedish({
      type: status === 409 ? '/problems/conflict' : '/problems/precondition-failed',
      title: status === 409 ? 'Conflict' : 'Stale version',
      status,
      detail: '',
      ...(errors ? { errors } : {}),
    }),
  );
}

/**
 * The PUT's refusal as the one entry's form shows it: `codes[4].label` is the form's `label` when the entry is the
 * fifth; the list's own checks (`codes`: each must be unique) go on `listCheckField`. Other entries' errors keep
 * their names, so the summary still lists them.
 */
export function onEntry(problem: ProblemDetails, list: string, index: number, listCheckField: string): ProblemDetails {
  if (!problem.errors) return problem;
  const prefix = `${list}[${index}].`;
  return {
    ...problem,
    errors: problem.errors.map((error) => {
      if (error.field === list) return { ...error, field: listCheckField };
      return error.field.startsWith(prefix) ? { ...error, field: error.field.slice(prefix.length) } : error;
    }),
  };
}

export type CodeStatus = 'active' | 'ended' | 'notYet';

/** Whether a code may be booked today (`today` as YYYY-MM-DD in Sweden), has ended, or has not begun. */
export function codeStatus({ validFrom, validTo }: BudgetCode, today: string): CodeStatus {
  if (validTo && validTo < today) return 'ended';
  if (validFrom && validFrom > today) return 'notYet';
  return 'active';
}

/** The day before `day` (YYYY-MM-DD). */
function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * A code deactivated today: yesterday becomes its last day, so no later month may use it. Null when there is nothing
 * to deactivate: it has not begun (or begins today, and would end before it began), or it ended by yesterday.
 */
export function deactivated(code: BudgetCode, today: string): BudgetCode | null {
  const lastDay = dayBefore(today);
  if ((code.validFrom && code.validFrom > lastDay) || (code.validTo && code.validTo <= lastDay)) return null;
  return { ...code, validTo: lastDay };
}

/** A dimension's form as its fields hold it: null for a place not given. */
export type DimensionValues = {
  code: string;
  label: string;
  position: number | null;
  required: boolean;
  validatesCodes: boolean;
};

/** A dimension's form: a new one goes last in the coding string, required, and not checking codes until told to. */
export function dimensionValues(dimension: BudgetDimension | null, all: readonly BudgetDimension[]): DimensionValues {
  if (dimension)
    return { ...dimension, required: dimension.required ?? true, validatesCodes: dimension.validatesCodes ?? false };
  return {
    code: '',
    label: '',
    position: Math.max(0, ...all.map((d) => d.position)) + 1,
    required: true,
    validatesCodes: false,
  };
}

/** The dimension as the PUT lists it; the code in lower case, as lines name it. */
export function toDimension(values: DimensionValues): BudgetDimension {
  // A place not given is left for the API to name (the form asks for one first).
  return { ...values, code: values.code.trim().toLowerCase(), position: values.position as number };
}

/** A code's form as its fields hold it: null for a date not given. */
export type CodeValues = { code: string; label: string; validFrom: string | null; validTo: string | null };

export function codeValues(code: BudgetCode | null): CodeValues {
  return {
    code: code?.code ?? '',
    label: code?.label ?? '',
    validFrom: code?.validFrom ?? null,
    validTo: code?.validTo ?? null,
  };
}

/** The code as the PUT lists it, without blanks around it. */
export function toBudgetCode(values: CodeValues): BudgetCode {
  return { ...values, code: values.code.trim() };
}
