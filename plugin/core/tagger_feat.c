/*
 * Features of the tagger of names, shared by inference (tagger.c) and
 * training (tools/train/): the per-document word table, the per-block token
 * attributes and the feature hashes. Any change here changes the model's
 * meaning: retrain (make train) after it.
 */
#include "tagger.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__SSE4_1__) || (defined(__SSE2__) && defined(__GNUC__) && \
                            (defined(__x86_64__) || defined(__i386__)))
#include <smmintrin.h> /* _mm_mullo_epi32, where the hashes may use it */
#endif
/* AVX2 where the compiler can build for it: the CPU tells at run time
 * whether those versions run (the same results as the others) */
#if defined(__SSE2__) && defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && \
    (__GNUC__ >= 5 || defined(__clang__))
#define TG_AVX2 1
#include <immintrin.h>
#define TG_AVX2_ATTR __attribute__((target("avx2")))
#endif

/* FNV-1a: the tagger's own small keys (shapes, suffixes). */
#define TG_FNV_OFFSET 2166136261u
static inline uint32_t tg_hash_byte(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* ---- hashing ----------------------------------------------------------------- */

static inline uint32_t nz(uint32_t h) { return h ? h : 1u; }

static inline uint32_t f1(uint32_t t, uint32_t a) {
  return nz(lx_tg_mix32(a * 0x9E3779B1u + t * 0x85EBCA77u + 0x165667B1u));
}

/* (in tagger.h, for the one feature inference hashes inline) */
static inline uint32_t f2(uint32_t t, uint32_t a, uint32_t b) { return lx_tg_f2(t, a, b); }

/* ---- token attributes -------------------------------------------------------- */

/* The gazetteer kinds the tagger looks at, each a slot of 4 bits. */
int lx_tg_gaz_slot(int kind) {
  switch (kind) {
  case LX_G_COUNTRY: return 0;
  case LX_G_DEMONYM: return 1;
  case LX_G_NORP: return 2;
  case LX_G_STATE: return 3;
  case LX_G_CITY: return 4;
  case LX_G_REGION: return 5;
  case LX_G_ORG: return 6;
  case LX_G_AGENCY: return 7;
  case LX_G_TITLE: return 8;
  case LX_G_HONORIFIC: return 9;
  case LX_G_GIVEN: return 10;
  case LX_G_SURNAME: return 11;
  case LX_G_LANGUAGE: return 12;
  case LX_G_EVENT: return 13;
  case LX_G_FAC: return 14;
  case LX_G_PRODUCT: return 15;
  default: return -1;
  }
}

/* ---- the gazetteer's phrases ------------------------------------------------------ */

/* Buckets of 8 keys then their 8 values, one cache line each; a key goes
 * to the first bucket from its own (k & (nb - 1)) with room, so a lookup
 * stops at the first bucket that has the key or a hole. Keys come out of
 * lx_tg_gz_step already mixed. */
enum { GZ_B = 8 };

lede_status lx_tg_gaz_build(const lede_allocator *a, lx_tg_gaz *g, const unsigned char *keys,
                            const unsigned char *vals, size_t n) {
  memset(g, 0, sizeof *g);
  if (!n) return LEDE_OK;
  size_t nb = 2; /* at most 70% full */
  while (nb * GZ_B * 7 < n * 10) {
    if (nb > ((size_t)-1) / 256) return LEDE_EINVAL;
    nb *= 2;
  }
  /* one more bucket: a lookup may read the values past the last one */
  g->mem = lx_malloc(a, (nb + 1) * 2 * GZ_B * sizeof(uint32_t) + 64);
  if (!g->mem) return LEDE_ENOMEM;
  g->kv = (uint32_t *)(((uintptr_t)g->mem + 63) & ~(uintptr_t)63);
  memset(g->kv, 0, (nb + 1) * 2 * GZ_B * sizeof(uint32_t));
  uint32_t prev = 0;
  for (size_t i = 0; i < n; i++) {
    const unsigned char *p = keys + 4 * i, *q = vals + 4 * i;
    uint32_t k = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    uint32_t v = (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24;
    if (!k || k <= prev) {
      lx_tg_gaz_free(a, g);
      return LEDE_EINVAL;
    }
    prev = k;
    for (size_t b = k & (nb - 1);; b = (b + 1) & (nb - 1)) {
      uint32_t *B = g->kv + 2 * GZ_B * b;
      size_t j = 0;
      while (j < GZ_B && B[j]) j++;
      if (j < GZ_B) {
        B[j] = k;
        B[GZ_B + j] = v;
        break;
      }
    }
  }
  g->nb = nb;
  return LEDE_OK;
}

void lx_tg_gaz_free(const lede_allocator *a, lx_tg_gaz *g) {
  lx_free(a, g->mem);
  memset(g, 0, sizeof *g);
}

static inline const uint32_t *gz_bucket(const lx_tg_gaz *g, uint32_t k) {
  return g->kv + 2 * GZ_B * (k & (g->nb - 1));
}

/* The value of key k, 0 if absent. */
static inline uint32_t gz_find(const lx_tg_gaz *g, uint32_t k) {
  size_t m = g->nb - 1, b = k & m;
  for (;;) {
    const uint32_t *B = g->kv + 2 * GZ_B * b;
    unsigned hit = 0, hole = 0;
#if defined(__SSE2__)
    __m128i kv = _mm_set1_epi32((int)k), z = _mm_setzero_si128();
    __m128i lo = _mm_load_si128((const __m128i *)B), hi = _mm_load_si128((const __m128i *)(B + 4));
    hit = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(lo, kv))) |
          (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(hi, kv))) << 4;
    hole = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(lo, z))) |
           (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(hi, z))) << 4;
#else
    for (unsigned j = 0; j < GZ_B; j++) {
      hit |= (unsigned)(B[j] == k) << j;
      hole |= (unsigned)(B[j] == 0) << j;
    }
#endif
    /* no branch on whether the key is there: the value at slot 8 when it
     * is not is the next bucket's first key, read and dropped */
    uint32_t v = B[GZ_B + lx_tg_ctz64(hit | 0x100u)];
    if (hit | hole) return hit ? v : 0;
    b = (b + 1) & m;
  }
}

/* Length and kinds of the longest phrase starting at token i of tk[0, n),
 * whose first token's value is v1. */
static size_t gz_longest(const lx_tg_gaz *g, const lx_token *tk, size_t n, size_t i, uint32_t v1,
                         uint32_t *kinds) {
  uint32_t h = lx_tg_gz_step(0, tk[i].hash);
  size_t best = (v1 & 0xFFFFu) ? 1 : 0;
  *kinds = v1 & 0xFFFFu;
  if (!(v1 & LX_TG_GZ_PREFIX)) return best;
  for (size_t k = 1; k < LX_TG_GZ_MAXTOK && i + k < n; k++) {
    /* phrases do not run across a paragraph break */
    if (tk[i + k].flags & LX_TF_PARA) break;
    h = lx_tg_gz_step(h, tk[i + k].hash);
    uint32_t v = gz_find(g, h);
    if (v & 0xFFFFu) {
      best = k + 1;
      *kinds = v & 0xFFFFu;
    }
    if (!(v & LX_TG_GZ_PREFIX)) break;
  }
  return best;
}

/* ---- the document's words ------------------------------------------------------ */

/* What the passes tell of a token, by tok_letters8() + its LX_TF_CAP |
 * LX_TF_ALLCAP | LX_TF_LOWER (a table costs less than the tests). For the
 * blocks: bit 0 an anchor, a word with a capital somewhere (a letter and a
 * capital or no lower case: what names are made of); bit 1 a word of 2
 * letters or more in capitals; bit 2 one that is not (lower case, or
 * other, or capitalized and longer than 3 letters). For the document's
 * table: bit 3 a word with a capital or no case, bit 4 one all in lower
 * case. */
enum { CL_ANCHOR = 1, CL_CAPS = 2, CL_LOWER = 4, CL_TABLE = 8, CL_LOWERCASE = 16 };
static const uint8_t tok_class[40 + 4] = {
    0,  0,  0,  0,  0,  0,  0,  0,  /* no word, or no letter */
    9,  9,  9,  9,  16, 9,  8,  9,  /* 1 letter */
    13, 9,  11, 11, 20, 13, 10, 11, /* 2 */
    13, 9,  11, 11, 20, 13, 10, 11, /* 3 */
    13, 13, 11, 11, 20, 13, 10, 11  /* more */
    /* and 4 zeros: classes_avx2() reads 4 bytes at a class */
};

/* A token's letters up to 4, times 8, by its count of letters (tables
 * cost fewer instructions than the minimum and the test) */
