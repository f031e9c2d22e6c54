import { BackupScheduler } from '../backup/backup-scheduler.js';
import { finishInterruptedRestore } from '../backup/restore-swap.js';
import { ConnectivityMonitor } from '../connectivity/monitor.js';
import type { Logger } from '../log/logger.js';
import { SessionService } from '../session/session-service.js';
import { CentralApi } from '../sync/central-api.js';
import { SyncService } from '../sync/sync-service.js';
import { LocalStore, type KdfParams } from '../store/index.js';
import type { CoreConfig } from './config.js';
import type { CoreServices } from './core-services.js';
import { createDispatcher, type Dispatch } from './dispatcher.js';
import { EventHub } from './events.js';
import type { CoreHandlers } from './handlers.js';
import { appHandlers } from './handlers/app.js';
import { dossierHandlers } from './handlers/dossiers.js';
import { sessionHandlers } from './handlers/session.js';
import { accountHandlers } from './handlers/account.js';
import { MyAccount } from '../session/my-account.js';
import { clientHandlers } from './handlers/clients.js';
import { contactHandlers } from './handlers/contacts.js';
import { reportHandlers } from './handlers/reports.js';
import { agendaHandlers } from './handlers/agenda.js';
import { timeHandlers } from './handlers/time.js';
import { documentHandlers } from './handlers/documents.js';
import { accessHandlers } from './handlers/access.js';
import { draftHandlers } from './handlers/drafts.js';
import { organisationHandlers } from './handlers/organisation.js';
import { syncHandlers } from './handlers/sync.js';
import { conflictHandlers } from './handlers/conflicts.js';
import { licenceHandlers } from './handlers/licence.js';
import { exportHandlers } from './handlers/export.js';
import { noticeHandlers } from './handlers/notices.js';
import { adminHandlers } from './handlers/admin.js';
import { AdminConnection } from '../admin/admin-connection.js';
import { retentionHandlers } from './handlers/retention.js';
import { backupDirectory, backupHandlers } from './handlers/backup.js';
import { behindLicence, LicenceGate } from './licence-gate.js';

export interface Core {
  dispatch: Dispatch;
  events: EventHub;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** Tests only: a cheaper Argon2id cost for stores they create. */
  kdfParams?: KdfParams;
}

/**
 * Builds the core's services and the handler table. The same function runs inside Electron's
 * utility process and inside the preview host, so both speak the same contract.
 */
export async function createCore(config: CoreConfig, log: Logger, options: CoreOptions = {}): Promise<Core> {
  const events = new EventHub();
  // The sync service exists after the monitor; the monitor's changes reach it through this hook.
  let onOnlineChange: (online: boolean) => void = () => undefined;
  const connectivity = new ConnectivityMonitor({
    serverUrl: config.serverUrl,
    onChange: (state) => {
      events.emit('connectivity.changed', state);
      onOnlineChange(state.online);
    },
  });
  // A restore cut off by a crash is rolled back before anything opens the store.
  finishInterruptedRestore(config.dataDir);
  const store = await LocalStore.at({ dir: config.dataDir, ...(options.kdfParams ? { kdfParams: options.kdfParams } : {}) });
  const api = new CentralApi(config.serverUrl);
  const session = new SessionService(store, config.dataDir, { api, appVersion: config.version, leaseKeys: config.leasePublicKeys ?? {} });
  const sync = new SyncService({
    store,
    dataDir: config.dataDir,
    api,
    leaseKeys: config.leasePublicKeys ?? {},
    log,
    ...(config.syncPullLimit ? { pullLimit: config.syncPullLimit } : {}),
    isOnline: () => connectivity.current().online,
    onStatus: (status) => events.emit('sync.changed', status),
    onWiped: (reason) => {
      log.warn({ reason }, 'local data wiped on the central service’s word');
      events.emit('session.changed', session.status());
    },
  });
  onOnlineChange = (online) => sync.onConnectivity(online);
  const services: CoreServices = { config, log, events, connectivity, store, session, sync };
  const licence = new LicenceGate(store, session, config.leasePublicKeys ?? {}, config.dataDir, () => {
    log.warn({ reason: 'account_ended' }, 'local data wiped after the final notice of the ended agreement');
    events.emit('session.changed', session.status());
  });
  // One line to the service for the admin and retention screens: one check of who may call.
  const adminConnection = new AdminConnection(session, store, api);
  // The sync state and 'sync now' stay open (syncing fetches the lease that lifts a block); the
  // refused changes carry dossier text and names, so they are clinical data like the dossier.
  const { 'sync.refusedChanges': refusedChanges, 'sync.markRefusedHandled': markRefusedHandled, ...syncState } = syncHandlers(services);

  // Each namespace in its own file; the spread must cover the whole contract or this fails to compile.
  const handlers: CoreHandlers = {
    ...appHandlers(services),
    ...sessionHandlers(services),
    // Not behind the licence: see handlers/account.ts.
    ...accountHandlers(new MyAccount(session, store, api), connectivity),
    // Clinical data only with a valid licence (blocked, ended, expired or no lease: refused).
    ...behindLicence(dossierHandlers(services), licence),
    ...behindLicence(clientHandlers(services), licence),
    ...behindLicence(contactHandlers(services), licence),
    ...behindLicence(reportHandlers(services), licence),
    ...behindLicence(agendaHandlers(services), licence),
    ...behindLicence(timeHandlers(services), licence),
    ...behindLicence(documentHandlers(services), licence),
    ...behindLicence(accessHandlers(services), licence),
    ...behindLicence(draftHandlers(services), licence),
    ...behindLicence(conflictHandlers(services), licence),
    ...licenceHandlers(licence),
    ...exportHandlers(services, licence),
    ...organisationHandlers(services),
    ...syncState,
    ...behindLicence({ 'sync.refusedChanges': refusedChanges, 'sync.markRefusedHandled': markRefusedHandled }, licence),
    // Not behind the licence: a blocked organisation's admin must still see why and pay (art. 9).
    ...adminHandlers(adminConnection),
    // Legal deletion duties go on while blocked; the dossiers' names only while they may be opened.
    ...retentionHandlers(adminConnection, session, async () => (await licence.decision())?.canOpenDossiers === true),
    ...backupHandlers(services),
    // Not behind the licence either: maintenance and terms notices matter most when something is wrong.
    ...noticeHandlers({ ...services, isOnline: () => connectivity.current().online }, api),
  };

  // Daily encrypted backups while the app runs (the scheduler only acts while the store is open).
  const backups = new BackupScheduler({
    store,
    dir: backupDirectory(config.dataDir),
    onResult: (result) => {
      if (!result.ok) log.error({ err: result.error }, 'the daily backup failed');
    },
  });

  connectivity.start();
  sync.start();
  backups.start();
  return {
    dispatch: createDispatcher(handlers, log),
    events,
    close: async () => {
      sync.stop();
      backups.stop();
      connectivity.stop();
      store.lock();
    },
  };
}
