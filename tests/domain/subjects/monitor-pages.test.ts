/**
 * The monitor's Markdown pages read as its templates write them: the overview table
 * recorded in ../shared/fixtures/compliance-monitor/table.md and the group detail pages
 * recorded from a real run in tests/support/monitor-pages/.
 */
import { describe, expect, it } from 'vitest';
import { groupPageMembers, tableGroups } from '../../../src/domain/subjects/monitor-pages.ts';
import { HAVE_MONITOR_FIXTURES, recorded } from '../../support/monitor-fixtures.ts';
import { recordedPage } from '../../support/monitor-server.ts';

const page = (name: string) => recordedPage(name).toString();

describe.skipIf(!HAVE_MONITOR_FIXTURES)('the overview table', () => {
  it('links seven groups, each in the scope of its table, among 14 links to detail pages', () => {
    const t = tableGroups(recorded('table.md').toString());
    expect(t.detailLinks).toBe(14);
    expect(t.refused).toEqual([]);
    expect(t.groups.map((g) => `${g.id} in ${g.scope}`)).toEqual([
      'group-artcodix in scs-compatible-iaas',
      'group-noris in scs-compatible-kaas',
      'group-scaleup in scs-compatible-kaas',
      'group-syself in scs-compatible-kaas',
      'group-pco-prod in scs-compatible-iaas',
      'group-syseleven in scs-compatible-iaas',
      'group-teuto in scs-compatible-kaas',
    ]);
    expect(Object.keys(t.groups[0]!)).toEqual(['id', 'scope']);
  });
});

describe('links of a table', () => {
  it('a group linked twice counts once, with the scope it is first linked in; encoded names are decoded', () => {
    const md =
      '[a](https://m/page/detail/group-a%2Db/scs-compatible-kaas) [b](https://m/page/detail/group-a-b/uuid-1) [c](https://m/page/detail_full/acme/uuid-1)';
    // `detail_full` is what /table_full links (drafts included), not the table read here.
    expect(tableGroups(md)).toEqual({
      groups: [{ id: 'group-a-b', scope: 'scs-compatible-kaas' }],
      detailLinks: 2,
      refused: [],
    });
  });

  it('refuses a group whose name is no subject name of this tracker', () => {
    const t = tableGroups(
      '[x](https://m/page/detail/group-%3Cscript%3E/uuid) [y](https://m/page/detail/group-/uuid) [z](https://m/page/detail/group-ok/uuid)',
    );
    expect(t.refused).toEqual(['group-<script>', 'group-']);
    expect(t.groups.map((g) => g.id)).toEqual(['group-ok']);
  });

  it('a page without links to detail pages has none', () => {
    expect(tableGroups('# SCS compliance overview\n\nnothing here\n')).toEqual({
      groups: [],
      detailLinks: 0,
      refused: [],
    });
  });
});

describe('a group’s detail page', () => {
  it('names its members by their headings, in any scope, with or without results', () => {
    expect(groupPageMembers(page('detail-group-acme-iaas.md'))).toEqual({ members: ['acme-old'] });
    // acme-old has no KaaS result: the monitor lists it all the same.
    expect(groupPageMembers(page('detail-group-acme-kaas.md'))).toEqual({ members: ['acme-old'] });
    expect(groupPageMembers(page('detail-group-acme-two-members-iaas.md'))).toEqual({
      members: ['acme-cloud', 'acme-old'],
    });
    expect(groupPageMembers(page('detail-group-without-members-iaas.md'))).toEqual({ members: [] });
    expect(groupPageMembers(page('detail-group-acme-two-members-iaas.md').replaceAll('\n', '\r\n'))).toEqual({
      members: ['acme-cloud', 'acme-old'],
    });
  });

  it('a page not as the template writes it is said, with what was expected', () => {
    const two = page('detail-group-acme-two-members-iaas.md');
    expect(groupPageMembers(two.replace('## acme-old: SCS-compatible IaaS', '## Acme Old'))).toEqual({
      unknown: 'a heading "## Acme Old"; expected "## <subject>: <scope name>"',
    });
    expect(groupPageMembers('<html><body>Service Unavailable</body></html>')).toMatchObject({
      unknown: expect.stringMatching(/^neither a heading "## <subject>: <scope name>" nor the legend/),
    });
    // The "Jump to" list and the headings disagree: a member left out of one of them.
    expect(groupPageMembers(two.replace('- [acme-old](#acme-old)', '- [acme-new](#acme-new)'))).toEqual({
      unknown:
        'its "Jump to" list names acme-cloud, acme-new, its headings acme-cloud, acme-old; expected the same subjects',
    });
  });
});
