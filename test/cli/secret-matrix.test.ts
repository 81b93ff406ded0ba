import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaksIn, type PlantedSecret, plantedSecrets } from '../support/secrets.js';
import { form, serving } from '../support/serving.js';

/*
 * The secret matrix: one distinct fake secret per shape, planted in every carrier evidence has
 * (chat, alert annotation, JSON and plain log lines, deploy description, ticket comment, the
 * manifest's title and summary, an imported postmortem), then every output is searched for them.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const BASE = join(root, 'examples/checkout-five-tools');
const ID = 'INC-4821';

/** Carrier → its tag; each carrier's secrets differ, so a leak names where it came from. */
const CARRIERS = {
  alert: 'alrt',
  chat: 'chat',
  'json log': 'logj',
  'plain log': 'logp',
  deploy: 'depl',
  ticket: 'jira',
  title: 'titl',
  summary: 'summ',
} as const;
type Carrier = keyof typeof CARRIERS;
const planted = Object.fromEntries(
  Object.entries(CARRIERS).map(([carrier, tag]) => [carrier, plantedSecrets(tag)]),
) as Record<Carrier, PlantedSecret[]>;
const importedSecrets = plantedSecrets('impt');

/** The carrier's marker and all its secrets, as one text. */
const textOf = (carrier: Carrier, sep = '\n') =>
  [`MARK-${CARRIERS[carrier]}`, ...planted[carrier].map((s) => s.text)].join(sep);

/** Every leaking cell of one output: carrier and shape. */
function leaks(output: string, extra: [string, PlantedSecret[]][] = []): string[] {
  const all: [string, PlantedSecret[]][] = [...Object.entries(planted), ...extra];
  return all.flatMap(([carrier, secrets]) => leaksIn(output, secrets).map((shape) => `${carrier}: ${shape}`));
}

const jsonLines = (file: string, edit: (value: Record<string, unknown>) => void) =>
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        let value: Record<string, unknown>;
        try {
          value = JSON.parse(line);
        } catch {
          return line; // the example keeps a damaged delivery as the tool logged it
        }
        edit(value);
        return JSON.stringify(value);
      })
      .join('\n'),
  );

/** The five-tools example with a secret of every shape in every carrier. */
function plantBundle(dir: string): void {
  cpSync(BASE, dir, { recursive: true });
  const manifest = readFileSync(join(dir, 'incident.yaml'), 'utf8')
    .replace(/^title: .*$/m, `title: ${JSON.stringify(`Checkout 502s ${textOf('title', ' ')}`)}`)
    .concat(`summary: ${JSON.stringify(`Checkout failed. ${textOf('summary')}`)}\n`);
  writeFileSync(join(dir, 'incident.yaml'), manifest);

  jsonLines(join(dir, 'alertmanager/webhook-log.jsonl'), (body) => {
    for (const alert of body.alerts as { annotations: Record<string, string> }[]) {
      alert.annotations.description = `${alert.annotations.description ?? ''} ${textOf('alert')}`;
    }
  });
  jsonLines(join(dir, 'github/webhook-deliveries.jsonl'), (body) => {
    const deployment = body.deployment as { description: string } | undefined;
    if (deployment) deployment.description = `${deployment.description ?? ''} ${textOf('deploy')}`;
  });
  const chatFile = join(dir, 'slack-export/inc-checkout/2026-05-19.json');
  const chat = JSON.parse(readFileSync(chatFile, 'utf8')) as Record<string, unknown>[];
  chat.push({ type: 'message', user: 'U05SRE0001', text: textOf('chat'), ts: '1779197000.000100' });
  writeFileSync(chatFile, JSON.stringify(chat));
  // A damaged day of chat: the reader's complaint may quote what it could not parse.
  writeFileSync(
    join(dir, 'slack-export/inc-checkout/2026-05-20.json'),
    `[{"type": "message", "text": ${JSON.stringify(planted.chat.map((p) => p.text).join(' '))} oops`,
  );

  const ticket = JSON.parse(
    readFileSync(join(root, 'test/fixtures/jira/zulip__comment_created.json'), 'utf8'),
  );
  ticket.timestamp = Date.parse('2026-05-19T12:50:00Z');
  ticket.comment.body = textOf('ticket');
  ticket.comment.created = '2026-05-19T12:50:00.000+0000';
  ticket.comment.updated = '2026-05-19T12:50:00.000+0000';
  mkdirSync(join(dir, 'jira'));
  writeFileSync(join(dir, 'jira/comment.json'), JSON.stringify(ticket));

  mkdirSync(join(dir, 'logs'));
  const minutes = Array.from(
    { length: 30 },
    (_, i) => new Date(Date.parse('2026-05-19T12:20:00Z') + i * 60_000),
  );
  const jsonLog = minutes.flatMap((at, i) => [
    JSON.stringify({ ts: at.toISOString(), level: 'info', service: 'checkout', msg: `request served ${i}` }),
    ...(i >= 15
      ? planted['json log'].map((s) =>
          JSON.stringify({
            ts: at.toISOString(),
            level: 'error',
            service: 'checkout',
            msg: `MARK-logj payment call failed: ${s.text}`,
            password: `pw-${s.secret}`,
          }),
        )
      : []),
  ]);
  writeFileSync(join(dir, 'logs/checkout.jsonl'), `${jsonLog.join('\n')}\n`);
  const plainLog = minutes.flatMap((at, i) => [
    `${at.toISOString()} INFO checkout request served ${i}`,
    ...(i >= 15
      ? planted['plain log'].map(
          (s) =>
            `${at.toISOString()} ERROR checkout MARK-logp upstream failed: ${s.text.replace(/\n/g, ' ')}`,
        )
      : []),
  ]);
  writeFileSync(join(dir, 'logs/payments.log'), `${plainLog.join('\n')}\n`);
}

