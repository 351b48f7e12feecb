import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  escapeControls,
  formatProblem,
  InputError,
  keyPath,
  MAX_LIST_ENTRIES,
  MAX_PROBLEMS,
  parseOrThrow,
  problemsFromZod,
  showValue,
} from '../../../src/domain/parse/errors.ts';
import { caught } from '../../support/input-error.ts';

const Entry = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day YYYY-MM-DD'),
  versions: z.record(z.string(), z.enum(['effective', 'warn'])),
});
const File = z.object({ timeline: z.array(Entry) });

describe('escapeControls', () => {
  it('shows line breaks, tabs, C0/C1 controls, DEL, separators and bidi controls as escapes', () => {
    expect(escapeControls('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(escapeControls('\u001b[31mred')).toBe('\\u001b[31mred');
    expect(escapeControls('\u007f\u0085\u009f')).toBe('\\u007f\\u0085\\u009f');
    expect(escapeControls('x\u2028y\u2029z')).toBe('x\\u2028y\\u2029z');
    expect(escapeControls('\u202eevil\u2066\u2069\u200e\u200f')).toBe('\\u202eevil\\u2066\\u2069\\u200e\\u200f');
  });
  it('leaves printable text, including non-Latin letters and emoji, as it is', () => {
    const text = 'Größe: 5 → "ok" ✓ 云 😀 \\n';
    expect(escapeControls(text)).toBe(text);
  });
  it('keeps a CI workflow command from starting a line of its own', () => {
    const out = escapeControls('title\n::error::boom\r\n::add-mask::x');
    expect(out.split('\n')).toHaveLength(1);
    expect(out).not.toMatch(/[\r\n]/);
  });
});

describe('formatProblem and InputError', () => {
  it('names file, key, value and expectation in that order', () => {
    const p = {
      file: 'Tests/scs-compatible-iaas.yaml',
      key: 'timeline[0].versions.v4',
      value: '"effectiv"',
      expected: 'expected one of effective, warn',
    };
    expect(formatProblem(p)).toBe(
      'Tests/scs-compatible-iaas.yaml: timeline[0].versions.v4 = "effectiv": expected one of effective, warn',
    );
  });
  it('leaves out an empty key and a missing value', () => {
    expect(formatProblem({ file: 'f.yaml', key: '', value: null, expected: 'expected YAML' })).toBe(
      'f.yaml: expected YAML',
    );
    expect(formatProblem({ file: 'f.yaml', key: 'a', value: null, expected: 'missing' })).toBe('f.yaml: a: missing');
  });
  it('escapes controls in every part, so a hostile value cannot add a line', () => {
    const line = formatProblem({ file: 'a\nb', key: 'k\r', value: '"x\u001by"', expected: 'e\u202e' });
    expect(line).toBe('a\\nb: k\\r = "x\\u001by": e\\u202e');
  });
  it('is an Error whose message holds one line per problem and keeps the problems', () => {
    const problems = [
      { file: 'a', key: 'x', value: '1', expected: 'e1' },
      { file: 'b', key: '', value: null, expected: 'e2' },
    ];
    const error = new InputError(problems);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InputError');
    expect(error.message.split('\n')).toEqual(['a: x = 1: e1', 'b: e2']);
    expect(error.problems).toBe(problems);
  });
});

describe('keyPath', () => {
  it('joins names with dots and writes indices in brackets', () => {
    expect(keyPath(['timeline', 0, 'versions', 'v4'])).toBe('timeline[0].versions.v4');
    expect(keyPath([0, 'date'])).toBe('[0].date');
    expect(keyPath(['versions', 2, 0])).toBe('versions[2][0]');
    expect(keyPath([])).toBe('');
  });
});

describe('showValue', () => {
  it('shows a value as JSON', () => {
    expect(showValue('effectiv')).toBe('"effectiv"');
    expect(showValue(4)).toBe('4');
    expect(showValue(null)).toBe('null');
    expect(showValue({ a: [1] })).toBe('{"a":[1]}');
  });
  it('shows what JSON leaves out (undefined, a function) as text', () => {
    expect(showValue(undefined)).toBe('undefined');
    expect(showValue(() => 1)).toBe('() => 1');
  });
  it('shortens past 80 characters to 77 and an ellipsis', () => {
    const long = 'x'.repeat(200);
    const shown = showValue(long);
    expect(shown).toHaveLength(80);
    expect(shown).toBe(`"${'x'.repeat(76)}...`);
    // 78 characters of text are 80 of JSON: not shortened.
    expect(showValue('y'.repeat(78))).toBe(`"${'y'.repeat(78)}"`);
  });
  it('shows a value JSON cannot write (a cycle, a BigInt) without throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(showValue(cyclic)).toBe('{…}');
    const list: unknown[] = [];
    list.push(list);
    expect(showValue(list)).toBe('[…]');
    expect(showValue(10n)).toBe('10');
  });
});

describe('problemsFromZod', () => {
  it('gives the key path, the value found and the message of each issue', () => {
    const input = { timeline: [{ date: '2024-13-xx', versions: { v4: 'effectiv' } }] };
    const result = File.safeParse(input);
    expect(result.success).toBe(false);
    const problems = problemsFromZod('Tests/scs-compatible-iaas.yaml', result.error!, input);
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          file: 'Tests/scs-compatible-iaas.yaml',
          key: 'timeline[0].date',
          value: '"2024-13-xx"',
          expected: 'expected a day YYYY-MM-DD',
        },
        expect.objectContaining({
          file: 'Tests/scs-compatible-iaas.yaml',
          key: 'timeline[0].versions.v4',
          value: '"effectiv"',
        }),
      ]),
    );
    expect(problems).toHaveLength(2);
    expect(problems.find((p) => p.key.endsWith('v4'))!.expected).toMatch(/effective.*warn/);
  });
  it('says "missing" for a key the input lacks, with no value', () => {
    const input = { timeline: [{ versions: {} }] };
    const problems = problemsFromZod('f.yaml', File.safeParse(input).error!, input);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ key: 'timeline[0].date', value: null });
    expect(problems[0]!.expected).toMatch(/^missing; /);
  });
  it(`lists at most ${MAX_PROBLEMS} problems, then how many more there are`, () => {
    const input = Array.from({ length: MAX_PROBLEMS + 5 }, (_, i) => i);
    const problems = problemsFromZod('list.json', z.array(z.string()).safeParse(input).error!, input);
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[MAX_PROBLEMS - 1]).toMatchObject({ key: `[${MAX_PROBLEMS - 1}]`, value: String(MAX_PROBLEMS - 1) });
    expect(problems[MAX_PROBLEMS]).toEqual({
      file: 'list.json',
      key: '',
      value: null,
      expected: 'and 5 more problems',
    });
  });
  it('adds no "more" line at exactly the limit', () => {
    const input = Array.from({ length: MAX_PROBLEMS }, (_, i) => i);
    const problems = problemsFromZod('list.json', z.array(z.string()).safeParse(input).error!, input);
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems.every((p) => p.key !== '')).toBe(true);
  });
});

