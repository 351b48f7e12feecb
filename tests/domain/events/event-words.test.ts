import { describe, expect, it } from 'vitest';
import {
  changePhrase,
  documentAddedTitle,
  movedTitle,
  pastTitle,
  timelineChangePredicate,
  transitionPhrase,
  transitionTitle,
  versionAddedTitle,
  withdrawnTitle,
} from '../../../src/domain/events/event-words.ts';

describe('event words', () => {
  it('say what a scope version does on its day, with the preposition scs-0003-v1 implies', () => {
    expect(transitionTitle('IaaS v4', { validity: 'warn' }, '2025-02-01')).toBe(
      'IaaS v4 enters its warn period on 2025-02-01',
    );
    expect(transitionTitle('IaaS v4', { validity: 'deprecated' }, '2025-07-01')).toBe(
      'IaaS v4 can no longer be certified from 2025-07-01',
    );
    expect(transitionPhrase('IaaS v5', { validity: 'effective' })).toBe('IaaS v5 becomes effective');
    expect(pastTitle('IaaS v5', { validity: 'effective' }, '2024-11-22')).toBe(
      'IaaS v5 became effective on 2024-11-22',
    );
  });

  it('say what a document does, with scs-0001-v1 states', () => {
    expect(transitionTitle('scs-0214-v2 (x)', { state: 'Stable' }, '2024-11-21')).toBe(
      'scs-0214-v2 (x) becomes Stable on 2024-11-21',
    );
    expect(transitionTitle('scs-0214-v2 (x)', { state: 'Rejected' }, '2024-11-21')).toBe(
      'scs-0214-v2 (x) is rejected on 2024-11-21',
    );
  });

  it('word corrections, withdrawals and additions', () => {
    expect(movedTitle('IaaS v4', { validity: 'warn' }, '2025-02-01', '2025-01-01')).toBe(
      'IaaS v4 enters its warn period on 2025-02-01 instead of 2025-01-01',
    );
    expect(withdrawnTitle('IaaS v5.1', { validity: 'warn' }, '2026-11-01')).toBe(
      'Withdrawn: IaaS v5.1 enters its warn period on 2026-11-01',
    );
    expect(versionAddedTitle('IaaS v5.1')).toBe('New scope version: IaaS v5.1');
    expect([
      documentAddedTitle('scs-0219-v2 (x)', 'Draft'),
      documentAddedTitle('scs-0219-v2 (x)', 'Stable'),
      documentAddedTitle('scs-0219-v2 (x)', null),
    ]).toEqual([
      'New document: scs-0219-v2 (x), a Draft',
      'New document: scs-0219-v2 (x), Stable',
      'New document: scs-0219-v2 (x)',
    ]);
  });
});

describe('changePhrase and timelineChangePredicate: the report says what the feeds say', () => {
  it('names what a subject does, without subject or day', () => {
    expect(changePhrase({ validity: 'warn' })).toBe('enters its warn period');
    expect(changePhrase({ state: 'Stable' })).toBe('becomes Stable');
    expect(`IaaS v4 ${changePhrase({ validity: 'deprecated' })}`).toBe(
      transitionPhrase('IaaS v4', { validity: 'deprecated' }),
    );
  });

  it('words each timeline change after its subject', () => {
    const c = { validity: 'warn' as const, target: '2025-02-01', previous: null };
    expect(timelineChangePredicate({ kind: 'announced', ...c })).toBe('enters its warn period on 2025-02-01');
    expect(timelineChangePredicate({ kind: 'moved', ...c, previous: '2025-01-01' })).toBe(
      'enters its warn period on 2025-02-01 instead of 2025-01-01',
    );
    expect(
      timelineChangePredicate({ kind: 'withdrawn', validity: 'deprecated', target: null, previous: '2025-07-01' }),
    ).toBe('can no longer be certified from 2025-07-01: withdrawn');
    expect(timelineChangePredicate({ kind: 'version-added', validity: null, target: null, previous: null })).toBe(
      'is a new scope version',
    );
    // The title of the same change, as the feeds give it, is the subject followed by these words.
    expect(`IaaS v4 ${timelineChangePredicate({ kind: 'moved', ...c, previous: '2025-01-01' })}`).toBe(
      movedTitle('IaaS v4', { validity: 'warn' }, '2025-02-01', '2025-01-01'),
    );
  });
});
