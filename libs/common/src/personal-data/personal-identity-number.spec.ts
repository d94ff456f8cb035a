import { findIdentityNumbers } from './personal-identity-number.js';

// Shaped like the Swedish Tax Agency's published test numbers: real dates, valid check digits, no real person.
const REFUSED: [string, string][] = [
  ['twelve digits with a hyphen', '19121212-1212'],
  ['ten digits with a hyphen', '121212-1212'],
  ['twelve digits without a separator', '201212121212'],
  ['ten digits without a separator', '1212121212'],
  ['a plus sign for someone aged 100 or more', '121212+1212'],
  ['someone born in 2006', '20061001-2346'],
  ['the short form of a leap day in 2000', '000229-2399'],
  ['the long form of a leap day', '20000229-2399'],
  ['a coordination number (day + 60)', '701063-2391'],
  ['a twelve-digit coordination number', '19701063-2391'],
  ['a coordination number without a separator', '1212721219'],
  ['a number inside a sentence', 'Familjen (pnr 19811218-9876) har kontakt med fältgruppen.'],
  ['a number at the end of a sentence', 'Gäller eleven 451224-9873.'],
  ['a number after a colon', 'Personnummer:19640823-3234'],
  ['an en dash, as Word writes it', '811218–9876'],
  ['an em dash', '811218—9876'],
  ['a minus sign', '811218−9876'],
  ['a non-breaking hyphen', '811218‑9876'],
  ['a coordination number with an en dash', 'Samordningsnr 701063–2391'],
  ['a space', '811218 9876'],
  ['a space in the twelve-digit form', '19811218 9876'],
  ['a non-breaking space', '811218\u00a09876'],
  ['spaces around a dash', '811218 – 9876'],
  ['a number glued to an abbreviation with a full stop', 'pnr.811218-9876'],
  ['a number glued to letters before it', 'pnr811218-9876'],
  ['a number glued to a file extension', '811218-9876.pdf'],
  ['a number glued to a name after a hyphen', '811218-9876-Anna'],
  ['a number between underscores in a file name', 'Utredning_19811218-9876_slutlig.docx'],
  ['fullwidth digits and hyphen', '８１１２１８－９８７６'],
  ['fullwidth digits without a separator', '８１１２１８９８７６'],
  ['zero-width spaces and joiners between digits', '8112\u200b18-98\u200d76'],
  ['a soft hyphen in place of the hyphen', '811218\u00ad9876'],
  ['a word joiner inside a twelve-digit number', '1981\u206012189876'],
];

const ACCEPTED: [string, string][] = [
  ['a landline number', 'Växel 0520-49 50 00'],
  ['a mobile number', '070-123 45 67'],
  ['an international mobile number', '+46 70 123 45 67'],
  ['an amount with spaces', '1 200 000 kr'],
  ['a seven-digit amount with spaces', '1 234 567'],
  ['an amount without spaces', '1200000'],
  ['an eleven-digit amount', '12121212121'],
  ['a calendar date', '2025-06-30'],
  ['a calendar date with an en dash', '2024–05–01'],
  ['an ISO instant', '2025-06-30T12:00:00.000Z'],
  ['a municipal diary number', 'KS 2023/01146'],
  ["a funder's diary number", '851-12345-2024'],
  ['budget codes', 'P4711 och 1010-4500-123'],
  ["the municipality's organisation number (month 20)", '212000-1546'],
  ['an organisation number with a valid check digit (month 20)', 'Org.nr 212000-2411'],
  ['an organisation number with an en dash', '212000–2411'],
  ['an invalid check digit', '19121212-1213'],
  ['an invalid check digit after an en dash', '811218–9875'],
  ['an invalid check digit after a space', '811218 9875'],
  ['an invalid check digit in fullwidth digits', '８１１２１８－９８７５'],
  ['an invalid day', '19121232-1212'],
  ['day 32 even with a valid check digit', '19121232-1218'],
  ['29 February in a year that is not a leap year', '19130229-1230'],
  ['a short-form 29 February that is a leap day in neither century', '010229-1234'],
  ['a coordination day beyond the month (92 − 60 = 32)', '121292-1215'],
  ['a century that is not 18, 19 or 20', '211212121212'],
  ['thirteen digits', '1912121212123'],
  ['a UUID whose groups hold the digits of one', '19121212-1212-4121-8121-121212121212'],
  ['a UUID whose last group holds one between hex letters', 'c0ffee00-1234-4abc-8def-ab8112189876'],
  ['a 32-digit hex request id holding one between hex letters', 'deadbeefcafeab8112189876cdbeef12'],
  ['part of a longer reference', 'Ärende 851-1212121212'],
  ['part of a longer reference after an en dash', 'Ärende 851–8112189876'],
];

describe('findIdentityNumbers', () => {
  it.each(REFUSED)('should find an identity number when the text holds %s', (_, text) => {
    expect(findIdentityNumbers(text)).toHaveLength(1);
  });

  it.each(ACCEPTED)('should find nothing when the text holds %s', (_, text) => {
    expect(findIdentityNumbers(text)).toEqual([]);
  });

  it('should tell coordination numbers from personal identity numbers when both occur', () => {
    expect(findIdentityNumbers('19121212-1212 och 701063-2391')).toEqual([
      'personal_identity_number',
      'coordination_number',
    ]);
  });
});
