import { existsSync, renameSync, rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Sodium } from '../crypto/sodium.js';
import { BackupFileError, openBackupFile, verifyBackupFile, writeBackupFile, type BackupManifest } from './backup-file.js';
import { startNewSyncEpoch } from './new-epoch.js';
import { checksumDifferences, tableChecksums, type RunQuery } from './table-checksums.js';

/**
 * PGlite allows one process on a data folder and writes postmaster.pid while open (with a fake
 * pid, so liveness cannot be checked). Opening it from the CLI while the service runs would
 * corrupt it: refuse unless the operator says the service is stopped (after a crash the file stays).
 */
export function assertPgliteNotInUse(pgliteDir: string, serviceStopped: boolean): void {
  if (!serviceStopped && existsSync(`${pgliteDir}/postmaster.pid`)) {
    throw new Error(
      `The PGlite data folder ${pgliteDir} is in use (postmaster.pid). Stop the service first; ` +
        'if it is stopped (it crashed), run again with --service-stopped.',
    );
  }
}

/**
 * A consistent copy of an open PGlite: its data folder as a gzipped tarball (dumpDataDir runs
 * between queries, so the image is at least crash-consistent, which PostgreSQL recovers from), and
 * the checksums read just before, on the same single connection. Usable in the service's own
 * process too, where it is the only safe way while the service runs.
 */
export async function backupPgliteClient(lib: Sodium, key: Uint8Array, client: PGlite, target: string, now: Date): Promise<BackupManifest> {
  await client.exec('CHECKPOINT');
  const tables = await tableChecksums(queryOn(client));
  const tarball = await client.dumpDataDir('gzip');
  return writeBackupFile(lib, key, target, { format: 'thuisdossier-server-backup', version: 1, kind: 'pglite', createdAt: now.toISOString() }, blobChunks(tarball), async () => ({ tables }));
}

export async function backupPglite(options: { lib: Sodium; key: Uint8Array; pgliteDir: string; target: string; now: Date; serviceStopped: boolean }): Promise<BackupManifest> {
  assertPgliteNotInUse(options.pgliteDir, options.serviceStopped);
  if (!existsSync(options.pgliteDir)) throw new Error(`No PGlite data folder at ${options.pgliteDir}.`);
  const client = await PGlite.create(options.pgliteDir);
  try {
    return await backupPgliteClient(options.lib, options.key, client, options.target, options.now);
  } finally {
    await client.close();
  }
}

/**
 * Restores a PGlite backup: authenticate the whole file, unpack it into a new folder next to the
 * data folder, open it and compare every table's count and checksum with the manifest, and only
 * then give the sync a new epoch and swap the folders (the current one is kept until the new one is in place). The service must
 * be stopped.
 */
export async function restorePglite(options: { lib: Sodium; key: Uint8Array; pgliteDir: string; file: string; serviceStopped: boolean }): Promise<BackupManifest> {
  assertPgliteNotInUse(options.pgliteDir, options.serviceStopped);
  const { header, manifest } = await verifyBackupFile(options.lib, options.key, options.file);
  if (header.kind !== 'pglite') throw new BackupFileError(`This is a ${header.kind} backup; restore it into PostgreSQL (DATABASE_URL).`);
  const parts: Uint8Array[] = [];
  const opened = await openBackupFile(options.lib, options.key, options.file);
  for await (const piece of opened.dump()) parts.push(piece);

  const incoming = `${options.pgliteDir}.restore-incoming`;
  const previous = `${options.pgliteDir}.restore-previous`;
  rmSync(incoming, { recursive: true, force: true });
  try {
    const client = await PGlite.create(incoming, { loadDataDir: new Blob(parts as BlobPart[]) });
    try {
      const differences = checksumDifferences(manifest.tables, await tableChecksums(queryOn(client)));
      if (differences.length > 0) throw new BackupFileError(`The unpacked backup does not match its manifest (${differences.join(', ')}); nothing was replaced.`);
      await startNewSyncEpoch(queryOn(client));
    } finally {
      await client.close();
    }
    rmSync(previous, { recursive: true, force: true });
    if (existsSync(options.pgliteDir)) renameSync(options.pgliteDir, previous);
    renameSync(incoming, options.pgliteDir);
    rmSync(previous, { recursive: true, force: true });
    return manifest;
  } catch (error) {
    rmSync(incoming, { recursive: true, force: true });
    throw error;
  }
}

async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

function queryOn(client: PGlite): RunQuery {
  return async <Row>(sql: string) => (await client.query<Row>(sql)).rows;
}
