import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { behaviours, type MisbehavingServer, misbehavingServer } from './misbehaving-server.js';

export interface VersionedService {
  server: MisbehavingServer;
  /** The folder whose `version` file says which version runs. */
  dir: string;
  health: string;
  /** A shell command that switches the service to `version`. */
  switchTo(version: string): string;
  close(): Promise<void>;
}

/** A service whose /health passes on 1.0.0 and fails on 2.0.0; deploy and rollback switch a file. */
export async function versionedService(): Promise<VersionedService> {
  const server = await misbehavingServer();
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-service-'));
  const file = join(dir, 'version');
  writeFileSync(file, '1.0.0');
  server.on('/health', (req, res) =>
    (readFileSync(file, 'utf8').trim() === '2.0.0'
      ? behaviours.fail('{"error":"TypeError: Cannot read properties of undefined (reading \'id\')"}')
      : behaviours.ok())(req, res),
  );
  return {
    server,
    dir,
    health: `${server.url}/health`,
    switchTo: (version) => `echo switching to ${version}; echo ${version} > ${file}`,
    close: () => server.close(),
  };
}
