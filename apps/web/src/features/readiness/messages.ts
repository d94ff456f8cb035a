/** Revisionsberedskap (/revisionsberedskap): how ready the decided and running initiatives are for an audit, and what is missing. */
export const readinessMessages = {
  intro:
    'Så väl klarar de beslutade och pågående insatserna en revision. Varje insats kontrolleras på det en revisor frågar efter; beredskapen är andelen av de kontroller som gäller insatsen som den klarar. Det som saknas länkar till där det åtgärdas.',
  filters: {
    heading: 'Filtrera',
    department: 'Ledande förvaltning',
    allDepartments: 'Alla förvaltningar',
    area: 'Prioriterat område',
    areaHelp: 'Insatser kopplade till området eller till ett mål under det.',
    allAreas: 'Alla områden',
    loadingOptions: 'Hämtar val …',
    mine: (department: string) => `Visa bara ${department}`,
    clear: 'Rensa filter',
  },
  loading: 'Hämtar beredskapen …',
  error: 'Beredskapen kunde inte hämtas.',
  checks: {
    leadDepartment: 'Ledande förvaltning',
    coOwnerResponsibilities: 'Medägares ansvar',
    processOwner: 'Processägare',
    goalLink: 'Målkoppling',
    effectLogic: 'Effektlogik med basvärde',
    followUpPlan: 'Uppföljningsplan',
    reportedOnTime: 'Rapport i tid',
    coverageDecision: 'Beslut om fortsatt finansiering',
  },
  /** The roll-ups' column headers: the checks with soft hyphens (\u00AD), so eleven columns fit the page's width. */
  checkColumns: {
    leadDepartment: 'Ledande förvaltning',
    coOwnerResponsibilities: 'Medägares ansvar',
    processOwner: 'Process\u00ADägare',
    goalLink: 'Mål\u00ADkoppling',
    effectLogic: 'Effekt\u00ADlogik med bas\u00ADvärde',
    followUpPlan: 'Uppfölj\u00ADnings\u00ADplan',
    reportedOnTime: 'Rapport i tid',
    coverageDecision: 'Beslut om fortsatt finan\u00ADsiering',
  },
  checkHelp: {
    leadDepartment: 'En förvaltning leder insatsen.',
    coOwnerResponsibilities: 'Varje medägande förvaltning har sitt ansvar beskrivet.',
    processOwner: 'Insatsen har en processägare.',
    goalLink: 'Insatsen är kopplad till minst ett mål.',
    effectLogic: 'Effektlogiken har ett resultat eller en effekt som mäts med en indikator som har ett basvärde.',
    followUpPlan: 'Insatsen har en uppföljningsplan.',
    reportedOnTime: 'Statusrapporten i den senaste uppföljningsomgången lämnades i tid.',
    coverageDecision:
      'Varje tillfällig finansiering har ett beslut om vad som händer när den tar slut. Gäller bara insatser med tillfälliga pengar.',
  },
  /** After a missing item's link: where it is put right. */
  fixPlace: {
    edit: 'åtgärdas i Ändra insatsen',
    effectLogic: 'åtgärdas i Effektlogik',
    funding: 'åtgärdas i Finansiering',
    reports: 'åtgärdas i Rapporter',
  },
  checksHeading: 'Så kontrolleras insatserna',
  initiatives: 'Insatser',
  readiness: 'Beredskap',
  notApplicable: 'ej aktuellt',
  byDepartment: {
    heading: 'Per förvaltning',
    lead: 'Andelen insatser som klarar varje kontroll, per ledande förvaltning.',
    department: 'Förvaltning',
    noLead: 'Utan ledande förvaltning',
  },
  byArea: {
    heading: 'Per prioriterat område',
    lead: 'Andelen insatser som klarar varje kontroll, per prioriterat område. En insats under två områden räknas i båda.',
    area: 'Prioriterat område',
    unlinked: 'Utan prioriterat område',
  },
  list: {
    heading: 'Insatser och vad som saknas',
    count: (first: number, last: number, total: number) =>
      first === 1 && last === total
        ? `${total} ${total === 1 ? 'insats' : 'insatser'}, lägst beredskap först.`
        : `Visar ${first}–${last} av ${total} insatser, lägst beredskap först.`,
    empty: 'Inga beslutade eller pågående insatser matchar filtren.',
    initiative: 'Insats',
    department: 'Ledande förvaltning',
    missing: 'Saknas',
    nothingMissing: 'Inget saknas',
    met: (met: number, applicable: number, percent: string) => `${met} av ${applicable} kontroller (${percent})`,
  },
  paging: {
    label: 'Fler insatser',
    previous: 'Föregående sida',
    next: 'Nästa sida',
  },
} as const;
