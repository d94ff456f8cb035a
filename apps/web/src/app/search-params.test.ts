import { createMemoryHistory } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { parseAlertListSearch } from '../features/alerts/utils/alert-search';
import {
  parseInitiativeListSearch,
  type InitiativeListSearch,
} from '../features/portfolio/utils/initiative-list-search';
import { createAppRouter } from './router';
import { parseSearch, stringifySearch } from './search-params';

const DEPARTMENT = '3e5f7a9b-1c2d-4e6f-8a0b-2c4d6e8f0a1b';

describe('stringifySearch', () => {
  it('should write lists as the key repeated, and strings and numbers as plain text', () => {
    expect(stringifySearch({ status: ['active', 'proposed'], q: 'unga vuxna', offset: 50, sort: undefined })).toBe(
      '?status=active&status=proposed&q=unga+vuxna&offset=50',
    );
  });

  it('should write nothing for an empty search or one whose values are all left out', () => {
    expect(stringifySearch({})).toBe('');
    expect(stringifySearch({ q: undefined, status: [] })).toBe('');
  });
});

describe('parseSearch', () => {
  it('should read a key that stands once as a string, one that stands several times as a list', () => {
    expect(parseSearch('?status=active&status=proposed&q=unga%20vuxna&offset=50')).toEqual({
      status: ['active', 'proposed'],
      q: 'unga vuxna',
      offset: '50',
    });
    expect(parseSearch('')).toEqual({});
  });

  it('should round-trip the initiative list’s typed search, a list of one included', () => {
    const searches: InitiativeListSearch[] = [
      {
        q: '123',
        status: ['active', 'proposed'],
        leadDepartmentId: DEPARTMENT,
        fundingSourceType: ['state_grant'],
        sort: '-title',
        offset: 50,
        limit: 100,
      },
      { status: ['active'], district: ['KRONOGARDEN'] },
      {},
    ];
    for (const search of searches) {
      const read = parseInitiativeListSearch(parseSearch(stringifySearch(search)));
      expect(Object.fromEntries(Object.entries(read).filter(([, value]) => value !== undefined))).toEqual(search);
    }
  });

  it('should round-trip Larm’s typed search', () => {
    const search = { kind: 'funding_gap', severity: 'critical', status: 'alla', departmentId: DEPARTMENT } as const;

    expect(parseAlertListSearch(parseSearch(stringifySearch(search)))).toEqual(search);
  });
});

describe('the router’s addresses', () => {
  it('should write readable search params, read them back typed, and restore them on going back', async () => {
    const router = createAppRouter(createMemoryHistory({ initialEntries: ['/insatser?status=active'] }));
    const typed = () => router.state.matches.at(-1)?.search;
    // What the mounted app does: load again whenever the history moves (the back button).
    const unsubscribe = router.history.subscribe(() => void router.load());
    await router.load();
    expect(typed()).toMatchObject({ status: ['active'] });

    await router.navigate({ to: '/insatser', search: { status: ['active', 'proposed'], q: 'unga', offset: 50 } });
    expect(router.state.location.href).toBe('/insatser?status=active&status=proposed&q=unga&offset=50');
    expect(typed()).toMatchObject({ status: ['active', 'proposed'], q: 'unga', offset: 50 });

    router.history.back();
    await expect.poll(() => router.state.location.href).toBe('/insatser?status=active');
    await expect.poll(typed).toMatchObject({ status: ['active'] });
    unsubscribe();
  });
});
