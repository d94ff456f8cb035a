/**
 * Finds Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer) in free
 * text, so that nothing about a resident is stored in Samla.
 *
 * A candidate is 10 digits (YYMMDD-NNNC) or 12 digits (YYYYMMDD-NNNC), with `-`, `+` (used for people aged 100 or
 * more) or nothing between date and serial. It counts only when the date is real — a coordination number adds 60
 * to the day — and the last digit is the Luhn check digit of the other nine of the short form. The candidate must
 * stand on its own: digits or letters right before or after it, or a separator followed by more of them, make it
 * part of a longer number or code (a UUID, an account number, `851-1212121212`) rather than an identity number.
 * Phone numbers as Swedes write them (`0520-49 50 00`, `070-123 45 67`), amounts, dates and diary numbers never
 * have the shape; a bare ten-digit phone number that happens to be a valid date with a valid check digit is
 * indistinguishable from an identity number and is refused, which is the safe way to be wrong.
 */
const CANDIDATE = /(?<![\p{L}\p{N}])(?<![\p{L}\p{N}][-+/.])(?:(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d))(?![\p{L}\p{N}])(?![-+/.][\p{L}\p{N}])/gu;

const CENTURIES = ['18', '19', '20'];
const COORDINATION_DAY_OFFSET = 60;

export type IdentityNumberKind = 'personal_identity_number' | 'coordination_number';

/** An identity number has at least ten digits: fewer in the whole text, and no candidate can match. */
const MIN_DIGITS = 10;

function hasEnoughDigits(text: string): boolean {
  if (text.length < MIN_DIGITS) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits >= MIN_DIGITS) return true;
  }
  return false;
}

/** The kind of each identity number in the text, in order; never the number itself, so callers cannot echo it. */
export function findIdentityNumbers(text: string): IdentityNumberKind[] {
  const found: IdentityNumberKind[] = [];
  // The cheap count first: a batch of budget lines is 500,000 short codes, none of which can hold a number.
  if (!hasEnoughDigits(text)) return found;
  for (const match of text.matchAll(CANDIDATE)) {
    const [, century, year, month, day, , serial, check] = match;
    if (century !== undefined && !CENTURIES.includes(century)) continue;
    const dayOfMonth = Number(day);
    const coordination = dayOfMonth > COORDINATION_DAY_OFFSET;
    const realDay = coordination ? dayOfMonth - COORDINATION_DAY_OFFSET : dayOfMonth;
    if (!isRealDate(century, Number(year), Number(month), realDay)) continue;
    if (luhnCheckDigit(`${year}${month}${day}${serial}`) !== Number(check)) continue;
    found.push(coordination ? 'coordination_number' : 'personal_identity_number');
  }
  return found;
}

/** Without a century (the short form) 29 February is real when it is in either 19YY or 20YY. */
function isRealDate(century: string | undefined, year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = century === undefined ? year % 4 === 0 : isLeapYear(Number(century) * 100 + year);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= daysInMonth;
}

function isLeapYear(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Luhn over the nine digits YYMMDDNNN: weights 2, 1, 2, …, digits of each product summed. */
function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}
