import type { PortfolioDecision } from '#common';
import type { InitiativeStatus } from '#portfolio';

export { PORTFOLIO_DECISION_LABELS, PORTFOLIO_DECISIONS, type PortfolioDecision } from '#common';

/**
 * The decisions that end an initiative, and the status each moves it to. The rest leave the status alone: `pause` in
 * particular has no lifecycle status (an initiative on hold is still approved or active), so it is a recorded
 * decision only.
 */
const MOVES: Partial<Record<PortfolioDecision, InitiativeStatus>> = { stop: 'discontinued', integrate: 'integrated' };

/** The status a decision moves the initiative to, or null when it leaves the status alone. */
export function statusAfterDecision(decision: PortfolioDecision): InitiativeStatus | null {
  return MOVES[decision] ?? null;
}

/** The transition's comment: the move is the review's, and its rationale explains it. */
export function transitionComment(reviewTitle: string, rationale: string): string {
  return `Beslut i ${reviewTitle}: ${rationale}`;
}
