/**
 * The sync from a compliance monitor (`--monitor`), against a real HTTP server that serves
 * the answers recorded from a real monitor run, with the monitor's content negotiation:
 * `/status`, and for the groups its overview table and its group detail pages.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableJson } from '../../src/domain/dataset/serialize.ts';
import { MonitorStatus } from '../../src/domain/subjects/monitor-status.ts';
import { subjectsFromStatus } from '../../src/domain/subjects/schema.ts';
import { HAVE_MONITOR_FIXTURES, recorded } from '../support/monitor-fixtures.ts';
import {
  recordedPage,
  recordedPages,
  startMonitorServer,
  type Answer,
  type MonitorServer,
} from '../support/monitor-server.ts';
import { baseCommits, syncGit, upstreamRepo } from '../support/upstream-repo.ts';
import { ageFiles, dirState, tempDir } from '../support/files.ts';

let repo: string;
let server: MonitorServer;
let answer: () => Answer;
let pages: (path: string) => Answer | null = recordedPages;

beforeAll(async () => {
  repo = await upstreamRepo(baseCommits());
  server = await startMonitorServer(
    () => answer(),
    (path) => pages(path),
  );
});
afterAll(() => server?.close());

function freshOut(): string {
  return join(tempDir('monitor-out'), 'data');
}

describe.skipIf(!HAVE_MONITOR_FIXTURES)('sync --monitor, on the recorded answers', () => {
  it('the server speaks as the monitor: JSON only to a client that accepts it', async () => {
    answer = () => ({ body: recorded('status.json') });
    expect((await fetch(`${server.url}/status`, { headers: { accept: 'text/html' } })).status).toBe(406);
    const ok = await fetch(`${server.url}/status`, { headers: { accept: 'application/json' } });
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(recorded('status.json'))).toBe(true);
  });

  it('writes data/subjects.json from /status, the table and its groups’ pages, and rewrites nothing when the answers are the same', async () => {
    answer = () => ({ body: recorded('status.json') });
    const out = freshOut();
    const before = server.requests.length;
    const first = await syncGit(repo, out, ['--monitor', server.url]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const asked = server.requests.slice(before);
    expect(asked.map((r) => `${r.headers.accept} ${r.url}`)).toEqual([
      'application/json /status',
      'text/markdown /markdown/table',
      // The groups the recorded table links, each in the scope it links them in: none has members here.
      ...[
        'artcodix/scs-compatible-iaas',
        'noris/scs-compatible-kaas',
        'pco-prod/scs-compatible-iaas',
        'scaleup/scs-compatible-kaas',
        'syseleven/scs-compatible-iaas',
        'syself/scs-compatible-kaas',
        'teuto/scs-compatible-kaas',
      ].map((g) => `text/markdown /markdown/detail/group-${g}`),
    ]);
    expect(first.stdout).toContain(
      `monitor ${server.url}/status: 2 subjects (acme-cloud, acme-old), 3 scope results; 0 groups: none; 9 requests`,
    );
    expect(first.stdout).toContain(
      `monitor: ${server.url}/markdown/table links 7 groups without members at this monitor, not kept: group-artcodix, group-noris, group-pco-prod, group-scaleup, group-syseleven, group-syself, group-teuto`,
    );
    const expected = stableJson(
      subjectsFromStatus(MonitorStatus.parse(JSON.parse(recorded('status.json').toString())), `${server.url}/`),
    );
    expect(readFileSync(join(out, 'subjects.json'), 'utf8')).toBe(expected);
    expect(first.stdout).not.toContain('warning');

    ageFiles(out);
    const print = dirState(out);
    const again = await syncGit(repo, out, ['--monitor', server.url]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('no file changed');
    expect(dirState(out)).toEqual(print);

    // Another answer changes subjects.json and nothing else.
    answer = () => ({ body: recorded('status-faked-2025-08-01.json') });
    const third = await syncGit(repo, out, ['--monitor', server.url]);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('wrote subjects.json;');
    const after = dirState(out);
    for (const name of Object.keys(print)) if (name !== 'subjects.json') expect(after[name], name).toEqual(print[name]);
  });

  it('SCS_MONITOR_URL does what --monitor does; without either, no subjects.json', async () => {
    answer = () => ({ body: recorded('status.json') });
    const out = freshOut();
    const { runScript } = await import('../support/upstream-repo.ts');
    const r = await runScript('scripts/sync.ts', ['--git', repo, '--out', out], { SCS_MONITOR_URL: server.url });
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'subjects.json'))).toBe(true);
    const plain = freshOut();
    const p = await runScript('scripts/sync.ts', ['--git', repo, '--out', plain], { SCS_MONITOR_URL: '' });
    expect(p.code).toBe(0);
    expect(readdirSync(plain)).not.toContain('subjects.json');
  });

  it('names unknown fields in a warning and keeps the rest', async () => {
    const status = JSON.parse(recorded('status.json').toString());
    status['acme-cloud']['50393e6f-2ae1-4c5c-a62c-3b75f2abef3f'].certified_until = '2027-12-01';
    status['acme-old']['50393e6f-2ae1-4c5c-a62c-3b75f2abef3f'].results['scs-0100-syntax-check'].approved = true;
    answer = () => ({ body: JSON.stringify(status) });
    const out = freshOut();
    const r = await syncGit(repo, out, ['--monitor', server.url]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `warning: monitor ${server.url}/status: 2 unknown fields, not kept: acme-cloud.50393e6f-2ae1-4c5c-a62c-3b75f2abef3f.certified_until, acme-old.50393e6f-2ae1-4c5c-a62c-3b75f2abef3f.results.scs-0100-syntax-check.approved`,
    );
    expect(readFileSync(join(out, 'subjects.json'), 'utf8')).not.toContain('certified_until');
  });

  describe('groups', () => {
    const subjectsOf = (out: string) => JSON.parse(readFileSync(join(out, 'subjects.json'), 'utf8'));
    const withPages = (over: Record<string, Answer>) => (path: string) => over[path] ?? recordedPages(path);
    const markdown = (body: string | Buffer): Answer => ({ contentType: 'text/markdown; charset=utf-8', body });
    beforeAll(() => {
      answer = () => ({ body: recorded('status.json') });
    });
    afterAll(() => {
      pages = recordedPages;
    });

    it('--monitor-group acme: a group the table does not link, its members from its page in the first scope of /status', async () => {
      pages = recordedPages;
      const out = freshOut();
      const before = server.requests.length;
      const r = await syncGit(repo, out, ['--monitor', server.url, '--monitor-group', 'acme']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('; 1 group: group-acme (acme-old); 10 requests');
      expect(server.requests.slice(before).map((q) => q.url)).toContain(
        '/markdown/detail/group-acme/1fffebe6-fd4b-44d3-a36c-fc58b4bb0180',
      );
      expect(subjectsOf(out).groups).toEqual([{ id: 'group-acme', linked: false, members: ['acme-old'] }]);
      expect(r.stdout).not.toContain('warning');

      // SCS_MONITOR_GROUPS says the same; the same answers rewrite nothing.
      ageFiles(out);
      const print = dirState(out);
      const { runScript } = await import('../support/upstream-repo.ts');
      const again = await runScript('scripts/sync.ts', ['--git', repo, '--out', out, '--monitor', server.url], {
        SCS_MONITOR_GROUPS: ' acme, ',
      });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('no file changed');
      expect(dirState(out)).toEqual(print);
    });

    it('a group the table links needs no option; its page lists two members', async () => {
      const table = `${recorded('table.md')}\n| [Acme](https://acme.example/) | two clouds | Acme | [✅ v5.1](${server.url}/page/detail/group-acme/scs-compatible-iaas) |\n`;
      pages = withPages({
        '/markdown/table': markdown(table),
        '/markdown/detail/group-acme/scs-compatible-iaas': markdown(
          recordedPage('detail-group-acme-two-members-iaas.md'),
        ),
      });
      const out = freshOut();
      const r = await syncGit(repo, out, ['--monitor', server.url, '--monitor-group', 'acme']);
      expect(r.code, r.stderr).toBe(0);
      expect(subjectsOf(out).groups).toEqual([{ id: 'group-acme', linked: true, members: ['acme-cloud', 'acme-old'] }]);
      expect(r.stdout).toContain('links 7 groups without members');
    });

    it('a table without links to detail pages, and a named group without members, are warnings', async () => {
      pages = withPages({ '/markdown/table': markdown('# Overview\n\nno links\n') });
      const out = freshOut();
      const r = await syncGit(repo, out, [
        '--monitor',
        server.url,
        '--monitor-group',
        'acme',
        '--monitor-group',
        'nobody',
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(
        `warning: monitor ${server.url}/markdown/table: no link to a detail page (expected links …/detail/<subject>/<scope>, as upstream's overview.md.j2 writes them); groups only from --monitor-group`,
      );
      expect(r.stdout).toContain(
        `warning: group group-nobody (named with --monitor-group): no members at the monitor (${server.url}/markdown/detail/group-nobody/1fffebe6-fd4b-44d3-a36c-fc58b4bb0180), not kept`,
      );
      expect(subjectsOf(out).groups).toEqual([{ id: 'group-acme', linked: false, members: ['acme-old'] }]);
    });

    it('a heading the template does not write is named', async () => {
      pages = withPages({
        '/markdown/detail/group-acme/1fffebe6-fd4b-44d3-a36c-fc58b4bb0180': markdown(
          'Version numbers are suffixed by a symbol depending on state:\n\n## Acme Old\n',
        ),
      });
      const out = freshOut();
      const r = await syncGit(repo, out, ['--monitor', server.url, '--monitor-group', 'acme']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(
        `warning: monitor ${server.url}/markdown/detail/group-acme/1fffebe6-fd4b-44d3-a36c-fc58b4bb0180: not a group's detail page as upstream's details.md.j2 writes it: a heading "## Acme Old"; expected "## <subject>: <scope name>"; group group-acme not kept`,
      );
      expect(subjectsOf(out).groups).toEqual([]);
    });

    it('a subject of /status named as a group gives way to the group, as in the monitor’s pages', async () => {
      const status = JSON.parse(recorded('status.json').toString());
      status['group-acme'] = status['acme-cloud'];
      answer = () => ({ body: JSON.stringify(status) });
      pages = recordedPages;
      const out = freshOut();
      const r = await syncGit(repo, out, ['--monitor', server.url, '--monitor-group', 'acme']);
      answer = () => ({ body: recorded('status.json') });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('warning: subject group-acme of GET /status has the name of group acme');
      const file = subjectsOf(out);
      expect(file.subjects.map((s: { id: string }) => s.id)).toEqual(['acme-cloud', 'acme-old']);
      expect(file.groups.map((g: { id: string }) => g.id)).toEqual(['group-acme']);
    });

    it('a group name that is no subject name, or groups without a monitor, are a wrong command line', async () => {
      const out = freshOut();
      const bad = await syncGit(repo, out, ['--monitor', server.url, '--monitor-group', '../x']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--monitor-group "../x": expected a group\'s name');
      const alone = await syncGit(repo, out, ['--monitor-group', 'acme']);
      expect(alone.code).toBe(2);
      expect(alone.stderr).toContain('--monitor-group (or SCS_MONITOR_GROUPS) needs --monitor');
      expect(existsSync(out)).toBe(false);
    });

    describe('a table or group page that fails leaves data/ byte-identical and exits 1, naming the URL', () => {
      let out: string;
      let print: ReturnType<typeof dirState>;
      beforeAll(async () => {
        pages = recordedPages;
        out = freshOut();
        expect((await syncGit(repo, out, ['--monitor', server.url])).code).toBe(0);
        ageFiles(out);
        print = dirState(out);
      });
      const cases: [string, Record<string, Answer>, RegExp][] = [
        [
          'the table answers 500',
          { '/markdown/table': { status: 500, body: 'Internal Server Error' } },
          /GET http:\/\/127\.0\.0\.1:\d+\/markdown\/table: status = 500: expected 200/,
        ],
        [
          'the table is HTML',
          { '/markdown/table': { contentType: 'text/html', body: '<html></html>' } },
          /markdown\/table: content-type = "text\/html": expected text\/markdown/,
        ],
        [
          'a group page is missing',
          {
            '/markdown/detail/group-acme/1fffebe6-fd4b-44d3-a36c-fc58b4bb0180': {
              status: 404,
              contentType: 'application/json',
              body: '{"detail":"Not Found"}',
            },
          },
          /markdown\/detail\/group-acme\/1fffebe6-fd4b-44d3-a36c-fc58b4bb0180: status = 404: expected 200/,
        ],
      ];
      for (const [name, over, message] of cases) {
        it(name, async () => {
          pages = withPages(over);
          const r = await syncGit(repo, out, ['--monitor', server.url, '--monitor-group', 'acme']);
          expect(r.code, r.stdout + r.stderr).toBe(1);
          expect(r.stderr).toContain(`sync failed; ${out}/ is unchanged`);
          expect(r.stderr).toMatch(message);
          expect(dirState(out)).toEqual(print);
        });
      }
    });
  });

  describe('a monitor that fails leaves data/ byte-identical, exits 1, and names the URL and the field', () => {
    let out: string;
    let print: ReturnType<typeof dirState>;
    beforeAll(async () => {
      answer = () => ({ body: recorded('status.json') });
      out = freshOut();
      expect((await syncGit(repo, out, ['--monitor', server.url])).code).toBe(0);
      // Also a scope change upstream would be written, were the monitor not failing.
      ageFiles(out);
      print = dirState(out);
    });
    const status = () => JSON.parse(recorded('status.json').toString());
    const cases: [string, () => Answer | null, RegExp][] = [
      ['unreachable', () => null, /GET http:\/\/127\.0\.0\.1:\d+\/status: the monitor did not answer/],
      [
        'garbled',
        () => ({ body: recorded('status.json').subarray(0, 5000) }),
        /GET http:\/\/127\.0\.0\.1:\d+\/status = .*: expected JSON/,
      ],
      [
        'HTML instead of JSON',
        () => ({ contentType: 'text/html', body: '<html></html>' }),
        /status: content-type = "text\/html": expected application\/json/,
      ],
      ['a 500', () => ({ status: 500, body: 'Internal Server Error' }), /status: status = 500: expected 200/],
      [
        'an unexpected verdict',
        () => {
          const s = status();
          s['acme-old']['50393e6f-2ae1-4c5c-a62c-3b75f2abef3f'].results['scs-0100-syntax-check'].result = 2;
          return { body: JSON.stringify(s) };
        },
        /acme-old\.50393e6f-2ae1-4c5c-a62c-3b75f2abef3f\.results\.scs-0100-syntax-check\.result = 2/,
      ],
      [
        'an unknown lifetime',
        () => {
          const s = status();
          s['acme-cloud']['1fffebe6-fd4b-44d3-a36c-fc58b4bb0180'].testcases['cncf-k8s-conformance'].lifetime = 'decade';
          return { body: JSON.stringify(s) };
        },
        /acme-cloud\.1fffebe6-fd4b-44d3-a36c-fc58b4bb0180\.testcases\.cncf-k8s-conformance\.lifetime = "decade"/,
      ],
      [
        'a subject name that is no path segment',
        () => {
          const s = status();
          s['../evil'] = s['acme-old'];
          return { body: JSON.stringify(s) };
        },
        /\.\.\/evil.*expected a subject name/,
      ],
      ['not an object', () => ({ body: '[]' }), /status.*expected record/i],
    ];
    for (const [name, make, message] of cases) {
      it(name, async () => {
        const a = make();
        let url = server.url;
        if (a === null) {
          // A port nothing listens on: a server started and closed again.
          const gone = await startMonitorServer(() => ({ body: '' }));
          url = gone.url;
          await gone.close();
        } else answer = () => a;
        const r = await syncGit(repo, out, ['--monitor', url]);
        expect(r.code, r.stdout + r.stderr).toBe(1);
        expect(r.stderr).toContain(`sync failed; ${out}/ is unchanged`);
        expect(r.stderr).toMatch(message);
        expect(dirState(out)).toEqual(print);
      });
    }
  });
});

describe('sync --monitor without the recorded answers', () => {
  it('refuses a URL that is not http(s), changing nothing', async () => {
    const out = freshOut();
    mkdirSync(out, { recursive: true });
    copyFileSync(join(import.meta.dirname, '../../data/meta.json'), join(out, 'meta.json'));
    const print = dirState(out);
    const r = await syncGit(repo, out, ['--monitor', 'ftp://example.invalid/']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('GET ftp://example.invalid/ = "ftp://example.invalid/": expected an http or https URL');
    expect(dirState(out)).toEqual(print);
  });
});
