import { beforeAll, describe, expect, it } from 'vitest';
import { deriveEvents } from '../../../src/domain/events/events.ts';
import {
  apiJsonSchema,
  eventsFile,
  pullsFile,
  scopeFile,
  scopesFile,
  standardsFile,
} from '../../../src/domain/feeds/api.ts';
import { API_SCHEMAS, type ApiSchemaName } from '../../../src/domain/schemas/api.ts';
import type { Dataset } from '../../../src/domain/schemas/data.ts';
import { feedContext, movedDataset } from '../../support/datasets.ts';
import { validator } from '../../support/ajv.ts';

let dataset: Dataset;
let files: { name: ApiSchemaName; file: unknown }[];
beforeAll(async () => {
  dataset = await movedDataset();
  const ctx = feedContext(dataset);
  files = [
    { name: 'scopes', file: scopesFile(ctx) },
    ...dataset.scopes.map((s) => ({ name: 'scope' as const, file: scopeFile(ctx, s) })),
    { name: 'standards', file: standardsFile(ctx) },
    { name: 'events', file: eventsFile(ctx, deriveEvents(dataset)) },
    { name: 'pulls', file: pullsFile(ctx) },
  ];
});

describe('JSON API', () => {
  it('validates every file against its published JSON Schema (ajv, draft 2020-12)', () => {
    const ctx = feedContext(dataset);
    for (const { name, file } of files) {
      const validate = validator(apiJsonSchema(ctx, name));
      expect(validate(file), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(file).toMatchObject({
        $schema: `https://feeds.example.test/timeline/api/v1/schema/${name}.json`,
        apiVersion: 1,
        source: dataset.meta.source,
      });
    }
    expect(Object.keys(API_SCHEMAS).sort()).toEqual(['events', 'pulls', 'scope', 'scopes', 'standards']);
  });

  it('publishes schemas that reject what the data never holds', () => {
    const ctx = feedContext(dataset);
    const events = files.find((f) => f.name === 'events')!.file as { events: Record<string, unknown>[] };
    const validate = validator(apiJsonSchema(ctx, 'events'));
    const bad = (patch: Record<string, unknown>) =>
      validate({ ...events, events: [{ ...events.events[0], ...patch }] });
    expect(bad({ date: '2024-02-30' })).toBe(false);
    expect(bad({ date: '20240201' })).toBe(false);
    expect(bad({ kind: 'rumour' })).toBe(false);
    expect(bad({ sequence: -1 })).toBe(false);
    expect(validate({ ...events, apiVersion: 2 })).toBe(false);
    expect(apiJsonSchema(ctx, 'events')).toMatchObject({
      $id: 'https://feeds.example.test/timeline/api/v1/schema/events.json',
      $schema: 'https://json-schema.org/draft/2020-12/schema',
    });
  });

  it('gives each scope its validity periods and links', () => {
    const { scopes } = files.find((f) => f.name === 'scopes')!.file as ReturnType<typeof scopesFile>;
    const iaas = scopes.find((s) => s.id === 'iaas')!;
    expect(iaas).not.toHaveProperty('revisions');
    expect(iaas.periods.find((p) => p.version === 'v4')!.periods).toContainEqual({
      validity: 'warn',
      from: '2025-02-01',
      to: '2025-07-01',
    });
    expect(iaas.links).toEqual({
      html: 'https://feeds.example.test/timeline/scopes/iaas/',
      json: 'https://feeds.example.test/timeline/api/v1/scopes/iaas.json',
      rss: 'https://feeds.example.test/timeline/scopes/iaas/rss.xml',
      calendar: 'https://feeds.example.test/timeline/scopes/iaas/calendar.ics',
    });
    const one = files.find((f) => f.name === 'scope')!.file as ReturnType<typeof scopeFile>;
    expect(one.scope.revisions.length).toBeGreaterThan(5);
  });
});
