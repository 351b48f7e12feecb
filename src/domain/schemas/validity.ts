import { z } from 'zod';

/**
 * The validity of a scope version on a day (scs-0003-v1, "timeline"):
 * `draft` (in preparation, may be tested), `effective` (certifiable),
 * `warn` (still certifiable, users are warned it will be deprecated), `deprecated`.
 */
export const Validity = z.enum(['draft', 'effective', 'warn', 'deprecated']);
export type Validity = z.output<typeof Validity>;
