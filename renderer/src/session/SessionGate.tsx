import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { SignInScreen } from './SignInScreen.js';
import { UnlockScreen } from './UnlockScreen.js';
import { useSession } from './useSession.js';

/** Shows the dossiers only to an unlocked session; otherwise the sign-in or unlock screen. */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useSession();
  if (!session.data) {
    return (
      <Center h="100vh">
        <Loader aria-label="Laden" />
      </Center>
    );
  }
  switch (session.data.state) {
    case 'no-account':
      return <SignInScreen />;
    case 'locked':
      return <UnlockScreen displayName={session.data.displayName} />;
    case 'unlocked':
      return <>{children}</>;
  }
}
