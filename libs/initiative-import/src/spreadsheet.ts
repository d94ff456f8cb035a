import ExcelJS from 'exceljs';
import { parseCsv, ValidationProblem, XLSX_TYPE } from '#common';
import type { SheetRow } from './import-rows.js';

/** A municipality's list is a few hundred rows; the limit keeps one request's work bounded. */
export const MAX_IMPORT_ROWS = 5_000;
/** The sheet Samla's export writes the initiatives to; another workbook's first sheet is read instead. */
const INITIATIVES_SHEET = 'Insatser';

export type Sheet = { headers: string[]; rows: SheetRow[] };

/**
 * The file as a header row and data rows of text, numbered as a person sees them in Excel (the header is row 1).
 * CSV: UTF-8, `;` (as Swedish Excel and Samla's export write it) or `,`. XLSX: typed cells written as text the way
 * the import reads them (a date as `YYYY-MM-DD`, a number as digits). Empty rows are skipped.
 */
export async function readSheet(body: Buffer, contentType: string): Promise<Sheet> {
  const sheet = contentType === XLSX_TYPE ? await readXlsx(body) : readCsv(body);
  if (sheet.headers.every((header) => header === ''))
    throw new ValidationProblem([{ field: 'file', message: 'the file has no header row' }], 'file');
  if (sheet.rows.length === 0)
    throw new ValidationProblem([{ field: 'file', message: 'the file has no rows below its header' }], 'file');
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    throw new ValidationProblem(
      [
        {
          field: 'file',
          message: `the file has ${sheet.rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`,
        },
      ],
      'file',
    );
  }
  return sheet;
}

/** `;` when the header line has one (Swedish Excel, Samla's export), else `,`. */
function readCsv(body: Buffer): Sheet {
  const firstLine = body.subarray(0, Math.max(0, body.indexOf(0x0a)) || body.length).toString('utf8');
  const { lines, errors } = parseCsv(body, { delimiter: firstLine.includes(';') ? ';' : ',' });
  if (errors.length > 0)
    throw new ValidationProblem(
      errors.map((error) => ({ field: `rows[${error.line}]`, message: error.message })),
      'file',
    );
  const [header, ...rows] = lines;
  return { headers: header?.fields ?? [], rows: rows.map(({ line, fields }) => ({ row: line, cells: fields })) };
}

async function readXlsx(body: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new ValidationProblem([{ field: 'file', message: 'the file is not an Excel workbook (XLSX)' }], 'file');
  }
  const worksheet = workbook.getWorksheet(INITIATIVES_SHEET) ?? workbook.worksheets[0];
  const rows: SheetRow[] = [];
  let headers: string[] = [];
  worksheet?.eachRow((row, number) => {
    const cells = Array.from({ length: row.cellCount }, (_, index) => cellText(row.getCell(index + 1).value));
    if (headers.length === 0) headers = cells;
    else if (cells.some((text) => text !== '')) rows.push({ row: number, cells });
  });
  return { headers, rows };
}

/** A typed cell as the text a CSV would hold: dates as days (Excel stores them at midnight UTC), results of formulas. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}
