import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/days/day.ts';
import {
  documentStateOn,
  documentTransitions,
  lifecycleMove,
  type Lifecycle,
} from '../../../src/domain/documents/document-state.ts';

const stateOn = (doc: Lifecycle, day: string) => documentStateOn(doc, day).state;

/** The state the day before, of and after a transition day. */
function around(doc: Lifecycle, day: string) {
  return [stateOn(doc, addDays(day, -1)), stateOn(doc, day), stateOn(doc, addDays(day, 1))];
}

describe('documentStateOn (scs-0001-v1 "Document lifecycle")', () => {
  it('Draft stays Draft whatever the day', () => {
    const doc: Lifecycle = { status: 'Draft', stabilizedAt: null, deprecatedAt: null };
    expect(documentStateOn(doc, '2024-01-01')).toEqual({ state: 'Draft', next: null });
    expect(documentStateOn(doc, '2099-01-01')).toEqual({ state: 'Draft', next: null });
  });
  it('Stable with a past stabilized_at is Stable, and Draft before that day', () => {
    const doc: Lifecycle = { status: 'Stable', stabilizedAt: '2024-11-21', deprecatedAt: null };
    expect(around(doc, '2024-11-21')).toEqual(['Draft', 'Stable', 'Stable']);
    expect(documentStateOn(doc, '2024-11-20')).toEqual({ state: 'Draft', next: { state: 'Stable', on: '2024-11-21' } });
    expect(documentStateOn(doc, '2024-11-21')).toEqual({ state: 'Stable', next: null });
  });
  it('Stable from a future date is a Draft that announces the day it turns Stable', () => {
    const doc: Lifecycle = { status: 'Stable', stabilizedAt: '2026-09-01', deprecatedAt: null };
    expect(documentStateOn(doc, '2026-08-21')).toEqual({ state: 'Draft', next: { state: 'Stable', on: '2026-09-01' } });
    expect(around(doc, '2026-09-01')).toEqual(['Draft', 'Stable', 'Stable']);
  });
  it('Stable without stabilized_at is Stable on every day', () => {
    const doc: Lifecycle = { status: 'Stable', stabilizedAt: null, deprecatedAt: null };
    expect(documentStateOn(doc, '2000-01-01')).toEqual({ state: 'Stable', next: null });
  });
  it('Deprecated from a past date: Draft, Stable, Deprecated on the boundary days', () => {
    const doc: Lifecycle = { status: 'Deprecated', stabilizedAt: '2023-03-23', deprecatedAt: '2024-04-30' };
    expect(around(doc, '2023-03-23')).toEqual(['Draft', 'Stable', 'Stable']);
    expect(around(doc, '2024-04-30')).toEqual(['Stable', 'Deprecated', 'Deprecated']);
    expect(documentStateOn(doc, '2023-03-22').next).toEqual({ state: 'Stable', on: '2023-03-23' });
    expect(documentStateOn(doc, '2024-04-29').next).toEqual({ state: 'Deprecated', on: '2024-04-30' });
  });
  it('Deprecated from a future date is Stable until then and says when it turns', () => {
    const doc: Lifecycle = { status: 'Deprecated', stabilizedAt: '2024-02-28', deprecatedAt: '2026-12-01' };
    expect(documentStateOn(doc, '2026-08-21')).toEqual({
      state: 'Stable',
      next: { state: 'Deprecated', on: '2026-12-01' },
    });
    expect(around(doc, '2026-12-01')).toEqual(['Stable', 'Deprecated', 'Deprecated']);
  });
  it('Deprecated without dates is Deprecated on every day', () => {
    const doc: Lifecycle = { status: 'Deprecated', stabilizedAt: null, deprecatedAt: null };
    expect(documentStateOn(doc, '2000-01-01')).toEqual({ state: 'Deprecated', next: null });
  });
  it('Rejected is Rejected whatever the dates say', () => {
    const doc: Lifecycle = { status: 'Rejected', stabilizedAt: '2024-01-01', deprecatedAt: null };
    expect(documentStateOn(doc, '2023-01-01')).toEqual({ state: 'Rejected', next: null });
    expect(documentStateOn(doc, '2025-01-01')).toEqual({ state: 'Rejected', next: null });
  });
  it('a supplement (status null) has no lifecycle of its own', () => {
    const doc: Lifecycle = { status: null, stabilizedAt: '2024-01-01', deprecatedAt: null };
    expect(documentStateOn(doc, '2025-01-01')).toEqual({ state: null, next: null });
    expect(documentTransitions(doc)).toEqual([]);
  });
});

