/** The InputError a call throws, for tests that look at its problems; any other outcome fails the test. */
import { InputError } from '../../src/domain/parse/errors.ts';

export function caught(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
