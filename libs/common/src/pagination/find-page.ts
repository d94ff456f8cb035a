import type { FindManyOptions, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { Page, PageQueryDto } from './page.js';

/** The part of a list query that picks the page. */
export type PageWindow = Pick<PageQueryDto, 'limit' | 'offset'>;

/**
 * One page of `repository`'s rows and the count of all that match: `findAndCount` with the window's `take`/`skip`.
 * `options.order` should end in a unique column, so that pages do not overlap or skip rows.
 */
export async function findPage<T extends ObjectLiteral>(
  repository: Repository<T>,
  window: PageWindow,
  options: Omit<FindManyOptions<T>, 'take' | 'skip'> = {},
): Promise<Page<T>> {
  const [items, total] = await repository.findAndCount({ ...options, take: window.limit, skip: window.offset });
  return { items, total, limit: window.limit, offset: window.offset };
}

/** The same for a query that needs a builder (computed ordering, ranges): its filters and ordering are the caller's. */
export async function getPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  window: PageWindow,
): Promise<Page<T>> {
  const [items, total] = await query.take(window.limit).skip(window.offset).getManyAndCount();
  return { items, total, limit: window.limit, offset: window.offset };
}

/** The page with each item turned into what the API answers with. */
export function mapPage<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(map) };
}
