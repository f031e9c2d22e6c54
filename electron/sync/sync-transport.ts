import { apiRoutes } from '../../shared/api/routes.js';
import type { SyncAccessLogResponse, SyncPullResponse, SyncPushResponse } from '../../shared/api/sync.js';
import type { AccessLogUploadRequest, PullRequest, PushRequest } from '../../shared/sync/protocol.js';
import type { CentralApi } from './central-api.js';
import { HttpDocumentTransport, type DocumentTransport } from './document-transport.js';

/**
 * How the engine reaches the hub. Injected, so tests can put an in-memory hub or a faulty network
 * in between (DESIGN.md example 9). Every answer carries a fresh lease (shared/api/sync.ts).
 */
export interface SyncTransport {
  push(request: PushRequest): Promise<SyncPushResponse>;
  pull(request: PullRequest): Promise<SyncPullResponse>;
  uploadAccessLog(request: AccessLogUploadRequest): Promise<SyncAccessLogResponse>;
  /** Document bytes; a transport without it (the in-memory hub) syncs rows only. */
  readonly documents?: DocumentTransport;
}

/** The real one: the routes of shared/api/routes.ts with the session's bearer token. */
export class HttpSyncTransport implements SyncTransport {
  readonly documents: DocumentTransport;

  constructor(
    private readonly api: CentralApi,
    private readonly token: () => string | null,
  ) {
    this.documents = new HttpDocumentTransport(api, token);
  }

  push(request: PushRequest): Promise<SyncPushResponse> {
    return this.api.call(apiRoutes.syncPush, { body: request, token: this.token(), timeoutMs: 120_000 });
  }

  pull(request: PullRequest): Promise<SyncPullResponse> {
    return this.api.call(apiRoutes.syncPull, { body: request, token: this.token(), timeoutMs: 120_000 });
  }

  uploadAccessLog(request: AccessLogUploadRequest): Promise<SyncAccessLogResponse> {
    return this.api.call(apiRoutes.syncAccessLog, { body: request, token: this.token(), timeoutMs: 60_000 });
  }
}
