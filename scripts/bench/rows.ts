/** The rows `npm run bench` prints: one figure each, with the budget it is held to, if any. */

export interface BenchRow {
  section: string;
  figure: string;
  value: number;
  unit: string;
  /** The budget as printed, e.g. `≤ 12`; null for figures reported without one. */
  budget: string | null;
  ok: boolean | null;
}

/** A budget: how it is printed, and whether the figure keeps it. */
export interface Budget {
  text: string;
  ok: boolean;
}

/** At most `max`, printed with `unit` when given (`≤ 256 MB`). */
export const atMost = (value: number, max: number, unit = ''): Budget => ({
  text: `≤ ${max}${unit ? ` ${unit}` : ''}`,
  ok: value <= max,
});

/** Exactly `expected` (`= 0`). */
export const exactly = (value: number, expected: number): Budget => ({ text: `= ${expected}`, ok: value === expected });

/**
 * The rows of one section, in the order they are added; each value rounded to two decimals.
 * A row without a budget reports its figure alone.
 */
export function rowsOf(section: string) {
  const rows: BenchRow[] = [];
  const row = (figure: string, value: number, unit: string, budget: Budget | null = null): void => {
    rows.push({
      section,
      figure,
      value: Math.round(value * 100) / 100,
      unit,
      budget: budget?.text ?? null,
      ok: budget?.ok ?? null,
    });
  };
  return { rows, row };
}
