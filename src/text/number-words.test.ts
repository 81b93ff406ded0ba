import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inDigits, inDigitsMapped, isNumberWord } from './number-words.js';

describe('amounts of time written in words', () => {
  it('are put in digits', () => {
    expect(inDigits('an outage lasting two hours and six minutes')).toBe(
      'an outage lasting 2 hours and 6 minutes',
    );
    expect(inDigits('For nine hours, calls failed')).toBe('For 9 hours, calls failed');
    expect(inDigits('twenty-four hours and eleven minutes')).toBe('24 hours and 11 minutes');
    expect(inDigits('Forty five minutes later')).toBe('45 minutes later');
    expect(inDigits('down for an hour')).toBe('down for 1 hour');
  });
  it('are told from other words', () => {
    expect(['ten', 'Forty-five', 'zero'].map(isNumberWord)).toEqual([true, true, true]);
    expect(['tenant', 'forty-winks', 'counting'].map(isNumberWord)).toEqual([false, false, false]);
  });
  it('leave other numbers and words as they are', () => {
    for (const text of [
      'one of the two nodes failed',
      'a few hours',
      'a 45-minute outage',
      'someone paged the team',
    ])
      expect(inDigits(text)).toBe(text);
  });
  it('run in linear time on long runs of number words', () => {
    const text = `${'twenty-'.repeat(50_000)}one hours`;
    const started = performance.now();
    inDigits(text);
    expect(performance.now() - started).toBeLessThan(1000);
    fc.assert(fc.property(fc.string(), (s) => typeof inDigits(s) === 'string'));
  });
});

describe('amounts in digits mapped back to the words', () => {
  it('gives the offset in the original text of an offset in the new one', () => {
    const original = 'It lasted two hours and six minutes, then forty-five minutes more.';
    const { text, at } = inDigitsMapped(original);
    expect(text).toBe('It lasted 2 hours and 6 minutes, then 45 minutes more.');
    for (const word of ['lasted', 'hours', 'minutes,', 'then', 'more']) {
      const i = text.indexOf(word);
      expect(original.slice(at(i), at(i) + word.length)).toBe(word);
    }
    expect(at(text.indexOf('2'))).toBe(original.indexOf('two'));
    expect(at(text.indexOf('45'))).toBe(original.indexOf('forty-five'));
    expect(at(text.length)).toBe(original.length);
  });
});
