import { fieldId } from '../../../components/forms/field-id';
import type { components } from '../../../lib/api-schema';

export type Readiness = components['schemas']['PortfolioReadinessDto'];
export type ReadinessInitiative = components['schemas']['ReadinessInitiativeDto'];
export type ReadinessGroup = components['schemas']['ReadinessGroupDto'];
export type ReadinessCheck = ReadinessInitiative['missing'][number];

/** The checks in the API's order (the order `missing` lists them in), as the tables' columns. */
export const READINESS_CHECKS = [
  'leadDepartment',
  'coOwnerResponsibilities',
  'processOwner',
  'goalLink',
  'effectLogic',
  'followUpPlan',
  'reportedOnTime',
  'coverageDecision',
] as const satisfies readonly ReadinessCheck[];

/**
 * Where a missing item is put right: Ändra insatsen at its field (`fieldId`, which the page focuses on arrival),
 * Effektlogik, Finansiering (the coverage decisions) or Rapporter (the status reports due).
 */
export type CheckFix =
  | { page: 'edit'; to: '/insatser/$code/andra'; hash: string }
  | { page: 'effectLogic'; to: '/insatser/$code/effektlogik' }
  | { page: 'funding'; to: '/insatser/$code/finansiering' }
  | { page: 'reports'; to: '/rapporter' };

const EDIT = '/insatser/$code/andra';
const FIXES: Record<ReadinessCheck, CheckFix> = {
  leadDepartment: { page: 'edit', to: EDIT, hash: fieldId('leadDepartmentId') },
  coOwnerResponsibilities: { page: 'edit', to: EDIT, hash: fieldId('participants') },
  processOwner: { page: 'edit', to: EDIT, hash: fieldId('processOwner.name') },
  goalLink: { page: 'edit', to: EDIT, hash: fieldId('goalIds') },
  effectLogic: { page: 'effectLogic', to: '/insatser/$code/effektlogik' },
  followUpPlan: { page: 'edit', to: EDIT, hash: fieldId('followUpPlan.method') },
  reportedOnTime: { page: 'reports', to: '/rapporter' },
  coverageDecision: { page: 'funding', to: '/insatser/$code/finansiering' },
};

/** Where the missing `check` is put right. Only navigation: what is missing is the API's answer. */
export function checkFix(check: ReadinessCheck): CheckFix {
  return FIXES[check];
}

/** How many of the checks that apply to the initiative it meets (coverageDecision applies only with temporary money). */
export function checksMet(checks: ReadinessInitiative['checks']): { met: number; applicable: number } {
  const applicable = READINESS_CHECKS.map((check) => checks[check]).filter((ok) => ok !== null && ok !== undefined);
  return { met: applicable.filter(Boolean).length, applicable: applicable.length };
}

/** A group's row: its name (and the filter its link sets, where there is one) with the API's figures. */
export type GroupRow = {
  key: string;
  name: string;
  search?: { leadDepartmentId: string } | { goalId: string };
  group: ReadinessGroup;
};

/** The roll-up by lead department as rows; initiatives without a lead department under `noLead`'s name. */
export function departmentRows(readiness: Pick<Readiness, 'byDepartment'>, noLead: string): GroupRow[] {
  return readiness.byDepartment.map((department) =>
    department.id === null
      ? { key: 'ingen', name: noLead, group: department }
      : {
          key: department.id,
          name: department.name ?? noLead,
          search: { leadDepartmentId: department.id },
          group: department,
        },
  );
}

/** The roll-up by priority area as rows (`FP-1 Samverka …`), then the initiatives under none, under `unlinked`'s name. */
export function priorityAreaRows(readiness: Pick<Readiness, 'byPriorityArea'>, unlinked: string): GroupRow[] {
  const { areas, unlinked: none } = readiness.byPriorityArea;
  return [
    ...areas.map((area) => ({
      key: area.id,
      name: `${area.code} ${area.title}`,
      search: { goalId: area.id },
      group: area,
    })),
    ...(none ? [{ key: 'inget', name: unlinked, group: none }] : []),
  ];
}