#define R4(x) x, x, x, x
#define R16(x) R4(x), R4(x), R4(x), R4(x)
#define R64(x) R16(x), R16(x), R16(x), R16(x)
static const uint8_t letters8[256] = {0, 8, 16, 24, R4(32), R4(32), R4(32), R16(32), R16(32),
                                      R16(32), R64(32), R64(32), R64(32)};
#undef R4
#undef R16
#undef R64
typedef char lx_tg_letters8_fills[sizeof letters8 == 256 ? 1 : -1];
/* by a token's kind: all ones for a word */
static const uint8_t word_mask[256] = {[LX_TK_WORD] = 0xFF};

/* 0 for a token that is no word, else its letters up to 4, times 8 */
static inline unsigned tok_letters8(const lx_token *t) {
  return (unsigned)(letters8[t->nletters] & word_mask[t->kind]);
}


/* The document's state, built once whatever its blocks: a table of its
 * words (case seen, types tagged so far, gazetteer value), and for each
 * token its word's slot and what the blocks would otherwise look up again
 * and again (the gazetteer phrase it starts). Words all in lower case come
 * into the table only when a block scores one (most never do), so the pass
 * over the document only marks those that also come with a capital. */
#define DOC_MAGIC 0x6c78746764636f32ull /* "lxtgdco2" */

typedef struct doc_hdr {
  uint64_t magic;
  const char *text;
  const lx_token *toks;
  size_t ntoks;
  const lx_tg_gaz *gaz;
  size_t cap;  /* word slots, a power of two (one more, empty, for non-words) */
  size_t size; /* bytes of header, slots and tokens (16-aligned): the block follows */
  size_t bt0;  /* the first token of the last block */
} doc_hdr;

typedef struct doc_slot {
  uint32_t h;       /* word hash; 0 = empty (hash 0 is stored as 1) */
  uint32_t gz1;     /* gazetteer value of the word alone, once gzdone */
  uint8_t flags;    /* LX_TGD_* */
  uint8_t hist[LX_TG_NTYPES]; /* tokens of this word tagged with each type */
  uint8_t best;     /* the type tagged most often (the first of equals) + 1; 0 none */
  uint8_t gzdone;
  uint8_t pad;
} doc_slot;

/* A token: its word's slot (cap for a token that is no word), and INFO_*.
 * Set by the document's pass for words with a capital or no case (INFO_*
 * is read for those only), by a block for the others it scores (slot
 * only): other tokens' are never read. */
typedef struct doc_tok {
  uint32_t slot;
  uint32_t info;
} doc_tok;

enum {
  INFO_KINDS = 0xFFFFu,  /* the phrase it starts: kind slots, */
  INFO_LEN_SHIFT = 16,   /* its length in tokens (up to LX_TG_GZ_MAXTOK), */
  INFO_PHRASE = 1u << 22 /* for words that may start a longer phrase */
};

/* After the header, the keys of the slots (doc_slot.h again, 0 = empty):
 * only they are cleared for each document, a slot's other fields when its
 * word first comes (clearing 16 bytes a slot was most of the pass's
 * stores); then the slots. */
typedef char lx_tg_slot_is_16[sizeof(doc_slot) == 16 ? 1 : -1];
static inline size_t keys_bytes(size_t cap) {
  return ((cap + 1) * sizeof(uint32_t) + 15) & ~(size_t)15;
}
static inline uint32_t *keys_of(lx_vec *st) {
  return (uint32_t *)((char *)st->p + sizeof(doc_hdr));
}
static inline doc_slot *slots_of(lx_vec *st) {
  const doc_hdr *h = (const doc_hdr *)st->p;
  return (doc_slot *)((char *)st->p + sizeof(doc_hdr) + keys_bytes(h->cap));
}
static inline doc_tok *dtoks_of(lx_vec *st) {
  const doc_hdr *h = (const doc_hdr *)st->p;
  return (doc_tok *)(slots_of(st) + h->cap + 1);
}
/* Then each token's tok_class(), and 8 zeros: blocks read them 8 at a time. */
static inline uint8_t *classes_of(lx_vec *st) {
  const doc_hdr *h = (const doc_hdr *)st->p;
  return (uint8_t *)(dtoks_of(st) + h->ntoks);
}

/* The slot of word hash h (h != 0): its own, or the empty one where it
 * goes (doc_key: 0 is stored as 1). Token hashes are already mixed. The
 * loop stops on a match or a hole, which one is told after it: one
 * predictable branch per probe. */
static inline uint32_t doc_key(uint32_t h) { return h ? h : 1u; }

static inline size_t slot_probe(const uint32_t *keys, size_t cap, uint32_t h) {
  size_t m = cap - 1, j = h & m;
  for (;;) {
    uint32_t x = keys[j];
    if ((x == h) | (x == 0)) return j;
    j = (j + 1) & m;
  }
}

static int is_word(const lx_token *t) { return t->kind == LX_TK_WORD && t->nletters > 0; }

/* Whether token i starts a sentence or a line by its neighbours alone (the
 * sentence flags of other blocks are not set yet when the document's table
 * is built): after a line break, a quotation mark, a dash or one of
 * . ! ? : ( " */
static inline unsigned initial_at(const char *text, const lx_token *t, size_t i) {
  if (i == 0 || (t[i].flags & LX_TF_NEWLINE)) return 1;
  /* most words follow a word: the test of its kind decides them */
  const lx_token *p = &t[i - 1];
  if (p->kind != LX_TK_PUNCT) return 0;
  if (p->flags & (LX_TF_QUOTE | LX_TF_DASH)) return 1;
  const uint64_t opens = 1ull << '.' | 1ull << '!' | 1ull << '?' | 1ull << ':' | 1ull << '(' |
                         1ull << '"';
  unsigned c = (unsigned char)text[p->start];
  return (unsigned)(c < 64) & (unsigned)(opens >> (c & 63)) & 1u;
}

/* LX_TGD_* of one occurrence from its LX_TF_CAP, LX_TF_ALLCAP and
 * LX_TF_LOWER: all capitals, else lower case, else capitalized (which
 * counts only away from a sentence start). */
static const uint8_t doc_case[8] = {0, LX_TGD_CAP, LX_TGD_ALLCAP, LX_TGD_ALLCAP,
                                    LX_TGD_LOWER, LX_TGD_LOWER, LX_TGD_ALLCAP, LX_TGD_ALLCAP};

/* Zeros n bytes (a multiple of 16) at p, 16 a store: memset clears a few
 * KB a byte an instruction (rep stosb), and the keys are cleared for every
 * document. */
static void clear16(void *p, size_t n) {
#if defined(__SSE2__)
  char *c = (char *)p;
  for (size_t i = 0; i < n; i += 16) _mm_storeu_si128((__m128i *)(c + i), _mm_setzero_si128());
#else
  memset(p, 0, n);
#endif
}

#if defined(TG_AVX2)
/* The AVX2 passes read a token's fields as 32-bit words: the hash is the
 * third, flags, kind and letters the fourth (x86 is little-endian). */
typedef char lx_tg_token_words[sizeof(lx_token) == 16 && offsetof(lx_token, hash) == 8 &&
                               offsetof(lx_token, flags) == 12 && offsetof(lx_token, kind) == 14 &&
                               offsetof(lx_token, nletters) == 15 ? 1 : -1];

/* The classes (tok_class()) of tokens [0, n), 8 at a time: each token's
 * flags, kind and letters gathered in a lane, the index into tok_class
 * made there and its classes gathered from the table, where the loop over
 * the tokens took a dozen instructions a token. Writes up to 7 bytes past
 * cls[n - 1]. */
static TG_AVX2_ATTR void classes_avx2(const lx_token *toks, size_t n, uint8_t *cls) {
  const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  const __m256i fourth = _mm256_setr_epi32(3, 7, 11, 15, 19, 23, 27, 31);
  const __m256i cases = _mm256_set1_epi32(LX_TF_CAP | LX_TF_ALLCAP | LX_TF_LOWER);
  const __m256i kind = _mm256_set1_epi32(0xFF << 16), word = _mm256_set1_epi32(LX_TK_WORD << 16);
  /* byte 0 of each 32-bit lane, to the first 4 bytes of each half */
  const __m256i low = _mm256_setr_epi8(0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                       0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
  for (size_t g = 0; g < n; g += 8) {
    /* the tokens past n are not read: their lanes are 0, class 0 */
    __m256i in = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)LX_MIN(n - g, 8)), lane);
    __m256i x = _mm256_mask_i32gather_epi32(_mm256_setzero_si256(), (const int *)(toks + g),
                                            fourth, in, 4);
    /* tok_letters8(): letters up to 4, times 8, for a word */
    __m256i l8 = _mm256_min_epu32(_mm256_srli_epi32(x, 24), _mm256_set1_epi32(4));
    l8 = _mm256_slli_epi32(l8, 3);
    l8 = _mm256_and_si256(l8, _mm256_cmpeq_epi32(_mm256_and_si256(x, kind), word));
    __m256i at = _mm256_add_epi32(l8, _mm256_and_si256(x, cases));
    __m256i c = _mm256_shuffle_epi8(_mm256_i32gather_epi32((const int *)tok_class, at, 1), low);
    _mm_storel_epi64((__m128i *)(cls + g), _mm_unpacklo_epi32(_mm256_castsi256_si128(c),
                                                              _mm256_extracti128_si256(c, 1)));
  }
}

