import { describe, expect, it } from 'vitest';
import { markers } from './markers.js';

describe('markers', () => {
  it('takes a leading [RESOLVED] tag for a resolved alert', () => {
    expect(markers({ text: '[RESOLVED] HighErrorRate on checkout' })).toEqual({
      kind: 'alert_resolved',
      signals: ['recovery'],
    });
  });
  it("takes Alertmanager's counted tag, [FIRING:2], for the alert firing", () => {
    expect(markers({ text: '[FIRING:2] HighErrorRate (api critical)' })).toMatchObject({
      kind: 'alert',
      signals: ['symptom', 'detect'],
    });
    expect(markers({ text: '[RESOLVED:1] HighErrorRate' }).kind).toBe('alert_resolved');
  });
  it('reads status words with emoji, in a status column or in front of the text', () => {
    expect(markers({ text: 'Checkout answers again', status: '✓ RECOVERED' }).signals).toEqual(['recovery']);
    expect(markers({ text: '🔴 DETECTED error rate above 5 %' }).signals).toEqual(['symptom', 'detect']);
    expect(markers({ text: 'Status page', status: 'Investigating' }).signals).toEqual(['ack']);
  });
  it('takes a responder acknowledging the problem for the acknowledgement, not when negated', () => {
    for (const text of [
      'Engineers acknowledge the alert',
      'PyPI Security acknowledges reciept.',
      '@Hixie sees and acknowledges the message.',
      'Page acked by the secondary on-call',
      'The alert was acknowledged in PagerDuty',
    ])
      expect(markers({ text }).signals, text).toEqual(['ack']);
    for (const text of [
      'Nobody acknowledged the page for 40 minutes',
      'The alert was not acknowledged',
      'The page went unacknowledged',
      'The page escalated before being acknowledged',
      'We acknowledgement-tested the pager',
    ])
      expect(markers({ text }).signals, text).toEqual([]);
  });
  it('tells a line of someone reporting: a one-word subject that reports or flags, a passive, "Report of"', () => {
    for (const text of [
      'ianh reports that Travis is upset and all PRs are failing',
      '@justindm234 reported the breaking change as an issue on the Carbon repo',
      'Terrence flagged an unusually high missed block rate',
      'The outage is reported on Slack again by @liggitt',
      'Report of data corruption - https://github.com/etcd-io/etcd/issues/13514',
    ])
      expect(markers({ text }).reported, text).toBe(true);
    for (const text of [
      'We report the outage on the status page after the rollback completes',
      'The dashboard shows no reports of errors',
      'Alerting was reconfigured to report to the new channel',
    ])
      expect(markers({ text }).reported, text).toBeUndefined();
  });
  it('takes monitoring closing its own alert for the alert resolving, not a person closing one', () => {
    // mitodl/ol-infrastructure 20231030_xpro_outage
    expect(markers({ text: 'Pingdom automatically closes the OpsGenie alert.' })).toMatchObject({
      kind: 'alert_resolved',
      signals: ['recovery'],
    });
    expect(markers({ text: 'The on-call closes the OpsGenie alert.' }).signals).toEqual([]);
    expect(markers({ text: 'Automatically closing alerts is disabled for this service' }).signals).toEqual(
      [],
    );
  });
  it('takes the service said to be back for recovery, not a version or a backup put back, nor a negation', () => {
    for (const text of [
      'Service was largely restored by 11:30 a.m. PST, after 25 minutes of downtime.',
      'The issue has been resolved for all customers',
      'Performance returned to normal once the replica rebuilt',
      'The incident concluded at 21:20 UTC when the first database replica rebuilt',
      'The patch was merged and shipped, which brought the outage to an end.',
      'Failing back to the primary region ended the disruption',
      'Flushing the cache put an end to the downtime',
      // denoland/dotland 2021-03-02
      'This resolved the outage for the majority of users worldwide at 03:41 AM UTC.',
      'The rollback resolved the DNS issue',
    ])
      expect(markers({ text }).signals, text).toContain('recovery');
    for (const text of [
      'The database was restored from backup on a new host',
      'The config was restored to the previous version',
      'Service was not yet restored',
      'Checkout has not been resolved',
      'We restored the old certificate',
      'The outage did not end the migration',
      'We tried to end the incident call early',
      'The api.cercol.team block that had been manually restored on 2026-05-16 was once again erased.',
      'This was done at 02:09 AM UTC. This did not resolve the issue.',
      "The restart hasn't resolved the issue",
      "Service hasn't been restored yet",
      'We are working to resolve the incident',
    ])
      expect(markers({ text }).signals, text).not.toContain('recovery');
  });
  it('takes someone reproducing the problem for work on it, not a request for steps nor a failure to', () => {
    // elifesciences/elife-xpub 2019-03-11
    expect(markers({ text: 'Chris can reproduce the problem' })).toMatchObject({
      kind: 'ack',
      signals: ['ack'],
    });
    expect(markers({ text: 'We were able to reproduce it on staging' }).signals).toContain('ack');
    for (const text of [
      '17:35 Initial response to reports requesting steps to reproduce',
      'We could not reproduce the issue locally',
      "Support couldn't reproduce it",
    ])
      expect(markers({ text }).signals, text).not.toContain('ack');
  });
  it('takes work on the problem said to begin for the acknowledgement; opening the line, it is what the line is about', () => {
    // proompteng/lab, 2025-12-29-judge-kafka-outage
    const opening = markers({
      text: 'Investigation begins: Kafka topic `argo.workflows.completions` shows 0 messages; Jangar DB has no new runs.',
    });
    expect(opening.signals).toContain('ack');
    expect(opening.kind).toBe('ack');
    // A responder named first who begins the work (kubernetes/test-infra 2019-02-08).
    expect(
      markers({ text: '@BenTheElder begins looking, identifies that hook is in crash loop backoff' }).kind,
    ).toBe('ack');
    expect(
      markers({ text: 'The infrastructure team notices unusual email activity and begins investigating.' })
        .kind,
    ).toBeUndefined();
    for (const text of [
      'Root cause investigation started',
      'Investigation into issue commenced',
      'The infrastructure team notices unusual email activity and begins investigating.',
      'On-call started looking into the elevated latency',
      // jenkins-infra/documentation, 20210608-fastly-outage
      'After 2 failures to update status.jenkins.io, an escalation starts',
      // kubernetes/test-infra 2019-02-08; envoyproxy/envoy CVE-2019-15225
      '@BenTheElder begins looking, identifies that hook is in crash loop backoff',
      'Email thread to the security list regarding the HeaderMap DoS. Analysis began the same day.',
      // berkeley-dsep-infra/datahub, jupyterhub/mybinder.org-deploy
      'Dip in log success metric noticed via grafana, investigation launched.',
      'Investigation launched.',
    ])
      expect(markers({ text }).signals, text).toContain('ack');
    expect(markers({ text: 'The dashboard starts looking healthy again' }).signals).not.toContain('ack');
    // An alert firing and responders beginning to investigate: the line stays the alert's (the
    // acknowledgement is a signal, not what the line is about).
    const alerted = markers({ text: 'Alarms on timelord usage fire. Devops engineers began investigating.' });
    expect(alerted.signals).toContain('ack');
    expect(alerted.kind).toBeUndefined();
    expect(alerted.acknowledges).toBeUndefined();
    for (const text of [
      'The investigation has not started yet',
      'Debugging output starts at line 40 of the log',
    ])
      expect(markers({ text }).kind, text).toBeUndefined();
  });
  it('tells a line whose own act is telling people, whatever change it names as the message', () => {
    for (const text of [
      // kroma-network/kroma, 2024-03-12-zktrie-incident
      '2024-03-12 0907: announced rollback of Kroma mainnet on discord',
      '22:50 UTC - Status page updated with incident details',
      'Cloud Platform communicate their intention to redeploy the updated ingress-nginx ingress',
      'PyPI Admins post a notice to the pypi-announce mailing list',
      // 2i2c-org/infrastructure, 2025-08-12-leap-outage
      'Second engineer updates LEAP community of an active outage.',
      'Engineer updates the incident channel with clarification of the affected hub',
    ])
      expect(markers({ text }).communicates, text).toBe(true);
    for (const text of [
      'Rolled back the release and announced it on discord',
      'Deployed the fix; status page updated',
      'The announcement banner was removed from the site',
      'Config change applied to the gateway',
      'Updated the DNS record with the new load balancer address',
      'Updated the hub config with the new NFS server IP',
    ])
      expect(markers({ text }).communicates, text).toBeUndefined();
  });
  it("takes the incident put on the status page for its declaration, not a provider's page", () => {
    for (const text of [
      // jenkins-infra/documentation, 20210608-artifactory-auth and 20211118-jenkinsio-outage
      'Incidents reported on status.jenkins.io',
      'status.jenkins.io is reporting the incident',
      'Degraded performance declared on status page',
      'The incident is announced on status.crates.io',
      // conda-forge, kroma-network/kroma, langfuse/langfuse-docs, polarsource/polar
      'We posted an incident to our status page reporting the problem',
      'We posted an [incident](https://github.com/conda-forge/status/issues/194) to our status page',
      'announced incident occurrence on discord, twitter, and other partners',
      'Successfully posted incident report on our status page (delayed)',
      'Status page is updated to down',
      // hachyderm/community 2022-12-13: the first update acknowledges the outage, a later one its cause.
      '`@dma` [status.hachyderm.io](https://status.hachyderm.io) updated acknowledging the outage',
    ]) {
      expect(markers({ text }).signals, text).toContain('declare');
      // The team's act of record, not someone reporting the problem.
      expect(markers({ text }), text).toMatchObject({ kind: 'action', posted: true });
      expect(markers({ text }).reported, text).toBeUndefined();
    }
    for (const text of [
      'GitHub updates their status page to report an outage',
      'Status page updated with incident details',
      'An outage reported on Twitter by a user',
      'Status page is updated to resolved',
      'Posted the incident report',
      'Published the outage postmortem.',
      '`@dma` [status.hachyderm.io](https://status.hachyderm.io) updated acknowledging the root cause',
    ])
      expect(markers({ text }).signals, text).not.toContain('declare');
  });
  it('takes the end of what monitoring kept raising for recovery, the alert resolving when it names a page or an alert', () => {
    // jenkins-infra/documentation, 20210525-window-outage
    expect(
      markers({ text: 'the weekly release 2.295 is fully available online, end of the pager duty errors' }),
    ).toMatchObject({
      kind: 'alert_resolved',
      signals: ['recovery'],
    });
    const errors = markers({ text: 'Deploy finished; end of the 502 errors' });
    expect(errors.signals).toContain('recovery');
    expect(errors.kind).toBeUndefined();
    expect(markers({ text: 'No end of the errors in sight' }).kind).toBeUndefined();
  });
  it('tells the team receiving a report as someone reporting', () => {
    // FlowFuse/website, service-disruption-report-2023-10-11
    expect(
      markers({ text: "we received two support request from a user getting an 'access denied' error" })
        .reported,
    ).toBe(true);
    expect(markers({ text: 'Got a complaint from a customer about timeouts' }).reported).toBe(true);
    expect(markers({ text: 'We received the new hardware' }).reported).toBeUndefined();
  });
  it('takes something put out of service on purpose for mitigation, not a part that stops by itself', () => {
    for (const text of [
      // kroma-network/kroma, 2024-04-01; gattaca-com/helix; conda-forge
      'stop sequencer and RPC nodes',
      'Builder was shutdown.',
      'all self-hosted runners were stopped, removing the gained unauthorized access.',
      'The status site was taken offline',
    ])
      expect(markers({ text }).signals, text).toContain('mitigation');
    for (const text of [
      'Indexer stops responding to requests',
      'First node stops shipping logs to CloudWatch',
      '`kubectl logs -f <pod>` has stopped working',
      'Stopping pods hung for ten minutes',
    ])
      expect(markers({ text }).signals, text).not.toContain('mitigation');
  });
  it('takes a finding about the cause told as one for diagnosis, not a symptom noticed nor a finding negated', () => {
    for (const text of [
      // ministryofjustice/cloud-platform, 2023-06-06-user-services-down
      'Team found that the nodes are being recycled all at a time during the node instance type change',
      'It was determined that the source of the message was not from our account',
      'Identified the root cause: an expired signing certificate',
      'Engineers traced the problem to be a stale DNS record',
    ])
      expect(markers({ text }).signals, text).toContain('diagnosis');
    for (const text of [
      'Noticed that all nodes entered the SchedulingDisabled state',
      'We realized that the error rate was climbing',
      'We have not found the cause yet',
      'Found a workaround for the stuck pods',
    ])
      expect(markers({ text }).signals, text).not.toContain('diagnosis');
  });
  it('takes a trailing (resolved) for recovery', () => {
    expect(markers({ text: 'Target groups reattached by the pipeline (resolved)' }).signals).toEqual([
      'recovery',
    ]);
  });
  it('takes the service said to be back for recovery, not an aim, a reply or a state named after it', () => {
    for (const text of [
      'Build Service comes back from downtime',
      'Users reported that their services were back up and running.',
      'CDN propagated the changes, docs.rs back online',
      'a manual fix is applied to ensure that jenkins.io is back, while disabling all automation',
      'Launch success rate is back to 100% after ~1hr of total downtime',
    ])
      expect(markers({ text }).signals, text).toContain('recovery');
    for (const text of [
      'To test, engineer deletes one of the hub pods now to see if it comes back.',
      'Pietro got back to the author saying that the team was investigating',
      'saigak VM comes back Running but service is unreachable',
      'Trying to bring the site back online',
      'The site is not back yet.',
      'We went back to the previous release',
    ])
      expect(markers({ text }).signals, text).not.toContain('recovery');
  });
  it('takes a closing "outage starts" or "Outage ends." for the bounds of the impact (test-infra scribe logs)', () => {
    expect(
      markers({ text: 'The node hosting boskos is drained. The replacement pod is stuck. (outage starts)' })
        .signals,
    ).toEqual(['symptom']);
    expect(markers({ text: 'Prow is confirmed to be functional. Outage ends.' }).signals).toEqual([
      'recovery',
    ]);
    expect(markers({ text: 'We planned how long the outage ends up lasting' }).signals).toEqual([]);
    // polarsource/polar 2026-06-12
    expect(markers({ text: 'Polar fully down. Incident starts' }).bound).toBe('start');
  });
  it('takes the bound written as a noun, in brackets or not ("<START OF OUTAGE>", "(end of impact)")', () => {
    expect(markers({ text: '80% of IPs fail to serve correctly. **<START OF OUTAGE>**' }).signals).toEqual([
      'symptom',
    ]);
    expect(markers({ text: 'DNS configuration changes take effect. <END OF OUTAGE>' }).signals).toEqual([
      'recovery',
    ]);
    expect(markers({ text: 'Traffic drained (end of impact)' }).signals).toEqual(['recovery']);
    expect(markers({ text: 'Traffic drained (end of impact)' }).bound).toBe('end');
    expect(markers({ text: 'The pod is stuck. (outage starts)' }).bound).toBe('start');
    expect(markers({ text: 'The pod is stuck.' }).bound).toBeUndefined();
    // The bound as a sentence of its own, opening the line.
    expect(
      markers({ text: 'Start of incident. The last two nodes of the old pool are cordoned.' }).bound,
    ).toBe('start');
    expect(markers({ text: 'End of outage: every build succeeds again' }).signals).toContain('recovery');
    expect(markers({ text: 'Start of incident review on Monday' }).bound).toBeUndefined();
    expect(markers({ text: 'We discussed the end of the outage window with the vendor' }).signals).toEqual(
      [],
    );
  });
  it('takes an incident said to be declared or closed for the formal opening or closing', () => {
    expect(markers({ text: 'Incident declared.' }).signals).toEqual(['declare']);
    expect(markers({ text: 'Incident declared through statuspage.io.' }).signals).toEqual(['declare']);
    expect(markers({ text: 'Formal incident declared retroactively' }).signals).toEqual(['declare']);
    expect(markers({ text: 'On-call declared an incident in #ops' }).signals).toEqual(['declare']);
    expect(markers({ text: 'Incident closed, post-mortem phase begins' }).signals).toEqual(['close']);
    expect(markers({ text: 'Incident declared resolved through statuspage.io' }).signals).toEqual([]);
    // openSUSE/obs-landing 2024-08-26: the team declaring it over closes it; it opens nothing.
    expect(markers({ text: 'We declared the incident resolved' }).signals).toEqual(['close']);
    expect(markers({ text: 'We declared the incident' }).signals).toEqual(['declare']);
    expect(
      markers({ text: 'The incident was officially resolved at 00:30 UTC after continued monitoring.' })
        .signals,
    ).toContain('close');
    expect(markers({ text: 'The incident was resolved at 00:30 UTC.' }).signals).not.toContain('close');
    expect(markers({ text: 'No incident was declared at the time' }).signals).toEqual([]);
  });
  it('takes an incident call or war room convened, or an incident commander appointed, for the declaration', () => {
    // hachyderm/community 2023-02-27 and 2025-01-24; conda-forge 2022-06-28.
    for (const text of [
      '`@nova` Appoints `@quintessence` as incident commander',
      'An incident call was started between `@esk` and `@ThisIsMissEm`',
      'IPS initiates a War-room to coordinate response',
      'Incident commander assigned: @lee',
      'Opened an incident channel, #inc-42',
    ])
      expect(markers({ text }).signals, text).toContain('declare');
    for (const text of [
      'Initial incident call ended',
      'Huddle begins in #security on Slack.',
      'Started a zoom call with the vendor',
      'The API call to the incident service was started twice',
    ])
      expect(markers({ text }).signals, text).not.toContain('declare');
  });
  it("takes the phase a writer labels an entry with, at the line's start or after a <br> in its cell", () => {
    // rust-lang/infra-team 2026-07-02: "RUST-MAIN<br>**Mitigation attempt 1**: mirroring …".
    expect(markers({ text: 'RUST-MAIN<br>**Mitigation attempt 1**: mirroring artifacts' }).signals).toEqual([
      'mitigation',
    ]);
    expect(markers({ text: 'RUST-MAIN<br>**Recovery**: tree was **re-opened**.' }).signals).toEqual([
      'recovery',
    ]);
    expect(markers({ text: 'Workaround: traffic pinned to the old pool' }).signals).toEqual(['mitigation']);
    // The same cell read as it renders, its lines joined by a dash.
    expect(markers({ text: 'RUST-MAIN — Recovery: tree was re-opened.' }).signals).toEqual(['recovery']);
    expect(markers({ text: 'Root cause: an expired certificate' }).signals).toEqual(['diagnosis']);
    // A phase named inside the sentence, not as its label, is the model's to read.
    expect(markers({ text: 'We discussed recovery: no decision yet' }).signals).toEqual([]);
    expect(markers({ text: 'Impact: users could not log in' }).signals).toEqual([]);
  });
  it('takes a word before a colon for a tag only when it is written in capitals', () => {
    expect(markers({ text: 'RESOLVED: queue drained' }).signals).toEqual(['recovery']);
    expect(markers({ text: 'Impact: users could not log in' }).signals).toEqual([]);
  });
  it('finds nothing on a line without markers', () => {
    expect(markers({ text: 'Deploy #287 triggered for cart-service.' })).toEqual({
      kind: undefined,
      signals: [],
    });
  });
  it('reads the incident said to begin as a symptom, not when negated', () => {
    for (const text of [
      'The disruption began around 10:55 a.m. PST',
      'The incident began on Monday, October 22nd, 2012, at 10:00 AM PDT, affecting one region.',
      'This issue began at 07:38 US/Pacific',
      'the outage first started at 21:30 UTC',
    ])
      expect(markers({ text }).signals, text).toEqual(['symptom']);
    for (const text of [
      'No outage began during the maintenance window',
      'We waited until the incident started to page',
      'The migration began at 10:00',
    ])
      expect(markers({ text }).signals, text).toEqual([]);
  });
  it('reads the end stated as a noun as recovery, not when negated', () => {
    for (const text of [
      'full resolution achieved by 16:54 PDT',
      'Full resolution, including the load balancers, took until 9:50 PM PDT.',
      'Complete recovery at 03:10 UTC',
    ])
      expect(markers({ text }).signals, text).toEqual(['recovery']);
    for (const text of ['There was no full recovery until the next day', 'Recovery work began'])
      expect(markers({ text }).signals, text).toEqual([]);
  });
  it('tells a recovery told in part from a full one', () => {
    for (const text of [
      'Service was largely restored by 11:30 a.m. PST',
      'the majority of services recovered by 11:00 UTC',
      'capacity began to return at 15:19',
      'Service partially restored',
    ])
      expect(markers({ text }).partial, text).toBe(true);
    for (const text of ['all services fully restored by 17:06 UTC', 'Service restored'])
      expect(markers({ text }).partial, text).toBeUndefined();
  });
  it('takes responders coming together on the problem for the acknowledgement', () => {
    for (const text of [
      'Huddle begins in #security on Slack.',
      'The team huddled on the alert',
      'An e-mail thread was opened on the security list about the crash',
      '[oncall-bot] joins into the operations channel',
      'The database lead joined the incident call',
    ])
      expect(markers({ text }).signals, text).toEqual(['ack']);
    // Convened as an incident, the response is also the incident declared.
    for (const text of ['An incident bridge was opened and the on-call joined', 'War room started in Zoom'])
      expect(markers({ text }).signals.sort(), text).toEqual(['ack', 'declare']);
    for (const text of [
      'Customers call support about failed logins',
      'Meeting notes were published the next week',
      'A thread pool was exhausted',
      'The new node joins the cluster',
      'The query joins the orders table',
    ])
      expect(markers({ text }).signals, text).toEqual([]);
    // An API call failing is the problem, not a call convened.
    expect(markers({ text: 'The API call started failing with 502s' }).signals).toEqual(['symptom']);
  });

  it('takes monitoring saying the problem is over, its alert the subject, for the alert resolving', () => {
    for (const text of [
      '12:26: Alerts cleared for cart-service, confirming issue resolution.',
      'CloudWatch alarm returned to OK state',
      'The page auto-resolved',
      'Error rate alert clears',
      'Alerts stop firing at 10:40',
      'Datadog monitor recovered',
    ])
      expect(markers({ text }), text).toMatchObject({ kind: 'alert_resolved', signals: ['recovery'] });
    for (const text of [
      'Status page is set to resolved',
      'We waited for the alert to clear',
      'The alarm never cleared',
      'The alert did not clear after the restart',
      'Engineer resolved the alert',
      'The on-call cleared the cache after the alert',
    ])
      expect(markers({ text }).kind, text).toBeUndefined();
  });

  it('takes monitoring raising its alert, the alert or its rule the subject, for the alert detecting', () => {
    for (const text of [
      '`LoogiLatencyP95Exceeded` warning starts firing in Alertmanager.',
      '`LoogiAvailabilityHighBurnFast` (fast-burn, 14.4×) trips. ntfy push to phone.',
      'KubePodCrashLooping fires for the checkout namespace',
      'Alert triggered on Slack.',
      'a PagerDuty alert is triggered about the weekly package',
      'The disk alarm went off',
      // usdigitalresponse/univaf 2021-06-11: the alarm's own message is its going off.
      'CloudWatch alarm posts to Slack about low disk space for the database.',
      'A Grafana alert was sent to the on-call channel',
    ])
      expect(markers({ text }), text).toMatchObject({ kind: 'alert', signals: ['detect'], fired: true });
    for (const text of [
      'restic-backup.timer fires, runs the wrapper.',
      'PR that triggered the alerts reverted',
      'The alert never fired',
      'Deploy #287 triggered for cart-service.',
      'We waited for the alert to fire',
      'Pipeline re-triggered due to AWS API timeout',
      'The on-call posted to Slack about the disk',
      'We sent an alert to customers by e-mail',
    ])
      expect(markers({ text }).fired, text).toBeUndefined();
  });

  it('takes someone finding the problem for its detection, not a cause found nor a finding negated', () => {
    for (const text of [
      'During the sprint, Miquel discovered the outage while testing the prerender pipeline',
      'Support engineer notices two similar customer reports in tickets',
      '@Katharine wakes up and notices the Slack reports',
      'Jenny spotted a spike in errors on the dashboard',
    ])
      expect(markers({ text }).signals, text).toEqual(expect.arrayContaining(['symptom', 'detect']));
    for (const text of [
      'CE discovered that the traefik pods were out of memory (OOM) killed',
      'Nobody noticed the errors for a week',
      'The team had not noticed the outage',
      'It was discovered the fluentd annotations were using the wrong ARN',
    ])
      expect(markers({ text }).signals, text).not.toContain('detect');
  });

  it('takes something said to be detected for detection, not when negated', () => {
    for (const text of [
      'GitHub detected PAT in commit and revoked it',
      'Detected during log/transcript review; container stopped (docker compose stop).',
      'Started Jenkins core build, detected that maven agents were not being allocated',
    ])
      expect(markers({ text }).signals, text).toContain('detect');
    for (const text of [
      'NodeNotReady events still occuring but no loss of service has been detected or reported',
      'The scanner did not detect the token',
    ])
      expect(markers({ text }).signals, text).not.toContain('detect');
  });

  it('reads long lines of alert words and joins in linear time', () => {
    const n = 100_000;
    for (const text of [
      `${'alert '.repeat(n / 6)}x`,
      `${'the page '.repeat(n / 9)}.`,
      `huddle ${'a '.repeat(n / 2)}`,
      `${'never found '.repeat(n / 12)}that`,
      `${'investigation into the '.repeat(n / 23)}x`,
      `${'began to '.repeat(n / 9)}x`,
      `${'end of the '.repeat(n / 11)}x`,
      `stop ${'a'.repeat(n)}ing`,
      `${'was shut '.repeat(n / 9)}x`,
      `${'received the '.repeat(n / 13)}x`,
      `${'status.a '.repeat(n / 9)}x`,
      `${'alert is '.repeat(n / 9)}x`,
      `${'not noticed '.repeat(n / 12)}x`,
      `${'no a '.repeat(n / 5)}detected`,
      `noticed ${'the a '.repeat(n / 6)}x`,
      `${'Abc'.repeat(n / 3)} (${'x'.repeat(40)} fires`,
      `${'pagerduty '.repeat(n / 10)}x`,
      `${'begins looking '.repeat(n / 15)}x`,
      `${'@a '.repeat(n / 3)}begins looking,`,
    ])
      expect(markers({ text }).kind).toBeUndefined();
  });
});

