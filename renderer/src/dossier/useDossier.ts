import { useQuery } from '@tanstack/react-query';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';

export const dossierKey = (clientId: string) => ['clients', 'get', clientId] as const;

/** The client with this user's rights on the dossier (the screens hide what the core would refuse). */
export function useDossier(clientId: string) {
  return useQuery({ queryKey: dossierKey(clientId), queryFn: () => unwrap(api.clients.get({ clientId })) });
}
