/**
 * The git side of the GitHub-compatible server: commits, trees and blobs of a local
 * repository, read with `git log` and `git cat-file --batch` (requests of one tick share one).
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

export interface CommitInfo {
  oid: string;
  parents: string[];
  tree: string;
  committerDate: string;
  message: string;
}

export interface TreeEntryInfo {
  name: string;
  mode: number;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
}

export class GitStore {
  readonly dir: string;
  private commits = new Map<string, CommitInfo>();
  private loadedFor: string | null = null;
  private objects = new Map<string, { type: string; content: Buffer } | null>();
  private pending = new Map<string, ((v: { type: string; content: Buffer } | null) => void)[]>();
  private scheduled = false;
  private histories = new Map<string, string[]>();

  constructor(dir: string) {
    this.dir = dir;
  }

  async branchHead(branch: string): Promise<string | null> {
    try {
      const { stdout } = await execFileP('git', [
        '-C',
        this.dir,
        'rev-parse',
        '--verify',
        '--quiet',
        `refs/heads/${branch}^{commit}`,
      ]);
      return stdout.trim();
    } catch {
      return null;
    }
  }

  /** Load every commit reachable from any branch (again when a branch moved). */
  async refresh(): Promise<void> {
    const { stdout: refs } = await execFileP('git', [
      '-C',
      this.dir,
      'for-each-ref',
      '--format=%(objectname)',
      'refs/heads',
    ]);
    if (refs === this.loadedFor) return;
    const { stdout } = await execFileP(
      'git',
      ['-C', this.dir, 'log', '--branches', '--format=%x01%H%x02%P%x02%T%x02%cI%x02%B'],
      { maxBuffer: 1 << 28 },
    );
    this.commits.clear();
    this.histories.clear();
    for (const chunk of stdout.split('\x01').slice(1)) {
      const [oid, parents, tree, committerDate, message] = chunk.split('\x02') as [
        string,
        string,
        string,
        string,
        string,
      ];
      // %B is followed by the newline git log puts between entries.
      this.commits.set(oid, {
        oid,
        parents: parents ? parents.split(' ') : [],
        tree,
        committerDate,
        message: message.replace(/\n$/, ''),
      });
    }
    this.loadedFor = refs;
  }

  commit(oid: string): CommitInfo | null {
    return this.commits.get(oid) ?? null;
  }

  /** Commits reachable from `oid`, as `git rev-list` orders them (newest first). */
  async history(oid: string): Promise<string[]> {
    const known = this.histories.get(oid);
    if (known) return known;
    const { stdout } = await execFileP('git', ['-C', this.dir, 'rev-list', oid], { maxBuffer: 1 << 28 });
    const list = stdout.split('\n').filter(Boolean);
    this.histories.set(oid, list);
    return list;
  }

  /** Any object by id; requests within one tick share one `git cat-file --batch`. */
  object(oid: string): Promise<{ type: string; content: Buffer } | null> {
    if (!/^[0-9a-f]{40}$/.test(oid)) return Promise.resolve(null);
    if (this.objects.has(oid)) return Promise.resolve(this.objects.get(oid)!);
    return new Promise((resolve) => {
      const waiting = this.pending.get(oid) ?? [];
      waiting.push(resolve);
      this.pending.set(oid, waiting);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = new Map(this.pending);
    this.pending.clear();
    const ids = [...batch.keys()];
    const out = await catFile(this.dir, ids);
    for (const id of ids) {
      const value = out.get(id) ?? null;
      this.objects.set(id, value);
      for (const resolve of batch.get(id)!) resolve(value);
    }
  }

  async tree(oid: string): Promise<TreeEntryInfo[] | null> {
    const obj = await this.object(oid);
    if (!obj || obj.type !== 'tree') return null;
    return parseTree(obj.content);
  }

  /** The object id an expression (`main`, `HEAD~1:Tests`) names, or null. */
  async resolve(expression: string): Promise<string | null> {
    try {
      const { stdout } = await execFileP('git', ['-C', this.dir, 'rev-parse', '--verify', '--quiet', expression]);
      return stdout.trim();
    } catch {
      return null;
    }
  }
}

function catFile(dir: string, ids: string[]): Promise<Map<string, { type: string; content: Buffer }>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', dir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', () => {
      const buf = Buffer.concat(chunks);
      const out = new Map<string, { type: string; content: Buffer }>();
      let pos = 0;
      for (const id of ids) {
        const nl = buf.indexOf(0x0a, pos);
        const [, type, size] = buf.subarray(pos, nl).toString('utf8').split(' ');
        if (type === 'missing' || size === undefined) {
          pos = nl + 1;
          continue;
        }
        const start = nl + 1;
        out.set(id, { type: type!, content: buf.subarray(start, start + Number(size)) });
        pos = start + Number(size) + 1;
      }
      resolve(out);
    });
    child.stdin.end(ids.join('\n') + '\n');
  });
}

function parseTree(buf: Buffer): TreeEntryInfo[] {
  const entries: TreeEntryInfo[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const space = buf.indexOf(0x20, pos);
    const nul = buf.indexOf(0, space);
    const modeText = buf.subarray(pos, space).toString('utf8');
    const name = buf.subarray(space + 1, nul).toString('utf8');
    const oid = buf.subarray(nul + 1, nul + 21).toString('hex');
    const mode = parseInt(modeText, 8);
    const type = modeText === '40000' ? 'tree' : modeText === '160000' ? 'commit' : 'blob';
    entries.push({ name, mode, type, oid });
    pos = nul + 21;
  }
  return entries;
}
