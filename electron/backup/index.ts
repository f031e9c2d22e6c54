/**
 * Device backups (SPEC §6): encrypted, daily while the app runs, the last seven kept; restore
 * verifies everything before it replaces anything. See README.md.
 *
 *   finishInterruptedRestore(dataDir);                 // at core start, before the store opens
 *   const scheduler = new BackupScheduler({ store, dir: backupDir }); scheduler.start();  // after unlock
 *   await describeBackups(store, backupDir);           // the restore screen
 *   await restoreBackup(store, file);                  // StoreError 'tampered' | 'forbidden' | 'conflict'
 *   await restoreBackupWithPassword(store, file, pw);  // when the store no longer opens (locked)
 */
export { createBackup, defaultBackupsKept, type BackupInfo, type CreateBackupOptions } from './create-backup.js';
export { restoreBackup, restoreBackupWithPassword } from './restore-backup.js';
export { finishInterruptedRestore } from './restore-swap.js';
export { BackupScheduler, isBackupDue, type BackupSchedulerOptions } from './backup-scheduler.js';
export { describeBackups, type BackupSummary } from './list-backups.js';
export { listBackups } from './backup-files.js';
export type { BackupHeader, BackupCounts } from './backup-format.js';
