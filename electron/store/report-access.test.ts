import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from './store-error.js';
import { createFixture, sampleClient, type Fixture } from './test-support.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('per-report rights: the current grants, who may see them, withdrawing one', () => {
  let f: Fixture;
  afterEach(() => f?.cleanup());

  /** The author (nurse), a colleague who may sign off (other), and a colleague who may only read and edit (reader). */
  async function setup() {
    f = await createFixture();
    const readerId = f.store.directory.upsertUser(f.organisationId, { email: 'sanne@wijkzorg.nl', displayName: 'Sanne Visser', role: 'practitioner' }).id;
    const nurse = f.store.session(f.nurseId);
    const client = nurse.clients.create(sampleClient);
    const owner = f.store.session(f.ownerId);
    owner.access.grant({ clientId: client.id, userId: f.otherNurseId, rights: { canRead: true, canEdit: true, canSignOff: true } });
    owner.access.grant({ clientId: client.id, userId: readerId, rights: { canRead: true, canEdit: true, canSignOff: false } });
    const report = nurse.reports.create({
      clientId: client.id,
      occurredAt: '2024-03-02T09:30:00.000Z',
      category: 'Gezin',
      body: 'Vertrouwelijk: gesprek met dochter over mantelzorg',
      visibility: 'restricted',
    });
    return { nurse, other: f.store.session(f.otherNurseId), reader: f.store.session(readerId), readerId, owner, client, report };
  }

  it('lists the current grants to the author, and each look is in the access log', async () => {
    const { nurse, client, report, readerId } = await setup();
    expect(nurse.reportAccess.list(report.id)).toEqual([]);
    nurse.reportAccess.set({ reportId: report.id, userId: readerId, canRead: true, canEdit: false });
    nurse.reportAccess.set({ reportId: report.id, userId: f.otherNurseId, canRead: true, canEdit: true });
    const grants = nurse.reportAccess.list(report.id);
    expect(grants).toHaveLength(2);
    expect(grants).toEqual(
      expect.arrayContaining([
        { userId: readerId, canRead: true, canEdit: false },
        { userId: f.otherNurseId, canRead: true, canEdit: true },
      ]),
    );
    const looks = f.store
      .session(f.ownerId)
      .accessLog.forClient(client.id)
      .filter((e) => e.event === 'report.access.list' && e.userId === f.nurseId);
    expect(looks.map((e) => `${e.action}:${e.outcome}:${e.objectId}:${e.reason}`)).toEqual([`R:success:${report.id}:0`, `R:success:${report.id}:2`]);
  });

  it('only the author or someone who may sign off sees the list; a refusal is logged', async () => {
    const { nurse, other, reader, owner, client, report, readerId } = await setup();
    nurse.reportAccess.set({ reportId: report.id, userId: readerId, canRead: true, canEdit: false });
    // The reader may read this report now, but not see or manage who else may.
    expect(reader.reports.get(report.id).id).toBe(report.id);
    expect(codeOf(() => reader.reportAccess.list(report.id))).toBe('forbidden');
    expect(codeOf(() => reader.reportAccess.set({ reportId: report.id, userId: f.otherNurseId, canRead: true, canEdit: false }))).toBe('forbidden');
    // The owner manages users, not clinical data: no dossier access, no report rights either.
    expect(codeOf(() => owner.reportAccess.list(report.id))).toBe('forbidden');
    // A colleague with sign-off rights manages them, once she may read the restricted report herself.
    expect(codeOf(() => other.reportAccess.list(report.id))).toBe('forbidden');
    nurse.reportAccess.set({ reportId: report.id, userId: f.otherNurseId, canRead: true, canEdit: false });
    expect(other.reportAccess.list(report.id).map((g) => g.userId).sort()).toEqual([readerId, f.otherNurseId].sort());
    const refused = owner.accessLog.forClient(client.id).filter((e) => e.event === 'report.access.list' && e.outcome === 'refused');
    expect(refused.map((e) => e.userId)).toEqual([readerId, f.ownerId, f.otherNurseId]);
  });

  it('withdrawing a grant removes it from the list and takes the right away; granting again restores it', async () => {
    const { nurse, reader, report, readerId } = await setup();
    nurse.reportAccess.set({ reportId: report.id, userId: readerId, canRead: true, canEdit: false });
    expect(reader.reports.get(report.id).id).toBe(report.id);
    nurse.reportAccess.set({ reportId: report.id, userId: readerId, canRead: false, canEdit: false });
    expect(nurse.reportAccess.list(report.id)).toEqual([]);
    expect(codeOf(() => reader.reports.get(report.id))).toBe('forbidden');
    nurse.reportAccess.set({ reportId: report.id, userId: readerId, canRead: true, canEdit: true });
    expect(nurse.reportAccess.list(report.id)).toEqual([{ userId: readerId, canRead: true, canEdit: true }]);
    expect(reader.reports.update(report.id, { body: 'Aangevuld door Sanne' }).body).toBe('Aangevuld door Sanne');
  });

  it('refuses a list for a report that does not exist, and malformed ids', async () => {
    const { nurse } = await setup();
    expect(codeOf(() => nurse.reportAccess.list('0190a000-0000-7000-8000-000000000000'))).toBe('not_found');
    expect(codeOf(() => nurse.reportAccess.list('not-an-id'))).toBe('invalid_input');
  });
});
