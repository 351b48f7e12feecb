import { describe, expect, it } from 'vitest';
import {
  decodeUtf8,
  firstInvalidUtf8,
  MAX_DEPTH,
  MAX_NODES,
  MAX_YAML_BYTES,
  parseYaml,
} from '../../../src/domain/parse/yaml.ts';
import { caught } from '../../support/input-error.ts';

const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

describe('parseYaml', () => {
  it('keeps unquoted dates as calendar-day strings (core schema), never instants', () => {
    const value = parseYaml(
      'timeline:\n  - date: 2024-11-26\n    versions:\n      v4: effective\nstabilized_at: 2021-01-01T00:00:00Z\n',
      'f.yaml',
    );
    expect(value).toEqual({
      timeline: [{ date: '2024-11-26', versions: { v4: 'effective' } }],
      stabilized_at: '2021-01-01T00:00:00Z',
    });
  });
  it('reads numbers, booleans and null as the core schema says, and version names like 1.0 as numbers', () => {
    expect(parseYaml('a: 1\nb: 1.0\nc: true\nd: ~\ne: yes\n', 'f.yaml')).toEqual({
      a: 1,
      b: 1,
      c: true,
      d: null,
      e: 'yes',
    });
  });
  it('names file, line, column and the line itself on a syntax error', () => {
    const error = caught(() => parseYaml('name: ok\nversions: [v1\nother: x\n', 'Tests/scs-compatible-iaas.yaml'));
    expect(error.problems).toHaveLength(1);
    const [p] = error.problems;
    expect(p!.file).toBe('Tests/scs-compatible-iaas.yaml');
    expect(p!.key).toMatch(/^line \d+, column \d+$/);
    expect(p!.expected).toMatch(/^YAML syntax error: /);
    const line = Number(/^line (\d+)/.exec(p!.key)![1]);
    expect(p!.value).toBe(JSON.stringify('name: ok\nversions: [v1\nother: x\n'.split('\n')[line - 1]));
  });
  it('refuses a duplicate key', () => {
    expect(caught(() => parseYaml('a: 1\na: 2\n', 'f.yaml')).problems[0]!.expected).toMatch(/duplicat/);
  });
  it(`refuses more than ${MAX_DEPTH} levels of nesting, before recursion can exhaust the stack`, () => {
    // MAX_DEPTH collections inside each other are read, one more is refused, in flow and block style.
    expect(parseYaml(nested(MAX_DEPTH), 'f.yaml')).toBeInstanceOf(Array);
    const block = (depth: number) => `${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k:`).join('\n')} 1\n`;
    expect(parseYaml(block(MAX_DEPTH), 'f.yaml')).toHaveProperty('k');
    expect(caught(() => parseYaml(block(MAX_DEPTH + 1), 'f.yaml')).problems[0]!.expected).toBe(
      `expected at most ${MAX_DEPTH} levels of nesting`,
    );
    expect(parseYaml(`${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`, 'f.yaml')).toBeInstanceOf(Array);
    const error = caught(() => parseYaml(nested(MAX_DEPTH + 1), 'f.yaml'));
    expect(error.problems[0]).toMatchObject({
      file: 'f.yaml',
      expected: `expected at most ${MAX_DEPTH} levels of nesting`,
    });
    const deep = caught(() => parseYaml(nested(100_000), 'f.yaml'));
    expect(deep.problems[0]!.expected).toBe(`expected at most ${MAX_DEPTH} levels of nesting`);
  });
  it('counts the nesting an alias adds, which the parser itself does not see', () => {
    // Each anchor is 40 levels deep where it is written; used inside another, the tree is 80 deep.
    const text = `a: &a ${nested(40)}\nb: &b ${nested(39).replace('1', '*a')}\n`;
    const error = caught(() => parseYaml(text, 'alias-depth.yaml'));
    expect(error.problems).toEqual([
      { file: 'alias-depth.yaml', key: '', value: null, expected: `expected at most ${MAX_DEPTH} levels of nesting` },
    ]);
    expect(parseYaml(`a: &a ${nested(20)}\nb: ${nested(20).replace('1', '*a')}\n`, 'f.yaml')).toHaveProperty('b');
  });
  it('refuses an alias bomb: a small file meaning more than MAX_NODES values', () => {
    // Each level holds ten aliases of the one before: 10^6 values in well under a kilobyte.
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 6; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeLessThan(1024);
    const error = caught(() => parseYaml(text, 'bomb.yaml'));
    expect(error.problems).toEqual([
      {
        file: 'bomb.yaml',
        key: '',
        value: null,
        expected: `expected at most ${MAX_NODES} values, an alias counted each time it is used`,
      },
    ]);
  });
  it(`counts scalars: a flat list of ${MAX_NODES} values is refused, one of fewer is read`, () => {
    // The list itself counts as one value.
    const list = (n: number) => `[${new Array<string>(n).fill('0').join(',')}]`;
    expect(parseYaml(list(MAX_NODES - 1), 'f.yaml')).toHaveLength(MAX_NODES - 1);
    expect(caught(() => parseYaml(list(MAX_NODES), 'f.yaml')).problems[0]!.expected).toMatch(/at most 100000 values/);
  });
  it(`refuses more than ${MAX_YAML_BYTES} bytes, counted as UTF-8, before parsing`, () => {
    // Two bytes each: half as many characters as the limit already pass it.
    const text = `# ${'é'.repeat(MAX_YAML_BYTES / 2)}\n`;
    expect(text.length).toBeLessThan(MAX_YAML_BYTES);
    const error = caught(() => parseYaml(text, 'big.yaml'));
    expect(error.problems).toEqual([
      {
        file: 'big.yaml',
        key: '',
        value: `${Buffer.byteLength(text)} bytes`,
        expected: `expected at most ${MAX_YAML_BYTES} bytes of YAML`,
      },
    ]);
    const atLimit = `#${'x'.repeat(MAX_YAML_BYTES - 1)}`;
    // A file of only a comment is an empty document.
    expect(parseYaml(atLimit, 'f.yaml')).toBeNull();
  });
});

