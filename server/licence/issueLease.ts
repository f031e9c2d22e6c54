import { v7 as uuidv7 } from 'uuid';
import type { LicenceLease, SignedLease } from '../../shared/licence/lease.js';
import { signLease } from '../../shared/licence/sign.js';
import type { ServiceContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { licenceLeases } from '../db/schema/index.js';
import { readSubscriptionView } from '../subscription/store.js';

export interface LeaseSubject {
  organisationId: string;
  userId: string;
  deviceId: string;
  /** A paused user's device is told so in a blocked lease, not just refused. */
  userStatus: 'invited' | 'active' | 'paused' | 'removed';
}

/**
 * Signs the service's current word on this user and device (SPEC.md §3) and keeps it as the
 * device's latest lease.
 * Called at sign-in, on request, and on every sync answer (there with `reuseWithinMs`).
 */
export async function issueLease(context: ServiceContext, db: Queryable, subject: LeaseSubject, options: { reuseWithinMs?: number } = {}): Promise<SignedLease> {
  const { view } = await readSubscriptionView(context, db, subject.organisationId);
  const issuedAt = context.now();
  const userBlocked = subject.userStatus !== 'active';
  const status = userBlocked && view.status !== 'ended' ? 'blocked' : view.status;
  const terms: LeaseTerms = {
    organisationId: subject.organisationId,
    userId: subject.userId,
    deviceId: subject.deviceId,
    plan: view.plan,
    seats: view.seats,
    status,
    blockReason: status === 'blocked' ? (view.status === 'blocked' ? view.blockReason : 'user-paused') : null,
    exportAllowed: status === 'active' || status === 'trial' ? view.exportAllowed : false,
    keyId: context.leaseKeys.signing.keyId,
  };
  const recent = options.reuseWithinMs ? recentLease(context, terms, issuedAt, options.reuseWithinMs) : null;
  if (recent) return recent;
  const validUntil = new Date(issuedAt.getTime() + context.leaseValidDays * 24 * 60 * 60 * 1000);
  const lease: LicenceLease = { format: 'thuisdossier-lease/1', leaseId: uuidv7(), ...terms, issuedAt: issuedAt.toISOString(), validUntil: validUntil.toISOString() };
  const signed = signLease(context.lib, lease, context.leaseKeys.signing);
  const latest = { id: lease.leaseId, keyId: lease.keyId, status: lease.status, plan: lease.plan, seats: lease.seats, issuedAt, validUntil };
  await db
    .insert(licenceLeases)
    .values({ organisationId: lease.organisationId, userId: lease.userId, deviceId: lease.deviceId, ...latest })
    .onConflictDoUpdate({ target: [licenceLeases.organisationId, licenceLeases.userId, licenceLeases.deviceId], set: latest });
  // Only sync answers reuse (sign-in issues inside its own transaction, which may still roll back).
  if (options.reuseWithinMs) remember(context, terms, signed, issuedAt);
  return signed;
}

/** Everything a lease says but its id and times: two leases with equal terms grant the same. */
type LeaseTerms = Omit<LicenceLease, 'format' | 'leaseId' | 'issuedAt' | 'validUntil'>;

/**
 * The leases this instance signed, per device. A sync is many requests (an initial sync ~40 pull
 * pages), each answered with a lease: one signed a moment ago with the same terms is sent again
 * instead of signing and writing a new one per request. Any change of the terms (blocked, paused,
 * ended, plan, seats, export, signing key) gives a new lease at once, so the licence rules hold
 * (SPEC.md §3); the reused lease's validUntil is at most `reuseWithinMs` shorter. The device
 * accepts a lease as old as its stored one (electron/licence/licence-service.ts).
 */
const signedLeases = new WeakMap<ServiceContext, Map<string, { terms: LeaseTerms; signed: SignedLease; issuedAt: number }>>();

function recentLease(context: ServiceContext, terms: LeaseTerms, now: Date, reuseWithinMs: number): SignedLease | null {
  const known = signedLeases.get(context)?.get(deviceKey(terms));
  if (!known) return null;
  const age = now.getTime() - known.issuedAt;
  if (age < 0 || age >= reuseWithinMs) return null;
  const same = (Object.keys(terms) as (keyof LeaseTerms)[]).every((key) => terms[key] === known.terms[key]);
  return same ? known.signed : null;
}

function remember(context: ServiceContext, terms: LeaseTerms, signed: SignedLease, issuedAt: Date): void {
  let leases = signedLeases.get(context);
  if (!leases) {
    leases = new Map();
    signedLeases.set(context, leases);
  }
  // Bounded: a device that stops syncing leaves its entry until the map is cleared.
  if (leases.size >= 10_000) leases.clear();
  leases.set(deviceKey(terms), { terms, signed, issuedAt: issuedAt.getTime() });
}

const deviceKey = (terms: LeaseTerms) => `${terms.organisationId}:${terms.userId}:${terms.deviceId}`;