describe('markers of capacity changed', () => {
  it('takes capacity or a limit raised or lowered for a change, not a measure rising', () => {
    // 2i2c-org/infrastructure, ethereum-optimism/optimism, jupyterhub/mybinder.org-deploy
    for (const text of [
      'Georgiana increases the hub memory limit',
      '`10:36` Doubled number of edge proxy boxes',
      '`10:11` Redis instance is resized to avoid connection pool exhaustion',
      '`12:55` Team reduced batch submitter confirmation depth from 6 to 3',
      'Autoscaling increases node count to 4 from 3 as intended.',
    ])
      expect(markers({ text }).signals, text).toContain('change');
    for (const text of [
      'Increased memory usage on the hub pod',
      'Error rate doubled within minutes',
      'The database pool was exhausted',
    ])
      expect(markers({ text }).signals, text).not.toContain('change');
  });
});

describe('markers of recovery told as news', () => {
  it('takes a recovery announced or observed, or the incident repaired, for recovery', () => {
    // kroma-network/kroma, pypi/warehouse, mitodl/ol-infrastructure
    for (const text of [
      '2024-03-12 1548: announced the recovery of Kroma mainnet (RPC, P2P, validator) on partners',
      'August 20: Fastly observes recovery at the affected point of presence',
      'Incident repaired',
    ])
      expect(markers({ text }).signals, text).toContain('recovery');
    for (const text of [
      'Decided against configuration changes due to observed recovery patterns',
      'The outage was not repaired until the next day',
      'We planned the recovery steps',
    ])
      expect(markers({ text }).signals, text).not.toContain('recovery');
  });
});

