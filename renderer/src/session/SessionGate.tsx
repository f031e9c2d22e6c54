import { Box, Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useRefreshAfterSync } from '../sync/useRefreshAfterSync.js';
import { InitialSyncPanel } from './InitialSyncPanel.js';
import { SignInScreen } from './SignInScreen.js';
import { UnlockScreen } from './UnlockScreen.js';
import { useSession } from './useSession.js';

/**
 * Shows the dossiers only to an unlocked session. When an open session locks (button or
 * inactivity), the screens stay mounted but hidden and inert behind the unlock screen: whatever
 * was being typed is still there after unlocking, on the same screen.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useSession();
  const queryClient = useQueryClient();
  useRefreshAfterSync();
  const state = session.data?.state;
  const wasUnlocked = useRef(false);
  if (state === 'unlocked') wasUnlocked.current = true;
  if (state === 'no-account') wasUnlocked.current = false;

  useEffect(() => {
    // Back from a lock: everything read before may have been refused while locked; read it again.
    if (state === 'unlocked') void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
  }, [state, queryClient]);

  if (!session.data) {
    return (
      <Center h="100vh">
        <Loader aria-label="Laden" />
      </Center>
    );
  }
  if (session.data.state === 'no-account') return <SignInScreen wiped={session.data.wiped} />;
  const locked = session.data.state === 'locked';
  if (session.data.state === 'locked' && !wasUnlocked.current) return <UnlockScreen displayName={session.data.displayName} email={session.data.email} />;
  // One stable element around the screens, locked or not, so React never remounts (and empties) them.
  return (
    <>
      <Box hidden={locked} inert={locked} data-testid="app-screens">
        {children}
        {!locked && <InitialSyncPanel />}
      </Box>
      {session.data.state === 'locked' && <UnlockScreen displayName={session.data.displayName} email={session.data.email} />}
    </>
  );
}
