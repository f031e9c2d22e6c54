import { z } from 'zod';
import { emailSchema, instantSchema, passwordSchema, roleSchema, totpCodeSchema, userStatusSchema, uuidSchema } from './common.js';

// ---- users and devices ----

export const adminUserSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  status: userStatusSchema,
  twoFactorEnabled: z.boolean(),
  createdAt: instantSchema,
  /** Devices with a live session now: more than one is what art. 20 asks admins to see. */
  activeDevices: z.number().int().min(0),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUserListSchema = z.object({ users: z.array(adminUserSchema) });

export const inviteUserRequestSchema = z
  .object({
    email: emailSchema,
    displayName: z.string().trim().min(1).max(100),
    /** The owner is made with the organisation and handed over, never invited. */
    role: z.enum(['admin', 'practitioner']),
  })
  .strict();
export const inviteUserResponseSchema = z.object({
  user: adminUserSchema,
  /** One-time token for the invite link; the service keeps only its hash. Valid 7 days. */
  inviteToken: z.string(),
  inviteExpiresAt: instantSchema,
});

export const updateUserRequestSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    role: z.enum(['admin', 'practitioner']).optional(),
    status: z.enum(['active', 'paused', 'removed']).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });
export const userResponseSchema = z.object({ user: adminUserSchema });

/**
 * The device's latest licence lease as the service issued it. `state`: 'valid' until validUntil;
 * 'expired' after it (the device must come online); 'revoked' when the device was revoked after the
 * lease was issued (it works offline until validUntil at most, and is wiped at its next sync).
 */
export const deviceLeaseStatusSchema = z.object({
  leaseId: uuidSchema,
  status: z.enum(['trial', 'active', 'blocked', 'ended']),
  plan: z.string(),
  issuedAt: instantSchema,
  validUntil: instantSchema,
  state: z.enum(['valid', 'expired', 'revoked']),
});
export type DeviceLeaseStatus = z.infer<typeof deviceLeaseStatusSchema>;

/**
 * The owner hands ownership to another active admin of the organisation (art. 16 makes the
 * registered owner the one who may cancel, so there is always exactly one). The owner confirms with
 * their password, and their 6-digit code when two-step verification is on. The owner becomes an admin.
 */
export const transferOwnershipRequestSchema = z
  .object({ toUserId: uuidSchema, password: passwordSchema, code: totpCodeSchema.optional() })
  .strict();
export const transferOwnershipResponseSchema = z.object({ owner: adminUserSchema, previousOwner: adminUserSchema });

export const adminDeviceSchema = z.object({
  id: uuidSchema,
  userId: uuidSchema,
  userDisplayName: z.string(),
  name: z.string(),
  platform: z.string(),
  appVersion: z.string().nullable(),
  registeredAt: instantSchema,
  lastSeenAt: instantSchema,
  revoked: z.boolean(),
  /** A session on this device is live now. */
  active: z.boolean(),
  /** The last lease issued to this device; null when it never received one. */
  lease: deviceLeaseStatusSchema.nullable(),
});
export const adminDeviceListSchema = z.object({
  devices: z.array(adminDeviceSchema),
  /** Users active on more than one device at once (art. 20). */
  usersOnSeveralDevices: z.array(uuidSchema),
});
export const deviceParamsSchema = z.object({ userId: uuidSchema, deviceId: uuidSchema }).strict();

// ---- security settings ----

const ipv4Cidr = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
const ipv6Cidr = /^[0-9a-fA-F:]{2,39}\/(12[0-8]|1[01]\d|[1-9]?\d)$/;
export const cidrSchema = z
  .string()
  .trim()
  .refine((value) => ipv4Cidr.test(value) || (ipv6Cidr.test(value) && value.includes(':')), {
    message: 'write an address range as CIDR, e.g. 192.0.2.0/24 or 2001:db8::/32',
  });

