// The SQL Hindsight sends to ClickHouse, built from validated names and quoted values only. It
// runs on ClickHouse 18.16 (no query parameters there, no DateTime64) and on current releases.

/** A word (`\b`-bounded run of ASCII letters and digits) the masker masks wherever it stands outside a key. */
const MASKED_WORD = '[a-zA-Z]*[0-9][a-zA-Z]*[0-9][0-9a-zA-Z]*|[0-9][a-zA-Z]?|[a-zA-Z][0-9]';

/**
 * The server's mask, one RE2 pass without capture groups (three times faster on 18.16 than one
 * with them): words holding digits become `0`. A word is replaced only if `LineMasker`
 * (src/logs/token-mask.ts) masks every such word wherever it stands outside a key: two or more
 * digits (`42`, `306ms`, `e29b`), or one digit with at most one letter beside it (`5`, `5s`, `v5`);
 * `3ms` (one digit, two letters) is a name to the masker and stays. Such words joined by single
 * `.`, `:` or `-` are one match (`10.0.3.17:5432`, a UUID, `12:04:05`): RE2's cost is per match,
 * and outside keys the masker masks such a run whole (a piece of a token with two digits is one value).
 */
export const SERVER_MASK = `\\b(?:${MASKED_WORD})(?:[.:-](?:${MASKED_WORD}))*\\b`;
export const SERVER_MASK_REPLACEMENT = '0';

/**
 * The keys the masker keeps as written: the part of a token before an `=` that holds a digit
 * (`k-1=` in `k-1=5`). The server groups by these too, so lines whose keys differ in their
 * digits stay apart; with them, the grouping is never coarser than the masker's. Whitespace is
 * RE2's `\s` written out, bytes the masker also splits on.
 */
export const SERVER_KEYS = '[^ \\t\\n\\f\\r=]*[0-9][^ \\t\\n\\f\\r=]*=';

/**
 * A masked line whose keys hold a masked word: a `0` standing alone (the mask's replacement, or a
 * `0` the mask replaced by itself) in the part of a token before an `=`. Where a masked line has
 * none, its keys are written in it as they are, so every line that masks to it has the same keys
 * and grouping by the masked line alone is exactly grouping by masked line and keys.
 */
export const SERVER_MASKED_KEY = '\\b0\\b[^ \\t\\n\\f\\r=]*=';

const STRING_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\0': '\\0',
};

/**
 * A ClickHouse string literal holding exactly `value`: backslash and quote escaped, and the control
 * characters that could end a line written as escapes.
 * @example quoteString("it's") // 'it\'s'
 */
export function quoteString(value: string): string {
  return `'${value.replace(/[\\'\n\r\t\0]/g, (c) => STRING_ESCAPES[c])}'`;
}

/**
 * A ClickHouse identifier in backquotes; callers pass only names the server listed (DESCRIBE).
 * @example quoteIdentifier('level') // `level`
 */
export function quoteIdentifier(name: string): string {
  return `\`${name.replace(/[\\`\n\r\t\0]/g, (c) => (c === '`' ? '\\`' : (STRING_ESCAPES[c] ?? c)))}\``;
}

/** How a column of the table's type gives epoch milliseconds and is compared with a window's ends. */
export interface TimeColumn {
  /** SQL giving epoch ms as an integer. */
  ms: string;
  /** SQL comparing the column itself (so the table's index serves) with epoch ms `at`. */
  atLeast(at: number): string;
  before(at: number): string;
}

/** The type inside `Nullable(…)` and `LowCardinality(…)`. */
export const baseType = (type: string): string => {
  const inner = /^(?:Nullable|LowCardinality)\((.*)\)$/.exec(type);
  return inner ? baseType(inner[1]) : type;
};

const integer = (n: number) => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return String(n);
};

/**
 * The time column's SQL for its type: integers are epoch milliseconds (or seconds with
 * `unit: 's'`), DateTime is seconds, DateTime64 (current releases only) has its own functions.
 * Null when the type holds no instant.
 */
