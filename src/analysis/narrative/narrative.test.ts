import { describe, expect, it } from 'vitest';
import { Manifest } from '../../model/index.js';
import { summarise } from '../../report/to-report.js';
import { analyze } from '../analyze.js';
import { exampleEvents, type RuleExample } from '../rules/index.js';

const narrativeOf = (events: RuleExample['events'], manifest: Record<string, unknown> = {}) =>
  analyze(exampleEvents(events), Manifest.parse(manifest)).narrative;
const texts = (claims: { text: string }[]) => claims.map((c) => c.text);

const alert = {
  at: 2,
  kind: 'alert' as const,
  summary: 'HighErrorRate on api',
  signals: ['symptom' as const, 'detect' as const],
};
const errors = { at: 0, kind: 'log' as const, summary: 'Connection refused', signals: ['symptom' as const] };

describe('the impact section', () => {
  it('states what a support message says about tickets, cited to its line', () => {
    const n = narrativeOf([
      errors,
      alert,
      { at: 4, kind: 'chat', summary: 'support here: ticket volume up 4× in the last ten minutes' },
      { at: 9, kind: 'alert_resolved', summary: 'HighErrorRate resolved', signals: ['recovery'] },
    ]);
    expect(n.impact[0]).toMatchObject({ refs: ['LOG-0', 'ALERT_RESOLVED-9'] });
    expect(n.impact[0].text).toContain('Impact lasted 9 min');
    const stated = n.impact.find((c) => c.refs.includes('CHAT-4'));
    expect(stated?.text).toContain('tickets at 4× their usual level');
    expect(stated?.text).toContain('(CHAT-4)');
  });

  it('says when the impact has no end in the evidence', () => {
    expect(texts(narrativeOf([errors, alert]).impact)[0]).toContain('does not show it ending');
  });
});

describe('the detection section', () => {
  it('names the alert that detected it, when, and how long after impact', () => {
    const [first] = narrativeOf([errors, alert]).detection;
    expect(first.text).toMatch(
      /^Detected at 10:02 UTC by an alert in api \(ALERT-2\), 2 min after impact began \(LOG-0\)/,
    );
    expect(first.refs).toEqual(['ALERT-2', 'LOG-0']);
  });

  it('says a person noticed first, and when monitoring followed', () => {
    const n = narrativeOf([
      errors,
      { at: 3, kind: 'report', summary: 'users cannot log in', signals: ['symptom', 'detect'] },
      { ...alert, at: 8 },
    ]);
    expect(texts(n.detection)).toContainEqual(expect.stringContaining('A person noticed first'));
    expect(texts(n.wentWrong)).toContainEqual(
      expect.stringContaining('A person, not monitoring, detected it'),
    );
  });
});

describe('the detection section when no alert fired', () => {
  it('says so once, through the finding, beside how it was detected', () => {
    const n = narrativeOf([
      errors,
      { at: 3, kind: 'report', summary: 'users cannot log in', signals: ['symptom', 'detect'] },
    ]);
    const d = texts(n.detection);
    expect(d[0]).toMatch(/^Detected at 10:03 UTC by a report from a person \(REPORT-3\)/);
    expect(d.filter((t) => /no alert/i.test(t))).toHaveLength(1);
  });
});

describe('the detection section, when no line records how the team learned of it', () => {
  it('says the team knew by their first act, and does not call that act the detection', () => {
    const events: RuleExample['events'] = [
      { at: 0, kind: 'note', summary: 'checkout returns 500 for every order', signals: ['symptom'] },
      {
        at: 27,
        kind: 'rollback',
        summary: 'Incident declared, rollback attempted',
        signals: ['declare', 'mitigation'],
      },
    ];
    const [first] = texts(narrativeOf(events).detection);
    expect(first).toMatch(
      /^The team knew of it by 10:27 UTC, when a rollback of api \(ROLLBACK-27\) shows them at work, 27 min after impact began \(NOTE-0\); how they learned of it is not recorded/,
    );
    expect(first).not.toContain('Detected at');
    const summary = summarise(Manifest.parse({}), analyze(exampleEvents(events), Manifest.parse({})));
    expect(summary).toContain(
      'The team knew of it by 10:27 UTC, 27 min later, when a rollback of api (ROLLBACK-27) shows them at work; how they learned of it is not recorded.',
    );
  });
});

