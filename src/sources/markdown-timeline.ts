// Reads human timelines as people write them; at the head because one parser handles several
// shapes (tables, bullets, bold-time headings with sub-bullets, plain lines) that share state.
import type { Input } from '../bundle/index.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import {
  isValidZone,
  LEADING_TIME,
  parseTime,
  type TimeContext,
  zoneForAbbreviation,
} from '../time/index.js';
import { documentStatements } from './document-statements/index.js';
import { readKind } from './fields.js';
import { LIMITS } from './limits.js';
import { type ColumnRole, columnRoles, isTableRow, isTableSeparator, tableCells } from './markdown-table.js';
import { linesOf } from './read-text.js';

const HEADING = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
const BOLD_HEADING = /^\s*(?:\*\*|__)([^*_]+?)(?:\*\*|__)\s*:?\s*$/;
const BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;
const TIMELINE_TITLE = /timeline|chronology|sequence of events/i;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
/** Text that starts like a timestamp but cannot be read as one (`HH:mm`, `2021/22-??-??`). */
const BROKEN_TIME =
  /^(\d{4}[-/][\d?]{1,2}[-/][\d?]{1,2}|\d{4}\/\d{2}-\?\?|[\d?]{1,2}[-/][\d?]{1,2}[-/]\d{2,4})(\s+(HH:mm|[\d?]{1,2}:[\d?]{2}))?\b|^HH:mm\b|^\d{4}[-/][\d?]+[-/][\d?]+/;
const US_DATE = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b/;

/** A line that starts with a time, once Markdown emphasis and brackets are set aside. */
function leadingTime(text: string): { time: string; rest: string } | null {
  const unwrapped = text
    .replace(/^\s*(\*\*|__)(.+?)\1\s*/, (_, _m, inner) => `${inner} `)
    .replace(/^\[([^\]]+)\]\s*/, '$1 ');
  const m = unwrapped.match(LEADING_TIME);
  // A time glued to a comma or letter is a CSV cell or a log field, not a timeline entry.
  if (!m || !/^($|[\s:*|\-–—\])])/.test(unwrapped.slice(m[0].length))) return null;
  const rest = unwrapped
    .slice(m[0].length)
    .replace(/^\s*(?:[:\-–—|]\s*)+/, '')
    .replace(/^(\*\*|__)\s*/, '')
    .trim();
  // A number like "12:04" inside prose is no entry: demand a separator or text after it.
  if (!rest) return null;
  return { time: m[0].trim(), rest: stripEmphasis(rest) };
}

const stripEmphasis = (s: string) =>
  s
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .trim();

interface Section {
  restricted: boolean;
  inTimeline: boolean;
  level: number;
}

function looksLikeLog(sample: string): boolean {
  const lines = sample
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 50);
  // A stamp with seconds glued to a level ("10:22:40,672:DEBUG:", "14:04:05 ERROR") is a log line.
  const logLike = lines.filter((l) =>
    /\d{2}:\d{2}:\d{2}[\d.,]*[\s:\]|,-]+.{0,40}?\b(INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|NOTICE|CRIT|SEVERE)\b/.test(
      l,
    ),
  );
  return lines.length > 0 && logLike.length / lines.length > 0.5;
}

function detect(input: Input): boolean {
  if (input.isDirectory) return false;
  const sample = input.sample;
  const head = sample.trimStart()[0];
  if (head === '{' || head === '[' || looksLikeLog(sample)) return false;
  let hits = 0;
  const lines = sample.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isTableRow(line) && isTableSeparator(lines[i + 1] ?? '')) {
      if (columnRoles(tableCells(line)).includes('time')) return true;
    }
    const bullet = line.match(BULLET);
    const body = bullet ? bullet[2] : line;
    if (leadingTime(body) || /^\s*\d{1,2}[/-]\d{1,2}[/-]\d{4}\s*[-–—:|]/.test(body)) hits++;
    if (hits >= 2) return true;
  }
  // A document with a Timeline section is read even when no entry in it can be dated: it may state figures.
  return (
    (hits >= 1 && /timeline/i.test(sample)) ||
    lines.some((l) => TIMELINE_TITLE.test(l.match(HEADING)?.[2] ?? ''))
  );
}

interface TableState {
  roles: ColumnRole[];
  header: string[];
  group: string;
}

