import { parse, type CsvError, type Info } from 'csv-parse/sync';

/** One line of a CSV text: its 1-based line number and its fields. */
export type CsvLine = { line: number; fields: string[] };

const PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a quoted field is not doubled',
};

/**
 * Splits CSV text (RFC 4180, read by csv-parse) into lines of fields, trimmed: every CSV import reads through here.
 * A field in double quotes may hold the separator (`"sex:women,born:abroad"`) and doubled quotes; blank lines are
 * skipped; `\r\n` and `\n` both end a line. The separator is `,` unless told (`;` for Swedish Excel). A line csv-parse cannot read (an unclosed quote) is answered as an error with its line
 * number and the reading goes on, so an import can report it with the other line errors.
 */
export function parseCsv(
  text: string | Buffer,
  { delimiter = ',' }: { delimiter?: ',' | ';' } = {},
): { lines: CsvLine[]; errors: { line: number; message: string }[] } {
  const errors: { line: number; message: string }[] = [];
  // With `info`, each record comes with where it was read (csv-parse's declared return type leaves that out).
  const records = parse(text, {
    info: true,
    // Excel writes a byte order mark first; it is not part of the first column's name.
    bom: true,
    delimiter,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n'],
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error) errors.push({ line: Number(error.lines), message: PROBLEMS[error.code] ?? error.message });
    },
  }) as unknown as { record: string[]; info: Info }[];
  return { lines: records.map(({ record, info }) => ({ line: info.lines, fields: record })), errors };
}
