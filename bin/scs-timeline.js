#!/usr/bin/env node
// Entry point for `scs-timeline`. The CLI is TypeScript run by Node's own type stripping,
// which needs Node 22.18 or later; npm scripts put the project's Node 24 first on PATH.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `scs-timeline needs Node 24 (found ${process.version}); run it as "npm run timeline -- …" or "npx scs-timeline …" in the project.`,
  );
  process.exit(2);
}
await import('../src/cli/main.ts');
