import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { Manifest, type Statement } from '../model/index.js';
import { analyze } from './analyze.js';

// Each timeline here would fool a heuristic that blames the deploy nearest the first symptom.
const manifest = Manifest.parse({ services: ['api'] });
const cause = (text: string, line = 5): Statement => ({
  kind: 'cause',
  text,
  source: { file: 'postmortem.md', line },
});

describe('suspects respect time', () => {
  it('a change dated only to the day impact began at a stated time is no suspect: it cannot be shown to come first', () => {
    const events = [
      ev(-600, 'change', 'Config change applied', [], { ref: 'DAY', attrs: { dayOnly: true } }),
      ev(1, 'note', 'Node entered NotReady state', ['symptom'], { ref: 'NODE' }),
      ev(3, 'alert', 'Alert triggered on Slack', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(60, 'note', 'Node healthy again', ['recovery'], { ref: 'OK' }),
    ];
    const a = analyze(events, manifest);
    expect(a.suspects.map((s) => s.ref)).not.toContain('DAY');
    expect(a.moments.trigger).toBeNull();
  });

  it('a line read as a change that names nothing changed is no suspect; a change a format states is one whatever its words', () => {
    const events = [
      ev(-10, 'change', 'Our API had an incident that lasted for two hours and 32 minutes.', [], {
        ref: 'TOLD',
        attrs: { unnamedChange: true },
      }),
      ev(-5, 'change', 'Reindex search', [], { ref: 'REINDEX', service: 'api' }),
      ev(1, 'alert', '5xx on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(60, 'note', 'Errors back to normal', ['recovery'], { ref: 'OK' }),
    ];
    const a = analyze(events, manifest);
    expect(a.suspects.map((s) => s.ref)).toEqual(['REINDEX']);
  });

  it('with no symptom on record, a change is weighed against when the team learned of the problem', () => {
    const events = [
      ev(-40, 'change', 'Deployed the new email routing config to the support service', ['change'], {
        ref: 'CFG',
      }),
      ev(
        2,
        'ack',
        'The infrastructure team notices unusual email activity and begins investigating',
        ['ack'],
        {
          ref: 'ACK',
        },
      ),
      ev(9, 'action', 'Routing corrected by the infrastructure team', ['mitigation'], { ref: 'FIX' }),
    ];
    const a = analyze(events, manifest);
    expect(a.suspects.map((s) => s.ref)).toEqual(['CFG']);
    expect(a.suspects[0].reasons.join(' ')).toContain('first sign of the problem after it (ACK)');
    // A change only after the team knew is no suspect.
    const late = analyze(
      [...events, ev(5, 'change', 'Deployed api 2.1', ['change'], { ref: 'LATE' })],
      manifest,
    );
    expect(late.suspects.map((s) => s.ref)).not.toContain('LATE');
  });

  it('with no symptom on record, impact began with the change that convincingly caused the incident', () => {
    const events = [
      ev(-3, 'change', 'Deployed checkout 4.2 to production', ['change'], { ref: 'DEPLOY', service: 'api' }),
      ev(5, 'report', 'Support tickets about failed payments arrive', ['detect'], { ref: 'TICKETS' }),
      ev(9, 'rollback', 'Rolled back checkout 4.2', ['mitigation', 'change'], { ref: 'RB' }),
      ev(12, 'note', 'Payments succeed again', ['recovery'], { ref: 'OK' }),
    ];
    const a = analyze(events, manifest);
    expect(a.moments.trigger?.ref).toBe('DEPLOY');
    expect(a.moments.impactStart?.ref).toBe('DEPLOY');
    // The report says the start is inferred, and is no surer of it than of the trigger.
    const claim = a.claims.find((c) => c.statement.startsWith('Impact is taken to begin with the change'));
    expect(claim?.evidenceRefs).toEqual(['DEPLOY']);
    expect(claim?.confidence).toBeLessThanOrEqual(a.suspects[0].confidence);
    // A symptom on record keeps its own time.
    const seen = analyze(
      [...events, ev(1, 'note', 'Payment errors rise', ['symptom'], { ref: 'ERR' })],
      manifest,
    );
    expect(seen.moments.impactStart?.ref).toBe('ERR');
    expect(seen.claims.some((c) => c.statement.startsWith('Impact began at 10:01'))).toBe(true);
    // A change that does not convincingly explain it (days before, another service) leaves it unknown.
    const far = analyze(
      [
        ev(-3000, 'change', 'Deployed search 1.1', ['change'], { ref: 'FAR', service: 'search' }),
        ...events.slice(1),
      ],
      manifest,
    );
    expect(far.moments.trigger).toBeNull();
    expect(far.moments.impactStart).toBeNull();
  });

  it('a flag switched from primary to backup four minutes after impact began is a mitigation, not the trigger', () => {
    const events = [
      ev(0, 'alert', 'Payment errors above 5% on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(4, 'change', 'Feature flag payments-provider switched from primary to backup', [], { ref: 'FLAG' }),
      ev(12, 'note', 'Payment errors back to normal', ['recovery'], { ref: 'OK' }),
    ];
    const a = analyze(events, manifest);
    expect(a.suspects.map((s) => s.ref)).not.toContain('FLAG');
    expect(a.moments.trigger).toBeNull();
    expect(a.moments.mitigationStarted?.ref).toBe('FLAG');
    expect(a.findings.map((f) => f.rule)).not.toContain('recovered-without-mitigation');
  });

  it('failover, traffic shifts, scaling out and hotfixes after impact began are mitigations too', () => {
    for (const summary of [
      'Failed over the database to the standby',
      'Load-balanced all traffic to eu-west so us-east can scale',
      'Scaled out the api deployment to 12 replicas',
      'Hotfix 2.3.2 shipped with the null check',
    ]) {
      const events = [
        ev(0, 'alert', 'Errors on api', ['symptom', 'detect']),
        ev(5, 'change', summary, [], { ref: 'CHG' }),
        ev(20, 'alert_resolved', 'Errors on api resolved', ['recovery']),
      ];
      const a = analyze(events, manifest);
      expect(a.suspects, summary).toEqual([]);
      expect(a.moments.mitigationStarted?.ref, summary).toBe('CHG');
    }
  });

  it('a deploy after the first alert is no suspect without evidence that it made things worse', () => {
    const events = [
      ev(0, 'alert', 'Latency above 2 s on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(2, 'change', 'Deploy api v2.4.0', [], { ref: 'DEP' }),
      ev(5, 'alert', '5xx above 1% on api', ['symptom', 'detect']),
      ev(30, 'alert_resolved', 'Latency normal', ['recovery']),
    ];
    const a = analyze(events, manifest);
    expect(a.suspects).toEqual([]);
    expect(a.moments.trigger).toBeNull();
    expect(a.gaps.find((g) => g.startsWith('No change'))).toContain('points first to ALERT');
  });

  it('a change after impact began whose own line only says the harm goes on is no suspect', () => {
    const events = [
      ev(0, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(6, 'change', 'Deploy api v2.4.1, errors continue', ['symptom'], { ref: 'DEP' }),
      ev(30, 'alert_resolved', 'Errors on api resolved', ['recovery']),
    ];
    expect(analyze(events, manifest).suspects).toEqual([]);
  });

  it('a deploy after the first alert that new errors followed is a contributing factor, below the trigger line, saying why', () => {
    const events = [
      ev(0, 'alert', 'Latency above 2 s on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(2, 'change', 'Deploy api v2.4.0', [], { ref: 'DEP' }),
      ev(4, 'log', 'NullPointerException in OrderMapper', ['symptom'], { ref: 'LOG', attrs: { new: true } }),
      ev(30, 'alert_resolved', 'Latency normal', ['recovery']),
    ];
    const a = analyze(events, manifest);
    const dep = a.suspects.find((s) => s.ref === 'DEP');
    expect(dep?.confidence).toBeLessThan(0.5);
    expect(dep?.reasons[0]).toMatch(
      /^a contributing factor at most, not the trigger: .*new log templates .*LOG/,
    );
    expect(a.moments.trigger).toBeNull();
    expect(a.findings.map((f) => f.rule)).toContain('symptom-precedes-change');
  });

  it('a rollback that failed is not the rollback after which the symptoms ended', () => {
    const recovered = [
      ev(0, 'change', 'Deploy api v3.1.0', [], { ref: 'DEP' }),
      ev(4, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT' }),
    ];
    const ended = (undo: ReturnType<typeof ev>[]) =>
      analyze(
        [...recovered, ...undo, ev(60, 'note', 'Service fully restored', ['recovery'])],
        manifest,
      ).suspects[0].reasons.some((r) => r.startsWith('symptoms ended'));
    expect(ended([ev(10, 'rollback', 'Rolled back api to v3.0.9', ['mitigation'])])).toBe(true);
    expect(
      ended([ev(10, 'rollback', 'Rollback of api to v3.0.9 fails due to a pipeline error', ['mitigation'])]),
    ).toBe(false);
    expect(
      ended([
        ev(10, 'rollback', 'Rollback of api initiated', ['mitigation']),
        ev(12, 'note', 'Error rates remain elevated despite rollback', ['symptom']),
        ev(40, 'action', 'Throttled writes on api', ['mitigation']),
      ]),
    ).toBe(false);
    expect(
      ended([
        ev(10, 'rollback', 'Rollback of api attempted', ['mitigation']),
        ev(20, 'note', 'Rollback fails due to configuration issues', []),
      ]),
    ).toBe(false);
  });

  it('a change that turns something off is not undone by turning off more (Chia-Network 2022-06-28)', () => {
    const ended = (undo: string) =>
      analyze(
        [
          ev(0, 'change', 'Turned off the api testing instance', [], { ref: 'OFF' }),
          ev(4, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT' }),
          ev(10, 'action', undo, ['mitigation']),
          ev(60, 'note', 'Service fully restored', ['recovery']),
        ],
        manifest,
      ).suspects[0].reasons.some((r) => r.startsWith('symptoms ended'));
    expect(ended('Turned off all api instances as a precaution')).toBe(false);
    expect(ended('Restored the api testing instance')).toBe(true);
  });

  it('the rollback after which symptoms ended counts for the change naming the same thing, not the nearest one', () => {
    // jenkins-infra/documentation 20210529-aci-outage, in short.
    const none = { service: null };
    const events = [
      ev(0, 'change', 'Mark Waite updated plugins on ci.jenkins.io, restarted ci.jenkins.io', ['change'], {
        ...none,
        ref: 'CHG-1',
      }),
      ev(18, 'change', 'Updated JDK 8 tool definition from 8u242 to 8u292', ['change'], {
        ...none,
        ref: 'CHG-2',
      }),
      ev(62, 'note', 'maven agents were not being allocated on ci.jenkins.io', ['symptom'], none),
      ev(
        144,
        'rollback',
        'Downgrade those 5 plugins and restart ci.jenkins.io',
        ['mitigation', 'change'],
        none,
      ),
      ev(152, 'note', 'Outage resolved, agents are allocated on ci.jenkins.io', ['recovery'], none),
    ];
    const a = analyze(events, Manifest.parse({}));
    expect(a.suspects[0].ref).toBe('CHG-1');
    expect(a.moments.trigger?.ref).toBe('CHG-1');
    // A word every line uses (the product's name) ties nothing.
    const renamed = events.map((e) =>
      e.ref === 'CHG-2' ? { ...e, summary: 'Updated JDK 8 tool definition on ci.jenkins.io' } : e,
    );
    const b = analyze(
      renamed.map((e) => (e.ref === 'CHG-1' ? { ...e, summary: 'Mark Waite restarted ci.jenkins.io' } : e)),
      Manifest.parse({}),
    );
    expect(b.suspects[0].ref).toBe('CHG-2');
  });

  it('switching off what a change put in place is undoing it: the symptoms ending after it count for that change', () => {
    // opencollective/opencollective 2024-10-08, in short: a day between the deploy and the first ticket.
    const none = { service: null };
    const events = [
      ev(-120, 'change', 'Upgraded the payments library to 4.2', ['change'], { ...none, ref: 'LIB' }),
      ev(0, 'change', 'We deployed the CRON job', ['change'], { ...none, ref: 'CRON' }),
      ev(26 * 60, 'report', 'We started receiving support tickets', ['symptom', 'detect'], none),
      ev(
        41 * 60,
        'action',
        'We disabled the CRON job responsible for the issue in production',
        ['mitigation'],
        none,
      ),
      ev(42 * 60, 'note', 'No new notifications are sent; the issue is resolved', ['recovery'], none),
    ];
    const a = analyze(events, Manifest.parse({}));
    expect(a.suspects[0].reasons.join(' ')).toMatch(/after it was rolled back/);
    expect(a.moments.trigger?.ref).toBe('CRON');
    // Disabling something else undoes neither change.
    const other = events.map((e) =>
      e.kind === 'action' ? { ...e, summary: 'We disabled the billing webhooks in production' } : e,
    );
    expect(analyze(other, Manifest.parse({})).moments.trigger).toBeNull();
  });

  it("another service's deploy is not credited with the new errors of the affected service", () => {
    const events = [
      ev(-8, 'change', 'Deploy internal-reporting v0.31.0', ['change'], {
        service: 'reporting',
        ref: 'OTHER',
      }),
      ev(0, 'alert', 'Checkout latency high', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(2, 'change', 'Deploy #287 triggered for checkout', ['change'], { service: 'api', ref: 'OURS' }),
      ev(4, 'log', 'New error log template in api: "502 Bad Gateway"', ['symptom'], {
        ref: 'LOG',
        attrs: { new: true },
      }),
    ];
    const a = analyze(events, manifest);
    const other = a.suspects.find((s) => s.ref === 'OTHER');
    expect(other?.reasons.join(' ')).not.toMatch(/new log templates/);
    expect(a.suspects.find((s) => s.ref === 'OURS')?.reasons.join(' ')).toMatch(/new log templates/);
  });

  it('a change to a service that showed no symptoms, with only its timing for it, ranks below the affected service’s contributing change', () => {
    // seed-000's incident in a busy export: another team's deploy seven minutes before the alert.
    const events = [
      ev(-8, 'change', 'Deploy internal-reporting v0.31.0', ['change'], {
        service: 'reporting',
        ref: 'OTHER',
      }),
      ev(0, 'alert', 'Checkout latency high', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(2, 'change', 'Deploy #287 triggered for checkout', ['change'], { ref: 'OURS' }),
      ev(4, 'log', 'New error log template in api: "502 Bad Gateway"', ['symptom'], {
        ref: 'LOG',
        attrs: { new: true },
      }),
    ];
    const a = analyze(events, manifest);
    expect(a.suspects[0].ref).toBe('OURS');
    expect(a.suspects.find((s) => s.ref === 'OTHER')?.confidence).toBeLessThanOrEqual(0.35);
    expect(a.moments.trigger).toBeNull();
  });

  it("a user's own publish is not a change of ours", () => {
    const events = [
      ev(-2, 'change', 'A user published a package with a 40 MB manifest', [], { ref: 'PUB' }),
      ev(0, 'alert', 'Registry api 5xx above 10%', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(15, 'alert_resolved', 'Registry api 5xx normal', ['recovery']),
    ];
    const a = analyze(events, manifest);
    expect(a.suspects).toEqual([]);
    expect(a.moments.trigger).toBeNull();
    const customer = analyze(
      [
        ev(-2, 'change', 'A customer deployed their app with 400 workers', [], { ref: 'CUST' }),
        ...events.slice(1),
      ],
      manifest,
    );
    expect(customer.suspects).toEqual([]);
  });

  it('a cause statement naming a change an hour before outranks the deploy nearest the symptom, and is cited', () => {
    const events = [
      ev(-60, 'change', 'CoreDNS upgraded to 1.6.9 on the cluster', [], { ref: 'DNS', service: null }),
      ev(-3, 'change', 'Deploy api v2.3.1', [], { ref: 'DEP' }),
      ev(0, 'alert', 'Timeouts on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(25, 'alert_resolved', 'Timeouts on api resolved', ['recovery']),
    ];
    const statements = [cause('The CoreDNS upgrade to 1.6.9 made DNS lookups time out under load.', 12)];
    const without = analyze(events, manifest);
    expect(without.suspects[0].ref).toBe('DEP');
    const a = analyze(events, manifest, [], statements);
    expect(a.suspects[0].ref).toBe('DNS');
    expect(a.suspects[0].confidence).toBeGreaterThanOrEqual(0.5);
    expect(a.moments.trigger?.ref).toBe('DNS');
    expect(a.suspects[0].reasons).toContain(
      `the postmortem's own cause statement (postmortem.md:12) says "The CoreDNS upgrade to 1.6.9 made DNS lookups time out under load."`,
    );
  });

  it('a cause statement that opens with "This resulted in" names no change: the words after it are only the effect', () => {
    const events = [
      ev(-88, 'change', 'Kubernetes upgrade commenced.', [], { ref: 'K8S', service: null }),
      ev(-1, 'change', 'Infrastructure Modules release 0.2.119.', [], { ref: 'REL', service: null }),
      ev(0, 'note', 'Status 503 messages witnessed.', ['symptom', 'detect']),
      ev(4, 'action', "Target group manually reattached to ALB's (resolved).", ['mitigation', 'recovery']),
    ];
    const statements = [
      cause(
        'This resulted in all of the ALB targets being detached, and in turn all Services within Kubernetes to return status 503 messages.',
      ),
    ];
    const a = analyze(events, manifest, [], statements);
    expect(a.moments.trigger?.ref).toBe('REL');
    expect(a.suspects.find((s) => s.ref === 'K8S')?.reasons.join(' ')).not.toContain('cause statement');
  });

  it('an upstream outage with a deploy nearby: no suspect above 0.5, and the report says where the evidence points', () => {
    const events = [
      ev(-3, 'change', 'Deploy api v5.1.0', [], { ref: 'DEP' }),
      ev(0, 'alert', 'Checkout requests failing on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(40, 'alert_resolved', 'Checkout requests normal', ['recovery']),
    ];
    const statements = [cause('An outage at our payment provider caused checkout requests to fail.', 7)];
    const a = analyze(events, manifest, [], statements);
    expect(a.suspects.every((s) => s.confidence <= 0.5)).toBe(true);
    expect(a.moments.trigger).toBeNull();
    expect(a.suspects[0].against.join(' ')).toContain('payment provider');
    expect(a.gaps.find((g) => g.startsWith('No change'))).toContain(
      `the postmortem's own cause statement (postmortem.md:7) says "An outage at our payment provider`,
    );
    expect(
      a.claims.some((c) => c.statement.includes('postmortem.md:7') && c.evidenceRefs[0] === 'ALERT'),
    ).toBe(true);
  });

  it('a disk that filled over weeks: the deploy ten minutes before the alert is not convincing', () => {
    const events = [
      ev(-10, 'change', 'Deploy api v5.2.0', [], { ref: 'DEP' }),
      ev(0, 'alert', 'api pods crash: no space left on device', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(50, 'note', 'api healthy after volume resize', ['recovery']),
    ];
    const a = analyze(events, manifest, [], [cause('The log volume filled up over three weeks of growth.')]);
    expect(a.suspects.every((s) => s.confidence <= 0.5)).toBe(true);
    expect(a.moments.trigger).toBeNull();
  });

  it('a change the document says an attacker made is not ours, even when its line shows the harm', () => {
    const events = [
      ev(
        0,
        'change',
        'An edit was made to the install page pointing the download link to a malicious host',
        ['symptom'],
        {
          ref: 'EDIT',
          service: null,
        },
      ),
      ev(15, 'report', 'Reports of the bad download link reach support', ['symptom', 'detect']),
      ev(48, 'rollback', 'Reverted the edit to the install page', ['mitigation']),
      ev(49, 'note', 'Download link correct again', ['recovery']),
    ];
    const statements = [
      cause('A malicious user redirected the download link with an unreviewed edit to the install page.'),
    ];
    expect(analyze(events, manifest).moments.trigger?.ref).toBe('EDIT');
    const a = analyze(events, manifest, [], statements);
    expect(a.suspects).toEqual([]);
    expect(a.moments.trigger).toBeNull();
    expect(a.gaps.find((g) => g.startsWith('No change'))).toContain('A malicious user redirected');
  });
});
