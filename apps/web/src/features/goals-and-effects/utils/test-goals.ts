import type { GoalFigures } from '../api/goal-queries';

/** For tests: a goal as GET /portfolio/goal-tree answers it, with no initiatives unless told, its id made from its code. */
export const testGoal = (
  code: string,
  level: GoalFigures['level'],
  figures: Partial<GoalFigures> = {},
  children: GoalFigures[] = [],
): GoalFigures => ({
  id: `00000000-0000-4000-8000-${code.padStart(12, '0')}`,
  code,
  title: `Målet ${code}`,
  level,
  framework: 'Färdplan',
  parentId: null,
  initiatives: 0,
  annualCostSek: 0,
  initiativesWithoutAnnualCost: 0,
  directInitiatives: 0,
  indicators: [],
  children,
  ...figures,
});
