import { describe, expect, it } from 'vitest';
import { epochMs, payloadTime } from './payload-time.js';

const utc = { zone: 'UTC', date: null };

describe('payload time', () => {
  it('tells epoch seconds, milliseconds, microseconds and nanoseconds apart by magnitude', () => {
    expect(epochMs(1420452191)).toBe(1420452191000);
    expect(epochMs(1420452191104)).toBe(1420452191104);
    expect(epochMs(1420452191104123)).toBe(1420452191104);
    // Opsgenie's updatedAt: nanoseconds beyond Number's exact range still land on the right millisecond.
    expect(epochMs(JSON.parse('1420452224764002246'))).toBe(1420452224764);
  });

  it('reads RFC 3339 with nanoseconds and offsets, and epoch digits written as text', () => {
    expect(payloadTime('2018-11-04T22:43:58.283995108+01:00', utc)).toBe(
      Date.parse('2018-11-04T21:43:58.284Z'),
    );
    expect(payloadTime('2019-01-07T16:55:51.184-0330', utc)).toBe(Date.parse('2019-01-07T20:25:51.184Z'));
    expect(payloadTime('1502709956288', utc)).toBe(1502709956288);
  });

  it("takes Go's zero time, empty values and nonsense for unset", () => {
    expect(payloadTime('0001-01-01T00:00:00Z', utc)).toBeNull();
    expect(payloadTime('', utc)).toBeNull();
    expect(payloadTime(null, utc)).toBeNull();
    expect(payloadTime('soon', utc)).toBeNull();
  });
});
