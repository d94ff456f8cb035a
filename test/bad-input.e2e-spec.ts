import { randomUUID } from 'node:crypto';
import {
  givenDepartment,
  givenDistrict,
  givenFundingLine,
  givenGoal,
  givenInitiative,
  givenTargetGroup,
} from './support/factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestApp } from './support/test-app.js';

/**
 * Issue 2, item 9: bad input gets a clear problem+json answer naming the field, and writes nothing. Each case is
 * one malformed request: what is wrong, the request, the status and the fields `errors` must name. Every case also
 * proves that no table changed and, where the request targets one record, that the record kept its version and
 * content.
 */

const TABLES = [
  'departments',
  'target_groups',
  'districts',
  'goals',
  'initiatives',
  'initiative_participants',
  'initiative_goals',
  'initiative_target_groups',
  'initiative_districts',
  'funding_lines',
  'initiative_transitions',
];

type Fixtures = {
  lead: { id: string; code: string };
  partner: { id: string; code: string };
  goal: { id: string; code: string };
  targetGroup: { code: string };
  district: { code: string };
  /** A draft that starts 2025-01-01, led by `lead`, linked to `goal`. */
  draft: { id: string; code: string };
  /** A draft with no lead and no goal, so it cannot be proposed. */
  bareDraft: { id: string };
  active: { id: string };
  completed: { id: string };
  /** On `draft`: 2024-01-01 – 2025-06-30. */
  funding: { id: string };
  /** On `active`. */
  activeFunding: { id: string };
};

type Target = { table: string; id: string };

type BadRequest = {
  /** What is wrong with the request. */
  name: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  path: (f: Fixtures) => string;
  body?: (f: Fixtures) => unknown;
  /** The record the request is aimed at; it must keep its version and content. PATCH sends its version as If-Match. */
  target?: (f: Fixtures) => Target;
  ifMatch?: 'missing' | 'stale';
  status: number;
  /** The fields `errors` must name, exactly. */
  fields?: string[];
};

const NO_SUCH_ID = randomUUID();
const FRAMEWORK = 'Färdplan för social hållbarhet';

// Base bodies that are valid (the last test proves it); each case breaks exactly one thing.
const newDepartment = (overrides: object = {}) => ({
  code: 'NY-ENHET',
  name: 'Avdelningen för ny verksamhet',
  kind: 'administration',
  ...overrides,
});
const newCodeListItem = (overrides: object = {}) => ({
  code: 'NY-KOD',
  name: 'Unga 16–24 som varken arbetar eller studerar',
  ...overrides,
});
const newGoal = (f: Fixtures, overrides: object = {}) => ({
  code: 'NYTT-DELMAL',
  title: 'Fler unga i arbete eller studier',
  level: 'sub_goal',
  framework: FRAMEWORK,
  parentId: f.goal.id,
  validFrom: '2025-01-01',
  validTo: '2027-12-31',
  ...overrides,
});
const newInitiative = (f: Fixtures, overrides: object = {}) => ({
  code: 'NY-INSATS',
  title: 'Fältarbete i Kronogården',
  summary: 'Fältassistenter möter unga på kvällstid.',
  kind: 'project',
  leadDepartmentId: f.lead.id,
  participants: [{ departmentId: f.partner.id, role: 'partner', responsibility: 'Fritidsgårdarnas del av samverkan' }],
  processOwner: { name: 'Samordnare fältarbete', title: 'Samordnare', email: 'samordnare.falt@kommun.example' },
  goalIds: [f.goal.id],
  targetGroupCodes: [f.targetGroup.code],
  districtCodes: [f.district.code],
  startDate: '2025-01-01',
  endDate: '2026-12-31',
  annualCostSek: 1_800_000,
  evidenceBase: 'local_development',
  budgetProjectCode: 'P4711',
  followUpPlan: {
    method: 'Halvårsvis uppföljning av nyckeltal',
    frequency: 'biannual',
    responsible: 'Styrgruppen',
    firstReportDue: '2025-08-31',
  },
  ...overrides,
});
const newFundingLine = (overrides: object = {}) => ({
  sourceType: 'state_grant',
  funder: 'Länsstyrelsen Västra Götaland',
  decisionReference: '851-12345-2024',
  amountSek: 1_200_000,
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  status: 'granted',
  reportingDeadlines: [{ date: '2026-03-31', kind: 'final', description: 'Slutredovisning' }],
  coverageDecision: 'undecided',
  ...overrides,
});

