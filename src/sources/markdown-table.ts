import { readStamp } from '../time/index.js';

/** Splits a Markdown table row into trimmed cells (`| a | b |` → ['a', 'b']); escaped pipes stay. */
export function tableCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

export const isTableRow = (line: string) => /^\s*\|.*\|\s*$/.test(line) || /^\s*\|.*\|.*$/.test(line);
export const isTableSeparator = (line: string) =>
  /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);

export type ColumnRole =
  | 'time'
  | 'date'
  | 'kind'
  | 'service'
  | 'ref'
  | 'summary'
  | 'action'
  | 'status'
  | 'other';

const ROLE_PATTERNS: [ColumnRole, RegExp][] = [
  ['time', /^(ts|time|timestamp|when|date ?\/ ?time|datetime|time ?\(.*\)|.*\btime\b.*)$/i],
  ['date', /^(date|day|date ?\(.*\))$/i],
  ['kind', /^(kind|type|category)$/i],
  ['service', /^(service|system|component|app)$/i],
  ['ref', /^(ref|id|reference|event id)$/i],
  ['summary', /^(summary|event|events|description|what happened|details|update|message|activity|what)$/i],
  ['action', /^(action|actions|action taken|actions taken|response|notes?)$/i],
  ['status', /^(status|state|result|outcome)$/i],
];

const cleanHeader = (h: string) => h.replace(/[*_`]/g, '').trim();

/** Names each column of a table by its header; unknown headers are 'other' and kept as attributes. */
export function columnRoles(header: string[]): ColumnRole[] {
  const roles = header.map((h) => ROLE_PATTERNS.find(([, re]) => re.test(cleanHeader(h)))?.[0] ?? 'other');
  // 'Day' next to a real date column is only the weekday.
  const dates = roles.filter((r) => r === 'date').length;
  if (dates > 1) {
    const first = roles.indexOf('date');
    roles[first] = 'other';
  }
  return roles;
}

const unwrap = (cell: string) => cell.replace(/(\*\*|__|`)/g, '').trim();

/** What a cell holds: a time of day (maybe with its day), a day alone, or neither. */
function cellContent(cell: string): 'time' | 'date' | null {
  const stamp = readStamp(unwrap(cell));
  if (!stamp || 'broken' in stamp) return null;
  // A cell that is a timestamp holds little else ("10:00 UTC", "Jan 14, 10:18 AM").
  if (stamp.rest.length > 3) return null;
  return stamp.clock ? 'time' : 'date';
}

/**
 * Column roles from the header, corrected by what the rows hold: the column whose cells are
 * times is the time column whatever its header says, and a column of days is the date column.
 */
export function columnRolesByContent(header: string[], rows: string[][]): ColumnRole[] {
  const roles = columnRoles(header);
  if (!rows.length) return roles;
  const share = (i: number, what: 'time' | 'date') =>
    rows.filter((r) => cellContent(r[i] ?? '') === what).length / rows.length;
  const timeShares = header.map((_, i) => share(i, 'time'));
  const best = timeShares.indexOf(Math.max(...timeShares));
  if (timeShares[best] < 0.5) return roles;
  roles.forEach((role, i) => {
    if (role === 'time' && i !== best) roles[i] = share(i, 'date') >= 0.5 ? 'date' : 'other';
  });
  roles[best] = 'time';
  header.forEach((_, i) => {
    if (i !== best && roles[i] !== 'date' && share(i, 'date') >= 0.5 && !roles.includes('date'))
      roles[i] = 'date';
  });
  return roles;
}

/**
 * A timeline table dated by days alone (`| 2021-05-08 | Pull request … merged |`): with no column of
 * times, the column whose cells are days is read as each row's time, at the start of its day.
 * The roles are unchanged when a column holds times, or when no column holds days in most rows.
 */
export function dayColumnAsTime(roles: ColumnRole[], rows: string[][]): ColumnRole[] {
  if (roles.includes('time') || !rows.length) return roles;
  const share = (i: number) => rows.filter((r) => cellContent(r[i] ?? '') === 'date').length / rows.length;
  const named = roles.indexOf('date');
  const column = named >= 0 && share(named) >= 0.5 ? named : roles.findIndex((_, i) => share(i) >= 0.5);
  return column < 0 ? roles : roles.map((r, i) => (i === column ? 'time' : r));
}
