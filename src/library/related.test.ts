import { describe, expect, it } from 'vitest';
import type { Report } from '../model/index.js';
import { recordFromReport } from './from-report.js';
import { openLibrary } from './open.js';
import { sampleReport } from './store-contract.js';

const line = (
  ref: string,
  kind: Report['timeline'][number]['kind'],
  service: string,
  summary: string,
  minute: number,
) => ({
  ts: `2026-04-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
  kind,
  service,
  ref,
  summary,
  source: { file: 'events.jsonl', line: minute },
});

/** A generated report on search, its deploy named the trigger, written in the generator's sentences. */
function searchReport(): Report {
  const base = sampleReport();
  return {
    ...base,
    incident: {
      id: 'INC-3001',
      title: 'Search latency',
      severity: 'SEV3',
      services: ['search'],
      summary:
        'Impact on search began at 10:04 UTC. It was detected at 10:05 UTC. The most likely trigger is DEP-9, "Reindex search shards"; the change explains the symptoms and changed search, the affected service.',
    },
    timeline: [
      line('DEP-9', 'change', 'search', 'Reindex search shards', 0),
      line('L-9', 'log', 'search', 'Query timeout after <*> ms', 4),
    ],
    moments: { ...base.moments, trigger: { ts: '2026-04-01T10:00:00.000Z', ref: 'DEP-9' } },
    suspects: [
      {
        ref: 'DEP-9',
        service: 'search',
        summary: 'Reindex search shards',
        confidence: 0.9,
        reasons: ['preceded the first symptom by 4 min', 'changed search, the affected service'],
        against: [],
      },
    ],
    findings: [],
    claims: [],
    followUps: [],
  };
}

/** A generated report on billing that says no change explains it, in the same generator's sentences. */
function billingReport(): Report {
  const base = searchReport();
  return {
    ...base,
    incident: {
      id: 'INC-3002',
      title: 'Billing export failures',
      severity: 'SEV3',
      services: ['billing'],
      summary:
        'Impact on billing began at 11:00 UTC. It was detected at 11:02 UTC. No change convincingly explains it; the strongest candidate, DEP-3, changed billing, the affected service, and has confidence 0.30.',
    },
    timeline: [
      line('DEP-3', 'change', 'billing', 'Deploy billing cron schedule', 0),
      line('L-3', 'log', 'billing', 'Invoice export failed for <*>', 10),
    ],
    moments: { ...base.moments, trigger: null },
    suspects: [
      {
        ref: 'DEP-3',
        service: 'billing',
        summary: 'Deploy billing cron schedule',
        confidence: 0.3,
        reasons: ['changed billing, the affected service'],
        against: ['preceded the first symptom by 10 min'],
      },
    ],
  };
}

describe('related incidents match on evidence', () => {
  it("never on the generator's own sentences, nor a cause kind from a change it says explains nothing", async () => {
    const store = await openLibrary(':memory:');
    await store.save(searchReport());
    expect(await store.related(billingReport())).toEqual([]);
    expect(recordFromReport(billingReport()).causeKind).toBeNull();
    await store.close();
  });

  it("never on the genre's words: two untitled postmortems that each had a report are not alike", async () => {
    const store = await openLibrary(':memory:');
    const untitled = (id: string, summary: string): Report => ({
      ...billingReport(),
      incident: {
        ...billingReport().incident,
        id,
        title: 'Incident postmortem',
        services: [],
        summary:
          'Impact began at 05:52 UTC, with a report from a user. It was detected through a report from a user.',
      },
      timeline: [line(`RPT-${id}`, 'report', 'relay', summary, 5)],
      suspects: [],
    });
    await store.save(untitled('INC-1', 'Report received from Lido about a high missed block rate'));
    expect(
      await store.related(untitled('INC-2', 'Report of media uploads failing on the post-mortem wiki')),
    ).toEqual([]);
    await store.close();
  });

  it('on the same service, the same failing log template, the same kind of cause and words of the evidence', async () => {
    const store = await openLibrary(':memory:');
    await store.save({ ...sampleReport(), incident: { ...sampleReport().incident, id: 'INC-1000' } });
    const [related] = await store.related(sampleReport());
    expect(related.id).toBe('INC-1000');
    expect(related.reasons).toEqual([
      'same service: api-gateway',
      "same failing log template: 'Connection pool exhausted <*>'",
      expect.stringMatching(/^similar text: /),
      'same kind of cause: capacity',
    ]);
    const evidence = `${sampleReport().incident.title} ${sampleReport()
      .timeline.map((e) => e.summary)
      .join(' ')}`;
    for (const word of related.reasons[2].match(/'([^']+)'/g) ?? [])
      expect(evidence.toLowerCase()).toContain(word.slice(1, -1));
    await store.close();
  });
});