function parseWithDate(time: string, date: string | null, ctx: TimeContext) {
  return parseTime(time, { ...ctx, date: date ?? ctx.date });
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const lines: { text: string; number: number }[] = [];
  for await (const l of linesOf(input, ctx, {
    maxBytes: LIMITS.documentBytes,
    maxLines: LIMITS.documentLines,
  }))
    lines.push({ text: l.text, number: l.number });
  const restricted = lines.some((l) => {
    const h = l.text.match(HEADING) ?? l.text.match(BOLD_HEADING);
    return h && TIMELINE_TITLE.test(h[h.length - 1]);
  });
  const section: Section = { restricted, inTimeline: !restricted, level: 0 };
  const time: TimeContext = { ...ctx.time, date: ctx.time.date ?? documentDate(input.name, lines) };
  let date: string | null = null;
  let table: TableState | null = null;
  let groupCount = 0;
  let lastTimeOfDay: number | null = null;
  let open: RawEvent | null = null; // the entry that sub-bullets attach to
  let openIndent = -1;
  let openIsHeading = false;
  let listGroup = `${input.name}#list0`;

  const emit = function* (): Generator<RawEvent> {
    if (open) yield open;
    open = null;
  };
  const place = (ms: number, hasDate: boolean) => {
    // Times of day that run backwards by more than 12 hours crossed midnight.
    if (!hasDate) {
      if (lastTimeOfDay != null && ms < lastTimeOfDay - 12 * 3600_000) ms += 24 * 3600_000;
      lastTimeOfDay = ms;
    }
    return ms;
  };

  for (let i = 0; i < lines.length; i++) {
    const { text, number } = lines[i];
    const stated = statedZone(text);
    if (stated) time.zone = stated;
    const heading = text.match(HEADING);
    const bold = !heading && !isTableRow(text) ? text.match(BOLD_HEADING) : null;
    if (heading || (bold && !leadingTime(text))) {
      const title = heading ? heading[2] : bold![1];
      const level = heading ? heading[1].length : 7;
      if (TIMELINE_TITLE.test(title)) {
        section.inTimeline = true;
        section.level = level;
      } else if (section.restricted && section.inTimeline && level <= section.level) {
        section.inTimeline = false;
      }
      const d = title.match(ISO_DATE) ?? usDate(title.replace(/^.*?(?=\d{1,2}[/-]\d{1,2}[/-]\d{4})/, ''));
      if (d) date = typeof d === 'object' && 'iso' in d ? d.iso : (d as RegExpMatchArray)[0];
      yield* emit();
      table = null;
      lastTimeOfDay = null;
      listGroup = `${input.name}#list${++groupCount}`;
      continue;
    }
    if (!section.inTimeline) continue;

    if (isTableRow(text)) {
      if (!table) {
        if (isTableSeparator(lines[i + 1]?.text ?? '')) {
          const header = tableCells(text);
          const roles = columnRoles(header);
          yield* emit();
          table = roles.includes('time')
            ? { roles, header, group: `${input.name}#table${++groupCount}` }
            : null;
          if (!table) table = { roles: [], header, group: '' }; // not a timeline table: skip its rows
          i++;
        }
        continue;
      }
      if (!table.roles.length) continue;
      const event = tableRow(tableCells(text), table, number, date, ctx, time, input.name, place);
      if (event) yield event;
      continue;
    }
    table = null;

    const bullet = text.match(BULLET);
    const indent = bullet ? bullet[1].replace(/\t/g, '    ').length : 0;
    const body = bullet ? bullet[2] : text;
    const timed = leadingTime(body);
    if (!timed) {
      if (!text.trim()) continue;
      const broken = body.replace(/^(\*\*|__)/, '').match(BROKEN_TIME);
      if (broken && /[-|:–—]/.test(body.slice(broken[0].length, broken[0].length + 4))) {
        const dated = usDate(body);
        if (dated) {
          const parsed = parseTime(dated.iso, time);
          if (parsed.ok) {
            yield* emit();
            open = entry(place(parsed.ms, true), dated.rest, number, input.name, listGroup);
            openIndent = indent;
            openIsHeading = !bullet;
            continue;
          }
        }
        ctx.skip(number, `cannot read time '${broken[0]}'`);
        continue;
      }
      if (open && bullet && (openIsHeading || indent > openIndent)) open.details!.push(stripEmphasis(body));
      continue;
    }
    const parsed = parseWithDate(timed.time, date, time);
    if (!parsed.ok) {
      ctx.skip(number, parsed.reason);
      continue;
    }
    yield* emit();
    open = entry(place(parsed.ms, parsed.hasDate), timed.rest, number, input.name, listGroup);
    openIndent = indent;
    openIsHeading = !bullet;
  }
  yield* emit();
  // Its figures and causal sentences, read over the whole document, for the analysis to check.
  for (const statement of documentStatements(lines, input.name)) ctx.addStatement(statement);
}

