/**
 * What a version of a scope file includes, in either format:
 *
 * - scs-0003-v1: `include` lists module ids (optionally `{ref, parameters}`);
 * - revamped: `test` names a group; a group's `include` lists other groups or testcase ids.
 *
 * Both resolve to the same thing: the modules or groups that test one standard (leaves),
 * with the parameters they are included with. A group that includes testcases (or nothing)
 * is such a leaf; a group that includes groups (a version's own group, `scs-0501-v5`) is
 * expanded, recursively. A file mixing both formats resolves a version's `include` through
 * groups and modules alike.
 */
import { InputError } from '../parse/errors.ts';
import type { Include } from '../schemas/data.ts';

export type IncludeItem = string | { ref: string; parameters?: Record<string, unknown> | undefined };

export interface GroupDef {
  id: string;
  include: readonly IncludeItem[];
}

export function stringifyParameters(params: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = v === null ? '' : String(v);
  return out;
}

function asInclude(item: IncludeItem): Include {
  return typeof item === 'string'
    ? { ref: item, parameters: {} }
    : { ref: item.ref, parameters: stringifyParameters(item.parameters) };
}

/**
 * Resolve include items to leaf modules/groups, first occurrence wins. Throws an InputError
 * naming the group for an include cycle.
 */
export function resolveIncludes(
  items: readonly IncludeItem[],
  groups: readonly GroupDef[],
  moduleIds: ReadonlySet<string>,
  file: string,
): Include[] {
  const byId = new Map(groups.map((g, i) => [g.id, { group: g, index: i }]));
  const out = new Map<string, Include>();
  const emit = (inc: Include) => {
    if (!out.has(inc.ref)) out.set(inc.ref, inc);
  };
  const expand = (inc: Include, stack: readonly string[]) => {
    const found = byId.get(inc.ref);
    if (!found) {
      emit(inc);
      return;
    }
    if (stack.includes(inc.ref)) {
      const parent = byId.get(stack[stack.length - 1]!)!;
      throw new InputError([
        {
          file,
          key: `groups[${parent.index}].include`,
          value: JSON.stringify(inc.ref),
          expected: `includes itself (${[...stack, inc.ref].join(' → ')}); expected groups to include other groups without a cycle`,
        },
      ]);
    }
    const children = found.group.include.map(asInclude);
    // A group may share its id with a testcase it includes (KaaS `cncf-k8s-conformance`): its
    // own id in its include list is that testcase, not the group again.
    const nested = (c: Include) => c.ref !== inc.ref && (byId.has(c.ref) || moduleIds.has(c.ref));
    if (children.length === 0 || children.some((c) => !nested(c))) emit(inc);
    for (const c of children) if (nested(c)) expand(c, [...stack, inc.ref]);
  };
  for (const item of items) expand(asInclude(item), []);
  return [...out.values()];
}
