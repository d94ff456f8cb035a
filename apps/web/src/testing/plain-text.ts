/** Intl's output with ordinary spaces and hyphen-minus, so expectations can be typed as people read them. */
export function plainText(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');
}
