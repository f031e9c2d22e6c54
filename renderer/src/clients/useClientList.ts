import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import type { ClientStatus } from '../../../shared/domain/client.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';

export interface ClientListFilter {
  query: string;
  status: ClientStatus | null;
  mine: boolean;
}

/** Search as you type: the deferred query keeps typing smooth; the previous list stays while the next loads. */
export function useClientList(filter: ClientListFilter) {
  const query = useDeferredValue(filter.query.trim());
  return useQuery({
    queryKey: ['clients', 'list', query, filter.status, filter.mine],
    queryFn: () => unwrap(api.clients.list({ query, mine: filter.mine, ...(filter.status ? { status: filter.status } : {}) })),
    placeholderData: keepPreviousData,
  });
}
