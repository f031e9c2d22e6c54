import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../bridge/index.js';
import { flushAllDrafts } from '../drafts/draft-registry.js';
import { unwrap } from '../ipc/call.js';
import { sessionKey } from './useSession.js';

/** Locks the app after saving every open draft, so the unlock screen hides nothing unsaved. */
export function useLockNow(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await flushAllDrafts();
    const status = await unwrap(api.session.lock({}));
    queryClient.setQueryData(sessionKey, status);
  }, [queryClient]);
}
