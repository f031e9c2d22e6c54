import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IpcInput } from '../../../shared/ipc/contract.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';

/**
 * The admin screens' data, straight from the central service through the core. Not cached long:
 * another admin may change the same things, and offline there is nothing to show anyway.
 */
export const adminKeys = {
  all: ['admin'] as const,
  users: ['admin', 'users'] as const,
  devices: ['admin', 'devices'] as const,
  subscription: ['admin', 'subscription'] as const,
  invoices: ['admin', 'invoices'] as const,
  security: ['admin', 'security'] as const,
  storage: ['admin', 'storage'] as const,
  downgradeRequests: ['admin', 'downgrade-requests'] as const,
};

const fresh = { staleTime: 0 } as const;

export const useAdminUsers = () => useQuery({ queryKey: adminKeys.users, queryFn: () => unwrap(api.admin.users({})), ...fresh });
export const useAdminDevices = () => useQuery({ queryKey: adminKeys.devices, queryFn: () => unwrap(api.admin.devices({})), ...fresh });
export const useAdminSubscription = () => useQuery({ queryKey: adminKeys.subscription, queryFn: () => unwrap(api.admin.subscription({})), ...fresh });
export const useAdminInvoices = () => useQuery({ queryKey: adminKeys.invoices, queryFn: () => unwrap(api.admin.invoices({})), ...fresh });
export const useAdminSecurity = () => useQuery({ queryKey: adminKeys.security, queryFn: () => unwrap(api.admin.security({})), ...fresh });
export const useAdminDowngradeRequests = () =>
  useQuery({ queryKey: adminKeys.downgradeRequests, queryFn: () => unwrap(api.admin.downgradeRequests({})), ...fresh });
export const useAdminStorage = () => useQuery({ queryKey: adminKeys.storage, queryFn: () => unwrap(api.admin.storage({})), ...fresh });

/** Art. 14's upgrade, asked for while a dialog is open (never cached: a colleague may have just been added). */
export const useSeatPreview = (enabled: boolean) =>
  useQuery({ queryKey: ['admin', 'seat-preview'], queryFn: () => unwrap(api.admin.seatPreview({ adding: 1 })), enabled, staleTime: 0, gcTime: 0 });

/** A change through the admin API; afterwards every admin screen reads again (plans follow users). */
export function useAdminChange<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

export type SetUserStatusInput = IpcInput<'admin.setUserStatus'>;
