import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Sodium } from '../crypto/sodium.js';
import { StoreError } from '../store/store-error.js';
import { chunksOfFile, decryptDocumentChunks, decryptDocumentFile, documentChunkBytes, encryptDocumentFile, tamperedDocument, type ChunkSource, type EncryptedFileInfo } from './document-cipher.js';

/** 25 MB: a scanned letter or a photo series fits; fair use (art. 7) keeps video out. Configurable. */
export const defaultMaxDocumentBytes = 25 * 1024 * 1024;

/**
 * The folder of encrypted document files beside the database, one file per document id.
 * The file key is a subkey of the database key (crypto_kdf, context "tddocmnt"), so documents need
 * no key management of their own and are unreadable without the unlocked database key.
 */
export class DocumentVault {
  private key: Uint8Array | null;

  constructor(
    private readonly sodium: Sodium,
    readonly dir: string,
    databaseKey: Uint8Array,
    readonly maxBytes: number = defaultMaxDocumentBytes,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.key = sodium.crypto_kdf_derive_from_key(sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES, 1, 'tddocmnt', databaseKey);
  }

  checkSize(sizeBytes: number): void {
    if (sizeBytes > this.maxBytes) {
      const mb = (n: number) => (n / (1024 * 1024)).toFixed(1).replace('.', ',');
      throw new StoreError('too_large', `Dit bestand is ${mb(sizeBytes)} MB; de grens is ${mb(this.maxBytes)} MB per document (redelijk gebruik).`);
    }
  }

  write(documentId: string, content: Uint8Array): EncryptedFileInfo {
    this.checkSize(content.length);
    return encryptDocumentFile(this.sodium, this.requireKey(), documentId, content, this.pathOf(documentId));
  }

  /** Encrypts a file from disk chunk by chunk (bounded memory for large documents). */
  writeFromFile(documentId: string, sourcePath: string): EncryptedFileInfo {
    const fd = openSync(sourcePath, 'r');
    try {
      this.checkSize(fstatSync(fd).size);
      const info = encryptDocumentFile(this.sodium, this.requireKey(), documentId, chunksOfFile(fd), this.pathOf(documentId));
      // The file may have grown while we read it: the limit holds for what was stored.
      if (info.sizeBytes > this.maxBytes) {
        this.remove(documentId);
        this.checkSize(info.sizeBytes);
      }
      return info;
    } finally {
      closeSync(fd);
    }
  }

