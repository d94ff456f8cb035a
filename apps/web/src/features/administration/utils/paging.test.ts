import { describe, expect, it } from 'vitest';
import { pageWindow } from './paging';

describe('pageWindow', () => {
  it('should say which rows a page shows and where the pages before and after begin', () => {
    expect(pageWindow({ offset: 0, limit: 10, total: 25, shown: 10 })).toEqual({
      from: 1,
      to: 10,
      previous: null,
      next: 10,
    });
    expect(pageWindow({ offset: 10, limit: 10, total: 25, shown: 10 })).toEqual({
      from: 11,
      to: 20,
      previous: 0,
      next: 20,
    });
    expect(pageWindow({ offset: 20, limit: 10, total: 25, shown: 5 })).toEqual({
      from: 21,
      to: 25,
      previous: 10,
      next: null,
    });
    expect(pageWindow({ offset: 0, limit: 10, total: 0, shown: 0 })).toEqual({
      from: 0,
      to: 0,
      previous: null,
      next: null,
    });
  });
});
