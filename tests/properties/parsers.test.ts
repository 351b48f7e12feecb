/**
 * The parsers of upstream input either return a value or throw their own InputError
 * (src/domain/parse/errors.ts), naming a file: never a TypeError, RangeError or a js-yaml
 * exception, whatever the input. Inputs are arbitrary strings, YAML-looking token soup,
 * and YAML dumps of arbitrary values and of mutated scope files and front matter.
 */
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { dayOfTimestamp, isDay, addDays, Day, DAY_RANGE, inDayRange } from '../../src/domain/days/day.ts';
import { documentName, frontMatterText, parseDocumentText } from '../../src/domain/documents/document-parse.ts';
import { InputError, parseOrThrow } from '../../src/domain/parse/errors.ts';
import { parsePullExport } from '../../src/domain/pulls/pulls.ts';
import { parseScopeText } from '../../src/domain/scopes/scope-parse.ts';
import { decodeUtf8, firstInvalidUtf8, parseYaml } from '../../src/domain/parse/yaml.ts';
import { scopeYaml } from '../support/upstream-files.ts';

const RUNS = { numRuns: 300 };
const FILE = 'Tests/scs-compatible-x.yaml';
const DOC = 'Standards/scs-0100-v3-flavor-naming.md';

/** Run `parse`; it may return anything, or throw an InputError that names `file`. */
function onlyInputError(parse: () => unknown, file: string): void {
  try {
    parse();
  } catch (error) {
    if (!(error instanceof InputError))
      throw new Error(`expected only InputError, got ${String(error)}`, { cause: error });
    expect(error.problems.length).toBeGreaterThan(0);
    for (const p of error.problems) expect(p.file).toBe(file);
  }
}

/** Strings made of YAML's syntax: indicators, anchors, tags, documents, dates, line ends. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '-',
        '- ',
        ':',
        ': ',
        ' ',
        '  ',
        '\n',
        '\r\n',
        '\t',
        '[',
        ']',
        '{',
        '}',
        ',',
        '?',
        '? ',
        '&a ',
        '*a',
        '&b ',
        '*b',
        '<<: ',
        '!!str ',
        '!!binary ',
        '!!timestamp ',
        '!!js/function ',
        '!foo ',
        '|',
        '>',
        '|-',
        '"',
        "'",
        '\\',
        '#',
        '%YAML 1.2\n',
        '---\n',
        '...\n',
        'timeline',
        'versions',
        'date',
        'version',
        'include',
        'effective',
        'warn',
        'v4',
        '2024-02-30',
        '2024-11-22',
        '~',
        'null',
        'true',
        '0x1F',
        '.inf',
        '1e400',
        '__proto__',
        'constructor',
        '\uFEFF',
        '\u0000',
        '\u2028',
        '\uD800',
        'é',
      ),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Arbitrary strings, YAML token soup, and both prefixed by front-matter fences. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  yamlish,
  yamlish.map((y) => `---\n${y}\n---\n`),
  yamlish.map((y) => `\uFEFF---\r\n${y}`),
);

/** YAML dumps of arbitrary JSON-like values. */
const dumped = fc.jsonValue({ maxDepth: 4 }).map((v) => yaml.dump(v, { noRefs: true }));

/** A valid scope file with one key replaced by an arbitrary value, anywhere in the tree. */
const mutatedScope = fc
  .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }))
  .map(([path, value]) => {
    const doc = yaml.load(scopeYaml(), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
    let node: unknown = doc;
    for (let i = 0; i < path.length; i++) {
      if (node === null || typeof node !== 'object') break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[path[i]! % keys.length]!;
      if (i === path.length - 1 || typeof (node as Record<string, unknown>)[key] !== 'object') {
        (node as Record<string, unknown>)[key] = value;
        break;
      }
      node = (node as Record<string, unknown>)[key];
    }
    return yaml.dump(doc, { noRefs: true });
  });

const FRONT_MATTER_KEYS = [
  'title',
  'type',
  'status',
  'track',
  'stabilized_at',
  'deprecated_at',
  'obsoleted_at',
  'rejected_at',
  'replaces',
  'replaced_by',
  'supplements',
  'enhances',
  'description',
];

/** Front matter with the keys scs-0001-v1 knows, holding arbitrary values. */
const frontMatter = fc
  .dictionary(
    fc.constantFrom(...FRONT_MATTER_KEYS),
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('Stable', 'draft', 'Standard', 'Supplement', '2024-02-30', '2024-02-29'),
    ),
  )
  .map((fm) => `---\n${yaml.dump(fm, { noRefs: true })}---\n\nbody\n`);

