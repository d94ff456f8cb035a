import { describe, expect, it } from 'vitest';
import { parseInitiativeListSearch } from './initiative-list-search';

describe('parseInitiativeListSearch', () => {
  it('should keep well-formed filters when given them', () => {
    expect(
      parseInitiativeListSearch({ q: 'unga', status: ['active', 'approved'], leadDepartmentId: 'abc', sort: '-startDate', offset: 50 }),
    ).toEqual({ q: 'unga', status: ['active', 'approved'], leadDepartmentId: 'abc', sort: '-startDate', offset: 50 });
  });

  it('should accept one status as a single value', () => {
    expect(parseInitiativeListSearch({ status: 'draft' }).status).toEqual(['draft']);
  });

  it('should drop what is not well-formed, with the key present so the raw value cannot show through', () => {
    const search = parseInitiativeListSearch({ q: '   ', status: ['bogus', 'active', 'active'], offset: -3, sort: {} });

    expect(search).toEqual({ status: ['active'] });
    expect(Object.keys(search).sort()).toEqual(['leadDepartmentId', 'offset', 'q', 'sort', 'status']);
    expect(search.offset).toBeUndefined();
  });

  it('should read a number in the text search as text', () => {
    // TanStack Router parses `?q=2024` as the number 2024.
    expect(parseInitiativeListSearch({ q: 2024 }).q).toBe('2024');
  });
});
