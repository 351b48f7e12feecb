/**
 * The SCS compliance monitor as a source: one `GET /status` with `Accept: application/json`
 * (the monitor answers 406 to anything else), validated with the schema of its answer, and
 * turned into the content of `data/subjects.json`. Any failure throws an InputError naming
 * the URL and the field, before anything is written.
 */
import { InputError, problemsFromZod, showValue } from '../../src/domain/parse/errors.ts';
import { stableJson } from '../../src/domain/dataset/serialize.ts';
import { MonitorStatus } from '../../src/domain/subjects/monitor-status.ts';
import { subjectsFromStatus, SubjectsFile } from '../../src/domain/subjects/schema.ts';
import { unknownFields } from '../../src/domain/subjects/unknown-fields.ts';

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
    return fail(base, '', showValue(base), 'expected the base URL of a compliance monitor, e.g. https://compliance.sovereignit.cloud');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(base, '', showValue(base), 'expected an http or https URL');
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

export async function fetchMonitor(base: string, options: { timeoutMs?: number } = {}): Promise<MonitorSync> {
  const monitor = monitorBase(base);
  const url = new URL('status', monitor).href;
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
    body = await response.text();
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return fail(url, '', null, `the monitor did not answer: ${cause}`);
  }
  if (response.status !== 200) fail(url, 'status', String(response.status), `expected 200; the monitor said ${showValue(body.slice(0, 200))}`);
  const type = response.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) fail(url, 'content-type', showValue(type), 'expected application/json');
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
    ? [`monitor ${url}: ${unknown.length} unknown field${unknown.length === 1 ? '' : 's'}, not kept: ${unknown.slice(0, MAX_NAMED).join(', ')}${unknown.length > MAX_NAMED ? ` and ${unknown.length - MAX_NAMED} more` : ''}`]
    : [];
  // Validated as the site reads it, so nothing the site would refuse is written.
  const file = SubjectsFile.safeParse(subjectsFromStatus(parsed.data, monitor));
  if (!file.success) throw new InputError(problemsFromZod(`GET ${url} (as data/subjects.json)`, file.error, subjectsFromStatus(parsed.data, monitor)));
  return { url, file: file.data, text: stableJson(file.data), warnings };
}

/** The sync's summary of a monitor answer. */
export function summarizeMonitor(m: MonitorSync): string[] {
  const scopes = m.file.subjects.reduce((n, s) => n + s.scopes.length, 0);
  return [`monitor ${m.url}: ${m.file.subjects.length} subjects (${m.file.subjects.map((s) => s.id).join(', ') || 'none'}), ${scopes} scope results`, ...m.warnings.map((w) => `warning: ${w}`)];
}
