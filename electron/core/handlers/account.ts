import type { MyAccount } from '../../session/my-account.js';
import type { ConnectivityMonitor } from '../../connectivity/monitor.js';
import { CoreError } from '../core-error.js';
import type { HandlersFor } from '../handlers.js';

/**
 * "Mijn account": not behind the licence — a user of a blocked organisation must still be able to
 * change a password she fears is known to someone else (it guards her device's offline unlock too).
 */
export function accountHandlers(account: MyAccount, connectivity: Pick<ConnectivityMonitor, 'checkNow'>): HandlersFor<'account'> {
  const needOnline = async () => {
    const { online } = await connectivity.checkNow();
    if (!online) throw new CoreError('offline', 'Changing the account needs a connection to the central service.');
  };
  return {
    'account.changePassword': async ({ currentPassword, newPassword }) => {
      await needOnline();
      await account.changePassword(currentPassword, newPassword);
      return { changed: true };
    },
    'account.twoFactor': async () => {
      await needOnline();
      return { enabled: await account.twoFactorEnabled() };
    },
    'account.renewRecoveryCodes': async ({ code }) => {
      await needOnline();
      return account.renewRecoveryCodes(code);
    },
  };
}
