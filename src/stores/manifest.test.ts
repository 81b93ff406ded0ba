import { describe, expect, it } from 'vitest';
import { parseManifest } from '../bundle/manifest.js';
import { storeEntryProblem } from './manifest.js';

const SECRET = 'hunter2-never-shown';

describe('store entries in the manifest', () => {
  it.each([
    [{ loki: 'http://127.0.0.1:3100', query: '{app="x"}', token: SECRET }, 'token', 'tokenEnv'],
    [{ elasticsearch: 'http://127.0.0.1:9200', index: 'logs-*', apiKey: SECRET }, 'apiKey', 'apiKeyEnv'],
    [{ opensearch: 'http://127.0.0.1:9200', index: 'logs-*', api_key: SECRET }, 'api_key', 'apiKeyEnv'],
    [
      {
        clickhouse: 'http://127.0.0.1:8123',
        table: 't',
        columns: { ts: 'ts', message: 'm' },
        password: SECRET,
      },
      'password',
      'passwordEnv',
    ],
    [
      { clickhouse: 'http://127.0.0.1:8123', table: 't', columns: { ts: 'ts', message: 'm' }, token: SECRET },
      'token',
      'passwordEnv',
    ],
    [{ loki: 'http://127.0.0.1:3100', query: '{app="x"}', username: SECRET }, 'username', 'userEnv'],
  ])(
    'refuses a credential written as a value (%#), naming the key and the variable key to use',
    (entry, key, instead) => {
      const problem = storeEntryProblem(entry);
      expect(problem?.key).toBe(key);
      expect(problem?.message).toContain(`name an environment variable with ${instead}`);
      expect(JSON.stringify(problem)).not.toContain(SECRET);
    },
  );

  it('accepts credentials named by environment variables', () => {
    expect(
      storeEntryProblem({ elasticsearch: 'http://127.0.0.1:9200', index: 'logs-*', apiKeyEnv: 'ES_API_KEY' }),
    ).toBeNull();
  });

  it('stops the manifest with one line naming the file and the key, never the value', () => {
    const yaml = `sources:\n  - { loki: "http://127.0.0.1:3100", query: '{app="x"}', token: ${SECRET} }\n`;
    let message = '';
    try {
      parseManifest(yaml, 'bundle/incident.yaml');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('bundle/incident.yaml');
    expect(message).toContain("key 'sources.0.token': credentials never go in the manifest");
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain('\n');
  });
});
