import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium.js';
import { DEMO_USERS } from '../demo/createDemoOrganisation.js';
import { openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { BackupFileError } from './backup-file.js';
import { backupPostgres, restorePostgres } from './postgres-backup.js';
import { tableChecksums, type TableChecksums } from './table-checksums.js';
import { fillServiceDatabase, queryOnDatabase } from './test-support.js';

const now = new Date('2026-11-24T02:00:00.000Z');

/** Everything but the sync heads, whose epoch a restore renews on purpose. */
function withoutSyncHeads(tables: TableChecksums): TableChecksums {
  const { ['public.sync_heads']: _heads, ...rest } = tables;
  return rest;
}

describe('service backup and restore on real PostgreSQL (pg_dump / pg_restore)', () => {
  const disposals: Array<() => Promise<void>> = [];
  let dir = '';
  afterEach(async () => {
    for (const dispose of disposals.splice(0)) await dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function scratchDatabase(): Promise<TestDatabase & { url: string }> {
    const database = await openTestDatabase('postgres');
    disposals.push(() => database.dispose());
    return database as TestDatabase & { url: string };
  }

  it('round-trips: after changes, and into a fresh database, row counts and checksums equal the backup; the sync gets a new epoch', async () => {
    const lib = await loadSodium();
    const key = lib.crypto_secretstream_xchacha20poly1305_keygen();
    dir = mkdtempSync(path.join(tmpdir(), 'thuisdossier-server-backup-'));
    const source = await scratchDatabase();
    await fillServiceDatabase(source);
    const query = queryOnDatabase(source);
    const before = await tableChecksums(query);
    expect(before['public.users']!.rows).toBeGreaterThan(0);
    const [{ epoch: oldEpoch }] = (await query<{ epoch: string }>('SELECT epoch FROM sync_heads LIMIT 1')) as [{ epoch: string }];

    const file = path.join(dir, 'service.tdsbackup');
    const manifest = await backupPostgres({ lib, key, url: source.url, target: file, now });
    expect(manifest.tables).toEqual(before);
    // The dump is encrypted: no e-mail address of the demo users is readable in the file.
    expect(readFileSync(file).includes(Buffer.from(DEMO_USERS[0]!.email))).toBe(false);

    // Changes after the backup are undone by the restore.
    await query("UPDATE organisations SET name = 'Na de back-up hernoemd'");
    await query('DELETE FROM sync_heads');
    expect(withoutSyncHeads(await tableChecksums(query))).not.toEqual(withoutSyncHeads(before));
    await restorePostgres({ lib, key, url: source.url, file });
    const client = new pg.Client({ connectionString: source.url });
    await client.connect();
    try {
      const q = async <Row>(text: string) => (await client.query(text)).rows as Row[];
      const after = await tableChecksums(q);
      expect(withoutSyncHeads(after)).toEqual(withoutSyncHeads(before));
      expect(after['public.sync_heads']!.rows).toBe(before['public.sync_heads']!.rows);
      const heads = await q<{ epoch: string; restored_from_epoch: string; epoch_start_seq: string }>('SELECT epoch, restored_from_epoch, epoch_start_seq FROM sync_heads');
      expect(heads[0]).toMatchObject({ restored_from_epoch: oldEpoch, epoch_start_seq: '42' });
      expect(heads[0]!.epoch).not.toBe(oldEpoch);
    } finally {
      await client.end();
    }

    // Into an empty database (a new server after a disk loss).
    const fresh = await scratchDatabase();
    // restorePostgres compares every table with the manifest itself and throws on a difference.
    await expect(restorePostgres({ lib, key, url: fresh.url, file })).resolves.toMatchObject({ tables: before });
  });

  it('a changed byte or a wrong key is refused before pg_restore runs, and the database is untouched', async () => {
    const lib = await loadSodium();
    const key = lib.crypto_secretstream_xchacha20poly1305_keygen();
    dir = mkdtempSync(path.join(tmpdir(), 'thuisdossier-server-backup-'));
    const database = await scratchDatabase();
    await fillServiceDatabase(database);
    const file = path.join(dir, 'service.tdsbackup');
    await backupPostgres({ lib, key, url: database.url, target: file, now });
    const query = queryOnDatabase(database);
    await query("UPDATE organisations SET name = 'Huidige naam'");
    const current = await tableChecksums(query);

    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    const tampered = path.join(dir, 'tampered.tdsbackup');
    writeFileSync(tampered, bytes);
    await expect(restorePostgres({ lib, key, url: database.url, file: tampered })).rejects.toBeInstanceOf(BackupFileError);
    await expect(restorePostgres({ lib, key: lib.crypto_secretstream_xchacha20poly1305_keygen(), url: database.url, file })).rejects.toBeInstanceOf(BackupFileError);
    expect(await tableChecksums(query)).toEqual(current);
  });
});