describe('markers of a fix put up', () => {
  it('takes a fix opened, sent or proposed for the start of mitigation, not any pull request', () => {
    // envoyproxy/envoy, flutter/flutter, elifesciences/elife-xpub, letsrevel/revel-backend
    for (const text of [
      '[CVE-2019-15225] Fix for CVE-2019-15225 is opened at https://github.com/envoyproxy/envoy/pull/7878',
      '[CVE-2019-9901] https://github.com/envoyproxy/envoy/pull/6258 was opened to address',
      '**13:19** Flutter PR [#6765](https://github.com/flutter/flutter/pull/6765) sent to pin Flutter to a known good version',
      'revert pull request created',
      'root cause identified, latent twin found, fix opened (#447)',
    ])
      expect(markers({ text }).signals, text).toContain('mitigation');
    for (const text of [
      'PR #254 was opened to upgrade the helm chart',
      'A pull request was opened by the bot',
      'The fix was tested in staging',
    ])
      expect(markers({ text }).signals, text).not.toContain('mitigation');
  });
});

describe('markers of the responders told of the problem', () => {
  it('takes the team notified or alerted for detection, not others told', () => {
    // python-discord/infra, berkeley-dsep-infra/datahub, PostHog/post-mortems, apache infrastructure
    for (const text of [
      'DevOps team is alerted that PostgreSQL has saturated its 115 max connections limit',
      'Infrastructure staff is notified in slack.',
      "We've been notified that some metrics no longer are displayed",
      'The Infrastructure team (Infra) was immediately notified and tried to restore services',
    ])
      expect(markers({ text }).signals, text).toContain('detect');
    for (const text of [
      'Community is informed via freshdesk about the new profile option',
      '8:36 AM: kubernetes-dev mailing list is notified of the outage, fixed status',
      'We notified the customers',
    ])
      expect(markers({ text }).signals, text).not.toContain('detect');
  });
});

