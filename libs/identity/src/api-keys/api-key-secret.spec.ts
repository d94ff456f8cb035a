import { generateApiKey, hashApiKey, matchesHash, prefixOf } from './api-key-secret.js';

describe('API key secrets', () => {
  it('should make keys shaped samla_<prefix>_<secret> whose prefix can be read back when generated', () => {
    const { key, prefix, hash } = generateApiKey();

    expect(key).toMatch(/^samla_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(prefixOf(key)).toBe(prefix);
    expect(hash).toBe(hashApiKey(key));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should make a different key every time when generated twice', () => {
    expect(generateApiKey().key).not.toBe(generateApiKey().key);
  });

  it('should match only the exact key when compared with the stored hash', () => {
    const { key, hash } = generateApiKey();
    const lastChanged = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');

    expect(matchesHash(key, hash)).toBe(true);
    expect(matchesHash(lastChanged, hash)).toBe(false);
  });

  it('should find no prefix when the value is not one of our keys', () => {
    for (const value of [
      '',
      'samla_',
      'Bearer abc',
      `samla_XYZ123456789_${'a'.repeat(43)}`,
      `samla_0123456789ab_${'a'.repeat(42)}`,
      `samla_0123456789ab_${'a'.repeat(43)} `,
    ]) {
      expect(prefixOf(value)).toBeNull();
    }
  });
});
