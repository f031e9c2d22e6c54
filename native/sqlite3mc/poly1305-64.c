/*
 * Thuisdossier: Poly1305 with 44-bit limbs and 128-bit products (the "donna-64" form), for compilers
 * that have a 128-bit integer type. scripts/native/accelerate-sqlite3mc.mjs puts this in front of
 * SQLite3 Multiple Ciphers' own poly1305, renamed poly1305_scalar, which still serves other
 * compilers.
 *
 * Why: every page read or written is authenticated with Poly1305, and the library's 26-bit-limb
 * version, one block after the other, takes ~2.5 µs per 4 KiB page here: each block's product waits
 * for the previous one. With 64-bit limbs and four blocks per step (powers of r) the products run
 * side by side: ~1.4 µs. The tag is the same number: Poly1305 is one polynomial evaluated modulo
 * 2^130 - 5 (RFC 8439), however it is grouped.
 */
#if defined(__SIZEOF_INT128__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define TD_POLY1305_64 1
typedef unsigned __int128 td_poly_u128;

static uint64_t td_poly_load64(const uint8_t* p)
{
  uint64_t v;
  memcpy(&v, p, 8); /* little-endian: x86-64 and arm64 */
  return v;
}

#define TD_POLY_MASK44 0xfffffffffffULL
#define TD_POLY_MASK42 0x3ffffffffffULL

/* d += a * b modulo 2^130 - 5, limbs of 44, 44 and 42 bits; sb = 20 * b (2^132 = 4 * 2^130 = 20). */
#define TD_POLY_PRODUCT(a0, a1, a2, b0, b1, b2, sb1, sb2)                                              \
  d0 += (td_poly_u128) (a0) * (b0) + (td_poly_u128) (a1) * (sb2) + (td_poly_u128) (a2) * (sb1);       \
  d1 += (td_poly_u128) (a0) * (b1) + (td_poly_u128) (a1) * (b0) + (td_poly_u128) (a2) * (sb2);        \
  d2 += (td_poly_u128) (a0) * (b2) + (td_poly_u128) (a1) * (b1) + (td_poly_u128) (a2) * (b0);

/* h = d, carried back into three limbs (h1 may keep a small excess, as between blocks). */
#define TD_POLY_CARRY(h0, h1, h2)                                                                      \
  c = (uint64_t) (d0 >> 44); h0 = (uint64_t) d0 & TD_POLY_MASK44;                                     \
  d1 += c; c = (uint64_t) (d1 >> 44); h1 = (uint64_t) d1 & TD_POLY_MASK44;                            \
  d2 += c; c = (uint64_t) (d2 >> 42); h2 = (uint64_t) d2 & TD_POLY_MASK42;                            \
  h0 += c * 5; c = h0 >> 44; h0 &= TD_POLY_MASK44;                                                    \
  h1 += c;

/* The three limbs of a 16-byte block, with the 2^128 bit (hibit) of a whole block. */
#define TD_POLY_BLOCK(p, m0, m1, m2, hibit)                                                            \
  t0 = td_poly_load64(p);                                                                             \
  t1 = td_poly_load64((p) + 8);                                                                       \
  m0 = t0 & TD_POLY_MASK44;                                                                           \
  m1 = ((t0 >> 44) | (t1 << 20)) & TD_POLY_MASK44;                                                    \
  m2 = ((t1 >> 24) & TD_POLY_MASK42) | (hibit);

