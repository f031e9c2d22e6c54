import { useQuery } from '@tanstack/react-query';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';

export const licenceKey = ['licence'] as const;

/** The device's licence as the core decides it (checked again every minute: leases expire). */
export function useLicence() {
  return useQuery({ queryKey: licenceKey, queryFn: () => unwrap(api.licence.status({})), refetchInterval: 60_000 });
}
