/**
 * Every form that keeps a draft registers how to save it now. Before the app locks (by the user
 * or after inactivity) all of them are flushed, because a locked store cannot take a write.
 */
type Flush = () => Promise<void>;
const flushes = new Set<Flush>();

export function registerDraftFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

export async function flushAllDrafts(): Promise<void> {
  await Promise.allSettled([...flushes].map((flush) => flush()));
}
