import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../../src/domain/parse/errors.ts';
import { readJsonFile } from '../../src/io/json-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'scs-json-file-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const Schema = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day') });

async function problem(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error instanceof InputError ? error.problems : [];
}

describe('readJsonFile', () => {
  it('returns what the schema gives', async () => {
    expect(await readJsonFile(file('ok.json', '{"day":"2025-01-15"}'), Schema, { expected: 'expected JSON' })).toEqual({
      day: '2025-01-15',
    });
  });

  it('names the file and says what was expected when it is not JSON', async () => {
    const path = file('bad.json', '{"day":');
    const [p] = await problem(readJsonFile(path, Schema, { expected: 'expected a day file' }));
    expect(p?.file).toBe(path);
    expect(p?.expected).toMatch(/^expected a day file: .*JSON/);
  });

  it('says `missing` for a file that cannot be read, else what was expected with the reason', async () => {
    const path = join(dir, 'absent.json');
    expect(
      (await problem(readJsonFile(path, Schema, { expected: 'expected JSON', missing: 'missing; run the sync' })))[0]
        ?.expected,
    ).toBe('missing; run the sync');
    expect((await problem(readJsonFile(path, Schema, { expected: 'expected an export' })))[0]?.expected).toMatch(
      /^expected an export: ENOENT/,
    );
  });

  it('names the key and value the schema refuses', async () => {
    const [p] = await problem(
      readJsonFile(file('wrong.json', '{"day":"soon"}'), Schema, { expected: 'expected JSON' }),
    );
    expect(p).toMatchObject({ key: 'day', expected: 'expected a day' });
  });
});
