import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from './database.js';
import { databaseFileName } from './local-store.js';
import { withWalSetAside } from './bulk-load.js';
import { createFixture, sampleClient, type Fixture } from './test-support.js';

const secretText = 'Meneer is gevallen in de badkamer; hematoom op de rechterheup';

/** Inside a write past the WAL, after `change` touched pages that were already in the file: the journal's bytes. */
function journalDuringChange(db: SqliteDatabase, file: string, change: () => void): { mode: unknown; journal: Buffer } {
  return withWalSetAside(db, () =>
    db.transaction(() => {
      change();
      return { mode: db.pragma('journal_mode', { simple: true }), journal: readFileSync(`${file}-journal`) };
    })(),
  );
}

describe('writing past the WAL (rollback journal for large transactions)', () => {
  let f: Fixture;
  let plainDir: string | null = null;
  afterEach(() => {
    f?.cleanup();
    if (plainDir) rmSync(plainDir, { recursive: true, force: true });
  });

  it('the journal holds the pages as they were, encrypted: no name, BSN or report text in it', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const report = me.reports.create({ clientId: client.id, occurredAt: '2024-03-01T09:30:00.000Z', category: 'Incident', body: secretText });
    const file = path.join(f.dir, databaseFileName);
    const db = f.store.connection;

    const { mode, journal } = journalDuringChange(db, file, () => {
      db.prepare("UPDATE reports SET body = 'vervangen' WHERE id = ?").run(report.id);
      db.prepare("UPDATE clients SET first_name = 'Anna' WHERE id = ?").run(client.id);
    });
    expect(mode).toBe('delete');
    expect(journal.length).toBeGreaterThan(4096); // the old pages of both rows are in it …
    for (const needle of ['rechterheup', 'badkamer', 'Johanna', '111222333', 'Biltstraat']) expect(journal.includes(Buffer.from(needle))).toBe(false); // … unreadable

    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(existsSync(`${file}-journal`)).toBe(false);
    expect(me.clients.get(client.id).firstName).toBe('Anna');
  });

  it('the same check finds the text in the journal of an unencrypted file (so it can fail)', () => {
    plainDir = mkdtempSync(path.join(tmpdir(), 'thuisdossier-plain-'));
    const file = path.join(plainDir, 'plain.db');
    const db = openDatabase(file, { key: null });
    try {
      db.exec('CREATE TABLE notes (body TEXT)');
      db.prepare('INSERT INTO notes (body) VALUES (?)').run(secretText);
      const { mode, journal } = journalDuringChange(db, file, () => db.exec("UPDATE notes SET body = 'vervangen'"));
      expect(mode).toBe('delete');
      expect(journal.includes(Buffer.from('rechterheup'))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('inside an open transaction it stays in WAL (the mode cannot change there) and still commits', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const db = f.store.connection;
    const modes: unknown[] = [];
    db.transaction(() => {
      withWalSetAside(db, () => {
        modes.push(db.pragma('journal_mode', { simple: true }));
        me.clients.create(sampleClient);
      });
    })();
    expect(modes).toEqual(['wal']);
    expect(me.search.clients('berg')).toHaveLength(1);
  });
});