/* The second pass of doc_build() over the words all in lower case, 8
 * tokens at a time: their hashes gathered, then the keys at their first
 * slots; a word found there is marked, one that found a hole is not in
 * the table (a hole needs no mark), and the few that found another key
 * probe on as the loop does. The table has at most 2^31 slots. */
static TG_AVX2_ATTR void mark_lower_avx2(const uint8_t *cls, const lx_token *toks, size_t n,
                                         const uint32_t *keys, size_t cap, doc_slot *s) {
  const __m256i third = _mm256_setr_epi32(2, 6, 10, 14, 18, 22, 26, 30);
  const __m256i lower = _mm256_set1_epi32(CL_LOWERCASE), z = _mm256_setzero_si256();
  const __m256i m = _mm256_set1_epi32((int)(cap - 1));
  for (size_t g = 0; g < n; g += 8) {
    __m256i c = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)(cls + g)));
    __m256i lm = _mm256_cmpeq_epi32(_mm256_and_si256(c, lower), lower);
    unsigned lanes = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(lm));
    if (!lanes) continue;
    __m256i h = _mm256_mask_i32gather_epi32(z, (const int *)(toks + g), third, lm, 4);
    h = _mm256_or_si256(h, _mm256_srli_epi32(_mm256_cmpeq_epi32(h, z), 31)); /* doc_key() */
    __m256i j = _mm256_and_si256(h, m);
    /* the other lanes read key 0 for key 1 or more: no match */
    __m256i k = _mm256_mask_i32gather_epi32(z, (const int *)keys, j, lm, 4);
    unsigned hit = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(k, h)));
    unsigned hole = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(k, z)));
    unsigned more = lanes & ~(hit | hole);
    uint32_t J[8], H[8];
    _mm256_storeu_si256((__m256i *)J, j);
    for (; hit; hit &= hit - 1) s[J[lx_tg_ctz64(hit)]].flags |= LX_TGD_LOWER;
    if (!more) continue;
    _mm256_storeu_si256((__m256i *)H, h);
    for (; more; more &= more - 1)
      s[slot_probe(keys, cap, H[lx_tg_ctz64(more)])].flags |= LX_TGD_LOWER;
  }
}
#endif

static int doc_build(const lede_allocator *a, lx_vec *st, const char *text,
                     const lx_token *toks, size_t ntoks, const lx_tg_gaz *gaz);

/* Every block asks, and most find the state built: that test stays out of
 * the pass's function, whose registers cost a block more to save than the
 * test itself. */
int lx_tg_doc(const lede_allocator *a, lx_vec *st, const char *text,
              const lx_token *toks, size_t ntoks, const lx_tg_gaz *gaz) {
  if (st->p && st->n >= sizeof(doc_hdr)) {
    const doc_hdr *h = (const doc_hdr *)st->p;
    if (h->magic == DOC_MAGIC && h->text == text && h->toks == toks && h->ntoks == ntoks &&
        h->gaz == gaz)
      return 1;
  }
  return doc_build(a, st, text, toks, ntoks, gaz);
}

#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int doc_build(const lede_allocator *a, lx_vec *st, const char *text,
                     const lx_token *toks, size_t ntoks, const lx_tg_gaz *gaz) {
  /* a slot per distinct word: tokens + 1/4 bounds the load by 0.8 if all
   * are words and differ (about 0.25 in news, where words repeat and a
   * token in 6 is no word); only the keys are cleared for every document
   * (4 bytes a slot), which costs less than a pass to count the words */
  size_t cap = 16;
  while (cap < ntoks + ntoks / 4 + 2) {
    if (cap > ((size_t)-1) / 4 / sizeof(doc_slot)) return 0;
    cap *= 2;
  }
  if (ntoks > ((size_t)-1) / 4 / sizeof(doc_tok)) return 0;
  size_t size = sizeof(doc_hdr) + keys_bytes(cap) + (cap + 1) * sizeof(doc_slot) +
                ntoks * sizeof(doc_tok) + ntoks + 8;
  size = (size + 15) & ~(size_t)15;
  st->n = 0;
  /* and room for three lists of tokens, past the state, which is also room
   * for the blocks (lx_tg_block): for one of up to 512 tokens at least, so
   * that growing for the next block seldom copies the state */
  size_t room = LX_MAX(3 * ntoks * sizeof(uint32_t), lx_tg_block_size(LX_MIN(ntoks, 512)));
  if (!lx_vec_reserve(a, st, 1, size + room)) return 0;
  doc_hdr *h = (doc_hdr *)st->p;
  memset(h, 0, sizeof *h);
  clear16((char *)st->p + sizeof *h, keys_bytes(cap));
  h->text = text;
  h->toks = toks;
  h->ntoks = ntoks;
  h->gaz = gaz;
  h->cap = cap;
  h->size = size;
  uint32_t *keys = keys_of(st);
  doc_slot *s = slots_of(st);
  doc_tok *dt = dtoks_of(st);
  memset(&s[cap], 0, sizeof s[cap]); /* the empty slot of tokens that are no word */
  /* lists are built by writing each index and counting only those wanted,
   * so these loops have no branch that depends on the token. Words all in
   * lower case (most) only mark their word as seen so if it is in the
   * table; the others (with a capital or no case) fill it. Both are found
   * in the tokens' classes, 8 a word (the 8 zeros after them end it). */
  uint32_t *W = (uint32_t *)((char *)st->p + size), *L = W + ntoks, *A = L + ntoks;
  size_t nl = 0, na = 0, nc = 0;
  const uint64_t ones = 0x0101010101010101ull;
  uint8_t *cls = classes_of(st);
#if defined(TG_AVX2)
  int avx2 = lx_cpu_has("avx2");
  if (avx2)
    classes_avx2(toks, ntoks, cls);
  else
#endif
    for (size_t i = 0; i < ntoks; i++) {
      const lx_token *t = &toks[i];
      cls[i] = tok_class[tok_letters8(t) + (t->flags & (LX_TF_CAP | LX_TF_ALLCAP | LX_TF_LOWER))];
    }
  memset(cls + ntoks, 0, 8);
  for (size_t g = 0; g < ntoks; g += 8) {
    for (uint64_t wm = lx_load8_le(cls + g) & (ones * CL_TABLE); wm; wm &= wm - 1) {
      size_t i = g + lx_tg_ctz64(wm) / 8;
      const lx_token *t = &toks[i];
      unsigned f = doc_case[t->flags & (LX_TF_CAP | LX_TF_ALLCAP | LX_TF_LOWER)];
      uint32_t k = doc_key(t->hash);
      size_t j = slot_probe(keys, cap, k);
      doc_slot *e = &s[j];
      /* cleared if the word is new (a mask, not a branch: which words are
       * new is unpredictable) */
      uint64_t q[2], keep = (uint64_t)0 - (uint64_t)(keys[j] != 0);
      memcpy(q, e, sizeof q);
      q[0] &= keep;
      q[1] &= keep;
      memcpy(e, q, sizeof q);
      keys[j] = k;
      e->h = k;
      dt[i].slot = (uint32_t)j;
      dt[i].info = 0;
      /* capitalized counts only away from a sentence start: those words are
       * listed (W) and told apart below */
      e->flags |= (uint8_t)(f & ~(unsigned)LX_TGD_CAP);
      W[nc] = (uint32_t)i;
      nc += f == LX_TGD_CAP;
      /* the gazetteer value of each word with a capital, once (an anchor:
       * only words come here) */
      unsigned anch =
          (unsigned)((t->flags & LX_TF_CAP) != 0) | (unsigned)((t->flags & LX_TF_LOWER) == 0);
      A[na] = (uint32_t)i;
      na += anch;
      L[nl] = (uint32_t)j;
      nl += anch & !e->gzdone;
      e->gzdone |= (uint8_t)anch;
    }
  }
  /* a lower-case word marks its word if the table has it; a hole it finds
   * gets the mark too, harmless: a slot is cleared when its word comes.
   * Words only ever in lower case come into the table when a block reads
   * them (word_slot()): their flags are LX_TGD_LOWER alone. */
#if defined(TG_AVX2)
  if (avx2 && cap <= 0x80000000u)
    mark_lower_avx2(cls, toks, ntoks, keys, cap, s);
  else
#endif
    for (size_t g = 0; g < ntoks; g += 8) {
      for (uint64_t lm = lx_load8_le(cls + g) & (ones * CL_LOWERCASE); lm; lm &= lm - 1)
        s[slot_probe(keys, cap, doc_key(toks[g + lx_tg_ctz64(lm) / 8].hash))].flags |= LX_TGD_LOWER;
    }
  for (size_t q = 0; q < nc; q++) {
    size_t i = W[q];
    uint8_t *fl = &s[dt[i].slot].flags;
    /* a name comes again and again: once marked, its other places need
     * no look at their neighbours */
    if (!(*fl & LX_TGD_CAP)) *fl |= (uint8_t)(!initial_at(text, toks, i) * LX_TGD_CAP);
  }
  if (gaz && gaz->nb) {
    enum { AHEAD = 8 };
    for (size_t q = 0; q < nl && q < AHEAD; q++)
      PREFETCH(gz_bucket(gaz, lx_tg_gz_step(0, s[L[q]].h)));
    for (size_t q = 0; q < nl; q++) {
      if (q + AHEAD < nl) PREFETCH(gz_bucket(gaz, lx_tg_gz_step(0, s[L[q + AHEAD]].h)));
      s[L[q]].gz1 = gz_find(gaz, lx_tg_gz_step(0, s[L[q]].h));
    }
    /* phrases of more than one token (their second tokens' buckets are
     * fetched ahead) */
    uint32_t *P = W;
    size_t np = 0;
    for (size_t q = 0; q < na; q++) {
      P[np] = A[q];
      np += (s[dt[A[q]].slot].gz1 & LX_TG_GZ_PREFIX) != 0;
    }
    for (size_t q = 0; q < np + AHEAD; q++) {
      if (q < np && P[q] + 1 < ntoks) {
        const lx_token *t = &toks[P[q]];
        PREFETCH(gz_bucket(gaz, lx_tg_gz_step(lx_tg_gz_step(0, t->hash), t[1].hash)));
      }
      if (q < AHEAD) continue;
      size_t i = P[q - AHEAD];
      uint32_t kinds;
      size_t k = gz_longest(gaz, toks, ntoks, i, s[dt[i].slot].gz1, &kinds);
      dt[i].info |= INFO_PHRASE | (uint32_t)k << INFO_LEN_SHIFT | kinds;
    }
  }
  h->magic = DOC_MAGIC; /* last: a failure above leaves no valid header */
  st->n = size;
  return 1;
}

