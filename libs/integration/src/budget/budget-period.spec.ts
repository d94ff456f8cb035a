import { parsePeriod } from './budget-period.js';

describe('parsePeriod', () => {
  it('should turn a month into its first day', () => {
    expect(parsePeriod('2026-03')).toBe('2026-03-01');
    expect(parsePeriod('2000-12')).toBe('2000-12-01');
  });

  it.each([
    ['2026-13'],
    ['2026-00'],
    ['2026-3'],
    ['26-03'],
    ['2026-03-01'],
    [' 2026-03'],
    ['1999-12'],
    ['2100-01'],
    [202603],
    [null],
  ])('should refuse %p', (value) => expect(parsePeriod(value)).toBeNull());
});
