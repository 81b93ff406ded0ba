import { z } from 'zod';
import { manifestJsonSchema } from '../model/index.js';
import { stores } from './manifest.js';
import { INLINE_CREDENTIAL_KEYS } from './store-request.js';

/** An object schema that may not hold `keys` (each key's schema is `false`). */
const without = (schema: Record<string, unknown>, keys: string[]) => ({
  ...schema,
  properties: { ...(schema.properties as object), ...Object.fromEntries(keys.map((key) => [key, false])) },
});

/**
 * The JSON Schema of `incident.yaml` with the log stores (published as schema/incident.schema.json):
 * a `sources[]` entry is a file or Prometheus hint, or holds a store's key and matches that store's
 * entry, with no credential written as a value.
 */
export function incidentJsonSchema(): Record<string, unknown> {
  const schema = manifestJsonSchema() as { properties: { sources: { items: Record<string, unknown> } } };
  const { sources } = schema.properties;
  const entries = Object.entries(stores).map(([kind, { entry }]) => {
    const { $schema: _, ...json } = z.toJSONSchema(entry, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    return without({ title: `${kind} log store`, ...json }, Object.keys(INLINE_CREDENTIAL_KEYS));
  });
  sources.items = { anyOf: [without(sources.items, Object.keys(stores)), ...entries] };
  return schema;
}
