import type { Event } from '../../model/index.js';
import type { ExampleEvent } from './rule.js';

const T0 = Date.parse('2026-02-10T10:00:00Z');

/** A rule example's lines as timeline events: refs default to KIND-minute, the service to `api`. */
export function exampleEvents(lines: ExampleEvent[]): Event[] {
  return lines
    .map((l, i): Event => {
      const source = { file: 'example', line: i + 1 };
      return {
        ts: T0 + l.at * 60_000,
        kind: l.kind,
        signals: l.signals ?? [],
        service: l.service === undefined ? 'api' : l.service,
        ref: l.ref ?? `${l.kind.toUpperCase()}-${l.at}`,
        ownRef: true,
        summary: l.summary,
        details: [],
        attrs: l.attrs ?? {},
        source,
        sources: [source],
      };
    })
    .sort((a, b) => a.ts - b.ts);
}

/**
 * An example incident no line says was learned of: a symptom written down, then people at work on
 * it (a restart), with no alert, page or report.
 */
export const SEEN_AT_WORK: ExampleEvent[] = [
  { at: 0, kind: 'note', summary: 'checkout returns 500 for every order', signals: ['symptom'] },
  { at: 9, kind: 'action', summary: 'restarted the checkout pods', signals: ['mitigation', 'change'] },
];
