import { describe, expect, it } from 'vitest';
import {
  API_SCHEMAS,
  API_VERSION,
  ApiPeriod,
  ApiScope,
  ApiScopeSummary,
  ApiScopesFile,
  ApiPullsFile,
} from '../../../src/domain/schemas/api.ts';
import { realData } from '../../support/real-data.ts';

const links = {
  html: '/scopes/iaas/',
  json: '/api/v1/scopes/iaas.json',
  rss: '/feeds/iaas.xml',
  calendar: '/calendars/iaas.ics',
};

describe('the API schemas', () => {
  it('publish one schema per file under distinct names and files', () => {
    expect(API_VERSION).toBe(1);
    const files = Object.values(API_SCHEMAS).map((s) => s.file);
    expect(new Set(files).size).toBe(files.length);
    expect(Object.keys(API_SCHEMAS)).toEqual(['scopes', 'scope', 'standards', 'events', 'pulls']);
  });
  it('wrap every file in the envelope: $schema, apiVersion 1 and the data source', async () => {
    const dataset = await realData();
    const envelope = {
      $schema: 'https://x.invalid/api/v1/schema/pulls.json',
      apiVersion: 1,
      source: dataset.meta.source,
    };
    expect(ApiPullsFile.safeParse({ ...envelope, pulls: dataset.pulls }).success).toBe(true);
    expect(ApiPullsFile.safeParse({ ...envelope, apiVersion: 2, pulls: [] }).success).toBe(false);
    for (const key of ['$schema', 'apiVersion', 'source'] as const) {
      const { [key]: _, ...rest } = envelope;
      for (const { schema } of Object.values(API_SCHEMAS)) expect(schema.safeParse(rest).success, key).toBe(false);
    }
  });
  it('give a summary of a scope without its revisions, and the full scope with them', async () => {
    const [iaas] = (await realData()).scopes;
    const summary = ApiScopeSummary.parse({ ...iaas, periods: [], links });
    expect(summary).not.toHaveProperty('revisions');
    expect(summary.timeline).toEqual(iaas!.timeline);
    expect(ApiScope.parse({ ...iaas, periods: [], links }).revisions).toEqual(iaas!.revisions);
    const { revisions: _, ...withoutRevisions } = iaas!;
    expect(ApiScope.safeParse({ ...withoutRevisions, periods: [], links }).success).toBe(false);
    expect(
      ApiScopesFile.safeParse({
        $schema: 's',
        apiVersion: 1,
        source: (await realData()).meta.source,
        scopes: [{ ...iaas, periods: [], links: { html: '/' } }],
      }).success,
    ).toBe(false);
  });
  it('describe a period by a validity and two calendar days, null meaning unbounded', () => {
    expect(ApiPeriod.safeParse({ validity: 'effective', from: '2024-11-26', to: null }).success).toBe(true);
    expect(ApiPeriod.safeParse({ validity: 'effective', from: null, to: '2025-01-01' }).success).toBe(true);
    expect(ApiPeriod.safeParse({ validity: 'effective', from: '2024-11-26T00:00:00Z', to: null }).success).toBe(false);
    expect(ApiPeriod.safeParse({ validity: 'stable', from: null, to: null }).success).toBe(false);
    expect(ApiPeriod.safeParse({ validity: 'warn', from: '2024-11-26' }).success).toBe(false);
  });
});
