import { spawn } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import type { Sodium } from '../crypto/sodium.js';
import { BackupFileError, openBackupFile, verifyBackupFile, writeBackupFile, type BackupManifest } from './backup-file.js';
import { startNewSyncEpoch } from './new-epoch.js';
import { connectionFor, exited, pgTool } from './pg-tools.js';
import { checksumDifferences, tableChecksums, type RunQuery } from './table-checksums.js';

export interface PostgresBackupOptions {
  lib: Sodium;
  key: Uint8Array;
  url: string;
  target: string;
  now: Date;
}

/**
 * pg_dump (custom format) of the whole database, streamed straight into an encrypted backup file:
 * the plain dump never touches the disk. The dump and the manifest's checksums read the same
 * snapshot (pg_export_snapshot, passed to pg_dump), so they describe exactly the same rows while
 * the service keeps running.
 */
export async function backupPostgres(options: PostgresBackupOptions): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const connection = connectionFor(options.url);
    const dump = spawn(
      pgTool('pg_dump'),
      ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--dbname=${connection.dbname}`],
      { env: connection.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const done = exited(dump, 'pg_dump');
    done.catch(() => undefined); // awaited below; a rejection before that must not be unhandled
    return await writeBackupFile(options.lib, options.key, options.target, { format: 'thuisdossier-server-backup', version: 1, kind: 'postgres', createdAt: options.now.toISOString() }, dump.stdout, async () => {
      await done;
      return { tables: await tableChecksums(queryOn(client)) };
    });
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

export interface PostgresRestoreOptions {
  lib: Sodium;
  key: Uint8Array;
  url: string;
  file: string;
}

/**
 * Restores into the database at `url`. First the whole file is read and authenticated (nothing is
 * touched if any byte is wrong); then pg_restore replaces the objects of the dump in ONE
 * transaction (--single-transaction): if anything fails, the database is as it was. Afterwards the
 * row counts and checksums are compared with the manifest (a difference is reported as an error)
 * and the sync gets a new epoch, so devices re-send what the restored hub lost.
 * Stop the service first: a restore replaces the data under it.
 */
export async function restorePostgres(options: PostgresRestoreOptions): Promise<BackupManifest> {
  const { header, manifest } = await verifyBackupFile(options.lib, options.key, options.file);
  if (header.kind !== 'postgres') throw new BackupFileError(`This is a ${header.kind} backup; restore it with the service on ${header.kind}.`);
  const connection = connectionFor(options.url);
  const restore = spawn(
    pgTool('pg_restore'),
    ['--clean', '--if-exists', '--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${connection.dbname}`],
    { env: connection.env, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  const done = exited(restore, 'pg_restore');
  done.catch(() => undefined);
  const stdin = restore.stdin!;
  stdin.on('error', () => undefined); // pg_restore stopped early: its exit code says why
  const opened = await openBackupFile(options.lib, options.key, options.file);
  try {
    for await (const piece of opened.dump()) {
      if (stdin.destroyed) break;
      if (!stdin.write(piece)) await Promise.race([once(stdin, 'drain'), done]);
    }
  } finally {
    stdin.end();
  }
  await done;
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    const query = queryOn(client);
    const differences = checksumDifferences(manifest.tables, await tableChecksums(query));
    if (differences.length > 0) throw new Error(`Restored, but these tables differ from the backup: ${differences.join(', ')}`);
    await startNewSyncEpoch(query);
  } finally {
    await client.end();
  }
  return manifest;
}

function queryOn(client: pg.Client): RunQuery {
  return async <Row>(sql: string) => (await client.query(sql)).rows as Row[];
}
