import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../model/index.js';
import { incidentWindow } from './incident-window.js';

const at = (hhmm: string) => Date.parse(`2026-02-10T${hhmm}:00Z`);
const event = (hhmm: string, kind: RawEvent['kind'], summary: string): RawEvent => ({
  ts: at(hhmm),
  kind,
  summary,
  source: { file: 'events.json', line: 1 },
});

describe('incidentWindow', () => {
  const raws = [
    event('13:50', 'alert', 'Checkout 5xx above 2%'),
    event('14:00', 'change', 'Deploy checkout 2.0'),
    event('14:40', 'alert_resolved', 'Checkout 5xx resolved'),
    event('15:10', 'note', 'Postmortem scheduled'),
  ];

  it('runs from the first change minus an hour to the recovery plus half an hour', () => {
    expect(incidentWindow(raws, undefined)).toMatchObject({ from: at('13:00'), to: at('15:10') });
  });

  it('takes other margins, and either end outright, from the manifest', () => {
    expect(incidentWindow(raws, { before: '2h', after: '10m' })).toMatchObject({
      from: at('12:00'),
      to: at('14:50'),
    });
    expect(incidentWindow(raws, { from: '2026-02-10T11:00:00Z', before: '1h', after: '30m' })).toMatchObject({
      from: at('11:00'),
      to: at('15:10'),
    });
  });

  it('falls back on the first symptom and the last event, then on the manifest date, then gives up', () => {
    const noChange = [event('13:50', 'alert', 'Checkout 5xx above 2%'), event('14:20', 'note', 'Call ended')];
    expect(incidentWindow(noChange, undefined)).toMatchObject({ from: at('12:50'), to: at('14:50') });
    expect(incidentWindow([], undefined, '2026-02-10')).toMatchObject({
      from: at('00:00'),
      to: at('00:00') + 86_400_000,
    });
    expect(incidentWindow([], undefined)).toBeNull();
  });
});
