import { describe, expect, it } from 'vitest';
import {
  filtersOf,
  hasFilters,
  parseInitiativeListSearch,
  sortDirection,
  toListQuery,
  toSortValue,
  withFilters,
  withoutFilters,
} from './initiative-list-search';

const DEPARTMENT = '3e5f7a9b-1c2d-4e6f-8a0b-2c4d6e8f0a1b';
const GOAL = '9d1c7f3e-2b4a-4c6d-8e0f-1a3b5c7d9e0f';

describe('parseInitiativeListSearch', () => {
  it('should keep every well-formed filter, sort and page when given them', () => {
    const search = {
      q: 'unga',
      status: ['active', 'approved'],
      leadDepartmentId: DEPARTMENT,
      departmentId: DEPARTMENT,
      goalId: GOAL,
      targetGroup: ['UNGA', 'FORALDRAR'],
      district: ['KRONOGARDEN'],
      fundingSourceType: ['state_grant', 'eu_fund'],
      sort: '-temporaryFundingEndsOn',
      offset: 50,
      limit: 100,
    };

    expect(parseInitiativeListSearch(search)).toEqual(search);
  });

  it('should accept one value where a list is expected', () => {
    const search = parseInitiativeListSearch({
      status: 'draft',
      targetGroup: 'UNGA',
      district: 'LEXTORP',
      fundingSourceType: 'foundation',
    });

    expect(search).toMatchObject({
      status: ['draft'],
      targetGroup: ['UNGA'],
      district: ['LEXTORP'],
      fundingSourceType: ['foundation'],
    });
  });

  it('should drop what is not well-formed, with every key present so the raw value cannot show through', () => {
    const search = parseInitiativeListSearch({
      q: '   ',
      status: ['bogus', 'active', 'active'],
      leadDepartmentId: 'ASF',
      departmentId: 42,
      goalId: {},
      targetGroup: ['unga', 'UNGA', 'A B'],
      district: [''],
      fundingSourceType: ['lottery'],
      sort: 'lead_department_id; DROP TABLE initiatives',
      offset: -3,
      limit: 500,
    });

    expect(filtersOf(search)).toEqual({ status: ['active'], targetGroup: ['UNGA'] });
    expect(Object.keys(search).sort()).toEqual(
      [
        'departmentId',
        'district',
        'fundingSourceType',
        'goalId',
        'leadDepartmentId',
        'limit',
        'offset',
        'q',
        'sort',
        'status',
        'targetGroup',
      ].sort(),
    );
  });

  it('should leave the defaults out of the URL: the first page, 50 a page', () => {
    expect(parseInitiativeListSearch({ offset: 0, limit: 50 })).toMatchObject({ offset: undefined, limit: undefined });
  });

  it('should read a number in the text search as text', () => {
    // TanStack Router parses `?q=2024` as the number 2024.
    expect(parseInitiativeListSearch({ q: 2024 }).q).toBe('2024');
  });

  it('should take only the API’s sort keys, either direction', () => {
    expect(parseInitiativeListSearch({ sort: 'openAlertCount' }).sort).toBe('openAlertCount');
    expect(parseInitiativeListSearch({ sort: '-latestRagStatus' }).sort).toBe('-latestRagStatus');
    expect(parseInitiativeListSearch({ sort: '--code' }).sort).toBeUndefined();
    expect(parseInitiativeListSearch({ sort: 'title,code' }).sort).toBeUndefined();
  });
});

describe('a view as the API’s query', () => {
  it('should send the filters as they are, with the default sort and page when none is set', () => {
    expect(toListQuery({ status: ['active'], district: ['LEXTORP'] })).toEqual({
      status: ['active'],
      district: ['LEXTORP'],
      sort: 'code',
      limit: 50,
      offset: 0,
    });
    expect(toListQuery({ sort: '-openAlertCount', offset: 100, limit: 25 })).toEqual({
      sort: '-openAlertCount',
      limit: 25,
      offset: 100,
    });
  });

  it('should give the export the filters alone, without sort or page', () => {
    expect(filtersOf({ q: 'unga', goalId: GOAL, sort: 'title', offset: 50, limit: 25 })).toEqual({
      q: 'unga',
      goalId: GOAL,
    });
  });
});

describe('changing a view', () => {
  it('should go back to the first page and keep sort and page size when a filter changes', () => {
    expect(
      withFilters({ status: ['active'], sort: 'title', offset: 100, limit: 25 }, { district: ['LEXTORP'] }),
    ).toEqual({
      status: ['active'],
      district: ['LEXTORP'],
      sort: 'title',
      limit: 25,
      offset: undefined,
    });
  });

  it('should clear a filter when its list or text becomes empty', () => {
    const next = withFilters({ status: ['active'], q: 'unga' }, { status: [], q: '' });

    expect(hasFilters(next)).toBe(false);
    expect(next).not.toHaveProperty('status');
  });

  it('should clear every filter and keep sort and page size when asked to', () => {
    expect(withoutFilters({ q: 'unga', status: ['draft'], sort: '-title', limit: 25, offset: 25 })).toEqual({
      sort: '-title',
      limit: 25,
    });
  });

  it('should tell a column’s sort direction, code ascending by default', () => {
    expect(sortDirection({}, 'code')).toBe('ascending');
    expect(sortDirection({ sort: '-title' }, 'title')).toBe('descending');
    expect(sortDirection({ sort: '-title' }, 'code')).toBeUndefined();
  });

  it('should write a column’s sort the API’s way, leaving the default out', () => {
    expect(toSortValue('openAlertCount', 'descending')).toBe('-openAlertCount');
    expect(toSortValue('title', 'ascending')).toBe('title');
    expect(toSortValue('code', 'ascending')).toBeUndefined();
  });
});
