import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Command, InvalidArgumentError } from 'commander';
import { InputError } from '../../errors.js';
import { isLoopback, newToken } from '../../server/access.js';
import { createApp } from '../../server/app.js';
import { withDbOption } from './db-option.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port from 0 to 65535');
  return port;
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
    await new Promise<void>((listening, failed) => {
      server.once('error', failed);
      server.listen(opts.port, opts.host, listening);
    });
    const { port } = server.address() as AddressInfo;
    const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    process.stderr.write(
      `hindsight: reviewing at http://${host}:${port}/${token ? `?token=${token}` : ''}\n`,
    );
    const stop = () => server.close(() => void app.close());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
