import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { readingLibrary, withDbOption } from './db-option.js';

export interface RelatedCommandOptions {
  db?: string;
  json?: boolean;
}

/** Past incidents related to one in the library, each with why. */
export async function runRelated(
  id: string,
  { db, json = false }: RelatedCommandOptions = {},
): Promise<string> {
  const related = await readingLibrary(db, async (store) => {
    const target = await store.get(id);
    if (!target)
      throw new InputError(
        'LIBRARY_NO_INCIDENT',
        id,
        'no incident with this id in the library; see `hindsight search`',
      );
    return store.related(target);
  });
  if (json) return `${JSON.stringify({ related }, null, 2)}\n`;
  if (!related.length) return `no related incidents for ${id}\n`;
  return `${related.map((r) => `${r.id}  ${r.title}  [${r.date ?? 'no date'}]\n    ${r.reasons.join('; ')}`).join('\n')}\n`;
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('related')
      .description(
        'past incidents related to one: same service, failing log template, similar text, kind of cause',
      )
      .argument('<id>', 'incident id in the library')
      .option('--json', 'print { related: [{ id, title, score, reasons }] }'),
  ).action(async (id: string, opts: RelatedCommandOptions) => {
    process.stdout.write(await runRelated(id, opts));
  });
}
