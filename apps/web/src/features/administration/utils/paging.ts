/** The page window around `offset`: what "Visar 11–20 av 43" says, and whether there is a page before and after. */
export function pageWindow({
  offset,
  limit,
  total,
  shown,
}: {
  offset: number;
  limit: number;
  total: number;
  shown: number;
}) {
  return {
    from: shown === 0 ? 0 : offset + 1,
    to: offset + shown,
    previous: offset > 0 ? Math.max(0, offset - limit) : null,
    next: offset + limit < total ? offset + limit : null,
  };
}
