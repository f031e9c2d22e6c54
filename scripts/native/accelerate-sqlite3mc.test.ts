import { execFileSync } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../electron/crypto/sodium.js';
import { accelerationApplies, binaryHasFasterCipher, marker, patchedAmalgamation, sourceDigest, sqlite3mcPaths } from './accelerate-sqlite3mc.mjs';

/**
 * The ChaCha20 and Poly1305 patched into SQLite3 Multiple Ciphers (native/sqlite3mc/) must give
 * exactly the library's own results: the C code is compiled here beside the library's own
 * functions, taken from the installed amalgamation, and both are compared; the results are also
 * compared with OpenSSL's ChaCha20 and libsodium's Poly1305. electron/store/page-cipher.test.ts checks whole
 * database pages.
 */
const paths = sqlite3mcPaths();
const work = mkdtempSync(path.join(tmpdir(), 'sqlite3mc-cipher-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sectionStart = '/*** Begin of #include "chacha20poly1305.c" ***/';
const sectionEnd = '/*** End of #include "chacha20poly1305.c" ***/';

/** The library's ChaCha20 and Poly1305 source with our code in front, as the postinstall builds it. */
function chachaSection(): string {
  const source = readFileSync(paths.amalgamation, 'utf8');
  const section = source.slice(source.indexOf(sectionStart), source.indexOf(sectionEnd) + sectionEnd.length);
  expect(section.length).toBeGreaterThan(1000);
  return patchedAmalgamation(section);
}

const harness = String.raw`
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define SQLITE_PRIVATE static
SECTION
static uint8_t bytes(const char* hex, uint8_t* out) { for (size_t i = 0; hex[2 * i]; i++) sscanf(hex + 2 * i, "%2hhx", &out[i]); return 0; }
int main(int argc, char** argv)
{
  if (argc == 1)
  {
    /* Random lengths, misaligned buffers and block counters near the 32-bit wrap: both must agree. */
    static uint8_t a[5000], b[5000];
    uint8_t key[32], nonce[12];
    int mismatches = 0, t;
    srand(7);
    for (t = 0; t < 20000; t++)
    {
      size_t n = (size_t) (rand() % 4300), i;
      uint32_t counter = (t % 5 == 0) ? 0xFFFFFFFFu - (uint32_t) (rand() % 40) : (uint32_t) rand();
      int offset = rand() % 16;
      for (i = 0; i < 32; i++) key[i] = (uint8_t) rand();
      for (i = 0; i < 12; i++) nonce[i] = (uint8_t) rand();
      for (i = 0; i < sizeof a; i++) a[i] = b[i] = (uint8_t) rand();
      chacha20_xor(a + offset, n, key, nonce, counter);
      chacha20_xor_scalar(b + offset, n, key, nonce, counter);
      if (memcmp(a, b, sizeof a) != 0) mismatches++;
    }
    printf("%d ", mismatches);
    /* Poly1305 on random messages and keys, some all 0xff (the largest limbs and carries). */
    mismatches = 0;
    for (t = 0; t < 50000; t++)
    {
      size_t n = (size_t) (rand() % 4300), i;
      uint8_t tag1[16], tag2[16];
      for (i = 0; i < 32; i++) key[i] = (t % 11 == 0) ? 0xff : (uint8_t) rand();
      for (i = 0; i < n; i++) a[i] = (t % 13 == 0) ? 0xff : (uint8_t) rand();
      poly1305(a, n, key, tag1);
      poly1305_scalar(a, n, key, tag2);
      if (memcmp(tag1, tag2, 16) != 0) mismatches++;
    }
    printf("%d\n", mismatches);
    return 0;
  }
  if (strcmp(argv[1], "width") == 0)
  {
    /* The blocks per step this build takes on this processor (1: no vector code compiled in). */
#ifdef TD_CHACHA20_SIMD
    printf("%d\n", td_chacha20_width());
#else
    printf("1\n");
#endif
    return 0;
  }
  if (strcmp(argv[1], "tag") == 0)
  {
    /* tag <key hex> <message hex>: the Poly1305 tag as hex. */
    uint8_t key[32], tag[16];
    size_t n = strlen(argv[3]) / 2, i;
    uint8_t* message = calloc(n + 1, 1);
    bytes(argv[2], key);
    bytes(argv[3], message);
    poly1305(message, n, key, tag);
    for (i = 0; i < 16; i++) printf("%02x", tag[i]);
    printf("\n");
    free(message);
    return 0;
  }
  {
    /* keystream <key hex> <nonce hex> <counter> <length>: the keystream as hex. */
    uint8_t key[32], nonce[12];
    size_t n = (size_t) strtoul(argv[4], 0, 10), i;
    uint8_t* out = calloc(n, 1);
    bytes(argv[1], key);
    bytes(argv[2], nonce);
    chacha20_xor(out, n, key, nonce, (uint32_t) strtoul(argv[3], 0, 10));
    for (i = 0; i < n; i++) printf("%02x", out[i]);
    printf("\n");
    free(out);
    return 0;
  }
}
`;

/**
 * Harness builds: the widest path this processor has, narrower ones forced by a define (so all are
 * tested here), the shift rotations older compilers get, and one under AddressSanitizer and
 * UndefinedBehaviorSanitizer.
 */
const variants = {
  widest: [],
  'AVX2 at most': ['-DTD_CHACHA20_TEST_WITHOUT_AVX512'],
  SSE2: ['-DTD_CHACHA20_TEST_WITHOUT_AVX2'],
  'shift rotations (compilers before GCC 12)': ['-DTD_CHACHA20_TEST_SHIFT_ROTATIONS'],
  'sanitizers': ['-fsanitize=address,undefined', '-fno-sanitize-recover=all', '-g'],
} as const;

function compileHarness(name: keyof typeof variants): string {
  const source = path.join(work, 'harness.c');
  const binary = path.join(work, `harness-${Object.keys(variants).indexOf(name)}`);
  writeFileSync(source, harness.replace('SECTION', () => chachaSection()));
  execFileSync('cc', ['-O2', '-std=c99', '-w', ...variants[name], source, '-o', binary]);
  return binary;
}

/** The widest step this processor allows, from the kernel's view of its flags (Linux). */
function expectedWidth(): number | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  const flags = new Set(/^flags\s*:(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim().split(/\s+/) ?? []);
  return flags.has('avx512f') ? 16 : flags.has('avx2') ? 8 : 4;
}

function openSslKeystream(key: Buffer, nonce: Buffer, counter: number, length: number): string {
  const iv = Buffer.alloc(16);
  iv.writeUInt32LE(counter, 0);
  nonce.copy(iv, 4);
  return createCipheriv('chacha20', key, iv).update(Buffer.alloc(length)).toString('hex');
}

describe('faster ChaCha20 and Poly1305 in SQLite3 Multiple Ciphers', () => {
  const binaries = Object.fromEntries(Object.keys(variants).map((name) => [name, compileHarness(name as keyof typeof variants)]));
  const binary = binaries.widest!;

  it('takes the widest step the processor has (checked against /proc/cpuinfo), and the forced narrower ones', () => {
    const width = (name: string) => Number(execFileSync(binaries[name]!, ['width'], { encoding: 'utf8' }).trim());
    const expected = expectedWidth();
    if (expected !== null) expect(width('widest')).toBe(expected);
    expect(width('AVX2 at most')).toBe(Math.min(width('widest'), 8));
    expect(width('SSE2')).toBe(4);
  });

  for (const [cipherPath, harnessBinary] of Object.entries(binaries)) {
    it(`gives the library scalar keystream and tags for every length, alignment and block counter, including the 32-bit wrap (${cipherPath})`, () => {
      const [chachaMismatches, polyMismatches] = execFileSync(harnessBinary, { encoding: 'utf8' }).trim().split(' ');
      expect(chachaMismatches, 'ChaCha20 results that differ from the library').toBe('0');
      expect(polyMismatches, 'Poly1305 tags that differ from the library').toBe('0');
    });

    it(`gives the standard ChaCha20 keystream (OpenSSL) for page-sized and odd lengths (${cipherPath})`, () => {
      for (const length of [0, 64, 255, 256, 300, 511, 512, 513, 1000, 4064, 16352]) {
        const key = randomBytes(32);
        const nonce = randomBytes(12);
        const counter = randomBytes(4).readUInt32LE(0) % 0xf0000000; // OpenSSL carries a wrapping counter into the nonce; SQLite3MC does not
        const ours = execFileSync(harnessBinary, [key.toString('hex'), nonce.toString('hex'), String(counter), String(length)], { encoding: 'utf8' }).trim();
        expect(ours, `length ${length}`).toBe(openSslKeystream(key, nonce, counter, length));
      }
    });
  }

  it('gives the standard Poly1305 tag (libsodium) for page-sized and odd lengths', async () => {
    const sodium = await loadSodium();
    for (const length of [0, 1, 15, 16, 17, 63, 64, 65, 1000, 4080, 16368]) {
      const key = randomBytes(32);
      const message = length === 1000 ? Buffer.alloc(length, 0xff) : randomBytes(length);
      const ours = execFileSync(binary, ['tag', key.toString('hex'), message.toString('hex')], { encoding: 'utf8' }).trim();
      expect(ours, `length ${length}`).toBe(Buffer.from(sodium.crypto_onetimeauth(message, key)).toString('hex'));
    }
  });

  it('gives the standard Poly1305 tag where the final reduction matters (h >= 2^130 - 5)', async () => {
    // With r = 1 the accumulator is just the sum of the blocks: all-0xff blocks put it at or past
    // p, which random inputs practically never do (a missing final subtraction passed them all).
    const sodium = await loadSodium();
    for (const s of [Buffer.alloc(16), Buffer.alloc(16, 0xff)]) {
      const key = Buffer.concat([Buffer.from([1]), Buffer.alloc(15), s]);
      for (const length of [16, 32, 48, 64, 80, 96, 128]) {
        for (const lowered of [-1, 0, 1, 2, 5, 6]) {
          const message = Buffer.alloc(length, 0xff);
          if (lowered >= 0) message[length - 16] = 0xff - lowered;
          const ours = execFileSync(binary, ['tag', key.toString('hex'), message.toString('hex')], { encoding: 'utf8' }).trim();
          expect(ours, `length ${length}, lowered ${lowered}`).toBe(Buffer.from(sodium.crypto_onetimeauth(message, key)).toString('hex'));
        }
      }
    }
  });

  it('refuses to patch a library whose chacha20_xor it does not recognise', () => {
    expect(() => patchedAmalgamation('void chacha20_xor(void) {}')).toThrow(/expected one definition of the function that native\/sqlite3mc\/chacha20-simd.c replaces/);
  });

  it('is what the installed SQLite module was built from, where it applies (npm install runs the postinstall)', () => {
    const source = readFileSync(paths.amalgamation, 'utf8');
    if (!accelerationApplies()) {
      expect(source.includes(marker), 'this platform keeps the stock build').toBe(false);
      expect(binaryHasFasterCipher(paths.binary)).toBe(false);
      return;
    }
    expect(source.includes(marker), 'node_modules has the stock SQLite3 Multiple Ciphers source: run `npm install` (postinstall)').toBe(true);
    expect(patchedAmalgamation(source) === source, 'native/sqlite3mc/chacha20-simd.c changed since the last build: run `node scripts/native/accelerate-sqlite3mc.mjs`').toBe(true);
    expect(readFileSync(paths.stamp, 'utf8').trim(), 'the SQLite module was not rebuilt after patching: run `node scripts/native/accelerate-sqlite3mc.mjs`').toBe(sourceDigest(source));
    expect(binaryHasFasterCipher(paths.binary), 'the SQLite module binary lacks the faster cipher code (a prebuilt binary?)').toBe(true);
  });
});
