/**
 * The sync from a compliance monitor (`--monitor`), against a real HTTP server that serves
 * the answers recorded from a real monitor run, with the monitor's content negotiation.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableJson } from '../../src/domain/dataset/serialize.ts';
import { MonitorStatus } from '../../src/domain/subjects/monitor-status.ts';
import { subjectsFromStatus } from '../../src/domain/subjects/schema.ts';
import { HAVE_MONITOR_FIXTURES, recorded } from '../support/monitor-fixtures.ts';
import { startMonitorServer, type Answer, type MonitorServer } from '../support/monitor-server.ts';
import { baseCommits, syncGit, upstreamRepo } from '../support/upstream-repo.ts';
import { ageFiles, dirState, tempDir } from '../support/files.ts';

let repo: string;
let server: MonitorServer;
let answer: () => Answer;

beforeAll(async () => {
  repo = await upstreamRepo(baseCommits());
  server = await startMonitorServer(() => answer());
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

  it('writes data/subjects.json from one request, and rewrites nothing when the answer is the same', async () => {
    answer = () => ({ body: recorded('status.json') });
    const out = freshOut();
    const before = server.requests.length;
    const first = await syncGit(repo, out, ['--monitor', server.url]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(server.requests.length - before).toBe(1);
    expect(server.requests.at(-1)!.headers.accept).toBe('application/json');
    expect(first.stdout).toContain(`monitor ${server.url}/status: 2 subjects (acme-cloud, acme-old), 3 scope results`);
    const expected = stableJson(subjectsFromStatus(MonitorStatus.parse(JSON.parse(recorded('status.json').toString())), `${server.url}/`));
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
      ['garbled', () => ({ body: recorded('status.json').subarray(0, 5000) }), /GET http:\/\/127\.0\.0\.1:\d+\/status = .*: expected JSON/],
      ['HTML instead of JSON', () => ({ contentType: 'text/html', body: '<html></html>' }), /status: content-type = "text\/html": expected application\/json/],
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
