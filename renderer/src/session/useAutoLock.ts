import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useLockNow } from './useLockNow.js';

export const organisationKey = ['organisation'] as const;
const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const DEFAULT_MINUTES = 15;

/**
 * Locks the app after the organisation's inactivity time (SPEC §4, default 15 minutes). Any key,
 * pointer or wheel event counts as activity. Typed input stays in the (hidden) screens and in the
 * drafts, so unlocking returns to exactly where the user was.
 */
export function useAutoLock(): void {
  const organisation = useQuery({ queryKey: organisationKey, queryFn: () => unwrap(api.organisation.current({})), staleTime: Infinity });
  const minutes = organisation.data?.autoLockMinutes ?? DEFAULT_MINUTES;
  const lockNow = useLockNow();
  const lockRef = useRef(lockNow);
  lockRef.current = lockNow;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void lockRef.current(), minutes * 60_000);
    };
    restart();
    for (const event of activityEvents) window.addEventListener(event, restart, { passive: true, capture: true });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const event of activityEvents) window.removeEventListener(event, restart, { capture: true });
    };
  }, [minutes]);
}