/* The slot of a word all in lower case (hash h), which the document's
 * pass put in the table only if the word also comes with a capital or no
 * case: else it comes now, seen in lower case only. */
static uint32_t word_slot(lx_vec *st, uint32_t h) {
  const doc_hdr *hd = (const doc_hdr *)st->p;
  uint32_t *keys = keys_of(st), k = doc_key(h);
  size_t j = slot_probe(keys, hd->cap, k);
  if (!keys[j]) {
    doc_slot *e = &slots_of(st)[j];
    memset(e, 0, sizeof *e);
    keys[j] = k;
    e->h = k;
    e->flags = LX_TGD_LOWER;
  }
  return (uint32_t)j;
}

/* Notes label l of block token i (whose document token is dt[i]). */
static inline void note_one(doc_slot *s, const doc_tok *dt, const lx_tg_tok *T, size_t i,
                            unsigned l) {
  if (!l || T[i].kind != LX_TK_WORD) return;
  doc_slot *e = &s[dt[i].slot];
  if (!e->h) return;
  unsigned t = LX_TG_TYPE(l);
  uint8_t *c = &e->hist[t];
  if (*c < 255) (*c)++;
  /* only type t's count grew: the type tagged most often (the first of
   * equals) stays, or is t (the first tag of the word makes it t) */
  unsigned b = e->best ? e->best - 1u : t;
  if (*c > e->hist[b] || (*c == e->hist[b] && t < b)) b = t;
  e->best = (uint8_t)(b + 1);
}

void lx_tg_note(lx_vec *st, const lx_tg_tok *T, const uint8_t *lab, size_t n) {
  doc_hdr *h = (doc_hdr *)st->p;
  doc_slot *s = slots_of(st);
  const doc_tok *dt = dtoks_of(st) + h->bt0;
  for (size_t i = 0; i < n; i++)
    if (T[i].scored) note_one(s, dt, T, i, lab[i]);
}

void lx_tg_note_scored(lx_vec *st, const lx_tg_tok *T, const uint8_t *lab, const uint32_t *S,
                       size_t ns) {
  doc_hdr *h = (doc_hdr *)st->p;
  doc_slot *s = slots_of(st);
  const doc_tok *dt = dtoks_of(st) + h->bt0;
  for (size_t q = 0; q < ns; q++) note_one(s, dt, T, S[q], lab[S[q]]);
}

#define SENTINEL_W 0x5e5e5e5eu
#define SENTINEL_SHAPE 0x3c3c3c3cu

/* The symbol of an ASCII byte in a shape: X upper, x lower, d digit, else
 * itself. */
static const unsigned char shape_sym[128] = {
#define S4(a, b, c, d) a, b, c, d
    S4(0, 1, 2, 3), S4(4, 5, 6, 7), S4(8, 9, 10, 11), S4(12, 13, 14, 15),
    S4(16, 17, 18, 19), S4(20, 21, 22, 23), S4(24, 25, 26, 27), S4(28, 29, 30, 31),
    S4(' ', '!', '"', '#'), S4('$', '%', '&', '\''), S4('(', ')', '*', '+'), S4(',', '-', '.', '/'),
    S4('d', 'd', 'd', 'd'), S4('d', 'd', 'd', 'd'), S4('d', 'd', ':', ';'), S4('<', '=', '>', '?'),
    S4('@', 'X', 'X', 'X'), S4('X', 'X', 'X', 'X'), S4('X', 'X', 'X', 'X'), S4('X', 'X', 'X', 'X'),
    S4('X', 'X', 'X', 'X'), S4('X', 'X', 'X', 'X'), S4('X', 'X', 'X', '['), S4('\\', ']', '^', '_'),
    S4('`', 'x', 'x', 'x'), S4('x', 'x', 'x', 'x'), S4('x', 'x', 'x', 'x'), S4('x', 'x', 'x', 'x'),
    S4('x', 'x', 'x', 'x'), S4('x', 'x', 'x', 'x'), S4('x', 'x', 'x', '{'), S4('|', '}', '~', 127),
#undef S4
};

/* the shapes of most words: x, X, Xx */
#define FNV_STEP(h, c) ((uint32_t)(((uint32_t)(h) ^ (uint32_t)(c)) * 16777619u))
#define SHAPE_x FNV_STEP(TG_FNV_OFFSET, 'x')
#define SHAPE_X FNV_STEP(TG_FNV_OFFSET, 'X')
#define SHAPE_Xx FNV_STEP(FNV_STEP(TG_FNV_OFFSET, 'X'), 'x')

/* Shape and length of a token from its bytes (lim: the end of what may be
 * read of the text). */
