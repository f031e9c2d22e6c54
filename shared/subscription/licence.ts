import { z } from 'zod';
import type { LeaseBlockReason } from '../licence/lease.js';
import { addDays, isoDateSchema, type IsoDate } from './dates.js';
import { planForActiveUsers, planIdSchema, seatsForPlan, type PlanId } from './plans.js';
import { blockReasonSchema, type BlockReason, type SubscriptionState } from './state.js';

/**
 * What a device needs to know about the subscription (SPEC.md §3, the licence lease), derived from
 * the state on `today`.
 *
 * - exportAllowed: art. 4 "Uw data is altijd toegankelijk zolang uw account niet is geblokkeerd",
 *   art. 9 (a blocked account cannot export), art. 10 "tot het einde van de overeenkomst mogelijk
 *   om al uw cliëntgegevens te exporteren": everything can be exported unless blocked, until the end.
 * - ended (also when a cancellation's end date or the trial's end has passed and the server has not
 *   yet processed `reach_end_date`): no access, and the device wipes its local data (art. 16).
 */
export const licenceFactsSchema = z.object({
  status: z.enum(['trial', 'active', 'blocked', 'ended']),
  /** null once ended. */
  plan: planIdSchema.nullable(),
  seats: z.number().int().min(0),
  dossierAccess: z.boolean(),
  exportAllowed: z.boolean(),
  wipeLocalData: z.boolean(),
  blockReasons: z.array(blockReasonSchema),
  /** The one reason the lease carries (shared/licence), most serious first; null unless blocked. */
  leaseBlockReason: z.enum(['overdue', 'reversed-direct-debit', 'abuse', 'user-paused', 'other']).nullable(),
  /** The last day of the agreement (pending cancellation) or trial; a lease should not outlive it. */
  lastDay: isoDateSchema.nullable(),
});
export type LicenceFacts = z.infer<typeof licenceFactsSchema>;

/** Most serious first: blocks payment does not lift, then reversal, then overdue. */
export function leaseBlockReasonFor(reasons: readonly BlockReason[]): LeaseBlockReason | null {
  if (reasons.includes('terms_breach') || reasons.includes('trial_abuse')) return 'abuse';
  if (reasons.includes('direct_debit_reversed')) return 'reversed-direct-debit';
  if (reasons.includes('payment_overdue')) return 'overdue';
  return null;
}

const endedFacts: LicenceFacts = {
  status: 'ended',
  plan: null,
  seats: 0,
  dossierAccess: false,
  exportAllowed: false,
  wipeLocalData: true,
  blockReasons: [],
  leaseBlockReason: null,
  lastDay: null,
};

export function licenceFactsFor(state: SubscriptionState, today: IsoDate): LicenceFacts {
  if (state.status === 'ended') return endedFacts;
  const underlying = state.status === 'blocked' ? state.underlying : state;
  const blockReasons = state.status === 'blocked' ? [...state.reasons] : [];
  const blocked = blockReasons.length > 0;

  let lastDay: IsoDate | null;
  let plan: PlanId;
  let seats: number;
  if (underlying.status === 'trial') {
    lastDay = underlying.trial.endsOn;
    plan = planForActiveUsers(underlying.trial.activeUsers);
    seats = seatsForPlan(plan, underlying.trial.activeUsers);
  } else {
    const sub = underlying.subscription;
    lastDay = sub.cancellation?.endDate ?? null;
    plan = sub.plan;
    seats = seatsForPlan(sub.plan, sub.activeUsers);
  }
  if (lastDay !== null && today > lastDay) return endedFacts;

  return {
    status: blocked ? 'blocked' : underlying.status,
    plan,
    seats,
    dossierAccess: !blocked,
    exportAllowed: !blocked,
    wipeLocalData: false,
    blockReasons,
    leaseBlockReason: leaseBlockReasonFor(blockReasons),
    lastDay,
  };
}

/** The first day a lease must no longer grant access (the day after the last day), or null. */
export function leaseMustEndBy(state: SubscriptionState, today: IsoDate): IsoDate | null {
  const { lastDay } = licenceFactsFor(state, today);
  return lastDay === null ? null : addDays(lastDay, 1);
}
