import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { incidentJsonSchema } from './json-schema.js';

// The schema is read by an independent reading of JSON Schema, not the zod it came from.
const validate = new Ajv2020({ strict: false }).compile(incidentJsonSchema());
const accepts = (source: object) => validate({ sources: [source] });

describe('the published incident.yaml schema for log stores', () => {
  it('accepts a file hint and an entry of each store', () => {
    expect(accepts({ path: 'logs/*.jsonl', service: 'api' })).toBe(true);
    expect(
      accepts({
        clickhouse: 'http://127.0.0.1:8123',
        table: 'logs',
        columns: { ts: 'ts', message: 'message' },
        passwordEnv: 'CH_PASSWORD',
      }),
    ).toBe(true);
    expect(
      accepts({ loki: 'http://127.0.0.1:3100', query: '{app="checkout"}', tokenEnv: 'LOKI_TOKEN' }),
    ).toBe(true);
    expect(accepts({ elasticsearch: 'http://127.0.0.1:9200', index: 'logs-*' })).toBe(true);
    expect(accepts({ opensearch: 'http://127.0.0.1:9200', index: 'logs-*', apiKeyEnv: 'OS_KEY' })).toBe(true);
  });

  it('refuses a store entry without what the store needs, or with a credential written as a value', () => {
    expect(accepts({ clickhouse: 'http://127.0.0.1:8123', columns: { ts: 'ts', message: 'm' } })).toBe(false);
    expect(accepts({ loki: 'http://127.0.0.1:3100' })).toBe(false);
    expect(accepts({ loki: 'http://127.0.0.1:3100', query: '{app="x"}', token: 'abc' })).toBe(false);
    expect(accepts({ elasticsearch: 'http://127.0.0.1:9200', index: 'logs-*', apiKey: 'abc' })).toBe(false);
    expect(
      accepts({
        clickhouse: 'http://127.0.0.1:8123',
        table: 't',
        columns: { ts: 'ts', message: 'm' },
        password: 'x',
      }),
    ).toBe(false);
  });
});
