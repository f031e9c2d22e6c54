import { describe, expect, it } from 'vitest';
import { leaseStatusSchema, leaseBlockReasonSchema, licenceLeaseSchema } from '../licence/lease.js';
import { leaseBlockReasonFor, leaseMustEndBy, licenceFactsFor } from './licence.js';
import { paidSubscription } from './test-fixtures.js';
import type { PlanPrices } from './money.js';
import { startTrial, type ActiveState, type PaidSubscription, type SubscriptionState } from './state.js';

const prices: PlanPrices = { 'solo-1': 1, 'team-2-4': 2, 'team-5-9': 3, 'team-10-14': 4, 'contract-15-plus': 5 };
const sub = (over: Partial<PaidSubscription> = {}): PaidSubscription => paidSubscription({ plan: 'team-5-9', activeUsers: 6, prices, ...over });
const active = (over: Partial<PaidSubscription> = {}): ActiveState => ({ status: 'active', subscription: sub(over) });

describe('licence facts for the device (SPEC §3)', () => {
  it('active: access and export, plan and seats', () => {
    expect(licenceFactsFor(active(), '2024-04-10')).toEqual({
      status: 'active',
      plan: 'team-5-9',
      seats: 9,
      dossierAccess: true,
      exportAllowed: true,
      wipeLocalData: false,
      blockReasons: [],
      leaseBlockReason: null,
      lastDay: null,
    });
  });

  it('trial: access and export; the plan its users would need', () => {
    expect(licenceFactsFor(startTrial('2024-04-01', 3, '2024-04-30'), '2024-04-10')).toMatchObject({
      status: 'trial',
      plan: 'team-2-4',
      seats: 4,
      exportAllowed: true,
      lastDay: '2024-04-30',
    });
  });

  it('blocked: no access, no export, with the reason for the lock screen', () => {
    const blocked: SubscriptionState = { status: 'blocked', since: '2024-04-03', reasons: ['payment_overdue', 'direct_debit_reversed'], underlying: active() };
    expect(licenceFactsFor(blocked, '2024-04-10')).toMatchObject({
      status: 'blocked',
      dossierAccess: false,
      exportAllowed: false,
      wipeLocalData: false,
      blockReasons: ['payment_overdue', 'direct_debit_reversed'],
      leaseBlockReason: 'reversed-direct-debit',
    });
    expect(leaseBlockReasonFor(['payment_overdue'])).toBe('overdue');
    expect(leaseBlockReasonFor(['payment_overdue', 'terms_breach'])).toBe('abuse');
    expect(leaseBlockReasonFor(['trial_abuse'])).toBe('abuse');
    expect(leaseBlockReasonFor([])).toBeNull();
  });

  it('cancelled: everything can be exported until the last day; after it, ended and wiped', () => {
    const cancelled = active({ cancellation: { kind: 'customer_notice', submittedOn: '2024-04-04', endDate: '2024-05-31' } });
    expect(licenceFactsFor(cancelled, '2024-05-31')).toMatchObject({ status: 'active', exportAllowed: true, lastDay: '2024-05-31' });
    expect(leaseMustEndBy(cancelled, '2024-05-20')).toBe('2024-06-01');
    expect(licenceFactsFor(cancelled, '2024-06-01')).toMatchObject({ status: 'ended', exportAllowed: false, dossierAccess: false, wipeLocalData: true });
    expect(leaseMustEndBy(active(), '2024-05-20')).toBeNull();
  });

  it('ended: no access, wipe', () => {
    expect(licenceFactsFor({ status: 'ended', endedOn: '2024-06-01', reason: 'customer_cancellation', outstandingCents: 0 }, '2024-06-01')).toMatchObject({
      status: 'ended',
      plan: null,
      exportAllowed: false,
      wipeLocalData: true,
    });
  });

  it('fits the lease format of shared/licence', () => {
    const facts = licenceFactsFor(active({ plan: 'contract-15-plus', activeUsers: 22 }), '2024-04-10');
    expect(leaseStatusSchema.parse(facts.status)).toBe('active');
    expect(facts.seats).toBe(22);
    expect(leaseBlockReasonSchema.nullable().parse(facts.leaseBlockReason)).toBeNull();
    const lease = {
      format: 'thuisdossier-lease/1',
      leaseId: '00000000-0000-4000-8000-000000000001',
      organisationId: '00000000-0000-4000-8000-000000000002',
      userId: '00000000-0000-4000-8000-000000000003',
      deviceId: '00000000-0000-4000-8000-000000000004',
      plan: facts.plan,
      seats: facts.seats,
      status: facts.status,
      blockReason: facts.leaseBlockReason,
      exportAllowed: facts.exportAllowed,
      issuedAt: '2024-04-10T08:00:00.000Z',
      validUntil: '2024-04-24T08:00:00.000Z',
      keyId: 'k1',
    };
    expect(licenceLeaseSchema.safeParse(lease).success).toBe(true);
  });
});
