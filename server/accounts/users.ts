import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { inviteUserRequestSchema, updateUserRequestSchema } from '../../shared/api/admin.js';
import type { AdminUser } from '../../shared/api/admin.js';
import { revokeSessions } from '../auth/sessions.js';
import type { ServiceContext } from '../context.js';
import { randomSecret, sameDigest } from '../crypto/tokens.js';
import { organisations, signInDirectory, users } from '../db/schema/index.js';
import type { Caller } from '../http/authenticate.js';
import { conflict, forbidden, HttpError } from '../http/httpError.js';
import { activeUsersChanged } from '../subscription/store.js';
import { audit } from './audit.js';
import { publishUser } from './publishAccountRows.js';
import { activeDeviceCounts, toAdminUser, userInOrganisation } from './userView.js';

const INVITE_DAYS = 7;

/**
 * Invites a colleague: a user row in 'invited' state and a one-time token for the invite link.
 * The address is claimed in the sign-in directory now, so two organisations cannot both invite it.
 * A removed user of this organisation can be invited again (same row, new token).
 */
export async function inviteUser(context: ServiceContext, caller: Caller, input: z.output<typeof inviteUserRequestSchema>) {
  const token = randomSecret(context.lib);
  const now = context.now();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 24 * 60 * 60 * 1000);
  const user = await context.database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(users)
      .where(and(eq(users.organisationId, caller.organisationId), eq(users.email, input.email)))
      .for('update');
    if (existing && existing.status !== 'removed') throw conflict(`There is already a user with this e-mail address (${existing.status}).`);
    const id = existing?.id ?? uuidv7();
    const claimed = await tx
      .insert(signInDirectory)
      .values({ email: input.email, organisationId: caller.organisationId, userId: id })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) throw conflict('This e-mail address already has an account, possibly in another organisation.');
    const fields = {
      displayName: input.displayName,
      role: input.role,
      status: 'invited' as const,
      passwordHash: null,
      totpSecretSealed: null,
      totpEnabledAt: null,
      totpPendingSealed: null,
      inviteTokenHash: context.secrets.keyedHash('invite', token),
      inviteExpiresAt: expiresAt,
      statusChangedAt: now,
    };
    const [row] = existing
      ? await tx.update(users).set(fields).where(and(eq(users.organisationId, caller.organisationId), eq(users.id, id))).returning()
      : await tx.insert(users).values({ organisationId: caller.organisationId, id, email: input.email, createdAt: now, ...fields }).returning();
    if (!row) throw new Error('invite wrote no row');
    await publishUser(context, tx, row);
    await audit(context, tx, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'user.invited', targetUserId: id, detail: { role: input.role }, ip: caller.ip });
    return row;
  });
  return { user: toAdminUser(user, 0), inviteToken: `${caller.organisationId}.${user.id}.${token}`, inviteExpiresAt: expiresAt.toISOString() };
}

/** The invited user sets a password; the account becomes active and counts toward the plan. */
export async function acceptInvite(context: ServiceContext, input: { token: string; password: string; displayName?: string | undefined }) {
  const invalid = () => new HttpError(400, 'invite_invalid', 'This invite link is not valid any more. Ask for a new one.');
  const [organisationId, userId, secret] = input.token.split('.');
  if (!organisationId || !userId || !secret || !/^[0-9a-f-]{36}$/.test(organisationId) || !/^[0-9a-f-]{36}$/.test(userId)) throw invalid();
  const passwordHash = await context.passwords.hash(input.password);
  return context.database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ user: users, organisationName: organisations.name })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)))
      .for('update');
    const now = context.now();
    if (
      !row ||
      row.user.status !== 'invited' ||
      !row.user.inviteTokenHash ||
      !sameDigest(context.lib, row.user.inviteTokenHash, context.secrets.keyedHash('invite', secret)) ||
      !row.user.inviteExpiresAt ||
      row.user.inviteExpiresAt <= now
    ) {
      throw invalid();
    }
    const [accepted] = await tx
      .update(users)
      .set({
        status: 'active',
        passwordHash,
        passwordChangedAt: now,
        inviteTokenHash: null,
        inviteExpiresAt: null,
        statusChangedAt: now,
        ...(input.displayName ? { displayName: input.displayName } : {}),
      })
      .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)))
      .returning();
    if (accepted) await publishUser(context, tx, accepted);
    await activeUsersChanged(context, tx, organisationId);
    await audit(context, tx, { organisationId, actorUserId: userId, action: 'user.invite-accepted', targetUserId: userId });
    return { email: row.user.email, organisationName: row.organisationName };
  });
}

/**
 * Role, name and status changes by an admin. The owner is changed by nobody here (ownership moves
 * by a separate, confirmed hand-over); nobody pauses or removes themselves (no admin-less lock-out).
 */
export async function updateUser(
  context: ServiceContext,
  caller: Caller,
  userId: string,
  change: z.output<typeof updateUserRequestSchema>,
): Promise<AdminUser> {
  const updated = await context.database.db.transaction(async (tx) => {
    const target = await userInOrganisation(tx, caller.organisationId, userId, true);
    if (target.role === 'owner' && (change.role || change.status)) throw forbidden('The owner’s role and status cannot be changed here.');
    if (target.id === caller.userId && (change.role || change.status)) throw forbidden('You cannot change your own role or status.');
    if (change.status && change.status !== target.status) assertTransition(target.status, change.status);
    const now = context.now();
    const [row] = await tx
      .update(users)
      .set({
        ...(change.displayName ? { displayName: change.displayName } : {}),
        ...(change.role ? { role: change.role } : {}),
        ...(change.status && change.status !== target.status ? { status: change.status, statusChangedAt: now } : {}),
        ...(change.status === 'removed' ? { inviteTokenHash: null, inviteExpiresAt: null } : {}),
      })
      .where(and(eq(users.organisationId, caller.organisationId), eq(users.id, userId)))
      .returning();
    if (!row) throw new Error('user update returned no row');
    await publishUser(context, tx, row);
    if (change.status === 'paused' || change.status === 'removed') {
      await revokeSessions(context, tx, { organisationId: caller.organisationId, userId }, `user ${change.status}`);
    }
    if (change.status === 'removed') {
      await tx.delete(signInDirectory).where(and(eq(signInDirectory.email, row.email), eq(signInDirectory.userId, row.id)));
    }
    if (change.status && change.status !== target.status) await activeUsersChanged(context, tx, caller.organisationId);
    await audit(context, tx, {
      organisationId: caller.organisationId,
      actorUserId: caller.userId,
      action: 'user.updated',
      targetUserId: userId,
      detail: { ...change },
      ip: caller.ip,
    });
    return row;
  });
  const counts = await activeDeviceCounts(context, context.database.db, caller.organisationId);
  return toAdminUser(updated, counts.get(updated.id) ?? 0);
}

function assertTransition(from: string, to: string): void {
  const allowed: Record<string, string[]> = {
    invited: ['removed'],
    active: ['paused', 'removed'],
    paused: ['active', 'removed'],
    removed: [],
  };
  if (!allowed[from]?.includes(to)) {
    throw conflict(from === 'removed' ? 'A removed user comes back by a new invite.' : `A user who is ${from} cannot be made ${to}.`);
  }
}
