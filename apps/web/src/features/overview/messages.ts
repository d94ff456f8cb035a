/** Portföljen i korthet (/portfoljen): the summary's counts as cards, the funding cliff, open alerts. */
export const overviewMessages = {
  intro:
    'Vad som pågår, på vilka pengar och när finansieringen tar slut. Varje siffra leder till listan med de insatser den räknar.',
  loading: 'Hämtar portföljen …',
  error: 'Portföljens sammanställning kunde inte hämtas.',
  cardsHeading: 'Portföljen i siffror',
  initiativesCount: (count: number) => (count === 1 ? '1 insats' : `${count} insatser`),
  initiativesUnit: 'insatser',
  allInitiatives: (count: number) => `Alla ${count} insatser`,
  byStatus: 'Per status',
  byDepartment: 'Per ansvarig förvaltning',
  noLeadDepartment: 'Ingen ansvarig förvaltning',
  byPriorityArea: 'Per prioriterat område',
  priorityAreaUnlinked: (count: number) =>
    `${count} ${count === 1 ? 'insats hör' : 'insatser hör'} inte till något prioriterat område.`,
  annualCost: 'Årskostnad och finansiering',
  annualCostTotal: 'Insatsernas årskostnad',
  withoutAnnualCost: (count: number) =>
    `${count} ${count === 1 ? 'insats saknar' : 'insatser saknar'} uppgift om årskostnad.`,
  fundedPerYear: 'Beviljad finansiering per år, efter källa',
  sourceType: {
    state_grant: 'Statsbidrag',
    eu_fund: 'EU-medel',
    temporary_appropriation: 'Tilläggsanslag',
    ordinary_budget: 'Ordinarie budget (ram)',
    partner_contribution: 'Bidrag från samverkanspart',
    foundation: 'Stiftelse',
    other: 'Annan finansiering',
  } as Record<string, string>,
  temporaryShare: (share: string, sek: string) => `${share} av finansieringen är tillfälliga pengar (${sek} per år).`,
  noFunding: 'Ingen beviljad finansiering löper i dag.',
  openAlerts: 'Öppna larm',
  openAlertsTotal: (count: number) => `${count} öppna eller kvitterade larm`,
  allAlerts: 'Alla öppna larm',
  followUp: 'Uppföljning',
  followUpBase: (count: number) => `Av ${count} beslutade eller pågående insatser:`,
  followUpPlan: (share: string, count: number) => `${share} har en uppföljningsplan (${count})`,
  reportedOnTime: (share: string, count: number) => `${share} lämnade sin senaste lägesrapport i tid (${count})`,
  followUpLink: 'Visa beslutade och pågående insatser',
  notApplicable: '–',
  cliff: {
    heading: 'Finansieringsstupet månad för månad',
    lead: (from: string, to: string) =>
      `Tillfällig finansiering som upphör från ${from} till ${to} utan beslut om vad som händer sedan.`,
    rule: 'Stupet räknar bara kronor som ingen tar över: en tillfällig finansiering (allt utom kommunens ram) som slutar utan efterföljare och där ingen har beslutat om täckning. Insatser där beslut om täckning finns visas i egen kolumn men räknas inte i kronorna.',
    nextYear: (year: number, sek: string, count: number) =>
      `Nästa budgetår (${year}) upphör ${sek} i tillfällig finansiering utan beslut, för ${count} ${count === 1 ? 'insats' : 'insatser'}.`,
    endedEarlier: (sek: string, count: number) =>
      `Dessutom är ${count} stup från tidigare månader fortfarande ${count === 1 ? 'öppet' : 'öppna'}: ${sek} som upphört utan efterföljare och utan beslut.`,
    chartLabel:
      'Stapeldiagram: tillfälliga pengar som upphör utan beslut, per månad. Samma siffror finns i tabellen nedan.',
    chartLoading: 'Hämtar diagrammet …',
    tableCaption: 'Finansieringsstupet per månad, samma siffror som i diagrammet',
    month: 'Månad',
    fundingEnding: 'Upphör utan beslut',
    uncoveredAnnualCost: 'Årskostnad utan täckning',
    initiativesUndecided: 'Insatser utan beslut',
    initiativesDecided: 'Insatser med beslut om täckning',
    loading: 'Hämtar finansieringsstupet …',
    error: 'Finansieringsstupet kunde inte hämtas.',
  },
} as const;
