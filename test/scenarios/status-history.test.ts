// A status page's incident history copied as text, newest update first, each update's words over
// the line that dates it, in the two ways a browser copies it: "**Resolved** - words" over a date
// line, and "Resolved" over its words over "Posted …". The documents are written for this test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { Report } from '../../src/model/index.js';

const UPDATES = [
  ['Resolved', 'This incident has been resolved.', '10:31'],
  ['Monitoring', 'A fix has been implemented and we are monitoring the results.', '10:20'],
  ['Identified', 'The issue has been identified and a fix is being implemented.', '10:12'],
  ['Investigating', 'We are currently investigating elevated error rates on Checkout.', '10:05'],
];
const DASHED = UPDATES.map(
  ([status, words, at]) => `**${status}** - ${words}\nMar 9, 2026 - ${at} UTC\n`,
).join('\n');
const POSTED = UPDATES.map(
  ([status, words, at]) => `${status}\n${words}\nPosted Mar 09, 2026 - ${at} UTC\n`,
).join('\n');

const dirs: string[] = [];
async function reportOf(body: string): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-status-history-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'status.md'), `# Elevated error rates on Checkout\n\n${body}`);
  return (await generate([dir], { format: 'json', library: false })).report;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['a dash after the status', DASHED],
  ['the status on a line of its own, then "Posted"', POSTED],
])('a status history copied with %s', (_, body) => {
  it('dates each update by the line below it, and reads its status', async () => {
    const r = await reportOf(body);
    expect(r.timeline.map((e) => [e.ts.slice(11, 16), e.summary.split(' - ')[0]])).toEqual([
      ['10:05', 'Investigating'],
      ['10:12', 'Identified'],
      ['10:20', 'Monitoring'],
      ['10:31', 'Resolved'],
    ]);
    const at = (m: keyof Report['moments']) => r.moments[m]?.ts.slice(11, 16) ?? null;
    expect([at('impactStart'), at('acknowledged'), at('mitigationStarted'), at('recovered')]).toEqual([
      '10:05',
      '10:05',
      '10:20',
      '10:31',
    ]);
  }, 60_000);
});