describe('markers of the problem said to be found', () => {
  it('takes the problem itself found for its detection, not what it is found to be', () => {
    // jupyterhub/mybinder.org-deploy, Chia-Network/post-mortem
    for (const text of ['Problem is identified', '12/01/2022 - The issue was discovered by Chia.'])
      expect(markers({ text }).signals, text).toContain('detect');
    for (const text of [
      'The issue is identified as being the use of a "legacy profile option"',
      'An issue is found on GitHub re: AMI v202201027 PLEG',
      'All components were back in operation and no major issues were identified.',
    ])
      expect(markers({ text }).signals, text).not.toContain('detect');
  });
});

describe('markers of someone confirming the problem', () => {
  it('takes someone confirming the problem for their first response, not its end confirmed', () => {
    for (const text of [
      // hachyderm/community, etcd-io/etcd, Chia-Network/post-mortem, elifesciences/elife-xpub
      '`@ThisIsMissEm` confirmed outage via grafana:',
      'Corruption confirmed by one of the maintainers - https://github.com/etcd-io/etcd/issues/13766',
      'Chia confirmed the bugcrowd issue and engaged with the attacker',
      '`@nova` Confirms media is broken from remote proxy in EU',
      'Peter confirms this is a UI problem, not a database problem',
    ])
      expect(markers({ text }).signals, text).toContain('ack');
    for (const text of [
      'Customer confirmed issue resolved',
      'Confirmed problem is still visible after upgrade',
      'Outage confirmed to be resolved',
      'Confirmed archive has been destroyed',
    ])
      expect(markers({ text }).signals, text).not.toContain('ack');
  });
});

