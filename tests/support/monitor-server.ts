/**
 * A real HTTP server on 127.0.0.1 that answers `GET /status` as the compliance monitor
 * does (`get_status` in upstream `compliance-monitor/monitor.py`): the body given (by
 * default the bytes recorded from a real run), as `application/json`, only when the
 * request's Accept header names `application/json` or `*\/*`; otherwise 406, as upstream.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MonitorServer {
  url: string;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

export interface Answer {
  status?: number;
  contentType?: string;
  body: Buffer | string;
}

export async function startMonitorServer(answer: () => Answer): Promise<MonitorServer> {
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req);
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://x').pathname !== '/status') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not Found"}');
      return;
    }
    const accept = req.headers.accept ?? '';
    if (!accept.includes('application/json') && !accept.includes('*/*')) {
      res.writeHead(406, { 'content-type': 'application/json' }).end('{"detail":"client needs to accept application/json"}');
      return;
    }
    const a = answer();
    res.writeHead(a.status ?? 200, { 'content-type': a.contentType ?? 'application/json' }).end(a.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