static void td_poly1305_64(const uint8_t* msg, size_t n, const uint8_t key[32], uint8_t tag[16])
{
  const uint64_t hibit = ((uint64_t) 1) << 40;
  uint64_t r0, r1, r2, s1, s2, q0, q1, q2, sq1, sq2, u0, u1, u2, su1, su2, w0, w1, w2, sw1, sw2;
  uint64_t h0 = 0, h1 = 0, h2 = 0, m0, m1, m2, n0, n1, n2, k0, k1, k2, l0, l1, l2, t0, t1, c, g0, g1, g2;
  uint8_t last[16];
  td_poly_u128 d0, d1, d2;

  t0 = td_poly_load64(key);
  t1 = td_poly_load64(key + 8);
  r0 = t0 & 0xffc0fffffffULL;
  r1 = ((t0 >> 44) | (t1 << 20)) & 0xfffffc0ffffULL;
  r2 = (t1 >> 24) & 0x00ffffffc0fULL;
  s1 = r1 * 20;
  s2 = r2 * 20;

  /* Four blocks a, b, c, d per step: h = (h + a) r^4 + b r^3 + c r^2 + d r (measured per 4 KiB
     page: one block per step 2.2 µs, two 1.6 µs, four 1.4 µs). Limb bounds: h + a < 2^45, 20 r^k < 2^49,
     so each of the twelve products is below 2^94 and their sums fit 128 bits. */
  d0 = d1 = d2 = 0;
  TD_POLY_PRODUCT(r0, r1, r2, r0, r1, r2, s1, s2)
  TD_POLY_CARRY(q0, q1, q2) /* r^2 */
  sq1 = q1 * 20;
  sq2 = q2 * 20;
  d0 = d1 = d2 = 0;
  TD_POLY_PRODUCT(q0, q1, q2, r0, r1, r2, s1, s2)
  TD_POLY_CARRY(u0, u1, u2) /* r^3 */
  su1 = u1 * 20;
  su2 = u2 * 20;
  d0 = d1 = d2 = 0;
  TD_POLY_PRODUCT(q0, q1, q2, q0, q1, q2, sq1, sq2)
  TD_POLY_CARRY(w0, w1, w2) /* r^4 */
  sw1 = w1 * 20;
  sw2 = w2 * 20;
  while (n >= 64)
  {
    TD_POLY_BLOCK(msg, m0, m1, m2, hibit)
    TD_POLY_BLOCK(msg + 16, n0, n1, n2, hibit)
    TD_POLY_BLOCK(msg + 32, k0, k1, k2, hibit)
    TD_POLY_BLOCK(msg + 48, l0, l1, l2, hibit)
    h0 += m0;
    h1 += m1;
    h2 += m2;
    d0 = d1 = d2 = 0;
    TD_POLY_PRODUCT(h0, h1, h2, w0, w1, w2, sw1, sw2)
    TD_POLY_PRODUCT(n0, n1, n2, u0, u1, u2, su1, su2)
    TD_POLY_PRODUCT(k0, k1, k2, q0, q1, q2, sq1, sq2)
    TD_POLY_PRODUCT(l0, l1, l2, r0, r1, r2, s1, s2)
    TD_POLY_CARRY(h0, h1, h2)
    msg += 64;
    n -= 64;
  }
  while (n > 0)
  {
    if (n >= 16)
    {
      TD_POLY_BLOCK(msg, m0, m1, m2, hibit)
      msg += 16;
      n -= 16;
    }
    else
    {
      /* The last partial block: its bytes, a 1, zeros, and no 2^128 bit. */
      memset(last, 0, sizeof(last));
      memcpy(last, msg, n);
      last[n] = 1;
      TD_POLY_BLOCK(last, m0, m1, m2, 0)
      n = 0;
    }
    h0 += m0;
    h1 += m1;
    h2 += m2;
    d0 = d1 = d2 = 0;
    TD_POLY_PRODUCT(h0, h1, h2, r0, r1, r2, s1, s2)
    TD_POLY_CARRY(h0, h1, h2)
  }

  /* Carry fully, then subtract p = 2^130 - 5 if h >= p (without branching on h). */
  c = h1 >> 44; h1 &= TD_POLY_MASK44;
  h2 += c; c = h2 >> 42; h2 &= TD_POLY_MASK42;
  h0 += c * 5; c = h0 >> 44; h0 &= TD_POLY_MASK44;
  h1 += c; c = h1 >> 44; h1 &= TD_POLY_MASK44;
  h2 += c; c = h2 >> 42; h2 &= TD_POLY_MASK42;
  h0 += c * 5; c = h0 >> 44; h0 &= TD_POLY_MASK44;
  h1 += c;

  g0 = h0 + 5; c = g0 >> 44; g0 &= TD_POLY_MASK44;
  g1 = h1 + c; c = g1 >> 44; g1 &= TD_POLY_MASK44;
  g2 = h2 + c - (((uint64_t) 1) << 42);

  c = (g2 >> 63) - 1;
  g0 &= c; g1 &= c; g2 &= c;
  c = ~c;
  h0 = (h0 & c) | g0;
  h1 = (h1 & c) | g1;
  h2 = (h2 & c) | g2;

  /* tag = (h + s) mod 2^128 */
  t0 = td_poly_load64(key + 16);
  t1 = td_poly_load64(key + 24);
  h0 += t0 & TD_POLY_MASK44; c = h0 >> 44; h0 &= TD_POLY_MASK44;
  h1 += (((t0 >> 44) | (t1 << 20)) & TD_POLY_MASK44) + c; c = h1 >> 44; h1 &= TD_POLY_MASK44;
  h2 += ((t1 >> 24) & TD_POLY_MASK42) + c; h2 &= TD_POLY_MASK42;

  h0 = h0 | (h1 << 44);
  h1 = (h1 >> 20) | (h2 << 24);
  memcpy(tag, &h0, 8);
  memcpy(tag + 8, &h1, 8);
  memset(last, 0, sizeof(last));
  /* Keeps the compiler from dropping that memset as a dead store. */
  __asm__ __volatile__("" : : "r"(last) : "memory");
}
#endif

SQLITE_PRIVATE
void poly1305(const uint8_t* msg, size_t n, const uint8_t key[32],
              uint8_t tag[16])
{
#ifdef TD_POLY1305_64
  td_poly1305_64(msg, n, key, tag);
#else
  poly1305_scalar(msg, n, key, tag);
#endif
}
