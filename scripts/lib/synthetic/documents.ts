/** Synthetic standard documents with scs-0001-v1 front matter and its irregularities (BOM, status case, `replaces` as string or list). */
import { addDays, daysBetween, type Day } from '../../../src/domain/days/day.ts';
import { END, START, TRACKS, type Change } from './history.ts';
import { phrase, WORDS, type Rng } from './random.ts';

interface DocSpec {
  id: string;
  file: string;
  title: string;
  type: string;
  track: string;
  added: Day;
  stabilized: Day | null;
  deprecated: Day | null;
  rejected: Day | null;
  replaces: string | null;
  replacedBy: string | null;
  supplements: string | null;
}

function frontMatter(d: DocSpec, on: Day, r: Rng): string {
  const status =
    d.rejected && on >= d.rejected
      ? 'Rejected'
      : d.deprecated && on >= d.deprecated
        ? 'Deprecated'
        : d.stabilized && on >= d.stabilized
          ? 'Stable'
          : 'Draft';
  const lines = ['---', `title: ${d.title.includes(': ') ? JSON.stringify(d.title) : d.title}`, `type: ${d.type}`];
  if (d.type !== 'Supplement' || r.chance(0.5)) lines.push(`status: ${r.chance(0.05) ? status.toLowerCase() : status}`);
  lines.push(`track: ${d.track}`);
  if (d.stabilized && on >= d.stabilized) lines.push(`stabilized_at: ${d.stabilized}`);
  if (d.deprecated && on >= d.deprecated) lines.push(`deprecated_at: ${d.deprecated}  # superseded`);
  if (d.rejected && on >= d.rejected) lines.push(`rejected_at: ${d.rejected}`);
  if (d.replaces) lines.push(r.chance(0.5) ? `replaces: ${d.replaces}` : `replaces:\n  - ${d.replaces}`);
  if (d.replacedBy && d.deprecated && on >= d.deprecated) lines.push(`replaced_by: ${d.replacedBy}`);
  if (d.supplements) lines.push(`supplements:\n  - ${d.supplements}`);
  lines.push(`description: |\n  ${phrase(r, 12)}\n  ${phrase(r, 10)}.`);
  lines.push('---', '', '<!-- document body omitted from this synthetic fixture -->', '');
  return (r.chance(0.02) ? '\uFEFF' : '') + lines.join('\n');
}

export function documentChanges(count: number, r: Rng): { changes: Change[]; documents: number } {
  const specs: DocSpec[] = [];
  const span = daysBetween(START, END);
  for (let series = 1; specs.length < count; series++) {
    const num = String(series).padStart(4, '0');
    const slug = `${r.pick(WORDS)}-${r.pick(WORDS)}`;
    const track = r.pick(TRACKS);
    const added = addDays(START, r.int(0, span - 60));
    const v1: DocSpec = {
      id: `scs-${num}-v1`,
      file: `Standards/scs-${num}-v1-${slug}.md`,
      title: `SCS ${phrase(r, 2)} standard`,
      type: r.chance(0.1) ? 'Decision Record' : 'Standard',
      track,
      added,
      stabilized: null,
      deprecated: null,
      rejected: null,
      replaces: null,
      replacedBy: null,
      supplements: null,
    };
    if (r.chance(0.06)) v1.rejected = addDays(added, r.int(20, 200));
    else if (r.chance(0.7)) v1.stabilized = addDays(added, r.int(20, 300));
    specs.push(v1);
    const added2 = v1.stabilized ? addDays(v1.stabilized, r.int(60, 400)) : END;
    if (v1.stabilized && added2 < END && r.chance(0.5) && specs.length < count) {
      const v2: DocSpec = {
        ...v1,
        id: `scs-${num}-v2`,
        file: `Standards/scs-${num}-v2-${slug}.md`,
        added: added2,
        stabilized: null,
        deprecated: null,
        rejected: null,
        replaces: `scs-${num}-v1-${slug}.md`,
        replacedBy: null,
      };
      if (r.chance(0.7)) {
        v2.stabilized = addDays(added2, r.int(20, 200));
        v1.deprecated = addDays(v2.stabilized, r.int(30, 200));
        v1.replacedBy = `scs-${num}-v2-${slug}.md`;
      }
      specs.push(v2);
    }
    const addedW = addDays(added, r.int(5, 100));
    if (addedW < END && r.chance(0.2) && specs.length < count) {
      specs.push({
        ...v1,
        id: `scs-${num}-w1`,
        file: `Standards/scs-${num}-w1-${slug}-implementation.md`,
        title: `${v1.title}: implementation notes`,
        type: 'Supplement',
        added: addedW,
        stabilized: null,
        deprecated: null,
        rejected: null,
        replaces: null,
        replacedBy: null,
        supplements: v1.file.slice('Standards/'.length),
      });
    }
  }
  const changes: Change[] = [];
  for (const d of specs) {
    const days = [d.added, d.stabilized, d.deprecated, d.rejected].filter((x): x is Day => x !== null && x <= END);
    for (const [i, day] of [...new Set(days)].sort().entries()) {
      const what =
        i === 0
          ? `Add ${d.id} (${d.title})`
          : day === d.stabilized
            ? `Stabilize ${d.id}`
            : day === d.deprecated
              ? `Deprecate ${d.id} in favour of its successor`
              : `Reject ${d.id}`;
      changes.push({ day, title: what, files: { [d.file]: frontMatter(d, day, r) } });
    }
  }
  return { changes, documents: specs.length };
}
