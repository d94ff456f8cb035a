/**
 * Every text the web app shows, in Swedish. Components take their words from here and never write them inline, so
 * the wording can be reviewed in one place (and, should the municipality ever need it, translated in one place).
 */

/** The API's lifecycle statuses, as the API labels them in its exports and review pack. */
const initiativeStatus = {
  draft: 'Utkast',
  proposed: 'Föreslagen',
  approved: 'Beslutad',
  active: 'Pågående',
  completed: 'Avslutad',
  integrated: 'Införd i ordinarie verksamhet',
  discontinued: 'Avbruten',
} as const;

export const messages = {
  app: {
    name: 'Samla',
    // Placeholder until the API tells the app which municipality it serves (one deployment, one municipality).
    municipalityName: 'Kommunen',
    description: 'Kommunens samlade bild av pågående insatser och projekt.',
    /** The browser tab: the page first, so tabs stay distinguishable. */
    documentTitle: (page: string) => `${page} – Samla`,
  },
  layout: {
    skipToContent: 'Hoppa till huvudinnehållet',
    primaryNavigation: 'Huvudmeny',
    footerNavigation: 'Om tjänsten',
  },
  nav: {
    initiatives: 'Insatser',
    overview: 'Portföljen i korthet',
    alerts: 'Larm',
    accessibility: 'Tillgänglighetsredogörelse',
  },
  comingSoon: {
    lead: 'Den här delen av Samla byggs just nu och kommer snart.',
    initiatives: 'Här listas alla insatser och projekt i kommunen, med filter för förvaltning, status, mål, målgrupp och område.',
    overview: 'Här visas portföljen i korthet: hur många insatser som pågår, var, för vem, på vilka pengar och mot vilka mål.',
    alerts: 'Här samlas larm om bidrag som snart tar slut, finansieringsstup och uppföljningar som saknas.',
  },
  notFound: {
    title: 'Sidan finns inte',
    body: 'Vi hittar ingen sida på den här adressen. Den kan ha flyttats, eller så är adressen felskriven.',
    back: 'Gå till Insatser',
  },
  initiativeStatus,
  problem: {
    /** What a person can do about a refused request, by HTTP status. */
    byStatus: {
      400: 'Uppgifterna kunde inte sparas. Rätta de markerade fälten och försök igen.',
      401: 'Du är inte inloggad, eller så har inloggningen gått ut. Logga in igen.',
      403: 'Du har inte behörighet att göra det här.',
      404: 'Det du söker finns inte. Det kan ha tagits bort.',
      409: 'Ändringen krockar med uppgifter som redan finns. Rätta de markerade fälten och försök igen.',
      412: 'Någon annan har ändrat uppgifterna sedan du öppnade dem. Ladda om sidan och gör din ändring igen.',
      422: 'Ändringen går inte att genomföra. Se vad som behöver åtgärdas nedan.',
      428: 'Ändringen saknar uppgift om vilken version du utgick från. Ladda om sidan och försök igen.',
      429: 'Du har gjort för många förfrågningar på kort tid. Vänta en stund och försök igen.',
      500: 'Något gick fel hos oss. Försök igen om en stund.',
      503: 'Samla är tillfälligt otillgängligt. Försök igen om en stund.',
    },
    otherClientError: 'Begäran kunde inte genomföras.',
    otherServerError: 'Något gick fel hos oss. Försök igen om en stund.',
    network: 'Det gick inte att nå Samla. Kontrollera din internetanslutning och försök igen.',
    unmetGuards: 'Det här saknas innan insatsen kan byta status:',
    errorId: (id: string) => `Uppge felkod ${id} om du kontaktar supporten.`,
    /** Lifecycle guards the API names in `unmetGuards`. */
    guards: {
      leadDepartment: 'En ansvarig förvaltning måste anges.',
      goal: 'Insatsen måste kopplas till minst ett mål.',
      followUpPlan: 'En uppföljningsplan måste finnas.',
      funding: 'Minst en finansieringsrad måste finnas.',
      startDate: 'Ett startdatum måste anges.',
    } as Record<string, string>,
    /** The API's field messages are English; the common ones in Swedish (others are shown as the API wrote them). */
    field: {
      required: 'Fältet måste fyllas i.',
      alreadyExists: 'Det finns redan en post med det här värdet.',
      noSuchRecord: 'Det valda värdet finns inte (längre). Välj ett annat.',
      unknownField: 'Fältet hör inte till formuläret.',
      uuid: 'Välj ett värde i listan.',
      wholeKronor: 'Ange ett belopp i hela kronor.',
      date: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
      month: 'Ange en månad som ÅÅÅÅ-MM.',
      integer: 'Ange ett heltal.',
      number: 'Ange ett tal.',
      email: 'Ange en giltig e-postadress.',
      boolean: 'Välj ja eller nej.',
      tooLong: (max: string) => `Texten får vara högst ${max} tecken.`,
      oneOf: 'Välj ett av alternativen.',
    },
  },
  accessibility: {
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
        'Samla är under uppbyggnad. Insatser, Portföljen i korthet och Larm visar ännu bara en platshållare, och inloggning finns inte ännu. Varje ny del granskas innan den tas i bruk.',
        'Samla har ännu inte testats med skärmläsare (till exempel NVDA, JAWS eller VoiceOver) eller med förstoring, och bara i webbläsaren Chromium. Automatiska tester kan inte bedöma allt.',
        'Samla har ännu inte testats av personer som använder hjälpmedel.',
        'Diagram, tabeller, formulär och datumväljare finns ännu inte. Tillgängligheten i dem bedöms när de byggs: varje siffra i ett diagram ska också finnas i en tabell, och status ska aldrig visas enbart med färg.',
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
  },
} as const;

export type InitiativeStatusKey = keyof typeof initiativeStatus;
