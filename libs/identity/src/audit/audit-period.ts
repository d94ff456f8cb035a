import { ValidationProblem, isCalendarDate } from '#common';

/** `2025-03-01T10:00:00Z`, `2025-03-01T11:00+01:00`: an instant needs its zone, or it would mean different moments on different servers. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function isInstantOrDate(value: unknown): value is string {
  if (isCalendarDate(value)) return true;
  return (
    typeof value === 'string' &&
    INSTANT.test(value) &&
    isCalendarDate(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** A period to filter instants by: from `start` on, up to `end` (included when `endIncluded`). */
export type Period = { start?: Date; end?: Date; endIncluded: boolean };

/**
 * Turns `from`/`to` into instants. A date means the whole calendar day in the municipality's time zone: `from`
 * its first moment, `to` up to (not including) the next day's first moment. An instant is taken as it is.
 * Refuses a `to` before `from` with the same 400 as a malformed value.
 */
export function resolvePeriod(from: string | undefined, to: string | undefined, timeZone: string): Period {
  const start = from === undefined ? undefined : isCalendarDate(from) ? startOfDay(from, timeZone) : new Date(from);
  const toIsDate = to !== undefined && isCalendarDate(to);
  const end = to === undefined ? undefined : toIsDate ? startOfDay(nextDay(to), timeZone) : new Date(to);
  const period = { start, end, endIncluded: !toIsDate };
  if (start && end && (period.endIncluded ? end < start : end <= start)) {
    throw new ValidationProblem([{ field: 'to', message: 'to must not be before from' }], 'query');
  }
  return period;
}

/** Midnight of a calendar date in a time zone, as an instant. The zone's offset that day may differ from today's. */
export function startOfDay(date: string, timeZone: string): Date {
  const midnightAsUtc = Date.parse(`${date}T00:00:00Z`);
  const firstGuess = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
  // Again with the offset at the first guess, in case the zone changed its offset in between (summer time).
  return new Date(midnightAsUtc - offsetAt(firstGuess, timeZone));
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  const wallClock = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallClock - (instant - (instant % 1000));
}
