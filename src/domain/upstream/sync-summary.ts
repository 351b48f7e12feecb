/**
 * What changed between the previous `data/` and the new one, in words, for the sync's
 * summary: documents added or changing state, new or vanished revisions, pull requests, and
 * "nothing changed" when nothing did.
 */
import type { Dataset } from '../schemas/data.ts';
import { serializeDataset, type DataFileName } from '../dataset/serialize.ts';

export function describeChanges(prev: Dataset | null, next: Dataset): string[] {
  if (prev === null) return ['first sync: no previous data'];
  const out: string[] = [];
  if (prev.meta.source.commit !== next.meta.source.commit) {
    out.push(
      `upstream ${prev.meta.source.commit.slice(0, 7)} (${prev.meta.source.date}) → ${next.meta.source.commit.slice(0, 7)} (${next.meta.source.date})`,
    );
  }
  const prevDocs = new Map(prev.documents.map((d) => [d.id, d]));
  const nextDocs = new Map(next.documents.map((d) => [d.id, d]));
  for (const [id, d] of nextDocs) {
    const before = prevDocs.get(id);
    if (!before) out.push(`document added: ${id} (${d.status ?? d.type})`);
    else if (
      before.status !== d.status ||
      before.stabilizedAt !== d.stabilizedAt ||
      before.deprecatedAt !== d.deprecatedAt
    ) {
      out.push(`document ${id}: ${before.status ?? '–'} → ${d.status ?? '–'}`);
    }
  }
  for (const id of prevDocs.keys()) if (!nextDocs.has(id)) out.push(`document removed: ${id}`);
  const prevScopes = new Map(prev.scopes.map((s) => [s.id, s]));
  for (const s of next.scopes) {
    const before = prevScopes.get(s.id);
    if (!before) {
      out.push(`scope added: ${s.name} (${s.revisions.length} revisions)`);
      continue;
    }
    const known = new Set(before.revisions.map((r) => r.commit));
    const fresh = s.revisions.filter((r) => !known.has(r.commit));
    for (const r of fresh) out.push(`${s.name}: new revision ${r.date}${r.pr ? ` (#${r.pr})` : ''}: ${r.title}`);
    const current = new Set(s.revisions.map((r) => r.commit));
    const dropped = before.revisions.filter((r) => !current.has(r.commit));
    for (const r of dropped)
      out.push(`${s.name}: revision ${r.date}${r.pr ? ` (#${r.pr})` : ''} no longer in the history`);
  }
  for (const id of prevScopes.keys()) if (!next.scopes.some((s) => s.id === id)) out.push(`scope removed: ${id}`);
  const prevPulls = new Map(prev.pulls.map((p) => [p.number, p]));
  let newPulls = 0;
  let changedPulls = 0;
  for (const p of next.pulls) {
    const before = prevPulls.get(p.number);
    if (!before) newPulls++;
    else if (before.state !== p.state || before.updatedAt !== p.updatedAt || before.title !== p.title) changedPulls++;
  }
  if (newPulls) out.push(`${newPulls} new pull request${newPulls === 1 ? '' : 's'}`);
  if (changedPulls) out.push(`${changedPulls} pull request${changedPulls === 1 ? '' : 's'} updated`);
  if (out.length === 0) {
    // Same upstream, other bytes: the sync itself derives something differently now.
    const a = serializeDataset(prev);
    const b = serializeDataset(next);
    const differ = (Object.keys(b) as DataFileName[]).filter((name) => a[name] !== b[name]);
    if (differ.length) out.push(`no upstream change; derived data differs in ${differ.join(', ')} (a newer sync)`);
  }
  return out.length ? out : ['nothing changed'];
}
