/**
 * The waits between a delivery's attempts: `baseMs`, then doubling up to `maxDelayMs`, for as long as their sum
 * stays within `windowMs`. With the defaults (30 s, 1 h, 24 h): 30 s, 1 min, 2 min, … 32 min, then hourly — 29
 * retries, the last about 23 h after the first attempt. BullMQ gets `attempts = waits + 1` and asks for wait n.
 */
export function webhookRetryDelays(baseMs: number, maxDelayMs: number, windowMs: number): number[] {
  const delays: number[] = [];
  let total = 0;
  for (let delay = baseMs; total + Math.min(delay, maxDelayMs) <= windowMs; delay *= 2) {
    delays.push(Math.min(delay, maxDelayMs));
    total += Math.min(delay, maxDelayMs);
  }
  return delays;
}
