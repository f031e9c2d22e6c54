import { readSync, writeSync } from 'node:fs';
import type { Sodium } from '../crypto/sodium.js';
import { backupChunkBytes, recordType } from './backup-format.js';
import { tamperedBackup } from './backup-errors.js';

type HashState = ReturnType<Sodium['crypto_generichash_init']>;

/**
 * Writes records into a secretstream at the end of an open file. Every record's plaintext goes
 * into a running BLAKE2b hash (length-prefixed, so record boundaries count), kept for the header.
 * Every record is bound to the backup id as additional data.
 */
export class BackupStreamWriter {
  private readonly state;
  private readonly hash: HashState;
  private readonly ad: Uint8Array;
  private finished = false;

  constructor(
    private readonly sodium: Sodium,
    private readonly fd: number,
    key: Uint8Array,
    backupId: string,
    private position: number,
  ) {
    const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    this.state = state;
    this.hash = sodium.crypto_generichash_init(null, 32);
    this.ad = sodium.from_string(backupId);
    this.write(header);
  }

  entry(description: object): void {
    this.record(recordType.entry, Buffer.from(JSON.stringify(description), 'utf8'));
  }

  data(bytes: Uint8Array): void {
    this.record(recordType.data, bytes);
  }

  /** The last record (TAG_FINAL); returns the payload hash. */
  end(summary: object): string {
    this.record(recordType.end, Buffer.from(JSON.stringify(summary), 'utf8'), true);
    this.finished = true;
    return this.sodium.crypto_generichash_final(this.hash, 32, 'hex');
  }

  private record(type: number, body: Uint8Array, final = false): void {
    if (this.finished) throw new Error('backup stream already ended');
    const s = this.sodium;
    const plain = Buffer.alloc(1 + body.length);
    plain[0] = type;
    plain.set(body, 1);
    updateHash(s, this.hash, plain);
    const tag = final ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL : s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    const cipher = s.crypto_secretstream_xchacha20poly1305_push(this.state, plain, this.ad, tag);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(cipher.length, 0);
    this.write(length);
    this.write(cipher);
  }

  private write(bytes: Uint8Array): void {
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.position + written);
    this.position += bytes.length;
  }
}

export interface BackupRecord {
  type: number;
  body: Uint8Array;
}

/**
 * Reads and authenticates the records from `position` to the end of the file, in order. Any
 * failure — a changed byte, a missing, reordered or extra record, a stream without TAG_FINAL —
 * throws 'tampered'. `payloadHash()` is valid once the iteration has finished.
 */
export class BackupStreamReader {
  private hash: HashState;
  private result: string | null = null;

  constructor(
    private readonly sodium: Sodium,
    private readonly fd: number,
    private readonly key: Uint8Array,
    private readonly backupId: string,
    private readonly start: number,
    private readonly size: number,
  ) {
    this.hash = sodium.crypto_generichash_init(null, 32);
  }

  *records(): Generator<BackupRecord> {
    const s = this.sodium;
    const headerBytes = s.crypto_secretstream_xchacha20poly1305_HEADERBYTES;
    const streamHeader = readExactly(this.fd, headerBytes, this.start);
    if (!streamHeader) throw tamperedBackup();
    const state = s.crypto_secretstream_xchacha20poly1305_init_pull(streamHeader, this.key);
    const ad = s.from_string(this.backupId);
    const maxCipher = 1 + backupChunkBytes + 4096 + s.crypto_secretstream_xchacha20poly1305_ABYTES;
    let position = this.start + headerBytes;
    let finished = false;
    while (position < this.size) {
      if (finished) throw tamperedBackup(); // data after the final record
      const lengthBytes = readExactly(this.fd, 4, position);
      if (!lengthBytes) throw tamperedBackup();
      const length = Buffer.from(lengthBytes).readUInt32LE(0);
      if (length > maxCipher) throw tamperedBackup();
      const cipher = readExactly(this.fd, length, position + 4);
      if (!cipher) throw tamperedBackup();
      let pulled: { message: Uint8Array; tag: number } | false;
      try {
        pulled = s.crypto_secretstream_xchacha20poly1305_pull(state, cipher, ad) as { message: Uint8Array; tag: number } | false;
      } catch {
        pulled = false;
      }
      if (!pulled || pulled.message.length === 0) throw tamperedBackup();
      updateHash(s, this.hash, pulled.message);
      finished = pulled.tag === s.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
      const type = pulled.message[0]!;
      if (finished !== (type === recordType.end)) throw tamperedBackup();
      position += 4 + length;
      yield { type, body: pulled.message.subarray(1) };
    }
    if (!finished) throw tamperedBackup(); // truncated
    this.result = s.crypto_generichash_final(this.hash, 32, 'hex');
  }

  payloadHash(): string {
    if (this.result === null) throw new Error('backup stream not read to its end');
    return this.result;
  }
}

function updateHash(sodium: Sodium, hash: HashState, plain: Uint8Array): void {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(plain.length, 0);
  sodium.crypto_generichash_update(hash, length);
  sodium.crypto_generichash_update(hash, plain);
}

export function readExactly(fd: number, length: number, position: number): Uint8Array | null {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) return null;
    read += n;
  }
  return buffer;
}
