import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import type { Sodium } from '../crypto/sodium.js';
import { tableChecksumsSchema } from './table-checksums.js';

/**
 * One encrypted file per service backup:
 *   "TDSBK1\n\0" · 4-byte LE header length · header JSON · secretstream header (24)
 *   · records (4-byte LE length + XChaCha20-Poly1305 ciphertext), each bound to the header bytes
 *   as additional data (so the header cannot be changed either).
 * Record plaintext: a type byte, then the body. Data records carry the dump (pg_dump custom
 * format, or PGlite's data-folder tarball); the last record (TAG_FINAL) carries the manifest:
 * row counts and checksums per table, taken from the same snapshot as the dump.
 */
const magic = Buffer.from('TDSBK1\n\0', 'binary');
const chunkBytes = 64 * 1024;
const dataRecord = 2;
const manifestRecord = 3;

export const serverBackupHeaderSchema = z.object({
  format: z.literal('thuisdossier-server-backup'),
  version: z.literal(1),
  kind: z.enum(['postgres', 'pglite']),
  createdAt: z.string().datetime(),
});
export type ServerBackupHeader = z.infer<typeof serverBackupHeaderSchema>;

export const manifestSchema = z.object({ tables: tableChecksumsSchema, dumpBytes: z.number().int().nonnegative() });
export type BackupManifest = z.infer<typeof manifestSchema>;

export class BackupFileError extends Error {
  constructor(message = 'This backup failed authentication: it is damaged or was changed, or the backup key is not the one it was made with. Nothing was restored.') {
    super(message);
    this.name = 'BackupFileError';
  }
}

/**
 * Encrypts `dump` into `target`: written as `<target>.partial`, fsynced, renamed. On any error the
 * partial file is removed. `manifest` is asked for after the dump ended.
 */
