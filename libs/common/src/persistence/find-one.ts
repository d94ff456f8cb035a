import type { EntityManager, EntityTarget, FindOneOptions, FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import { NotFoundProblem } from '../problem-details/problem.js';

/**
 * The row with this id, or a 404 `No <noun> with id <id>.`. `options.where` finds it by another key (the id is
 * then only named in the problem); `options.lock` etc. pass through.
 */
export async function findOneOrNotFound<T extends ObjectLiteral>(
  repository: Repository<T>,
  noun: string,
  id: string,
  options: FindOneOptions<T> = {},
): Promise<T> {
  const row = await repository.findOne({
    ...options,
    where: options.where ?? ({ id } as unknown as FindOptionsWhere<T>),
  });
  if (!row) throw new NotFoundProblem(noun, id);
  return row;
}

/** The row with this id read `FOR UPDATE` in `em`'s transaction, so other writers of it wait; or a 404. */
export function lockOneOrNotFound<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  noun: string,
  id: string,
): Promise<T> {
  return findOneOrNotFound(em.getRepository(target), noun, id, { lock: { mode: 'pessimistic_write' } });
}
