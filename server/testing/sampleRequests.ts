import type { ApiRouteName } from '../../shared/api/routes.js';
import { syncSampleRequest } from '../sync/testing/sampleRequests.js';

/** Ids of another organisation's things, to aim requests at. */
export interface ForeignIds {
  userId: string;
  deviceId: string;
  sessionId: string;
  noticeId: string;
  organisationId: string;
  /** A pending downgrade request of that organisation (art. 6), for the operator routes. */
  downgradeRequestId: string;
  /** A dossier of that organisation in the sync hub, and a removal case about it (retention). */
  clientId: string;
  removalCaseId: string;
}

/**
 * One well-formed request per authenticated route, aimed at `ids`. The isolation and authorisation
 * suites use it; the check that it names every route keeps new routes from slipping past them.
 */
export function sampleRequest(name: ApiRouteName, ids: ForeignIds): { url?: string; payload?: unknown } | null {
  switch (name) {
    case 'health':
    case 'leaseKeys':
    case 'signIn':
    case 'acceptInvite':
    case 'paymentEvent':
      return null; // public or provider-authenticated: covered by their own tests
    case 'signOut':
    case 'me':
    case 'enrolTwoFactor':
    case 'mySessions':
    case 'lease':
    case 'notices':
    case 'listUsers':
    case 'listDevices':
    case 'getSecurity':
    case 'getSubscription':
    case 'invoices':
    case 'storage':
    case 'audit':
      return {};
    case 'confirmTwoFactor':
    case 'regenerateRecoveryCodes':
      return { payload: { code: '123456' } };
    case 'disableTwoFactor':
      return { payload: { password: 'whatever password', code: '123456' } };
    case 'changePassword':
      return { payload: { currentPassword: 'wrong current password', newPassword: 'another long passphrase' } };
    case 'revokeMySession':
      return { url: `/v1/me/sessions/${ids.sessionId}` };
    case 'acknowledgeNotice':
      return { url: `/v1/notices/${ids.noticeId}/acknowledge` };
    case 'inviteUser':
      return { payload: { email: 'new.colleague@example.nl', displayName: 'New colleague', role: 'practitioner' } };
    case 'getUser':
      return { url: `/v1/admin/users/${ids.userId}` };
    case 'updateUser':
      return { url: `/v1/admin/users/${ids.userId}`, payload: { status: 'removed' } };
    case 'resetUserTwoFactor':
      return { url: `/v1/admin/users/${ids.userId}/reset-two-factor` };
    case 'signOutUser':
      return { url: `/v1/admin/users/${ids.userId}/sign-out` };
    case 'revokeDevice':
      return { url: `/v1/admin/devices/${ids.userId}/${ids.deviceId}` };
    case 'transferOwnership':
      return { payload: { toUserId: ids.userId, password: 'correct horse battery staple' } };
    case 'cancelForPriceIncrease':
      return { payload: { confirm: true } };
    case 'announcePriceChange':
      return { payload: { kind: 'indexation', effectiveOn: '2027-01-01', index: { name: 'CPI', basisPoints: 300 }, organisationIds: [ids.organisationId] } };
    case 'publishNotice':
      return { payload: { kind: 'terms-change', title: 'Nieuwe voorwaarden', body: 'Artikel 12 wijzigt.', effectiveOn: '2027-06-01' } };
    case 'requestDowngrade':
      return { payload: { plan: 'solo-1', reason: 'Minder collega’s' } };
    case 'downgradeRequests':
    case 'operatorDowngradeRequests':
      return {};
    case 'decideDowngradeRequest':
      return { url: `/v1/operator/downgrade-requests/${ids.organisationId}/${ids.downgradeRequestId}/decision`, payload: { approve: true } };
    case 'updateSecurity':
      return { payload: { autoLockMinutes: 5 } };
    case 'convertToPaid':
      return { payload: { billingInterval: 'monthly' } };
    case 'changePlan':
      return { payload: { plan: 'team-2-4' } };
    case 'cancelSubscription':
      return { payload: { confirm: true, endDate: '2026-12-31' } };
    case 'removalCases':
    case 'retentionAudit':
      return {};
    case 'recordDeletionRequest':
      return { payload: { clientId: ids.clientId, receivedOn: '2026-03-02' } };
    case 'recordLegalException':
      return { url: `/v1/admin/retention/cases/${ids.removalCaseId}/legal-exception`, payload: { reason: 'wettelijke_bewaarplicht' } };
    case 'carryOutRemoval':
      return { url: `/v1/admin/retention/cases/${ids.removalCaseId}/carry-out` };
    case 'approveDestruction':
      return { url: `/v1/admin/retention/cases/${ids.removalCaseId}/approve-destruction` };
    case 'keepDossierLonger':
      return { url: `/v1/admin/retention/cases/${ids.removalCaseId}/keep-longer`, payload: { reason: 'zorg_goed_hulpverlener', until: '2030-01-01' } };
    // Sync routes: aimed at B's device and organisation; the hub answers from the caller's own scope.
    case 'syncPush':
    case 'syncPull':
    case 'syncAccessLog':
    case 'documentUploadStatus':
    case 'documentChunkUpload':
    case 'documentManifest':
    case 'documentChunkDownload':
    case 'grantDossierAccess':
      return syncSampleRequest(name, ids);
  }
}
