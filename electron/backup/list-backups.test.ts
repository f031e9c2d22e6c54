import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../store/test-support.js';
import { createBackup } from './create-backup.js';
import { describeBackups } from './list-backups.js';
import { createBackupFixture } from './test-support.js';

describe('the restore screen lists backups with what their authenticated headers say', () => {
  let f: Awaited<ReturnType<typeof createBackupFixture>>;
  let other: Fixture | undefined;
  afterEach(() => {
    f?.cleanup();
    other?.cleanup();
  });

  it('ok with counts, tampered when the header was changed, foreign for another store', async () => {
    f = await createBackupFixture();
    other = await createFixture();
    const day = (n: number) => () => new Date(Date.UTC(2026, 10, n, 7));
    const good = await createBackup(f.store, { dir: f.backupDir, now: day(1) });
    const changed = await createBackup(f.store, { dir: f.backupDir, now: day(2) });
    const foreign = await createBackup(other.store, { dir: f.backupDir, now: day(3) });
    const bytes = readFileSync(changed.file);
    const at = bytes.indexOf(Buffer.from('"reports":4'));
    bytes[at + 10] = '5'.charCodeAt(0);
    writeFileSync(changed.file, bytes);

    const list = await describeBackups(f.store, f.backupDir);
    expect(list.map((b) => [b.file, b.state])).toEqual([
      [foreign.file, 'foreign'],
      [changed.file, 'tampered'],
      [good.file, 'ok'],
    ]);
    expect(list[2]!.counts).toMatchObject({ clients: 2, reports: 4, documents: 2 });
    expect(list[1]!.counts).toBeNull();
    expect(list[2]!.bytes).toBe(readFileSync(good.file).length);
  });
});
