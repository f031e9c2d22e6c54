// Puts the faster ChaCha20 and Poly1305 of native/sqlite3mc/ into the SQLite3 Multiple
// Ciphers source of better-sqlite3-multiple-ciphers and rebuilds that module from source. Runs as
// the project's postinstall; safe to run again (it does nothing when the build already matches).
//
// Why a patch: the store encrypts every page with ChaCha20-Poly1305 and the library's portable
// ChaCha20 and Poly1305 are most of the cost of a page read or write (native/sqlite3mc/README.md).
// Keystream and tags are byte for byte the same, so database files do not change format.
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
/**
 * What the patch inserts: each file goes in front of the library function it speeds up, which is
 * renamed to `<name>_scalar` and still serves what the new code leaves to it. BEGIN/END lines
 * around each insertion let a later run take it out and put the current version in.
 */
const insertions = [
  {
    file: 'chacha20-simd.c',
    definition: /SQLITE_PRIVATE\r?\nvoid chacha20_xor\(void\* buffer, size_t n, const uint8_t key\[32\],\r?\n[ \t]+const uint8_t nonce\[12\], uint32_t counter\)\r?\n/g,
    stock: 'SQLITE_PRIVATE\nvoid chacha20_xor(void* buffer, size_t n, const uint8_t key[32],\n                  const uint8_t nonce[12], uint32_t counter)\n',
    scalar: 'static void chacha20_xor_scalar(void* buffer, size_t n, const uint8_t key[32],\n                                const uint8_t nonce[12], uint32_t counter)',
  },
  {
    file: 'poly1305-64.c',
    definition: /SQLITE_PRIVATE\r?\nvoid poly1305\(const uint8_t\* msg, size_t n, const uint8_t key\[32\],\r?\n[ \t]+uint8_t tag\[16\]\)\r?\n/g,
    stock: 'SQLITE_PRIVATE\nvoid poly1305(const uint8_t* msg, size_t n, const uint8_t key[32],\n              uint8_t tag[16])\n',
    scalar: 'static void poly1305_scalar(const uint8_t* msg, size_t n, const uint8_t key[32],\n                            uint8_t tag[16])',
  },
];
const beginLine = (file) => `/* BEGIN Thuisdossier native/sqlite3mc/${file} (scripts/native/accelerate-sqlite3mc.mjs) */`;
const endLine = (file) => `/* END Thuisdossier native/sqlite3mc/${file} */`;
/** Present in a patched amalgamation only. */
export const marker = beginLine(insertions[0].file);

/** The module's folder, its amalgamation and the stamp that names the source its binary was built from. */
export function sqlite3mcPaths() {
  const moduleDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
  return {
    moduleDir,
    amalgamation: path.join(moduleDir, 'deps/sqlite3/sqlite3.c'),
    stamp: path.join(moduleDir, 'build/Release/thuisdossier-sqlite3-source.sha256'),
    binary: path.join(moduleDir, 'build/Release/better_sqlite3.node'),
  };
}

/**
 * Whether the module binary holds the inserted functions (their names stay in the symbol table of
 * a build from source; a downloaded prebuilt binary is the stock code, and stripped).
 */
export function binaryHasFasterCipher(binary) {
  const bytes = readFileSync(binary);
  return ['td_chacha20_blocks4', 'td_poly1305_64'].every((name) => bytes.includes(name));
}

/** True where the vector code compiles (x86-64 with gcc or clang); elsewhere the stock build stays. */
export function accelerationApplies(platform = process.platform, arch = process.arch) {
  return arch === 'x64' && platform !== 'win32';
}

/** The amalgamation as the library ships it (a patched one with the insertions taken out). */
export function stockAmalgamation(source) {
  let stock = source;
  for (const { file, stock: signature } of insertions) {
    const from = stock.indexOf(beginLine(file));
    if (from < 0) continue;
    const to = stock.indexOf(endLine(file), from);
    if (to < 0) throw new Error('accelerate-sqlite3mc: the SQLite source holds a damaged patch; reinstall better-sqlite3-multiple-ciphers.');
    stock = stock.slice(0, from) + signature + stock.slice(to + endLine(file).length + 1);
  }
  return stock;
}

/** The amalgamation with the current native/sqlite3mc files inserted; an older insertion is replaced. */
export function patchedAmalgamation(source) {
  let patched = stockAmalgamation(source);
  for (const { file, definition, scalar } of insertions) {
    const found = patched.match(definition)?.length ?? 0;
    if (found !== 1) {
      throw new Error(
        `accelerate-sqlite3mc: expected one definition of the function that native/sqlite3mc/${file} replaces, found ${found}. ` +
          'SQLite3 Multiple Ciphers changed: check that file against the new version before updating the pin.',
      );
    }
    const code = readFileSync(path.join(root, 'native/sqlite3mc', file), 'utf8');
    patched = patched.replace(definition, () => `${beginLine(file)}\n${scalar};\n\n${code}\n${scalar}\n${endLine(file)}\n`);
  }
  return patched;
}

export function sourceDigest(source) {
  return createHash('sha256').update(source).digest('hex');
}

function rebuild(moduleDir) {
  // npm rebuild runs the module's own install script with npm's settings (nodedir, proxies);
  // npm_config_build_from_source keeps prebuild-install from fetching the stock binary instead.
  const npm = process.env.npm_execpath;
  const args = ['rebuild', 'better-sqlite3-multiple-ciphers', '--foreground-scripts'];
  const env = { ...process.env, npm_config_build_from_source: 'true' };
  const result = npm
    ? spawnSync(process.execPath, [npm, ...args], { cwd: root, stdio: 'inherit', env })
    : spawnSync('npm', args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`accelerate-sqlite3mc: rebuilding ${moduleDir} failed (exit ${result.status}); see the compiler output above.`);
}

function main() {
  if (!accelerationApplies()) {
    console.log(`accelerate-sqlite3mc: ${process.platform}/${process.arch} keeps the stock SQLite3 Multiple Ciphers build.`);
    return;
  }
  const { moduleDir, amalgamation, stamp, binary } = sqlite3mcPaths();
  const patched = patchedAmalgamation(readFileSync(amalgamation, 'utf8'));
  const digest = sourceDigest(patched);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest) {
    console.log('accelerate-sqlite3mc: the SQLite module is already built with the faster ChaCha20 and Poly1305.');
    return;
  }
  writeFileSync(amalgamation, patched);
  console.log('accelerate-sqlite3mc: rebuilding the SQLite module with the faster ChaCha20 and Poly1305 (a few minutes) …');
  rebuild(moduleDir);
  if (!binaryHasFasterCipher(binary)) {
    const problem = `accelerate-sqlite3mc: ${binary} was not built from the patched source (a prebuilt binary?); run \`npm rebuild better-sqlite3-multiple-ciphers --build-from-source\`.`;
    // Verified on Linux only; elsewhere the linker may drop or rename local symbols, and a slower
    // cipher must not stop an install that otherwise works.
    if (process.platform === 'linux') throw new Error(problem);
    console.warn(`${problem} (Not verifiable on ${process.platform}: the install goes on.)`);
  }
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${digest}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
