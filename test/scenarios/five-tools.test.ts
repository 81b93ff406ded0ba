// The checkout-five-tools example: one incident whose evidence is spread over Alertmanager,
// PagerDuty, GitHub deployments, a Slack export and Kubernetes events, each as the tool exports it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = 'examples/checkout-five-tools';
const hindsight = (...args: string[]) =>
  spawnSync('node', [join(root, 'bin/hindsight.js'), ...args], { cwd: root, encoding: 'utf8' });

interface Source {
  file: string;
  line: number | null;
}
interface Entry {
  ts: string;
  kind: string;
  service: string | null;
  ref: string;
  summary: string;
  source: Source;
  sources?: Source[];
  attrs?: Record<string, unknown>;
  folded?: { ts: string; summary: string; source: Source }[];
}
interface Report {
  incident: { summary: string };
  timeline: Entry[];
  moments: Record<string, { ts: string; ref: string } | null>;
  durations: Record<string, number | null>;
  suspects: { ref: string; confidence: number; reasons: string[]; against?: string[] }[];
  findings: { rule: string; statement: string; evidenceRefs: string[] }[];
  claims: { statement: string }[];
  followUps: { action: string }[];
  gaps: string[];
  dataQuality: { filesRead: number; linesSkipped: number; problems: (Source & { message: string })[] };
}

// The sources' own ids; the report shows short refs (GH-02) and keeps these in attrs.sourceId.
const AM = 'alertmanager/webhook-log.jsonl';
const PD = 'pagerduty/incident-Q2X8CHK4821ABC-log-entries.json';
const FAULTY = 'gh-deploy-1987004217'; // acme/checkout v3.8.0
const ROLLBACK = 'gh-deploy-1987006630'; // acme/checkout v3.7.4, "Rollback to v3.7.4"
const HARMLESS = 'gh-deploy-1987000101'; // acme/search v2.14.1, before the freeze
const ALERT = 'am-3f8c2a9d1e7b4c60'; // CheckoutHighErrorRate

let report: Report;
let markdown: string;
const entry = (id: string) => report.timeline.find((e) => e.ref === id || e.attrs?.sourceId === id);
/** The short ref the report gives the entry a source id names. */
const ref = (id: string) => entry(id)?.ref ?? `no entry for ${id}`;
const filesOf = (e: Entry | undefined) => (e?.sources ?? (e ? [e.source] : [])).map((s) => s.file);
const rules = () => report.findings.map((f) => f.rule);

beforeAll(() => {
  const json = hindsight('generate', bundle, '--format', 'json');
  expect(json.status, json.stderr).toBe(0);
  report = JSON.parse(json.stdout);
  const md = hindsight('generate', bundle);
  expect(md.status, md.stderr).toBe(0);
  markdown = md.stdout;
});

describe('checkout-five-tools: moments', () => {
  it('names the v3.8.0 deploy as trigger, the first failing probe as impact start and the alert as detection', () => {
    expect(report.moments.trigger).toEqual({ ts: '2026-05-19T13:02:11.000Z', ref: ref(FAULTY) });
    expect(report.moments.impactStart).toEqual({
      ts: '2026-05-19T13:09:41.000Z',
      ref: ref('k8s-2f0f8f94-f8c6-be8c-ea44-3e6b47e2b450'),
    });
    expect(report.moments.detected).toEqual({ ts: '2026-05-19T13:11:30.562Z', ref: ref(ALERT) });
  });

  it('counts the durations from impact start and from the change', () => {
    expect(report.durations).toEqual({
      detect: 110,
      acknowledge: 137,
      mitigate: 960,
      impact: 1070,
      detectFromTrigger: 560,
      impactFromTrigger: 1520,
    });
  });

  it('acknowledged is the PagerDuty acknowledgement, not the later "ack, looking" in Slack', () => {
    expect(report.moments.acknowledged).toEqual({
      ts: '2026-05-19T13:13:48.000Z',
      ref: ref('pd-R2QK7ACK4821ZZZ00001'),
    });
  });

  it('mitigation started with the v3.7.4 rollback deployment', () => {
    expect(report.moments.mitigationStarted).toEqual({ ts: '2026-05-19T13:20:58.000Z', ref: ref(ROLLBACK) });
  });

  it('recovered when Alertmanager resolved the alert (endsAt)', () => {
    expect(report.moments.recovered).toEqual({
      ts: '2026-05-19T13:27:30.562Z',
      ref: ref(`${ALERT}-resolved`),
    });
  });

  it('declared and closed in the incident channel (Slack epoch ts kept to the millisecond)', () => {
    expect(report.moments.declared).toEqual({
      ts: '2026-05-19T13:16:20.071Z',
      ref: ref('slack-inc-checkout-1779196580.071533'),
    });
    expect(report.moments.closed).toEqual({
      ts: '2026-05-19T13:41:05.002Z',
      ref: ref('slack-inc-checkout-1779198065.002318'),
    });
  });
});

