/**
 * YAML parsing for upstream files, with limits so that a hostile file (huge, deeply
 * nested, alias bombs) fails with a clear error instead of exhausting the machine.
 *
 * The core schema (YAML 1.2) keeps unquoted dates such as `2024-11-26` as strings:
 * lifecycle dates are calendar days and must never become instants.
 */
import yaml from 'js-yaml';
import { InputError } from './errors.ts';

/** Upstream scope files are ~30 KB; anything past this is not a scope file. */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 64;
/** Aliases share objects in js-yaml; walking them could still explode, so count nodes. */
const MAX_NODES = 200_000;

function checkShape(value: unknown, file: string): void {
  let nodes = 0;
  const walk = (v: unknown, depth: number, stack: Set<unknown>): void => {
    if (v === null || typeof v !== 'object') return;
    if (depth > MAX_DEPTH) {
      throw new InputError([{ file, key: '', value: null, expected: `expected at most ${MAX_DEPTH} levels of nesting` }]);
    }
    if (++nodes > MAX_NODES || stack.has(v)) {
      throw new InputError([{ file, key: '', value: null, expected: `expected at most ${MAX_NODES} values without recursive aliases` }]);
    }
    stack.add(v);
    for (const child of Object.values(v)) walk(child, depth + 1, stack);
    stack.delete(v);
  };
  walk(value, 0, new Set());
}

export function parseYaml(text: string, file: string): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) {
    throw new InputError([{ file, key: '', value: `${bytes} bytes`, expected: `expected at most ${MAX_YAML_BYTES} bytes of YAML` }]);
  }
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file, json: false });
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const mark = error.mark;
    const key = mark ? `line ${mark.line + 1}, column ${mark.column + 1}` : '';
    throw new InputError([{ file, key, value: null, expected: `YAML syntax error: ${error.reason}` }]);
  }
  checkShape(value, file);
  return value;
}

/** Decode upstream bytes as UTF-8, refusing invalid sequences rather than guessing. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError([{ file, key: '', value: null, expected: 'expected UTF-8 text; found bytes that are not valid UTF-8' }]);
  }
}
