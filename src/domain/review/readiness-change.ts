/**
 * How a proposed change moves the readiness of draft scope versions (report/readiness.ts):
 * each draft version's readiness on the landing day before the change (base) and after it
 * (head applied), and a sentence for every version whose included standards or their states
 * differ, that becomes a draft, or that is a draft no longer.
 * Pull requests are not part of it: a review assembles both sides from git alone.
 */
import type { Day } from '../days/day.ts';
import { draftReadiness, readinessOf, type Readiness } from '../report/readiness.ts';
import type { Dataset } from '../schemas/data.ts';
import type { Validity } from '../schemas/validity.ts';

export interface ReadinessChange {
  scope: string;
  version: string;
  /** `KaaS v1`. */
  label: string;
  /** What stands between the version and its stabilization before and after the change; null where it is no draft. */
  before: string | null;
  after: string | null;
  /** Ids of the included documents not Stable, before and after (empty where it is no draft). */
  notStableBefore: string[];
  notStableAfter: string[];
  /** `KaaS v1: scs-0214-v2 Draft → every included standard Stable`. */
  sentence: string;
}

const key = (r: { scope: string; version: string }) => `${r.scope}/${r.version}`;
const list = (xs: readonly string[]) => xs.join(', ');

/** What is left to stabilize: the included documents not Stable with their states, else that none is left. */
export function standingWords(r: Readiness): string {
  if (r.standards.length === 0) return 'includes no standard yet';
  const waiting = r.standards.filter((s) => !s.external && s.state !== 'Stable');
  if (waiting.length === 0) return 'every included standard Stable';
  return list(waiting.map((s) => `${s.id} ${s.state ?? 'missing'}`));
}

function inclusionWords(before: Readiness, after: Readiness): string {
  const was = new Set(before.standards.map((s) => s.id));
  const is = new Set(after.standards.map((s) => s.id));
  const added = after.standards.filter((s) => !was.has(s.id)).map((s) => s.id);
  const removed = before.standards.filter((s) => !is.has(s.id)).map((s) => s.id);
  return [added.length ? `now includes ${list(added)}` : '', removed.length ? `no longer ${list(removed)}` : '']
    .filter(Boolean)
    .join(', ');
}

const statesOf = (r: Readiness) => JSON.stringify(r.standards.map((s) => [s.id, s.state, s.external]));

/**
 * The readiness changes between `before` (base) and `after` (head applied), both on `on`:
 * in the order of the scopes and versions after the change, then those that are drafts no longer.
 */
export function readinessChanges(before: Dataset, after: Dataset, on: Day): ReadinessChange[] {
  const was = new Map(draftReadiness(before, on).map((r) => [key(r), r]));
  const is = draftReadiness(after, on);
  const out: ReadinessChange[] = [];
  const change = (r: Readiness, b: Readiness | null, a: Readiness | null, sentence: string): ReadinessChange => ({
    scope: r.scope,
    version: r.version,
    label: r.label,
    before: b && standingWords(b),
    after: a && standingWords(a),
    notStableBefore: b?.notStable ?? [],
    notStableAfter: a?.notStable ?? [],
    sentence,
  });
  for (const a of is) {
    const b = was.get(key(a)) ?? null;
    if (!b) {
      out.push(change(a, null, a, `${a.label} becomes a draft: ${standingWords(a)}`));
      continue;
    }
    if (statesOf(a) === statesOf(b)) continue;
    const inclusion = inclusionWords(b, a);
    const moved =
      standingWords(b) === standingWords(a) ? standingWords(a) : `${standingWords(b)} → ${standingWords(a)}`;
    out.push(change(a, b, a, `${a.label}: ${moved}${inclusion ? ` (${inclusion})` : ''}`));
  }
  const drafts = new Set(is.map(key));
  for (const b of was.values()) {
    if (drafts.has(key(b))) continue;
    const validity: Validity | null = readinessOf(after, b.scope, b.version, on)?.validity ?? null;
    const now = validity === null ? 'no longer in the scope file' : `${validity} on ${on}`;
    out.push(change(b, b, null, `${b.label} leaves draft: ${now} (before: ${standingWords(b)})`));
  }
  return out;
}