static void token_shape(const char *text, const lx_token *t, lx_tg_tok *o,
                        const unsigned char *lim) {
  const unsigned char *s = (const unsigned char *)text + t->start;
  size_t n = t->end - t->start;
  o->len = (uint8_t)(n > 255 ? 255 : n);
  unsigned f = t->flags;
  if (t->kind == LX_TK_WORD && t->nletters == n && !(f & LX_TF_NONASCII)) {
    /* ASCII letters only: the case flags tell most shapes */
    if (f & LX_TF_LOWER) {
      o->shape = SHAPE_x;
      return;
    }
    if ((f & LX_TF_ALLCAP) || n == 1) {
      o->shape = SHAPE_X;
      return;
    }
    /* a capital, then lower case (bit 5 set) up to 16 more letters, 8 a
     * load (names of 10 letters or more are common enough: Washington) */
    if ((f & LX_TF_CAP) && n <= 17 && s + 17 <= lim) {
      uint64_t m1 = n >= 9 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * (n - 1))) - 1;
      uint64_t m2 = n >= 17 ? ~(uint64_t)0 : n <= 9 ? 0 : ((uint64_t)1 << (8 * (n - 9))) - 1;
      uint64_t up = (~lx_load8_le(s + 1) & m1) | (~lx_load8_le(s + 9) & m2);
      if ((up & 0x2020202020202020ull) == 0) {
        o->shape = SHAPE_Xx;
        return;
      }
    }
  }
  /* one ASCII byte (punctuation, a digit): its symbol alone, which the
   * loop below gives too (a NUL byte, symbol 0, adds none) */
  if (n == 1 && s[0] < 0x80) {
    o->shape = s[0] ? tg_hash_byte(TG_FNV_OFFSET, shape_sym[s[0]]) : TG_FNV_OFFSET;
    return;
  }
  /* collapsed shape: runs of one class become one symbol, at most 8 */
  uint32_t sh = TG_FNV_OFFSET;
  unsigned char last = 0;
  size_t nsym = 0;
  for (size_t i = 0; i < n && nsym < 8;) {
    unsigned char c = s[i], sym;
    if (c < 0x80) {
      sym = shape_sym[c];
      i++;
    } else {
      uint32_t cp;
      i += lx_utf8_decode(s + i, n - i, &cp);
      unsigned cl = lx_cp_class(cp);
      sym = (cl & LX_CC_UPPER) ? 'X' : (cl & LX_CC_LETTER) ? 'x' : (cl & LX_CC_DIGIT) ? 'd' : 'o';
    }
    if (sym != last) {
      sh = tg_hash_byte(sh, sym);
      last = sym;
      nsym++;
    }
  }
  if (nsym >= 8) sh = tg_hash_byte(sh, '+');
  o->shape = sh;
}

/* Suffixes of the lower-cased bytes (ASCII folding is enough for them). */
static void token_affixes(const char *text, const lx_token *t, lx_tg_tok *o) {
  const unsigned char *s = (const unsigned char *)text + t->start;
  size_t n = t->end - t->start;
  o->suf2 = o->suf3 = o->suf4 = 0;
  if (t->kind != LX_TK_WORD || n < 4) return;
  /* the last 4 bytes, folded 4 at once (bit 5 on A-Z: a byte's bit 7 tells
   * whether its low 7 bits reach 'A', and past 'Z'; bytes from 0x80 stay),
   * into the hashes of the 2, 3 and 4 that end the word (the 4 only past 4
   * bytes) */
  const unsigned char *e = s + n - 4;
  uint32_t x = (uint32_t)e[0] | (uint32_t)e[1] << 8 | (uint32_t)e[2] << 16 | (uint32_t)e[3] << 24;
  uint32_t low7 = x & 0x7F7F7F7Fu;
  x |= ((low7 + 0x3F3F3F3Fu) & ~(low7 + 0x25252525u) & ~x & 0x80808080u) >> 2;
  unsigned char c0 = (unsigned char)x, c1 = (unsigned char)(x >> 8),
                c2 = (unsigned char)(x >> 16), c3 = (unsigned char)(x >> 24);
  o->suf2 = tg_hash_byte(tg_hash_byte(TG_FNV_OFFSET, c2), c3);
  o->suf3 = tg_hash_byte(tg_hash_byte(tg_hash_byte(TG_FNV_OFFSET, c1), c2), c3);
  uint32_t h4 = tg_hash_byte(tg_hash_byte(TG_FNV_OFFSET, c0), c1);
  o->suf4 = n > 4 ? tg_hash_byte(tg_hash_byte(h4, c2), c3) : 0;
}

/* lx_tg_tok.cas from LX_TF_CAP, LX_TF_ALLCAP and LX_TF_LOWER: 2 all
 * capitals, 1 capitalized, 0 lower case, 3 other. */
static const uint8_t tok_case[8] = {3, 1, 2, 2, 0, 1, 2, 2};

