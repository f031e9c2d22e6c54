import type { ApiRouteName } from '../../../shared/api/routes.js';
import type { ForeignIds } from '../../testing/sampleRequests.js';

const someUuidV7 = '0193a6f0-0000-7000-8000-0000000000a1';
const someHash = 'ab'.repeat(32);

/**
 * One well-formed request per sync route for the isolation and authorisation suites, aimed at
 * another organisation's device and user: the hub must answer from the caller's own scope only.
 */
export function syncSampleRequest(name: ApiRouteName, ids: ForeignIds): { url?: string; payload?: unknown } | null {
  switch (name) {
    case 'syncPush':
      return {
        payload: {
          protocolVersion: 1,
          deviceId: ids.deviceId,
          hlcNode: '0123456789abcdef',
          serverEpoch: null,
          mutations: [
            {
              mutationId: someUuidV7,
              table: 'reports',
              rowId: someUuidV7,
              organisationId: someUuidV7,
              clientId: someUuidV7,
              op: 'update',
              changes: [{ field: 'body', baseValue: null, baseHlc: null, value: 'x', hlc: '001772442000000-0000-0123456789abcdef' }],
            },
          ],
        },
      };
    case 'syncPull':
      return { payload: { protocolVersion: 1, deviceId: ids.deviceId, cursor: null, limit: 100 } };
    case 'syncAccessLog':
      return {
        payload: {
          protocolVersion: 1,
          deviceId: ids.deviceId,
          entries: [
            {
              seq: 1,
              id: someUuidV7,
              at: '2026-03-02T09:00:00Z',
              organisationId: someUuidV7,
              userId: ids.userId,
              onBehalfOf: null,
              action: 'R',
              event: 'client.open',
              clientId: someUuidV7,
              objectType: 'client',
              objectId: someUuidV7,
              outcome: 'success',
              reason: null,
              deviceId: ids.deviceId,
              prevHash: '',
              hash: 'cd'.repeat(32),
            },
          ],
        },
      };
    case 'documentUploadStatus':
      return {
        payload: { protocolVersion: 1, deviceId: ids.deviceId, organisationId: someUuidV7, manifest: { contentHash: someHash, sizeBytes: 3, chunkHashes: [someHash] } },
      };
    case 'documentChunkUpload':
      return { url: `/v1/sync/documents/${someHash}/chunks/0?chunkHash=${someHash}`, payload: { bytes: 'not octets' } };
    case 'documentManifest':
      return { url: `/v1/sync/documents/${someHash}` };
    case 'documentChunkDownload':
      return { url: `/v1/sync/documents/${someHash}/chunks/0` };
    case 'grantDossierAccess':
      return { payload: { clientId: someUuidV7, userId: ids.userId, canRead: true, canEdit: false, canSignOff: false } };
    default:
      return null;
  }
}
