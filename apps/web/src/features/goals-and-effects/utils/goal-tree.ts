import { formatMoney, formatNumber } from '../../../lib/format';
import type { ChainGraph, ChainNode, GoalFigures, GoalIndicator } from '../api/goal-queries';
import { goalsMessages as t } from '../messages';

type Level = GoalFigures['level'];

// The levels shown open at first: the tree reads down to the priority areas; their sub-goals wait behind a button.
const OPEN_AT_FIRST: ReadonlySet<Level> = new Set(['agenda2030', 'focus_area', 'priority_goal', 'committee_goal']);

function* walk(goals: readonly GoalFigures[]): Generator<GoalFigures> {
  for (const goal of goals) {
    yield goal;
    yield* walk(goal.children);
  }
}

/** The goals with goals under them: those a disclosure button opens. */
export function goalsWithChildren(tree: readonly GoalFigures[]): string[] {
  return [...walk(tree)].filter((goal) => goal.children.length > 0).map((goal) => goal.id);
}

/** Which goals are open when the page first shows: every level above the priority areas. */
export function openAtFirst(tree: readonly GoalFigures[]): Set<string> {
  return new Set(
    [...walk(tree)].filter((goal) => goal.children.length > 0 && OPEN_AT_FIRST.has(goal.level)).map((goal) => goal.id),
  );
}

/** The goal with this code anywhere in the tree. */
export function findGoal(tree: readonly GoalFigures[], code: string): GoalFigures | undefined {
  return [...walk(tree)].find((goal) => goal.code === code);
}

/** An indicator's figure in its unit, as Indikatorn shows it. */
export function formatIndicatorValue(value: number, unit: GoalIndicator['unit']): string {
  switch (unit) {
    case 'percent':
      return `${formatNumber(value, 1)} %`;
    case 'per_1000':
      return `${formatNumber(value, 1)} ‰`;
    case 'sek':
      return formatMoney(value);
    default:
      return formatNumber(value);
  }
}

/** Which way an indicator goes, in words, with the two measurements it rests on. */
export function trendText(indicator: GoalIndicator): string {
  const { latest, previous, trend, unit } = indicator;
  if (!latest) return t.noMeasurement;
  const latestText = formatIndicatorValue(latest.value, unit);
  if (!previous || !trend) return `${t.only(latestText, latest.period)}, ${t.noTrend}`;
  return `${t.trend[trend]}, ${t.fromTo(formatIndicatorValue(previous.value, unit), previous.period, latestText, latest.period)}`;
}

/** A goal's initiatives and cost in words: `4 insatser, 307 000 kr per år (1 insats saknar årskostnad)`. */
export function costText(goal: Pick<GoalFigures, 'annualCostSek' | 'initiativesWithoutAnnualCost'>): string {
  const cost = t.annualCost(formatMoney(goal.annualCostSek));
  return goal.initiativesWithoutAnnualCost > 0
    ? `${cost} (${t.withoutAnnualCost(goal.initiativesWithoutAnnualCost)})`
    : cost;
}

const EFFECT_LEVELS: readonly ChainNode['level'][] = [
  'activity',
  'output',
  'short_term_outcome',
  'long_term_outcome',
  'impact',
];

/** The goal's own steps by level, first to last, leaving out empty levels and the steps of chains it links into. */
export function chainLevels(
  graph: Pick<ChainGraph, 'nodes'>,
  goalId: string,
): { level: ChainNode['level']; nodes: ChainNode[] }[] {
  const own = graph.nodes.filter((node) => node.goalId === goalId);
  return EFFECT_LEVELS.map((level) => ({ level, nodes: own.filter((node) => node.level === level) })).filter(
    (entry) => entry.nodes.length > 0,
  );
}
