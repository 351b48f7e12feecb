/**
 * Turn an upstream snapshot (head files and first-parent history) into the data files.
 * Pure: both sync sources call it, so the same upstream state gives the same `data/`.
 *
 * Failure policy:
 * - a scope file that does not parse at the head fails the whole sync (InputError);
 * - a scope file that did not parse at some past commit is kept as an `unparseable`
 *   revision, with a warning (upstream has one: KaaS on 2024-11-26, fixed hours later);
 * - a malformed document is skipped with a warning naming file and reason.
 */
import { dayOfTimestamp, type Day } from '../days/day.ts';
import { documentName } from '../documents/document-parse.ts';
import { errorText, InputError } from '../parse/errors.ts';
import { pullsDataEnd } from '../pulls/data-end.ts';
import { parseScopeText, SCOPE_FILE_PATTERN, scopeIdOfFile } from '../scopes/scope-parse.ts';
import type { Dataset, Document, Meta, PullRequest, Revision, Scope } from '../schemas/data.ts';
import { urlWarnings } from '../schemas/url.ts';
import { commitProvenance, type UpstreamCommit, type UpstreamSnapshot } from './upstream.ts';
import { assembleDocuments } from './history-documents.ts';
import { decodeUtf8 } from '../parse/yaml.ts';
import { scopesFromDocuments } from '../scope-model/documents-only.ts';
import { isScopeDocument, readScopeDocumentBody } from '../scope-model/scope-document.ts';
import { CAPS, type Caps } from '../parse/caps.ts';
import { capPulls, capTimelines } from './apply-caps.ts';
import { disagreementWarnings, joinVersionFacts, type ScopeDocument } from '../scope-model/version-facts.ts';

/** Versions of one file through history, following renames backwards from its head path. */
function fileHistory(commits: readonly UpstreamCommit[], headPath: string) {
  const out: { commit: UpstreamCommit; path: string; content: Uint8Array }[] = [];
  let path: string | null = headPath;
  for (let i = commits.length - 1; i >= 0 && path !== null; i--) {
    const commit = commits[i]!;
    const change = commit.changes.find((c) => c.path === path);
    if (!change) continue;
    if (change.content !== null) out.push({ commit, path, content: change.content });
    if (change.status === 'A') path = null;
    else if (change.status === 'R') path = change.oldPath;
  }
  return out.reverse();
}

/** Order-independent fingerprint of what a revision says (timeline by date, versions as listed). */
export function fingerprint(r: Pick<Revision, 'timeline' | 'versions'>): string {
  const timeline = [...r.timeline].sort((a, b) => (a.date < b.date ? -1 : 1));
  return JSON.stringify([timeline, r.versions]);
}

/**
 * Every revision of one scope file, and the day each version name first appeared in it
 * (legacy files do not say since when a version is a draft: see `legacyTimeline`).
 */
function scopeRevisions(
  snapshot: UpstreamSnapshot,
  headPath: string,
  warnings: string[],
): { revisions: Revision[]; firstSeen: Map<string, Day> } {
  const revisions: Revision[] = [];
  const firstSeen = new Map<string, Day>();
  let lastParsed: string | null = null;
  let lastError: string | null = null;
  for (const { commit, path, content } of fileHistory(snapshot.commits, headPath)) {
    const where = commitProvenance(commit);
    try {
      const parsed = parseScopeText(decodeUtf8(content, path), path, (name) => firstSeen.get(name) ?? where.date);
      for (const v of parsed.versions) if (!firstSeen.has(v.name)) firstSeen.set(v.name, where.date);
      const revision: Revision = {
        ...where,
        file: path,
        format: parsed.format,
        error: null,
        timeline: parsed.timeline,
        versions: parsed.versions,
      };
      // A change that landed unparseable and was fixed the same day is the broken commit's
      // change: credit it (KaaS v1 effective 2024-11-26 by #843), name the fix (#844).
      const broken = revisions[revisions.length - 1];
      if (lastError !== null && broken && broken.format === 'unparseable' && broken.date === where.date) {
        revision.madeBy = { commit: broken.commit, date: broken.date, pr: broken.pr, title: broken.title };
      }
      const print = fingerprint(revision);
      if (print !== lastParsed || lastError !== null) revisions.push(revision);
      lastParsed = print;
      lastError = null;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const message = errorText(error);
      warnings.push(
        `${path} at ${commit.sha.slice(0, 7)} (${where.date}${where.pr ? `, #${where.pr}` : ''}): kept in the history as unparseable: ${message}`,
      );
      revisions.push({ ...where, file: path, format: 'unparseable', error: message, timeline: [], versions: [] });
      lastError = message;
    }
  }
  return { revisions, firstSeen };
}

