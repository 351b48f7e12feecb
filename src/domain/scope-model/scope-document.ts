/**
 * What a scope document (track `Scopes`, since upstream #1199) says in its body:
 *
 * - which scope version it is: "This is v5.1 of the certificate scope" (the file number need
 *   not equal the version: `scs-0501-v5` is v5.1, `scs-0501-v3` is v3.1);
 * - the standards it includes, as links under "Subject Matter".
 */
import type { Document } from '../schemas/data.ts';

export interface ScopeDocumentBody {
  /** The version the body says it is (`v5.1`), or null when it does not say. */
  versionName: string | null;
  /** Documents linked under "Subject Matter" (`scs-0123-v1`), in order, each once. */
  standards: string[];
}

const VERSION_SENTENCE = /\bThis is (v\d[\w.-]*?)\.?\s+of the certificate scope\b/i;
const DOC_ID = /\bscs-(\d{4})-(v\d+)\b/i;
const LINK = /\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g;

/** The lines of the "Subject Matter" section, up to the next heading of the same or a higher level. */
function subjectMatterLines(lines: readonly string[]): string[] {
  const start = lines.findIndex((l) => /^#{1,6}\s+Subject Matter\s*$/i.test(l.trim()));
  if (start < 0) return [];
  const level = /^#+/.exec(lines[start]!.trim())![0].length;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const heading = /^(#+)\s/.exec(line.trim());
    if (heading && heading[1]!.length <= level) break;
    out.push(line);
  }
  return out;
}

/**
 * The standard one list item names: the document id in the text of its first link (the
 * link target is sometimes wrong upstream: scs-0501-v4 links "scs-0101-v1: Entropy" to
 * scs-0102-v1), else the id in the link target, else none.
 */
function standardOfItem(item: string): string | null {
  for (const m of item.matchAll(LINK)) {
    const id = DOC_ID.exec(m[1]!) ?? DOC_ID.exec(m[2]!);
    if (id) return `scs-${id[1]}-${id[2]!.toLowerCase()}`;
  }
  return null;
}

export function readScopeDocumentBody(text: string): ScopeDocumentBody {
  const lines = text.split(/\r?\n/);
  const sentence = VERSION_SENTENCE.exec(text);
  const standards: string[] = [];
  for (const line of subjectMatterLines(lines)) {
    if (!/^\s*[-*+]\s/.test(line)) continue;
    const id = standardOfItem(line);
    if (id && !standards.includes(id)) standards.push(id);
  }
  return { versionName: sentence ? sentence[1]! : null, standards };
}

/** Whether a document is a scope document: track `Scopes`, a version (not a supplement). */
export function isScopeDocument(doc: Pick<Document, 'track' | 'version'>): boolean {
  return (doc.track ?? '').trim().toLowerCase() === 'scopes' && doc.version.startsWith('v');
}