describe('parseOrThrow', () => {
  it('returns the parsed output on valid input', () => {
    const out = parseOrThrow(z.object({ n: z.string().transform(Number) }), { n: '42' }, 'x.json');
    expect(out).toEqual({ n: 42 });
  });
  it('throws an InputError naming file, key, value and expectation', () => {
    const input = { timeline: [{ date: '2024-11-26', versions: { v4: 'effectiv' } }] };
    const error = caught(() => parseOrThrow(File, input, 'Tests/scs-compatible-iaas.yaml'));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({
      file: 'Tests/scs-compatible-iaas.yaml',
      key: 'timeline[0].versions.v4',
      value: '"effectiv"',
    });
    expect(error.message).toMatch(
      /^Tests\/scs-compatible-iaas\.yaml: timeline\[0\]\.versions\.v4 = "effectiv": .*effective/,
    );
  });
  it(`refuses a list of more than ${MAX_LIST_ENTRIES} entries before checking any of them, and accepts exactly that many`, () => {
    let checked = 0;
    const Counted = z.array(z.number().refine(() => ++checked > 0));
    const error = caught(() => parseOrThrow(Counted, new Array<number>(MAX_LIST_ENTRIES + 1).fill(1), 'pulls.json'));
    expect(checked).toBe(0);
    expect(error.problems).toEqual([
      {
        file: 'pulls.json',
        key: '',
        value: `${MAX_LIST_ENTRIES + 1} entries`,
        expected: `expected at most ${MAX_LIST_ENTRIES} entries`,
      },
    ]);
    expect(parseOrThrow(Counted, new Array<number>(MAX_LIST_ENTRIES).fill(1), 'pulls.json')).toHaveLength(
      MAX_LIST_ENTRIES,
    );
  });
  it('says so when nesting exhausts the call stack, instead of a RangeError', () => {
    type Tree = { child?: Tree };
    const Tree: z.ZodType<Tree> = z.lazy(() => z.object({ child: Tree.optional() }));
    let deep: Tree = {};
    for (let i = 0; i < 200_000; i++) deep = { child: deep };
    const error = caught(() => parseOrThrow(Tree, deep, 'deep.json'));
    expect(error.problems).toEqual([
      {
        file: 'deep.json',
        key: '',
        value: null,
        expected: 'expected data nested less deeply (the nesting exhausted the call stack)',
      },
    ]);
  });
  it('lets errors other than bad input through', () => {
    const Broken = z.string().transform(() => {
      throw new TypeError('bug');
    });
    expect(() => parseOrThrow(Broken, 'x', 'f')).toThrow(TypeError);
  });
});
