// Puts the multi-block ChaCha20 of native/sqlite3mc/chacha20-simd.c into the SQLite3 Multiple
// Ciphers source of better-sqlite3-multiple-ciphers and rebuilds that module from source. Runs as
// the project's postinstall; safe to run again (it does nothing when the build already matches).
//
// Why a patch: the store encrypts every page with ChaCha20-Poly1305 and the library's portable
// ChaCha20 is most of the cost of a page read or write (see native/sqlite3mc/README.md). The
// keystream is byte for byte the same, so database files do not change format.
//
// Only on x86-64 Linux and macOS (gcc/clang vector extensions); elsewhere the stock build stays.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Lines around what the patch inserts, so a later run can take it out and put the current version in. */
export const marker = '/* BEGIN Thuisdossier multi-block ChaCha20 (scripts/native/accelerate-sqlite3mc.mjs) */';
const endMarker = '/* END Thuisdossier multi-block ChaCha20 */';
const stockSignature = 'SQLITE_PRIVATE\nvoid chacha20_xor(void* buffer, size_t n, const uint8_t key[32],\n                  const uint8_t nonce[12], uint32_t counter)\n';
const scalarSignature = 'static void chacha20_xor_scalar(void* buffer, size_t n, const uint8_t key[32],\n                                const uint8_t nonce[12], uint32_t counter)';

/** The module's folder, its amalgamation and the stamp that names the source its binary was built from. */
export function sqlite3mcPaths() {
  const moduleDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
  return {
    moduleDir,
    amalgamation: path.join(moduleDir, 'deps/sqlite3/sqlite3.c'),
    stamp: path.join(moduleDir, 'build/Release/thuisdossier-sqlite3-source.sha256'),
  };
}

/** True where the vector code compiles (x86-64 with gcc or clang); elsewhere the stock build stays. */
export function accelerationApplies(platform = process.platform, arch = process.arch) {
  return arch === 'x64' && platform !== 'win32';
}

/** The amalgamation as the library ships it (a patched one with the insertion taken out). */
export function stockAmalgamation(source) {
  const from = source.indexOf(marker);
  if (from < 0) return source;
  const to = source.indexOf(endMarker, from);
  if (to < 0) throw new Error('accelerate-sqlite3mc: the SQLite source holds a damaged patch; reinstall better-sqlite3-multiple-ciphers.');
  return source.slice(0, from) + stockSignature + source.slice(to + endMarker.length + 1);
}

/**
 * The amalgamation with the current native/sqlite3mc/chacha20-simd.c in front of the library's
 * chacha20_xor, which is renamed chacha20_xor_scalar. An older insertion is replaced.
 */
export function patchedAmalgamation(source) {
  const stock = stockAmalgamation(source);
  const definition = /SQLITE_PRIVATE\r?\nvoid chacha20_xor\(void\* buffer, size_t n, const uint8_t key\[32\],\r?\n[ \t]+const uint8_t nonce\[12\], uint32_t counter\)\r?\n/g;
  const found = stock.match(definition)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `accelerate-sqlite3mc: expected one definition of chacha20_xor in SQLite3 Multiple Ciphers, found ${found}. ` +
        'The library changed: check native/sqlite3mc/chacha20-simd.c against its new chacha20_xor before updating the pin.',
    );
  }
  const simd = readFileSync(path.join(root, 'native/sqlite3mc/chacha20-simd.c'), 'utf8');
  return stock.replace(definition, () => `${marker}\n${scalarSignature};\n\n${simd}\n${scalarSignature}\n${endMarker}\n`);
}

export function sourceDigest(source) {
  return createHash('sha256').update(source).digest('hex');
}

function rebuild(moduleDir) {
  // npm rebuild runs the module's own install script with npm's settings (nodedir, proxies);
  // --build-from-source keeps prebuild-install from fetching the stock binary instead.
  const npm = process.env.npm_execpath;
  const args = ['rebuild', 'better-sqlite3-multiple-ciphers', '--build-from-source', '--foreground-scripts'];
  const result = npm
    ? spawnSync(process.execPath, [npm, ...args], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`accelerate-sqlite3mc: rebuilding ${moduleDir} failed (exit ${result.status}); see the compiler output above.`);
}

function main() {
  if (!accelerationApplies()) {
    console.log(`accelerate-sqlite3mc: ${process.platform}/${process.arch} keeps the stock SQLite3 Multiple Ciphers build.`);
    return;
  }
  const { moduleDir, amalgamation, stamp } = sqlite3mcPaths();
  const patched = patchedAmalgamation(readFileSync(amalgamation, 'utf8'));
  const digest = sourceDigest(patched);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest) {
    console.log('accelerate-sqlite3mc: the SQLite module is already built with the multi-block ChaCha20.');
    return;
  }
  writeFileSync(amalgamation, patched);
  console.log('accelerate-sqlite3mc: rebuilding the SQLite module with the multi-block ChaCha20 (a few minutes) …');
  rebuild(moduleDir);
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${digest}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
