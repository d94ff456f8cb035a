import type { DataSource } from 'typeorm';
import { IndicatorEntity, IndicatorValueEntity, periodRange } from '#results';
import { uniqueCode } from './factories.js';

/** An indicator written straight to the database: an internal percentage that should rise, broken down by sex and born. */
export function givenIndicator(ds: DataSource, ownerDepartmentId: string, overrides: Partial<IndicatorEntity> = {}) {
  const repo = ds.getRepository(IndicatorEntity);
  return repo.save(
    repo.create({
      code: uniqueCode('IND'),
      name: 'Andel unga i studier eller arbete',
      unit: 'percent',
      direction: 'increase',
      source: 'internal',
      breakdowns: ['sex', 'born'],
      koladaKpis: null,
      ownerDepartmentId,
      ...overrides,
    }),
  );
}

/** A value written straight to the database (cell `all`, kind `measurement` unless given). */
export function givenIndicatorValue(
  ds: DataSource,
  indicatorId: string,
  period: string,
  value: number,
  overrides: Partial<IndicatorValueEntity> = {},
) {
  const repo = ds.getRepository(IndicatorValueEntity);
  const { start, end } = periodRange(period);
  return repo.save(
    repo.create({
      indicatorId,
      kind: 'measurement',
      period,
      periodStart: start,
      periodEnd: end,
      cell: 'all',
      value,
      numerator: null,
      denominator: null,
      persons: null,
      sourceNote: null,
      ...overrides,
    }),
  );
}
