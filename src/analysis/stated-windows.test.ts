import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { Manifest, type Statement } from '../model/index.js';
import { analyze } from './analyze.js';
import { findMoments } from './moments.js';
import { boundsFromWindows } from './stated-windows.js';

const T0 = Date.parse('2026-02-10T10:00:00Z');
const window = (from: number, to: number, text: string, impact?: boolean): Statement => ({
  kind: 'window',
  start: T0 + from * 60_000,
  end: T0 + to * 60_000,
  text,
  source: { file: 'postmortem.md', line: 9 },
  ...(impact ? { impact } : {}),
});

/**
 * The Rust blog's crates.io postmortem as a small timeline: the deployment promoted at 0, a user's
 * issue at 7, the rollback at 13 that fixed downloads, the fixed release at 113.
 */
const promoted = ev(0, 'change', 'The staging deployment was promoted to the production environment', [
  'change',
]);
const course = [
  promoted,
  ev(7, 'report', 'crate download API is redirecting to invalid URLs', ['symptom', 'detect']),
  ev(13, 'rollback', 'The deployment was rolled back, temporarily fixing the issue', [
    'mitigation',
    'change',
  ]),
  ev(113, 'action', 'The fixed deployment was promoted to production', ['mitigation', 'change']),
  ev(120, 'action', 'The status page incident was marked resolved', ['recovery']),
];
const broken = window(0, 13, 'On 2023-07-20 between 12:17 and 12:30 UTC all crate downloads were broken');

