/**
 * Builds the site once for every e2e test file (fixed SCS_TODAY, temporary outDir) and
 * serves it on 127.0.0.1. Test files read the address with `siteUrl()` (support/browser.ts).
 */
import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH, HAVE_CHROMIUM, SKIP_REASON } from './support/browser.ts';
import { buildSite } from '../support/astro-build.ts';
import { E2E_TODAY } from './support/build-site.ts';
import { hostileDataDir } from './support/hostile-data.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the built site, e.g. http://127.0.0.1:40123 (no trailing slash); null when skipped. */
    siteUrl: string | null;
    /** The directory the site was built into. */
    siteDir: string | null;
    /** The SCS_TODAY the site was built for. */
    siteToday: string;
    /** The same site built from data with hostile strings (support/hostile-data.ts). */
    hostileUrl: string | null;
    /** The directory the hostile site was built into. */
    hostileDir: string | null;
  }
}

export default async function setup(project: TestProject) {
  project.provide('siteToday', E2E_TODAY);
  if (!HAVE_CHROMIUM) {
    if (process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM_PATH} is missing: .ci/run installs Debian's chromium`);
    console.warn(SKIP_REASON);
    project.provide('siteUrl', null);
    project.provide('siteDir', null);
    project.provide('hostileUrl', null);
    project.provide('hostileDir', null);
    return () => {};
  }
  const started = Date.now();
  const dir = await buildSite({ today: E2E_TODAY, label: 'e2e' });
  const hostileData = hostileDataDir();
  const hostileDir = await buildSite({ today: E2E_TODAY, dataDir: hostileData, label: 'e2e-hostile' });
  console.log(`e2e: built the site twice for ${E2E_TODAY} (default and hostile data) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const server = await serveStatic(dir);
  const hostile = await serveStatic(hostileDir);
  project.provide('siteUrl', server.url);
  project.provide('siteDir', dir);
  project.provide('hostileUrl', hostile.url);
  project.provide('hostileDir', hostileDir);
  return async () => {
    await server.close();
    await hostile.close();
    for (const tmp of [dirname(dir), dirname(hostileDir), dirname(hostileData)]) if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
  };
}
