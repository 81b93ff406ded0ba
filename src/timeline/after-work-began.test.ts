import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { openBundle } from '../bundle/index.js';
import { actsAfterWorkBegan } from './after-work-began.js';
import { buildTimeline } from './build.js';

const read = (...events: ReturnType<typeof ev>[]) => events.map((event) => ({ event, stated: false }));

describe('actsAfterWorkBegan', () => {
  it('reads a change told after a responder began work as their act, which mitigates', () => {
    const entries = read(
      ev(0, 'note', 'Errors on checkout', ['symptom']),
      ev(5, 'ack', 'Investigation commenced', ['ack']),
      ev(12, 'change', 'Deployed new API key to the cluster', ['change']),
    );
    const out = actsAfterWorkBegan(entries);
    expect(out.size).toBe(1);
    expect(out.get(entries[2].event)).toMatchObject({ kind: 'action', signals: ['change', 'mitigation'] });
  });

  it('reads an act that changes something, told after work began, as mitigating', () => {
    const entries = read(
      ev(0, 'note', 'API identified as down', ['symptom']),
      ev(5, 'ack', 'Began investigating user-reported issues', ['ack']),
      ev(12, 'action', 'Clickhouse DB reactivated and plan upgraded', ['change']),
      ev(14, 'action', 'Issue added to the ticketing system', []),
    );
    const out = actsAfterWorkBegan(entries);
    expect(out.get(entries[2].event)).toMatchObject({ kind: 'action', signals: ['change', 'mitigation'] });
    expect(out.has(entries[3].event)).toBe(false);
  });

  it('keeps a change before anyone worked on the problem, even after its first symptom', () => {
    const entries = read(
      ev(0, 'alert', 'Latency alert fires', ['symptom', 'detect']),
      ev(2, 'change', 'Deploy #287 triggered for cart-service', ['change']),
      ev(9, 'ack', 'On-call starts looking', ['ack']),
    );
    expect(actsAfterWorkBegan(entries).size).toBe(0);
  });

  it('keeps a change whose kind the writer stated, and one told at the moment work began', () => {
    const entries = [
      ...read(ev(0, 'ack', 'Investigation started', ['ack']), ev(0, 'change', 'Config pushed', ['change'])),
      {
        event: ev(20, 'change', 'hotfix.6 is released to stable <START OF OUTAGE>', ['change']),
        stated: true,
      },
    ];
    expect(actsAfterWorkBegan(entries).size).toBe(0);
  });

  it('reads a later line the words alone read as beginning work as a step of that work', () => {
    const entries = read(
      ev(0, 'ack', 'Investigation started', ['ack']),
      ev(10, 'ack', 'Started a zoom call with the database team', ['ack']),
    );
    expect(actsAfterWorkBegan(entries).get(entries[1].event)).toMatchObject({ kind: 'action', signals: [] });
  });

  it('keeps a later line that says it acknowledges (the writer’s kind)', () => {
    const entries = [
      ...read(ev(0, 'ack', 'Investigation started', ['ack'])),
      { event: ev(30, 'ack', 'Development team acknowledged the problem', ['ack']), stated: true },
    ];
    expect(actsAfterWorkBegan(entries).size).toBe(0);
  });

  it('reads each document apart: work begun in one does not reach the changes of another', () => {
    const other = { file: 'other.md', line: 3 };
    const entries = read(
      ev(0, 'ack', 'Investigation started', ['ack']),
      ev(10, 'change', 'Release v2 deployed', ['change'], { source: other, sources: [other] }),
    );
    expect(actsAfterWorkBegan(entries).size).toBe(0);
  });
});

describe('a postmortem whose fix is deployed after work began', () => {
  it('has the fix as an action that mitigates, and the change before the symptoms as the change', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hindsight-response-'));
    await writeFile(join(dir, 'incident.yaml'), 'title: Proxy\ndate: 2022-03-02\ntimezone: UTC\n');
    await writeFile(
      join(dir, 'postmortem.md'),
      [
        '# Proxy outage',
        '',
        '## Timeline',
        '',
        '- 09:02 Load balancer configuration updated to route requests to the new reverse proxy',
        '- 09:10 Customers report that the booking site is down',
        '- 09:14 Investigation into the issue commenced',
        '- 09:30 Pipeline re-run with the corrected launch template',
        '- 09:41 Service operational',
        '',
      ].join('\n'),
    );
    const { events } = await buildTimeline(await openBundle([dir]));
    const at = (hhmm: string) => events.find((e) => new Date(e.ts).toISOString().slice(11, 16) === hhmm);
    expect(at('09:14')?.signals).toContain('ack');
    expect(at('09:02')?.kind).toBe('change');
    expect(at('09:30')?.kind).toBe('action');
    expect(at('09:30')?.signals).toEqual(expect.arrayContaining(['change', 'mitigation']));
  });
});
