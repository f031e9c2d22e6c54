import path from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { BackupSummaryItem } from '../../../shared/ipc/calls/backup.js';
import { createBackup, defaultBackupsKept, describeBackups, listBackups, restoreBackup, type BackupSummary } from '../../backup/index.js';
import { CoreError } from '../core-error.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

/** The backup folder: beside the store, never moved by a restore (electron/backup/README.md). */
export function backupDirectory(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/**
 * Backups from the app (SPEC §6): list, make one now, restore one. One of them at a time: a
 * backup being written while a restore swaps the files would copy half of each. A restore needs
 * the password again and runs with sync paused; electron/backup checks the whole backup before
 * it replaces anything and keeps the current files until the restored ones opened.
 */
export function backupHandlers(services: CoreServices): HandlersFor<'backup'> {
  const dir = backupDirectory(services.config.dataDir);
  let busy: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = busy.then(work, work);
    busy = next.catch(() => undefined);
    return next;
  };

  return {
    'backup.list': async () => {
      services.session.dossiers(); // refuses when signed out or locked
      return { items: (await describeBackups(services.store, dir)).map(toItem), kept: defaultBackupsKept };
    },
    'backup.create': async () =>
      oneAtATime(async () => {
        services.session.dossiers();
        const made = await createBackup(services.store, {
          dir,
          onProgress: async (fraction) => {
            services.events.emit('backup.progress', { fraction });
            await yieldToEvents(); // let the event reach the window before the next part
          },
        });
        const summary = (await describeBackups(services.store, dir)).find((backup) => backup.file === made.file);
        if (!summary) throw new CoreError('internal', 'The backup was written but is not in the backup folder.');
        return toItem(summary);
      }),
    'backup.restore': async ({ name, password }) =>
      oneAtATime(async () => {
        services.session.dossiers();
        const file = listBackups(dir).find((backup) => path.basename(backup.file) === name)?.file;
        if (!file) throw new CoreError('not_found', 'This backup is not in the backup folder (any more).');
        // The password again: a restore replaces everything on this device. A wrong one counts like a wrong unlock.
        services.store.unlock(password);
        const header = await services.sync.pausedWhile(() => restoreBackup(services.store, file));
        services.log.info({ backupId: header.backupId }, 'backup restored');
        return { restoredFrom: header.createdAt, clients: header.counts.clients, reports: header.counts.reports };
      }),
  };
}

function toItem(backup: BackupSummary): BackupSummaryItem {
  return {
    name: path.basename(backup.file),
    createdAt: backup.createdAt,
    bytes: backup.bytes,
    clients: backup.counts?.clients ?? null,
    reports: backup.counts?.reports ?? null,
    documents: backup.counts?.documents ?? null,
    state: backup.state,
  };
}