describe('checkout-five-tools: suspects', () => {
  it('never takes the rollback, or anything done after mitigation began, for a suspect', () => {
    const refs = report.suspects.map((s) => s.ref);
    expect(refs).not.toContain(ref(ROLLBACK));
    const mitigation = Date.parse(report.moments.mitigationStarted!.ts);
    for (const r of refs) expect(Date.parse(entry(r)!.ts)).toBeLessThan(mitigation);
    expect(entry(ROLLBACK)?.kind).toBe('rollback');
  });

  it('ranks the v3.8.0 deploy above the harmless search deploy, which stays unconvincing', () => {
    const refs = report.suspects.map((s) => s.ref);
    expect(refs[0]).toBe(ref(FAULTY));
    expect(report.suspects[0].confidence).toBeGreaterThanOrEqual(0.8);
    expect(refs.at(-1)).toBe(ref(HARMLESS));
    const faulty = report.suspects.find((s) => s.ref === ref(FAULTY))!;
    const harmless = report.suspects.find((s) => s.ref === ref(HARMLESS))!;
    expect(faulty.confidence).toBeGreaterThan(harmless.confidence);
    expect(harmless.confidence).toBeLessThan(0.5);
    expect(harmless.against?.join(' ')).toMatch(/search, which showed no symptoms/);
    expect(faulty.reasons.join(' ')).toMatch(/changed checkout, the affected service/);
    expect(faulty.reasons.join(' ')).toContain(`after it was rolled back (${ref(ROLLBACK)}`);
  });
});

describe('checkout-five-tools: findings', () => {
  it('flags the v3.8.0 deploy as made during the Spring Sale freeze, and not the deploy before it', () => {
    const freeze = report.findings.filter((f) => f.rule === 'during-freeze');
    expect(freeze.map((f) => f.evidenceRefs)).toEqual([[ref(FAULTY)]]);
    expect(freeze.find((f) => f.evidenceRefs.includes(ref(FAULTY)))?.statement).toMatch(
      /Spring Sale code freeze/,
    );
    expect(freeze.flatMap((f) => f.evidenceRefs)).not.toContain(ref(HARMLESS));
    expect(freeze.flatMap((f) => f.evidenceRefs)).not.toContain(ref(ROLLBACK));
  });

  it('raises none of the rules the evidence does not support', () => {
    for (const rule of [
      'outside-change-window', // 14:02 Europe/London on a Tuesday is inside Mon-Fri 09:00-17:00
      'approvals-missing',
      'no-alert-fired',
      'recovered-without-mitigation',
      'ack-slow', // acknowledged 2 min 17 s after the alert; policy 5 min
      'symptom-precedes-change',
    ])
      expect(rules()).not.toContain(rule);
  });
});