export function timeColumn(column: string, type: string, unit: 'ms' | 's' = 'ms'): TimeColumn | null {
  const id = quoteIdentifier(column);
  const base = baseType(type);
  if (/^U?Int(32|64|128|256)$/.test(base)) {
    const scale = unit === 's' ? 1000 : 1;
    const toUnit = (at: number) => integer(unit === 's' ? Math.floor(at / 1000) : at);
    return {
      ms: scale === 1 ? `toInt64(${id})` : `toInt64(${id}) * 1000`,
      atLeast: (at) => `${id} >= ${toUnit(at)}`,
      before: (at) => `${id} < ${unit === 's' ? integer(Math.ceil(at / 1000)) : integer(at)}`,
    };
  }
  if (/^DateTime(\(.*\))?$/.test(base))
    return {
      ms: `toInt64(toUnixTimestamp(${id})) * 1000`,
      atLeast: (at) => `${id} >= toDateTime(${integer(Math.floor(at / 1000))})`,
      before: (at) => `${id} < toDateTime(${integer(Math.ceil(at / 1000))})`,
    };
  if (/^DateTime64\(/.test(base))
    return {
      ms: `toUnixTimestamp64Milli(${id})`,
      atLeast: (at) => `toUnixTimestamp64Milli(${id}) >= ${integer(at)}`,
      before: (at) => `toUnixTimestamp64Milli(${id}) < ${integer(at)}`,
    };
  return null;
}

const isStringType = (type: string) => /^(String|FixedString\(\d+\))$/.test(baseType(type));

/** A column as text: as it is for strings, else through toString; never NULL. */
export function textOf(column: string, type: string): string {
  const id = quoteIdentifier(column);
  const text = isStringType(type) ? id : `toString(${id})`;
  return type.startsWith('Nullable(') ? `ifNull(${text}, '')` : text;
}

export interface GroupQuery {
  /** `db`.`table`, quoted. */
  table: string;
  time: TimeColumn;
  /** SQL of the message, service and level as text (service and level may be constants). */
  message: string;
  service: string;
  level: string;
  window: { from: number; to: number };
  /** Only these services, when given. */
  services?: string[];
  /** The manifest's filter, already checked by `checkWhere`. */
  where?: string;
}

const filtersOf = (q: GroupQuery) => {
  const filters = [q.time.atLeast(q.window.from), q.time.before(q.window.to)];
  if (q.services?.length) filters.push(`${q.service} IN (${q.services.map(quoteString).join(', ')})`);
  if (q.where) filters.push(`(${q.where})`);
  return filters.join(' AND ');
};

const maskOf = (message: string) =>
  `replaceRegexpAll(${message}, ${quoteString(SERVER_MASK)}, ${quoteString(SERVER_MASK_REPLACEMENT)})`;

/**
 * The pushed-down query: the server masks each message and counts by service, level, masked line
 * and minute, and returns one row per masked line with its minutes, counts, first and last times
 * and one example. Rows are grouped by a 64-bit hash of service, level, masked line and (with
 * `keys`) the keys, not by the strings: the hash table then holds integers, and the masked text is
 * never sent back (a merge needs two distinct lines with equal hashes: odds below 1 in 30 million
 * with a million lines). Without `keys` the server skips `extractAll` (a fifth of its work) and
 * each row says in `keyed` (0 or 1) whether its masked line holds a masked key
 * (`SERVER_MASKED_KEY`): where no row does, the answer is the same as with `keys`.
 * Aliases start with `hs_` so they never hide a column the filter names.
 */
export function groupQuery(q: GroupQuery, { keys = true }: { keys?: boolean } = {}): string {
  const masked = maskOf(q.message);
  const key = keys
    ? `cityHash64(${q.service}, ${q.level}, ${masked}, extractAll(${q.message}, ${quoteString(SERVER_KEYS)}))`
    : `cityHash64(${q.service}, ${q.level}, ${masked})`;
  return [
    'SELECT any(hs_service) AS service, any(hs_level) AS level, min(hs_first) AS first, max(hs_last) AS last,',
    '  any(hs_example) AS example, groupArray(hs_minute) AS minutes, groupArray(hs_n) AS counts',
    ...(keys ? [] : [`  , match(any(hs_masked), ${quoteString(SERVER_MASKED_KEY)}) AS keyed`]),
    'FROM (',
    `  SELECT ${key} AS hs_key,`,
    `    intDiv(${q.time.ms}, 60000) AS hs_minute, count() AS hs_n,`,
    `    any(${q.service}) AS hs_service, any(${q.level}) AS hs_level,`,
    `    min(${q.time.ms}) AS hs_first, max(${q.time.ms}) AS hs_last, any(${q.message}) AS hs_example`,
    ...(keys ? [] : [`    , any(${masked}) AS hs_masked`]),
    `  FROM ${q.table}`,
    `  WHERE ${filtersOf(q)}`,
    '  GROUP BY hs_key, hs_minute',
    ')',
    'GROUP BY hs_key',
  ].join('\n');
}

/**
 * How many of the first `rows` lines of the window have a masked key (`SERVER_MASKED_KEY`): a
 * quick look that tells whether grouping without keys would have to be done again with them.
 */
export function maskedKeyProbe(q: GroupQuery, rows: number): string {
  return [
    `SELECT count() AS keyed FROM (SELECT ${q.message} AS hs_message FROM ${q.table} WHERE ${filtersOf(q)} LIMIT ${integer(rows)})`,
    `WHERE match(${maskOf('hs_message')}, ${quoteString(SERVER_MASKED_KEY)})`,
  ].join('\n');
}
