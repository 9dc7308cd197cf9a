/* UTF-8 decoding and the character classes the tokenizer needs. */
#include "internal.h"

size_t lx_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    if (n >= 2 && (s[1] & 0xC0) == 0x80) {
      *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
      return 2;
    }
  } else if (c >= 0xE0 && c <= 0xEF) {
    if (n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
      uint32_t v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
      if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
        *cp = v;
        return 3;
      }
    }
  } else if (c >= 0xF0 && c <= 0xF4) {
    if (n >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
        (s[3] & 0xC0) == 0x80) {
      uint32_t v = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
                   ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
      if (v >= 0x10000 && v <= 0x10FFFF) {
        *cp = v;
        return 4;
      }
    }
  }
  *cp = LX_BAD_CP;
  return 1;
}

int lx_utf8_encode(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

size_t lx_utf8_valid_prefix(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    /* ASCII runs eight bytes at a time */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, u + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = lx_utf8_decode(u + i, n - i, &cp);
    if (cp == LX_BAD_CP) return i;
    i += k;
  }
  return n;
}

#define S LX_CC_SPACE
#define N (LX_CC_SPACE | LX_CC_NEWLINE)
#define L (LX_CC_LETTER | LX_CC_LOWER)
#define U (LX_CC_LETTER | LX_CC_UPPER)
#define D LX_CC_DIGIT
#define P LX_CC_PUNCT
#define Q (LX_CC_PUNCT | LX_CC_QUOTE)
#define H (LX_CC_PUNCT | LX_CC_DASH)
#define C (LX_CC_PUNCT | LX_CC_CURRENCY)
/* Classes of the bytes 0..127; bytes >= 128 are decoded first. */
const uint16_t lx_ascii_class[256] = {
    /* 0x00 */ P, P, P, P, P, P, P, P, P, S, N, S, S, N, P, P,
    /* 0x10 */ P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    /* 0x20 */ S, P, Q, P, C, P, P, Q, P, P, P, P, P, H, P, P,
    /* 0x30 */ D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
    /* 0x40 */ P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    /* 0x50 */ U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,
    /* 0x60 */ Q, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    /* 0x70 */ L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,
};
#undef S
#undef N
#undef L
#undef U
#undef D
#undef P
#undef Q
#undef H
#undef C

