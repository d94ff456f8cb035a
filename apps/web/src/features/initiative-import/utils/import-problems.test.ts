import { describe, expect, it } from 'vitest';
import {
  missingFields,
  problemsFromErrors,
  rowsWithProblems,
  translateProblem,
  type ImportColumn,
} from './import-problems';

describe('translateProblem', () => {
  it.each([
    [
      'no department is named or coded "Kulturförvaltningen"',
      'Ingen förvaltning heter eller har koden ”Kulturförvaltningen”',
    ],
    ['no target group is named or coded "Unga, 16–24"', 'Ingen målgrupp heter eller har koden ”Unga, 16–24”'],
    ['is empty', 'Är tom'],
    ['is empty, while the row has other funding columns', 'Är tom, fast raden har andra finansieringskolumner'],
    ['repeats the code of row 3', 'Upprepar koden från rad 3'],
    ['an initiative with code SSPF already exists', 'Det finns redan en insats med koden SSPF'],
    ['"31/12/2025" is not a date as YYYY-MM-DD', '”31/12/2025” är inte ett datum som ÅÅÅÅ-MM-DD'],
    ['"tio tusen" is not whole kronor', '”tio tusen” är inte hela kronor'],
    ['"Lån" is not one of Statsbidrag, EU-medel', '”Lån” är inte något av Statsbidrag, EU-medel'],
    [
      'looks like a Swedish personal identity number; personal data about residents must not be entered',
      'Ser ut som ett personnummer. Uppgifter om enskilda invånare får inte föras in i Samla.',
    ],
    [
      'the columns "Projektnamn" and "Namn" both give title',
      'Kolumnerna ”Projektnamn” och ”Namn” fyller båda fältet Namn',
    ],
    [
      'no column gives leadDepartment (Samla\'s header: "Ledande förvaltning")',
      'Ingen kolumn fyller fältet Ledande förvaltning, som krävs',
    ],
    ['the file has 6000 rows; import at most 5000 at a time', 'Filen har 6000 rader; importera högst 5000 åt gången'],
  ])('should say %j in Swedish', (message, swedish) => {
    expect(translateProblem(message)).toBe(swedish);
  });

  it('should keep a message it does not know as the API wrote it', () => {
    expect(translateProblem('code must match /^[A-Z0-9-]+$/')).toBe('code must match /^[A-Z0-9-]+$/');
  });
});

describe('rowsWithProblems', () => {
  it('should count a row with two problems once', () => {
    const problem = (row: number) => ({ row, column: null, field: null, message: 'is empty' });
    expect(rowsWithProblems([problem(2), problem(2), problem(5)])).toBe(2);
  });
});

describe('problemsFromErrors', () => {
  const columns: ImportColumn[] = [
    { header: 'Projektkod', field: 'code', ignored: null },
    { header: 'Förvaltning', field: 'leadDepartment', ignored: null },
  ];

  it('should read a refused row’s field and name its column by the file’s header', () => {
    expect(
      problemsFromErrors(
        [
          { field: 'rows[7].leadDepartment', message: 'is empty' },
          { field: 'rows[9]', message: 'bad quote' },
        ],
        columns,
      ),
    ).toEqual([
      { row: 7, column: 'Förvaltning', field: 'leadDepartment', message: 'is empty' },
      { row: 9, column: null, field: null, message: 'bad quote' },
    ]);
  });

  it('should leave out errors about the file as a whole', () => {
    expect(problemsFromErrors([{ field: 'column', message: 'the file has no header row' }], columns)).toEqual([]);
  });
});

describe('missingFields', () => {
  it('should name the required fields no column fills, and nothing for other problems with the file', () => {
    const errors = [
      { field: 'column', message: 'no column gives code (Samla\'s header: "Kod")' },
      { field: 'column', message: 'the mapping names a column "Projekt" that the file does not have' },
      { field: 'column', message: 'no column gives leadDepartment (Samla\'s header: "Ledande förvaltning")' },
    ];
    expect(missingFields(errors)).toEqual(['code', 'leadDepartment']);
  });
});