type YamlScope = Omit<Scope, 'facts'> & { testGroups: Record<string, string> };

function assembleScope(snapshot: UpstreamSnapshot, path: string, content: Uint8Array, warnings: string[]): YamlScope {
  const headDay = dayOfTimestamp(snapshot.head.committedAt);
  // Parse the head first: a broken scope file at the head fails the sync (its InputError
  // propagates) before any history warning is collected.
  parseScopeText(decodeUtf8(content, path), path, headDay);
  const { revisions, firstSeen } = scopeRevisions(snapshot, path, warnings);
  const head = parseScopeText(decodeUtf8(content, path), path, (name) => firstSeen.get(name) ?? headDay);
  warnings.push(
    ...urlWarnings(path, [['url', head.url], ...head.modules.map((m, i) => [`modules[${i}].url`, m.url] as const)]),
  );
  warnings.push(...head.warnings);
  return {
    id: scopeIdOfFile(path),
    uuid: head.uuid,
    name: head.name,
    url: head.url,
    file: path,
    modules: head.modules,
    versions: head.versions,
    timeline: head.timeline,
    revisions,
    testGroups: head.testGroups,
  };
}

/** The scope documents (track `Scopes`) with what their bodies say. */
function scopeDocuments(snapshot: UpstreamSnapshot, documents: readonly Document[]): ScopeDocument[] {
  return documents.filter(isScopeDocument).map((doc) => ({
    doc,
    body: readScopeDocumentBody(decodeUtf8(snapshot.files.get(doc.file) ?? new Uint8Array(), doc.file)),
  }));
}

/**
 * Join each scope file with its scope documents (same title, or named by a test group's URL);
 * scope documents no file claims make scopes of their own. With no scope at all the head is
 * broken: the sync fails as for a scope file that does not parse.
 */
function joinScopes(yamlScopes: readonly YamlScope[], docs: readonly ScopeDocument[], warnings: string[]): Scope[] {
  const claimed = new Set<string>();
  const scopes: Scope[] = yamlScopes.map(({ testGroups, ...scope }) => {
    const targets = new Set(Object.values(testGroups).map((g) => scope.modules.find((m) => m.id === g)?.document));
    const mine = docs.filter(
      (d) =>
        !claimed.has(d.doc.id) &&
        (d.doc.title.trim().toLowerCase() === scope.name.trim().toLowerCase() || targets.has(d.doc.id)),
    );
    for (const d of mine) claimed.add(d.doc.id);
    const facts = joinVersionFacts(scope, testGroups, mine);
    warnings.push(...disagreementWarnings(scope.name, facts));
    return { ...scope, facts };
  });
  const fromDocs = scopesFromDocuments(
    docs.filter((d) => !claimed.has(d.doc.id)),
    new Set(scopes.map((s) => s.id)),
  );
  if (yamlScopes.length === 0 && fromDocs.length > 0) {
    warnings.push(
      `no scope file (Tests/scs-compatible-*.yaml) at the head: scopes come from the scope documents (track Scopes) alone: ${fromDocs.map((s) => `${s.name} (${s.facts.map((f) => f.document).join(', ')})`).join('; ')}`,
    );
  } else {
    for (const s of fromDocs)
      warnings.push(
        `${s.name}: no scope file describes it; it comes from its documents alone (${s.facts.map((f) => f.document).join(', ')})`,
      );
  }
  if (scopes.length + fromDocs.length === 0) {
    throw new InputError([
      {
        file: 'Tests/scs-compatible-*.yaml',
        key: '',
        value: null,
        expected:
          'no scope file at the head, and no scope document (track Scopes, "This is vN of the certificate scope") either; expected at least one certificate scope',
      },
    ]);
  }
  return [...scopes, ...fromDocs];
}

