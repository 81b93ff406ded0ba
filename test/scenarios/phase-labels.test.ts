// A postmortem written in the widely copied SRE template: a summary block of bold fields, then a
// timeline whose entries carry the writer's phase labels in capitals (OUTAGE BEGINS, OUTAGE
// MITIGATED, OUTAGE ENDS, INCIDENT BEGINS, INCIDENT ENDS), a page received by name, and traffic
// steered by hand. The document is written for this test; its shape is the template's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { Report } from '../../src/model/index.js';

const DOCUMENT = `# Image resizer outage (incident #212)

**Date:** 2026-03-09

**Summary:** The image resizer was down for 59 minutes after a surge of uploads met a memory leak.

**Impact:** Thumbnails failed for every upload; no data was lost.

**Trigger:** Latent leak exposed by a surge in uploads.

**Detection:** The error-rate alert paged the on-call.

## Timeline

2026-03-09 (all times UTC)

- 09:58 The spring sale opens on the storefront
- 10:02 OUTAGE BEGINS — resizer workers start running out of memory under the upload surge
- 10:03 priya receives pager storm, ResizerHighErrorRate from both regions
- 10:06 priya starts investigating, finds worker restarts every few seconds
- 10:09 INCIDENT BEGINS priya declares incident #212, names tomas incident commander
- 10:15 tomas load balances all traffic to the EU region so the US workers can be resized
- 10:21 priya doubles the worker memory limit in the US region
- 10:34 OUTAGE MITIGATED, thumbnails are generated again in both regions
- 10:40 tomas balances 25% of traffic back to the US region
- 10:52 error rate in the US region remains within SLO
- 11:01 OUTAGE ENDS, all traffic balanced across both regions
- 11:30 INCIDENT ENDS, thirty minutes of nominal performance reached
`;

let dir: string;
let report: Report;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hindsight-phase-labels-'));
  writeFileSync(join(dir, 'postmortem.md'), DOCUMENT);
  writeFileSync(join(dir, 'incident.yaml'), 'date: 2026-03-09\n');
  report = (await generate([dir], { format: 'json', library: false })).report;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (moment: keyof Report['moments']) => report.moments[moment]?.ts.slice(11, 16) ?? null;

describe('a timeline with the SRE template phase labels', () => {
  it("takes the outage's labels for the impact's bounds, not the sale opening before them", () => {
    expect(at('impactStart')).toBe('10:02');
    // Mitigated is the service back in part: the outage ends later.
    expect(at('recovered')).toBe('11:01');
  });
  it("takes the incident's labels for the response's: declared and closed", () => {
    expect(at('declared')).toBe('10:09');
    expect(at('closed')).toBe('11:30');
  });
  it('takes the page received for detection, and traffic steered for the start of mitigation', () => {
    expect(at('detected')).toBe('10:03');
    expect(report.timeline.find((e) => e.summary.includes('pager storm'))?.kind).toBe('page');
    expect(at('acknowledged')).toBe('10:06');
    expect(at('mitigationStarted')).toBe('10:15');
  });
  it('finds the stated duration in agreement and no lack of an alert', () => {
    const rules = report.findings.map((f) => f.rule);
    expect(rules).not.toContain('stated-duration-mismatch');
    expect(rules).not.toContain('no-alert-fired');
    expect(report.durations.impact).toBe(59 * 60);
  });
});
