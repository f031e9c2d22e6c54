import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fromFileSystemError, throwIfCancelled } from './export-error.js';

/**
 * Writes an export so that the target only ever appears complete: `write` fills a temporary file
 * beside the target (same folder, so the rename is atomic and never crosses disks), `beforeRename`
 * runs when it is complete (the access log entry), and only then is it renamed. Cancelled or failed,
 * the temporary file is removed and the error goes on.
 */
export async function writeAtomically<T>(
  target: string,
  signal: AbortSignal | undefined,
  write: (tempPath: string) => Promise<T>,
  beforeRename: (result: T) => Promise<void> = async () => {},
): Promise<T> {
  const dir = path.dirname(target);
  // A dot name hides it in most file browsers; the random part lets two exports run side by side.
  const tempPath = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  try {
    throwIfCancelled(signal);
    const result = await write(tempPath);
    throwIfCancelled(signal);
    await flushToDisk(tempPath);
    await beforeRename(result);
    await rename(tempPath, target);
    return result;
  } catch (error) {
    await rm(tempPath, { force: true });
    throw fromFileSystemError(error);
  }
}

async function flushToDisk(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
