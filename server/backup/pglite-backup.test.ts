import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium.js';
import { openDatabase } from '../db/database.js';
import { BackupFileError } from './backup-file.js';
import { backupPglite, restorePglite } from './pglite-backup.js';
import { tableChecksums, type RunQuery } from './table-checksums.js';
import { fillServiceDatabase } from './test-support.js';

const now = new Date('2026-11-24T02:00:00.000Z');

function queryOn(client: PGlite): RunQuery {
  return async <Row>(sql: string) => (await client.query<Row>(sql)).rows;
}

async function checksumsOf(pgliteDir: string) {
  const client = await PGlite.create(pgliteDir);
  try {
    return await tableChecksums(queryOn(client));
  } finally {
    await client.close();
  }
}

describe('service backup and restore on the embedded PGlite', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips with equal row counts and checksums, refuses a tampered file, and never opens a folder in use', async () => {
    const lib = await loadSodium();
    const key = lib.crypto_secretstream_xchacha20poly1305_keygen();
    dir = mkdtempSync(path.join(tmpdir(), 'thuisdossier-pglite-backup-'));
    const pgliteDir = path.join(dir, 'pglite');
    const database = await openDatabase({ kind: 'pglite', dataDir: pgliteDir });
    await fillServiceDatabase(database);
    const file = path.join(dir, 'service.tdsbackup');
    // The service is running: the CLI must not open its folder.
    await expect(backupPglite({ lib, key, pgliteDir, target: file, now, serviceStopped: false })).rejects.toThrow(/in use/);
    await database.close();

    const manifest = await backupPglite({ lib, key, pgliteDir, target: file, now, serviceStopped: false });
    const before = await checksumsOf(pgliteDir);
    expect(manifest.tables).toEqual(before);
    expect(before['public.users']!.rows).toBeGreaterThan(0);

    // A change after the backup; then a tampered copy is refused and changes nothing.
    const changing = await PGlite.create(pgliteDir);
    await changing.exec("UPDATE organisations SET name = 'Na de back-up hernoemd'");
    await changing.close();
    const changed = await checksumsOf(pgliteDir);
    const bytes = readFileSync(file);
    bytes[bytes.length - 10]! ^= 0x01;
    writeFileSync(path.join(dir, 'tampered.tdsbackup'), bytes);
    await expect(restorePglite({ lib, key, pgliteDir, file: path.join(dir, 'tampered.tdsbackup'), serviceStopped: false })).rejects.toBeInstanceOf(BackupFileError);
    expect(await checksumsOf(pgliteDir)).toEqual(changed);

    await restorePglite({ lib, key, pgliteDir, file, serviceStopped: false });
    const after = await checksumsOf(pgliteDir);
    const { ['public.sync_heads']: headsAfter, ...restAfter } = after;
    const { ['public.sync_heads']: headsBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    expect(headsAfter!.rows).toBe(headsBefore!.rows); // same rows, new epoch
    expect(readdirSync(dir).filter((name) => name.includes('restore-'))).toEqual([]);
    expect(existsSync(path.join(pgliteDir, 'postmaster.pid'))).toBe(false);
    // Six PGlite start-ups (each a WASM Postgres boot): on a busy 2-core machine over a minute.
  }, 180_000);
});
