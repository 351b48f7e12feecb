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
 * Lifecycle changes of every document id through history. Early versions that do not fit
 * today's front matter are read leniently (`parsePastLifecycle`); only versions with no
 * readable front matter at all are passed over.
 */
function documentHistories(commits: readonly UpstreamCommit[]): Map<string, DocumentChange[]> {
  const histories = new Map<string, DocumentChange[]>();
  const last = new Map<string, string>();
  for (const commit of commits) {
    const where = commitProvenance(commit);
    for (const change of commit.changes) {
      if (change.content === null || !change.path.startsWith('Standards/')) continue;
      const name = documentName(change.path);
      if (!name) continue;
      let lifecycle: FrontMatterLifecycle;
      try {
        lifecycle = parsePastLifecycle(decodeUtf8(change.content, change.path), change.path);
      } catch (error) {
        if (error instanceof InputError) continue;
        throw error;
      }
      const key = JSON.stringify(lifecycle);
      if (last.get(name.id) === key) continue;
      last.set(name.id, key);
      const list = histories.get(name.id) ?? [];
      list.push({ commit: where.commit, date: where.date, pr: where.pr, ...lifecycle });
      histories.set(name.id, list);
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
    documents.push({ ...doc, history: histories.get(doc.id) ?? [] });
  }
  return documents;
}
