import type { components } from '../../../lib/api-schema';

export type OverlapVerdict = components['schemas']['OverlapReviewDto']['verdict'];
export const OVERLAP_VERDICTS: readonly OverlapVerdict[] = ['distinct', 'duplicate', 'coordinated'];

/**
 * The lowest scores the filter offers. Without one the API's storage floor applies (0.4 by default, set on the
 * server), so the choices start above it: a lower one would be refused.
 */
export const MIN_SCORE_CHOICES = [0.5, 0.6, 0.7, 0.8] as const;

/** Överlapp's filters in the URL (`/overlapp?minScore=0.6&include=reviewed`), named as the API's query parameters. */
export type OverlapListSearch = {
  minScore?: number;
  include?: 'reviewed';
};

/** For TanStack Router's `validateSearch`: keeps a choice the filter offers and drops anything else. */
export function parseOverlapListSearch(raw: Record<string, unknown>): OverlapListSearch {
  const minScore = Number(raw.minScore);
  return {
    minScore: (MIN_SCORE_CHOICES as readonly number[]).includes(minScore) ? minScore : undefined,
    include: raw.include === 'reviewed' ? 'reviewed' : undefined,
  };
}

/** The API's query: the first 100 pairs, best score first (the API's order). */
export function toOverlapQuery(search: OverlapListSearch) {
  return {
    limit: 100,
    ...(search.minScore !== undefined ? { minScore: search.minScore } : {}),
    ...(search.include ? { include: search.include } : {}),
  };
}

export type ScoreLevel = 'high' | 'medium' | 'low';

/** The score in words beside the number, so it never rests on a colour: from 0.7 high, from 0.55 medium, else low. */
export function scoreLevel(score: number): ScoreLevel {
  if (score >= 0.7) return 'high';
  if (score >= 0.55) return 'medium';
  return 'low';
}

/** The verdict's body: a note only when one is written (the API refuses an empty one, and wants one unless `distinct`). */
export function reviewBody(values: { verdict: OverlapVerdict | null; note: string }) {
  const note = values.note.trim();
  return { verdict: values.verdict as OverlapVerdict, ...(note ? { note } : {}) };
}
