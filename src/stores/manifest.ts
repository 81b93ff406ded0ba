import { z } from 'zod';
import { ClickHouseEntry, type ClickHouseOptions, clickhouseStore } from './clickhouse.js';
import { ElasticsearchEntry, elasticsearchStore, OpenSearchEntry } from './elasticsearch.js';
import { LokiEntry, lokiStore } from './loki.js';
import type { LogStore } from './store.js';
import { inlineCredential } from './store-request.js';

/** What every store's factory is given beside its entry. */
export interface StoreOptions extends ClickHouseOptions {
  /** A doubt about what a store answered that still leaves a usable result (lines counted but not read). */
  onProblem?: (message: string) => void;
}

interface StoreKind {
  entry: z.ZodType;
  open: (entry: never, options: StoreOptions) => LogStore;
}

/** The log stores a `sources[]` entry can name, by the key that holds the store's URL. */
export const stores = {
  clickhouse: { entry: ClickHouseEntry, open: clickhouseStore },
  loki: { entry: LokiEntry, open: lokiStore },
  elasticsearch: { entry: ElasticsearchEntry, open: elasticsearchStore },
  opensearch: { entry: OpenSearchEntry, open: elasticsearchStore },
} satisfies Record<string, StoreKind>;
export type StoreKindName = keyof typeof stores;

/** Every store entry of the manifest, one member per store. */
export const StoreEntry = z.union([ClickHouseEntry, LokiEntry, ElasticsearchEntry, OpenSearchEntry]);
export type StoreEntry = z.infer<typeof StoreEntry>;

/** The store a `sources[]` entry names, or null for a file or Prometheus entry. */
export function storeKindOf(spec: object): StoreKindName | null {
  for (const kind of Object.keys(stores) as StoreKindName[]) if (kind in spec) return kind;
  return null;
}

/** Checks a store entry; the first problem as `key: what was expected`, or null. */
export function storeEntryProblem(spec: object): { key: string; message: string } | null {
  const kind = storeKindOf(spec);
  if (!kind) return null;
  const inline = inlineCredential(spec);
  if (inline)
    return {
      key: inline.key,
      message: `credentials never go in the manifest: name an environment variable with ${inline.instead in stores[kind].entry.shape ? inline.instead : 'passwordEnv'}`,
    };
  const result = stores[kind].entry.safeParse(spec);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const message = issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message;
  return { key: issue.path.join('.'), message };
}

/** The LogStore of a store entry (checked by `storeEntryProblem` when the manifest was read). */
export function openStore(spec: object, options: StoreOptions = {}): LogStore {
  const kind = storeKindOf(spec);
  if (!kind) throw new Error('not a store entry');
  return stores[kind].open(spec as never, options);
}
