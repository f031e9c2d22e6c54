import type { RefusedChange, SyncProblem, SyncProgress, SyncStatus } from '../../shared/ipc/calls/sync.js';
import { rejectActions } from '../../shared/sync/advice.js';
import type { Mutation, RejectReason } from '../../shared/sync/protocol.js';
import type { Logger } from '../log/logger.js';
import { readDeviceAccount } from '../session/device-account.js';
import { deviceLicence } from '../session/device-licence.js';
import { wipeDeviceData } from '../session/wipe-device.js';
import { verifiedWipeOrder } from '../session/wipe-order-verifier.js';
import type { ShippedLeaseKeys } from '../licence/lease-verifier.js';
import { ServiceNoticeBoard } from '../licence/service-notices.js';
import type { LocalStore } from '../store/index.js';
import { backoffMs } from './backoff.js';
import { CentralApiError, type CentralApi } from './central-api.js';
import { DeviceValues, syncValueKeys } from './device-values.js';
import { syncNotices } from './notice-sync.js';
import { SyncDb } from './sync-db.js';
import { SyncEngine, type SyncReport } from './sync-engine.js';
import { SyncError } from './sync-error.js';
import { HttpSyncTransport, type SyncTransport } from './sync-transport.js';

export interface SyncServiceOptions {
  store: LocalStore;
  dataDir: string;
  api: CentralApi;
  leaseKeys: ShippedLeaseKeys;
  log: Logger;
  isOnline: () => boolean;
  onStatus: (status: SyncStatus) => void;
  /** The hub revoked this device or the agreement ended: the local data is gone; the session must say so. */
  onWiped?: (reason: 'device_revoked' | 'account_ended') => void;
  /** Tests: another transport (a faulty network); defaults to HTTP with the stored session token. */
  transport?: SyncTransport;
  intervalMs?: number;
  /** Rows per pull page (config THUISDOSSIER_SYNC_PULL_LIMIT); the engine's default otherwise. */
  pullLimit?: number;
  /** How often to look for new local changes to send (default 15 s). */
  pendingCheckMs?: number;
  random?: () => number;
}

/**
 * When sync runs and what the UI is told. One run at a time (a request during a run makes one more
 * run after it); on start, immediately when the connection comes back, every few minutes, and on
 * demand; after errors it backs off exponentially with jitter. Holds no data: the store has it all.
 */
export class SyncService {
  private running: Promise<SyncReport | null> | null = null;
  private again = false;
  private failures = 0;
  private problem: SyncProblem | null = null;
  private progress: SyncProgress | null = null;
  private timer: NodeJS.Timeout | undefined;
  private pendingWatch: NodeJS.Timeout | undefined;
  private stopped = true;

