import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { sameOccurrence } from './correlate.js';
import { dedupe } from './dedupe.js';

const from = (file: string, e: ReturnType<typeof ev>) => ({
  ...e,
  source: { file, line: 1 },
  sources: [{ file, line: 1 }],
});

describe('cross-tool correlation', () => {
  const am = from(
    'alertmanager.json',
    ev(3, 'alert', 'HighErrorRate: 5xx above 5%', ['symptom', 'detect'], {
      ref: 'am-1',
      attrs: { alertname: 'HighErrorRate' },
    }),
  );
  const pd = from(
    'pagerduty.json',
    ev(3.5, 'page', '[FIRING:1] HighErrorRate api', ['symptom', 'detect'], { ref: 'PD-1' }),
  );

  it('takes a page that names an alert, minutes apart, for the same occurrence', () => {
    expect(sameOccurrence(am, pd)).toBe(true);
    expect(sameOccurrence(am, { ...pd, ts: pd.ts + 30 * 60_000 })).toBe(false);
    expect(sameOccurrence(am, { ...pd, summary: 'DiskFull on db' })).toBe(false);
  });

  it('takes an alert a paging tool relayed, naming the alert, for the same occurrence; its resolution too', () => {
    const og = from(
      'opsgenie.json',
      ev(3, 'alert', '[orders] HighErrorRate: 5xx above 5%', ['symptom', 'detect'], { ref: 'ALT-1' }),
    );
    expect(sameOccurrence(am, og)).toBe(true);
    expect(sameOccurrence(og, am)).toBe(true);
    // A different alert whose name merely contains this one is another occurrence.
    expect(sameOccurrence(am, { ...og, summary: '[orders] HighErrorRateBudget: burn' })).toBe(false);
    // Two alerts that each carry their own name are the same only when the names agree.
    expect(sameOccurrence(am, { ...og, attrs: { alertname: 'DiskFull' } })).toBe(false);
    const resolved = (file: string, e: ReturnType<typeof ev>) => from(file, { ...e, kind: 'alert_resolved' });
    expect(
      sameOccurrence(
        resolved('alertmanager.json', { ...am, ts: am.ts + 20 * 60_000 }),
        resolved('opsgenie.json', {
          ...og,
          ts: og.ts + 20 * 60_000,
          summary: 'Closed: [orders] HighErrorRate',
        }),
      ),
    ).toBe(true);
  });

  it('takes one line posted word for word by two tools, within a minute, for the same occurrence', () => {
    const log = from(
      'deploy-manager.log',
      ev(0, 'change', '[web] Deploying web 3.4.1 (current 3.4.0)', [], { ref: 'CHG-1' }),
    );
    const bot = from('slack/deploys/2026-01-29.json', {
      ...log,
      ts: log.ts + 600,
      ref: 'SLACK-1',
      ownRef: false,
    });
    expect(sameOccurrence(log, bot)).toBe(true);
    expect(sameOccurrence(log, { ...bot, ts: log.ts + 5 * 60_000 })).toBe(false);
    expect(sameOccurrence(log, { ...bot, summary: '[web] Deploying web 3.4.2 (current 3.4.1)' })).toBe(false);
  });

  it('takes one deploy seen by GitHub and by Kubernetes (same service and version) for one change', () => {
    const gh = from(
      'github.json',
      ev(0, 'change', 'Deploy api', [], {
        ref: 'gh-deploy-1',
        attrs: { version: 'v2.0.0', sha: 'abcdef1234' },
      }),
    );
    const k8s = from(
      'events.json',
      ev(2, 'change', 'Scaled up replica set api-7d9', [], {
        ref: 'k8s-1',
        attrs: { image: 'registry/api:2.0.0' },
      }),
    );
    expect(sameOccurrence(gh, k8s)).toBe(true);
    expect(sameOccurrence(gh, { ...k8s, service: 'search' })).toBe(false);
  });

  it('merges them into one entry that lists both sources', () => {
    const merged = dedupe([am, pd], new Map());
    expect(merged).toHaveLength(1);
    expect(merged[0].kind).toBe('alert');
    expect(merged[0].sources.map((s) => s.file)).toEqual(['alertmanager.json', 'pagerduty.json']);
  });

  it('joins one tool record delivered twice, keeping both lists of status transitions', () => {
    const created = from(
      'deployment.json',
      ev(0, 'change', 'Deploy api', [], {
        ref: 'gh-deploy-7',
        attrs: { statuses: [{ state: 'in_progress' }] },
      }),
    );
    const status = from(
      'deployment_status.json',
      ev(1, 'change', 'Deploy api (success)', [], {
        ref: 'gh-deploy-7',
        attrs: { statuses: [{ state: 'in_progress' }, { state: 'success' }] },
      }),
    );
    const merged = dedupe([created, status], new Map());
    expect(merged).toHaveLength(1);
    expect(merged[0].attrs.statuses).toEqual([{ state: 'in_progress' }, { state: 'success' }]);
  });

  it('never merges two different records from the same file', () => {
    expect(sameOccurrence(am, { ...am, ref: 'am-2', ts: am.ts + 60_000 })).toBe(false);
  });
});
