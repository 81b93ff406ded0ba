import type { IncidentWindow, RawEvent } from '../model/index.js';
import { durationMs } from '../time/index.js';
import { classify } from './classify.js';

export interface WindowAnswer {
  from: number;
  to: number;
  /** How the ends were found, for the report's notes. */
  basis: string;
}

const HOUR = 3_600_000;

/**
 * The span log stores are asked about: the manifest's `window.from`/`to` where given, else from
 * the other evidence, the first change (else the first symptom, else the first event) minus
 * `before` (1h) to the last recovery (else the last event) plus `after` (30m). Without evidence
 * with times, the manifest's `date` as a whole day in UTC; null when there is nothing to go by.
 */
export function incidentWindow(
  raws: RawEvent[],
  window: IncidentWindow | undefined,
  date?: string,
): WindowAnswer | null {
  const before = durationMs(window?.before ?? '1h') ?? HOUR;
  const after = durationMs(window?.after ?? '30m') ?? HOUR / 2;
  let firstChange = Infinity;
  let firstSymptom = Infinity;
  let lastRecovery = -Infinity;
  let first = Infinity;
  let last = -Infinity;
  for (const raw of raws) {
    const { kind, signals } = classify(raw);
    if (kind === 'change' && !signals.includes('mitigation')) firstChange = Math.min(firstChange, raw.ts);
    if (signals.includes('symptom')) firstSymptom = Math.min(firstSymptom, raw.ts);
    if (signals.includes('recovery')) lastRecovery = Math.max(lastRecovery, raw.ts);
    first = Math.min(first, raw.ts);
    last = Math.max(last, raw.ts);
  }
  const start = Number.isFinite(firstChange)
    ? firstChange
    : Number.isFinite(firstSymptom)
      ? firstSymptom
      : first;
  const end = Math.max(Number.isFinite(lastRecovery) ? lastRecovery : last, start);
  const day = date ? Date.parse(`${date.slice(0, 10)}T00:00:00Z`) : Number.NaN;
  const given = (value: string | undefined) => (value === undefined ? Number.NaN : Date.parse(value));
  let from = given(window?.from);
  let to = given(window?.to);
  const basis: string[] = [];
  if (Number.isNaN(from)) {
    if (Number.isFinite(start)) {
      from = start - before;
      basis.push(Number.isFinite(firstChange) ? 'the first change' : 'the first symptom or event');
    } else if (!Number.isNaN(day)) from = day;
  }
  if (Number.isNaN(to)) {
    if (Number.isFinite(end)) {
      to = end + after;
      basis.push(Number.isFinite(lastRecovery) ? 'the recovery' : 'the last event');
    } else if (!Number.isNaN(day)) to = day + 24 * HOUR;
  }
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) return null;
  return {
    from,
    to,
    basis: basis.length
      ? `from ${basis.join(' and ')}`
      : window?.from || window?.to
        ? 'from the manifest'
        : 'the manifest’s date',
  };
}
