import { afterEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../shared/sync/hlc.js';
import { interactiveKdfParams } from '../crypto/kdf-params.js';
import { loadSodium } from '../crypto/sodium.js';
import { LocalStore } from './local-store.js';
import { createFixture, password, sampleClient, type Fixture } from './test-support.js';

interface OutboxRow {
  mutation_id: string;
  table_name: string;
  row_id: string;
  client_id: string | null;
  op: string;
  changes: string;
  hlc: string;
}

describe('outbox and field clocks', () => {
  let f: Fixture;
  afterEach(() => f?.cleanup());

  it('every write leaves one outbox entry with before/after of the changed fields, in the same transaction', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    me.clients.update(client.id, { phone: '06 12345678', city: 'Utrecht' }); // city unchanged
    me.clients.update(client.id, { city: 'Utrecht' }); // nothing changed: no entry
    const rows = f.store.connection.prepare('SELECT * FROM outbox ORDER BY seq').all() as OutboxRow[];
    expect(rows.map((r) => `${r.table_name}:${r.op}`)).toEqual(['clients:insert', 'dossier_access:insert', 'clients:update']);
    const update = JSON.parse(rows[2]!.changes);
    expect(update).toEqual({ phone: { before: null, after: '06 12345678' } });
    expect(rows[2]!.client_id).toBe(client.id);
    const hlcs = rows.map((r) => r.hlc);
    expect([...hlcs].sort()).toEqual(hlcs); // monotonic in write order
    expect(new Set(rows.map((r) => r.mutation_id)).size).toBe(3);

    const stored = me.clients.get(client.id);
    expect(stored.fieldClocks.phone).toBe(rows[2]!.hlc);
    expect(stored.fieldClocks.lastName).toBe(rows[0]!.hlc);
    expect(parseHlc(stored.fieldClocks.phone!).node).toBe(f.store.deviceId);
    expect(stored.serverSeq).toBeNull();
  });

  it('the clock survives a restart and never goes back, even when the system clock does', async () => {
    let now = Date.parse('2024-06-01T12:00:00Z');
    f = await createFixture({ now: () => new Date(now) });
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const first = me.clients.update(client.id, { phone: '0611111111' }).fieldClocks.phone!;
    f.store.lock();
    now -= 3 * 60 * 60 * 1000; // someone sets the laptop clock back three hours
    const again = await LocalStore.at({ dir: f.dir, kdfParams: interactiveKdfParams(await loadSodium()), now: () => new Date(now) });
    again.unlock(password);
    const second = again.session(f.nurseId).clients.update(client.id, { phone: '0622222222' }).fieldClocks.phone!;
    expect(second > first).toBe(true);
    again.lock();
  });

  it('after observing a later remote clock, local writes are ordered after it', async () => {
    f = await createFixture({ now: () => new Date('2024-06-01T12:00:00Z') });
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const remote = `${String(Date.parse('2024-06-01T12:03:00Z')).padStart(15, '0')}-0007-fedcba9876543210`; // 3 min ahead
    f.store.connection.transaction(() => f.store.observeClock(remote)).immediate();
    const local = me.clients.update(client.id, { phone: '0612345678' }).fieldClocks.phone!;
    expect(local > remote).toBe(true);
    const farFuture = `${String(Date.parse('2024-06-02T12:00:00Z')).padStart(15, '0')}-0000-fedcba9876543210`;
    expect(() => f.store.observeClock(farFuture)).toThrow(/voor op/);
    expect(f.store.accessLogAfter(0).length).toBeGreaterThan(0);
  });

  it('a refused write leaves neither data nor outbox entry', async () => {
    f = await createFixture();
    const client = f.store.session(f.nurseId).clients.create(sampleClient);
    const before = f.store.connection.prepare('SELECT count(*) FROM outbox').pluck().get();
    expect(() => f.store.session(f.otherNurseId).clients.update(client.id, { phone: '0612345678' })).toThrow();
    expect(f.store.connection.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(before);
  });

  it('dossier numbers are automatic and unique per organisation', async () => {
    f = await createFixture();
    f.store.setDossierNumberSeries('K7Q2');
    const me = f.store.session(f.nurseId);
    const numbers = Array.from({ length: 5 }, (_, i) => me.clients.create({ ...sampleClient, firstName: `Kind${i}`, bsn: null }).dossierNumber);
    expect(numbers).toEqual(['K7Q2-00001', 'K7Q2-00002', 'K7Q2-00003', 'K7Q2-00004', 'K7Q2-00005']);
    expect(me.search.clients('k7q2-0000').length).toBe(5);
  });
});
