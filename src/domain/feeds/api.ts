/**
 * The files of the static JSON API (`/api/v1/`) and their JSON Schemas, from the dataset.
 * Pure: the endpoints serialise what these return. Every file is validated against its
 * zod schema before it is returned, so a published file always matches its published schema.
 */
import { z } from 'zod';
import { Day } from '../days/day.ts';
import { allVersionNames, fullTimeline } from '../scopes/scopes.ts';
import {
  API_SCHEMAS,
  API_VERSION,
  ApiEventsFile,
  ApiPullsFile,
  ApiScopeFile,
  ApiScopesFile,
  ApiStandardsFile,
  type ApiSchemaName,
} from '../schemas/api.ts';
import type { Scope } from '../schemas/data.ts';
import type { TimelineEvent } from '../schemas/event.ts';
import { periodsOf } from '../scopes/validity.ts';
import { seriesOf } from '../documents/document-parse.ts';
import { pullHref } from '../pulls/pulls.ts';
import { safeHref } from '../schemas/url.ts';
import { eventPath, siteLink, type FeedContext } from './context.ts';

export const API_BASE = 'api/v1/';

export function schemaUrl(ctx: Pick<FeedContext, 'siteUrl'>, name: ApiSchemaName): string {
  return siteLink(ctx, `${API_BASE}schema/${name}.json`);
}

function envelope(ctx: FeedContext, name: ApiSchemaName) {
  return { $schema: schemaUrl(ctx, name), apiVersion: API_VERSION, source: ctx.dataset.meta.source } as const;
}

function scopeExtras(ctx: FeedContext, scope: Scope) {
  const timeline = fullTimeline(scope);
  return {
    periods: allVersionNames(scope).map((version) => ({ version, periods: periodsOf(timeline, version) })),
    links: {
      html: siteLink(ctx, `scopes/${scope.id}/`),
      json: siteLink(ctx, `${API_BASE}scopes/${scope.id}.json`),
      rss: siteLink(ctx, `scopes/${scope.id}/rss.xml`),
      calendar: siteLink(ctx, `scopes/${scope.id}/calendar.ics`),
    },
  };
}

/** Consumers link a scope's and its modules' `url`: one that is not http(s) is published as null. */
function linkable(scope: Scope): Scope {
  return { ...scope, url: safeHref(scope.url), modules: scope.modules.map((m) => ({ ...m, url: safeHref(m.url) })) };
}

export function scopesFile(ctx: FeedContext): ApiScopesFile {
  const scopes = ctx.dataset.scopes.map(linkable).map(({ revisions: _revisions, ...scope }) => ({
    ...scope,
    ...scopeExtras(ctx, { ...scope, revisions: _revisions }),
  }));
  return ApiScopesFile.parse({ ...envelope(ctx, 'scopes'), scopes });
}

export function scopeFile(ctx: FeedContext, scope: Scope): ApiScopeFile {
  return ApiScopeFile.parse({ ...envelope(ctx, 'scope'), scope: { ...linkable(scope), ...scopeExtras(ctx, scope) } });
}

export function standardsFile(ctx: FeedContext): ApiStandardsFile {
  const standards = ctx.dataset.documents.map((d) => ({
    ...d,
    links: { html: siteLink(ctx, `standards/${seriesOf(d.id)}/`) },
  }));
  return ApiStandardsFile.parse({ ...envelope(ctx, 'standards'), standards });
}

export function eventsFile(ctx: FeedContext, events: readonly TimelineEvent[]): ApiEventsFile {
  return ApiEventsFile.parse({
    ...envelope(ctx, 'events'),
    events: events.map((e) => ({ ...e, links: { html: siteLink(ctx, eventPath(e)) } })),
  });
}

export function pullsFile(ctx: FeedContext): ApiPullsFile {
  // Consumers link `url`: an upstream value that is not http(s) is replaced by the pull request's address.
  const pulls = ctx.dataset.pulls.map((p) => ({ ...p, url: pullHref(p, ctx.dataset.meta.source.repo) }));
  return ApiPullsFile.parse({ ...envelope(ctx, 'pulls'), pulls });
}

/** The JSON Schema of one API file, with `$id` where it is published. */
export function apiJsonSchema(ctx: Pick<FeedContext, 'siteUrl'>, name: ApiSchemaName): Record<string, unknown> {
  const { schema, title, file } = API_SCHEMAS[name];
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'output',
    override: ({ zodSchema, jsonSchema }) => {
      // A refinement has no JSON Schema form: say what a calendar day is.
      if (zodSchema === Day)
        Object.assign(jsonSchema, { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
    },
  });
  return {
    ...json,
    $id: schemaUrl(ctx, name),
    title,
    description: `${siteLink(ctx, API_BASE)}${file}, API version ${API_VERSION}`,
  };
}

/** Stable JSON text: 2-space indent and a trailing newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
