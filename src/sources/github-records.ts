// What the GitHub activity records share: the addresses that name a pull request or a workflow
// run, the repository a record belongs to, and the draft of an entry before it has its place.
import type { EventKind, RawEvent, Signal } from '../model/index.js';
import { asObject, asText } from './json-payloads.js';

export type Obj = Record<string, unknown>;

/** A pull request's and a workflow run's API addresses name the repository (and the number or id). */
export const PULL_URL = /\/repos\/([^/\s]{1,100})\/([^/\s]{1,100})\/pulls\/(\d{1,10})$/;
export const RUN_URL = /\/repos\/([^/\s]{1,100})\/([^/\s]{1,100})\/actions\/runs\/(\d{1,20})$/;

/** A pull request, as a delivery carries it or the REST API lists it. */
export const isPull = (x: Obj | null) =>
  !!x && Number.isInteger(x.number) && PULL_URL.test(String(x.url ?? '')) && 'created_at' in x;
/** A workflow run, as a delivery carries it or the REST API lists it. */
export const isRun = (r: Obj | null) =>
  !!r && RUN_URL.test(String(r.url ?? '')) && 'head_sha' in r && 'status' in r;

export interface Repo {
  /** `owner/name`. */
  full: string;
  /** The repository's name: the service, as for github-deployments. */
  name: string;
  /** The name as a ref part. */
  short: string;
}

export const part = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40);
export const sha7 = (sha: unknown) => asText(sha)?.slice(0, 7) ?? '';
export const firstLine = (text: unknown) => {
  const line = (asText(text) ?? '').split('\n')[0].trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
};
export const login = (user: unknown) => asText(asObject(user)?.login);
/** `-<seconds>` keeps apart two closings (or two labels) of one issue or pull request; the same record told twice keeps its ref. */
export const seconds = (ts: number) => Math.floor(ts / 1000);

/** The repository from the delivery, else from a record's API address. */
export function repoOf(repository: Obj | null, url: unknown, pattern: RegExp): Repo {
  const [, owner = '', fromUrl = ''] = pattern.exec(String(url ?? '')) ?? [];
  const name = asText(repository?.name) ?? (fromUrl || (asText(repository?.full_name)?.split('/')[1] ?? ''));
  const full = asText(repository?.full_name) ?? (owner ? `${owner}/${fromUrl}` : name);
  return { full, name, short: part(name) || 'repository' };
}

/** Whether a branch is the repository's default; when a record does not name it, main or master is. */
export const isDefault = (branch: string | undefined, defaultBranch: string | undefined) =>
  branch !== undefined &&
  (defaultBranch ? branch === defaultBranch : branch === 'main' || branch === 'master');

export interface Draft {
  ts: number;
  kind: EventKind;
  ref: string;
  summary: string;
  repo: Repo;
  attrs: Obj;
  /** Set where the format itself says the entry signals nothing (a CI run, a push to a topic branch). */
  signals?: Signal[];
}

export function eventOf(d: Draft, file: string, line: number): RawEvent {
  const attrs = Object.fromEntries(
    Object.entries({ repository: d.repo.full || undefined, ...d.attrs }).filter(([, v]) => v != null),
  );
  return {
    ts: d.ts,
    kind: d.kind,
    service: d.repo.name || null,
    ref: d.ref,
    summary: d.summary,
    ...(d.signals ? { signals: d.signals } : {}),
    attrs,
    source: { file, line },
  };
}
