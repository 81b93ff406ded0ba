import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeServer {
  url: string;
  /** Every request received, in order. */
  requests: FakeRequest[];
  /** What the API description says is wrong with the requests received; empty when all are right. */
  violations: string[];
  close(): Promise<void>;
}

/**
 * A tracker stand-in on 127.0.0.1: each request is checked against the service's published API
 * description (`check`), then answered by `handle`.
 */
export async function fakeServer(
  check: (r: FakeRequest) => string[],
  handle: (r: FakeRequest) => FakeReply,
): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const violations: string[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      violations.push(`${req.method} ${url.pathname}: body is not JSON`);
    }
    const request = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    requests.push(request);
    let wrong: string[];
    try {
      wrong = check(request);
    } catch (error) {
      wrong = [`${request.method} ${request.path}: the check itself failed: ${(error as Error).message}`];
    }
    violations.push(...wrong);
    const reply = wrong.length ? { status: 400, body: { message: wrong.join('; ') } } : handle(request);
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
