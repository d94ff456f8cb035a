/** Tillgänglighetsredogörelse (/tillganglighet), following DIGG's template. */
export const accessibilityMessages = {
  title: 'Tillgänglighetsredogörelse',
  // The date this statement was written or last reviewed; update it whenever the statement changes.
  statementDate: '2026-12-04',
  intro: (municipality: string) => [
    `${municipality} står bakom Samla, kommunens verktyg för att få en samlad bild av pågående insatser och projekt. Vi vill att så många som möjligt ska kunna använda Samla.`,
    'Den här redogörelsen beskriver hur Samla uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända tillgänglighetsproblem som finns och hur du kan rapportera brister till oss så att vi kan åtgärda dem.',
  ],
  howAccessible: {
    heading: 'Hur tillgänglig är Samla?',
    body: 'Vi vet att delar av Samla inte är helt tillgängliga. Samla byggs fortfarande, och flera delar finns ännu inte. Se avsnittet om innehåll som inte är tillgängligt nedan.',
  },
  cannotUse: {
    heading: 'Vad kan du göra om du inte kan använda delar av Samla?',
    body: 'Om du behöver uppgifter ur Samla som du inte kan ta del av, kontakta kommunens kontaktcenter eller den förvaltning som har ansvar för Samla i kommunen. Du kan få uppgifterna på annat sätt, till exempel som ett kalkylark eller uppläst.',
  },
  feedback: {
    heading: 'Rapportera brister i Samlas tillgänglighet',
    body: [
      'Vi strävar hela tiden efter att förbättra Samlas tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.',
      'Kontakta kommunens kontaktcenter och ange att det gäller tillgängligheten i Samla. Beskriv gärna vilken sida det gäller, vad du försökte göra och vilket hjälpmedel du använder. Kontaktuppgifter finns på kommunens webbplats.',
    ],
  },
  supervision: {
    heading: 'Tillsyn',
    body: 'Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn av lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.',
    link: 'Anmäl bristande tillgänglighet till Digg',
    href: 'https://www.digg.se/tdosanmalan',
  },
  technical: {
    heading: 'Teknisk information om Samlas tillgänglighet',
    body: 'Samla är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.',
  },
  gaps: {
    heading: 'Innehåll som inte är tillgängligt',
    lead: 'Bristande förenlighet med lagkraven (WCAG 2.1 nivå AA):',
    items: [
      'Samla byggs fortfarande ut. I dag går det att logga in, läsa och filtrera insatser, öppna en insats, se portföljen i korthet och hantera larm. Varje ny del granskas med samma tester innan den tas i bruk.',
      'Samla har ännu inte testats med skärmläsare (till exempel NVDA, JAWS eller VoiceOver) eller med förstoring, och bara i webbläsaren Chromium. Automatiska tester kan inte bedöma allt.',
      'Samla har ännu inte testats av personer som använder hjälpmedel.',
      'Diagrammet över finansieringsstupet går inte att läsa med skärmläsare. Samma siffror finns därför i en tabell direkt under diagrammet.',
    ],
  },
  testing: {
    heading: 'Hur vi testat Samla',
    body: [
      'Vi har gjort en självskattning (intern testning) av Samla.',
      'Varje sida granskas automatiskt med axe-core vid varje ändring av koden, både i en simulerad webbläsare (jsdom) och i webbläsaren Chromium, där även färgkontrasten granskas. Kontrasten mellan alla färger vi använder räknas dessutom ut i ett eget automatiskt test, mot kraven 4,5:1 för text och 3:1 för fokusmarkeringar och kanter.',
      'Automatiska tester kontrollerar också att det finns en länk för att hoppa direkt till huvudinnehållet, att sidan har rubriker och landmärken (sidhuvud, huvudmeny, huvudinnehåll och sidfot) och att fokus flyttas till sidans rubrik när du byter sida, så att skärmläsare läser upp den. I Chromium går testerna igenom sidorna med enbart tangentbord: första tabbstoppet är länken till huvudinnehållet, och varje sida nås via menyerna. Alla funktioner ska gå att använda med enbart tangentbord.',
    ],
    assessed: (date: string) => `Senaste bedömningen gjordes den ${date}.`,
  },
  updated: {
    heading: 'Om redogörelsen',
    body: (date: string) => `Redogörelsen upprättades den ${date}. Den uppdateras när Samla ändras.`,
  },
} as const;
