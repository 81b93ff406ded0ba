import { describe, expect, it } from 'vitest';
import { usageLine } from './usage.js';

describe('usageLine', () => {
  it('turns a commander message into one line with the help hint', () => {
    expect(usageLine("error: unknown option '--bogus'\n", 'hindsight generate --help')).toBe(
      "hindsight: unknown option '--bogus' (run 'hindsight generate --help')\n",
    );
  });

  it('joins a suggestion onto the same line', () => {
    expect(
      usageLine("error: unknown command 'genrate'\n(Did you mean generate?)\n", 'hindsight --help'),
    ).toBe("hindsight: unknown command 'genrate' (Did you mean generate?) (run 'hindsight --help')\n");
  });
});
