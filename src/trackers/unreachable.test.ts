import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { trackerItems } from './follow-up-item.js';
import { github } from './github.js';
import { jira } from './jira.js';
import { linear } from './linear.js';
import { sampleReport } from './report-sample.js';
import { push, type Tracker } from './tracker.js';

/** A port that was just free: nothing listens on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

describe('a tracker that does not answer', () => {
  it('is named unreachable with the system error, for every client', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const trackers: Tracker[] = [
      github({ repo: 'acme/checkout', token: 'ghp_x123456', baseUrl: url }),
      jira({ url, project: 'OPS', email: 'a@example.com', token: 't123456' }),
      linear({ team: 'ENG', apiKey: 'lin_api_123456', apiUrl: `${url}/graphql` }),
    ];
    for (const tracker of trackers) {
      const error = await push(trackerItems(sampleReport()), tracker).catch((e) => e);
      expect(error.kind).toBe('unreachable');
      expect(error.message).toBe('cannot reach the tracker: ECONNREFUSED');
    }
  });
});
