import { beforeAll, describe, expect, it } from 'vitest';
import { deriveEvents } from '../../../src/domain/events/events.ts';
import type { FeedContext } from '../../../src/domain/feeds/context.ts';
import { announcementOf, effectiveDay, meaningOf, subjectOf, summaryOf } from '../../../src/domain/feeds/meaning.ts';
import type { TimelineEvent } from '../../../src/domain/schemas/event.ts';
import { revision, scope, sha } from '../../support/build-scope.ts';
import {
  feedContext,
  HOSTILE_DOC_ID,
  HOSTILE_PR_TITLE_2,
  MOVED_EVENT_ID,
  movedDataset,
  UNMOVED_EVENT_ID,
  withdrawnDataset,
} from '../../support/datasets.ts';

let moved: FeedContext;
let movedEvents: TimelineEvent[];
let withdrawn: FeedContext;
let withdrawnEvents: TimelineEvent[];
beforeAll(async () => {
  moved = feedContext(await movedDataset());
  movedEvents = deriveEvents(moved.dataset);
  withdrawn = feedContext(await withdrawnDataset());
  withdrawnEvents = deriveEvents(withdrawn.dataset);
});

const byId = (events: TimelineEvent[], id: string) => {
  const found = events.find((e) => e.id === id);
  if (!found) throw new Error(`no event ${id}`);
  return found;
};
const byKind = (events: TimelineEvent[], kind: TimelineEvent['kind'], transition: string) => {
  const found = events.find((e) => e.kind === kind && e.transition === transition);
  if (!found) throw new Error(`no ${kind} event of ${transition}`);
  return found;
};
const REPO_PULL = 'https://github.com/SovereignCloudStack/standards/pull';

describe('effectiveDay', () => {
  it('is the target of an announcement or move, and the event’s own day otherwise', () => {
    expect(effectiveDay(byId(movedEvents, MOVED_EVENT_ID))).toBe('2026-11-01');
    expect(effectiveDay(byKind(movedEvents, 'moved', MOVED_EVENT_ID))).toBe('2026-11-01');
    expect(effectiveDay(byKind(movedEvents, 'announced', MOVED_EVENT_ID))).toBe('2026-10-01');
    const cancelled = byKind(withdrawnEvents, 'withdrawn', MOVED_EVENT_ID);
    expect(effectiveDay(cancelled)).toBe(cancelled.date);
  });
});

describe('subjectOf and summaryOf', () => {
  it('name a scope version by the scope’s short name, and a document by id and title on one line', () => {
    expect(subjectOf(moved, byId(movedEvents, MOVED_EVENT_ID))).toBe('IaaS v5.1');
    const hostile = movedEvents.find((e) => e.document === HOSTILE_DOC_ID && e.kind === 'document')!;
    const subject = subjectOf(moved, hostile);
    expect(subject.startsWith(`${HOSTILE_DOC_ID} (Evil; title, with newline BEGIN:VEVENT`)).toBe(true);
    expect(subject).not.toMatch(/[\r\n]/);
  });
  it('fall back to the bare id of a scope or document the data does not hold', () => {
    const event = byId(movedEvents, MOVED_EVENT_ID);
    expect(subjectOf(moved, { ...event, scope: 'gone', version: 'v9' })).toBe('gone');
    expect(subjectOf(moved, { ...event, scope: null, document: 'scs-9999-v1' })).toBe('scs-9999-v1');
  });
  it('summarise a transition without its date, and other events by their title on one line', () => {
    expect(summaryOf(moved, byId(movedEvents, MOVED_EVENT_ID))).toBe('IaaS v5.1 enters its warn period');
    expect(summaryOf(moved, byId(movedEvents, UNMOVED_EVENT_ID))).toBe('IaaS next becomes effective');
    const announced = byKind(movedEvents, 'announced', MOVED_EVENT_ID);
    expect(summaryOf(moved, { ...announced, title: 'a\r\nb' })).toBe('a b');
  });
});

describe('meaningOf, scope versions', () => {
  it('says a warn period means planning the move to the versions effective on that day', () => {
    // On 2026-11-01 `next` is effective (from 2026-10-01) besides v5.1.
    expect(meaningOf(moved, byId(movedEvents, MOVED_EVENT_ID))).toBe(
      'From 2026-11-01: IaaS v5.1 is still certifiable, but users are warned that it will be deprecated; plan the move to next.',
    );
  });
  it('dates an announcement and a move by the day they take effect, not the day they were made', () => {
    expect(meaningOf(moved, byKind(movedEvents, 'announced', UNMOVED_EVENT_ID))).toBe(
      'From 2026-10-01: IaaS next is effective: providers can be certified against it.',
    );
    expect(meaningOf(moved, byKind(movedEvents, 'moved', MOVED_EVENT_ID))).toMatch(
      /^From 2026-11-01: IaaS v5\.1 is still certifiable/,
    );
  });
  it('names the versions to move to, "a newer version" when none is effective, and lists several with "or"', () => {
    const x = scope([
      revision('2025-01-01', [
        { date: '2025-01-01', versions: { v0: 'deprecated', v1: 'effective', v2: 'effective', v3: 'effective' } },
      ]),
    ]);
    const ctx: FeedContext = { ...moved, dataset: { ...moved.dataset, scopes: [x] } };
    const event: TimelineEvent = {
      ...byId(movedEvents, MOVED_EVENT_ID),
      scope: 'x',
      version: 'v0',
      validity: 'deprecated',
      date: '2025-01-01',
      id: 'scope/x/v0/deprecated',
    };
    expect(meaningOf(ctx, event)).toBe(
      'From 2025-01-01: X v0 is deprecated: no longer certifiable; certificates need v1, v2 or v3.',
    );
    // The day before, nothing is effective yet.
    expect(meaningOf(ctx, { ...event, date: '2024-12-31' })).toBe(
      'From 2024-12-31: X v0 is deprecated: no longer certifiable; certificates need a newer version.',
    );
    expect(meaningOf(ctx, { ...event, validity: 'draft' })).toBe(
      'From 2025-01-01: X v0 is a draft: not certifiable yet; it shows what providers will have to implement next.',
    );
  });
  it('says a withdrawn date is no longer announced, undated', () => {
    expect(meaningOf(withdrawn, byKind(withdrawnEvents, 'withdrawn', MOVED_EVENT_ID))).toBe(
      'The date 2026-11-01 is withdrawn: it is no longer announced that IaaS v5.1 enters its warn period then; watch for a new date.',
    );
  });
});

