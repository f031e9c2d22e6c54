import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileWiper, overwriteAndUnlink } from './file-wiper.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'thuisdossier-wiper-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FileWiper', () => {
  it('overwrites a file before unlinking it', async () => {
    const file = path.join(dir, 'document.bin');
    await writeFile(file, 'geheime inhoud van de cliënt');
    // Keep a second name for the same inode, to see what the first name's removal left behind.
    const witness = path.join(dir, 'witness.bin');
    await link(file, witness);
    await overwriteAndUnlink(file);
    expect(existsSync(file)).toBe(false);
    const left = await readFile(witness);
    expect(left.length).toBe(Buffer.byteLength('geheime inhoud van de cliënt'));
    expect(left.toString('utf8')).not.toContain('geheime');
  });

  it('removes a link inside the documents folder without touching what it points to', async () => {
    const outside = path.join(dir, 'outside.txt');
    await writeFile(outside, 'niet van ons');
    const documents = path.join(dir, 'documents');
    await mkdir(documents);
    await symlink(outside, path.join(documents, 'link.txt'));
    const databaseLink = path.join(dir, 'dossiers.db');
    await symlink(outside, databaseLink);
    await new FileWiper([documents, databaseLink]).wipe();
    expect(existsSync(documents)).toBe(false);
    expect(existsSync(databaseLink)).toBe(false);
    expect(await readFile(outside, 'utf8')).toBe('niet van ons');
  });

  it('is fine with paths that are already gone, so an interrupted wipe can run again', async () => {
    await expect(new FileWiper([path.join(dir, 'missing.db'), path.join(dir, 'missing-dir')]).wipe()).resolves.toBeUndefined();
  });
});