lx_tg_tok *lx_tg_block(const lede_allocator *a, lx_vec *st, const char *text,
                       const lx_token *toks, size_t t0, size_t t1, const lx_tg_gaz *gaz,
                       size_t *nscored) {
  if (t1 < t0) t1 = t0;
  size_t n = t1 - t0;
  doc_hdr *h = (doc_hdr *)st->p;
  size_t off = h->size;
  if (n > ((size_t)-1) / 2 / sizeof(lx_tg_tok) - 2 * LX_TG_PAD) return NULL;
  size_t need = off + lx_tg_block_size(n);
  if (!lx_vec_reserve(a, st, 1, need)) return NULL;
  st->n = off; /* the block area is scratch above the document's state */
  h = (doc_hdr *)st->p;
  lx_tg_tok *T = (lx_tg_tok *)((char *)st->p + off) + LX_TG_PAD;
  const lx_token *tk = toks + t0;
  for (size_t i = 0; i < LX_TG_PAD; i++) {
    lx_tg_tok *z[2] = {T - 1 - (ptrdiff_t)i, T + n + i};
    for (int k = 0; k < 2; k++) {
      memset(z[k], 0, sizeof *z[k]);
      z[k]->w = SENTINEL_W + (uint32_t)k;
      z[k]->shape = SENTINEL_SHAPE + (uint32_t)k;
      z[k]->cas = 3;
    }
  }
  if (nscored) *nscored = 0;
  if (!n) return T;
  /* scratch in the partial scores' room (4 + 1 bytes a token and 4 of
   * 32): the gaps, and whether each is scored with 2 zeros on each side */
  uint32_t *G = (uint32_t *)lx_tg_partials(T, n), *S = lx_tg_scored(T, n);
  uint8_t *sb = (uint8_t *)(G + n) + 2;
  int has_gaz = gaz && gaz->nb;
  /* which tokens are scored: words with a capital but function words, and
   * up to two tokens between two such (University of Kent, Nikolaus van der
   * Pas, AT&T). Function words cost 0.0014 F1 on dev for 7% of the time;
   * leaving punctuation out of the gaps cost 0.0027 for 4%: it stays.
   * The loops over every token have no branch that depends on the token:
   * lists are built by writing each index and counting only those wanted.
   * The classes of the tokens (tok_class(), from the document's pass) are
   * read 8 at a time as bytes of a word (bytes from n on are masked): the
   * anchors are found, the others counted. Only the flag scored is set
   * for every token here; w, flags, kind and gaz are set below for the
   * tokens features read (the scored and their neighbours). */
  const uint64_t ones = 0x0101010101010101ull;
  /* the bytes of the last group's tokens (of each loop by 8 below) */
  const uint64_t last = ones >> (8 * ((8 - n % 8) % 8));
  const uint8_t *cl8 = classes_of(st) + t0;
  uint64_t caps_words = 0, lower_words = 0;
  /* the document's pass looked the words with a capital up */
  doc_slot *slots = slots_of(st);
  doc_tok *dt = dtoks_of(st) + t0;
  h->bt0 = t0;
  memset(sb - 2, 0, n + 4);
  for (size_t i = 0; i < n; i += 8) {
    uint64_t keep = i + 8 <= n ? ones : last;
    /* the group's flags cleared first (stores 48 bytes apart) */
    if (i + 8 <= n) {
      T[i].scored = T[i + 1].scored = T[i + 2].scored = T[i + 3].scored = 0;
      T[i + 4].scored = T[i + 5].scored = T[i + 6].scored = T[i + 7].scored = 0;
    } else {
      for (size_t k = i; k < n; k++) T[k].scored = 0;
    }
    uint64_t c = lx_load8_le(cl8 + i);
    caps_words += (((c / CL_CAPS) & keep) * ones) >> 56;
    /* a capitalized word of more than 3 letters: not a headline */
    lower_words += (((c / CL_LOWER) & keep) * ones) >> 56;
    for (uint64_t an = c & keep; an; an &= an - 1) {
      size_t k = i + lx_tg_ctz64(an) / 8;
      uint32_t v = slots[dt[k].slot].gz1;
      T[k].gz1 = v;
      T[k].scored = sb[k] = !(v & LX_TG_GZ_STOP);
    }
  }
  uint8_t caps = caps_words >= 2 && caps_words >= 3 * lower_words;
  /* sb holds 0 or 1 a byte: the tests below take 8 tokens at a time as
   * bits of words (read up to 10 bytes past sb[n - 1], still in the room of
   * the partial scores; bytes from n on are masked) and list the few that
   * pass, rather than visit every token */
  size_t ng = 0;
  for (size_t i = 0; i < n; i += 8) {
    uint64_t keep = i + 8 <= n ? ones : last;
    uint64_t g = ~lx_load8_le(sb + i) & (lx_load8_le(sb + i - 1) | lx_load8_le(sb + i - 2)) &
                 (lx_load8_le(sb + i + 1) | lx_load8_le(sb + i + 2)) & keep;
    for (; g; g &= g - 1) G[ng++] = (uint32_t)(i + lx_tg_ctz64(g) / 8);
  }
  /* punctuation and function words between names may be inside one, never
   * begin or end one ("and Safety"); other words may (1860 Munich, de Silva) */
  for (size_t j = 0; j < ng; j++) {
    size_t i = G[j];
    int inner = tk[i].kind == LX_TK_PUNCT;
    /* the document's pass gave a slot to words with a capital or no case
     * only (its classes tell which): the others get theirs here */
    if (cl8[i] & CL_LOWERCASE)
      dt[i].slot = word_slot(st, tk[i].hash);
    else if (!(cl8[i] & CL_TABLE))
      dt[i].slot = (uint32_t)h->cap;
    if (!inner && has_gaz && tk[i].kind == LX_TK_WORD) {
      doc_slot *e = &slots[dt[i].slot];
      uint32_t v = e->gz1;
      if (!e->gzdone) { /* a word in lower case: not looked up yet */
        v = gz_find(gaz, lx_tg_gz_step(0, tk[i].hash));
        if (e->h) { /* not the empty slot of tokens that are no word */
          e->gz1 = v;
          e->gzdone = 1;
        }
      }
      inner = (v & LX_TG_GZ_STOP) != 0;
    }
    T[i].scored = (uint8_t)(LX_TG_S_SCORED | (inner ? LX_TG_S_INNER : 0));
    sb[i] = 1;
  }
  /* the scored tokens (S) and the last of each run; the tokens whose
   * shape and case features read (the scored and their neighbours: m) get
   * them as they are found, and the scored what only their own features
   * read (no list to walk again) */
  size_t ns = 0;
  const unsigned char *lim = (const unsigned char *)text + toks[h->ntoks - 1].end;
  for (size_t i = 0; i < n; i += 8) {
    uint64_t keep = i + 8 <= n ? ones : last;
    uint64_t sc = lx_load8_le(sb + i) & keep, next = lx_load8_le(sb + i + 1);
    uint64_t m = (sc | lx_load8_le(sb + i - 1) | next) & keep;
    /* two tokens away: only their words are read */
    uint64_t m2 = (lx_load8_le(sb + i - 2) | lx_load8_le(sb + i + 2)) & keep & ~m;
    for (; m2; m2 &= m2 - 1) {
      size_t k = i + lx_tg_ctz64(m2) / 8;
      T[k].w = tk[k].hash;
    }
    for (; m; m &= m - 1) {
      size_t k = i + lx_tg_ctz64(m) / 8;
      const lx_token *t = &tk[k];
      lx_tg_tok *o = &T[k];
      o->w = t->hash;
      o->gaz = 0;
      o->flags = t->flags;
      o->kind = t->kind;
      token_shape(text, t, o, lim);
      o->cas = tok_case[t->flags & (LX_TF_CAP | LX_TF_ALLCAP | LX_TF_LOWER)];
    }
    for (; sc; sc &= sc - 1) {
      size_t k = i + lx_tg_ctz64(sc) / 8;
      S[ns++] = (uint32_t)k;
      lx_tg_tok *o = &T[k];
      const lx_token *t = &tk[k];
      /* sb is 0 or 1 a byte, and 0 past the block */
      o->scored |= (uint8_t)((sb[k + 1] ^ 1u) * LX_TG_S_LAST);
      token_affixes(text, t, o);
      o->caps = caps;
      const doc_slot *e = &slots[dt[k].slot]; /* the empty slot if no word */
      o->doc = e->flags;
      o->hist = e->best;
      if (is_word(t) && ((t->flags & LX_TF_SENT) || initial_at(text, toks, t0 + k)))
        o->doc |= LX_TGD_INITIAL;
    }
  }
  if (nscored) *nscored = ns;
  /* gazetteer phrases starting at a scored word with a capital (the word
   * before a name is read by its identity: lower-case titles cost lookups
   * and gained nothing on dev) */
  if (has_gaz) {
    for (size_t j = 0; j < ns; j++) {
      size_t i = S[j];
      if (!(cl8[i] & CL_ANCHOR)) continue; /* an anchor, as the document's pass saw it */
      /* the phrase the document's pass found, unless it runs past the block */
      uint32_t info = dt[i].info, kinds = T[i].gz1 & 0xFFFFu;
      size_t k = kinds ? 1 : 0;
      if (info & INFO_PHRASE) {
        k = (info >> INFO_LEN_SHIFT) & 31u;
        kinds = info & INFO_KINDS;
        if (i + k > n) k = gz_longest(gaz, tk, n, i, T[i].gz1, &kinds);
      }
      if (!k || !kinds) continue;
      /* bit 4 * slot of each kind, then moved to each token's position */
      uint64_t at = 0;
      for (uint32_t m = kinds; m; m &= m - 1) at |= (uint64_t)1 << (4 * lx_tg_ctz64(m));
      if (k == 1) {
        T[i].gaz |= at << LX_TG_U;
        continue;
      }
      T[i].gaz |= at << LX_TG_B;
      for (size_t j2 = 1; j2 + 1 < k; j2++) T[i + j2].gaz |= at << LX_TG_I;
      T[i + k - 1].gaz |= at << LX_TG_L;
    }
  }
  return T;
}

/* ---- features ------------------------------------------------------------------ */


/* Feature templates (the numbers seed the hashes: renumbering one changes
 * the model's meaning). Ablations on dev dropped word identity without its
 * case, the 3-letter prefix, headline-only word features and the length of
 * runs of capitalized words: each cost nothing or hurt. */
enum {
  F_BIAS = 1, F_W0C = 3, F_WM1, F_WP1, F_WM2, F_WP2, F_S0, F_SM1, F_SP1,
  F_SM1S0, F_S0SP1, F_WM1S0, F_S0WP1, F_WM1W0, F_W0WP1, F_SUF2 = 18,
  F_SUF3, F_SUF4, F_P1, F_P2P1, F_P1W0, F_P1S0, F_SENT, F_DOC, F_HIST,
  F_LEN = 29, F_G0 = 32, F_GM1, F_GP1C = 35
};
typedef char lx_tg_p1w0_is_23[(int)F_P1W0 == (int)LX_TG_F_P1W0 ? 1 : -1];

/* The static features fall in two groups: templates over words, shapes
 * and suffixes (open domains), hashed here; and templates over a few small
 * attributes (LX_TG_DENSE of them in all), which inference reads from a
 * table indexed by lx_tg_dense_features() instead of hashing each time.
 * lx_tg_static_features() lists both as hashes, in the order the model was
 * trained with: the bias, the hashed ones, then the others. */
typedef char lx_tg_dense_fills[LX_TG_D_GP1C + 256 == LX_TG_DENSE ? 1 : -1];

#if defined(__SSE2__)
/* f1() and f2() on 4 lanes. SSE2 multiplies 32 bits only into 64, on lanes
 * 0 and 2: the odd lanes go through a second product. SSE4.1 multiplies 4
 * lanes in one instruction, a third of the hashes' instructions: where the
 * compiler can build for it, the hashes are built twice, and the CPU tells
 * at run time which version runs (the same hashes). */
static inline __m128i mul_x4(__m128i a, uint32_t k) {
  __m128i kv = _mm_set1_epi32((int)k);
#if defined(__SSE4_1__)
  return _mm_mullo_epi32(a, kv);
#else
  __m128i even = _mm_mul_epu32(a, kv), odd = _mm_mul_epu32(_mm_srli_epi64(a, 32), kv);
  return _mm_unpacklo_epi32(_mm_shuffle_epi32(even, _MM_SHUFFLE(0, 0, 2, 0)),
                            _mm_shuffle_epi32(odd, _MM_SHUFFLE(0, 0, 2, 0)));
#endif
}

#if !defined(__SSE4_1__) && defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && \
    (__GNUC__ >= 5 || defined(__clang__))
#define TG_SSE41 1
#define TG_41 __attribute__((target("sse4.1")))
static inline TG_41 __m128i mul_x4_41(__m128i a, uint32_t k) {
  return _mm_mullo_epi32(a, _mm_set1_epi32((int)k));
}
#endif

static inline __m128i nz_x4(__m128i h) {
  return _mm_or_si128(h, _mm_srli_epi32(_mm_cmpeq_epi32(h, _mm_setzero_si128()), 31));
}

#define TK(t) ((int)((uint32_t)(t) * 0x85EBCA77u))
#define T1(t) ((int)((uint32_t)(t) * 0x85EBCA77u + 0x165667B1u))
#define V4(a, b, c, d) _mm_setr_epi32((int)(a), (int)(b), (int)(c), (int)(d))

