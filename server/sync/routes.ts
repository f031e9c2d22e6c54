import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../shared/api/routes.js';
import { dossierAccessGrantBodySchema } from '../../shared/api/sync.js';
import { syncLimits } from '../../shared/sync/limits.js';
import type { AccessLogUploadRequest, PullRequest, PushRequest } from '../../shared/sync/protocol.js';
import type { ServiceContext } from '../context.js';
import { HttpError } from '../http/httpError.js';
import { confirmDevicePurges } from '../retention/retentionService.js';
import { archiveAccessLog } from './accessLog.js';
import { documentRoutes } from './documentRoutes.js';
import { grantDossierAccess } from './grantAccess.js';
import { pullChanges } from './pull.js';
import { pullAnswerJson } from './pullAnswer.js';
import { notePull } from './mutationLogRetention.js';
import { applyPush } from './push.js';
import { CheckedJson, registerSyncRoute } from './registerSyncRoute.js';
import { readHead, serverId } from './sequence.js';
import { checkSyncDevice, leaseFor } from './syncDevice.js';

/** 1,000 lines of at most a few hundred characters each, with room to spare. */
const accessLogBodyBytes = 4 * 1024 * 1024;

/** The sync hub's routes (docs/sync.md "The hub"). */
export function syncRoutes(app: FastifyInstance, context: ServiceContext): void {
  const db = context.database.db;

  registerSyncRoute(app, context, apiRoutes.syncPush, { bodyLimit: syncLimits.pushBodyBytes }, async ({ caller, body }) => {
    const request = body as PushRequest;
    const device = await checkSyncDevice(context, caller, request.deviceId);
    if (device.revoked) throw new HttpError(403, 'device_revoked', 'This device was signed out by an admin.');
    const writer = { organisationId: caller.organisationId, userId: caller.userId, role: caller.role };
    const answer = await db.transaction((tx) => applyPush(tx, request, { writer, deviceId: device.deviceId, now: context.now() }));
    return { ...answer, lease: await leaseFor(context, caller, device.deviceId) };
  });

  registerSyncRoute(app, context, apiRoutes.syncPull, {}, async ({ caller, body }) => {
    const request = body as PullRequest;
    const device = await checkSyncDevice(context, caller, request.deviceId);
    const reader = { organisationId: caller.organisationId, userId: caller.userId, isAdmin: caller.role === 'owner' || caller.role === 'admin' };
    // The device pulls after its push phase: every answer given to it before now is stored there.
    if (!device.revoked) await notePull(db, { organisationId: caller.organisationId, userId: caller.userId, deviceId: device.deviceId }, context.now(), device.lastPulledAt);
    const answer = device.revoked ? await revokedDeviceAnswer(context, caller.organisationId) : await pullChanges(db, reader, request);
    // The cursor the device sends was stored with the page it applied: past a removal's purges, it purged.
    if (!device.revoked) await confirmDevicePurges(context, caller.organisationId, device.deviceId, request.cursor?.epoch === answer.server.epoch ? request.cursor.seq : null);
    return new CheckedJson(pullAnswerJson(answer, caller.organisationId, await leaseFor(context, caller, device.deviceId)));
  });

  registerSyncRoute(app, context, apiRoutes.grantDossierAccess, {}, async ({ caller, body }) => {
    const grant = dossierAccessGrantBodySchema.parse(body);
    return db.transaction((tx) => grantDossierAccess(tx, caller.organisationId, caller.userId, grant, context.now()));
  });

  registerSyncRoute(app, context, apiRoutes.syncAccessLog, { bodyLimit: accessLogBodyBytes }, async ({ caller, body }) => {
    const request = body as AccessLogUploadRequest;
    const device = await checkSyncDevice(context, caller, request.deviceId);
    const uploader = { organisationId: caller.organisationId, userId: caller.userId, deviceId: device.deviceId };
    const answer = await db.transaction((tx) => archiveAccessLog(tx, uploader, request.entries, context.now()));
    return { ...answer, lease: await leaseFor(context, caller, device.deviceId) };
  });

  documentRoutes(app, context);
}

/** A revoked device is told to wipe everything, and receives nothing else. */
async function revokedDeviceAnswer(context: ServiceContext, organisationId: string) {
  const head = await readHead(context.database.db, organisationId);
  const id = await serverId(context.database.db);
  return {
    protocolVersion: 1 as const,
    server: { id, epoch: head.epoch, restoredFromEpoch: head.restoredFromEpoch, epochStartSeq: head.epochStartSeq },
    reset: false,
    changes: [],
    conflicts: [],
    purges: [{ seq: head.head, scope: 'all' as const, reason: 'device_revoked' as const }],
    cursor: { epoch: head.epoch, seq: head.head },
    hasMore: false,
  };
}
