import { CoreError } from '../core-error.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

/** SPEC §4: lock after 15 minutes of inactivity unless the organisation chose otherwise. */
const DEFAULT_AUTO_LOCK_MINUTES = 15;

export function organisationHandlers({ session, store }: CoreServices): HandlersFor<'organisation'> {
  const requireAccount = () => {
    session.dossiers(); // throws not_signed_in / locked
    const account = session.account();
    if (!account) throw new CoreError('not_signed_in', 'Nobody has signed in on this device yet.');
    return account;
  };
  return {
    'organisation.current': async () => {
      const account = requireAccount();
      const organisation = store.directory.getOrganisation(account.organisationId);
      return {
        id: account.organisationId,
        name: organisation?.name ?? '',
        autoLockMinutes: organisation?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
      };
    },
    'organisation.users': async () => {
      const account = requireAccount();
      const items = store.directory
        .listUsers(account.organisationId)
        .filter((user) => !user.deletedAt)
        .map(({ id, displayName, email, role, status }) => ({ id, displayName, email, role, status }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
      return { items };
    },
  };
}