describe('firstInvalidUtf8', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  it('finds nothing in valid text of 1 to 4 bytes per character', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('aé€😀'))).toBe(-1);
    expect(firstInvalidUtf8(bytes())).toBe(-1);
  });
  it('points at a stray continuation byte, an overlong form, a surrogate, a code point past U+10FFFF and a truncated sequence', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x61, 0xc0, 0x80))).toBe(1); // overlong "\0"
    expect(firstInvalidUtf8(bytes(0xe0, 0x80, 0x80))).toBe(0); // overlong 3-byte
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xed, 0xa0, 0x80))).toBe(2); // U+D800
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // U+110000
    expect(firstInvalidUtf8(bytes(0xf0, 0x8f, 0xbf, 0xbf))).toBe(0); // overlong 4-byte
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82))).toBe(1); // "€" cut short
    expect(firstInvalidUtf8(bytes(0xff))).toBe(0);
  });
  it('accepts the edges of each range', () => {
    expect(firstInvalidUtf8(bytes(0xed, 0x9f, 0xbf))).toBe(-1); // U+D7FF
    expect(firstInvalidUtf8(bytes(0xf4, 0x8f, 0xbf, 0xbf))).toBe(-1); // U+10FFFF
    expect(firstInvalidUtf8(bytes(0xc2, 0x80))).toBe(-1); // U+0080
  });
  it('agrees with the WHATWG decoder on which inputs are valid', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let a = 0x80; a <= 0xff; a += 3) {
      for (const b of [0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0]) {
        const input = bytes(a, b, 0x80, 0x80);
        let valid = true;
        try {
          decoder.decode(input);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(input) === -1, input.join(',')).toBe(valid);
      }
    }
  });
});

describe('decodeUtf8', () => {
  it('decodes valid UTF-8', () => {
    expect(decodeUtf8(new TextEncoder().encode('name: Größe\n'), 'f.yaml')).toBe('name: Größe\n');
  });
  it('refuses invalid bytes naming the line, the offset and the bytes', () => {
    const input = Uint8Array.from([...new TextEncoder().encode('a: 1\nb: 2\nc: '), 0xff, 0xfe, 0x0a]);
    const error = caught(() => decodeUtf8(input, 'Standards/scs-0100-v3.md'));
    expect(error.problems).toEqual([
      {
        file: 'Standards/scs-0100-v3.md',
        key: 'line 3, byte 13',
        value: '0xff 0xfe 0x0a',
        expected: 'expected UTF-8 text; found bytes that are not valid UTF-8',
      },
    ]);
  });
});
