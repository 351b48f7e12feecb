/**
 * `data/` as Astro content collections, validated by the same zod schemas the sync writes
 * with. SCS_DATA_DIR builds the site from another data directory (benchmarks, tests).
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { Document, Meta, PullRequest, Scope } from './domain/schemas/data.ts';

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
};
