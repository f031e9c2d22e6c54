import { z } from 'zod';
import {
  adminDeviceListSchema,
  adminUserListSchema,
  downgradeRequestListSchema,
  downgradeRequestSchema,
  inviteUserRequestSchema,
  inviteUserResponseSchema,
  invoiceListSchema,
  securitySettingsSchema,
  storageUseSchema,
  transferOwnershipRequestSchema,
  transferOwnershipResponseSchema,
  updateSecuritySettingsSchema,
  userResponseSchema,
} from '../../api/admin.js';
import { uuidSchema } from '../../api/common.js';
import { billingIntervalSchema } from '../../subscription/periods.js';
import { planIdSchema } from '../../subscription/plans.js';
import { blockReasonSchema, cancellationKindSchema, subscriptionChannelSchema } from '../../subscription/state.js';
import { downgradeBlockerSchema } from '../../subscription/downgrade.js';
import { isoDateSchema } from '../../subscription/dates.js';
import { call } from '../define.js';
import { noInput } from './app.js';

/**
 * The admin screens (owner and admin only): users and seats, devices, plan, payments, security,
 * storage. Every call goes to the central service with the signed-in session; offline it fails
 * with `offline`, and a non-admin is refused on the device before anything is sent.
 * The HTTP schemas of shared/api/admin.ts are reused wherever the answer is passed on as it is.
 */

const count = z.number().int().min(0);
const centsOrNull = z.number().int().min(0).nullable();

/** What adding active users would do to the plan (art. 14's automatic upgrade), shown before confirming. */
export const seatPreviewSchema = z.object({
  status: z.enum(['trial', 'active', 'blocked', 'ended']),
  activeUsers: count,
  /** Invited users who have not accepted yet: each one counts once they do. */
  pendingInvites: count,
  /** Active users the preview counts: active + pending invites + the ones being added. */
  activeUsersAfter: count,
  currentPlan: planIdSchema.nullable(),
  newPlan: planIdSchema.nullable(),
  upgraded: z.boolean(),
  /** null during the trial (free) or when the plan is unknown. */
  billingInterval: billingIntervalSchema.nullable(),
  currentPriceCents: centsOrNull,
  newPriceCents: centsOrNull,
});
export type SeatPreview = z.infer<typeof seatPreviewSchema>;

const downgradeRouteSchema = z.object({ allowed: z.boolean(), reasons: z.array(downgradeBlockerSchema) });

/** The subscription as the admin screens show it, derived on the device from the service's state by the shared rules. */
export const subscriptionSummarySchema = z.object({
  /** The Amsterdam calendar day the summary was made for. */
  today: isoDateSchema,
  status: z.enum(['trial', 'active', 'blocked', 'ended']),
  plan: planIdSchema.nullable(),
  seats: count,
  activeUsers: count,
  trial: z.object({ startedOn: isoDateSchema, endsOn: isoDateSchema.nullable() }).nullable(),
  paid: z
    .object({
      billingInterval: billingIntervalSchema,
      channel: subscriptionChannelSchema,
      startedOn: isoDateSchema,
      periodEnd: isoDateSchema,
      priceCents: count,
      outstandingCents: count,
      overdueSince: isoDateSchema.nullable(),
      reversedDirectDebits: count,
      /** Art. 8: an announced price change for this subscription (the admins also get a notice). */
      pendingPriceChange: z
        .object({
          kind: z.enum(['indexation', 'other']),
          effectiveOn: isoDateSchema,
          newPriceCents: count,
          /** The first day the new amount is due (start of the first period at the new price). */
          newAmountDueOn: isoDateSchema,
          /** Art. 8: the owner may cancel at once through this day; null = no such right. */
          customerMayCancelUntil: isoDateSchema.nullable(),
          /** That right applies today and was not used yet: the owner may cancel at once now. */
          mayCancelNow: z.boolean(),
        })
        .nullable(),
    })
    .nullable(),
  blocked: z.object({ since: isoDateSchema, reasons: z.array(blockReasonSchema) }).nullable(),
  cancellation: z.object({ kind: cancellationKindSchema, submittedOn: isoDateSchema, endDate: isoDateSchema }).nullable(),
  /** Art. 17: the end date a cancellation made today gets; null when there is nothing to cancel. */
  earliestCancellationEndDate: isoDateSchema.nullable(),
  /** Bigger plans, each with its price: upgrading is allowed any time (art. 6). */
  upgrades: z.array(z.object({ to: planIdSchema, priceCents: centsOrNull })),
  /** Every smaller plan with whether the rules allow it now, by self-service or only on an approved request (art. 6). */
  downgrades: z.array(
    z.object({ to: planIdSchema, priceCents: centsOrNull, selfService: downgradeRouteSchema, byApprovedRequest: downgradeRouteSchema }),
  ),
  /** Only the registered owner converts a trial and cancels (art. 5, 16). */
  callerIsOwner: z.boolean(),
});
export type SubscriptionSummary = z.infer<typeof subscriptionSummarySchema>;

export const adminCalls = {
  'admin.users': call(noInput, adminUserListSchema),
  /** The plan change adding `adding` active users would cause; the invite and reactivate dialogs show it first. */
  'admin.seatPreview': call(z.object({ adding: z.number().int().min(1).max(100).default(1) }).strict(), seatPreviewSchema),
  'admin.inviteUser': call(inviteUserRequestSchema, inviteUserResponseSchema),
  'admin.setUserStatus': call(
    z.object({ userId: uuidSchema, status: z.enum(['active', 'paused', 'removed']) }).strict(),
    userResponseSchema,
  ),
  'admin.devices': call(noInput, adminDeviceListSchema),
  'admin.revokeDevice': call(z.object({ userId: uuidSchema, deviceId: uuidSchema }).strict(), z.object({ ok: z.literal(true) })),
  'admin.subscription': call(noInput, subscriptionSummarySchema),
  'admin.changePlan': call(z.object({ plan: planIdSchema }).strict(), subscriptionSummarySchema),
  'admin.convertToPaid': call(z.object({ billingInterval: billingIntervalSchema }).strict(), subscriptionSummarySchema),
  'admin.cancelSubscription': call(z.object({ confirm: z.literal(true), endDate: isoDateSchema }).strict(), subscriptionSummarySchema),
  /** Art. 8: the owner cancels at once after a price increase above 1.5×; the agreement ends today. */
  'admin.cancelForPriceIncrease': call(z.object({ confirm: z.literal(true) }).strict(), subscriptionSummarySchema),
  /** Art. 6: a downgrade the rules allow only on an approved request; the service decides. */
  'admin.requestDowngrade': call(
    z.object({ plan: planIdSchema, reason: z.string().trim().max(2000).optional() }).strict(),
    downgradeRequestSchema,
  ),
  'admin.downgradeRequests': call(noInput, downgradeRequestListSchema),
  /** The owner hands ownership to an active admin, confirmed with password (and code with 2FA). */
  'admin.transferOwnership': call(transferOwnershipRequestSchema, transferOwnershipResponseSchema),
  'admin.invoices': call(noInput, invoiceListSchema),
  'admin.security': call(noInput, securitySettingsSchema),
  'admin.updateSecurity': call(updateSecuritySettingsSchema, securitySettingsSchema),
  'admin.storage': call(noInput, storageUseSchema),
};
