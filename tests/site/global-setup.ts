/**
 * Builds the site once per distinct dataset for the whole `site` project (tests/site/ reads
 * the files, tests/e2e/ drives them in Chromium) and serves each on 127.0.0.1:
 * - the project's own `data/` for a fixed "today" (E2E_TODAY), when Chromium is there to use it;
 * - the one hostile dataset (tests/support/hostile-site.ts) under a site URL and base path;
 * - the project's own `data/` built on 2026-12-01 (DATA_END_TODAY), past the pull-request data's
 *   end, last checked three days before: what is coming on the home page, and where the data ends.
 * Test files read the addresses and directories with `inject` (e2e/support/browser.ts).
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH, HAVE_CHROMIUM, SKIP_REASON } from '../e2e/support/browser.ts';
import { buildSite, removeBuild } from '../support/astro-build.ts';
import { DATA_END_CHECKED, DATA_END_TODAY, E2E_TODAY } from '../e2e/support/build-site.ts';
import { HOSTILE_BASE, HOSTILE_SITE, HOSTILE_TODAY, hostileDataDir } from '../support/hostile-site.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the site built from data/, e.g. http://127.0.0.1:40123 (no trailing slash); null without Chromium. */
    siteUrl: string | null;
    /** The directory that site was built into. */
    siteDir: string | null;
    /** The SCS_TODAY that site was built for. */
    siteToday: string;
    /** Address of the hostile site with its base path (http://127.0.0.1:40124/timeline, no trailing slash); null without Chromium. */
    hostileUrl: string | null;
    /** The directory the hostile site was built into (always built: tests/site/ reads its files). */
    hostileDir: string;
    /** Address of the site built on DATA_END_TODAY; null without Chromium. */
    dataEndUrl: string | null;
    /** The directory it was built into (always built: tests/site/ reads its files). */
    dataEndDir: string;
  }
}

export default async function setup(project: TestProject) {
  project.provide('siteToday', E2E_TODAY);
  if (!HAVE_CHROMIUM) {
    if (process.env.CI === 'true')
      throw new Error(`CI=true but ${CHROMIUM_PATH} is missing: .ci/run installs Debian's chromium`);
    console.warn(SKIP_REASON);
  }
  const started = Date.now();
  const hostileData = await hostileDataDir();
  // At once: each build keeps its prerender chunks in its own directory (support/astro-build.ts).
  const [dir, hostileDir, dataEndDir] = await Promise.all([
    HAVE_CHROMIUM ? buildSite({ today: E2E_TODAY, label: 'e2e' }) : null,
    buildSite({
      today: HOSTILE_TODAY,
      dataDir: hostileData,
      siteUrl: HOSTILE_SITE,
      basePath: HOSTILE_BASE,
      label: 'hostile',
    }),
    buildSite({ today: DATA_END_TODAY, lastChecked: DATA_END_CHECKED, label: 'data-end' }),
  ]);
  console.log(
    `site: built ${dir ? 'the default, the hostile and the data-end site' : 'the hostile and the data-end site'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const servers: StaticServer[] = [];
  if (dir) {
    const server = await serveStatic(dir);
    const hostile = await serveStatic(hostileDir, HOSTILE_BASE);
    const dataEnd = await serveStatic(dataEndDir);
    servers.push(server, hostile, dataEnd);
    project.provide('siteUrl', server.url);
    project.provide('hostileUrl', hostile.url + HOSTILE_BASE.replace(/\/$/, ''));
    project.provide('dataEndUrl', dataEnd.url);
  } else {
    project.provide('siteUrl', null);
    project.provide('hostileUrl', null);
    project.provide('dataEndUrl', null);
  }
  project.provide('siteDir', dir);
  project.provide('hostileDir', hostileDir);
  project.provide('dataEndDir', dataEndDir);
  return async () => {
    for (const s of servers) await s.close();
    for (const dist of [dir, hostileDir, dataEndDir]) if (dist) removeBuild(dist);
    rmSync(dirname(hostileData), { recursive: true, force: true });
  };
}
