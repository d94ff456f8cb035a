import { fieldId } from '../../../components/forms/field-id';
import { messages, type InitiativeStatusKey } from '../../../lib/messages';
import { initiativeMessages } from '../messages';

export type PhaseState = 'done' | 'current' | 'upcoming' | 'notReached';

export type Phase = {
  /** A status, or `end` for the last step (completed or integrated, whichever it was or will be). */
  key: InitiativeStatusKey | 'end';
  label: string;
  state: PhaseState;
};

/** The path every initiative takes, then one end: completed or integrated into ordinary operations. */
const PATH: readonly InitiativeStatusKey[] = ['draft', 'proposed', 'approved', 'active'];

/**
 * The lifecycle as phases (Utkast → Föreslagen → Beslutad → Pågående → Avslutad/Införd), each done, current or
 * upcoming; a discontinued initiative gets Avbruten as its current, last phase, and the path it did not finish is
 * marked as not reached.
 */
export function lifecyclePhases(status: InitiativeStatusKey): Phase[] {
  const labels = messages.initiativeStatus;
  const ended = status === 'completed' || status === 'integrated';
  const endLabel = ended ? labels[status] : initiativeMessages.lifecycle.endLabel;
  if (status === 'discontinued') {
    return [
      ...PATH.map((key): Phase => ({ key, label: labels[key], state: 'notReached' })),
      { key: 'end', label: initiativeMessages.lifecycle.endLabel, state: 'notReached' },
      { key: 'discontinued', label: labels.discontinued, state: 'current' },
    ];
  }
  const at = ended ? PATH.length : PATH.indexOf(status);
  return [
    ...PATH.map((key, index): Phase => ({
      key,
      label: labels[key],
      state: index < at ? 'done' : index === at ? 'current' : 'upcoming',
    })),
    { key: 'end', label: endLabel, state: ended ? 'current' : 'upcoming' },
  ];
}

/** Where a guard the API names (`unmetGuards`) is put right: the editing page at the field, or the funding page. */
export type GuardFix =
  { to: '/insatser/$code/andra'; hash: string } | { to: '/insatser/$code/finansiering'; hash?: undefined };

const EDIT = '/insatser/$code/andra';
const GUARD_FIXES: Record<string, GuardFix> = {
  leadDepartment: { to: EDIT, hash: fieldId('leadDepartmentId') },
  goal: { to: EDIT, hash: fieldId('goalIds') },
  followUpPlan: { to: EDIT, hash: fieldId('followUpPlan.method') },
  startDate: { to: EDIT, hash: fieldId('startDate') },
  funding: { to: '/insatser/$code/finansiering' },
};

/**
 * The page and field that put an unmet guard right. Only navigation: which guards a move needs is the API's answer
 * (GET /initiatives/{id}/transitions). A guard this app does not know yet gets no link, only its name.
 */
export function guardFix(guard: string): GuardFix | undefined {
  return GUARD_FIXES[guard];
}
