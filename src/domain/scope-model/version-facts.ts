/**
 * One scope model from two sources: each version of the scope YAML joined with its scope
 * document (track `Scopes`, upstream #1199), and each scope document no YAML version knows
 * as a version of its own (validity from its dates: `document-periods.ts`).
 *
 * Version ↔ document, in this order (each document is one version's at most):
 * 1. the version's test group names the document by URL (revamped format);
 * 2. the document's body says it is that version ("This is v5.1 of the certificate scope");
 * 3. the same number (`v4` ↔ `scs-0501-v4`).
 */
import type { Day } from '../days/day.ts';
import type { Document, Scope } from '../schemas/data.ts';
import type { Disagreement, VersionFacts } from '../schemas/scope-facts.ts';
import { allVersionNames, fullTimeline } from '../scopes/scopes.ts';
import { periodsOf } from '../scopes/validity.ts';
import { documentsOfVersion } from '../scopes/version-diff.ts';
import { versionDefinitions } from '../scopes/definitions.ts';
import { documentPeriods } from './document-periods.ts';
import type { ScopeDocumentBody } from './scope-document.ts';

export interface ScopeDocument {
  doc: Document;
  body: ScopeDocumentBody;
}

type YamlScope = Omit<Scope, 'facts'>;

/** Version name → document, by the three rules above. */
export function mapVersionsToDocuments(
  names: readonly string[],
  testGroups: Readonly<Record<string, string>>,
  modules: Scope['modules'],
  docs: readonly ScopeDocument[],
): Map<string, { doc: ScopeDocument; by: NonNullable<VersionFacts['mappedBy']> }> {
  const out = new Map<string, { doc: ScopeDocument; by: NonNullable<VersionFacts['mappedBy']> }>();
  const taken = new Set<string>();
  const claim = (name: string, matches: (d: ScopeDocument) => boolean, by: NonNullable<VersionFacts['mappedBy']>) => {
    if (out.has(name)) return;
    const doc = docs.find((d) => !taken.has(d.doc.id) && matches(d));
    if (!doc) return;
    out.set(name, { doc, by });
    taken.add(doc.doc.id);
  };
  for (const name of names) {
    const group = testGroups[name];
    const target = group === undefined ? null : (modules.find((m) => m.id === group)?.document ?? null);
    if (target !== null) claim(name, (d) => d.doc.id === target, 'group url');
  }
  for (const name of names) claim(name, (d) => d.body.versionName === name, 'document body');
  for (const name of names) {
    const n = /^v(\d+)$/.exec(name);
    if (n) claim(name, (d) => d.doc.version === `v${n[1]}`, 'same number');
  }
  return out;
}

