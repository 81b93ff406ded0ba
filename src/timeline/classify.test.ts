import { describe, expect, it } from 'vitest';
import { classify, classifyText } from './classify.js';

const raw = (summary: string, extra: object = {}) => ({
  ts: 0,
  summary,
  source: { file: 'f', line: 1 },
  ...extra,
});

describe('classifyText', () => {
  // Lines of the seed timelines (dev part of the evaluation set), read by the bundled model.
  it.each([
    ['[ALERT] Latency spike detected on /checkout endpoint.', 'alert', ['symptom', 'detect']],
    ['Deploy #287 triggered for cart-service.', 'change', ['change']],
    ['Rollback initiated for cart-service to revert recent changes.', 'rollback', ['mitigation', 'change']],
    ['Errors cleared after rollback, indicating service recovery.', 'note', ['recovery']],
    ['Alerts cleared for cart-service, confirming issue resolution.', 'alert_resolved', ['recovery']],
    ['Normal traffic observed.', 'note', []],
  ] as const)('"%s" is %s', (text, kind, signals) => {
    const c = classifyText(text);
    expect(c.kind).toBe(kind);
    expect([...c.signals].sort()).toEqual([...signals].sort());
  });

  it('reads a negated symptom as no symptom', () => {
    expect(classifyText('Traffic data shows no unusual spikes.').signals).not.toContain('symptom');
  });

  it('reads phrasings the model was not trained on by their words', () => {
    expect(classifyText('Support tells us users cannot log in')).toEqual({
      kind: 'report',
      signals: ['symptom', 'detect'],
    });
    expect(classifyText('Engineer acknowledged the alert and started investigating')).toEqual({
      kind: 'ack',
      signals: ['ack'],
      stated: true,
    });
    expect(classifyText('Found the root cause: connection pool exhausted').signals).toContain('diagnosis');
  });

  it('lets a status column decide what the line signals', () => {
    expect(classifyText('Checkout answers again', undefined, '✓ RECOVERED').signals).toContain('recovery');
  });
});

