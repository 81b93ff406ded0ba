// Blameless rewriting over every chat line of the fixtures and examples: names go, the sentence stays.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { blameless, peopleIn } from '../../src/analysis/index.js';
import { openBundle } from '../../src/bundle/index.js';
import { buildTimeline } from '../../src/timeline/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const folders = (dir: string) =>
  readdirSync(join(root, dir))
    .map((name) => join(dir, name))
    .filter((path) => statSync(join(root, path)).isDirectory());
const BUNDLES = [
  ...folders('examples'),
  ...folders('test/fixtures/scenarios'),
  ...folders('test/fixtures/slack'),
  'test/fixtures/hostile',
  'test/fixtures/events',
];
const ROLE_WORDS = new Set([
  'a',
  'an',
  'the',
  'responder',
  'responders',
  'two',
  'three',
  'four',
  'five',
  'several',
]);
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

interface Line {
  bundle: string;
  text: string;
  people: string[];
}
const lines: Line[] = [];

beforeAll(async () => {
  for (const bundle of BUNDLES) {
    const timeline = await buildTimeline(await openBundle([join(root, bundle)]));
    const people = peopleIn(timeline.events);
    for (const e of timeline.events.filter((x) => x.kind === 'chat'))
      lines.push({ bundle, text: e.summary, people });
  }
}, 300_000);

describe('blameless rewriting of every chat line in the fixtures', () => {
  it('has chat lines naming people to rewrite', () => {
    expect(lines.length).toBeGreaterThan(30);
    expect(lines.filter((l) => blameless(l.text, l.people) !== l.text).length).toBeGreaterThan(5);
  });

  it('leaves no handle sign, doubled article or broken article before a role', () => {
    for (const { text, people } of lines) {
      const out = blameless(text, people);
      expect(out, text).not.toMatch(/@\s?(?:a responder|responders?)\b/i);
      expect(out, text).not.toMatch(/\ban responder|\bresponder a responder/i);
      if (!/\b(?:a|an|the) (?:a|an|the)\b/i.test(text))
        expect(out, text).not.toMatch(/\b(?:a|an|the) (?:a|an|the)\b/i);
    }
  });

  it('keeps every other word of the sentence, its verb too, in order', () => {
    for (const { text, people } of lines) {
      const names = new Set(people.flatMap((p) => words(p)));
      const kept = words(text).filter((w) => !names.has(w.replace(/'s$/, '')) && !ROLE_WORDS.has(w));
      const out = words(blameless(text, people)).filter((w) => !ROLE_WORDS.has(w) && w !== "responder's");
      expect(
        out.map((w) => w.replace(/'s$/, '')),
        text,
      ).toEqual(kept.map((w) => w.replace(/'s$/, '')));
    }
  });

  it('names nobody, and opens a sentence with a capital as the writer did', () => {
    for (const { text, people } of lines) {
      const out = blameless(text, people);
      for (const name of people.filter((p) => p.length >= 3))
        expect(out.toLowerCase(), text).not.toContain(`@${name.toLowerCase()}`);
      if (/^[A-Z]/.test(text)) expect(out, text).toMatch(/^[A-Z]/);
    }
  });
});