describe('markers of something becoming unusable', () => {
  it('takes a thing said to become unavailable for a symptom, not traffic going down', () => {
    for (const text of [
      // govau/cloud.gov.au 2016-02-11, berkeley-dsep-infra/datahub
      'the DIBP Citizenship Appointment Booking application became unavailable due to a hosting platform failure.',
      'The kubernetes API server became unavailable.',
      'the site becomes intermittently unreachable',
    ])
      expect(markers({ text }).signals, text).toContain('symptom');
    for (const text of ['EC2 network traffic went down', 'The application became available again.'])
      expect(markers({ text }).signals, text).not.toContain('symptom');
  });
});

describe('markers of something beginning to fail', () => {
  it('takes a thing beginning to fail for a symptom whose words name no change made', () => {
    for (const text of [
      // usdigitalresponse/univaf 2022-04-15, and lines of the evaluation set's dev part.
      'Updates start failing. Sentry tracks this in issues',
      'Launches begin failing again with the same 599: Timeout errors',
      'crate builds started failing due to the low disk space',
      'New US pods begin failing to connect to Postgres',
    ])
      expect(markers({ text }), text).toMatchObject({ signals: ['symptom'], failing: true });
    for (const text of [
      'We started the failover',
      'Deploy failed on the second node',
      'Updates start rolling out',
    ])
      expect(markers({ text }).failing, text).toBeUndefined();
  });
});