  constructor(private readonly options: SyncServiceOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
    // New local changes go up within seconds when online, not only at the next timer tick.
    this.pendingWatch = setInterval(() => this.syncIfPending(), this.options.pendingCheckMs ?? 15_000);
    this.pendingWatch.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.pendingWatch);
  }

  /**
   * Runs `work` with sync stopped and no run in flight (a backup restore swaps the database under
   * the engine's feet otherwise); sync starts again afterwards if it was running.
   */
  async pausedWhile<T>(work: () => Promise<T>): Promise<T> {
    const wasRunning = !this.stopped;
    this.stop();
    try {
      await this.running?.catch(() => undefined);
      return await work();
    } finally {
      if (wasRunning) this.start();
    }
  }

  private syncIfPending(): void {
    const { store } = this.options;
    // After an error the back-off decides when to try again.
    if (this.running || this.problem || !this.options.isOnline() || !store.isUnlocked()) return;
    if (new SyncDb(store.connection).outbox.count() > 0) void this.syncNow();
  }

  /** The connection came back: sync now, not at the next tick, and forget the back-off. */
  onConnectivity(online: boolean): void {
    this.emit();
    if (online && !this.stopped) {
      this.failures = 0;
      void this.syncNow();
    }
  }

  /** Runs a sync, or joins the running one and asks for one more after it. */
  syncNow(): Promise<SyncReport | null> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runOnce().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.syncNow();
      }
    });
    return this.running;
  }

  status(): SyncStatus {
    const { store } = this.options;
    const online = this.options.isOnline();
    const open = store.isUnlocked();
    const sync = open ? new SyncDb(store.connection) : null;
    return {
      online,
      pendingChanges: sync ? sync.outbox.count() : 0,
      lastSyncAt: sync ? sync.values.get(syncValueKeys.lastSyncAt) : null,
      state: this.running ? 'syncing' : !online ? 'offline' : this.problem ? 'error' : 'idle',
      progress: this.running ? this.progress : null,
      problem: this.problem,
      openConflicts: sync ? sync.openConflictCount() : 0,
      refusedChanges: sync ? sync.unhandledRejectedCount() : 0,
    };
  }

  refusedChanges(): RefusedChange[] {
    const sync = new SyncDb(this.options.store.connection);
    const rows = sync.db
      .prepare(
        `SELECT mutation_id AS mutationId, table_name AS tableName, row_id AS rowId, client_id AS clientId, mutation, reason, message, rejected_at AS rejectedAt
         FROM sync_rejected WHERE handled_at IS NULL ORDER BY rejected_at`,
      )
      .all() as Array<{ mutationId: string; tableName: string; rowId: string; clientId: string | null; mutation: string; reason: RejectReason; message: string; rejectedAt: string }>;
    return rows.map((row) => {
      const mutation = JSON.parse(row.mutation) as Mutation;
      return {
        mutationId: row.mutationId,
        table: row.tableName,
        rowId: row.rowId,
        clientId: row.clientId,
        clientName: null,
        reason: row.reason,
        action: rejectActions[row.reason] ?? 'report_problem',
        message: row.message,
        rejectedAt: row.rejectedAt,
        values: Object.fromEntries(mutation.changes.map((change) => [change.field, change.value])),
      };
    });
  }

  markRefusedHandled(mutationId: string): void {
    const sync = new SyncDb(this.options.store.connection);
    sync.transaction(() => sync.db.prepare('UPDATE sync_rejected SET handled_at = ? WHERE mutation_id = ? AND handled_at IS NULL').run(new Date().toISOString(), mutationId));
    this.emit();
  }

  private async runOnce(): Promise<SyncReport | null> {
    const { store, dataDir } = this.options;
    const account = readDeviceAccount(dataDir);
    if (!store.isUnlocked() || !account?.deviceId || !this.options.isOnline()) {
      this.emit();
      return null;
    }
    clearTimeout(this.timer);
    this.progress = null;
    this.emit();
    try {
      const values = new SyncDb(store.connection).values;
      // Before the rows: the window reads everything again when this run's sync time changes, and
      // the notices must be on the device by then.
      await this.refreshNotices(values.get(syncValueKeys.sessionToken));
      const licence = await deviceLicence(store, dataDir, this.options.leaseKeys, { organisationId: account.organisationId, userId: account.userId, deviceId: account.deviceId });
      const engine = new SyncEngine({
        store,
        transport: this.options.transport ?? new HttpSyncTransport(this.options.api, () => values.get(syncValueKeys.sessionToken)),
        deviceId: () => account.deviceId!,
        acceptLease: async (lease) => {
          await licence.accept(lease);
        },
        ...(this.options.pullLimit ? { pullLimit: this.options.pullLimit } : {}),
        onProgress: (progress) => {
          this.progress = progress;
          this.emit();
        },
      });
      const report = await engine.run();
      if (report.wiped) {
        this.options.onWiped?.(report.wiped);
        return report;
      }
      this.failures = 0;
      this.problem = report.waitingForClock > 0 ? { code: 'clock_wrong', message: 'The computer clock is wrong; set it right to continue syncing.', retryAt: null } : null;
      this.schedule(this.options.intervalMs ?? 5 * 60_000);
      return report;
    } catch (error) {
      if (await this.wipeIfOrdered(error, account)) return null;
      this.failures += 1;
      const delay = backoffMs(this.failures, this.options.random);
      this.problem = { ...problemOf(error), retryAt: new Date(Date.now() + delay).toISOString() };
      this.options.log.warn({ code: this.problem.code, failures: this.failures }, 'sync failed');
      this.schedule(delay);
      return null;
    } finally {
      this.progress = null;
      this.emit();
    }
  }

  /**
   * Terms-change, maintenance and price-change notices travel with every sync (sign-in starts one).
   * They are not the dossier's data: a failure here is logged and tried again next sync.
   */
  private async refreshNotices(token: string | null): Promise<void> {
    try {
      await syncNotices(this.options.api, token, noticeBoardOf(this.options.store));
    } catch (error) {
      this.options.log.warn({ code: error instanceof CentralApiError ? error.code : 'unknown' }, 'notices not refreshed');
    }
  }

  /**
   * A revoked device's session is refused with a signed wipe order (server/auth/wipeOrder.ts): verified
   * against the trusted lease keys and this device's identity, then the local data goes.
   */
  private async wipeIfOrdered(error: unknown, account: { organisationId: string; userId: string; deviceId?: string | undefined }): Promise<boolean> {
    if (!(error instanceof CentralApiError) || error.code !== 'device_revoked' || error.wipeOrder === undefined || !account.deviceId) return false;
    const order = await verifiedWipeOrder(error.wipeOrder, this.options.leaseKeys, { organisationId: account.organisationId, userId: account.userId, deviceId: account.deviceId });
    if (!order) {
      this.options.log.warn({}, 'a wipe order did not verify; ignored');
      return false;
    }
    await wipeDeviceData(this.options.store, this.options.dataDir, order.reason);
    this.options.onWiped?.(order.reason);
    return true;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.syncNow(), delayMs);
    this.timer.unref();
  }

  private emit(): void {
    try {
      this.options.onStatus(this.status());
    } catch {
      // A locked store between the check and the count: the next event carries the numbers.
    }
  }
}

function problemOf(error: unknown): Omit<SyncProblem, 'retryAt'> {
  if (error instanceof SyncError) return { code: error.code === 'unreachable' ? 'unreachable' : error.code, message: error.message };
  if (error instanceof CentralApiError) {
    if (error.code === 'unreachable' || error.code === 'unavailable') return { code: 'unreachable', message: 'Cannot reach the central service; trying again.' };
    if (error.code === 'not_signed_in' || error.code === 'session_expired') return { code: 'session_expired', message: 'The session expired; sign in online again.' };
    if (error.code === 'device_revoked') return { code: 'device_revoked', message: 'This device was signed out by an administrator.' };
    if (error.code === 'organisation_ended' || error.code === 'account_paused') return { code: 'licence', message: error.message };
    return { code: 'server_error', message: error.message };
  }
  return { code: 'server_error', message: error instanceof Error ? error.message : 'Sync failed.' };
}

/** The service's notices as this device keeps them, in the encrypted store. */
export function noticeBoardOf(store: LocalStore): ServiceNoticeBoard {
  return new ServiceNoticeBoard(new DeviceValues(() => store.connection).asKeyValueStorage());
}
