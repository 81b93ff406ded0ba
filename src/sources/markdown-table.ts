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

/** Names each column of a table by its header; unknown headers are 'other' and kept as attributes. */
export function columnRoles(header: string[]): ColumnRole[] {
  const roles = header.map(
    (h) => ROLE_PATTERNS.find(([, re]) => re.test(h.replace(/[*_`]/g, '').trim()))?.[0] ?? 'other',
  );
  // 'Day' next to a real date column is only the weekday.
  const dates = roles.filter((r) => r === 'date').length;
  if (dates > 1) {
    const first = roles.indexOf('date');
    roles[first] = 'other';
  }
  return roles;
}
