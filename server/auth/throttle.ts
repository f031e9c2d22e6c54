import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { authThrottle } from '../db/schema/index.js';

/**
 * Brute-force protection in PostgreSQL, shared by every instance. Failures are counted per e-mail
 * address (known or not: the same answer either way) and per client address; past the limit the
 * key is locked, each further lockout twice as long. A success clears the account's counter.
 */
export interface ThrottlePolicy {
  windowSeconds: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  lockSeconds: number;
  maxLockSeconds: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = {
  windowSeconds: 15 * 60,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 50,
  lockSeconds: 15 * 60,
  maxLockSeconds: 24 * 60 * 60,
};

export interface ThrottleKeys {
  account: string;
  address: string;
}

export function throttleKeys(context: ServiceContext, email: string, ip: string): ThrottleKeys {
  return {
    account: `account:${context.secrets.keyedHash('throttle', email)}`,
    address: `address:${context.secrets.keyedHash('throttle', ip)}`,
  };
}

/** Seconds until the longest lock on any of the keys ends, or 0 when none is locked. */
export async function lockedForSeconds(context: ServiceContext, keys: ThrottleKeys): Promise<number> {
  const now = context.now();
  const rows = await context.database.db
    .select({ lockedUntil: authThrottle.lockedUntil })
    .from(authThrottle)
    .where(and(inArray(authThrottle.key, [keys.account, keys.address]), gt(authThrottle.lockedUntil, now)));
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailure(context: ServiceContext, keys: ThrottleKeys): Promise<void> {
  await bump(context, keys.account, context.throttle.maxFailuresPerAccount);
  await bump(context, keys.address, context.throttle.maxFailuresPerAddress);
}

export async function clearAccountFailures(context: ServiceContext, keys: ThrottleKeys): Promise<void> {
  await context.database.db.delete(authThrottle).where(eq(authThrottle.key, keys.account));
}

async function bump(context: ServiceContext, key: string, limit: number): Promise<void> {
  const now = context.now();
  const policy = context.throttle;
  const windowStart = new Date(now.getTime() - policy.windowSeconds * 1000);
  // Lockouts are forgiven after a quiet day, so an old incident does not lengthen today's lock.
  const forgiveBefore = new Date(now.getTime() - policy.maxLockSeconds * 1000);
  // One atomic statement: concurrent failures on two instances both count.
  const [row] = await context.database.db
    .insert(authThrottle)
    .values({ key, windowStartedAt: now, failures: 1, lockouts: 0 })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`CASE WHEN ${authThrottle.windowStartedAt} < ${windowStart} THEN 1 ELSE ${authThrottle.failures} + 1 END`,
        lockouts: sql`CASE WHEN ${authThrottle.windowStartedAt} < ${forgiveBefore} THEN 0 ELSE ${authThrottle.lockouts} END`,
        windowStartedAt: sql`CASE WHEN ${authThrottle.windowStartedAt} < ${windowStart} THEN ${now} ELSE ${authThrottle.windowStartedAt} END`,
      },
    })
    .returning({ failures: authThrottle.failures, lockouts: authThrottle.lockouts });
  if (!row || row.failures < limit) return;
  const lockSeconds = Math.min(policy.maxLockSeconds, policy.lockSeconds * 2 ** row.lockouts);
  await context.database.db
    .update(authThrottle)
    .set({
      failures: 0,
      windowStartedAt: now,
      lockouts: sql`${authThrottle.lockouts} + 1`,
      lockedUntil: new Date(now.getTime() + lockSeconds * 1000),
    })
    .where(eq(authThrottle.key, key));
}