describe('documentTransitions', () => {
  it('lists the days a document changes state, in order', () => {
    expect(
      documentTransitions({ status: 'Deprecated', stabilizedAt: '2023-03-23', deprecatedAt: '2024-04-30' }),
    ).toEqual([
      { state: 'Stable', on: '2023-03-23' },
      { state: 'Deprecated', on: '2024-04-30' },
    ]);
    expect(documentTransitions({ status: 'Stable', stabilizedAt: '2026-09-01', deprecatedAt: null })).toEqual([
      { state: 'Stable', on: '2026-09-01' },
    ]);
  });
  it('lists nothing for a Draft, a Rejected document, or one without dates', () => {
    expect(documentTransitions({ status: 'Draft', stabilizedAt: '2024-01-01', deprecatedAt: null })).toEqual([]);
    expect(documentTransitions({ status: 'Rejected', stabilizedAt: '2024-01-01', deprecatedAt: null })).toEqual([]);
    expect(documentTransitions({ status: 'Stable', stabilizedAt: null, deprecatedAt: null })).toEqual([]);
  });
  it('lists only the Deprecated day when a deprecated document has no stabilized_at', () => {
    expect(documentTransitions({ status: 'Deprecated', stabilizedAt: null, deprecatedAt: '2024-04-30' })).toEqual([
      { state: 'Deprecated', on: '2024-04-30' },
    ]);
  });
  it('lists one change when stabilized_at and deprecated_at fall on one day (Draft to Deprecated)', () => {
    const doc: Lifecycle = { status: 'Deprecated', stabilizedAt: '2024-05-02', deprecatedAt: '2024-05-02' };
    expect(documentTransitions(doc)).toEqual([{ state: 'Deprecated', on: '2024-05-02' }]);
    expect(around(doc, '2024-05-02')).toEqual(['Draft', 'Deprecated', 'Deprecated']);
  });
  it('agrees with documentStateOn on the day before and of each transition', () => {
    const docs: Lifecycle[] = [
      { status: 'Deprecated', stabilizedAt: '2024-05-02', deprecatedAt: '2024-05-02' },
      { status: 'Deprecated', stabilizedAt: '2024-05-02', deprecatedAt: '2024-05-01' },
      { status: 'Deprecated', stabilizedAt: '2023-03-23', deprecatedAt: '2024-04-30' },
      { status: 'Stable', stabilizedAt: '2026-09-01', deprecatedAt: null },
      { status: 'Deprecated', stabilizedAt: '2024-02-28', deprecatedAt: '2024-02-29' },
    ];
    for (const doc of docs) {
      for (const t of documentTransitions(doc)) {
        expect(stateOn(doc, t.on)).toBe(t.state);
        expect(stateOn(doc, addDays(t.on, -1))).not.toBe(t.state);
      }
    }
  });
});

describe('lifecycleMove: what one front-matter change did', () => {
  const at = { commit: 'a'.repeat(40), date: '2024-11-20', pr: 835 };
  const draft = { ...at, status: 'Draft' as const, stabilizedAt: null, deprecatedAt: null, rejectedAt: null };
  it('adds a document with its first change', () => {
    expect(lifecycleMove(draft, null)).toBe('added');
  });
  it('stabilizes on a new status Stable or a new stabilized_at', () => {
    expect(lifecycleMove({ ...draft, status: 'Stable', stabilizedAt: '2024-11-21' }, draft)).toBe('stabilized');
    const stable = { ...draft, status: 'Stable' as const, stabilizedAt: '2024-11-21' };
    expect(lifecycleMove({ ...stable, stabilizedAt: '2024-11-28' }, stable)).toBe('stabilized');
  });
  it('deprecates on a new status Deprecated or a new deprecated_at, before anything else but a rejection', () => {
    const stable = { ...draft, status: 'Stable' as const, stabilizedAt: '2024-11-21' };
    expect(lifecycleMove({ ...stable, deprecatedAt: '2025-07-01' }, stable)).toBe('deprecated');
    expect(lifecycleMove({ ...stable, status: 'Deprecated' }, stable)).toBe('deprecated');
    expect(lifecycleMove({ ...draft, status: 'Rejected', deprecatedAt: '2025-07-01' }, draft)).toBe('rejected');
  });
  it('is nothing for an edit that moves no lifecycle field', () => {
    expect(lifecycleMove({ ...draft, date: '2024-12-01' }, draft)).toBeNull();
    const stable = { ...draft, status: 'Stable' as const, stabilizedAt: '2024-11-21' };
    expect(lifecycleMove(stable, stable)).toBeNull();
  });
});
