import ExcelJS from 'exceljs';

/** How a column's values are written: integers (kronor, counts), decimals, shares (0–1), ISO dates, or text. */
export type ColumnKind = 'integer' | 'decimal' | 'share' | 'date' | 'text';
export type ExportColumn<T> = { header: string; key: keyof T & string; kind: ColumnKind; width: number };
export type ExportTable<T> = { sheet: string; columns: ExportColumn<T>[]; rows: T[] };

type Cell = string | number | null | undefined;
/** Any table, as the workbook writer reads it. */
type SheetData = {
  sheet: string;
  columns: { header: string; key: string; kind: ColumnKind; width: number }[];
  rows: Record<string, unknown>[];
};

/**
 * A CSV cell for Swedish Excel: numbers without thousands separators and with a decimal comma (what Excel expects
 * under a Swedish locale, where `;` is the list separator), dates as ISO `YYYY-MM-DD` (Excel's Swedish date format),
 * text that Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) prefixed with `'` (CSV injection), and
 * any field holding `;`, `"`, a line break or edge spaces quoted with inner quotes doubled.
 */
export function csvCell(value: Cell, kind: ColumnKind): string {
  if (value === null || value === undefined || value === '') return '';
  let text = typeof value === 'number' ? String(value).replace('.', ',') : value;
  if (kind === 'text' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte order mark (so Excel reads it as UTF-8), `;`-separated, CRLF line ends, header row first. */
export function toCsv<T>(table: ExportTable<T>): Buffer {
  const lines = [
    table.columns.map((c) => csvCell(c.header, 'text')).join(';'),
    ...table.rows.map((row) => table.columns.map((c) => csvCell(row[c.key] as Cell, c.kind)).join(';')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  integer: '# ##0',
  decimal: undefined,
  share: '0.0%',
  date: 'yyyy-mm-dd',
  text: undefined,
};

/**
 * One workbook, a sheet per table: typed cells (numbers as numbers, dates as dates, shown with Swedish-friendly
 * formats), the header row bold and frozen, the columns as wide as the column says.
 */
export async function toXlsx(tables: SheetData[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samla';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      style: { numFmt: NUMBER_FORMATS[c.kind] },
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, xlsxCell(row[c.key] as Cell, c.kind)])));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function xlsxCell(value: Cell, kind: ColumnKind): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'date') return new Date(`${value}T00:00:00Z`);
  return value;
}
