import { DateTime } from 'luxon';
import type { LogTemplate, RawEvent } from '../model/index.js';
import { normaliseZone } from '../time/index.js';

export interface LogOverviewOptions {
  /** Zone the summaries write times in. */
  zone?: string;
  /** How many templates get an entry; the rest are counted in the note. */
  limit?: number;
}

export interface LogOverview {
  /** One entry per listed template, at its first occurrence. */
  events: RawEvent[];
  /** The listed templates most frequent first, and how many were left out; null when there are none. */
  note: string | null;
}

const OVERVIEW_LEVELS = new Set(['fatal', 'error']);

function quote(template: string): string {
  return `"${template.length > 160 ? `${template.slice(0, 157)}…` : template}"`;
}

/**
 * For a log with nothing else to anchor an incident window: every error and fatal template, the
 * most frequent first, each an entry at its first occurrence with its count, first and last seen.
 * Pure: data in, events out.
 * @example logOverview(templates, { zone: 'UTC', limit: 10 })
 */
export function logOverview(
  templates: LogTemplate[],
  { zone = 'UTC', limit = 10 }: LogOverviewOptions = {},
): LogOverview {
  const at = (ms: number) => DateTime.fromMillis(ms, { zone: normaliseZone(zone) });
  const clock = (ms: number) => at(ms).toFormat('HH:mm:ss');
  // A span that passes midnight names the last day, so 11:06 is not read as before 17:43.
  const until = (from: number, to: number) =>
    at(to).toISODate() === at(from).toISODate() ? clock(to) : at(to).toFormat('yyyy-MM-dd HH:mm:ss');
  const count = (n: number) => n.toLocaleString('en-US');
  const ranked = templates
    .filter((t) => OVERVIEW_LEVELS.has(t.level))
    .sort((a, b) => b.count - a.count || a.firstSeen - b.firstSeen || a.template.localeCompare(b.template));
  const listed = ranked.slice(0, Math.max(0, limit));
  const events = listed.map((t, i): RawEvent => {
    const where = t.service ? ` in ${t.service}` : '';
    const times =
      t.count === 1
        ? `once at ${clock(t.firstSeen)}`
        : `${count(t.count)} times, first seen ${clock(t.firstSeen)}, last seen ${until(t.firstSeen, t.lastSeen)}`;
    return {
      ts: t.firstSeen,
      kind: 'log',
      service: t.service,
      source: t.source,
      summary: `${t.level[0].toUpperCase()}${t.level.slice(1)} log template${where} (#${i + 1} by count): ${quote(t.template)} — ${times}`,
      attrs: {
        level: t.level,
        template: t.template,
        example: t.example,
        phase: 'overview',
        rank: i + 1,
        count: t.count,
        firstSeen: new Date(t.firstSeen).toISOString(),
        lastSeen: new Date(t.lastSeen).toISOString(),
      },
    };
  });
  if (!listed.length) return { events, note: null };
  const list = listed
    .map((t, i) => `#${i + 1} ${quote(t.template)} (${t.level}, ${count(t.count)})`)
    .join('; ');
  const more = ranked.length - listed.length;
  const rest = more ? ` ${more} more error or fatal template${more === 1 ? '' : 's'} not listed.` : '';
  return {
    events,
    note: `The evidence holds only logs, so nothing marks an incident window: each error and fatal template is listed at its first occurrence, most frequent first: ${list}.${rest}`,
  };
}
