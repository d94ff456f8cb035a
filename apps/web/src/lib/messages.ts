/**
 * The words every screen shares, in Swedish: the frame, sign-in, problems, the API's vocabularies. Each screen's own
 * words are in its feature's messages.ts (features/portfolio/messages.ts …), loaded with the screen so the first
 * load stays small. Components never write Swedish inline, so the wording is reviewed in these files (and, should the
 * municipality ever need it, translated there).
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

/**
 * The API's vocabularies, labelled once for every screen (Insatser, Insatsen, Larm, the badges): what a status, a
 * severity or a kind is called does not depend on where it shows.
 */
const vocabulary = {
  initiativeStatus,
  alertKind: {
    grant_expiring: 'Bidrag löper ut',
    grant_expired_initiative_active: 'Bidraget har upphört men insatsen pågår',
    funding_gap: 'Finansieringsgap',
    funder_report_due: 'Rapport till finansiär',
    follow_up_overdue: 'Försenad uppföljning',
    follow_up_plan_missing: 'Uppföljningsplan saknas',
    baseline_missing: 'Baslinje saknas',
    possible_overlap: 'Möjligt överlapp',
    decision_follow_up_due: 'Beslut ska följas upp',
    overspending: 'Pengarna tar slut före finansieringsperioden',
  },
  alertSeverity: { critical: 'Kritiskt', warning: 'Varning', info: 'Information' },
  alertStatus: { open: 'Öppet', acknowledged: 'Kvitterat', resolved: 'Löst', dismissed: 'Avfärdat' },
  /** A status report's overall assessment (red, amber, green). */
  ragStatus: {
    green: 'Grön – enligt plan',
    amber: 'Gul – avvikelser',
    red: 'Röd – allvarliga avvikelser',
  },
  fundingSourceType: {
    state_grant: 'Statsbidrag',
    eu_fund: 'EU-medel',
    temporary_appropriation: 'Tillfälligt anslag',
    ordinary_budget: 'Ordinarie budget',
    partner_contribution: 'Bidrag från samverkanspart',
    foundation: 'Stiftelse',
    other: 'Annat',
  },
  /** A funding line's status, and the kinds of report its funder wants by a date (Finansiering, Insatsen, its history). */
  fundingStatus: { applied: 'Sökt', granted: 'Beviljad', rejected: 'Avslagen', ended: 'Avslutad' },
  deadlineKind: { interim: 'Delredovisning', final: 'Slutredovisning', claim: 'Rekvisition' },
  /** An initiative's kind, evidence base, participants' roles and follow-up frequency (Insatsen, Ny insats, editing). */
  initiativeKind: {
    project: 'Projekt',
    method: 'Metod',
    agreement: 'Överenskommelse',
    ordinary_operation: 'Ordinarie verksamhet',
  },
  evidenceBase: {
    national_method: 'Nationell metod',
    research_based: 'Forskningsbaserad',
    local_development: 'Lokalt utvecklad',
    unknown: 'Okänt',
  },
  participantRole: {
    co_owner: 'Medägare',
    partner: 'Samverkanspart',
    funder: 'Finansiär',
    informed: 'Informeras',
  },
  followUpFrequency: {
    monthly: 'Varje månad',
    quarterly: 'Varje kvartal',
    biannual: 'Varje halvår',
    annual: 'Varje år',
  },
  /** What was decided about a funding line's money after it ends (Finansiering, Insatsen, the audit trail). */
  coverageDecision: {
    undecided: 'Inte beslutat',
    ordinary_budget: 'Ordinarie budget',
    new_external_funding: 'Ny extern finansiering',
    extension: 'Förlängning',
    phase_out: 'Avvecklas',
    not_needed: 'Behövs inte',
  },
  /** The leadership group's decisions at a portfolio review (Portföljgenomgång, Insatsen, the audit trail). */
  portfolioDecision: {
    continue: 'Fortsätt',
    scale_up: 'Skala upp',
    adjust: 'Justera',
    pause: 'Pausa',
    stop: 'Avsluta',
    integrate: 'Integrera i ordinarie verksamhet',
    seek_funding: 'Sök finansiering',
  },
  /** A status report's status in its round. */
  reportStatus: { pending: 'Väntar', submitted: 'Inlämnad', approved: 'Godkänd', returned: 'Återsänd' },
  /** The effect logic's levels, from what is done to what it changes (one node: the audit trail's words). */
  effectLevel: {
    activity: 'Aktivitet',
    output: 'Prestation',
    short_term_outcome: 'Kortsiktig effekt',
    long_term_outcome: 'Långsiktig effekt',
    impact: 'Samhällseffekt',
  },
  /** The same levels as headings over their nodes (Effektlogik, a priority area's chain). */
  effectLevels: {
    activity: 'Aktiviteter',
    output: 'Prestationer',
    short_term_outcome: 'Kortsiktiga effekter',
    long_term_outcome: 'Långsiktiga effekter',
    impact: 'Samhällseffekter',
  },
  /** The goal tree's levels, top down. */
  goalLevel: {
    agenda2030: 'Agenda 2030',
    focus_area: 'Fokusområde',
    priority_goal: 'Prioriterat mål',
    committee_goal: 'Nämndmål',
    priority_area: 'Prioriterat område',
    sub_goal: 'Delmål',
  },
} as const;

