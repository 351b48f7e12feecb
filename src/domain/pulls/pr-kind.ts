/**
 * What a pull request does to the standards, for the SIG's progress review. One kind per
 * pull request, decided by the first rule that applies:
 *
 * Known for sure, once merged (the data records what its commit changed on `main`):
 * 1. A document's history has a change landed by the pull request that set `status:
 *    Deprecated` or a `deprecated_at` → `deprecation`; `status: Stable` or a `stabilized_at`
 *    → `stabilization` (scs-0001-v1 lifecycle; a pull request doing both counts as deprecation).
 * 2. A scope revision was landed by it (it changed the timeline or versions of a
 *    `Tests/scs-compatible-*.yaml`, scs-0003-v1) → `scope-version`.
 * 3. A document's history starts with it (it added the document) → `new-draft`.
 *
 * Told from the pull request itself (open ones, and merged ones the history does not explain):
 * 4. Its title says "deprecate" → `deprecation`; "stabilize"/"stabilise" → `stabilization` (the verb).
 * 5. It changes a `Standards/scs-*.md` that is no known document (the file is added) → `new-draft`.
 * 6. Its title speaks of typos, spelling, grammar, whitespace, formatting, linting or
 *    fixing the wording → `editorial`.
 * 7. Not merged, it changes a scope file (`Tests/scs-compatible-*.yaml`) → `scope-version`.
 * 8. It changes the file of a known document (or a file of a known document id) → `revision`.
 * 9. It changes files under `Tests/` (the conformance tests and their tooling) → `tests`.
 * 10. Otherwise → `unknown`.
 */
import { z } from 'zod';
import { documentName } from '../documents/document-parse.ts';
import { lifecycleMove } from '../documents/document-state.ts';
import type { Document, DocumentChange, PullRequest, Scope } from '../schemas/data.ts';

export const PrKind = z.enum([
  'new-draft',
  'stabilization',
  'deprecation',
  'scope-version',
  'revision',
  'tests',
  'editorial',
  'unknown',
]);
export type PrKind = z.output<typeof PrKind>;

export const PR_KIND_LABELS: Record<PrKind, string> = {
  'new-draft': 'New draft',
  stabilization: 'Stabilization',
  deprecation: 'Deprecation',
  'scope-version': 'Scope-version change',
  revision: 'Revision',
  tests: 'Conformance tests',
  editorial: 'Editorial',
  unknown: 'Unknown',
};

/** Display order: what moves the lifecycle first. */
export const PR_KIND_ORDER: readonly PrKind[] = [
  'stabilization',
  'deprecation',
  'scope-version',
  'new-draft',
  'revision',
  'tests',
  'editorial',
  'unknown',
];

export const PrClassification = z.object({
  kind: PrKind,
  /** True when the kind comes from what the merged commit changed (rules 1–3). */
  certain: z.boolean(),
  /** Why, in one sentence, for the page. */
  reason: z.string(),
  /** Documents whose lifecycle the pull request changed (rules 1 and 3). */
  documents: z.array(z.string()),
});
export type PrClassification = z.output<typeof PrClassification>;

/** What the data knows, indexed for classifying many pull requests. */
export interface KindContext {
  /** Lifecycle changes landed by each pull request: document id, the change, the one before. */
  changesByPr: Map<number, { document: string; change: DocumentChange; before: DocumentChange | null }[]>;
  /** Scopes whose revisions were landed by each pull request. */
  scopesByPr: Map<number, string[]>;
  knownFiles: Set<string>;
  knownIds: Set<string>;
}

export function kindContext(documents: readonly Document[], scopes: readonly Scope[]): KindContext {
  const changesByPr: KindContext['changesByPr'] = new Map();
  for (const doc of documents) {
    doc.history.forEach((change, i) => {
      if (change.pr === null) return;
      const list = changesByPr.get(change.pr) ?? [];
      list.push({ document: doc.id, change, before: i === 0 ? null : doc.history[i - 1]! });
      changesByPr.set(change.pr, list);
    });
  }
  const scopesByPr: KindContext['scopesByPr'] = new Map();
  for (const scope of scopes) {
    for (const r of scope.revisions) {
      if (r.pr === null) continue;
      const list = scopesByPr.get(r.pr) ?? [];
      if (!list.includes(scope.id)) list.push(scope.id);
      scopesByPr.set(r.pr, list);
    }
  }
  return {
    changesByPr,
    scopesByPr,
    knownFiles: new Set(documents.map((d) => d.file)),
    knownIds: new Set(documents.map((d) => d.id)),
  };
}

// The verb, not the noun: "… after stabilization" or "deprecated_at" do not say what the change does.
const DEPRECATE = /\bdeprecat(?:e|es|ing)\b/i;
const STABILIZE = /\bstabili[sz](?:e|es|ing)\b/i;
const EDITORIAL =
  /(?<![-\w])(typos?|spelling|grammar|whitespace|formatting|cosmetic|editorial|lint(?:ing)?)\b|\bfix(?:es|ed)?\b.*\bwording\b/i;

