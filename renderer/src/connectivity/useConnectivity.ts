import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Connectivity } from '../../../shared/ipc/calls/app.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useCoreEvent } from '../ipc/useCoreEvent.js';

const key = ['connectivity'] as const;

/** Whether the central service can be reached, as the core sees it (pushed on every change). */
export function useConnectivity() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: key, queryFn: () => unwrap(api.connectivity.status({})), refetchInterval: 30_000 });
  const onChanged = useCallback((state: Connectivity) => queryClient.setQueryData(key, state), [queryClient]);
  useCoreEvent('connectivity.changed', onChanged);
  return query.data?.online ?? false;
}