export async function writeBackupFile(
  lib: Sodium,
  key: Uint8Array,
  target: string,
  header: ServerBackupHeader,
  dump: AsyncIterable<Uint8Array>,
  manifest: (dumpBytes: number) => Promise<Omit<BackupManifest, 'dumpBytes'>>,
): Promise<BackupManifest> {
  const temp = `${target}.partial`;
  const file = await open(temp, 'wx', 0o600);
  try {
    const headerBytes = Buffer.from(JSON.stringify(serverBackupHeaderSchema.parse(header)), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.length, 0);
    const { state, header: streamHeader } = lib.crypto_secretstream_xchacha20poly1305_init_push(key);
    await file.write(Buffer.concat([magic, length, headerBytes, streamHeader]));
    const push = async (type: number, body: Uint8Array, final: boolean) => {
      const plain = Buffer.alloc(1 + body.length);
      plain[0] = type;
      plain.set(body, 1);
      const tag = final ? lib.crypto_secretstream_xchacha20poly1305_TAG_FINAL : lib.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
      const cipher = lib.crypto_secretstream_xchacha20poly1305_push(state, plain, headerBytes, tag);
      const size = Buffer.alloc(4);
      size.writeUInt32LE(cipher.length, 0);
      await file.write(Buffer.concat([size, cipher]));
    };
    let pending = Buffer.alloc(0);
    let dumpBytes = 0;
    for await (const piece of dump) {
      dumpBytes += piece.length;
      pending = Buffer.concat([pending, piece]);
      while (pending.length >= chunkBytes) {
        await push(dataRecord, pending.subarray(0, chunkBytes), false);
        pending = pending.subarray(chunkBytes);
      }
    }
    if (pending.length > 0) await push(dataRecord, pending, false);
    const full: BackupManifest = { ...(await manifest(dumpBytes)), dumpBytes };
    await push(manifestRecord, Buffer.from(JSON.stringify(full), 'utf8'), true);
    await file.sync();
    await file.close();
    await rename(temp, target);
    return full;
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}

export interface OpenedBackup {
  header: ServerBackupHeader;
  /** The dump's bytes, authenticated record by record; throws BackupFileError on any mismatch. */
  dump(): AsyncGenerator<Uint8Array>;
  /** Valid after dump() was read to its end. */
  manifest(): BackupManifest;
}

export async function openBackupFile(lib: Sodium, key: Uint8Array, source: string): Promise<OpenedBackup> {
  const file = await open(source, 'r');
  const size = (await file.stat()).size;
  try {
    const head = await readExactly(file, magic.length + 4, 0);
    if (!head || !head.subarray(0, magic.length).equals(magic)) throw new BackupFileError('Not a Thuisdossier service backup.');
    const headerLength = head.readUInt32LE(magic.length);
    if (headerLength > 4096) throw new BackupFileError();
    const headerBytes = await readExactly(file, headerLength, head.length);
    if (!headerBytes) throw new BackupFileError();
    let header: ServerBackupHeader;
    try {
      header = serverBackupHeaderSchema.parse(JSON.parse(headerBytes.toString('utf8')));
    } catch {
      throw new BackupFileError();
    }
    await file.close();
    let manifest: BackupManifest | null = null;
    const start = head.length + headerLength;
    return {
      header,
      async *dump() {
        const reader = await open(source, 'r');
        try {
          const streamHeader = await readExactly(reader, lib.crypto_secretstream_xchacha20poly1305_HEADERBYTES, start);
          if (!streamHeader) throw new BackupFileError();
          const state = lib.crypto_secretstream_xchacha20poly1305_init_pull(streamHeader, key);
          let position = start + streamHeader.length;
          let finished = false;
          while (position < size) {
            if (finished) throw new BackupFileError();
            const lengthBytes = await readExactly(reader, 4, position);
            if (!lengthBytes) throw new BackupFileError();
            const length = lengthBytes.readUInt32LE(0);
            if (length > chunkBytes + 1 + lib.crypto_secretstream_xchacha20poly1305_ABYTES + 1024 * 1024) throw new BackupFileError();
            const cipher = await readExactly(reader, length, position + 4);
            if (!cipher) throw new BackupFileError();
            let pulled: { message: Uint8Array; tag: number } | false;
            try {
              pulled = lib.crypto_secretstream_xchacha20poly1305_pull(state, cipher, headerBytes) as { message: Uint8Array; tag: number } | false;
            } catch {
              pulled = false;
            }
            if (!pulled || pulled.message.length === 0) throw new BackupFileError();
            position += 4 + length;
            finished = pulled.tag === lib.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
            const type = pulled.message[0];
            if (finished !== (type === manifestRecord)) throw new BackupFileError();
            const body = pulled.message.subarray(1);
            if (type === dataRecord) {
              yield body;
            } else {
              const parsed = manifestSchema.safeParse(JSON.parse(Buffer.from(body).toString('utf8')));
              if (!parsed.success) throw new BackupFileError();
              manifest = parsed.data;
            }
          }
          if (!finished) throw new BackupFileError('This backup is incomplete (it ends early); nothing was restored.');
        } finally {
          await reader.close();
        }
      },
      manifest() {
        if (!manifest) throw new Error('read the dump to its end first');
        return manifest;
      },
    };
  } catch (error) {
    await file.close().catch(() => undefined);
    throw error;
  }
}

/** Reads the whole backup once, authenticating every record, without keeping or writing anything. */
export async function verifyBackupFile(lib: Sodium, key: Uint8Array, source: string): Promise<{ header: ServerBackupHeader; manifest: BackupManifest }> {
  const opened = await openBackupFile(lib, key, source);
  let bytes = 0;
  for await (const piece of opened.dump()) bytes += piece.length;
  const manifest = opened.manifest();
  if (bytes !== manifest.dumpBytes) throw new BackupFileError();
  return { header: opened.header, manifest };
}

async function readExactly(file: FileHandle, length: number, position: number): Promise<Buffer | null> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await file.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) return null;
    read += bytesRead;
  }
  return buffer;
}
