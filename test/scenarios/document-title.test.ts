// A postmortem given without a manifest title is called what its authors call it.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';

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
