// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseAlertListSearch, toAlertQuery } from './alert-search';

const ID = '3f0c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c40';

describe('Larm’s filters in the URL', () => {
  it('should keep well-formed filters and drop the rest, every key present', () => {
    expect(
      parseAlertListSearch({ kind: 'funding_gap', severity: 'urgent', status: 'acknowledged', departmentId: ID }),
    ).toEqual({
      kind: 'funding_gap',
      severity: undefined,
      status: 'acknowledged',
      departmentId: ID,
    });
    expect(parseAlertListSearch({ kind: 'grant', departmentId: 'ASF', status: 42 })).toEqual({
      kind: undefined,
      severity: undefined,
      status: undefined,
      departmentId: undefined,
    });
  });

  it('should ask the API for the open alerts by default, every status with status=alla', () => {
    expect(toAlertQuery({})).toEqual({ limit: 200, status: 'open' });
    expect(toAlertQuery({ status: 'alla', severity: 'critical' })).toEqual({ limit: 200, severity: 'critical' });
    expect(toAlertQuery({ status: 'dismissed', kind: 'funding_gap', departmentId: ID })).toEqual({
      limit: 200,
      status: 'dismissed',
      kind: 'funding_gap',
      departmentId: ID,
    });
  });
});
