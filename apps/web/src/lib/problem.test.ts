import { describe, expect, it, vi } from 'vitest';
import { messages } from './messages';
import {
  applyFieldErrors,
  isProblemDetails,
  summaryFor,
  toFieldPath,
  toFormProblem,
  toProblemDetails,
  type ProblemDetails,
} from './problem';

function problem(overrides: Partial<ProblemDetails> = {}): ProblemDetails {
  return {
    type: '/problems/validation',
    title: 'Invalid request',
    status: 400,
    detail: 'The request body has 2 invalid fields.',
    ...overrides,
  };
}

describe('toFieldPath', () => {
  it('should turn the API’s array indexes into react-hook-form paths', () => {
    expect(toFieldPath('title')).toBe('title');
    expect(toFieldPath('goalIds[1]')).toBe('goalIds.1');
    expect(toFieldPath('participants[0].departmentId')).toBe('participants.0.departmentId');
    expect(toFieldPath('followUpPlan.reportingDeadlines[2].date')).toBe('followUpPlan.reportingDeadlines.2.date');
    expect(toFieldPath('[0].amountSek')).toBe('0.amountSek');
  });
});

describe('toFormProblem', () => {
  it('should group field errors by path and translate the API’s known wording when the request was invalid', () => {
    const result = toFormProblem(
      problem({
        errors: [
          { field: 'title', message: 'title should not be empty' },
          { field: 'title', message: 'title must be shorter than or equal to 200 characters' },
          { field: 'participants[0].departmentId', message: 'no department with this id' },
          { field: 'annualCostSek', message: 'the lead department is not also a participant' },
        ],
      }),
    );

    expect(result.kind).toBe('invalid');
    expect(result.summary).toBe(messages.problem.byStatus[400]);
    expect(result.fieldErrors).toEqual({
      title: [
        { message: 'Fältet måste fyllas i.', apiMessage: 'title should not be empty' },
        {
          message: 'Texten får vara högst 200 tecken.',
          apiMessage: 'title must be shorter than or equal to 200 characters',
        },
      ],
      'participants.0.departmentId': [
        { message: messages.problem.field.noSuchRecord, apiMessage: 'no department with this id' },
      ],
      // Wording the app does not know stays as the API wrote it rather than being lost.
      annualCostSek: [
        {
          message: 'the lead department is not also a participant',
          apiMessage: 'the lead department is not also a participant',
        },
      ],
    });
    expect(result.otherErrors).toEqual([]);
    expect(result.unmetGuards).toEqual([]);
    expect(result.errorId).toBeUndefined();
  });

  it('should list errors for fields the form does not show separately when told which fields it shows', () => {
    const result = toFormProblem(
      problem({
        errors: [
          { field: 'title', message: 'title should not be empty' },
          { field: 'budgetProjectCode', message: 'already exists' },
        ],
      }),
      { fields: ['title'] },
    );

    expect(Object.keys(result.fieldErrors)).toEqual(['title']);
    expect(result.otherErrors).toEqual([
      { field: 'budgetProjectCode', message: messages.problem.field.alreadyExists, apiMessage: 'already exists' },
    ]);
  });

  it('should name every unmet guard in Swedish and not repeat them as field errors when a lifecycle move is refused', () => {
    const result = toFormProblem(
      problem({
        type: '/problems/unmet-guards',
        title: 'Unmet guards',
        status: 422,
        unmetGuards: ['leadDepartment', 'funding', 'somethingNew'],
        errors: [
          { field: 'leadDepartment', message: 'a lead department is required' },
          { field: 'funding', message: 'at least one funding line is required' },
          { field: 'somethingNew', message: 'a new guard the app does not know yet' },
        ],
      }),
    );

    expect(result.kind).toBe('rule');
    expect(result.fieldErrors).toEqual({});
    expect(result.unmetGuards).toEqual([
      { guard: 'leadDepartment', message: messages.problem.guards.leadDepartment },
      { guard: 'funding', message: messages.problem.guards.funding },
      { guard: 'somethingNew', message: 'a new guard the app does not know yet' },
    ]);
  });

  it('should give the error id to quote when the failure was unexpected', () => {
    const result = toFormProblem(
      problem({
        type: '/problems/internal',
        title: 'Internal Server Error',
        status: 500,
        errorId: '3f2c9a1e-0000-4000-8000-000000000000',
      }),
    );

    expect(result.kind).toBe('server');
    expect(result.errorId).toBe('3f2c9a1e-0000-4000-8000-000000000000');
    expect(result.errorIdMessage).toBe('Uppge felkod 3f2c9a1e-0000-4000-8000-000000000000 om du kontaktar supporten.');
  });

  it.each([
    [400, 'invalid'],
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'conflict'],
    [412, 'stale'],
    [422, 'rule'],
    [428, 'precondition-required'],
    [429, 'rate-limited'],
    [500, 'server'],
    [503, 'unavailable'],
  ] as const)('should give a Swedish summary and the kind %s → %s', (status, kind) => {
    const result = toFormProblem(problem({ status, errors: undefined }));

    expect(result.kind).toBe(kind);
    expect(result.summary).toBe(messages.problem.byStatus[status]);
    expect(result.summary).toMatch(/[a-zåäö]/);
  });

  it('should fall back on a summary by class when the status has none of its own', () => {
    expect(summaryFor(418)).toBe(messages.problem.otherClientError);
    expect(summaryFor(502)).toBe(messages.problem.otherServerError);
    expect(summaryFor(0)).toBe(messages.problem.network);
    expect(toFormProblem(problem({ status: 502 })).kind).toBe('server');
    expect(toFormProblem(problem({ status: 0 })).kind).toBe('network');
  });
});

describe('toProblemDetails', () => {
  it('should keep a problem+json body as it is', () => {
    const body = problem({ errors: [{ field: 'title', message: 'title should not be empty' }] });

    expect(isProblemDetails(body)).toBe(true);
    expect(toProblemDetails(400, body)).toBe(body);
  });

  it('should make one from the status when the body is not problem details', () => {
    expect(isProblemDetails('<html>Bad gateway</html>')).toBe(false);
    expect(isProblemDetails({ status: 400, title: 'x', errors: [{ field: 1 }] })).toBe(false);
    expect(toProblemDetails(502, '<html>Bad gateway</html>')).toEqual({
      type: 'about:blank',
      title: 'HTTP 502',
      status: 502,
      detail: '',
    });
  });
});

describe('applyFieldErrors', () => {
  it('should set the first message of each field on the form and focus the first field', () => {
    const setError = vi.fn();
    const result = toFormProblem(
      problem({
        errors: [
          { field: 'title', message: 'title should not be empty' },
          { field: 'title', message: 'title must be a string' },
          { field: 'goalIds[0]', message: 'no goal with this id' },
        ],
      }),
    );

    applyFieldErrors(result, setError);

    expect(setError.mock.calls).toEqual([
      ['title', { type: 'server', message: 'Fältet måste fyllas i.' }, { shouldFocus: true }],
      ['goalIds.0', { type: 'server', message: messages.problem.field.noSuchRecord }, { shouldFocus: false }],
    ]);
  });
});
