import { HttpStatus } from '@nestjs/common';
import { DomainException } from '#common';
import { EFFECT_LEVELS, type EffectLevel } from './effect-node.entity.js';

/**
 * The rules of an effect-logic graph, as pure functions (design: Effect logic).
 *
 * Why there is no cycle search: every link must point to a strictly later level, so along any path the level only
 * rises and no path can come back to where it started. The one way a cycle could still form is between nodes of the
 * same level (A → B, B → A, or a node to itself), which is why a same-level link is its own rule and refused.
 */
export const EFFECT_LINK_RULES = [
  /** A link points from an earlier level to a later one (activity → output → … → impact), never back. */
  'backward-link',
  /** A link between two nodes of the same level (or a node to itself): sideways, and the only way to a cycle. */
  'same-level-link',
  /** An initiative's node links only to its own nodes or into a goal chain, never to another initiative's nodes. */
  'cross-initiative-link',
  /** An initiative's node links into the chain of one of its goals or a goal above them (its priority area), no other. */
  'goal-chain-out-of-reach',
  /** A goal chain's node links only within goal chains; initiatives link into them, not the other way round. */
  'goal-chain-to-initiative',
] as const;
export type EffectLinkRule = (typeof EFFECT_LINK_RULES)[number];

export type RuleBreach = { rule: EffectLinkRule; message: string };

/** What the rules need to know about a node: its level and who owns it (exactly one of the two). */
export type GraphNode = { id: string; level: EffectLevel; initiativeId: string | null; goalId: string | null };

/** Position in EFFECT_LEVELS: 0 is `activity`, 4 is `impact`. */
export function effectLevelRank(level: EffectLevel): number {
  return EFFECT_LEVELS.indexOf(level);
}

/** The level rule alone, also used when a linked node changes level. */
export function levelBreach(fromLevel: EffectLevel, toLevel: EffectLevel): RuleBreach | null {
  const step = effectLevelRank(toLevel) - effectLevelRank(fromLevel);
  if (step > 0) return null;
  return step === 0
    ? { rule: 'same-level-link', message: `both ends are ${fromLevel}; a link must point to a later level` }
    : {
        rule: 'backward-link',
        message: `${fromLevel} cannot lead to the earlier level ${toLevel}; links point forward only`,
      };
}

/**
 * Every rule a new link `from → to` breaks. `goalsInReach` are the goals whose chains `from`'s initiative may link
 * into: the goals it is linked to and every goal above them in the tree (ignored for a goal chain's node).
 */
export function linkBreaches(from: GraphNode, to: GraphNode, goalsInReach: ReadonlySet<string>): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const level = levelBreach(from.level, to.level);
  if (level) breaches.push(level);
  if (from.initiativeId !== null) {
    if (to.initiativeId !== null && to.initiativeId !== from.initiativeId) {
      breaches.push({
        rule: 'cross-initiative-link',
        message: "an initiative's node cannot link to another initiative's nodes",
      });
    }
    if (to.goalId !== null && !goalsInReach.has(to.goalId)) {
      breaches.push({
        rule: 'goal-chain-out-of-reach',
        message:
          'the target belongs to the chain of a goal the initiative is not linked to (directly or through a goal below it)',
      });
    }
  } else if (to.initiativeId !== null) {
    breaches.push({
      rule: 'goal-chain-to-initiative',
      message:
        "a goal chain's node links only within goal chains; link the initiative's node into the goal chain instead",
    });
  }
  return breaches;
}

/** A node's links as seen from the node: `in` links come from the other node, `out` links go to it. */
export type NeighbourLink = { direction: 'in' | 'out'; level: EffectLevel };

/** The links a change of level would turn backward or sideways. */
export function levelChangeBreaches(level: EffectLevel, links: readonly NeighbourLink[]): RuleBreach[] {
  return links.flatMap((link) => {
    const breach = link.direction === 'in' ? levelBreach(link.level, level) : levelBreach(level, link.level);
    return breach ? [breach] : [];
  });
}

/** 422 naming the rule in its type (`/problems/effect-logic/<rule>`), every broken rule in `errors`. */
export class EffectLogicRuleProblem extends DomainException {
  constructor(
    readonly breaches: RuleBreach[],
    field: string,
  ) {
    const first = breaches[0];
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      `/problems/effect-logic/${first.rule}`,
      'Effect-logic rule violated',
      breaches.length === 1
        ? `Rule ${first.rule}: ${first.message}.`
        : `${breaches.length} rules broken: ${breaches.map((b) => b.rule).join(', ')}.`,
      { errors: breaches.map((b) => ({ field, message: `${b.rule}: ${b.message}` })) },
    );
  }
}

export function assertNoBreaches(breaches: RuleBreach[], field: string): void {
  if (breaches.length > 0) throw new EffectLogicRuleProblem(breaches, field);
}
