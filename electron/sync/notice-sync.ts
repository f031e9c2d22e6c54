import { apiRoutes } from '../../shared/api/routes.js';
import type { ServiceNotice, ServiceNoticeBoard } from '../licence/service-notices.js';
import { CentralApiError, type CentralApi } from './central-api.js';

/**
 * Brings the service's notices to the device (on sign-in and each sync): first the acknowledgements
 * made here while offline, then the whole current list, kept in the encrypted store so it shows
 * offline. A notice the service no longer knows (withdrawn) needs no acknowledgement.
 */
export async function syncNotices(api: CentralApi, token: string | null, board: ServiceNoticeBoard): Promise<ServiceNotice[]> {
  await sendAcknowledgements(api, token, board);
  const { notices } = await api.call(apiRoutes.notices, { token });
  return board.replace(notices);
}

/** Sends what was acknowledged on this device; stops at the first failure (offline), kept for later. */
export async function sendAcknowledgements(api: CentralApi, token: string | null, board: ServiceNoticeBoard): Promise<void> {
  for (const id of await board.pendingAcknowledgements()) {
    try {
      await api.call(apiRoutes.acknowledgeNotice, { params: { id }, token });
    } catch (error) {
      if (!(error instanceof CentralApiError && error.code === 'not_found')) throw error;
    }
    await board.acknowledgementSent(id);
  }
}