export const securitySettingsSchema = z.object({
  requireTwoFactor: z.boolean(),
  ipAllowList: z.array(cidrSchema).max(100),
  autoLockMinutes: z.number().int().min(1).max(240),
  sessionHours: z.number().int().min(1).max(24 * 30),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;
export const updateSecuritySettingsSchema = securitySettingsSchema.partial().strict();

// ---- subscription, invoices ----

export const subscriptionViewSchema = z.object({
  status: z.enum(['trial', 'active', 'blocked', 'ended']),
  plan: z.string(),
  seats: z.number().int(),
  activeUsers: z.number().int(),
  /** The full state of the subscription rules (shared/subscription), for the admin screen. */
  state: z.unknown(),
});
/** Art. 5: the trial becomes a paid online subscription; the data entered during the trial stay. */
export const convertToPaidRequestSchema = z
  .object({ billingInterval: z.enum(['monthly', 'yearly']), plan: z.string().min(1).max(64).optional() })
  .strict();
export const planChangeRequestSchema = z.object({ plan: z.string().min(1).max(64) }).strict();
/** Art. 16: from the registered owner, with an end date (a period end, not earlier than art. 17 allows). */
export const cancelSubscriptionRequestSchema = z
  .object({ confirm: z.literal(true), endDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the end date as YYYY-MM-DD') })
  .strict();

/**
 * Art. 6 "Downgrades overige abonnementen": a downgrade the customer may not make themselves (ever
 * more than 14 users, a contract, a yearly subscription) is asked for here and applied once the
 * service approves it. One open request at a time.
 */
export const downgradeRequestBodySchema = z
  .object({ plan: z.string().min(1).max(64), reason: z.string().trim().max(2000).optional() })
  .strict();
export const downgradeRequestSchema = z.object({
  id: uuidSchema,
  requestedBy: uuidSchema,
  fromPlan: z.string(),
  toPlan: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'refused']),
  requestedAt: instantSchema,
  decidedAt: instantSchema.nullable(),
  /** The service's note with its decision, for the admin to read. */
  decisionNote: z.string().nullable(),
});
export type DowngradeRequest = z.infer<typeof downgradeRequestSchema>;
export const downgradeRequestListSchema = z.object({ requests: z.array(downgradeRequestSchema) });

/** Art. 8: the owner cancels at once after a price increase above 1.5× (through the day the new amount is due). */
export const cancelForPriceIncreaseRequestSchema = z.object({ confirm: z.literal(true) }).strict();

export const invoiceSchema = z.object({
  id: uuidSchema,
  number: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  description: z.string(),
  amountCents: z.number().int(),
  status: z.enum(['open', 'paid', 'reversed', 'overdue', 'void']),
  issuedAt: instantSchema,
  dueAt: instantSchema,
  paidAt: instantSchema.nullable(),
});
export const invoiceListSchema = z.object({ invoices: z.array(invoiceSchema) });

// ---- notices, storage, audit ----

export const noticeSchema = z.object({
  id: uuidSchema,
  /** terms-change and maintenance go to everyone; price-change only to the organisation's admins. */
  kind: z.enum(['terms-change', 'maintenance', 'price-change']),
  title: z.string(),
  body: z.string(),
  publishedAt: instantSchema,
  effectiveAt: instantSchema,
  endsAt: instantSchema.nullable(),
  acknowledged: z.boolean(),
  /** price-change above 1.5× (art. 8): the owner may cancel at once through this day ('YYYY-MM-DD'). */
  mayCancelUntil: z.string().nullable().default(null),
});
export const noticeListSchema = z.object({ notices: z.array(noticeSchema) });

export const storageUseSchema = z.object({
  usedBytes: z.number().int().min(0),
  quotaBytes: z.number().int().min(0),
  byCategory: z.array(z.object({ category: z.string(), bytes: z.number().int().min(0) })),
});

export const auditEntrySchema = z.object({
  id: uuidSchema,
  at: instantSchema,
  actorUserId: uuidSchema.nullable(),
  action: z.string(),
  targetUserId: uuidSchema.nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) });
export const auditQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.string().datetime().optional() })
  .strict();
