import { describe, expect, it } from 'vitest';
import { features, words } from './features.js';

describe('words', () => {
  it('replaces times, versions, HTTP errors, numbers and links by one token each', () => {
    expect(words('At 14:05 v2.13.2 returned 503 for 12 users, see https://x.example/a?b=1')).toEqual([
      'at',
      '_time_',
      '_ver_',
      'return',
      '_http_',
      'for',
      '_num_',
      'user',
      'see',
      '_url_',
    ]);
  });
  it('reads a person named by a handle as one token, whoever it is (a scribe log)', () => {
    expect(words('@BenTheElder loops in @Random-Liu')).toEqual(['_person_', 'loop', 'in', '_person_']);
    expect(words('mail ops@example.com')).toEqual(['mail', 'op', 'exampl', 'com']);
  });
  it('folds the endings of a word so its forms count as one', () => {
    expect(new Set(words('deployed deploying deploys deploy')).size).toBe(1);
    expect(words('stopped rolled')).toEqual(['stop', 'roll']);
  });
  it('reads a noun and the verb it comes from as one word, so an unseen form still counts', () => {
    expect(words('investigating')).toEqual(words('investigation'));
    expect(words('mitigated')).toEqual(words('mitigation'));
  });
});

describe('features', () => {
  it('names the words, the word pairs, the first word and the vocabulary groups of a line', () => {
    const f = features({ text: 'Rolled back the release' });
    expect(f).toEqual(
      expect.arrayContaining(['first:roll', 'w:releas', 'b:roll_back', 'g:undo', 'g:change']),
    );
  });
  it('marks the groups named just after a negation as negated', () => {
    const f = features({ text: 'Traffic data shows no unusual spikes' });
    expect(f).toContain('g:not-symptom');
    expect(f).not.toContain('g:symptom');
  });
  it('reads a status column and the place of the line in its timeline', () => {
    const f = features({ text: 'Checkout works', status: '✓ RECOVERED', position: { index: 4, count: 5 } });
    expect(f).toEqual(expect.arrayContaining(['status:recov', 'pos:last', 'pos:3']));
  });
});

describe('vocabulary groups', () => {
  it('read a recovery word about a version as a version put back, not the service recovering', () => {
    expect(features({ text: 'Rollback completed — v2.0.9 restored' })).toContain('g:version-restored');
    expect(features({ text: 'Rollback completed — v2.0.9 restored' })).not.toContain('g:recovery');
    expect(features({ text: 'Service restored after the v2.0.9 rollout finished' })).toContain('g:recovery');
  });
  it('find a word in any of its forms ("closed" like "close", "restored" like "restore")', () => {
    expect(features({ text: 'Incident closed' })).toContain('g:close');
    expect(features({ text: 'Service restored' })).toContain('g:recovery');
    // "stabilized" and "stabilised" do not share a stem with "stable".
    expect(features({ text: 'The system stabilized around 11:30 PM' })).toContain('g:recovery');
    expect(features({ text: 'The system stabilised itself' })).toContain('g:recovery');
  });
  it('count the steps responders take against an attack or a bad release as fixes, and the service back online as recovery', () => {
    for (const text of [
      'Leaked token revoked',
      'The account was suspended',
      'Yanked the broken release',
      'Cache purged',
      'A new replica is set up from the snapshot',
    ])
      expect(features({ text }), text).toContain('g:fix');
    expect(features({ text: 'Checkout is back online' })).toContain('g:recovery');
    expect(features({ text: 'Checkout went back to the old flow' })).not.toContain('g:fix');
  });
  it('count a system that freezes, stalls or stops answering as a symptom', () => {
    for (const text of [
      'Journal cuts off abruptly during apt automation — silent freeze',
      'many students can not access the hub, and it is frozen',
      'The build queue stalled',
      'Node unresponsive to SSH',
      'Connection pool wedged',
      'Writers deadlocked on the jobs table',
    ])
      expect(features({ text }), text).toContain('g:symptom');
  });
  it('count promoting a build, a release or a model to serve as a change', () => {
    for (const text of [
      'The staging deployment was promoted to the production environment',
      'C4 promote SHADOW->CHAMPION: HTTP 200, routing row created.',
      'v2 promotes to champion via the first-champion gate',
    ])
      expect(features({ text }), text).toContain('g:change');
    expect(features({ text: 'Traffic shifted to the canary' })).not.toContain('g:change');
  });
  it('count reproducing the failure as starting on it, in any form', () => {
    for (const text of [
      'Test case replicating the failure created',
      'Issue is reproduced locally',
      'Engineering team sees the report and quickly tries to reproduce the issue',
      'Chris can reproduce the problem',
    ])
      expect(features({ text }), text).toContain('g:response');
  });
});
