import { describe, expect, it } from 'vitest';
import { columnParams, CSV, mediaTypeOf, XLSX } from './import-request';

describe('columnParams', () => {
  it('should give each mapped header as field:header and leave unread ones out', () => {
    expect(columnParams({ Projektnamn: 'title', 'Förvaltning: ledande': 'leadDepartment', Anteckning: null })).toEqual([
      'title:Projektnamn',
      'leadDepartment:Förvaltning: ledande',
    ]);
  });
});

describe('mediaTypeOf', () => {
  it('should send a file by its type, else by its extension', () => {
    expect(mediaTypeOf({ name: 'lista.csv', type: CSV })).toBe(CSV);
    expect(mediaTypeOf({ name: 'lista.CSV', type: '' })).toBe(CSV);
    expect(mediaTypeOf({ name: 'lista.csv', type: 'application/vnd.ms-excel' })).toBe(CSV);
    expect(mediaTypeOf({ name: 'lista.xlsx', type: '' })).toBe(XLSX);
  });

  it('should send any other file as it is, for the API to refuse', () => {
    expect(mediaTypeOf({ name: 'lista.pdf', type: 'application/pdf' })).toBe('application/pdf');
    expect(mediaTypeOf({ name: 'lista', type: '' })).toBe('application/octet-stream');
  });
});
