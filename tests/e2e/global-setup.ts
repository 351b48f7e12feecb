/**
 * Builds the site once for every e2e test file (fixed SCS_TODAY, temporary outDir) and
 * serves it on 127.0.0.1. Test files read the address with `siteUrl()` (support/browser.ts).
 */
import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH, HAVE_CHROMIUM, SKIP_REASON } from './support/browser.ts';
import { buildSite, E2E_TODAY } from './support/build-site.ts';
import { serveStatic } from './support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the built site, e.g. http://127.0.0.1:40123 (no trailing slash); null when skipped. */
    siteUrl: string | null;
    /** The directory the site was built into. */
    siteDir: string | null;
    /** The SCS_TODAY the site was built for. */
    siteToday: string;
  }
}

export default async function setup(project: TestProject) {
  project.provide('siteToday', E2E_TODAY);
  if (!HAVE_CHROMIUM) {
    if (process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM_PATH} is missing: .ci/run installs Debian's chromium`);
    console.warn(SKIP_REASON);
    project.provide('siteUrl', null);
    project.provide('siteDir', null);
    return () => {};
  }
  const dir = buildSite();
  const server = await serveStatic(dir);
  project.provide('siteUrl', server.url);
  project.provide('siteDir', dir);
  return async () => {
    await server.close();
    const tmp = dirname(dir);
    if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
  };
}
