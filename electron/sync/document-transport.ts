import { apiRoutes } from '../../shared/api/routes.js';
import { documentChunkAnswerSchema } from '../../shared/api/sync.js';
import { syncLimits } from '../../shared/sync/limits.js';
import type { DocumentChunkAck, DocumentManifest, DocumentUploadStatusRequest, DocumentUploadStatusResponse } from '../../shared/sync/protocol.js';
import { CentralApiError, errorFrom, type CentralApi } from './central-api.js';

/**
 * How document bytes reach the hub and come back (docs/sync.md "Documents"). Separate from the row
 * transport: chunks are raw bytes, not JSON, and tests put a faulty network in between.
 */
export interface DocumentTransport {
  /** Announces the manifest; the answer lists the chunks the hub already holds and verified. */
  status(request: DocumentUploadStatusRequest): Promise<DocumentUploadStatusResponse>;
  uploadChunk(contentHash: string, index: number, chunkHash: string, bytes: Uint8Array<ArrayBuffer>): Promise<DocumentChunkAck>;
  manifest(contentHash: string): Promise<{ manifest: DocumentManifest; complete: boolean }>;
  downloadChunk(contentHash: string, index: number): Promise<Uint8Array>;
}

/** The real one, over the routes of shared/api/routes.ts with the session's bearer token. */
export class HttpDocumentTransport implements DocumentTransport {
  constructor(
    private readonly api: CentralApi,
    private readonly token: () => string | null,
  ) {}

  status(request: DocumentUploadStatusRequest): Promise<DocumentUploadStatusResponse> {
    return this.api.call(apiRoutes.documentUploadStatus, { body: request, token: this.token() });
  }

  async uploadChunk(contentHash: string, index: number, chunkHash: string, bytes: Uint8Array<ArrayBuffer>): Promise<DocumentChunkAck> {
    const path = `${chunkPath(contentHash, index)}?chunkHash=${encodeURIComponent(chunkHash)}`;
    const response = await this.api.send(apiRoutes.documentChunkUpload.method, path, { bytes, token: this.token(), timeoutMs: 120_000 });
    const text = await response.text();
    if (!response.ok) throw errorFrom(response.status, text);
    return parseJson(documentChunkAnswerSchema, text, 'chunk upload');
  }

  async manifest(contentHash: string): Promise<{ manifest: DocumentManifest; complete: boolean }> {
    return this.api.call(apiRoutes.documentManifest, { params: { contentHash }, token: this.token() });
  }

  async downloadChunk(contentHash: string, index: number): Promise<Uint8Array> {
    const response = await this.api.send(apiRoutes.documentChunkDownload.method, chunkPath(contentHash, index), { token: this.token(), timeoutMs: 120_000 });
    if (!response.ok) throw errorFrom(response.status, await response.text());
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > syncLimits.chunkBytes) throw new CentralApiError('bad_answer', 'The central service sent a document chunk larger than a chunk may be.', response.status);
    return bytes;
  }
}

function chunkPath(contentHash: string, index: number): string {
  return apiRoutes.documentChunkDownload.path.replace(':contentHash', encodeURIComponent(contentHash)).replace(':index', String(index));
}

function parseJson<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, text: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CentralApiError('bad_answer', `The central service answered the ${what} in an unexpected shape.`);
  return parsed.data;
}
