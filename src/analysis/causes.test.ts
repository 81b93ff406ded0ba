import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { causeAccounts, namedChanges } from './causes.js';

const statement = (text: string) => ({ kind: 'cause' as const, text, source: { file: 'pm.md', line: 3 } });

describe('namedChanges', () => {
  const cni = ev(0, 'change', 'VPC CNI replaced by the pipeline', [], { service: null });
  const k8s = ev(1, 'change', 'Kubernetes upgrade commenced', [], { service: null });
  const events = [
    cni,
    k8s,
    ev(8, 'alert', 'All services returning 503', ['symptom']),
    ev(9, 'ack', 'Investigation commenced', ['ack']),
  ];

  it('a statement names the change it shares distinctive words with', () => {
    const [named] = namedChanges(
      causeAccounts([statement('Changes to the VPC CNI caused all services to return 503.')], events),
      [cni, k8s],
      events,
    );
    expect(named.changes).toEqual([cni]);
  });

  it("a change's name repeated by the lines that undo it is still its name", () => {
    // dfds PM2020-008: every response names the admission controller the title blames.
    const workshop = ev(0, 'change', 'Alcide workshop started', [], { service: null });
    const applied = ev(13, 'change', 'Applied disruptive Alcide admission controller', [], { service: null });
    const course = [
      workshop,
      applied,
      ev(101, 'report', 'Users reporting timeout issues when deploying', ['symptom', 'detect']),
      ev(124, 'ack', 'Verification of the timeout issue', ['ack']),
      ev(135, 'rollback', 'Toggling disruptive Alcide admission controller to verify fix', ['mitigation']),
      ev(159, 'rollback', 'Permanently deleted disruptive Alcide admission controller', ['mitigation']),
    ];
    const [named] = namedChanges(
      causeAccounts([statement('Alcide admission causing Kubernetes timeouts')], course),
      [workshop, applied],
      course,
    );
    expect(named.changes).toEqual([applied]);
  });

  it('a statement about something else names no change', () => {
    const [named] = namedChanges(
      causeAccounts([statement('Our payment provider had an outage that caused errors.')], events),
      [cni, k8s],
      events,
    );
    expect(named.changes).toEqual([]);
  });

  it('diagnosis lines count only when they state a cause', () => {
    const lines = [
      ev(12, 'note', 'The CNI replacement caused the targets to detach', ['diagnosis']),
      ev(13, 'note', 'Found the CNI pods restarting', ['diagnosis']),
    ];
    expect(causeAccounts([], lines).map((a) => a.cite)).toEqual([lines[0].ref]);
  });
});
