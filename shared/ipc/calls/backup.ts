import { z } from 'zod';
import { call } from '../define.js';

/**
 * Device backups from the app (SPEC §6, electron/backup). A backup is named by its file name in
 * the app's own backup folder, never by a path: the window cannot point the core at other files.
 */
export const backupNameSchema = z.string().regex(/^thuisdossier-\d{8}T\d{6}Z-[0-9a-f]{8}\.tdbackup$/, 'Kies een back-up uit de lijst');

export const backupSummarySchema = z.object({
  name: backupNameSchema,
  createdAt: z.string().datetime(),
  /** Size of the backup file in bytes. */
  bytes: z.number().int().nonnegative(),
  clients: z.number().int().nonnegative().nullable(),
  reports: z.number().int().nonnegative().nullable(),
  documents: z.number().int().nonnegative().nullable(),
  /** From the authenticated header only: 'tampered' or 'foreign' backups cannot be restored. */
  state: z.enum(['ok', 'tampered', 'foreign']),
});
export type BackupSummaryItem = z.infer<typeof backupSummarySchema>;

/** Pushed while "back-up maken" runs, so the screen can show how far it is. */
export const backupProgressSchema = z.object({ fraction: z.number().min(0).max(1) });

export const backupCalls = {
  /** The backups on this device, newest first (the last seven are kept). */
  'backup.list': call(z.object({}).strict(), z.object({ items: z.array(backupSummarySchema), kept: z.number().int().positive() })),
  /** Makes a backup now; answers when it is written (progress arrives as `backup.progress`). */
  'backup.create': call(z.object({}).strict(), backupSummarySchema),
  /**
   * Puts a backup back. The password is asked again (a restore replaces everything); the backup is
   * verified completely before anything is replaced, and the current data stays until it succeeded.
   */
  'backup.restore': call(
    z.object({ name: backupNameSchema, password: z.string().min(1).max(1024) }).strict(),
    z.object({ restoredFrom: z.string().datetime(), clients: z.number().int().nonnegative(), reports: z.number().int().nonnegative() }),
  ),
};

export const backupEvents = {
  'backup.progress': backupProgressSchema,
};
