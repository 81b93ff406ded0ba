import { describe, expect, it } from 'vitest';
import type { Weights } from './model.js';
import { readMeaning } from './read.js';

// A model that reads every line as a note without signals, to show what markers and kinds add.
const blank: Weights = {
  kinds: ['note', 'action'],
  signals: ['recovery'],
  threshold: 0.5,
  bias: [1, 0, -5],
  weights: {},
};

describe('readMeaning', () => {
  it('lets an explicit marker decide over the model', () => {
    expect(readMeaning({ text: '[RESOLVED] HighErrorRate' }, blank)).toEqual({
      kind: 'alert_resolved',
      signals: ['recovery'],
      stated: true,
    });
    expect(readMeaning({ text: 'Pods ready', status: 'Recovered' }, blank)).toEqual({
      kind: 'note',
      signals: ['recovery'],
    });
  });
  it('says when the writer stated the kind: an acknowledgement told as such, not one the model reads', () => {
    const acking: Weights = { ...blank, kinds: ['ack', 'action'], signals: ['ack'], bias: [5, 0, 5] };
    expect(readMeaning({ text: 'Development team acknowledged the problem' }, acking).stated).toBe(true);
    expect(readMeaning({ text: 'Started a zoom call' }, acking).stated).toBeUndefined();
  });
  it('reads another party’s own status page as their record: no acknowledgement, declaration or fix of ours', () => {
    const acking: Weights = { ...blank, kinds: ['ack', 'action'], signals: ['ack'], bias: [5, 0, 5] };
    // langfuse/langfuse-docs 2025-11-20; rust-lang 2020-02-26
    for (const text of [
      'Cloudflare acknowledged the incident on their [status page](https://www.cloudflarestatus.com/x)',
      'GitHub updates their status page to say the problem is fixed',
    ])
      expect(readMeaning({ text }, acking), text).toEqual({ kind: 'note', signals: [] });
    expect(readMeaning({ text: 'We acknowledged the incident on our status page' }, acking).kind).toBe('ack');
  });
  it('reads an act only weighed or decided against as no change and no mitigation', () => {
    const acting: Weights = {
      ...blank,
      kinds: ['change', 'action'],
      signals: ['mitigation', 'change'],
      bias: [5, 0, 5, 5],
    };
    // langfuse/langfuse-docs 2025-11-20
    for (const text of [
      'Gained partial access to Cloudflare dashboard; evaluated removing Cloudflare proxying',
      'Decided against configuration changes due to observed recovery patterns',
      'Georgiana and Jenny discuss maximizing hub pod memory limits',
      'We decided not to roll back',
      // hachyderm/community 2022-12-18: a responder's proposal changes nothing yet.
      '`@hazelweakly` Suggests moving queues to CDN nodes',
      '`@dma` Suggests migrating DB from `freud` -> `nietzsche`',
    ])
      expect(readMeaning({ text }, acting), text).toEqual({ kind: 'action', signals: [] });
    expect(readMeaning({ text: 'Removed Cloudflare proxying after evaluation' }, acting).signals).toEqual([
      'mitigation',
      'change',
    ]);
  });
  it('reads a plan made for a fix as neither the fix nor the service back', () => {
    // The blank model reads every line as recovering. usdigitalresponse/univaf 2021-06-11.
    const recovering: Weights = { ...blank, bias: [1, 0, 5] };
    const text = 'Create final plan for fixing the database during the weekly meeting.';
    expect(readMeaning({ text }, recovering).signals).toEqual([]);
    expect(readMeaning({ text: 'Database resized, table repacked, all good!' }, recovering).signals).toEqual([
      'recovery',
    ]);
  });
  it('reads a thing beginning to fail as the problem, though its name is a change word', () => {
    const changing: Weights = { ...blank, kinds: ['change', 'note'], signals: ['change'], bias: [5, 0, 5] };
    // usdigitalresponse/univaf 2022-04-15: the updates that fail are the service's own work.
    expect(readMeaning({ text: 'Updates start failing. Sentry tracks this in issues' }, changing)).toEqual({
      kind: 'note',
      signals: ['symptom'],
    });
    expect(readMeaning({ text: 'Updates rolled out to all regions' }, changing).kind).toBe('change');
  });

  it('reads a change named only as a time ("post-deployment workload") as no change made', () => {
    const changing: Weights = {
      ...blank,
      kinds: ['change', 'note'],
      signals: ['change', 'symptom'],
      bias: [5, 0, 5, 5],
    };
    // PostHog 2025-09-29: the saturation is the problem; the deployment only says when the load came.
    expect(
      readMeaning(
        {
          text: 'Writer database begins experiencing connection saturation from person ingestion post-deployment workload',
        },
        changing,
      ),
    ).toEqual({ kind: 'note', signals: ['symptom'] });
    expect(readMeaning({ text: 'Writer database saturated after the deployment of v2' }, changing).kind).toBe(
      'change',
    );
  });
  it('reads a line closing the incident on the record as the close, not the service coming back', () => {
    // The blank model reads every line as recovering.
    const recovering: Weights = { ...blank, bias: [1, 0, 5] };
    expect(readMeaning({ text: 'We declared the incident resolved' }, recovering).signals).toEqual(['close']);
    expect(readMeaning({ text: 'Service restored and incident closed' }, recovering).signals).toEqual([
      'recovery',
      'close',
    ]);
  });
  it('never reads a note as mitigating: a state of recovery that changes nothing names its fix as the cause, any other is an act', () => {
    const mitigating: Weights = {
      kinds: ['note', 'action'],
      signals: ['recovery', 'mitigation', 'change'],
      threshold: 0.5,
      bias: [1, 0, -5, 5, -5],
      weights: { 'w:clear': [2, 1000], 'w:restor': [2, 1000], 'w:gener': [4, 1000] },
    };
    expect(readMeaning({ text: 'Errors cleared after rollback' }, mitigating)).toEqual({
      kind: 'note',
      signals: ['recovery'],
    });
    // dfds PM2020-002: the new certificates are the act that restored the service.
    expect(readMeaning({ text: 'New certificates generated, service restored' }, mitigating)).toEqual({
      kind: 'action',
      signals: ['recovery', 'mitigation', 'change'],
    });
    expect(readMeaning({ text: 'Rolled over sick node' }, mitigating)).toEqual({
      kind: 'action',
      signals: ['mitigation'],
    });
  });
  it('reads a line acknowledging the problem as the acknowledgement, whatever else it names', () => {
    const alerting: Weights = {
      kinds: ['alert', 'change'],
      signals: ['symptom'],
      threshold: 0.5,
      bias: [0, 0, -5],
      weights: { 'w:alert': [0, 5, 2, 1000], 'g:change': [1, 5] },
    };
    // 2i2c: the word "alert" is not the alert firing.
    expect(readMeaning({ text: 'Engineers acknowledge the alert' }, alerting).kind).toBe('ack');
    expect(readMeaning({ text: 'Engineers acknowledge the alert' }, alerting).signals).toContain('ack');
    // A change stays a change, carrying the acknowledgement too.
    expect(readMeaning({ text: 'Acknowledged, then deploy the fix' }, alerting).kind).toBe('change');
    expect(readMeaning({ text: 'The alert fires again' }, alerting).kind).toBe('alert');
  });
  it('reads someone reporting as a report, but keeps monitoring speaking an alert', () => {
    const changing: Weights = {
      kinds: ['change', 'alert_resolved'],
      signals: ['recovery'],
      threshold: 0.5,
      bias: [0, 0, -5],
      weights: { 'g:change': [0, 5], 'g:monitor': [1, 10, 2, 1000] },
    };
    expect(
      readMeaning({ text: '@justindm234 reported the breaking change as an issue' }, changing).kind,
    ).toBe('report');
    expect(readMeaning({ text: 'Monitoring reports that Fluentd is now fine' }, changing).kind).toBe(
      'alert_resolved',
    );
  });
  it('reads a line marked as the end of the problem as not stating the problem too', () => {
    const both: Weights = {
      kinds: ['note', 'action'],
      signals: ['symptom', 'recovery'],
      threshold: 0.5,
      bias: [1, 0, -5, -5],
      weights: { 'g:symptom': [2, 1000], 'g:recovery': [3, 1000] },
    };
    expect(readMeaning({ text: 'By 5:30 AM, error rates had returned to normal.' }, both).signals).toEqual([
      'recovery',
    ]);
  });
  it('keeps what the model reads when the line carries no marker', () => {
    expect(readMeaning({ text: 'Checked the dashboards' }, blank)).toEqual({ kind: 'note', signals: [] });
  });
  it('reads lines it was not trained on by their words (the bundled model)', () => {
    expect(readMeaning({ text: 'Reverted the bad release to the previous version' })).toMatchObject({
      kind: 'rollback',
    });
    expect(readMeaning({ text: 'Customers complained that checkout was failing' })).toMatchObject({
      kind: 'report',
    });
    expect(readMeaning({ text: 'Customers complained that checkout was failing' }).signals).toContain(
      'detect',
    );
  });
  it('reads a version restored as a rollback going on, and the service restored as the recovery', () => {
    expect(readMeaning({ text: 'Rollback completed — v2.0.9 restored' }).signals).not.toContain('recovery');
    expect(
      readMeaning({ text: 'Service restored — checkout success rate back to normal' }).signals,
    ).toContain('recovery');
  });
  it('marks a line read as a change that names nothing changed, in its own sentence', () => {
    const change: Weights = {
      kinds: ['change', 'note'],
      signals: [],
      threshold: 0.5,
      bias: [1, 0],
      weights: {},
    };
    expect(
      readMeaning(
        { text: 'Our API had an incident that lasted for two hours. This led to delays for pull requests.' },
        change,
      ).unnamedChange,
    ).toBe(true);
    // Stating the problem's start, it is the problem seen rather than a change.
    expect(
      readMeaning({ text: 'The incident began at 14:43 UTC with a partial network switch failure.' }, change),
    ).toEqual({ kind: 'note', signals: ['symptom'] });
    for (const text of [
      'A software release began rolling out at 08:40 UTC, leading to a partial outage.',
      'Data Layer team and IPS turn off one testing endpoint',
      'Reverted the config',
      // What changed is named in the sentence after the writer's own start mark.
      'Start of incident. A new builder image is deployed and the cache prefix is bumped.',
    ])
      expect(readMeaning({ text }, change).unnamedChange, text).toBeUndefined();
    expect(readMeaning({ text: 'Our API had an incident' }, blank).unnamedChange).toBeUndefined();
  });
  it('reads a release that starts the outage as a change, mitigating nothing', () => {
    const hotfix: Weights = {
      kinds: ['action', 'change'],
      signals: ['mitigation', 'change'],
      threshold: 0.5,
      bias: [1, 0, 5, 5],
      weights: {},
    };
    expect(
      readMeaning({ text: 'V1.12.13+hotfix.6 is released to stable <START OF OUTAGE>' }, hotfix),
    ).toEqual({
      kind: 'change',
      signals: ['change', 'symptom'],
      bound: 'start',
      stated: true,
    });
    expect(readMeaning({ text: 'V1.12.13+hotfix.7 is released to stable' }, hotfix)).toEqual({
      kind: 'action',
      signals: ['mitigation', 'change'],
    });
  });
  it('reads a change the incident is said to begin with, or be triggered by, as that change', () => {
    const acting: Weights = {
      kinds: ['action', 'change'],
      signals: ['mitigation', 'change'],
      threshold: 0.5,
      bias: [1, 0, 5, 5],
      weights: {},
    };
    for (const text of [
      'The incident was triggered by a change to database permissions at 11:05 UTC.',
      'The issue began when a faulty configuration change was rolled out to the databases at 22:59 UTC.',
    ])
      expect(readMeaning({ text }, acting).kind, text).toBe('change');
    for (const text of [
      'The incident was triggered by a surge of traffic at 11:05 UTC.',
      'A configuration change was rolled out to fix the issue at 23:10 UTC.',
    ])
      expect(readMeaning({ text }, acting).kind, text).toBe('action');
  });

  it('reads monitoring saying its alert is over as the alert resolving, which detects nothing', () => {
    // A model that reads every line as an alert that detects the problem.
    const alerting: Weights = {
      kinds: ['alert', 'note'],
      signals: ['symptom', 'detect', 'recovery'],
      threshold: 0.5,
      bias: [1, 0, 5, 5, -5],
      weights: {},
    };
    expect(readMeaning({ text: 'Error rate alert clears' }, alerting)).toEqual({
      kind: 'alert_resolved',
      signals: ['recovery'],
      stated: true,
    });
    expect(readMeaning({ text: 'Error rate alert fires' }, alerting)).toEqual({
      kind: 'alert',
      signals: ['symptom', 'detect'],
      stated: true,
    });
    // Chia 2024-06-25: monitoring detecting the stall, and automation ending it, on one line.
    const both = readMeaning(
      {
        text: 'Monitoring detected the chain stall. Automation restarted the timelords and this resolved the issue.',
      },
      alerting,
    );
    expect(both.kind).toBe('alert');
    expect(both.signals).toEqual(expect.arrayContaining(['detect', 'recovery']));
  });
  it('reads an alert raised by monitoring as changing nothing, whatever the model reads', () => {
    const changing: Weights = { ...blank, kinds: ['change', 'note'], signals: ['change'], bias: [5, 0, 5] };
    // psimaker/homelab 2025-09-23
    expect(
      readMeaning({ text: '`LoogiLatencyP95Exceeded` warning starts firing in Alertmanager.' }, changing),
    ).toEqual({
      kind: 'alert',
      signals: ['detect', 'symptom'],
      stated: true,
    });
    expect(readMeaning({ text: 'restic-backup.timer fires, runs the wrapper.' }, changing).kind).toBe(
      'change',
    );
  });
  it('reads the alerting tool going off as the alert (scaleapi/llm-engine MLI-6574)', () => {
    const noting: Weights = { ...blank, kinds: ['note'], signals: [], bias: [5] };
    expect(readMeaning({ text: 'PagerDuty fires; Envoy 5xx ratio = 0.052' }, noting).kind).toBe('alert');
    expect(readMeaning({ text: 'Opsgenie triggered a P1 for the API' }, noting).kind).toBe('alert');
    expect(readMeaning({ text: 'The cron job fires every hour' }, noting).kind).toBe('note');
  });
  it('reads a command that changes the system as an act, a deploy command as a change', () => {
    const noting: Weights = { ...blank, kinds: ['note'], signals: ['symptom'], bias: [5, 5] };
    // scaleapi/llm-engine MLI-6574: the deploy and the failure it caused on one row.
    const deployed = readMeaning(
      {
        text: '`kubectl set image` → `04729cef…` (rev 293); ORM references missing column; all endpoint list/get → 500',
      },
      noting,
    );
    expect(deployed.kind).toBe('change');
    expect(deployed.signals).toEqual(expect.arrayContaining(['change', 'symptom']));
    expect(deployed.unnamedChange).toBeUndefined();
    // jupyterhub/mybinder.org-deploy 2019-04-03: an act on the cluster, no deploy.
    const cordoned = readMeaning(
      { text: 'Decide to cordon off node: kubectl cordon gke-prod-a-ssd-pool' },
      noting,
    );
    expect(cordoned.kind).toBe('action');
    expect(cordoned.signals).not.toContain('change');
    // Reading state changes nothing.
    expect(readMeaning({ text: 'kubectl get pods shows 0/1 ready' }, noting).kind).toBe('note');
  });

  it('reads long hostile lines of command words in linear time', () => {
    const noting: Weights = { ...blank, kinds: ['note'], signals: [], bias: [5] };
    const started = performance.now();
    for (const text of [
      `${'docker a b '.repeat(20_000)}x`,
      `${'wrangler a '.repeat(20_000)}x`,
      `${'kubectl  '.repeat(20_000)}x`,
      `${'review  '.repeat(20_000)}x`,
      `${'staging '.repeat(20_000)}x`,
    ])
      expect(readMeaning({ text }, noting).kind).toBe('note');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
  it('reads a rollback the alert cleared after as the rollback: undoing comes first in the guide', () => {
    const noting: Weights = { ...blank, kinds: ['note'], signals: [], bias: [5] };
    const rolled = readMeaning(
      { text: 'Rollback to `f395ffa6…` (rev 300); errors clear; alert auto-resolves' },
      noting,
    );
    expect(rolled.kind).toBe('rollback');
    expect(rolled.signals).toEqual(expect.arrayContaining(['recovery', 'mitigation', 'change']));
    // The alert clearing first, a rollback only named after it, stays the alert resolving.
    expect(readMeaning({ text: 'Error rate alert clears after the rollback' }, noting).kind).toBe(
      'alert_resolved',
    );
  });
  it('reads no event in what a line says did not happen, unless that is all it says', () => {
    // A model that reads a report wherever "report" is written.
    const reporting: Weights = {
      kinds: ['note', 'report'],
      signals: ['detect'],
      threshold: 0.5,
      bias: [1, 0, -5],
      weights: { 'w:report': [1, 300, 2, 1000] },
    };
    // Cercol/cercol 2026-04-16
    expect(
      readMeaning(
        { text: '30 days of silent failure. No alerts. No user reports reached the team.' },
        reporting,
      ),
    ).toEqual({
      kind: 'note',
      signals: [],
    });
    expect(readMeaning({ text: 'A user reports the failure. No alert had fired.' }, reporting).kind).toBe(
      'report',
    );
    expect(readMeaning({ text: 'No user reports reached the team.' }, reporting).kind).toBe('report');
  });
  it('reads the writers telling what they did as their act, and what they saw or learned as a note', () => {
    // openSUSE/obs-landing 2024-08-26, psimaker/homelab 2025-09-23, conda-forge 2025
    for (const text of [
      'We checked the exceptions on Errbit',
      'I open the laptop, hit the loogi Grafana dashboard.',
      'We audited all uploads to the conda-forge channel',
    ])
      expect(readMeaning({ text }, blank).kind, text).toBe('action');
    for (const text of [
      'We see errors on every node',
      'We discover that another node has entered NodeLost state',
      'We have no nodes',
      'The team checked the logs',
    ])
      expect(readMeaning({ text }, blank).kind, text).toBe('note');
    // Being paged is the page received.
    expect(readMeaning({ text: 'I was paged at 03:00' }, blank).kind).toBe('page');
  });
  it("reads telling people of a change as a responder's act that changes nothing", () => {
    const changing: Weights = {
      kinds: ['change', 'action'],
      signals: ['change', 'mitigation'],
      threshold: 0.5,
      bias: [1, 0, 5, 5],
      weights: {},
    };
    // kroma-network/kroma, 2024-03-12-zktrie-incident
    expect(readMeaning({ text: 'announced rollback of Kroma mainnet on discord' }, changing)).toEqual({
      kind: 'action',
      signals: [],
    });
    expect(readMeaning({ text: 'Rolled back the release and announced it on discord' }, changing).kind).toBe(
      'change',
    );
  });
  it('reads a change that states the problem and names nothing changed as the problem seen', () => {
    const changing: Weights = {
      kinds: ['change', 'note'],
      signals: ['symptom', 'change'],
      threshold: 0.5,
      bias: [1, 0, 5, 5],
      weights: {},
    };
    // Chia-Network/post-mortem: a metric moving is no change to the system.
    expect(readMeaning({ text: 'Mempool spendbundle count started slowly increasing.' }, changing)).toEqual({
      kind: 'note',
      signals: ['symptom'],
    });
    // A deploy that is seen to fail names what changed: still the change.
    expect(readMeaning({ text: 'Deploy of v2 to production fails with 500s' }, changing).kind).toBe('change');
  });
  it('reads a fix tried in staging as neither mitigating nor restoring; production is where it does', () => {
    const fixing: Weights = {
      kinds: ['action', 'note'],
      signals: ['mitigation', 'recovery', 'change'],
      threshold: 0.5,
      bias: [1, 0, 5, 5, 5],
      weights: {},
    };
    // elife-xpub 2019-02-06: "testing in staging is ok", then "testing in production is ok".
    expect(readMeaning({ text: 'testing in staging is ok' }, fixing).signals).toEqual(['change']);
    expect(readMeaning({ text: 'The fix is tested on the review environment' }, fixing).signals).toEqual([
      'change',
    ]);
    expect(readMeaning({ text: 'testing in production is ok' }, fixing).signals).toEqual([
      'mitigation',
      'recovery',
      'change',
    ]);
    expect(
      readMeaning({ text: 'The staging deployment was promoted to the production environment' }, fixing)
        .signals,
    ).toContain('mitigation');
    // Staging named as where something is taken from is no rehearsal.
    expect(
      readMeaning({ text: 'Database restored from a staging snapshot; site back online' }, fixing).signals,
    ).toContain('recovery');
  });
  it('reads someone learning of the problem who starts on it in the same entry as acknowledging it too', () => {
    const detecting: Weights = {
      kinds: ['report', 'alert', 'change'],
      signals: ['symptom', 'detect', 'ack'],
      threshold: 0.5,
      bias: [1, 0, 0, 5, 5, -5],
      weights: {},
    };
    // usdigitalresponse/univaf 2021-06-03; mybinder.org 2018-02-22.
    const noticed = readMeaning(
      {
        text: '@Mr0grog notices an e-mail from Sentry about a new error. Checking the AWS RDS console shows that the database is out of space.',
      },
      detecting,
    );
    expect(noticed.signals).toContain('ack');
    expect(
      readMeaning(
        { text: 'Stackdriver sends emails about the outage which we notice. Check grafana as well.' },
        detecting,
      ).signals,
    ).toContain('ack');
    // A report and nothing after it, or a later sentence telling more of the problem, acknowledges nothing.
    expect(readMeaning({ text: 'A user reports the site is down.' }, detecting).signals).not.toContain('ack');
    expect(
      readMeaning({ text: 'A user reports the site is down. Pages time out after 30 seconds.' }, detecting)
        .signals,
    ).not.toContain('ack');
  });

  it('reads declaring the incident as an act of record that changes nothing, wherever it stands', () => {
    // ministryofjustice/cloud-platform (MIT): first in its list, with the chat link.
    const text = 'Incident declared. https://mojdt.slack.com/archives/C514ETYJX/p1695046332665969';
    for (const index of [0, 3]) {
      const read = readMeaning({ text, position: { index, count: 8 } });
      expect(read.kind).toBe('action');
      expect(read.signals).toContain('declare');
      expect(read.signals).not.toContain('change');
    }
  });

  it('reads a responder acknowledging as the acknowledgement even first in its timeline, unless the line names a change made', () => {
    const first = { index: 0, count: 6 };
    expect(readMeaning({ text: 'on-call acknowledges', position: first }).kind).toBe('ack');
    expect(readMeaning({ text: 'Deployed v2.3; on-call acknowledged the alert', position: first }).kind).toBe(
      'change',
    );
  });
});