describe('markers of a phase label opening the line', () => {
  it("takes the outage's labels for the impact's bounds and the incident's for the response's", () => {
    expect(markers({ text: 'OUTAGE BEGINS — Search backends start melting down under load' })).toMatchObject({
      bound: 'start',
      signals: ['symptom'],
    });
    expect(markers({ text: 'OUTAGE ENDS, all traffic balanced across all clusters' })).toMatchObject({
      bound: 'end',
      signals: ['recovery'],
    });
    expect(markers({ text: 'Impact ends: error rate back under 0.1 %' }).bound).toBe('end');
    // Mitigated is the service back in part: a later end outlasts it.
    const mitigated = markers({ text: 'OUTAGE MITIGATED, updated index replicated to all clusters' });
    expect(mitigated).toMatchObject({ signals: ['recovery'], partial: true });
    expect(mitigated.bound).toBeUndefined();
    expect(markers({ text: 'INCIDENT BEGINS on-call opens a bridge' }).signals).toContain('declare');
    expect(
      markers({ text: 'INCIDENT ENDS, reached exit criterion of 30 minutes of nominal performance' }).signals,
    ).toContain('close');
  });
  it('takes words in other case for a label only with a separator after them', () => {
    for (const text of [
      'Outage began when the new config reached the edge',
      'Impact started to spread to the EU region',
      'Outage Begins Search backends crash',
    ])
      expect(markers({ text }).bound, text).toBeUndefined();
  });
});

