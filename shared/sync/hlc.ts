/**
 * Hybrid logical clock (Kulkarni et al., 2014): a wall-clock millisecond, a counter for events in
 * the same millisecond (or while the wall clock lags behind what we have seen), and the node id as
 * the final tie-breaker. Timestamps are totally ordered, never go backwards on one node even when
 * the system clock is set back, and stay close to real time so "last writer wins" on a structured
 * field means roughly what a person expects.
 *
 * Pure: the caller passes the current time in and stores the returned state. The string form sorts
 * lexicographically in the same order as `compareHlc`, so SQL and JSON can compare them as text.
 */
export interface Hlc {
  /** Milliseconds since the Unix epoch. */
  readonly wallMs: number;
  /** 0…0xffff: events within one `wallMs`. */
  readonly counter: number;
  /** Which device made it: 16 lowercase hex characters. */
  readonly node: string;
}

export const hlcMaxCounter = 0xffff;
/** A remote timestamp more than this far in our future is refused: a wrong clock must not poison every field. */
export const hlcDefaultMaxDriftMs = 5 * 60 * 1000;

const nodePattern = /^[0-9a-f]{16}$/;
const hlcPattern = /^(\d{15})-([0-9a-f]{4})-([0-9a-f]{16})$/;

export class HlcError extends Error {
  constructor(
    readonly reason: 'drift' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'HlcError';
  }
}

export function initialHlc(node: string): Hlc {
  if (!nodePattern.test(node)) throw new HlcError('invalid', `Ongeldige node-id voor de klok: ${node}`);
  return { wallMs: 0, counter: 0, node };
}

/** The timestamp for a local event (a write): strictly after `last`. */
export function tickHlc(last: Hlc, nowMs: number): Hlc {
  if (nowMs > last.wallMs) return { wallMs: nowMs, counter: 0, node: last.node };
  return bump(last.wallMs, last.counter, last.node);
}

/**
 * Merges a timestamp seen from another node: the result is after both `last` and `remote`.
 * Throws HlcError('drift') when `remote` is further ahead of our wall clock than `maxDriftMs`.
 */
export function receiveHlc(last: Hlc, remote: Hlc, nowMs: number, maxDriftMs = hlcDefaultMaxDriftMs): Hlc {
  if (remote.wallMs - nowMs > maxDriftMs) {
    throw new HlcError('drift', `De klok van een ander apparaat loopt ${Math.round((remote.wallMs - nowMs) / 1000)} s voor op deze`);
  }
  const wall = Math.max(last.wallMs, remote.wallMs, nowMs);
  if (wall === nowMs && wall > last.wallMs && wall > remote.wallMs) return { wallMs: wall, counter: 0, node: last.node };
  let counter: number;
  if (wall === last.wallMs && wall === remote.wallMs) counter = Math.max(last.counter, remote.counter);
  else if (wall === last.wallMs) counter = last.counter;
  else if (wall === remote.wallMs) counter = remote.counter;
  else counter = -1;
  return bump(wall, counter, last.node);
}

/** Counter overflow moves into the next millisecond rather than failing: the clock must never stop a write. */
function bump(wallMs: number, counter: number, node: string): Hlc {
  return counter >= hlcMaxCounter ? { wallMs: wallMs + 1, counter: 0, node } : { wallMs, counter: counter + 1, node };
}

export function formatHlc(hlc: Hlc): string {
  return `${String(hlc.wallMs).padStart(15, '0')}-${hlc.counter.toString(16).padStart(4, '0')}-${hlc.node}`;
}

export function parseHlc(text: string): Hlc {
  const match = hlcPattern.exec(text);
  if (!match) throw new HlcError('invalid', `Ongeldige kloktijd: ${text.slice(0, 60)}`);
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 16), node: match[3]! };
}

export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return 0;
}

/** The later of two formatted timestamps (string order equals clock order). */
export function maxHlcText(a: string | null | undefined, b: string): string {
  return a && a > b ? a : b;
}
