import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'hindsight-templates-cli-'));
const generate = (bundle: string, ...args: string[]) =>
  spawnSync('node', [join(root, 'bin/hindsight.js'), 'generate', bundle, '--no-save', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, HINDSIGHT_DB: join(work, 'library.db') },
  });

describe('generate --template', () => {
  it.each(['sre', 'full', 'evidence', 'brief'])(
    '%s keeps hostile evidence escaped in Markdown and HTML',
    (name) => {
      const md = generate('test/fixtures/hostile', '--template', name);
      expect(md.status).toBe(0);
      // Escaped the Markdown way (\<b>), so no tag reaches a Markdown renderer.
      expect(md.stdout).not.toMatch(/(?<!\\)<(script|img|b)\b/);
      expect(md.stdout).toContain('\\<b>down\\</b>');
      const html = generate('test/fixtures/hostile', '--template', name, '--format', 'html');
      expect(html.status).toBe(0);
      const body = html.stdout.slice(html.stdout.indexOf('<body>'));
      expect(body).not.toMatch(/<script|<img|<b>down/);
      expect(html.stdout).toContain("default-src 'none'");
    },
    60_000,
  );

  it('writes the customer version of brief with no incident id, severity, service or ref', () => {
    const md = generate('examples/checkout-five-tools', '--template', 'brief', '--audience', 'customer');
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Service disruption on 2026-05-19\n/);
    expect(md.stdout).not.toMatch(/INC-4821|SEV2|checkout|K8S-|GH-0|SLACK-|AM-0|PD-0/i);
  }, 60_000);

  it('stops with exit 2 and one line naming the template file and line', () => {
    const file = join(work, 'bad.liquid');
    writeFileSync(file, '# Report\n\n{% for x in report.timeline %}\n');
    const run = generate('examples/seed-003', '--template', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`hindsight: ${file}:3: tag {% for x in report.timeline %} not closed\n`);
  }, 60_000);
});