/** "All times in UTC", "(all times PST)", "Times are Europe/Berlin": the zone a document states for itself. */
function statedZone(text: string): string | null {
  const m = text.match(
    /\b(?:all )?times (?:are |shown )?(?:in |are in )?\(?([A-Z]{2,5}|[A-Za-z]+\/[A-Za-z_]+)\b/i,
  );
  if (!m) return null;
  const zone = m[1];
  return /^[A-Z]{2,5}$/.test(zone) ? (zoneForAbbreviation(zone) ?? null) : isValidZone(zone) ? zone : null;
}

/** The day a document is about, for times of day: from its file name, else the first ISO date in it. */
function documentDate(name: string, lines: { text: string }[]): string | null {
  const fromName = name.match(ISO_DATE);
  if (fromName) return fromName[0];
  for (const { text } of lines) {
    const d = text.match(ISO_DATE);
    if (d) return d[0];
  }
  return null;
}

function usDate(text: string): { iso: string; rest: string } | null {
  const m = text.match(US_DATE);
  if (!m) return null;
  const rest = text
    .slice(m[0].length)
    .replace(/^\s*[-–—:|]\s*/, '')
    .trim();
  return { iso: `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`, rest: stripEmphasis(rest) };
}

function entry(ts: number, summary: string, line: number, file: string, group: string): RawEvent {
  return { ts, summary, details: [], attrs: {}, group, source: { file, line } };
}

function tableRow(
  cells: string[],
  table: TableState,
  line: number,
  date: string | null,
  ctx: ReadContext,
  time: TimeContext,
  file: string,
  place: (ms: number, hasDate: boolean) => number,
): RawEvent | null {
  const get = (role: ColumnRole) =>
    table.roles.map((r, i) => (r === role ? stripEmphasis(cells[i] ?? '') : '')).filter(Boolean);
  const [timeCell] = get('time');
  if (!timeCell) {
    if (cells.some((c) => c.trim())) ctx.skip(line, 'table row has no time');
    return null;
  }
  const [dateCell] = get('date');
  const dated = dateCell && !ISO_DATE.test(timeCell) ? `${dateCell} ${timeCell}` : timeCell;
  let parsed = parseWithDate(dated, date, time);
  if (!parsed.ok && dated !== timeCell)
    parsed = parseWithDate(`${dateCell}`.match(ISO_DATE) ? dated : timeCell, date, time);
  if (!parsed.ok) {
    const us = usDate(timeCell);
    const alt = us ? parseTime(us.rest ? `${us.iso} ${us.rest}` : us.iso, time) : null;
    if (!alt?.ok) {
      ctx.skip(line, parsed.reason);
      return null;
    }
    parsed = alt;
  }
  const summaryParts = [...get('summary'), ...get('action')];
  const attrs: Record<string, unknown> = {};
  table.roles.forEach((role, i) => {
    const value = stripEmphasis(cells[i] ?? '');
    if (role === 'other' && value)
      attrs[
        table.header[i]
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '_')
          .replace(/^_|_$/g, '')
      ] = value;
  });
  const [status] = get('status');
  if (status) attrs.status = status;
  const summary = summaryParts.length ? summaryParts.join(' — ') : Object.values(attrs).join(' — ');
  if (!summary) {
    ctx.skip(line, 'table row has a time but no event text');
    return null;
  }
  const [kind] = get('kind');
  const [service] = get('service');
  const [ref] = get('ref');
  return {
    ts: place(parsed.ms, parsed.hasDate),
    kind: readKind(kind),
    service: service || null,
    ref: ref || undefined,
    summary,
    details: [],
    attrs,
    group: table.group,
    source: { file, line },
  };
}

/** Human timelines: Markdown tables with a time column, timed bullets and headings, plain timed lines. */
export const markdownTimeline: Source = {
  name: 'markdown-timeline',
  title:
    'Human timelines: Markdown tables with a time column, "- **12:04:** …" bullets, "**14:00 UTC** - …" headings, "HH:MM text" lines',
  example: 'Copy the Timeline section of your incident doc or wiki page into timeline.md',
  detect,
  read,
};
