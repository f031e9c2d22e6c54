import { evaluateLicence, nextLastSeenAt, type LicenceDecision } from './evaluate-licence.js';
import type { KeyValueStorage } from './key-value-storage.js';
import { licenceStorageKeys } from './key-value-storage.js';
import type { DeviceLeaseVerification, LeaseVerifier } from './lease-verifier.js';
import { LicenceError } from './licence-error.js';
import type { LocalDataWiper } from './local-data-wiper.js';

const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

export interface LicenceServiceOptions {
  storage: KeyValueStorage;
  verify: LeaseVerifier;
  wiper: LocalDataWiper;
  now?: () => Date;
}

export type LeaseAcceptance = { accepted: true; decision: LicenceDecision } | { accepted: false; reason: string; decision: LicenceDecision };

/**
 * The device side of the licence (SPEC.md §3): keeps the signed lease and the last seen time in the
 * encrypted store, and answers "may I?" offline through evaluateLicence. The stored lease is
 * verified again on every read, so a lease edited on disk counts as no lease.
 */
export class LicenceService {
  private readonly storage: KeyValueStorage;
  private readonly verify: LeaseVerifier;
  private readonly wiper: LocalDataWiper;
  private readonly now: () => Date;
  private wiped = false;
  private endNoticeShownThisRun = false;
  private lastWritten: Date | null = null;
  private verified: { raw: string; result: DeviceLeaseVerification } | null = null;

  constructor(options: LicenceServiceOptions) {
    this.storage = options.storage;
    this.verify = options.verify;
    this.wiper = options.wiper;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Stores a lease fresh from the service (each sync brings one). One that fails verification or is
   * older than the stored one is refused: replaying an old "active" lease must not lift a block.
   */
  async accept(candidate: unknown): Promise<LeaseAcceptance> {
    const checked = this.verify(candidate);
    if (!checked.ok) return { accepted: false, reason: checked.reason, decision: await this.decide(this.now()) };
    const stored = await this.storedLease();
    if (stored.ok && Date.parse(checked.lease.issuedAt) < Date.parse(stored.lease.issuedAt)) {
      return { accepted: false, reason: 'older-than-stored', decision: await this.decide(this.now()) };
    }
    await this.storage.set(licenceStorageKeys.signedLease, JSON.stringify(candidate));
    // A lease the service just issued is a trusted time: the clock cannot be behind it.
    await this.remember(new Date(Math.max(Date.parse(checked.lease.issuedAt), (await this.lastSeenAt())?.getTime() ?? 0)));
    // Deciding is not showing: the final notice of an ended lease counts once the UI asked status().
    return { accepted: true, decision: await this.decide(this.now()) };
  }

  /**
   * The current decision. Also moves the last seen time forward (never back), so a clock set back
   * later is noticed. For an ended agreement it records that the final notice was shown: the wipe
   * follows when the user confirms it, or at the latest at the next start.
   */
  async status(): Promise<LicenceDecision> {
    const now = this.now();
    const decision = await this.decide(now);
    if (decision.mustWipe && !this.endNoticeShownThisRun) {
      // Shown in an earlier run and the app was closed without confirming: the notice was given.
      if (await this.storage.get(licenceStorageKeys.endNoticeShownAt)) await this.wipe();
      else {
        await this.storage.set(licenceStorageKeys.endNoticeShownAt, now.toISOString());
        this.endNoticeShownThisRun = true;
      }
    }
    return decision;
  }

  /** The user has read the final notice of an ended agreement: wipe now. */
  async confirmEndNotice(): Promise<void> {
    const decision = await this.status();
    if (decision.mustWipe) await this.wipe();
  }

  /** Guard for every dossier read or write: throws a LicenceError with the decision when refused. */
  async assertCanOpenDossiers(): Promise<LicenceDecision> {
    const decision = await this.status();
    if (!decision.canOpenDossiers) throw refusal(decision, 'open dossiers');
    return decision;
  }

  /** Guard for every export. */
  async assertCanExport(): Promise<LicenceDecision> {
    const decision = await this.status();
    if (!decision.canExport) throw refusal(decision, 'export');
    return decision;
  }

  private async decide(now: Date): Promise<LicenceDecision> {
    if (this.wiped) return evaluateLicence(null, now, null);
    const stored = await this.storedLease();
    const lastSeenAt = await this.lastSeenAt();
    const decision = evaluateLicence(stored.ok ? stored.lease : null, now, lastSeenAt);
    if (decision.reason !== 'clock-set-back') await this.remember(nextLastSeenAt(now, lastSeenAt));
    return decision;
  }

  private async wipe(): Promise<void> {
    // The ended lease stays where it is until the wiper removes the store with it: if the wipe is
    // interrupted, the next start finds the ended lease and the shown notice and wipes again.
    await this.wiper.wipe();
    this.wiped = true;
  }

  private async storedLease(): Promise<DeviceLeaseVerification | { ok: false; reason: 'none' }> {
    const raw = await this.storage.get(licenceStorageKeys.signedLease);
    if (!raw) return { ok: false, reason: 'none' };
    // Every guard asks; the signature is checked again only when the stored bytes changed.
    if (this.verified?.raw === raw) return this.verified.result;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    const result: DeviceLeaseVerification = parsed === null ? { ok: false, reason: 'malformed' } : this.verify(parsed);
    this.verified = { raw, result };
    return result;
  }

  private async lastSeenAt(): Promise<Date | null> {
    const raw = await this.storage.get(licenceStorageKeys.lastSeenAt);
    const ms = raw ? Date.parse(raw) : NaN;
    return Number.isFinite(ms) ? new Date(ms) : null;
  }

  private async remember(lastSeenAt: Date): Promise<void> {
    // Every guard asks for the status; a write per call would be wasted. A minute of staleness is
    // far inside the clock tolerance of judgeLeaseTime.
    if (this.lastWritten && lastSeenAt.getTime() - this.lastWritten.getTime() < LAST_SEEN_WRITE_INTERVAL_MS) return;
    this.lastWritten = lastSeenAt;
    await this.storage.set(licenceStorageKeys.lastSeenAt, lastSeenAt.toISOString());
  }
}

export function refusal(decision: LicenceDecision, what: string): LicenceError {
  if (decision.state === 'blocked') {
    return new LicenceError('licence_blocked', `The account is blocked (${decision.blockReason ?? 'other'}): cannot ${what}`, decision);
  }
  if (decision.state === 'ended') return new LicenceError('licence_blocked', `The agreement has ended: cannot ${what}`, decision);
  if (decision.reason === 'export-not-allowed') return new LicenceError('licence_blocked', 'The licence does not allow export', decision);
  return new LicenceError('licence_expired', `The licence needs renewing online (${decision.reason ?? 'no-lease'}): cannot ${what}`, decision);
}
