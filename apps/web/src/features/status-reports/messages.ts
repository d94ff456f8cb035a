/** Rapporter (/rapporter): the status reports due in open rounds, and one report to write, submit or correct. */
export const statusReportsMessages = {
  myReportsTitle: 'Mina rapporter',
  reportTitle: 'Statusrapport',
  /** `Statusrapport: Läxhjälp i Kronogården – Delårsrapport augusti 2026` */
  reportPageTitle: (initiative: string, round: string) => `Statusrapport: ${initiative} – ${round}`,
  loading: 'Hämtar rapporterna …',
  loadingOne: 'Hämtar rapporten …',

  list: {
    intro:
      'Här ser du de statusrapporter som ska lämnas i pågående uppföljningsomgångar, det du ska granska och var varje rapport står.',
    mine: 'Att lämna',
    mineLead: (department: string) => `Rapporter för insatser som ${department} leder eller är med och äger.`,
    mineEmpty: 'Din förvaltning har inga rapporter att lämna just nu.',
    noDepartment: 'Du är inte kopplad till någon förvaltning i Samla, så du har inga egna rapporter att lämna.',
    review: 'Att granska',
    reviewLead:
      'Inlämnade rapporter som väntar på ledningsgruppens beslut: godkänn, eller skicka tillbaka med en kommentar.',
    reviewEmpty: 'Det finns inga inlämnade rapporter att granska.',
    neither:
      'Din roll lämnar inte och granskar inte statusrapporter. Du kan läsa den senaste rapporten på varje insats sida.',
    caption: (heading: string, count: number) => `${heading}: ${count} ${count === 1 ? 'rapport' : 'rapporter'}`,
    initiative: 'Insats',
    round: 'Uppföljningsomgång',
    period: 'Period',
    dueDate: 'Sista dag',
    status: 'Status',
  },

  status: {
    pending: 'Ej inlämnad',
    submitted: 'Inlämnad, väntar på granskning',
    approved: 'Godkänd',
    returned: 'Återsänd för komplettering',
  },
  /** Said in words beside the status: a late report is not told by colour alone. */
  overdue: 'Försenad – sista dagen har passerat',

  report: {
    facts: 'Om rapporten',
    initiative: 'Insats',
    round: 'Uppföljningsomgång',
    period: 'Period',
    dueDate: 'Sista dag',
    status: 'Status',
    submittedAt: 'Inlämnad',
    decidedAt: 'Beslut',
    returnedHeading: 'Ledningsgruppen har skickat tillbaka rapporten',
    returnedLead: 'Rätta det som kommentaren tar upp och lämna in rapporten igen.',
    comment: 'Kommentar',
    notFound: 'Rapporten finns inte',
    notFoundBody: 'Det finns ingen statusrapport på den här adressen.',
    backToList: 'Till Mina rapporter',
  },

  indicators: {
    heading: 'Nyckeltal i uppföljningsplanen',
    lead: (period: string) =>
      `Mätvärden för perioden ${period} enligt insatsens uppföljningsplan. Använd dem när du beskriver hur arbetet går.`,
    none: 'Uppföljningsplanen nämner inga nyckeltal.',
    noValues: 'Inga mätvärden för perioden.',
    caption: (name: string, code: string) => `${name} (${code})`,
    period: 'Period',
    cell: 'Grupp',
    municipality: 'Kommunen',
    sweden: 'Riket',
    suppressed: 'färre än 5',
    missing: '–',
    unit: { percent: '%', per_1000: 'per 1 000', ratio: '', count: '', sek: 'kr', score: 'poäng' } as Record<
      string,
      string
    >,
  },

  form: {
    heading: 'Rapporten',
    rag: 'Samlad bedömning',
    ragHelp: 'Hur insatsen går i stort jämfört med planen. Krävs för att lämna in.',
    progress: 'Hur arbetet går',
    progressHelp: 'Vad har gjorts under perioden, och vad visar nyckeltalen? Krävs för att lämna in.',
    risks: 'Risker',
    risksHelp:
      'Det som kan hindra insatsen, till exempel finansiering som upphör. Ledningsgruppen läser det här först.',
    spending: 'Förbrukat hittills',
    spendingHelp: 'Hela kronor som insatsen har kostat hittills.',
    save: 'Spara',
    saving: 'Sparar …',
    submit: 'Lämna in',
    submitting: 'Lämnar in …',
    saved: 'Rapporten är sparad.',
    submitted: 'Rapporten är inlämnad. Ledningsgruppen granskar den.',
    submitTitle: 'Rapporten kunde inte lämnas in',
    notEmpty: 'Skriv något eller lämna fältet tomt.',
  },

  readOnly: {
    noRag: 'Ingen bedömning',
    none: 'Inget angivet.',
    mayNotWrite: 'Du kan läsa rapporten men inte ändra den.',
  },

  decide: {
    heading: 'Granska',
    approve: 'Godkänn',
    approved: 'Rapporten är godkänd.',
    giveBack: 'Skicka tillbaka',
    returned: 'Rapporten är återsänd till förvaltningen.',
    dialogTitle: 'Skicka tillbaka rapporten',
    dialogLead: 'Skriv vad förvaltningen behöver komplettera. Kommentaren visas på rapporten.',
    comment: 'Kommentar till förvaltningen',
    send: 'Skicka tillbaka',
    sending: 'Skickar …',
    cancel: 'Avbryt',
    /** Why a decision was refused, where the status says more than the general sentence. */
    refused: {
      403: 'Ditt konto får inte granska statusrapporter.',
      409: 'Rapporten är redan granskad, eller inte inlämnad längre. Sidan visar hur den står nu.',
    } as Record<number, string>,
  },

  cells: {
    all: 'Alla',
    sex: { women: 'Kvinnor', men: 'Män' } as Record<string, string>,
    born: { sweden: 'Födda i Sverige', abroad: 'Födda utomlands' } as Record<string, string>,
    ageBand: (band: string) => `${band.replace('-', '–')} år`,
  },
} as const;
