import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { slackExport } from './slack-export.js';
import { copyFolder, corpus, fixture, open, openFolder, readWith } from './test-kit.js';

const archive = fixture('slack', 'slack-export-viewer__testarchive');
const slackdump = corpus('slack', 'slackdump__source_export_dir');

describe('slack-export', () => {
  it('reads every message of a real export as chat and skips joins and bot additions', async () => {
    const { events, problems } = await readWith(slackExport, await openFolder(archive));
    expect(problems).toEqual([]);
    expect(events).toHaveLength(147);
    expect(events.every((e) => e.kind === 'chat' && e.service === null)).toBe(true);
    expect(events.some((e) => e.attrs?.subtype === 'channel_join')).toBe(false);
  });

  it('places a message at its epoch-second ts, with the speaker in attrs and mentions resolved', async () => {
    const { events } = await readWith(slackExport, await openFolder(archive));
    const first = events[0];
    expect(first).toMatchObject({
      ts: 1452837352000,
      ref: 'slack-enrique-1452837352.000006',
      summary: '@abilinski: Created an issue for a setup.py so that it can be installed to a standard place',
      source: { file: 'slack-export-viewer__testarchive/enrique/2016-01-14.json', line: 33 },
    });
    expect(first.attrs).toMatchObject({ user: 'hamza', userId: 'U0BMQB6JE', channel: 'enrique' });
  });

  it('reads a bot message by its attachment text and marks it as a bot', async () => {
    const { events } = await readWith(slackExport, await openFolder(archive));
    const bot = events.find((e) => e.ref === 'slack-enrique-1454892394.000004')!;
    expect(bot.summary).toBe('[enrique:master] 1 new commit by Anthony Bilinski');
    expect(bot.attrs).toMatchObject({ bot: true, userId: 'B0JL6RASU' });
  });

  it.skipIf(!existsSync(slackdump))(
    'reads threads and edits of a current export (AGPL, kept in ../shared/corpora)',
    async () => {
      const { events, problems } = await readWith(slackExport, await openFolder(slackdump));
      expect(problems).toEqual([]);
      expect(events).toHaveLength(14);
      const parent = events.find((e) => e.attrs?.slackTs === '1736478630.905399')!;
      expect(parent.attrs).toMatchObject({ replies: 2 });
      const reply = events.find((e) => e.attrs?.slackTs === '1736554746.482349')!;
      expect(reply).toMatchObject({ ts: 1736554746482, source: { line: 27 } });
      expect(reply.attrs).toMatchObject({ thread: '1736478630.905399', userId: 'UOB5F987BF17' });
      const edited = events.find((e) => e.attrs?.edited)!;
      expect(edited.attrs?.edited).toBe(1737160371000);
    },
  );

  it('goes on without users.json, showing user ids, and says so once', async () => {
    const copy = copyFolder(archive);
    rmSync(join(copy, 'users.json'));
    const { events, problems } = await readWith(slackExport, await openFolder(copy));
    expect(problems).toEqual([{ line: null, message: 'users.json missing: user ids shown as ids' }]);
    expect(events).toHaveLength(147);
    expect(events[0].attrs?.user).toBe('U0BMQB6JE');
  });

  it('skips a damaged day file and keeps the other days', async () => {
    const copy = copyFolder(archive);
    writeFileSync(
      join(copy, 'enrique', '2016-01-14.json'),
      '[\n  {"type": "message", "user": "U0BMQB6JE", "te',
    );
    const { events, problems } = await readWith(slackExport, await openFolder(copy));
    expect(problems).toEqual([
      { line: 2, message: 'enrique/2016-01-14.json: truncated JSON: the file ends inside this item' },
    ]);
    expect(events).toHaveLength(145);
  });

  it('detects only folders that hold an export, never single files', async () => {
    expect(slackExport.detect(await openFolder(archive))).toBe(true);
    expect(slackExport.detect(await open(join(archive, 'channels.json')))).toBe(false);
    expect(slackExport.detect(await openFolder(fixture('alertmanager')))).toBe(false);
  });
});

describe('slack-export given a file', () => {
  it('refuses it with an InputError that says what a Slack export is', async () => {
    const error = await readWith(slackExport, await open(join(archive, 'channels.json'))).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('NOT_SLACK_EXPORT');
    expect((error as Error).message).toBe(
      'channels.json: not a Slack export: expected a folder with channels.json and users.json',
    );
  });
});
