/**
 * A real HTTP server on 127.0.0.1 that answers `GET /status` as the compliance monitor
 * does (`get_status` in upstream `compliance-monitor/monitor.py`): the body given (by
 * default the bytes recorded from a real run), as `application/json`, only when the
 * request's Accept header names `application/json` or `*\/*`; otherwise 406, as upstream.
 *
 * Its Markdown pages (`GET /markdown/table`, `GET /markdown/detail/<subject>/<scope>`) are
 * answered by `pages`, by default with the pages recorded from a real run (`recordedPages`).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MONITOR_FIXTURES } from './monitor-fixtures.ts';

/** Pages recorded from the real monitor (tests/support/monitor-pages/README.md says how). */
export const MONITOR_PAGES = join(import.meta.dirname, 'monitor-pages');
export const recordedPage = (name: string) => readFileSync(join(MONITOR_PAGES, name));

const KAAS_SCOPES = new Set(['1fffebe6-fd4b-44d3-a36c-fc58b4bb0180', 'scs-compatible-kaas']);

/**
 * The monitor's Markdown pages as recorded with ../shared/fixtures/compliance-monitor/bootstrap.yaml,
 * where only acme-old is in group acme: the overview table (which links no group acme), group
 * acme's detail page, and for any other group the page the monitor gives a group without members.
 */
export function recordedPages(path: string): Answer | null {
  const markdown = (body: Buffer) => ({ contentType: 'text/markdown; charset=utf-8', body });
  if (path === '/markdown/table') return markdown(readFileSync(join(MONITOR_FIXTURES, 'table.md')));
  const m = /^\/markdown\/detail\/([^/]+)\/([^/]+)$/.exec(path);
  if (!m) return null;
  const [subject, scope] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!)];
  if (subject === 'group-acme')
    return markdown(recordedPage(KAAS_SCOPES.has(scope) ? 'detail-group-acme-kaas.md' : 'detail-group-acme-iaas.md'));
  if (subject.startsWith('group-')) return markdown(recordedPage('detail-group-without-members-iaas.md'));
  return null;
}

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

export async function startMonitorServer(
  answer: () => Answer,
  pages: (path: string) => Answer | null = recordedPages,
): Promise<MonitorServer> {
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = req.method === 'GET' && path.startsWith('/markdown/') ? pages(path) : null;
    if (page) {
      res
        .writeHead(page.status ?? 200, { 'content-type': page.contentType ?? 'text/markdown; charset=utf-8' })
        .end(page.body);
      return;
    }
    if (req.method !== 'GET' || path !== '/status') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not Found"}');
      return;
    }
    const accept = req.headers.accept ?? '';
    if (!accept.includes('application/json') && !accept.includes('*/*')) {
      res
        .writeHead(406, { 'content-type': 'application/json' })
        .end('{"detail":"client needs to accept application/json"}');
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
