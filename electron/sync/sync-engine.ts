import type { SignedLease } from '../../shared/licence/lease.js';
import { syncLimits } from '../../shared/sync/limits.js';
import { checkServerIdentity } from '../../shared/sync/cursor.js';
import { isWellFormedMutation, mutationSchema, type Mutation, type PullResponse, type SyncCursor } from '../../shared/sync/protocol.js';
import type { RebaseNotice } from '../../shared/sync/rebase.js';
import type { SyncPushResponse } from '../../shared/api/sync.js';
import type { LocalStore } from '../store/index.js';
import { uploadAccessLog } from './access-log-upload.js';
import { applyPullPage } from './apply-pull.js';
import { CentralApiError } from './central-api.js';
import { pullProgress } from './pull-progress.js';
import { syncDocuments, type DocumentSyncReport } from './document-sync.js';
import { syncValueKeys } from './device-values.js';
import { beginRestore, finishRestore, notePulled, restoreInProgress } from './restore-recovery.js';
import { settleAnswers } from './settle-answers.js';
import { SyncDb } from './sync-db.js';
import { SyncError } from './sync-error.js';
import type { SyncTransport } from './sync-transport.js';

export interface SyncProgress {
  phase: 'push' | 'pull' | 'access-log';
  /** Changes sent so far in this sync. */
  pushed: number;
  /** Rows received so far in this sync. */
  pulled: number;
  /** 0–1 when known (initial sync: by sequence numbers), else null. */
  fraction: number | null;
  /** Seconds left, estimated from the rate so far; null until there is a rate. */
  secondsLeft: number | null;
}

export interface SyncReport {
  pushed: number;
  pulled: number;
  rejected: number;
  conflicts: number;
  restored: boolean;
  purgedClients: string[];
  notices: Array<{ table: string; rowId: string; notice: RebaseNotice }>;
  wiped: 'device_revoked' | 'account_ended' | null;
  /** Mutations the hub will take only later (the clock is wrong): still in the outbox. */
  waitingForClock: number;
  /** Document transfers of this run; null when the transport carries no documents or the network failed them. */
  documents: DocumentSyncReport | null;
}

export interface SyncEngineOptions {
  store: LocalStore;
  transport: SyncTransport;
  /** The id the hub registered this device under (the device account's deviceId). */
  deviceId: () => string;
  /** Every answer carries a fresh lease; the licence service verifies and keeps it. */
  acceptLease?: (lease: SignedLease) => Promise<void>;
  onProgress?: (progress: SyncProgress) => void;
  pushBatch?: number;
  pullLimit?: number;
  now?: () => Date;
}

/**
 * One sync run on the device (docs/sync.md "Idempotency and the outbox, step by step"): push the
 * outbox in batches, each batch's answers stored in one transaction with removing its entries;
 * then pull pages from the cursor, each applied in one transaction; a restored hub is detected and
 * handled; then the access log goes up. The engine holds no state of its own between runs:
 * everything is in the store, so a run killed at any point simply runs again.
 */
export class SyncEngine {
  private readonly sync: SyncDb;

  constructor(private readonly options: SyncEngineOptions) {
    this.sync = new SyncDb(options.store.connection, options.now);
  }

  async run(): Promise<SyncReport> {
    const report: SyncReport = { pushed: 0, pulled: 0, rejected: 0, conflicts: 0, restored: false, purgedClients: [], notices: [], wiped: null, waitingForClock: 0, documents: null };
    const started = Date.now();
    if (restoreInProgress(this.sync)) {
      report.restored = true;
      await this.pullToEnd(report, started, true);
    }
    await this.push(report, started);
    await this.pullToEnd(report, started, false);
    if (report.wiped) {
      this.options.store.wipe();
      return report;
    }
    // Re-offered versions (restore) and changes made while pulling go up in the same run.
    if (this.sync.outbox.count() > report.waitingForClock) await this.push(report, started);
    // Documents after their rows: the hub takes a content only once its row is there.
    const documents = this.options.transport.documents;
    if (documents) {
      report.documents = await syncDocuments(this.sync, this.options.store, documents, this.options.deviceId()).catch((error: unknown) => {
        // Rows are in; the files follow at the next sync. Never blocks the changes themselves.
        if (!(error instanceof CentralApiError)) throw error;
        return null;
      });
    }
    this.progress({ phase: 'access-log', pushed: report.pushed, pulled: report.pulled, fraction: null, secondsLeft: null });
    await uploadAccessLog(this.sync, this.options.transport, this.options.deviceId()).catch((error: unknown) => {
      // The access log goes up next time; it never blocks the changes themselves.
      if (!(error instanceof CentralApiError)) throw error;
    });
    return report;
  }

