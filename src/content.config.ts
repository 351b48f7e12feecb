/**
 * `data/` as Astro content collections, validated by the same zod schemas the sync writes
 * with. SCS_DATA_DIR builds the site from another data directory (benchmarks, tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { Document, Meta, PullRequest, Scope } from './domain/schemas/data.ts';
import { SUBJECTS_FILE, SubjectsFile } from './domain/subjects/schema.ts';

const dir = process.env.SCS_DATA_DIR || 'data';

export const collections = {
  meta: defineCollection({
    loader: file(`${dir}/meta.json`, { parser: (text) => [{ id: 'meta', ...JSON.parse(text) }] }),
    schema: Meta,
  }),
  scopes: defineCollection({ loader: file(`${dir}/scopes.json`), schema: Scope }),
  documents: defineCollection({ loader: file(`${dir}/documents.json`), schema: Document }),
  pulls: defineCollection({
    loader: file(`${dir}/pulls.json`, {
      parser: (text) => (JSON.parse(text) as { number: number }[]).map((p) => ({ id: String(p.number), ...p })),
    }),
    schema: PullRequest,
  }),
  // Only after a sync with --monitor; without the file (or with an empty one) there are no subjects.
  subjects: defineCollection({
    loader: () => {
      const path = `${dir}/${SUBJECTS_FILE}`;
      const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
      return text.trim() === '' ? [] : [{ id: 'subjects', ...JSON.parse(text) }];
    },
    schema: SubjectsFile,
  }),
};
