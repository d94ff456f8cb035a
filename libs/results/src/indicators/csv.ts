/** One line of a CSV text: its 1-based line number and its fields. */
export type CsvLine = { line: number; fields: string[] };

/**
 * Splits CSV text (RFC 4180 without line breaks inside fields) into lines of fields. A field in double quotes may hold
 * commas (`"sex:women,born:abroad"`) and doubled quotes; blank lines are skipped. Answers the line numbers of lines
 * with an unterminated quote as errors, so that an import can report them with the other line errors.
 */
export function parseCsv(text: string): { lines: CsvLine[]; errors: { line: number; message: string }[] } {
  const lines: CsvLine[] = [];
  const errors: { line: number; message: string }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const fields = splitLine(raw);
    if (fields === null) errors.push({ line: index + 1, message: 'a quoted field is not closed' });
    else lines.push({ line: index + 1, fields });
  });
  return { lines, errors };
}

function splitLine(raw: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quoted && c === '"' && raw[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (!quoted && c === '"' && field === '') {
      quoted = true;
    } else if (!quoted && c === ',') {
      fields.push(field.trim());
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) return null;
  fields.push(field.trim());
  return fields;
}
