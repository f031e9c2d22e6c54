import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { IpcCallError, unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';

const casesKey = ['retention', 'cases'] as const;
export const retentionAuditKey = ['retention', 'audit'] as const;

/** The organisation's removal cases, straight from the central service (never cached: another admin may act). */
export const useRetentionCases = () => useQuery({ queryKey: casesKey, queryFn: () => unwrap(api.retention.cases({})), staleTime: 0 });

/** A step on a case; afterwards the list and the audit trail read again, and the client list too (a dossier may be gone). */
export function useRetentionChange<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    // Also after a refusal: another admin may have acted meanwhile, and the list should show it.
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: casesKey });
      await queryClient.invalidateQueries({ queryKey: retentionAuditKey });
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
    },
  });
}

/** The retention screen's own words for the refusals it meets (what happened, what to do next); others as everywhere. */
const retentionCodes = new Set(['offline', 'conflict', 'not_found', 'forbidden']);
export function useRetentionErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const generic = useErrorText();
  return (error) => (error instanceof IpcCallError && retentionCodes.has(error.error.code) ? t(`retention.errors.${error.error.code}`) : generic(error));
}
