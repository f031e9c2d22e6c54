/**
 * The device's encrypted store — the one module that owns SQL on the device.
 *
 *   const store = await LocalStore.at({ dir });
 *   store.exists() ? store.unlock(password) : store.create(password);
 *   store.directory.upsertOrganisation(...); store.directory.upsertUser(orgId, ...);   // from sign-in/sync
 *   const me = store.session(userId);
 *   me.clients.create(...); me.reports.create(...); me.search.clients('jan'); ...
 *   store.lock();
 *
 * Every failure a user should see is a StoreError with an IPC error code.
 */
export { LocalStore, databaseFileName, keyFileName, type LocalStoreOptions, type RepairTools } from './local-store.js';
export { DossierSession } from './session.js';
export { StoreError, isStoreError, type StoreErrorCode } from './store-error.js';
export type { ClientRepository } from './clients.js';
export type { ClientList, ClientListItem, ClientListOptions } from './client-list.js';
export { pendingChangeCount } from './outbox-status.js';
export type { ContactRepository } from './contacts.js';
export type { AppointmentRepository } from './appointments.js';
export type { TimeRegistrationRepository } from './time-registrations.js';
export type { DraftRepository } from './drafts.js';
export type { SettingsRepository } from './settings.js';
export type { ReportRepository, ReportListOptions } from './reports.js';
export type { DocumentRepository } from './documents.js';
export type { DossierAccessRepository } from './dossier-access.js';
export type { SearchService, ClientSearchHit, ClientSearchOptions, ReportSearchHit } from './search.js';
export type { AccessLogService } from './access-log-service.js';
export type { Directory } from './directory.js';
export type { ChainVerdict } from '../audit/access-log.js';
export type { UnlockAttempts } from '../crypto/unlock-throttle.js';
export { productionKdfParams, interactiveKdfParams, type KdfParams } from '../crypto/kdf-params.js';
export { defaultMaxDocumentBytes } from '../documents/document-vault.js';
