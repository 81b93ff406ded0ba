// Switches the running version of the service: stops the one named by the pid file, starts the
// requested version detached on the same port, and waits until it answers. deploy.mjs and
// rollback.mjs are this with a different word in their output.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the pid and the version live, and the port: GUARDED_STATE and GUARDED_PORT, or defaults. */
export function settings(env = process.env) {
  const state = env.GUARDED_STATE ?? join(here, '.state');
  return { state, port: Number(env.GUARDED_PORT ?? 8080), pidFile: join(state, 'service.pid') };
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Stops the service the pid file names, waiting up to 5 s for it to exit. */
export async function stop({ pidFile }) {
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  if (!pid || !alive(pid)) return null;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  return pid;
}

const answers = (port) =>
  new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/metrics', timeout: 500 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });

/** Starts `version` detached, records its pid and version, and waits until it answers. */
export async function start(version, { state, port, pidFile }) {
  mkdirSync(state, { recursive: true });
  const log = openSync(join(state, 'service.log'), 'a');
  const child = spawn(process.execPath, [join(here, 'service.mjs'), '--version', version, '--port', String(port)], {
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.unref();
  writeFileSync(pidFile, String(child.pid));
  writeFileSync(join(state, 'version'), `${version}\n`);
  for (let i = 0; i < 100; i++) {
    if (await answers(port)) {
      // When each version began to answer: what a test compares the report's moments with.
      appendFileSync(join(state, 'releases.log'), `${new Date().toISOString()} ${version} ${child.pid}\n`);
      return child.pid;
    }
    await sleep(50);
  }
  throw new Error(`api ${version} did not answer on 127.0.0.1:${port} within 5 s`);
}

/** `node deploy.mjs 2.0.0`: the whole switch, with a line saying what happened. */
export async function release(verb, argv = process.argv.slice(2)) {
  const version = argv[0];
  if (!version) {
    console.error(`usage: node ${verb}.mjs VERSION   (GUARDED_PORT and GUARDED_STATE choose the port and state folder)`);
    process.exit(2);
  }
  const where = settings();
  const stateFile = join(where.state, 'version');
  const before = existsSync(stateFile) ? readFileSync(stateFile, 'utf8').trim() : 'none';
  const stopped = await stop(where);
  const pid = await start(version, where);
  console.log(
    `${verb}: api ${before} -> ${version} on 127.0.0.1:${where.port} (pid ${pid}${stopped ? `, stopped pid ${stopped}` : ''})`,
  );
}
