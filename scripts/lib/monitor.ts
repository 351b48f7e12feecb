/**
 * The SCS compliance monitor as a source: one `GET /status` with `Accept: application/json`
 * (the monitor answers 406 to anything else), validated with the schema of its answer; then
 * its groups, which /status does not report (./monitor-groups.ts); all turned into the
 * content of `data/subjects.json`. Any failure throws an InputError naming the URL and the
 * field, before anything is written.
 */
import { InputError, problemsFromZod, showValue } from '../../src/domain/parse/errors.ts';
import { stableJson } from '../../src/domain/dataset/serialize.ts';
import { MonitorStatus } from '../../src/domain/subjects/monitor-status.ts';
import { subjectsFromStatus, SubjectsFile } from '../../src/domain/subjects/schema.ts';
import { unknownFields } from '../../src/domain/subjects/unknown-fields.ts';
import { fetchGroups } from './monitor-groups.ts';

/** The production monitor, which the scheduled workflow syncs from. */
export const PRODUCTION_MONITOR = 'https://compliance.sovereignit.cloud/';

/** Warnings name this many unknown fields, then say how many more. */
const MAX_NAMED = 20;

export interface MonitorSync {
  /** The URL asked. */
  url: string;
  file: SubjectsFile;
  /** The bytes of `data/subjects.json`. */
  text: string;
  warnings: string[];
  /** What the sync says besides warnings (groups the table links that have no members). */
  notes: string[];
  /** How many requests were made. */
  requests: number;
}

function fail(url: string, key: string, value: string | null, expected: string): never {
  throw new InputError([{ file: `GET ${url}`, key, value, expected }]);
}

/** `https://host/path` → `https://host/path/`, refusing anything but an http(s) URL. */
export function monitorBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return fail(
      base,
      '',
      showValue(base),
      'expected the base URL of a compliance monitor, e.g. https://compliance.sovereignit.cloud',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail(base, '', showValue(base), 'expected an http or https URL');
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** One GET of the monitor: the body of a 200 answer of the content type expected, else an InputError naming the URL. */
export async function ask(url: string, accept: string, timeoutMs: number): Promise<string> {
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { headers: { accept }, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    body = await response.text();
  } catch (error) {
    const cause =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return fail(url, '', null, `the monitor did not answer: ${cause}`);
  }
  if (response.status !== 200)
    fail(url, 'status', String(response.status), `expected 200; the monitor said ${showValue(body.slice(0, 200))}`);
  const type = response.headers.get('content-type') ?? '';
  if (type.split(';')[0]!.trim().toLowerCase() !== accept)
    fail(url, 'content-type', showValue(type), `expected ${accept}`);
  return body;
}

export interface MonitorOptions {
  timeoutMs?: number;
  /** Groups to ask for besides those the overview table links: their `group` value (`acme` for `group-acme`). */
  groups?: readonly string[];
}

export async function fetchMonitor(base: string, options: MonitorOptions = {}): Promise<MonitorSync> {
  const monitor = monitorBase(base);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const url = new URL('status', monitor).href;
  const body = await ask(url, 'application/json', timeoutMs);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return fail(url, '', showValue(body.slice(0, 80)), `expected JSON: ${(error as Error).message}`);
  }
  const parsed = MonitorStatus.safeParse(json);
  if (!parsed.success) throw new InputError(problemsFromZod(`GET ${url}`, parsed.error, json));
  const unknown = unknownFields(MonitorStatus, json);
  const warnings = unknown.length
    ? [
        `monitor ${url}: ${unknown.length} unknown field${unknown.length === 1 ? '' : 's'}, not kept: ${unknown.slice(0, MAX_NAMED).join(', ')}${unknown.length > MAX_NAMED ? ` and ${unknown.length - MAX_NAMED} more` : ''}`,
      ]
    : [];
  const groups = await fetchGroups(monitor, parsed.data, options.groups ?? [], (u) =>
    ask(u, 'text/markdown', timeoutMs),
  );
  warnings.push(...groups.warnings);
  // A subject of /status named as a group is shown by the monitor's pages as the group (`_resolve_group`).
  const status = Object.fromEntries(
    Object.entries(parsed.data).filter(([id]) => !groups.groups.some((g) => g.id === id)),
  );
  // Validated as the site reads it, so nothing the site would refuse is written.
  const content = subjectsFromStatus(status, monitor, groups.groups);
  const file = SubjectsFile.safeParse(content);
  if (!file.success) throw new InputError(problemsFromZod(`GET ${url} (as data/subjects.json)`, file.error, content));
  return {
    url,
    file: file.data,
    text: stableJson(file.data),
    warnings,
    notes: groups.notes,
    requests: 1 + groups.requests,
  };
}

/** The sync's summary of a monitor answer. */
export function summarizeMonitor(m: MonitorSync): string[] {
  const scopes = m.file.subjects.reduce((n, s) => n + s.scopes.length, 0);
  const groups = m.file.groups.map((g) => `${g.id} (${g.members.join(', ')})`).join(', ') || 'none';
  return [
    `monitor ${m.url}: ${m.file.subjects.length} subjects (${m.file.subjects.map((s) => s.id).join(', ') || 'none'}), ${scopes} scope results; ${m.file.groups.length} group${m.file.groups.length === 1 ? '' : 's'}: ${groups}; ${m.requests} requests`,
    ...m.notes.map((n) => `monitor: ${n}`),
    ...m.warnings.map((w) => `warning: ${w}`),
  ];
}
