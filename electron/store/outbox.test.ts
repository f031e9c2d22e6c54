import { afterEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../shared/sync/hlc.js';
import { createFixture, sampleClient, type Fixture } from './test-support.js';

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
