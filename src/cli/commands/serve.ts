import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Command, InvalidArgumentError } from 'commander';
import { InputError } from '../../errors.js';
import { isLoopback, newToken } from '../../server/access.js';
import { createApp } from '../../server/app.js';
import { announceLibrary, withDbOption } from './db-option.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port from 0 to 65535');
  return port;
}

const LISTEN_REASONS: Record<string, string> = {
  EADDRINUSE: 'the port is in use (pick another with --port, or 0 for any free one)',
  EADDRNOTAVAIL: 'the address is not one of this machine (try 127.0.0.1)',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'no such host',
};

/** A listen failure the user can fix is one line and exit 2, not a stack trace. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const reason = LISTEN_REASONS[error.code ?? ''];
  if (!reason) return error;
  return new InputError('LISTEN_FAILED', `${host}:${port}`, `cannot listen: ${reason}`);
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('serve')
      .description(
        'review incidents in the browser: accept or reject claims, write the narrative, assign follow-ups',
      )
      .argument('[bundle...]', 'evidence bundles to generate into the library and review')
      .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 4173)
      .option('--host <host>', 'address to listen on; beyond loopback a token is required', '127.0.0.1')
      .option('--token <token>', 'token every request must carry (generated when --host is not loopback)'),
  ).action(async (bundles: string[], opts: { port: number; host: string; token?: string; db?: string }) => {
    if (opts.token !== undefined && !opts.token.trim())
      throw new InputError(
        'USAGE',
        '--token',
        'an empty token would let anyone in: give one, or leave --token out',
      );
    const token = opts.token ?? (isLoopback(opts.host) ? undefined : newToken());
    const app = await createApp({ db: opts.db, bundles, token, host: opts.host });
    for (const b of app.bundles.filter((b) => b.error))
      process.stderr.write(`hindsight: ${b.path}: ${b.error}\n`);
    const server = createServer(app.handle);
    try {
      await new Promise<void>((listening, failed) => {
        server.once('error', failed);
        server.listen(opts.port, opts.host, listening);
      });
    } catch (error) {
      await app.close();
      throw listenError(error as NodeJS.ErrnoException, opts.host, opts.port);
    }
    const { port } = server.address() as AddressInfo;
    const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    announceLibrary(opts.db);
    process.stderr.write(
      `hindsight: reviewing at http://${host}:${port}/${token ? `?token=${token}` : ''}\n`,
    );
    const stop = () => server.close(() => void app.close());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