unsigned lx_cp_class(uint32_t cp) {
  if (cp < 0x80) return lx_ascii_class[cp];
  if (cp == LX_BAD_CP) return LX_CC_PUNCT;
  if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
    return LX_CC_SPACE | LX_CC_NEWLINE;
  if (cp < 0xA0) return LX_CC_PUNCT; /* C1 controls */
  if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
      cp == 0x202F || cp == 0x205F || cp == 0x3000)
    return LX_CC_SPACE;
  if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF ||
      cp == 0x00AD)
    return LX_CC_LETTER; /* zero-width and soft hyphen: stay inside words */
  if (cp <= 0xBF) {
    if (cp == 0xAB || cp == 0xBB) return LX_CC_PUNCT | LX_CC_QUOTE;
    if (cp >= 0xA2 && cp <= 0xA5) return LX_CC_PUNCT | LX_CC_CURRENCY;
    if (cp == 0xAA || cp == 0xBA || cp == 0xB5) return LX_CC_LETTER | LX_CC_LOWER;
    if (cp == 0xB2 || cp == 0xB3 || cp == 0xB9) return LX_CC_DIGIT;
    return LX_CC_PUNCT;
  }
  if (cp <= 0x24F) {
    if (cp == 0xD7 || cp == 0xF7) return LX_CC_PUNCT;
    if (cp <= 0xDE) return LX_CC_LETTER | LX_CC_UPPER;
    if (cp <= 0xFF) return LX_CC_LETTER | LX_CC_LOWER;
    /* Latin Extended-A/B: mostly pairs upper/lower */
    if (cp <= 0x17F) {
      int odd = cp & 1;
      int flip = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
      if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return LX_CC_LETTER | LX_CC_LOWER;
      return LX_CC_LETTER | ((odd ^ flip) ? LX_CC_LOWER : LX_CC_UPPER);
    }
    return LX_CC_LETTER;
  }
  if (cp >= 0x300 && cp <= 0x36F) return LX_CC_LETTER; /* combining marks */
  if (cp >= 0x370 && cp <= 0x3FF) {
    if (cp >= 0x391 && cp <= 0x3A9) return LX_CC_LETTER | LX_CC_UPPER;
    if (cp >= 0x3B1 && cp <= 0x3C9) return LX_CC_LETTER | LX_CC_LOWER;
    return LX_CC_LETTER;
  }
  if (cp >= 0x400 && cp <= 0x4FF) {
    if (cp <= 0x42F) return LX_CC_LETTER | LX_CC_UPPER;
    if (cp <= 0x45F) return LX_CC_LETTER | LX_CC_LOWER;
    return LX_CC_LETTER;
  }
  if (cp >= 0x2010 && cp <= 0x2015) return LX_CC_PUNCT | LX_CC_DASH;
  if (cp >= 0x2018 && cp <= 0x201F) return LX_CC_PUNCT | LX_CC_QUOTE;
  if (cp == 0x2039 || cp == 0x203A) return LX_CC_PUNCT | LX_CC_QUOTE;
  if (cp >= 0x2016 && cp <= 0x206F) return LX_CC_PUNCT;
  if (cp >= 0x20A0 && cp <= 0x20CF) return LX_CC_PUNCT | LX_CC_CURRENCY;
  if (cp == 0x2212) return LX_CC_PUNCT | LX_CC_DASH;
  if (cp >= 0x2070 && cp <= 0x2079) return LX_CC_DIGIT;
  if (cp >= 0x2080 && cp <= 0x2089) return LX_CC_DIGIT;
  if (cp >= 0x2100 && cp <= 0x2BFF) return LX_CC_PUNCT; /* symbols, arrows */
  if (cp >= 0x3000 && cp <= 0x303F) return LX_CC_PUNCT; /* CJK punctuation */
  if (cp >= 0xFF01 && cp <= 0xFF0F) return LX_CC_PUNCT;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return LX_CC_PUNCT;
  if (cp >= 0xE000 && cp <= 0xF8FF) return LX_CC_PUNCT; /* private use */
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return LX_CC_PUNCT; /* emoji */
  return LX_CC_LETTER;
}

uint32_t lx_cp_lower(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x100 && cp <= 0x17F) {
    unsigned cls = lx_cp_class(cp);
    return (cls & LX_CC_UPPER) ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3A9) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

/* Base letters of U+00C0..U+017F ('*': no base letter). */
static const char fold_tab[] =
    "AAAAAAACEEEEIIII" "DNOOOOO*OUUUUY*s" "aaaaaaaceeeeiiii" "dnooooo*ouuuuy*y"
    "AaAaAa" "CcCcCcCc" "DdDd" "EeEeEeEeEe" "GgGgGgGg" "HhHh" "IiIiIiIiIi" "**" "Jj" "Kk*"
    "LlLlLlLlLl" "NnNnNn*" "**" "OoOoOo" "**" "RrRrRr" "SsSsSsSs" "TtTtTt" "UuUuUuUuUuUu"
    "Ww" "YyY" "ZzZzZz" "s";

uint32_t lx_cp_fold(uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0x17F) {
    char b = fold_tab[cp - 0xC0];
    return b == '*' ? cp : (uint32_t)(unsigned char)b;
  }
  return cp;
}

/* Feeds lower-cased bytes into 8-byte chunks. */
typedef struct hasher {
  uint64_t h, acc;
  unsigned nacc;
  size_t n;
} hasher;

