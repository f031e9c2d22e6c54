import { isAdministrator } from '../../../shared/domain/user.js';
import type { CentralApi } from '../../sync/central-api.js';
import { sendAcknowledgements } from '../../sync/notice-sync.js';
import { syncValueKeys, DeviceValues } from '../../sync/device-values.js';
import { noticeBoardOf } from '../../sync/sync-service.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

/**
 * The service's notices in the app header (terms changes, maintenance, price changes for admins):
 * read from the device's copy, which each sync refreshes, so they show offline too.
 */
export interface NoticeServices extends Pick<CoreServices, 'store' | 'session' | 'log'> {
  isOnline: () => boolean;
}

export function noticeHandlers(services: NoticeServices, api: CentralApi): HandlersFor<'notices'> {
  /** The signed-in user's role; refuses (signed out, locked) like every dossier call. */
  const role = () => {
    services.session.dossiers();
    const status = services.session.status();
    return status.state === 'unlocked' ? status.user.role : 'practitioner';
  };

  return {
    'notices.current': async () => {
      const administrator = isAdministrator(role());
      const notices = await noticeBoardOf(services.store).current(new Date());
      // The service sends price changes only to admins; a device shared with another role never shows a kept one.
      return { notices: notices.filter((notice) => notice.kind !== 'price-change' || administrator) };
    },
    'notices.acknowledge': async ({ id }) => {
      role();
      const board = noticeBoardOf(services.store);
      await board.acknowledge(id);
      if (services.isOnline()) {
        const token = new DeviceValues(() => services.store.connection).get(syncValueKeys.sessionToken);
        // Offline after all, or the service is busy: it stays on the list and the next sync sends it.
        await sendAcknowledgements(api, token, board).catch((error: unknown) => services.log.warn({ err: error }, 'notice acknowledgement not sent yet'));
      }
      return { ok: true as const, sent: !(await board.pendingAcknowledgements()).includes(id) };
    },
  };
}