export interface Assembled {
  dataset: Dataset;
  /** Files under Standards/ that are not documents (templates). */
  ignored: string[];
}

/**
 * Two files that map to one scope id (`…-iaas.yaml` beside `…-iaas.yml`) would make one
 * scope's pages, feeds and history come from whichever sorts last: neither can be trusted
 * to be the real one, so the sync fails naming both.
 */
function refuseTwinScopeFiles(paths: readonly string[]): void {
  const byId = new Map<string, string[]>();
  for (const path of paths) byId.set(scopeIdOfFile(path), [...(byId.get(scopeIdOfFile(path)) ?? []), path]);
  const problems = [...byId]
    .filter(([, files]) => files.length > 1)
    .map(([id, files]) => ({
      file: files.join(' and '),
      key: '',
      value: null,
      expected: `both are the certificate scope "${id}"; expected one file per scope (remove or rename one of them)`,
    }));
  if (problems.length > 0) throw new InputError(problems);
}

/**
 * Build every data file from an upstream snapshot; pulls are added by the caller. The caps
 * on totals (`parse/caps.ts`) apply; tests lower them to check their edges.
 */
export function assemble(
  snapshot: UpstreamSnapshot,
  allPulls: PullRequest[],
  pullRequestSource: Meta['pullRequestSource'],
  caps: Caps = CAPS,
): Assembled {
  const warnings: string[] = [...(snapshot.warnings ?? [])];
  const scopeFiles = [...snapshot.files]
    .filter(([path]) => SCOPE_FILE_PATTERN.test(path))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  refuseTwinScopeFiles(scopeFiles.map(([path]) => path));
  const yamlScopes = capTimelines(
    scopeFiles.map(([path, content]) => assembleScope(snapshot, path, content, warnings)),
    caps.timelineEntries,
    warnings,
  );
  const pulls = capPulls(allPulls, caps.pulls, warnings);
  const documents = assembleDocuments(snapshot, warnings);
  const scopes = joinScopes(yamlScopes, scopeDocuments(snapshot, documents), warnings);
  // A pull request that changed a scope file under an earlier name (Tests/scs-compatible.yaml)
  // touched the scope that file became; one that changed a scope file gone since
  // (Tests/scs-compatible-test.yaml) touched no scope in data/.
  const paths = new Map(
    scopes.flatMap((s) => [
      ...(s.file ? [[s.file, s.id] as const] : []),
      ...s.revisions.map((r) => [r.file, s.id] as const),
    ]),
  );
  const scopesOf = (files: readonly string[]) => [...new Set(files.flatMap((f) => paths.get(f) ?? []))].sort();
  const scopedPulls = pulls.map((p) => ({ ...p, scopes: scopesOf(p.files) }));
  const ignored = [...snapshot.files.keys()].filter((p) => p.startsWith('Standards/') && !documentName(p)).sort();
  const meta: Meta = {
    schemaVersion: 1,
    source: {
      repo: snapshot.repo,
      branch: snapshot.branch,
      commit: snapshot.head.sha,
      committedAt: snapshot.head.committedAt,
      date: dayOfTimestamp(snapshot.head.committedAt),
    },
    pullRequestSource,
    pullsAsOf: pullsDataEnd(pulls, dayOfTimestamp(snapshot.head.committedAt)),
    warnings,
  };
  return { dataset: { meta, scopes, documents, pulls: scopedPulls }, ignored };
}
