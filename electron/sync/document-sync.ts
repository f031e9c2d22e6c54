import { loadSodium } from '../crypto/sodium.js';
import type { LocalStore } from '../store/index.js';
import { downloadDocuments } from './document-download.js';
import { removeUnneededDocumentFiles } from './document-state.js';
import type { DocumentTransport } from './document-transport.js';
import { uploadDocuments } from './document-upload.js';
import type { SyncDb } from './sync-db.js';

export interface DocumentSyncReport {
  uploaded: number;
  downloaded: number;
  chunksSent: number;
  chunksReceived: number;
  refusedChunks: number;
  /** Documents not transferred this time (hub refused for now, or its content not complete there yet). */
  waiting: number;
  filesRemoved: number;
}

/**
 * The document half of a sync run, after rows: files of rows that left the device go, new local
 * contents go up (their rows are on the hub by now), missing contents come down.
 */
export async function syncDocuments(sync: SyncDb, store: LocalStore, transport: DocumentTransport, deviceId: string): Promise<DocumentSyncReport> {
  const sodium = await loadSodium();
  const filesRemoved = removeUnneededDocumentFiles(sync, store.documentFiles);
  const up = await uploadDocuments(sodium, sync, store, transport, deviceId);
  const down = await downloadDocuments(sodium, sync, store, transport);
  return {
    uploaded: up.uploaded,
    downloaded: down.downloaded,
    chunksSent: up.chunksSent,
    chunksReceived: down.chunksReceived,
    refusedChunks: down.refusedChunks,
    waiting: up.waiting.length + down.waiting,
    filesRemoved,
  };
}
