import type { FieldError } from '#common';
import { GOAL_LEVELS, type GoalLevel } from './goal.entity.js';

/** Position in GOAL_LEVELS: 0 is the top (agenda2030), a larger number sits further down. */
export function levelRank(level: GoalLevel): number {
  return GOAL_LEVELS.indexOf(level);
}

export type GoalPlacement = {
  level: GoalLevel;
  /** Level of the goal it sits under; null for a root. */
  parentLevel: GoalLevel | null;
  /** Levels of the goals directly under it. */
  childLevels: readonly GoalLevel[];
  /** The field the request set; a mismatch with the parent is reported on it, so the client knows what to fix. */
  changed: 'level' | 'parentId';
};

/** Levels run strictly top down: a goal sits below its parent's level and above each of its children's. */
export function placementErrors({ level, parentLevel, childLevels, changed }: GoalPlacement): FieldError[] {
  const errors: FieldError[] = [];
  if (parentLevel !== null && levelRank(level) <= levelRank(parentLevel)) {
    errors.push({
      field: changed,
      message: `a ${level} goal cannot sit under a ${parentLevel} goal; its level must be below its parent's`,
    });
  }
  const blocking = [...new Set(childLevels.filter((child) => levelRank(child) <= levelRank(level)))];
  if (blocking.length > 0) {
    errors.push({
      field: 'level',
      message: `must stay above the levels of the goals under it (${blocking.join(', ')})`,
    });
  }
  return errors;
}

type TreeRow = { id: string; parentId: string | null; level: GoalLevel; code: string };
export type NestedGoal<T> = T & { children: NestedGoal<T>[] };

/**
 * Nests goals read flat into their tree, each list by level then code; a goal whose parent is not among them is a
 * root. The rows gain `children` in place.
 */
export function nestGoals<T extends TreeRow>(rows: readonly T[]): NestedGoal<T>[] {
  type Node = NestedGoal<T>;
  const nodes = new Map(rows.map((row) => [row.id, Object.assign(row, { children: [] as Node[] }) as Node]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const byLevelThenCode = (a: Node, b: Node) =>
    levelRank(a.level) - levelRank(b.level) || a.code.localeCompare(b.code, 'sv');
  for (const node of nodes.values()) node.children.sort(byLevelThenCode);
  return roots.sort(byLevelThenCode);
}

/** A validity period may be open at either end, but never end before it starts. */
export function validityErrors(validFrom: string | null, validTo: string | null): FieldError[] {
  return validFrom !== null && validTo !== null && validTo < validFrom
    ? [{ field: 'validTo', message: 'must not be before validFrom' }]
    : [];
}
