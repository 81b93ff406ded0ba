import { mineGroups } from '../logs/index.js';
import type { LogTemplate, Manifest, Problem, RawEvent } from '../model/index.js';
import { openStore, StoreError, type StoreGroup, type StoreOptions, storeKindOf } from '../stores/index.js';
import { incidentWindow } from './incident-window.js';

export interface StoreLogOptions {
  /** Progress of a store's query, for a terminal. */
  onStore?: (name: string, progress: { rows: number; totalRows: number; seconds: number }) => void;
  env?: StoreOptions['env'];
  /** True when the rest of the bundle makes a report without the stores: a failing store is then a problem, not a stop. */
  othersSuffice: boolean;
}

/**
 * Templates from every log store the manifest names, asked about the incident window: each store
 * groups its lines, and the groups are mined like the lines of a file. A store that cannot answer
 * stops the run (a StoreError, exit 2) unless the rest of the bundle makes a report.
 */
export async function storeTemplates(
  raws: RawEvent[],
  manifest: Manifest,
  problems: Problem[],
  notes: string[],
  { onStore, env, othersSuffice }: StoreLogOptions,
): Promise<LogTemplate[]> {
  const specs = manifest.sources.filter((s) => storeKindOf(s));
  if (!specs.length) return [];
  const window = incidentWindow(raws, manifest.window, manifest.date);
  const templates: LogTemplate[] = [];
  let answered = 0;
  const failures: StoreError[] = [];
  for (const spec of specs) {
    try {
      const store = openStore(spec, {
        env,
        onProgress: onStore && ((p) => onStore(storeName(spec), p)),
        onProblem: (message) => problems.push({ file: store.name, line: null, message }),
      });
      if (!window)
        throw new StoreError(
          'STORE_WINDOW',
          store.name,
          'no window to ask the store about: set window.from and window.to (or date) in the manifest, or add evidence with times',
        );
      const groups: StoreGroup[] = [];
      for await (const group of store.groups({ from: new Date(window.from), to: new Date(window.to) }))
        groups.push(group);
      templates.push(...mineGroups(groups, { file: store.name }));
      notes.push(
        `${store.name}: ${groups.length.toLocaleString('en-US')} distinct masked lines between ${new Date(window.from).toISOString()} and ${new Date(window.to).toISOString()} (${window.basis}).`,
      );
      answered++;
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      failures.push(error);
    }
  }
  if (answered === 0 && !othersSuffice && failures.length) throw failures[0];
  for (const failure of failures)
    problems.push({
      file: failure.file,
      line: null,
      message: failure.message.replace(`${failure.file}: `, ''),
    });
  return templates;
}

const storeName = (spec: object) =>
  String((spec as Record<string, unknown>)[storeKindOf(spec) ?? ''] ?? 'store');
