import type { DataSource } from 'typeorm';
import { EffectLinkEntity, EffectNodeEntity, type EffectLevel } from '#results';

/** An effect node written straight to the database, owned by an initiative or a goal. */
export function givenEffectNode(
  ds: DataSource,
  owner: { initiativeId: string } | { goalId: string },
  level: EffectLevel,
  overrides: Partial<EffectNodeEntity> = {},
) {
  const repo = ds.getRepository(EffectNodeEntity);
  return repo.save(
    repo.create({
      level,
      title: `Testnod (${level})`,
      description: null,
      initiativeId: null,
      goalId: null,
      ...owner,
      ...overrides,
    }),
  );
}

/** A link written straight to the database, past the rules: arrange only links the rules allow. */
export function givenEffectLink(ds: DataSource, from: { id: string }, to: { id: string }) {
  const repo = ds.getRepository(EffectLinkEntity);
  return repo.save(repo.create({ fromNodeId: from.id, toNodeId: to.id }));
}
