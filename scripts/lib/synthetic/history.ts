/** The span of the synthetic upstream's history and the shape of one change (a commit's files). */
import type { Day } from '../../../src/domain/days/day.ts';

export const START: Day = '2021-07-01';
export const END: Day = '2026-07-20';
export const TIMELINE_SINCE: Day = '2024-08-01';
export const TRACKS = ['Global', 'IaaS', 'KaaS', 'IAM', 'Ops'];

export interface Change {
  day: Day;
  title: string;
  files: Record<string, string | null>;
  renames?: { from: string; to: string }[];
}
