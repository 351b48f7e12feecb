/**
 * A real build 28 days after the newest upstream commit (the hostile site's data, see
 * tests/support/hostile-site.ts) warns on every page that dates announced since are missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { HOSTILE_DATA_DAY } from '../support/hostile-site.ts';

const dist = inject('hostileDir');
const WARNING = `The upstream data is 28 days older than this build: dates announced since ${HOSTILE_DATA_DAY} are missing.`;

describe('a build on stale data', () => {
  it('says so on the home page', () => {
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain(WARNING);
  });

  it('says so on every page', () => {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.html') && f !== '404.html',
    );
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter((p) => !readFileSync(join(dist, p), 'utf8').includes(WARNING))).toEqual([]);
  });
});
