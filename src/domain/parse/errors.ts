/**
 * Errors a user can act on: each names the file, the key, the value found and what was
 * expected (`Tests/scs-compatible-iaas.yaml: timeline[0].versions.v4 = "effectiv": expected one of …`).
 */
import type { z } from 'zod';

export interface Problem {
  file: string;
  /** Dotted key path, `timeline[0].versions.v4`, or '' for the whole file. */
  key: string;
  /** The value found, as JSON (shortened), or null when there was none. */
  value: string | null;
  expected: string;
}

/**
 * Control characters (C0, C1, DEL), line and paragraph separators and bidirectional
 * controls as visible escapes (`\n`, `\u001b`, `\u202e`): upstream text in a message or a
 * CLI line then stays on its line, cannot start a line of its own (a CI log reads
 * `::error::` or `::add-mask::` at a line start as a workflow command) and cannot drive a
 * terminal or reorder what it shows.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\r'
        ? '\\r'
        : c === '\t'
          ? '\\t'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function formatProblem(p: Problem): string {
  const where = p.key ? `${p.file}: ${p.key}` : p.file;
  const found = p.value === null ? '' : ` = ${p.value}`;
  return escapeControls(`${where}${found}: ${p.expected}`);
}

/** Raised for input that does not fit its schema; `problems` say where and why. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let cur: unknown = input;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object' || !(part in (cur as object)))
      return { found: false, value: undefined };
    cur = (cur as Record<PropertyKey, unknown>)[part];
  }
  return { found: true, value: cur };
}

export function showValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // A value nested too deeply for JSON.stringify is too deep for String() as well.
    text = Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A message lists this many problems at most, then says how many more there are. */
export const MAX_PROBLEMS = 20;

/** Turn a zod error on `input` into problems that name file, key, value and expectation. */
export function problemsFromZod(file: string, error: z.ZodError, input: unknown): Problem[] {
  const more = error.issues.length - MAX_PROBLEMS;
  const problems = error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const { found, value } = valueAt(input, issue.path);
    return {
      file,
      key: keyPath(issue.path),
      value: found ? showValue(value) : null,
      expected: found ? issue.message : `missing; ${issue.message}`,
    };
  });
  if (more > 0) problems.push({ file, key: '', value: null, expected: `and ${more} more problems` });
  return problems;
}

/**
 * Entries a list file may hold (a pull-request export, `pulls.json`, …): far above what
 * upstream has (about 1,200 pull requests, 150 documents), far below what exhausts the
 * heap when every entry is wrong (zod collects every issue before the first is shown).
 */
export const MAX_LIST_ENTRIES = 50_000;

function withinStack<T>(run: () => T, file: string): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError)
      throw new InputError([
        {
          file,
          key: '',
          value: null,
          expected: 'expected data nested less deeply (the nesting exhausted the call stack)',
        },
      ]);
    throw error;
  }
}

/**
 * Parse with a schema or throw an InputError naming the file. A list longer than
 * MAX_LIST_ENTRIES is refused before it is checked, and nesting so deep that it exhausts
 * the call stack is said as such, so that no input costs more than the limits allow.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, file: string): z.output<S> {
  if (Array.isArray(input) && input.length > MAX_LIST_ENTRIES) {
    throw new InputError([
      { file, key: '', value: `${input.length} entries`, expected: `expected at most ${MAX_LIST_ENTRIES} entries` },
    ]);
  }
  const result = withinStack(() => schema.safeParse(input), file);
  if (!result.success) throw new InputError(withinStack(() => problemsFromZod(file, result.error, input), file));
  return result.data;
}

/** An error in one line: an InputError's problems joined, else its message. */
export function errorText(error: unknown): string {
  if (error instanceof InputError) return error.problems.map(formatProblem).join('; ');
  return error instanceof Error ? error.message : String(error);
}
