import { checkLines, isCodeValue } from './budget-line-rules.js';

const DIMENSIONS = [
  { code: 'ansvar', required: true },
  { code: 'projekt', required: false },
];
const line = (overrides: Record<string, unknown> = {}) => ({
  kind: 'actual',
  period: '2026-03',
  amountSek: 1200,
  dimensions: { ansvar: '1100' },
  ...overrides,
});

describe('checkLines', () => {
  it('should write good lines as the parameter, with their indices and the dimensions as jsonb prints them', () => {
    const { checked, errors } = checkLines(
      [line(), line({ kind: 'budget', amountSek: -50, dimensions: { projekt: 'P"7', ansvar: '1100' } })],
      DIMENSIONS,
    );
    expect(errors).toEqual([]);
    expect(checked.text.split('\n')).toEqual([
      '0\t1200\tactual\t2026-03-01\t{"ansvar": "1100"}',
      '1\t-50\tbudget\t2026-03-01\t{"ansvar": "1100", "projekt": "P\\"7"}',
    ]);
    expect(checked.count).toBe(2);
    expect(checked.months).toEqual([
      { kind: 'budget', period: '2026-03-01' },
      { kind: 'actual', period: '2026-03-01' },
    ]);
  });

  it('should order the dimensions as jsonb does, shorter keys first, then bytewise, whatever the configured order', () => {
    const { checked } = checkLines(
      [line({ dimensions: { verksamhet: 'V1', konto: 'K1', ansvar: 'A1' } })],
      [
        { code: 'verksamhet', required: true },
        { code: 'konto', required: true },
        { code: 'ansvar', required: true },
      ],
    );
    expect(checked.text.split('\t')[4]).toBe('{"konto": "K1", "ansvar": "A1", "verksamhet": "V1"}');
  });

  it('should name every broken rule of every line', () => {
    const { checked, errors } = checkLines(
      [
        line({ kind: 'forecast', period: '2026-13' }),
        line({ amountSek: 10.5 }),
        line({ amountSek: '100' }),
        line({ amountSek: 2e12 }),
        line({ dimensions: { projekt: 'P7', konto: '4010' } }),
        line({ dimensions: { ansvar: ' 1100' } }),
        line({ dimensions: ['1100'] }),
        line({ extra: true }),
        'not a line',
        line(),
      ],
      DIMENSIONS,
    );
    expect(errors).toEqual([
      { field: 'lines[0].kind', message: 'must be budget or actual' },
      { field: 'lines[0].period', message: 'must be a month, YYYY-MM' },
      { field: 'lines[1].amountSek', message: 'must be a whole number of kronor' },
      { field: 'lines[2].amountSek', message: 'must be a whole number of kronor' },
      { field: 'lines[3].amountSek', message: 'must be between -1000000000000 and 1000000000000' },
      { field: 'lines[4].dimensions.konto', message: 'unknown dimension' },
      { field: 'lines[4].dimensions.ansvar', message: 'missing: the dimension is required' },
      { field: 'lines[5].dimensions.ansvar', message: 'must be a code of 1–40 characters' },
      { field: 'lines[6].dimensions', message: 'must be an object of dimension codes' },
      { field: 'lines[7].extra', message: 'unknown field' },
      { field: 'lines[8]', message: 'must be an object with kind, period, amountSek and dimensions' },
    ]);
    expect(checked.text.split('\t')[0]).toBe('9');
    expect(checked.count).toBe(1);
  });

  it('should refuse a second line with the same natural key, whatever the order of its dimensions', () => {
    const { errors } = checkLines(
      [
        line({ dimensions: { ansvar: '1100', projekt: 'P7' } }),
        line({ kind: 'budget', dimensions: { ansvar: '1100', projekt: 'P7' } }),
        line({ amountSek: 5, dimensions: { projekt: 'P7', ansvar: '1100' } }),
      ],
      DIMENSIONS,
    );
    expect(errors).toEqual([{ field: 'lines[2]', message: 'same kind, period and dimensions as lines[0]' }]);
  });

  it('should not take an inherited property for a dimension that is there', () => {
    const { errors } = checkLines([line({ dimensions: {} })], [{ code: 'constructor', required: true }]);
    expect(errors).toEqual([
      { field: 'lines[0].dimensions.constructor', message: 'missing: the dimension is required' },
    ]);
  });
});

describe('isCodeValue', () => {
  it.each([
    ['1100', true],
    ['P-2026.01', true],
    ['x'.repeat(40), true],
    ['', false],
    ['x'.repeat(41), false],
    [' 1', false],
    ['a\tb', false],
    [1100, false],
  ])('%p → %p', (value, expected) => expect(isCodeValue(value)).toBe(expected));
});

describe('checkLines: code uses', () => {
  it('should list each dimension and code of the good lines once with the first and last month it is used in', () => {
    const { uses } = checkLines(
      [
        line({ period: '2026-05', dimensions: { ansvar: '1100', projekt: 'P7' } }),
        line({ period: '2026-02', dimensions: { ansvar: '1100' } }),
        line({ period: '2026-09', dimensions: { projekt: 'P8', ansvar: '1100' } }),
        line({ period: '2026-03', dimensions: { ansvar: '2200', projekt: 'P7' } }),
        line({ period: '2026-01', amountSek: 0.5, dimensions: { ansvar: '3300', projekt: 'P7' } }),
        line({ period: '2026-09', dimensions: { ansvar: '1100', projekt: 'P8' } }),
      ],
      DIMENSIONS,
    );

    expect(uses).toEqual([
      { dimension: 'ansvar', code: '1100', first: '2026-02-01', last: '2026-09-01' },
      { dimension: 'ansvar', code: '2200', first: '2026-03-01', last: '2026-03-01' },
      { dimension: 'projekt', code: 'P7', first: '2026-03-01', last: '2026-05-01' },
      { dimension: 'projekt', code: 'P8', first: '2026-09-01', last: '2026-09-01' },
    ]);
  });
});
