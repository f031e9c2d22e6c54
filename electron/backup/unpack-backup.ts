import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Sodium } from '../crypto/sodium.js';
import { databaseFileName } from '../store/index.js';
import { backupMagic, decodeHeaderSlot, headerSlotBytes, recordType, type BackupHeader } from './backup-format.js';
import { foreignBackup, tamperedBackup } from './backup-errors.js';
import { headerMac, sameMac, type BackupKeys } from './backup-keys.js';
import { BackupStreamReader, readExactly } from './backup-stream.js';

const documentIdPattern = /^[0-9a-f-]{36}$/;

/** Reads and authenticates only the header: for a list of backups, or the first step of a restore. */
export function readVerifiedHeader(sodium: Sodium, keys: BackupKeys, fd: number): BackupHeader {
  const head = readExactly(fd, backupMagic.length + headerSlotBytes, 0);
  if (!head || !Buffer.from(head.subarray(0, backupMagic.length)).equals(backupMagic)) throw tamperedBackup();
  const header = decodeHeaderSlot(head.subarray(backupMagic.length));
  if (!header) throw tamperedBackup();
  // A MAC that fails under a key of another name is not damage: the backup belongs elsewhere.
  if (header.keyId !== keys.keyId) throw foreignBackup();
  const { mac, ...unsigned } = header;
  if (!sameMac(sodium, mac, headerMac(sodium, keys, unsigned))) throw tamperedBackup();
  return header;
}

/**
 * Authenticates the whole backup and writes its files into `targetDir` (database file and
 * documents/): every record, the order of entries, every size, the payload hash and the counts
 * in the header. The files written are the backup's ciphertext (encrypted pages, encrypted
 * documents), never plaintext. Anything wrong throws; the caller discards `targetDir`.
 */
export function unpackBackup(sodium: Sodium, keys: BackupKeys, file: string, targetDir: string): BackupHeader {
  const fd = openSync(file, 'r');
  try {
    const header = readVerifiedHeader(sodium, keys, fd);
    const reader = new BackupStreamReader(sodium, fd, keys.stream, header.backupId, backupMagic.length + headerSlotBytes, fstatSync(fd).size);
    mkdirSync(path.join(targetDir, 'documents'), { recursive: true, mode: 0o700 });
    const written = writeEntries(reader, targetDir);
    if (reader.payloadHash() !== header.payloadHash) throw tamperedBackup();
    const c = header.counts;
    if (!written.database || written.databaseBytes !== c.databaseBytes || written.documents !== c.documents || written.documentBytes !== c.documentBytes) {
      throw tamperedBackup();
    }
    return header;
  } finally {
    closeSync(fd);
  }
}

interface Written {
  database: boolean;
  databaseBytes: number;
  documents: number;
  documentBytes: number;
}

function writeEntries(reader: BackupStreamReader, targetDir: string): Written {
  const written: Written = { database: false, databaseBytes: 0, documents: 0, documentBytes: 0 };
  let open: { fd: number; left: number; kind: 'database' | 'document' } | null = null;
  let entries = 0;
  const closeEntry = () => {
    if (!open) return;
    if (open.left !== 0) throw tamperedBackup();
    fsyncSync(open.fd);
    closeSync(open.fd);
    open = null;
  };
  try {
    for (const record of reader.records()) {
      if (record.type === recordType.data) {
        if (!open || record.body.length > open.left) throw tamperedBackup();
        writeAll(open.fd, record.body);
        open.left -= record.body.length;
        continue;
      }
      closeEntry();
      const description = parseJson(record.body);
      if (record.type === recordType.end) {
        if (description.entries !== entries) throw tamperedBackup();
        continue;
      }
      if (record.type !== recordType.entry || typeof description.size !== 'number' || !Number.isSafeInteger(description.size) || description.size < 0) {
        throw tamperedBackup();
      }
      entries++;
      if (description.kind === 'database' && !written.database && entries === 1) {
        written.database = true;
        written.databaseBytes = description.size;
        open = { fd: openSync(path.join(targetDir, databaseFileName), 'wx', 0o600), left: description.size, kind: 'database' };
      } else if (description.kind === 'document' && typeof description.id === 'string' && documentIdPattern.test(description.id) && written.database) {
        written.documents++;
        written.documentBytes += description.size;
        // 'wx': a second entry for the same id is refused, never overwrites.
        open = { fd: openSync(path.join(targetDir, 'documents', `${description.id}.doc`), 'wx', 0o600), left: description.size, kind: 'document' };
      } else {
        throw tamperedBackup();
      }
    }
  } catch (error) {
    if (open) closeSync((open as { fd: number }).fd);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw tamperedBackup();
    throw error;
  }
  if (open) throw tamperedBackup();
  return written;
}

function parseJson(body: Uint8Array): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(body).toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // falls through to tampered
  }
  throw tamperedBackup();
}

function writeAll(fd: number, data: Uint8Array): void {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written, data.length - written);
}