/** A `Standards/` file that looks like a document (`scs-NNNN-…md`, `scs-xxxx-…md`). */
function isDocumentFile(path: string): boolean {
  return /^Standards\/scs-[^/]+\.md$/i.test(path);
}

/** A certificate-scope file (scs-0003-v1), at its current or its first name. */
function isScopeFile(path: string): boolean {
  return /^Tests\/scs-compatible(?:-[^/]+)?\.ya?ml$/i.test(path);
}

/** Documents the pull request adds: document files that match no known document. */
export function addedDocumentFiles(pull: Pick<PullRequest, 'files'>, ctx: KindContext): string[] {
  return pull.files.filter((f) => {
    if (!isDocumentFile(f) || ctx.knownFiles.has(f)) return false;
    const name = documentName(f);
    return name === null || !ctx.knownIds.has(name.id);
  });
}

export function classifyPull(
  pull: Pick<PullRequest, 'number' | 'title' | 'files' | 'state'>,
  ctx: KindContext,
): PrClassification {
  const changes = pull.state === 'merged' ? (ctx.changesByPr.get(pull.number) ?? []) : [];
  const moves = changes.map((c) => ({ document: c.document, move: lifecycleMove(c.change, c.before) }));
  for (const [kind, verb] of [
    ['deprecation', 'deprecated'],
    ['stabilization', 'stabilized'],
  ] as const) {
    const docs = moves.filter((m) => m.move === verb).map((m) => m.document);
    if (docs.length > 0)
      return {
        kind,
        certain: true,
        reason: `Its merge ${verb} ${docs.join(', ')} (document history).`,
        documents: docs,
      };
  }
  const scopes = pull.state === 'merged' ? (ctx.scopesByPr.get(pull.number) ?? []) : [];
  if (scopes.length > 0) {
    return {
      kind: 'scope-version',
      certain: true,
      reason: `Its merge changed the versions or timeline of ${scopes.join(', ')} (scope revisions).`,
      documents: [],
    };
  }
  const added = moves.filter((m) => m.move === 'added').map((m) => m.document);
  if (added.length > 0)
    return {
      kind: 'new-draft',
      certain: true,
      reason: `Its merge added ${added.join(', ')} (document history).`,
      documents: added,
    };

  if (DEPRECATE.test(pull.title))
    return { kind: 'deprecation', certain: false, reason: 'Its title says "deprecate".', documents: [] };
  if (STABILIZE.test(pull.title))
    return { kind: 'stabilization', certain: false, reason: 'Its title says "stabilize".', documents: [] };
  const files = addedDocumentFiles(pull, ctx);
  if (files.length > 0)
    return {
      kind: 'new-draft',
      certain: false,
      reason: `It adds ${files.join(', ')}, which is no known document.`,
      documents: [],
    };
  if (EDITORIAL.test(pull.title))
    return { kind: 'editorial', certain: false, reason: 'Its title speaks of an editorial fix.', documents: [] };
  // Merged, a scope-file change that is no revision (rule 2) left versions and timeline alone.
  const scopeFiles = pull.state === 'merged' ? [] : pull.files.filter(isScopeFile);
  if (scopeFiles.length > 0)
    return {
      kind: 'scope-version',
      certain: false,
      reason: `It changes ${scopeFiles.join(', ')}, a scope file.`,
      documents: [],
    };
  const edited = pull.files.filter(
    (f) => isDocumentFile(f) && (ctx.knownFiles.has(f) || ctx.knownIds.has(documentName(f)?.id ?? '')),
  );
  if (edited.length > 0)
    return {
      kind: 'revision',
      certain: false,
      reason: `It edits ${edited.join(', ')}, a known document.`,
      documents: [],
    };
  if (pull.files.some((f) => f.startsWith('Tests/')))
    return {
      kind: 'tests',
      certain: false,
      reason: 'It changes files under Tests/ (conformance tests and their tools), no document.',
      documents: [],
    };
  return {
    kind: 'unknown',
    certain: false,
    reason: 'Neither the history nor the title and files tell.',
    documents: [],
  };
}

/** The rules above, in the words the progress page shows them. */
export const PR_KIND_RULES: readonly string[] = [
  'Merged, and a document’s history shows its commit set status Deprecated or a deprecated_at: deprecation; status Stable or a stabilized_at: stabilization (known for sure).',
  'Merged, and it changed the versions or the timeline of a scope file (Tests/scs-compatible-*.yaml): scope-version change (known for sure).',
  'Merged, and a document’s history starts with it: new draft (known for sure).',
  'Its title says “deprecate” or “stabilize”: deprecation or stabilization.',
  'It changes a Standards/scs-*.md that is no known document, so it adds one: new draft.',
  'Its title speaks of typos, spelling, grammar, whitespace, formatting, linting or fixing the wording: editorial.',
  'Not merged, and it changes a scope file (Tests/scs-compatible-*.yaml): scope-version change.',
  'It changes the file of a known document: revision.',
  'It changes files under Tests/ (conformance tests and their tools): conformance tests.',
  'Otherwise: unknown.',
];
