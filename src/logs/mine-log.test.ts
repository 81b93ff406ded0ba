import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileInput } from '../bundle/index.js';
import { recordingContext } from '../sources/recording-context.js';
import { jsonRecordReader } from './json-record.js';
import type { RecordReaderFactory } from './log-record.js';
import { mineLog } from './mine-log.js';
import { textRecordReader } from './text-record.js';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-mine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The JSON reader without its byte path: every line is decoded and read as text. */
const textOnlyJson: RecordReaderFactory = (options) => {
  const read = jsonRecordReader(options);
  return (line, record) => read(line, record);
};

/** The plain-text reader, its messages never mined where they lie in the line's bytes. */
const messagesAsText: RecordReaderFactory = (options) => {
  const read = textRecordReader(options);
  return (line, record) => {
    const answer = read(line, record);
    record.messageAt = -1;
    return answer;
  };
};

async function mine(content: Buffer, readerFor: RecordReaderFactory, name = 'checkout.jsonl') {
  const path = join(dir, name);
  writeFileSync(path, content);
  const { ctx, problems } = recordingContext(name);
  const templates = await mineLog(await fileInput(path), ctx, readerFor, { maxLineBytes: 4000 });
  return { templates, problems };
}

describe('mineLog with a reader of bytes', () => {
  it('finds what reading decoded lines finds: templates, examples, offsets and skipped lines', async () => {
    const lines: (string | Buffer)[] = [];
    const stamp = (i: number) => 1_770_728_400_000 + ((i * 7919) % 5000) * 10; // out of order
    for (let i = 0; i < 3000; i++) {
      const service = ['checkout', 'cart', 'caf\u00e9'][i % 3];
      const message = i % 5 === 0 ? `pay\u00e9 ${i} \u{1F525}` : `request ${i} took ${i % 97} ms`;
      const record = { level: [30, 40, 50][i % 3], time: stamp(i), service, msg: message, pid: 7 };
      lines.push(i % 11 === 0 ? ` ${JSON.stringify(record)}` : JSON.stringify(record));
      if (i % 400 === 1) lines.push('', '   ', '\t', 'not json at all', '{"msg":"no time"}', '{"cut":');
      if (i % 700 === 3) lines.push(`{"time":${stamp(i)},"msg":"binary\u0000data"}`, '\u0000\u0001 junk');
      if (i % 900 === 5)
        lines.push(
          Buffer.from([0x7b, 0xff, 0x7d]),
          `{"time":"${new Date(stamp(i)).toISOString()}","msg":"iso"}`,
        );
      if (i === 1500) lines.push(`{"time":${stamp(i)},"msg":"${'x'.repeat(5000)}"}`);
    }
    const content = Buffer.concat(
      lines.map((line, i) => Buffer.concat([Buffer.from(line), Buffer.from(i % 13 === 0 ? '\r\n' : '\n')])),
    );

    const fromBytes = await mine(content, jsonRecordReader);
    const fromText = await mine(content, textOnlyJson);
    expect(fromBytes.templates.length).toBeGreaterThan(5);
    expect(fromBytes.templates).toEqual(fromText.templates);
    expect(fromBytes.problems).toEqual(fromText.problems);
    expect(new Set(fromBytes.problems.map((p) => p.message))).toEqual(
      new Set([
        'not a JSON line',
        'no readable time',
        'truncated or invalid JSON',
        'binary data',
        'line longer than 4000 bytes',
      ]),
    );
  });
});

describe('mineLog on plain text', () => {
  const plain = (extra: string) => {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const stamp = new Date(1_770_728_400_000 + ((i * 7919) % 5000) * 10).toISOString().replace('T', ' ');
      const level = ['INFO', 'WARN', 'ERROR'][i % 3];
      const message =
        i % 4 === 0
          ? `[exec-${i % 7}] Request ${i.toString(16)} completed in ${i % 97} ms.`
          : `pool  exhausted\tafter ${i} ms, host=10.0.${i % 9}.1 (${extra})`;
      lines.push(`${stamp} ${level} ${message}`);
      if (i % 500 === 7) lines.push('    at com.example.Cart.pay(Cart.java:42)', '', '  ', 'no stamp here');
    }
    return Buffer.from(`${lines.join('\n')}\n`);
  };

  it.each([
    ['ASCII, mined from the bytes in the block', 'retry'],
    ['beyond ASCII, mined from decoded text', 'r\u00e9essai \u{1F525}'],
  ])('%s: the same templates as mining decoded messages', async (_, extra) => {
    const content = plain(extra);
    const fromBytes = await mine(content, textRecordReader, 'checkout.log');
    const fromText = await mine(content, messagesAsText, 'checkout.log');
    expect(fromBytes.templates.map((t) => t.template).sort()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[<\*>\] Request <\*> completed in <\*> ms\.$/),
        expect.stringMatching(/^pool exhausted after <\*> ms, host=<\*> \(/),
      ]),
    );
    expect(fromBytes.templates).toEqual(fromText.templates);
    expect(fromBytes.problems).toEqual(fromText.problems);
  });
});