/** A human postmortem quoting every shape in its summary, timeline and action items. */
const postmortem = () => `# Orders DB outage ${importedSecrets[0]!.text}

## Summary

The orders database refused connections. ${importedSecrets.map((s) => s.text.replace(/\n/g, ' ')).join(' ')}

## Timeline

${importedSecrets.map((s, i) => `- 2026-05-20 10:${String(10 + i).padStart(2, '0')} UTC ${s.text.replace(/\n/g, ' ')}`).join('\n')}

## Root cause

A leaked credential: ${importedSecrets.map((s) => s.text.replace(/\n/g, ' ')).join('; ')}

## Action items

- [ ] Rotate ${importedSecrets[1]!.text} (owner: sre, due 2026-06-01)

\`\`\`
${importedSecrets.map((s) => s.text).join('\n')}
\`\`\`
`;

describe('the secret matrix: no planted secret reaches any output', () => {
  const work = mkdtempSync(join(tmpdir(), 'hindsight-secrets-'));
  const bundle = join(work, 'bundle');
  const db = join(work, 'library.db');
  const pmFile = join(work, 'postmortem.md');
  const cli = (...args: string[]) =>
    spawnSync('node', [join(root, 'bin/hindsight.js'), ...args], { cwd: work, encoding: 'utf8' });

  beforeAll(() => {
    plantBundle(bundle);
    writeFileSync(pmFile, postmortem());
  });

  it('plants secrets that reach the evidence the report is built from', () => {
    const out = cli('generate', bundle, '--format', 'json', '--no-save');
    expect(out.status, out.stderr).toBe(0);
    for (const tag of Object.values(CARRIERS)) expect(out.stdout).toContain(`MARK-${tag}`);
    expect(out.stdout).toContain('inc-checkout/2026-05-20.json: ');
  });

  for (const audience of ['internal', 'executive', 'customer']) {
    for (const format of ['md', 'html', 'json']) {
      it(`generate --format ${format} --audience ${audience}`, () => {
        const out = cli('generate', bundle, '--format', format, '--audience', audience, '--db', db);
        expect(out.status, out.stderr).toBe(0);
        expect.soft(leaks(out.stdout + out.stderr)).toEqual([]);
        if (format === 'json') expect(() => JSON.parse(out.stdout)).not.toThrow();
      });
    }
  }

  it('timeline, as text and as JSON that still parses', () => {
    const text = cli('timeline', bundle);
    expect(text.status, text.stderr).toBe(0);
    const json = cli('timeline', bundle, '--json');
    expect(json.status, json.stderr).toBe(0);
    expect.soft(leaks(text.stdout + json.stdout)).toEqual([]);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });

  it('the library file itself, and its write-ahead log', () => {
    expect(cli('generate', bundle, '--db', db).status).toBe(0);
    const bytes = ['', '-wal', '-journal']
      .map((suffix) => `${db}${suffix}`)
      .filter(existsSync)
      .map((file) => readFileSync(file).toString('latin1'))
      .join('\n');
    expect(bytes).toContain(ID);
    expect(leaks(bytes)).toEqual([]);
  });

  it('search --json and related', () => {
    expect(cli('generate', bundle, '--db', db).status).toBe(0);
    const search = cli('search', 'checkout', '--json', '--db', db);
    expect(search.status, search.stderr).toBe(0);
    expect(search.stdout).toContain(ID);
    const related = cli('related', ID, '--json', '--db', db);
    expect(related.status, related.stderr).toBe(0);
    expect(leaks(search.stdout + related.stdout)).toEqual([]);
  });

  it('import of a postmortem quoting secrets, then search and the library file', () => {
    const imported = cli('import', pmFile, '--json', '--db', db);
    expect(imported.status, imported.stderr).toBe(0);
    const search = cli('search', 'orders database', '--json', '--db', db);
    expect(search.stdout).toContain('Orders DB outage');
    const bytes = readFileSync(db).toString('latin1');
    const wal = existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`).toString('latin1') : '';
    expect(leaks(imported.stdout + search.stdout + bytes + wal, [['imported', importedSecrets]])).toEqual([]);
  });

  it('an error that quotes a bad manifest value', () => {
    const bad = join(work, 'bad-manifest');
    mkdirSync(bad);
    const secret = planted.title.find((p) => p.shape === 'url-password')!;
    writeFileSync(join(bad, 'incident.yaml'), `title: x\ntimezone: ${JSON.stringify(secret.text)}\n`);
    const out = cli('generate', bad, '--no-save');
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('timezone');
    expect(leaks(out.stdout + out.stderr)).toEqual([]);
  });

  it('lint --json names the kind of secret, never the secret', () => {
    const lint = cli('lint', pmFile, '--json');
    expect(lint.stdout).toContain('no-secrets');
    expect(leaks(lint.stdout + lint.stderr, [['imported', importedSecrets]])).toEqual([]);
  });

  describe('serve', () => {
    let server: Awaited<ReturnType<typeof serving>>;
    const serveDb = join(work, 'serve.db');
    beforeAll(async () => {
      expect(cli('import', pmFile, '--db', serveDb).status).toBe(0);
      server = await serving({ db: serveDb, bundles: [bundle] });
    }, 120_000);
    afterAll(() => server?.stop());
    const page = async (path: string) => {
      const res = await fetch(`${server.origin}${path}`);
      expect(res.status, path).toBe(200);
      return res.text();
    };

    it('the incident list, the incident page and its exports', async () => {
      const pages = await Promise.all(
        ['/', `/incidents/${ID}`, ...['md', 'html', 'json'].map((f) => `/incidents/${ID}/export.${f}`)].map(
          page,
        ),
      );
      expect(pages[1]).toContain('MARK-');
      expect(leaks(pages.join('\n'))).toEqual([]);
    });

    it("a reviewer's note quoting secrets, on the page and in the exports", async () => {
      const note = await fetch(
        `${server.origin}/incidents/${ID}/narrative/lessons`,
        form({ text: importedSecrets.map((s) => s.text).join('\n') }),
      );
      expect(note.status).toBeLessThan(400);
      const pages = await Promise.all(
        [`/incidents/${ID}`, ...['md', 'html', 'json'].map((f) => `/incidents/${ID}/export.${f}`)].map(page),
      );
      expect(pages[1]).toContain('[REDACTED');
      expect(leaks(pages.join('\n'), [['reviewer', importedSecrets]])).toEqual([]);
      const bytes = readFileSync(serveDb).toString('latin1');
      const wal = existsSync(`${serveDb}-wal`) ? readFileSync(`${serveDb}-wal`).toString('latin1') : '';
      expect(leaks(bytes + wal, [['reviewer', importedSecrets]])).toEqual([]);
    });

    it('an imported postmortem, its page and its exports', async () => {
      const listing = await page('/');
      const href = /href="(\/incidents\/[^"]+)">Orders DB outage/.exec(listing)?.[1];
      expect(href).toBeTruthy();
      const pages = await Promise.all(
        [href!, ...['md', 'html', 'json'].map((f) => `${href}/export.${f}`)].map(page),
      );
      expect(leaks(listing + pages.join('\n'), [['imported', importedSecrets]])).toEqual([]);
    });
  });
});
