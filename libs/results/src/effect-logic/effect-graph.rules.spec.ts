import type { EffectLevel } from './effect-node.entity.js';
import {
  EffectLogicRuleProblem,
  levelBreach,
  levelChangeBreaches,
  linkBreaches,
  type GraphNode,
} from './effect-graph.rules.js';

const INITIATIVE = 'initiative-a';
const OTHER_INITIATIVE = 'initiative-b';
const OWN_GOAL = 'goal-own';
const PRIORITY_AREA = 'goal-priority-area';
const UNRELATED_GOAL = 'goal-unrelated';
const IN_REACH = new Set([OWN_GOAL, PRIORITY_AREA]);

const ofInitiative = (level: EffectLevel, initiativeId = INITIATIVE, id = `${initiativeId}-${level}`): GraphNode => ({
  id,
  level,
  initiativeId,
  goalId: null,
});
const ofGoal = (level: EffectLevel, goalId: string, id = `${goalId}-${level}`): GraphNode => ({
  id,
  level,
  initiativeId: null,
  goalId,
});
const rules = (from: GraphNode, to: GraphNode) => linkBreaches(from, to, IN_REACH).map((b) => b.rule);

describe('effect graph rules', () => {
  describe('levelBreach', () => {
    it.each<[EffectLevel, EffectLevel]>([
      ['activity', 'output'],
      ['activity', 'impact'],
      ['output', 'short_term_outcome'],
      ['short_term_outcome', 'long_term_outcome'],
      ['long_term_outcome', 'impact'],
    ])('should allow %s → %s because it points forward', (from, to) => {
      expect(levelBreach(from, to)).toBeNull();
    });

    it.each<[EffectLevel, EffectLevel]>([
      ['output', 'activity'],
      ['impact', 'activity'],
      ['long_term_outcome', 'short_term_outcome'],
    ])('should name backward-link for %s → %s', (from, to) => {
      expect(levelBreach(from, to)?.rule).toBe('backward-link');
    });

    it.each<EffectLevel>(['activity', 'output', 'short_term_outcome', 'long_term_outcome', 'impact'])(
      'should name same-level-link for %s → %s',
      (level) => {
        expect(levelBreach(level, level)?.rule).toBe('same-level-link');
      },
    );
  });

  describe('linkBreaches', () => {
    it('should allow a forward link within one initiative', () => {
      expect(rules(ofInitiative('activity'), ofInitiative('output'))).toEqual([]);
    });

    it("should allow an initiative's node to link into its own goal's chain and its priority area's chain", () => {
      expect(rules(ofInitiative('output'), ofGoal('short_term_outcome', OWN_GOAL))).toEqual([]);
      expect(rules(ofInitiative('output'), ofGoal('long_term_outcome', PRIORITY_AREA))).toEqual([]);
    });

    it("should refuse an initiative's node linking into an unrelated goal's chain", () => {
      expect(rules(ofInitiative('output'), ofGoal('short_term_outcome', UNRELATED_GOAL))).toEqual([
        'goal-chain-out-of-reach',
      ]);
    });

    it("should refuse a link to another initiative's node", () => {
      expect(rules(ofInitiative('activity'), ofInitiative('output', OTHER_INITIATIVE))).toEqual([
        'cross-initiative-link',
      ]);
    });

    it('should allow goal chains to link to each other', () => {
      expect(rules(ofGoal('short_term_outcome', OWN_GOAL), ofGoal('long_term_outcome', PRIORITY_AREA))).toEqual([]);
      expect(rules(ofGoal('short_term_outcome', UNRELATED_GOAL), ofGoal('impact', PRIORITY_AREA))).toEqual([]);
    });

    it("should refuse a goal chain's node linking to an initiative's node", () => {
      expect(rules(ofGoal('activity', OWN_GOAL), ofInitiative('output'))).toEqual(['goal-chain-to-initiative']);
    });

    it('should report every broken rule at once, the level first', () => {
      expect(rules(ofInitiative('impact'), ofInitiative('activity', OTHER_INITIATIVE))).toEqual([
        'backward-link',
        'cross-initiative-link',
      ]);
      expect(rules(ofInitiative('output'), ofGoal('output', UNRELATED_GOAL))).toEqual([
        'same-level-link',
        'goal-chain-out-of-reach',
      ]);
    });

    it('should refuse a node linking to itself as a same-level link', () => {
      const node = ofInitiative('output');
      expect(rules(node, node)).toEqual(['same-level-link']);
    });

    it('should leave no way to close a cycle: the reverse of any allowed link is refused', () => {
      const levels: EffectLevel[] = ['activity', 'output', 'short_term_outcome', 'long_term_outcome', 'impact'];
      for (const a of levels) {
        for (const b of levels) {
          const there = rules(ofInitiative(a, INITIATIVE, 'a'), ofInitiative(b, INITIATIVE, 'b'));
          const back = rules(ofInitiative(b, INITIATIVE, 'b'), ofInitiative(a, INITIATIVE, 'a'));
          expect(there.length === 0 && back.length === 0).toBe(false);
        }
      }
    });
  });

  describe('levelChangeBreaches', () => {
    it('should accept a new level that keeps every link forward', () => {
      expect(
        levelChangeBreaches('output', [
          { direction: 'in', level: 'activity' },
          { direction: 'out', level: 'long_term_outcome' },
        ]),
      ).toEqual([]);
    });

    it('should name each link the new level would turn backward or sideways', () => {
      const breaches = levelChangeBreaches('short_term_outcome', [
        { direction: 'in', level: 'activity' },
        { direction: 'in', level: 'long_term_outcome' },
        { direction: 'out', level: 'short_term_outcome' },
      ]);
      expect(breaches.map((b) => b.rule)).toEqual(['backward-link', 'same-level-link']);
    });
  });

  describe('EffectLogicRuleProblem', () => {
    it('should answer 422 with the first rule in its type and every rule in its errors', () => {
      const problem = new EffectLogicRuleProblem(
        [
          { rule: 'backward-link', message: 'back' },
          { rule: 'cross-initiative-link', message: 'other' },
        ],
        'toNodeId',
      );
      expect(problem.status).toBe(422);
      expect(problem.type).toBe('/problems/effect-logic/backward-link');
      expect(problem.extra.errors).toEqual([
        { field: 'toNodeId', message: 'backward-link: back' },
        { field: 'toNodeId', message: 'cross-initiative-link: other' },
      ]);
    });
  });
});
