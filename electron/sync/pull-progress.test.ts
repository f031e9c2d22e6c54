import { describe, expect, it } from 'vitest';
import { pullProgress } from './pull-progress.js';

describe('pullProgress', () => {
  it('gives the fraction by sequence numbers and the time left from the rate so far', () => {
    // 10 s for the first quarter of 4,000 numbers: about 30 s for the other three quarters.
    expect(pullProgress({ startSeq: 0, cursorSeq: 1_000, headSeq: 4_000, elapsedMs: 10_000, hasMore: true })).toEqual({ fraction: 0.25, secondsLeft: 30 });
  });

  it('counts from where this pull started, not from zero', () => {
    expect(pullProgress({ startSeq: 3_000, cursorSeq: 3_500, headSeq: 4_000, elapsedMs: 2_000, hasMore: true })).toEqual({ fraction: 0.5, secondsLeft: 2 });
  });

  it('says nothing it cannot know: no head from an older hub, no rate before the first page', () => {
    expect(pullProgress({ startSeq: 0, cursorSeq: 500, headSeq: undefined, elapsedMs: 1_000, hasMore: true })).toEqual({ fraction: null, secondsLeft: null });
    expect(pullProgress({ startSeq: 0, cursorSeq: 0, headSeq: 4_000, elapsedMs: 1_000, hasMore: true })).toEqual({ fraction: 0, secondsLeft: null });
  });

  it('is done when the hub says there is no more, and never passes 1 when the head moved', () => {
    expect(pullProgress({ startSeq: 0, cursorSeq: 900, headSeq: 1_000, elapsedMs: 1_000, hasMore: false })).toEqual({ fraction: 1, secondsLeft: 0 });
    expect(pullProgress({ startSeq: 0, cursorSeq: 1_200, headSeq: 1_000, elapsedMs: 1_000, hasMore: true }).fraction).toBe(1);
  });
});
