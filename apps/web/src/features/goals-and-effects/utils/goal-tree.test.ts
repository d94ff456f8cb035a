import { describe, expect, it } from 'vitest';
import { plainText } from '../../../testing/plain-text';
import type { GoalIndicator } from '../api/goal-queries';
import {
  chainLevels,
  costText,
  findGoal,
  formatIndicatorValue,
  goalsWithChildren,
  openAtFirst,
  trendText,
} from './goal-tree';
import { testGoal as goal } from './test-goals';

const tree = [
  goal('A', 'agenda2030', {}, [
    goal('M', 'priority_goal', {}, [
      goal('P', 'priority_area', {}, [goal('S', 'sub_goal')]),
      goal('Q', 'priority_area'),
    ]),
  ]),
  goal('B', 'agenda2030'),
];

const indicator = (overrides: Partial<GoalIndicator>): GoalIndicator => ({
  id: 'i',
  code: 'UVAS',
  name: 'Unga som varken arbetar eller studerar',
  unit: 'percent',
  direction: 'decrease',
  latest: null,
  previous: null,
  trend: null,
  ...overrides,
});

describe('the goal tree', () => {
  it('should open the levels above the priority areas at first, and only goals with goals under them', () => {
    expect([...openAtFirst(tree)].sort()).toEqual([goal('A', 'agenda2030').id, goal('M', 'priority_goal').id].sort());
  });

  it('should name every goal with goals under it, at any depth', () => {
    expect(goalsWithChildren(tree).sort()).toEqual(['A', 'M', 'P'].map((code) => goal(code, 'sub_goal').id).sort());
  });

  it('should find a goal by code at any depth, and nothing for an unknown code', () => {
    expect(findGoal(tree, 'S')?.title).toBe('Målet S');
    expect(findGoal(tree, 'X')).toBeUndefined();
  });
});

describe('figures in words', () => {
  it('should say the annual cost, and how many lack one', () => {
    expect(plainText(costText({ annualCostSek: 1_234_000, initiativesWithoutAnnualCost: 0 }))).toBe(
      '1 234 000 kr per år',
    );
    expect(plainText(costText({ annualCostSek: 300_000, initiativesWithoutAnnualCost: 1 }))).toBe(
      '300 000 kr per år (1 insats saknar årskostnad)',
    );
  });

  it("should format an indicator's figure in its unit", () => {
    expect(plainText(formatIndicatorValue(12.34, 'percent'))).toBe('12,3 %');
    expect(plainText(formatIndicatorValue(4.5, 'per_1000'))).toBe('4,5 ‰');
    expect(plainText(formatIndicatorValue(1500, 'sek'))).toBe('1 500 kr');
    expect(plainText(formatIndicatorValue(1500, 'count'))).toBe('1 500');
  });

  it('should say the trend in words with the two measurements, or why there is none', () => {
    expect(
      plainText(
        trendText(
          indicator({
            latest: { period: '2024', value: 9 },
            previous: { period: '2023', value: 10 },
            trend: 'improving',
          }),
        ),
      ),
    ).toBe('går åt rätt håll, från 10 % (2023) till 9 % (2024)');
    expect(plainText(trendText(indicator({ latest: { period: '2024', value: 9 } })))).toBe(
      '9 % (2024), för få mätningar för att visa en trend',
    );
    expect(plainText(trendText(indicator({})))).toBe('inga mätningar ännu');
  });
});

describe('the effect chain', () => {
  it("should list the goal's own steps by level, first to last, without empty levels or other chains' steps", () => {
    const node = (id: string, level: 'activity' | 'short_term_outcome' | 'impact', goalId: string) =>
      ({ id, level, goalId }) as never;
    const levels = chainLevels(
      { nodes: [node('n1', 'impact', 'g'), node('n2', 'short_term_outcome', 'g'), node('n3', 'impact', 'other')] },
      'g',
    );

    expect(levels.map((l) => [l.level, l.nodes.map((n) => n.id)])).toEqual([
      ['short_term_outcome', ['n2']],
      ['impact', ['n1']],
    ]);
  });
});
