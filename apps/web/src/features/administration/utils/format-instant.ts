import { LOCALE } from '../../../lib/format';

const stockholmTime = new Intl.DateTimeFormat(LOCALE, {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** An instant (a run started, a key last used) in Sweden to the minute: `2026-12-05T12:04:00Z` → `5 december 2026 kl. 13:04`. */
export function formatInstant(instant: string): string {
  return stockholmTime.format(new Date(instant));
}
