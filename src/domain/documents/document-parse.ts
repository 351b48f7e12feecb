/**
 * Reading a standard document (`Standards/scs-NNNN-vN-slug.md`, scs-0001-v1): the file
 * name gives id and slug, the YAML front matter gives the lifecycle.
 */
import { InputError, parseOrThrow, showValue } from '../parse/errors.ts';
import { FrontMatter, PastLifecycle } from '../schemas/front-matter.ts';
import type { Document, DocumentChange } from '../schemas/data.ts';
import { MAX_YAML_BYTES, parseYaml } from '../parse/yaml.ts';

/** scs-0001-v1 "Document naming": `scs-NNNN-vN-slug.md`, `wN` for supplements. */
const FILE_NAME = /^scs-(\d{4})-([vw]\d+)(?:-(.*))?\.md$/;

export interface DocumentName {
  id: string;
  series: string;
  version: string;
  slug: string;
}

/** Parse a document file name, or null for files that are not standard documents (templates). */
export function documentName(path: string): DocumentName | null {
  const base = path.split('/').pop()!;
  const m = FILE_NAME.exec(base);
  if (!m) return null;
  return { id: `scs-${m[1]}-${m[2]}`, series: `scs-${m[1]}`, version: m[2]!, slug: m[3] ?? '' };
}

/** The series of a document id, whose versions share one page: `scs-0214-v2` → `scs-0214`. */
export function seriesOf(documentId: string): string {
  return /^(scs-\d{4})-/.exec(documentId)?.[1] ?? documentId;
}

/** Document versions in order (scs-0001-v1 naming): `v1` < `v2` < `v10`, and every `vN` before the supplements' `wN`. */
export function compareVersions(a: string, b: string): number {
  if (a[0] !== b[0]) return a < b ? -1 : 1;
  return Number(a.slice(1)) - Number(b.slice(1));
}

/** A reference to another document (`scs-0002-v1-standards-docs-org.md`) as an id where possible. */
export function documentRef(ref: string): string {
  const name = documentName(ref.endsWith('.md') ? ref : `${ref}.md`);
  return name ? name.id : ref;
}

/**
 * Split `---\n…\n---` front matter off a document; a UTF-8 BOM before it is allowed.
 * Reads line by line and stops at the closing line, or once past the YAML size limit,
 * so a huge document costs no more than its front matter.
 */
export function frontMatterText(text: string, file: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines: string[] = [];
  let start = 0;
  while (start <= body.length) {
    const nl = body.indexOf('\n', start);
    const end = nl < 0 ? body.length : nl;
    const line = body.slice(start, body[end - 1] === '\r' ? end - 1 : end);
    if (lines.length === 0 && line.trimEnd() !== '---') {
      throw new InputError([
        {
          file,
          key: 'line 1',
          value: showValue(line.slice(0, 80)),
          expected: 'expected YAML front matter starting with a --- line (scs-0001-v1)',
        },
      ]);
    }
    if (lines.length > 0 && line.trimEnd() === '---') return lines.slice(1).join('\n');
    lines.push(line);
    if (nl < 0) break;
    if (nl > MAX_YAML_BYTES) {
      throw new InputError([
        {
          file,
          key: '',
          value: null,
          expected: `expected the front matter to end with a --- line within its first ${MAX_YAML_BYTES} bytes`,
        },
      ]);
    }
    start = nl + 1;
  }
  throw new InputError([{ file, key: '', value: null, expected: 'expected the front matter to end with a --- line' }]);
}

export type ParsedDocument = Omit<Document, 'history'>;

function frontMatterOf(text: string, path: string): object {
  const raw = parseYaml(frontMatterText(text, path), path);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError([
      { file: path, key: '', value: null, expected: 'expected the front matter to be a YAML mapping' },
    ]);
  }
  return raw;
}

/** Parse a document's text; throws InputError for a document that cannot be read. */
export function parseDocumentText(text: string, path: string): ParsedDocument {
  const name = documentName(path);
  if (!name) {
    throw new InputError([
      { file: path, key: '', value: null, expected: 'expected a file name scs-NNNN-vN-slug.md (scs-0001-v1)' },
    ]);
  }
  const fm = parseOrThrow(FrontMatter, frontMatterOf(text, path), path);
  return {
    ...name,
    file: path,
    title: fm.title?.trim() || name.id,
    type: fm.type,
    status: fm.status ?? null,
    track: fm.track ?? null,
    stabilizedAt: fm.stabilized_at ?? null,
    deprecatedAt: fm.deprecated_at ?? fm.obsoleted_at ?? null,
    rejectedAt: fm.rejected_at ?? null,
    replaces: (fm.replaces ?? []).map(documentRef),
    replacedBy: (fm.replaced_by ?? []).map(documentRef),
    supplements: [...(fm.supplements ?? []), ...(fm.enhances ?? [])].map(documentRef),
    description: fm.description?.trim() || null,
  };
}

export type FrontMatterLifecycle = Omit<DocumentChange, 'commit' | 'date' | 'pr'>;

/**
 * The lifecycle a past version of a document states, for its history: strict where the
 * front matter fits scs-0001-v1, lenient (`PastLifecycle`) where an early version does not,
 * so the history still starts on the day the document was added. Throws InputError only
 * when there is no readable YAML front matter at all.
 */
export function parsePastLifecycle(text: string, path: string): FrontMatterLifecycle {
  try {
    const { status, stabilizedAt, deprecatedAt, rejectedAt } = parseDocumentText(text, path);
    return { status, stabilizedAt, deprecatedAt, rejectedAt };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
  const past = PastLifecycle.parse(frontMatterOf(text, path));
  return {
    status: past.status ?? past.state ?? null,
    stabilizedAt: past.stabilized_at ?? null,
    deprecatedAt: past.deprecated_at ?? past.obsoleted_at ?? null,
    rejectedAt: past.rejected_at ?? null,
  };
}
