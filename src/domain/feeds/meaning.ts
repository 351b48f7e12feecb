/**
 * What a dated change means for a cloud provider, in words: the text of calendar
 * DESCRIPTIONs and feed items. Scope validities follow scs-0003-v1 ("timeline"): `draft` is
 * in preparation, `effective` is certifiable, `warn` is still certifiable while users are
 * warned, `deprecated` is no longer certifiable. Document states follow scs-0001-v1.
 */
import type { Day } from '../days/day.ts';
import { transitionPhrase } from '../events/event-words.ts';
import { allVersionNames, fullTimeline, shortName } from '../scopes/scopes.ts';
import type { Scope } from '../schemas/data.ts';
import type { TimelineEvent } from '../schemas/event.ts';
import type { TimelineEntry } from '../schemas/scope-file.ts';
import { validitiesOn } from '../scopes/validity.ts';
import { findDocument, findScopeById, pullOf, singleLine, type FeedContext, type PullRef } from './context.ts';

// Every event of a scope asks for the same whole timeline: derive it once per scope object.
const timelines = new WeakMap<Scope, { timeline: TimelineEntry[]; versions: string[] }>();
function wholeTimeline(scope: Scope) {
  let found = timelines.get(scope);
  if (!found) {
    found = { timeline: fullTimeline(scope), versions: allVersionNames(scope) };
    timelines.set(scope, found);
  }
  return found;
}

/** Versions of the event's scope that are effective on its day, other than its own. */
function effectiveOthers(ctx: FeedContext, event: TimelineEvent, day: Day): string[] {
  const scope = findScopeById(ctx, event.scope);
  if (!scope) return [];
  const { timeline, versions } = wholeTimeline(scope);
  return validitiesOn(timeline, versions, day)
    .filter((v) => v.validity === 'effective' && v.version !== event.version)
    .map((v) => v.version);
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** A short name for what the event is about: `IaaS v4`, `scs-0214-v2 (Node distribution)`. */
export function subjectOf(ctx: FeedContext, event: TimelineEvent): string {
  const scope = findScopeById(ctx, event.scope);
  if (scope) return singleLine(`${shortName(scope)}${event.version ? ` ${event.version}` : ''}`);
  const doc = findDocument(ctx, event.document);
  if (doc) return singleLine(`${doc.id} (${doc.title})`);
  return singleLine(event.document ?? event.scope ?? '');
}

/** A calendar summary: the title without the date, which the calendar shows anyway. */
export function summaryOf(ctx: FeedContext, event: TimelineEvent): string {
  const subject = subjectOf(ctx, event);
  // A version and its scope document on one transition: "IaaS v5.1 (scs-0501-v5) becomes effective".
  if (event.kind === 'validity' && event.validity)
    return transitionPhrase(event.document ? `${subject} (${singleLine(event.document)})` : subject, {
      validity: event.validity,
    });
  if (event.kind === 'document' && event.state) return transitionPhrase(subject, { state: event.state });
  return singleLine(event.title);
}

/** The day a change takes effect: its own day, or the target of an announcement or move. */
export function effectiveDay(event: TimelineEvent): Day {
  return event.kind === 'announced' || event.kind === 'moved' ? (event.target ?? event.date) : event.date;
}

/** What the change means for a provider (one or two sentences, plain text). */
export function meaningOf(ctx: FeedContext, event: TimelineEvent): string {
  const text = meaningText(ctx, event);
  const dated =
    event.kind === 'validity' || event.kind === 'announced' || event.kind === 'moved' || event.kind === 'document';
  return dated ? `From ${effectiveDay(event)}: ${text}` : text;
}

function meaningText(ctx: FeedContext, event: TimelineEvent): string {
  const subject = subjectOf(ctx, event);
  const validity =
    event.kind === 'validity' || event.kind === 'announced' || event.kind === 'moved' ? event.validity : null;
  if (validity) {
    const others = effectiveOthers(ctx, event, effectiveDay(event));
    const moveTo = others.length > 0 ? list(others) : 'a newer version';
    switch (validity) {
      case 'draft':
        return `${subject} is a draft: not certifiable yet; it shows what providers will have to implement next.`;
      case 'effective':
        return `${subject} is effective: providers can be certified against it.`;
      case 'warn':
        return `${subject} is still certifiable, but users are warned that it will be deprecated; plan the move to ${moveTo}.`;
      case 'deprecated':
        return `${subject} is deprecated: no longer certifiable; certificates need ${moveTo}.`;
    }
  }
  if (event.kind === 'withdrawn') {
    const what = event.validity
      ? transitionPhrase(subject, { validity: event.validity })
      : event.state
        ? transitionPhrase(subject, { state: event.state })
        : subject;
    return `The date ${event.previous ?? ''} is withdrawn: it is no longer announced that ${what} then; watch for a new date.`;
  }
  if (event.kind === 'version-added')
    return `${subject} is a new version of the scope: see what it includes and when it becomes effective.`;
  const doc = findDocument(ctx, event.document);
  const state = event.state;
  if (event.kind === 'document-added') return `${subject} was added to the standards${state ? ` as ${state}` : ''}.`;
  switch (state) {
    case 'Stable':
      return `${subject} is Stable: scope versions can require it, and providers should implement it.`;
    case 'Deprecated': {
      const by = doc?.replacedBy.length ? `; it is replaced by ${doc.replacedBy.map(singleLine).join(', ')}` : '';
      return `${subject} is Deprecated: it should no longer be relied on${by}.`;
    }
    case 'Rejected':
      return `${subject} was rejected: it will not become a standard.`;
    default:
      return singleLine(event.title);
  }
}

export interface Announcement {
  /** The pull request that set the date now in force (or made the change). */
  pull: PullRef | null;
  /** The day the change became known. */
  on: string | null;
  /** A sentence about the announcement, plain text. */
  text: string;
}

/** Who announced the change, when, and how often its date moved since. */
export function announcementOf(ctx: FeedContext, event: TimelineEvent): Announcement {
  const source = event.source ?? event.announced;
  const pull = pullOf(ctx, source);
  // The pull request by number and address, once; not by its title, which speaks of
  // versions in its own words ("IaaS v6" for the version the scope file calls `next`).
  const by = pull
    ? ` in pull request #${pull.number} (${pull.url})`
    : source
      ? ` in commit ${source.commit.slice(0, 7)}`
      : '';
  if (!source) return { pull, on: null, text: 'Not announced in a tracked change.' };
  let text = `Announced on ${source.date}${by}.`;
  if ((event.kind === 'validity' || event.kind === 'document') && event.sequence > 0 && event.announced) {
    text = `Date set on ${source.date}${by}; moved ${event.sequence === 1 ? 'once' : `${event.sequence} times`} since it was first announced on ${event.announced.date}.`;
  }
  return { pull, on: source.date, text };
}
