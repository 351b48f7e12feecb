/**
 * fast-check generators shared by the property tests: days in a short range (so that
 * generated dates collide and boundaries are hit often), timelines, legacy versions.
 */
import fc from 'fast-check';
import { addDays, type Day } from '../../src/domain/days/day.ts';
import type { LegacyVersion, TimelineEntry } from '../../src/domain/schemas/scope-file.ts';
import type { Validity } from '../../src/domain/schemas/validity.ts';

export const EPOCH: Day = '2024-02-20';
/** 40 days around a leap day: entries crowd together and month ends are crossed. */
export const SPAN = 40;

export const day = fc.integer({ min: 0, max: SPAN }).map((n) => addDays(EPOCH, n));
export const VERSIONS = ['v3', 'v4', 'v5', 'v5.1'] as const;
export const versionName = fc.constantFrom(...VERSIONS);
export const validity = fc.constantFrom<Validity>('draft', 'effective', 'warn', 'deprecated');

export const entry: fc.Arbitrary<TimelineEntry> = fc.record({
  date: day,
  versions: fc.dictionary(versionName, validity, { maxKeys: VERSIONS.length }),
});

/** A timeline whose entries have distinct dates. */
export const uniqueTimeline = fc.uniqueArray(entry, { selector: (e) => e.date, maxLength: 8 });

/** A timeline in which dates may repeat. */
export const timeline = fc.array(entry, { maxLength: 8 });

/** Every day of the generated range, and a few days either side. */
export const ALL_DAYS: Day[] = Array.from({ length: SPAN + 5 }, (_, i) => addDays(EPOCH, i - 2));

const optionalDay = fc.option(day, { nil: undefined });

/** A version of a legacy scope file (before `timeline`), with any combination of dates. */
export const legacyVersion = (name: string): fc.Arbitrary<LegacyVersion> =>
  fc.record({
    version: fc.constant(name),
    stabilized_at: optionalDay,
    deprecated_at: optionalDay,
    obsoleted_at: optionalDay,
    standards: fc.constant([]),
  });

export const legacyVersions = fc
  .subarray([...VERSIONS], { minLength: 1 })
  .chain((names) => fc.tuple(...names.map(legacyVersion)));
