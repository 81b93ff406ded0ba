import type { Command } from 'commander';
import { type IncidentRecord, importFile, postmortemPaths } from '../../library/index.js';
import type { ReadingCut } from '../../lint/index.js';
import { fileLine } from '../../text/file-line.js';
import { usingLibrary, withDbOption } from './db-option.js';

export interface ImportCommandOptions {
  db?: string;
  json?: boolean;
}

const line = (r: IncidentRecord) =>
  `${r.id}  ${r.title}  (${r.date ?? 'no date'}; ${r.timeline.length} timeline entries, ${r.actionItems.length} action items)`;

/** Imports postmortems into the library; all files are read before anything is saved. */
export async function runImport(
  files: string[],
  { db, json = false }: ImportCommandOptions = {},
): Promise<string> {
  const records: IncidentRecord[] = [];
  for (const file of await postmortemPaths(files)) {
    // What was cut for reading is said once per place, so nothing is lost silently.
    const onCut = (cut: ReadingCut) =>
      process.stderr.write(`hindsight: ${fileLine({ file, line: cut.line })}: ${cut.message}\n`);
    records.push(await importFile(file, { onCut }));
  }
  await usingLibrary(db, async (store) => {
    for (const record of records) await store.save(record);
  });
  if (json)
    return `${JSON.stringify({ imported: records.map((r) => ({ id: r.id, title: r.title, file: r.file, timeline: r.timeline.length, actionItems: r.actionItems.length })) }, null, 2)}\n`;
  return `${records.map(line).join('\n')}\nimported ${records.length} postmortem${records.length === 1 ? '' : 's'}\n`;
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('import')
      .description('parse human-written postmortems (Markdown, wiki HTML) into the incident library')
      .argument('<files...>', 'postmortem files, or folders of them')
      .option('--json', 'print what was imported as JSON'),
  ).action(async (files: string[], opts: ImportCommandOptions) => {
    process.stdout.write(await runImport(files, opts));
  });
}
