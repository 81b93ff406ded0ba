import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import type { SearchFilters } from '../../library/index.js';
import { readingLibrary, withDbOption } from './db-option.js';

export interface SearchCommandOptions {
  db?: string;
  json?: boolean;
  service?: string;
  since?: string;
  until?: string;
  severity?: string;
  limit?: number;
}

export function parseDay(option: string) {
  return (value: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
      throw new InputError('USAGE', option, `'${value}' is not a date (YYYY-MM-DD)`);
    return value;
  };
}

export function parseLimit(value: string): number {
  if (!/^[1-9]\d*$/.test(value))
    throw new InputError('USAGE', '--limit', `'${value}' is not a positive whole number`);
  return Number(value);
}

/** Full-text search of the library, best first; `--json` prints `{ results: [...] }` (SPEC §2). */
export async function runSearch(
  query: string,
  { db, json = false, ...filters }: SearchCommandOptions = {},
): Promise<string> {
  const results = await readingLibrary(db, (store) => store.search(query, filters satisfies SearchFilters));
  if (json) return `${JSON.stringify({ results }, null, 2)}\n`;
  if (!results.length) return `no incident matches '${query}'\n`;
  return `${results
    .map(
      (r) =>
        `${r.id}  ${r.title}  [${r.date ?? 'no date'}${r.severity ? `, ${r.severity}` : ''}]  score ${r.score.toFixed(3)}\n    ${r.snippet}`,
    )
    .join('\n')}\n`;
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('search')
      .description('search the incident library, best match first, with snippets')
      .argument('<text...>', 'words to search for')
      .option('--service <name>', 'only incidents of this service')
      .option('--since <date>', 'only incidents on or after this date (YYYY-MM-DD)', parseDay('--since'))
      .option('--until <date>', 'only incidents on or before this date (YYYY-MM-DD)', parseDay('--until'))
      .option('--severity <level>', 'only incidents of this severity (SEV2, P1, high, …)')
      .option('--limit <n>', 'at most n results', parseLimit)
      .option('--json', 'print { results: [{ id, title, score, snippet, … }] }'),
  ).action(async (words: string[], opts: SearchCommandOptions) => {
    process.stdout.write(await runSearch(words.join(' '), opts));
  });
}
