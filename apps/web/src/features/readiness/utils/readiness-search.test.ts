import { describe, expect, it } from 'vitest';
import { neighbourPages, pageRange, parseReadinessSearch, toReadinessQuery } from './readiness-search';

const ASF = '914001eb-20d3-4254-be04-56802ddf8ea3';
const FP3 = '19ec6bc9-ce3f-4b5d-8305-97e5c61b6a73';

describe('parseReadinessSearch', () => {
  it('should keep uuids and an offset that starts a page', () => {
    expect(parseReadinessSearch({ leadDepartmentId: ASF, goalId: FP3, offset: '100' })).toEqual({
      leadDepartmentId: ASF,
      goalId: FP3,
      offset: 100,
    });
  });

  it('should drop what is no uuid, a list, and an offset that is no page', () => {
    expect(parseReadinessSearch({ leadDepartmentId: 'ASF', goalId: [FP3, FP3], offset: '30' })).toEqual({
      leadDepartmentId: undefined,
      goalId: undefined,
      offset: undefined,
    });
    expect(parseReadinessSearch({ offset: '-50' }).offset).toBeUndefined();
    expect(parseReadinessSearch({ offset: '0' }).offset).toBeUndefined();
  });
});

describe('toReadinessQuery', () => {
  it('should ask for the first page of everything without filters', () => {
    expect(toReadinessQuery({})).toEqual({ limit: 50, offset: 0 });
  });

  it('should send the filters that are set', () => {
    expect(toReadinessQuery({ leadDepartmentId: ASF, goalId: FP3, offset: 50 })).toEqual({
      limit: 50,
      offset: 50,
      leadDepartmentId: ASF,
      goalId: FP3,
    });
  });
});

describe('pageRange and neighbourPages', () => {
  it('should number the page from 1 and offer the pages around it', () => {
    expect(pageRange(0, 7)).toEqual({ first: 1, last: 7 });
    expect(pageRange(50, 13)).toEqual({ first: 51, last: 63 });
    expect(pageRange(0, 0)).toBeNull();
    expect(neighbourPages(0, 7)).toEqual({});
    expect(neighbourPages(0, 63)).toEqual({ next: 50 });
    expect(neighbourPages(50, 63)).toEqual({ previous: 0 });
    expect(neighbourPages(50, 150)).toEqual({ previous: 0, next: 100 });
  });
});
