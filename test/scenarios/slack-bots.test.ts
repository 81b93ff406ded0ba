// An incident whose alerts and deploys reach the team only as bots' messages in a Slack channel
// (Alertmanager's Slack receiver, a paging tool's app, a deploy bot), as a Slack export holds them.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { openBundle } from '../../src/bundle/index.js';
import { buildTimeline } from '../../src/timeline/index.js';

const at = (hhmm: string) => String(Date.parse(`2026-03-02T${hhmm}:00Z`) / 1000);
const bot = (hhmm: string, username: string, title: string) => ({
  type: 'message',
  subtype: 'bot_message',
  ts: `${at(hhmm)}.000100`,
  bot_id: `B${username.length}`,
  username,
  text: '',
  attachments: [{ fallback: title, title, text: 'labels: service=checkout severity=critical' }],
});
const person = (hhmm: string, user: string, text: string) => ({
  type: 'message',
  ts: `${at(hhmm)}.000200`,
  user,
  text,
});

async function exportFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hindsight-slack-bots-'));
  await writeFile(join(dir, 'incident.yaml'), 'title: Checkout errors\nservices: [checkout]\n');
  const slack = join(dir, 'slack');
  await mkdir(join(slack, 'ops-alerts'), { recursive: true });
  await writeFile(
    join(slack, 'channels.json'),
    JSON.stringify([{ id: 'C01', name: 'ops-alerts', created: 1700000000, members: ['U01'] }]),
  );
  await writeFile(
    join(slack, 'users.json'),
    JSON.stringify([{ id: 'U01', name: 'oncall', real_name: 'On-call SRE', profile: { title: 'SRE' } }]),
  );
  await writeFile(
    join(slack, 'ops-alerts', '2026-03-02.json'),
    JSON.stringify([
      bot('09:58', 'deploy-bot', 'Deployment of checkout v4.2.0 to production succeeded'),
      bot('10:03', 'Alertmanager', '[FIRING:1] CheckoutHighErrorRate (checkout critical)'),
      person('10:05', 'U01', 'looking into it'),
      bot('10:20', 'deploy-bot', 'Rolled back checkout to v4.1.9 in production'),
      bot('10:24', 'Alertmanager', '[RESOLVED] CheckoutHighErrorRate (checkout critical)'),
    ]),
  );
  return dir;
}

describe('alerts and deploys posted by bots in a Slack channel', () => {
  it('are the alert, the change, the rollback and the recovery that the moments rest on', async () => {
    const bundle = await openBundle([await exportFolder()]);
    const timeline = await buildTimeline(bundle);
    expect(timeline.events.map((e) => e.kind)).toEqual([
      'change',
      'alert',
      'ack',
      'rollback',
      'alert_resolved',
    ]);
    const { moments, suspects } = analyze(timeline.events, bundle.manifest);
    const clock = (m: { ts: string } | null) => m?.ts.slice(11, 16) ?? null;
    expect({
      trigger: clock(moments.trigger),
      impactStart: clock(moments.impactStart),
      detected: clock(moments.detected),
      acknowledged: clock(moments.acknowledged),
      mitigationStarted: clock(moments.mitigationStarted),
      recovered: clock(moments.recovered),
    }).toEqual({
      trigger: '09:58',
      impactStart: '10:03',
      detected: '10:03',
      acknowledged: '10:05',
      mitigationStarted: '10:20',
      recovered: '10:24',
    });
    expect(suspects[0].summary).toMatch(/v4\.2\.0/);
  });
});
