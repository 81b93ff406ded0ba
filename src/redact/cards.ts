export const CARD_LABEL = '[REDACTED CARD]';

/** 13–19 digits together, or in the groups cards are printed in (4-4-4-4[-1..3], 4-6-5). */
const CANDIDATE = /\b(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{5})\b/g;

/** The Luhn checksum every payment card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Issuer prefixes and lengths of the card networks (Visa, Mastercard, Amex, Discover, Diners, JCB,
 * UnionPay), so a Luhn-valid timestamp or id of the same length is not taken for a card.
 */
const ISSUERS: [RegExp, number[]][] = [
  [/^4/, [13, 16, 19]],
  [/^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, [16]],
  [/^3[47]/, [15]],
  [/^(?:6011|64[4-9]|65)/, [16, 17, 18, 19]],
  [/^(?:30[0-5]|36|38)/, [14, 15, 16, 17, 18, 19]],
  [/^35(?:2[89]|[3-8]\d)/, [16, 17, 18, 19]],
  [/^62/, [16, 17, 18, 19]],
];

/** A payment card number: a card network's prefix and length, and a valid Luhn sum. */
export function isCardNumber(text: string): boolean {
  const digits = text.replace(/[ -]/g, '');
  return (
    ISSUERS.some(([prefix, lengths]) => prefix.test(digits) && lengths.includes(digits.length)) &&
    luhnValid(digits)
  );
}

/**
 * Masks payment card numbers (PANs), whoever the text is for.
 * @example maskCards('card 4111 1111 1111 1111 declined') // 'card [REDACTED CARD] declined'
 */
export function maskCards(text: string): string {
  if (text.length < 13 || !/\d{4}/.test(text)) return text;
  return text.replace(CANDIDATE, (match) => (isCardNumber(match) ? CARD_LABEL : match));
}
