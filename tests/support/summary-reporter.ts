/**
 * Prints one closing line, `vitest: N passed, N failed, N skipped`, that CI and people
 * can read without parsing vitest's own summary. A file that failed outside its tests (a
 * hook such as `beforeAll`, or its import) leaves its tests skipped: the line counts such
 * files, and unhandled errors, so that it never reads "0 failed" for a failed run.
 */
import type { SerializedError } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const broken = testModules.filter((mod) => mod.errors().length > 0).length;
    const parts = [`${passed} passed`, `${failed} failed`, `${skipped} skipped`];
    if (broken) parts.push(`${broken} file${broken === 1 ? '' : 's'} failed outside a test`);
    if (unhandledErrors.length)
      parts.push(`${unhandledErrors.length} unhandled error${unhandledErrors.length === 1 ? '' : 's'}`);
    process.stdout.write(`\nvitest: ${parts.join(', ')}\n`);
  }
}
