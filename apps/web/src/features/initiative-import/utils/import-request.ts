import type { ImportField } from './import-problems';

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file input's `accept`: the two formats, by extension and media type (Windows often gives a CSV no type). */
export const ACCEPTED_FILES = `.csv,.xlsx,${CSV},${XLSX}`;

/**
 * What to send the file as: by its type, else by its extension; anything else goes as it is, for the API to refuse
 * (415) rather than the app guessing.
 */
export function mediaTypeOf(file: { name: string; type: string }): string {
  if (file.type === CSV || file.type === XLSX) return file.type;
  if (/\.xlsx$/i.test(file.name)) return XLSX;
  if (/\.csv$/i.test(file.name)) return CSV;
  return file.type || 'application/octet-stream';
}

/** The person's choices, header → field, as the API's repeated `column=field:header` (a header left unread is left out). */
export function columnParams(mapping: Readonly<Record<string, ImportField | null>>): string[] {
  return Object.entries(mapping).flatMap(([header, field]) => (field ? [`${field}:${header}`] : []));
}
