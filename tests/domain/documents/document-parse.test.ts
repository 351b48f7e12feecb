/**
 * Front matter (scs-0001-v1) on each irregularity of the upstream snapshot: crafted texts
 * that copy each one, then every document of the snapshot itself when ../shared is present.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  documentName,
  documentRef,
  frontMatterText,
  parseDocumentText,
  parsePastLifecycle,
} from '../../../src/domain/documents/document-parse.ts';
import { InputError } from '../../../src/domain/parse/errors.ts';
import { HAVE_SNAPSHOT, snapshotClone } from '../../support/snapshot.ts';

const doc = (lines: string[]) => `${lines.join('\n')}\n\n<!-- body -->\n`;
const FILE = 'Standards/scs-0214-v2-k8s-node-distribution.md';

function problemOf(text: string, file = FILE): string {
  try {
    parseDocumentText(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('expected an InputError');
}

describe('parseDocumentText', () => {
  it('reads a regular document: id, series, version, slug from the file name', () => {
    const parsed = parseDocumentText(
      doc([
        '---',
        'title: Kubernetes Node Distribution and Availability',
        'type: Standard',
        'status: Stable',
        'stabilized_at: 2024-11-21',
        'replaces: scs-0214-v1-k8s-node-distribution.md',
        'track: KaaS',
        '---',
      ]),
      FILE,
    );
    expect(parsed).toEqual({
      id: 'scs-0214-v2',
      series: 'scs-0214',
      version: 'v2',
      slug: 'k8s-node-distribution',
      file: FILE,
      title: 'Kubernetes Node Distribution and Availability',
      type: 'Standard',
      status: 'Stable',
      track: 'KaaS',
      stabilizedAt: '2024-11-21',
      deprecatedAt: null,
      rejectedAt: null,
      replaces: ['scs-0214-v1'],
      replacedBy: [],
      supplements: [],
      description: null,
    });
  });
  it('accepts a UTF-8 BOM before the opening ---', () => {
    const parsed = parseDocumentText(
      `\uFEFF${doc(['---', 'title: Certification of integrators', 'type: Procedural', 'status: Deprecated', 'stabilized_at: 2025-08-01', 'deprecated_at: 2026-04-07', 'replaced_by:', '  - scs-0007-v2-certification-integrators.md', 'track: Global', '---'])}`,
      'Standards/scs-0007-v1-certification-integrators.md',
    );
    expect(parsed).toMatchObject({
      id: 'scs-0007-v1',
      status: 'Deprecated',
      stabilizedAt: '2025-08-01',
      deprecatedAt: '2026-04-07',
      replacedBy: ['scs-0007-v2'],
    });
  });
  it('drops inline # comments after values', () => {
    const parsed = parseDocumentText(
      doc([
        '---',
        'title: Secure Connections',
        'type: Standard  # | Decision Record | Procedural',
        'status: Draft',
        'track: IaaS  # | IaaS | Ops | KaaS | IAM',
        '---',
      ]),
      'Standards/scs-0125-v1-secure-connections.md',
    );
    expect(parsed).toMatchObject({ type: 'Standard', track: 'IaaS', status: 'Draft' });
  });
  it('reads CRLF line endings and a trailing space after a value', () => {
    const parsed = parseDocumentText(
      '---\r\ntitle: X\r\ntype: Standard\r\nstatus: Draft\r\ntrack: Ops \r\nreplaces: scs-0211-v1-kaas-default-storage-class.md \r\n---\r\n',
      'Standards/scs-0211-v2-x.md',
    );
    expect(parsed).toMatchObject({ track: 'Ops', replaces: ['scs-0211-v1'] });
  });
  it('reads replaces as a string, a list, or empty', () => {
    const base = ['---', 'title: X', 'type: Procedural', 'status: Draft', 'track: Global'];
    expect(
      parseDocumentText(
        doc([...base, 'replaces: scs-0002-v1-standards-docs-org.md', '---']),
        'Standards/scs-0002-v2-x.md',
      ).replaces,
    ).toEqual(['scs-0002-v1']);
    expect(
      parseDocumentText(
        doc([...base, 'replaces:', '- scs-0003-v1-sovereign-cloud-standards-yaml.md', '- scs-0003-v0-old.md', '---']),
        'Standards/scs-0003-v2-x.md',
      ).replaces,
    ).toEqual(['scs-0003-v1', 'scs-0003-v0']);
    expect(parseDocumentText(doc([...base, 'replaces:', '---']), 'Standards/scs-0003-v2-x.md').replaces).toEqual([]);
    // A file name that names no document is kept as written.
    expect(
      parseDocumentText(doc([...base, 'replaces: Image-Metadata-Spec.md', '---']), 'Standards/scs-0102-v1-x.md')
        .replaces,
    ).toEqual(['Image-Metadata-Spec.md']);
  });
  it('reads replaced_by, supplements and the early enhances', () => {
    const sup = parseDocumentText(
      doc([
        '---',
        'title: "Implementation hints"',
        'type: Supplement',
        'track: Global',
        'supplements:',
        '  - scs-0004-v1-achieving-certification.md',
        '---',
      ]),
      'Standards/scs-0004-w1-achieving-certification-implementation.md',
    );
    expect(sup).toMatchObject({
      id: 'scs-0004-w1',
      version: 'w1',
      type: 'Supplement',
      status: null,
      supplements: ['scs-0004-v1'],
    });
    const enh = parseDocumentText(
      doc([
        '---',
        'title: SSD Flavors',
        'type: Decision Record',
        'status: Stable',
        'stabilized_at: 2023-06-14',
        'track: IaaS',
        'enhances: scs-0100-v2-flavor-naming.md',
        '---',
      ]),
      'Standards/scs-0110-v1-ssd-flavors.md',
    );
    expect(enh).toMatchObject({ type: 'Decision Record', supplements: ['scs-0100-v2'] });
  });
  it('reads status in any case, and the historical Proposal as Draft', () => {
    const withStatus = (status: string) =>
      parseDocumentText(
        doc(['---', 'title: X', 'type: standard', `status: ${status}`, '---']),
        'Standards/scs-0100-v1-x.md',
      );
    expect(withStatus('stable').status).toBe('Stable');
    expect(withStatus('DRAFT').status).toBe('Draft');
    expect(withStatus('Proposal').status).toBe('Draft');
    expect(withStatus('deprecated').status).toBe('Deprecated');
    expect(withStatus('stable').type).toBe('Standard');
  });
  it('reads the early obsoleted_at as deprecated_at', () => {
    const parsed = parseDocumentText(
      doc([
        '---',
        'title: X',
        'type: Standard',
        'status: Deprecated',
        'stabilized_at: 2021-07-01',
        'obsoleted_at: 2023-10-31',
        '---',
      ]),
      'Standards/scs-0100-v1-x.md',
    );
    expect(parsed.deprecatedAt).toBe('2023-10-31');
  });
  it('lets a supplement go without status, but not a standard', () => {
    expect(problemOf(doc(['---', 'title: X', 'type: Standard', 'track: IaaS', '---']))).toBe(
      `${FILE}: status: missing; expected a status (Draft, Stable, Deprecated, Rejected)`,
    );
  });
  it('falls back to the id when there is no title', () => {
    expect(parseDocumentText(doc(['---', 'type: Standard', 'status: Draft', '---']), FILE).title).toBe('scs-0214-v2');
  });
  it('names file and reason for a document with no front matter at all', () => {
    expect(problemOf('# Kubernetes Node Distribution\n\nText.\n')).toBe(
      `${FILE}: line 1 = "# Kubernetes Node Distribution": expected YAML front matter starting with a --- line (scs-0001-v1)`,
    );
  });
  it('names file and reason for front matter with no closing ---', () => {
    expect(problemOf('---\ntitle: X\ntype: Standard\nstatus: Draft\n\n# Heading\n')).toBe(
      `${FILE}: expected the front matter to end with a --- line`,
    );
  });
  it('names file, key, value and expectation for a bad value', () => {
    expect(problemOf(doc(['---', 'title: X', 'type: Standard', 'status: Finished', '---']))).toBe(
      `${FILE}: status = "Finished": expected one of Draft, Stable, Deprecated, Rejected`,
    );
    expect(
      problemOf(doc(['---', 'title: X', 'type: Standard', 'status: Stable', 'stabilized_at: 2024-02-30', '---'])),
    ).toBe(`${FILE}: stabilized_at = "2024-02-30": expected a calendar day YYYY-MM-DD`);
    expect(problemOf(doc(['---', 'title: X', 'type: Memo', 'status: Draft', '---']))).toBe(
      `${FILE}: type = "Memo": expected one of Standard, Procedural, Decision Record, Supplement`,
    );
  });
  it('names the line for YAML that does not parse', () => {
    expect(problemOf(doc(['---', 'title: X', 'type: Standard', '  status: Draft', '---']))).toMatch(
      /^Standards\/scs-0214-v2-k8s-node-distribution\.md: line 3, column \d+ = "  status: Draft": YAML syntax error/,
    );
  });
  it('refuses front matter that is not a mapping', () => {
    expect(problemOf(doc(['---', '- a', '- b', '---']))).toBe(
      `${FILE}: expected the front matter to be a YAML mapping`,
    );
  });
  it('keeps dates as calendar days (the YAML core schema never makes them instants)', () => {
    const parsed = parseDocumentText(
      doc(['---', 'title: X', 'type: Standard', 'status: Stable', 'stabilized_at: 2024-11-21', '---']),
      FILE,
    );
    expect(typeof parsed.stabilizedAt).toBe('string');
  });
});

describe('parsePastLifecycle (history of a document)', () => {
  it('reads a version that fits scs-0001-v1 like parseDocumentText', () => {
    expect(parsePastLifecycle(doc(['---', 'title: X', 'type: Standard', 'status: Proposal', '---']), FILE)).toEqual({
      status: 'Draft',
      stabilizedAt: null,
      deprecatedAt: null,
      rejectedAt: null,
    });
  });
  it('reads early versions leniently: state for status, no type, a template type', () => {
    // scs-0100-v1 as relocated in 2023 (#315): no type, no status, obsoleted_at.
    expect(
      parsePastLifecycle(
        doc([
          '---',
          'title: SCS Flavor Naming Standard',
          'version: 2022-09-08-002',
          'state: v1.1 (for R3)',
          'obsoleted_at: 2023-10-31',
          '---',
        ]),
        'Standards/scs-0100-v1-flavor-naming.md',
      ),
    ).toEqual({ status: null, stabilizedAt: null, deprecatedAt: '2023-10-31', rejectedAt: null });
    // scs-0002-v2 of 2023-08 (#333): `state: Draft`.
    expect(
      parsePastLifecycle(
        doc(['---', 'title: SCS Documentation structure', 'type: Procedural', 'state: Draft', '---']),
        'Standards/scs-0002-v2-standards-docs-org.md',
      ).status,
    ).toBe('Draft');
    // scs-0301-v1 of 2023-08 (#284): the template's type left in.
    expect(
      parsePastLifecycle(
        doc([
          '---',
          'title: Naming',
          'type: _Standard | Decision Record_',
          'status: Draft',
          'stabilized_at: soon',
          '---',
        ]),
        'Standards/scs-0301-v1-naming-conventions.md',
      ),
    ).toEqual({ status: 'Draft', stabilizedAt: null, deprecatedAt: null, rejectedAt: null });
  });
  it('still refuses a version with no front matter', () => {
    expect(() => parsePastLifecycle('# Title\n', FILE)).toThrow(InputError);
  });
});

describe('documentName, documentRef, frontMatterText', () => {
  it('ignores templates and other files that are not standard documents', () => {
    expect(documentName('Standards/scs-XXXX-vN-standard-template.md')).toBeNull();
    expect(documentName('Standards/scs-XXXX-vN-decision-record-template.md')).toBeNull();
    expect(documentName('Standards/README.md')).toBeNull();
    expect(documentName('Standards/scs-0001-v1-sovereign-cloud-standards.md')).toEqual({
      id: 'scs-0001-v1',
      series: 'scs-0001',
      version: 'v1',
      slug: 'sovereign-cloud-standards',
    });
    expect(documentName('Standards/scs-0121-w1-Availability-Zones-Standard.md')?.id).toBe('scs-0121-w1');
  });
  it('turns file references into ids where it can', () => {
    expect(documentRef('scs-0100-v2-flavor-naming.md')).toBe('scs-0100-v2');
    expect(documentRef('scs-0100-v2')).toBe('scs-0100-v2');
    expect(documentRef('flavor-naming.md')).toBe('flavor-naming.md');
  });
  it('splits front matter off the body', () => {
    expect(frontMatterText('---\na: 1\n---\nbody\n---\n', 'f.md')).toBe('a: 1');
  });
});

describe.skipIf(!HAVE_SNAPSHOT)('front matter of every document in the snapshot', () => {
  const dir = HAVE_SNAPSHOT ? join(snapshotClone(), 'Standards') : '';
  const files = HAVE_SNAPSHOT
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];
  const parse = (f: string) => parseDocumentText(readFileSync(join(dir, f), 'utf8'), `Standards/${f}`);

  it('parses all 102 documents and ignores the 2 templates and the README', () => {
    const docs = files.filter((f) => documentName(f) !== null);
    expect(files.filter((f) => documentName(f) === null)).toEqual([
      'README.md',
      'scs-XXXX-vN-decision-record-template.md',
      'scs-XXXX-vN-standard-template.md',
    ]);
    expect(docs).toHaveLength(102);
    for (const f of docs) expect(() => parse(f), f).not.toThrow();
  });
  it('reads the files with a BOM (scs-0007-v1, scs-0007-v2)', () => {
    const boms = files.filter((f) =>
      readFileSync(join(dir, f))
        .subarray(0, 3)
        .equals(Buffer.from([0xef, 0xbb, 0xbf])),
    );
    expect(boms).toEqual(['scs-0007-v1-certification-integrators.md', 'scs-0007-v2-certification-integrators.md']);
    expect(parse(boms[0]!)).toMatchObject({
      status: 'Deprecated',
      deprecatedAt: '2026-04-07',
      replacedBy: ['scs-0007-v2'],
    });
  });
  it('reads the documents with inline comments, enhances, list and string replaces, supplements', () => {
    expect(parse('scs-0125-v1-secure-connections.md')).toMatchObject({ type: 'Standard', track: 'IaaS' });
    expect(parse('scs-0110-v1-ssd-flavors.md').supplements).toEqual(['scs-0100-v2']);
    expect(parse('scs-0003-v2-sovereign-cloud-standards-testing.md').replaces).toEqual(['scs-0003-v1']);
    expect(parse('scs-0214-v2-k8s-node-distribution.md')).toMatchObject({
      status: 'Stable',
      stabilizedAt: '2024-11-21',
      replaces: ['scs-0214-v1'],
    });
    expect(parse('scs-0004-w1-achieving-certification-implementation.md')).toMatchObject({
      status: null,
      type: 'Supplement',
    });
  });
  it('parses historical versions that said Proposal or obsoleted_at', () => {
    const log = execFileSync(
      'git',
      [
        '-C',
        snapshotClone(),
        'log',
        '--first-parent',
        '--format=%H',
        '-G',
        '^(status: Proposal|obsoleted_at:)',
        '--',
        'Standards/',
      ],
      { encoding: 'utf8' },
    )
      .split('\n')
      .filter(Boolean);
    expect(log.length).toBeGreaterThan(0);
    let seen = 0;
    for (const commit of log) {
      const names = execFileSync(
        'git',
        ['-C', snapshotClone(), 'show', '--format=', '--name-only', commit, '--', 'Standards/'],
        { encoding: 'utf8' },
      )
        .split('\n')
        .filter(Boolean);
      for (const path of names) {
        if (!documentName(path)) continue;
        let text: string;
        try {
          text = execFileSync('git', ['-C', snapshotClone(), 'show', `${commit}:${path}`], { encoding: 'utf8' });
        } catch {
          continue; // deleted in that commit
        }
        if (!/^(status: Proposal|obsoleted_at:)/m.test(text)) continue;
        const parsed = parsePastLifecycle(text, path);
        if (/^status: Proposal/m.test(text)) expect(parsed.status).toBe('Draft');
        if (/^obsoleted_at:/m.test(text)) expect(parsed.deprecatedAt).not.toBeNull();
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