describe('classify', () => {
  it('keeps a source kind and refines a resolved alert and a rollback recorded as a change', () => {
    expect(
      classify(raw('[ALERT] 5xx rate normalized post-rollback', { kind: 'alert', ref: 'ALT-5XX-RESOLVED' }))
        .kind,
    ).toBe('alert_resolved');
    expect(classify(raw('[CHANGE] Rollback api-gateway to v2.13.2', { kind: 'change' }))).toEqual({
      kind: 'rollback',
      signals: ['mitigation'],
    });
  });
  it('makes a chat acknowledgement an ack and a chat rollback an action; talk stays chat', () => {
    const kindOf = (text: string) => classify(raw(text, { kind: 'chat' }));
    expect(kindOf('Acknowledged — investigating CPU and 5xx alerts.')).toEqual({
      kind: 'ack',
      signals: ['ack'],
    });
    expect(kindOf('Initiating rollback DEP-7781.')).toEqual({ kind: 'action', signals: ['mitigation'] });
    expect(kindOf('Proceed with caution — keep an eye on metrics.')).toEqual({ kind: 'chat', signals: [] });
  });
  it("reads a bot's message as the tool's record: an alert posted, its resolution, a deploy announced", () => {
    const bot = (text: string) => classify(raw(text, { kind: 'chat', attrs: { bot: true } }));
    expect(bot('[FIRING:1] HighErrorRate (api critical)')).toEqual({
      kind: 'alert',
      signals: ['symptom', 'detect'],
    });
    expect(bot('[RESOLVED] HighErrorRate (api critical)').kind).toBe('alert_resolved');
    expect(bot('Resolved: HighErrorRate on api')).toEqual({ kind: 'alert_resolved', signals: ['recovery'] });
    expect(bot('Incident #1234 triggered: HighErrorRate').kind).toBe('alert');
    expect(bot('Acknowledged by the on-call: HighErrorRate').kind).toBe('ack');
    expect(bot('Deployment of api v2.0.0 to production succeeded')).toEqual({
      kind: 'change',
      signals: ['change'],
    });
    expect(bot('Rolled back api to v1.9.0').kind).toBe('rollback');
    expect(bot('Build #42 passed')).toEqual({ kind: 'chat', signals: [] });
    // A person's message saying the same words is talk about it.
    expect(classify(raw('[FIRING:1] HighErrorRate (api critical)', { kind: 'chat' })).kind).toBe('chat');
  });
  it('takes a person telling others of a fix in chat for the telling, which mitigates nothing itself', () => {
    const chat = (text: string) => classify(raw(text, { kind: 'chat' }));
    expect(
      chat(
        'Heads-up: we are handling autosave failures. Root cause identified, rolling back. Updates in #incident.',
      ).signals,
    ).not.toContain('mitigation');
    // Doing it, and telling others after, still mitigates.
    expect(chat('Rolling back rather than hotfixing. Notifying stakeholders.').signals).toContain(
      'mitigation',
    );
  });
  it('takes a chat message describing a symptom as a human report', () => {
    expect(classify(raw('anyone else seeing 502s on checkout?', { kind: 'chat' })).signals).toEqual([
      'symptom',
      'detect',
    ]);
    expect(classify(raw('we should alert on 502s next time', { kind: 'chat' })).signals).toEqual([]);
  });
  it('treats an incident ticket as the declaration', () => {
    expect(classify(raw('INC-1042: Production 5xx after DEP-7781', { kind: 'ticket' })).signals).toEqual([
      'declare',
    ]);
  });
  it('takes a ticket opened to tell of a problem as a report reaching the team, not the incident record', () => {
    const opened = (text: string) => classify(raw(text, { kind: 'ticket', attrs: { opened: true } }));
    expect(opened('SUP-1187 Support opened: Users report API errors')).toEqual({
      kind: 'report',
      signals: ['symptom', 'detect'],
    });
    // The incident's own ticket declares it; a later change of the same support ticket reports nothing.
    expect(opened('INC-1042 Incident opened: Users report API errors').kind).toBe('ticket');
    expect(
      classify(raw('SUP-1187 Open → In Progress: Users report API errors', { kind: 'ticket' })).kind,
    ).toBe('ticket');
  });
  it('makes error-level logs symptoms and info logs not', () => {
    expect(classify(raw('pool exhausted', { kind: 'log', attrs: { level: 'error' } })).signals).toEqual([
      'symptom',
    ]);
    expect(classify(raw('request served', { kind: 'log', attrs: { level: 'info' } })).signals).toEqual([]);
  });
});

describe('the end of a window a sentence states', () => {
  it('is the recovery, and the bound of the impact, where the sentence tells of the problem', () => {
    expect(
      classify(
        raw('Users could not log in from 9:16 PM to 11:16 PM PDT.', {
          attrs: { rangeEnd: true },
        }),
      ),
    ).toEqual({ kind: 'note', signals: ['recovery'], bound: 'end' });
  });
  it("reads the problem in the window's own sentence by its words too, not in the sentences after it", () => {
    expect(
      classify(
        raw('Then came a stretch of degraded performance until 18:19 PDT. All the apps were affected.', {
          attrs: { rangeEnd: true },
        }),
      ),
    ).toEqual({ kind: 'note', signals: ['recovery'], bound: 'end' });
    expect(
      classify(
        raw('The team kept working on the migration until 03:00 UTC. Errors were gone by then.', {
          attrs: { rangeEnd: true },
        }),
      ),
    ).toEqual({ kind: 'note', signals: [] });
  });
  it('is the recovery where the sentence tells of the end itself, of downtime or of the incident', () => {
    for (const text of [
      'Full resolution, including the load balancers, took until 9:50 PM PDT.',
      'The site saw 13 minutes of intermittent downtime over a 32-minute period, from 15:40 to 16:12 GMT.',
      'Starting at 21:30 UTC, our API had an incident that lasted for two hours and 32 minutes.',
    ])
      expect(classify(raw(text, { attrs: { rangeEnd: true } })), text).toEqual({
        kind: 'note',
        signals: ['recovery'],
        bound: 'end',
      });
  });
  it('says nothing by itself where the window is not the problem', () => {
    expect(
      classify(raw('Engineers reviewed the deploy plan from 14:00 to 14:30.', { attrs: { rangeEnd: true } })),
    ).toEqual({ kind: 'note', signals: [] });
  });
});
