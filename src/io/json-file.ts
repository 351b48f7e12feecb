/**
 * Reading one JSON file and validating it with a schema: the one way `data/`, a pull-request
 * export and the GitHub sync's state are read. Every failure is an InputError naming the file,
 * the key and what was expected.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { InputError, parseOrThrow } from '../domain/parse/errors.ts';

export interface JsonFileExpectation {
  /** What the file should be, said when it is not JSON (and, without `missing`, when it cannot be read). */
  expected: string;
  /** Said instead when the file cannot be read (missing, a directory, no permission). */
  missing?: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  expectation: JsonFileExpectation,
): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError([
      { file, key: '', value: null, expected: expectation.missing ?? `${expectation.expected}: ${messageOf(error)}` },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError([{ file, key: '', value: null, expected: `${expectation.expected}: ${messageOf(error)}` }]);
  }
  return parseOrThrow(schema, json, file);
}
