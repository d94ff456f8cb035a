import { canonicalCell, PERIOD_PATTERN, periodRange, shareProblems } from './indicator-value.rules.js';

describe('indicator value rules', () => {
  describe('periods', () => {
    it.each([
      ['2024', '2024-01-01', '2024-12-31'],
      ['2024-H1', '2024-01-01', '2024-06-30'],
      ['2024-H2', '2024-07-01', '2024-12-31'],
      ['2024-Q3', '2024-07-01', '2024-09-30'],
      ['2024-02', '2024-02-01', '2024-02-29'],
      ['2023-02', '2023-02-01', '2023-02-28'],
    ])('should read %s as %s to %s', (period, start, end) => {
      expect(PERIOD_PATTERN.test(period)).toBe(true);
      expect(periodRange(period)).toEqual({ start, end });
    });

    it.each(['24', '2024-H3', '2024-Q5', '2024-13', '2024-00', '2024-5', '2024-q1', '2024 '])(
      'should refuse %j',
      (period) => {
        expect(PERIOD_PATTERN.test(period)).toBe(false);
      },
    );
  });

  describe('breakdown cells', () => {
    const all = ['sex', 'age_band', 'born', 'district'] as const;

    it.each([
      ['all', 'all'],
      ['sex:women', 'sex:women'],
      ['born:abroad, sex:men', 'sex:men,born:abroad'],
      ['district:KRONOGARDEN,age_band:16-24', 'age_band:16-24,district:KRONOGARDEN'],
      ['age_band:65+', 'age_band:65+'],
    ])('should key %j as %j', (input, cell) => {
      expect(canonicalCell(input, all)).toEqual({ cell });
    });

    it.each([
      ['sex:women', ['born'], /not broken down by sex/],
      ['colour:red', all, /unknown breakdown "colour"/],
      ['sex:other', all, /women or men/],
      ['sex:women,sex:men', all, /named twice/],
      ['women', all, /breakdown:value/],
      ['', all, /breakdown:value/],
    ] as const)('should refuse %j', (input, supported, message) => {
      expect(canonicalCell(input, supported).error).toMatch(message);
    });
  });

  describe('numerator and denominator', () => {
    it('should accept a percentage that is its quotient × 100, within rounding to one decimal', () => {
      expect(shareProblems('percent', { value: 33.3, numerator: 1, denominator: 3 })).toEqual([]);
      expect(shareProblems('per_1000', { value: 12.5, numerator: 25, denominator: 2000 })).toEqual([]);
      expect(shareProblems('count', { value: 12 })).toEqual([]);
    });

    it('should refuse one without the other, a share that does not add up, and a share of a non-share unit', () => {
      expect(shareProblems('percent', { value: 50, numerator: 1 })).toEqual([
        { field: 'denominator', message: expect.stringMatching(/together/) },
      ]);
      expect(shareProblems('percent', { value: 50, numerator: 1, denominator: 3 })).toEqual([
        { field: 'value', message: expect.stringMatching(/= 33.3333/) },
      ]);
      expect(shareProblems('count', { value: 1, numerator: 1, denominator: 1 })).toEqual([
        { field: 'numerator', message: expect.stringMatching(/not a share/) },
      ]);
    });
  });
});
