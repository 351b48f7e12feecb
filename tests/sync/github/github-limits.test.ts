/**
 * `scripts/lib/github/limits.ts`: which answers are rate limits, of which kind, and how long
 * each is waited for, as GitHub documents them; all waits bounded together.
 */
import { describe, expect, it } from 'vitest';
import { limitOf, waitSeconds, WaitBudget, limitFailure } from '../../../scripts/lib/github/limits.ts';

const SECONDARY = {
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
};

describe('limitOf', () => {
  it('primary: x-ratelimit-remaining 0 with its reset, REST 403 or 429, GraphQL RATE_LIMITED in a 200 or 403', () => {
    expect(
      limitOf(
        403,
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' },
        { message: 'API rate limit exceeded for 1.2.3.4.' },
      ),
    ).toEqual({ kind: 'primary', status: 403, resetAt: 1700000000 });
    expect(limitOf(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' }, {})).toEqual({
      kind: 'primary',
      status: 429,
      resetAt: 1700000000,
    });
    expect(
      limitOf(
        200,
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '5' },
        { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] },
      ),
    ).toEqual({ kind: 'primary', status: 200, resetAt: 5 });
    expect(limitOf(403, {}, { errors: [{ type: 'RATE_LIMITED' }] })).toEqual({
      kind: 'primary',
      status: 403,
      resetAt: null,
    });
  });

  it('secondary: 403 or 429 saying so, with or without retry-after; GraphQL also as a 200 with the error in the body', () => {
    expect(limitOf(403, { 'retry-after': '30' }, SECONDARY)).toEqual({
      kind: 'secondary',
      status: 403,
      retryAfter: 30,
    });
    expect(limitOf(429, { 'retry-after': '30' }, SECONDARY)).toEqual({
      kind: 'secondary',
      status: 429,
      retryAfter: 30,
    });
    expect(limitOf(403, { 'x-ratelimit-remaining': '4000' }, SECONDARY)).toEqual({
      kind: 'secondary',
      status: 403,
      retryAfter: null,
    });
    expect(limitOf(429, {}, {})).toEqual({ kind: 'secondary', status: 429, retryAfter: null });
    expect(limitOf(200, {}, { data: null, errors: [SECONDARY] })).toEqual({
      kind: 'secondary',
      status: 200,
      retryAfter: null,
    });
    expect(limitOf(200, { 'retry-after': 7 }, { data: null, errors: [SECONDARY] })).toEqual({
      kind: 'secondary',
      status: 200,
      retryAfter: 7,
    });
  });

  it('retry-after wins over x-ratelimit-remaining: 0, as GitHub says to honour it first', () => {
    expect(
      limitOf(403, { 'retry-after': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '99' }, SECONDARY),
    ).toEqual({ kind: 'secondary', status: 403, retryAfter: 10 });
  });

  it('no limit: a 403 that refuses access, a 200 with other errors, other statuses', () => {
    expect(
      limitOf(403, { 'x-ratelimit-remaining': '4999' }, { message: 'Resource not accessible by integration' }),
    ).toBeNull();
    expect(limitOf(200, {}, { data: { x: 1 } })).toBeNull();
    expect(limitOf(200, {}, { errors: [{ message: 'Field nope does not exist' }] })).toBeNull();
    expect(limitOf(500, { 'retry-after': '1' }, SECONDARY)).toBeNull();
    expect(limitOf(404, {}, {})).toBeNull();
  });
});

describe('waitSeconds', () => {
  it('a primary limit until one second after the reset; none past it', () => {
    expect(waitSeconds({ kind: 'primary', status: 403, resetAt: 1000 }, 0, 990)).toBe(11);
    expect(waitSeconds({ kind: 'primary', status: 403, resetAt: 1000 }, 0, 1005)).toBe(1);
  });
  it('a secondary limit: retry-after; without it 60 s, then exponentially longer', () => {
    expect(waitSeconds({ kind: 'secondary', status: 429, retryAfter: 3 }, 4, 0)).toBe(3);
    expect([0, 1, 2, 3].map((n) => waitSeconds({ kind: 'secondary', status: 403, retryAfter: null }, n, 0))).toEqual([
      60, 120, 240, 480,
    ]);
  });
});

describe('WaitBudget', () => {
  it('takes waits while their sum fits, and refuses the one that would pass it', () => {
    const budget = new WaitBudget(100);
    expect(budget.take(60)).toBe(true);
    expect(budget.take(50)).toBe(false);
    expect(budget.take(40)).toBe(true);
    expect(budget.take(1)).toBe(false);
    expect(budget.waited).toBe(100);
  });
  it('says what happened and what to do', () => {
    const budget = new WaitBudget(60);
    budget.take(60);
    const e = limitFailure({ kind: 'secondary', status: 403, retryAfter: null }, 120, budget, true);
    expect(e.message).toBe(
      'GitHub refused with its secondary rate limit (403, no retry-after): too many requests in a short time. GitHub gave no retry-after, so the sync would wait 120 s, more than the 60 s this sync may wait (0 s left). Run again in a few minutes, or raise --max-wait / SCS_SYNC_MAX_WAIT.',
    );
  });
});
