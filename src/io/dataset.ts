/**
 * Reading and writing `data/`. Writes are validated with the same schemas the site uses,
 * then atomic per file (temp file + rename), and skip files whose bytes would not change.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, problemsFromZod } from '../domain/parse/errors.ts';
import { Dataset } from '../domain/schemas/data.ts';
import { DATA_FILES, serializeDataset } from '../domain/dataset/serialize.ts';
import { SUBJECTS_FILE, SubjectsFile } from '../domain/subjects/schema.ts';
import { readJsonFile } from './json-file.ts';

/** Read and validate a data directory; throws InputError naming file and key. */
export async function readDataset(dir: string): Promise<Dataset> {
  const missing = `missing; expected a data directory with ${Object.keys(DATA_FILES).join(', ')} (run npm run sync)`;
  const how = { expected: 'expected JSON', missing };
  // One after another, in the order of DATA_FILES: the first file that fails is the one named.
  const meta = await readJsonFile(join(dir, 'meta.json'), DATA_FILES['meta.json'], how);
  const scopes = await readJsonFile(join(dir, 'scopes.json'), DATA_FILES['scopes.json'], how);
  const documents = await readJsonFile(join(dir, 'documents.json'), DATA_FILES['documents.json'], how);
  const pulls = await readJsonFile(join(dir, 'pulls.json'), DATA_FILES['pulls.json'], how);
  return { meta, scopes, documents, pulls };
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
export async function writeDataset(
  dir: string,
  dataset: Dataset,
  extra: Record<string, string> = {},
): Promise<WriteResult> {
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
  return readJsonFile(file, SubjectsFile, { expected: 'expected JSON' });
}
