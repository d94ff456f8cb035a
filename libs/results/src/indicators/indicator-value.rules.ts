import { BREAKDOWNS, SHARE_SCALE, type Breakdown, type IndicatorUnit } from './indicator.vocabulary.js';

/** `2024`, `2024-H1`, `2024-Q3`, `2024-05`: a year, a half, a quarter or a month. */
export const PERIOD_PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

/** The first and last day of a period, so periods of different lengths order by when they end. */
export function periodRange(period: string): { start: string; end: string } {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new Error(`not a period: ${period}`);
  const year = Number(match[1]);
  const part = match[2];
  const [first, months] = !part
    ? [1, 12]
    : part[0] === 'H'
      ? [Number(part[1]) * 6 - 5, 6]
      : part[0] === 'Q'
        ? [Number(part[1]) * 3 - 2, 3]
        : [Number(part), 1];
  const last = first + months - 1;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/** What each breakdown's part of a cell may say. Districts are named by their reference-data code. */
const CELL_VALUES: Record<Breakdown, { pattern: RegExp; hint: string }> = {
  sex: { pattern: /^(women|men)$/, hint: 'women or men' },
  born: { pattern: /^(sweden|abroad)$/, hint: 'sweden or abroad' },
  age_band: { pattern: /^(\d{1,3}-\d{1,3}|\d{1,3}\+)$/, hint: 'a band such as 16-24 or 65+' },
  district: { pattern: /^[A-Z0-9_-]{1,40}$/, hint: 'a district code such as KRONOGARDEN' },
};

export type CellResult = { cell: string; error?: undefined } | { cell?: undefined; error: string };

/**
 * The canonical key of a breakdown cell: `all`, or `breakdown:value` parts in the order of BREAKDOWNS joined by
 * commas (`sex:women,born:abroad`), whatever order they were given in. Refused when a part names a breakdown the
 * indicator does not support, names one twice, or gives a value the breakdown does not have.
 */
export function canonicalCell(input: string, supported: readonly Breakdown[]): CellResult {
  const text = input.trim();
  if (text === 'all') return { cell: 'all' };
  const parts = new Map<Breakdown, string>();
  for (const part of text.split(',')) {
    const [name, value, ...rest] = part.trim().split(':');
    if (value === undefined || rest.length > 0) return { error: `"${part.trim()}" is not breakdown:value` };
    if (!(BREAKDOWNS as readonly string[]).includes(name))
      return { error: `unknown breakdown "${name}" (one of ${BREAKDOWNS.join(', ')})` };
    const breakdown = name as Breakdown;
    if (!supported.includes(breakdown))
      return {
        error: `the indicator is not broken down by ${breakdown} (it supports ${supported.join(', ') || 'no breakdown'})`,
      };
    if (parts.has(breakdown)) return { error: `${breakdown} is named twice` };
    if (!CELL_VALUES[breakdown].pattern.test(value))
      return { error: `${breakdown} must be ${CELL_VALUES[breakdown].hint}` };
    parts.set(breakdown, value);
  }
  return {
    cell: BREAKDOWNS.filter((b) => parts.has(b))
      .map((b) => `${b}:${parts.get(b)}`)
      .join(','),
  };
}

/** How far a value may stand from numerator / denominator × scale: sources round shares to one decimal. */
export const SHARE_TOLERANCE = 0.05;

export type ShareInput = { value: number; numerator?: number | null; denominator?: number | null };

/**
 * Numerator and denominator are both given or both left out; given, the unit must be a share and the value must be
 * their quotient in the unit's scale (within rounding), so shares can be added up across initiatives and cells.
 * Answers the problems, empty when the value is consistent.
 */
export function shareProblems(unit: IndicatorUnit, input: ShareInput): { field: string; message: string }[] {
  const hasNumerator = input.numerator !== undefined && input.numerator !== null;
  const hasDenominator = input.denominator !== undefined && input.denominator !== null;
  if (hasNumerator !== hasDenominator)
    return [
      {
        field: hasNumerator ? 'denominator' : 'numerator',
        message: 'give numerator and denominator together, or neither',
      },
    ];
  if (!hasNumerator) return [];
  const scale = SHARE_SCALE[unit];
  if (scale === undefined)
    return [{ field: 'numerator', message: `a value in ${unit} is not a share and takes no numerator or denominator` }];
  const expected = (input.numerator! / input.denominator!) * scale;
  if (Math.abs(expected - input.value) > SHARE_TOLERANCE + 1e-9) {
    return [
      {
        field: 'value',
        message: `${input.value} does not match numerator / denominator × ${scale} = ${round(expected, 4)}`,
      },
    ];
  }
  return [];
}

export const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;
