/**
 * What the leadership group may decide about an initiative at a portfolio review (design: Portfolio review). Shared
 * vocabulary: the portfolio-review context records decisions, and the alerts context names them in Swedish when a
 * decision's follow-up is due, so it lives below both.
 */
export const PORTFOLIO_DECISIONS = [
  'continue',
  'scale_up',
  'adjust',
  'pause',
  'stop',
  'integrate',
  'seek_funding',
] as const;
export type PortfolioDecision = (typeof PORTFOLIO_DECISIONS)[number];

/** Each decision as the leadership group says it. */
export const PORTFOLIO_DECISION_LABELS: Record<PortfolioDecision, string> = {
  continue: 'Fortsätt',
  scale_up: 'Skala upp',
  adjust: 'Justera',
  pause: 'Pausa',
  stop: 'Avsluta',
  integrate: 'Integrera i ordinarie verksamhet',
  seek_funding: 'Sök finansiering',
};
