import { describe, expect, it } from 'vitest';
import { EventKind, TimelineEvent } from '../../../src/domain/schemas/event.ts';
import { sha } from '../../support/build-scope.ts';

const warn = {
  id: 'scope/iaas/v5.1/warn',
  kind: 'validity',
  date: '2026-10-01',
  scope: 'iaas',
  version: 'v5.1',
  validity: 'warn',
  document: null,
  state: null,
  target: null,
  previous: null,
  announced: { commit: sha('a'), date: '2026-07-20', pr: 9998 },
  source: { commit: sha('b'), date: '2026-07-22', pr: null },
  leadDays: 73,
  sequence: 1,
  transition: 'scope/iaas/v5.1/warn',
  title: 'v5.1 warn',
} as const;

describe('TimelineEvent', () => {
  it('accepts a validity event as the events module builds it', () => {
    expect(TimelineEvent.parse(warn)).toEqual(warn);
  });
  it('holds the seven kinds of change', () => {
    expect(EventKind.options.join(' ')).toBe(
      'validity document announced moved withdrawn version-added document-added',
    );
    for (const kind of EventKind.options) expect(TimelineEvent.safeParse({ ...warn, kind }).success, kind).toBe(true);
    expect(TimelineEvent.safeParse({ ...warn, kind: 'stabilized' }).success).toBe(false);
  });
  it('refuses a date that is no calendar day, or an instant', () => {
    for (const date of ['2026-02-29', '2026-10-01T00:00:00Z', '1.10.2026', '']) {
      expect(TimelineEvent.safeParse({ ...warn, date }).success, date).toBe(false);
      expect(TimelineEvent.safeParse({ ...warn, kind: 'moved', target: date }).success, date).toBe(false);
      expect(TimelineEvent.safeParse({ ...warn, kind: 'moved', previous: date }).success, date).toBe(false);
    }
    expect(TimelineEvent.safeParse({ ...warn, date: '2028-02-29' }).success).toBe(true);
  });
  it('refuses a validity or document state the data never holds', () => {
    expect(TimelineEvent.safeParse({ ...warn, validity: 'Warn' }).success).toBe(false);
    expect(TimelineEvent.safeParse({ ...warn, kind: 'document', validity: null, state: 'Obsolete' }).success).toBe(
      false,
    );
    expect(TimelineEvent.safeParse({ ...warn, kind: 'document', validity: null, state: 'Deprecated' }).success).toBe(
      true,
    );
  });
  it('refuses a negative or fractional sequence and a fractional lead, but takes a negative lead (announced afterwards)', () => {
    expect(TimelineEvent.safeParse({ ...warn, sequence: -1 }).success).toBe(false);
    expect(TimelineEvent.safeParse({ ...warn, sequence: 0.5 }).success).toBe(false);
    expect(TimelineEvent.safeParse({ ...warn, leadDays: 1.5 }).success).toBe(false);
    expect(TimelineEvent.safeParse({ ...warn, leadDays: -3 }).success).toBe(true);
  });
  it('refuses provenance with a short commit id or a pull request number of 0', () => {
    expect(TimelineEvent.safeParse({ ...warn, source: { ...warn.source, commit: 'abc123' } }).success).toBe(false);
    expect(TimelineEvent.safeParse({ ...warn, announced: { ...warn.announced, pr: 0 } }).success).toBe(false);
  });
  it('requires every field, null where it does not apply', () => {
    for (const key of Object.keys(warn)) {
      const rest: Record<string, unknown> = { ...warn };
      delete rest[key];
      expect(TimelineEvent.safeParse(rest).success, key).toBe(false);
    }
  });
});
