export { ClickHouseEntry, type ClickHouseOptions, clickhouseStore } from './clickhouse.js';
export {
  quoteIdentifier,
  quoteString,
  SERVER_KEYS,
  SERVER_MASK,
  SERVER_MASK_REPLACEMENT,
} from './clickhouse-sql.js';
export { whereProblem } from './clickhouse-where.js';
export { incidentJsonSchema } from './json-schema.js';
export {
  openStore,
  StoreEntry,
  type StoreKindName,
  type StoreOptions,
  storeEntryProblem,
  storeKindOf,
  stores,
} from './manifest.js';
export type { LogStore, StoreGroup, StoreWindow } from './store.js';
export { StoreError, type StoreErrorCode } from './store-error.js';
