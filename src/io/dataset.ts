/**
 * Reading and writing `data/`. Writes are validated with the same schemas the site uses,
 * then atomic per file (temp file + rename), and skip files whose bytes would not change.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, parseOrThrow, problemsFromZod } from '../domain/parse/errors.ts';
import { Dataset } from '../domain/schemas/data.ts';
import { DATA_FILES, serializeDataset, type DataFileName } from '../domain/dataset/serialize.ts';
import { SUBJECTS_FILE, SubjectsFile } from '../domain/subjects/schema.ts';

/** Read and validate a data directory; throws InputError naming file and key. */
export async function readDataset(dir: string): Promise<Dataset> {
  const parts: Record<string, unknown> = {};
  for (const name of Object.keys(DATA_FILES) as DataFileName[]) {
    const file = join(dir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new InputError([{ file, key: '', value: null, expected: `missing; expected a data directory with ${Object.keys(DATA_FILES).join(', ')} (run npm run sync)` }]);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new InputError([{ file, key: '', value: null, expected: `expected JSON: ${(error as Error).message}` }]);
    }
    parts[name] = parseOrThrow(DATA_FILES[name], json, file);
  }
  return {
    meta: parts['meta.json'] as Dataset['meta'],
    scopes: parts['scopes.json'] as Dataset['scopes'],
    documents: parts['documents.json'] as Dataset['documents'],
    pulls: parts['pulls.json'] as Dataset['pulls'],
  };
}

/** Read a data directory if there is a complete one, else null (first sync). */
export async function readDatasetIfPresent(dir: string): Promise<Dataset | null> {
  if (!existsSync(join(dir, 'meta.json'))) return null;
  return readDataset(dir);
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
}

/**
 * Validate and write a dataset. Nothing is renamed into place before every file has been
 * validated, serialised and written to a temp file beside its target.
 */
export async function writeDataset(dir: string, dataset: Dataset, extra: Record<string, string> = {}): Promise<WriteResult> {
  const checked = Dataset.safeParse(dataset);
  if (!checked.success) throw new InputError(problemsFromZod(join(dir, '(dataset)'), checked.error, dataset));
  // `extra`: files written in the same all-or-nothing step (the GitHub sync's state, subjects).
  return writeFiles(dir, { ...serializeDataset(checked.data), ...extra });
}

/**
 * Write files into a directory all or nothing: every changed file goes to a temp file
 * beside its target first, and only then are they renamed into place. Unchanged files are
 * not touched.
 */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<WriteResult> {
  await mkdir(dir, { recursive: true });
  const result: WriteResult = { written: [], unchanged: [] };
  const temps: { temp: string; target: string }[] = [];
  try {
    for (const name of Object.keys(files)) {
      const target = join(dir, name);
      const current = existsSync(target) ? await readFile(target, 'utf8') : null;
      if (current === files[name]) {
        result.unchanged.push(name);
        continue;
      }
      const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
      temps.push({ temp, target });
      await writeFile(temp, files[name]!, 'utf8');
      result.written.push(name);
    }
    for (const { temp, target } of temps) await rename(temp, target);
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  return result;
}

/** `data/subjects.json` if the data has one (a sync with `--monitor` wrote it), else null. */
export async function readSubjects(dir: string): Promise<SubjectsFile | null> {
  const file = join(dir, SUBJECTS_FILE);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError([{ file, key: '', value: null, expected: `expected JSON: ${(error as Error).message}` }]);
  }
  return parseOrThrow(SubjectsFile, json, file);
}
