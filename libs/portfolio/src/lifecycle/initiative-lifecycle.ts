/** The lifecycle of an initiative. Moves go through `POST /initiatives/{id}/transitions`, never a PATCH. */
export const INITIATIVE_STATUSES = [
  'draft',
  'proposed',
  'approved',
  'active',
  'completed',
  'integrated',
  'discontinued',
] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** Each status as a municipal reader sees it (exports, the review pack). */
export const INITIATIVE_STATUS_LABELS: Record<InitiativeStatus, string> = {
  draft: 'Utkast',
  proposed: 'Föreslagen',
  approved: 'Beslutad',
  active: 'Pågående',
  completed: 'Avslutad',
  integrated: 'Införd i ordinarie verksamhet',
  discontinued: 'Avbruten',
};

/** Where each status may go next. Ended states (completed, integrated, discontinued) go nowhere. */
export const ALLOWED_TRANSITIONS: Record<InitiativeStatus, readonly InitiativeStatus[]> = {
  draft: ['proposed', 'discontinued'],
  proposed: ['draft', 'approved', 'discontinued'],
  approved: ['active', 'discontinued'],
  active: ['completed', 'integrated', 'discontinued'],
  completed: [],
  integrated: [],
  discontinued: [],
};

/** The statuses an initiative never leaves: it ran its course, went into ordinary operations or was stopped. */
export const ENDED_STATUSES: readonly InitiativeStatus[] = INITIATIVE_STATUSES.filter(
  (status) => ALLOWED_TRANSITIONS[status].length === 0,
);

/** What the guards need to know about an initiative, gathered in one query. */
export type GuardFacts = {
  leadDepartmentId: string | null;
  goalCount: number;
  fundingLineCount: number;
  hasFollowUpPlan: boolean;
  startDate: string | null;
};

export type UnmetGuard = { guard: string; message: string };

/**
 * Every guard the target status requires, each unmet one listed (the design's rule: a refused move names all of
 * them, not the first). Guards accumulate: `active` needs what `approved` needs, and so on.
 */
export function unmetGuards(to: InitiativeStatus, facts: GuardFacts): UnmetGuard[] {
  const needs = new Set<string>();
  if (to === 'proposed' || to === 'approved' || to === 'active') {
    needs.add('leadDepartment').add('goal');
  }
  if (to === 'approved' || to === 'active') needs.add('followUpPlan').add('funding');
  if (to === 'active') needs.add('startDate');

  const unmet: UnmetGuard[] = [];
  if (needs.has('leadDepartment') && !facts.leadDepartmentId)
    unmet.push({ guard: 'leadDepartment', message: 'a lead department is required' });
  if (needs.has('goal') && facts.goalCount === 0)
    unmet.push({ guard: 'goal', message: 'at least one goal must be linked' });
  if (needs.has('followUpPlan') && !facts.hasFollowUpPlan)
    unmet.push({ guard: 'followUpPlan', message: 'a follow-up plan is required' });
  if (needs.has('funding') && facts.fundingLineCount === 0)
    unmet.push({ guard: 'funding', message: 'at least one funding line is required' });
  if (needs.has('startDate') && !facts.startDate)
    unmet.push({ guard: 'startDate', message: 'a start date is required' });
  return unmet;
}

export function canMove(from: InitiativeStatus, to: InitiativeStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}
