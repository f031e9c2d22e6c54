import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteDatabase } from './database.js';
import { createFixture, sampleClient, type Fixture } from './test-support.js';

/** FTS5's own check of an external-content index against its table: throws when they differ. */
function checkIndexes(db: SqliteDatabase): void {
  db.exec("INSERT INTO reports_fts(reports_fts, rank) VALUES ('integrity-check', 1)");
  db.exec("INSERT INTO clients_fts(clients_fts, rank) VALUES ('integrity-check', 1)");
}

const triggerCount = (db: SqliteDatabase) => db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fts%'").pluck().get();

describe('withDeferredSearchIndexing (batches: one index write at the end)', () => {
  let f: Fixture;
  afterEach(() => f?.cleanup());

  it('indexes inserts, updates and deletes of the batch, including rows inserted and changed within it', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const kept = me.reports.create({ clientId: client.id, occurredAt: '2024-03-01T09:00:00.000Z', category: 'ADL', body: 'oude tekst steunkousen' });
    const removed = me.reports.create({ clientId: client.id, occurredAt: '2024-03-01T10:00:00.000Z', category: 'ADL', body: 'verdwijnt katheter' });
    const before = triggerCount(f.store.connection);

    f.store.withDeferredSearchIndexing((db) => {
      const insert = db.prepare(
        `INSERT INTO reports (id, organisation_id, field_clocks, created_at, updated_at, client_id, kind, occurred_at, author_id, category, body, visibility)
         VALUES (?, ?, '{}', 'x', 'x', ?, 'rapportage', '2024-01-01T00:00:00.000Z', ?, 'ADL', ?, 'dossier')`,
      );
      for (let i = 0; i < 50; i++) insert.run(`0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`, f.organisationId, client.id, f.nurseId, `batch rapportage nummer${i}`);
      const update = db.prepare('UPDATE reports SET body = ? WHERE id = ?');
      update.run('nieuwe tekst wondverband', kept.id);
      update.run('tweede versie wondverband', kept.id);
      update.run('veranderd binnen de batch', '0190a000-0000-7000-8000-000000000007');
      db.prepare('DELETE FROM reports WHERE id IN (?, ?)').run(removed.id, '0190a000-0000-7000-8000-000000000008');
      db.prepare('UPDATE clients SET last_name = ? WHERE id = ?').run('Özdemir', client.id);
    });

    const db = f.store.connection;
    checkIndexes(db);
    expect(me.search.reports('nummer42')).toHaveLength(1);
    expect(me.search.reports('nummer7')).toHaveLength(0);
    expect(me.search.reports('veranderd')).toHaveLength(1);
    expect(me.search.reports('nummer8')).toHaveLength(0);
    expect(me.search.reports('steunkousen')).toHaveLength(0);
    expect(me.search.reports('wondverband').map((r) => r.reportId)).toEqual([kept.id]);
    expect(me.search.reports('katheter')).toHaveLength(0);
    expect(me.search.clients('ozdemir')).toHaveLength(1);
    expect(me.search.clients('berg')).toHaveLength(0);
    expect(triggerCount(db)).toBe(before);
    // After the batch the ordinary triggers keep the index in step again.
    me.reports.create({ clientId: client.id, occurredAt: '2024-03-02T09:00:00.000Z', category: 'ADL', body: 'daarna decubitus' });
    expect(me.search.reports('decubitus')).toHaveLength(1);
    checkIndexes(db);
  });

  it('a deleted row whose rowid is taken again by a new row leaves only the new text', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const last = me.reports.create({ clientId: client.id, occurredAt: '2024-03-01T09:00:00.000Z', category: 'ADL', body: 'laatste rij insuline' });
    f.store.withDeferredSearchIndexing((db) => {
      db.prepare('DELETE FROM reports WHERE id = ?').run(last.id);
      db.prepare(
        `INSERT INTO reports (id, organisation_id, field_clocks, created_at, updated_at, client_id, kind, occurred_at, author_id, category, body, visibility)
         VALUES ('0190a000-0000-7000-8000-000000000001', ?, '{}', 'x', 'x', ?, 'rapportage', '2024-01-01T00:00:00.000Z', ?, 'ADL', 'zelfde rowid saturatie', 'dossier')`,
      ).run(f.organisationId, client.id, f.nurseId);
    });
    checkIndexes(f.store.connection);
    expect(me.search.reports('insuline')).toHaveLength(0);
    expect(me.search.reports('saturatie')).toHaveLength(1);
  });

  it('a failing batch changes nothing: rows, index and triggers as before', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const before = triggerCount(f.store.connection);
    expect(() =>
      f.store.withDeferredSearchIndexing((db) => {
        db.prepare('UPDATE clients SET first_name = ? WHERE id = ?').run('Gerrit', client.id);
        throw new Error('pull page refused');
      }),
    ).toThrow('pull page refused');
    checkIndexes(f.store.connection);
    expect(me.search.clients('johanna')).toHaveLength(1);
    expect(me.search.clients('gerrit')).toHaveLength(0);
    expect(triggerCount(f.store.connection)).toBe(before);
    expect(f.store.connection.prepare("SELECT count(*) FROM temp.sqlite_master").pluck().get()).toBe(0);
  });
});
