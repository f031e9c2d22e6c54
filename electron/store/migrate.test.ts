import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { interactiveKdfParams } from '../crypto/kdf-params.js';
import { loadSodium } from '../crypto/sodium.js';
import { openDatabase } from './database.js';
import { LocalStore } from './local-store.js';
import { applyMigrations, loadMigrations } from './migrate.js';
import { password, sampleClient } from './test-support.js';
import { StoreError } from './store-error.js';

describe('migrations', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'thuisdossier-migrate-'));
    dirs.push(dir);
    return dir;
  };

  it('has the committed migrations in order, starting with the initial schema', () => {
    const tags = loadMigrations().map((m) => m.tag);
    expect(tags[0]).toBe('0000_initial');
    expect(tags.length).toBeGreaterThanOrEqual(3);
  });

  it('upgrades a database made by the first release, with its data, to the latest schema', async () => {
    const dir = tempDir();
    const sodium = await loadSodium();
    const all = loadMigrations();
    // The first release: only migration 0000. Create the store with it and write real data.
    const old = await LocalStore.at({ dir, kdfParams: interactiveKdfParams(sodium), migrations: all.slice(0, 1) });
    old.create(password);
    const organisationId = '01900000-0000-7000-8000-000000000001';
    old.directory.upsertOrganisation({ id: organisationId, name: 'Zorg Oost' });
    const nurseId = old.directory.upsertUser(organisationId, { email: 'an@zorg.nl', displayName: 'An', role: 'practitioner' }).id;
    const me = old.session(nurseId);
    const client = me.clients.create(sampleClient);
    const report = me.reports.create({ clientId: client.id, occurredAt: '2024-01-05T08:00:00.000Z', category: 'Wondzorg', body: 'Verband gewisseld, wond rustig' });
    expect(() => old.connection.prepare('SELECT 1 FROM drafts').get()).toThrow(/no such table/);
    old.lock();

    // The new release opens it: every migration applied in one go, data intact and searchable.
    const store = await LocalStore.at({ dir, kdfParams: interactiveKdfParams(sodium) });
    store.unlock(password);
    const after = store.session(nurseId);
    expect(after.clients.get(client.id)).toMatchObject({ lastName: 'Berg', bsn: '111222333', postcode: '3572 BJ' });
    expect(after.reports.get(report.id).body).toBe('Verband gewisseld, wond rustig');
    expect(after.search.reports('wond').map((h) => h.reportId)).toEqual([report.id]); // FTS built from old rows
    expect(after.search.clients('berg').map((c) => c.id)).toEqual([client.id]);
    after.drafts.save(`report:new:${client.id}`, 'half getypt', client.id);
    expect(after.accessLog.forClient).toBeDefined();
    const applied = store.connection.prepare('SELECT tag FROM schema_migrations ORDER BY idx').pluck().all();
    expect(applied).toEqual(all.map((m) => m.tag));
    store.lock();
  });

  it('refuses a database made by a newer app, and leaves it untouched', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'x.db'), { key: new Uint8Array(32).fill(1) });
    const all = loadMigrations();
    applyMigrations(db, all);
    db.prepare('INSERT INTO schema_migrations (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)').run(all.length, '9999_future', 'x', new Date().toISOString());
    try {
      applyMigrations(db, all);
      throw new Error('should refuse');
    } catch (error) {
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toMatch(/nieuwere versie/);
    }
    db.close();
  });

  it('refuses when an applied migration differs from the app’s file', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'x.db'), { key: null });
    const all = loadMigrations();
    applyMigrations(db, all.slice(0, 1));
    const changed = [{ ...all[0]!, hash: 'different' }, ...all.slice(1)];
    expect(() => applyMigrations(db, changed)).toThrow(/verschilt/);
    db.close();
  });

  it('rolls back a failing migration completely', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'x.db'), { key: null });
    const all = loadMigrations();
    const broken = [...all, { idx: all.length, tag: 'broken', sql: 'CREATE TABLE ok_table (x); SELECT * FROM no_such_table;', hash: 'h' }];
    expect(() => applyMigrations(db, broken)).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('clients', 'ok_table')").pluck().get()).toBe(0);
    db.close();
  });
});