describe('checkout-five-tools: one occurrence seen by two tools is one entry', () => {
  it('merges each GitHub deployment with its Kubernetes rollout', () => {
    // The first two places are the two tools; the pod events folded into the rollout follow.
    expect(entry(FAULTY)?.sources?.slice(0, 2)).toEqual([
      { file: 'github/webhook-deliveries.jsonl', line: 4 },
      { file: 'kubernetes/events.json', line: 1168 },
    ]);
    expect(entry(ROLLBACK)?.sources?.slice(0, 2)).toEqual([
      { file: 'github/webhook-deliveries.jsonl', line: 7 },
      { file: 'kubernetes/events.json', line: 1354 },
    ]);
    expect(report.timeline.filter((e) => e.kind === 'change' || e.kind === 'rollback')).toHaveLength(3);
  });

  it('merges the Alertmanager alert and the PagerDuty page it caused', () => {
    const alert = entry(ALERT);
    expect(alert?.kind).toBe('alert');
    expect(alert?.ts).toBe('2026-05-19T13:11:30.562Z');
    expect(filesOf(alert)).toContain(AM);
    expect(filesOf(alert)).toContain(PD);
    expect(entry('pd-R2QK7TRIGGER4821Z001')).toBeUndefined();
  });

  it('merges the Alertmanager resolution and the PagerDuty resolve', () => {
    const resolved = entry(`${ALERT}-resolved`);
    expect(resolved?.kind).toBe('alert_resolved');
    expect(filesOf(resolved)).toEqual([AM, PD]);
    expect(entry('pd-R2QK7RESOLVE4821Z0001')).toBeUndefined();
  });

  it('keeps the unrelated inventory alert apart from the checkout alert', () => {
    const inventory = entry('am-9b1e4c07d2a35f18');
    expect(inventory?.service).toBe('inventory');
    expect(filesOf(inventory)).toEqual([AM]);
  });
});

describe('checkout-five-tools: data quality and wording', () => {
  it('reports the truncated webhook line with its file and line, and reads the other files', () => {
    expect(report.dataQuality.problems).toEqual([{ file: AM, line: 4, message: 'not valid JSON' }]);
    expect(report.dataQuality.linesSkipped).toBe(1);
    expect(report.dataQuality.filesRead).toBe(5);
  });

  it('names no person from users.json in the summary, claims, findings, follow-ups or gaps', () => {
    const users = JSON.parse(readFileSync(join(root, bundle, 'slack-export/users.json'), 'utf8')) as {
      name: string;
      real_name: string;
      is_bot: boolean;
      profile: { display_name: string; first_name: string; last_name: string };
    }[];
    const names = users
      .filter((u) => !u.is_bot)
      .flatMap((u) => [
        u.name,
        u.real_name,
        u.profile.display_name,
        u.profile.first_name,
        u.profile.last_name,
      ])
      .filter((n) => n.length >= 3);
    expect(names).toContain('Priya Raman');
    const narrative = [
      report.incident.summary,
      ...report.claims.map((c) => c.statement),
      ...report.findings.map((f) => f.statement),
      ...report.followUps.map((f) => f.action),
      ...report.gaps,
    ].join('\n');
    expect(report.claims.length).toBeGreaterThan(3);
    for (const name of names) expect(narrative.toLowerCase()).not.toContain(name.toLowerCase());
  });

  it('shows Europe/London local times next to UTC in the Markdown', () => {
    expect(markdown).toContain('Local (Europe/London)');
    const row = markdown.split('\n').find((l) => l.startsWith('|') && l.includes(`id="ref-${ref(FAULTY)}"`));
    expect(row).toContain('2026-05-19 13:02:11 | 2026-05-19 14:02:11');
  });
});

