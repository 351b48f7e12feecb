/**
 * YAML parsing for upstream files, with limits so that a hostile file (huge, deeply
 * nested, alias bombs) fails with a clear error instead of exhausting the machine.
 *
 * The core schema (YAML 1.2) keeps unquoted dates such as `2024-11-26` as strings:
 * lifecycle dates are calendar days and must never become instants.
 */
import yaml from 'js-yaml';
import { InputError, showValue } from './errors.ts';

/** Upstream scope files are ~30 KB; anything past this is not a scope file. */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;
export const MAX_DEPTH = 64;
/**
 * Every value counts, scalars too, and an alias each time it is used: aliases share
 * objects in js-yaml, so a small file can still mean a huge tree (an alias bomb), and
 * a long list of wrong values would make validation report each of them. The largest
 * upstream scope file has about 2,000 values.
 */
export const MAX_NODES = 100_000;

function checkShape(value: unknown, file: string): void {
  let nodes = 0;
  const walk = (v: unknown, depth: number, stack: Set<unknown>): void => {
    if (v === null || typeof v !== 'object') {
      if (++nodes > MAX_NODES)
        throw new InputError([
          {
            file,
            key: '',
            value: null,
            expected: `expected at most ${MAX_NODES} values, an alias counted each time it is used`,
          },
        ]);
      return;
    }
    // `depth` counts from 0: a collection at MAX_DEPTH is the (MAX_DEPTH + 1)th level.
    if (depth >= MAX_DEPTH) {
      throw new InputError([
        { file, key: '', value: null, expected: `expected at most ${MAX_DEPTH} levels of nesting` },
      ]);
    }
    if (++nodes > MAX_NODES || stack.has(v)) {
      // `stack` guards against a cycle, should a parser ever build one.
      throw new InputError([
        {
          file,
          key: '',
          value: null,
          expected: `expected at most ${MAX_NODES} values, an alias counted each time it is used`,
        },
      ]);
    }
    stack.add(v);
    for (const child of Object.values(v)) walk(child, depth + 1, stack);
    stack.delete(v);
  };
  walk(value, 0, new Set());
}

/** The line a parse error points at, shortened, as the value the message shows. */
function lineAt(text: string, line: number): string | null {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return null;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return showValue(text.slice(start, end < 0 ? undefined : Math.min(end, start + 200)).replace(/\r$/, ''));
}

export function parseYaml(text: string, file: string): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) {
    throw new InputError([
      { file, key: '', value: `${bytes} bytes`, expected: `expected at most ${MAX_YAML_BYTES} bytes of YAML` },
    ]);
  }
  // js-yaml's own nesting limit (`maxDepth`, missing from its type definitions) stops deep
  // nesting while parsing, before its recursion can exhaust the stack. It counts a scalar as a
  // level too, one inside a flow collection as two: past MAX_DEPTH + 2 it stops, and the exact
  // limit is checkShape's, the same for every style.
  const options = { schema: yaml.CORE_SCHEMA, filename: file, json: false, maxDepth: MAX_DEPTH + 2 };
  let value: unknown;
  try {
    value = yaml.load(text, options);
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const mark = error.mark;
    const key = mark ? `line ${mark.line + 1}, column ${mark.column + 1}` : '';
    const expected = /maxDepth/.test(error.reason)
      ? `expected at most ${MAX_DEPTH} levels of nesting`
      : `YAML syntax error: ${error.reason}`;
    throw new InputError([{ file, key, value: mark ? lineAt(text, mark.line) : null, expected }]);
  }
  checkShape(value, file);
  return value;
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence (WHATWG decoding rules). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Decode upstream bytes as UTF-8, refusing invalid sequences rather than guessing. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Say where: the line and the offending bytes, so the file can be fixed.
    const at = Math.max(0, firstInvalidUtf8(bytes));
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    const shown = [...bytes.subarray(at, at + 4)].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
    throw new InputError([
      {
        file,
        key: `line ${line}, byte ${at}`,
        value: shown,
        expected: 'expected UTF-8 text; found bytes that are not valid UTF-8',
      },
    ]);
  }
}
