// Shared by the source tests (excluded from the build): open a sample, read it, collect what was skipped.
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileInput, folderInput, type Input } from '../bundle/index.js';
import type { ReadContext, Source } from '../model/index.js';
import { Manifest, type RawEvent } from '../model/index.js';
import type { SourceName } from './registry.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A file under test/fixtures. */
export const fixture = (...parts: string[]) => join(root, 'test/fixtures', ...parts);
/** A file in the shared corpora beside the repository (copyleft samples stay there). */
export const corpus = (...parts: string[]) => join(root, '../shared/corpora', ...parts);

export interface ReadResult {
  events: RawEvent[];
  problems: { line: number | null; message: string }[];
}

export function context(problems: ReadResult['problems']): ReadContext {
  return {
    manifest: Manifest.parse({}),
    spec: null,
    time: { zone: 'UTC', date: null },
    skip: (line, message) => problems.push({ line, message }),
    note: (line, message) => problems.push({ line, message }),
    addSeries() {},
    addLogTemplates() {},
    addStatement() {},
  };
}

export async function open(path: string): Promise<Input> {
  const input = await fileInput(path);
  return input;
}

export const openFolder = (path: string) => folderInput(path);

/** A writable copy of a folder, to damage or trim in a test. */
export function copyFolder(path: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'hindsight-')), 'export');
  cpSync(path, copy, { recursive: true });
  return copy;
}

/** An input holding the given text, written to a fresh temporary file. */
export async function openText(text: string, name = 'sample.json'): Promise<Input> {
  const path = join(mkdtempSync(join(tmpdir(), 'hindsight-')), name);
  writeFileSync(path, text);
  return fileInput(path, name);
}

export async function readWith(source: Source, input: Input): Promise<ReadResult & { handedOver: number }> {
  const problems: ReadResult['problems'] = [];
  const events: RawEvent[] = [];
  let handedOver = 0;
  const ctx = {
    ...context(problems),
    addSeries: () => {
      handedOver++;
    },
    addLogTemplates: (t: unknown[]) => {
      handedOver += t.length;
    },
  };
  for await (const event of source.read(input, ctx)) events.push(event);
  return { events, problems, handedOver };
}

/** Reads a file with a source. */
export const readFile = async (source: Source, path: string) => readWith(source, await open(path));

/** The real samples of a fixture folder (its PROVENANCE.md aside). */
export const samples = (dir: string, keep: (file: string) => boolean = () => true) =>
  readdirSync(fixture(dir))
    .filter((f) => f !== 'PROVENANCE.md' && keep(f))
    .map((f) => fixture(dir, f));

/** Each registered source's own real samples under test/fixtures. */
export const SAMPLES = {
  alertmanager: samples('alertmanager'),
  grafana: samples('grafana'),
  opsgenie: samples('opsgenie'),
  pagerduty: samples('pagerduty'),
  statuspage: samples('statuspage'),
  cloudwatch: samples('cloudwatch'),
  // aws-cli's lookup-events example is a sign-in, which changes nothing: the source's own test holds it.
  sentry: samples('sentry'),
  'azure-alerts': samples('azure-alerts'),
  // An operation's started step and an Advisor recommendation give no entry: the source's own test holds them.
  'azure-activity': samples('azure-activity', (f) => !/__(administrative|recommendation)\.json$/.test(f)),
  cloudtrail: samples('cloudtrail', (f) => !f.includes('lookup-events')),
  'github-deployments': samples('github-deployments', (f) => /__deployment(_status)?__/.test(f)),
  'deploy-log': samples('deploy-log'),
  'github-issues': [
    ...samples('github-issues'),
    fixture('export-scenarios', 'seed-003', 'github', 'issues_opened_incidents_1042.json'),
  ],
  'github-activity': [
    ...samples('github-deployments', (f) =>
      /__(push|pull_request|workflow_run|status|deployment_review)__/.test(f),
    ),
    ...samples('github-activity'),
  ],
  'kubernetes-events': samples('kubernetes', (f) => !/__(dp|rs)\.json$/.test(f)),
  'kubernetes-rollouts': samples('kubernetes', (f) => /__rs\.json$/.test(f)),
  'slack-export': [fixture('slack', 'slack-export-viewer__testarchive')],
  jira: samples('jira'),
  'health-checks': [
    fixture('guarded-deploy', 'health-checks.jsonl'),
    fixture('deploy-evidence', 'health-checks.csv'),
  ],
  'deploy-history': [
    fixture('guarded-deploy', 'deploys.jsonl'),
    fixture('deploy-evidence', 'deploy-history.csv'),
  ],
  'watch-states': [fixture('guarded-deploy', 'watch.jsonl')],
  'prometheus-file': samples('metrics', (f) => f.endsWith('.json')),
  // Records with no time at all (fluent-bit's split-line test) are read by the source's own test.
  // Splunk's export of statistics (a count by host) is not a log: the source's own test holds it.
  'log-exports': samples('log-exports', (f) => !f.endsWith('resultsExport.jsonl')),
  'container-logs': samples('containers', (f) => !f.startsWith('dockermode')),
  'json-logs': samples('logs', (f) => /bunyan|ecs_log|journald|logfile_json|otel|pino/.test(f)),
  'logfmt-logs': samples('logs', (f) => /logfmt/.test(f)),
  'csv-series': samples('metrics', (f) => f.endsWith('.csv')),
  'text-logs': samples('logs', (f) => /access_log|caddy|docker_compose|generic|java|syslog/.test(f)),
  events: samples('events'),
  'markdown-timeline': samples('markdown-timeline'),
} satisfies Record<SourceName, string[]>;
