import { InputError } from '../errors.js';

/** Why a store could not answer; each has a code in docs/errors.md. */
export type StoreErrorCode =
  | 'STORE_UNREACHABLE'
  | 'STORE_AUTH'
  | 'STORE_CREDENTIALS'
  | 'STORE_TABLE'
  | 'STORE_COLUMN'
  | 'STORE_WHERE'
  | 'STORE_TIMEOUT'
  | 'STORE_QUERY'
  | 'STORE_WINDOW'
  | 'STORE_URL'
  | 'STORE_NOT_FOUND'
  | 'STORE_FIELD'
  | 'STORE_MALFORMED'
  | 'LOKI_QUERY';

/** A store that cannot answer: one line naming the source; exit 2 unless the rest of the bundle makes a report. */
export class StoreError extends InputError {
  constructor(code: StoreErrorCode, source: string, message: string) {
    super(code, source, message);
    this.name = 'StoreError';
  }
}
