import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';

export const noticesKey = ['notices'] as const;

/**
 * The service's notices from the device's copy (each sync refreshes it, and a finished sync makes
 * every query read again). Checked each minute too: a maintenance window ends by the clock.
 */
export function useServiceNotices() {
  return useQuery({ queryKey: noticesKey, queryFn: () => unwrap(api.notices.current({})), refetchInterval: 60_000 });
}

/** Marks a notice read; offline the core remembers it and tells the service at the next sync. */
export function useAcknowledgeNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.notices.acknowledge({ id })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKey }),
  });
}