const post = (
  name: string,
  path: string,
  body: (f: Fixtures) => unknown,
  status: number,
  fields?: string[],
): BadRequest => ({
  name,
  method: 'post',
  path: () => path,
  body,
  status,
  fields,
});
const get = (name: string, path: (f: Fixtures) => string, status: number, fields?: string[]): BadRequest => ({
  name,
  method: 'get',
  path,
  status,
  fields,
});
const initiativePost = (name: string, overrides: (f: Fixtures) => object, status: number, fields?: string[]) =>
  post(name, '/initiatives', (f) => newInitiative(f, overrides(f)), status, fields);
const fundingPost = (name: string, overrides: object, status: number, fields?: string[]): BadRequest => ({
  name,
  method: 'post',
  path: (f) => `/initiatives/${f.draft.id}/funding`,
  body: () => newFundingLine(overrides),
  target: (f) => ({ table: 'initiatives', id: f.draft.id }),
  status,
  fields,
});
/** The table behind each PATCH route, to compare the targeted record before and after. */
const TABLE_OF_ROUTE = {
  departments: 'departments',
  goals: 'goals',
  initiatives: 'initiatives',
  funding: 'funding_lines',
} as const;

const patch = (
  name: string,
  route: keyof typeof TABLE_OF_ROUTE,
  record: (f: Fixtures) => { id: string },
  body: (f: Fixtures) => unknown,
  status: number,
  fields?: string[],
  ifMatch?: BadRequest['ifMatch'],
): BadRequest => ({
  name,
  method: 'patch',
  path: (f) => `/${route}/${record(f).id}`,
  body,
  target: (f) => ({ table: TABLE_OF_ROUTE[route], id: record(f).id }),
  status,
  fields,
  ifMatch,
});

const transition = (
  name: string,
  record: (f: Fixtures) => { id: string },
  body: object,
  status: number,
  fields?: string[],
): BadRequest => ({
  name,
  method: 'post',
  path: (f) => `/initiatives/${record(f).id}/transitions`,
  body: () => body,
  target: (f) => ({ table: 'initiatives', id: record(f).id }),
  status,
  fields,
});

const departmentCases: BadRequest[] = [
  post('a department code is lower-case', '/departments', () => newDepartment({ code: 'asf' }), 400, ['code']),
  post('a department code has a space', '/departments', () => newDepartment({ code: 'AS F' }), 400, ['code']),
  post(
    'a department code is longer than 40 characters',
    '/departments',
    () => newDepartment({ code: 'A'.repeat(41) }),
    400,
    ['code'],
  ),
  post('a department kind is not one of the kinds', '/departments', () => newDepartment({ kind: 'agency' }), 400, [
    'kind',
  ]),
  post('a department name is a number', '/departments', () => newDepartment({ name: 42 }), 400, ['name']),
  post('a department name is only white space', '/departments', () => newDepartment({ name: '   ' }), 400, ['name']),
  post(
    'a department name is longer than 200 characters',
    '/departments',
    () => newDepartment({ name: 'Å'.repeat(201) }),
    400,
    ['name'],
  ),
  post(
    'a department has a field the resource does not know',
    '/departments',
    () => newDepartment({ colour: 'blå' }),
    400,
    ['colour'],
  ),
  post('a department parentId is not a uuid', '/departments', () => newDepartment({ parentId: 'KSF' }), 400, [
    'parentId',
  ]),
  post(
    'a department parentId names no department',
    '/departments',
    () => newDepartment({ parentId: NO_SUCH_ID }),
    422,
    ['parentId'],
  ),
  post('a department code is taken', '/departments', (f) => newDepartment({ code: f.lead.code }), 409, ['code']),
  patch(
    'a department PATCH sets the name to null',
    'departments',
    (f) => f.partner,
    () => ({ name: null }),
    400,
    ['name'],
  ),
  patch(
    'a department PATCH sets the kind to null',
    'departments',
    (f) => f.partner,
    () => ({ kind: null }),
    400,
    ['kind'],
  ),
  patch(
    'a department PATCH takes the code of another',
    'departments',
    (f) => f.partner,
    (f) => ({ code: f.lead.code }),
    409,
    ['code'],
  ),
  patch(
    'a department PATCH puts the department under itself',
    'departments',
    (f) => f.partner,
    (f) => ({ parentId: f.partner.id }),
    422,
    ['parentId'],
  ),
  patch(
    'a department PATCH has no If-Match',
    'departments',
    (f) => f.partner,
    () => ({ name: 'Nytt namn' }),
    428,
    undefined,
    'missing',
  ),
  patch(
    'a department PATCH has a stale If-Match',
    'departments',
    (f) => f.partner,
    () => ({ name: 'Nytt namn' }),
    412,
    undefined,
    'stale',
  ),
  patch(
    'a department PATCH names no department',
    'departments',
    () => ({ id: NO_SUCH_ID }),
    () => ({ name: 'Nytt namn' }),
    404,
  ),
  get('a department id in the path is not a uuid', () => '/departments/ASF', 400, ['id']),
  get('a department id in the path names no department', () => `/departments/${NO_SUCH_ID}`, 404),
  get('the department list has limit=0', () => '/departments?limit=0', 400, ['limit']),
  get('the department list filters by an unknown kind', () => '/departments?kind=agency', 400, ['kind']),
];

