import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useCoreEvent } from '../ipc/useCoreEvent.js';

export const backupsKey = ['backups'] as const;

/** The backups on this device, and "make one now" with the progress the core reports. */
export function useBackups() {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: backupsKey, queryFn: () => unwrap(api.backup.list({})) });
  const [fraction, setFraction] = useState(0);
  useCoreEvent(
    'backup.progress',
    useCallback((event: { fraction: number }) => setFraction(event.fraction), []),
  );
  const create = useMutation({
    mutationFn: () => {
      setFraction(0);
      return unwrap(api.backup.create({}));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: backupsKey }),
  });
  return { list, create, fraction };
}

/** Restores a backup; afterwards every screen reads its data again (it all changed). */
export function useRestoreBackup(onRestored: (restoredFrom: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; password: string }) => unwrap(api.backup.restore(input)),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      onRestored(result.restoredFrom);
    },
  });
}