  /** Only the pull half (a device whose uploads fail still receives; tests of rebasing use it). */
  async pullOnly(): Promise<SyncReport> {
    const report: SyncReport = { pushed: 0, pulled: 0, rejected: 0, conflicts: 0, restored: false, purgedClients: [], notices: [], wiped: null, waitingForClock: 0, documents: null };
    await this.pullToEnd(report, Date.now(), restoreInProgress(this.sync));
    return report;
  }

  /**
   * Sends the outbox in batches, in order. The next batch goes out as soon as the hub has answered
   * the one before (so it committed it: the hub applies batches one after another, in the order the
   * device made them); the answers of the one before are stored while the hub works on the next, so
   * the device's and the hub's time overlap instead of adding up. An entry still leaves the outbox
   * only in the transaction that stores its answer (settleAnswers).
   */
  private async push(report: SyncReport, started: number): Promise<void> {
    let batchSize = this.options.pushBatch ?? syncLimits.mutationsPerPush;
    // Where the next batch starts: after the last entry sent and answered (entries answered
    // `clock_invalid` stay in the outbox behind it, for the next run).
    let afterSeq: number | null = null;
    let waitingForClock = 0;
    let answered: AnsweredBatch | null = null;
    const store = (batch: AnsweredBatch) => {
      const summary = settleAnswers(this.sync, batch.mutations, batch.results, batch.epochChanged);
      report.pushed += summary.settled;
      report.rejected += summary.rejected;
      report.conflicts += summary.conflicts;
      waitingForClock += summary.retryLater;
      report.waitingForClock = waitingForClock;
      this.progress({ phase: 'push', pushed: report.pushed, pulled: report.pulled, fraction: null, secondsLeft: estimate(started, report.pushed, null) });
      if (summary.settled === 0 && summary.retryLater === 0) throw new SyncError('server_error', 'The central service answered none of the changes sent.');
    };
    for (;;) {
      const entries = this.sync.outbox.first(batchSize, afterSeq);
      if (entries.length === 0) break;
      // A mutation the hub's schema would refuse would make it refuse the whole batch, every time:
      // a wedged queue. It settles here instead, as refused, its text kept and shown.
      const malformed = entries.filter((entry) => !isWellFormedMutation(entry.mutation) && !mutationSchema.safeParse(entry.mutation).success);
      if (malformed.length > 0) {
        if (answered) store(answered);
        answered = null;
        this.keepMalformed(malformed.map((entry) => entry.mutation));
        report.rejected += malformed.length;
        continue;
      }
      const batch = entries.map((entry) => entry.mutation);
      const cursor = this.sync.values.getJson<SyncCursor>(syncValueKeys.cursor);
      const reply = this.options.transport
        .push({
          protocolVersion: 1,
          deviceId: this.options.deviceId(),
          hlcNode: this.options.store.deviceId,
          serverEpoch: cursor?.epoch ?? null,
          mutations: batch,
        })
        .then(
          (answer) => ({ answer }),
          (error: unknown) => ({ error }),
        );
      if (answered) {
        // Let the request reach the socket first, then store the previous batch's answers while it travels.
        await new Promise<void>((resolve) => setImmediate(resolve));
        store(answered);
        answered = null;
      }
      const outcome = await reply;
      if ('error' in outcome) {
        const { error } = outcome;
        // Too large a request: halve the batch. One mutation alone too large is a bug to report.
        if (error instanceof CentralApiError && error.status === 413 && batchSize > 1) {
          batchSize = Math.max(1, Math.floor(batchSize / 2));
          continue;
        }
        // The hub refused the request itself: narrow it down; a single refused mutation settles as refused.
        if (error instanceof CentralApiError && error.code === 'invalid_request') {
          if (batchSize > 1) {
            batchSize = Math.max(1, Math.floor(batchSize / 2));
            continue;
          }
          this.keepMalformed(batch, error.message);
          report.rejected += 1;
          continue;
        }
        throw error;
      }
      const { answer } = outcome;
      await this.options.acceptLease?.(answer.lease);
      const epochChanged = cursor !== null && answer.serverEpoch !== cursor.epoch;
      if (epochChanged) this.sync.transaction(() => this.sync.values.set(syncValueKeys.mixedEpochs, 'true'));
      answered = { mutations: batch, results: answer.results, epochChanged };
      afterSeq = entries.at(-1)!.seq;
    }
    if (answered) store(answered);
  }

