// Finds the Electron executable without triggering the electron package's own download, which
// cannot work on a machine without internet and would fail with a stack trace.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** @returns {{ found: true, path: string } | { found: false, reason: string }} */
export function findElectronBinary(env = process.env) {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : defaultExecutable();
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const executable = path.join(distDir, relative);
  return existsSync(executable)
    ? { found: true, path: executable }
    : { found: false, reason: `the Electron program is not on this machine (looked for ${executable})` };
}

function defaultExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return process.platform === 'win32' ? 'electron.exe' : 'electron';
}
