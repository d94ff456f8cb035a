import { mapColumns } from './import-columns.js';

describe('mapColumns', () => {
  it('should read Samla’s own headers in any case, read past the export’s derived ones and name unknown ones', () => {
    const { columns, problems } = mapColumns(['kod', 'Namn', 'LEDANDE FÖRVALTNING', 'Beredskap', 'Kommentar']);

    expect(problems).toEqual([]);
    expect(columns).toEqual([
      { header: 'kod', field: 'code', ignored: null },
      { header: 'Namn', field: 'title', ignored: null },
      { header: 'LEDANDE FÖRVALTNING', field: 'leadDepartment', ignored: null },
      { header: 'Beredskap', field: null, ignored: 'derived' },
      { header: 'Kommentar', field: null, ignored: 'unknown' },
    ]);
  });

  it('should take the caller’s mapping before Samla’s headers', () => {
    const { columns, problems } = mapColumns(['Projekt-id', 'Projektnamn', 'Förvaltning', 'Namn'], {
      'Projekt-id': 'code',
      Projektnamn: 'title',
      Förvaltning: 'leadDepartment',
      Namn: 'summary',
    });

    expect(problems).toEqual([]);
    expect(columns.map((column) => column.field)).toEqual(['code', 'title', 'leadDepartment', 'summary']);
  });

  it('should answer a missing required field, two columns for one field and a mapped header the file lacks', () => {
    const { problems } = mapColumns(['Kod', 'Projektnamn', 'Namn'], { Projektnamn: 'title', Ansvar: 'leadDepartment' });

    expect(problems).toEqual([
      'the mapping names a column "Ansvar" that the file does not have',
      'the columns "Projektnamn" and "Namn" both give title',
      'no column gives leadDepartment (Samla\'s header: "Ledande förvaltning")',
    ]);
  });
});