describe('markers of a status page update copied as text', () => {
  it('reads the status word before a dash as Statuspage defines it', () => {
    expect(markers({ text: '**Investigating** - We are currently investigating errors' })).toMatchObject({
      kind: 'ack',
      signals: ['ack'],
    });
    expect(markers({ text: 'Monitoring - A fix has been implemented' }).signals).toContain('mitigation');
    expect(markers({ text: 'RESOLVED - This incident has been resolved.' }).signals).toContain('recovery');
    // A word in a sentence, or without the dash, is no status.
    expect(markers({ text: 'Monitoring shows the queue draining' }).signals).not.toContain('mitigation');
    expect(markers({ text: 'monitoring - the dashboards lag' }).signals).not.toContain('mitigation');
  });
});

describe('markers of someone noticing', () => {
  it('takes someone noticing anything for detection, not when nobody did', () => {
    for (const text of [
      'Notice that the deployment failed.',
      '2023-04-04 09:20 UTC: degradation of service is noticed',
      'At about 07:45 UTC we noticed these rogue processes on the host',
    ])
      expect(markers({ text }).signals, text).toContain('detect');
    for (const text of [
      'Nobody noticed the disk filling',
      'We never noticed the warning',
      'A notice was posted',
    ])
      expect(markers({ text }).signals, text).not.toContain('detect');
  });
});

