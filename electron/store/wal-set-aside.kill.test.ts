import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { interactiveKdfParams } from '../crypto/kdf-params.js';
import { loadSodium } from '../crypto/sodium.js';
import { withWalSetAside } from './bulk-load.js';
import { databaseFileName, LocalStore } from './local-store.js';
import { createFixture, password, sampleClient, type Fixture } from './test-support.js';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'rollback-journal-child.ts');

/** Runs the child (a real process on the real store) and resolves with its output once it ended, however. */
function runChild(args: string[]): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => resolve({ signal, output }));
  });
}

/**
 * A large write past the WAL (withWalSetAside in bulk-load.ts: a rollback journal, for sync pull
 * pages of 500 rows or more and the initial load) killed with SIGKILL mid-transaction, after it
 * wrote changed pages into the database: the next unlock rolls the hot (encrypted) journal back, and the store is as before —
 * no page damaged, nothing of the batch, search indexes and access-log chain in step, back in WAL.
 */
describe('kill -9 during a large write with a rollback journal', () => {
  let f: Fixture;
  afterEach(() => f?.cleanup());

  for (const mode of ['pull', 'load'] as const) {
    it(`${mode === 'pull' ? 'a large pull page (withWalSetAside)' : 'the initial load (loadInBulk)'}: the store opens as it was before the batch`, async () => {
      f = await createFixture();
      const me = f.store.session(f.nurseId);
      const client = me.clients.create(sampleClient);
      for (let i = 0; i < 200; i++) me.reports.create({ clientId: client.id, occurredAt: '2024-03-01T09:00:00.000Z', category: 'ADL', body: `blijft staan ${i} steunkousen` });
      const before = f.store.connection.prepare('SELECT count(*) FROM reports').pluck().get();
      const logBefore = f.store.connection.prepare('SELECT count(*) FROM access_log').pluck().get();
      f.store.lock();

      const run = await runChild([f.dir, password, mode, f.organisationId, f.nurseId, client.id]);
      expect(run.output).toMatch(/killing at row \d+: journal [1-9]\d* bytes, database grew [1-9]\d* bytes, mode delete/);
      expect(run.signal).toBe('SIGKILL');
      const journal = path.join(f.dir, `${databaseFileName}-journal`);
      expect(existsSync(journal)).toBe(true); // the hot journal the crash left

      const store = await LocalStore.at({ dir: f.dir, kdfParams: interactiveKdfParams(await loadSodium()) });
      store.unlock(password);
      f.store = store;
      const db = store.connection;
      expect(existsSync(journal)).toBe(false);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(store.verifyIntegrity()).toMatchObject({ database: 'ok', accessLog: { intact: true } });
      expect(db.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(before);
      expect(db.prepare('SELECT count(*) FROM access_log').pluck().get()).toBe(logBefore);
      db.exec("INSERT INTO reports_fts(reports_fts, rank) VALUES ('integrity-check', 1)");
      const again = store.session(f.nurseId);
      expect(again.search.reports('afgebroken')).toEqual([]);
      expect(again.search.reports('steunkousen', { limit: 200 })).toHaveLength(200);
      expect(db.prepare("SELECT count(*) FROM reports WHERE body LIKE 'blijft staan%'").pluck().get()).toBe(200);

      // And the next large write goes through.
      withWalSetAside(store.connection, () => store.withDeferredSearchIndexing(() => again.reports.create({ clientId: client.id, occurredAt: '2024-04-02T08:00:00.000Z', category: 'ADL', body: 'na het herstel opgeslagen' })));
      expect(again.search.reports('herstel')).toHaveLength(1);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    });
  }
});
