import type { EntityManager } from 'typeorm';
import { queryOne, RuleViolationProblem } from '#common';
import type { EffectLevel } from '../effect-logic/effect-node.entity.js';
import { NODE_INDICATOR_COUNT_SQL } from './indicators.sql.js';

/** Indicators measure outcomes, not activities or outputs (design: Indicator). */
export const MEASURABLE_LEVELS: readonly EffectLevel[] = ['short_term_outcome', 'long_term_outcome', 'impact'];

/**
 * Refuses (422) moving a node that indicators measure to a level they cannot measure. The caller holds the node
 * FOR UPDATE, so a link being created (it reads the level FOR SHARE) is either seen here or judged on the new level.
 */
export async function assertLevelKeepsIndicators(em: EntityManager, nodeId: string, level: EffectLevel): Promise<void> {
  if (MEASURABLE_LEVELS.includes(level)) return;
  const { n } = await queryOne(em, NODE_INDICATOR_COUNT_SQL, [nodeId]);
  if (n > 0) {
    throw new RuleViolationProblem(
      `${n} indicator${n === 1 ? '' : 's'} measure this node; an ${level} node takes none. Unlink them first.`,
      [{ field: 'level', message: `indicators measure only ${MEASURABLE_LEVELS.join(', ')} nodes` }],
    );
  }
}
