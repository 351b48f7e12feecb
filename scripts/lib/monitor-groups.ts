/**
 * The compliance monitor's groups (`group-<name>`: the accounts sharing a `group` value),
 * which `GET /status` does not report: it gives subjects one by one and no membership.
 *
 * - `GET <base>markdown/table`: the groups the overview table links (`…/detail/group-<name>/<scope>`).
 * - Besides those, the groups named with `--monitor-group` (or `SCS_MONITOR_GROUPS`), for
 *   groups the table's template does not link.
 * - Per group one `GET <base>markdown/detail/group-<name>/<scope>`: the page lists every
 *   member with a heading in any scope (`_make_detail_view` passes the members as `subjects`,
 *   so each is present with or without results), so one scope is enough: the one the table
 *   links, else the first scope of /status.
 *
 * A request that fails (unreachable, not 200, not Markdown) fails the sync as /status does;
 * a page that does not read as upstream's templates write it is a warning naming the URL and
 * what was expected, and that group is not kept.
 */
import { SubjectId, type MonitorStatus } from '../../src/domain/subjects/monitor-status.ts';
import { groupPageMembers, tableGroups } from '../../src/domain/subjects/monitor-pages.ts';
import { GROUP_PREFIX, type SubjectGroup } from '../../src/domain/subjects/schema.ts';

export interface MonitorGroups {
  groups: SubjectGroup[];
  warnings: string[];
  notes: string[];
  requests: number;
}

/** `--monitor-group acme` → `group-acme`; null when that is no subject name. */
export function groupId(name: string): string | null {
  const id = `${GROUP_PREFIX}${name}`;
  return name !== '' && SubjectId.safeParse(id).success ? id : null;
}

const list = (ids: readonly string[]) => ids.join(', ');

export async function fetchGroups(
  monitor: string,
  status: MonitorStatus,
  named: readonly string[],
  get: (url: string) => Promise<string>,
): Promise<MonitorGroups> {
  const warnings: string[] = [];
  const notes: string[] = [];
  const tableUrl = new URL('markdown/table', monitor).href;
  const table = tableGroups(await get(tableUrl));
  let requests = 1;
  if (table.detailLinks === 0) {
    warnings.push(
      `monitor ${tableUrl}: no link to a detail page (expected links …/detail/<subject>/<scope>, as upstream's overview.md.j2 writes them); groups only from --monitor-group`,
    );
  }
  if (table.refused.length)
    warnings.push(
      `monitor ${tableUrl}: links groups whose names are no subject names, not kept: ${list(table.refused.map((r) => JSON.stringify(r)))}`,
    );

  const wanted = new Map<string, { scope: string | null; linked: boolean }>();
  for (const link of table.groups) wanted.set(link.id, { scope: link.scope, linked: true });
  for (const name of named) {
    const id = groupId(name);
    if (id === null) throw new Error(`not a group name: ${JSON.stringify(name)}`);
    if (!wanted.has(id)) wanted.set(id, { scope: null, linked: false });
  }
  const statusScopes = [...new Set(Object.values(status).flatMap((scopes) => Object.keys(scopes)))].sort();

  const groups: SubjectGroup[] = [];
  const empty: string[] = [];
  for (const [id, { scope, linked }] of [...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const asked = scope ?? statusScopes[0];
    if (asked === undefined) {
      warnings.push(
        `group ${id}: not asked for its members: the monitor reported no scope to ask in (GET /status has no results)`,
      );
      continue;
    }
    const url = new URL(`markdown/detail/${encodeURIComponent(id)}/${encodeURIComponent(asked)}`, monitor).href;
    requests++;
    const page = groupPageMembers(await get(url));
    if ('unknown' in page)
      warnings.push(
        `monitor ${url}: not a group's detail page as upstream's details.md.j2 writes it: ${page.unknown}; group ${id} not kept`,
      );
    else if (page.members.length) groups.push({ id, members: page.members, linked });
    else if (linked) empty.push(id);
    else warnings.push(`group ${id} (named with --monitor-group): no members at the monitor (${url}), not kept`);
  }
  if (empty.length)
    notes.push(
      `${tableUrl} links ${empty.length} group${empty.length === 1 ? '' : 's'} without members at this monitor, not kept: ${list(empty)}`,
    );
  for (const g of groups) {
    if (Object.hasOwn(status, g.id))
      warnings.push(
        `subject ${g.id} of GET /status has the name of group ${g.id.slice(GROUP_PREFIX.length)}; the monitor's pages show the group under that name, so the group is kept, not the subject`,
      );
  }
  return { groups, warnings, notes, requests };
}
