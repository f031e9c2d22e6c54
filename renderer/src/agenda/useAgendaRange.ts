import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';

export const agendaKey = ['agenda'] as const;

/** Appointments overlapping [from, to), optionally of one client. */
export function useAgendaRange(from: string | null, to: string | null, clientId?: string) {
  return useQuery({
    queryKey: [...agendaKey, from, to, clientId ?? null],
    queryFn: () => unwrap(api.agenda.list({ from: from!, to: to!, ...(clientId ? { clientId } : {}) })),
    enabled: Boolean(from && to),
    placeholderData: keepPreviousData,
  });
}