const codeListCases: BadRequest[] = [
  post(
    'a target group code has spaces and lower case',
    '/target-groups',
    () => newCodeListItem({ code: 'unga 16-24' }),
    400,
    ['code'],
  ),
  post('a target group name is an object', '/target-groups', () => newCodeListItem({ name: { sv: 'Unga' } }), 400, [
    'name',
  ]),
  post('a target group code is taken', '/target-groups', (f) => newCodeListItem({ code: f.targetGroup.code }), 409, [
    'code',
  ]),
  post('a district name is missing', '/districts', () => ({ code: 'NY-KOD' }), 400, ['name']),
  post('a district code is taken', '/districts', (f) => newCodeListItem({ code: f.district.code }), 409, ['code']),
  get('the target group list has limit=abc', () => '/target-groups?limit=abc', 400, ['limit']),
  get('the district list has offset=-1', () => '/districts?offset=-1', 400, ['offset']),
];

const goalCases: BadRequest[] = [
  post('a goal level is not one of the levels', '/goals', (f) => newGoal(f, { level: 'national_goal' }), 400, [
    'level',
  ]),
  post('a goal code ends with a hyphen', '/goals', (f) => newGoal(f, { code: 'FP-' }), 400, ['code']),
  post('a goal title is longer than 300 characters', '/goals', (f) => newGoal(f, { title: 'Å'.repeat(301) }), 400, [
    'title',
  ]),
  post('a goal validFrom is 2025-02-30', '/goals', (f) => newGoal(f, { validFrom: '2025-02-30' }), 400, ['validFrom']),
  post('a goal validFrom is 2025-13-01', '/goals', (f) => newGoal(f, { validFrom: '2025-13-01' }), 400, ['validFrom']),
  post('a goal validTo is written 2025-1-5', '/goals', (f) => newGoal(f, { validTo: '2025-1-5' }), 400, ['validTo']),
  post(
    'a goal validTo is before its validFrom',
    '/goals',
    (f) => newGoal(f, { validFrom: '2025-06-01', validTo: '2025-05-31' }),
    400,
    ['validTo'],
  ),
  post('a goal parentId names no goal', '/goals', (f) => newGoal(f, { parentId: NO_SUCH_ID }), 422, ['parentId']),
  post('a goal sits above the level of its parent', '/goals', (f) => newGoal(f, { level: 'agenda2030' }), 422, [
    'level',
  ]),
  post('a goal code is taken', '/goals', (f) => newGoal(f, { code: f.goal.code }), 409, ['code']),
  patch(
    'a goal PATCH sends only a validTo before the stored validFrom',
    'goals',
    (f) => f.goal,
    () => ({ validTo: '2023-12-31' }),
    400,
    ['validTo'],
  ),
  patch(
    'a goal PATCH sets the title to null',
    'goals',
    (f) => f.goal,
    () => ({ title: null }),
    400,
    ['title'],
  ),
  patch(
    'a goal PATCH sets the level to a number',
    'goals',
    (f) => f.goal,
    () => ({ level: 5 }),
    400,
    ['level'],
  ),
  patch(
    'a goal PATCH sets the level to null',
    'goals',
    (f) => f.goal,
    () => ({ level: null }),
    400,
    ['level'],
  ),
  patch(
    'a goal PATCH has a stale If-Match',
    'goals',
    (f) => f.goal,
    () => ({ title: 'Nytt namn' }),
    412,
    undefined,
    'stale',
  ),
  get('the goal list filters by an unknown level', () => '/goals?level=national_goal', 400, ['level']),
  get('the goal list has limit=1.5', () => '/goals?limit=1.5', 400, ['limit']),
  get('the goal tree is asked with an unknown parameter', () => '/goals/tree?depth=2', 400, ['depth']),
  get('a goal id in the path is not a uuid', () => '/goals/FP-1', 400, ['id']),
];

