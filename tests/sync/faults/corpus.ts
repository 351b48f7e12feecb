/**
 * The corpus of broken upstream inputs for the fault tests: scope files broken at the head
 * (one branch each), malformed documents, and broken past revisions, all on top of the
 * valid history of tests/support/upstream-repo.ts, in one repository.
 */
import type { ImportCommit } from '../../../scripts/lib/git-fast-import.ts';
import { baseCommits, SCOPE_PATH, upstreamWithBranches } from '../../support/upstream-repo.ts';
import { documentMd, scopeYaml } from '../../support/upstream-files.ts';

export const TWENTY_MB = 20 * 1024 * 1024;

/** A YAML alias bomb ("billion laughs"): 9^9 strings once every alias is expanded. */
export function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 8; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n${scopeYaml()}`.replace('\nmodules:', `\nbomb: *a8\nmodules:`);
}

export function invalidUtf8Scope(): Uint8Array {
  const text = scopeYaml();
  const at = text.indexOf('SCS-compatible IaaS') + 'SCS-compatible '.length;
  // 0xC3 0x28: a two-byte lead followed by a byte that cannot continue it.
  return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(at))]);
}

export interface HeadCase {
  name: string;
  content: string | Uint8Array;
  /** Fragments stderr must contain: the key, the value and the expectation. */
  says: string[];
}

export const HEAD_CASES: HeadCase[] = [
  {
    name: 'invalid YAML',
    content: scopeYaml().replace('      v4: warn\n', '     v4: warn\n'),
    says: ['line 12, column 6 = "     v4: warn"', 'YAML syntax error: bad indentation'],
  },
  {
    name: 'wrong type (timeline is a string)',
    content: scopeYaml().replace(/timeline:\n[\s\S]*?versions:\n  - version/, 'timeline: soon\nversions:\n  - version'),
    says: ['timeline = "soon"', 'expected array'],
  },
  {
    name: 'wrong type (include is a number)',
    content: scopeYaml({ versions: '  - version: v5\n    include: 7\n  - version: v4\n' }),
    says: ['versions[0].include = 7', 'expected array'],
  },
  {
    name: 'missing key',
    content: scopeYaml().replace(/^uuid: .*\n/m, ''),
    says: ['uuid: missing', 'expected string'],
  },
  {
    name: 'unknown validity code',
    content: scopeYaml().replace('v4: warn', 'v4: effectiv'),
    says: ['timeline[0].versions.v4 = "effectiv"', 'expected one of', '"effective"'],
  },
  {
    name: 'impossible date 2024-02-30',
    content: scopeYaml().replace('date: 2025-02-01', 'date: 2024-02-30'),
    says: ['timeline[0].date = "2024-02-30"', 'expected a calendar day YYYY-MM-DD'],
  },
  {
    name: 'timeline naming an unknown version',
    content: scopeYaml().replace('v4: warn', 'v9: warn'),
    says: [
      'timeline[0].versions.v9 = "warn"',
      'timeline names version "v9"',
      'expected one of the versions listed under versions: (v5, v4)',
    ],
  },
  {
    name: 'duplicate versions',
    content: scopeYaml().replace('  - version: v4', '  - version: v5'),
    says: ['versions[1].version = "v5"', 'duplicate version name'],
  },
  {
    name: 'a 20 MB file',
    content: `${scopeYaml()}# ${'x'.repeat(TWENTY_MB)}\n`,
    says: [`= ${TWENTY_MB + scopeYaml().length + 3} bytes`, 'expected at most 2097152 bytes of YAML'],
  },
  {
    name: 'deep nesting (10 000 nested lists)',
    content: scopeYaml().replace('\nmodules:', `\ndeep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\nmodules:`),
    says: ['line 4, column', '"deep: [[[[', 'expected at most 64 levels of nesting'],
  },
  {
    name: 'deep nesting (block lists on one line)',
    content: scopeYaml().replace('\nmodules:', `\ndeep:\n  ${'- '.repeat(10_000)}x\nmodules:`),
    says: ['line 5, column', 'expected at most 64 levels of nesting'],
  },
  {
    name: 'a list of wrong values (499 timeline entries, under the 500 a file may have)',
    content: scopeYaml().replace(
      /timeline:\n[\s\S]*?versions:\n  - version/,
      `timeline: [${'1, '.repeat(498)}1]\nversions:\n  - version`,
    ),
    says: ['timeline[0] = 1: Invalid input: expected object', 'timeline[19] = 1', 'and 479 more problems'],
  },
  {
    name: 'a long list of wrong values (50 000 timeline entries)',
    content: scopeYaml().replace(
      /timeline:\n[\s\S]*?versions:\n  - version/,
      `timeline: [${'1, '.repeat(49_999)}1]\nversions:\n  - version`,
    ),
    says: ['timeline = [1,1,1,', 'expected at most 500 timeline entries in one scope file'],
  },
  {
    name: 'a list longer than any scope file (200 000 values)',
    content: scopeYaml().replace(
      /timeline:\n[\s\S]*?versions:\n  - version/,
      `timeline: [${'1, '.repeat(199_999)}1]\nversions:\n  - version`,
    ),
    says: ['expected at most 100000 values'],
  },
  {
    name: 'an alias bomb',
    content: aliasBomb(),
    says: ['expected at most 100000 values, an alias counted each time it is used'],
  },
  {
    name: 'invalid UTF-8',
    content: invalidUtf8Scope(),
    says: ['line 1, byte 21 = 0xc3 0x28', 'expected UTF-8 text'],
  },
  {
    name: 'an empty file',
    content: '',
    says: ['expected a YAML mapping with name, uuid, versions and timeline'],
  },
];

