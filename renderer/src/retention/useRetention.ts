import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';

const casesKey = ['retention', 'cases'] as const;

/** The organisation's removal cases, straight from the central service (never cached: another admin may act). */
export const useRetentionCases = () => useQuery({ queryKey: casesKey, queryFn: () => unwrap(api.retention.cases({})), staleTime: 0 });

/** A step on a case; afterwards the list reads again, and the client list too (a dossier may be gone). */
export function useRetentionChange<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: casesKey });
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
    },
  });
}