const initiativeCases: BadRequest[] = [
  initiativePost('an initiative code is lower-case', () => ({ code: 'sspf' }), 400, ['code']),
  initiativePost('an initiative kind is not one of the kinds', () => ({ kind: 'programme' }), 400, ['kind']),
  initiativePost(
    'a participant role is not one of the roles',
    (f) => ({ participants: [{ departmentId: f.partner.id, role: 'owner' }] }),
    400,
    ['participants[0].role'],
  ),
  initiativePost('an evidence base is not one of the bases', () => ({ evidenceBase: 'anecdotal' }), 400, [
    'evidenceBase',
  ]),
  initiativePost(
    'a follow-up frequency is not one of the frequencies',
    () => ({ followUpPlan: { method: 'Enkät', frequency: 'weekly', responsible: 'Styrgruppen' } }),
    400,
    ['followUpPlan.frequency'],
  ),
  initiativePost(
    'a process owner e-mail is not an address',
    () => ({ processOwner: { name: 'Samordnare', email: 'samordnare(at)kommun' } }),
    400,
    ['processOwner.email'],
  ),
  initiativePost('a title is a number', () => ({ title: 123 }), 400, ['title']),
  initiativePost('a title is longer than 300 characters', () => ({ title: 'Å'.repeat(301) }), 400, ['title']),
  initiativePost(
    'participants is an object, not an array',
    (f) => ({ participants: { departmentId: f.partner.id, role: 'partner' } }),
    400,
    ['participants'],
  ),
  initiativePost('goalIds is a string, not an array', (f) => ({ goalIds: f.goal.id }), 400, ['goalIds']),
  initiativePost('goalIds has 51 ids', () => ({ goalIds: Array.from({ length: 51 }, () => randomUUID()) }), 400, [
    'goalIds',
  ]),
  initiativePost('a start date is 2025-02-30', () => ({ startDate: '2025-02-30' }), 400, ['startDate']),
  initiativePost(
    'an end date is before the start date',
    () => ({ startDate: '2025-03-01', endDate: '2025-02-28' }),
    400,
    ['endDate'],
  ),
  initiativePost('an annual cost is negative', () => ({ annualCostSek: -1 }), 400, ['annualCostSek']),
  initiativePost('an annual cost has öre', () => ({ annualCostSek: 1_800_000.5 }), 400, ['annualCostSek']),
  initiativePost('an annual cost is over 10^12', () => ({ annualCostSek: 1_000_000_000_001 }), 400, ['annualCostSek']),
  initiativePost('an annual cost is a string', () => ({ annualCostSek: '1800000' }), 400, ['annualCostSek']),
  initiativePost('the evidence base is null', () => ({ evidenceBase: null }), 400, ['evidenceBase']),
  initiativePost('goalIds is null', () => ({ goalIds: null }), 400, ['goalIds']),
  initiativePost('participants is null', () => ({ participants: null }), 400, ['participants']),
  initiativePost('the process owner has no name', () => ({ processOwner: { title: 'Samordnare' } }), 400, [
    'processOwner.name',
  ]),
  initiativePost('the status is set on create', () => ({ status: 'active' }), 400, ['status']),
  initiativePost('the lead department does not exist', () => ({ leadDepartmentId: NO_SUCH_ID }), 422, [
    'leadDepartmentId',
  ]),
  initiativePost(
    'the second participant does not exist',
    (f) => ({
      participants: [
        { departmentId: f.partner.id, role: 'partner' },
        { departmentId: NO_SUCH_ID, role: 'informed' },
      ],
    }),
    422,
    ['participants[1].departmentId'],
  ),
  initiativePost('the second goal does not exist', (f) => ({ goalIds: [f.goal.id, NO_SUCH_ID] }), 422, ['goalIds[1]']),
  initiativePost('a target group code is unknown', () => ({ targetGroupCodes: ['INGEN-SADAN'] }), 422, [
    'targetGroupCodes[0]',
  ]),
  initiativePost(
    'the last district code is unknown',
    (f) => ({ districtCodes: [f.district.code, 'INGEN-SADAN'] }),
    422,
    ['districtCodes[1]'],
  ),
  initiativePost(
    'a department takes part twice',
    (f) => ({
      participants: [
        { departmentId: f.partner.id, role: 'partner' },
        { departmentId: f.partner.id, role: 'funder' },
      ],
    }),
    422,
    ['participants[1].departmentId'],
  ),
  initiativePost(
    'the lead department is also a participant',
    (f) => ({ participants: [{ departmentId: f.lead.id, role: 'co_owner' }] }),
    422,
    ['participants[0].departmentId'],
  ),
  initiativePost('the initiative code is taken', (f) => ({ code: f.draft.code }), 409, ['code']),
  initiativePost('the summary makes the body larger than 1 MB', () => ({ summary: 'x'.repeat(1_100_000) }), 413),
  patch(
    'an initiative PATCH sets the title to null',
    'initiatives',
    (f) => f.draft,
    () => ({ title: null }),
    400,
    ['title'],
  ),
  patch(
    'an initiative PATCH sends only an end date before the stored start',
    'initiatives',
    (f) => f.draft,
    () => ({ endDate: '2024-12-31' }),
    400,
    ['endDate'],
  ),
  patch(
    'an initiative PATCH sets participants to null',
    'initiatives',
    (f) => f.draft,
    () => ({ participants: null }),
    400,
    ['participants'],
  ),
  patch(
    'an initiative PATCH sets the evidence base to null',
    'initiatives',
    (f) => f.draft,
    () => ({ evidenceBase: null }),
    400,
    ['evidenceBase'],
  ),
  patch(
    'an initiative PATCH tries to set the status',
    'initiatives',
    (f) => f.draft,
    () => ({ status: 'active' }),
    400,
    ['status'],
  ),
  patch(
    'an initiative PATCH links a goal that does not exist',
    'initiatives',
    (f) => f.draft,
    () => ({ goalIds: [NO_SUCH_ID] }),
    422,
    ['goalIds[0]'],
  ),
  patch(
    'an initiative PATCH has no If-Match',
    'initiatives',
    (f) => f.draft,
    () => ({ title: 'Nytt namn' }),
    428,
    undefined,
    'missing',
  ),
  patch(
    'an initiative PATCH has a stale If-Match',
    'initiatives',
    (f) => f.draft,
    () => ({ title: 'Nytt namn' }),
    412,
    undefined,
    'stale',
  ),
  get('the initiative list has limit=0', () => '/initiatives?limit=0', 400, ['limit']),
  get('the initiative list has offset=-1', () => '/initiatives?offset=-1', 400, ['offset']),
  get('the initiative list sorts by an unknown key', () => '/initiatives?sort=-budget', 400, ['sort']),
  get('the initiative list filters by an unknown status', () => '/initiatives?status=draft,paused', 400, ['status']),
  get(
    'the initiative list filters by a lead department that is not a uuid',
    () => '/initiatives?leadDepartmentId=ASF',
    400,
    ['leadDepartmentId'],
  ),
  get('the initiative list searches for an empty text', () => '/initiatives?q=%20', 400, ['q']),
  get('the initiative list filters by a lower-case target group code', () => '/initiatives?targetGroup=unga', 400, [
    'targetGroup',
  ]),
  get('the initiative list has a parameter it does not know', () => '/initiatives?colour=red', 400, ['colour']),
  get('an initiative in the path is named by neither a uuid nor a code', () => '/initiatives/sspf', 400, ['id']),
  {
    name: 'a DELETE names an initiative that is not a draft',
    method: 'delete',
    path: (f) => `/initiatives/${f.active.id}`,
    target: (f) => ({ table: 'initiatives', id: f.active.id }),
    status: 409,
  },
  { name: 'a DELETE names no initiative', method: 'delete', path: () => `/initiatives/${NO_SUCH_ID}`, status: 404 },
];

