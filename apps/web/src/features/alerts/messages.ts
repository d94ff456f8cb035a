/** Larm (/larm): filters, the list, acknowledging and dismissing. */
export const alertsMessages = {
  intro:
    'Larm om bidrag som tar slut, finansieringsgap, rapporter och uppföljningar. Din förvaltnings larm visas först.',
  filters: {
    heading: 'Filtrera larm',
    kind: 'Typ av larm',
    severity: 'Allvarlighet',
    status: 'Status',
    department: 'Förvaltning',
    allKinds: 'Alla typer',
    allSeverities: 'Alla nivåer',
    allStatuses: 'Alla statusar',
    allDepartments: 'Alla förvaltningar',
    clear: 'Rensa filter',
  },
  loading: 'Hämtar larm …',
  error: 'Larmen kunde inte hämtas.',
  retry: 'Försök igen',
  count: (shown: number, total: number) =>
    shown === total
      ? `${total} ${total === 1 ? 'larm' : 'larm'}`
      : `Visar ${shown} av ${total} larm. Begränsa med filtren för att se resten.`,
  ownHeading: (department: string) => `Larm för ${department}`,
  othersHeading: 'Övriga larm',
  allHeading: 'Larm',
  emptyOwn: 'Din förvaltning har inga larm som matchar filtren.',
  empty: 'Inga larm matchar filtren. Ändra eller rensa filtren för att se fler.',
  initiative: 'Insats',
  department: 'Förvaltning',
  dueDate: 'Datum',
  amount: 'Belopp',
  statusLabel: 'Status',
  kindLabel: 'Typ',
  noInitiative: 'Ingen insats',
  none: 'Saknas',
  dismissedBecause: 'Skäl',
  acknowledge: 'Kvittera',
  acknowledgeLabel: (title: string) => `Kvittera larmet: ${title}`,
  dismiss: 'Avfärda',
  dismissLabel: (title: string) => `Avfärda larmet: ${title}`,
  acknowledged: (title: string) => `Larmet är kvitterat: ${title}`,
  dismissed: (title: string) => `Larmet är avfärdat: ${title}`,
  mayNot: {
    not_granted: 'Din roll får läsa larm men inte kvittera eller avfärda dem.',
    no_department:
      'Samla vet inte vilken förvaltning du tillhör, så du kan inte kvittera eller avfärda larm. Be en administratör att koppla ditt konto till din förvaltning.',
    otherDepartments:
      'Du kan kvittera och avfärda larm för din egen förvaltning. Larmen nedan hanteras av respektive förvaltning eller ledningsgruppen.',
  },
  dialog: {
    title: 'Avfärda larm',
    lead: (title: string) => `Du avfärdar larmet ”${title}”. Det förblir avfärdat tills det blir allvarligare.`,
    reason: 'Skäl',
    reasonHint: 'Varför behöver larmet inte åtgärdas? Skälet sparas i historiken.',
    submit: 'Avfärda larmet',
    cancel: 'Avbryt',
    sending: 'Sparar …',
  },
  refused: {
    403: 'Du får inte hantera det här larmet. Bara larmets förvaltning, ledningsgruppen och administratörer kan kvittera eller avfärda det.',
    404: 'Larmet finns inte längre. Listan har uppdaterats.',
    409: 'Larmet har redan hanterats av någon annan eller lösts. Listan har uppdaterats.',
  } as Record<number, string>,
} as const;
