/** Synthetic scope files (scs-0003-v1 with `timeline`, some starting in the legacy format) and their revisions. */
import { addDays, daysBetween, type Day } from '../../../src/domain/days/day.ts';
import { END, START, TIMELINE_SINCE, type Change } from './history.ts';
import { uuid, type Rng } from './random.ts';

interface VersionState {
  name: string;
  stabilized: Day | null;
  end: Day | null;
  include: string[];
}

interface Entry {
  date: Day;
  versions: Record<string, string>;
}

function legacyText(name: string, key: string, versions: VersionState[]): string {
  const lines = [
    `name: ${name}`,
    `url: https://raw.githubusercontent.com/SovereignCloudStack/standards/main/Tests/scs-compatible.yaml`,
    `${key}:`,
  ];
  for (const v of versions) {
    lines.push(`  - version: ${v.name}`);
    if (v.stabilized) lines.push(`    stabilized_at: ${v.stabilized}`);
    if (v.end) lines.push(`    deprecated_at: ${v.end}`);
    lines.push('    standards:');
    for (const m of v.include)
      lines.push(`      - name: ${m}`, `        url: https://docs.scs.community/standards/${m}`);
  }
  return `${lines.join('\n')}\n`;
}

function timelineText(
  name: string,
  id: string,
  scopeUuid: string,
  modules: string[],
  timeline: Entry[],
  versions: VersionState[],
): string {
  const lines = [
    '# -- informal edit log --',
    '# whenever old content is removed as per scs-0003-v1, add a line of the form',
    '# - YYYY-MM-DD pruned old content; affected versions: vN, ...',
    `name: ${name}`,
    `uuid: ${scopeUuid}`,
    `url: https://raw.githubusercontent.com/SovereignCloudStack/standards/main/Tests/scs-compatible-${id}.yaml`,
    'variables:',
    '  - os_cloud',
    'modules:',
  ];
  for (const m of modules)
    lines.push(
      `  - id: ${m}`,
      `    name: ${m.replace(/-/g, ' ')}`,
      `    url: https://docs.scs.community/standards/${m.replace(/\.\d+$/, '')}`,
      '    targets:',
      '      main:',
      `      - ${m}-check`,
    );
  lines.push('timeline:');
  for (const e of [...timeline].sort((a, b) => (a.date < b.date ? 1 : -1))) {
    lines.push(`  - date: ${e.date}`, '    versions:');
    for (const [v, validity] of Object.entries(e.versions)) lines.push(`      ${v}: ${validity}`);
  }
  lines.push('versions:');
  for (const v of [...versions].reverse()) {
    lines.push(`  - version: ${v.name}`);
    if (v.stabilized) lines.push(`    stabilized_at: ${v.stabilized}`);
    lines.push('    include:');
    for (const m of v.include) lines.push(`      - ${m}`);
  }
  return `${lines.join('\n')}\n`;
}

export function scopeChanges(index: number, revisions: number, r: Rng): Change[] {
  const id = index === 0 ? 'iaas' : `syn${index}`;
  const name = `SCS-compatible ${index === 0 ? 'IaaS' : `Synthetic ${index}`}`;
  const scopeUuid = uuid(r);
  const modules = Array.from({ length: 8 }, (_, j) => `scs-${String(100 + index * 8 + j).padStart(4, '0')}-v1`);
  const legacy = index % 3 === 0;
  const first = legacy ? addDays(START, r.int(0, 300)) : addDays(TIMELINE_SINCE, r.int(0, 120));
  const step = Math.max(1, Math.floor(daysBetween(first, END) / (revisions + 1)));
  const changes: Change[] = [];
  const versions: VersionState[] = [{ name: 'v1', stabilized: first, end: null, include: modules.slice(0, 3) }];
  const timeline: Entry[] = [];
  let path = index === 0 ? 'Tests/scs-compatible.yaml' : `Tests/scs-compatible-${id}.yaml`;
  const finalPath = `Tests/scs-compatible-${id}.yaml`;
  const brokenAt = index % 4 === 1 ? Math.floor(revisions / 2) : -1;

  for (let rev = 0; rev < revisions; rev++) {
    const day = addDays(first, rev * step + r.int(0, Math.max(0, step - 1)));
    const inLegacy = legacy && day < TIMELINE_SINCE;
    const latest = versions.at(-1)!;
    let title: string;
    if (rev > 0 && rev % 4 === 0) {
      versions.push({ name: `v${versions.length + 1}`, stabilized: null, end: null, include: [...latest.include] });
      title = `Prepare ${name} v${versions.length}`;
    } else if (rev > 0 && latest.stabilized === null && rev % 4 === 1) {
      const effective = addDays(day, r.int(20, 60));
      latest.stabilized = day;
      const previous = versions.at(-2);
      if (previous && previous.end === null) previous.end = addDays(effective, r.int(90, 200));
      if (!inLegacy) {
        const entry: Entry = { date: effective, versions: {} };
        for (const v of versions) {
          if (v.end !== null && v.end <= effective) continue;
          entry.versions[v.name] = v === latest ? 'effective' : v === previous ? 'warn' : 'effective';
        }
        timeline.push(entry);
        if (previous?.end) timeline.push({ date: previous.end, versions: { [latest.name]: 'effective' } });
      }
      title = `Stabilize ${name} ${latest.name}, announce dates`;
    } else {
      const unused = modules.filter((m) => !latest.include.includes(m));
      if (unused.length) latest.include.push(r.pick(unused));
      else latest.include.pop();
      title = `Update modules of ${name} ${latest.name}`;
    }
    if (!inLegacy && timeline.length === 0)
      timeline.push({
        date: day,
        versions: Object.fromEntries(versions.map((v) => [v.name, v.stabilized ? 'effective' : 'draft'])),
      });
    // scs-0003-v1 allows pruning content older than six months: entries superseded before
    // then go; the entry in effect today stays, however old.
    const inEffect = timeline
      .filter((e) => e.date <= day)
      .reduce<Day | null>((a, e) => (a === null || e.date > a ? e.date : a), null);
    const horizon = addDays(day, -183);
    const cut = inEffect !== null && inEffect < horizon ? inEffect : horizon;
    const kept = timeline.filter((e) => e.date >= cut);
    timeline.splice(0, timeline.length, ...kept);
    let text = inLegacy
      ? legacyText(name, index === 0 ? 'iaas' : 'versions', versions)
      : timelineText(name, id, scopeUuid, modules, timeline, versions);
    if (path !== finalPath && !inLegacy) {
      // A rename alone, so git sees it as one (the format changes in the next commit).
      changes.push({
        day,
        title: `Rename ${path} to ${finalPath}`,
        files: {},
        renames: [{ from: path, to: finalPath }],
      });
      path = finalPath;
    }
    const change: Change = { day, title, files: {} };
    if (rev === brokenAt) {
      // A revision that does not parse, fixed in the next (upstream has two of these).
      text = text.replace('\nversions:\n', '\nversions:\n   - version: broken\n  include: []\n');
      change.title = `Add ${name} modules (broken indentation)`;
    }
    change.files[path] = text;
    changes.push(change);
  }
  return changes;
}
