// A hand-written scanner rather than a list of regexes: it runs once per line on the hot path.
import { localClock } from './local-time.js';

export interface TimestampOptions {
  /** Zone for stamps that carry none (IANA name or abbreviation). */
  zone?: string;
  /** ISO date whose year completes stamps without one (syslog `Mar  4 14:04:05`, Android `03-17 …`). */
  date?: string | null;
  /** How far into a line an Apache/nginx `[10/Oct/2000:13:55:36 -0700]` stamp may start. */
  bracketWithin?: number;
}

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};
const two = (s: string, i: number) => {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};
const four = (s: string, i: number) => {
  const a = two(s, i);
  const b = two(s, i + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
};
const isDigit = (c: number) => c >= 48 && c <= 57;

// Three letters, lower-cased, packed into one number: no substring per line.
const MONTHS = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, k) => [
    (m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2),
    k + 1,
  ]),
);
const monthAt = (s: string, i: number) =>
  MONTHS.get(
    ((s.charCodeAt(i) | 32) << 16) | ((s.charCodeAt(i + 1) | 32) << 8) | (s.charCodeAt(i + 2) | 32),
  ) ?? 0;

/** Redis's roles after its pid (`1:M`): sentinel, child, replica, master. */
const REDIS_ROLES = new Set(['X', 'C', 'S', 'M'].map((c) => c.charCodeAt(0)));
/** Redis's level marks: debug, verbose, notice, warning. */
const REDIS_MARKS = new Set(['.', '-', '*', '#'].map((c) => c.charCodeAt(0)));

/** The byte at p of a line ending at `end`, or -1 past it. */
const byteAt = (src: Uint8Array, p: number, end: number) => (p < end ? src[p] : -1);
/** The digit at p of a line ending at `end`, or -1. */
const digitByte = (src: Uint8Array, p: number, end: number) => {
  const c = byteAt(src, p, end) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};
/** The two-digit number at p of a line ending at `end`, or -1. */
const twoBytes = (src: Uint8Array, p: number, end: number) => {
  const a = digitByte(src, p, end);
  const b = digitByte(src, p + 1, end);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
};

/** A two-digit year: 70–99 are the 1900s, the rest this century. */
const century = (yy: number) => (yy < 0 ? -1 : yy >= 70 ? 1900 + yy : 2000 + yy);

/** Where the token after the one at `i` starts (single spaces between tokens), or -1. */
const nextToken = (s: string, i: number, limit: number) => {
  const space = s.indexOf(' ', i);
  if (space < 0 || space > limit) return -1;
  let p = space + 1;
  while (s.charCodeAt(p) === 32) p++;
  return p;
};

/** True when exactly ten digits start at i and a space follows: epoch seconds. */
const epochAt = (s: string, i: number) => {
  for (let k = 0; k < 10; k++) if (!isDigit(s.charCodeAt(i + k))) return false;
  return s.charCodeAt(i + 10) === 32;
};

/**
 * Reads the timestamp a log line starts with, or carries in a known place of its header, and
 * gives epoch ms (NaN when the line has none); `end` is left at the first character after the
 * stamp (after the whole header for the few shapes that put the time in the middle of it), and
 * `seconds` tells whether the stamp had seconds. Shapes:
 * - ISO 8601 (with or without offset, `T` or space, `.` or `,` fraction, `-` or `/` in the date),
 *   also after one leading word (`nova-api.log.1 2017-05-16 00:00:00.008 …`);
 * - syslog `Mar  4 14:04:05` and Android logcat `03-17 16:13:38.811` (the year from `date`);
 * - Apache/nginx `[10/Oct/2000:13:55:36 -0700]`, ctime `[Sun Dec 04 04:47:44 2005]`;
 * - `yyMMdd HHmmss` (HDFS), `yy/MM/dd HH:mm:ss` (Spark, log4j), `[MM.dd HH:mm:ss]` (Proxifier),
 *   `yyyyMMdd-H:m:s:SSS` (HealthApp, unpadded);
 * - Redis's `1:M 25 Apr 2024 05:32:35.018 *`, after its pid and role (`end` after the level mark);
 * - epoch seconds or milliseconds at the start, after a label and before a `yyyy.MM.dd` date
 *   (`- 1117838570 2005.06.03 …`, BGL and Thunderbird), or after a numeric id and a few fields (HPC);
 * - glog/klog `I0305 10:01:01.123456` (the level letter first; the year from `date`, or written
 *   by newer glog as `I20240305`);
 * - syslog's `<PRI>` before RFC 5424's `1 2026-02-10T10:02:00.000Z` or RFC 3164's `Oct 11 22:14:15`
 *   (`end` after the stamp: the rest of the header is the record reader's).
 *
 * Consecutive lines mostly share their second, so the epoch of the last one read is remembered.
 * @example timestampReader({ zone: 'UTC' }).read('2024-05-01 00:00:00,003 INFO up') // 1714521600003
 */
