import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, sampleClient, type Fixture } from './test-support.js';
import { StoreError } from './store-error.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('reports: locking, sign-off, addenda and per-report rights', () => {
  let f: Fixture;
  afterEach(() => f?.cleanup());

  async function setup() {
    f = await createFixture();
    const nurse = f.store.session(f.nurseId);
    const client = nurse.clients.create(sampleClient);
    const owner = f.store.session(f.ownerId);
    owner.access.grant({ clientId: client.id, userId: f.otherNurseId, rights: { canRead: true, canEdit: true, canSignOff: true } });
    const report = nurse.reports.create({ clientId: client.id, occurredAt: '2024-03-01T09:30:00.000Z', category: 'Medicatie', body: 'Insuline 8 E toegediend' });
    return { nurse, other: f.store.session(f.otherNurseId), owner, client, report };
  }

  it('a locked report refuses every edit, forever; an addendum works', async () => {
    const { nurse, other, report, client } = await setup();
    nurse.reports.lock(report.id);
    expect(codeOf(() => nurse.reports.update(report.id, { body: 'Insuline 10 E toegediend' }))).toBe('record_locked');
    expect(codeOf(() => nurse.reports.update(report.id, { category: 'Algemeen' }))).toBe('record_locked');
    expect(codeOf(() => nurse.reports.delete(report.id))).toBe('record_locked');
    expect(codeOf(() => nurse.reports.lock(report.id))).toBe('record_locked');
    expect(codeOf(() => other.reports.signOff(report.id))).toBe('record_locked');
    expect(nurse.reports.get(report.id).body).toBe('Insuline 8 E toegediend');
    // Each refused edit is on record for this client.
    const refusals = f.store.session(f.ownerId).accessLog.forClient(client.id).filter((e) => e.outcome === 'refused' && e.reason === 'record_locked');
    expect(refusals.map((e) => e.event)).toEqual(['report.update', 'report.update', 'report.delete', 'report.lock', 'report.signOff']);

    const addendum = other.reports.addAddendum({ reportId: report.id, body: 'Correctie: het waren 10 E' });
    expect(addendum.addendumOf).toBe(report.id);
    expect(addendum.category).toBe('Medicatie');
    expect(nurse.reports.addenda(report.id).map((r) => r.body)).toEqual(['Correctie: het waren 10 E']);
    expect(nurse.reports.listForClient(client.id)).toHaveLength(2);
  });

  it('a signed-off report refuses edits too; sign-off needs the sign-off right', async () => {
    const { nurse, other, report } = await setup();
    expect(codeOf(() => nurse.reports.signOff(report.id))).toBe('forbidden'); // creator got read+edit only
    const signed = other.reports.signOff(report.id);
    expect(signed.signedOffBy).toBe(f.otherNurseId);
    expect(codeOf(() => nurse.reports.update(report.id, { body: 'anders' }))).toBe('record_locked');
  });

  it('only the author edits a report, unless the report access list says otherwise', async () => {
    const { nurse, other, report } = await setup();
    expect(codeOf(() => other.reports.update(report.id, { body: 'door een collega' }))).toBe('forbidden');
    nurse.reportAccess.set({ reportId: report.id, userId: f.otherNurseId, canRead: true, canEdit: true });
    expect(other.reports.update(report.id, { body: 'door een collega' }).body).toBe('door een collega');
  });

  it('a restricted report is hidden from other readers of the dossier, also in lists and search', async () => {
    const { nurse, other, client } = await setup();
    const secret = nurse.reports.create({
      clientId: client.id,
      occurredAt: '2024-03-02T09:30:00.000Z',
      category: 'Gezin',
      body: 'Vertrouwelijk: zorgen over huiselijk geweld',
      visibility: 'restricted',
    });
    expect(codeOf(() => other.reports.get(secret.id))).toBe('forbidden');
    expect(other.reports.listForClient(client.id).map((r) => r.id)).not.toContain(secret.id);
    expect(other.search.reports('huiselijk')).toHaveLength(0);
    expect(nurse.search.reports('huiselijk').map((h) => h.reportId)).toEqual([secret.id]);
    nurse.reportAccess.set({ reportId: secret.id, userId: f.otherNurseId, canRead: true, canEdit: false });
    expect(other.reports.get(secret.id).id).toBe(secret.id);
    expect(codeOf(() => other.reports.update(secret.id, { body: 'x' }))).toBe('forbidden');
  });

  it('no dossier access: every call refused, and each refusal is in the access log', async () => {
    const { owner, report, client } = await setup();
    // The owner manages access but has no clinical access of their own.
    expect(codeOf(() => owner.clients.get(client.id))).toBe('forbidden');
    expect(codeOf(() => owner.reports.get(report.id))).toBe('forbidden');
    expect(codeOf(() => owner.reports.create({ clientId: client.id, occurredAt: '2024-03-01T10:00:00.000Z', category: 'ADL', body: 'x' }))).toBe('forbidden');
    expect(owner.search.clients('berg')).toHaveLength(0);
    const log = owner.accessLog.forClient(client.id).filter((e) => e.userId === f.ownerId && e.outcome === 'refused');
    expect(log.map((e) => `${e.action}:${e.event}:${e.reason}`)).toEqual(['R:client.read:forbidden', 'R:report.read:forbidden', 'C:report.create:forbidden']);
  });

  it('a paused user can do nothing', async () => {
    const { client } = await setup();
    f.store.directory.upsertUser(f.organisationId, { id: f.otherNurseId, email: 'jeroen@wijkzorg.nl', displayName: 'Jeroen de Vries', role: 'practitioner', status: 'paused' });
    expect(codeOf(() => f.store.session(f.otherNurseId).clients.get(client.id))).toBe('forbidden');
  });

  it('only administrators grant access', async () => {
    const { nurse, client } = await setup();
    expect(codeOf(() => nurse.access.grant({ clientId: client.id, userId: f.ownerId, rights: { canRead: true, canEdit: false, canSignOff: false } }))).toBe('forbidden');
  });

  it('rejects invalid input with Dutch field messages', async () => {
    const { nurse, client } = await setup();
    try {
      nurse.reports.create({ clientId: client.id, occurredAt: 'gisteren', category: 'Onzin' as never, body: '   ' });
      throw new Error('should fail');
    } catch (error) {
      expect((error as StoreError).code).toBe('invalid_input');
      const paths = (error as StoreError).extra.issues!.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['occurredAt', 'category', 'body']));
    }
  });
});
