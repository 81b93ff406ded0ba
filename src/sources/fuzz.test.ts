// Property-based tests over every registered source: real samples, damaged at random and in their
// structure, never make a reader throw, every skipped line is counted, and a secret planted in
// them never reaches a generated document, and the command exits 0, 1 or 2.
// Seeds are fixed, so a failure reproduces; set
// FUZZ_RUNS=500 (and FUZZ_SEED=n for other seeds) to search longer.

import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fileInput, folderInput } from '../bundle/index.js';
import { InputError } from '../errors.js';
import { generate } from '../generate.js';
import { RawEvent } from '../model/index.js';
import { isPrintableTime } from '../time/index.js';
import { type SourceName, sources } from './registry.js';
import { readWith, SAMPLES } from './test-kit.js';

const RUNS = Number(process.env.FUZZ_RUNS) || 0;
const SEED = Number(process.env.FUZZ_SEED) || 20261204;
const readerRuns = RUNS || 20;
const documentRuns = RUNS || 6;
/** The command is a process per case, so it gets fewer. */
const commandRuns = RUNS ? Math.ceil(RUNS / 10) : 1;
const BIN = fileURLToPath(new URL('../../bin/hindsight.js', import.meta.url));

const scratch = mkdtempSync(join(tmpdir(), 'hindsight-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let made = 0;
const freshDir = () => {
  const dir = join(scratch, String(made++));
  mkdirSync(dir);
  return dir;
};

/** Values that have broken readers before: out-of-range numbers and times, wrong types, odd text. */
const EXTREME: unknown[] = [
  1e308,
  -1e308,
  -1,
  0,
  2 ** 53 + 1,
  'NaN',
  'Infinity',
  '1e308',
  '-1',
  '',
  null,
  true,
  [],
  {},
  { nested: { deep: [1, { x: null }] } },
  'x'.repeat(70_000),
  '\u202e\u0000😀\uffff',
  '9999999999999999999999999',
  '0001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-02-30T25:61:00Z',
];
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EXTREME) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double() },
);

type Mutation =
  | { type: 'flip'; at: number; bit: number }
  | { type: 'truncate'; at: number }
  | { type: 'duplicate' | 'delete'; line: number }
  | { type: 'insert'; at: number; text: string }
  | { type: 'value'; line: number; leaf: number; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ type: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ type: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ type: fc.constantFrom('duplicate' as const, 'delete' as const), line: fc.nat() }),
  fc.record({
    type: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ unit: 'binary', maxLength: 20 }),
  }),
  fc.record({ type: fc.constant('value' as const), line: fc.nat(), leaf: fc.nat(), value }),
  fc.record({ type: fc.constant('value' as const), line: fc.nat(), leaf: fc.nat(), value }),
);

type Path = (string | number)[];

/** Paths to every leaf of a JSON value (and to every object and array, which can be replaced too). */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length) out.push(at);
  if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value))
      paths(child, [...at, Array.isArray(value) ? Number(key) : key], out);
  return out;
}

function replaced(value: unknown, path: Path, by: unknown): unknown {
  if (!path.length) return by;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = by;
  return copy;
}

const tryJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

/** Replaces one value: in a JSON document, one of its leaves; in a JSON line, one of its fields; else a CSV cell or word. */
function replaceValue(text: string, m: Extract<Mutation, { type: 'value' }>): string {
  const whole = tryJson(text);
  if (whole.ok) {
    const all = paths(whole.value);
    return all.length
      ? JSON.stringify(replaced(whole.value, all[m.leaf % all.length], m.value), null, 1)
      : text;
  }
  const lines = text.split('\n');
  const i = m.line % lines.length;
  const line = tryJson(lines[i]);
  if (line.ok) {
    const all = paths(line.value);
    if (all.length) lines[i] = JSON.stringify(replaced(line.value, all[m.leaf % all.length], m.value));
    return lines.join('\n');
  }
  const cells = lines[i].split(lines[i].includes(',') ? ',' : ' ');
  cells[m.leaf % cells.length] = typeof m.value === 'string' ? m.value : (JSON.stringify(m.value) ?? '');
  lines[i] = cells.join(lines[i].includes(',') ? ',' : ' ');
  return lines.join('\n');
}

