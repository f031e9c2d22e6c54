import { closeSync, fsyncSync, openSync, readSync, renameSync, unlinkSync, writeSync, fstatSync } from 'node:fs';
import type { Sodium } from '../crypto/sodium.js';
import { StoreError } from '../store/store-error.js';

/**
 * Encrypted document files: libsodium's crypto_secretstream (XChaCha20-Poly1305) in chunks, so
 * large files never need to be held twice and a truncated, reordered or edited chunk is caught.
 *
 * Layout: "TDDOC1\n\0" (8 bytes) · secretstream header (24) · chunks, each a 4-byte little-endian
 * length followed by that many bytes of ciphertext. The last chunk carries TAG_FINAL; a file that
 * ends without it was truncated. Every chunk is bound to the document id as additional data, so a
 * file cannot be swapped in for another document's.
 */
const magic = Buffer.from('TDDOC1\n\0', 'binary');
export const documentChunkBytes = 64 * 1024;

export interface EncryptedFileInfo {
  sizeBytes: number;
  /** BLAKE2b-256 of the plaintext, hex. */
  contentHash: string;
}

/** Yields the plaintext in pieces of at most documentChunkBytes; null when done. */
export type ChunkSource = () => Uint8Array | null;

export function chunksOf(plaintext: Uint8Array): ChunkSource {
  let offset = 0;
  return () => {
    if (offset >= plaintext.length) return null;
    const chunk = plaintext.subarray(offset, Math.min(offset + documentChunkBytes, plaintext.length));
    offset += chunk.length;
    return chunk;
  };
}

/** Reads a file in chunks, so a large document never has to fit in memory. Closes the file at the end. */
export function chunksOfFile(fd: number): ChunkSource {
  let position = 0;
  return () => {
    const buffer = Buffer.alloc(documentChunkBytes);
    let filled = 0;
    while (filled < buffer.length) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, position + filled);
      if (n === 0) break;
      filled += n;
    }
    position += filled;
    return filled === 0 ? null : buffer.subarray(0, filled);
  };
}

export function encryptDocumentFile(sodium: Sodium, key: Uint8Array, documentId: string, source: Uint8Array | ChunkSource, target: string): EncryptedFileInfo {
  const next = typeof source === 'function' ? source : chunksOf(source);
  const temp = `${target}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  const hash = sodium.crypto_generichash_init(null, 32);
  let sizeBytes = 0;
  try {
    const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    writeAll(fd, magic);
    writeAll(fd, header);
    const ad = sodium.from_string(documentId);
    const lengthBuffer = Buffer.alloc(4);
    // Read one chunk ahead: the last chunk must carry TAG_FINAL, so we must know it is the last.
    let chunk = next() ?? new Uint8Array(0);
    for (;;) {
      const following = chunk.length > 0 ? next() : null;
      sodium.crypto_generichash_update(hash, chunk);
      sizeBytes += chunk.length;
      const tag = following === null ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
      const cipher = sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, ad, tag);
      lengthBuffer.writeUInt32LE(cipher.length, 0);
      writeAll(fd, lengthBuffer);
      writeAll(fd, cipher);
      if (following === null) break;
      chunk = following;
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new StoreError('storage_full', 'De schijf is vol: het document is niet opgeslagen. Maak ruimte vrij en probeer het opnieuw.', { cause: error });
    }
    throw error;
  }
  closeSync(fd);
  renameSync(temp, target);
  return { sizeBytes, contentHash: sodium.crypto_generichash_final(hash, 32, 'hex') };
}

/** Decrypts and authenticates the whole file; any mismatch is 'tampered', never a crash. */
export function decryptDocumentFile(sodium: Sodium, key: Uint8Array, documentId: string, source: string): { plaintext: Uint8Array; contentHash: string } {
  const parts: Uint8Array[] = [];
  const { contentHash } = decryptDocumentChunks(sodium, key, documentId, source, (chunk) => parts.push(chunk));
  return { plaintext: Buffer.concat(parts), contentHash };
}

/**
 * Decrypts chunk by chunk into `sink`. The sink may receive chunks before a later one fails
 * authentication: callers that write them somewhere must discard the result on error
 * (DocumentVault.readToFile writes to a temp file and renames only after success).
 */
export function decryptDocumentChunks(sodium: Sodium, key: Uint8Array, documentId: string, source: string, sink: (chunk: Uint8Array) => void): { contentHash: string } {
  let fd: number;
  try {
    fd = openSync(source, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoreError('not_found', 'Het bestand van dit document ontbreekt op dit apparaat.');
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    const head = readExactly(fd, magic.length + sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES, 0);
    if (!head || !Buffer.from(head.subarray(0, magic.length)).equals(magic)) throw tamperedDocument();
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(head.subarray(magic.length), key);
    const ad = sodium.from_string(documentId);
    const hash = sodium.crypto_generichash_init(null, 32);
    let position = head.length;
    let finished = false;
    while (position < size) {
      if (finished) throw tamperedDocument(); // data after the final chunk
      const lengthBytes = readExactly(fd, 4, position);
      if (!lengthBytes) throw tamperedDocument();
      const length = Buffer.from(lengthBytes).readUInt32LE(0);
      if (length > documentChunkBytes + sodium.crypto_secretstream_xchacha20poly1305_ABYTES) throw tamperedDocument();
      const cipher = readExactly(fd, length, position + 4);
      if (!cipher) throw tamperedDocument();
      let result: { message: Uint8Array; tag: number } | false;
      try {
        result = sodium.crypto_secretstream_xchacha20poly1305_pull(state, cipher, ad) as { message: Uint8Array; tag: number } | false;
      } catch {
        result = false;
      }
      if (!result) throw tamperedDocument();
      sodium.crypto_generichash_update(hash, result.message);
      sink(result.message);
      finished = result.tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
      position += 4 + length;
    }
    if (!finished) throw tamperedDocument(); // truncated
    return { contentHash: sodium.crypto_generichash_final(hash, 32, 'hex') };
  } finally {
    closeSync(fd);
  }
}

export function tamperedDocument(): StoreError {
  return new StoreError('tampered', 'Dit document is beschadigd of buiten de app gewijzigd en wordt niet geopend. Haal het opnieuw op via synchronisatie.');
}

function writeAll(fd: number, data: Uint8Array): void {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written, data.length - written);
}

function readExactly(fd: number, length: number, position: number): Uint8Array | null {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) return null;
    read += n;
  }
  return buffer;
}
