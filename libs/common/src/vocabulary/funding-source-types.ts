/**
 * Kinds of money an initiative runs on. Shared vocabulary: the funding context owns funding lines, and the
 * portfolio filters initiatives by it, so it lives below both.
 */
export const FUNDING_SOURCE_TYPES = [
  'state_grant',
  'eu_fund',
  'temporary_appropriation',
  'ordinary_budget',
  'partner_contribution',
  'foundation',
  'other',
] as const;
export type FundingSourceType = (typeof FUNDING_SOURCE_TYPES)[number];