function apply(bytes: Buffer, m: Mutation): Buffer {
  if (!bytes.length) return bytes;
  if (m.type === 'flip') {
    const copy = Buffer.from(bytes);
    copy[m.at % copy.length] ^= 1 << m.bit;
    return copy;
  }
  if (m.type === 'truncate') return bytes.subarray(0, m.at % bytes.length);
  const text = bytes.toString('utf8');
  if (m.type === 'insert') {
    const at = m.at % text.length;
    return Buffer.from(text.slice(0, at) + m.text + text.slice(at));
  }
  if (m.type === 'value') return Buffer.from(replaceValue(text, m));
  const lines = text.split('\n');
  const i = m.line % lines.length;
  if (m.type === 'duplicate') lines.splice(i, 0, lines[i]);
  else lines.splice(i, 1);
  return Buffer.from(lines.join('\n'));
}

/** Secrets of two shapes every audience must see redacted. */
const secret = fc.oneof(
  fc
    .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'), {
      minLength: 36,
      maxLength: 36,
    })
    .map((c) => `ghp_${c.join('')}`),
  fc
    .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), { minLength: 16, maxLength: 16 })
    .map((c) => `AKIA${c.join('')}`),
);

/** Plants a secret where text is kept: in a string of a JSON value, else at the end of a line. */
function plant(text: string, token: string, where: number): string {
  const whole = tryJson(text);
  if (whole.ok) {
    const all = paths(whole.value).filter((p) => typeof pick(whole.value, p) === 'string');
    if (!all.length) return text;
    const path = all[where % all.length];
    return JSON.stringify(replaced(whole.value, path, `${pick(whole.value, path)} ${token} `), null, 1);
  }
  const lines = text.split('\n');
  const i = where % lines.length;
  const line = tryJson(lines[i]);
  if (line.ok) {
    const all = paths(line.value).filter((p) => typeof pick(line.value, p) === 'string');
    if (all.length) {
      const path = all[where % all.length];
      lines[i] = JSON.stringify(replaced(line.value, path, `${pick(line.value, path)} ${token} `));
      return lines.join('\n');
    }
  }
  lines[i] = `${lines[i]} ${token} `;
  return lines.join('\n');
}

function pick(value: unknown, path: Path): unknown {
  let node = value as Record<string | number, unknown>;
  for (const key of path) node = node?.[key] as Record<string | number, unknown>;
  return node;
}

/** The files of a sample: itself, or the files in a folder sample (a Slack export). */
function filesOf(sample: string): string[] {
  if (!statSync(sample).isDirectory()) return [sample];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(sample);
  return out;
}

interface Case {
  sample: number;
  file: number;
  mutations: Mutation[];
}

const caseOf = fc.record({
  sample: fc.nat(),
  file: fc.nat(),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
});

/** Writes a damaged copy of one sample into `dir` under its own name; returns the copy's path. */
function damagedCopy(
  own: string[],
  c: Case,
  dir: string,
  change: (text: string) => string = (t) => t,
): string {
  const sample = own[c.sample % own.length];
  const target = join(dir, basename(sample));
  const isFolder = statSync(sample).isDirectory();
  if (isFolder) cpSync(sample, target, { recursive: true });
  const files = filesOf(sample);
  const original = files[c.file % files.length];
  const path = isFolder ? join(target, original.slice(sample.length)) : target;
  const damaged = c.mutations.reduce(apply, readFileSync(original));
  writeFileSync(path, change(damaged.toString('utf8')));
  return target;
}

const described = (c: Case, own: string[]) =>
  `${basename(own[c.sample % own.length])} ← ${JSON.stringify(c.mutations, (_, v) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v))}`;

