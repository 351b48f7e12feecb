/**
 * The static JSON API under `/api/v1/`: one envelope per file, built from the same zod
 * schemas as `data/`, and published as JSON Schema under `/api/v1/schema/`.
 *
 * Versioning: within v1 fields are only added, never renamed, removed or retyped; such a
 * change would be published as `/api/v2/` beside v1.
 */
import { z } from 'zod';
import { Day } from '../days/day.ts';
import { Document, Meta, PullRequest, Scope } from './data.ts';
import { TimelineEvent } from './event.ts';
import { Validity } from './validity.ts';

export const API_VERSION = 1;

const Envelope = z.object({
  /** Absolute URL of the JSON Schema this file conforms to. */
  $schema: z.string(),
  apiVersion: z.literal(API_VERSION),
  /** The upstream commit the data was synced from (the data's own date, not the build's). */
  source: Meta.shape.source,
});

/** A stretch of days with one validity: `from` inclusive, `to` exclusive; null = unbounded. */
export const ApiPeriod = z.object({ validity: Validity, from: Day.nullable(), to: Day.nullable() });

/** Periods of one version by scs-0003-v1, over the whole known timeline (pruned entries kept). */
export const ApiVersionPeriods = z.object({ version: z.string(), periods: z.array(ApiPeriod) });

export const ApiScopeLinks = z.object({
  /** The scope's page. */
  html: z.string(),
  /** This scope with its revisions: `/api/v1/scopes/<id>.json`. */
  json: z.string(),
  rss: z.string(),
  calendar: z.string(),
});

/** A scope without its revisions, plus the validity periods of every version. */
export const ApiScopeSummary = Scope.omit({ revisions: true }).extend({
  periods: z.array(ApiVersionPeriods),
  links: ApiScopeLinks,
});
/** A scope with every revision of its timeline. */
export const ApiScope = Scope.extend({ periods: z.array(ApiVersionPeriods), links: ApiScopeLinks });

export const ApiStandard = Document.extend({ links: z.object({ html: z.string() }) });
export const ApiEvent = TimelineEvent.extend({ links: z.object({ html: z.string() }) });

export const ApiScopesFile = Envelope.extend({ scopes: z.array(ApiScopeSummary) });
export const ApiScopeFile = Envelope.extend({ scope: ApiScope });
export const ApiStandardsFile = Envelope.extend({ standards: z.array(ApiStandard) });
export const ApiEventsFile = Envelope.extend({ events: z.array(ApiEvent) });
export const ApiPullsFile = Envelope.extend({ pulls: z.array(PullRequest) });

export type ApiScopesFile = z.output<typeof ApiScopesFile>;
export type ApiScopeFile = z.output<typeof ApiScopeFile>;
export type ApiStandardsFile = z.output<typeof ApiStandardsFile>;
export type ApiEventsFile = z.output<typeof ApiEventsFile>;
export type ApiPullsFile = z.output<typeof ApiPullsFile>;

/** Every file of the API, by the name of its schema under `/api/v1/schema/<name>.json`. */
export const API_SCHEMAS = {
  scopes: { schema: ApiScopesFile, title: 'Certificate scopes (summary)', file: 'scopes.json' },
  scope: { schema: ApiScopeFile, title: 'One certificate scope with its revisions', file: 'scopes/<id>.json' },
  standards: { schema: ApiStandardsFile, title: 'Standard documents', file: 'standards.json' },
  events: { schema: ApiEventsFile, title: 'Dated changes', file: 'events.json' },
  pulls: { schema: ApiPullsFile, title: 'Pull requests', file: 'pulls.json' },
} as const;
export type ApiSchemaName = keyof typeof API_SCHEMAS;