const transitionCases: BadRequest[] = [
  transition('a transition goes to an unknown status', (f) => f.draft, { to: 'paused' }, 400, ['to']),
  transition('a transition skips from draft to active', (f) => f.draft, { to: 'active' }, 409, ['to']),
  transition(
    'a transition to proposed lacks a lead department and a goal',
    (f) => f.bareDraft,
    { to: 'proposed' },
    422,
    ['leadDepartment', 'goal'],
  ),
  transition('a transition has no target status', (f) => f.draft, {}, 400, ['to']),
  transition('a transition comment is a number', (f) => f.draft, { to: 'proposed', comment: 7 }, 400, ['comment']),
  transition('a transition names no initiative', () => ({ id: NO_SUCH_ID }), { to: 'proposed' }, 404),
];

const fundingCases: BadRequest[] = [
  fundingPost('a funding source type is not one of the types', { sourceType: 'lottery' }, 400, ['sourceType']),
  fundingPost('a funding status is not one of the statuses', { status: 'pending' }, 400, ['status']),
  fundingPost('a coverage decision is not one of the decisions', { coverageDecision: 'hope_for_the_best' }, 400, [
    'coverageDecision',
  ]),
  fundingPost(
    'a reporting deadline kind is not one of the kinds',
    { reportingDeadlines: [{ date: '2026-03-31', kind: 'annual' }] },
    400,
    ['reportingDeadlines[0].kind'],
  ),
  fundingPost(
    'a reporting deadline date is 2025-1-5',
    { reportingDeadlines: [{ date: '2025-1-5', kind: 'interim' }] },
    400,
    ['reportingDeadlines[0].date'],
  ),
  fundingPost('an amount is negative', { amountSek: -100 }, 400, ['amountSek']),
  fundingPost('an amount has öre', { amountSek: 99.5 }, 400, ['amountSek']),
  fundingPost('an amount is over 10^12', { amountSek: 1_000_000_000_001 }, 400, ['amountSek']),
  fundingPost('an amount is a string', { amountSek: '1200000' }, 400, ['amountSek']),
  fundingPost('renewable is the string "yes"', { renewable: 'yes' }, 400, ['renewable']),
  fundingPost('a period start is 2025-02-30', { periodStart: '2025-02-30' }, 400, ['periodStart']),
  fundingPost('a period end is 2025-13-01', { periodEnd: '2025-13-01' }, 400, ['periodEnd']),
  fundingPost('a period ends before it starts', { periodStart: '2025-07-01', periodEnd: '2025-06-30' }, 400, [
    'periodEnd',
  ]),
  fundingPost('the status is null', { status: null }, 400, ['status']),
  fundingPost('the reporting deadlines are null', { reportingDeadlines: null }, 400, ['reportingDeadlines']),
  fundingPost('the successor names no funding line', { successorFundingId: NO_SUCH_ID }, 422, ['successorFundingId']),
  {
    ...fundingPost('the successor belongs to another initiative', {}, 422, ['successorFundingId']),
    body: (f) => newFundingLine({ successorFundingId: f.activeFunding.id }),
  },
  {
    ...fundingPost('the initiative does not exist', {}, 404),
    path: () => `/initiatives/${NO_SUCH_ID}/funding`,
    target: undefined,
  },
  {
    ...fundingPost('the initiative has ended', {}, 409),
    path: (f) => `/initiatives/${f.completed.id}/funding`,
    target: (f) => ({ table: 'initiatives', id: f.completed.id }),
  },
  patch(
    'a funding PATCH sends only a period end before the stored start',
    'funding',
    (f) => f.funding,
    () => ({ periodEnd: '2023-12-31' }),
    400,
    ['periodEnd'],
  ),
  patch(
    'a funding PATCH sets the amount to null',
    'funding',
    (f) => f.funding,
    () => ({ amountSek: null }),
    400,
    ['amountSek'],
  ),
  patch(
    'a funding PATCH sets the status to null',
    'funding',
    (f) => f.funding,
    () => ({ status: null }),
    400,
    ['status'],
  ),
  patch(
    'a funding PATCH makes the line its own successor',
    'funding',
    (f) => f.funding,
    (f) => ({ successorFundingId: f.funding.id }),
    422,
    ['successorFundingId'],
  ),
  patch(
    'a funding PATCH has no If-Match',
    'funding',
    (f) => f.funding,
    () => ({ amountSek: 1 }),
    428,
    undefined,
    'missing',
  ),
  patch(
    'a funding PATCH has a stale If-Match',
    'funding',
    (f) => f.funding,
    () => ({ amountSek: 1 }),
    412,
    undefined,
    'stale',
  ),
  get(
    'the funding list filters by an unknown status',
    (f) => `/initiatives/${f.draft.id}/funding?status=pending`,
    400,
    ['status'],
  ),
  get('a funding id in the path is not a uuid', () => '/funding/1', 400, ['id']),
  {
    name: 'a DELETE names a funding line of an initiative past draft',
    method: 'delete',
    path: (f) => `/funding/${f.activeFunding.id}`,
    target: (f) => ({ table: 'funding_lines', id: f.activeFunding.id }),
    status: 409,
  },
];

