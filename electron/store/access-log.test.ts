import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, sampleClient, type Fixture } from './test-support.js';

describe('NEN 7513 access log', () => {
  let f: Fixture;
  afterEach(() => f?.cleanup());

  it('records C/R/U with who, when and which client, and the overview shows them', async () => {
    f = await createFixture();
    const nurse = f.store.session(f.nurseId, { onBehalfOf: 'Dr. A. Huisarts' });
    const client = nurse.clients.create(sampleClient);
    nurse.clients.get(client.id);
    nurse.clients.update(client.id, { phone: '030 123 45 67' });
    f.store.session(f.ownerId).access.grant({ clientId: client.id, userId: f.ownerId, rights: { canRead: true, canEdit: false, canSignOff: true } });
    const overview = f.store.session(f.ownerId).accessLog.forClient(client.id);
    expect(overview.map((e) => `${e.action}:${e.event}`)).toEqual(['C:client.create', 'R:client.read', 'U:client.update', 'U:access.grant']);
    expect(overview[0]!.userName).toBe('Fatima El Amrani');
    expect(overview[0]!.onBehalfOf).toBe('Dr. A. Huisarts');
    expect(overview[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(overview[2]!.reason).toBe('phone');
    const summary = f.store.session(f.ownerId).accessLog.summaryForClient(client.id);
    expect(summary.find((s) => s.userId === f.nurseId)).toMatchObject({ userName: 'Fatima El Amrani', counts: { C: 1, R: 1, U: 1 }, refused: 0 });
  });

  it('cannot be changed through SQL, and a change made anyway breaks the chain', async () => {
    f = await createFixture();
    const nurse = f.store.session(f.nurseId);
    const client = nurse.clients.create(sampleClient);
    for (let i = 0; i < 5; i++) nurse.clients.get(client.id);
    const owner = f.store.session(f.ownerId);
    expect(owner.accessLog.verifyChain()).toEqual({ intact: true, entries: 6 });

    const db = f.store.connection;
    expect(() => db.prepare("UPDATE access_log SET user_id = 'someone' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM access_log WHERE seq = 3').run()).toThrow(/append-only/);

    // Someone with the key and a SQLite shell drops the guard and edits a line.
    db.exec('DROP TRIGGER access_log_no_update');
    db.prepare("UPDATE access_log SET user_id = 'iemand anders' WHERE seq = 3").run();
    expect(owner.accessLog.verifyChain()).toMatchObject({ intact: false, brokenAtSeq: 3 });
  });

  it('a removed line is detected', async () => {
    f = await createFixture();
    const nurse = f.store.session(f.nurseId);
    const client = nurse.clients.create(sampleClient);
    for (let i = 0; i < 3; i++) nurse.clients.get(client.id);
    const db = f.store.connection;
    db.exec('DROP TRIGGER access_log_no_delete');
    db.prepare('DELETE FROM access_log WHERE seq = 2').run();
    expect(f.store.session(f.ownerId).accessLog.verifyChain()).toMatchObject({ intact: false, brokenAtSeq: 2 });
  });

  it('writes an E entry per client on export, and refuses dossiers the user may not read', async () => {
    f = await createFixture();
    const nurse = f.store.session(f.nurseId);
    const a = nurse.clients.create(sampleClient);
    const b = f.store.session(f.otherNurseId).clients.create({ ...sampleClient, bsn: '123456782', firstName: 'Piet' });
    nurse.accessLog.recordExport([a.id], 'docx');
    expect(() => nurse.accessLog.recordExport([a.id, b.id], 'zip')).toThrow(/geen recht/);
    f.store.session(f.ownerId).access.grant({ clientId: a.id, userId: f.ownerId, rights: { canRead: true, canEdit: false, canSignOff: true } });
    const exports = f.store.session(f.ownerId).accessLog.forClient(a.id).filter((e) => e.action === 'E');
    expect(exports).toHaveLength(1); // the refused zip export rolled back its entry for a
  });
});
