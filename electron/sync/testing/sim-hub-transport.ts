import type { SignedLease } from '../../../shared/licence/lease.js';
import type { SimHub } from '../../../shared/sync/simulation/sim-hub.js';
import type { SyncTransport } from '../sync-transport.js';

/**
 * The in-memory hub of the convergence tests as a transport: for what the real service cannot do
 * in a test (being restored from an older backup at a chosen moment). Leases are not checked here.
 */
export function simHubTransport(hub: SimHub): SyncTransport {
  const lease = {} as SignedLease;
  return {
    push: async (request) => ({ ...hub.push(request), lease }),
    pull: async (request) => ({ ...hub.pull(request.cursor, request.limit), lease }),
    uploadAccessLog: async (request) => ({ archivedThroughSeq: request.entries.at(-1)!.seq, chainBroken: false, lease }),
  };
}
