import { and, eq } from 'drizzle-orm';
import { consumeTotp } from '../auth/secondFactor.js';
import type { ServiceContext } from '../context.js';
import { users } from '../db/schema/index.js';
import type { Caller } from '../http/authenticate.js';
import { conflict, forbidden, HttpError } from '../http/httpError.js';
import { audit } from './audit.js';
import { guarded, wrongCode } from './credentials.js';
import { publishUser } from './publishAccountRows.js';
import { activeDeviceCounts, toAdminUser, userInOrganisation } from './userView.js';

/**
 * Hands ownership to another active admin of the caller's organisation. The owner re-authenticates
 * (password, and the TOTP code when 2FA is on: a session left open on a desk must not be enough to
 * give the organisation away); failures count toward the sign-in lockout. Both roles change in one
 * transaction, the owner first, so the unique index users_one_owner holds at every statement.
 */
export async function transferOwnership(context: ServiceContext, caller: Caller, request: { toUserId: string; password: string; code?: string | undefined }) {
  if (request.toUserId === caller.userId) throw conflict('You are the owner already. Choose another admin.');
  const owner = await userInOrganisation(context.database.db, caller.organisationId, caller.userId);
  const target = await userInOrganisation(context.database.db, caller.organisationId, request.toUserId);
  checkSuccessor(target);
  await guarded(
    context,
    caller,
    async () => Boolean(owner.passwordHash) && context.passwords.verify(owner.passwordHash ?? '', request.password),
    () => new HttpError(400, 'invalid_credentials', 'The password is not right.'),
  );
  if (owner.totpEnabledAt) {
    if (!request.code) throw new HttpError(400, 'two_factor_required', 'Enter the 6-digit code from your authenticator app.');
    await guarded(context, caller, () => consumeTotp(context, owner, owner.totpSecretSealed, request.code ?? ''), wrongCode);
  }
  const [previousOwner, newOwner] = await context.database.db.transaction(async (tx) => {
    // Locked and read again: a concurrent hand-over or a change to the successor applies first.
    const lockedOwner = await userInOrganisation(tx, caller.organisationId, caller.userId, true);
    const lockedTarget = await userInOrganisation(tx, caller.organisationId, request.toUserId, true);
    if (lockedOwner.role !== 'owner') throw forbidden('Only the registered owner of the organisation may do this.');
    checkSuccessor(lockedTarget);
    const where = (id: string) => and(eq(users.organisationId, caller.organisationId), eq(users.id, id));
    const [demoted] = await tx.update(users).set({ role: 'admin' }).where(where(caller.userId)).returning();
    const [promoted] = await tx.update(users).set({ role: 'owner' }).where(where(request.toUserId)).returning();
    if (!demoted || !promoted) throw new Error('ownership hand-over changed no row');
    await publishUser(context, tx, demoted);
    await publishUser(context, tx, promoted);
    await audit(context, tx, {
      organisationId: caller.organisationId,
      actorUserId: caller.userId,
      action: 'ownership.transferred',
      targetUserId: request.toUserId,
      detail: { from: caller.userId, to: request.toUserId },
      ip: caller.ip,
    });
    return [demoted, promoted];
  });
  const counts = await activeDeviceCounts(context, context.database.db, caller.organisationId);
  return { owner: toAdminUser(newOwner, counts.get(newOwner.id) ?? 0), previousOwner: toAdminUser(previousOwner, counts.get(previousOwner.id) ?? 0) };
}

function checkSuccessor(target: { role: string; status: string }): void {
  if (target.status !== 'active') throw conflict('Ownership can only go to an active user. Activate this user first.');
  if (target.role !== 'admin') throw conflict('Ownership can only go to an admin. Make this user an admin first.');
}
