import type { CoreServices } from '../core-services.js';

/** Display names of the organisation's users, for turning author and actor ids into names. */
export function userNames({ session, store }: CoreServices): (userId: string | null) => string {
  const account = session.account();
  const names = new Map((account ? store.directory.listUsers(account.organisationId) : []).map((u) => [u.id, u.displayName]));
  return (userId) => (userId ? (names.get(userId) ?? 'Onbekende gebruiker') : '');
}