static inline void hs_byte(hasher *s, unsigned char b) {
  s->acc |= (uint64_t)b << (8 * s->nacc);
  s->n++;
  if (++s->nacc == 8) {
    s->h = lx_hash_mix(s->h, s->acc);
    s->acc = 0;
    s->nacc = 0;
  }
}

/* Eight ASCII bytes lower-cased at once: 0x20 added to each of A-Z. */
static inline uint64_t lower8(uint64_t x) {
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  uint64_t ge_a = (x + ones * (0x80 - 'A')) & high;  /* byte >= 'A' (bytes < 0x80) */
  uint64_t gt_z = (x + ones * (0x7F - 'Z')) & high;  /* byte > 'Z' */
  return x | ((ge_a & ~gt_z) >> 2);
}

/* The r < 8 bytes at p as a little-endian word, by four, two and one (no
 * byte after them is read: the caller's string may end there). */
static inline uint64_t load_tail_le(const unsigned char *p, size_t r) {
  uint64_t w = 0;
  size_t k = 0;
  if (r & 4) {
    w = (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
    k = 4;
  }
  if (r & 2) {
    w |= ((uint64_t)p[k] | (uint64_t)p[k + 1] << 8) << (8 * k);
    k += 2;
  }
  if (r & 1) w |= (uint64_t)p[k] << (8 * k);
  return w;
}

/* hash_folding from byte i on (the bytes before it, ASCII, are mixed into
 * h eight at a time), where a byte >= 0x80 is: decoded, lowered (and
 * folded) and encoded again. (Kept out of line: inlined, its registers
 * were saved and restored by every call of hash_folding, the ASCII ones
 * too.) */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t hash_folding_rest(const unsigned char *u, size_t n, size_t i, uint64_t h,
                                  int fold) {
  hasher hs = {h, 0, 0, i};
  while (i < n) {
    unsigned char c = u[i];
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') c += 32;
      hs_byte(&hs, c);
      i++;
    } else {
      uint32_t cp;
      size_t k = lx_utf8_decode(u + i, n - i, &cp);
      if (cp == LX_BAD_CP) {
        hs_byte(&hs, c);
      } else if (cp == 0x2019) {
        hs_byte(&hs, '\'');
      } else {
        uint32_t lc = lx_cp_lower(cp);
        if (fold) lc = lx_cp_fold(lc);
        char tmp[4];
        int m = lx_utf8_encode(lc, tmp);
        for (int j = 0; j < m; j++) hs_byte(&hs, (unsigned char)tmp[j]);
      }
      i += k;
    }
  }
  if (hs.nacc) hs.h = lx_hash_mix(hs.h, hs.acc);
  return lx_hash_final(hs.h, hs.n);
}

/* ASCII text, most of what is hashed, here; the rest in hash_folding_rest
 * (apart, this part needs few registers). */
static inline uint32_t hash_folding(const char *s, size_t n, int fold) {
  const unsigned char *u = (const unsigned char *)s;
  uint64_t h = LX_HASH_SEED;
  size_t i = 0;
  /* ASCII eight bytes at a time, as hs_byte would have packed them */
  for (; i + 8 <= n; i += 8) {
    uint64_t w = lx_load8_le(u + i);
    if (w & 0x8080808080808080ull) break;
    h = lx_hash_mix(h, lower8(w));
  }
  if (i == n) return lx_hash_final(h, n);
  if (n - i < 8) {
    /* the last bytes, if ASCII: past the first eight, the eight that end
     * the string shifted down (one load), else read by four, two and one */
    uint64_t w = i ? lx_load8_le(u + n - 8) >> (8 * (8 - (n - i))) : load_tail_le(u, n);
    if (!(w & 0x8080808080808080ull)) return lx_hash_final(lx_hash_mix(h, lower8(w)), n);
  }
  return hash_folding_rest(u, n, i, h, fold);
}

uint32_t lx_hash_lower(const char *s, size_t n) { return hash_folding(s, n, 0); }
uint32_t lx_hash_fold(const char *s, size_t n) { return hash_folding(s, n, 1); }
