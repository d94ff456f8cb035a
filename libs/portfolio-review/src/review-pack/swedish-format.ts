const WHOLE = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const MILLIONS = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** "1 200 000 kr", grouped the Swedish way. */
export function kronor(sek: number): string {
  return `${WHOLE.format(sek)} kr`;
}

/** "1,2 mnkr": chart labels, where whole kronor would not fit. */
export function millionKronor(sek: number): string {
  return `${MILLIONS.format(sek / 1_000_000)} mnkr`;
}

/** "67 %"; a missing share (nothing to divide by) is a dash. */
export function percent(share: number | null): string {
  return share === null ? '–' : `${WHOLE.format(share * 100)} %`;
}

/** "2026-11" → "nov 2026". */
export function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "2026-11-23" → "23 nov 2026". */
export function dayName(day: string): string {
  return `${Number(day.slice(8, 10))} ${monthName(day.slice(0, 7))}`;
}

/** "rapport i tid" → "Rapport i tid": a lower-case label heading a column. */
export function capitalised(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