  private async pullToEnd(report: SyncReport, started: number, restoring: boolean): Promise<void> {
    let firstSeq: number | null = null;
    let confirmDestroyed = false;
    const pullStarted = Date.now();
    for (;;) {
      const cursor = this.sync.values.getJson<SyncCursor>(syncValueKeys.cursor);
      const page = await this.options.transport.pull({
        protocolVersion: 1,
        deviceId: this.options.deviceId(),
        cursor,
        limit: this.options.pullLimit ?? syncLimits.pullPageRows,
      });
      await this.options.acceptLease?.(page.lease);
      const known = this.sync.values.getJson<{ id: string; epoch: string }>(syncValueKeys.server);
      const identity = checkServerIdentity(known, page.server);
      if (identity === 'other_server') {
        throw new SyncError('other_server', 'This computer is linked to a different central service; contact your administrator.');
      }
      if (page.reset || (identity === 'restored' && !restoring)) {
        // The hub was restored from a backup: keep everything, pull from the start, re-offer what it lost.
        beginRestore(this.sync);
        report.restored = true;
        restoring = true;
        continue;
      }
      const applied = applyPullPage(this.sync, this.options.store, withoutLease(page), restoring ? (result) => notePulled(this.sync, result.received) : undefined);
      report.pulled += applied.rows;
      report.notices.push(...applied.notices);
      report.purgedClients.push(...applied.purgedClients);
      if (applied.wipe) report.wiped = applied.wipe;
      if (applied.destroyed > 0) confirmDestroyed = true;
      firstSeq ??= cursor?.seq ?? 0;
      const progress = pullProgress({ startSeq: firstSeq, cursorSeq: page.cursor.seq, headSeq: page.headSeq, elapsedMs: Date.now() - pullStarted, hasMore: page.hasMore });
      this.progress({ phase: 'pull', pushed: report.pushed, pulled: report.pulled, ...progress });
      if (!page.hasMore) {
        if (restoring) finishRestore(this.sync, page.server);
        // The hub counts a destroyed dossier as gone from this device once a pull carries a cursor
        // past its purge (shared/retention): that pull happens now, not at the next sync.
        if (confirmDestroyed && !report.wiped) {
          confirmDestroyed = false;
          restoring = false;
          continue;
        }
        return;
      }
      void started;
    }
  }

  /** Settled exactly like a refusal by the hub: kept in the refused list, the row shown without it. */
  private keepMalformed(mutations: readonly Mutation[], message = 'This change could not be sent in a form the central service accepts.'): void {
    const results = mutations.map((mutation) => ({ mutationId: mutation.mutationId, status: 'rejected' as const, reason: 'invalid' as const, field: null, message }));
    settleAnswers(this.sync, mutations, results, false);
  }

  private progress(progress: SyncProgress): void {
    this.options.onProgress?.(progress);
  }
}

/** A batch the hub answered (and so committed) whose answers are not stored on the device yet. */
interface AnsweredBatch {
  mutations: Mutation[];
  results: SyncPushResponse['results'];
  epochChanged: boolean;
}

function withoutLease(page: PullResponse & { lease?: unknown }): PullResponse {
  const { lease: _lease, ...rest } = page;
  void _lease;
  return rest;
}

/** Seconds left from the rate so far, when the total is known. */
function estimate(started: number, done: number, total: number | null): number | null {
  if (total === null || done === 0) return null;
  const elapsed = (Date.now() - started) / 1000;
  return Math.max(0, Math.round((elapsed / done) * (total - done)));
}