describe('parsers throw only InputError', () => {
  it('parseYaml', () => {
    fc.assert(
      fc.property(fc.oneof(text, dumped), (t) => onlyInputError(() => parseYaml(t, FILE), FILE)),
      RUNS,
    );
  });

  it('parseScopeText, on any text and on mutated scope files', () => {
    fc.assert(
      fc.property(
        fc.oneof(text, dumped, mutatedScope),
        fc.option(fc.constantFrom('2024-02-29', '2025-01-01'), { nil: null }),
        (t, since) => onlyInputError(() => parseScopeText(t, FILE, since), FILE),
      ),
      RUNS,
    );
  });

  it('frontMatterText and parseDocumentText, on any text and on arbitrary front matter', () => {
    fc.assert(
      fc.property(fc.oneof(text, frontMatter), (t) => {
        onlyInputError(() => frontMatterText(t, DOC), DOC);
        onlyInputError(() => parseDocumentText(t, DOC), DOC);
      }),
      RUNS,
    );
  });

  it('parseDocumentText, on any file name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), frontMatter, (name, t) => {
        const path = `Standards/${name}`;
        onlyInputError(() => parseDocumentText(t, path), path);
        expect(() => documentName(path)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('parsePullExport, on arbitrary JSON and on mutated pull requests', () => {
    // Mostly well-formed, so that the checks after parsing are reached; each field sometimes wrong.
    const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
      fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: bad, weight: 1 });
    const pull = fc.record({
      number: often(fc.integer({ min: 1, max: 2000 }), fc.oneof(fc.integer(), fc.double(), fc.string())),
      title: often(fc.string(), fc.constant(null)),
      state: often(fc.constantFrom('open', 'closed'), fc.constantFrom('merged', '')),
      created_at: fc.constantFrom(
        '2024-02-29T10:00:00Z',
        '2024-02-30T10:00:00Z',
        '2024-13-01T00:00:00+01:00',
        '2024-04-31T23:59:59-02:00',
        'yesterday',
        null,
      ),
      merged_at: fc.option(fc.constantFrom('2025-06-30T24:00:00Z', '2025-06-31T12:00:00Z', '2025-07-01T12:00:00Z'), {
        nil: undefined,
      }),
      labels: often(
        fc.array(fc.oneof(fc.string(), fc.record({ name: fc.string() }))),
        fc.array(fc.integer(), { minLength: 1 }),
      ),
      files: fc.array(fc.string()),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(pull, { maxLength: 3 })), (json) => {
        onlyInputError(() => {
          // What the sync accepts it later reads as calendar days: those must be real days.
          for (const p of parsePullExport(json, 'pulls.json')) {
            for (const t of [p.created_at, p.updated_at, p.closed_at, p.merged_at]) if (t) dayOfTimestamp(t);
          }
        }, 'pulls.json');
      }),
      RUNS,
    );
  });
});

describe('day parsing', () => {
  it('isDay never throws, and accepts exactly the days that survive date arithmetic; the Day schema those within its range', () => {
    const candidates = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(
          ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
    );
    fc.assert(
      fc.property(candidates, (s) => {
        const ok = isDay(s);
        if (ok) expect(addDays(addDays(s, 1), -1)).toBe(s);
        else onlyInputError(() => parseOrThrow(Day, s, 'x.yaml'), 'x.yaml');
        if (ok && inDayRange(s)) expect(parseOrThrow(Day, s, 'x.yaml')).toBe(s);
        if (ok && !inDayRange(s)) expect(() => parseOrThrow(Day, s, 'x.yaml')).toThrow(`expected ${DAY_RANGE}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('the Day schema throws only InputError on any value', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => onlyInputError(() => parseOrThrow(Day, v, 'x.yaml'), 'x.yaml')),
      RUNS,
    );
  });
});

describe('UTF-8 decoding', () => {
  it('refuses exactly what a strict decoder refuses, and points at the first bad byte', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new TextEncoder().encode(s)),
      fc
        .tuple(
          fc.string({ maxLength: 10 }),
          fc.uint8Array({ minLength: 1, maxLength: 3 }),
          fc.string({ maxLength: 10 }),
        )
        .map(([a, b, c]) => new Uint8Array([...new TextEncoder().encode(a), ...b, ...new TextEncoder().encode(c)])),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        let strict: string | null;
        try {
          strict = new TextDecoder('utf-8', { fatal: true }).decode(b);
        } catch {
          strict = null;
        }
        const at = firstInvalidUtf8(b);
        if (strict === null) {
          expect(at).toBeGreaterThanOrEqual(0);
          // Everything before the reported byte is valid UTF-8.
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, at))).not.toThrow();
          onlyInputError(() => decodeUtf8(b, 'f.md'), 'f.md');
        } else {
          expect(at).toBe(-1);
          expect(decodeUtf8(b, 'f.md')).toBe(strict);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
