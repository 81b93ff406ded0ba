// A postmortem given without a manifest title is called what its authors call it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { leaksIn, plantedSecrets } from '../support/secrets.js';

const HELIX = 'test/fixtures/postmortem-collections/gattaca-com__helix/post_mortem_28_nov.md';

async function titleOf(manifest: string, file = HELIX): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-title-'));
  copyFileSync(file, join(dir, 'postmortem.md'));
  writeFileSync(join(dir, 'incident.yaml'), manifest);
  const { report, output } = await generate([dir], { library: false });
  expect(output.split('\n')[0]).toBe(`# ${report.incident.title}`);
  return report.incident.title;
}

describe("the report's title", () => {
  it("is the postmortem's own top heading when the manifest names none (gattaca-com/helix, MIT)", async () => {
    expect(await titleOf('{}\n')).toBe('Post-Mortem: High Missed Block Rate Incident on 28/11/2024');
    // An id alone says less than the authors' title.
    expect(await titleOf('id: INC-7\n')).toBe('Post-Mortem: High Missed Block Rate Incident on 28/11/2024');
  });

  it("is the manifest's title when it gives one", async () => {
    expect(await titleOf('title: Relay served invalid headers\n')).toBe('Relay served invalid headers');
  });

  it('is the plain default when no document carries a title', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-title-'));
    const untitled = join(dir, 'untitled.md');
    writeFileSync(untitled, '## Timeline\n\n- 2024-11-28 05:52 UTC Missed block rate flagged\n');
    expect(await titleOf('{}\n', untitled)).toBe('Incident postmortem');
    expect(await titleOf('id: INC-7\n', untitled)).toBe('Incident INC-7');
  });
});

describe("a postmortem's title and cause statement, carried into every output", () => {
  it('keep no secret of any shape: Markdown, HTML, JSON and the library file', () => {
    // A title is one line of at most 300 characters (longer is prose): a few shapes fit in it.
    const TITLE_SHAPES = ['aws-access-key', 'github-pat', 'password-assignment', 'bearer-token'];
    const inTitle = plantedSecrets('head').filter((p) => TITLE_SHAPES.includes(p.shape));
    const inCause = plantedSecrets('caus');
    const words = (secrets: typeof inTitle) =>
      secrets
        .map((p) => p.text)
        .filter((t) => t && !t.includes('\n'))
        .join(' ');
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-title-'));
    writeFileSync(
      join(dir, 'postmortem.md'),
      [
        `# Relay outage ${words(inTitle)}`,
        '',
        '## Summary',
        '',
        `The outage was caused by a builder sending invalid blocks, ${words(inCause)}.`,
        '',
        '## Timeline',
        '',
        '- 2024-11-28 05:52 UTC Missed block rate flagged by a user',
        '- 2024-11-28 16:09 UTC Patch deployed; missed blocks stop',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'incident.yaml'), '{}\n');
    // Outputs and the library live outside the bundle, as a user keeps them.
    const out = mkdtempSync(join(tmpdir(), 'hindsight-title-out-'));
    const db = join(out, 'library.db');
    const outputs: string[] = [];
    for (const format of ['md', 'html', 'json']) {
      const file = join(out, `report.${format}`);
      const r = spawnSync(
        'node',
        ['bin/hindsight.js', 'generate', dir, '--format', format, '-o', file, '--db', db],
        { encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      outputs.push(readFileSync(file, 'utf8'));
    }
    // The new paths did carry the document's words: the title and a quoted cause.
    const json = JSON.parse(outputs[2]);
    expect(json.incident.title).toMatch(/^Relay outage /);
    expect(json.narrative.cause[0].text).toContain('caused by a builder sending invalid blocks');
    expect(existsSync(db)).toBe(true);
    outputs.push(readFileSync(db).toString('latin1'));
    for (const output of outputs)
      expect([...leaksIn(output, inTitle), ...leaksIn(output, inCause)]).toEqual([]);
  });
});