describe('the summary', () => {
  it('dates a moment that falls on a later day than impact began, and only that one', () => {
    const events: RuleExample['events'] = [
      errors,
      alert,
      { at: 30, kind: 'action', summary: 'Restarted the api pods', signals: ['mitigation'] },
      { at: 20 * 60 + 21, kind: 'alert_resolved', summary: 'HighErrorRate resolved', signals: ['recovery'] },
    ];
    const summary = summarise(Manifest.parse({}), analyze(exampleEvents(events), Manifest.parse({})));
    expect(summary).toContain('It was detected at 10:02 UTC, 2 min later,');
    expect(summary).toContain('Mitigation began at 10:30 UTC with');
    expect(summary).toContain('Service recovered at 06:21 UTC on 2026-02-11, 20 h 21 min after impact began');
  });
});

describe('the response section', () => {
  it('lists the acknowledgement, an escalation and each mitigation, the failed one said to have failed', () => {
    const n = narrativeOf([
      errors,
      alert,
      { at: 4, kind: 'ack', summary: 'Acknowledged', signals: ['ack'] },
      { at: 6, kind: 'page', summary: 'Escalated to the database team' },
      { at: 7, kind: 'action', summary: 'Restarted the api pods', signals: ['mitigation'] },
      { at: 15, kind: 'log', summary: 'Connection refused', signals: ['symptom'], ref: 'LOG-15' },
      { at: 20, kind: 'rollback', summary: 'Rollback api to v1', signals: ['mitigation'] },
      { at: 23, kind: 'alert_resolved', summary: 'HighErrorRate resolved', signals: ['recovery'] },
    ]);
    const r = texts(n.response);
    expect(r[0]).toContain('A responder acknowledged at 10:04 UTC (ACK-4), 2 min after detection');
    expect(r).toContainEqual(expect.stringContaining('Escalated at 10:06 UTC (PAGE-6)'));
    expect(r).toContainEqual(
      expect.stringContaining(
        '(ACTION-7); it did not end the impact: symptoms continued at 10:15 UTC (LOG-15)',
      ),
    );
    expect(r).toContainEqual(
      expect.stringMatching(/^Tried at 10:20 UTC: a rollback of api \(ROLLBACK-20\): /),
    );
    expect(texts(n.resolution)[0]).toContain(
      'Impact ended at 10:23 UTC (ALERT_RESOLVED-23), 3 min after a rollback of api (ROLLBACK-20)',
    );
  });

  it('tells two acts written one under the other as two attempts, and a tool and a person telling one act as one', () => {
    const lines: RuleExample['events'] = [
      errors,
      alert,
      {
        at: 4,
        kind: 'rollback',
        summary: 'Fix committed to revert the module reference',
        signals: ['mitigation'],
      },
      {
        at: 7,
        kind: 'action',
        summary: 'Pipeline re-triggered after an API timeout',
        signals: ['mitigation'],
      },
      { at: 20, kind: 'alert_resolved', summary: 'HighErrorRate resolved', signals: ['recovery'] },
    ];
    const tried = (events: ReturnType<typeof exampleEvents>) =>
      texts(analyze(events, Manifest.parse({})).narrative.response).filter((t) => t.startsWith('Tried at'));
    // One document (dfds PM2021-005): each line is an act of its own.
    const one = tried(exampleEvents(lines));
    expect(one).toHaveLength(2);
    expect(one[0]).not.toContain('also recorded');
    // The same two records from two places (a deploy tool and a person in chat): one attempt.
    const two = exampleEvents(lines);
    const chat = two.find((e) => e.kind === 'action')!;
    chat.source = { file: 'chat', line: 1 };
    chat.sources = [chat.source];
    const both = tried(two);
    expect(both).toHaveLength(1);
    expect(both[0]).toContain('also recorded in the timeline (ACTION-7)');
  });

  it('says an entry that both detected and acknowledged did both, and quotes it without a doubled full stop', () => {
    const n = narrativeOf([
      errors,
      {
        at: 2,
        kind: 'alert',
        summary: 'Stackdriver sends emails about the outage which we notice. Check grafana.',
        signals: ['symptom', 'detect', 'ack'],
      },
    ]);
    expect(texts(n.response)[0]).toBe(
      'Acknowledged at 10:02 UTC in the entry that detected it (ALERT-2): a responder was at work at once.',
    );
    expect(texts(n.detection)[0]).toMatch(/Check grafana”\.$/);
  });

  it('says no acknowledgement and no mitigation are recorded when none is', () => {
    expect(texts(narrativeOf([errors, alert]).response)).toEqual([
      'No acknowledgement by a responder is recorded.',
      'No mitigation is recorded.',
    ]);
  });
});

