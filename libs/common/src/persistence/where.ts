/**
 * Drops the filters a caller did not give. TypeORM 1 refuses `undefined` in a where clause (it used to match
 * everything silently); optional list filters say explicitly that an absent filter means "any".
 */
export function givenFilters<T extends Record<string, unknown>>(filters: T): Partial<T> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Partial<T>;
}
