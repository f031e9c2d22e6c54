/*
 * Thuisdossier: ChaCha20 keystream for 4 blocks (SSE2, every x86-64 processor), 8 (AVX2) or 16
 * (AVX-512; both chosen at run time) at once. scripts/native/accelerate-sqlite3mc.mjs puts this in
 * front of SQLite3 Multiple Ciphers' own chacha20_xor, renamed chacha20_xor_scalar, which still
 * does short inputs (under 256 bytes: the one-time keys) and everything on other processors and
 * compilers.
 *
 * Why: the store encrypts every database page with ChaCha20-Poly1305, and the library's portable
 * ChaCha20 does one 64-byte block at a time (~7 µs per 4 KiB page here, ~70% of a page's cipher
 * work). Several blocks side by side in vector registers do the same page in ~1.8 µs (AVX2) or
 * ~0.95 µs (AVX-512). The output is byte for byte the same keystream (RFC 8439 block function,
 * 32-bit block counter that wraps as the scalar one does), so files stay readable by the stock
 * library and vice versa; see native/sqlite3mc/README.md for how that is tested.
 */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define TD_CHACHA20_SIMD 1
#include <cpuid.h>

/* Clears key or keystream bytes; the empty asm that reads the memory keeps the compiler from
   dropping the memset as a dead store (it did at -O2). */
#define TD_WIPE(p, n)                                                                          \
  do                                                                                           \
  {                                                                                            \
    memset((p), 0, (n));                                                                       \
    __asm__ __volatile__("" : : "r"(p) : "memory");                                            \
  } while (0)
typedef uint32_t td_chacha_u32x4 __attribute__((vector_size(16)));
typedef uint32_t td_chacha_u32x8 __attribute__((vector_size(32)));
typedef uint32_t td_chacha_u32x16 __attribute__((vector_size(64)));

#define TD_CHACHA_ROT(v, c) (((v) << (c)) | ((v) >> (32 - (c))))
#define TD_CHACHA_ROT16_SHIFT(v) TD_CHACHA_ROT(v, 16)
#define TD_CHACHA_ROT8_SHIFT(v) TD_CHACHA_ROT(v, 8)
#if (defined(__clang__) || __GNUC__ >= 12) && !defined(TD_CHACHA20_TEST_SHIFT_ROTATIONS)
/* Rotating each 32-bit lane by 16 or 8 bits moves whole bytes: one byte shuffle (vpshufb) instead
   of two shifts and an or. 8 blocks at once: 1.95 -> 1.75 µs per 4 KiB page. */
typedef uint8_t td_chacha_u8x32 __attribute__((vector_size(32)));
#define TD_CHACHA_ROT16_WIDE(v) ((td_chacha_u32x8) __builtin_shufflevector((td_chacha_u8x32) (v), (td_chacha_u8x32) (v), \
  2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13, 18, 19, 16, 17, 22, 23, 20, 21, 26, 27, 24, 25, 30, 31, 28, 29))
#define TD_CHACHA_ROT8_WIDE(v) ((td_chacha_u32x8) __builtin_shufflevector((td_chacha_u8x32) (v), (td_chacha_u8x32) (v), \
  3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14, 19, 16, 17, 18, 23, 20, 21, 22, 27, 24, 25, 26, 31, 28, 29, 30))
#else
#define TD_CHACHA_ROT16_WIDE(v) TD_CHACHA_ROT(v, 16)
#define TD_CHACHA_ROT8_WIDE(v) TD_CHACHA_ROT(v, 8)
#endif
#define TD_CHACHA_QR(a, b, c, d, ROT16, ROT8)                                                  \
  a += b; d ^= a; d = ROT16(d);                                                                \
  c += d; b ^= c; b = TD_CHACHA_ROT(b, 12);                                                    \
  a += b; d ^= a; d = ROT8(d);                                                                 \
  c += d; b ^= c; b = TD_CHACHA_ROT(b, 7);

/* XORs W consecutive keystream blocks (block counters counter … counter+W-1) into buf. */
#define TD_CHACHA_BLOCKS(NAME, V, W, TARGET, ROT16, ROT8)                                      \
TARGET static void NAME(uint8_t* buf, const uint32_t state[16], uint32_t counter)              \
{                                                                                              \
  V x[16], s[16];                                                                              \
  uint32_t out[16][W];                                                                         \
  int i, j;                                                                                    \
  for (i = 0; i < 16; ++i)                                                                     \
  {                                                                                            \
    for (j = 0; j < W; ++j) s[i][j] = state[i];                                                \
  }                                                                                            \
  for (j = 0; j < W; ++j) s[12][j] = counter + (uint32_t) j;                                   \
  for (i = 0; i < 16; ++i) x[i] = s[i];                                                        \
  for (i = 0; i < 10; ++i)                                                                     \
  {                                                                                            \
    TD_CHACHA_QR(x[0], x[4], x[8], x[12], ROT16, ROT8)                                         \
    TD_CHACHA_QR(x[1], x[5], x[9], x[13], ROT16, ROT8)                                         \
    TD_CHACHA_QR(x[2], x[6], x[10], x[14], ROT16, ROT8)                                        \
    TD_CHACHA_QR(x[3], x[7], x[11], x[15], ROT16, ROT8)                                        \
    TD_CHACHA_QR(x[0], x[5], x[10], x[15], ROT16, ROT8)                                        \
    TD_CHACHA_QR(x[1], x[6], x[11], x[12], ROT16, ROT8)                                        \
    TD_CHACHA_QR(x[2], x[7], x[8], x[13], ROT16, ROT8)                                         \
    TD_CHACHA_QR(x[3], x[4], x[9], x[14], ROT16, ROT8)                                         \
  }                                                                                            \
  for (i = 0; i < 16; ++i)                                                                     \
  {                                                                                            \
    x[i] += s[i];                                                                              \
    memcpy(out[i], &x[i], sizeof(V));                                                          \
  }                                                                                            \
  for (j = 0; j < W; ++j)                                                                      \
  {                                                                                            \
    for (i = 0; i < 16; ++i)                                                                   \
    {                                                                                          \
      uint32_t word;                                                                           \
      memcpy(&word, buf + 64 * j + 4 * i, 4);                                                  \
      word ^= out[i][j];                                                                       \
      memcpy(buf + 64 * j + 4 * i, &word, 4);                                                  \
    }                                                                                          \
  }                                                                                            \
  TD_WIPE(out, sizeof(out));                                                                   \
}

