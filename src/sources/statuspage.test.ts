import { describe, expect, it } from 'vitest';
import { classify } from '../timeline/index.js';
import { detectSource } from './index.js';
import { statuspage } from './statuspage.js';
import { fixture, open, openText, readFile, readWith } from './test-kit.js';

const sample = fixture('statuspage', 'incidents.json');

describe('statuspage', () => {
  it('is detected by its incident updates', async () => {
    expect(detectSource(await open(sample))?.name).toBe('statuspage');
  });

  it('reads each update at its display time, oldest first, with what its status signals', async () => {
    const { events, problems } = await readFile(statuspage, sample);
    expect(problems).toEqual([]);
    expect(events.map((e) => [new Date(e.ts).toISOString(), e.attrs?.status, classify(e)])).toEqual([
      ['2025-03-04T14:12:40.226Z', 'investigating', { kind: 'ack', signals: ['ack'] }],
      ['2025-03-04T14:31:55.276Z', 'identified', { kind: 'note', signals: ['diagnosis'] }],
      ['2025-03-04T14:49:03.540Z', 'monitoring', { kind: 'action', signals: ['mitigation'] }],
      ['2025-03-04T15:20:17.011Z', 'resolved', { kind: 'note', signals: ['recovery'] }],
      ['2025-03-06T21:02:11.860Z', 'postmortem', { kind: 'note', signals: ['close'] }],
    ]);
    expect(events[0]).toMatchObject({
      service: 'Checkout',
      ref: 'sp-c4x1z7v5b3nm',
      summary:
        'Investigating: Elevated checkout errors — We are currently investigating elevated error rates when placing orders.',
    });
  });

  it('points each update at its own line of the file', async () => {
    const text = (await import('node:fs')).readFileSync(sample, 'utf8').split('\n');
    const { events } = await readFile(statuspage, sample);
    for (const e of events) expect(text[e.source.line! - 1]).toContain(String(e.ref).slice(3));
  });

  it('reads one incident of the manage API and skips an update with an unknown status, naming its line', async () => {
    const incident = {
      id: 'abc',
      name: 'Login slow',
      page_id: 'p1',
      components: [],
      incident_updates: [
        { id: 'u1', status: 'investigating', body: 'Looking into it', created_at: '2025-01-01T10:00:00Z' },
        { id: 'u2', status: 'sleeping', body: '?', created_at: '2025-01-01T10:05:00Z' },
      ],
    };
    const text = JSON.stringify(incident, null, 2);
    const { events, problems } = await readWith(statuspage, await openText(text, 'incident.json'));
    expect(events.map((e) => e.ref)).toEqual(['sp-u1']);
    expect(problems).toEqual([
      {
        line: text.split('\n').findIndex((l) => l.includes('"u2"')) + 1,
        message: expect.stringContaining('unknown status "sleeping"'),
      },
    ]);
  });
});
