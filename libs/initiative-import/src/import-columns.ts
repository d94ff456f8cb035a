/**
 * The fields a spreadsheet of initiatives can fill, each under the Swedish header Samla's own export writes (so an
 * export imports back), and the export's derived columns, which an import reads past. A municipality's own list names
 * its columns otherwise: the caller maps those headers to fields (`Projektnamn` → `title`).
 */
export const IMPORT_FIELDS = {
  code: 'Kod',
  title: 'Namn',
  kind: 'Typ',
  summary: 'Sammanfattning',
  leadDepartment: 'Ledande förvaltning',
  participants: 'Medverkande förvaltningar',
  goals: 'Mål',
  targetGroups: 'Målgrupper',
  districts: 'Områden',
  startDate: 'Start',
  endDate: 'Slut',
  annualCostSek: 'Årskostnad (kr)',
  fundingSourceType: 'Finansieringskälla',
  funder: 'Finansiär',
  fundingAmountSek: 'Belopp (kr)',
  fundingStart: 'Finansiering från',
  fundingEnd: 'Finansiering till',
  fundingStatus: 'Finansieringsstatus',
} as const;
export type ImportField = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_NAMES = Object.keys(IMPORT_FIELDS) as ImportField[];

/** Every row must give these; the funding columns only together (a row with any of them gets a funding line). */
export const REQUIRED_FIELDS: ImportField[] = ['code', 'title', 'leadDepartment'];
export const FUNDING_FIELDS: ImportField[] = [
  'fundingSourceType',
  'funder',
  'fundingAmountSek',
  'fundingStart',
  'fundingEnd',
];
/** What a row gives of the initiative itself: every field but the code and the funding line's. */
export const INITIATIVE_FIELDS: ImportField[] = IMPORT_FIELD_NAMES.filter(
  (field) => field !== 'code' && field !== 'fundingStatus' && !FUNDING_FIELDS.includes(field),
);

/** What the export writes that is worked out, not entered: an import reads past these. */
const DERIVED_HEADERS = [
  'Status',
  'Prioriterade områden',
  'Varav tillfällig finansiering (kr/år)',
  'Tillfällig andel',
  'Tillfällig finansiering slutar utan efterföljare',
  'Öppna larm',
  'Beredskap',
  'Beredskap saknas',
];

export type ColumnUse = { header: string; field: ImportField | null; ignored: 'derived' | 'unknown' | null };

const normalised = (header: string) => header.trim().toLocaleLowerCase('sv-SE');

/**
 * Which field each column fills: the caller's mapping first (header → field), then Samla's own headers (any case).
 * Answers the columns in file order, and the problems with the file as a whole: a mapping naming a header the file
 * lacks, two columns for one field, a required field no column fills.
 */
export function mapColumns(
  headers: string[],
  mapping: Partial<Record<string, ImportField>> = {},
): { columns: ColumnUse[]; problems: string[] } {
  const mapped = new Map(Object.entries(mapping).map(([header, field]) => [normalised(header), field]));
  const byHeader = new Map(IMPORT_FIELD_NAMES.map((field) => [normalised(IMPORT_FIELDS[field]), field]));
  const derived = new Set(DERIVED_HEADERS.map(normalised));
  const problems: string[] = [];
  const present = new Set(headers.map(normalised));
  for (const header of Object.keys(mapping)) {
    if (!present.has(normalised(header)))
      problems.push(`the mapping names a column "${header}" that the file does not have`);
  }
  const filled = new Map<ImportField, string>();
  const columns = headers.map((header): ColumnUse => {
    const key = normalised(header);
    const field = mapped.get(key) ?? byHeader.get(key) ?? null;
    if (!field) return { header, field: null, ignored: derived.has(key) ? 'derived' : 'unknown' };
    const earlier = filled.get(field);
    if (earlier !== undefined) problems.push(`the columns "${earlier}" and "${header}" both give ${field}`);
    filled.set(field, header);
    return { header, field, ignored: null };
  });
  for (const field of REQUIRED_FIELDS) {
    if (!filled.has(field)) problems.push(`no column gives ${field} (Samla's header: "${IMPORT_FIELDS[field]}")`);
  }
  return { columns, problems };
}
