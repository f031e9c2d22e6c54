import type { ServiceContext } from '../context.js';
import type { Queryable, Tx } from '../db/database.js';
import type { organisations, users } from '../db/schema/index.js';
import { publishHubRow } from '../sync/publishRow.js';

/**
 * Account changes every device must learn by sync (the pull-only `organisations` and `users` sync
 * tables): who the colleagues are, their roles and status, the auto-lock setting. Called in the
 * same transaction as the change, so a device never pulls a state the account tables do not have.
 */
export async function publishUser(context: ServiceContext, tx: Queryable, user: typeof users.$inferSelect): Promise<void> {
  await publishHubRow(
    tx as Tx,
    user.organisationId,
    'users',
    user.id,
    { email: user.email, displayName: user.displayName, role: user.role, status: user.status },
    context.now(),
  );
}

export async function publishOrganisation(context: ServiceContext, tx: Queryable, organisation: typeof organisations.$inferSelect): Promise<void> {
  await publishHubRow(
    tx as Tx,
    organisation.id,
    'organisations',
    organisation.id,
    { name: organisation.name, autoLockMinutes: organisation.autoLockMinutes, requireTwoFactor: organisation.requireTwoFactor },
    context.now(),
  );
}
