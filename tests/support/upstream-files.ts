/**
 * The upstream files tests write into their repositories: scope files (scs-0003-v1), as YAML
 * blocks pasted into a valid IaaS scope (`scopeYaml`) or built from a structured timeline
 * (`scopeYamlFrom`), and standard documents with front matter (scs-0001-v1, `documentMd`).
 */

/** scopeYaml's timeline unless one is given: v5 effective since 2024-11-08, v4 `warn` from 2025-02-01. */
export const DEFAULT_TIMELINE = `  - date: 2025-02-01
    versions:
      v5: effective
      v4: warn
  - date: 2024-11-08
    versions:
      v5: effective
      v4: effective
`;

/**
 * A scope file's `timeline:` as IaaS had it after #824 (v4 effective on 2024-11-26, then v5
 * effective and v4 `warn` on 2025-01-01), for tests that read one file as upstream wrote it.
 */
export const IAAS_TIMELINE_BLOCK = `timeline:
  - date: 2025-01-01
    versions:
      v5: effective
      v4: warn
  - date: 2024-11-26
    versions:
      v4: effective
`;

/**
 * A scope file in the scs-0003-v1 format; `timeline` and `versions` are YAML blocks, pasted as
 * given, and `afterUrl` top-level lines after the `url` line (`\nvariables: [os_cloud]`).
 */
export function scopeYaml(parts: { timeline?: string; versions?: string; afterUrl?: string } = {}): string {
  const timeline = parts.timeline ?? DEFAULT_TIMELINE;
  const versions =
    parts.versions ??
    `  - version: v5
    stabilized_at: 2024-11-08
    include:
      - scs-0100-v3.1
  - version: v4
    stabilized_at: 2024-02-28
    include: [scs-0100-v3.1]
`;
  return `name: SCS-compatible IaaS
uuid: 50393e6f-2ae1-4c5c-a62c-3b75f2abef3f
url: https://example.invalid/Tests/scs-compatible-iaas.yaml${parts.afterUrl ?? ''}
modules:
  - id: scs-0100-v3.1
    name: Flavor naming v3.1
    url: https://docs.scs.community/standards/scs-0100-v3-flavor-naming
timeline:
${timeline}versions:
${versions}`;
}

/**
 * A scope file (scs-0003-v1) built from a structured timeline and version names, with one
 * module; `padding` comment lines make small edits small in git's eyes (rename detection).
 */
export function scopeYamlFrom(opts: {
  name: string;
  uuid: string;
  timeline: { date: string; versions: Record<string, string> }[];
  versions?: string[];
  padding?: number;
}): string {
  const versions = opts.versions ?? ['v1', 'v2'];
  const lines = ['# -- informal edit log --'];
  for (let i = 0; i < (opts.padding ?? 0); i++)
    lines.push(`# note ${i}: the scope lists its modules, versions and timeline as scs-0003-v1 describes`);
  lines.push(`name: ${opts.name}`, `uuid: ${opts.uuid}`, `url: https://example.invalid/${opts.uuid}.yaml`, 'modules:');
  lines.push(
    '  - id: scs-0100-v1',
    '    name: Flavor naming',
    '    url: https://docs.scs.community/standards/scs-0100-v1-flavor-naming',
  );
  lines.push('timeline:');
  for (const t of opts.timeline) {
    lines.push(`  - date: ${t.date}`, '    versions:');
    for (const [v, s] of Object.entries(t.versions)) lines.push(`      ${v}: ${s}`);
  }
  lines.push('versions:');
  versions.forEach((v, i) =>
    lines.push(`  - version: ${v}`, `    stabilized_at: 2024-0${i + 1}-01`, '    include:', '      - scs-0100-v1'),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * A standard document (scs-0001-v1): front matter in the order given, `type: Standard` and
 * `track: IaaS` unless given (fields left undefined are left out), then `body`.
 */
export function documentMd(fm: { title: string } & Record<string, string | undefined>, body = '<!-- body -->'): string {
  const { title, ...rest } = fm;
  const fields = { title, type: 'Standard', ...rest, track: fm.track ?? 'IaaS' };
  const lines = Object.entries(fields).flatMap(([k, v]) => (v === undefined ? [] : [`${k}: ${v}`]));
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}
