// A bundle is a folder people keep things in: the incident library's own database (`--db
// bundle/library.db`), a screenshot of a graph, a status page saved as PDF. None is read as a log;
// each is named under Data quality, and a report drafted twice over the same bundle is the same.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate } from '../generate.js';
import { binaryKind } from './binary.js';
import { openBundle } from './open.js';

const EVENTS = 'ts,kind,summary\n2026-02-10T12:06:00Z,deploy,Deploy checkout v2\n';
const LOG = '2026-02-10T12:07:00Z ERROR checkout: payment gateway timeout\n';
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

function bundle(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-binary-')), 'bundle');
  mkdirSync(dir);
  writeFileSync(join(dir, 'events.csv'), EVENTS);
  writeFileSync(join(dir, 'app.log'), LOG);
  return dir;
}

describe('files in a bundle that are not text', () => {
  it('names what a file is from its first bytes', () => {
    expect(binaryKind(Buffer.from('SQLite format 3\0\x10\0'))).toBe('an SQLite database');
    expect(binaryKind(PNG)).toBe('a PNG image');
    expect(binaryKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('a JPEG image');
    expect(binaryKind(Buffer.from('PK\x03\x04', 'latin1'))).toBe('a ZIP archive');
    expect(binaryKind(Buffer.from([0xff, 0xfe, 0x32, 0]))).toMatch(/^UTF-16 text/);
    const tar = Buffer.alloc(512);
    tar.write('logs/app.log');
    tar.write('ustar', 257);
    expect(binaryKind(tar)).toBe('a tar archive');
    // A log that a writer kept appending to after it was truncated begins with NUL bytes.
    expect(binaryKind(Buffer.concat([Buffer.alloc(4096), Buffer.from(LOG)]))).toBeNull();
    expect(binaryKind(Buffer.from(LOG))).toBeNull();
    expect(binaryKind(Buffer.from('SQLite format 3 is what the library uses\n'))).toBeNull();
  });

  it('never takes UTF-8 text that does not open with a signature for a binary file', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), (text) => {
        const head = Buffer.from(`2026-02-10T12:07:00Z ${text}`);
        expect(binaryKind(head)).toBeNull();
      }),
    );
  });

  it('skips an image and a PDF and reads the rest, naming each under the problems', async () => {
    const dir = bundle();
    writeFileSync(join(dir, 'grafana.png'), PNG);
    writeFileSync(join(dir, 'status-page.pdf'), '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
    const opened = await openBundle([dir]);
    expect(opened.inputs.map((i) => i.name)).toEqual(['app.log', 'events.csv']);
    expect(opened.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'grafana.png: a PNG image, not evidence: skipped',
      'status-page.pdf: a PDF document, not evidence: skipped',
    ]);
  });

  it('reads a log that begins with NUL bytes', async () => {
    const dir = bundle();
    writeFileSync(join(dir, 'app.log'), Buffer.concat([Buffer.alloc(2048), Buffer.from(LOG)]));
    const opened = await openBundle([dir]);
    expect(opened.inputs.map((i) => i.name)).toEqual(['app.log', 'events.csv']);
    expect(opened.problems).toEqual([]);
  });

  it('does not read the library kept inside the bundle as evidence on the next run', async () => {
    const dir = bundle();
    const db = join(dir, 'library.db');
    const first = await generate([dir], { library: { db }, format: 'json' });
    const second = await generate([dir], { library: { db }, format: 'json' });
    expect(second.report.timeline).toEqual(first.report.timeline);
    expect(second.report.dataQuality.problems).toContainEqual({
      file: 'library.db',
      line: null,
      message: 'an SQLite database, not evidence: skipped',
    });
    expect(JSON.stringify(second.report)).not.toMatch(/library\.db:\d/);
  });

  it('refuses a bundle of images alone with one line naming the file', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-binary-')), 'bundle');
    mkdirSync(dir);
    writeFileSync(join(dir, 'graph.png'), PNG);
    await expect(openBundle([dir])).rejects.toThrow(
      `${join(dir, 'graph.png')}: nothing readable: a PNG image, not evidence: skipped`,
    );
  });
});
