import type { components } from '../../../lib/api-schema';

type Department = components['schemas']['DepartmentDto'];
type Kind = Department['kind'];

/** The parent select's choice for a unit that belongs to no other: a select's options need an id. */
export const NO_PARENT = 'ingen';

/** The department form's values as the fields hold them: null for a kind not yet chosen, '' for an empty e-mail. */
export type DepartmentValues = { code: string; name: string; kind: Kind | null; parentId: string; headEmail: string };

export const EMPTY_DEPARTMENT: DepartmentValues = {
  code: '',
  name: '',
  kind: null,
  parentId: NO_PARENT,
  headEmail: '',
};

export function toDepartmentValues(department: Department): DepartmentValues {
  return {
    code: department.code,
    name: department.name,
    kind: department.kind,
    parentId: department.parentId ?? NO_PARENT,
    headEmail: department.headEmail ?? '',
  };
}

/** A new unit's body: empty optional fields left out; the code in capitals, as codes are written. */
export function toNewDepartment(values: DepartmentValues) {
  return {
    code: values.code.trim().toUpperCase(),
    name: values.name,
    // A kind not chosen is left for the API to name (the form asks for one first).
    kind: values.kind as Kind,
    ...(values.parentId !== NO_PARENT ? { parentId: values.parentId } : {}),
    ...(values.headEmail.trim() ? { headEmail: values.headEmail.trim() } : {}),
  };
}

/** Only what changed (an emptied optional field as null), so a save never writes back a value it did not mean to. */
export function toDepartmentChanges(before: Department, values: DepartmentValues) {
  const after = toNewDepartment(values);
  const changes: Partial<Record<keyof DepartmentValues, string | null>> = {};
  if (after.code !== before.code) changes.code = after.code;
  if (after.name !== before.name) changes.name = after.name;
  if (after.kind !== before.kind) changes.kind = after.kind;
  if ((after.parentId ?? null) !== before.parentId) changes.parentId = after.parentId ?? null;
  if ((after.headEmail ?? null) !== before.headEmail) changes.headEmail = after.headEmail ?? null;
  return changes as components['schemas']['UpdateDepartmentDto'];
}

/**
 * The units in the order of the tree: each top unit (by code) followed by its own units, indented by depth. A unit
 * whose parent is missing from the list is shown at the top.
 */
export function inTreeOrder(departments: readonly Department[]): Array<{ department: Department; depth: number }> {
  const ids = new Set(departments.map((d) => d.id));
  const children = new Map<string | null, Department[]>();
  for (const department of departments) {
    const parent = department.parentId && ids.has(department.parentId) ? department.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), department]);
  }
  const ordered: Array<{ department: Department; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const department of [...(children.get(parent) ?? [])].sort((a, b) => a.code.localeCompare(b.code, 'sv'))) {
      if (seen.has(department.id)) continue;
      seen.add(department.id);
      ordered.push({ department, depth });
      visit(department.id, depth + 1);
    }
  };
  visit(null, 0);
  // Units only a cycle would reach (the API refuses one): listed at the end rather than lost.
  for (const department of departments) if (!seen.has(department.id)) ordered.push({ department, depth: 0 });
  return ordered;
}

/**
 * What a record of a tree (a unit, a goal) may be put under: not itself and not one of its own descendants (the API
 * refuses a cycle too).
 */
export function possibleParents<T extends { id: string; parentId?: string | null }>(
  records: readonly T[],
  id: string | null,
): T[] {
  if (!id) return [...records];
  const excluded = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const record of records) {
      if (record.parentId && excluded.has(record.parentId) && !excluded.has(record.id)) {
        excluded.add(record.id);
        grew = true;
      }
    }
  }
  return records.filter((record) => !excluded.has(record.id));
}
