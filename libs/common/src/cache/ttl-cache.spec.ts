import { TtlCache } from './ttl-cache.js';

function cacheAt(options: { maxEntries?: number; ttlMs?: number } = {}) {
  const clock = { now: Date.parse('2026-12-01T08:00:00Z') };
  const cache = new TtlCache<string, string | null>({ maxEntries: 10, ttlMs: 5_000, ...options, now: () => clock.now });
  return { cache, clock };
}

describe('TtlCache', () => {
  it('should give back the value within the time to live and forget it when the time has passed', () => {
    const { cache, clock } = cacheAt();
    cache.set('KFF', 'id-kff');
    clock.now += 4_999;
    expect(cache.get('KFF')).toBe('id-kff');

    clock.now += 1;

    expect(cache.get('KFF')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('should keep a value for the time it is given when set is given one', () => {
    const { cache, clock } = cacheAt();
    cache.set('long', 'a', 60_000);
    cache.set('short', 'b', 1_000);
    clock.now += 1_000;

    expect(cache.get('short')).toBeUndefined();
    clock.now += 58_999;
    expect(cache.get('long')).toBe('a');
  });

  it('should drop what it kept when a value may be kept for no time', () => {
    const { cache } = cacheAt();
    cache.set('KFF', 'id-kff');

    cache.set('KFF', 'id-other', 0);

    expect(cache.get('KFF')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('should drop the oldest entry when it is full, counting a replaced entry as new', () => {
    const { cache } = cacheAt({ maxEntries: 3 });
    for (const key of ['k1', 'k2', 'k3']) cache.set(key, key);
    cache.set('k1', 'k1 again');

    cache.set('k4', 'k4');

    expect(cache.size).toBe(3);
    expect(['k1', 'k2', 'k3', 'k4'].map((key) => cache.get(key))).toEqual(['k1 again', undefined, 'k3', 'k4']);
  });

  it('should forget only the key it is told to forget', () => {
    const { cache } = cacheAt();
    cache.set('anna', 'id-a');
    cache.set('bertil', 'id-b');

    cache.delete('anna');

    expect(cache.get('anna')).toBeUndefined();
    expect(cache.get('bertil')).toBe('id-b');
  });

  it('should load once within the time to live, a null answer included, and again once it has passed or been forgotten', async () => {
    const { cache, clock } = cacheAt();
    let loads = 0;
    const load = (value: string | null) => () => {
      loads += 1;
      return Promise.resolve(value);
    };

    expect(await cache.getOrLoad('OKAND', load(null))).toBeNull();
    expect(await cache.getOrLoad('OKAND', load('id-new'))).toBeNull();
    expect(loads).toBe(1);

    clock.now += 5_000;
    expect(await cache.getOrLoad('OKAND', load('id-new'))).toBe('id-new');
    cache.delete('OKAND');
    expect(await cache.getOrLoad('OKAND', load('id-newer'))).toBe('id-newer');
    expect(loads).toBe(3);
  });
});