// PostgreSQL cannot store U+0000 and would store a lone surrogate as U+FFFD; both are refused wherever text comes in.
const textCases: BadRequest[] = [
  post(
    'a department name holds a NUL character',
    '/departments',
    () => newDepartment({ name: 'Avdelningen\u0000för ny verksamhet' }),
    400,
    ['name'],
  ),
  initiativePost(
    'a participant responsibility holds a NUL character',
    (f) => ({
      participants: [{ departmentId: f.partner.id, role: 'partner', responsibility: 'Fritidsgårdarnas del\u0000' }],
    }),
    400,
    ['participants[0].responsibility'],
  ),
  initiativePost(
    'a summary holds a lone high surrogate',
    () => ({ summary: 'Fältassistenter \ud800 möter unga' }),
    400,
    ['summary'],
  ),
  fundingPost('a funder holds a lone low surrogate', { funder: 'Länsstyrelsen \udc00 Västra Götaland' }, 400, [
    'funder',
  ]),
  patch(
    'a department PATCH sets a name holding a NUL character',
    'departments',
    (f) => f.partner,
    () => ({ name: 'Kultur\u0000' }),
    400,
    ['name'],
  ),
  get(
    'the initiative list searches for a text holding a NUL character',
    () => '/initiatives?q=f%C3%A4lt%00arbete',
    400,
    ['q'],
  ),
  get('the audit trail filters by an actor holding a NUL character', () => '/audit-events?actor=test%00admin', 400, [
    'actor',
  ]),
  get('a user subject in the path holds a NUL character', () => '/users/test%00admin', 400, ['subject']),
  get(
    'a budget dimension code in the path holds a NUL character',
    () => '/integrations/budget/dimensions/ANSVAR%00/codes',
    400,
    ['code'],
  ),
];

