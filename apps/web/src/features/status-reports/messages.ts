/** Rapporter (/rapporter): the status reports due in open rounds, and one report to write, submit or correct. */
export const statusReportsMessages = {
  myReportsTitle: 'Mina rapporter',
  reportTitle: 'Statusrapport',
} as const;
