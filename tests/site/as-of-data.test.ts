/**
 * The data the as-of island ships (src/site/as-of-data.ts) is enough for what it runs in the
 * browser: the due view and what is coming (readiness included) equal those of all of data/,
 * on every pre-rendered day, on days between, before the first revision and past the data's end.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/days/day.ts';
import { dueView } from '../../src/domain/events/due.ts';
import { comingView } from '../../src/domain/report/coming.ts';
import { Dataset } from '../../src/domain/schemas/data.ts';
import { asOfData, asOfDays } from '../../src/site/as-of-data.ts';
import { realData } from '../support/real-data.ts';

const data = await realData();
const lean = asOfData(data);
const view = (d: Dataset, day: string) => {
  const due = dueView(d, day, { knownOn: day });
  return { due, coming: comingView(d, due) };
};

describe('asOfData', () => {
  it('is a valid dataset without the texts neither view reads', () => {
    expect(Dataset.safeParse(lean).success).toBe(true);
    expect(lean.documents.every((d) => d.description === null)).toBe(true);
    expect(lean.pulls.every((p) => p.url === '' && p.author === null)).toBe(true);
    expect(lean.meta.warnings).toEqual([]);
  });

  it('gives the island the same due view and readiness as the pre-rendered pages, on any day', () => {
    const days = asOfDays(data);
    const around = days.flatMap((d) => [addDays(d, -1), d, addDays(d, 3)]);
    for (const day of ['2020-01-01', ...around, '2024-11-25', '2026-08-21', '2026-08-22', '2026-12-01', '2029-12-01'])
      expect(view(lean, day), day).toEqual(view(data, day));
  });
});
