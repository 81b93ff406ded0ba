// Starts a private clickhouse-server (Debian's 18.16 here, current releases too) on free loopback
// ports with a temporary data folder, for the tests of the ClickHouse log store.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server'];

function serverBinary(): string | null {
  for (const path of SERVER) {
    try {
      execFileSync('test', ['-x', path]);
      return path;
    } catch {}
  }
  return null;
}

/** The clickhouse-server binary, or null when it is not installed (tests then skip, saying so). */
export const clickhouseBinary = serverBinary();
export const SKIP_MESSAGE =
  '(skipped: clickhouse-server is not installed; apt-get install clickhouse-server)';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface ClickHouse {
  url: string;
  /** Runs SQL as the default user; returns the answer's text. */
  sql(text: string): Promise<string>;
  /** A user with a password and a read-only profile. */
  reader: { user: string; password: string };
  stop(): Promise<void>;
}

const config = (dir: string, http: number, tcp: number) => `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/server.err.log</errorlog></logger>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
</yandex>
`;

const users = `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default><max_memory_usage>4000000000</max_memory_usage></default>
    <readonly><readonly>1</readonly></readonly>
  </profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
    <reader><password>rEad-3r</password><networks><ip>127.0.0.1</ip></networks><profile>readonly</profile><quota>default</quota></reader>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;

/** Starts a server and waits for `/ping`; `stop` ends it and removes its folder. */
export async function startClickHouse(): Promise<ClickHouse> {
  if (!clickhouseBinary) throw new Error('clickhouse-server is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-clickhouse-'));
  const [http, tcp] = [await freePort(), await freePort()];
  writeFileSync(join(dir, 'config.xml'), config(dir, http, tcp));
  writeFileSync(join(dir, 'users.xml'), users);
  const child: ChildProcess = spawn(clickhouseBinary, [`--config-file=${join(dir, 'config.xml')}`], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${http}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`${url}/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok)
      return {
        url,
        reader: { user: 'reader', password: 'rEad-3r' },
        stop,
        async sql(text: string) {
          const response = await fetch(`${url}/`, { method: 'POST', body: text });
          const body = await response.text();
          if (!response.ok) throw new Error(body);
          return body;
        },
      };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`clickhouse-server did not answer /ping on ${url}`);
}
