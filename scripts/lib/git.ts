/**
 * The only module that runs git. Small promise wrappers over `git` subprocesses.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

/** Run git in a repository and return stdout as a Buffer. */
export async function git(repo: string, args: string[]): Promise<Buffer> {
  try {
    const { stdout } = await execFileP('git', ['-C', repo, '-c', 'core.quotePath=false', ...args], {
      encoding: 'buffer',
      maxBuffer: 1024 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: Buffer; message?: string };
    const detail = e.stderr?.toString('utf8').trim() || e.message || String(error);
    throw new GitError(`git ${args[0]} in ${repo} failed: ${detail}`);
  }
}

/** Run one `git cat-file` process (`--batch` or `--batch-check`) fed with object ids; returns stdout. */
export async function catFile(
  repo: string,
  mode: '--batch' | '--batch-check',
  ids: readonly string[],
): Promise<Buffer> {
  const child = spawn('git', ['-C', repo, 'cat-file', mode], { stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  const errors: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => errors.push(c));
  const done = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  child.stdin.end(ids.join('\n') + '\n');
  const code = await done;
  if (code !== 0)
    throw new GitError(`git cat-file in ${repo} failed: ${Buffer.concat(errors).toString('utf8').trim()}`);
  return Buffer.concat(chunks);
}

/** Read many objects with one `git cat-file --batch`; returns content by object id. */
export async function readBlobs(repo: string, ids: readonly string[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (ids.length === 0) return out;
  const buf = await catFile(repo, '--batch', ids);
  let pos = 0;
  for (const id of ids) {
    const nl = buf.indexOf(0x0a, pos);
    const header = buf.subarray(pos, nl).toString('utf8');
    const [sha, type, size] = header.split(' ');
    if (type === 'missing' || sha === undefined || size === undefined)
      throw new GitError(`object ${id} is missing in ${repo}`);
    const start = nl + 1;
    const end = start + Number(size);
    out.set(id, new Uint8Array(buf.subarray(start, end)));
    pos = end + 1;
  }
  return out;
}
