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
    const { drafts, fundingLines, problems } = row([
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
    expect(fundingLines[0].line).toEqual({
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
    expect(row(['A-1', 'Utan pengar', 'ASF', '', '', '', '', '', '', '', '']).fundingLines).toEqual([]);
    expect(
      row(['A-2', 'Med pengar', 'ASF', '', '', 'Statsbidrag', 'Skolverket', '100', '2027-01-01', '2027-06-30', ''])
        .fundingLines[0].line.status,
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

  describe('a row that repeats the code of the row above', () => {
    const rows = (...cells: string[][]) =>
      readRows(
        cells.map((c, index) => ({ row: index + 2, cells: c })),
        columns,
        lookups,
      );
    const money = (funder: string, amount = '100 000') => ['EU-medel', funder, amount, '2027-01-01', '2027-12-31', ''];

    it('should read it as a further funding line of that initiative when its other initiative columns are empty', () => {
      const { drafts, fundingLines, problems } = rows(
        ['F-1', 'Två källor', 'ASF', '500 000', '', ...money('ESF-rådet')],
        ['F-1', '', '', '', '', ...money('Arvsfonden', '50 000')],
        ['F-1', '', '', '', '', 'Ordinarie budget', 'Kommunen', '25000', '2028-01-01', '2028-12-31', 'Sökt'],
        ['F-2', 'En källa', 'KFF', '', '', '', '', '', '', '', ''],
      );

      expect(problems).toEqual([]);
      expect(drafts.map((draft) => [draft.row, draft.initiative.code])).toEqual([
        [2, 'F-1'],
        [5, 'F-2'],
      ]);
      expect(fundingLines.map(({ row, code, line }) => [row, code, line.funder, line.amountSek, line.status])).toEqual([
        [2, 'F-1', 'ESF-rådet', 100_000, 'granted'],
        [3, 'F-1', 'Arvsfonden', 50_000, 'granted'],
        [4, 'F-1', 'Kommunen', 25_000, 'applied'],
      ]);
      expect(fundingLines[2].line.sourceType).toBe('ordinary_budget');
    });

    it('should check a further funding line like any other and answer its problems on its own row', () => {
      const { fundingLines, problems } = rows(
        ['F-3', 'Två källor', 'ASF', '', '', ...money('ESF-rådet')],
        ['F-3', '', '', '', '', 'Lotto', 'Någon', 'mycket', '2027-01-01', ''],
        ['F-3', '', '', '', '', '', '', '', '', '', ''],
      );

      expect(fundingLines.map((line) => line.row)).toEqual([2]);
      expect(problems).toEqual([
        {
          row: 3,
          column: 'Finansiering till',
          field: 'fundingEnd',
          message: 'is empty, while the row has other funding columns',
        },
        {
          row: 3,
          column: 'Finansieringskälla',
          field: 'fundingSourceType',
          message: expect.stringMatching(/^"Lotto" is not one of /),
        },
        { row: 3, column: 'Belopp (kr)', field: 'fundingAmountSek', message: '"mycket" is not whole kronor' },
        { row: 4, column: 'Kod', field: 'code', message: 'repeats the code of row 2 but gives no funding line' },
      ]);
    });

    it('should call any other repeat of a code a duplicate: an initiative column given, or a row between', () => {
      const { problems } = rows(
        ['F-4', 'Först', 'ASF', '', '', ...money('ESF-rådet')],
        ['F-4', '', 'ASF', '', '', ...money('Arvsfonden')],
        ['F-5', 'Emellan', 'ASF', '', '', '', '', '', '', '', ''],
        ['F-4', '', '', '', '', ...money('Skolverket')],
      );

      expect(problems.filter((problem) => problem.field === 'code')).toEqual([
        { row: 3, column: 'Kod', field: 'code', message: 'repeats the code of row 2' },
        { row: 5, column: 'Kod', field: 'code', message: 'repeats the code of row 2' },
      ]);
    });
  });
});