  /** Decrypts into `targetPath`; the target appears only when every chunk and the hash checked out. */
  readToFile(documentId: string, expectedHash: string, targetPath: string): void {
    const temp = `${targetPath}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    let ok = false;
    try {
      const { contentHash } = decryptDocumentChunks(this.sodium, this.requireKey(), documentId, this.pathOf(documentId), (chunk) => {
        let written = 0;
        while (written < chunk.length) written += writeSync(fd, chunk, written, chunk.length - written);
      });
      if (contentHash !== expectedHash) throw tamperedDocument();
      fsyncSync(fd);
      ok = true;
    } finally {
      closeSync(fd);
      if (!ok) unlinkSync(temp);
    }
    renameSync(temp, targetPath);
  }

  /** Decrypts and checks the content against the hash recorded when it was stored. */
  read(documentId: string, expectedHash: string): Uint8Array {
    const { plaintext, contentHash } = decryptDocumentFile(this.sodium, this.requireKey(), documentId, this.pathOf(documentId));
    if (contentHash !== expectedHash) throw tamperedDocument();
    return plaintext;
  }

  remove(documentId: string): void {
    const file = this.pathOf(documentId);
    if (existsSync(file)) unlinkSync(file);
  }

  /** Files with no metadata row (a crash between writing the file and committing the row). */
  removeOrphans(knownIds: Set<string>): number {
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const id = name.replace(/\.(doc|doc\.tmp)$/, '');
      if (name.endsWith('.tmp') || (name.endsWith('.doc') && !knownIds.has(id))) {
        unlinkSync(path.join(this.dir, name));
        removed++;
      }
    }
    return removed;
  }

  // ─── Downloads in progress (electron/sync/document-download.ts) ───────────────────────────────
  // A chunk received from the hub is kept here, encrypted like a document (its own secretstream
  // file, bound to "<contentHash>:<index>"), so an interrupted download resumes from the chunks it
  // already has and nothing readable ever lies on disk.

  writePart(contentHash: string, index: number, bytes: Uint8Array): void {
    mkdirSync(this.partsDir, { recursive: true, mode: 0o700 });
    encryptDocumentFile(this.sodium, this.requireKey(), partLabel(contentHash, index), bytes, this.partPath(contentHash, index));
  }

  /** The chunk's bytes and their BLAKE2b-256 (the caller compares it with the manifest). */
  readPart(contentHash: string, index: number): { bytes: Uint8Array; chunkHash: string } {
    const { plaintext, contentHash: chunkHash } = decryptDocumentFile(this.sodium, this.requireKey(), partLabel(contentHash, index), this.partPath(contentHash, index));
    return { bytes: plaintext, chunkHash };
  }

  /** Indexes of the chunks of `contentHash` kept so far. */
  partIndexes(contentHash: string): number[] {
    if (!existsSync(this.partsDir)) return [];
    const prefix = `${checkHash(contentHash)}.`;
    return readdirSync(this.partsDir)
      .filter((name) => name.startsWith(prefix) && name.endsWith('.part'))
      .map((name) => Number(name.slice(prefix.length, -'.part'.length)))
      .filter((index) => Number.isInteger(index))
      .sort((a, b) => a - b);
  }

  /** Content hashes with chunks kept (a download under way, or one nobody needs any more). */
  partHashes(): string[] {
    if (!existsSync(this.partsDir)) return [];
    return [...new Set(readdirSync(this.partsDir).map((name) => name.split('.')[0]!).filter((name) => /^[0-9a-f]{64}$/.test(name)))];
  }

  /**
   * Encrypts the kept chunks, in order, into the document file of `documentId`; the file appears
   * only when the whole content hashes to `expectedHash` ('tampered' otherwise, and nothing stays).
   */
  writeFromParts(documentId: string, contentHash: string, chunkCount: number): EncryptedFileInfo {
    let index = 0;
    let current: Uint8Array = new Uint8Array(0);
    let offset = 0;
    // The cipher takes pieces of at most documentChunkBytes; a network chunk is larger.
    const source: ChunkSource = () => {
      while (offset >= current.length) {
        if (index >= chunkCount) return null;
        current = this.readPart(contentHash, index).bytes;
        index += 1;
        offset = 0;
      }
      const piece = current.subarray(offset, Math.min(offset + documentChunkBytes, current.length));
      offset += piece.length;
      return piece;
    };
    const info = encryptDocumentFile(this.sodium, this.requireKey(), documentId, source, this.pathOf(documentId));
    if (info.contentHash !== contentHash) {
      this.remove(documentId);
      throw tamperedDocument();
    }
    return info;
  }

  removeParts(contentHash: string): void {
    for (const index of this.partIndexes(contentHash)) rmSync(this.partPath(contentHash, index), { force: true });
  }

  /** Whether the encrypted file of this document is on this device. */
  has(documentId: string): boolean {
    return existsSync(this.pathOf(documentId));
  }

  private get partsDir(): string {
    return path.join(this.dir, 'incoming');
  }

  private partPath(contentHash: string, index: number): string {
    if (!Number.isInteger(index) || index < 0) throw new StoreError('invalid_input', 'Ongeldig deelnummer');
    return path.join(this.partsDir, `${checkHash(contentHash)}.${index}.part`);
  }

  pathOf(documentId: string): string {
    if (!/^[0-9a-f-]{36}$/.test(documentId)) throw new StoreError('invalid_input', 'Ongeldige document-id');
    return path.join(this.dir, `${documentId}.doc`);
  }

  wipe(): void {
    if (this.key) this.sodium.memzero(this.key);
    this.key = null;
  }

  private requireKey(): Uint8Array {
    if (!this.key) throw new StoreError('locked', 'De app is vergrendeld.');
    return this.key;
  }
}

function checkHash(contentHash: string): string {
  if (!/^[0-9a-f]{64}$/.test(contentHash)) throw new StoreError('invalid_input', 'Ongeldige inhoudshash');
  return contentHash;
}

const partLabel = (contentHash: string, index: number) => `${contentHash}:${index}`;
