import { sql } from 'drizzle-orm';
import { foreignKey, bigint, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

export const userRoles = ['owner', 'admin', 'practitioner'] as const;
export const userStatuses = ['invited', 'active', 'paused', 'removed'] as const;

export const users = pgTable(
  'users',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    /** Lower-cased and trimmed; unique within the organisation (and globally via sign_in_directory). */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: userRoles }).notNull(),
    status: text('status', { enum: userStatuses }).notNull(),
    /** libsodium crypto_pwhash_str (Argon2id); null until an invited user chose a password. */
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** TOTP secret, sealed with the server's secret-box key; null when 2FA is not enrolled. */
    totpSecretSealed: text('totp_secret_sealed'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** Secret offered at enrolment, only promoted to totpSecretSealed after a correct code. */
    totpPendingSealed: text('totp_pending_sealed'),
    /** Last accepted TOTP time step: a code is accepted once (RFC 6238 §5.2 replay protection). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** BLAKE2b of the invite token; the token itself is shown once to the inviting admin. */
    inviteTokenHash: text('invite_token_hash'),
    inviteExpiresAt: timestamp('invite_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.id] }),
    unique('users_organisation_email').on(table.organisationId, table.email),
    // At most one owner per organisation, whatever the code does (art. 16: "de geregistreerde
    // eigenaar"); a hand-over demotes the owner before it promotes the successor, in one transaction.
    uniqueIndex('users_one_owner').on(table.organisationId).where(sql`${table.role} = 'owner'`),
  ],
);

/**
 * E-mail → organisation, so sign-in (which knows only an e-mail address) finds the tenant.
 * The one global lookup of the schema: on Citus a reference table, replicated to every node.
 * A removed user's entry is deleted, so the address can be used again.
 */
export const signInDirectory = pgTable('sign_in_directory', {
  email: text('email').primaryKey(),
  organisationId: uuid('organisation_id').notNull(),
  userId: uuid('user_id').notNull(),
});

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    id: uuid('id').notNull(),
    /** Keyed BLAKE2b of the code; codes are random (60 bits), so a slow hash buys nothing. */
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.userId, table.id] }),
    foreignKey({ columns: [table.organisationId, table.userId], foreignColumns: [users.organisationId, users.id] }).onDelete('cascade'),
  ],
);
