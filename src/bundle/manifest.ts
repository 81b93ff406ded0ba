import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { Manifest } from '../model/index.js';
import { storeEntryProblem } from '../stores/index.js';
import { durationMs, isValidZone } from '../time/index.js';

export const MANIFEST_NAMES = ['incident.yaml', 'incident.yml', 'incident.json'];
const KNOWN_KEYS = new Set(Object.keys(Manifest.shape));

export interface LoadedManifest {
  manifest: Manifest;
  /** Keys the manifest holds that Hindsight does not know: reported, not fatal. */
  unknownKeys: string[];
}

/** Parses manifest text; a wrong field is an InputError naming the file and key. */
export function parseManifest(text: string, file: string): LoadedManifest {
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0]?.line ?? null) : null;
    throw new InputError(
      'MANIFEST_SYNTAX',
      file,
      `cannot parse manifest: ${(error as Error).message.split('\n')[0]}`,
      line,
    );
  }
  if (raw == null) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(
      'MANIFEST_SHAPE',
      file,
      'the manifest must be a mapping of keys (id, title, severity, …)',
    );
  }
  const result = Manifest.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue.path.join('.') || '(root)';
    throw new InputError('MANIFEST_FIELD', file, `key '${key}': ${describe(issue)}`);
  }
  if (result.data.timezone && !isValidZone(result.data.timezone)) {
    throw new InputError(
      'MANIFEST_FIELD',
      file,
      `key 'timezone': unknown time zone '${result.data.timezone}' (use an IANA name such as America/Los_Angeles)`,
    );
  }
  if (result.data.date && !/^\d{4}-\d{2}-\d{2}/.test(result.data.date)) {
    throw new InputError(
      'MANIFEST_FIELD',
      file,
      `key 'date': expected YYYY-MM-DD, got '${result.data.date}'`,
    );
  }
  for (const [i, spec] of result.data.sources.entries()) {
    const problem = storeEntryProblem(spec);
    if (problem)
      throw new InputError('MANIFEST_FIELD', file, `key 'sources.${i}.${problem.key}': ${problem.message}`);
  }
  const window = result.data.window;
  for (const key of ['from', 'to', 'before', 'after'] as const) {
    const value = window?.[key];
    if (value === undefined) continue;
    const ok = key === 'from' || key === 'to' ? !Number.isNaN(Date.parse(value)) : durationMs(value) !== null;
    if (!ok)
      throw new InputError(
        'MANIFEST_FIELD',
        file,
        `key 'window.${key}': expected ${key === 'from' || key === 'to' ? 'an ISO 8601 time with a zone' : 'a duration such as 1h or 30m'}, got '${value}'`,
      );
  }
  const unknownKeys = Object.keys(raw as object).filter((k) => !KNOWN_KEYS.has(k));
  return { manifest: result.data, unknownKeys };
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

export async function loadManifest(file: string): Promise<LoadedManifest> {
  return parseManifest(await readFile(file, 'utf8'), file);
}
