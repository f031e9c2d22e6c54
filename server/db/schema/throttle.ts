import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-in counters shared by every instance. Keyed before anyone is authenticated (by
 * e-mail address and by client address, both hashed), so not per tenant: on Citus this table is
 * distributed by `key`. Unknown e-mail addresses are throttled exactly like known ones.
 */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull(),
  /** How often this key was locked out; each lockout lasts longer. */
  lockouts: integer('lockouts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
