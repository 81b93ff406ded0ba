import { describe, expect, it } from 'vitest';
import { isCardNumber, luhnValid, maskCards } from './cards.js';

describe('maskCards', () => {
  it.each([
    ['4111 1111 1111 1111', 'Visa in groups of four'],
    ['4111-1111-1111-1111', 'Visa with dashes'],
    ['5555555555554444', 'Mastercard run together'],
    ['3782 822463 10005', 'Amex in 4-6-5'],
    ['6011111111111117', 'Discover'],
    ['2223003122003222', 'Mastercard 2-series'],
  ])('masks %s (%s)', (card) => {
    expect(maskCards(`refund to ${card} failed`)).toBe('refund to [REDACTED CARD] failed');
  });

  it.each([
    ['4111 1111 1111 1112', 'fails the Luhn check'],
    ['1733312345678', 'an epoch-millisecond time'],
    ['0000000000000000', 'no issuer starts with 0'],
    ['web.archive.org/web/20251230063310/', 'a Luhn-valid archive time'],
    ['incident/17003#5660850647990272', 'a Luhn-valid id with no card prefix'],
    ['order 12345678', 'too short'],
    ['trace 41111111111111111111111', 'too long'],
    ['id4111111111111111', 'inside a word'],
    ['2026-05-19T12:31:15.208114317Z', 'a timestamp'],
  ])('leaves %s alone (%s)', (text) => {
    expect(maskCards(text)).toBe(text);
  });

  it('checks the Luhn sum the way issuers do', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(isCardNumber('4539 1488 0343 6467')).toBe(true);
  });
});
