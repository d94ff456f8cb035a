import type { components } from '../../../lib/api-schema';
import type { ProblemDetails } from '../../../lib/problem';
import { initiativeEditingMessages } from '../messages';

export type Initiative = components['schemas']['InitiativeDto'];
export type InitiativeBody = components['schemas']['UpdateInitiativeDto'];

/**
 * An initiative as the forms hold it: text as strings ('' for nothing), choices as null until made, so every field is
 * controlled. The API checks every value; what the person left empty goes as null, for the API to refuse in Swedish.
 */
export type InitiativeFormValues = {
  code: string;
  title: string;
  summary: string;
  kind: string | null;
  evidenceBase: string | null;
  leadDepartmentId: string | null;
  participants: { departmentId: string | null; role: string | null; responsibility: string }[];
  processOwner: { name: string; title: string; email: string };
  goalIds: string[];
  targetGroupCodes: string[];
  districtCodes: string[];
  startDate: string | null;
  endDate: string | null;
  annualCostSek: number | null;
  budgetProjectCode: string;
  followUpPlan: {
    method: string;
    frequency: string | null;
    responsible: string;
    firstReportDue: string | null;
    indicatorIds: string[];
  };
};

export type InitiativeField = keyof InitiativeFormValues;

/** The most participants (and goals, target groups, districts) the API takes. */
const MAX_ROWS = 50;
export type StepKey = keyof typeof initiativeEditingMessages.steps;

/** The guide's steps in order, each with the initiative's fields it asks for (funding and the end ask for none). */
export const STEPS: readonly { key: StepKey; fields: readonly InitiativeField[] }[] = [
  { key: 'basics', fields: ['code', 'title', 'summary', 'kind', 'evidenceBase'] },
  { key: 'participants', fields: ['leadDepartmentId', 'participants'] },
  { key: 'processOwner', fields: ['processOwner'] },
  { key: 'goals', fields: ['goalIds'] },
  { key: 'reach', fields: ['targetGroupCodes', 'districtCodes'] },
  { key: 'timeAndCost', fields: ['startDate', 'endDate', 'annualCostSek', 'budgetProjectCode'] },
  { key: 'funding', fields: [] },
  { key: 'followUp', fields: ['followUpPlan'] },
  { key: 'done', fields: [] },
];

/** The step (1-based, as in `?steg=3`) that asks for what a lifecycle guard needs. */
export const STEP_OF_GUARD: Record<string, number> = {
  leadDepartment: stepNumber('participants'),
  goal: stepNumber('goals'),
  funding: stepNumber('funding'),
  followUpPlan: stepNumber('followUp'),
  startDate: stepNumber('timeAndCost'),
};

export function stepNumber(key: StepKey): number {
  return STEPS.findIndex((step) => step.key === key) + 1;
}

/** `?steg=` as a step that exists: anything else is the first. */
export function clampStep(value: unknown): number {
  const step = Number(value);
  return Number.isInteger(step) && step >= 1 && step <= STEPS.length ? step : 1;
}

export const EMPTY_VALUES: InitiativeFormValues = {
  code: '',
  title: '',
  summary: '',
  kind: null,
  evidenceBase: 'unknown',
  leadDepartmentId: null,
  participants: [],
  processOwner: { name: '', title: '', email: '' },
  goalIds: [],
  targetGroupCodes: [],
  districtCodes: [],
  startDate: null,
  endDate: null,
  annualCostSek: null,
  budgetProjectCode: '',
  followUpPlan: { method: '', frequency: null, responsible: '', firstReportDue: null, indicatorIds: [] },
};

export function toFormValues(initiative: Initiative): InitiativeFormValues {
  const owner = initiative.processOwner;
  const plan = initiative.followUpPlan;
  return {
    code: initiative.code,
    title: initiative.title,
    summary: initiative.summary ?? '',
    kind: initiative.kind,
    evidenceBase: initiative.evidenceBase ?? 'unknown',
    leadDepartmentId: initiative.leadDepartmentId ?? null,
    participants: (initiative.participants ?? []).map((p) => ({
      departmentId: p.departmentId,
      role: p.role,
      responsibility: p.responsibility ?? '',
    })),
    processOwner: { name: owner?.name ?? '', title: owner?.title ?? '', email: owner?.email ?? '' },
    goalIds: [...(initiative.goalIds ?? [])],
    targetGroupCodes: [...(initiative.targetGroupCodes ?? [])],
    districtCodes: [...(initiative.districtCodes ?? [])],
    startDate: initiative.startDate ?? null,
    endDate: initiative.endDate ?? null,
    annualCostSek: initiative.annualCostSek ?? null,
    budgetProjectCode: initiative.budgetProjectCode ?? '',
    followUpPlan: {
      method: plan?.method ?? '',
      frequency: plan?.frequency ?? null,
      responsible: plan?.responsible ?? '',
      firstReportDue: plan?.firstReportDue ?? null,
      indicatorIds: plan?.indicatorIds ?? [],
    },
  };
}

const orNull = (text: string) => text.trim() || null;

