import { stringify } from 'yaml';
import { Measure } from '../model/index.js';

/** What a watch knows of the incident when it ends. */
export interface WatchFacts {
  service?: string;
  version?: string;
  previousVersion?: string;
  startedAt: number;
  deployedAt?: number;
  firstFailureAt?: number;
  detectedAt: number;
  detectReason: string;
  rollbackStartedAt?: number;
  rollbackFinishedAt?: number;
  rollbackExitCode?: number | null;
  endedAt: number;
  outcome: 'recovered' | 'not-recovered' | 'stopped';
  /** Names of the recorded Prometheus queries (prometheus-<name>.json). */
  queries: string[];
}

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** `WATCH-checkout-20261204T200001Z`: the service and when the watch began, unique per run. */
export const incidentId = (f: Pick<WatchFacts, 'service' | 'startedAt'>) =>
  `WATCH-${f.service ? `${f.service.replace(/[^A-Za-z0-9_.-]/g, '-')}-` : ''}${compact(new Date(f.startedAt).toISOString())}`;

function titleOf(f: WatchFacts): string {
  const what = [f.service, f.version].filter(Boolean).join(' ') || 'deploy';
  const to = f.previousVersion ? ` to ${f.previousVersion}` : '';
  const rolled = f.rollbackStartedAt != null;
  if (f.outcome === 'recovered')
    return rolled
      ? `${what} rolled back${to} after failed health checks`
      : `${what}: failed health checks, then recovered`;
  if (f.outcome === 'not-recovered')
    return rolled
      ? `${what}: rollback${to} did not restore service`
      : `${what}: failed health checks, not recovered`;
  return `${what}: failed health checks (watch stopped before the end)`;
}

const at = (ms: number | undefined) => (ms == null ? undefined : new Date(ms).toISOString());

/**
 * The `incident.yaml` a watch writes beside its evidence (SPEC §1): id, title, service, date and
 * zone, measures of the recorded queries; the times and versions are in its header comment, as
 * the evidence files state them too and manifest keys would override what the report derives.
 */
export function incidentManifest(f: WatchFacts): string {
  const manifest = {
    id: incidentId(f),
    title: titleOf(f),
    timezone: 'UTC',
    date: new Date(f.startedAt).toISOString().slice(0, 10),
    ...(f.service ? { services: [f.service] } : {}),
    ...(f.queries.some((q) => Measure.safeParse(q).success)
      ? {
          sources: f.queries
            .filter((q) => Measure.safeParse(q).success)
            .map((q) => ({
              path: `prometheus-${q}.json`,
              measure: q,
              ...(f.service ? { service: f.service } : {}),
            })),
        }
      : {}),
  };
  const times: Array<[string, string | undefined]> = [
    ['watch started', at(f.startedAt)],
    ['deployed', at(f.deployedAt)],
    ['first failed check', at(f.firstFailureAt)],
    ['detected', at(f.detectedAt) && `${at(f.detectedAt)} (${f.detectReason})`],
    ['rollback started', at(f.rollbackStartedAt)],
    [
      'rollback finished',
      at(f.rollbackFinishedAt) &&
        `${at(f.rollbackFinishedAt)} (exit ${f.rollbackExitCode ?? 'none: stopped'})`,
    ],
    [f.outcome, at(f.endedAt)],
  ];
  const header = [
    'Written by `hindsight watch`; the evidence beside it is what the watch recorded.',
    `versions: ${f.version ?? '(not given)'} deployed, ${f.previousVersion ?? '(not given)'} before`,
    ...times.filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${header.map((l) => `# ${l}`).join('\n')}\n${stringify(manifest)}`;
}
