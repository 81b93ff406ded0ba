import { describe, expect, it } from 'vitest';
import { plantedSecrets } from '../../test/support/secrets.js';
import { recordFromReport } from './from-report.js';
import { libraryOver } from './library.js';
import { openSqlite } from './sqlite.js';
import { sampleReport } from './store-contract.js';

const secrets = plantedSecrets('library');
const leaked = (value: unknown) => {
  const text = JSON.stringify(value);
  return secrets.filter((s) => text.includes(s.secret)).map((s) => s.shape);
};

/** A report whose title, summary and timeline carry every planted secret, as an older version may have saved it. */
function reportWithSecrets() {
  const report = sampleReport();
  const all = secrets.map((s) => s.text).join(' ');
  report.incident.title = `Outage ${secrets[0].text}`;
  report.incident.summary = all;
  report.timeline[0].summary = all;
  return report;
}

describe('the library keeps no secret and hands out none', () => {
  it('redacts what an older version stored, on every read: get, report, list, search, related and edits', async () => {
    const backend = await openSqlite(':memory:');
    const report = reportWithSecrets();
    // Written straight to the backend, as a library from before redaction-on-save holds it.
    await backend.put(recordFromReport(report), report);
    await backend.putEdit(report.incident.id ?? '', 'narrative:summary', { text: secrets[1].text });
    expect(leaked(await backend.report(report.incident.id ?? ''))).not.toEqual([]);

    const library = libraryOver(backend);
    const id = report.incident.id ?? '';
    expect(leaked(await library.get(id))).toEqual([]);
    expect(leaked(await library.report(id))).toEqual([]);
    expect(leaked(await library.list())).toEqual([]);
    expect(leaked(await library.search('Outage'))).toEqual([]);
    expect(leaked(await library.edits(id))).toEqual([]);
    const other = sampleReport();
    other.incident.id = 'INC-2002';
    expect(leaked(await library.related(other))).toEqual([]);
    await library.close();
  });

  it('redacts a report and an edit before the backend stores them, whoever saves', async () => {
    const backend = await openSqlite(':memory:');
    const library = libraryOver(backend);
    const report = reportWithSecrets();
    const id = report.incident.id ?? '';
    await library.save(report);
    await library.putEdit(id, 'narrative:summary', { text: secrets[2].text });
    expect(leaked(await backend.report(id))).toEqual([]);
    expect(leaked(await backend.get(id))).toEqual([]);
    expect(leaked(await backend.edits(id))).toEqual([]);
    await library.close();
  });
});
