// One suite over every registered source: its samples are its own and no one else's, what it
// reads parses as a RawEvent, and a cut-off copy is reported rather than thrown.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { RawEvent } from '../model/index.js';
import { detectSource, type SourceName, sources } from './index.js';
import {
  copyFolder,
  SAMPLES as FIXTURES,
  open,
  openFolder,
  openText,
  readWith,
  samples,
} from './test-kit.js';

/**
 * Real files of neighbouring formats that no source should claim. (The other GitHub webhooks beside
 * the deployment ones are github-issues' and github-activity's own samples.)
 */
const UNCLAIMED = [...samples('kubernetes', (f) => /__dp\.json$/.test(f))];

/**
 * Overlaps that registry order resolves but detect does not: the deploy evidence formats are
 * generic events too (a time and a kind), and deploy logs are logs, read with more meaning by their
 * own sources first.
 */
const KNOWN_OVERLAPS: Partial<Record<SourceName, string[]>> = {
  events: [
    'guarded-deploy/health-checks.jsonl',
    'guarded-deploy/deploys.jsonl',
    'guarded-deploy/watch.jsonl',
    'deploy-evidence/deploy-history.csv',
  ],
  // A deploy tool's log is a timestamped text or logfmt log too, read line by line by its own source first.
  // A container runtime's line holds the container's own: its source reads it first.
  'text-logs': [
    'deploy-log/release-script.log',
    'containers/default_apache-logs_apache-logs.log',
    'containers/kubelet-logs-test__cri.log',
  ],
  'logfmt-logs': ['deploy-log/argocd-application-controller.log'],
  'markdown-timeline': ['deploy-log/release-script.log', 'containers/kubelet-logs-test__cri.log'],
};

/** Sources that hang on a folder forced on them (generic-events streams it as a file): to be fixed there. */
const FILE_ONLY = ['events', 'markdown-timeline'];

const inputOf = (path: string) => (statSync(path).isDirectory() ? openFolder(path) : open(path));
const short = (path: string) => path.split('/test/fixtures/')[1];

/**
 * A copy cut in the middle: a file at about half its length, within a line (a cut that falls on a
 * line's end moves back into it), or a folder with its first day file halved.
 */
async function truncated(path: string) {
  if (!statSync(path).isDirectory()) {
    const text = readFileSync(path, 'utf8');
    let cut = Math.floor(text.length / 2);
    while (cut > 1 && (text[cut] === '\n' || text[cut - 1] === '\n')) cut--;
    return openText(text.slice(0, cut), path.split('/').pop());
  }
  const copy = copyFolder(path);
  const channel = readdirSync(copy).find((f) => statSync(join(copy, f)).isDirectory())!;
  const day = join(copy, channel, readdirSync(join(copy, channel))[0]);
  writeFileSync(day, readFileSync(day, 'utf8').slice(0, 100));
  return openFolder(copy);
}

describe.each(Object.entries(FIXTURES))('the %s source', (name, own) => {
  const source = sources[name as SourceName];
  const others = Object.entries(FIXTURES)
    .filter(([other]) => other !== name)
    .flatMap(([, files]) => files);

  it('detects each of its own samples, and detection picks it first', async () => {
    for (const path of own) {
      const input = await inputOf(path);
      expect(source.detect(input), short(path)).toBe(true);
      expect(detectSource(input)?.name, short(path)).toBe(name);
    }
  });

  it("rejects every other format's samples", async () => {
    const known = KNOWN_OVERLAPS[name as SourceName] ?? [];
    for (const path of [...others, ...UNCLAIMED]) {
      expect(source.detect(await inputOf(path)), short(path)).toBe(known.includes(short(path)));
    }
  });

  it('reads events that all parse as raw events, with a source file and a time', async () => {
    for (const path of own) {
      const { events, handedOver } = await readWith(source, await inputOf(path));
      // Logs and metrics hand over templates and series; the timeline turns them into events later.
      expect(events.length + handedOver, short(path)).toBeGreaterThan(0);
      for (const event of events) {
        expect(() => RawEvent.parse(event)).not.toThrow();
        expect(Number.isFinite(event.ts) && event.source.file.length > 0).toBe(true);
      }
    }
  });

  it("skips, or refuses with an InputError, when a manifest makes it read another format's samples", async () => {
    for (const path of others.filter((p) => !(FILE_ONLY.includes(name) && statSync(p).isDirectory()))) {
      const read = await readWith(source, await inputOf(path)).catch((error: Error) => error);
      if (read instanceof Error) expect(read, short(path)).toBeInstanceOf(InputError);
      else for (const event of read.events) expect(() => RawEvent.parse(event), short(path)).not.toThrow();
    }
  });

  it('reports a truncated copy of its samples without throwing', async () => {
    for (const path of own) {
      const input = await truncated(path);
      const { problems } = await readWith(source, input);
      const json = input.isDirectory || /^\s*[[{]/.test(input.sample);
      if (json) expect(problems.length, short(path)).toBeGreaterThan(0);
    }
  });
});
