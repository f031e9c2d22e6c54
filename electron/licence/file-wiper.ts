import { randomFillSync } from 'node:crypto';
import { lstat, open, readdir, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { LocalDataWiper } from './local-data-wiper.js';

const CHUNK = 1024 * 1024;

/**
 * Overwrites a file with random bytes, flushes it to disk, then unlinks it. Our files are already
 * encrypted at rest, so this is defence in depth: on SSDs and copy-on-write file systems an
 * overwrite does not reach every old block, but the plaintext never was there, and the key dies
 * with the database.
 */
export async function overwriteAndUnlink(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    const { size } = await handle.stat();
    const noise = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
    for (let offset = 0; offset < size; offset += noise.length) {
      randomFillSync(noise);
      await handle.write(noise, 0, Math.min(noise.length, size - offset), offset);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await unlink(file);
}

/** Overwrites and removes every file under `dir`, then the directories themselves. */
export async function wipeDirectory(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await wipeDirectory(full);
    else if (entry.isFile()) await overwriteAndUnlink(full);
    else await unlink(full); // symlinks and the like: remove the link, never follow it
  }
  await rm(dir, { recursive: true, force: true });
}

/**
 * A wiper for plain paths: files (the database, its WAL and SHM) and directories (documents).
 * Missing paths are fine: a wipe interrupted half-way is simply run again.
 */
export class FileWiper implements LocalDataWiper {
  constructor(private readonly paths: readonly string[]) {}

  async wipe(): Promise<void> {
    for (const target of this.paths) {
      // lstat: a path that is a link is removed as a link; what it points to is not ours.
      const info = await lstat(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!info) continue;
      if (info.isDirectory()) await wipeDirectory(target);
      else if (info.isFile()) await overwriteAndUnlink(target);
      else await unlink(target);
    }
  }
}
