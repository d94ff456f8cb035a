import type { components } from '../../../lib/api-schema';
import { formatDate } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import { administrationMessages } from '../messages';
import { possibleParents } from './departments';

type Goal = components['schemas']['GoalDto'];
type GoalTreeNode = components['schemas']['GoalTreeNodeDto'];
export type GoalLevel = Goal['level'];

const t = administrationMessages.goals;

/** The levels top down, as the vocabulary lists them (the API's order). */
export const GOAL_LEVELS = Object.keys(messages.vocabulary.goalLevel) as GoalLevel[];
const rank = (level: GoalLevel) => GOAL_LEVELS.indexOf(level);

/** The parent select's choice for a goal at the top of the tree: a select's options need an id. */
export const NO_PARENT = 'inget';

/** The goal form's values as its fields hold them: '' for an empty text, null for an empty date or no level. */
export type GoalValues = {
  code: string;
  title: string;
  description: string;
  level: GoalLevel | null;
  framework: string;
  parentId: string;
  validFrom: string | null;
  validTo: string | null;
};

/** Every goal of the tree, each before the goals under it. */
export function flattenGoals(tree: readonly GoalTreeNode[]): GoalTreeNode[] {
  return tree.flatMap((goal) => [goal, ...flattenGoals(goal.children)]);
}

/** The levels a goal may have: below its parent's and above those of the goals under it, as the API requires. */
export function levelsBetween(parentLevel: GoalLevel | null, childLevels: readonly GoalLevel[]): GoalLevel[] {
  const lowestAllowed = Math.min(GOAL_LEVELS.length, ...childLevels.map(rank));
  return GOAL_LEVELS.filter(
    (level) => (parentLevel === null || rank(level) > rank(parentLevel)) && rank(level) < lowestAllowed,
  );
}

/** What a goal may be moved under: not itself or a goal under it, and not the lowest level, which nothing sits below. */
export function goalParents(goals: readonly GoalTreeNode[], goalId: string): GoalTreeNode[] {
  return possibleParents(goals, goalId).filter((goal) => levelsBetween(goal.level, []).length > 0);
}

/** A new goal's form under `parent` (null: at the top): the level next below it, and its governing document. */
export function newGoalValues(parent: GoalTreeNode | null): GoalValues {
  return {
    code: '',
    title: '',
    description: '',
    level: levelsBetween(parent?.level ?? null, [])[0] ?? null,
    framework: parent?.framework ?? '',
    parentId: parent?.id ?? NO_PARENT,
    validFrom: null,
    validTo: null,
  };
}

export function toGoalValues(goal: Goal): GoalValues {
  return {
    code: goal.code,
    title: goal.title,
    description: goal.description ?? '',
    level: goal.level,
    framework: goal.framework,
    parentId: goal.parentId ?? NO_PARENT,
    validFrom: goal.validFrom ?? null,
    validTo: goal.validTo ?? null,
  };
}

/** A new goal's body: the code in capitals, as codes are written; empty optional fields left out. */
export function toNewGoal(values: GoalValues): components['schemas']['CreateGoalDto'] {
  return {
    code: values.code.trim().toUpperCase(),
    title: values.title,
    // A level not chosen is left for the API to name (the form asks for one first).
    level: values.level as GoalLevel,
    framework: values.framework,
    ...(values.description.trim() ? { description: values.description.trim() } : {}),
    ...(values.parentId !== NO_PARENT ? { parentId: values.parentId } : {}),
    ...(values.validFrom ? { validFrom: values.validFrom } : {}),
    ...(values.validTo ? { validTo: values.validTo } : {}),
  };
}

/** Only what changed (an emptied optional field as null), so a save never writes back a value it did not mean to. */
export function toGoalChanges(before: Goal, values: GoalValues): components['schemas']['UpdateGoalDto'] {
  const after = { description: null, parentId: null, validFrom: null, validTo: null, ...toNewGoal(values) };
  const changes: components['schemas']['UpdateGoalDto'] = {};
  for (const field of [
    'code',
    'title',
    'description',
    'level',
    'framework',
    'parentId',
    'validFrom',
    'validTo',
  ] as const) {
    if (after[field] !== (before[field] ?? null)) Object.assign(changes, { [field]: after[field] });
  }
  return changes;
}

/** A goal's validity in words, or null when it has always held and still does. */
export function validityText({ validFrom, validTo }: Pick<Goal, 'validFrom' | 'validTo'>): string | null {
  if (validFrom && validTo) return t.validFromTo(formatDate(validFrom), formatDate(validTo));
  if (validFrom) return t.validFromOnly(formatDate(validFrom));
  if (validTo) return t.validToOnly(formatDate(validTo));
  return null;
}