TD_CHACHA_BLOCKS(td_chacha20_blocks4, td_chacha_u32x4, 4, , TD_CHACHA_ROT16_SHIFT, TD_CHACHA_ROT8_SHIFT)
TD_CHACHA_BLOCKS(td_chacha20_blocks8, td_chacha_u32x8, 8, __attribute__((target("avx2"))), TD_CHACHA_ROT16_WIDE, TD_CHACHA_ROT8_WIDE)
/* AVX-512 rotates a lane in one instruction (vprold), whatever the distance: 1.75 -> 0.95 µs a page. */
TD_CHACHA_BLOCKS(td_chacha20_blocks16, td_chacha_u32x16, 16, __attribute__((target("avx512f"))), TD_CHACHA_ROT16_SHIFT, TD_CHACHA_ROT8_SHIFT)

/*
 * How many blocks one step may take on this processor: 16 (AVX-512F), 8 (AVX2) or 4 (SSE2). From
 * CPUID and XGETBV directly (the instruction sets, and the operating system saving their
 * registers), not __builtin_cpu_supports, which Apple's linker may not resolve. Computed once; a
 * thread that races the first computation computes the same number.
 */
static int td_chacha20_width_detect(void)
{
  unsigned int eax, ebx, ecx, edx, xcr0_low, xcr0_high;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 4;
  if (!(ecx & (1u << 27)) || !(ecx & (1u << 28))) return 4; /* OSXSAVE, AVX */
  __asm__ __volatile__("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
  if ((xcr0_low & 0x6) != 0x6) return 4; /* the OS saves XMM and YMM */
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 4;
  if (!(ebx & (1u << 5))) return 4; /* AVX2 */
#if defined(TD_CHACHA20_TEST_WITHOUT_AVX2)
  return 4; /* scripts/native/accelerate-sqlite3mc.test.ts: the SSE2 path on this machine */
#elif defined(TD_CHACHA20_TEST_WITHOUT_AVX512)
  return 8; /* the AVX2 path on an AVX-512 machine */
#else
  if ((ebx & (1u << 16)) && (xcr0_low & 0xe6) == 0xe6) return 16; /* AVX-512F, opmask and ZMM saved */
  return 8;
#endif
}

static int td_chacha20_width(void)
{
  static int width = 0;
  int known = __atomic_load_n(&width, __ATOMIC_RELAXED);
  if (known == 0)
  {
    known = td_chacha20_width_detect();
    __atomic_store_n(&width, known, __ATOMIC_RELAXED);
  }
  return known;
}
#endif


SQLITE_PRIVATE
void chacha20_xor(void* buffer, size_t n, const uint8_t key[32],
                  const uint8_t nonce[12], uint32_t counter)
{
#ifdef TD_CHACHA20_SIMD
  uint8_t* buf = buffer;
  if (n >= 256)
  {
    /* Little-endian x86-64: the key and nonce words load as they are. */
    uint32_t state[16] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 };
    memcpy(state + 4, key, 32);
    memcpy(state + 13, nonce, 12);
    const int width = td_chacha20_width();
    if (width == 16)
    {
      for (; n >= 1024; buf += 1024, n -= 1024, counter += 16) td_chacha20_blocks16(buf, state, counter);
    }
    else if (width == 8)
    {
      for (; n >= 512; buf += 512, n -= 512, counter += 8) td_chacha20_blocks8(buf, state, counter);
    }
    else
    {
      for (; n >= 256; buf += 256, n -= 256, counter += 4) td_chacha20_blocks4(buf, state, counter);
    }
    if (n > 0)
    {
      /* The rest (992 bytes of a 4 KiB page with AVX-512): one more step into a keystream buffer
         still beats one block at a time. */
      uint8_t keystream[1024];
      size_t i;
      memset(keystream, 0, sizeof(keystream));
      if (width == 16) td_chacha20_blocks16(keystream, state, counter);
      else if (width == 8) td_chacha20_blocks8(keystream, state, counter);
      else td_chacha20_blocks4(keystream, state, counter);
      for (i = 0; i < n; ++i) buf[i] ^= keystream[i];
      TD_WIPE(keystream, sizeof(keystream));
    }
    TD_WIPE(state, sizeof(state));
    return;
  }
  chacha20_xor_scalar(buf, n, key, nonce, counter);
#else
  chacha20_xor_scalar(buffer, n, key, nonce, counter);
#endif
}
