import type sodium from 'libsodium-wrappers-sumo';
import { decideUpdateCheck, type UpdateCheckDecision } from './check-schedule.js';
import { checkDownloadedFile, checkOffer, fetchSignedManifest, UpdateVerificationError } from './verify-update.js';

/**
 * One update round, in the order that keeps an unverified installer from ever being installed:
 * electron-updater looks (autoDownload off) → the signed manifest is fetched and verified → the
 * offer must equal it → only then electron-updater downloads → the downloaded file must be one the
 * signed manifest names → only then is it "waiting", to be installed when the user next quits.
 * Never an install while the app is in use: a nurse may be in the middle of a report.
 *
 * The electron-updater side is the `UpdaterPort` (electron/shell/updater.ts); everything here runs
 * in plain Node and is tested there.
 */
export interface UpdaterPort {
  /** electron-updater's checkForUpdates: the offered version and file hashes, or null if none is newer. */
  check(): Promise<{ version: string; sha512s: string[] } | null>;
  /** electron-updater's downloadUpdate: the downloaded installer's path. */
  download(): Promise<string>;
}

export type UpdateRoundResult =
  | { outcome: Exclude<UpdateCheckDecision, 'check'> }
  | { outcome: 'up-to-date' }
  | { outcome: 'waiting-for-quit'; version: string }
  | { outcome: 'refused'; reason: UpdateVerificationError['reason']; message: string }
  | { outcome: 'failed'; message: string };

export interface UpdateFlowOptions {
  lib: typeof sodium;
  feedUrl: string;
  manifestFile: string;
  publicKeys: ReadonlyMap<string, Uint8Array>;
  currentVersion: string;
  updater: UpdaterPort;
  isOnline: () => boolean;
  now?: () => number;
}

export class UpdateFlow {
  private lastCheckAt: number | null = null;
  private checking = false;
  private waiting: { version: string; file: string } | null = null;

  constructor(private readonly options: UpdateFlowOptions) {}

  /** The verified update to install at the next quit, if any. */
  pendingInstall(): { version: string; file: string } | null {
    return this.waiting;
  }

  async runRound(): Promise<UpdateRoundResult> {
    const now = (this.options.now ?? Date.now)();
    const decision = decideUpdateCheck({
      online: this.options.isOnline(),
      now,
      lastCheckAt: this.lastCheckAt,
      checking: this.checking,
      updateWaiting: this.waiting !== null,
    });
    if (decision !== 'check') return { outcome: decision };
    this.checking = true;
    this.lastCheckAt = now;
    try {
      return await this.round();
    } catch (error) {
      if (error instanceof UpdateVerificationError) return { outcome: 'refused', reason: error.reason, message: error.message };
      return { outcome: 'failed', message: (error as Error).message };
    } finally {
      this.checking = false;
    }
  }

  private async round(): Promise<UpdateRoundResult> {
    const { lib, feedUrl, manifestFile, publicKeys, currentVersion, updater } = this.options;
    const offer = await updater.check();
    if (!offer) return { outcome: 'up-to-date' };
    const signed = await fetchSignedManifest({ lib, feedUrl, file: manifestFile, publicKeys });
    checkOffer(signed, offer, currentVersion);
    const file = await updater.download();
    await checkDownloadedFile(signed, file);
    this.waiting = { version: signed.version, file };
    return { outcome: 'waiting-for-quit', version: signed.version };
  }
}
