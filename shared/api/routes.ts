import { z } from 'zod';
import * as admin from './admin.js';
import * as auth from './auth.js';
import { idParamsSchema, okSchema, uuidSchema } from './common.js';
import { leaseKeysResponseSchema } from './licence.js';
import * as me from './me.js';
import * as operator from './operator.js';
import { paymentEventSchema } from './payments.js';
import { route } from './route.js';
import * as retention from './retention.js';
import * as sync from './sync.js';

/** The central service's HTTP API: one table that the server registers and the app calls. */
export const apiRoutes = {
  health: route({ method: 'GET', path: '/v1/health', access: 'public', response: z.object({ ok: z.boolean(), database: z.string() }) }),
  leaseKeys: route({ method: 'GET', path: '/v1/licence/keys', access: 'public', response: leaseKeysResponseSchema }),
  signIn: route({ method: 'POST', path: '/v1/auth/sign-in', access: 'public', body: auth.signInRequestSchema, response: auth.signInResponseSchema }),
  acceptInvite: route({
    method: 'POST',
    path: '/v1/auth/accept-invite',
    access: 'public',
    body: auth.acceptInviteRequestSchema,
    response: auth.acceptInviteResponseSchema,
  }),
  signOut: route({ method: 'POST', path: '/v1/auth/sign-out', access: 'enrolment', response: okSchema }),

  me: route({ method: 'GET', path: '/v1/me', access: 'enrolment', response: me.meResponseSchema }),
  enrolTwoFactor: route({ method: 'POST', path: '/v1/me/two-factor/enrol', access: 'enrolment', response: me.twoFactorEnrolResponseSchema }),
  confirmTwoFactor: route({
    method: 'POST',
    path: '/v1/me/two-factor/confirm',
    access: 'enrolment',
    body: me.twoFactorConfirmRequestSchema,
    response: me.recoveryCodesResponseSchema,
  }),
  disableTwoFactor: route({ method: 'POST', path: '/v1/me/two-factor/disable', access: 'user', body: me.twoFactorDisableRequestSchema, response: okSchema }),
  regenerateRecoveryCodes: route({
    method: 'POST',
    path: '/v1/me/two-factor/recovery-codes',
    access: 'user',
    body: me.regenerateRecoveryCodesRequestSchema,
    response: me.recoveryCodesResponseSchema,
  }),
  changePassword: route({ method: 'POST', path: '/v1/me/password', access: 'user', body: me.changePasswordRequestSchema, response: okSchema }),
  mySessions: route({ method: 'GET', path: '/v1/me/sessions', access: 'user', response: me.sessionListResponseSchema }),
  revokeMySession: route({ method: 'DELETE', path: '/v1/me/sessions/:id', access: 'user', params: idParamsSchema, response: okSchema }),
  lease: route({ method: 'POST', path: '/v1/licence/lease', access: 'user', response: me.leaseResponseSchema, afterEnd: 'answer' }),
  notices: route({ method: 'GET', path: '/v1/notices', access: 'user', response: admin.noticeListSchema }),
  acknowledgeNotice: route({ method: 'POST', path: '/v1/notices/:id/acknowledge', access: 'user', params: idParamsSchema, response: okSchema }),

  listUsers: route({ method: 'GET', path: '/v1/admin/users', access: 'admin', response: admin.adminUserListSchema }),
  inviteUser: route({ method: 'POST', path: '/v1/admin/users', access: 'admin', body: admin.inviteUserRequestSchema, response: admin.inviteUserResponseSchema }),
  getUser: route({ method: 'GET', path: '/v1/admin/users/:id', access: 'admin', params: idParamsSchema, response: admin.userResponseSchema }),
  updateUser: route({
    method: 'PATCH',
    path: '/v1/admin/users/:id',
    access: 'admin',
    params: idParamsSchema,
    body: admin.updateUserRequestSchema,
    response: admin.userResponseSchema,
  }),
  resetUserTwoFactor: route({ method: 'POST', path: '/v1/admin/users/:id/reset-two-factor', access: 'admin', params: idParamsSchema, response: okSchema }),
  signOutUser: route({ method: 'POST', path: '/v1/admin/users/:id/sign-out', access: 'admin', params: idParamsSchema, response: okSchema }),
  transferOwnership: route({
    method: 'POST',
    path: '/v1/admin/ownership',
    access: 'owner',
    body: admin.transferOwnershipRequestSchema,
    response: admin.transferOwnershipResponseSchema,
  }),
  listDevices: route({ method: 'GET', path: '/v1/admin/devices', access: 'admin', response: admin.adminDeviceListSchema }),
  revokeDevice: route({ method: 'DELETE', path: '/v1/admin/devices/:userId/:deviceId', access: 'admin', params: admin.deviceParamsSchema, response: okSchema }),
  getSecurity: route({ method: 'GET', path: '/v1/admin/security', access: 'admin', response: admin.securitySettingsSchema }),
  updateSecurity: route({
    method: 'PATCH',
    path: '/v1/admin/security',
    access: 'admin',
    body: admin.updateSecuritySettingsSchema,
    response: admin.securitySettingsSchema,
  }),
  getSubscription: route({ method: 'GET', path: '/v1/admin/subscription', access: 'admin', response: admin.subscriptionViewSchema }),
  convertToPaid: route({
    method: 'POST',
    path: '/v1/admin/subscription/convert',
    access: 'owner',
    body: admin.convertToPaidRequestSchema,
    response: admin.subscriptionViewSchema,
  }),
  changePlan: route({ method: 'POST', path: '/v1/admin/subscription/plan', access: 'admin', body: admin.planChangeRequestSchema, response: admin.subscriptionViewSchema }),
  cancelSubscription: route({
    method: 'POST',
    path: '/v1/admin/subscription/cancel',
    access: 'owner',
    body: admin.cancelSubscriptionRequestSchema,
    response: admin.subscriptionViewSchema,
  }),
  cancelForPriceIncrease: route({
    method: 'POST',
    path: '/v1/admin/subscription/cancel-for-price-increase',
    access: 'owner',
    body: admin.cancelForPriceIncreaseRequestSchema,
    response: admin.subscriptionViewSchema,
  }),
  requestDowngrade: route({
    method: 'POST',
    path: '/v1/admin/subscription/downgrade-requests',
    access: 'admin',
    body: admin.downgradeRequestBodySchema,
    response: admin.downgradeRequestSchema,
  }),
  downgradeRequests: route({ method: 'GET', path: '/v1/admin/subscription/downgrade-requests', access: 'admin', response: admin.downgradeRequestListSchema }),
  invoices: route({ method: 'GET', path: '/v1/admin/invoices', access: 'admin', response: admin.invoiceListSchema }),
  storage: route({ method: 'GET', path: '/v1/admin/storage', access: 'admin', response: admin.storageUseSchema }),
  audit: route({ method: 'GET', path: '/v1/admin/audit', access: 'admin', query: admin.auditQuerySchema, response: admin.auditListSchema }),

  // Sync (docs/sync.md "The hub"): full sessions bound to a registered device.
  syncPush: route({ method: 'POST', path: '/v1/sync/push', access: 'user', body: sync.syncPushRequestSchema, response: sync.syncPushResponseSchema }),
  syncPull: route({ method: 'POST', path: '/v1/sync/pull', access: 'user', body: sync.syncPullRequestSchema, response: sync.syncPullResponseSchema }),
  syncAccessLog: route({
    method: 'POST',
    path: '/v1/sync/access-log',
    access: 'user',
    body: sync.syncAccessLogRequestSchema,
    response: sync.syncAccessLogResponseSchema,
  }),
  documentUploadStatus: route({
    method: 'POST',
    path: '/v1/sync/documents/status',
    access: 'user',
    body: sync.documentUploadStatusBodySchema,
    response: sync.documentUploadStatusAnswerSchema,
  }),
  documentChunkUpload: route({
    method: 'POST',
    path: '/v1/sync/documents/:contentHash/chunks/:index',
    access: 'user',
    params: sync.documentChunkParamsSchema,
    query: sync.documentChunkQuerySchema,
    body: sync.documentChunkBytesSchema,
    response: sync.documentChunkAnswerSchema,
  }),
  documentManifest: route({
    method: 'GET',
    path: '/v1/sync/documents/:contentHash',
    access: 'user',
    params: sync.documentHashParamsSchema,
    response: sync.documentManifestAnswerSchema,
  }),
  documentChunkDownload: route({
    method: 'GET',
    path: '/v1/sync/documents/:contentHash/chunks/:index',
    access: 'user',
    params: sync.documentChunkParamsSchema,
    response: sync.documentChunkBytesSchema,
  }),
  grantDossierAccess: route({
    method: 'POST',
    path: '/v1/admin/dossier-access',
    access: 'admin',
    body: sync.dossierAccessGrantBodySchema,
    response: sync.dossierAccessGrantAnswerSchema,
  }),

  // Operator API (service staff), authenticated by the deployment's operator token.
  operatorDowngradeRequests: route({
    method: 'GET',
    path: '/v1/operator/downgrade-requests',
    access: 'operator',
    query: operator.operatorDowngradeQuerySchema,
    response: operator.operatorDowngradeRequestListSchema,
  }),
  decideDowngradeRequest: route({
    method: 'POST',
    path: '/v1/operator/downgrade-requests/:organisationId/:id/decision',
    access: 'operator',
    params: operator.organisationItemParamsSchema,
    body: operator.downgradeDecisionBodySchema,
    response: operator.operatorDowngradeRequestSchema,
  }),

  announcePriceChange: route({
    method: 'POST',
    path: '/v1/operator/price-changes',
    access: 'operator',
    body: operator.priceChangeAnnouncementSchema,
    response: operator.priceChangeAnnouncedSchema,
  }),
  publishNotice: route({ method: 'POST', path: '/v1/operator/notices', access: 'operator', body: operator.noticePublicationSchema, response: operator.noticePublishedSchema }),

  // Retention (WGBO, SPEC §4): removal cases; carrying one out removes the dossier on the server and, at their next sync, on every device.
  removalCases: route({ method: 'GET', path: '/v1/admin/retention/cases', access: 'admin', response: retention.removalCaseListSchema }),
  retentionAudit: route({ method: 'GET', path: '/v1/admin/retention/audit', access: 'admin', response: retention.retentionAuditListSchema }),
  recordDeletionRequest: route({
    method: 'POST',
    path: '/v1/admin/retention/deletion-requests',
    access: 'admin',
    body: retention.deletionRequestBodySchema,
    response: retention.removalCaseResponseSchema,
  }),
  recordLegalException: route({
    method: 'POST',
    path: '/v1/admin/retention/cases/:id/legal-exception',
    access: 'admin',
    params: idParamsSchema,
    body: retention.legalExceptionBodySchema,
    response: retention.removalCaseResponseSchema,
  }),
  carryOutRemoval: route({
    method: 'POST',
    path: '/v1/admin/retention/cases/:id/carry-out',
    access: 'admin',
    params: idParamsSchema,
    response: retention.removalCaseResponseSchema,
  }),
  approveDestruction: route({
    method: 'POST',
    path: '/v1/admin/retention/cases/:id/approve-destruction',
    access: 'admin',
    params: idParamsSchema,
    response: retention.removalCaseResponseSchema,
  }),
  keepDossierLonger: route({
    method: 'POST',
    path: '/v1/admin/retention/cases/:id/keep-longer',
    access: 'admin',
    params: idParamsSchema,
    body: retention.keepLongerBodySchema,
    response: retention.removalCaseResponseSchema,
  }),

  paymentEvent: route({
    method: 'POST',
    path: '/v1/payments/:provider/events',
    access: 'provider',
    params: z.object({ provider: z.string().regex(/^[a-z0-9-]{1,32}$/) }).strict(),
    body: paymentEventSchema,
    response: z.object({ recorded: z.boolean(), eventId: uuidSchema.nullable() }),
  }),
} as const;

export type ApiRoutes = typeof apiRoutes;
export type ApiRouteName = keyof ApiRoutes;