/* The hashes of lx_tg_hashed_features() 4 at a time, as hashed_x4S(), over
 * the multiply mul_x4S() (S: a suffix; ATTR: the function's target). f1_x4
 * is f1(t, a) with tc = T1(t), f2_x4 f2(t, a, b) with tk = TK(t). The
 * hashes are stored in the order of lx_tg_hashed_features() (a store may
 * write past a lane that a later one fills). */
#define TG_DEFINE_X4(S, ATTR)                                                                 \
  static inline ATTR __m128i mix32_x4##S(__m128i h) {                                        \
    h = _mm_xor_si128(h, _mm_srli_epi32(h, 16));                                             \
    h = mul_x4##S(h, 0x7feb352du);                                                           \
    h = _mm_xor_si128(h, _mm_srli_epi32(h, 15));                                             \
    h = mul_x4##S(h, 0x846ca68bu);                                                           \
    return _mm_xor_si128(h, _mm_srli_epi32(h, 16));                                          \
  }                                                                                          \
  static inline ATTR __m128i f1_x4##S(__m128i tc, __m128i a) {                               \
    return nz_x4(mix32_x4##S(_mm_add_epi32(mul_x4##S(a, 0x9E3779B1u), tc)));                 \
  }                                                                                          \
  static inline ATTR __m128i f2_x4##S(__m128i tk, __m128i a, __m128i b) {                    \
    __m128i h = _mm_xor_si128(mix32_x4##S(_mm_add_epi32(a, tk)), mul_x4##S(b, 0x9E3779B1u)); \
    return nz_x4(mix32_x4##S(_mm_add_epi32(h, _mm_set1_epi32(0x27D4EB2F))));                 \
  }                                                                                          \
  static ATTR size_t hashed_x4##S(const lx_tg_tok *T, size_t i, uint32_t *f) {               \
    const lx_tg_tok *c = &T[i], *m1 = c - 1, *m2 = c - 2, *q1 = c + 1, *q2 = c + 2;          \
    uint32_t sent = (c->flags & LX_TF_SENT) != 0;                                            \
    __m128i w1 = f1_x4##S(_mm_setr_epi32(T1(F_WM1), T1(F_WP1), T1(F_WM2), T1(F_WP2)),        \
                          V4(m1->w, q1->w, m2->w, q2->w));                                   \
    __m128i s1 = f1_x4##S(_mm_setr_epi32(T1(F_S0), T1(F_SM1), T1(F_SP1), T1(F_SUF2)),        \
                          V4(c->shape, m1->shape, q1->shape, c->suf2));                      \
    __m128i a2 = f2_x4##S(_mm_setr_epi32(TK(F_W0C), TK(F_SM1S0), TK(F_S0SP1), TK(F_WM1S0)),  \
                          V4(c->w, m1->shape, c->shape, m1->w),                              \
                          V4(c->cas, c->shape, q1->shape, c->shape));                        \
    __m128i b2 = f2_x4##S(_mm_setr_epi32(TK(F_S0WP1), TK(F_WM1W0), TK(F_W0WP1), TK(F_SENT)), \
                          V4(c->shape, m1->w, c->w, sent), V4(q1->w, c->w, q1->w, c->shape)); \
    uint32_t tail[4];                                                                        \
    _mm_storeu_si128((__m128i *)(f + 1), w1); /* WM1 WP1 WM2 WP2 */                          \
    _mm_storeu_si128((__m128i *)(f + 5), s1); /* S0 SM1 SP1 */                               \
    _mm_storeu_si128((__m128i *)(f + 8), _mm_shuffle_epi32(a2, _MM_SHUFFLE(0, 3, 2, 1)));    \
    _mm_storeu_si128((__m128i *)(f + 11), b2); /* S0WP1 WM1W0 W0WP1 */                       \
    f[0] = (uint32_t)_mm_cvtsi128_si32(a2);    /* W0C */                                     \
    _mm_storeu_si128((__m128i *)tail, _mm_unpackhi_epi32(s1, b2)); /* SUF2 SENT in 2, 3 */   \
    size_t n = 14;                                                                           \
    if (c->suf2) f[n++] = tail[2];                                                           \
    if (c->suf3) f[n++] = f1(F_SUF3, c->suf3);                                               \
    if (c->suf4) f[n++] = f1(F_SUF4, c->suf4);                                               \
    f[n++] = tail[3];                                                                        \
    return n;                                                                                \
  }                                                                                          \
  static ATTR size_t noshape_x4##S(const lx_tg_tok *T, size_t i, int after_o, uint32_t *f) { \
    const lx_tg_tok *c = &T[i], *m1 = c - 1, *m2 = c - 2, *q1 = c + 1, *q2 = c + 2;          \
    __m128i w1 = f1_x4##S(_mm_setr_epi32(T1(F_WM1), T1(F_WP1), T1(F_WM2), T1(F_WP2)),        \
                          V4(m1->w, q1->w, m2->w, q2->w));                                   \
    __m128i sf = f1_x4##S(_mm_setr_epi32(T1(F_SUF2), T1(F_SUF3), T1(F_SUF4), T1(F_SUF4)),    \
                          V4(c->suf2, c->suf3, c->suf4, c->suf4));                           \
    __m128i a2 = f2_x4##S(_mm_setr_epi32(TK(F_W0C), TK(F_WM1S0), TK(F_S0WP1), TK(F_WM1W0)),  \
                          V4(c->w, m1->w, c->shape, m1->w), V4(c->cas, c->shape, q1->w, c->w)); \
    uint32_t suf[4];                                                                         \
    _mm_storeu_si128((__m128i *)(f + 1), w1); /* WM1 WP1 WM2 WP2 */                          \
    _mm_storeu_si128((__m128i *)(f + 4), a2); /* W0C WM1S0 S0WP1 WM1W0, over WP2 */          \
    f[0] = f[4];                                                                             \
    f[4] = (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(w1, 12));                              \
    _mm_storeu_si128((__m128i *)suf, sf);                                                    \
    f[8] = f2(F_W0WP1, c->w, q1->w);                                                         \
    size_t n = 9;                                                                            \
    if (c->suf2) f[n++] = suf[0];                                                            \
    if (c->suf3) f[n++] = suf[1];                                                            \
    if (c->suf4) f[n++] = suf[2];                                                            \
    if (after_o) f[n++] = f2(F_P1W0, 0, c->w);                                               \
    return n;                                                                                \
  }

TG_DEFINE_X4(, )
#if defined(TG_SSE41)
TG_DEFINE_X4(_41, TG_41)
#endif
#endif

/* With AVX2 (the CPU tells at run time) the hashes of
 * lx_tg_hashed_features_noshape() fit two runs of 8 lanes, where SSE
 * takes three of 4 and one alone. */
#if defined(TG_AVX2)
#define V8(a, b, c, d, e, f, g, h)                                                           \
  _mm256_setr_epi32((int)(a), (int)(b), (int)(c), (int)(d), (int)(e), (int)(f), (int)(g), \
                    (int)(h))

static inline TG_AVX2_ATTR __m256i mul_x8(__m256i a, uint32_t k) {
  return _mm256_mullo_epi32(a, _mm256_set1_epi32((int)k));
}

static inline TG_AVX2_ATTR __m256i mix32_x8(__m256i h) {
  h = _mm256_xor_si256(h, _mm256_srli_epi32(h, 16));
  h = mul_x8(h, 0x7feb352du);
  h = _mm256_xor_si256(h, _mm256_srli_epi32(h, 15));
  h = mul_x8(h, 0x846ca68bu);
  return _mm256_xor_si256(h, _mm256_srli_epi32(h, 16));
}

static inline TG_AVX2_ATTR __m256i nz_x8(__m256i h) {
  return _mm256_or_si256(h, _mm256_srli_epi32(_mm256_cmpeq_epi32(h, _mm256_setzero_si256()), 31));
}