describe('the resolution section', () => {
  it('says an exposure is taken to have closed with its last fix, and that no line states it', () => {
    const n = narrativeOf([
      { at: 0, kind: 'report', summary: 'A researcher reported a bug in the mempool', signals: ['detect'] },
      {
        at: 90,
        kind: 'action',
        summary: 'Version 1.6.1 released with the fix',
        signals: ['mitigation', 'change'],
      },
    ]);
    const [first] = n.resolution;
    expect(first.text).toMatch(
      /^No line states when the impact ended and no symptom is recorded: the exposure is taken to have closed when its last fix shipped, at 11:30 UTC \(ACTION-90\)/,
    );
    expect(first.confidence).toBeLessThan(0.8);
  });

  it('says the impact is taken to have ended with the first fix after which no symptom is recorded, and that no line states it', () => {
    const n = narrativeOf([
      errors,
      alert,
      {
        at: 30,
        kind: 'action',
        summary: 'Hotfix for the checkout timeout deployed',
        signals: ['mitigation', 'change'],
      },
    ]);
    const [first] = n.resolution;
    expect(first.text).toMatch(
      /^No line states when the impact ended: it is taken to have ended with the first fix after which no symptom is recorded, at \d\d:\d\d UTC \(ACTION-30\)/,
    );
    expect(first.confidence).toBeLessThan(0.6);
  });

  it('is honest when nothing recorded ended the impact', () => {
    const n = narrativeOf([
      errors,
      alert,
      { at: 9, kind: 'alert_resolved', summary: 'resolved', signals: ['recovery'] },
    ]);
    expect(texts(n.resolution)[0]).toContain('what ended the impact is not in the evidence');
    expect(texts(n.lucky)[0]).toContain('with no recorded mitigation');
  });

  it('does not say no mitigation was recorded when attempts were, the last outlasted by symptoms', () => {
    const n = narrativeOf([
      errors,
      alert,
      { at: 5, kind: 'action', summary: 'Restarted the api pods', signals: ['mitigation'] },
      { at: 15, kind: 'log', summary: 'Connection refused', signals: ['symptom'] },
      { at: 21, kind: 'alert_resolved', summary: 'resolved', signals: ['recovery'] },
    ]);
    const [first] = n.resolution;
    expect(first.text).toBe(
      'Impact ended at 10:21 UTC (ALERT_RESOLVED-21) with an alert in api resolving; the last mitigation tried before it (ACTION-5) did not end it: symptoms continued after it (LOG-15). What ended the impact is not in the evidence.',
    );
    expect(first.refs).toEqual(['ALERT_RESOLVED-21', 'ACTION-5', 'LOG-15']);
    expect(texts(n.response)).toContainEqual(expect.stringContaining('it did not end the impact'));
  });

  it('takes an attempt its record says failed for one that did not end the impact', () => {
    const n = narrativeOf([
      errors,
      alert,
      {
        at: 5,
        kind: 'rollback',
        summary: 'Incident declared, rollback attempted',
        signals: ['mitigation', 'change'],
      },
      {
        at: 20,
        kind: 'rollback',
        summary: 'Rollback fails due to ArgoCD configuration issues',
        signals: ['mitigation', 'change'],
      },
      {
        at: 50,
        kind: 'action',
        summary: 'Manual configuration changes deployed',
        signals: ['mitigation', 'change'],
      },
      { at: 80, kind: 'note', summary: 'All pods healthy, flags serving', signals: ['recovery'] },
    ]);
    expect(texts(n.resolution)[0]).toMatch(
      /^Impact ended at 11:20 UTC \(NOTE-80\), 30 min after .* \(ACTION-50\)/,
    );
    expect(texts(n.response)).toContainEqual(
      expect.stringMatching(
        /^Tried at 10:20 UTC: a rollback of api \(ROLLBACK-20\); it did not end the impact: its record says it failed: /,
      ),
    );
    expect(texts(n.wentWrong)).toContainEqual(
      'A rollback of api (ROLLBACK-20) did not end the impact: its record says it failed.',
    );
    // A failed thing acted on is no failed attempt.
    const acted = narrativeOf([
      errors,
      alert,
      { at: 5, kind: 'action', summary: 'Restarted the failed pods', signals: ['mitigation'] },
      { at: 9, kind: 'alert_resolved', summary: 'resolved', signals: ['recovery'] },
    ]);
    expect(texts(acted.resolution)[0]).toMatch(/after an action .*\(ACTION-5\)/);
  });

  it('takes the last run of attempts for what ended the impact, not one made days before', () => {
    const DAY = 24 * 60;
    const n = narrativeOf([
      errors,
      alert,
      {
        at: 30,
        kind: 'action',
        summary: 'Deleted the oldest rows of the logs table',
        signals: ['mitigation'],
      },
      { at: DAY, kind: 'action', summary: 'Repacked the logs table', signals: ['mitigation'] },
      {
        at: DAY + 20,
        kind: 'action',
        summary: 'Resized the database volume',
        signals: ['mitigation', 'change'],
      },
      { at: DAY + 40, kind: 'alert_resolved', summary: 'resolved', signals: ['recovery'] },
    ]);
    expect(texts(n.resolution)[0]).toMatch(
      /^Impact ended at 10:40 UTC on 2026-02-11 \(ALERT_RESOLVED-1480\), 40 min after .*\(ACTION-1440\)/,
    );
    // The fix whose own line says the service is back ended it there.
    const own = narrativeOf([
      errors,
      alert,
      {
        at: 30,
        kind: 'action',
        summary: 'Database resized, table repacked, all good!',
        signals: ['mitigation', 'recovery'],
      },
    ]);
    expect(texts(own.resolution)[0]).toMatch(
      /^Impact ended at 10:30 UTC with an action .*\(ACTION-30\), whose record says the service was back: /,
    );
  });

  it('says so when no recovery is recorded', () => {
    expect(narrativeOf([errors, alert]).resolution).toEqual([
      {
        text: 'The evidence does not show the impact ending: no recovery is recorded.',
        refs: [],
        confidence: 0.9,
      },
    ]);
  });
});

