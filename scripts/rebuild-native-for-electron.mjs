// Rebuilds better-sqlite3-multiple-ciphers against Electron's headers into dist/native, leaving
// node_modules (built for Node, used by tests and the preview host) untouched.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { rebuild } from '@electron/rebuild';
import { accelerationApplies, binaryHasFasterCipher } from './native/accelerate-sqlite3mc.mjs';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const work = path.resolve('.cache/electron-native');
rmSync(work, { recursive: true, force: true });
mkdirSync(path.join(work, 'node_modules'), { recursive: true });
const moduleDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
cpSync(moduleDir, path.join(work, 'node_modules/better-sqlite3-multiple-ciphers'), {
  recursive: true,
  filter: (source) => !source.includes(`${path.sep}build${path.sep}`),
});
cpSync('package.json', path.join(work, 'package.json'));
// From source, never a downloaded prebuilt binary: the copied source carries the multi-block ChaCha20
// (scripts/native/accelerate-sqlite3mc.mjs).
await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3-multiple-ciphers'], force: true, buildFromSource: true });
mkdirSync('dist/native', { recursive: true });
cpSync(path.join(work, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'), 'dist/native/better_sqlite3.node');
if (accelerationApplies() && !binaryHasFasterCipher('dist/native/better_sqlite3.node')) {
  throw new Error('The Electron SQLite module lacks the faster page cipher: run `npm install` (its postinstall patches the source) and start again.');
}
console.log(`Rebuilt the SQLite module for Electron ${electronVersion} into dist/native.`);
