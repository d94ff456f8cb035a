/**
 * Finds Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer) in free
 * text, so that nothing about a resident is stored in Samla.
 *
 * A candidate is 10 digits (YYMMDD-NNNC) or 12 digits (YYYYMMDD-NNNC) with nothing, a dash, `+` (used for people
 * aged 100 or more) or spaces between date and serial. It counts only when the date is real — a coordination number
 * adds 60 to the day — and the last digit is the Luhn check digit of the other nine of the short form.
 *
 * Text is compared as people paste it, not as they meant to type it: Unicode NFKC first (fullwidth digits and
 * dashes become ASCII ones), then format characters (zero-width spaces and joiners, soft hyphens) are dropped, and
 * every dash (en dash from Word, minus sign, …) counts as a hyphen. Only digits bound a candidate: `pnr.811218-9876`,
 * `811218-9876.pdf` and `Anna811218-9876` are refused, while digits right before or after it, or a dash, `+`, `/`
 * or `.` followed by more digits, make it part of a longer number (an account number, `851-1212121212`). UUIDs and
 * long hex strings (request and trace ids) are machine ids whatever digits they hold, and are skipped.
 *
 * Phone numbers as Swedes write them (`0520-49 50 00`, `070-123 45 67`), amounts, dates and diary numbers never
 * have the shape; a bare ten-digit phone number that happens to be a valid date with a valid check digit is
 * indistinguishable from an identity number and is refused, which is the safe way to be wrong.
 */
const DASH = String.raw`\p{Pd}\u2212`;
const JOINER = String.raw`${DASH}+/.`;
const CANDIDATE = new RegExp(
  String.raw`(?<!\d)(?<!\d[${JOINER}])(\d{2})?(\d{2})(\d{2})(\d{2})(?:\p{Zs}*[${DASH}+]\p{Zs}*|\p{Zs}+)?(\d{3})(\d)(?!\d)(?![${JOINER}]\d)`,
  'gu',
);
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const MACHINE_ID = /(?<![\p{L}\p{N}])(?:\p{AHex}{8}(?:-\p{AHex}{4}){3}-\p{AHex}{12}|\p{AHex}{16,})(?![\p{L}\p{N}])/gu;

const CENTURIES = ['18', '19', '20'];
const COORDINATION_DAY_OFFSET = 60;

export type IdentityNumberKind = 'personal_identity_number' | 'coordination_number';

/** An identity number has at least ten digits: fewer in the whole text, and no candidate can match. */
const MIN_DIGITS = 10;
const FULLWIDTH_ZERO = 0xff10;
const FULLWIDTH_NINE = 0xff19;

/**
 * The text as the candidate pattern reads it, or null when it has too few digits to hold a number. One pass of
 * char codes decides both, cheaply: a batch of budget lines is 500,000 short codes, none of which can hold a
 * number. Fullwidth digits count, as NFKC turns them into ASCII ones; ASCII text needs no normalising.
 */
function prepare(text: string): string | null {
  if (text.length < MIN_DIGITS) return null;
  let digits = 0;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x30 && c <= 0x39) digits++;
    } else {
      ascii = false;
      if (c >= FULLWIDTH_ZERO && c <= FULLWIDTH_NINE) digits++;
    }
  }
  if (digits < MIN_DIGITS) return null;
  return ascii ? text : text.normalize('NFKC').replace(FORMAT_CHARACTERS, '');
}

/** The kind of each identity number in the text, in order; never the number itself, so callers cannot echo it. */
export function findIdentityNumbers(text: string): IdentityNumberKind[] {
  const found: IdentityNumberKind[] = [];
  const normalised = prepare(text);
  if (normalised === null) return found;
  let machineIds: RegExpExecArray[] | undefined;
  for (const match of normalised.matchAll(CANDIDATE)) {
    const [, century, year, month, day, serial, check] = match;
    if (century !== undefined && !CENTURIES.includes(century)) continue;
    const dayOfMonth = Number(day);
    const coordination = dayOfMonth > COORDINATION_DAY_OFFSET;
    const realDay = coordination ? dayOfMonth - COORDINATION_DAY_OFFSET : dayOfMonth;
    if (!isRealDate(century, Number(year), Number(month), realDay)) continue;
    if (luhnCheckDigit(`${year}${month}${day}${serial}`) !== Number(check)) continue;
    // Looked for only once a number is found: the search costs more than everything else together.
    machineIds ??= [...normalised.matchAll(MACHINE_ID)];
    if (machineIds.some((id) => match.index >= id.index && match.index < id.index + id[0].length)) continue;
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
