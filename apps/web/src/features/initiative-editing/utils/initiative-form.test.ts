// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProblemDetails } from '../../../lib/problem';
import { initiativeEditingMessages } from '../messages';
import {
  clampStep,
  EMPTY_VALUES,
  fieldPaths,
  inSwedish,
  STEP_OF_GUARD,
  STEPS,
  suggestCode,
  toBody,
  toFormValues,
  type Initiative,
} from './initiative-form';
import { parseGuideSearch } from './guide-search';

const initiative = {
  id: 'i1',
  code: 'SSPF',
  title: 'SSPF',
  summary: null,
  kind: 'method',
  status: 'draft',
  leadDepartmentId: 'asf',
  participants: [
    {
      departmentId: 'kff',
      role: 'partner',
      responsibility: null,
      departmentCode: 'KFF',
      departmentName: 'Kultur- och fritidsförvaltningen',
    },
  ],
  processOwner: null,
  goalIds: ['g1'],
  targetGroupCodes: [],
  districtCodes: ['LEXTORP'],
  startDate: '2026-01-01',
  endDate: null,
  annualCostSek: 1800000,
  evidenceBase: 'national_method',
  budgetProjectCode: null,
  followUpPlan: {
    method: 'Nyckeltal',
    frequency: 'biannual',
    responsible: 'Styrgruppen',
    firstReportDue: null,
    indicatorIds: ['ind1'],
  },
} as unknown as Initiative;

describe('the initiative as a form and back', () => {
  it('should hold every field controlled, nothing as undefined', () => {
    const values = toFormValues(initiative);
    expect(values.summary).toBe('');
    expect(values.processOwner).toEqual({ name: '', title: '', email: '' });
    expect(values.participants).toEqual([{ departmentId: 'kff', role: 'partner', responsibility: '' }]);
    expect(values.followUpPlan.indicatorIds).toEqual(['ind1']);
  });

  it('should send just the fields asked for, trimmed, with an empty group as null and nothing typed as null', () => {
    const values = {
      ...toFormValues(initiative),
      title: '  Nytt namn ',
      summary: '  ',
      processOwner: { name: ' ', title: '', email: '' },
    };
    expect(toBody(values, ['title', 'summary', 'processOwner'])).toEqual({
      title: 'Nytt namn',
      summary: null,
      processOwner: null,
    });
    expect(
      toBody({ ...values, processOwner: { name: 'Ann', title: '', email: ' ann@trollhattan.se ' } }, ['processOwner']),
    ).toEqual({
      processOwner: { name: 'Ann', title: null, email: 'ann@trollhattan.se' },
    });
  });

  it('should keep the follow-up plan’s indicators, which the form does not show, and drop a plan nobody began', () => {
    const values = toFormValues(initiative);
    expect(toBody(values, ['followUpPlan']).followUpPlan).toEqual({
      method: 'Nyckeltal',
      frequency: 'biannual',
      responsible: 'Styrgruppen',
      firstReportDue: null,
      indicatorIds: ['ind1'],
    });
    expect(toBody(EMPTY_VALUES, ['followUpPlan', 'participants'])).toEqual({ followUpPlan: null, participants: [] });
  });

  it('should send what the person left unchosen as null, for the API to refuse in Swedish', () => {
    const values = { ...EMPTY_VALUES, participants: [{ departmentId: null, role: null, responsibility: '' }] };
    expect(toBody(values, ['kind', 'participants'])).toEqual({
      kind: null,
      participants: [{ departmentId: null, role: null, responsibility: null }],
    });
  });

  it('should know each row’s field paths, so an error lands on its row', () => {
    const paths = fieldPaths(['title', 'participants', 'processOwner']);
    expect(paths).toEqual(
      expect.arrayContaining(['title', 'participants.0.role', 'participants.49.responsibility', 'processOwner.email']),
    );
    expect(paths).not.toContain('goalIds');
  });
});

describe('the guide’s steps', () => {
  it('should ask for every field of the initiative once', () => {
    const fields = STEPS.flatMap((step) => step.fields);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields.sort()).toEqual(Object.keys(EMPTY_VALUES).sort());
  });

  it('should send each unmet guard to the step that fixes it', () => {
    expect(STEPS[STEP_OF_GUARD.goal! - 1]!.key).toBe('goals');
    expect(STEPS[STEP_OF_GUARD.followUpPlan! - 1]!.key).toBe('followUp');
    expect(STEPS[STEP_OF_GUARD.funding! - 1]!.key).toBe('funding');
  });

  it('should read ?steg= as a step that exists', () => {
    expect(parseGuideSearch({ steg: '3' })).toEqual({ steg: 3 });
    expect(parseGuideSearch({ steg: 'tre' })).toEqual({});
    expect(parseGuideSearch({ steg: '0' })).toEqual({});
    expect(clampStep(3)).toBe(3);
    expect(clampStep(99)).toBe(1);
    expect(clampStep(undefined)).toBe(1);
  });
});

describe('suggestCode', () => {
  it('should suggest a code the API takes from the title', () => {
    expect(suggestCode('Framtidscentrum')).toBe('FRAMTIDSCENTRUM');
    expect(suggestCode('Sommarjobb för unga i Kronogården')).toBe('SUK');
    expect(suggestCode('Unga vuxna 2027')).toBe('UV-2027');
    expect(suggestCode('Öppen förskola')).toBe('OF');
    expect(suggestCode('Mötesplats Kronan Kulturhus och Sylte bibliotek')).toBe('MKKSB');
    expect(suggestCode('  ')).toBe('');
    expect(suggestCode('Arbetsmarknadsutbildningsinsatser 2027')).toBe('ARBETSMARKNADSUTBILD');
    expect(suggestCode('Ett mycket långt ord: arbetsmarknadsutbildningsinsatsen')).toBe('MLOA');
  });
});

describe('inSwedish', () => {
  const refusal = (...messages: string[]): ProblemDetails => ({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'Validation failed',
    errors: messages.map((message, i) => ({ field: `f${i}`, message })),
  });
  const t = initiativeEditingMessages.apiMessages;

  it('should put the initiative API’s own messages in Swedish and leave the rest for lib/problem.ts', () => {
    const problem = inSwedish(
      refusal(
        'endDate 2025-01-01 is before startDate 2026-01-01',
        'endDate must be on or after startDate',
        'the department is listed twice',
        'the lead department is not also a participant',
        'code must be upper-case letters A–Z, digits, - or _ (e.g. ASF, FP-1)',
        'title should not be empty',
      ),
    );
    expect(problem.errors!.map((e) => e.message)).toEqual([
      t.endBeforeStart,
      t.endBeforeStart,
      t.departmentTwice,
      t.leadAsParticipant,
      t.codeFormat,
      'title should not be empty',
    ]);
    expect(t.endBeforeStart).toBe('Slutdatum kan inte vara före startdatum.');
  });
});
