import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, sampleClient, type Fixture } from './test-support.js';

describe('maintenance: purge, compact, wipe, bulk load', () => {
  let f: Fixture;
  afterEach(() => f?.cleanup());

  it('purging a dossier removes its rows, search entries, outbox entries and document files, and keeps the access log', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const keep = me.clients.create({ ...sampleClient, bsn: '123456782', firstName: 'Blijft' });
    const gone = me.clients.create(sampleClient);
    me.reports.create({ clientId: gone.id, occurredAt: '2024-03-01T09:00:00.000Z', category: 'ADL', body: 'Steunkousen aangetrokken' });
    const doc = me.documents.add({ clientId: gone.id, fileName: 'brief.txt' }, Buffer.from('brief'));
    const logBefore = f.store.connection.prepare('SELECT count(*) FROM access_log WHERE client_id = ?').pluck().get(gone.id) as number;
    f.store.purgeDossier(gone.id);
    const db = f.store.connection;
    for (const table of ['clients', 'reports', 'documents', 'dossier_access']) {
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE ${table === 'clients' ? 'id' : 'client_id'} = ?`).pluck().get(gone.id)).toBe(0);
    }
    expect(db.prepare('SELECT count(*) FROM outbox WHERE client_id = ?').pluck().get(gone.id)).toBe(0);
    expect(me.search.reports('steunkousen')).toEqual([]);
    expect(existsSync(path.join(f.dir, 'documents', `${doc.id}.doc`))).toBe(false);
    expect(db.prepare('SELECT count(*) FROM access_log WHERE client_id = ?').pluck().get(gone.id)).toBe(logBefore);
    expect(me.clients.get(keep.id).firstName).toBe('Blijft');
  });

  it('compact keeps search working', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const a = me.reports.create({ clientId: client.id, occurredAt: '2024-03-01T09:00:00.000Z', category: 'ADL', body: 'eerste rapportage' });
    me.reports.create({ clientId: client.id, occurredAt: '2024-03-01T10:00:00.000Z', category: 'ADL', body: 'tweede rapportage wondzorg' });
    me.reports.delete(a.id);
    f.store.purgeDossier(me.clients.create({ ...sampleClient, bsn: '123456782' }).id);
    f.store.compact();
    expect(me.search.reports('wondzorg')).toHaveLength(1);
    expect(me.search.clients('berg')).toHaveLength(1);
  });

  it('bulk load indexes everything once at the end', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    f.store.loadInBulk((db) => {
      const insert = db.prepare(
        `INSERT INTO reports (id, organisation_id, field_clocks, created_at, updated_at, client_id, kind, occurred_at, author_id, category, body, visibility)
         VALUES (?, ?, '{}', 'x', 'x', ?, 'rapportage', '2024-01-01T00:00:00.000Z', ?, 'ADL', ?, 'dossier')`,
      );
      for (let i = 0; i < 100; i++) insert.run(`0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`, f.organisationId, client.id, f.nurseId, `bulk rapportage nummer${i}`);
    });
    expect(me.search.reports('nummer42')).toHaveLength(1);
    expect(f.store.connection.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'reports_fts_after_insert'").pluck().get()).toBe(1);
  });

  it('bulk load writes past the WAL and returns to WAL afterwards, also when the load fails', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const modes: unknown[] = [];
    const insertSql = `INSERT INTO reports (id, organisation_id, field_clocks, created_at, updated_at, client_id, kind, occurred_at, author_id, category, body, visibility)
       VALUES (?, ?, '{}', 'x', 'x', ?, 'rapportage', '2024-01-01T00:00:00.000Z', ?, 'ADL', ?, 'dossier')`;
    f.store.loadInBulk((db) => {
      modes.push(db.pragma('journal_mode', { simple: true }));
      db.prepare(insertSql).run('0190a000-0000-7000-8000-000000000001', f!.organisationId, client.id, f!.nurseId, 'geladen rapportage');
    });
    expect(modes).toEqual(['delete']);
    expect(f.store.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(() =>
      f!.store.loadInBulk((db) => {
        db.prepare(insertSql).run('0190a000-0000-7000-8000-000000000002', f!.organisationId, client.id, f!.nurseId, 'mislukte rapportage');
        throw new Error('verbinding verbroken');
      }),
    ).toThrow('verbinding verbroken');
    expect(f.store.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(me.search.reports('geladen')).toHaveLength(1);
    expect(me.search.reports('mislukte')).toHaveLength(0);
  });

  it('full-text index leaves fit on one encrypted page (no overflow pages to decrypt)', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const words = ['wond', 'verband', 'insuline', 'huisarts', 'douchen', 'onrustig', 'stoma', 'katheter', 'pijnscore', 'benauwdheid', 'mantelzorger', 'dochter'];
    f.store.loadInBulk((db) => {
      const insert = db.prepare(
        `INSERT INTO reports (id, organisation_id, field_clocks, created_at, updated_at, client_id, kind, occurred_at, author_id, category, body, visibility)
         VALUES (?, ?, '{}', 'x', 'x', ?, 'rapportage', '2024-01-01T00:00:00.000Z', ?, 'ADL', ?, 'dossier')`,
      );
      for (let i = 0; i < 2000; i++) {
        const body = Array.from({ length: 30 }, (_, j) => `${words[(i * 7 + j * 5) % words.length]}${j % 4 === 0 ? i % 300 : ''}`).join(' ');
        insert.run(`0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`, f!.organisationId, client.id, f!.nurseId, body);
      }
    });
    const pages = f.store.connection.prepare("SELECT pagetype, count(*) AS n FROM dbstat WHERE name = 'reports_fts_data' GROUP BY pagetype").all() as Array<{ pagetype: string; n: number }>;
    expect(pages.find((p) => p.pagetype === 'leaf')?.n).toBeGreaterThan(20);
    expect(pages.find((p) => p.pagetype === 'overflow')).toBeUndefined();
    expect(me.search.reports('katheter')).not.toHaveLength(0);
  });

  it('wipe removes every file of the store', async () => {
    f = await createFixture();
    f.store.session(f.nurseId).clients.create(sampleClient);
    f.store.wipe();
    expect(readdirSync(f.dir)).toEqual([]);
    expect(f.store.exists()).toBe(false);
  });
});
