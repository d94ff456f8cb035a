import { describe, expect, it } from 'vitest';
import { ApiProblemError } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { administrationMessages } from '../messages';
import {
  codeStatus,
  codeValues,
  deactivated,
  dimensionValues,
  onEntry,
  sameEntry,
  toBudgetCode,
  toDimension,
  withChange,
} from './budget-lists';

const ANSVAR = { code: 'ansvar', label: 'Ansvar', position: 1, required: true, validatesCodes: true };
const PROJEKT = { code: 'projekt', label: 'Projekt', position: 3, required: false, validatesCodes: true };
type BudgetCode = components['schemas']['BudgetDimensionCodeDto'];

const P1: BudgetCode = { code: 'P2026-07', label: 'Unga till arbete', validFrom: '2026-01-01', validTo: null };
const P2: BudgetCode = { code: 'P2023-12', label: 'Trygghetsvandringar', validFrom: null, validTo: '2025-12-31' };

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiProblemError) return error.problem;
    throw error;
  }
  throw new Error('not refused');
}

describe('withChange', () => {
  it('should add to the list as it is now, keeping what someone else added meanwhile', () => {
    const someoneElses: BudgetCode = { code: 'P2026-09', label: 'Sommarjobb', validFrom: null, validTo: null };
    expect(withChange([P1, someoneElses], { kind: 'add', entry: P2 })).toEqual({
      list: [P1, someoneElses, P2],
      index: 2,
    });
  });

  it('should refuse on the code field a code someone else added meanwhile, in Swedish', () => {
    const problem = refusal(() => withChange([P1], { kind: 'add', entry: { ...P1, label: 'Min lydelse' } }));
    expect(problem.status).toBe(409);
    expect(problem.errors).toEqual([{ field: 'code', message: administrationMessages.problems.codeTaken }]);
  });

  it('should change the entry in place when it is as the person saw it, an absent date the same as none', () => {
    const seen: BudgetCode = { code: P2.code, label: P2.label, validTo: P2.validTo };
    expect(
      withChange([P1, P2], { kind: 'change', before: seen, entry: { ...P2, label: 'Trygghetsvandringar i Lextorp' } }),
    ).toEqual({
      list: [P1, { ...P2, label: 'Trygghetsvandringar i Lextorp' }],
      index: 1,
    });
  });

  it('should refuse as stale (412) a change to an entry someone else changed or removed meanwhile', () => {
    expect(
      refusal(() =>
        withChange([{ ...P1, label: 'Ändrad av någon annan' }], {
          kind: 'change',
          before: P1,
          entry: { ...P1, validTo: '2026-12-31' },
        }),
      ).status,
    ).toBe(412);
    expect(refusal(() => withChange([P2], { kind: 'change', before: P1, entry: P1 })).status).toBe(412);
  });

  it('should remove by code, whatever the entry says now, and leave a list without it as it is', () => {
    expect(withChange([ANSVAR, { ...PROJEKT, label: 'Projektnummer' }], { kind: 'remove', before: PROJEKT })).toEqual({
      list: [ANSVAR],
      index: -1,
    });
    expect(withChange([ANSVAR], { kind: 'remove', before: PROJEKT })).toEqual({ list: [ANSVAR], index: -1 });
  });
});

describe('onEntry', () => {
  it("should put the entry's errors on the form's fields and the list's own check on the given field", () => {
    const problem = {
      type: '/problems/validation',
      title: 'Invalid',
      status: 400,
      detail: '',
      errors: [
        { field: 'dimensions[2].label', message: 'label should not be empty' },
        { field: 'dimensions', message: 'each position must be unique' },
        {
          field: 'dimensions[0].code',
          message: 'code must be lower case letters, digits and _, starting with a letter (at most 30)',
        },
      ],
    };
    expect(onEntry(problem, 'dimensions', 2, 'position').errors?.map((e) => e.field)).toEqual([
      'label',
      'position',
      'dimensions[0].code',
    ]);
  });
});

describe('budget entries', () => {
  it('should compare entries field by field, an absent field as null', () => {
    expect(sameEntry({ code: 'a', validTo: null }, { code: 'a' })).toBe(true);
    expect(sameEntry({ code: 'a', label: 'A' }, { code: 'a', label: 'B' })).toBe(false);
  });

  it('should start a new dimension last in the coding string, and send its code in lower case', () => {
    expect(dimensionValues(null, [ANSVAR, PROJEKT])).toEqual({
      code: '',
      label: '',
      position: 4,
      required: true,
      validatesCodes: false,
    });
    expect(dimensionValues(null, []).position).toBe(1);
    expect(toDimension({ ...dimensionValues(PROJEKT, []), code: ' Projekt ' })).toEqual(PROJEKT);
  });

  it('should send a code without blanks around it, and its dates as given', () => {
    expect(toBudgetCode({ ...codeValues(P1), code: ' P2026-07 ' })).toEqual(P1);
    expect(codeValues(null)).toEqual({ code: '', label: '', validFrom: null, validTo: null });
  });

  it('should tell whether a code is active today, ended or not yet begun', () => {
    expect(codeStatus(P1, '2026-05-15')).toBe('active');
    expect(codeStatus(P1, '2025-12-31')).toBe('notYet');
    expect(codeStatus(P2, '2026-01-01')).toBe('ended');
    expect(codeStatus(P2, '2025-12-31')).toBe('active');
  });

  it('should deactivate a code with yesterday as its last day, and not one that has ended or not begun', () => {
    expect(deactivated(P1, '2026-03-01')).toEqual({ ...P1, validTo: '2026-02-28' });
    expect(deactivated({ ...P1, validTo: '2026-12-31' }, '2026-05-15')).toEqual({ ...P1, validTo: '2026-05-14' });
    expect(deactivated(P2, '2026-01-01')).toBeNull();
    expect(deactivated(P1, '2026-01-01')).toBeNull();
    expect(deactivated(P1, '2025-06-01')).toBeNull();
  });
});
