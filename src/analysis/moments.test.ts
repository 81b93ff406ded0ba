import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { Manifest } from '../model/index.js';
import { analyze } from './analyze.js';
import { findMoments } from './moments.js';

const refs = (m: ReturnType<typeof findMoments>) =>
  Object.fromEntries(Object.entries(m).map(([k, e]) => [k, e?.ref ?? null]));

describe('moments keep the order of an incident', () => {
  it('detection comes no earlier than impact start, and acknowledgement no earlier than detection', () => {
    const m = findMoments([
      ev(-5, 'note', 'Disk usage noticed at 60%', ['detect'], { ref: 'EARLY' }),
      ev(0, 'alert', 'Checkout 5xx above 5%', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(2, 'ack', 'On it', ['ack'], { ref: 'ACK' }),
    ]);
    expect(refs(m)).toMatchObject({ impactStart: 'ALERT', detected: 'ALERT', acknowledged: 'ACK' });
  });

  it('mitigation begins with the act a decision led to, when the act is told as begun soon after', () => {
    const alert = ev(0, 'alert', 'AutosaveSuccessRateLow firing', ['symptom', 'detect'], { ref: 'ALERT' });
    const decided = ev(10, 'action', 'Decision made to rollback rather than hotfix', ['mitigation'], {
      ref: 'DECIDED',
    });
    const begun = ev(15, 'action', 'Mitigation started. Rollback initiated.', ['mitigation'], {
      ref: 'BEGUN',
    });
    expect(refs(findMoments([alert, decided, begun])).mitigationStarted).toBe('BEGUN');
    // Only the act's end recorded after it: the decision stands for when it began.
    const done = ev(25, 'action', 'The rollback is complete', ['mitigation', 'recovery'], { ref: 'DONE' });
    expect(refs(findMoments([alert, decided, done])).mitigationStarted).toBe('DECIDED');
    // A choice told as such is a decision too; the act that follows need not say it began.
    const chose = { ...decided, summary: 'Root cause identified. Rolling back rather than hotfixing.' };
    const undone = ev(
      15,
      'action',
      'Executed: `kubectl rollout undo deployment/api-server`',
      ['mitigation'],
      {
        ref: 'UNDONE',
      },
    );
    expect(refs(findMoments([alert, chose, undone])).mitigationStarted).toBe('UNDONE');
    // An act begun long after the decision is not the one it led to at once.
    const later = { ...begun, ts: begun.ts + 60 * 60_000 };
    expect(refs(findMoments([alert, decided, later])).mitigationStarted).toBe('DECIDED');
  });

  it("the writer's own mark of the outage's start decides impact start, unless the outage was reported before it", () => {
    const change = ev(0, 'change', 'DNS change submitted; an error in it would add wrong A records', [
      'symptom',
      'change',
    ]);
    const mark = ev(350, 'note', 'DNS changes take effect. <START OF OUTAGE>', ['symptom'], {
      ref: 'MARK',
      attrs: { impactBound: 'start' },
    });
    const alert = ev(356, 'alert', 'Monitoring reports the site down', ['symptom', 'detect'], {
      ref: 'ALERT',
    });
    expect(findMoments([change, mark, alert]).impactStart?.ref).toBe('MARK');
    // "[03-26 23:04] … (outage starts)" after reports at 02:50 the same day: the mark's date is off.
    const early = ev(200, 'report', 'The outage is reported on GitHub', ['symptom', 'detect'], {
      ref: 'EARLY',
    });
    expect(findMoments([change, early, mark, alert]).impactStart?.ref).toBe(change.ref);
    // A report weeks before the mark is of an earlier problem: the mark still decides.
    const earlier = ev(-30_000, 'report', 'Gradle fails for ios-only plugins', ['symptom', 'detect']);
    expect(findMoments([earlier, change, mark, alert]).impactStart?.ref).toBe('MARK');
    // News reported before the mark that states no problem ("News reports that a new sonnet was
    // found", which then draws the traffic) is not the outage reported: the mark still decides.
    const news = ev(340, 'report', 'News reports that a new sonnet has been discovered', ['detect']);
    expect(findMoments([change, news, mark, alert]).impactStart?.ref).toBe('MARK');
  });

  it('a start the Impact states with no entry at its time is the impact start where it keeps the order', () => {
    // jenkins-infra/documentation 20210525: "unavailable from 2021-05-25 11:30 UTC until …", the
    // alert at 11:42.
    const stated = ev(
      -12,
      'note',
      'The Windows package was unavailable from 11:30 until 07:51',
      ['symptom'],
      {
        ref: 'STATED',
        attrs: { statedStart: true },
      },
    );
    const alert = ev(0, 'alert', 'PagerDuty alert: Windows package not available', ['symptom', 'detect'], {
      ref: 'ALERT',
    });
    expect(refs(findMoments([stated, alert]))).toMatchObject({ impactStart: 'STATED', detected: 'ALERT' });
    // Not after a symptom the timeline records, nor after detection.
    const earlier = ev(-30, 'note', 'Errors begin on the packaging job', ['symptom'], { ref: 'EARLIER' });
    expect(refs(findMoments([earlier, stated, alert]))).toMatchObject({ impactStart: 'EARLIER' });
    const late = ev(5, 'note', 'The package was unavailable from 11:47', ['symptom'], {
      ref: 'LATE',
      attrs: { statedStart: true },
    });
    expect(refs(findMoments([alert, late]))).toMatchObject({ impactStart: 'ALERT' });
    // A statement that does not tell of the problem is no start.
    const plain = ev(-12, 'note', 'The team met from 11:30 until 12:00', ['symptom'], {
      ref: 'PLAIN',
      attrs: { statedStart: true },
    });
    expect(refs(findMoments([plain, alert]))).toMatchObject({ impactStart: 'ALERT' });
  });

  it('a responder at work before any report is the team knowing: detection is no later than that', () => {
    const events = [
      ev(0, 'note', 'All services returning 503', ['symptom'], { ref: 'SYM' }),
      ev(3, 'ack', 'Investigation into issue commenced', ['ack'], { ref: 'ACK' }),
      ev(5, 'report', 'Issue reported by customer', ['symptom', 'detect'], { ref: 'RPT' }),
    ];
    const m = findMoments(events);
    expect(m.detected?.ref).toBe('ACK');
    expect(m.acknowledged?.ref).toBe('ACK');
    const claims = analyze(events, Manifest.parse({})).claims.map((c) => c.statement);
    expect(claims.find((c) => c.startsWith('The incident was detected'))).toMatch(
      /^The incident was detected at 10:03 UTC, 3 min after impact began/,
    );
  });

  it('an incident declared is the team knowing: detection is no later than the declaration', () => {
    const m = findMoments([
      ev(0, 'note', 'Uptime check on the hub starts failing', ['symptom'], { ref: 'SYM' }),
      ev(4, 'note', 'Incident declared', ['declare'], { ref: 'DECL' }),
      ev(30, 'report', 'First reports of users seeing 404 errors', ['symptom', 'detect'], { ref: 'RPT' }),
    ]);
    expect(m.detected?.ref).toBe('DECL');
    expect(m.declared?.ref).toBe('DECL');
  });

  it('with no line recording detection, a responder at work is the team knowing: detection is then', () => {
    const m = findMoments([
      ev(0, 'note', 'Pods started crashlooping and become pending', ['symptom'], { ref: 'SYM' }),
      ev(60, 'ack', 'Ongoing investigation and troubleshooting to find root cause', ['ack'], { ref: 'ACK' }),
      ev(210, 'action', 'Rolled over sick node', ['mitigation'], { ref: 'FIX' }),
    ]);
    expect(refs(m)).toMatchObject({ impactStart: 'SYM', detected: 'ACK', acknowledged: 'ACK' });
  });

  it('mitigation and recovery before impact began are not this incident', () => {
    const m = findMoments([
      ev(-30, 'action', 'Restarted the cache', ['mitigation'], { ref: 'OLD-FIX' }),
      ev(-20, 'note', 'Cache healthy again', ['recovery'], { ref: 'OLD-OK' }),
      ev(0, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(9, 'rollback', 'Rolled back api', ['mitigation'], { ref: 'RB' }),
      ev(12, 'note', 'Errors stopped', ['recovery'], { ref: 'OK' }),
    ]);
    expect(refs(m)).toMatchObject({ mitigationStarted: 'RB', recovered: 'OK' });
  });

  it('mitigation more than a day before the problem was known answers nothing; automation just before it does', () => {
    const day = 24 * 60;
    // zzstoatzz/plyr.fm 2026-07-30: an upload job deletes files twelve days before the report.
    const late = findMoments([
      ev(0, 'note', 'Files uploaded twice', ['symptom'], { ref: 'LOST' }),
      ev(1, 'action', 'attempting R2 delete', ['mitigation'], { ref: 'JOB' }),
      ev(12 * day, 'report', 'tracks reported broken', ['symptom', 'detect'], { ref: 'RPT' }),
      ev(12 * day + 60, 'action', 'fix released; objects restored', ['mitigation', 'recovery'], {
        ref: 'FIX',
      }),
    ]);
    expect(refs(late)).toMatchObject({ detected: 'RPT', mitigationStarted: 'FIX' });
    const failover = findMoments([
      ev(0, 'note', 'Primary database down', ['symptom'], { ref: 'DOWN' }),
      ev(2, 'action', 'Automatic failover to the replica', ['mitigation'], { ref: 'AUTO' }),
      ev(20, 'report', 'Support hears of slow checkouts', ['detect'], { ref: 'RPT' }),
    ]);
    expect(refs(failover)).toMatchObject({ mitigationStarted: 'AUTO' });
  });

  it('an exposure with nothing seen failing ends when its last fix ships, when no line says when it was closed', () => {
    const m = findMoments([
      ev(0, 'report', 'A researcher submitted a bug report', ['detect'], { ref: 'RPT' }),
      ev(60, 'change', 'Version 1.6.0 released with a partial fix', ['mitigation', 'change'], {
        ref: 'FIX-1',
      }),
      ev(120, 'change', 'Version 1.6.1 released with the full fix', ['mitigation', 'change'], {
        ref: 'FIX-2',
      }),
    ]);
    expect(refs(m)).toMatchObject({ mitigationStarted: 'FIX-1', recovered: 'FIX-2' });
  });

  it('with no line saying the service came back, the first fix after which no symptom is recorded ends the impact; a line saying so decides', () => {
    const failing = findMoments([
      ev(0, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(10, 'change', 'Hotfix deployed', ['mitigation', 'change'], { ref: 'FIX' }),
      ev(190, 'change', 'Second hotfix deployed', ['mitigation', 'change'], { ref: 'FIX-2' }),
    ]);
    expect(failing.recovered?.ref).toBe('FIX');
    // A fix run in steps within the hour (datahub 2019-02-25: cluster created, data moved, hub up)
    // ends with its last step.
    const steps = findMoments([
      ev(0, 'note', 'The API server became unavailable', ['symptom'], { ref: 'DOWN' }),
      ev(80, 'action', 'A new cluster is created', ['mitigation', 'change'], { ref: 'STEP-1' }),
      ev(110, 'action', 'Data volumes moved to the new server', ['mitigation', 'change'], { ref: 'STEP-2' }),
      ev(134, 'action', 'helm completes and the hub is up', ['mitigation', 'change'], { ref: 'STEP-3' }),
      ev(300, 'action', 'Monitoring added for the new cluster', ['mitigation', 'change'], { ref: 'LATER' }),
    ]);
    expect(steps.recovered?.ref).toBe('STEP-3');
    // Errors seen again after the first fix: the second one ended them.
    const again = findMoments([
      ev(0, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(10, 'change', 'Hotfix deployed', ['mitigation', 'change'], { ref: 'FIX' }),
      ev(20, 'alert', 'Errors on api again', ['symptom', 'detect'], { ref: 'AGAIN' }),
      ev(40, 'change', 'Second hotfix deployed', ['mitigation', 'change'], { ref: 'FIX-2' }),
    ]);
    expect(again.recovered?.ref).toBe('FIX-2');
    // Errors after every fix: no fix ended them.
    const never = findMoments([
      ev(0, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(10, 'change', 'Hotfix deployed', ['mitigation', 'change'], { ref: 'FIX' }),
      ev(20, 'alert', 'Errors on api again', ['symptom', 'detect'], { ref: 'AGAIN' }),
    ]);
    expect(never.recovered).toBeNull();
    const stated = findMoments([
      ev(0, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(10, 'change', 'Hotfix deployed', ['mitigation', 'change'], { ref: 'FIX' }),
      ev(30, 'note', 'Error rate back to normal', ['recovery'], { ref: 'OK' }),
    ]);
    expect(stated.recovered?.ref).toBe('OK');
  });

  it('a service back only in part recovers when a later line says it is back in full', () => {
    const start = ev(0, 'note', 'Errors began', ['symptom'], { ref: 'START' });
    const partly = ev(180, 'note', 'The main impact was resolved', ['recovery'], {
      ref: 'PART',
      attrs: { partialRecovery: true },
    });
    const fully = ev(350, 'note', 'All services fully restored', ['recovery'], { ref: 'FULL' });
    expect(findMoments([start, partly, fully]).recovered?.ref).toBe('FULL');
    // With no full recovery told, the partial one is the recovery the evidence records.
    expect(findMoments([start, partly]).recovered?.ref).toBe('PART');
  });

  it('a story told in prose recovers at the latest recovery it tells; a timeline at the first that holds', () => {
    const told = (attrs: Record<string, unknown>) => [
      ev(0, 'note', 'The incident began with database errors', ['symptom'], { ref: 'START', attrs }),
      ev(120, 'note', 'All DNS information was restored', ['recovery'], { ref: 'DNS', attrs }),
      ev(870, 'note', 'Full recovery across all services was achieved', ['recovery'], { ref: 'ALL', attrs }),
    ];
    expect(findMoments(told({ prose: true })).recovered?.ref).toBe('ALL');
    expect(findMoments(told({})).recovered?.ref).toBe('DNS');
  });

  it('a recovery told before the end of a window the problem lasted until is not yet the end', () => {
    const down = ev(0, 'note', 'The platform was unreachable from 15:24 PDT to 16:52 PDT', ['symptom'], {
      ref: 'DOWN',
    });
    const back = ev(88, 'note', 'The platform was unreachable from 15:24 PDT to 16:52 PDT', ['recovery'], {
      ref: 'BACK',
      attrs: { impactBound: 'end' },
    });
    const degraded = ev(175, 'note', 'A period of degraded performance until 18:19 PDT', ['recovery'], {
      ref: 'END',
      attrs: { impactBound: 'end' },
    });
    expect(findMoments([down, back, degraded]).recovered?.ref).toBe('END');
    // A recovery with no bound after it stays the recovery.
    expect(findMoments([down, back]).recovered?.ref).toBe('BACK');
  });

  it('a flapping service recovers at the last recovery after which no symptom returns', () => {
    const events = [
      ev(0, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT-1' }),
      ev(10, 'alert_resolved', 'Errors on api resolved', ['recovery'], { ref: 'OK-1' }),
      ev(15, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT-2' }),
      ev(25, 'alert_resolved', 'Errors on api resolved', ['recovery'], { ref: 'OK-2' }),
      ev(27, 'note', 'Traffic back to normal', ['recovery'], { ref: 'OK-3' }),
    ];
    expect(findMoments(events).recovered?.ref).toBe('OK-2');
    const a = analyze(events, Manifest.parse({}));
    expect(a.durations.impact).toBe(25 * 60);
    const flap = a.claims.find((c) => c.statement.startsWith('Symptoms returned after a recovery'));
    expect(flap?.evidenceRefs).toEqual(['OK-1', 'ALERT-2']);
  });

  it("an act read as ending the problem gives way to the same day's line stating the service's state", () => {
    // proompteng/lab 2025-11-01: the restart, then the confirmation the labels take as the end.
    const events = [
      ev(0, 'alert', 'Kafka quorum lost', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(50, 'action', 'Restarted entity operator for clean state.', ['mitigation', 'recovery', 'change'], {
        ref: 'RESTART',
      }),
      ev(52, 'note', 'Confirmed Kafka Ready=True and the readiness probe passing.', ['recovery'], {
        ref: 'OK',
      }),
    ];
    expect(findMoments(events).recovered?.ref).toBe('OK');
    // With no such line that day, the act stands.
    expect(
      findMoments([...events.slice(0, 2), { ...events[2], ts: events[2].ts + 2 * 86_400_000 }]).recovered
        ?.ref,
    ).toBe('RESTART');
    expect(findMoments(events.slice(0, 2)).recovered?.ref).toBe('RESTART');
  });

  it('when symptoms follow every recovery, the last recovery is kept and the gaps ask about it', () => {
    const events = [
      ev(0, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT-1' }),
      ev(10, 'note', 'Errors stopped', ['recovery'], { ref: 'OK-1' }),
      ev(40, 'report', 'Customers report errors again', ['symptom', 'detect'], { ref: 'RPT-2' }),
    ];
    const a = analyze(events, Manifest.parse({}));
    expect(a.moments.recovered?.ref).toBe('OK-1');
    expect(a.gaps.some((g) => g.startsWith('Symptoms were recorded after the last recovery (OK-1'))).toBe(
      true,
    );
  });

  it('recovery is not closure, and a close is not a recovery', () => {
    const m = findMoments([
      ev(0, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(20, 'note', 'Service operational', ['recovery'], { ref: 'OK' }),
      ev(60, 'action', 'Incident resolved', ['recovery', 'close'], { ref: 'RESOLVED' }),
      ev(90, 'action', 'Incident closed', ['close'], { ref: 'CLOSE' }),
    ]);
    expect(refs(m)).toMatchObject({ recovered: 'OK', closed: 'CLOSE' });
    const onlyClose = findMoments([
      ev(0, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(90, 'action', 'Incident closed', ['close'], { ref: 'CLOSE' }),
    ]);
    expect(refs(onlyClose)).toMatchObject({ recovered: null, closed: 'CLOSE' });
  });

  it('impact starts with the change when the change line itself states the symptom', () => {
    const events = [
      ev(0, 'change', 'VPC CNI replaced by the pipeline, all services returning 503', ['symptom'], {
        ref: 'CHG',
        service: null,
      }),
      ev(8, 'alert', 'Issue detected as a result of alerts', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(25, 'note', 'Target groups reattached (resolved)', ['recovery'], { ref: 'OK' }),
    ];
    const a = analyze(events, Manifest.parse({}));
    expect(a.moments.impactStart?.ref).toBe('CHG');
    expect(a.moments.trigger?.ref).toBe('CHG');
    expect(a.suspects[0].reasons[0]).toContain('impact began with it');
    expect(a.durations).toMatchObject({ detect: 8 * 60, detectFromTrigger: 8 * 60, impact: 25 * 60 });
  });
});

describe('the first response acknowledges the problem', () => {
  it('with no line saying "acknowledged", the first act of a responder after detection is the acknowledgement', () => {
    const m = findMoments([
      ev(0, 'alert', 'First alert regarding KIAM server pods crash-looping', ['symptom', 'detect'], {
        ref: 'ALERT',
      }),
      ev(5, 'note', 'Pods still crash-looping', ['symptom'], { ref: 'SYM' }),
      ev(94, 'action', 'New certificates generated, service restored', ['mitigation', 'recovery'], {
        ref: 'FIX',
      }),
    ]);
    expect(refs(m)).toMatchObject({ detected: 'ALERT', acknowledged: 'FIX' });
  });

  it("a rollback or a fix a person is named doing is a response; one with no one named may be a deploy system's own", () => {
    const by = (summary: string) =>
      findMoments([
        ev(0, 'alert', 'Prow jobs failing', ['symptom', 'detect'], { ref: 'ALERT' }),
        ev(5, 'rollback', summary, ['mitigation', 'change'], { ref: 'RB' }),
        ev(40, 'action', 'Stray pods deleted', ['mitigation'], { ref: 'LATER' }),
      ]).acknowledged?.ref;
    expect(by('@katharine creates a PR to roll back the change')).toBe('RB');
    expect(by('CoreDNS deployment manually downgraded, which solved the issue')).toBe('RB');
    expect(by('We rolled back the release')).toBe('RB');
    expect(by('Rollback initiated for cart-service to revert recent changes.')).toBe('LATER');
    expect(by('Operator rolled the statefulset back automatically')).toBe('LATER');
  });

  it('the team at work before any symptom or detection is recorded knew by then, and the start is unknown', () => {
    // proompteng/lab 2025-12-29: "Investigation begins: … shows 0 messages", then the broken broker found.
    const events = [
      ev(0, 'ack', 'Investigation begins: the completions topic shows 0 messages', ['ack'], { ref: 'INV' }),
      ev(5, 'note', 'Broker found in CrashLoopBackOff with an I/O error', ['symptom', 'diagnosis'], {
        ref: 'FOUND',
      }),
      ev(10, 'action', 'Replica salvage initiated', ['mitigation'], { ref: 'FIX' }),
    ];
    expect(refs(findMoments(events))).toMatchObject({
      impactStart: null,
      detected: 'INV',
      acknowledged: 'INV',
      mitigationStarted: 'FIX',
    });
    // A detection on record keeps the incident's order as before.
    const alerted = [
      ...events,
      ev(3, 'alert', 'Consumer lag alert', ['symptom', 'detect'], { ref: 'ALERT' }),
    ].sort((a, b) => a.ts - b.ts);
    expect(refs(findMoments(alerted))).toMatchObject({ impactStart: 'ALERT', detected: 'ALERT' });
  });

  it('the team declaring the incident, with no line recording detection, is both when they knew and their first act', () => {
    const m = findMoments([
      ev(0, 'note', 'Polar fully down. Incident starts', ['symptom'], { ref: 'SYM' }),
      ev(8, 'action', 'Status page is updated to down', ['declare'], { ref: 'DECL' }),
      ev(13, 'rollback', 'Database restoration started', ['mitigation', 'change'], { ref: 'FIX' }),
    ]);
    expect(refs(m)).toMatchObject({ detected: 'DECL', acknowledged: 'DECL', declared: 'DECL' });
    // A detection recorded as such is not its own answer.
    const seen = findMoments([
      ev(0, 'alert', 'Checkout errors', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(8, 'action', 'We restarted the checkout pods', ['mitigation'], { ref: 'FIX' }),
    ]);
    expect(refs(seen)).toMatchObject({ detected: 'ALERT', acknowledged: 'FIX' });
  });

  it('a person declaring the incident after it was detected has responded; an incident a tool opens has not', () => {
    const m = findMoments([
      ev(0, 'alert', 'Uptime check on the hub fails', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(4, 'note', 'Incident declared in the incident channel', ['declare'], { ref: 'DECL' }),
      ev(30, 'action', 'Engineer redeploys the hub', ['mitigation'], { ref: 'FIX' }),
    ]);
    expect(refs(m)).toMatchObject({ detected: 'ALERT', acknowledged: 'DECL', declared: 'DECL' });
    const opened = findMoments([
      ev(0, 'alert', 'Uptime check on the hub fails', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(1, 'page', 'PagerDuty incident #123 triggered', ['detect', 'declare'], { ref: 'PAGE' }),
      ev(30, 'action', 'Engineer redeploys the hub', ['mitigation'], { ref: 'FIX' }),
    ]);
    expect(refs(opened)).toMatchObject({ acknowledged: 'FIX' });
    const ticket = findMoments([
      ev(0, 'alert', 'Uptime check on the hub fails', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(1, 'ticket', 'INC-1042: Production 5xx after DEP-7781', ['declare'], { ref: 'TKT' }),
      ev(30, 'action', 'Engineer redeploys the hub', ['mitigation'], { ref: 'FIX' }),
    ]);
    expect(refs(ticket)).toMatchObject({ acknowledged: 'FIX', declared: 'TKT' });
  });

  it('closing the incident is the end of the response, never its first act', () => {
    const m = findMoments([
      ev(0, 'note', 'First detected', ['detect'], { ref: 'SEEN' }),
      ev(120, 'note', 'Repaired', ['recovery'], { ref: 'OK' }),
      ev(161, 'action', 'Resolved', ['close'], { ref: 'DONE' }),
      ev(164, 'action', 'Incident declared', ['declare'], { ref: 'DECL' }),
    ]);
    expect(m.acknowledged?.ref).not.toBe('DONE');
    expect(refs(m)).toMatchObject({ detected: 'SEEN', closed: 'DONE' });
  });

  it('a mitigation written as a state rather than an act is still the first response', () => {
    const m = findMoments([
      ev(0, 'alert', 'First alert regarding KIAM server pods crash-looping', ['symptom', 'detect'], {
        ref: 'ALERT',
      }),
      ev(94, 'note', 'New certificates generated, service restored', ['mitigation', 'recovery'], {
        ref: 'FIX',
      }),
    ]);
    expect(refs(m)).toMatchObject({ detected: 'ALERT', acknowledged: 'FIX' });
  });

  it('a finding about the cause made once the problem is known is a response', () => {
    const m = findMoments([
      ev(0, 'report', 'Developer explains that he sees no Kafka metrics', ['symptom', 'detect'], {
        ref: 'RPT',
      }),
      ev(24, 'note', 'We discover that Prometheus considers the exporter down', ['diagnosis'], {
        ref: 'FOUND',
      }),
      ev(37, 'action', 'Scrape timeout raised as a quick fix', ['mitigation'], { ref: 'FIX' }),
    ]);
    expect(m.acknowledged?.ref).toBe('FOUND');
  });

  it('an explicit acknowledgement before any act still comes first', () => {
    const m = findMoments([
      ev(0, 'alert', 'Errors on api', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(2, 'ack', 'On-call acknowledged', ['ack'], { ref: 'ACK' }),
      ev(6, 'action', 'Restarted api', ['mitigation'], { ref: 'FIX' }),
    ]);
    expect(m.acknowledged?.ref).toBe('ACK');
  });

  it('a rollback or a change alone is no acknowledgement: a pipeline may have made it', () => {
    const m = findMoments([
      ev(0, 'alert', 'Latency spike detected on /checkout', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(16, 'rollback', 'Rollback initiated for cart-service', ['mitigation', 'change'], { ref: 'RB' }),
      ev(18, 'note', 'Errors cleared after rollback', ['recovery'], { ref: 'OK' }),
    ]);
    expect(m.acknowledged).toBeNull();
  });

  it('what an outsider or a tool records after detection is not a response', () => {
    const m = findMoments([
      ev(0, 'report', 'A researcher reported a bug', ['detect'], { ref: 'RPT' }),
      ev(10, 'report', 'The researcher sent a proof of concept', ['diagnosis'], { ref: 'RPT-2' }),
      ev(20, 'alert', 'Monitoring saw the exploit attempted', ['symptom', 'detect'], { ref: 'ALERT' }),
    ]);
    expect(m.acknowledged).toBeNull();
  });

  it('work begun days after the team learned of the problem does not say when it was acknowledged', () => {
    const m = findMoments([
      ev(0, 'report', 'A researcher submitted a bug report', ['detect'], { ref: 'RPT' }),
      ev(5 * 24 * 60, 'action', 'The fix was added to the code base', ['mitigation', 'change'], {
        ref: 'FIX',
      }),
    ]);
    expect(m.acknowledged).toBeNull();
  });

  it("a Friday evening's alert first answered on Monday morning was acknowledged then", () => {
    // openSUSE obs-landing 2024-08-26: the alert at 15:00 on Friday, "We checked the exceptions" at 06:25 on Monday.
    const m = findMoments([
      ev(0, 'note', 'The system stopped creating notifications', ['symptom'], { ref: 'SYM' }),
      ev(180, 'alert', 'We received the first alert from Grafana', ['symptom', 'detect'], { ref: 'ALERT' }),
      ev(180 + 63 * 60 + 25, 'action', 'We checked the exceptions on Errbit', [], { ref: 'CHECK' }),
    ]);
    expect(m.acknowledged?.ref).toBe('CHECK');
  });
});

describe('with no line stating that the impact ended', () => {
  const fixed = [
    ev(0, 'change', 'A user converted the beta channel, opening it to everyone', ['symptom', 'change'], {
      ref: 'SYM',
    }),
    ev(3, 'note', 'Discovered that the channel was converted', ['detect'], { ref: 'FOUND' }),
    ev(22, 'action', 'Permission updated for all users from writers to readers', ['mitigation', 'change'], {
      ref: 'FIX',
    }),
    ev(382, 'action', 'All open invitations were cancelled and resent', ['mitigation', 'change'], {
      ref: 'FIX-2',
    }),
  ];

  it('the first fix after which no symptom is recorded is taken for the end, and the report and the gaps say no line states it', () => {
    const a = analyze(fixed, Manifest.parse({}));
    expect(a.moments.recovered?.ref).toBe('FIX');
    expect(
      a.gaps.some((g) => g.startsWith('No line states that the impact ended; recovery is placed at FIX')),
    ).toBe(true);
  });

  it('a line that states recovery decides, even when a mitigation came first', () => {
    const events = [...fixed, ev(40, 'note', 'Channel read-only again', ['recovery'], { ref: 'OK' })];
    expect(analyze(events, Manifest.parse({})).moments.recovered?.ref).toBe('OK');
  });
});

describe('an entry dated only to its day', () => {
  const dayOnly = { attrs: { dayOnly: true } };

  it('is not where impact began when a symptom of that same day is timed', () => {
    // "2024-03-13 HH:mm | Short event description." sits at 00:00 only because its time is unknown.
    const m = findMoments([
      ev(-600, 'note', 'Short event description', ['symptom'], { ref: 'DAY', ...dayOnly }),
      ev(1, 'note', 'Node entered NotReady state', ['symptom'], { ref: 'NODE' }),
      ev(3, 'alert', 'Alert triggered on Slack', ['symptom', 'detect'], { ref: 'ALERT' }),
    ]);
    expect(m.impactStart?.ref).toBe('NODE');
  });

  it('written after a change timed on its day, starts the impact at that change at the earliest', () => {
    // Cercol/cercol 2026-04-16: "**2026-04-16 17:56** - The deploy … erased the block" then
    // "**2026-04-16 to 2026-05-16** - 30 days of silent failure", then the day it was found.
    const at = (line: number) => ({ source: { file: 'pm.md', line }, sources: [{ file: 'pm.md', line }] });
    const events = [
      ev(-600, 'note', '30 days of silent failure', ['symptom'], { ref: 'DAYS', ...dayOnly, ...at(26) }),
      ev(1, 'change', 'The deploy overwrote the Caddyfile', ['change'], { ref: 'DEPLOY', ...at(18) }),
      ev(30 * 24 * 60 - 600, 'note', 'Miquel discovered the outage', ['symptom', 'detect'], {
        ref: 'FOUND',
        ...dayOnly,
        ...at(28),
      }),
      ev(30 * 24 * 60 - 600, 'action', 'Manual fix on the server', ['mitigation', 'change'], {
        ref: 'FIX',
        ...dayOnly,
        ...at(32),
      }),
    ];
    expect(findMoments(events).impactStart?.ref).toBe('DEPLOY');
    // Written before the change, the day's symptom stays where the document puts it.
    expect(
      findMoments(events.map((e) => (e.ref === 'DAYS' ? { ...e, ...at(16) } : e))).impactStart?.ref,
    ).toBe('DAYS');
  });

  it('still starts the impact when nothing that day is timed', () => {
    const m = findMoments([
      ev(-600, 'note', 'Chain stalled', ['symptom'], { ref: 'DAY', ...dayOnly }),
      ev(2 * 24 * 60, 'action', 'Fix released', ['mitigation'], { ref: 'FIX', ...dayOnly }),
    ]);
    expect(m.impactStart?.ref).toBe('DAY');
  });
});
