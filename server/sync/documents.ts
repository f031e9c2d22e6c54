import { sql } from 'drizzle-orm';
import { maxDocumentBytes } from '../../shared/api/sync.js';
import { syncLimits } from '../../shared/sync/limits.js';
import type { DocumentManifest, DocumentUploadStatusResponse } from '../../shared/sync/protocol.js';
import type { Sodium } from '../crypto/sodium.js';
import type { Queryable, Tx } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import { conflict, forbidden, HttpError, notFound } from '../http/httpError.js';
import { visibleRow, type Reader } from './visibility.js';

/**
 * Documents (docs/sync.md "The hub"): content-addressed per organisation (never shared across
 * tenants), uploaded and downloaded in chunks, each verified by its BLAKE2b-256. Access follows the
 * dossier of the `documents` rows that name the content hash: edit to upload, read to download.
 */
export async function mayUpload(db: Queryable, reader: Reader, contentHash: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`SELECT 1 AS ok FROM sync_rows r JOIN sync_dossier_rights d
          ON d.organisation_id = r.organisation_id AND d.client_id = r.client_id AND d.user_id = ${reader.userId} AND d.can_read AND d.can_edit
        WHERE r.organisation_id = ${reader.organisationId} AND r.table_name = 'documents' AND r.content_hash = ${contentHash} AND NOT r.deleted LIMIT 1`,
  );
  return rows.length > 0;
}

export async function mayDownload(db: Queryable, reader: Reader, contentHash: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`SELECT 1 AS ok FROM sync_rows r WHERE r.organisation_id = ${reader.organisationId} AND r.table_name = 'documents'
        AND r.content_hash = ${contentHash} AND NOT r.deleted AND ${visibleRow(reader)} LIMIT 1`,
  );
  return rows.length > 0;
}

