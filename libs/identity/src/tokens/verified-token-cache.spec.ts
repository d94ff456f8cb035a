import { VerifiedTokenCache } from './verified-token-cache.js';

const T0 = Date.parse('2026-12-01T08:00:00Z');
const inSeconds = (seconds: number) => T0 / 1000 + seconds;

function cacheAt(options: { maxEntries?: number; ttlMs?: number } = {}) {
  const clock = { now: T0 };
  const cache = new VerifiedTokenCache({ maxEntries: 10, ttlMs: 60_000, ...options, now: () => clock.now });
  return { cache, clock };
}

describe('VerifiedTokenCache', () => {
  it('should give back the payload when the same token is asked for within the time to live', () => {
    const { cache, clock } = cacheAt();
    cache.set('token-a', { sub: 'anna', exp: inSeconds(3600), roles: ['leadership'] });
    clock.now += 59_000;

    expect(cache.get('token-a')).toEqual({ sub: 'anna', exp: inSeconds(3600), roles: ['leadership'] });
  });

  it('should know nothing of a different token when one token is kept', () => {
    const { cache } = cacheAt();
    cache.set('token-a', { sub: 'anna', exp: inSeconds(3600) });

    expect(cache.get('token-b')).toBeUndefined();
    expect(cache.get('token-a ')).toBeUndefined();
  });

  it('should forget the token when the time to live has passed', () => {
    const { cache, clock } = cacheAt();
    cache.set('token-a', { sub: 'anna', exp: inSeconds(3600) });
    clock.now += 60_000;

    expect(cache.get('token-a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('should forget the token when it expires before the time to live has passed', () => {
    const { cache, clock } = cacheAt();
    cache.set('token-a', { sub: 'anna', exp: inSeconds(10) });
    clock.now += 9_999;
    expect(cache.get('token-a')).toBeDefined();

    clock.now += 1;

    expect(cache.get('token-a')).toBeUndefined();
  });

  it('should not keep a token when it has expired already or carries no expiry', () => {
    const { cache } = cacheAt();
    cache.set('expired', { sub: 'anna', exp: inSeconds(-5) });
    cache.set('no-exp', { sub: 'anna' });

    expect(cache.get('expired')).toBeUndefined();
    expect(cache.get('no-exp')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('should drop the oldest token when it is full', () => {
    const { cache } = cacheAt({ maxEntries: 3 });
    for (const token of ['t1', 't2', 't3', 't4']) cache.set(token, { sub: token, exp: inSeconds(3600) });

    expect(cache.size).toBe(3);
    expect(cache.get('t1')).toBeUndefined();
    expect(['t2', 't3', 't4'].map((token) => cache.get(token)?.sub)).toEqual(['t2', 't3', 't4']);
  });

  it('should hand out a payload nobody can change when a request tries to', () => {
    const { cache } = cacheAt();
    const verified = { sub: 'anna', exp: inSeconds(3600), roles: ['staff'] };
    cache.set('token-a', verified);
    verified.roles.push('admin');
    const payload = cache.get('token-a')!;

    expect(() => (payload.roles as string[]).push('admin')).toThrow('not extensible');
    expect(cache.get('token-a')?.roles).toEqual(['staff']);
  });
});
