import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, delayAfterFailures, maxFailedUnlocks, mayTryUnlock, noFailures } from './unlock-throttle.js';

describe('unlock throttle', () => {
  it('the delay grows and is capped', () => {
    expect([1, 2, 3, 4, 5, 9].map(delayAfterFailures)).toEqual([0, 0, 1000, 2000, 4000, 64000]);
    expect(delayAfterFailures(40)).toBe(5 * 60 * 1000);
  });

  it(`after ${maxFailedUnlocks} failures only an online sign-in helps, whatever the time`, () => {
    let state = noFailures;
    for (let i = 0; i < maxFailedUnlocks; i++) state = afterFailure(state, 1000 * i);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 45 }), (now) => {
        expect(mayTryUnlock(state, now)).toEqual({ allowed: false, reason: 'online_sign_in_required' });
      }),
    );
  });

  it('never asks to wait longer than the delay, even with the clock set back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 40 }), (failures, failedAt, now) => {
        let state = noFailures;
        for (let i = 0; i < failures; i++) state = afterFailure(state, failedAt);
        const verdict = mayTryUnlock(state, now);
        if (!verdict.allowed && verdict.reason === 'wait') expect(verdict.retryAfterMs).toBeLessThanOrEqual(delayAfterFailures(failures));
      }),
    );
  });
});
