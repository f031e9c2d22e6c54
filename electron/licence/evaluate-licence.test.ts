import { describe, expect, it } from 'vitest';
import { evaluateLicence, nextLastSeenAt } from './evaluate-licence.js';
import { leaseOf } from './test-support.js';

const during = new Date('2026-11-30T12:00:00Z');

describe('evaluateLicence', () => {
  it('lets trial and active leases work and export', () => {
    for (const status of ['trial', 'active'] as const) {
      const decision = evaluateLicence(leaseOf({ status }), during, null);
      expect(decision).toMatchObject({ state: status, canOpenDossiers: true, canExport: true, reason: null, mustWipe: false });
      expect(decision.offlineDaysLeft).toBe(7);
    }
  });

  it('refuses export, not access, when the lease does not allow export', () => {
    expect(evaluateLicence(leaseOf({ exportAllowed: false }), during, null)).toMatchObject({
      canOpenDossiers: true,
      canExport: false,
      reason: 'export-not-allowed',
    });
  });

  it('blocks access and export with the reason from the lease', () => {
    const decision = evaluateLicence(leaseOf({ status: 'blocked', blockReason: 'reversed-direct-debit' }), during, null);
    expect(decision).toMatchObject({
      state: 'blocked',
      canOpenDossiers: false,
      canExport: false,
      reason: 'blocked',
      blockReason: 'reversed-direct-debit',
      nextStep: 'pay-outstanding',
      mustGoOnline: false,
    });
    expect(evaluateLicence(leaseOf({ status: 'blocked', blockReason: 'user-paused' }), during, null).nextStep).toBe('contact-admin');
    expect(evaluateLicence(leaseOf({ status: 'blocked', blockReason: 'abuse' }), during, null).nextStep).toBe('contact-support');
  });

  it('keeps a block in force after validUntil', () => {
    const decision = evaluateLicence(leaseOf({ status: 'blocked', blockReason: 'overdue' }), new Date('2027-01-01T00:00:00Z'), null);
    expect(decision).toMatchObject({ state: 'blocked', canOpenDossiers: false, blockReason: 'overdue', mustGoOnline: true });
  });

  it('ends: no access and a wipe, whatever the clock says', () => {
    for (const now of [during, new Date('2030-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z')]) {
      expect(evaluateLicence(leaseOf({ status: 'ended' }), now, null)).toMatchObject({
        state: 'ended',
        canOpenDossiers: false,
        canExport: false,
        mustWipe: true,
      });
    }
  });

  it('expires at validUntil: go online', () => {
    expect(evaluateLicence(leaseOf(), new Date('2026-12-08T09:00:00Z'), null)).toMatchObject({
      state: 'expired',
      reason: 'lease-expired',
      nextStep: 'go-online',
      canOpenDossiers: false,
      canExport: false,
      mustGoOnline: true,
    });
  });

  it('treats a clock set back before the last seen time as expired', () => {
    const lastSeenAt = new Date('2026-12-05T00:00:00Z');
    expect(evaluateLicence(leaseOf(), during, lastSeenAt)).toMatchObject({
      state: 'expired',
      reason: 'clock-set-back',
      nextStep: 'correct-clock-and-go-online',
      canOpenDossiers: false,
      mustGoOnline: true,
    });
    expect(evaluateLicence(leaseOf(), new Date('2026-11-20T00:00:00Z'), null).reason).toBe('clock-set-back');
  });

  it('without a lease: nothing, go online', () => {
    expect(evaluateLicence(null, during, null)).toMatchObject({ state: 'none', reason: 'no-lease', canOpenDossiers: false, canExport: false, mustGoOnline: true });
  });

  it('never moves the last seen time backwards', () => {
    const later = new Date('2026-12-05T00:00:00Z');
    expect(nextLastSeenAt(during, later)).toBe(later);
    expect(nextLastSeenAt(later, during)).toBe(later);
    expect(nextLastSeenAt(during, null)).toBe(during);
  });
});
