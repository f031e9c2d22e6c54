import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, HlcError, initialHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from './hlc.js';

const nodeArb = fc.stringMatching(/^[0-9a-f]{16}$/);
const hlcArb: fc.Arbitrary<Hlc> = fc.record({
  wallMs: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  counter: fc.integer({ min: 0, max: 0xffff }),
  node: nodeArb,
});

describe('hybrid logical clock', () => {
  it('ticks strictly forward even when the wall clock jumps back', () => {
    fc.assert(
      fc.property(nodeArb, fc.array(fc.integer({ min: 0, max: 2_000_000_000_000 }), { minLength: 1, maxLength: 200 }), (node, times) => {
        let clock = initialHlc(node);
        for (const now of times) {
          const next = tickHlc(clock, now);
          expect(compareHlc(next, clock)).toBe(1);
          expect(next.wallMs).toBeGreaterThanOrEqual(Math.min(now, next.wallMs));
          clock = next;
        }
      }),
    );
  });

  it('a received timestamp makes the clock later than both', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, fc.integer({ min: 0, max: 4_102_444_800_000 }), (local, remote, now) => {
        const merged = receiveHlc(local, remote, Math.max(now, remote.wallMs), Number.POSITIVE_INFINITY);
        expect(compareHlc(merged, local)).toBe(1);
        expect(merged.wallMs > remote.wallMs || (merged.wallMs === remote.wallMs && merged.counter > remote.counter)).toBe(true);
      }),
    );
  });

  it('string order equals clock order, and format/parse round-trips', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        expect(parseHlc(formatHlc(a))).toEqual(a);
        const textOrder = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(textOrder).toBe(compareHlc(a, b));
      }),
    );
  });

  it('overflowing the counter moves into the next millisecond', () => {
    const next = tickHlc({ wallMs: 1000, counter: 0xffff, node: '0123456789abcdef' }, 500);
    expect(next).toEqual({ wallMs: 1001, counter: 0, node: '0123456789abcdef' });
  });

  it('refuses a remote clock far in the future', () => {
    const local = initialHlc('0123456789abcdef');
    const remote = { wallMs: 10 * 60 * 1000, counter: 0, node: 'fedcba9876543210' };
    expect(() => receiveHlc(local, remote, 0)).toThrow(HlcError);
  });

  it('rejects malformed input', () => {
    expect(() => parseHlc('nonsense')).toThrow(HlcError);
    expect(() => initialHlc('XYZ')).toThrow(HlcError);
  });
});