export function timestampReader({ zone = 'UTC', date = null, bracketWithin = 80 }: TimestampOptions = {}) {
  const clock = localClock(zone);
  const year = date ? Number(date.slice(0, 4)) : new Date().getUTCFullYear();
  // `seconds`: the stamp just read had seconds.
  const state = { end: 0, seconds: false };
  // The epoch of one second, in UTC and in the zone, keyed by its fields.
  const second = { day: -1, time: -1, wall: 0, local: 0 };
  let spaced = false;

  // `Z` or an offset at q (after a space when `spaced`), else the zone's time; p is after the seconds
  // and their fraction, `ms` the fraction.
  const zoned = (s: string, p: number, ms: number, wall: number, local: number): number => {
    let q = p;
    if (spaced && s.charCodeAt(q) === 32) q++;
    const z = s.charCodeAt(q);
    if (z === 90 && q === p) {
      state.end = p + 1;
      return wall + ms;
    }
    if (z === 43 || z === 45) {
      const oh = two(s, q + 1);
      const colon = s.charCodeAt(q + 3) === 58 ? 1 : 0;
      const om = two(s, q + 3 + colon);
      if (oh >= 0 && oh <= 14 && om >= 0) {
        state.end = q + 5 + colon;
        return wall + ms - (z === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
      }
    }
    state.end = p;
    return local + ms;
  };

  // After the seconds at p: an optional fraction (its first three digits are the milliseconds),
  // then `Z` or an offset, or the zone's time. Kept small: it runs for every line.
  const tail = (s: string, p: number, wall: number, local: number): number => {
    let ms = 0;
    let c = s.charCodeAt(p);
    if (c === 46 || c === 44) {
      const a = s.charCodeAt(p + 1) - 48;
      if (a >= 0 && a <= 9) {
        ms = a * 100;
        p += 2;
        const b = s.charCodeAt(p) - 48;
        if (b >= 0 && b <= 9) {
          ms += b * 10;
          const d = s.charCodeAt(++p) - 48;
          if (d >= 0 && d <= 9) {
            ms += d;
            p++;
          }
        }
        for (c = s.charCodeAt(p); c >= 48 && c <= 57; c = s.charCodeAt(++p));
      }
    }
    if (c === 90 || c === 43 || c === 45) return zoned(s, p, ms, wall, local);
    if (c === 32 && spaced) {
      const next = s.charCodeAt(p + 1);
      if (next === 43 || next === 45) return zoned(s, p, ms, wall, local);
    }
    state.end = p;
    return local + ms;
  };

  const newSecond = (
    day: number,
    time: number,
    y: number,
    mo: number,
    d: number,
    h: number,
    mi: number,
    sec: number,
  ) => {
    second.day = day;
    second.time = time;
    second.wall = Date.UTC(y, mo - 1, d, h, mi, sec);
    second.local = clock.toUtc(second.wall);
  };

  // Makes a valid date and time of day the current `second`; false when it is not valid.
  const toSecond = (y: number, mo: number, d: number, h: number, mi: number, sec: number): boolean => {
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 0) return false;
    // Two small integers rather than one key too large for one.
    const day = (y * 13 + mo) * 32 + d;
    const time = (h * 60 + mi) * 61 + sec;
    if (time !== second.time || day !== second.day) newSecond(day, time, y, mo, d, h, mi, sec);
    return true;
  };

  // A validated date and time of day; p is just after the seconds (or the minutes).
  const at = (s: string, p: number, y: number, mo: number, d: number, h: number, mi: number, sec: number) =>
    toSecond(y, mo, d, h, mi, sec) ? tail(s, p, second.wall, second.local) : Number.NaN;

  // Time of day `HH:mm[:ss]` at i, the date parts already known.
  const finish = (s: string, i: number, y: number, mo: number, d: number): number => {
    if (s.charCodeAt(i + 2) !== 58) return Number.NaN;
    const hasSeconds = s.charCodeAt(i + 5) === 58;
    state.seconds = hasSeconds;
    return at(
      s,
      hasSeconds ? i + 8 : i + 5,
      y,
      mo,
      d,
      two(s, i),
      two(s, i + 3),
      hasSeconds ? two(s, i + 6) : 0,
    );
  };

  // `yyyy-MM-dd[T ]HH:mm[:ss]…` or with `/`, at i: the hot path, so it reads its digits in place
  // (a digit is its code minus 48, from 0 to 9; the length is checked first).
  const iso = (s: string, i: number): number => {
    const sep = s.charCodeAt(i + 4);
    if ((sep !== 45 && sep !== 47) || s.charCodeAt(i + 7) !== sep || s.charCodeAt(i + 13) !== 58)
      return Number.NaN;
    const t = s.charCodeAt(i + 10);
    if ((t !== 84 && t !== 32 && t !== 116) || s.length < i + 16) return Number.NaN;
    const y0 = s.charCodeAt(i) - 48;
    const y1 = s.charCodeAt(i + 1) - 48;
    const y2 = s.charCodeAt(i + 2) - 48;
    const y3 = s.charCodeAt(i + 3) - 48;
    const mo0 = s.charCodeAt(i + 5) - 48;
    const mo1 = s.charCodeAt(i + 6) - 48;
    const d0 = s.charCodeAt(i + 8) - 48;
    const d1 = s.charCodeAt(i + 9) - 48;
    const h0 = s.charCodeAt(i + 11) - 48;
    const h1 = s.charCodeAt(i + 12) - 48;
    const mi0 = s.charCodeAt(i + 14) - 48;
    const mi1 = s.charCodeAt(i + 15) - 48;
    if (
      (y0 | y1 | y2 | y3 | mo0 | mo1 | d0 | d1 | h0 | h1 | mi0 | mi1) < 0 ||
      y0 > 9 ||
      y1 > 9 ||
      y2 > 9 ||
      y3 > 9 ||
      mo0 > 9 ||
      mo1 > 9 ||
      d0 > 9 ||
      d1 > 9 ||
      h0 > 9 ||
      h1 > 9 ||
      mi0 > 9 ||
      mi1 > 9
    )
      return Number.NaN;
    const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    if (y < 1970) return Number.NaN;
    spaced = true;
    const hasSeconds = s.charCodeAt(i + 16) === 58;
    state.seconds = hasSeconds;
    const sec = hasSeconds ? two(s, i + 17) : 0;
    return at(
      s,
      hasSeconds ? i + 19 : i + 16,
      y,
      mo0 * 10 + mo1,
      d0 * 10 + d1,
      h0 * 10 + h1,
      mi0 * 10 + mi1,
      sec,
    );
  };

  // Epoch seconds whose ten digits start at i; `end` after them.
  const epoch = (s: string, i: number): number => {
    state.end = i + 10;
    state.seconds = true;
    return Number(s.slice(i, i + 10)) * 1000;
  };

  // HPC: a numeric id, then a few fields, then epoch seconds and a small flag (`134681 node-246
  // unix.hw state_change.unavailable 1077804742 1 Component …`).
  const afterFields = (s: string, i: number): number => {
    let p = i;
    for (let field = 0; field < 5; field++) {
      p = nextToken(s, p, p + 80);
      if (p < 0) return Number.NaN;
      if (epochAt(s, p)) {
        const ms = epoch(s, p);
        let q = p + 11;
        if (s.charCodeAt(q) === 45) q++;
        if (isDigit(s.charCodeAt(q)) && s.charCodeAt(q + 1) === 32) state.end = q + 1;
        return ms;
      }
    }
    return Number.NaN;
  };

  // Up to `max` digits at `cursor.p` as a number (-1 when none), moving `cursor.p` past them.
  const cursor = { p: 0 };
  const upTo = (s: string, max: number) => {
    let v = -1;
    for (let k = 0; k < max && isDigit(s.charCodeAt(cursor.p)); k++, cursor.p++)
      v = (v < 0 ? 0 : v * 10) + s.charCodeAt(cursor.p) - 48;
    return v;
  };

  // `yyyyMMdd-H:m:s:SSS`, each field of the time unpadded (HealthApp); p is after the `-`.
  const compact = (s: string, i: number, p: number): number => {
    cursor.p = p;
    const h = upTo(s, 2);
    const mi = s.charCodeAt(cursor.p++) === 58 ? upTo(s, 2) : -1;
    const sec = s.charCodeAt(cursor.p++) === 58 ? upTo(s, 2) : -1;
    const end = cursor.p;
    spaced = false;
    const ms = at(s, end, four(s, i), two(s, i + 4), two(s, i + 6), h, mi, sec);
    state.seconds = true;
    if (Number.isNaN(ms) || s.charCodeAt(end) !== 58) return ms;
    cursor.p = end + 1;
    const millis = upTo(s, 3);
    if (millis < 0) return ms;
    state.end = cursor.p;
    return ms + millis;
  };

  // Redis's `25 Apr 2024 05:32:35.018` at p, after its pid and role (`1:M `), and the mark of the
  // level after it (`.` debug, `-` verbose, `*` notice, `#` warning): `end` after the mark.
  const redis = (s: string, p: number): number => {
    const d = two(s, p);
    const mo = monthAt(s, p + 3);
    const y = four(s, p + 7);
    if (d < 0 || !mo || y < 0 || s.charCodeAt(p + 2) !== 32 || s.charCodeAt(p + 6) !== 32) return Number.NaN;
    if (s.charCodeAt(p + 11) !== 32) return Number.NaN;
    spaced = false;
    const ms = finish(s, p + 12, y, mo, d);
    const end = state.end;
    if (!Number.isNaN(ms) && s.charCodeAt(end) === 32 && REDIS_MARKS.has(s.charCodeAt(end + 1)))
      state.end = end + 2;
    return ms;
  };

  // A stamp at i that starts with digits, other than ISO 8601.
  const numeric = (s: string, i: number): number => {
    let n = i;
    while (isDigit(s.charCodeAt(n))) n++;
    const len = n - i;
    const after = s.charCodeAt(n);
    spaced = false;
    if (len === 2) {
      if (after === 47 && s.charCodeAt(i + 5) === 47 && s.charCodeAt(i + 8) === 32)
        return finish(s, i + 9, century(two(s, i)), two(s, i + 3), two(s, i + 6)); // yy/MM/dd
      if ((after === 45 || after === 46) && s.charCodeAt(i + 5) === 32)
        return finish(s, i + 6, year, two(s, i), two(s, i + 3)); // MM-dd, MM.dd
    }
    if (len === 6 && after === 32 && s.charCodeAt(n + 7) === 32) {
      // yyMMdd HHmmss
      state.seconds = true;
      const ms = at(
        s,
        n + 7,
        century(two(s, i)),
        two(s, i + 2),
        two(s, i + 4),
        two(s, n + 1),
        two(s, n + 3),
        two(s, n + 5),
      );
      if (!Number.isNaN(ms)) return ms;
    }
    if (len === 8 && after === 45) return compact(s, i, n + 1);
    if (after === 58 && len <= 7 && REDIS_ROLES.has(s.charCodeAt(n + 1)) && s.charCodeAt(n + 2) === 32)
      return redis(s, n + 3);
    if (len === 10 || len === 13) {
      if (after === 45 || after === 47 || after === 58) return Number.NaN;
      state.seconds = true;
      let value = Number(s.slice(i, n));
      if (len === 10 && after === 46 && isDigit(s.charCodeAt(n + 1))) {
        let f = n + 1;
        while (isDigit(s.charCodeAt(f))) f++;
        value = Number(s.slice(i, f));
        n = f;
      }
      state.end = n;
      return len === 10 ? Math.round(value * 1000) : value;
    }
    return after === 32 && len <= 12 ? afterFields(s, i) : Number.NaN;
  };

  const syslog = (s: string, i: number): number => {
    const mo = monthAt(s, i);
    if (!mo || s.charCodeAt(i + 3) !== 32) return Number.NaN;
    let p = i + 4;
    if (s.charCodeAt(p) === 32) p++;
    const d = digit(s, p + 1) >= 0 ? two(s, p) : digit(s, p);
    p += d >= 10 || s.charCodeAt(p) === 48 ? 2 : 1;
    if (d < 1 || s.charCodeAt(p) !== 32) return Number.NaN;
    spaced = false;
    return finish(s, p + 1, year, mo, d);
  };

  // ctime, as Apache error logs write it: `Sun Dec 04 04:47:44[.123456] 2005`, the year last.
  const ctime = (s: string, i: number): number => {
    if (s.charCodeAt(i + 3) !== 32) return Number.NaN;
    let p = i + 4 + 15;
    if (s.charCodeAt(p) === 46) while (isDigit(s.charCodeAt(++p)));
    const y = s.charCodeAt(p) === 32 ? four(s, p + 1) : -1;
    const mo = monthAt(s, i + 4);
    const d = s.charCodeAt(i + 8) === 32 ? digit(s, i + 9) : two(s, i + 8);
    if (y < 0 || !mo || d < 0 || s.charCodeAt(i + 10) !== 32) return Number.NaN;
    spaced = false;
    const ms = finish(s, i + 11, y, mo, d);
    if (!Number.isNaN(ms)) state.end = p + 5;
    return ms;
  };

  const bracketed = (s: string, i: number): number => {
    const d = two(s, i);
    const mo = monthAt(s, i + 3);
    const y = four(s, i + 7);
    if (d < 0 || !mo || y < 0 || s.charCodeAt(i + 2) !== 47 || s.charCodeAt(i + 11) !== 58) return Number.NaN;
    spaced = true;
    return finish(s, i + 12, y, mo, d);
  };

  // One word before the stamp: a file name before an ISO stamp (`nova-api.log.1.2017-05-16_13:53:08
  // 2017-05-16 00:00:00.008 …`), or a label before epoch seconds and a `yyyy.MM.dd` date (`- 1117838570
  // 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 …`); the header's node and its own time
  // of day are passed over.
  const labelled = (s: string, letter: boolean): number => {
    const i = nextToken(s, 0, 64);
    if (i < 0 || !isDigit(s.charCodeAt(i))) return Number.NaN;
    if (letter) {
      const ms = iso(s, i);
      if (!Number.isNaN(ms)) return ms;
    }
    const d = i + 11;
    if (!epochAt(s, i) || s.charCodeAt(d + 4) !== 46 || s.charCodeAt(d + 7) !== 46 || four(s, d) < 1970)
      return Number.NaN;
    const ms = epoch(s, i);
    const node = nextToken(s, d, d + 12);
    const time = node < 0 ? -1 : nextToken(s, node, node + 64);
    if (time < 0) {
      state.end = d + 10;
      return ms;
    }
    // BGL repeats the time as `2005-06-03-15.42.50.675872`; Thunderbird as syslog `Nov 9 12:01:01`.
    if (four(s, time) >= 1970 && s.charCodeAt(time + 10) === 45 && s.charCodeAt(time + 13) === 46) {
      let p = time + 19;
      if (s.charCodeAt(p) === 46) while (isDigit(s.charCodeAt(++p)));
      // and the node again after it.
      const name = s.slice(node, s.indexOf(' ', node));
      if (s.charCodeAt(p) === 32 && s.startsWith(name, p + 1) && s.charCodeAt(p + 1 + name.length) === 32)
        p += 1 + name.length;
      state.end = p;
    } else if (!Number.isNaN(syslog(s, time))) {
      // state.end is already after it
    } else state.end = node;
    state.seconds = true;
    return ms;
  };

  // glog and klog (Kubernetes and Go services): `I0305 10:01:01.123456    1 file.go:12] …`, the
  // level letter (I, W, E, F), month and day, then the time; C++ glog since 0.7 writes the year
  // too (`E20240305 10:01:01.123456 …`). `end` after the time's fraction.
  const glog = (s: string, i: number): number => {
    const c = s.charCodeAt(i);
    if (c !== 73 && c !== 87 && c !== 69 && c !== 70) return Number.NaN;
    let n = i + 1;
    while (n < i + 10 && isDigit(s.charCodeAt(n))) n++;
    const len = n - i - 1;
    if (s.charCodeAt(n) !== 32 || (len !== 4 && len !== 8)) return Number.NaN;
    spaced = false;
    const y = len === 8 ? four(s, i + 1) : year;
    const p = len === 8 ? i + 5 : i + 1;
    return finish(s, n + 1, y, two(s, p), two(s, p + 2));
  };

  // Syslog's `<PRI>` before an RFC 5424 `1 2026-02-10T10:02:00.000Z` stamp (VERSION, then RFC
  // 3339), an RFC 3164 `Oct 11 22:14:15` one, or ISO 8601 alone; `end` after the stamp. NaN when
  // the PRI is there but no stamp follows (RFC 5424's nil `-`); null when there is no PRI.
  const priority = (s: string): number | null => {
    let p = 1;
    while (p < 4 && isDigit(s.charCodeAt(p))) p++;
    if (p === 1 || s.charCodeAt(p) !== 62) return null;
    const c = s.charCodeAt(++p);
    if (!isDigit(c)) return syslog(s, p);
    // VERSION: one to three digits and a space, or none.
    let v = p + 1;
    while (v < p + 3 && isDigit(s.charCodeAt(v))) v++;
    return iso(s, s.charCodeAt(v) === 32 ? v + 1 : p);
  };

  // Every shape; `read` tries ISO at the start of the line itself first.
  const general = (line: string): number => {
    state.seconds = false;
    const start = line.charCodeAt(0) === 91 ? 1 : 0;
    const c = line.charCodeAt(start);
    if (isDigit(c)) {
      let ms = start === 0 ? Number.NaN : iso(line, start);
      if (Number.isNaN(ms)) ms = numeric(line, start);
      if (!Number.isNaN(ms)) return ms;
      if (start === 1) return bracketed(line, 1);
    } else if ((c | 32) >= 97 && (c | 32) <= 122) {
      let ms = syslog(line, start);
      if (Number.isNaN(ms)) ms = ctime(line, start);
      if (Number.isNaN(ms) && start === 0) ms = glog(line, 0);
      if (Number.isNaN(ms) && start === 0) ms = labelled(line, true);
      if (!Number.isNaN(ms)) return ms;
    } else if (c === 45 && line.charCodeAt(1) === 32) {
      const ms = labelled(line, false);
      if (!Number.isNaN(ms)) return ms;
    } else if (c === 60) {
      const ms = priority(line);
      if (ms !== null) return ms;
    }
    const open = line.indexOf('[', 1);
    return open > 0 && open < bracketWithin ? bracketed(line, open + 1) : Number.NaN;
  };

  // Kept small so that it inlines into the record readers: most lines start with ISO 8601.
  const read = (line: string): number => {
    if (isDigit(line.charCodeAt(0))) {
      const ms = iso(line, 0);
      if (!Number.isNaN(ms)) return ms;
    }
    return general(line);
  };

  /**
   * The common shape read from the UTF-8 bytes [start, end) of a line, without decoding it: ISO
   * 8601 at the start, in the zone's time (no `Z`, no offset), as `read` reads it; `end` is then
   * the stamp's end in bytes from `start`. NaN for anything else, which the caller reads through
   * `read` on the decoded line.
   */
  const readIso = (src: Uint8Array, start: number, end: number): number => {
    const i = start;
    if (end < i + 16) return Number.NaN;
    const sep = src[i + 4];
    if ((sep !== 45 && sep !== 47) || src[i + 7] !== sep || src[i + 13] !== 58) return Number.NaN;
    const t = src[i + 10];
    if (t !== 84 && t !== 32 && t !== 116) return Number.NaN;
    const y0 = twoBytes(src, i, end);
    const y1 = twoBytes(src, i + 2, end);
    const mo = twoBytes(src, i + 5, end);
    const d = twoBytes(src, i + 8, end);
    const h = twoBytes(src, i + 11, end);
    const mi = twoBytes(src, i + 14, end);
    if (y0 < 0 || y1 < 0 || mo < 0 || d < 0 || h < 0 || mi < 0) return Number.NaN;
    const y = y0 * 100 + y1;
    if (y < 1970) return Number.NaN;
    const hasSeconds = byteAt(src, i + 16, end) === 58;
    const sec = hasSeconds ? twoBytes(src, i + 17, end) : 0;
    if (!toSecond(y, mo, d, h, mi, sec)) return Number.NaN;
    // The fraction, as `tail` reads it: its first three digits are the milliseconds.
    let p = hasSeconds ? i + 19 : i + 16;
    let ms = 0;
    let c = byteAt(src, p, end);
    if ((c === 46 || c === 44) && digitByte(src, p + 1, end) >= 0) {
      ms = digitByte(src, p + 1, end) * 100;
      p += 2;
      if (digitByte(src, p, end) >= 0) {
        ms += digitByte(src, p, end) * 10;
        if (digitByte(src, ++p, end) >= 0) {
          ms += digitByte(src, p, end);
          p++;
        }
      }
      while (digitByte(src, p, end) >= 0) p++;
      c = byteAt(src, p, end);
    }
    // A zone or offset after it is left to `read`.
    if (c === 90 || c === 43 || c === 45) return Number.NaN;
    if (c === 32 && (byteAt(src, p + 1, end) === 43 || byteAt(src, p + 1, end) === 45)) return Number.NaN;
    state.seconds = hasSeconds;
    state.end = p - start;
    return second.local + ms;
  };

  return {
    get end() {
      return state.end;
    },
    /** Whether the last stamp read had seconds (a log's do; a minute-only time is more likely prose). */
    get seconds() {
      return state.seconds;
    },
    read,
    readIso,
  };
}

export type TimestampReader = ReturnType<typeof timestampReader>;
