import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { components } from './api-schema';
import { messages } from './messages';

/** One invalid field as the API names it: `title`, `goalIds[1]`, `participants[0].departmentId`. */
export type ApiFieldError = components['schemas']['FieldErrorDto'];

/**
 * The API's `application/problem+json` body (RFC 9457), for every refused or failed request, as its OpenAPI document
 * declares it: `errors` for invalid input, `unmetGuards` for a refused lifecycle move, `errorId` for an unexpected
 * failure (the id of the log line, for the person to quote to support).
 */
export type ProblemDetails = components['schemas']['ProblemDetailsDto'];

/** What a form or page does about a problem, so it can branch on meaning instead of on numbers. */
export type ProblemKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'stale'
  | 'rule'
  | 'precondition-required'
  | 'rate-limited'
  | 'server'
  | 'unavailable'
  | 'network';

export type FieldProblem = {
  /** Swedish where the API's wording is a known one; the API's own words otherwise. */
  message: string;
  apiMessage: string;
};

export type FormProblem = {
  status: number;
  kind: ProblemKind;
  /** One sentence in Swedish for the form's error summary. */
  summary: string;
  /** Every invalid field by react-hook-form path (`participants.0.departmentId`); a field may have several. */
  fieldErrors: Record<string, FieldProblem[]>;
  /** Field errors for fields the form does not show (when told which it shows): list them in the summary. */
  otherErrors: Array<FieldProblem & { field: string }>;
  /** Unmet lifecycle guards, each with a Swedish sentence. */
  unmetGuards: Array<{ guard: string; message: string }>;
  /** For unexpected failures: a Swedish sentence with the error id to quote. */
  errorIdMessage?: string;
  errorId?: string;
};

const SUMMARY_BY_STATUS: Record<number, string> = messages.problem.byStatus;

const KIND_BY_STATUS: Record<number, ProblemKind> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'stale',
  422: 'rule',
  428: 'precondition-required',
  429: 'rate-limited',
  500: 'server',
  503: 'unavailable',
};

function isFieldError(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { field, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof message === 'string';
}

export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.status === 'number' &&
    typeof candidate.title === 'string' &&
    (candidate.errors === undefined ||
      (Array.isArray(candidate.errors) && (candidate.errors as unknown[]).every(isFieldError)))
  );
}

/**
 * The problem behind a failed response. A body that is not problem details (a proxy's HTML 502, an empty 503) still
 * yields one, from the status; `status` 0 stands for a request that never got an answer.
 */
export function toProblemDetails(status: number, body: unknown): ProblemDetails {
  if (isProblemDetails(body)) return body;
  return { type: 'about:blank', title: status === 0 ? 'Network error' : `HTTP ${status}`, status, detail: '' };
}

/** `participants[0].departmentId` → `participants.0.departmentId`, the path react-hook-form uses. */
export function toFieldPath(apiField: string): string {
  return apiField.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

export function summaryFor(status: number): string {
  if (status === 0) return messages.problem.network;
  return (
    SUMMARY_BY_STATUS[status] ?? (status >= 500 ? messages.problem.otherServerError : messages.problem.otherClientError)
  );
}

function kindFor(status: number): ProblemKind {
  if (status === 0) return 'network';
  return KIND_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'invalid');
}

const FIELD_MESSAGES: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [/should not be empty|is required|must not be empty|^missing/, () => messages.problem.field.required],
  [/already exists/, () => messages.problem.field.alreadyExists],
  [
    /^no .+ with (this id|code)|^no such record|points at a record that does not exist/,
    () => messages.problem.field.noSuchRecord,
  ],
  [/^unknown field/, () => messages.problem.field.unknownField],
  [/must be a UUID$/, () => messages.problem.field.uuid],
  [/whole number of kronor/, () => messages.problem.field.wholeKronor],
  [/ISO 8601 date|YYYY-MM-DD/, () => messages.problem.field.date],
  [/must be a month|YYYY-MM\b/, () => messages.problem.field.month],
  [/must be an integer number/, () => messages.problem.field.integer],
  [/must be a number/, () => messages.problem.field.number],
  [/must be an email/, () => messages.problem.field.email],
  [/must be a boolean/, () => messages.problem.field.boolean],
  [/must be shorter than or equal to (\d+) characters/, (m) => messages.problem.field.tooLong(m[1] ?? '')],
  [/must be one of the following values/, () => messages.problem.field.oneOf],
];

function fieldProblem(apiMessage: string): FieldProblem {
  for (const [pattern, swedish] of FIELD_MESSAGES) {
    const match = pattern.exec(apiMessage);
    if (match) return { message: swedish(match), apiMessage };
  }
  return { message: apiMessage, apiMessage };
}

/**
 * Maps a problem onto what a form shows: a Swedish summary by status, field errors by react-hook-form path, unmet
 * guards in Swedish and the error id of an unexpected failure. With `fields`, errors for any other field go to
 * `otherErrors`, so none is lost behind a field the form does not render.
 */
export function toFormProblem(problem: ProblemDetails, options: { fields?: readonly string[] } = {}): FormProblem {
  const guards = new Set(problem.unmetGuards ?? []);
  const known = options.fields ? new Set(options.fields) : undefined;
  const fieldErrors: Record<string, FieldProblem[]> = {};
  const otherErrors: FormProblem['otherErrors'] = [];
  for (const error of problem.errors ?? []) {
    // The API lists each unmet guard among the errors too, named by guard rather than by a field.
    if (guards.has(error.field)) continue;
    const path = toFieldPath(error.field);
    const mapped = fieldProblem(error.message);
    if (path === '' || (known && !known.has(path))) otherErrors.push({ field: path, ...mapped });
    else (fieldErrors[path] ??= []).push(mapped);
  }
  const apiGuardMessages = new Map((problem.errors ?? []).map((e) => [e.field, e.message]));
  const unmetGuards = [...guards].map((guard) => ({
    guard,
    message: messages.problem.guards[guard] ?? apiGuardMessages.get(guard) ?? guard,
  }));
  return {
    status: problem.status,
    kind: kindFor(problem.status),
    summary: summaryFor(problem.status),
    fieldErrors,
    otherErrors,
    unmetGuards,
    ...(problem.errorId ? { errorId: problem.errorId, errorIdMessage: messages.problem.errorId(problem.errorId) } : {}),
  };
}

/** Puts the field errors on a react-hook-form form (the first message per field, as react-hook-form keeps one). */
export function applyFieldErrors<T extends FieldValues>(problem: FormProblem, setError: UseFormSetError<T>): void {
  let first = true;
  for (const [path, problems] of Object.entries(problem.fieldErrors)) {
    const [head] = problems;
    if (!head) continue;
    setError(path as Path<T>, { type: 'server', message: head.message }, { shouldFocus: first });
    first = false;
  }
}
