import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listServerBackups, pruneServerBackups, serverBackupFileName } from './backup-folder.js';

describe('the service backup folder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the newest N, removes stale partial files but not one being written now', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'thuisdossier-server-backups-'));
    const now = new Date('2026-11-24T02:30:00.000Z');
    const names = [1, 2, 3, 4].map((d) => serverBackupFileName(new Date(Date.UTC(2026, 10, 20 + d, 2, 30)), d % 2 ? 'postgres' : 'pglite'));
    for (const name of names) writeFileSync(path.join(dir, name), 'x');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    const stale = path.join(dir, 'old.tdsbackup.partial');
    writeFileSync(stale, 'half');
    const twoDaysAgo = new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);
    writeFileSync(path.join(dir, 'running.tdsbackup.partial'), 'being written');
    utimesSync(path.join(dir, 'running.tdsbackup.partial'), now, now);

    expect(listServerBackups(dir).map((file) => path.basename(file))).toEqual([...names].reverse());
    expect(pruneServerBackups(dir, 2, now).map((file) => path.basename(file))).toEqual([names[1], names[0]]);
    expect(readdirSync(dir).sort()).toEqual([names[2], names[3], 'notes.txt', 'running.tdsbackup.partial'].sort());
    expect(names[0]).toBe('thuisdossier-server-20261121T023000Z-postgres.tdsbackup');
  });
});
