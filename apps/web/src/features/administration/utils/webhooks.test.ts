import { describe, expect, it } from 'vitest';
import { lastAttemptInWords } from './webhooks';

const attempt = { attemptedAt: '2026-12-05T12:04:00Z', durationMs: 84 };

describe('lastAttemptInWords', () => {
  it('should say the last attempt: the answer, or why there was none', () => {
    expect(lastAttemptInWords({ attemptLog: [] })).toBe('Inget försök än');
    expect(
      lastAttemptInWords({
        attemptLog: [
          { ...attempt, statusCode: 200, error: null },
          { ...attempt, attemptedAt: '2026-12-05T13:04:00Z', statusCode: 500, error: null },
        ],
      }),
    ).toBe('5 december 2026 kl. 14:04: Svarade 500');
    expect(
      lastAttemptInWords({ attemptLog: [{ ...attempt, statusCode: null, error: 'timed out after 10000 ms' }] }),
    ).toBe('5 december 2026 kl. 13:04: timed out after 10000 ms');
  });
});