static TG_AVX2_ATTR size_t noshape_x8(const lx_tg_tok *T, size_t i, int after_o, uint32_t *f) {
  const lx_tg_tok *c = &T[i], *m1 = c - 1, *m2 = c - 2, *q1 = c + 1, *q2 = c + 2;
  /* f1(): WM1 WP1 WM2 WP2 SUF2 SUF3 SUF4 (twice) */
  __m256i tc = V8(T1(F_WM1), T1(F_WP1), T1(F_WM2), T1(F_WP2), T1(F_SUF2), T1(F_SUF3),
                  T1(F_SUF4), T1(F_SUF4));
  __m256i a = V8(m1->w, q1->w, m2->w, q2->w, c->suf2, c->suf3, c->suf4, c->suf4);
  __m256i h1 = nz_x8(mix32_x8(_mm256_add_epi32(mul_x8(a, 0x9E3779B1u), tc)));
  /* f2(): W0C WM1S0 S0WP1 WM1W0 W0WP1, P1W0 after O (and 2 more of it) */
  __m256i tk = V8(TK(F_W0C), TK(F_WM1S0), TK(F_S0WP1), TK(F_WM1W0), TK(F_W0WP1), TK(F_P1W0),
                  TK(F_P1W0), TK(F_P1W0));
  a = V8(c->w, m1->w, c->shape, m1->w, c->w, 0, 0, 0);
  __m256i b = V8(c->cas, c->shape, q1->w, c->w, q1->w, c->w, c->w, c->w);
  __m256i h2 = _mm256_xor_si256(mix32_x8(_mm256_add_epi32(a, tk)), mul_x8(b, 0x9E3779B1u));
  h2 = nz_x8(mix32_x8(_mm256_add_epi32(h2, _mm256_set1_epi32(0x27D4EB2F))));
  uint32_t suf[8], p1w0[8];
  _mm256_storeu_si256((__m256i *)f, h2); /* the first 5 of f2(), the rest written over */
  _mm256_storeu_si256((__m256i *)p1w0, h2);
  _mm256_storeu_si256((__m256i *)suf, h1);
  _mm_storeu_si128((__m128i *)(f + 5), _mm256_castsi256_si128(h1)); /* WM1 WP1 WM2 WP2 */
  size_t n = 9;
  f[n] = suf[4];
  n += c->suf2 != 0;
  f[n] = suf[5];
  n += c->suf3 != 0;
  f[n] = suf[6];
  n += c->suf4 != 0;
  f[n] = p1w0[5];
  return n + (after_o != 0);
}
#endif

size_t lx_tg_hashed_features_noshape(const lx_tg_tok *T, size_t i, int after_o, uint32_t *f) {
#if defined(__SSE2__)
#if defined(TG_AVX2)
  if (lx_cpu_has("avx2")) return noshape_x8(T, i, after_o, f);
#endif
#if defined(TG_SSE41)
  if (lx_cpu_has("sse4.1")) return noshape_x4_41(T, i, after_o, f);
#endif
  return noshape_x4(T, i, after_o, f);
#else
  const lx_tg_tok *c = &T[i], *m1 = c - 1, *m2 = c - 2, *q1 = c + 1, *q2 = c + 2;
  size_t n = 0;
  f[n++] = f2(F_W0C, c->w, c->cas);
  f[n++] = f1(F_WM1, m1->w);
  f[n++] = f1(F_WP1, q1->w);
  f[n++] = f1(F_WM2, m2->w);
  f[n++] = f1(F_WP2, q2->w);
  f[n++] = f2(F_WM1S0, m1->w, c->shape);
  f[n++] = f2(F_S0WP1, c->shape, q1->w);
  f[n++] = f2(F_WM1W0, m1->w, c->w);
  f[n++] = f2(F_W0WP1, c->w, q1->w);
  if (c->suf2) f[n++] = f1(F_SUF2, c->suf2);
  if (c->suf3) f[n++] = f1(F_SUF3, c->suf3);
  if (c->suf4) f[n++] = f1(F_SUF4, c->suf4);
  if (after_o) f[n++] = f2(F_P1W0, 0, c->w);
  return n;
#endif
}

size_t lx_tg_hashed_features(const lx_tg_tok *T, size_t i, uint32_t *f) {
#if defined(__SSE2__)
#if defined(TG_SSE41)
  if (lx_cpu_has("sse4.1")) return hashed_x4_41(T, i, f);
#endif
  return hashed_x4(T, i, f);
#else
  const lx_tg_tok *c = &T[i], *m1 = c - 1, *m2 = c - 2, *q1 = c + 1, *q2 = c + 2;
  size_t n = 0;
  f[n++] = f2(F_W0C, c->w, c->cas);
  f[n++] = f1(F_WM1, m1->w);
  f[n++] = f1(F_WP1, q1->w);
  f[n++] = f1(F_WM2, m2->w);
  f[n++] = f1(F_WP2, q2->w);
  f[n++] = f1(F_S0, c->shape);
  f[n++] = f1(F_SM1, m1->shape);
  f[n++] = f1(F_SP1, q1->shape);
  f[n++] = f2(F_SM1S0, m1->shape, c->shape);
  f[n++] = f2(F_S0SP1, c->shape, q1->shape);
  f[n++] = f2(F_WM1S0, m1->w, c->shape);
  f[n++] = f2(F_S0WP1, c->shape, q1->w);
  f[n++] = f2(F_WM1W0, m1->w, c->w);
  f[n++] = f2(F_W0WP1, c->w, q1->w);
  if (c->suf2) f[n++] = f1(F_SUF2, c->suf2);
  if (c->suf3) f[n++] = f1(F_SUF3, c->suf3);
  if (c->suf4) f[n++] = f1(F_SUF4, c->suf4);
  f[n++] = f2(F_SENT, (c->flags & LX_TF_SENT) != 0, c->shape);
  return n;
#endif
}

uint32_t lx_tg_dense_key(size_t d) {
  uint32_t x = (uint32_t)d;
  if (x == 0) return f1(F_BIAS, 0);
  if (x < LX_TG_D_HIST) return f2(F_DOC, (x - LX_TG_D_DOC) / 8, (x - LX_TG_D_DOC) % 8);
  if (x < LX_TG_D_LEN) return f2(F_HIST, (x - LX_TG_D_HIST) / 8, (x - LX_TG_D_HIST) % 8);
  if (x < LX_TG_D_G0) return f1(F_LEN, x - LX_TG_D_LEN);
  if (x < LX_TG_D_GM1) return f1(F_G0, x - LX_TG_D_G0);
  if (x < LX_TG_D_GP1C) return f1(F_GM1, x - LX_TG_D_GM1);
  return f2(F_GP1C, (x - LX_TG_D_GP1C) / 4, (x - LX_TG_D_GP1C) % 4);
}

size_t lx_tg_static_features(const lx_tg_tok *T, size_t i, uint32_t *f) {
  uint16_t d[LX_TG_MAXF];
  size_t n = 0;
  f[n++] = lx_tg_dense_key(0);
  n += lx_tg_hashed_features(T, i, f + n);
  size_t nd = lx_tg_dense_features(T, i, d);
  for (size_t k = 0; k < nd; k++) f[n++] = lx_tg_dense_key(d[k]);
  return n;
}

uint32_t lx_tg_shape_of(const char *sym) {
  if (!sym) return SENTINEL_SHAPE;
  if (!*sym) return SENTINEL_SHAPE + 1;
  uint32_t sh = TG_FNV_OFFSET;
  size_t n = 0;
  for (; sym[n] && n < 8; n++) sh = tg_hash_byte(sh, (unsigned char)sym[n]);
  return n >= 8 ? tg_hash_byte(sh, '+') : sh;
}

void lx_tg_shape_keys(uint32_t sm1, uint32_t s0, uint32_t sp1, int sent, uint32_t *k) {
  k[0] = f1(F_S0, s0);
  k[1] = f1(F_SM1, sm1);
  k[2] = f1(F_SP1, sp1);
  k[3] = f2(F_SM1S0, sm1, s0);
  k[4] = f2(F_S0SP1, s0, sp1);
  k[5] = f2(F_SENT, (uint32_t)(sent != 0), s0);
}

void lx_tg_label_pair_keys(int p1, int p2, uint32_t *k) {
  k[0] = f1(F_P1, (uint32_t)p1);
  k[1] = f2(F_P2P1, (uint32_t)p2, (uint32_t)p1);
}

void lx_tg_label_token_features(const lx_tg_tok *T, size_t i, int p1, uint32_t *f) {
  const lx_tg_tok *c = &T[i];
  f[0] = f2(F_P1W0, (uint32_t)p1, c->w);
  f[1] = f2(F_P1S0, (uint32_t)p1, c->shape);
}

uint32_t lx_tg_label_shape_key(int p1, uint32_t shape) {
  return f2(F_P1S0, (uint32_t)p1, shape);
}

size_t lx_tg_label_features(const lx_tg_tok *T, size_t i, int p1, int p2, uint32_t *f) {
  lx_tg_label_pair_keys(p1, p2, f);
  lx_tg_label_token_features(T, i, p1, f + 2);
  return LX_TG_NLABF;
}

size_t lx_tg_features(const lx_tg_tok *T, size_t i, int p1, int p2, uint32_t *f) {
  size_t n = lx_tg_static_features(T, i, f);
  return n + lx_tg_label_features(T, i, p1, p2, f + n);
}