export const BROKEN_DOCUMENTS: Record<string, { content: string | Uint8Array; reason: string }> = {
  'Standards/scs-0200-v1-no-end.md': {
    content: '---\ntitle: Front matter that never ends\ntype: Standard\nstatus: Draft\n\n# Body\n',
    reason: 'expected the front matter to end with a --- line',
  },
  'Standards/scs-0201-v1-bad-bytes.md': {
    content: Buffer.concat([
      Buffer.from('---\ntitle: Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\ntype: Standard\nstatus: Draft\n---\n'),
    ]),
    reason: 'line 2, byte 14 = 0xe9 0x0a 0x74 0x79: expected UTF-8 text',
  },
  'Standards/scs-0202-v1-bad-status.md': {
    content: documentMd({ title: 'Unknown status', status: 'Finished' }),
    reason: 'status = "Finished": expected one of Draft, Stable, Deprecated, Rejected',
  },
  'Standards/scs-0203-v1-bad-date.md': {
    content: documentMd({ title: 'Bad date', status: 'Stable', stabilized_at: '2024-02-30' }),
    reason: 'stabilized_at = "2024-02-30": expected a calendar day YYYY-MM-DD',
  },
  'Standards/scs-0204-v1-invalid-yaml.md': {
    content: '---\ntitle: [unclosed\ntype: Standard\n---\n',
    reason: 'YAML syntax error',
  },
  'Standards/scs-0205-v1-huge.md': {
    content: `---\ntitle: Huge\ntype: Standard\nstatus: Draft\ntrack: IaaS\nnote: ${'y'.repeat(TWENTY_MB)}\n---\n`,
    reason: 'expected the front matter to end with a --- line within its first 2097152 bytes',
  },
  'Standards/scs-0206-v1-huge-no-end.md': {
    content: `---\ntitle: Huge\n${'y: z\n'.repeat(TWENTY_MB / 5)}`,
    reason: 'expected the front matter to end with a --- line within its first 2097152 bytes',
  },
};

export const DOCUMENT_COMMITS: ImportCommit[] = [
  {
    message: 'Add documents, some broken (#50)',
    date: '2025-03-01T12:00:00+00:00',
    files: {
      ...Object.fromEntries(Object.entries(BROKEN_DOCUMENTS).map(([path, { content }]) => [path, content])),
      'Standards/scs-0207-v1-fine.md': documentMd({ title: 'A fine new standard', status: 'Draft' }),
    },
  },
];

/** Broken revisions of the scope file in the past, fixed before the head. */
export const HISTORY_COMMITS: ImportCommit[] = [
  {
    message: 'Typo in the timeline (#41)',
    date: '2025-01-20T10:00:00+01:00',
    files: { [SCOPE_PATH]: scopeYaml().replace('v4: warn', 'v4: effectiv') },
  },
  {
    message: 'Huge by mistake (#42)',
    date: '2025-01-21T10:00:00+01:00',
    files: { [SCOPE_PATH]: `${scopeYaml()}# ${'x'.repeat(TWENTY_MB)}\n` },
  },
  { message: 'Bad bytes (#43)', date: '2025-01-22T10:00:00+01:00', files: { [SCOPE_PATH]: invalidUtf8Scope() } },
  { message: 'Fix the scope file (#44)', date: '2025-01-23T10:00:00+01:00', files: { [SCOPE_PATH]: scopeYaml() } },
];

export const BROKEN_AT = '2025-03-01T12:00:00+00:00';
export const caseBranch = (i: number) => `case-${i}`;

/** `main` is the valid history; `case-N` breaks the scope file at the head; `documents` and `history` as above. */
export function faultRepo(): Promise<string> {
  return upstreamWithBranches(baseCommits(), {
    ...Object.fromEntries(
      HEAD_CASES.map((c, i) => [
        caseBranch(i),
        [{ message: `Break the scope file: ${c.name} (#99)`, date: BROKEN_AT, files: { [SCOPE_PATH]: c.content } }],
      ]),
    ),
    documents: DOCUMENT_COMMITS,
    history: HISTORY_COMMITS,
  });
}
