import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from './create-backup.js';
import { createBackupFixture } from './test-support.js';

describe('making a backup reports its progress', () => {
  let f: Awaited<ReturnType<typeof createBackupFixture>>;
  afterEach(() => f?.cleanup());

  it('after the database and after each document, rising to 1, with the counts in the header', async () => {
    f = await createBackupFixture();
    const seen: number[] = [];
    const made = await createBackup(f.store, { dir: f.backupDir, onProgress: (fraction) => void seen.push(fraction) });
    expect(seen).toHaveLength(1 + made.header.counts.documents);
    expect(made.header.counts.documents).toBe(2);
    expect(seen.every((fraction, i) => fraction > 0 && fraction <= 1 && (i === 0 || fraction >= seen[i - 1]!))).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });
});
