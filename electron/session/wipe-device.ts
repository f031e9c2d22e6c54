import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../crypto/atomic-file.js';
import { FileWiper } from '../licence/file-wiper.js';
import { databaseFileName, keyFileName, type LocalStore } from '../store/index.js';
import { deviceAccountFileName } from './device-account.js';

/** Left behind by a wipe so the sign-in screen can say why the dossiers are gone. No client data. */
export const wipeNoticeSchema = z.object({ reason: z.enum(['device_revoked', 'account_ended']), wipedAt: z.string() }).strict();
export type WipeNotice = z.infer<typeof wipeNoticeSchema>;
const noticeFileName = 'wiped.json';

/**
 * Deletes everything of the organisation from this device on the central service's verified word:
 * the store is closed, then the database (with WAL and SHM), the key file, the documents and the
 * device backups are overwritten and removed (the licence module's FileWiper, as for an ended
 * agreement), then the account file. Without the key file even a recovered copy is unreadable.
 * Interrupted half-way, it runs again at the next order (missing files are fine).
 */
export async function wipeDeviceData(store: LocalStore, dataDir: string, reason: WipeNotice['reason'], now = new Date()): Promise<void> {
  const dir = store.dir;
  store.lock();
  const database = path.join(dir, databaseFileName);
  await new FileWiper([path.join(dir, keyFileName), database, `${database}-wal`, `${database}-shm`, path.join(dir, 'documents'), path.join(dataDir, 'backups')]).wipe();
  writeFileAtomic(path.join(dataDir, noticeFileName), JSON.stringify({ reason, wipedAt: now.toISOString() }));
  rmSync(path.join(dataDir, deviceAccountFileName), { force: true });
}

export function readWipeNotice(dataDir: string): WipeNotice | null {
  const file = path.join(dataDir, noticeFileName);
  if (!existsSync(file)) return null;
  try {
    const parsed = wipeNoticeSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A new sign-in on this device: the old notice has been seen and no longer applies. */
export function clearWipeNotice(dataDir: string): void {
  rmSync(path.join(dataDir, noticeFileName), { force: true });
}
