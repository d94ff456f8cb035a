/** Effektlogik (/insatser/SSPF/effektlogik) and Indikatorer (/indikatorer): what an initiative should achieve and how it is measured. */
export const resultsMessages = {
  effectLogicTitle: 'Effektlogik',
  indicatorsTitle: 'Indikatorer',
  indicatorTitle: 'Indikatorn',
} as const;