describe('markers of a severity declared', () => {
  it('takes a severity declared for the incident declared, not a severity mentioned', () => {
    for (const text of [
      'Dana declares SEV-2 and takes the commander role',
      'SEV1 declared',
      'We declared a major incident',
    ])
      expect(markers({ text }).signals, text).toContain('declare');
    for (const text of ['The runbook says SEV-2 needs a commander', 'Nobody declared SEV-2'])
      expect(markers({ text }).signals, text).not.toContain('declare');
  });
});

describe('markers of a page received', () => {
  it('takes someone receiving a page or an alert for detection, a page word for the page', () => {
    for (const text of [
      'docbrown receives pager storm, ManyHttp500s from all clusters',
      'SME paged',
      'Primary on-call got paged by the synthetic check',
      'Alice gets a PagerDuty page for checkout latency',
    ])
      expect(markers({ text }), text).toMatchObject({ kind: 'page', signals: ['detect'] });
    expect(markers({ text: 'We received the first alert from Grafana' })).toEqual({ signals: ['detect'] });
    // The alert that paged is the line's subject: the kind is left to it.
    expect(
      markers({ text: 'DevOps team is alerted that PostgreSQL is saturated. Joe is paged.' }).kind,
    ).toBeUndefined();
  });
  it('takes no page that did not come, nor page views', () => {
    for (const text of [
      'The on-call never received a page',
      'Nobody got paged because the alert was silenced',
      'The landing site receives page views from the campaign',
    ])
      expect(markers({ text }).signals, text).not.toContain('detect');
  });
});

describe('markers of traffic steered', () => {
  it('takes traffic moved, shifted, drained or failed over by the responders for mitigation', () => {
    for (const text of [
      'docbrown load balances all traffic to USA-2 cluster',
      'Shifted 10% of traffic away from us-east-1',
      'Traffic was failed over to the standby region',
      'We drained production traffic from the bad pool',
      '30% of traffic balanced across the healthy clusters',
    ])
      expect(markers({ text }).signals, text).toContain('mitigation');
  });
  it('takes traffic rising or falling for no act', () => {
    for (const text of [
      'Traffic to search increases by 88x after a post on social media',
      'Traffic drops to zero in eu-west',
    ])
      expect(markers({ text }).signals, text).not.toContain('mitigation');
  });
});

describe('markers on hostile lines', () => {
  it('reads long hostile lines in linear time', () => {
    const hostile = [
      `${'is back '.repeat(10_000)}x`,
      `${'not '.repeat(10_000)}is back online`,
      `${'bring '.repeat(10_000)}back online`,
      `posted incident ${'a '.repeat(20_000)}`,
      `Status page is updated to ${'x'.repeat(50_000)}`,
      `${'their '.repeat(10_000)}status page`,
      `${'considering '.repeat(10_000)}x`,
      `decided ${'not '.repeat(10_000)}to`,
      `automatically closes ${'the '.repeat(10_000)}`,
      `declared the incident ${' '.repeat(50_000)}resolved`,
      `incident ${'starts '.repeat(10_000)}!`,
      `appoints ${'a '.repeat(20_000)}as incident commander`,
      `${'incident call '.repeat(10_000)}x`,
      `${'<br>'.repeat(20_000)}mitigation`,
      `${'<br> **mitigation attempt '.repeat(5_000)}x`,
      `status ${'a '.repeat(20_000)}updated acknowledging the outage`,
      `${'status.a '.repeat(10_000)}updated acknowledging`,
      `${'starts '.repeat(10_000)}to`,
      `${'suggests '.repeat(10_000)}x`,
      `${'plan for '.repeat(10_000)}x`,
      `alarm ${'posts '.repeat(10_000)}x`,
      `confirmed ${'the a '.repeat(10_000)}x`,
      `became ${'fully '.repeat(10_000)}unavailable`,
      `${'no major '.repeat(10_000)}issues were identified`,
      `issue ${'was '.repeat(10_000)}found`,
      `fix ${'a '.repeat(20_000)}opened`,
      `PR ${'opened '.repeat(10_000)}x`,
      `announced ${'the '.repeat(10_000)}recovery`,
      `team (${'a'.repeat(30)}) ${'was '.repeat(10_000)}notified`,
      `${'increases '.repeat(10_000)}x`,
      `increase ${'a '.repeat(20_000)}limit`,
      `${'not yet '.repeat(10_000)}incident repaired`,
      `${'issue is '.repeat(10_000)}confirmed`,
      `OUTAGE ${'BEGINS '.repeat(10_000)}`,
      `outage ${'begins '.repeat(10_000)}:`,
      `${'not '.repeat(10_000)}received ${'a '.repeat(10_000)}page`,
      `receives ${'pager '.repeat(10_000)}views`,
      `${'balances '.repeat(10_000)}x`,
      `shifted ${'all '.repeat(10_000)}traffic`,
      `${'10% of '.repeat(10_000)}traffic`,
      `${'not '.repeat(10_000)}noticed`,
      `we ${'first '.repeat(10_000)}noticed`,
    ];
    const started = performance.now();
    for (const text of hostile) markers({ text });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
