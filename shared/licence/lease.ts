import { z } from 'zod';

/**
 * The licence lease of SPEC.md §3: the central service's signed word about what this user may do on
 * this device, which the app enforces offline until `validUntil`.
 */
export const LEASE_FORMAT = 'thuisdossier-lease/1';

export const leaseStatusSchema = z.enum(['trial', 'active', 'blocked', 'ended']);
export type LeaseStatus = z.infer<typeof leaseStatusSchema>;

/** Why a lease says blocked, so the lock screen can say it in words (SPEC.md §3). */
export const leaseBlockReasonSchema = z.enum(['overdue', 'reversed-direct-debit', 'abuse', 'user-paused', 'other']);
export type LeaseBlockReason = z.infer<typeof leaseBlockReasonSchema>;

/** ISO 8601 instant in UTC with milliseconds, exactly as Date#toISOString writes it. */
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'expected an ISO 8601 UTC instant');

export const keyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'key ids are 1–64 letters, digits, _ or -');

export const licenceLeaseSchema = z
  .object({
    format: z.literal(LEASE_FORMAT),
    leaseId: z.string().uuid(),
    organisationId: z.string().uuid(),
    userId: z.string().uuid(),
    deviceId: z.string().uuid(),
    /** The plan's id as the subscription rules name it (e.g. by active users 1, 2–4, 5–9, 10–14, 15+). */
    plan: z.string().min(1).max(64),
    /** Seats the subscription pays for: active users allowed before the next automatic upgrade. */
    seats: z.number().int().min(0).max(1_000_000),
    status: leaseStatusSchema,
    blockReason: leaseBlockReasonSchema.nullable(),
    exportAllowed: z.boolean(),
    issuedAt: instant,
    validUntil: instant,
    /** Which signing key made the signature; lets the service rotate keys without breaking devices. */
    keyId: keyIdSchema,
  })
  .strict()
  .refine((lease) => Date.parse(lease.validUntil) > Date.parse(lease.issuedAt), {
    message: 'validUntil must be after issuedAt',
    path: ['validUntil'],
  });
export type LicenceLease = z.infer<typeof licenceLeaseSchema>;

/**
 * What travels: the exact canonical bytes that were signed (as a string) and the detached signature.
 * The verifier checks the signature over `payload` before it reads a single field of it.
 */
export const signedLeaseSchema = z
  .object({
    format: z.literal(LEASE_FORMAT),
    keyId: keyIdSchema,
    payload: z.string().min(2).max(8192),
    /** Ed25519 detached signature, base64url without padding (86 characters). */
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'expected a base64url Ed25519 signature'),
  })
  .strict();
export type SignedLease = z.infer<typeof signedLeaseSchema>;

/** A public verification key as the service publishes it. */
export const leasePublicKeySchema = z
  .object({
    keyId: keyIdSchema,
    algorithm: z.literal('Ed25519'),
    /** 32-byte Ed25519 public key, base64url without padding (43 characters). */
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    /** Only the active key signs new leases; older ones stay published until their leases expired. */
    active: z.boolean(),
  })
  .strict();
export type LeasePublicKey = z.infer<typeof leasePublicKeySchema>;
