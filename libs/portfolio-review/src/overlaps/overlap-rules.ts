/**
 * Open initiatives: those that run or are about to (proposed, approved, active). A draft is a sketch its department
 * has not put forward yet — comparing sketches would flood the list — and a completed, integrated or discontinued
 * initiative no longer competes for the same people.
 */
export const OVERLAP_OPEN_STATUSES = ['proposed', 'approved', 'active'] as const;

/**
 * The weights of the overlap score, summing to 1; each part is a share in 0..1 (Jaccard: shared / either's).
 * Target groups and the text weigh most: the same people served by efforts described alike is what the audit called
 * parallel work. Shared outcome nodes (effect logic) say both aim at the same change. Districts and priority areas
 * weigh least: the municipality has few of each, so sharing one is common and says less on its own.
 */
export const OVERLAP_WEIGHTS = {
  targetGroups: 0.25,
  districts: 0.15,
  priorityAreas: 0.15,
  outcomes: 0.2,
  text: 0.25,
} as const;

export const OVERLAP_VERDICTS = ['distinct', 'duplicate', 'coordinated'] as const;
export type OverlapVerdict = (typeof OVERLAP_VERDICTS)[number];

/** A verdict that asks for action (or records coordination) must say why; `distinct` may stand alone. */
export const VERDICTS_NEEDING_NOTE: readonly OverlapVerdict[] = ['duplicate', 'coordinated'];

/**
 * One pair, whichever way it is named: the lower id first. Lower-case UUID text compares as PostgreSQL compares uuids
 * (byte by byte), so this order is the SQL's `a.id < b.id`.
 */
export function orderPair(id: string, otherId: string): [string, string] {
  const [x, y] = [id.toLowerCase(), otherId.toLowerCase()];
  return x < y ? [x, y] : [y, x];
}
