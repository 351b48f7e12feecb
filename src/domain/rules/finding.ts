/** A finding: one revision of a scope file checked against one rule of scs-0003-v1. */
import { z } from 'zod';
import { Day } from '../days/day.ts';

export const RULES = {
  R1: {
    severity: 'violation',
    section: 'scs-0003-v1, Timeline entry',
    rule: 'a version effective or warn MUST be stable at the start of the period',
  },
  R2: {
    severity: 'violation',
    section: 'scs-0003-v1, Process',
    rule: 'the timeline is prepend-only: an entry is never edited, a future one never removed, none added for a past day',
  },
  R3: {
    severity: 'violation',
    section: 'scs-0003-v1, Process',
    rule: 'pruning deletes only entries not valid for at least 6 months, with all earlier ones',
  },
  R4: {
    severity: 'violation',
    section: 'scs-0003-v1, Version descriptor',
    rule: 'a version descriptor with stabilized_at may no longer be changed',
  },
  R5: {
    severity: 'violation',
    section: 'scs-0003-v1, Timeline entry',
    rule: 'the timeline names only versions the file defines',
  },
  notice: {
    severity: 'advisory',
    section: 'scs-0003-v1, Process',
    rule: 'a change is voted on after 14 days of announcement',
  },
  'effective-count': {
    severity: 'advisory',
    section: 'scs-0003-v1, Introduction',
    rule: 'at most two versions in effect at once',
  },
  overlap: {
    severity: 'advisory',
    section: 'scs-0003-v1, Timeline entry (note)',
    rule: 'two versions effective at once only for a grace period of 4 to 6 weeks',
  },
} as const;

export const RuleId = z.enum(['R1', 'R2', 'R3', 'R4', 'R5', 'notice', 'effective-count', 'overlap']);
export type RuleId = z.output<typeof RuleId>;

export const Finding = z.object({
  rule: RuleId,
  severity: z.enum(['violation', 'advisory']),
  /** The section of scs-0003-v1 the rule comes from. */
  section: z.string(),
  scope: z.string(),
  /** The revision (commit on `main`) the finding is about, the day it landed, its pull request. */
  commit: z.string(),
  landed: Day,
  pr: z.number().int().nullable(),
  /** One sentence: what the revision did, with the values. */
  message: z.string(),
  /** The values the message names (version, date, validity, …), as strings. */
  values: z.record(z.string(), z.string()),
});
export type Finding = z.output<typeof Finding>;

/**
 * Same finding on two revisions (a problem carried over rather than introduced). An overlap
 * is the same while it ends on the same day: pruning its first entries does not make it new.
 */
export function findingKey(f: Pick<Finding, 'rule' | 'values'>): string {
  const values = f.rule === 'overlap' ? { to: f.values.to ?? '' } : f.values;
  return `${f.rule}|${Object.entries(values)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}`;
}
