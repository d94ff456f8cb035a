/** Finansieringsstup (/finansieringsstup): per budget year and month, temporary money ending with nothing decided. */
export const fundingCliffMessages = {
  title: 'Finansieringsstup',
  intro: (from: string, to: string) =>
    `Insatser vars tillfälliga finansiering upphör från ${from} till ${to} utan beslut om vad som händer sedan, per budgetår och månad. Besluta om täckning här, så krymper stupet.`,
  rule: 'Kronorna räknar bara tillfälliga pengar (allt utom kommunens ram) som ingen annan finansiering tar över och där ingen har beslutat om täckning. Insatser med beslut visas men räknas inte.',
  loading: 'Hämtar finansieringsstupet …',
  error: 'Finansieringsstupet kunde inte hämtas.',
  budgetYear: (year: number) => `Budgetår ${year}`,
  yearSummary: (sek: string, uncovered: string, count: number) =>
    `${sek} i tillfällig finansiering upphör utan beslut, för ${count} ${count === 1 ? 'insats' : 'insatser'}. Ej täckt årskostnad: ${uncovered}.`,
  yearNone: 'Ingen tillfällig finansiering upphör utan beslut det här budgetåret.',
  endedEarlier: 'Redan upphört, fortfarande utan beslut',
  endedEarlierLead:
    'Finansiering som upphörde före perioden, där inget tog över och insatsen pågår utan beslut om täckning.',
  departments: {
    caption: (year: number) => `Ej täckt per förvaltning, budgetår ${year}`,
    captionEarlier: 'Ej täckt per förvaltning, redan upphört',
    department: 'Ansvarig förvaltning',
    initiatives: 'Insatser utan beslut',
    fundingEnding: 'Upphör utan beslut',
    uncovered: 'Ej täckt årskostnad',
    total: 'Totalt',
    noLeadDepartment: 'Ingen ansvarig förvaltning',
  },
  initiatives: {
    caption: (month: string) => `Insatser vars finansiering upphör i ${month}`,
    captionEarlier: 'Insatser vars finansiering redan har upphört',
    initiative: 'Insats',
    department: 'Ansvarig förvaltning',
    lines: 'Finansiering som upphör',
    uncovered: 'Ej täckt årskostnad',
    noAnnualCost: 'Årskostnad saknas',
    line: (funder: string, end: string, sek: string) => `${funder}, till ${end}: ${sek} tas inte över`,
    decided: (decision: string) => `Beslut: ${decision}`,
    undecided: 'Beslut saknas',
  },
  decide: {
    button: 'Besluta om täckning',
    buttonLabel: (initiative: string, funder: string) => `Besluta om täckning för ${initiative}, ${funder}`,
    title: (initiative: string) => `Beslut om täckning: ${initiative}`,
    lead: 'Vad händer när pengarna tar slut? Beslutet visas på insatsen och stupet räknas om.',
    loading: 'Hämtar finansieringsraden …',
    loadError: 'Finansieringsraden kunde inte hämtas.',
    done: (initiative: string) => `Beslutet om täckning för ${initiative} är sparat. Stupet är uppdaterat.`,
  },
};
