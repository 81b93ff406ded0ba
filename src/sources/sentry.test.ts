// Sentry issues: real samples (test/fixtures/sentry, see PROVENANCE.md), and the issue list as
// the API returns it, written to its documented shape where a case needs hourly counts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInput, openBundle } from '../bundle/index.js';
import { Manifest } from '../model/index.js';
import { buildTimeline } from '../timeline/build.js';
import { detectSource } from './detect.js';
import { recordingContext } from './recording-context.js';
import { sentry } from './sentry.js';
import { fixture, openText, SAMPLES } from './test-kit.js';

async function templatesOf(input: Awaited<ReturnType<typeof fileInput>>) {
  const recorded = recordingContext(input.name, { manifest: Manifest.parse({}) });
  for await (const _ of sentry.read(input, recorded.ctx));
  return recorded;
}

const hours = (fromIso: string, counts: number[]) =>
  counts.map((n, i) => [Date.parse(fromIso) / 1000 + i * 3600, n]);

/** An issue as the issue list returns it (counts as strings, hourly `stats`). */
const issue = (fields: Record<string, unknown>) => ({
  id: '4510000001',
  shortId: 'CHECKOUT-1A',
  title: "TypeError: Cannot read properties of undefined (reading 'id')",
  culprit: 'app/cart.js in loadCart',
  level: 'error',
  status: 'unresolved',
  count: '1240',
  userCount: 310,
  project: { id: '42', name: 'checkout', slug: 'checkout' },
  ...fields,
});

describe('Sentry: real samples', () => {
  it.each(SAMPLES.sentry.map((f) => [f.split('/').at(-1) as string, f]))(
    'detects %s and hands over its issue as a template',
    async (_, path) => {
      const input = await fileInput(path);
      expect(detectSource(input)?.name).toBe('sentry');
      const { templates, problems } = await templatesOf(input);
      expect(problems).toEqual([]);
      expect(templates).toHaveLength(1);
      expect(templates[0].source.line).toBeGreaterThan(0);
    },
  );

  it('reads the issue webhook: title, level, project, first and last seen', async () => {
    const { templates } = await templatesOf(
      await fileInput(fixture('sentry', 'zulip__zulip__issue-created-exception.json')),
    );
    expect(templates.map((t) => [t.template, t.level, t.service, t.count])).toEqual([
      ['Exception: Custom exception!', 'error', 'zulip-integration-testing', 1],
    ]);
  });
});

describe('Sentry: issues judged as log templates', () => {
  it('spreads hourly counts over their minutes, between first and last seen', async () => {
    const list = [
      issue({
        firstSeen: '2024-03-05T10:02:00Z',
        lastSeen: '2024-03-05T10:31:30Z',
        count: '120',
        stats: { '24h': hours('2024-03-05T09:00:00Z', [0, 120]) },
      }),
    ];
    const { templates, problems } = await templatesOf(
      await openText(JSON.stringify(list, null, 2), 'sentry.json'),
    );
    expect(problems).toEqual([]);
    const [t] = templates;
    expect([t.service, t.level, t.count, t.template]).toEqual([
      'checkout',
      'error',
      120,
      "TypeError: Cannot read properties of undefined (reading 'id')",
    ]);
    // 30 minutes from 10:02 to 10:31, four a minute; none before first seen.
    expect(t.perMinute).toHaveLength(30);
    expect(t.perMinute[0]).toEqual([Date.parse('2024-03-05T10:02:00Z'), 4]);
    expect(t.perMinute.reduce((n, [, c]) => n + c, 0)).toBe(120);
    // The line of its short id.
    expect(t.source.line).toBe(4);
  });

  it('makes an issue first seen in the incident an entry, and one seen for weeks at its usual rate none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-'));
    const chronic = issue({
      id: '1',
      shortId: 'CHECKOUT-9',
      title: 'ConnectionResetError: peer reset',
      count: '9000',
      firstSeen: '2024-02-01T00:00:00Z',
      lastSeen: '2024-03-05T10:30:00Z',
      stats: { '24h': hours('2024-03-04T11:00:00Z', Array(24).fill(12)) },
    });
    const fresh = issue({
      firstSeen: '2024-03-05T10:02:00Z',
      lastSeen: '2024-03-05T10:31:30Z',
      count: '1240',
      stats: { '24h': hours('2024-03-04T11:00:00Z', [...Array(23).fill(0), 1240]) },
    });
    writeFileSync(join(dir, 'sentry-issues.json'), JSON.stringify([chronic, fresh]));
    writeFileSync(
      join(dir, 'changes.json'),
      JSON.stringify([
        { ts: '2024-03-05T10:00:00Z', kind: 'change', summary: 'deploy checkout v42', service: 'checkout' },
      ]),
    );
    const { events } = await buildTimeline(await openBundle([dir]));
    const logs = events.filter((e) => e.kind === 'log').map((e) => e.attrs.template);
    expect(logs).toContain("TypeError: Cannot read properties of undefined (reading 'id')");
    expect(logs).not.toContain('ConnectionResetError: peer reset');
  });

  it('reports an issue whose first or last seen cannot be read, and a value that is no issue', async () => {
    const text = JSON.stringify([issue({ firstSeen: 'soon', lastSeen: null }), { hello: 'world' }]);
    const { templates, problems } = await templatesOf(await openText(text, 'sentry.json'));
    expect(templates).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      'Sentry issue CHECKOUT-1A has no readable first or last seen',
      'not a Sentry issue or issue webhook',
    ]);
  });
});
