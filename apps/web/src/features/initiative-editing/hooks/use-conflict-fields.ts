import { useMemo } from 'react';
import type { ConflictField } from '../../../components/forms/conflict-view';
import { formatDate, formatMoney } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import { useDepartments, useDistricts, useGoalTree, useTargetGroups } from '../api/initiative-editing';
import { goalsWithChains } from '../utils/goals';
import { FIELD_LABELS, type InitiativeField, type InitiativeFormValues } from '../utils/initiative-form';

/** What the conflict view shows for each field: names for ids and codes, dates and kronor as sv-SE writes them. */
export function useConflictFields(fields: readonly InitiativeField[]): ConflictField[] {
  const departments = useDepartments();
  const targetGroups = useTargetGroups();
  const districts = useDistricts();
  const tree = useGoalTree();
  return useMemo(() => {
    const name = (options: { id: string; label: string }[] | undefined) => (id: unknown) =>
      options?.find((o) => o.id === id)?.label ?? String(id);
    const names = (options: { id: string; label: string }[] | undefined) => (ids: unknown) =>
      (ids as string[]).map(name(options)).join(', ');
    const goals = goalsWithChains(tree.data ?? []);
    const vocabulary = (labels: Record<string, string>) => (value: unknown) => labels[String(value)] ?? String(value);
    const format: Partial<Record<InitiativeField, (value: unknown) => string>> = {
      kind: vocabulary(messages.vocabulary.initiativeKind),
      evidenceBase: vocabulary(messages.vocabulary.evidenceBase),
      leadDepartmentId: name(departments.data),
      participants: (value) =>
        (value as InitiativeFormValues['participants'])
          .map((p) =>
            [
              name(departments.data)(p.departmentId),
              p.role ? vocabulary(messages.vocabulary.participantRole)(p.role) : '',
              p.responsibility,
            ]
              .filter(Boolean)
              .join(' – '),
          )
          .join('\n'),
      processOwner: (value) =>
        Object.values(value as InitiativeFormValues['processOwner'])
          .filter(Boolean)
          .join(', '),
      goalIds: (ids) =>
        (ids as string[])
          .map((id) => goals.find((g) => g.id === id))
          .map((g) => (g ? `${g.code} ${g.title}` : ''))
          .join('\n'),
      targetGroupCodes: names(targetGroups.data),
      districtCodes: names(districts.data),
      startDate: (value) => formatDate(String(value)),
      endDate: (value) => formatDate(String(value)),
      annualCostSek: (value) => formatMoney(Number(value)),
      followUpPlan: (value) => {
        const plan = value as InitiativeFormValues['followUpPlan'];
        const frequency = plan.frequency ? vocabulary(messages.vocabulary.followUpFrequency)(plan.frequency) : '';
        return [plan.method, frequency, plan.responsible, plan.firstReportDue ? formatDate(plan.firstReportDue) : '']
          .filter(Boolean)
          .join('\n');
      },
    };
    return fields.map((field) => ({
      name: field,
      label: FIELD_LABELS[field] ?? field,
      ...(format[field] ? { format: format[field] } : {}),
    }));
  }, [fields, departments.data, targetGroups.data, districts.data, tree.data]);
}
