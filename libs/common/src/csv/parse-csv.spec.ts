import { parseCsv } from './parse-csv.js';

describe('parseCsv', () => {
  it('should split fields, keep commas and doubled quotes inside quotes, skip blank lines and count lines from 1', () => {
    const text = 'period,cell,value\r\n2024,"sex:women,born:abroad",12.5\n\n2024-H1,all,"say ""hi"""\n';
    expect(parseCsv(text)).toEqual({
      lines: [
        { line: 1, fields: ['period', 'cell', 'value'] },
        { line: 2, fields: ['2024', 'sex:women,born:abroad', '12.5'] },
        { line: 4, fields: ['2024-H1', 'all', 'say "hi"'] },
      ],
      errors: [],
    });
  });

  it('should keep empty fields and report an unclosed quote by line', () => {
    expect(parseCsv('a,,b\n"open,c')).toEqual({
      lines: [{ line: 1, fields: ['a', '', 'b'] }],
      errors: [{ line: 2, message: 'a quoted field is not closed' }],
    });
  });

  it('should read a file Excel saved, byte order mark first, and report a stray quote by line and read on', () => {
    expect(parseCsv('\uFEFFperiod,value\n2024,"1"2"\n2025,3\n')).toEqual({
      lines: [
        { line: 1, fields: ['period', 'value'] },
        { line: 3, fields: ['2025', '3'] },
      ],
      errors: [{ line: 2, message: 'a quote inside a quoted field is not doubled' }],
    });
  });

  it('should split on `;` when told, commas then being part of a field', () => {
    expect(parseCsv('Kod;Mål\r\nSSPF;Trygghet, skola\r\nMBU;"Skola; polis"\r\n', { delimiter: ';' }).lines).toEqual([
      { line: 1, fields: ['Kod', 'Mål'] },
      { line: 2, fields: ['SSPF', 'Trygghet, skola'] },
      { line: 3, fields: ['MBU', 'Skola; polis'] },
    ]);
  });
});
