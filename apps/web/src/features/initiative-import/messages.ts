import { formatNumber } from '../../lib/format';

/** Importera insatser: an admin's page for reading a spreadsheet of initiatives into Samla as drafts. */
export const initiativeImportMessages = {
  title: 'Importera insatser',
  intro:
    'Läs in kommunens befintliga lista över insatser. Varje rad blir ett utkast till insats, med sin finansieringsrad om raden har en. Antingen importeras alla rader eller ingen.',
  mayNot: 'Din roll får inte importera insatser. Det gör en administratör.',
  file: {
    label: 'Fil med insatser',
    description:
      'CSV (UTF-8, semikolon- eller kommaseparerad) eller Excel (XLSX), med rubrikerna på första raden. En fil som Samla själv har exporterat från Insatser kan importeras tillbaka som den är.',
    preview: 'Förhandsgranska',
    previewing: 'Förhandsgranskar …',
    missing: 'Välj en fil att förhandsgranska.',
  },
  columns: {
    heading: 'Kolumner i filen',
    intro:
      'Kolumner med Samlas egna rubriker läses som de är. Säg vilket fält en kolumn med en annan rubrik fyller, och förhandsgranska igen.',
    caption: 'Kolumnerna och de fält i Samla de fyller',
    header: 'Rubrik i filen',
    field: 'Fält i Samla',
    derived: 'Läses inte (räknas fram av Samla)',
    notRead: 'Läses inte',
    selectLabel: (header: string) => `Fält för kolumnen ”${header}”`,
    previewAgain: 'Förhandsgranska igen',
  },
  /** A required field no column of the file fills under Samla's header (400): the person names their own header. */
  missing: {
    heading: 'Koppla kolumner som saknas',
    intro:
      'Filen saknar kolumner som Samla behöver. Skriv rubriken som kolumnen har i din fil, exakt som den står där.',
    label: (field: string) => `Rubrik i filen för fältet ${field}`,
  },
  /** Samla's fields by the Swedish headers its own export writes (the API's IMPORT_FIELDS). */
  fields: {
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
  },
  preview: {
    heading: 'Förhandsgranskning',
    rows: 'Rader i filen',
    initiatives: 'Insatser som skapas',
    fundingLines: 'Finansieringsrader som skapas',
    problemRows: (rows: number) =>
      `${formatNumber(rows)} ${rows === 1 ? 'rad har' : 'rader har'} problem – inget importeras`,
    clean: (rows: number) => `Alla ${formatNumber(rows)} ${rows === 1 ? 'rad' : 'rader'} kan importeras`,
    problemsCaption: 'Problem i filen, rad för rad',
    row: 'Rad',
    column: 'Kolumn',
    problem: 'Problem',
    noColumn: '–',
    import: (initiatives: number) =>
      `Importera ${formatNumber(initiatives)} ${initiatives === 1 ? 'insats' : 'insatser'}`,
    importing: 'Importerar …',
  },
  done: {
    heading: 'Importen är klar',
    summary: (initiatives: number, fundingLines: number) =>
      `${formatNumber(initiatives)} ${initiatives === 1 ? 'insats har' : 'insatser har'} skapats som utkast, med ${formatNumber(fundingLines)} ${fundingLines === 1 ? 'finansieringsrad' : 'finansieringsrader'}.`,
    showDrafts: 'Visa utkasten i Insatser',
  },
  refused: {
    /** 422: a row had a problem when importing (the file changed since the preview, or someone registered a code). */
    rows: 'Inget importerades: raderna nedan har problem. Rätta filen och förhandsgranska igen.',
    /** 400: the file as a whole. */
    file: 'Samla kan inte läsa filen',
    byStatus: {
      403: 'Din roll får inte importera insatser.',
      413: 'Filen är för stor för att skickas.',
      415: 'Filen är varken CSV eller XLSX. Spara den som CSV (UTF-8) eller Excel-arbetsbok (XLSX) och försök igen.',
    } as Record<number, string>,
  },
  /** The API's kinds of record in `no department is named or coded "X"`. */
  things: {
    department: 'Ingen förvaltning',
    goal: 'Inget mål',
    'target group': 'Ingen målgrupp',
    district: 'Inget område',
  } as Record<string, string>,
  /** The API's problems, in Swedish; the shapes are those of libs/initiative-import. */
  problems: {
    notNamed: (nobody: string, name: string) => `${nobody} heter eller har koden ”${name}”`,
    empty: 'Är tom',
    emptyFunding: 'Är tom, fast raden har andra finansieringskolumner',
    repeatsCode: (row: string) => `Upprepar koden från rad ${row}`,
    codeTaken: (code: string) => `Det finns redan en insats med koden ${code}`,
    leadAmongParticipants: 'Tar upp den ledande förvaltningen, som leder och inte medverkar',
    notDate: (text: string) => `”${text}” är inte ett datum som ÅÅÅÅ-MM-DD`,
    beforeStart: 'Är före starten',
    beforeFundingStart: 'Är före finansieringens start',
    notKronor: (text: string) => `”${text}” är inte hela kronor`,
    notOneOf: (text: string, values: string) => `”${text}” är inte något av ${values}`,
    personalIdentityNumber: 'Ser ut som ett personnummer. Uppgifter om enskilda invånare får inte föras in i Samla.',
    coordinationNumber: 'Ser ut som ett samordningsnummer. Uppgifter om enskilda invånare får inte föras in i Samla.',
    missingColumn: (header: string) => `Filen har ingen kolumn ”${header}”, som kopplingen nämner`,
    twoColumns: (first: string, second: string, field: string) =>
      `Kolumnerna ”${first}” och ”${second}” fyller båda fältet ${field}`,
    noColumnFor: (field: string) => `Ingen kolumn fyller fältet ${field}, som krävs`,
    noHeader: 'Filen har ingen rubrikrad',
    noRows: 'Filen har inga rader under rubrikraden',
    tooManyRows: (rows: string, most: string) => `Filen har ${rows} rader; importera högst ${most} åt gången`,
    notWorkbook: 'Filen är inte en Excel-arbetsbok (XLSX)',
  },
} as const;
