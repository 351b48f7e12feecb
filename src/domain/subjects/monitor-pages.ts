/**
 * What the compliance monitor's Markdown pages say about groups, read as upstream's templates
 * write them (`compliance-monitor/templates/`):
 *
 * - `GET /markdown/table` (overview.md.j2) links each listed subject or group to its detail
 *   page, `<base>page/detail/<subject>/<scope>`; a group is linked as `group-<name>`.
 * - `GET /markdown/detail/group-<name>/<scope>` (details.md.j2 via `_make_detail_view`)
 *   resolves the name to the group's members (`_resolve_group`) and gives each member a
 *   section headed `## <subject>: <scope name>`, whether or not it has results in that
 *   scope; with more than one member, a "Jump to" list first. A group without members is the
 *   legend alone.
 *
 * A page that does not read as the template writes it is not guessed at: it is said, with
 * what was expected, and the caller warns.
 */
import { GROUP_PREFIX } from './schema.ts';
import { SubjectId } from './monitor-status.ts';

export interface TableGroupLink {
  /** `group-acme`. */
  id: string;
  /** The scope the table links it in, as written (a uuid or an alias such as `scs-compatible-iaas`). */
  scope: string;
}

export interface TableGroups {
  groups: TableGroupLink[];
  /** Links to any detail page (subjects too); none means the page is not the overview table as known. */
  detailLinks: number;
  /** Links naming a group whose name is no subject name of this tracker. */
  refused: string[];
}

const DETAIL_LINK = /\/detail\/([^/\s)#?]+)\/([^/\s)#?]+)/g;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The groups the overview table links, in the order first linked, each with the first scope it is linked in. */
export function tableGroups(markdown: string): TableGroups {
  const groups = new Map<string, TableGroupLink>();
  const refused = new Set<string>();
  let detailLinks = 0;
  for (const m of markdown.matchAll(DETAIL_LINK)) {
    detailLinks++;
    const subject = decoded(m[1]!);
    if (!subject.startsWith(GROUP_PREFIX)) continue;
    if (!SubjectId.safeParse(subject).success || subject === GROUP_PREFIX) refused.add(subject);
    else if (!groups.has(subject)) groups.set(subject, { id: subject, scope: decoded(m[2]!) });
  }
  return { groups: [...groups.values()], detailLinks, refused: [...refused] };
}

/** A member's heading: `## acme-old: SCS-compatible IaaS`. */
const MEMBER_HEADING = /^## ([A-Za-z0-9][A-Za-z0-9._-]{0,99}): \S/;
/** The legend every detail page starts with (details.md.j2). */
const LEGEND = 'Version numbers are suffixed by a symbol depending on state';
/** A "Jump to" entry: `- [acme-old](#acme-old) 🛑 –`. */
const JUMP_ENTRY = /^- \[([^\]]+)\]\(#([^)]+)\)/;

export type GroupPage = { members: string[] } | { unknown: string };

/** The members a group's detail page lists, or what about the page is not as expected. */
export function groupPageMembers(markdown: string): GroupPage {
  const lines = markdown.split(/\r?\n/);
  const members: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('## ')) continue;
    const m = MEMBER_HEADING.exec(line);
    if (!m)
      return { unknown: `a heading ${JSON.stringify(line.slice(0, 120))}; expected "## <subject>: <scope name>"` };
    if (!members.includes(m[1]!)) members.push(m[1]!);
  }
  if (members.length === 0 && !markdown.includes(LEGEND)) {
    return {
      unknown: `neither a heading "## <subject>: <scope name>" nor the legend "${LEGEND}" of a group without members`,
    };
  }
  const jumpAt = lines.findIndex((l) => l.trim() === 'Jump to');
  if (jumpAt >= 0) {
    const listed = lines
      .slice(jumpAt + 1)
      .filter((l) => JUMP_ENTRY.test(l))
      .map((l) => JUMP_ENTRY.exec(l)![1]!);
    const same = listed.length === members.length && [...listed].sort().join('\n') === [...members].sort().join('\n');
    if (!same)
      return {
        unknown: `its "Jump to" list names ${listed.join(', ') || 'nobody'}, its headings ${members.join(', ') || 'nobody'}; expected the same subjects`,
      };
  }
  return { members: members.sort() };
}
