import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileInput } from '../bundle/index.js';
import { recordingContext } from '../sources/recording-context.js';
import { jsonRecordReader } from './json-record.js';
import type { RecordReaderFactory } from './log-record.js';
import { mineLog } from './mine-log.js';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-mine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The JSON reader without its byte path: every line is decoded and read as text. */
const textOnlyJson: RecordReaderFactory = (options) => {
  const read = jsonRecordReader(options);
  return (line, record) => read(line, record);
};

async function mine(content: Buffer, readerFor: RecordReaderFactory) {
  const path = join(dir, 'checkout.jsonl');
  writeFileSync(path, content);
  const { ctx, problems } = recordingContext('checkout.jsonl');
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
