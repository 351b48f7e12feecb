/**
 * One scope version as both sources know it: the scope YAML (validity from its timeline,
 * modules or groups, its own `stabilized_at`) joined with its scope document of track
 * `Scopes` (state, dates, subject matter). Where both state a fact and disagree, both values
 * are kept (`disagreements`); nothing is silently preferred.
 */
import { z } from 'zod';
import { Day } from '../days/day.ts';
import { Validity } from './validity.ts';

/** Where a fact came from: the scope YAML, the scope document, or the timeline's dates. */
export const FactSource = z.enum(['scope file', 'document', 'timeline']);
export type FactSource = z.output<typeof FactSource>;

/** One place that states a fact: file, key (`versions[v3].stabilized_at`) and value as written. */
export const Statement = z.object({ file: z.string(), key: z.string(), value: z.string() });
export type Statement = z.output<typeof Statement>;

export const Disagreement = z.object({
  /** What the two disagree about. */
  fact: z.enum(['stabilized_at', 'deprecated_at', 'standards']),
  scopeFile: Statement,
  document: Statement,
});
export type Disagreement = z.output<typeof Disagreement>;

/** A period `{validity, from, to}`: `from` inclusive, `to` exclusive, null = unbounded. */
export const FactPeriod = z.object({ validity: Validity, from: Day.nullable(), to: Day.nullable() });

export const VersionFacts = z.object({
  /** The version's name: as the YAML calls it (`v5.1`), else as its document says. */
  name: z.string(),
  /** Its scope document (`scs-0501-v5`), or null when none was found. */
  document: z.string().nullable(),
  /**
   * How the document was found, in this order: the version's test group names it by URL;
   * its body says "This is v5.1"; it has the same number (`v4` ↔ `scs-0501-v4`).
   */
  mappedBy: z.enum(['group url', 'document body', 'same number']).nullable(),
  /** Whether the scope YAML (head or history) lists the version. */
  inScopeFile: z.boolean(),
  /**
   * Where its periods come from: the timeline (scs-0003-v1), or, for a version only a
   * document knows, the document's own dates (draft until `stabilized_at`, effective until
   * `deprecated_at`, deprecated from then).
   */
  periodsFrom: z.enum(['timeline', 'document']),
  /** Periods from the document's dates; empty when they come from the timeline. */
  periods: z.array(FactPeriod),
  /** Its stabilization day and which source gave it (the YAML's first, then the document's, then the first effective day). */
  stabilizedAt: Day.nullable(),
  stabilizedFrom: FactSource.nullable(),
  /** The standards it includes (document ids), from the YAML's modules/groups, else the document's subject matter. */
  standards: z.array(z.string()),
  standardsFrom: FactSource.nullable(),
  /** What the document lists under "Subject Matter"; null without a document. */
  subjectMatter: z.array(z.string()).nullable(),
  disagreements: z.array(Disagreement),
});
export type VersionFacts = z.output<typeof VersionFacts>;