describe('meaningOf, documents', () => {
  const documentEvent = (state: 'Stable' | 'Deprecated' | 'Rejected'): TimelineEvent => ({
    ...byId(movedEvents, MOVED_EVENT_ID),
    kind: 'document',
    scope: null,
    version: null,
    validity: null,
    document: 'scs-0214-v2',
    state,
    date: '2024-11-21',
    id: `document/scs-0214-v2/${state}`,
    title: 't',
  });
  it('says what Stable, Deprecated and Rejected mean for a provider', () => {
    const title = moved.dataset.documents.find((d) => d.id === 'scs-0214-v2')!.title;
    expect(meaningOf(moved, documentEvent('Stable'))).toBe(
      `From 2024-11-21: scs-0214-v2 (${title}) is Stable: scope versions can require it, and providers should implement it.`,
    );
    expect(meaningOf(moved, documentEvent('Rejected'))).toBe(
      `From 2024-11-21: scs-0214-v2 (${title}) was rejected: it will not become a standard.`,
    );
    expect(meaningOf(moved, documentEvent('Deprecated'))).toBe(
      `From 2024-11-21: scs-0214-v2 (${title}) is Deprecated: it should no longer be relied on.`,
    );
  });
  it('names the documents replacing a deprecated one, on one line each', () => {
    const ctx: FeedContext = {
      ...moved,
      dataset: {
        ...moved.dataset,
        documents: moved.dataset.documents.map((d) =>
          d.id === 'scs-0214-v2' ? { ...d, replacedBy: ['scs-0214-v3', 'x\r\ny'] } : d,
        ),
      },
    };
    expect(meaningOf(ctx, documentEvent('Deprecated'))).toMatch(
      / is Deprecated: it should no longer be relied on; it is replaced by scs-0214-v3, x y\.$/,
    );
  });
  it('says a new document was added, with its state when it has one, undated', () => {
    const added = movedEvents.filter((e) => e.kind === 'document-added');
    const withState = added.find((e) => e.state === 'Draft')!;
    expect(meaningOf(moved, withState)).toBe(`${subjectOf(moved, withState)} was added to the standards as Draft.`);
    const supplement = added.find((e) => e.state === null)!;
    expect(meaningOf(moved, supplement)).toBe(`${subjectOf(moved, supplement)} was added to the standards.`);
  });
});

describe('announcementOf', () => {
  it('names the pull request that set the date by number and address, never by its title, and how often it moved', () => {
    const a = announcementOf(moved, byId(movedEvents, MOVED_EVENT_ID));
    expect(a).toEqual({
      pull: { number: 9999, title: HOSTILE_PR_TITLE_2, url: `${REPO_PULL}/9999` },
      on: '2026-07-22',
      text: `Date set on 2026-07-22 in pull request #9999 (${REPO_PULL}/9999); moved once since it was first announced on 2026-07-20.`,
    });
  });
  it('says an unmoved date was announced, and names a commit where no pull request is known', () => {
    expect(announcementOf(moved, byId(movedEvents, UNMOVED_EVENT_ID)).text).toBe(
      `Announced on 2026-07-20 in pull request #9998 (${REPO_PULL}/9998).`,
    );
    const cancelled = byKind(withdrawnEvents, 'withdrawn', MOVED_EVENT_ID);
    expect(announcementOf(withdrawn, cancelled)).toEqual({
      pull: null,
      on: '2026-07-23',
      text: `Announced on 2026-07-23 in commit ${'c'.repeat(7)}.`,
    });
  });
  it('counts moves in words past one, and says when nothing tracked announced it', () => {
    const event = byId(movedEvents, MOVED_EVENT_ID);
    expect(announcementOf(moved, { ...event, sequence: 3 }).text).toMatch(
      /; moved 3 times since it was first announced on 2026-07-20\.$/,
    );
    expect(announcementOf(moved, { ...event, source: null, announced: null })).toEqual({
      pull: null,
      on: null,
      text: 'Not announced in a tracked change.',
    });
    expect(
      announcementOf(moved, { ...event, source: { commit: sha('z'), date: '2026-07-22', pr: null } }).text,
    ).toMatch(new RegExp(`^Date set on 2026-07-22 in commit ${sha('z').slice(0, 7)}; moved once`));
  });
});
