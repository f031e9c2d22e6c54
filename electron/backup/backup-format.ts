import { z } from 'zod';

/**
 * The file layout of a device backup (one file per backup):
 *
 *   "TDBAK1\n\0" (8 bytes) · header slot (4 KiB: 4-byte little-endian length, JSON, zero padding)
 *   · secretstream header (24 bytes) · records, each a 4-byte little-endian length and that many
 *   bytes of XChaCha20-Poly1305 secretstream ciphertext; the last one carries TAG_FINAL.
 *
 * The header is plaintext so a list of backups can show date and counts without the key, and
 * authenticated by a keyed BLAKE2b MAC, so no field of it can be changed unnoticed. The slot has
 * a fixed size because the payload hash is only known at the end: it is written last, in place.
 */
export const backupMagic = Buffer.from('TDBAK1\n\0', 'binary');
export const headerSlotBytes = 4096;
/** Plaintext bytes per record; the same 64 KiB as the document files. */
export const backupChunkBytes = 64 * 1024;
export const backupFormatVersion = 1;

export const backupCountsSchema = z.object({
  clients: z.number().int().nonnegative(),
  reports: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
  databaseBytes: z.number().int().nonnegative(),
  documentBytes: z.number().int().nonnegative(),
});
export type BackupCounts = z.infer<typeof backupCountsSchema>;

export const backupHeaderSchema = z.object({
  format: z.literal('thuisdossier-backup'),
  version: z.literal(backupFormatVersion),
  backupId: z.string().uuid(),
  /** ISO 8601 UTC. */
  createdAt: z.string().datetime(),
  deviceId: z.string().min(1).max(64),
  /** Names the key without revealing it: tells "another account's backup" from "tampered". */
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  counts: backupCountsSchema,
  /** BLAKE2b-256 over every record's plaintext (length-prefixed), hex. */
  payloadHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Keyed BLAKE2b-256 over the fields above, hex. */
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;
export type UnsignedBackupHeader = Omit<BackupHeader, 'mac'>;

/** The MAC input: the fields in a fixed order, so JSON key order can never change it. */
export function canonicalHeader(header: UnsignedBackupHeader): string {
  const c = header.counts;
  return JSON.stringify([
    header.format,
    header.version,
    header.backupId,
    header.createdAt,
    header.deviceId,
    header.keyId,
    [c.clients, c.reports, c.documents, c.databaseBytes, c.documentBytes],
    header.payloadHash,
  ]);
}

export function encodeHeaderSlot(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  if (json.length > headerSlotBytes - 4) throw new Error('backup header does not fit its slot');
  const slot = Buffer.alloc(headerSlotBytes);
  slot.writeUInt32LE(json.length, 0);
  json.copy(slot, 4);
  return slot;
}

/** Null when the slot is not a well-formed header (the caller reports that as tampered). */
export function decodeHeaderSlot(slot: Uint8Array): BackupHeader | null {
  if (slot.length !== headerSlotBytes) return null;
  const length = Buffer.from(slot.buffer, slot.byteOffset, slot.length).readUInt32LE(0);
  if (length === 0 || length > headerSlotBytes - 4) return null;
  try {
    const parsed = backupHeaderSchema.safeParse(JSON.parse(Buffer.from(slot.subarray(4, 4 + length)).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What a record inside the stream is. */
export const recordType = {
  /** JSON {kind: 'database'} or {kind: 'document', id}, plus {size}: the data records that follow. */
  entry: 1,
  data: 2,
  /** JSON {entries}: the last record, sent with TAG_FINAL. */
  end: 3,
} as const;
