/**
 * How far a pull has come, by the hub's sequence numbers: the pull started after `startSeq`, the
 * page just applied moved the cursor to `cursorSeq`, and the hub's newest committed number is
 * `headSeq` (sent with every page; it may grow while we pull, so the newest one counts).
 * The time left is the rate so far applied to what is left: crude, but it settles after a few
 * pages, and the first-sign-in screen only says "about N minutes".
 */
export interface PullProgress {
  fraction: number | null;
  secondsLeft: number | null;
}

export function pullProgress(input: { startSeq: number; cursorSeq: number; headSeq: number | undefined; elapsedMs: number; hasMore: boolean }): PullProgress {
  if (!input.hasMore) return { fraction: 1, secondsLeft: 0 };
  if (input.headSeq === undefined || input.headSeq <= input.startSeq) return { fraction: null, secondsLeft: null };
  const total = input.headSeq - input.startSeq;
  const done = Math.min(Math.max(input.cursorSeq - input.startSeq, 0), total);
  const fraction = done / total;
  // No rate yet (nothing done, or no time measured): an estimate would be a guess.
  if (done === 0 || input.elapsedMs <= 0) return { fraction, secondsLeft: null };
  const secondsLeft = (input.elapsedMs / 1000) * ((total - done) / done);
  return { fraction, secondsLeft: Math.max(0, Math.round(secondsLeft)) };
}
