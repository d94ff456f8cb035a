import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/environment.js';

/**
 * The one source of "now" and "today". Today is a calendar date in the municipality's time zone
 * (Europe/Stockholm), never the server's UTC date: at 00:30 in Stockholm it is already tomorrow.
 */
@Injectable()
export class Clock {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  now(): Date {
    return new Date();
  }

  /** Today as `YYYY-MM-DD` in the configured time zone. */
  today(): string {
    return calendarDateIn(this.now(), this.config.get('TIME_ZONE', { infer: true }));
  }
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
const calendarDateFormats = new Map<string, Intl.DateTimeFormat>();

export function calendarDateIn(instant: Date, timeZone: string): string {
  let format = calendarDateFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD. A zone Intl does not know throws here, before anything is kept.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    calendarDateFormats.set(timeZone, format);
  }
  return format.format(instant);
}
