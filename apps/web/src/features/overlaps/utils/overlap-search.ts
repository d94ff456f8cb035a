import type { components } from '../../../lib/api-schema';

export type OverlapVerdict = components['schemas']['OverlapReviewDto']['verdict'];
export const OVERLAP_VERDICTS: readonly OverlapVerdict[] = ['distinct', 'duplicate', 'coordinated'];

/**
 * The lowest scores the filter offers. Without one the API's storage floor applies (0.4 by default, set on the
 * server), so the choices start above it: a lower one would be refused.
 */
export const MIN_SCORE_CHOICES = [0.5, 0.6, 0.7, 0.8] as const;

/**
 * Överlapp's view in the URL: the filters (`/overlapp?minScore=0.6&include=reviewed`, named as the API's query
 * parameters), or one pair opened from a review's agenda (`/overlapp?par=<id>&par=<id>&genomgang=<reviewId>`), the
 * review kept for the way back.
 */
export type OverlapListSearch = {
  minScore?: number;
  include?: 'reviewed';
  /** One pair: its two initiatives' ids, in either order. */
  par?: [string, string];
  /** The review whose agenda the pair was opened from. */
  genomgang?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The API answers ids in lower case; an address typed by hand may not.
const uuid = (value: unknown) => (typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined);

/** For TanStack Router's `validateSearch`: keeps a choice the filter offers, a pair of two ids and a review's id, and drops anything else. */
export function parseOverlapListSearch(raw: Record<string, unknown>): OverlapListSearch {
  const minScore = Number(raw.minScore);
  const [one, other] = Array.isArray(raw.par) && raw.par.length === 2 ? raw.par.map(uuid) : [];
  return {
    minScore: (MIN_SCORE_CHOICES as readonly number[]).includes(minScore) ? minScore : undefined,
    include: raw.include === 'reviewed' ? 'reviewed' : undefined,
    par: one && other && one !== other ? [one, other] : undefined,
    genomgang: uuid(raw.genomgang),
  };
}

/**
 * The API's query: the first 100 pairs, best score first (the API's order). For one pair, every pair of its first
 * initiative with or without a verdict, whatever the score: the pair stays in view once it has its verdict.
 */
export function toOverlapQuery(search: OverlapListSearch) {
  if (search.par) return { limit: 100, include: 'reviewed' as const, initiativeId: search.par[0] };
  return {
    limit: 100,
    ...(search.minScore !== undefined ? { minScore: search.minScore } : {}),
    ...(search.include ? { include: search.include } : {}),
  };
}

/** Whether a pair of the list is the pair `[one, other]`, named in either order. */
export function isPair(
  pair: { initiative: { id: string }; otherInitiative: { id: string } },
  [one, other]: readonly [string, string],
): boolean {
  const ids = [pair.initiative.id, pair.otherInitiative.id];
  return ids.includes(one) && ids.includes(other);
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
