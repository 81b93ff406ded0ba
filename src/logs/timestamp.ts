// A hand-written scanner rather than a list of regexes: it runs once per line on the hot path.
import { localClock } from './local-time.js';

export interface TimestampOptions {
  /** Zone for stamps that carry none (IANA name or abbreviation). */
  zone?: string;
  /** ISO date whose year completes syslog stamps (`Mar  4 14:04:05`). */
  date?: string | null;
  /** How far into a line an Apache/nginx `[10/Oct/2000:13:55:36 -0700]` stamp may start. */
  bracketWithin?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};
const two = (s: string, i: number) => {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
};
const four = (s: string, i: number) => {
  const a = two(s, i);
  const b = two(s, i + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
};
const monthAt = (s: string, i: number) => MONTHS.indexOf(s.slice(i, i + 3).toLowerCase()) + 1;

/**
 * Reads the timestamp a log line starts with: ISO 8601 (with or without offset, `T` or space,
 * `.` or `,` fraction, `-` or `/` in the date), syslog `Mar  4 14:04:05`, Apache/nginx
 * `[10/Oct/2000:13:55:36 -0700]`, ctime `[Sun Dec 04 04:47:44 2005]`, or epoch seconds/milliseconds. `read` gives epoch ms (NaN when
 * the line has none) and leaves `end` at the first character after the stamp.
 * @example timestampReader({ zone: 'UTC' }).read('2024-05-01 00:00:00,003 INFO up') // 1714521600003
 */
export function timestampReader({ zone = 'UTC', date = null, bracketWithin = 80 }: TimestampOptions = {}) {
  const clock = localClock(zone);
  const year = date ? Number(date.slice(0, 4)) : new Date().getUTCFullYear();
  const state = { end: 0 };
  // Consecutive lines mostly share their second: remember its epoch value, in UTC and in the zone.
  const second = { key: -1, wall: 0, local: 0 };

  // Time of day at i, then an optional fraction and zone; the date parts are already known.
  const finish = (s: string, i: number, y: number, mo: number, d: number, spacedOffset: boolean): number => {
    const h = two(s, i);
    const mi = two(s, i + 3);
    const sec = s.charCodeAt(i + 5) === 58 ? two(s, i + 6) : 0;
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60 || s.charCodeAt(i + 2) !== 58)
      return Number.NaN;
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return Number.NaN;
    let p = s.charCodeAt(i + 5) === 58 ? i + 8 : i + 5;
    let ms = 0;
    const sep = s.charCodeAt(p);
    if ((sep === 46 || sep === 44) && digit(s, p + 1) >= 0) {
      let scale = 100;
      for (p++; digit(s, p) >= 0; p++) {
        ms += digit(s, p) * scale;
        scale /= 10;
      }
      ms = Math.floor(ms);
    }
    const key = ((((y * 13 + mo) * 32 + d) * 24 + h) * 60 + mi) * 61 + sec;
    if (key !== second.key) {
      second.key = key;
      second.wall = Date.UTC(y, mo - 1, d, h, mi, sec);
      second.local = clock.toUtc(second.wall);
    }
    const wall = second.wall + ms;
    let q = p;
    if (spacedOffset && s.charCodeAt(q) === 32) q++;
    const z = s.charCodeAt(q);
    if (z === 90 && q === p) {
      state.end = p + 1;
      return wall;
    }
    if (z === 43 || z === 45) {
      const oh = two(s, q + 1);
      const colon = s.charCodeAt(q + 3) === 58 ? 1 : 0;
      const om = two(s, q + 3 + colon);
      if (oh >= 0 && oh <= 14 && om >= 0) {
        state.end = q + 5 + colon;
        return wall - (z === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
      }
    }
    state.end = p;
    return second.local + ms;
  };

  const numeric = (s: string, i: number): number => {
    const y = four(s, i);
    const sep = s.charCodeAt(i + 4);
    if (y >= 1970 && (sep === 45 || sep === 47) && s.charCodeAt(i + 7) === sep) {
      const t = s.charCodeAt(i + 10);
      if (t === 84 || t === 32 || t === 116) return finish(s, i + 11, y, two(s, i + 5), two(s, i + 8), true);
      return Number.NaN;
    }
    let n = i;
    while (digit(s, n) >= 0) n++;
    const len = n - i;
    const after = s.charCodeAt(n);
    if ((len !== 10 && len !== 13) || after === 45 || after === 47 || after === 58) return Number.NaN;
    let value = Number(s.slice(i, n));
    if (len === 10 && after === 46 && digit(s, n + 1) >= 0) {
      let f = n + 1;
      while (digit(s, f) >= 0) f++;
      value = Number(s.slice(i, f));
      n = f;
    }
    state.end = n;
    return len === 10 ? Math.round(value * 1000) : value;
  };

  const syslog = (s: string, i: number): number => {
    const mo = monthAt(s, i);
    if (!mo || s.charCodeAt(i + 3) !== 32) return Number.NaN;
    let p = i + 4;
    if (s.charCodeAt(p) === 32) p++;
    const d = digit(s, p + 1) >= 0 ? two(s, p) : digit(s, p);
    p += d >= 10 || s.charCodeAt(p) === 48 ? 2 : 1;
    if (d < 1 || s.charCodeAt(p) !== 32) return Number.NaN;
    return finish(s, p + 1, year, mo, d, false);
  };

  // ctime, as Apache error logs write it: `Sun Dec 04 04:47:44[.123456] 2005`, the year last.
  const ctime = (s: string, i: number): number => {
    if (s.charCodeAt(i + 3) !== 32) return Number.NaN;
    let p = i + 4 + 15;
    if (s.charCodeAt(p) === 46) while (digit(s, ++p) >= 0);
    const y = s.charCodeAt(p) === 32 ? four(s, p + 1) : -1;
    const mo = monthAt(s, i + 4);
    const d = s.charCodeAt(i + 8) === 32 ? digit(s, i + 9) : two(s, i + 8);
    if (y < 0 || !mo || d < 0 || s.charCodeAt(i + 10) !== 32) return Number.NaN;
    const ms = finish(s, i + 11, y, mo, d, false);
    if (!Number.isNaN(ms)) state.end = p + 5;
    return ms;
  };

  const bracketed = (s: string, i: number): number => {
    const d = two(s, i);
    const mo = monthAt(s, i + 3);
    const y = four(s, i + 7);
    if (d < 0 || !mo || y < 0 || s.charCodeAt(i + 2) !== 47 || s.charCodeAt(i + 11) !== 58) return Number.NaN;
    return finish(s, i + 12, y, mo, d, true);
  };

  return {
    get end() {
      return state.end;
    },
    read(line: string): number {
      const start = line.charCodeAt(0) === 91 ? 1 : 0;
      const c = line.charCodeAt(start);
      if (c >= 48 && c <= 57) {
        const ms = numeric(line, start);
        if (!Number.isNaN(ms)) return ms;
        if (start === 1) return bracketed(line, 1);
      } else if ((c | 32) >= 97 && (c | 32) <= 122) {
        const ms = syslog(line, start);
        if (!Number.isNaN(ms)) return ms;
        const full = ctime(line, start);
        if (!Number.isNaN(full)) return full;
      }
      const open = line.indexOf('[', 1);
      return open > 0 && open < bracketWithin ? bracketed(line, open + 1) : Number.NaN;
    },
  };
}

export type TimestampReader = ReturnType<typeof timestampReader>;