export function expectedChunkSize(manifest: Pick<DocumentManifest, 'sizeBytes' | 'chunkHashes'>, index: number): number {
  return index < manifest.chunkHashes.length - 1 ? syncLimits.chunkBytes : manifest.sizeBytes - syncLimits.chunkBytes * (manifest.chunkHashes.length - 1);
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Step 1 of an upload: records the manifest (fair use checked) and says which chunks are here. */
export async function announceDocument(tx: Tx, reader: Reader, manifest: DocumentManifest, now: Date, quotaBytes: number): Promise<DocumentUploadStatusResponse> {
  if (manifest.sizeBytes > maxDocumentBytes) {
    throw new HttpError(413, 'body_too_large', `This document is ${megabytes(manifest.sizeBytes)}; the limit is ${megabytes(maxDocumentBytes)} per document (fair use). Make the file smaller, for example by scanning at a lower resolution.`);
  }
  const chunks = Math.max(1, Math.ceil(manifest.sizeBytes / syncLimits.chunkBytes));
  if (manifest.sizeBytes === 0 || manifest.chunkHashes.length !== chunks) {
    throw new HttpError(400, 'invalid_request', `A document of ${manifest.sizeBytes} bytes has ${chunks} chunks of at most ${syncLimits.chunkBytes} bytes.`);
  }
  if (!(await mayUpload(tx, reader, manifest.contentHash))) throw forbidden('Upload a document after its record, into a dossier you may edit.');
  const [existing] = await queryRows<{ chunk_hashes: string[]; size_bytes: string | number; complete: boolean }>(
    tx,
    sql`SELECT chunk_hashes, size_bytes, complete FROM sync_documents WHERE organisation_id = ${reader.organisationId} AND content_hash = ${manifest.contentHash} FOR UPDATE`,
  );
  if (existing) {
    if (Number(existing.size_bytes) !== manifest.sizeBytes || JSON.stringify(existing.chunk_hashes) !== JSON.stringify(manifest.chunkHashes)) {
      throw conflict('This document is being uploaded with other chunks; finish or resend that upload.');
    }
  } else {
    const [usage] = await queryRows<{ bytes: string | number }>(
      tx,
      sql`SELECT COALESCE(SUM(bytes), 0) AS bytes FROM storage_usage WHERE organisation_id = ${reader.organisationId}`,
    );
    if (Number(usage?.bytes ?? 0) + manifest.sizeBytes > quotaBytes) {
      throw new HttpError(413, 'body_too_large', `Your organisation's storage allowance of ${megabytes(quotaBytes)} is used up (fair use); an administrator sees what is stored under Storage.`);
    }
    await tx.execute(sql`
      INSERT INTO sync_documents (organisation_id, content_hash, size_bytes, chunk_hashes, complete, created_at)
      VALUES (${reader.organisationId}, ${manifest.contentHash}, ${manifest.sizeBytes}, ${JSON.stringify(manifest.chunkHashes)}::jsonb, false, ${now})`);
  }
  const have = await chunkIndexes(tx, reader.organisationId, manifest.contentHash);
  return { contentHash: manifest.contentHash, have, complete: have.length === manifest.chunkHashes.length };
}

/** Step 2: one chunk, verified against the manifest and its own hash; completes the document when it is the last. */
export async function storeChunk(
  tx: Tx,
  lib: Sodium,
  reader: Reader,
  chunk: { contentHash: string; index: number; chunkHash: string; bytes: Uint8Array },
  now: Date,
): Promise<{ contentHash: string; index: number; complete: boolean }> {
  if (!(await mayUpload(tx, reader, chunk.contentHash))) throw forbidden('Upload a document after its record, into a dossier you may edit.');
  const [document] = await queryRows<{ chunk_hashes: string[]; size_bytes: string | number; complete: boolean }>(
    tx,
    sql`SELECT chunk_hashes, size_bytes, complete FROM sync_documents WHERE organisation_id = ${reader.organisationId} AND content_hash = ${chunk.contentHash} FOR UPDATE`,
  );
  if (!document) throw notFound('Announced document (POST its manifest first)');
  const manifest = { sizeBytes: Number(document.size_bytes), chunkHashes: document.chunk_hashes };
  if (chunk.index >= manifest.chunkHashes.length) throw new HttpError(400, 'invalid_request', `This document has ${manifest.chunkHashes.length} chunks.`);
  const expected = expectedChunkSize(manifest, chunk.index);
  if (chunk.bytes.length !== expected) throw new HttpError(400, 'invalid_request', `Chunk ${chunk.index} has ${expected} bytes, not ${chunk.bytes.length}.`);
  const actual = lib.to_hex(lib.crypto_generichash(32, chunk.bytes, null));
  if (actual !== chunk.chunkHash || actual !== manifest.chunkHashes[chunk.index]) {
    throw new HttpError(400, 'invalid_request', `Chunk ${chunk.index} does not match its BLAKE2b-256 in the manifest; send it again.`);
  }
  await tx.execute(sql`
    INSERT INTO sync_document_chunks (organisation_id, content_hash, chunk_index, chunk_hash, bytes)
    VALUES (${reader.organisationId}, ${chunk.contentHash}, ${chunk.index}, ${actual}, ${Buffer.from(chunk.bytes)})
    ON CONFLICT DO NOTHING`);
  const have = await chunkIndexes(tx, reader.organisationId, chunk.contentHash);
  const complete = have.length === manifest.chunkHashes.length;
  if (complete && !document.complete) {
    await tx.execute(sql`UPDATE sync_documents SET complete = true, completed_at = ${now} WHERE organisation_id = ${reader.organisationId} AND content_hash = ${chunk.contentHash}`);
    await tx.execute(sql`
      INSERT INTO storage_usage (organisation_id, category, bytes, updated_at) VALUES (${reader.organisationId}, 'documents', ${manifest.sizeBytes}, ${now})
      ON CONFLICT (organisation_id, category) DO UPDATE SET bytes = storage_usage.bytes + EXCLUDED.bytes, updated_at = EXCLUDED.updated_at`);
  }
  return { contentHash: chunk.contentHash, index: chunk.index, complete };
}

export async function readManifest(db: Queryable, reader: Reader, contentHash: string) {
  if (!(await mayDownload(db, reader, contentHash))) throw notFound('Document');
  const [document] = await queryRows<{ chunk_hashes: string[]; size_bytes: string | number; complete: boolean }>(
    db,
    sql`SELECT chunk_hashes, size_bytes, complete FROM sync_documents WHERE organisation_id = ${reader.organisationId} AND content_hash = ${contentHash}`,
  );
  if (!document) throw notFound('Document');
  return { manifest: { contentHash, sizeBytes: Number(document.size_bytes), chunkHashes: document.chunk_hashes }, complete: document.complete };
}

export async function readChunk(db: Queryable, reader: Reader, contentHash: string, index: number): Promise<Uint8Array> {
  if (!(await mayDownload(db, reader, contentHash))) throw notFound('Document');
  const [chunk] = await queryRows<{ bytes: Uint8Array }>(
    db,
    sql`SELECT bytes FROM sync_document_chunks WHERE organisation_id = ${reader.organisationId} AND content_hash = ${contentHash} AND chunk_index = ${index}`,
  );
  if (!chunk) throw notFound('Chunk');
  return chunk.bytes;
}

async function chunkIndexes(db: Queryable, organisationId: string, contentHash: string): Promise<number[]> {
  const rows = await queryRows<{ chunk_index: number }>(
    db,
    sql`SELECT chunk_index FROM sync_document_chunks WHERE organisation_id = ${organisationId} AND content_hash = ${contentHash} ORDER BY chunk_index`,
  );
  return rows.map((row) => Number(row.chunk_index));
}
