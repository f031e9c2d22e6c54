import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomically } from './atomic-output.js';
import { fromFileSystemError } from './export-error.js';
import { testServices } from './test-fixtures.js';
import { exportAllDossiersToExcel } from './excel/excel-export.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'thuisdossier-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeAtomically', () => {
  it('writes beside the target and renames only when complete', async () => {
    const target = path.join(dir, 'export.xlsx');
    let seenTemp = '';
    await writeAtomically(target, undefined, async (temp) => {
      seenTemp = temp;
      expect(path.dirname(temp)).toBe(dir);
      await writeFile(temp, 'klaar');
      expect(await readdir(dir)).toEqual([path.basename(temp)]);
    });
    expect(seenTemp).not.toBe(target);
    expect(await readFile(target, 'utf8')).toBe('klaar');
    expect(await readdir(dir)).toEqual(['export.xlsx']);
  });

  it('removes the temporary file when writing fails, and keeps an older file at the target', async () => {
    const target = path.join(dir, 'export.xlsx');
    await writeFile(target, 'vorige export');
    await expect(
      writeAtomically(target, undefined, async (temp) => {
        await writeFile(temp, 'half');
        throw new Error('disk gone');
      }),
    ).rejects.toThrow('disk gone');
    expect(await readdir(dir)).toEqual(['export.xlsx']);
    expect(await readFile(target, 'utf8')).toBe('vorige export');
  });

  it('refuses a relative target before anything else', async () => {
    const { services, audit } = testServices();
    await expect(exportAllDossiersToExcel(services, { target: 'dossiers.xlsx' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(audit).toEqual([]);
  });

  it('names a full disk as storage_full', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    expect(fromFileSystemError(full)).toMatchObject({ code: 'storage_full' });
  });
});

describe('an export whose access log entry cannot be written', () => {
  it('leaves no file: an export that is not logged does not happen', async () => {
    const { services } = testServices({
      audit: () => {
        throw new Error('access log unavailable');
      },
    });
    const target = path.join(dir, 'dossiers.xlsx');
    await expect(exportAllDossiersToExcel(services, { target })).rejects.toThrow('access log unavailable');
    expect(await readdir(dir)).toEqual([]);
  });
});