/** One field as the API takes it: trimmed, '' as null where the API allows nothing, a group left empty as null. */
function bodyValue(values: InitiativeFormValues, field: InitiativeField): unknown {
  switch (field) {
    case 'code':
    case 'title':
      return values[field].trim();
    case 'summary':
    case 'budgetProjectCode':
      return orNull(values[field]);
    case 'participants':
      return values.participants.map((p) => ({
        departmentId: p.departmentId,
        role: p.role,
        responsibility: orNull(p.responsibility),
      }));
    case 'processOwner': {
      const { name, title, email } = values.processOwner;
      if (!name.trim() && !title.trim() && !email.trim()) return null;
      return { name: name.trim(), title: orNull(title), email: orNull(email) };
    }
    case 'followUpPlan': {
      const plan = values.followUpPlan;
      if (!plan.method.trim() && !plan.responsible.trim() && !plan.frequency && !plan.firstReportDue) return null;
      return {
        method: plan.method.trim(),
        frequency: plan.frequency,
        responsible: plan.responsible.trim(),
        firstReportDue: plan.firstReportDue,
        indicatorIds: plan.indicatorIds,
      };
    }
    default:
      return values[field];
  }
}

/** The request body with just these fields (a PATCH changes only what it names). */
export function toBody(values: InitiativeFormValues, fields: readonly InitiativeField[]): InitiativeBody {
  return Object.fromEntries(fields.map((field) => [field, bodyValue(values, field)]));
}

/**
 * The form paths a problem may name for these fields, each participant row's too (as many as the API takes): errors for
 * any other path go to the error summary's list instead of to a field that is not on the page.
 */
export function fieldPaths(fields: readonly InitiativeField[]): string[] {
  return fields.flatMap((field) => {
    if (field === 'participants')
      return [
        'participants',
        ...Array.from({ length: MAX_ROWS }, (_, i) =>
          ['departmentId', 'role', 'responsibility'].map((key) => `participants.${i}.${key}`),
        ).flat(),
      ];
    if (field === 'processOwner')
      return ['processOwner', 'processOwner.name', 'processOwner.title', 'processOwner.email'];
    if (field === 'followUpPlan')
      return [
        'followUpPlan',
        'followUpPlan.method',
        'followUpPlan.frequency',
        'followUpPlan.responsible',
        'followUpPlan.firstReportDue',
      ];
    return [field];
  });
}

/** Little words a code leaves out: "Sommarjobb för unga i Kronogården" → SUK. */
const SMALL_WORDS = new Set([
  'I',
  'OCH',
  'FOR',
  'PA',
  'MED',
  'TILL',
  'AV',
  'EN',
  'ETT',
  'SOM',
  'OM',
  'ATT',
  'VID',
  'MOT',
  'FRAN',
  'DEN',
  'DET',
  'DE',
]);
const MAX_CODE = 20;

/**
 * A code to suggest from the title, in the form the API takes (A–Z, digits, -): one word as itself, several as their
 * initials with numbers kept whole ("Unga vuxna 2027" → UV-2027). Å, Ä and Ö become A and O.
 */
export function suggestCode(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((word) => word && !SMALL_WORDS.has(word));
  const letters = words.filter((word) => !/^\d+$/.test(word));
  const numbers = words.filter((word) => /^\d+$/.test(word));
  const stem = letters.length === 1 ? letters[0]! : letters.map((word) => word[0]).join('');
  return [stem, ...numbers].filter(Boolean).join('-').slice(0, MAX_CODE).replace(/-+$/, '');
}

const t = initiativeEditingMessages.apiMessages;
const API_MESSAGES: [RegExp, string][] = [
  [/^endDate .*before startDate|endDate must be on or after startDate/, t.endBeforeStart],
  [/listed twice/, t.departmentTwice],
  [/lead department is not also a participant/, t.leadAsParticipant],
  [/must be upper-case letters/, t.codeFormat],
  [/admin names the lead department/, t.adminNamesLead],
  [/must not be negative/, t.notNegative],
];

/** The initiative API's own field messages in Swedish; the rest stay for lib/problem.ts to put in Swedish. */
export function inSwedish(problem: ProblemDetails): ProblemDetails {
  if (!problem.errors) return problem;
  return {
    ...problem,
    errors: problem.errors.map((error) => {
      const swedish = API_MESSAGES.find(([pattern]) => pattern.test(error.message))?.[1];
      return swedish ? { ...error, message: swedish } : error;
    }),
  };
}

const f = initiativeEditingMessages.fields;

/** Each field's label by its form path, for the error summary (`participants.*.role` for every row's role). */
export const FIELD_LABELS: Record<string, string> = {
  code: f.code,
  title: f.title,
  summary: f.summary,
  kind: f.kind,
  evidenceBase: f.evidenceBase,
  leadDepartmentId: f.leadDepartment,
  participants: f.participants,
  'participants.*.departmentId': f.participantDepartment,
  'participants.*.role': f.participantRole,
  'participants.*.responsibility': f.responsibility,
  processOwner: initiativeEditingMessages.steps.processOwner,
  'processOwner.name': f.processOwnerName,
  'processOwner.title': f.processOwnerTitle,
  'processOwner.email': f.processOwnerEmail,
  goalIds: f.goals,
  targetGroupCodes: f.targetGroups,
  districtCodes: f.districts,
  startDate: f.startDate,
  endDate: f.endDate,
  annualCostSek: f.annualCost,
  budgetProjectCode: f.budgetProjectCode,
  followUpPlan: f.followUpPlan,
  'followUpPlan.method': f.followUpMethod,
  'followUpPlan.frequency': f.followUpFrequency,
  'followUpPlan.responsible': f.followUpResponsible,
  'followUpPlan.firstReportDue': f.followUpFirstReport,
};
