/**
 * The signed-in person's department first, then the rest, each in the API's order (most severe first, then by due
 * date): what the person can act on comes before what they can only read.
 */
export function splitByDepartment<T extends { departmentId: string | null }>(
  alerts: readonly T[],
  departmentId: string | null | undefined,
): { own: T[]; others: T[] } {
  if (!departmentId) return { own: [], others: [...alerts] };
  const own: T[] = [];
  const others: T[] = [];
  for (const alert of alerts) (alert.departmentId === departmentId ? own : others).push(alert);
  return { own, others };
}

/** The same, as one list: the own department's alerts, then the others. */
export function ownDepartmentFirst<T extends { departmentId: string | null }>(
  alerts: readonly T[],
  departmentId: string | null | undefined,
): T[] {
  const { own, others } = splitByDepartment(alerts, departmentId);
  return [...own, ...others];
}
