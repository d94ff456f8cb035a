/** Reference vocabulary of indicators (design: Indicator). */
export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_SOURCES = ['kolada', 'survey', 'internal', 'national_statistics'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** The breakdowns, in the order their parts appear in a cell key (`sex:women,born:abroad`). */
export const BREAKDOWNS = ['sex', 'age_band', 'born', 'district'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/**
 * Units, with the scale a share is written in: a value that carries numerator and denominator must equal
 * numerator / denominator × scale. Units without a scale (counts, kronor, scores) are not shares and take neither.
 */
export const INDICATOR_UNITS = ['percent', 'per_1000', 'ratio', 'count', 'sek', 'score'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
/** Each unit as a municipal reader sees it (exports). */
export const INDICATOR_UNIT_LABELS: Record<IndicatorUnit, string> = {
  percent: 'procent',
  per_1000: 'promille',
  ratio: 'kvot',
  count: 'antal',
  sek: 'kr',
  score: 'poäng',
};
export const SHARE_SCALE: Partial<Record<IndicatorUnit, number>> = { percent: 100, per_1000: 1000, ratio: 1 };

export const VALUE_KINDS = ['measurement', 'baseline', 'target'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** Whose value it is: the municipality's own, or Sweden's (Kolada's 0000), kept for comparison only. */
export const VALUE_AREAS = ['municipality', 'sweden'] as const;
export type ValueArea = (typeof VALUE_AREAS)[number];

/** Values resting on fewer persons than this are shown only inside the owning department (design: Indicator). */
export const SUPPRESSION_THRESHOLD = 5;
