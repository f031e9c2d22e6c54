import type { LocalStore } from '../store/index.js';
import { listBackups } from './backup-files.js';
import { createBackup, defaultBackupsKept, type BackupInfo } from './create-backup.js';

export const backupIntervalMs = 24 * 60 * 60 * 1000;
/** How often the scheduler looks; a laptop that slept past the day catches up within this. */
export const defaultCheckEveryMs = 15 * 60 * 1000;

/** Due when there is no backup yet or the newest is 24 hours old or older (a clock set back counts as due too). */
export function isBackupDue(lastCreatedAt: Date | null, now: Date): boolean {
  if (!lastCreatedAt) return true;
  const age = now.getTime() - lastCreatedAt.getTime();
  return age >= backupIntervalMs || age < 0;
}

export interface BackupSchedulerOptions {
  store: LocalStore;
  dir: string;
  now?: () => Date;
  keep?: number;
  checkEveryMs?: number;
  /** Told about every backup made or failed (the core logs it; the UI may show the last one). */
  onResult?: (result: { ok: true; backup: BackupInfo } | { ok: false; error: unknown }) => void;
}

/**
 * Daily backups while the app runs: every `checkEveryMs` it looks at the newest backup's time and
 * makes a new one when it is 24 hours old. Only while the store is unlocked (locked, there is no
 * key). One at a time. The core starts it after unlock and stops it at shutdown.
 */
export class BackupScheduler {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running = false;

  constructor(private readonly options: BackupSchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    void this.runIfDue();
    this.timer = setInterval(() => void this.runIfDue(), this.options.checkEveryMs ?? defaultCheckEveryMs);
    // A pending check must not keep the process alive at shutdown.
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Makes a backup if one is due; null when none was due or possible. */
  async runIfDue(): Promise<BackupInfo | null> {
    const { store, dir } = this.options;
    if (this.running || !store.isUnlocked()) return null;
    const now = (this.options.now ?? (() => new Date()))();
    if (!isBackupDue(listBackups(dir)[0]?.createdAt ?? null, now)) return null;
    this.running = true;
    try {
      const backup = await createBackup(store, { dir, now: () => now, keep: this.options.keep ?? defaultBackupsKept });
      this.options.onResult?.({ ok: true, backup });
      return backup;
    } catch (error) {
      this.options.onResult?.({ ok: false, error });
      return null;
    } finally {
      this.running = false;
    }
  }
}
