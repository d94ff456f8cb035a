import { isInstantOrDate, resolvePeriod, startOfDay } from './audit-period.js';

describe('audit period', () => {
  it.each([
    ['2025-01-15', 'Europe/Stockholm', '2025-01-14T23:00:00.000Z'],
    ['2025-03-30', 'Europe/Stockholm', '2025-03-29T23:00:00.000Z'],
    ['2025-03-31', 'Europe/Stockholm', '2025-03-30T22:00:00.000Z'],
    ['2025-10-26', 'Europe/Stockholm', '2025-10-25T22:00:00.000Z'],
    ['2025-10-27', 'Europe/Stockholm', '2025-10-26T23:00:00.000Z'],
    ['2025-07-01', 'UTC', '2025-07-01T00:00:00.000Z'],
    ['2025-07-01', 'America/New_York', '2025-07-01T04:00:00.000Z'],
  ])('should put the start of %s in %s at %s when the zone keeps or changes summer time', (date, zone, expected) => {
    expect(startOfDay(date, zone).toISOString()).toBe(expected);
  });

  it('should run a date to from its first moment to the next day’s first moment, excluded, when both ends are dates', () => {
    expect(resolvePeriod('2025-03-30', '2025-03-30', 'Europe/Stockholm')).toEqual({
      start: new Date('2025-03-29T23:00:00Z'),
      end: new Date('2025-03-30T22:00:00Z'),
      endIncluded: false,
    });
  });

  it('should keep an instant to as an included end when to is an instant', () => {
    expect(resolvePeriod(undefined, '2025-03-30T12:00:00+02:00', 'Europe/Stockholm')).toEqual({
      start: undefined,
      end: new Date('2025-03-30T10:00:00Z'),
      endIncluded: true,
    });
  });

  it.each([
    ['2025-03-02', '2025-03-01'],
    ['2025-03-01T10:00:00Z', '2025-03-01T09:59:59Z'],
    ['2025-03-02T00:30:00+01:00', '2025-03-01'],
  ])('should refuse from %s with to %s when to is before from', (from, to) => {
    expect(() => resolvePeriod(from, to, 'Europe/Stockholm')).toThrow(
      expect.objectContaining({
        status: 400,
        extra: { errors: [{ field: 'to', message: 'to must not be before from' }] },
      }),
    );
  });

  it.each([
    ['2025-03-01', '2025-03-01'],
    ['2025-03-01T10:00:00Z', '2025-03-01T10:00:00Z'],
    ['2025-03-01T23:30:00+01:00', '2025-03-01'],
  ])('should accept from %s with to %s when the period is one day or one moment', (from, to) => {
    expect(() => resolvePeriod(from, to, 'Europe/Stockholm')).not.toThrow();
  });

  it.each(['2025-03-01', '2025-03-01T10:00Z', '2025-03-01T10:00:00.123456+01:00'])(
    'should accept %s as an instant or a date',
    (value) => {
      expect(isInstantOrDate(value)).toBe(true);
    },
  );

  it.each([
    '2025-02-30',
    '2025-03-01T10:00:00',
    '2025-03-01T25:00:00Z',
    '2025-03-01 10:00Z',
    '1740823200',
    'idag',
    20250301,
  ])('should refuse %p', (value) => {
    expect(isInstantOrDate(value)).toBe(false);
  });
});
