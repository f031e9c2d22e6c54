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
 * Called at sign-in, on request, and (later) on every sync.
 */
export async function issueLease(context: ServiceContext, db: Queryable, subject: LeaseSubject): Promise<SignedLease> {
  const { view } = await readSubscriptionView(context, db, subject.organisationId);
  const issuedAt = context.now();
  const validUntil = new Date(issuedAt.getTime() + context.leaseValidDays * 24 * 60 * 60 * 1000);
  const userBlocked = subject.userStatus !== 'active';
  const status = userBlocked && view.status !== 'ended' ? 'blocked' : view.status;
  const lease: LicenceLease = {
    format: 'thuisdossier-lease/1',
    leaseId: uuidv7(),
    organisationId: subject.organisationId,
    userId: subject.userId,
    deviceId: subject.deviceId,
    plan: view.plan,
    seats: view.seats,
    status,
    blockReason: status === 'blocked' ? (view.status === 'blocked' ? view.blockReason : 'user-paused') : null,
    exportAllowed: status === 'active' || status === 'trial' ? view.exportAllowed : false,
    issuedAt: issuedAt.toISOString(),
    validUntil: validUntil.toISOString(),
    keyId: context.leaseKeys.signing.keyId,
  };
  const signed = signLease(context.lib, lease, context.leaseKeys.signing);
  const latest = { id: lease.leaseId, keyId: lease.keyId, status: lease.status, plan: lease.plan, seats: lease.seats, issuedAt, validUntil };
  await db
    .insert(licenceLeases)
    .values({ organisationId: lease.organisationId, userId: lease.userId, deviceId: lease.deviceId, ...latest })
    .onConflictDoUpdate({ target: [licenceLeases.organisationId, licenceLeases.userId, licenceLeases.deviceId], set: latest });
  return signed;
}
