import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ServiceContext } from '../context.js';
import { displayRecoveryCode, randomRecoveryCode } from '../crypto/tokens.js';
import type { Queryable } from '../db/database.js';
import { recoveryCodes, users } from '../db/schema/index.js';
import { matchTotp } from './totp.js';

type UserRow = typeof users.$inferSelect;
export type SecondFactorResult = 'ok' | 'missing' | 'wrong';

export const RECOVERY_CODE_COUNT = 10;

/**
 * Checks a TOTP code or a recovery code for a user with 2FA. Both are single use, enforced by a
 * conditional UPDATE, so two instances racing with the same code accept it at most once.
 */
export async function verifySecondFactor(
  context: ServiceContext,
  user: UserRow,
  proof: { totp?: string | undefined; recoveryCode?: string | undefined },
): Promise<SecondFactorResult> {
  if (proof.totp) return (await consumeTotp(context, user, user.totpSecretSealed, proof.totp)) ? 'ok' : 'wrong';
  if (proof.recoveryCode) return (await consumeRecoveryCode(context, user, proof.recoveryCode)) ? 'ok' : 'wrong';
  return 'missing';
}

/** Accepts `code` for the sealed secret once; records its time step so it cannot be replayed. */
export async function consumeTotp(context: ServiceContext, user: UserRow, sealedSecret: string | null, code: string): Promise<boolean> {
  if (!sealedSecret) return false;
  const secret = context.secrets.open(sealedSecret);
  if (!secret) return false;
  const step = matchTotp(secret, code, context.now());
  if (step === null) return false;
  const claimed = await context.database.db
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(users.organisationId, user.organisationId),
        eq(users.id, user.id),
        or(isNull(users.totpLastStep), lt(users.totpLastStep, step)),
      ),
    )
    .returning({ id: users.id });
  return claimed.length === 1;
}

async function consumeRecoveryCode(context: ServiceContext, user: UserRow, code: string): Promise<boolean> {
  const used = await context.database.db
    .update(recoveryCodes)
    .set({ usedAt: context.now() })
    .where(
      and(
        eq(recoveryCodes.organisationId, user.organisationId),
        eq(recoveryCodes.userId, user.id),
        eq(recoveryCodes.codeHash, context.secrets.keyedHash('recovery', code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
}

/** Replaces the user's recovery codes with fresh ones; returns them for showing once. */
export async function issueRecoveryCodes(context: ServiceContext, db: Queryable, organisationId: string, userId: string): Promise<string[]> {
  const now = context.now();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => randomRecoveryCode(context.lib));
  await db.delete(recoveryCodes).where(and(eq(recoveryCodes.organisationId, organisationId), eq(recoveryCodes.userId, userId)));
  await db.insert(recoveryCodes).values(
    codes.map((code) => ({ organisationId, userId, id: uuidv7(), codeHash: context.secrets.keyedHash('recovery', code), createdAt: now })),
  );
  return codes.map(displayRecoveryCode);
}

export async function recoveryCodesLeft(db: Queryable, organisationId: string, userId: string): Promise<number> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.organisationId, organisationId), eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}
