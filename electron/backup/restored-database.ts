import type { SqliteDatabase } from '../store/database.js';
import type { BackupHeader } from './backup-format.js';
import { tamperedBackup } from './backup-errors.js';

/**
 * Checks a restored database file before it replaces anything, and carries over what must
 * never go back in time on this device. Runs on the restored copy, opened with the store's key.
 */
export function checkRestoredDatabase(db: SqliteDatabase, header: Pick<BackupHeader, 'counts' | 'deviceId'>): void {
  const { counts } = header;
  // quick_check reads every page, so every page's Poly1305 tag is verified.
  const check = db.pragma('quick_check') as Array<{ quick_check: string }>;
  if (check[0]?.quick_check !== 'ok') throw tamperedBackup();
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  if (count('clients') !== counts.clients || count('reports') !== counts.reports) throw tamperedBackup();
  const deviceId = db.prepare("SELECT value FROM device_state WHERE key = 'device_id'").pluck().get();
  if (deviceId !== header.deviceId) throw tamperedBackup();
}

/**
 * The snapshot was made with VACUUM INTO, which may renumber the rowids that the external-content
 * search tables refer to: rebuild them (the same reason compact() rebuilds after VACUUM).
 * Then carry over from the live database the device facts that must only move forward: the
 * hybrid logical clock (a clock that repeats could tie with a change already sent) and the
 * counters (a dossier number issued after the backup must not be issued again), when the live
 * database is there to read them from.
 */
export function prepareRestoredDatabase(restored: SqliteDatabase, live: SqliteDatabase | null): void {
  const liveFacts = live === null ? [] : live.prepare("SELECT key, value FROM device_state WHERE key = 'hlc' OR key LIKE 'counter:%'").all() as Array<{ key: string; value: string }>;
  const get = restored.prepare('SELECT value FROM device_state WHERE key = ?').pluck();
  const put = restored.prepare('INSERT INTO device_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  restored
    .transaction(() => {
      restored.exec("INSERT INTO reports_fts(reports_fts) VALUES ('rebuild')");
      restored.exec("INSERT INTO clients_fts(clients_fts) VALUES ('rebuild')");
      for (const { key, value } of liveFacts) {
        const current = get.get(key) as string | undefined;
        const later = key === 'hlc' ? current === undefined || value > current : current === undefined || Number(value) > Number(current);
        if (later) put.run(key, value);
      }
    })
    .immediate();
  // Leave a single file (no -wal) to move into place.
  restored.pragma('wal_checkpoint(TRUNCATE)');
  restored.pragma('journal_mode = DELETE');
}
