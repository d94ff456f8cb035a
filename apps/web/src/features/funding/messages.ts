/** Finansiering (/insatser/SSPF/finansiering): an initiative's funding lines, added, changed and ended. */
export const fundingMessages = {
  title: 'Finansiering',
} as const;
