// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isFiltered, parseAuditSearch, toAuditQuery } from './audit-search';

describe('parseAuditSearch', () => {
  it('should keep a well-formed search, the code in capitals', () => {
    expect(
      parseAuditSearch({
        initiative: 'sspf',
        entityType: 'funding_line',
        entityId: 'abc',
        actor: 'dev|x',
        action: 'update',
        from: '2025-01-01',
        to: '2025-12-31',
        offset: '25',
      }),
    ).toEqual({
      initiative: 'SSPF',
      entityType: 'funding_line',
      entityId: 'abc',
      actor: 'dev|x',
      action: 'update',
      from: '2025-01-01',
      to: '2025-12-31',
      offset: 25,
    });
  });

  it('should drop what the API would refuse or the filter does not offer', () => {
    expect(
      parseAuditSearch({
        initiative: 'SS PF;',
        entityType: 'Initiative',
        action: 'rename',
        from: '1 mars',
        to: 20250301,
        offset: '-5',
        actor: '   ',
      }),
    ).toEqual({
      initiative: undefined,
      entityType: undefined,
      entityId: undefined,
      actor: undefined,
      action: undefined,
      from: undefined,
      to: undefined,
      offset: undefined,
    });
  });
});

describe('toAuditQuery', () => {
  it('should name the initiative by its id and pass the rest as the API names them', () => {
    const search = parseAuditSearch({ initiative: 'SSPF', action: 'update', from: '2025-01-01', offset: '50' });

    expect(toAuditQuery(search, 'id-1', { limit: 25, offset: 50 })).toEqual({
      limit: 25,
      offset: 50,
      initiativeId: 'id-1',
      action: 'update',
      from: '2025-01-01',
    });
  });

  it('should say whether anything but the page narrows the trail', () => {
    expect(isFiltered({ offset: 25 })).toBe(false);
    expect(isFiltered({ actor: 'x' })).toBe(true);
  });
});
