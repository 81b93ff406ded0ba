import type { Command } from 'commander';
import { sourceList } from '../../sources/index.js';

export function register(program: Command): void {
  program
    .command('formats')
    .description('list the evidence formats Hindsight detects, with how to export each')
    .option('--json', 'print as JSON')
    .action((opts) => {
      const rows = sourceList.map((s) => ({ name: s.name, title: s.title, example: s.example }));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const r of rows) process.stdout.write(`${r.name}\n  ${r.title}\n  export: ${r.example}\n\n`);
    });
}
