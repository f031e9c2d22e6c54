import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start without an Electron program', () => {
  it('stops at once with a message that names npm run preview', () => {
    const emptyDist = mkdtempSync(path.join(tmpdir(), 'no-electron-'));
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.error).toBeUndefined(); // it did not hang until the timeout
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm run preview');
    expect(result.stderr).toContain('cannot open the desktop app here');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/); // a message, not a stack trace
  });
});
