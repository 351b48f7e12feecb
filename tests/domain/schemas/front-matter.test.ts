import { describe, expect, it } from 'vitest';
import { DocumentStatus, DocumentType, FrontMatter, PastLifecycle } from '../../../src/domain/schemas/front-matter.ts';
import { parseYaml } from '../../../src/domain/parse/yaml.ts';

const fm = (yaml: string) => FrontMatter.safeParse(parseYaml(yaml, 'Standards/scs-0100-v3-flavor-naming.md'));

describe('FrontMatter', () => {
  it('reads a Stable standard with its unquoted dates as calendar days', () => {
    const result = fm(
      'title: SCS Flavor Naming Standard\ntype: Standard\nstatus: Stable\ntrack: IaaS\nstabilized_at: 2023-02-21\nreplaces: scs-0100-v2-flavor-naming.md\n',
    );
    expect(result.data).toMatchObject({
      title: 'SCS Flavor Naming Standard',
      type: 'Standard',
      status: 'Stable',
      track: 'IaaS',
      stabilized_at: '2023-02-21',
      replaces: ['scs-0100-v2-flavor-naming.md'],
    });
  });
  it('reads status and type in any case and with spaces around, as the canonical name', () => {
    expect(fm('type: decision record\nstatus: " STABLE "\n').data).toMatchObject({
      type: 'Decision Record',
      status: 'Stable',
    });
    expect(fm('type: SUPPLEMENT\n').data).toMatchObject({ type: 'Supplement' });
  });
  it('reads "Proposal" (early scs-0001-v1) as Draft', () => {
    expect(fm('type: Standard\nstatus: Proposal\n').data?.status).toBe('Draft');
  });
  it('refuses an unknown status or type, naming the allowed values', () => {
    const status = fm('type: Standard\nstatus: Obsolete\n');
    expect(status.success).toBe(false);
    expect(status.error?.issues[0]).toMatchObject({
      path: ['status'],
      message: `expected one of ${DocumentStatus.options.join(', ')}`,
    });
    const type = fm('type: _Standard | Decision Record_\nstatus: Draft\n');
    expect(type.error?.issues[0]).toMatchObject({
      path: ['type'],
      message: `expected one of ${DocumentType.options.join(', ')}`,
    });
  });
  it('requires a status of every document but a supplement', () => {
    const missing = fm('type: Standard\n');
    expect(missing.error?.issues).toEqual([
      expect.objectContaining({ path: ['status'], message: 'expected a status (Draft, Stable, Deprecated, Rejected)' }),
    ]);
    expect(fm('type: Supplement\n').success).toBe(true);
  });
  it('requires a type', () => {
    expect(fm('status: Draft\n').error?.issues[0]?.path).toEqual(['type']);
  });
  it('refuses a date that is no calendar day, or a time stamp', () => {
    for (const day of ['2023-02-30', '2023-2-21', '2023-02-21T00:00:00Z', '21.02.2023']) {
      expect(fm(`type: Standard\nstatus: Stable\nstabilized_at: ${day}\n`).success, day).toBe(false);
    }
    expect(fm('type: Standard\nstatus: Stable\nstabilized_at: 2024-02-29\n').success).toBe(true);
  });
  it('reads a list of files from a string, a list or null, trimmed and without empty names', () => {
    expect(
      fm('type: Standard\nstatus: Draft\nreplaces: [" a.md ", "", b.md]\nreplaced_by: ~\nsupplements: c.md\n').data,
    ).toMatchObject({ replaces: ['a.md', 'b.md'], replaced_by: [], supplements: ['c.md'] });
    expect(fm('type: Standard\nstatus: Draft\nreplaces: 3\n').success).toBe(false);
  });
  it('keeps the old names obsoleted_at and enhances, and other keys, as written', () => {
    const data = fm(
      'type: Standard\nstatus: Deprecated\nobsoleted_at: 2024-01-01\nenhances: x.md\nauthors: [someone]\n',
    ).data;
    expect(data).toMatchObject({ obsoleted_at: '2024-01-01', enhances: ['x.md'], authors: ['someone'] });
  });
  it('turns a numeric title into text', () => {
    expect(fm('title: 2024\ntype: Standard\nstatus: Draft\n').data?.title).toBe('2024');
  });
  it('refuses an empty track', () => {
    expect(fm('type: Standard\nstatus: Draft\ntrack: "  "\n').success).toBe(false);
  });
});

describe('PastLifecycle', () => {
  it('reads the old `state:` key and a status in any case', () => {
    expect(PastLifecycle.parse({ state: 'proposal', status: 'stable' })).toMatchObject({
      state: 'Draft',
      status: 'Stable',
    });
  });
  it('reads a field that does not fit as absent instead of failing, keeping the fields that do', () => {
    const past = PastLifecycle.parse({
      status: '_Draft | Stable_',
      stabilized_at: '2021-13-01',
      deprecated_at: '2024-05-01',
      rejected_at: 7,
    });
    expect(past).toEqual({
      status: null,
      state: undefined,
      stabilized_at: null,
      deprecated_at: '2024-05-01',
      obsoleted_at: undefined,
      rejected_at: null,
    });
  });
});
