/**
 * Agreement with the upstream reference on every day from 2021 to 2027, for every revision
 * of both scope files: the committed data/scopes.json always, and a fresh sync of the
 * snapshot when ../shared is present.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachDay } from '../../../src/domain/days/day.ts';
import { accumulatedTimelines, fullTimeline } from '../../../src/domain/scopes/scopes.ts';
import { Scope } from '../../../src/domain/schemas/data.ts';
import type { TimelineEntry } from '../../../src/domain/schemas/scope-file.ts';
import { periodOn, periodsOf, validityOn, versionNames } from '../../../src/domain/scopes/validity.ts';
import { syncFromGit } from '../../../scripts/lib/sync.ts';
import { HAVE_SNAPSHOT, PULLS, snapshotClone } from '../../support/snapshot.ts';

/**
 * A literal port of upstream `annotate_validity` (Tests/scs_cert_lib.py):
 *
 *     validity_lookup = max(
 *         (entry for entry in timeline if entry['date'] <= checkdate),
 *         key=lambda entry: entry['date'],
 *         default={},
 *     ).get('versions', {})
 *     for vname, version in versions.items():
 *         version['validity'] = validity_lookup.get(vname, 'deprecated')
 *
 * Python's max() returns the first of equal maxima, hence the strict `>`.
 */
function referenceValidity(timeline: readonly TimelineEntry[], vname: string, checkdate: string): string {
  let best: TimelineEntry | undefined;
  for (const entry of timeline) {
    if (!(entry.date <= checkdate)) continue;
    if (best === undefined || entry.date > best.date) best = entry;
  }
  const lookup: Record<string, string> = best?.versions ?? {};
  return Object.hasOwn(lookup, vname) ? lookup[vname]! : 'deprecated';
}

const DAYS = eachDay('2021-01-01', '2027-12-31');

interface Case {
  label: string;
  timeline: TimelineEntry[];
  versions: string[];
}

/** Every timeline a scope holds: each revision's, each revision's with pruned entries put back, the head's. */
function casesOf(scope: Scope): Case[] {
  const cases: Case[] = scope.revisions.map((r) => ({
    label: `${scope.id} ${r.commit.slice(0, 7)} ${r.date} #${r.pr} (${r.format})`,
    timeline: r.timeline,
    versions: versionNames(r.versions, r.timeline),
  }));
  for (const { revision, timeline } of accumulatedTimelines(scope)) {
    cases.push({
      label: `${scope.id} ${revision.commit.slice(0, 7)} accumulated`,
      timeline,
      versions: versionNames(revision.versions, timeline),
    });
  }
  cases.push({
    label: `${scope.id} head`,
    timeline: scope.timeline,
    versions: versionNames(scope.versions, scope.timeline),
  });
  cases.push({
    label: `${scope.id} full`,
    timeline: fullTimeline(scope),
    versions: versionNames(scope.versions, fullTimeline(scope)),
  });
  return cases;
}

/** Compare on every day; returns the number of comparisons and the first mismatches. */
function compare(cases: Case[]): { checked: number; mismatches: string[] } {
  let checked = 0;
  const mismatches: string[] = [];
  for (const c of cases) {
    for (const version of c.versions) {
      const periods = periodsOf(c.timeline, version);
      for (const day of DAYS) {
        const expected = referenceValidity(c.timeline, version, day);
        const got = validityOn(c.timeline, version, day);
        const period = periodOn(periods, day).validity;
        checked++;
        if (got !== expected || period !== expected) {
          if (mismatches.length < 20)
            mismatches.push(`${c.label} ${version} ${day}: reference ${expected}, validityOn ${got}, period ${period}`);
        }
      }
    }
  }
  return { checked, mismatches };
}

function scopesOf(file: string): Scope[] {
  return Scope.array().parse(JSON.parse(readFileSync(file, 'utf8')));
}

describe('validity agrees with the reference annotate_validity on every day 2021–2027', () => {
  it('for every revision of both scopes in the committed data/scopes.json', () => {
    const scopes = scopesOf(resolve(import.meta.dirname, '../../../data/scopes.json'));
    expect(scopes.map((s) => s.id).sort()).toEqual(['iaas', 'kaas']);
    const cases = scopes.flatMap(casesOf);
    const { checked, mismatches } = compare(cases);
    expect(mismatches).toEqual([]);
    // 2556 days × every version of every revision: far more than a handful.
    expect(checked).toBeGreaterThan(2556 * 100);
  });

  it('agrees with itself on crafted edge cases (same date twice, unlisted, before first entry)', () => {
    const timeline: TimelineEntry[] = [
      { date: '2024-06-01', versions: { v1: 'warn', v2: 'effective' } },
      { date: '2024-06-01', versions: { v1: 'draft' } },
      { date: '2022-01-01', versions: { v1: 'effective' } },
      { date: '2022-01-02', versions: { v1: 'effective', v2: 'draft' } },
    ];
    const { checked, mismatches } = compare([{ label: 'crafted', timeline, versions: ['v1', 'v2', 'v3'] }]);
    expect(mismatches).toEqual([]);
    expect(checked).toBe(3 * 2556);
  });
});

describe.skipIf(!HAVE_SNAPSHOT)('validity agrees with the reference on a fresh sync of the snapshot', () => {
  it('for every revision of both scopes, every day 2021–2027', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'scs-ref-')), 'data');
    await syncFromGit({ git: snapshotClone(), out, pulls: PULLS });
    const scopes = scopesOf(join(out, 'scopes.json'));
    const revisions = scopes.reduce((n, s) => n + s.revisions.length, 0);
    expect(revisions).toBeGreaterThanOrEqual(25);
    const { checked, mismatches } = compare(scopes.flatMap(casesOf));
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(2556 * 100);
  });
});
