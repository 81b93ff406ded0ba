import { describe, expect, it } from 'vitest';
import { Manifest } from '../../model/index.js';
import { findMoments } from '../moments.js';
import { exampleEvents } from './example-events.js';
import { cite, sightings } from './mechanism-evidence.js';
import { POOL_EXHAUSTION } from './pool-exhaustion.js';

const context = (events: ReturnType<typeof exampleEvents>) => ({
  events,
  moments: { trigger: null, ...findMoments(events) },
  suspects: [],
  manifest: Manifest.parse({ services: ['api'] }),
  statements: [],
});

describe('mechanism sightings', () => {
  it('cite the line that shows the mechanism, a detail when the summary does not', () => {
    const events = exampleEvents([
      { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
      { at: 3, kind: 'note', summary: 'Initial investigation', service: null },
      { at: 20, kind: 'alert_resolved', summary: 'High error rate resolved', signals: ['recovery'] },
    ]);
    events[1].details = ['Logs show "connection pool exhausted" on every pod'];
    const seen = sightings(context(events), POOL_EXHAUSTION);
    expect(seen.map((s) => s.event.ref)).toEqual(['NOTE-3']);
    expect(cite(seen)).toBe('NOTE-3 (10:03 UTC) "Logs show "connection pool exhausted" on every pod"');
  });

  it('see a pool run dry as a person writes it, not a pool merely named', () => {
    for (const summary of [
      'Connection pool exhaustion found in the API pod metrics',
      'The API pods ran out of database connections at the morning peak',
    ]) {
      const events = exampleEvents([
        { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
        { at: 5, kind: 'note', summary },
        { at: 20, kind: 'alert_resolved', summary: 'High error rate resolved', signals: ['recovery'] },
      ]);
      expect(
        sightings(context(events), POOL_EXHAUSTION).map((s) => s.event.ref),
        summary,
      ).toEqual(['NOTE-5']);
    }
    const named = exampleEvents([
      { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
      { at: 5, kind: 'note', summary: 'Connection pool size checked: 20 of 40 in use' },
    ]);
    expect(sightings(context(named), POOL_EXHAUSTION)).toEqual([]);
  });

  it('leave out what another service showed without a symptom, and what came hours before', () => {
    const events = exampleEvents([
      { at: -300, kind: 'log', summary: 'connection pool exhausted', signals: [] },
      { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
      { at: 2, kind: 'log', summary: 'connection pool exhausted', service: 'reports' },
      { at: 20, kind: 'alert_resolved', summary: 'High error rate resolved', signals: ['recovery'] },
    ]);
    expect(sightings(context(events), POOL_EXHAUSTION)).toEqual([]);
  });
});