export const messages = {
  vocabulary,
  app: {
    name: 'Samla',
    description: 'Kommunens samlade bild av pågående insatser och projekt.',
    /** The browser tab: the page first, so tabs stay distinguishable. */
    documentTitle: (page: string) => `${page} – Samla`,
  },
  layout: {
    skipToContent: 'Hoppa till huvudinnehållet',
    primaryNavigation: 'Huvudmeny',
    footerNavigation: 'Om tjänsten',
    /** Read after the name of the header's group that holds the page shown (its bar says it to the eye). */
    currentGroup: '(du är här)',
  },
  nav: {
    /** The header's groups of screens, in the order people work. */
    groups: {
      portfolio: 'Portföljen',
      followUp: 'Uppföljning',
      leadership: 'Ledningsgruppen',
      administration: 'Administration',
    },
    initiatives: 'Insatser',
    overview: 'Portföljen i korthet',
    fundingCliff: 'Finansieringsstup',
    alerts: 'Larm',
    reports: 'Rapporter',
    indicators: 'Indikatorer',
    overlaps: 'Överlapp',
    readiness: 'Revisionsberedskap',
    goals: 'Mål och effekter',
    portfolioReviews: 'Portföljgenomgång',
    initiativeImport: 'Importera insatser',
    reportingRounds: 'Uppföljningsomgångar',
    auditTrail: 'Granskning',
    administration: 'Administration',
    accessibility: 'Tillgänglighetsredogörelse',
  },
  /** The form kit (components/forms): what every form says the same way. */
  forms: {
    required: '(obligatoriskt)',
    choose: 'Välj …',
    openCalendar: 'Välj datum i en kalender',
    errorSummaryTitle: 'Det gick inte att spara',
    /** `Deltagare (rad 2)`: a field of one row in a list of rows. */
    rowLabel: (label: string, rows: number[]) => `${label} (rad ${rows.join(', ')})`,
    unsavedChanges: 'Du har ändringar som inte är sparade. Vill du lämna sidan ändå? Ändringarna försvinner.',
    /** The conflict view (components/forms/conflict-view.tsx): someone else saved first (412). */
    conflict: {
      title: 'Någon annan har sparat ändringar under tiden',
      intro:
        'Medan du arbetade sparade någon annan ändringar i samma uppgifter. Inget av det du skrev har sparats ännu. Välj för varje uppgift vilken version som ska gälla och spara sedan.',
      keepAllMine: 'Välj alla mina',
      takeAllTheirs: 'Välj alla den andras',
      mine: 'Din version',
      theirs: 'Den andras version',
      untouched: 'Du har inte ändrat den här uppgiften.',
      empty: '(tomt)',
      save: 'Spara med de här valen',
      nothingToChoose: 'Den andra ändrade inget av det du ser här. Spara för att lägga dina ändringar ovanpå.',
    },
  },
  notFound: {
    title: 'Sidan finns inte',
    body: 'Vi hittar ingen sida på den här adressen. Den kan ha flyttats, eller så är adressen felskriven.',
    back: 'Gå till Insatser',
  },
  /** Sign-in, the signed-in person in the frame, and why an action is not offered (lib/auth). */
  auth: {
    /** The API's roles, named as the development sign-in page names them. */
    roles: {
      admin: 'Administratör',
      leadership: 'Ledningsgrupp',
      department_head: 'Förvaltningschef',
      staff: 'Medarbetare',
      auditor: 'Revisor',
    },
    person: {
      region: 'Inloggad användare',
      role: 'Roll',
      department: 'Förvaltning',
      noDepartment: 'Ingen förvaltning',
      signOut: 'Logga ut',
    },
    starting: { title: 'Samla startar', body: 'Hämtar inställningarna för inloggningen …' },
    signingIn: {
      title: 'Loggar in',
      body: 'Du skickas till inloggningen. Det tar bara ett ögonblick.',
      returning: 'Loggar in dig i Samla …',
    },
    configError: {
      title: 'Samla kan inte starta just nu',
      body: 'Samla kunde inte hämta inställningarna för inloggningen från servern. Försök igen om en stund.',
      help: 'Om felet finns kvar: kontakta kommunens IT-support och berätta att Samlas inloggningsinställningar inte gick att hämta.',
      retry: 'Försök igen',
    },
    signInError: {
      title: 'Inloggningen misslyckades',
      body: 'Du kunde inte loggas in i Samla. Försök logga in igen.',
      cancelled: 'Inloggningen avbröts.',
      help: 'Om det inte går: kontakta kommunens IT-support och berätta vad som hände och vilken tid det var.',
      retry: 'Logga in igen',
    },
    signedOut: {
      title: 'Du är utloggad',
      body: 'Du har loggat ut från Samla. Använder du en delad dator: stäng webbläsaren när du är klar.',
      signIn: 'Logga in igen',
    },
    may: {
      notGranted: 'Din roll ger inte behörighet att göra det här.',
      noDepartment:
        'Du är inte kopplad till någon förvaltning i Samla, så du kan läsa men inte ändra. Be en administratör att koppla dig till din förvaltning.',
      ownDepartment:
        'Det här hör till en annan förvaltning. Du kan bara ändra det som din förvaltning leder eller är med och äger.',
      leadDepartment: 'Bara den förvaltning som leder insatsen kan göra det här.',
    },
  },
  initiativeStatus,
  loadError: { retry: 'Försök igen' },
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
} as const;

export type InitiativeStatusKey = keyof typeof initiativeStatus;
