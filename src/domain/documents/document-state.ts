/**
 * The state of a standard document on a day, by scs-0001-v1 ("Document lifecycle"):
 * a document is Draft until `stabilized_at`, Stable from then, Deprecated from
 * `deprecated_at`; Rejected when its status says so. The status field is what the
 * document claims now; the dates say from when — so "Stable, stabilized_at in the future"
 * is a Draft that turns Stable on that day.
 */
import { addDays, type Day } from '../days/day.ts';
import type { DocumentChange } from '../schemas/data.ts';
import type { DocumentStatus } from '../schemas/front-matter.ts';

export interface Lifecycle {
  status: DocumentStatus | null;
  stabilizedAt: Day | null;
  deprecatedAt: Day | null;
}

export interface DocumentState {
  /** The state on the day; null for a supplement, which has no lifecycle of its own. */
  state: DocumentStatus | null;
  /** The next state change after the day, known from a future date. */
  next: { state: DocumentStatus; on: Day } | null;
}

function stateOn(doc: Lifecycle, day: Day): DocumentStatus | null {
  switch (doc.status) {
    case null:
      return null;
    case 'Rejected':
      return 'Rejected';
    case 'Draft':
      return 'Draft';
    case 'Stable':
      return doc.stabilizedAt === null || day >= doc.stabilizedAt ? 'Stable' : 'Draft';
    case 'Deprecated':
      if (doc.deprecatedAt === null || day >= doc.deprecatedAt) return 'Deprecated';
      // Deprecated from a future day: until then it is what its stabilization makes it.
      return doc.stabilizedAt === null || day >= doc.stabilizedAt ? 'Stable' : 'Draft';
  }
}

export function documentStateOn(doc: Lifecycle, day: Day): DocumentState {
  const state = stateOn(doc, day);
  const candidates: Day[] = [];
  if (doc.stabilizedAt && doc.stabilizedAt > day) candidates.push(doc.stabilizedAt);
  if (doc.deprecatedAt && doc.deprecatedAt > day) candidates.push(doc.deprecatedAt);
  for (const on of candidates.sort()) {
    const later = stateOn(doc, on);
    if (later !== null && later !== state) return { state, next: { state: later, on } };
  }
  return { state, next: null };
}

/**
 * Days on which a document's state changes, with the state it takes: at most one per day,
 * so `stabilized_at` = `deprecated_at` is one change (Draft to Deprecated), not two.
 */
export function documentTransitions(doc: Lifecycle): { state: DocumentStatus; on: Day }[] {
  const days = [...new Set([doc.stabilizedAt, doc.deprecatedAt].filter((d): d is Day => d !== null))].sort();
  const out: { state: DocumentStatus; on: Day }[] = [];
  for (const on of days) {
    const before = stateOn(doc, addDays(on, -1));
    const after = stateOn(doc, on);
    if (after !== null && after !== before) out.push({ state: after, on });
  }
  return out;
}

/**
 * What one change of a document's front matter did to its lifecycle (scs-0001-v1): added it,
 * rejected, deprecated or stabilized it (a new status, or a new `deprecated_at` /
 * `stabilized_at`), or nothing of that.
 */
export function lifecycleMove(
  change: DocumentChange,
  before: DocumentChange | null,
): 'added' | 'stabilized' | 'deprecated' | 'rejected' | null {
  if (before === null) return 'added';
  if (change.status === 'Rejected' && before.status !== 'Rejected') return 'rejected';
  if (
    (change.status === 'Deprecated' && before.status !== 'Deprecated') ||
    (change.deprecatedAt !== null && change.deprecatedAt !== before.deprecatedAt)
  )
    return 'deprecated';
  if (
    (change.status === 'Stable' && before.status !== 'Stable') ||
    (change.stabilizedAt !== null && change.stabilizedAt !== before.stabilizedAt)
  )
    return 'stabilized';
  return null;
}
