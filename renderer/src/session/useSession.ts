import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SessionStatus } from '../../../shared/ipc/calls/session.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useCoreEvent } from '../ipc/useCoreEvent.js';

export const sessionKey = ['session'] as const;

export function useSession() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: sessionKey, queryFn: () => unwrap(api.session.status({})) });
  const onChanged = useCallback(
    (status: SessionStatus) => queryClient.setQueryData(sessionKey, status),
    [queryClient],
  );
  useCoreEvent('session.changed', onChanged);
  return query;
}
