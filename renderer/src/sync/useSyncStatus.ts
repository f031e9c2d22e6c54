import { useQuery } from '@tanstack/react-query';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';

export const syncStatusKey = ['sync-status'] as const;

/** Polled: the outbox grows with every local change; the sync engine will push this later. */
export function useSyncStatus() {
  return useQuery({ queryKey: syncStatusKey, queryFn: () => unwrap(api.sync.status({})), refetchInterval: 5_000 });
}
