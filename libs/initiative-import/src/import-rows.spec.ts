import { mapColumns } from './import-columns.js';
import { readRows, splitKnown, type ImportLookups } from './import-rows.js';

const index = (entries: Record<string, string>) => new Map(Object.entries(entries));
const lookups: ImportLookups = {
  departments: index({ asf: 'dep-asf', 'arbetsmarknads- och socialförvaltningen': 'dep-asf', kff: 'dep-kff' }),
  goals: index({ 'fler i arbete, färre i utanförskap': 'goal-1', 'trygg uppväxt': 'goal-2', 'fp-1': 'goal-1' }),
  targetGroups: index({ 'unga 16–24': 'tg-1' }),
  districts: index({ kronogården: 'd-1' }),
  takenCodes: new Set(['SSPF']),
};
const { columns } = mapColumns([
  'Kod',
  'Namn',
  'Ledande förvaltning',
  'Årskostnad (kr)',
  'Start',
  'Finansieringskälla',
  'Finansiär',
  'Belopp (kr)',
  'Finansiering från',
  'Finansiering till',
  'Finansieringsstatus',
]);
const row = (cells: string[], number = 2) => readRows([{ row: number, cells }], columns, lookups);

describe('splitKnown', () => {
  it('should take the longest run of comma-separated parts that names something, so names may hold commas', () => {
    expect(splitKnown('Fler i arbete, färre i utanförskap, Trygg uppväxt', lookups.goals)).toEqual({
      found: ['goal-1', 'goal-2'],
      unknown: [],
    });
    expect(splitKnown('FP-1,Okänt, trygg uppväxt', lookups.goals)).toEqual({
      found: ['goal-1', 'goal-2'],
      unknown: ['Okänt'],
    });
    expect(splitKnown('', lookups.goals)).toEqual({ found: [], unknown: [] });
  });
});

describe('readRows', () => {
  it('should read amounts as people write them and labels in Swedish or as the API’s values', () => {
    const { drafts, problems } = row([
      'MBU',
      'Mellanmål',
      'asf',
      '1 234 567 kr',
      '2027-02-28',
      'EU-medel',
      'ESF-rådet',
      '250 000,00',
      '2027-01-01',
      '2027-12-31',
      'applied',
    ]);

    expect(problems).toEqual([]);
    expect(drafts[0].initiative).toMatchObject({
      code: 'MBU',
      leadDepartmentId: 'dep-asf',
      annualCostSek: 1_234_567,
      startDate: '2027-02-28',
      kind: 'project',
    });
    expect(drafts[0].fundingLine).toEqual({
      sourceType: 'eu_fund',
      funder: 'ESF-rådet',
      amountSek: 250_000,
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      status: 'applied',
    });
  });

  it('should refuse what does not read: a day that does not exist, decimals of a krona, a taken code', () => {
    const { drafts, problems } = row(['SSPF', 'Igen', 'KFF', '12,50', '2027-02-30', '', '', '', '', '', ''], 7);

    expect(drafts).toEqual([]);
    expect(problems).toEqual([
      { row: 7, column: 'Kod', field: 'code', message: 'an initiative with code SSPF already exists' },
      { row: 7, column: 'Start', field: 'startDate', message: '"2027-02-30" is not a date as YYYY-MM-DD' },
      { row: 7, column: 'Årskostnad (kr)', field: 'annualCostSek', message: '"12,50" is not whole kronor' },
    ]);
  });

  it('should make no funding line of a row without funding columns, and a granted one when the status is left out', () => {
    expect(row(['A-1', 'Utan pengar', 'ASF', '', '', '', '', '', '', '', '']).drafts[0].fundingLine).toBeNull();
    expect(
      row(['A-2', 'Med pengar', 'ASF', '', '', 'Statsbidrag', 'Skolverket', '100', '2027-01-01', '2027-06-30', ''])
        .drafts[0].fundingLine?.status,
    ).toBe('granted');
  });

  it('should read text the CSV export guarded against Excel formulas without the guard, and keep an apostrophe elsewhere', () => {
    expect(row(['A-4', "'-18 år: läxhjälp", 'ASF', '', '', '', '', '', '', '', '']).drafts[0].initiative.title).toBe(
      '-18 år: läxhjälp',
    );
    expect(row(['A-5', "'=Lika villkor", 'ASF', '', '', '', '', '', '', '', '']).drafts[0].initiative.title).toBe(
      '=Lika villkor',
    );
    expect(row(['A-6', "'Unga' i arbete", 'ASF', '', '', '', '', '', '', '', '']).drafts[0].initiative.title).toBe(
      "'Unga' i arbete",
    );
  });

  it('should name a cell with a personal identity number without repeating the number', () => {
    const { problems } = row(['A-3', 'Stöd till 19121212-1212', 'ASF', '', '', '', '', '', '', '', '']);

    expect(problems).toEqual([
      { row: 2, column: 'Namn', field: 'title', message: expect.stringContaining('personal identity number') },
    ]);
    expect(JSON.stringify(problems)).not.toContain('1212');
  });
});