/** The day from which the timeline deprecates a version for good after it was valid, or null. */
function timelineDeprecatedDay(periods: ReturnType<typeof periodsOf>): Day | null {
  const last = periods[periods.length - 1]!;
  return periods.length > 1 && last.validity === 'deprecated' ? last.from : null;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The name a document-only version goes by: what its body says, else its document version. */
function documentVersionName(d: ScopeDocument, used: ReadonlySet<string>): string {
  const name = d.body.versionName ?? d.doc.version;
  return used.has(name) ? d.doc.id : name;
}

export function joinVersionFacts(
  scope: YamlScope,
  testGroups: Readonly<Record<string, string>>,
  docs: readonly ScopeDocument[],
): VersionFacts[] {
  const names = allVersionNames(scope);
  const timeline = fullTimeline(scope);
  const definitions = versionDefinitions(scope);
  const mapped = mapVersionsToDocuments(names, testGroups, scope.modules, docs);
  const file = scope.file ?? '';
  const facts: VersionFacts[] = names.map((name) => {
    const def = definitions.get(name) ?? null;
    const m = mapped.get(name) ?? null;
    const doc = m?.doc.doc ?? null;
    const periods = periodsOf(timeline, name);
    const firstEffective = periods.find((p) => p.validity === 'effective')?.from ?? null;
    const yamlDay = def?.version.stabilizedAt ?? null;
    const docDay = doc?.stabilizedAt ?? null;
    const stabilizedAt = yamlDay ?? docDay ?? firstEffective;
    const stabilizedFrom = yamlDay ? 'scope file' : docDay ? 'document' : firstEffective ? 'timeline' : null;
    const yamlStandards = def ? documentsOfVersion(def.version, scope.modules) : [];
    const subjectMatter = m ? [...m.doc.body.standards].sort() : null;
    const standards = yamlStandards.length > 0 ? yamlStandards : (subjectMatter ?? []);
    const standardsFrom =
      yamlStandards.length > 0 ? 'scope file' : subjectMatter && subjectMatter.length > 0 ? 'document' : null;
    const disagreements: Disagreement[] = [];
    const key = `versions[${name}]`;
    if (doc && yamlDay && docDay && yamlDay !== docDay) {
      disagreements.push({
        fact: 'stabilized_at',
        scopeFile: { file, key: `${key}.stabilized_at`, value: yamlDay },
        document: { file: doc.file, key: 'stabilized_at', value: docDay },
      });
    }
    const deprecatedDay = timelineDeprecatedDay(periods);
    if (doc && doc.deprecatedAt && deprecatedDay && doc.deprecatedAt !== deprecatedDay) {
      disagreements.push({
        fact: 'deprecated_at',
        scopeFile: { file, key: `timeline (${name} deprecated from)`, value: deprecatedDay },
        document: { file: doc.file, key: 'deprecated_at', value: doc.deprecatedAt },
      });
    }
    if (
      doc &&
      subjectMatter &&
      subjectMatter.length > 0 &&
      yamlStandards.length > 0 &&
      !sameSet(yamlStandards, subjectMatter)
    ) {
      disagreements.push({
        fact: 'standards',
        scopeFile: { file, key: `${key}.include`, value: yamlStandards.join(', ') },
        document: { file: doc.file, key: 'Subject Matter', value: subjectMatter.join(', ') },
      });
    }
    return {
      name,
      document: doc?.id ?? null,
      mappedBy: m?.by ?? null,
      inScopeFile: true,
      periodsFrom: 'timeline',
      periods: [],
      stabilizedAt,
      stabilizedFrom,
      standards,
      standardsFrom,
      subjectMatter,
      disagreements,
    };
  });
  const used = new Set(names);
  const claimed = new Set([...mapped.values()].map((m) => m.doc.doc.id));
  for (const d of docs) {
    if (claimed.has(d.doc.id)) continue;
    const name = documentVersionName(d, used);
    used.add(name);
    facts.push(documentOnlyFacts(name, d));
  }
  return facts;
}

/** A version only its document knows: periods, stabilization and standards from the document. */
export function documentOnlyFacts(name: string, d: ScopeDocument): VersionFacts {
  const standards = [...d.body.standards].sort();
  return {
    name,
    document: d.doc.id,
    mappedBy: null,
    inScopeFile: false,
    periodsFrom: 'document',
    periods: documentPeriods(d.doc),
    stabilizedAt: d.doc.status === 'Rejected' ? null : d.doc.stabilizedAt,
    stabilizedFrom: d.doc.stabilizedAt && d.doc.status !== 'Rejected' ? 'document' : null,
    standards,
    standardsFrom: standards.length > 0 ? 'document' : null,
    subjectMatter: standards,
    disagreements: [],
  };
}

/** One sync warning per disagreement, naming both files, keys and values. */
export function disagreementWarnings(scopeName: string, facts: readonly VersionFacts[]): string[] {
  return facts.flatMap((f) =>
    f.disagreements.map(
      (d) =>
        `${scopeName} ${f.name}: the scope file and its document disagree on ${d.fact}: ${d.scopeFile.file}: ${d.scopeFile.key} = ${d.scopeFile.value}, but ${d.document.file}: ${d.document.key} = ${d.document.value}; both are kept`,
    ),
  );
}
