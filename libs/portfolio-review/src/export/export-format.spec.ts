import { csvCell, toCsv } from './export-format.js';

describe('csvCell', () => {
  it.each([
    [1_200_000, 'integer', '1200000'],
    [0.2857, 'share', '0,2857'],
    [-41.5, 'decimal', '-41,5'],
    ['2026-01-31', 'date', '2026-01-31'],
    [null, 'text', ''],
    ['Unga, 16–24', 'text', 'Unga, 16–24'],
    ['a;b', 'text', '"a;b"'],
    ['säger "hej"', 'text', '"säger ""hej"""'],
    ['två\r\nrader', 'text', '"två\r\nrader"'],
    [' kant', 'text', '" kant"'],
    ['=SUMMA(A1)', 'text', "'=SUMMA(A1)"],
    ['-1', 'text', "'-1"],
  ] as const)('should write %p (%s) as %p', (value, kind, expected) => {
    expect(csvCell(value, kind)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('should start with a BOM, separate with semicolons and end every line with CRLF', () => {
    const file = toCsv({
      sheet: 'x',
      columns: [
        { header: 'Kod', key: 'code', kind: 'text', width: 1 },
        { header: 'Kr', key: 'sek', kind: 'integer', width: 1 },
      ],
      rows: [{ code: 'A', sek: 5 }],
    });
    expect(file.toString('utf8')).toBe('\uFEFFKod;Kr\r\nA;5\r\n');
  });
});
