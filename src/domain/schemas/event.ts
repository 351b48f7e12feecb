import { z } from 'zod';
import { Day } from '../days/day.ts';
import { Provenance } from './data.ts';
import { DocumentStatus } from './front-matter.ts';
import { Validity } from './validity.ts';

/**
 * One dated change, derived from `data/` (never stored there). The site, the feeds and the
 * CLI all list these. Kinds:
 * - `validity`: a scope version becomes draft / effective / warn / deprecated on `date`;
 * - `document`: a document becomes Stable / Deprecated / Rejected on `date`;
 * - `announced`, `moved`, `withdrawn`: on `date` (the day the commit landed) a transition
 *   was announced for `target`, moved from `previous` to `target`, or withdrawn (its
 *   calendar event then turns `STATUS:CANCELLED`, RFC 5545's word for the same);
 * - `version-added`, `document-added`: a scope version or a document first appeared.
 */
export const EventKind = z.enum([
  'validity',
  'document',
  'announced',
  'moved',
  'withdrawn',
  'version-added',
  'document-added',
]);
export type EventKind = z.output<typeof EventKind>;

export const TimelineEvent = z.object({
  /** Stable across builds: the same transition keeps its id when its date moves. */
  id: z.string(),
  kind: EventKind,
  date: Day,
  scope: z.string().nullable(),
  version: z.string().nullable(),
  validity: Validity.nullable(),
  document: z.string().nullable(),
  state: DocumentStatus.nullable(),
  /** For announcements and moves: the day the change takes effect. */
  target: Day.nullable(),
  /** For moves and withdrawals: the day it had before. */
  previous: Day.nullable(),
  /** The commit and pull request that first announced this (for validity and document events). */
  announced: Provenance.nullable(),
  /** The commit and pull request that last set its date. */
  source: Provenance.nullable(),
  /** Days between announcement and the day it takes effect; negative when announced afterwards. */
  leadDays: z.number().int().nullable(),
  /** How often the date was moved after the announcement (iCal SEQUENCE). */
  sequence: z.number().int().nonnegative(),
  /**
   * The transition the event is about: the id of its `validity` or `document` event
   * (`scope/iaas/v4/warn`), also on the announcements, moves and withdrawals of its date;
   * null for a new scope version or document.
   */
  transition: z.string().nullable(),
  title: z.string(),
});
export type TimelineEvent = z.output<typeof TimelineEvent>;

/** The fields an event leaves empty unless its kind fills them. */
export const NO_DETAILS = {
  scope: null,
  version: null,
  validity: null,
  document: null,
  state: null,
  target: null,
  previous: null,
  announced: null,
  source: null,
  leadDays: null,
  sequence: 0,
  transition: null,
} as const satisfies Partial<TimelineEvent>;
