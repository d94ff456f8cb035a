import { describe, expect, it } from 'vitest';
import { plainText } from '../testing/plain-text';
import {
  currentMonth,
  FIRST_DAY_OF_WEEK,
  formatDate,
  formatDay,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  parseCalendarDate,
  today,
} from './format';

describe('formatDate', () => {
  it('should write the day, the month in words and the year when given an API date', () => {
    expect(formatDate('2025-06-30')).toBe('30 juni 2025');
    expect(formatDate('2024-01-01')).toBe('1 januari 2024');
    expect(formatDate('2024-12-31')).toBe('31 december 2024');
  });

  // West of UTC, `new Date('2025-06-30')` falls on 29 June in local time; the formatter must not show that day.
  it.each(['America/Los_Angeles', 'Europe/Stockholm', 'Pacific/Kiritimati'])(
    'should keep the same calendar day when the browser is in %s',
    (timeZone) => {
      const original = process.env.TZ;
      process.env.TZ = timeZone;
      try {
        expect(formatDate('2025-06-30')).toBe('30 juni 2025');
        expect(formatDate('2025-01-01')).toBe('1 januari 2025');
      } finally {
        if (original === undefined) delete process.env.TZ;
        else process.env.TZ = original;
      }
    },
  );

  it('should accept 29 February in a leap year', () => {
    expect(formatDate('2024-02-29')).toBe('29 februari 2024');
  });

  it('should refuse a string that is not a calendar date', () => {
    expect(() => formatDate('2025-02-29')).toThrow(RangeError);
    expect(() => formatDate('2025-13-01')).toThrow(RangeError);
    expect(() => formatDate('30/6/2025')).toThrow(RangeError);
    expect(() => formatDate('2025-06-30T12:00:00Z')).toThrow(RangeError);
  });

  it('should return the parts of a calendar date', () => {
    expect(parseCalendarDate('2025-06-30')).toEqual({ year: 2025, month: 6, day: 30 });
  });
});

describe('formatMonth', () => {
  it('should write the month in words and the year when given YYYY-MM', () => {
    expect(formatMonth('2025-06')).toBe('juni 2025');
  });

  it('should refuse a month that does not exist', () => {
    expect(() => formatMonth('2025-00')).toThrow(RangeError);
    expect(() => formatMonth('2025-6')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('should group thousands with spaces and end with kr when given whole kronor', () => {
    expect(plainText(formatMoney(1234567))).toBe('1 234 567 kr');
    expect(plainText(formatMoney(1800000))).toBe('1 800 000 kr');
    expect(plainText(formatMoney(0))).toBe('0 kr');
  });

  it('should write a minus sign when the amount is negative', () => {
    expect(plainText(formatMoney(-250000))).toBe('-250 000 kr');
    expect(formatMoney(-250000)).toContain('\u2212');
  });

  it('should show no decimals and no negative zero when given öre', () => {
    expect(plainText(formatMoney(1234.5))).toBe('1 235 kr');
    expect(plainText(formatMoney(-0.4))).toBe('0 kr');
  });
});

describe('formatNumber', () => {
  it('should use a decimal comma and space-grouped thousands', () => {
    expect(plainText(formatNumber(1234.5))).toBe('1 234,5');
    expect(plainText(formatNumber(-1234.567))).toBe('-1 234,57');
    expect(plainText(formatNumber(1234.567, 0))).toBe('1 235');
  });
});

describe('formatPercent', () => {
  it('should write a ratio as a whole percentage with a space before the sign', () => {
    expect(plainText(formatPercent(0.75))).toBe('75 %');
    expect(plainText(formatPercent(1))).toBe('100 %');
  });

  it('should keep the decimals asked for, with a decimal comma', () => {
    expect(plainText(formatPercent(0.755, 1))).toBe('75,5 %');
    expect(plainText(formatPercent(-0.031, 1))).toBe('-3,1 %');
  });
});

describe('calendar settings', () => {
  it('should start the week on Monday', () => {
    expect(FIRST_DAY_OF_WEEK).toBe('mon');
  });
});

describe('currentMonth', () => {
  it('should be the month in Stockholm, also on the last evening of a month in UTC', () => {
    expect(currentMonth(new Date('2026-12-04T12:00:00Z'))).toBe('2026-12');
    // 23:30 UTC on 31 December is already January in Stockholm (UTC+1).
    expect(currentMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
  });
});

describe('today', () => {
  it('should be the day in Stockholm, also late in the evening in UTC', () => {
    expect(today(new Date('2026-09-10T12:00:00Z'))).toBe('2026-09-10');
    expect(today(new Date('2026-09-10T22:30:00Z'))).toBe('2026-09-11');
  });
});

describe('formatDay', () => {
  it('should show an instant as its day in Sweden', () => {
    expect(formatDay('2026-09-10T22:30:00Z')).toBe('11 september 2026');
  });
});
