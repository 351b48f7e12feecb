/**
 * Upstream snapshots built in memory for domain tests (upstream/assemble, review/review): a
 * first-parent history written step by step, as a sync source would deliver it.
 */
import type { UpstreamChange, UpstreamCommit, UpstreamSnapshot } from '../../src/domain/upstream/upstream.ts';
import { sha } from './build-scope.ts';

export const REPO = 'SovereignCloudStack/standards';
export const bytes = (text: string) => new TextEncoder().encode(text);

export interface Step {
  at: string;
  message: string;
  /** Path → new text, or null to delete. */
  set?: Record<string, string | null>;
  rename?: [from: string, to: string, text: string];
}

/** A first-parent history built step by step, with the head files it leaves. */
export function history(steps: Step[], warnings?: string[]): UpstreamSnapshot {
  const files = new Map<string, Uint8Array>();
  const commits: UpstreamCommit[] = steps.map((step, i) => {
    const changes: UpstreamChange[] = [];
    if (step.rename) {
      const [from, to, text] = step.rename;
      files.delete(from);
      files.set(to, bytes(text));
      changes.push({ path: to, status: 'R', oldPath: from, content: bytes(text) });
    }
    for (const [path, text] of Object.entries(step.set ?? {})) {
      const status = text === null ? 'D' : files.has(path) ? 'M' : 'A';
      if (text === null) files.delete(path);
      else files.set(path, bytes(text));
      changes.push({ path, status, oldPath: null, content: text === null ? null : bytes(text) });
    }
    return { sha: sha(`c${i}`), committedAt: step.at, message: step.message, changes };
  });
  const last = commits[commits.length - 1]!;
  return {
    repo: REPO,
    branch: 'main',
    head: { sha: last.sha, committedAt: last.committedAt },
    files,
    commits,
    ...(warnings ? { warnings } : {}),
  };
}