describe('the narrative', () => {
  it('names no person, even where the evidence quoted does', () => {
    const n = narrativeOf([
      errors,
      { ...alert, attrs: {} },
      { at: 4, kind: 'chat', summary: 'Priya Raman: customers cannot pay', attrs: { user: 'Priya Raman' } },
    ]);
    expect(JSON.stringify(n)).not.toContain('Priya');
  });
});

describe('a story spanning days', () => {
  const DAY = 24 * 60;
  const events = [
    errors,
    alert,
    { at: 20, kind: 'action' as const, summary: 'Restarted the api pods', signals: ['mitigation' as const] },
    {
      at: DAY + 30,
      kind: 'report' as const,
      summary: 'users see errors again',
      signals: ['symptom' as const],
    },
    {
      at: DAY + 50,
      kind: 'action' as const,
      summary: 'Raised the connection limit of the pool',
      signals: ['mitigation' as const, 'change' as const],
    },
    {
      at: DAY + 70,
      kind: 'alert_resolved' as const,
      summary: 'HighErrorRate resolved',
      signals: ['recovery' as const],
    },
  ];

  it('dates every time told on another day than the one impact began, and no time on that day', () => {
    const n = narrativeOf(events);
    const told = [...n.impact, ...n.response, ...n.resolution].map((c) => c.text);
    expect(told).toContainEqual(expect.stringContaining('to 11:10 UTC on 2026-02-11 (ALERT_RESOLVED-1510)'));
    expect(told).toContainEqual(expect.stringContaining('Tried at 10:20 UTC: '));
    expect(told).toContainEqual(expect.stringContaining('Tried at 10:50 UTC on 2026-02-11: '));
    expect(told).toContainEqual(expect.stringMatching(/^Impact ended at 11:10 UTC on 2026-02-11 /));
    expect(told.join(' ')).not.toContain('on 2026-02-10');
  });

  it('dates the claims the same way', () => {
    const claims = analyze(exampleEvents(events), Manifest.parse({})).claims.map((c) => c.statement);
    expect(claims).toContainEqual(expect.stringMatching(/^Impact began at 10:00 UTC: /));
    expect(claims).toContainEqual(
      expect.stringMatching(/^The service recovered at 11:10 UTC on 2026-02-11: /),
    );
  });
});

