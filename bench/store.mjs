// npm run bench -- --store [--rows N] [--json]: N (default 50 million) log rows generated inside a private
// ClickHouse with numbers(), then `hindsight generate` over the window beside (a) the pushed-down
// query alone run by clickhouse-client and (b) exporting the window with clickhouse-client and
// running `generate` on the file. Needs Debian's clickhouse-server and clickhouse-client.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupQuery, quoteIdentifier, timeColumn } from '../dist/stores/clickhouse-sql.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const hindsight = join(root, 'bin/hindsight.js');
const T0 = Date.parse('2026-02-10T12:00:00Z');
const SPAN_MS = 3 * 3_600_000;

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// The server uses every core: ClickHouse 18.16 counts physical cores itself and finds one on some
// virtual machines, which would run each query on one thread. (a), (b) and Hindsight share it.
async function startServer(dir) {
  const [http, tcp] = [await freePort(), await freePort()];
  writeFileSync(
    join(dir, 'config.xml'),
    `<?xml version="1.0"?><yandex><logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/server.err.log</errorlog></logger>
<http_port>${http}</http_port><tcp_port>${tcp}</tcp_port><listen_host>127.0.0.1</listen_host>
<path>${dir}/data/</path><tmp_path>${dir}/tmp/</tmp_path><user_files_path>${dir}/user_files/</user_files_path>
<users_config>${dir}/users.xml</users_config><default_profile>default</default_profile><default_database>default</default_database>
<mark_cache_size>268435456</mark_cache_size></yandex>`,
  );
  writeFileSync(
    join(dir, 'users.xml'),
    `<?xml version="1.0"?><yandex><profiles><default><max_memory_usage>8000000000</max_memory_usage><max_threads>${availableParallelism()}</max_threads></default></profiles>
<users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
<quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas></yandex>`,
  );
  const child = spawn('clickhouse-server', [`--config-file=${join(dir, 'config.xml')}`], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${http}`;
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${url}/ping`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, tcp, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('clickhouse-server did not start');
}

// Twenty message shapes with numbers, hex ids, addresses, durations and key=value pairs in them;
// errors appear after the deploy at T0 + 1h.
const SHAPES = [
  ['GET /api/orders/', ' 200 took ', 'ms req='],
  ['POST /api/checkout/', ' 201 took ', 'ms req='],
  ['cache miss for key user:', ' after ', 's trace='],
  ['worker ', ' connected to 10.0.3.', ':5432 session='],
  ['payment authorised amount=', ' currency=EUR latency=', 'ms id='],
  ['session ', ' refreshed, expires in ', 's token_id='],
  ['GET /healthz 200 took ', ' us from 10.1.0.', ' probe='],
  ['queue depth ', ' lag ', 'ms partition='],
  ['user ', ' logged in from 192.168.', '.7 sid='],
  ['retrying upstream call attempt=', ' backoff=', 'ms call='],
  ['flushed ', ' spans to collector in ', 'ms batch='],
  ['GC pause ', 'ms heap ', 'MB cycle='],
  ['order ', ' moved to state=shipped after ', 'ms ref='],
  ['inventory reserved sku=', ' qty=', ' hold='],
  ['email queued to customer ', ' template=receipt-v', ' msg='],
  ['rate limit check key=', ' remaining=', ' bucket='],
  ['feature flag checkout_v2 evaluated for ', ' variant=', ' eval='],
  ['connection pool stats active=', ' idle=', ' pool='],
];
const ERRORS = [
  ['payment gateway timeout after ', 's order=', ' attempt='],
  ['db pool exhausted: ', ' waiting, oldest ', 'ms conn='],
];

export function insertSql(rows) {
  const arr = (i) => `[${[...SHAPES, ...ERRORS].map((s) => `'${s[i]}'`).join(', ')}]`;
  const shapes = SHAPES.length;
  // k: the shape; after the deploy, one row in ten is an error shape.
  const k = `if(ts > ${T0 + 3_600_000} AND number % 10 = 3, ${shapes + 1} + number % 2, 1 + intHash32(number) % ${shapes})`;
  return `INSERT INTO logs SELECT ts, service, if(k > ${shapes}, 'error', if(number % 50 = 7, 'warn', 'info')) AS level,
  concat(arrayElement(${arr(0)}, k), toString(intHash32(number) % 1000), arrayElement(${arr(1)}, k),
         toString(intHash32(number + 1) % 300), arrayElement(${arr(2)}, k), hex(intHash64(number))) AS message
FROM (SELECT number, ${T0} + intDiv(number * ${SPAN_MS}, ${rows}) AS ts,
             arrayElement(['checkout', 'payments', 'search', 'auth'], 1 + number % 4) AS service, ${k} AS k
      FROM numbers(${rows}))`;
}

/** Runs a command; wall seconds and, through /usr/bin/time, peak RSS in MB. */
function measure(command, args, { stdout = 'ignore' } = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    stdio: ['ignore', stdout, 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr.slice(-500)}`);
  const rssKb = Number(run.stderr.trim().split('\n').pop());
  return { seconds, peakRssMb: rssKb / 1024 };
}

export async function benchStore({ rows = 50_000_000, log = console.error } = {}) {
  const loadStart = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-bench-store-'));
  const server = await startServer(dir);
  const client = (...args) => ['--host', '127.0.0.1', '--port', String(server.tcp), ...args];
  try {
    execFileSync(
      'clickhouse-client',
      client(
        '--query',
        'CREATE TABLE logs (ts UInt64, service String, level String, message String) ENGINE = MergeTree ORDER BY ts',
      ),
    );
    log(`generating ${rows.toLocaleString('en-US')} rows inside ClickHouse`);
    const inserted = measure('clickhouse-client', client('--query', insertSql(rows)));
    log(`  ${inserted.seconds.toFixed(1)} s`);
    // Background merges of the inserted parts would compete with the runs measured: wait them out.
    for (let i = 0; i < 1200; i++) {
      const merging = execFileSync(
        'clickhouse-client',
        client('--query', 'SELECT count() FROM system.merges'),
        {
          encoding: 'utf8',
        },
      );
      if (merging.trim() === '0') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const window = { from: T0, to: T0 + SPAN_MS };
    const bundle = join(dir, 'bundle');
    mkdirSync(bundle);
    const events = [
      {
        ts: new Date(T0 + 3_600_000).toISOString(),
        kind: 'deploy',
        service: 'payments',
        ref: 'DEP-1',
        summary: 'Deploy payments 4.2',
      },
    ];
    writeFileSync(join(bundle, 'events.json'), JSON.stringify(events));
    writeFileSync(
      join(bundle, 'incident.yaml'),
      `window: { from: ${new Date(window.from).toISOString()}, to: ${new Date(window.to).toISOString()} }\nsources:\n  - { clickhouse: "${server.url}", table: logs, columns: { ts: ts, service: service, level: level, message: message } }\n`,
    );
    const env = { ...process.env, HINDSIGHT_DB: join(dir, 'library.db') };
    process.env.HINDSIGHT_DB = env.HINDSIGHT_DB;
    const col = (c) => quoteIdentifier(c);
    // The query Hindsight sends for this table: no key here holds a masked word, so it groups
    // without keys (the first look at 2,000 lines that decides it takes milliseconds).
    const pushed = groupQuery(
      {
        table: col('logs'),
        time: timeColumn('ts', 'UInt64'),
        message: col('message'),
        service: col('service'),
        level: col('level'),
        window,
      },
      { keys: false },
    );
    log('(a) the pushed-down query alone, clickhouse-client');
    const a = measure('clickhouse-client', client('--query', `${pushed} FORMAT JSONEachRow`));
    log('hindsight generate over the window, from ClickHouse');
    const store = measure(process.execPath, [
      hindsight,
      'generate',
      bundle,
      '-o',
      join(dir, 'store.md'),
      '--no-save',
    ]);
    log('(b) export the window with clickhouse-client, then generate on the file');
    const exported = join(dir, 'export');
    mkdirSync(exported);
    writeFileSync(join(exported, 'events.json'), JSON.stringify(events));
    const file = join(exported, 'logs.jsonl');
    const exportSql = `SELECT ts, service, level, message FROM logs WHERE ts >= ${window.from} AND ts < ${window.to} FORMAT JSONEachRow`;
    const started = process.hrtime.bigint();
    execFileSync('sh', [
      '-c',
      `clickhouse-client --host 127.0.0.1 --port ${server.tcp} --query "$0" > "$1"`,
      exportSql,
      file,
    ]);
    const exportSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const exportMb = statSync(file).size / 1e6;
    const onFile = measure(process.execPath, [
      hindsight,
      'generate',
      exported,
      '-o',
      join(dir, 'file.md'),
      '--no-save',
    ]);
    // 50 million rows export to about 7 GB: gone as soon as measured.
    rmSync(file, { force: true });
    return {
      rows,
      threads: availableParallelism(),
      loadAverage: { start: loadStart, end: loadavg()[0] },
      exportMb,
      pushedQuerySeconds: a.seconds,
      store: store,
      exportSeconds,
      fileGenerate: onFile,
      exportAndFileSeconds: exportSeconds + onFile.seconds,
      versusQuery: store.seconds / a.seconds,
      fasterThanExport: (exportSeconds + onFile.seconds) / store.seconds,
    };
  } finally {
    server.child.kill();
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printStore(r) {
  const s = (v) => `${v.toFixed(1)} s`;
  console.log(
    `${r.rows.toLocaleString('en-US')} rows in ClickHouse 18.16 over a 3-hour window (export: ${Math.round(r.exportMb)} MB), max_threads ${r.threads}, load average ${r.loadAverage.start.toFixed(1)} at the start and ${r.loadAverage.end.toFixed(1)} at the end`,
  );
  console.log('| run | time | peak RSS MB | target |');
  console.log('|---|---:|---:|---|');
  console.log(
    `| hindsight generate, ClickHouse source | ${s(r.store.seconds)} | ${Math.round(r.store.peakRssMb)} | < 300 MB |`,
  );
  console.log(
    `| (a) pushed-down query alone (clickhouse-client) | ${s(r.pushedQuerySeconds)} | – | generate ≤ 1.3× (a): ${r.versusQuery.toFixed(2)}× |`,
  );
  console.log(
    `| (b) export with clickhouse-client + generate on the file | ${s(r.exportAndFileSeconds)} (${s(r.exportSeconds)} + ${s(r.fileGenerate.seconds)}) | ${Math.round(r.fileGenerate.peakRssMb)} | ≥ 5× slower than generate: ${r.fasterThanExport.toFixed(1)}× |`,
  );
}