describe('Bad input', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const lead = await givenDepartment(ds, { name: 'Arbetsmarknads- och socialförvaltningen' });
    const partner = await givenDepartment(ds, { name: 'Kultur- och fritidsförvaltningen' });
    const parentGoal = await givenGoal(ds, { level: 'committee_goal', framework: 'Kommunstyrelsens mål' });
    const goal = await givenGoal(ds, {
      level: 'priority_area',
      framework: FRAMEWORK,
      parentId: parentGoal.id,
      validFrom: '2024-01-01',
    });
    const draft = await givenInitiative(
      ds,
      { leadDepartmentId: lead.id, startDate: '2025-01-01' },
      { goalIds: [goal.id] },
    );
    const active = await givenInitiative(
      ds,
      { status: 'active', leadDepartmentId: lead.id, startDate: '2024-01-01' },
      { goalIds: [goal.id] },
    );
    f = {
      lead,
      partner,
      goal,
      targetGroup: await givenTargetGroup(ds),
      district: await givenDistrict(ds),
      draft,
      bareDraft: await givenInitiative(ds),
      active,
      completed: await givenInitiative(ds, { status: 'completed', leadDepartmentId: lead.id }),
      funding: await givenFundingLine(ds, draft.id, { periodStart: '2024-01-01', periodEnd: '2025-06-30' }),
      activeFunding: await givenFundingLine(ds, active.id),
    };
  });
  afterAll(() => t.close());

  const targetRow = async (target: Target | undefined) => {
    if (!target) return undefined;
    const [found] = await t.dataSource.query(`SELECT to_jsonb(r) AS row FROM "${target.table}" r WHERE id = $1`, [
      target.id,
    ]);
    return found?.row as { version: number } | undefined;
  };

  const send = (c: BadRequest, version: number | undefined) => {
    const req = t.admin[c.method](api(c.path(f)));
    if (c.method === 'patch' && c.ifMatch !== 'missing') {
      // Versions start at 1 and only grow, so "0" is a version someone read before every change.
      req.set('If-Match', c.ifMatch === 'stale' ? '"0"' : `"${version}"`);
    }
    return c.body ? req.send(c.body(f) as object) : req;
  };

  const cases = [
    ...departmentCases,
    ...codeListCases,
    ...goalCases,
    ...initiativeCases,
    ...transitionCases,
    ...fundingCases,
    ...textCases,
  ];

  it('should cover at least 45 malformed requests', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases)('should answer $status and change nothing when $name', async (c) => {
    const target = c.target?.(f);
    const rowBefore = await targetRow(target);
    const countsBefore = await rowCounts(t.dataSource, TABLES);

    const res = await send(c, rowBefore?.version);

    expectProblem(res, c.status);
    if (c.fields) {
      const named = [
        ...new Set((res.body.errors ?? []).map((e: { field: string; message: string }) => e.field)),
      ].sort();
      expect(named).toEqual([...c.fields].sort());
      for (const error of res.body.errors) expect(error.message).toEqual(expect.any(String));
    }
    expect(await rowCounts(t.dataSource, TABLES)).toEqual(countsBefore);
    if (target) expect(await targetRow(target)).toEqual(rowBefore);
  });

  it('should accept text with characters outside the Basic Multilingual Plane when they are sent as a surrogate pair', async () => {
    const res = await t.admin
      .post(api('/target-groups'))
      .set('content-type', 'application/json')
      .send('{"code":"EMOJI","name":"Unga \\ud83c\\udf31 i arbete"}');

    expect(res.status).toBe(201);
    expect(res.body.name).toBe('Unga 🌱 i arbete');
  });

  it('should cap the page size at 200 rather than refuse it when limit=201', async () => {
    const res = await t.admin.get(api('/goals?limit=201'));

    expect(res.status).toBe(200);
    expect(res.body.limit).toBe(200);
  });

  it('should leave no initiative, participants or links when the last write of its transaction fails', async () => {
    // Arrange: every reference is valid when checked, but the participants (written last) hit a foreign-key
    // failure, as when the department is removed between the check and the write.
    await t.dataSource.query(`
      CREATE FUNCTION fail_participant_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE foreign_key_violation USING MESSAGE = 'department removed concurrently',
          DETAIL = format('Key (department_id)=(%s) is not present in table "departments".', NEW.department_id);
      END $$;
      CREATE TRIGGER fail_participant_insert BEFORE INSERT ON initiative_participants
        FOR EACH ROW EXECUTE FUNCTION fail_participant_insert();`);
    const countsBefore = await rowCounts(t.dataSource, TABLES);
    try {
      // Act
      const res = await t.admin.post(api('/initiatives')).send(newInitiative(f, { code: 'HALV-SPARAD' }));

      // Assert
      expectProblem(res, 422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'departmentId' })]);
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(countsBefore);
      expect(await t.dataSource.query(`SELECT 1 FROM initiatives WHERE code = 'HALV-SPARAD'`)).toEqual([]);
    } finally {
      await t.dataSource.query(
        'DROP TRIGGER fail_participant_insert ON initiative_participants; DROP FUNCTION fail_participant_insert();',
      );
    }
  });

  it('should leave no initiative, participants or links when its last reference is unknown', async () => {
    const countsBefore = await rowCounts(t.dataSource, TABLES);

    const res = await t.admin
      .post(api('/initiatives'))
      .send(newInitiative(f, { code: 'SISTA-FEL', districtCodes: [f.district.code, 'INGEN-SADAN'] }));

    expectProblem(res, 422);
    expect(res.body.errors).toEqual([{ field: 'districtCodes[1]', message: expect.any(String) }]);
    expect(await rowCounts(t.dataSource, TABLES)).toEqual(countsBefore);
    expect(await t.dataSource.query(`SELECT 1 FROM initiatives WHERE code = 'SISTA-FEL'`)).toEqual([]);
  });

  // Runs last: it writes. It proves each case above is refused for the one thing it breaks, not for a flaw in the base body.
  it('should accept every base body unchanged when nothing is wrong with it', async () => {
    const created = async (path: string, body: unknown) => (await t.admin.post(api(path)).send(body as object)).status;

    expect(await created('/departments', newDepartment())).toBe(201);
    expect(await created('/target-groups', newCodeListItem())).toBe(201);
    expect(await created('/districts', newCodeListItem())).toBe(201);
    expect(await created('/goals', newGoal(f))).toBe(201);
    expect(await created('/initiatives', newInitiative(f))).toBe(201);
    expect(await created(`/initiatives/${f.draft.id}/funding`, newFundingLine())).toBe(201);
  });
});
