import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer } from 'node:net';

export type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

/** What a test's server can do on purpose, by path. */
export const behaviours = {
  ok:
    (body = '{"status":"ok"}'): Behaviour =>
    (_req, res) =>
      res.writeHead(200).end(body),
  fail:
    (body = '{"error":"TypeError: Cannot read properties of undefined"}', status = 500): Behaviour =>
    (_req, res) =>
      res.writeHead(status).end(body),
  /** Never answers. */
  hang: (): Behaviour => () => {},
  /** Random bytes with a 200. */
  garbage: (): Behaviour => (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/octet-stream' })
      .end(Buffer.from([0, 255, 7, 27, 91, 50, 74, 200, 13, 10, 9, 0xfe, 0xc3])),
};

export interface MisbehavingServer {
  url: string;
  /** Sets what a path does from now on. */
  on(path: string, behaviour: Behaviour): void;
  /** Bytes written by the endless /huge body so far. */
  hugeBytesSent(): number;
  close(): Promise<void>;
}

/** A local HTTP server whose paths misbehave as a test tells them to; /huge streams without end. */
export async function misbehavingServer(): Promise<MisbehavingServer> {
  const routes = new Map<string, Behaviour>();
  let huge = 0;
  const server: Server = createServer((req, res) => {
    if (req.url === '/huge') {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && huge < 512 * 1024 * 1024) {
          huge += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      pump();
      return;
    }
    (routes.get(req.url ?? '') ?? behaviours.fail('no such path', 404))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    on: (path, behaviour) => void routes.set(path, behaviour),
    hugeBytesSent: () => huge,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on. */
export const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createTcpServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