/** Lines a document says were skipped: one per listed problem, N for "N more lines … skipped". */
/** The lines the problems say were skipped; a note (a line read, with a remark) skips none. */
const skippedIn = (problems: { message: string; note?: boolean }[]) =>
  problems.reduce((n, p) => {
    if (p.note) return n;
    const more = /^([\d,]+) more lines? .*skipped: /.exec(p.message);
    return n + (more ? Number(more[1].replace(/,/g, '')) : 1);
  }, 0);

const entries = Object.entries(SAMPLES) as [SourceName, string[]][];

describe.each(entries.map(([name, own], i) => ({ name, own, seed: SEED + i })))(
  'fuzzing the $name source',
  ({ name, own, seed }) => {
    const source = sources[name];

    it('reads damaged copies of its samples without throwing, and every event is usable', async () => {
      await fc.assert(
        fc.asyncProperty(caseOf, async (c) => {
          const path = damagedCopy(own, c, freshDir());
          const input = statSync(path).isDirectory() ? await folderInput(path) : await fileInput(path);
          const read = await readWith(source, input).catch((error: Error) => error);
          if (read instanceof Error) {
            expect(read, `${described(c, own)}: ${read.stack}`).toBeInstanceOf(InputError);
            return;
          }
          for (const event of read.events) {
            expect(RawEvent.safeParse(event).success, described(c, own)).toBe(true);
            expect(isPrintableTime(event.ts), described(c, own)).toBe(true);
          }
        }),
        { seed, numRuns: readerRuns },
      );
    });

    it('generates a document from a damaged copy that counts every skipped line and leaks no planted secret', async () => {
      await fc.assert(
        fc.asyncProperty(
          caseOf,
          secret,
          fc.nat(),
          fc.constantFrom('md' as const, 'json' as const, 'html' as const),
          async (c, token, where, format) => {
            const dir = freshDir();
            const path = damagedCopy(own, c, dir, (text) => plant(text, token, where));
            writeFileSync(
              join(dir, 'incident.yaml'),
              `sources:\n  - path: ${JSON.stringify(basename(path))}\n    format: ${name}\n`,
            );
            const made = await generate([dir], { library: false, format }).catch((error: Error) => error);
            if (made instanceof Error) {
              expect(made, `${described(c, own)}: ${made.stack}`).toBeInstanceOf(InputError);
              return;
            }
            const { dataQuality } = made.report;
            const escaped = dataQuality.problems.filter((p) => p.message.includes('could not read the rest'));
            expect(escaped, described(c, own)).toEqual([]);
            expect(dataQuality.linesSkipped, described(c, own)).toBe(skippedIn(dataQuality.problems));
            expect(made.output.includes(token), `${described(c, own)}: ${token} in ${format}`).toBe(false);
          },
        ),
        { seed, numRuns: documentRuns },
      );
    });

    it('makes the command exit 0, 1 or 2, with one line on stderr when it is not 0', async () => {
      await fc.assert(
        fc.asyncProperty(caseOf, fc.boolean(), async (c, strict) => {
          const dir = freshDir();
          damagedCopy(own, c, dir);
          const args = [BIN, 'generate', dir, '--format', 'json', ...(strict ? ['--strict'] : [])];
          const run = await promisify(execFile)(process.execPath, args, {
            env: { ...process.env, HINDSIGHT_DB: join(scratch, 'library.db') },
            maxBuffer: 64 * 1024 * 1024,
          }).then(
            ({ stderr }) => ({ code: 0, stderr }),
            (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? '' }),
          );
          expect([0, 1, 2], `${described(c, own)}: ${run.stderr}`).toContain(run.code);
          // Node exits 1 on an uncaught exception too: 1 is right only under --strict, and never with a stack.
          if (run.code === 1) expect(strict, `${described(c, own)}: ${run.stderr}`).toBe(true);
          expect(run.stderr, described(c, own)).not.toMatch(/^\s+at /m);
          if (run.code === 2) expect(run.stderr.trim().split('\n'), described(c, own)).toHaveLength(1);
        }),
        { seed, numRuns: commandRuns },
      );
    });
  },
);
