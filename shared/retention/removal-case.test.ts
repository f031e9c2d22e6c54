import { describe, expect, it } from 'vitest';
import { recordDeletionRequest, recordLegalException } from './deletion-request.js';
import { approveDestruction, keepLonger, offerDestruction } from './destruction-review.js';
import { carriedOutOnServer, deletionDeadline, purgedOnDevice, removalStatus, RemovalRuleError, type RemovalCase } from './removal-case.js';
import { retentionAuditEntry, type RetentionAuditEntry } from './retention-audit.js';
import { retentionState } from './retention-period.js';

const organisationId = '0192f000-0000-7000-8000-000000000001';
const clientId = '0192f000-0000-7000-8000-0000000000c1';
const caseId = '0192f000-0000-7000-8000-0000000000a1';
const admin = { userId: '0192f000-0000-7000-8000-0000000000ad', role: 'admin' as const };
const nurse = { userId: '0192f000-0000-7000-8000-0000000000b1', role: 'practitioner' as const };
const at = '2026-01-31T10:00:00Z';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof RemovalRuleError) return error.code;
    throw error;
  }
  return 'no error';
}

function request(receivedOn = '2026-01-31'): RemovalCase {
  return recordDeletionRequest({ id: caseId, organisationId, clientId, receivedOn, recordedBy: nurse, at }).removal;
}

describe("a client's deletion request: within a month, on the server and every device (art. 7:455 BW)", () => {
  it('the month ends on the same day next month, or that month\'s last day when it has no such day', () => {
    expect(deletionDeadline('2026-01-31')).toBe('2026-02-28');
    expect(deletionDeadline('2024-01-31')).toBe('2024-02-29'); // leap year
    expect(deletionDeadline('2024-01-29')).toBe('2024-02-29');
    expect(deletionDeadline('2026-03-31')).toBe('2026-04-30');
    expect(deletionDeadline('2026-02-28')).toBe('2026-03-28');
    expect(deletionDeadline('2024-02-29')).toBe('2024-03-29');
    expect(deletionDeadline('2026-12-15')).toBe('2027-01-15');
  });

  it('is overdue the day after the deadline, not on it', () => {
    const open = request('2026-01-31');
    expect(removalStatus(open, '2026-02-28')).toMatchObject({ overdue: false, daysLeft: 0 });
    expect(removalStatus(open, '2026-03-01')).toMatchObject({ overdue: true, daysLeft: -1 });
  });

  it('is done only when the server and every device that held the dossier removed it; the case forgets the client at once', () => {
    const open = request();
    const server = carriedOutOnServer(open, { on: '2026-02-10', at, devices: ['dev-b', 'dev-a', 'dev-a'], removedRecords: 57 });
    expect(server.removal).toMatchObject({ state: 'carrying_out', clientId: null, devicesToPurge: ['dev-a', 'dev-b'] });
    expect(removalStatus(server.removal, '2026-03-01')).toMatchObject({ overdue: true, pendingDevices: ['dev-a', 'dev-b'] });

    const first = purgedOnDevice(server.removal, { deviceId: 'dev-a', at });
    expect(first.removal.state).toBe('carrying_out');
    expect(purgedOnDevice(first.removal, { deviceId: 'dev-a', at })).toEqual({ removal: first.removal, audit: [] });
    expect(purgedOnDevice(first.removal, { deviceId: 'unknown', at }).audit).toEqual([]);
    const last = purgedOnDevice(first.removal, { deviceId: 'dev-b', at });
    expect(last.removal.state).toBe('completed');
    expect(last.audit.map((e) => e.event)).toEqual(['removal.purged_on_device', 'removal.completed']);
    expect(removalStatus(last.removal, '2026-05-01')).toMatchObject({ overdue: false, pendingDevices: [] });
  });

  it('with no device holding the dossier, the server removal completes it', () => {
    const done = carriedOutOnServer(request(), { on: '2026-02-01', at, devices: [], removedRecords: 3 });
    expect(done.removal.state).toBe('completed');
    expect(done.audit.map((e) => e.event)).toEqual(['removal.carried_out_on_server', 'removal.completed']);
  });

  it('only an administrator records a legal exception; then nothing is removed and nothing is overdue', () => {
    const open = request();
    expect(refusal(() => recordLegalException(open, { by: nurse, reason: 'wettelijke_bewaarplicht', at }))).toBe('forbidden');
    const kept = recordLegalException(open, { by: admin, reason: 'belang_van_een_ander', at });
    expect(kept.removal).toMatchObject({ state: 'exception', reason: 'belang_van_een_ander', decidedBy: admin.userId, clientId });
    expect(removalStatus(kept.removal, '2027-01-01').overdue).toBe(false);
    expect(refusal(() => carriedOutOnServer(kept.removal, { on: '2026-02-01', at, devices: [], removedRecords: 0 }))).toBe('conflict');
    // Once carried out, an exception comes too late.
    const done = carriedOutOnServer(open, { on: '2026-02-01', at, devices: ['dev-a'], removedRecords: 1 }).removal;
    expect(refusal(() => recordLegalException(done, { by: admin, reason: 'belang_van_een_ander', at }))).toBe('conflict');
  });
});

