import { describe, expect, it } from 'vitest';
import { formatInstant } from './format-instant';

describe('formatInstant', () => {
  it('should write the instant as Swedish time to the minute, summer and winter alike', () => {
    expect(formatInstant('2026-12-05T12:04:30Z')).toBe('5 december 2026 kl. 13:04');
    expect(formatInstant('2026-06-30T22:15:00Z')).toBe('1 juli 2026 kl. 00:15');
  });
});