describe('a declaration in the entry that first records the incident', () => {
  it('says when it was declared, and not that it came 0 s after detection', () => {
    const n = narrativeOf([
      errors,
      { at: 5, kind: 'ack', summary: 'Incident call started', signals: ['ack', 'declare'] },
      { at: 9, kind: 'alert_resolved', summary: 'HighErrorRate resolved', signals: ['recovery'] },
    ]);
    const declared = texts(n.response).find((t) => t.startsWith('The incident was declared'));
    expect(declared).toBe('The incident was declared at 10:05 UTC (ACK-5).');
  });
});

describe('what the evidence says caused it', () => {
  const statements = [
    {
      kind: 'cause' as const,
      text: 'A builder sent invalid blocks, which our relay processed optimistically.',
      source: { file: 'pm.md', line: 4 },
    },
    {
      kind: 'cause' as const,
      text: 'A builder sent invalid blocks, which our relay processed optimistically.',
      source: { file: 'pm.md', line: 30 },
    },
  ];
  const events = [
    errors,
    alert,
    {
      at: 6,
      kind: 'note' as const,
      summary: 'Looked at the simulator dashboards. Timeouts were caused by the simulator under heavy load',
      signals: ['diagnosis' as const],
    },
    {
      at: 8,
      kind: 'note' as const,
      summary: 'Simulator queue depth is high',
      signals: ['diagnosis' as const],
    },
  ];

  it("quotes a postmortem's own cause statement once, with its file and line, then a line that states a cause, by that sentence", () => {
    const n = analyze(exampleEvents(events), Manifest.parse({}), [], statements).narrative;
    expect(texts(n.cause)).toEqual([
      "The postmortem's own cause statement (pm.md:4): “A builder sent invalid blocks, which our relay processed optimistically”.",
      expect.stringMatching(
        /^[A-Z]+-\d+ \(\d\d:\d\d UTC\) states a cause: “Timeouts were caused by the simulator under heavy load”\.$/,
      ),
    ]);
    // The line is cited by its ref; the document's words by their place.
    expect(n.cause[1].refs).toHaveLength(1);
    expect(n.cause[0].refs).toEqual([]);
  });

  it('is empty when nothing in the evidence states a cause', () => {
    expect(narrativeOf([errors, alert]).cause).toEqual([]);
  });
});
