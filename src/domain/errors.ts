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

export function formatProblem(p: Problem): string {
  const where = p.key ? `${p.file}: ${p.key}` : p.file;
  const found = p.value === null ? '' : ` = ${p.value}`;
  return `${where}${found}: ${p.expected}`;
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
    if (cur === null || typeof cur !== 'object' || !(part in (cur as object))) return { found: false, value: undefined };
    cur = (cur as Record<PropertyKey, unknown>)[part];
  }
  return { found: true, value: cur };
}

export function showValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
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

/** Parse with a schema or throw an InputError naming the file. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, file: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InputError(problemsFromZod(file, result.error, input));
  return result.data;
}