describe('destruction after twenty years: offered, decided by an administrator', () => {
  const offered = () => offerDestruction({ id: caseId, organisationId, clientId, offeredOn: '2026-03-15', at }).removal;

  it('is approved by an administrator only, then removed like a request', () => {
    expect(refusal(() => approveDestruction(offered(), { by: nurse, at }))).toBe('forbidden');
    // Not before a decision.
    expect(refusal(() => carriedOutOnServer(offered(), { on: '2026-03-16', at, devices: [], removedRecords: 0 }))).toBe('conflict');
    const approved = approveDestruction(offered(), { by: admin, at }).removal;
    const done = carriedOutOnServer(approved, { on: '2026-03-16', at, devices: ['dev-a'], removedRecords: 12 });
    expect(done.removal).toMatchObject({ state: 'carrying_out', clientId: null });
    expect(removalStatus(done.removal, '2030-01-01').overdue).toBe(false); // no client deadline
  });

  it('kept longer until a future date, it is offered again the day after', () => {
    expect(refusal(() => keepLonger(offered(), { by: admin, reason: 'lopende_klacht_of_procedure', until: '2026-03-15', today: '2026-03-15', at }))).toBe('conflict');
    const kept = keepLonger(offered(), { by: admin, reason: 'lopende_klacht_of_procedure', until: '2028-02-29', today: '2026-03-15', at });
    expect(kept.removal).toMatchObject({ state: 'kept_longer', keepUntil: '2028-02-29' });
    const facts = { status: 'uit_zorg' as const, careEndDate: '2006-03-15', lastChangedOn: '2006-03-15', keepUntil: kept.removal.keepUntil };
    expect(retentionState(facts, '2028-02-29').state).toBe('retained');
    expect(retentionState(facts, '2028-03-01').state).toBe('offer_destruction');
  });
});

describe('the audit trail keeps no client data', () => {
  it('no entry of any flow contains the client id, and every entry names the case', () => {
    const entries: RetentionAuditEntry[] = [];
    const open = recordDeletionRequest({ id: caseId, organisationId, clientId, receivedOn: '2026-01-31', recordedBy: nurse, at });
    entries.push(...open.audit);
    entries.push(...recordLegalException(open.removal, { by: admin, reason: 'wettelijke_bewaarplicht', at }).audit);
    const server = carriedOutOnServer(open.removal, { on: '2026-02-02', at, devices: ['dev-a'], removedRecords: 9 });
    entries.push(...server.audit, ...purgedOnDevice(server.removal, { deviceId: 'dev-a', at }).audit);
    const offered = offerDestruction({ id: caseId, organisationId, clientId, offeredOn: '2026-03-15', at });
    entries.push(...offered.audit, ...approveDestruction(offered.removal, { by: admin, at }).audit);
    entries.push(...keepLonger(offered.removal, { by: admin, reason: 'zorg_goed_hulpverlener', until: '2030-01-01', today: '2026-03-15', at }).audit);
    expect(entries.map((e) => e.event).sort()).toEqual(
      [
        'deletion.requested',
        'deletion.exception_recorded',
        'removal.carried_out_on_server',
        'removal.purged_on_device',
        'removal.completed',
        'destruction.offered',
        'destruction.approved',
        'destruction.kept_longer',
      ].sort(),
    );
    for (const e of entries) {
      expect(JSON.stringify(e)).not.toContain(clientId);
      expect(e.caseId).toBe(caseId);
    }
  });

  it('refuses an entry with a client field or a free-text reason', () => {
    const base = { at, organisationId, event: 'deletion.requested' as const, caseId, actorUserId: nurse.userId };
    expect(() => retentionAuditEntry(base)).not.toThrow();
    expect(() => retentionAuditEntry({ ...base, clientId } as never)).toThrow();
    expect(() => retentionAuditEntry({ ...base, name: 'Johanna van der Berg' } as never)).toThrow();
    expect(() => retentionAuditEntry({ ...base, reason: 'mevrouw Berg wil het zelf' } as never)).toThrow();
  });
});
