import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { SyncStatus } from '../../../shared/ipc/calls/sync.js';
import { useCoreEvent } from '../ipc/useCoreEvent.js';
import { syncStatusKey } from './useSyncStatus.js';

/**
 * When a sync has brought changes in (its pull reached the end again), every screen reads its
 * data again: a list shown before the first sync finished would otherwise stay empty.
 */
export function useRefreshAfterSync(): void {
  const queryClient = useQueryClient();
  const lastSeen = useRef<string | null>(null);
  const onChanged = useCallback(
    (status: SyncStatus) => {
      if (status.lastSyncAt === null || status.lastSyncAt === lastSeen.current) return;
      lastSeen.current = status.lastSyncAt;
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== 'session' && query.queryKey[0] !== syncStatusKey[0],
      });
    },
    [queryClient],
  );
  useCoreEvent('sync.changed', onChanged);
}
