import type { ExportFundingRow, ExportInitiativeRow } from './portfolio-export.sql.js';

/** A row of the initiatives table: an initiative with its first funding line, or a further line under only its code. */
export type ExportInitiativeSheetRow = Partial<ExportInitiativeRow> & Partial<ExportFundingRow> & { code: string };

/**
 * The initiatives with their funding lines, as the initiative import reads them back: an initiative's first line in
 * its own row's funding columns, each further line in a row of its own right below that carries only the code and the
 * funding columns (so sums of the initiative columns in Excel count each initiative once). Both lists come ordered by
 * code; a line whose initiative is not in the list is left out.
 */
export function withFundingRows(
  initiatives: ExportInitiativeRow[],
  lines: ExportFundingRow[],
): ExportInitiativeSheetRow[] {
  const linesOf = new Map<string, ExportFundingRow[]>();
  for (const line of lines) linesOf.set(line.code, [...(linesOf.get(line.code) ?? []), line]);
  return initiatives.flatMap((initiative) => {
    const [first, ...further] = linesOf.get(initiative.code) ?? [];
    return [{ ...initiative, ...first }, ...further];
  });
}
