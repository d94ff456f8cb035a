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

/** As a municipal reader sees them (the web app and the exports say the same). */
export const FUNDING_SOURCE_TYPE_LABELS: Record<FundingSourceType, string> = {
  state_grant: 'Statsbidrag',
  eu_fund: 'EU-medel',
  temporary_appropriation: 'Tillfälligt anslag',
  ordinary_budget: 'Ordinarie budget',
  partner_contribution: 'Bidrag från samverkanspart',
  foundation: 'Stiftelse',
  other: 'Annat',
};
