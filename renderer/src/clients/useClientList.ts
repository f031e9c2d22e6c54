import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import type { ClientStatus } from '../../../shared/domain/client.js';
import type { ClientListItem } from '../../../shared/ipc/calls/clients.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';

export interface ClientListFilter {
  query: string;
  status: ClientStatus | null;
  mine: boolean;
  /** Administrators: every dossier of the organisation, to manage access. */
  administration: boolean;
}

/** Client-side filter of the administration list (it holds names and numbers only, no search index needed). */
function matches(item: ClientListItem, query: string, status: ClientStatus | null): boolean {
  if (status && item.status !== status) return false;
  if (!query) return true;
  const q = query.toLowerCase();
  return [item.firstName, item.infix ?? '', item.lastName, item.dossierNumber, item.postcode ?? ''].join(' ').toLowerCase().includes(q);
}

/** Search as you type: the deferred query keeps typing smooth; the previous list stays while the next loads. */
export function useClientList(filter: ClientListFilter) {
  const query = useDeferredValue(filter.query.trim());
  return useQuery({
    queryKey: ['clients', 'list', query, filter.status, filter.mine, filter.administration],
    queryFn: async () => {
      if (!filter.administration) return unwrap(api.clients.list({ query, mine: filter.mine, ...(filter.status ? { status: filter.status } : {}) }));
      const { items } = await unwrap(api.clients.administration({}));
      const found = items.filter((item) => matches(item, query, filter.status));
      return { items: found, total: items.length, matched: found.length };
    },
    placeholderData: keepPreviousData,
  });
}
