/**
 * The documents of the head (scs-0001-v1 front matter) with the history of their lifecycle
 * fields over the first-parent history: what `assemble` writes to `documents.json`.
 */
import {
  documentName,
  parseDocumentText,
  parsePastLifecycle,
  type FrontMatterLifecycle,
  type ParsedDocument,
} from '../documents/document-parse.ts';
import { errorText, InputError } from '../parse/errors.ts';
import { decodeUtf8 } from '../parse/yaml.ts';
import type { Document, DocumentChange } from '../schemas/data.ts';
import { commitProvenance, type UpstreamCommit, type UpstreamSnapshot } from './upstream.ts';

/**
 * Lifecycle changes of every document file through history, by its path at the head. Early
 * versions that do not fit today's front matter are read leniently (`parsePastLifecycle`);
 * only versions with no readable front matter at all are passed over.
 *
 * A file keeps its history when it is renamed, or deleted and another file of the same id
 * added in its place; two files of one id at once each keep their own, so the one kept at the
 * head does not inherit the other's dates.
 */
function documentHistories(commits: readonly UpstreamCommit[]): Map<string, DocumentChange[]> {
  const histories = new Map<string, DocumentChange[]>();
  const last = new Map<string, string>();
  const live = new Map<string, string>(); // path → document id, of the files there now
  const liveOfId = new Map<string, number>(); // id → how many files there now have it
  const gone = new Map<string, string>(); // id → the path of its last deleted file
  const idOf = (path: string) => (path.startsWith('Standards/') ? (documentName(path)?.id ?? null) : null);
  const remove = (path: string) => {
    const id = live.get(path);
    if (id === undefined) return;
    live.delete(path);
    liveOfId.set(id, liveOfId.get(id)! - 1);
    gone.set(id, path);
  };
  for (const commit of commits) {
    const where = commitProvenance(commit);
    // Deletions first: a file deleted and one of its id added in the same commit is a rename.
    for (const change of commit.changes) {
      if (change.content === null) remove(change.path);
      else if (change.status === 'R' && change.oldPath) remove(change.oldPath);
    }
    for (const change of commit.changes) {
      const id = change.content === null ? null : idOf(change.path);
      if (id === null) continue;
      if (!live.has(change.path)) {
        const renamed = change.status === 'R' && change.oldPath !== null && idOf(change.oldPath) === id;
        const before = renamed ? change.oldPath : (liveOfId.get(id) ?? 0) > 0 ? undefined : gone.get(id);
        if (before && before !== change.path && !histories.has(change.path)) {
          histories.set(change.path, [...(histories.get(before) ?? [])]);
          last.set(change.path, last.get(before) ?? '');
        }
        live.set(change.path, id);
        liveOfId.set(id, (liveOfId.get(id) ?? 0) + 1);
      }
      let lifecycle: FrontMatterLifecycle;
      try {
        lifecycle = parsePastLifecycle(decodeUtf8(change.content!, change.path), change.path);
      } catch (error) {
        if (error instanceof InputError) continue;
        throw error;
      }
      const key = JSON.stringify(lifecycle);
      if (last.get(change.path) === key) continue;
      last.set(change.path, key);
      const list = histories.get(change.path) ?? [];
      list.push({ commit: where.commit, date: where.date, pr: where.pr, ...lifecycle });
      histories.set(change.path, list);
    }
  }
  return histories;
}

export function assembleDocuments(snapshot: UpstreamSnapshot, warnings: string[]): Document[] {
  const histories = documentHistories(snapshot.commits);
  const documents: Document[] = [];
  const seen = new Map<string, string>();
  for (const [path, content] of [...snapshot.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!path.startsWith('Standards/')) continue;
    if (!documentName(path)) continue; // templates (scs-XXXX-vN-…) are not documents
    let doc: ParsedDocument;
    try {
      doc = parseDocumentText(decodeUtf8(content, path), path);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      warnings.push(`${path}: document skipped: ${errorText(error)}`);
      continue;
    }
    const other = seen.get(doc.id);
    if (other) {
      warnings.push(`${path}: document skipped: id ${doc.id} is already used by ${other}`);
      continue;
    }
    seen.set(doc.id, path);
    documents.push({ ...doc, history: histories.get(path) ?? [] });
  }
  return documents;
}
