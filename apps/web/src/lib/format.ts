/**
 * Swedish formatting of the API's values (Intl, sv-SE). Intl writes U+00A0 or U+202F as the thousands separator and
 * before "kr" or "%", and U+2212 as the minus sign: the output is for people, never parse it back.
 */

export const LOCALE = 'sv-SE';

/** Weeks start on Monday in Sweden; react-aria's date pickers take this as `firstDayOfWeek`. */
export const FIRST_DAY_OF_WEEK = 'mon' as const;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CALENDAR_MONTH = /^(\d{4})-(\d{2})$/;

// A calendar date is formatted as midnight UTC in UTC, so no time zone (the browser's or Stockholm's) can move it
// to the day before.
const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const moneyFormat = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'SEK',
  currencyDisplay: 'symbol',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
  // Never "−0 kr" for an amount that rounds to zero.
  signDisplay: 'negative',
});
const numberFormats = new Map<number, Intl.NumberFormat>();
const percentFormats = new Map<number, Intl.NumberFormat>();

/** Reads an API calendar date (`YYYY-MM-DD`); a string that is not a real date is refused. */
export function parseCalendarDate(value: string): { year: number; month: number; day: number } {
  const match = CALENDAR_DATE.exec(value);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RangeError(`No such date: ${value}`);
  }
  return { year, month, day };
}

/** `2025-06-30` → `30 juni 2025`. */
export function formatDate(value: string): string {
  const { year, month, day } = parseCalendarDate(value);
  return dateFormat.format(Date.UTC(year, month - 1, day));
}

/** `2025-06` (the funding cliff's months) → `juni 2025`. */
export function formatMonth(value: string): string {
  const match = CALENDAR_MONTH.exec(value);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`Not a month (YYYY-MM): ${value}`);
  return monthFormat.format(Date.UTC(Number(match[1]), month - 1, 1));
}

/** Whole kronor, as the API sends them: `1234567` → `1 234 567 kr`. */
export function formatMoney(sek: number): string {
  return moneyFormat.format(sek);
}

/** `1234.5` → `1 234,5`; at most `maximumFractionDigits` decimals (default 2). */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  let format = numberFormats.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { maximumFractionDigits, signDisplay: 'negative' });
    numberFormats.set(maximumFractionDigits, format);
  }
  return format.format(value);
}

/** A share as a ratio: `0.75` → `75 %`; `fractionDigits` decimals (default 0). */
export function formatPercent(ratio: number, fractionDigits = 0): string {
  let format = percentFormats.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      style: 'percent',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
      signDisplay: 'negative',
    });
    percentFormats.set(fractionDigits, format);
  }
  return format.format(ratio);
}

const stockholmMonth = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
});

/** The current month in Europe/Stockholm as `YYYY-MM`: where the funding cliff's months begin. */
export function currentMonth(now: Date = new Date()): string {
  const parts = Object.fromEntries(stockholmMonth.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}`;
}

const swedishDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Sweden as `YYYY-MM-DD`, the form dates take. */
export function today(now: Date = new Date()): string {
  return swedishDay.format(now);
}

/** An instant (when a report was submitted, a pair reviewed) as its day in Sweden: `2026-09-10T22:30:00Z` → `11 september 2026`. */
export function formatDay(instant: string): string {
  return formatDate(swedishDay.format(new Date(instant)));
}
