/** The guide's search (`/insatser/SSPF/guide?steg=3`): a step number from 1, or none (the first). */
export type GuideSearch = { steg?: number };

/** Kept free of imports: the route's validateSearch loads with the app, before the guide itself. */
export function parseGuideSearch(search: Record<string, unknown>): GuideSearch {
  const step = Number(search.steg);
  return Number.isInteger(step) && step >= 1 ? { steg: step } : {};
}
