import { and, eq } from 'drizzle-orm';
import type { SignInResponse } from '../../shared/api/auth.js';
import type { signInRequestSchema } from '../../shared/api/auth.js';
import type { z } from 'zod';
import { audit } from '../accounts/audit.js';
import { registerDevice } from '../accounts/devices.js';
import type { ServiceContext } from '../context.js';
import { organisations, signInDirectory, users } from '../db/schema/index.js';
import { HttpError } from '../http/httpError.js';
import { issueLease } from '../licence/issueLease.js';
import { ipAllowed } from './ipAllowList.js';
import { recoveryCodesLeft, verifySecondFactor } from './secondFactor.js';
import { createSession } from './sessions.js';
import { clearAccountFailures, lockedForSeconds, recordFailure, throttleKeys } from './throttle.js';

type SignInRequest = z.output<typeof signInRequestSchema>;

/** A session that may only enrol 2FA lives this long. */
const ENROLMENT_SESSION_MINUTES = 15;

const invalidCredentials = (): HttpError =>
  new HttpError(401, 'invalid_credentials', 'The e-mail address or the password is not right.');

/**
 * Sign-in with e-mail, password and (when enrolled or enforced) a second factor.
 *
 * Order matters for enumeration: until the password is proven, an unknown address, a removed
 * user, an invited user without a password and a wrong password get the same answer after the
 * same Argon2id effort. Only after the password is right does the answer say more (2FA needed,
 * IP not allowed, paused), which the account's owner may know.
 */
export async function signIn(context: ServiceContext, request: SignInRequest, ip: string): Promise<SignInResponse> {
  const keys = throttleKeys(context, request.email, ip);
  const locked = await lockedForSeconds(context, keys);
  if (locked > 0) {
    throw new HttpError(429, 'too_many_attempts', 'Too many failed attempts. Wait a while and try again.', { retryAfterSeconds: locked });
  }

  const found = await findAccount(context, request.email);
  const passwordOk = found?.user.passwordHash
    ? await context.passwords.verify(found.user.passwordHash, request.password)
    : (await context.passwords.verifyNothing(request.password), false);
  if (!found || !passwordOk) {
    await recordFailure(context, keys);
    throw invalidCredentials();
  }
  const { user, organisation } = found;

  if (!ipAllowed(organisation.ipAllowList, ip)) {
    await audit(context, context.database.db, { organisationId: organisation.id, actorUserId: user.id, action: 'sign-in.refused.ip', ip });
    throw new HttpError(403, 'ip_not_allowed', 'Your organisation does not allow sign-in from this network.');
  }
  if (user.status === 'paused') throw new HttpError(403, 'account_paused', 'This account is paused. Ask your organisation’s admin.');
  if (organisation.endedAt) throw new HttpError(403, 'organisation_ended', 'The agreement of this organisation has ended.');

  if (user.totpEnabledAt) {
    const second = await verifySecondFactor(context, user, request);
    if (second === 'missing') throw new HttpError(401, 'two_factor_required', 'Enter the code from your authenticator app.');
    if (second === 'wrong') {
      await recordFailure(context, keys);
      throw new HttpError(401, 'invalid_two_factor_code', 'That code is not right, or was used already.');
    }
  } else if (organisation.requireTwoFactor) {
    // Enforced 2FA: no access and no lease, only a short session to set 2FA up with.
    await clearAccountFailures(context, keys);
    const enrolment = await createSession(context, context.database.db, {
      organisationId: organisation.id,
      userId: user.id,
      deviceId: null,
      scope: 'two-factor-enrolment',
      lifetimeMinutes: ENROLMENT_SESSION_MINUTES,
      ip,
    });
    throw new HttpError(403, 'two_factor_enrolment_required', 'Your organisation requires two-step verification. Set it up first.', {
      enrolmentToken: enrolment.token,
    });
  }

  await clearAccountFailures(context, keys);
  if (context.passwords.needsRehash(user.passwordHash ?? '')) {
    await context.database.db
      .update(users)
      .set({ passwordHash: await context.passwords.hash(request.password) })
      .where(and(eq(users.organisationId, user.organisationId), eq(users.id, user.id)));
  }

  return context.database.db.transaction(async (tx) => {
    const device = await registerDevice(context, tx, { organisationId: organisation.id, userId: user.id, ip, info: request.device });
    if (device.revokedAt) throw new HttpError(403, 'device_revoked', 'This device was signed out by an admin. Ask them to allow it again.');
    const session = await createSession(context, tx, {
      organisationId: organisation.id,
      userId: user.id,
      deviceId: device.id,
      scope: 'full',
      lifetimeMinutes: organisation.sessionHours * 60,
      ip,
    });
    const lease = await issueLease(context, tx, { organisationId: organisation.id, userId: user.id, deviceId: device.id, userStatus: user.status });
    await audit(context, tx, { organisationId: organisation.id, actorUserId: user.id, action: 'sign-in', detail: { deviceId: device.id }, ip });
    return {
      session: { token: session.token, id: session.id, expiresAt: session.expiresAt.toISOString() },
      user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role, twoFactorEnabled: user.totpEnabledAt !== null },
      organisation: {
        id: organisation.id,
        name: organisation.name,
        requireTwoFactor: organisation.requireTwoFactor,
        autoLockMinutes: organisation.autoLockMinutes,
      },
      deviceId: device.id,
      lease,
      leaseKeys: context.leaseKeys.published,
      recoveryCodesLeft: user.totpEnabledAt ? await recoveryCodesLeft(tx, organisation.id, user.id) : 0,
    };
  });
}

/** The active or paused account behind an e-mail address; null for anything that cannot sign in. */
async function findAccount(context: ServiceContext, email: string) {
  const [row] = await context.database.db
    .select({ user: users, organisation: organisations })
    .from(signInDirectory)
    .innerJoin(users, and(eq(users.organisationId, signInDirectory.organisationId), eq(users.id, signInDirectory.userId)))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(signInDirectory.email, email));
  if (!row || (row.user.status !== 'active' && row.user.status !== 'paused')) return null;
  return row;
}