describe('a window the Summary states bounds the impact at the timeline’s entries', () => {
  it('takes the entries at its start and end, where the timeline alone would start at the report', () => {
    const m = findMoments(course);
    expect(m.impactStart?.ref).toBe('REPORT-7');
    expect(m.recovered?.ref).toBe('ACTION-120');
    const bounds = boundsFromWindows(m, [broken], course);
    expect(bounds.impactStart).toBe(promoted);
    expect(bounds.recovered?.ref).toBe('ROLLBACK-13');
  });

  it('takes a window stated to the minute at the entries written in that minute, not the minute before', () => {
    // polarsource/polar 2026-06-12: a timeline to the second, "at 13:17 UTC the platform was down".
    const rotate = ev(-53 / 60, 'change', 'Terraform Cloud plan runs to rotate credentials', ['change'], {
      ref: 'ROTATE',
    });
    const drop = ev(44 / 60, 'change', 'Terraform begins to destroy database', ['change'], { ref: 'DROP' });
    const down = ev(46 / 60, 'note', 'Polar fully down', ['symptom'], { ref: 'DOWN' });
    const seconds = [rotate, drop, down];
    const m = findMoments(seconds);
    const bounds = boundsFromWindows(m, [window(0, 60, 'At 13:17 UTC the platform was down')], seconds);
    expect(bounds.impactStart?.ref).not.toBe('ROTATE');
  });

  it('changes nothing for a window that is not the problem’s, or that no entry stands at', () => {
    const m = findMoments(course);
    const deploys = window(0, 13, 'Between 12:17 and 12:30 UTC we deployed the new storage layer');
    expect(boundsFromWindows(m, [deploys], course)).toEqual({
      impactStart: m.impactStart,
      recovered: m.recovered,
      cites: {},
    });
    const between = window(3, 20, 'Between 12:20 and 12:37 UTC all downloads were broken');
    expect(boundsFromWindows(m, [between], course)).toEqual({
      impactStart: m.impactStart,
      recovered: m.recovered,
      cites: {},
    });
  });

  it('leaves a story told in prose to its own reading: its windows are among its entries already', () => {
    const told = course.map((e) => ({ ...e, attrs: { prose: true } }));
    const m = findMoments(told);
    expect(boundsFromWindows(m, [broken], told)).toEqual({
      impactStart: m.impactStart,
      recovered: m.recovered,
      cites: {},
    });
  });

  it('keeps the incident’s order: no start after detection', () => {
    // No symptom recorded; a line read as detection a minute before the window opens.
    const heard = [
      ev(-1, 'report', 'A message is sent to the team channel', ['detect']),
      promoted,
      course[2],
    ];
    const m = findMoments(heard);
    expect(m.impactStart).toBeNull();
    expect(m.detected?.ref).toBe('REPORT--1');
    expect(boundsFromWindows(m, [broken], heard).impactStart).toBeNull();
  });

  it('keeps the incident’s order: no later start than the first symptom, no end before symptoms stop', () => {
    const flapping = [...course, ev(40, 'report', 'downloads failing again', ['symptom', 'detect'])];
    const m = findMoments(flapping);
    const bounds = boundsFromWindows(
      m,
      [window(7, 13, 'Between 12:24 and 12:30 downloads were broken')],
      flapping,
    );
    expect(bounds.recovered).toBe(m.recovered);
    const late = window(13, 113, 'Between 12:30 and 14:10 uploads were broken');
    expect(boundsFromWindows(m, [late], flapping).impactStart).toBe(m.impactStart);
  });

  it('takes the writer’s start at a timeline entry over earlier lines read as first signs, not a start only the window states', () => {
    // zzstoatzz/plyr.fm 2026-04-02: slow requests after a deploy, then "API outage (02:34-02:40 UTC)".
    const signs = [
      promoted,
      ev(3, 'note', 'last successful HTTP request', ['symptom']),
      ev(7, 'note', 'one machine shuts down gracefully', []),
      ev(8, 'action', 'manual restart of the other machine', ['mitigation', 'ack']),
      ev(13, 'note', 'both machines serving traffic normally', ['recovery']),
    ];
    const m = findMoments(signs);
    expect(m.impactStart?.ref).toBe('NOTE-3');
    const outage = window(7, 13, 'API outage for ~6 minutes (10:07-10:13 UTC)');
    expect(boundsFromWindows(m, [outage], signs).impactStart?.ref).toBe('NOTE-7');
    // A start no timeline entry stands at, only the window's own stated start, keeps the first sign.
    const earlier = window(5, 13, 'API outage for ~8 minutes (10:05-10:13 UTC)');
    const stated = {
      ...ev(5, 'note', 'API outage for ~8 minutes', ['symptom']),
      attrs: { statedStart: true },
    };
    expect(boundsFromWindows(m, [earlier], [...signs, stated]).impactStart).toBe(m.impactStart);
  });

  it('does not end the impact at an entry that itself tells of the problem', () => {
    const hung = [
      ...course.slice(0, 2),
      ev(13, 'note', 'the agent dies and the box drops off the network', ['symptom']),
    ];
    const m = findMoments(hung);
    expect(boundsFromWindows(m, [broken], hung).recovered).toBe(m.recovered);
  });

  it('decides the report’s impact start and recovery through analyze()', () => {
    const { moments, claims } = analyze(course, Manifest.parse({}), [], [broken]);
    expect(moments.impactStart?.ref).toBe(promoted.ref);
    expect(moments.recovered?.ref).toBe('ROLLBACK-13');
    // Each placed moment says where the document states the window.
    const began = claims.find((c) => c.statement.startsWith('Impact began'));
    expect(began?.statement).toContain("the postmortem states the impact's window: postmortem.md:9");
    expect(claims.find((c) => c.statement.startsWith('The service recovered'))?.statement).toContain(
      "the postmortem states the impact's window: postmortem.md:9",
    );
    const { claims: plain } = analyze(course, Manifest.parse({}));
    expect(plain.find((c) => c.statement.startsWith('Impact began'))?.statement).not.toContain('window');
  });

  it('takes a window the Impact section states, whatever its words, and weighs changes against it (opencollective)', () => {
    // No line records a symptom: a faulty change, a fix opened, the report, the fix deployed.
    const deployed = ev(0, 'change', 'Faulty PR is deployed to production.', ['change']);
    const quiet = [
      deployed,
      ev(57, 'note', 'Contributor submits patch PR for review.', []),
      ev(427, 'note', 'Security email is posted on slack.', []),
      ev(436, 'action', 'Contributor PR is deployed to production.', ['mitigation', 'change']),
    ];
    const told = 'From 12:24PM to 7:40PM UTC, users were able to see all Member Invitations.';
    const exposed = window(0, 436, told);
    const none = analyze(quiet, Manifest.parse({}), [], [exposed]);
    expect(none.moments.impactStart).toBeNull();
    const { moments } = analyze(quiet, Manifest.parse({}), [], [window(0, 436, told, true)]);
    expect(moments.impactStart?.ref).toBe(deployed.ref);
    expect(moments.trigger?.ref).toBe(deployed.ref);
    expect(moments.recovered?.ref).toBe('ACTION-436');
  });
});