describe('checkout-five-tools: a timeline people can read', () => {
  const LIFECYCLE = /^Pod\/\S+ (Scheduled|Pulling|Pulled|Created|Started|Killing):/;

  it('folds the 30 routine pod events into the rollout and the rollback they belong to', () => {
    expect(report.timeline.filter((e) => LIFECYCLE.test(e.summary))).toEqual([]);
    // 24: the paging app's Slack post of the alert ("Triggered #4821 [FIRING:1] …") is the alert
    // itself, and PagerDuty assigning the page is a routine step folded into it.
    expect(report.timeline).toHaveLength(24);
    const alert = report.timeline.find((e) => e.kind === 'alert' && /CheckoutHighErrorRate/.test(e.summary))!;
    expect(alert.sources?.map((s) => s.file)).toContain('slack-export/inc-checkout/2026-05-19.json');
    expect(alert.folded?.map((f) => f.summary.slice(0, 50))).toEqual([
      'Assigned: [#4821] [FIRING:1] CheckoutHighErrorRate',
    ]);
    const rollout = entry(FAULTY)!;
    const rollback = entry(ROLLBACK)!;
    const pods = (e: Entry) => e.folded!.filter((f) => f.summary.startsWith('Pod/'));
    expect(pods(rollout)).toHaveLength(15);
    expect(pods(rollback)).toHaveLength(15);
    // The pods of v3.8.0 stop when the rollback scales their replica set down, not when they started.
    expect(rollback.folded!.filter((f) => / Killing:/.test(f.summary))).toHaveLength(3);
    for (const e of [rollout, rollback])
      for (const f of e.folded!) expect(e.sources).toContainEqual(f.source);
  });

  it('keeps the failing probes and back-offs as entries of their own', () => {
    const reasons = report.timeline.map((e) => e.attrs?.reason).filter(Boolean);
    expect(reasons.filter((r) => r === 'Unhealthy')).toHaveLength(3);
    expect(reasons.filter((r) => r === 'BackOff')).toHaveLength(2);
  });

  it('shows in the Markdown how many routine events an entry holds', () => {
    const row = markdown.split('\n').find((l) => l.includes(`ref-${ref(FAULTY)}"`));
    expect(row).toContain('(+21 routine events)');
    expect(row).toContain('github/webhook-deliveries.jsonl:4, kubernetes/events.json (21 lines) |');
  });

  it('shows in the text timeline how many routine events an entry holds', () => {
    const r = hindsight('timeline', bundle);
    expect(r.status).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.includes(` ${ref(FAULTY)} `));
    expect(row).toMatch(/ \(\+21 routine events\)$/);
  });

  it('sums a rollout up instead of repeating its scaling messages', () => {
    const row = markdown.split('\n').find((l) => l.includes(`ref-${ref(FAULTY)}"`))!;
    expect(row).toContain('Rollout of checkout to 7c9d5f6b8d (v3.8.0): 3 replicas up, 3 down');
    expect(row).not.toContain('ScalingReplicaSet');
    const steps = (e: Entry) => e.folded!.filter((f) => / ScalingReplicaSet: /.test(f.summary));
    expect(steps(entry(FAULTY)!)).toHaveLength(6);
    expect(steps(entry(ROLLBACK)!)).toHaveLength(6);
    expect(entry(ROLLBACK)!.summary).toMatch(/^Rollback deploy of checkout v3\.7\.4/);
  });
});

describe('checkout-five-tools: refs a person can say', () => {
  it('gives every entry a short ref, unique in the report, and keeps the long source id in its attributes', () => {
    const refs = report.timeline.map((e) => e.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const r of refs) expect(r).toMatch(/^[A-Z][A-Z0-9]{0,5}-\d{2}(-RESOLVED)?$/);
    expect(ref(FAULTY)).toBe('GH-02');
    expect(ref('k8s-2f0f8f94-f8c6-be8c-ea44-3e6b47e2b450')).toBe('K8S-01');
    expect(ref(`${ALERT}-resolved`)).toBe(`${ref(ALERT)}-RESOLVED`);
    expect(entry(FAULTY)?.attrs?.sourceId).toBe(FAULTY);
  });

  it('cites only those refs in the moments, suspects, findings and claims, and links them in the Markdown', () => {
    const refs = new Set(report.timeline.map((e) => e.ref));
    const cited = [
      ...Object.values(report.moments).flatMap((m) => (m?.ref ? [m.ref] : [])),
      ...report.suspects.map((s) => s.ref),
      ...report.findings.flatMap((f) => f.evidenceRefs),
    ];
    expect(cited.filter((r) => !refs.has(r))).toEqual([]);
    expect(markdown).toContain('[GH-02](#ref-GH-02)');
    expect(markdown).not.toMatch(/k8s-[0-9a-f]{8}-|gh-deploy-\d|slack-inc-checkout-\d/);
  });

  it('gives the same refs on a second run', () => {
    const again = hindsight('generate', bundle, '--format', 'json');
    expect((JSON.parse(again.stdout) as Report).timeline.map((e) => e.ref)).toEqual(
      report.timeline.map((e) => e.ref),
    );
  });
});
