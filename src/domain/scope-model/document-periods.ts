/**
 * Validity of a scope version that only its document knows, from the document's own dates
 * (scs-0001-v1 lifecycle read as scs-0003-v1 validity): `draft` from the day the document
 * was added until `stabilized_at`, `effective` until `deprecated_at`, `deprecated` from then.
 * Before the document existed nothing is listed, so the version counts as `deprecated`, as
 * an unlisted version does in a timeline.
 */
import type { Day } from '../days/day.ts';
import type { Document } from '../schemas/data.ts';
import type { TimelineEntry } from '../schemas/scope-file.ts';
import type { Validity } from '../schemas/validity.ts';

export interface DocumentPeriod {
  validity: Validity;
  from: Day | null;
  to: Day | null;
}

export function documentPeriods(
  doc: Pick<Document, 'stabilizedAt' | 'deprecatedAt' | 'history' | 'status'>,
): DocumentPeriod[] {
  const added = doc.history[0]?.date ?? null;
  const stable = doc.status === 'Rejected' ? null : doc.stabilizedAt;
  const end = doc.deprecatedAt;
  const marks: { validity: Validity; from: Day | null }[] = [];
  if (added !== null && (stable === null || added < stable) && (end === null || added < end))
    marks.push({ validity: 'draft', from: added });
  if (stable !== null && (end === null || stable < end)) marks.push({ validity: 'effective', from: stable });
  if (end !== null) marks.push({ validity: 'deprecated', from: end });
  if (marks.length === 0) return [{ validity: 'deprecated', from: null, to: null }];
  const periods: DocumentPeriod[] =
    marks[0]!.from === null ? [] : [{ validity: 'deprecated', from: null, to: marks[0]!.from }];
  marks.forEach((m, i) => periods.push({ validity: m.validity, from: m.from, to: marks[i + 1]?.from ?? null }));
  return periods;
}

/**
 * A timeline (scs-0003-v1 shape) that says what the periods of several versions say: one
 * entry on each day a period starts, listing every version not deprecated on that day. Its
 * validity on any day equals the periods'.
 */
export function timelineOfPeriods(periods: ReadonlyMap<string, readonly DocumentPeriod[]>): TimelineEntry[] {
  const days = [
    ...new Set([...periods.values()].flatMap((ps) => ps.map((p) => p.from).filter((d): d is Day => d !== null))),
  ].sort();
  return days
    .map((date) => {
      const versions: Record<string, Validity> = {};
      for (const [name, ps] of periods) {
        const p = ps.find((x) => (x.from === null || x.from <= date) && (x.to === null || date < x.to));
        if (p && p.validity !== 'deprecated') versions[name] = p.validity;
      }
      return { date, versions };
    })
    .reverse();
}
