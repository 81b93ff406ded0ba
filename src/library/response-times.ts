import type { RawEvent } from '../model/index.js';
import { classifyText } from '../timeline/classify.js';
import type { RecordDurations } from './record.js';

/** Detect, acknowledge and mitigate durations read from a written timeline's wording. */
export function responseTimes(entries: RawEvent[]): RecordDurations {
  const marked = [...entries]
    .sort((a, b) => a.ts - b.ts)
    .map((e) => ({ ts: e.ts, signals: classifyText(e.summary).signals }));
  const first = (signal: string, after = -Infinity) =>
    marked.find((m) => m.ts >= after && m.signals.includes(signal as never))?.ts ?? null;
  const symptom = first('symptom');
  const detected = first('detect');
  const acknowledged = detected != null ? first('ack', detected) : null;
  const recovered = detected != null ? first('recovery', detected) : null;
  const seconds = (from: number | null, to: number | null) =>
    from != null && to != null && to >= from ? (to - from) / 1000 : null;
  return {
    detect: seconds(symptom ?? detected, detected),
    acknowledge: seconds(detected, acknowledged),
    mitigate: seconds(detected, recovered),
  };
}
