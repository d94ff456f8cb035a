import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { PreconditionFailedProblem } from '../concurrency/if-match.js';
import { NotFoundProblem } from '../problem-details/problem.js';

/**
 * Optimistic concurrency that actually protects: `UPDATE … SET version = version + 1 WHERE id = $1 AND
 * version = $2`. A stale version changes nothing and answers 412; a missing row answers 404.
 * (TypeORM's @VersionColumn only bumps the number; it does not refuse a stale write.)
 */
export async function updateVersioned<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  label: string,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
): Promise<void> {
  const result = await em
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected === 1) return;
  const exists = await em.getRepository(target).exists({ where: { id } as never });
  throw exists ? new PreconditionFailedProblem(label) : new NotFoundProblem(label, id);
}
