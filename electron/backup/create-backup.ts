import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fstatSync, statSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { syncDirectory } from '../crypto/atomic-file.js';
import { loadSodium } from '../crypto/sodium.js';
import type { LocalStore } from '../store/index.js';
import { backupChunkBytes, backupFormatVersion, backupMagic, encodeHeaderSlot, headerSlotBytes, type BackupHeader, type UnsignedBackupHeader } from './backup-format.js';
import { backupFileName, partialSuffix, pruneBackups, sweepPartials } from './backup-files.js';
import { deriveBackupKeys, headerMac } from './backup-keys.js';
import { BackupStreamWriter } from './backup-stream.js';
import { snapshotDatabase } from './database-snapshot.js';

/** SPEC §6: daily, the last seven kept. */
export const defaultBackupsKept = 7;

export interface CreateBackupOptions {
  /** The backup folder, e.g. <data folder>/backups (a restore moves only the database and documents/). */
  dir: string;
  now?: () => Date;
  keep?: number;
  /**
   * Told the fraction written after each part (database, then each document). Awaited: the
   * app's "back-up maken" passes a callback that yields, so its progress reaches the window.
   */
  onProgress?: (fraction: number) => void | Promise<void>;
}

export interface BackupInfo {
  file: string;
  header: BackupHeader;
  /** Older backups removed to keep `keep`. */
  pruned: string[];
}

/**
 * Writes one encrypted backup of the unlocked store: a consistent snapshot of the database and
 * every document file, in one secretstream. Written to a `.partial` name, fsynced, then renamed:
 * a crash or error leaves no file that looks like a backup (and the next run sweeps the rest).
 * Both parts are already ciphertext under the database key (pages, documents); the stream adds
 * authentication of the whole, so a restore can prove it is complete and unchanged.
 */
export async function createBackup(store: LocalStore, options: CreateBackupOptions): Promise<BackupInfo> {
  const sodium = await loadSodium();
  const createdAt = (options.now ?? (() => new Date()))();
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  sweepPartials(options.dir);

  const backupId = randomUUID();
  const target = path.join(options.dir, backupFileName(createdAt, backupId));
  const temp = `${target}${partialSuffix}`;
  const snapshot = path.join(options.dir, `snapshot-${backupId}.db${partialSuffix}`);
  const backupKey = store.backupKey();
  // Read while the store is open: with onProgress the backup yields, and an auto-lock may come in between.
  const deviceId = store.deviceId;
  const keys = deriveBackupKeys(sodium, backupKey);
  sodium.memzero(backupKey);
  let fd: number | null = null;
  try {
    const facts = snapshotDatabase(store.connection, snapshot);
    fd = openSync(temp, 'wx', 0o600);
    writeAt(fd, backupMagic, 0);
    writeAt(fd, Buffer.alloc(headerSlotBytes), backupMagic.length);
    const stream = new BackupStreamWriter(sodium, fd, keys.stream, backupId, backupMagic.length + headerSlotBytes);

    const documentsDir = path.join(store.dir, 'documents');
    // A row without its file (already missing before this backup) cannot be backed up; the
    // document's own read reports it. Everything that exists goes in.
    const documentFiles = facts.documentIds.map((id) => ({ id, file: path.join(documentsDir, `${id}.doc`) })).filter(({ file }) => existsSync(file));
    const totalBytes = statSync(snapshot).size + documentFiles.reduce((sum, { file }) => sum + statSync(file).size, 0);
    const databaseBytes = copyFileInto(stream, { kind: 'database' }, snapshot);
    await options.onProgress?.(databaseBytes / Math.max(1, totalBytes));
    let documents = 0;
    let documentBytes = 0;
    for (const { id, file } of documentFiles) {
      documentBytes += copyFileInto(stream, { kind: 'document', id }, file);
      documents++;
      await options.onProgress?.(Math.min(1, (databaseBytes + documentBytes) / Math.max(1, totalBytes)));
    }
    const payloadHash = stream.end({ entries: 1 + documents });

    const unsigned: UnsignedBackupHeader = {
      format: 'thuisdossier-backup',
      version: backupFormatVersion,
      backupId,
      createdAt: createdAt.toISOString(),
      deviceId,
      keyId: keys.keyId,
      counts: { clients: facts.clients, reports: facts.reports, documents, databaseBytes, documentBytes },
      payloadHash,
    };
    const header: BackupHeader = { ...unsigned, mac: headerMac(sodium, keys, unsigned) };
    writeAt(fd, encodeHeaderSlot(header), backupMagic.length);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, target);
    syncDirectory(options.dir);
    return { file: target, header, pruned: pruneBackups(options.dir, options.keep ?? defaultBackupsKept) };
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  } finally {
    keys.wipe();
    rmSync(snapshot, { force: true });
  }
}

/** One entry: its description, then its bytes in chunks. Returns the number of bytes. */
function copyFileInto(stream: BackupStreamWriter, description: { kind: 'database' } | { kind: 'document'; id: string }, file: string): number {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    stream.entry({ ...description, size });
    const buffer = Buffer.alloc(backupChunkBytes);
    let position = 0;
    while (position < size) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
      if (n === 0) throw new Error(`${path.basename(file)} werd korter tijdens de back-up`);
      stream.data(buffer.subarray(0, n));
      position += n;
    }
    return size;
  } finally {
    closeSync(fd);
  }
}

function writeAt(fd: number, bytes: Uint8Array, position: number): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, position + written);
}
