/**
 * Reading a standard document (`Standards/scs-NNNN-vN-slug.md`, scs-0001-v1): the file
 * name gives id and slug, the YAML front matter gives the lifecycle.
 */
import { InputError, parseOrThrow } from './errors.ts';
import { FrontMatter } from './schemas/front-matter.ts';
import type { Document } from './schemas/data.ts';
import { parseYaml } from './yaml.ts';

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

/** A reference to another document (`scs-0002-v1-standards-docs-org.md`) as an id where possible. */
export function documentRef(ref: string): string {
  const name = documentName(ref.endsWith('.md') ? ref : `${ref}.md`);
  return name ? name.id : ref;
}

/** Split `---\n…\n---` front matter off a document; a UTF-8 BOM before it is allowed. */
export function frontMatterText(text: string, file: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') {
    throw new InputError([{ file, key: '', value: null, expected: 'expected YAML front matter starting with a --- line (scs-0001-v1)' }]);
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (end < 0) {
    throw new InputError([{ file, key: '', value: null, expected: 'expected the front matter to end with a --- line' }]);
  }
  return lines.slice(1, end).join('\n');
}

export type ParsedDocument = Omit<Document, 'history'>;

/** Parse a document's text; throws InputError for a document that cannot be read. */
export function parseDocumentText(text: string, path: string): ParsedDocument {
  const name = documentName(path);
  if (!name) {
    throw new InputError([{ file: path, key: '', value: null, expected: 'expected a file name scs-NNNN-vN-slug.md (scs-0001-v1)' }]);
  }
  const raw = parseYaml(frontMatterText(text, path), path);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError([{ file: path, key: '', value: null, expected: 'expected the front matter to be a YAML mapping' }]);
  }
  const fm = parseOrThrow(FrontMatter, raw, path);
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
