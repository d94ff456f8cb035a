import { webhookRetryDelays } from './webhook-retry.js';

describe('webhook retry delays', () => {
  it('should double from the base up to the cap and stop within the window', () => {
    expect(webhookRetryDelays(100, 500, 2_000)).toEqual([100, 200, 400, 500, 500]);
  });

  it('should spread the defaults over 24 hours: 7 doublings, then hourly', () => {
    const delays = webhookRetryDelays(30_000, 3_600_000, 86_400_000);
    // 30 s … 32 min sum to 3,810 s; 22 hourly waits bring it to 83,010 s, and one more would pass 86,400 s.
    expect(delays.slice(0, 8)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000]);
    expect(delays).toHaveLength(7 + 22);
    expect(delays.reduce((sum, d) => sum + d, 0)).toBe(83_010_000);
  });
});
