import { and, eq } from 'drizzle-orm';
import { consumeTotp, issueRecoveryCodes } from '../auth/secondFactor.js';
import { revokeSessions } from '../auth/sessions.js';
import { lockedForSeconds, recordFailure, throttleKeys } from '../auth/throttle.js';
import { newTotpSecret, otpauthUri, qrSvg } from '../auth/totp.js';
import type { ServiceContext } from '../context.js';
import { recoveryCodes, users } from '../db/schema/index.js';
import type { Caller } from '../http/authenticate.js';
import { conflict, forbidden, HttpError } from '../http/httpError.js';
import { audit } from './audit.js';
import { userInOrganisation } from './userView.js';

export const wrongCode = (): HttpError => new HttpError(400, 'invalid_two_factor_code', 'That code is not right, or was used already.');

/**
 * Re-checks of a password or code by a signed-in user count toward the same lockout as sign-in, so
 * a stolen session cannot be used to guess the password or walk through the TOTP code space.
 */
export async function guarded(context: ServiceContext, caller: Caller, check: () => Promise<boolean>, failure: () => HttpError): Promise<void> {
  const keys = throttleKeys(context, caller.user.email, caller.ip);
  const locked = await lockedForSeconds(context, keys);
  if (locked > 0) throw new HttpError(429, 'too_many_attempts', 'Too many failed attempts. Wait a while and try again.', { retryAfterSeconds: locked });
  if (await check()) return;
  await recordFailure(context, keys);
  throw failure();
}

/** Step 1 of enrolment: a new secret, kept pending (sealed) until the user proves the app has it. */
export async function enrolTwoFactor(context: ServiceContext, caller: Caller) {
  if (caller.user.totpEnabledAt) throw conflict('Two-step verification is already on. Turn it off first to move it to another app.');
  const secret = newTotpSecret();
  await context.database.db
    .update(users)
    .set({ totpPendingSealed: context.secrets.seal(secret) })
    .where(and(eq(users.organisationId, caller.organisationId), eq(users.id, caller.userId)));
  const uri = otpauthUri(secret, caller.user.email);
  return { secret, otpauthUri: uri, qrSvg: await qrSvg(uri) };
}

/**
 * Step 2: a correct code turns 2FA on and gives the recovery codes (shown once). An enrolment-only
 * session has done its job then: it is ended, and the user signs in again with the code.
 */
export async function confirmTwoFactor(context: ServiceContext, caller: Caller, code: string) {
  const user = await userInOrganisation(context.database.db, caller.organisationId, caller.userId);
  if (user.totpEnabledAt) throw conflict('Two-step verification is already on.');
  if (!user.totpPendingSealed) throw conflict('Start the set-up first.');
  await guarded(context, caller, () => consumeTotp(context, user, user.totpPendingSealed, code), wrongCode);
  const recoveryCodes = await context.database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecretSealed: user.totpPendingSealed, totpPendingSealed: null, totpEnabledAt: context.now() })
      .where(and(eq(users.organisationId, caller.organisationId), eq(users.id, caller.userId)));
    const codes = await issueRecoveryCodes(context, tx, caller.organisationId, caller.userId);
    if (caller.scope !== 'full') await revokeSessions(context, tx, { organisationId: caller.organisationId, userId: caller.userId }, '2FA enrolled');
    await audit(context, tx, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'two-factor.enabled', targetUserId: caller.userId, ip: caller.ip });
    return codes;
  });
  return { recoveryCodes };
}

export async function disableTwoFactor(context: ServiceContext, caller: Caller, proof: { password: string; code: string }) {
  if (caller.organisation.requireTwoFactor) throw forbidden('Your organisation requires two-step verification.');
  const user = await userInOrganisation(context.database.db, caller.organisationId, caller.userId);
  if (!user.totpEnabledAt) throw conflict('Two-step verification is not on.');
  const wrongPassword = () => new HttpError(400, 'invalid_credentials', 'The password is not right.');
  await guarded(context, caller, async () => Boolean(user.passwordHash) && context.passwords.verify(user.passwordHash ?? '', proof.password), wrongPassword);
  await guarded(context, caller, () => consumeTotp(context, user, user.totpSecretSealed, proof.code), wrongCode);
  await context.database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecretSealed: null, totpEnabledAt: null, totpPendingSealed: null })
      .where(and(eq(users.organisationId, caller.organisationId), eq(users.id, caller.userId)));
    await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.organisationId, caller.organisationId), eq(recoveryCodes.userId, caller.userId)));
    await audit(context, tx, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'two-factor.disabled', targetUserId: caller.userId, ip: caller.ip });
  });
  return { ok: true as const };
}

export async function regenerateRecoveryCodes(context: ServiceContext, caller: Caller, code: string) {
  const user = await userInOrganisation(context.database.db, caller.organisationId, caller.userId);
  if (!user.totpEnabledAt) throw conflict('Two-step verification is not on.');
  await guarded(context, caller, () => consumeTotp(context, user, user.totpSecretSealed, code), wrongCode);
  const recoveryCodes = await issueRecoveryCodes(context, context.database.db, caller.organisationId, caller.userId);
  await audit(context, context.database.db, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'recovery-codes.renewed', targetUserId: caller.userId, ip: caller.ip });
  return { recoveryCodes };
}

/** A new password ends every other session of the user (a thief's session ends with it). */
export async function changePassword(context: ServiceContext, caller: Caller, change: { currentPassword: string; newPassword: string }) {
  const user = await userInOrganisation(context.database.db, caller.organisationId, caller.userId);
  await guarded(
    context,
    caller,
    async () => Boolean(user.passwordHash) && context.passwords.verify(user.passwordHash ?? '', change.currentPassword),
    () => new HttpError(400, 'invalid_credentials', 'The current password is not right.'),
  );
  const passwordHash = await context.passwords.hash(change.newPassword);
  await context.database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: context.now() })
      .where(and(eq(users.organisationId, caller.organisationId), eq(users.id, caller.userId)));
    await revokeSessions(context, tx, { organisationId: caller.organisationId, userId: caller.userId, exceptSessionId: caller.sessionId }, 'password changed');
    await audit(context, tx, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'password.changed', targetUserId: caller.userId, ip: caller.ip });
  });
  return { ok: true as const };
}
