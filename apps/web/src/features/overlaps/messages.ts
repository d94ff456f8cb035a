/** Överlapp (/overlapp): pairs of initiatives that may duplicate each other, and the leadership group's verdict. */
export const overlapsMessages = {
  intro:
    'Par av öppna insatser som kan vara samma arbete två gånger: de delar målgrupper, områden, prioriterade områden, effekter eller liknar varandra i text. Ledningsgruppen bedömer varje par.',
  filters: {
    heading: 'Filtrera par',
    minScore: 'Lägsta likhet',
    anyScore: 'Alla sparade par',
    atLeast: (score: string) => `Minst ${score}`,
    include: 'Visa',
    unreviewed: 'Par utan bedömning',
    reviewed: 'Även bedömda par',
    clear: 'Rensa filter',
  },
  loading: 'Hämtar par …',
  error: 'Paren kunde inte hämtas.',
  count: (shown: number, total: number) =>
    shown === total
      ? `${total} ${total === 1 ? 'par' : 'par'}`
      : `Visar ${shown} av ${total} par. Höj lägsta likhet för att se de mest lika.`,
  listHeading: 'Möjliga överlapp',
  /** One pair, opened from a review's agenda (`?par=…&par=…&genomgang=…`). */
  onePair: {
    heading: 'Valt par',
    missing:
      'Paret finns inte bland möjliga överlapp: någon av insatserna kan ha avslutats, eller ändrats så att de inte längre liknar varandra.',
    backToReview: 'Tillbaka till genomgången',
    all: 'Visa alla par',
    links: 'Härifrån',
  },
  empty: 'Inga par matchar filtren.',
  pairHeading: (code: string, otherCode: string) => `${code} och ${otherCode}`,
  score: 'Likhet',
  scoreValue: (score: string, words: string) => `${score} av 1 – ${words}`,
  scoreLevel: { high: 'hög likhet', medium: 'måttlig likhet', low: 'viss likhet' },
  comparison: (code: string, otherCode: string) => `${code} och ${otherCode} sida vid sida`,
  fact: 'Uppgift',
  code: 'Kod',
  title: 'Namn',
  status: 'Status',
  leadDepartment: 'Ledande förvaltning',
  none: 'Ingen',
  reasonsHeading: 'Därför liknar de varandra',
  share: (percent: string) => `${percent} gemensamt`,
  similarity: (percent: string) => `${percent} textlikhet`,
  verdictHeading: 'Bedömning',
  verdictLabel: {
    distinct: 'Olika insatser',
    duplicate: 'Dubbelarbete',
    coordinated: 'Samordnade',
  },
  verdictHelp: {
    distinct: 'Insatserna gör olika saker.',
    duplicate: 'Samma arbete görs två gånger.',
    coordinated: 'De överlappar men är samordnade med varandra.',
  },
  reviewedOn: 'Bedömd',
  stale: 'Någon av insatserna har ändrats sedan bedömningen: paret behöver bedömas igen.',
  noNote: 'Ingen motivering.',
  mayNot: 'Du kan se paren, men bara ledningsgruppen och administratörer bedömer dem.',
  dialog: {
    open: 'Bedöm',
    openLabel: (code: string, otherCode: string) => `Bedöm ${code} och ${otherCode}`,
    reassess: 'Bedöm igen',
    title: 'Bedöm paret',
    lead: (code: string, otherCode: string) =>
      `Är ${code} och ${otherCode} samma arbete? Bedömningen sparas för paret tills någon av insatserna ändras.`,
    verdict: 'Bedömning',
    note: 'Motivering',
    noteHelp: 'Krävs för dubbelarbete och samordnade insatser: vad som överlappar och vad som ska hända.',
    submit: 'Spara bedömning',
    sending: 'Sparar …',
    cancel: 'Avbryt',
  },
  recorded: (code: string, otherCode: string, verdict: string) =>
    `Bedömningen av ${code} och ${otherCode} är sparad: ${verdict}.`,
  refused: 'Bedömningen kunde inte sparas.',
} as const;
