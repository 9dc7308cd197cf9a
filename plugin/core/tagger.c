/*
 * The statistical tagger of names (PER, ORG, LOC, MISC): a greedy averaged
 * perceptron over BILOU labels, trained on CoNLL-2003 by tools/train/ and
 * embedded in tagger_model.c. Features come from tagger_feat.c, the same
 * code the trainer runs.
 *
 * The model is a set of hashed features, each with 16 int8 weights (one per
 * label but O, whose weights are folded into the others: only differences
 * between labels matter). At load the features go into a cuckoo table of
 * 64-byte buckets, each one cache line with 3 keys and their 3 rows: a
 * feature lives in one of two buckets, most in the first, which keeps a
 * filter of its keys that went to the second; so a lookup reads one line
 * (prefetched a token ahead) and compares 4 keys without a branch on which
 * slot matches (a mispredicted probe loop cost more than the memory), and
 * reads the second line only after a miss the filter lets through; a
 * feature not in the model reads a row of zeros. Sums are int16 (8-bit weights
 * lost nothing on dev against 16-bit ones).
 * Templates over small attributes (document case, history, length,
 * gazetteer bits; the labels before) are not hashed at run time: their rows
 * are copied at load into small tables indexed directly.
 * Lower-case words away from any capital are O and cost nothing but the
 * block's pass over its tokens.
 */
#include "tagger.h"

typedef struct bucket {
  uint32_t key[4];          /* 3 keys (0 = empty), then the filter of the keys
                               whose first bucket this is that live in their
                               second: bit k & 31 of each key k (may_spill) */
  int8_t row[3][LX_TG_NW];  /* the weights of key[s] */
} bucket;
typedef char lx_tg_bucket_is_64[sizeof(bucket) == 64 ? 1 : -1];

/* Shapes common enough that the rows of the templates over shapes alone
 * (LX_TG_NSHAPEF of them) are summed at load for every pair of them, as
 * the dense templates are: most tokens look up 6 features fewer. Any list
 * gives the same scores (the rows are those of the same keys); this one
 * covers most names and their neighbours in news: the sentinels before
 * and after a block, words, numbers, punctuation. */
enum { NSH = 48, SH_SLOTS = 256, SH_NONE = 0xFF };
typedef char lx_tg_nsh_fits[NSH <= 64 ? 1 : -1];
static const char *const common_shapes[NSH] = {
    NULL,   "",      "x",    "X",    "Xx",   "d",    ",",     ".",    "(",    ")",
    "\"",   "'",     "-",    ":",    ";",    "/",    "&",     "$",    "%",    "o",
    "<",    ">",     "?",    "!",    "Xx.",  "X.",   "x.",    "X.X.", "XxXx", "Xx-Xx",
    "Xx-x", "x-Xx",  "x-x",  "X-X",  "X-d",  "d.d",  "d,d",   "d-d",  "d/d",  "dx",
    "dX",   "'x",    "'X",   "X'Xx", "X'x",  "Xx'x", "d,d,d", "X&X"};

struct lx_tagger {
  const lede_allocator *alloc;
  size_t nb;       /* buckets; 0 = no model */
  bucket *b;       /* 64-byte aligned */
  void *b_mem;     /* what was allocated for b */
  size_t nfeat;
  lx_tg_gaz gz;    /* the gazetteer's phrases, from the model */
  int8_t dense[LX_TG_DENSE][LX_TG_NW];  /* rows of lx_tg_dense_key(d) */
  int16_t pair[LX_TG_NLAB][LX_TG_NLAB][LX_TG_NW]; /* [p2][p1]: the label-only rows */
  uint32_t valid[LX_TG_NLAB][8]; /* [p1][scored]: labels that may follow */
  int nsh;         /* 1 if the shape tables below serve */
  int avx2;        /* 1 if the CPU has AVX2 (see acc_avx2) */
  uint32_t sh_mul;             /* of sh_slot(), which has no collision */
  uint32_t sh_key[SH_SLOTS];   /* a common shape, at sh_slot() of it */
  uint8_t sh_id[SH_SLOTS];     /* its index in common_shapes, SH_NONE if none */
  int16_t sh_before[NSH][NSH][LX_TG_NW]; /* [before][token]: SM1 + SM1S0 */
  int16_t sh_after[NSH][NSH][LX_TG_NW];  /* [token][after]: SP1 + S0SP1 */
  int16_t sh_own[2][NSH][LX_TG_NW];      /* [sentence start][token]: S0 + SENT */
  int8_t sh_p1[LX_TG_NLAB][NSH][LX_TG_NW]; /* [label before][token]: P1S0 */
};

static const int8_t zero_row[LX_TG_NW];

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* Sums over AVX2 where the compiler can build them (see acc_avx2) */
#if defined(__SSE2__) && defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && \
    (__GNUC__ >= 5 || defined(__clang__))
#define TG_AVX2 1
#include <immintrin.h>
#define TG_ATTR_AVX2 __attribute__((target("avx2")))
#endif

static uint32_t rd32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The two buckets of a key among nb: feature hashes are already mixed, so
 * the high bits of the key and of an odd multiple of it serve. */
static inline size_t bucket1(uint32_t k, size_t nb) { return (size_t)(((uint64_t)k * nb) >> 32); }
static inline size_t bucket2(uint32_t k, size_t nb) {
  return (size_t)(((uint64_t)(k * 0x9E3779B1u) * nb) >> 32);
}

/* Whether key k may live in its second bucket, B1 its first: a filter of
 * 32 bits. With one flag for any key, every feature not in the model whose
 * first bucket was flagged read a second line from memory (a fifth of the
 * sums' time); now it does only if its bit is one of the few the bucket's
 * spilled keys set. The low bits of a key are as mixed as the high ones
 * that pick the bucket. */
static inline unsigned may_spill(const bucket *B1, uint32_t k) {
  return (B1->key[3] >> (k & 31)) & 1u;
}

void lx_tagger_free(lx_tagger *tg) {
  if (!tg) return;
  lx_free(tg->alloc, tg->b_mem);
  lx_tg_gaz_free(tg->alloc, &tg->gz);
  lx_free(tg->alloc, tg);
}

/* Places features keys[0, nf) into nb buckets: src gets, per slot, the
 * feature's index + 1 (0 = empty). Returns 0 if some feature found no
 * place (the caller grows nb). Deterministic. */
static int cuckoo_build(const unsigned char *keys, size_t nf, size_t nb, bucket *B,
                        uint32_t *src) {
  uint32_t rnd = 0x9e3779b9u;
  memset(B, 0, nb * sizeof *B);
  memset(src, 0, nb * 3 * sizeof(uint32_t));
  for (size_t i = 0; i < nf; i++) {
    uint32_t k = rd32(keys + 4 * i), s = (uint32_t)i + 1;
    size_t b = bucket1(k, nb);
    for (int kick = 0; kick < 500; kick++) {
      size_t c[2] = {b, bucket1(k, nb) == b ? bucket2(k, nb) : bucket1(k, nb)};
      int placed = 0;
      for (int w = 0; w < 2 && !placed; w++)
        for (size_t j = 0; j < 3; j++)
          if (!B[c[w]].key[j]) {
            B[c[w]].key[j] = k;
            src[c[w] * 3 + j] = s;
            placed = 1;
            break;
          }
      if (placed) {
        k = 0;
        break;
      }
      /* evict a random key of bucket b; it moves to its other bucket */
      rnd = rnd * 1664525u + 1013904223u;
      size_t j = (size_t)(((uint64_t)(rnd >> 16) * 3) >> 16);
      uint32_t ek = B[b].key[j], es = src[b * 3 + j];
      B[b].key[j] = k;
      src[b * 3 + j] = s;
      k = ek;
      s = es;
      b = bucket1(k, nb) == b ? bucket2(k, nb) : bucket1(k, nb);
    }
    if (k) return 0;
  }
  /* the first bucket of every key placed in its second notes it in its
   * filter: a lookup reads the second bucket only after a miss the filter
   * lets through */
  for (size_t j = 0; j < nb; j++)
    for (size_t s = 0; s < 3; s++) {
      uint32_t k = B[j].key[s];
      if (k && bucket1(k, nb) != j) B[bucket1(k, nb)].key[3] |= 1u << (k & 31);
    }
  return 1;
}

/* The row of key k (zeros if the model does not have it). */
static const int8_t *find_row(const lx_tagger *tg, uint32_t k) {
  const bucket *c[2] = {&tg->b[bucket1(k, tg->nb)], &tg->b[bucket2(k, tg->nb)]};
  for (int w = 0; w < 2; w++) {
    for (int j = 0; j < 3; j++)
      if (c[w]->key[j] == k) return c[w]->row[j];
    if (!may_spill(c[0], k)) break;
  }
  return zero_row;
}

static inline size_t sh_slot(uint32_t mul, uint32_t shape) {
  return (size_t)((shape * mul) >> 24); /* 256 slots */
}

/* The index of a shape in common_shapes, or SH_NONE. */
static inline unsigned sh_index(const lx_tagger *tg, uint32_t shape) {
  size_t j = sh_slot(tg->sh_mul, shape);
  return tg->sh_key[j] == shape ? tg->sh_id[j] : SH_NONE;
}

static void sum_rows(const lx_tagger *tg, uint32_t k1, uint32_t k2, int16_t *dst) {
  const int8_t *a = find_row(tg, k1), *b = find_row(tg, k2);
  for (int l = 0; l < LX_TG_NW; l++) dst[l] = (int16_t)(a[l] + b[l]);
}

/* The tables of the templates over shapes alone. They serve only if
 * lx_tg_hashed_features() has them where pend_prepare() drops them
 * (checked on a made-up block). */
static void shape_tables(lx_tagger *tg) {
  uint32_t hs[NSH], k[LX_TG_NSHAPEF];
  for (size_t i = 0; i < NSH; i++) hs[i] = lx_tg_shape_of(common_shapes[i]);
  /* a multiplier that puts every shape in a slot of its own (a few tries;
   * the last one tried keeps the first of colliding shapes) */
  for (uint32_t t = 0; t < 1000; t++) {
    tg->sh_mul = 0x9E3779B1u + 2 * t;
    memset(tg->sh_id, SH_NONE, sizeof tg->sh_id);
    size_t placed = 0;
    for (size_t i = 0; i < NSH; i++) {
      size_t j = sh_slot(tg->sh_mul, hs[i]);
      if (tg->sh_id[j] != SH_NONE) continue; /* taken: not served by the tables */
      tg->sh_key[j] = hs[i];
      tg->sh_id[j] = (uint8_t)i;
      placed++;
    }
    if (placed == NSH) break;
  }
  for (size_t a = 0; a < NSH; a++)
    for (size_t b = 0; b < NSH; b++) {
      lx_tg_shape_keys(hs[a], hs[b], hs[b], 0, k);
      sum_rows(tg, k[1], k[3], tg->sh_before[a][b]);
      lx_tg_shape_keys(hs[a], hs[a], hs[b], 0, k);
      sum_rows(tg, k[2], k[4], tg->sh_after[a][b]);
    }
  for (int sent = 0; sent < 2; sent++)
    for (size_t a = 0; a < NSH; a++) {
      lx_tg_shape_keys(hs[a], hs[a], hs[a], sent, k);
      sum_rows(tg, k[0], k[5], tg->sh_own[sent][a]);
    }
  for (int p1 = 0; p1 < LX_TG_NLAB; p1++)
    for (size_t a = 0; a < NSH; a++)
      memcpy(tg->sh_p1[p1][a], find_row(tg, lx_tg_label_shape_key(p1, hs[a])), LX_TG_NW);
  /* a made-up token (with suffixes, after O) has the same hashes both
   * ways: those of lx_tg_hashed_features() and P1W0, and the others plus
   * those of the shapes */
  lx_tg_tok T[5];
  uint32_t f[LX_TG_NHASHED + 2], g[LX_TG_NHASHED + LX_TG_NSHAPEF];
  memset(T, 0, sizeof T);
  for (int i = 0; i < 5; i++) {
    T[i].w = 0x1234567u * (uint32_t)(i + 1);
    T[i].shape = hs[2 + i];
  }
  T[2].flags = LX_TF_SENT;
  T[2].suf2 = 0x2222u;
  T[2].suf3 = 0x3333u;
  T[2].suf4 = 0x4444u;
  size_t n = lx_tg_hashed_features(T, 2, f);
  f[n++] = lx_tg_label_word_feature(T, 2, 0);
  size_t m = lx_tg_hashed_features_noshape(T, 2, 1, g);
  lx_tg_shape_keys(T[1].shape, T[2].shape, T[3].shape, 1, g + m);
  m += LX_TG_NSHAPEF;
  int same = n == m;
  for (size_t i = 0; same && i < n; i++) {
    size_t hits = 0;
    for (size_t j = 0; j < m; j++) hits += f[i] == g[j];
    same = hits == 1;
  }
  uint32_t lf[2];
  lx_tg_label_token_features(T, 2, 3, lf);
  tg->nsh = same && lf[0] == lx_tg_label_word_feature(T, 2, 3) &&
            lf[1] == lx_tg_label_shape_key(3, hs[4]);
}

/* The tables read without hashing: dense templates, label pairs, and which
 * labels may follow which (and those over common shapes). */
static void small_tables(lx_tagger *tg) {
  shape_tables(tg);
  for (size_t d = 0; d < LX_TG_DENSE; d++)
    memcpy(tg->dense[d], find_row(tg, lx_tg_dense_key(d)), LX_TG_NW);
  for (int p2 = 0; p2 < LX_TG_NLAB; p2++)
    for (int p1 = 0; p1 < LX_TG_NLAB; p1++) {
      uint32_t k[2];
      lx_tg_label_pair_keys(p1, p2, k);
      const int8_t *a = find_row(tg, k[0]), *b = find_row(tg, k[1]);
      for (int l = 0; l < LX_TG_NW; l++) tg->pair[p2][p1][l] = (int16_t)(a[l] + b[l]);
    }
  for (int p1 = 0; p1 < LX_TG_NLAB; p1++)
    for (int s = 0; s < 8; s++) {
      uint32_t m = 0;
      for (int l = 0; l < LX_TG_NLAB; l++) m |= (uint32_t)lx_tg_valid(p1, l, s) << l;
      tg->valid[p1][s] = m;
    }
}

lx_tagger *lx_tagger_load(const lede_allocator *a, const void *model, size_t n,
                          lede_status *st) {
  lx_tagger *tg = (lx_tagger *)lx_malloc(a, sizeof *tg);
  if (!tg) {
    *st = LEDE_ENOMEM;
    return NULL;
  }
  memset(tg, 0, sizeof *tg);
  tg->alloc = a;
  *st = LEDE_OK;
  if (n == 0) return tg; /* no model: the tagger finds nothing */
  const unsigned char *p = (const unsigned char *)model;
  if (n < LX_TG_HEADER || memcmp(p, LX_TG_MAGIC, 4) != 0 || rd32(p + 4) != LX_TG_VERSION ||
      rd32(p + 12) != LX_TG_NW) {
    *st = LEDE_EINVAL;
    lx_tagger_free(tg);
    return NULL;
  }
  size_t nf = rd32(p + 8), ng = 0;
  size_t rest = n - LX_TG_HEADER; /* the weights, then the gazetteer */
  if (nf > rest / (4 + LX_TG_NW) || rest - nf * (4 + LX_TG_NW) < 4) {
    *st = LEDE_EINVAL;
    lx_tagger_free(tg);
    return NULL;
  }
  rest -= nf * (4 + LX_TG_NW);
  ng = rd32(p + LX_TG_HEADER + nf * (4 + LX_TG_NW));
  if (ng > (rest - 4) / 8 || rest != 4 + 8 * ng) {
    *st = LEDE_EINVAL;
    lx_tagger_free(tg);
    return NULL;
  }
  const unsigned char *gk = p + LX_TG_HEADER + nf * (4 + LX_TG_NW) + 4;
  *st = lx_tg_gaz_build(a, &tg->gz, gk, gk + 4 * ng, ng);
  if (*st != LEDE_OK) {
    lx_tagger_free(tg);
    return NULL;
  }
  const unsigned char *keys = p + LX_TG_HEADER, *rows = keys + 4 * nf;
  for (size_t i = 0; i < nf; i++)
    if (!rd32(keys + 4 * i) || (i && rd32(keys + 4 * i) <= rd32(keys + 4 * (i - 1)))) {
      *st = LEDE_EINVAL; /* keys are nonzero and strictly ascending */
      lx_tagger_free(tg);
      return NULL;
    }
  /* half full: a lookup reads one bucket, and a second after 7% of them on
   * dev (a quarter at 6/7 full, which halved the table) */
  size_t nb = nf / 2 + nf / 6 + 1;
  uint32_t *src = NULL;
  for (;;) {
    tg->b_mem = lx_malloc(a, nb * sizeof(bucket) + 64);
    src = (uint32_t *)lx_malloc(a, nb * 3 * sizeof(uint32_t));
    if (!tg->b_mem || !src) break;
    tg->b = (bucket *)(((uintptr_t)tg->b_mem + 63) & ~(uintptr_t)63);
    if (cuckoo_build(keys, nf, nb, tg->b, src)) break;
    lx_free(a, tg->b_mem);
    lx_free(a, src);
    tg->b_mem = NULL;
    tg->b = NULL;
    src = NULL;
    nb += nb / 8 + 1;
  }
  if (!tg->b || !src) {
    lx_free(a, src);
    *st = LEDE_ENOMEM;
    lx_tagger_free(tg);
    return NULL;
  }
  tg->nb = nb;
  tg->nfeat = nf;
  for (size_t j = 0; j < nb * 3; j++) {
    if (!src[j]) continue;
    int8_t *r = tg->b[j / 3].row[j % 3];
    const unsigned char *q = rows + (size_t)(src[j] - 1) * LX_TG_NW;
    for (size_t w = 0; w < LX_TG_NW; w++) {
      int v = q[w] < 128 ? q[w] : (int)q[w] - 256;
      r[w] = (int8_t)(v < -127 ? -127 : v);
    }
  }
  lx_free(a, src);
  small_tables(tg);
#if defined(TG_AVX2)
  /* (pend_fetch_avx2() multiplies keys by nb over 32 bits) */
  tg->avx2 = lx_cpu_has("avx2") && nb <= 0xFFFFFFFFu;
#endif
  return tg;
}

lx_tagger *lx_tagger_new(const lede_allocator *a, lede_status *st) {
  return lx_tagger_load(a, lx_tagger_model, lx_tagger_model_len, st);
}

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#if defined(__SSE2__)
/* Slot of a key within a bucket from the mask of matching slots (0 = none). */
static const uint8_t first_of[16] = {0, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0};
#endif

/* sums of 16 int16 */
typedef struct acc {
#if defined(__SSE2__)
  __m128i lo, hi;
#else
  int16_t v[LX_TG_NW];
#endif
} acc;

static inline void acc_zero(acc *s) {
#if defined(__SSE2__)
  s->lo = s->hi = _mm_setzero_si128();
#else
  memset(s->v, 0, sizeof s->v);
#endif
}

static inline void acc_store(const acc *s, int16_t *p) {
#if defined(__SSE2__)
  _mm_storeu_si128((__m128i *)p, s->lo);
  _mm_storeu_si128((__m128i *)(p + 8), s->hi);
#else
  memcpy(p, s->v, sizeof s->v);
#endif
}

static inline void acc_add16(acc *s, const int16_t *p) {
#if defined(__SSE2__)
  s->lo = _mm_add_epi16(s->lo, _mm_loadu_si128((const __m128i *)p));
  s->hi = _mm_add_epi16(s->hi, _mm_loadu_si128((const __m128i *)(p + 8)));
#else
  for (int l = 0; l < LX_TG_NW; l++) s->v[l] = (int16_t)(s->v[l] + p[l]);
#endif
}

#if defined(__SSE2__)
static inline void acc_addv(acc *s, __m128i w) {
  __m128i sign = _mm_cmpgt_epi8(_mm_setzero_si128(), w);
  s->lo = _mm_add_epi16(s->lo, _mm_unpacklo_epi8(w, sign));
  s->hi = _mm_add_epi16(s->hi, _mm_unpackhi_epi8(w, sign));
}
#endif

static inline void acc_add8(acc *s, const int8_t *w8) {
#if defined(__SSE2__)
  acc_addv(s, _mm_loadu_si128((const __m128i *)w8));
#else
  for (int l = 0; l < LX_TG_NW; l++) s->v[l] = (int16_t)(s->v[l] + w8[l]);
#endif
}

/* Adds the row of key k given its first bucket B1 (zeros if the model
 * does not have it). The second bucket is read only after a miss in a
 * flagged first one (few: the table is sparse enough); which slot holds
 * the key, and whether one does, is unpredictable: no branch on it. */
#if defined(__SSE2__)
/* The bucket that holds key k, first B1 or else its second, and in *m the
 * mask of its slots that match (0 = none, and B is then either). */
static inline const bucket *bucket_of(const lx_tagger *tg, const bucket *B1, uint32_t k,
                                      unsigned *m) {
  __m128i kv = _mm_set1_epi32((int)k);
  const bucket *B = B1;
  *m = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(
           _mm_cmpeq_epi32(_mm_load_si128((const __m128i *)B->key), kv))) & 7u;
  /* both tests in one branch, taken by few (a branch on m alone would be
   * on whether the key is there): the filter's bit exceeds m only if no
   * slot matched */
  if (may_spill(B, k) > *m) {
    B = &tg->b[bucket2(k, tg->nb)];
    *m = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(
             _mm_cmpeq_epi32(_mm_load_si128((const __m128i *)B->key), kv))) & 7u;
  }
  return B;
}
#endif

static inline void acc_match(acc *s, const lx_tagger *tg, const bucket *B1, uint32_t k) {
#if defined(__SSE2__)
  unsigned m;
  const bucket *B = bucket_of(tg, B1, k, &m);
  /* a miss reads row 0 and drops it (a mask, not ?:, which compilers
   * make a branch of) */
  __m128i w = _mm_load_si128((const __m128i *)B->row[first_of[m]]);
  acc_addv(s, _mm_and_si128(w, _mm_set1_epi32(-(int)(m != 0))));
#else
  const bucket *B = B1;
  for (int w = 0; w < 2; w++) {
    for (unsigned j = 0; j < 3; j++)
      if (B->key[j] == k) {
        acc_add8(s, B->row[j]);
        return;
      }
    if (!may_spill(B1, k)) return;
    B = &tg->b[bucket2(k, tg->nb)];
  }
#endif
}

/* With AVX2 (the CPU tells at run time) one register holds the 16 sums
 * and a row of int8 is widened in one instruction: a third fewer
 * instructions a feature than SSE2's. The same sums (of integers: the
 * order does not matter). */
#if defined(TG_AVX2)
typedef struct acc_avx2 {
  __m256i v;
} acc_avx2;

static inline TG_ATTR_AVX2 void acc_zero_avx2(acc_avx2 *s) { s->v = _mm256_setzero_si256(); }

static inline TG_ATTR_AVX2 void acc_store_avx2(const acc_avx2 *s, int16_t *p) {
  _mm256_storeu_si256((__m256i *)p, s->v);
}

static inline TG_ATTR_AVX2 void acc_add16_avx2(acc_avx2 *s, const int16_t *p) {
  s->v = _mm256_add_epi16(s->v, _mm256_loadu_si256((const __m256i *)p));
}

static inline TG_ATTR_AVX2 void acc_add8_avx2(acc_avx2 *s, const int8_t *w8) {
  s->v = _mm256_add_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)w8)), s->v);
}

/* Per mask of matching slots (as first_of): 16 lanes of ones if a slot
 * matched, else of zeros. */
#define ONES {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}
static const int16_t hit_lanes[8][LX_TG_NW] = {{0}, ONES, ONES, ONES, ONES, ONES, ONES, ONES};
#undef ONES

/* Byte offset in a bucket of the row of the first matching slot, per
 * mask of matching slots (row 0 if none). */
#define ROW(j) ((uint8_t)offsetof(bucket, row[j]))
static const uint8_t row_at[8] = {ROW(0), ROW(0), ROW(1), ROW(0), ROW(2), ROW(0), ROW(1), ROW(0)};
#undef ROW

/* acc_match() (a miss reads row 0 and drops it: a mask from a table,
 * where ?: compiles to a branch) */
static inline TG_ATTR_AVX2 void acc_match_avx2(acc_avx2 *s, const lx_tagger *tg,
                                               const bucket *B1, uint32_t k) {
  unsigned m;
  const bucket *B = bucket_of(tg, B1, k, &m);
  __m256i w = _mm256_cvtepi8_epi16(_mm_load_si128((const __m128i *)((const char *)B + row_at[m])));
  w = _mm256_and_si256(w, _mm256_loadu_si256((const __m256i *)hit_lanes[m]));
  s->v = _mm256_add_epi16(w, s->v);
}
#endif

/* One token's hashed features on their way to a partial score: their
 * first buckets are prefetched, most a token before they are read. */
typedef struct pend pend;
#if defined(TG_AVX2) && defined(__x86_64__)
#define TG_AVX2_FETCH 1
static TG_ATTR_AVX2 void pend_fetch_avx2(const lx_tagger *tg, pend *S);
#endif

struct pend {
  size_t tok, nf;
  unsigned shm, sh0, shp, sent; /* common shapes' indices (SH_NONE: none) */
  unsigned own, after_o; /* the token's shape's index; whether to add P1S0 after O */
  uint32_t f[LX_TG_NHASHED + 2 + 8]; /* room for 8 zeros past them */
  const bucket *b1[LX_TG_NHASHED + 2 + 4]; /* a multiple of 8 */
};

#if defined(TG_AVX2_FETCH)
/* The first buckets of 8 keys at a time, all fetched (the keys past nf
 * are zeros, set here: they fetch the first bucket for nothing, fewer
 * instructions than a loop that stops at nf): bucket1() over 64-bit lanes,
 * even keys in one register and odd ones in another, then put back in
 * order. */
static TG_ATTR_AVX2 void pend_fetch_avx2(const lx_tagger *tg, pend *S) {
  const __m256i nb = _mm256_set1_epi64x((long long)tg->nb);
  const __m256i base = _mm256_set1_epi64x((long long)(uintptr_t)tg->b);
  _mm256_storeu_si256((__m256i *)(S->f + S->nf), _mm256_setzero_si256());
  for (size_t k = 0; k < S->nf; k += 8) {
    __m256i key = _mm256_loadu_si256((const __m256i *)(S->f + k));
    __m256i ev = _mm256_mul_epu32(key, nb), od = _mm256_mul_epu32(_mm256_srli_epi64(key, 32), nb);
    ev = _mm256_add_epi64(base, _mm256_slli_epi64(_mm256_srli_epi64(ev, 32), 6));
    od = _mm256_add_epi64(base, _mm256_slli_epi64(_mm256_srli_epi64(od, 32), 6));
    __m256i lo = _mm256_unpacklo_epi64(ev, od), hi = _mm256_unpackhi_epi64(ev, od);
    _mm256_storeu_si256((__m256i *)(S->b1 + k), _mm256_permute2x128_si256(lo, hi, 0x20));
    _mm256_storeu_si256((__m256i *)(S->b1 + k + 4), _mm256_permute2x128_si256(lo, hi, 0x31));
    const bucket *const *p = S->b1 + k;
    PREFETCH(p[0]), PREFETCH(p[1]), PREFETCH(p[2]), PREFETCH(p[3]);
    PREFETCH(p[4]), PREFETCH(p[5]), PREFETCH(p[6]), PREFETCH(p[7]);
  }
}
#endif

static inline void pend_fetch(const lx_tagger *tg, pend *S) {
#if defined(TG_AVX2_FETCH)
  if (tg->avx2) {
    pend_fetch_avx2(tg, S);
    return;
  }
#endif
  for (size_t k = 0; k < S->nf; k++) {
    S->b1[k] = &tg->b[bucket1(S->f[k], tg->nb)];
    PREFETCH(S->b1[k]);
  }
}

/* Hashes the features of token i that do not depend on labels, and those
 * that do when the label before is known to be O, and fetches their first
 * buckets (read by pend_sum()). */
static void pend_prepare(const lx_tagger *tg, const lx_tg_tok *T, size_t i, pend *a) {
  const lx_tg_tok *c = &T[i];
  a->tok = i;
  a->sh0 = a->own = SH_NONE;
  a->after_o = 0;
  if (tg->nsh) {
    a->shm = sh_index(tg, c[-1].shape);
    a->sh0 = a->own = sh_index(tg, c->shape);
    a->shp = sh_index(tg, c[1].shape);
    a->sent = (c->flags & LX_TF_SENT) != 0;
    if ((a->shm | a->sh0 | a->shp) >= 64) a->sh0 = SH_NONE; /* one is SH_NONE */
  }
  /* if the shapes are common, the tables have the 6 templates over them
   * (and P1S0, when the label before is O) */
  int after_o = i == 0 || !T[i - 1].scored;
  if (a->sh0 != SH_NONE) {
    a->nf = lx_tg_hashed_features_noshape(T, i, after_o, a->f);
    a->after_o = (unsigned)after_o;
  } else {
    a->nf = lx_tg_hashed_features(T, i, a->f);
    if (after_o && a->own != SH_NONE) { /* P1S0 from the table */
      a->f[a->nf++] = lx_tg_label_word_feature(T, i, 0);
      a->after_o = 1;
    } else if (after_o) {
      lx_tg_label_token_features(T, i, 0, a->f + a->nf);
      a->nf += 2;
    }
  }
  pend_fetch(tg, a);
}

/* The label of prepared token i (b) given the labels before it, p1 and
 * p2, among valid set m, and its margin (best_label()): from the sums of
 * the rows of its features; p1w0 is lx_tg_label_word_feature(T, i, p1) if
 * the token before is scored (the caller fetched its bucket). Built for the
 * sums of each acc type (S: its suffix, ATTR: the function's target) and
 * its best_label, inline there: the sums need not leave their registers
 * nor the call spill them. */
#define TG_DEFINE_SCORE(S, ATTR)                                                              \
  static ATTR int score##S(const lx_tagger *tg, const lx_tg_tok *T, const pend *b, size_t i,  \
                           int p1, int p2, uint32_t p1w0, uint32_t m, int32_t *margin) {      \
    uint16_t d[LX_TG_MAXF];                                                                   \
    size_t nd = lx_tg_dense_features(T, b->tok, d);                                           \
    acc##S s;                                                                                 \
    acc_zero##S(&s);                                                                          \
    acc_add8##S(&s, tg->dense[0]);                                                            \
    /* the 3 every token has, then those of gazetteer bits (few) */                           \
    acc_add8##S(&s, tg->dense[d[0]]);                                                         \
    acc_add8##S(&s, tg->dense[d[1]]);                                                         \
    acc_add8##S(&s, tg->dense[d[2]]);                                                         \
    for (size_t j = 3; j < nd; j++) acc_add8##S(&s, tg->dense[d[j]]);                         \
    if (b->sh0 != SH_NONE) {                                                                  \
      acc_add16##S(&s, tg->sh_before[b->shm][b->sh0]);                                        \
      acc_add16##S(&s, tg->sh_after[b->sh0][b->shp]);                                         \
      acc_add16##S(&s, tg->sh_own[b->sent][b->sh0]);                                          \
    }                                                                                         \
    if (b->after_o) acc_add8##S(&s, tg->sh_p1[0][b->own]);                                    \
    for (size_t j = 0; j < b->nf; j++) acc_match##S(&s, tg, b->b1[j], b->f[j]);               \
    acc_add16##S(&s, tg->pair[p2][p1]);                                                       \
    if (i > 0 && T[i - 1].scored) { /* else pend_prepare() took them */                      \
      acc_match##S(&s, tg, &tg->b[bucket1(p1w0, tg->nb)], p1w0);                              \
      if (b->own != SH_NONE) {                                                                \
        acc_add8##S(&s, tg->sh_p1[p1][b->own]);                                               \
      } else {                                                                                \
        uint32_t f = lx_tg_label_shape_key(p1, T[i].shape);                                   \
        acc_match##S(&s, tg, &tg->b[bucket1(f, tg->nb)], f);                                  \
      }                                                                                       \
    }                                                                                         \
    int16_t sc[LX_TG_NW];                                                                     \
    acc_store##S(&s, sc);                                                                     \
    return best_label##S(sc, m, margin);                                                      \
  }

/* The first of S[q, ns) that is no word between names, or ns. */
static inline size_t next_prepared(const lx_tg_tok *T, const uint32_t *S, size_t ns, size_t q) {
  while (q < ns && (T[S[q]].scored & LX_TG_S_INNER)) q++;
  return q;
}

/* Whether the label before token i may leave it one label: it ends a run
 * after a scored token (a name open before it must end on it). */
static inline int may_be_decided(const lx_tg_tok *T, size_t i) {
  return (T[i].scored & LX_TG_S_LAST) && i > 0 && T[i - 1].scored;
}

/* best_label()'s end, from the largest score of labels 1..16 (top, of
 * label k + 1) and the largest of the others (next), -32768 for none. */
static inline int pick_label(int32_t top, unsigned k, int32_t next, uint32_t m,
                             int32_t *margin) {
  int32_t best, second, o = (m & 1) ? 0 : -32768;
  int l;
  if ((m & 1) && top <= 0) { /* O comes first: it wins ties */
    l = 0;
    best = 0;
    second = top;
  } else {
    l = (int)k + 1;
    best = top;
    second = next > o ? next : o;
  }
  *margin = second == -32768 ? INT32_MAX : best - second;
  return l;
}

/* The best label of valid set m (bit l: label l may come) given the
 * scores of labels 1..16 (O scores 0), the first of equal ones, and its
 * margin over the next (INT32_MAX if it is the only one). Scores lie
 * within +-LX_TG_MAXF * 127, so -32768 stands for "not valid". */
static inline int best_label(const int16_t *sc, uint32_t m, int32_t *margin) {
#if defined(__SSE2__)
  const __m128i bits_lo = _mm_setr_epi16(1, 2, 4, 8, 16, 32, 64, 128);
  const __m128i bits_hi = _mm_setr_epi16(256, 512, 1024, 2048, 4096, 8192, 16384, -32768);
  const __m128i none = _mm_set1_epi16(-32768);
  __m128i mv = _mm_set1_epi16((short)(m >> 1));
  __m128i ok_lo = _mm_cmpeq_epi16(_mm_and_si128(mv, bits_lo), bits_lo);
  __m128i ok_hi = _mm_cmpeq_epi16(_mm_and_si128(mv, bits_hi), bits_hi);
  __m128i lo = _mm_loadu_si128((const __m128i *)sc);
  __m128i hi = _mm_loadu_si128((const __m128i *)(sc + 8));
  lo = _mm_or_si128(_mm_and_si128(ok_lo, lo), _mm_andnot_si128(ok_lo, none));
  hi = _mm_or_si128(_mm_and_si128(ok_hi, hi), _mm_andnot_si128(ok_hi, none));
  /* the largest of the 16, in every lane */
  __m128i x = _mm_max_epi16(lo, hi);
  x = _mm_max_epi16(x, _mm_shuffle_epi32(x, _MM_SHUFFLE(1, 0, 3, 2)));
  x = _mm_max_epi16(x, _mm_shuffle_epi32(x, _MM_SHUFFLE(2, 3, 0, 1)));
  x = _mm_max_epi16(x, _mm_shufflelo_epi16(_mm_shufflehi_epi16(x, _MM_SHUFFLE(2, 3, 0, 1)),
                                           _MM_SHUFFLE(2, 3, 0, 1)));
  unsigned eq = (unsigned)_mm_movemask_epi8(
      _mm_packs_epi16(_mm_cmpeq_epi16(lo, x), _mm_cmpeq_epi16(hi, x)));
  unsigned k = lx_tg_ctz64(eq | 0x10000u);
  int32_t top = (int16_t)_mm_cvtsi128_si32(x);
  /* the largest of the others: the first best out */
  __m128i kv = _mm_set1_epi16((short)(1u << k));
  __m128i out_lo = _mm_cmpeq_epi16(kv, bits_lo), out_hi = _mm_cmpeq_epi16(kv, bits_hi);
  lo = _mm_or_si128(_mm_andnot_si128(out_lo, lo), _mm_and_si128(out_lo, none));
  hi = _mm_or_si128(_mm_andnot_si128(out_hi, hi), _mm_and_si128(out_hi, none));
  x = _mm_max_epi16(lo, hi);
  x = _mm_max_epi16(x, _mm_shuffle_epi32(x, _MM_SHUFFLE(1, 0, 3, 2)));
  x = _mm_max_epi16(x, _mm_shuffle_epi32(x, _MM_SHUFFLE(2, 3, 0, 1)));
  x = _mm_max_epi16(x, _mm_shufflelo_epi16(_mm_shufflehi_epi16(x, _MM_SHUFFLE(2, 3, 0, 1)),
                                           _MM_SHUFFLE(2, 3, 0, 1)));
  int32_t next = (int16_t)_mm_cvtsi128_si32(x);
  return pick_label(top, k, next, m, margin);
#else
  int32_t best = INT32_MIN, second = INT32_MIN;
  int l = 0;
  for (int c = 0; c < LX_TG_NLAB; c++) {
    if (!((m >> c) & 1)) continue;
    int32_t s = c ? sc[c - 1] : 0;
    if (s > best) {
      second = best;
      best = s;
      l = c;
    } else if (s > second) {
      second = s;
    }
  }
  *margin = second == INT32_MIN ? INT32_MAX : best - second;
  return l;
#endif
}

#if defined(TG_AVX2)
/* best_label() over SSE4.1's least of 8 unsigned lanes and its index (the
 * first of equal ones): score x becomes 0x7FFF - x, so the largest is the
 * least, and a label not valid 0xFFFF. */
static inline TG_ATTR_AVX2 int best_label_avx2(const int16_t *sc, uint32_t m,
                                               int32_t *margin) {
  const __m256i bits = _mm256_setr_epi16(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048,
                                         4096, 8192, 16384, -32768);
  __m256i ok = _mm256_cmpeq_epi16(_mm256_and_si256(_mm256_set1_epi16((short)(m >> 1)), bits),
                                  bits);
  __m256i u = _mm256_sub_epi16(_mm256_set1_epi16(0x7FFF),
                               _mm256_loadu_si256((const __m256i *)sc));
  u = _mm256_or_si256(u, _mm256_xor_si256(ok, _mm256_set1_epi16(-1)));
  uint32_t ml = (uint32_t)_mm_cvtsi128_si32(_mm_minpos_epu16(_mm256_castsi256_si128(u)));
  uint32_t mh = (uint32_t)_mm_cvtsi128_si32(_mm_minpos_epu16(_mm256_extracti128_si256(u, 1)));
  /* the first of the largest: in the low half if it has one as large */
  uint32_t tl = ml & 0xFFFF, th = mh & 0xFFFF;
  unsigned k = tl <= th ? (ml >> 16) & 7 : 8 + ((mh >> 16) & 7);
  uint32_t tu = tl <= th ? tl : th;
  /* the largest of the others: the first best out */
  const __m256i lane = _mm256_setr_epi16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  u = _mm256_or_si256(u, _mm256_cmpeq_epi16(lane, _mm256_set1_epi16((short)k)));
  tl = (uint32_t)_mm_cvtsi128_si32(_mm_minpos_epu16(_mm256_castsi256_si128(u))) & 0xFFFF;
  th = (uint32_t)_mm_cvtsi128_si32(_mm_minpos_epu16(_mm256_extracti128_si256(u, 1))) & 0xFFFF;
  uint32_t nu = tl <= th ? tl : th;
  return pick_label(0x7FFF - (int32_t)tu, k, 0x7FFF - (int32_t)nu, m, margin);
}
#endif

TG_DEFINE_SCORE(, )
#if defined(TG_AVX2)
TG_DEFINE_SCORE(_avx2, TG_ATTR_AVX2)
#endif

/* Labels the ns scored tokens listed in S (their labels in lab, their
 * margins in mg) and lists in NL those given a label other than O; returns
 * how many. Built for each score function (X: its suffix, ATTR: its
 * target), inline here, where a call a token passed nine arguments and
 * saved and restored registers. */
#define TG_DEFINE_LABEL(X, ATTR)                                                               \
  static ATTR size_t label##X(const lx_tagger *tg, const lx_tg_tok *T, const uint32_t *S,      \
                             size_t ns, uint8_t *lab, int32_t *mg, uint32_t *NL) {             \
    size_t nl = 0;                                                                             \
    /* token by token. A token on which one label may follow the one before                    \
     * is not summed: the words between names (always), and the end of a run                   \
     * after a name that is open. The others' buckets are fetched a token                      \
     * ahead, while the one before is summed, so memory latency overlaps work;                 \
     * but the end of a run after a scored token is prepared in its turn, once                 \
     * it is known to have labels to choose from. */                                           \
    pend Q[2];                                                                                 \
    int cur = 0, ready = 0; /* ready: Q[cur] holds S[next] */                                  \
    size_t next = next_prepared(T, S, ns, 0);                                                  \
    if (next < ns && !may_be_decided(T, S[next])) {                                            \
      pend_prepare(tg, T, S[next], &Q[cur]);                                                   \
      ready = 1;                                                                               \
    }                                                                                          \
    for (size_t q = 0; q < ns; q++) {                                                          \
      size_t i = S[q];                                                                         \
      int p1 = i >= 1 ? lab[i - 1] : 0, p2 = i >= 2 ? lab[i - 2] : 0;                          \
      uint32_t m = tg->valid[p1][T[i].scored & 7]; /* never 0: O or I, L may follow */         \
      int one = !(m & (m - 1));                                                                \
      /* after a scored token, the feature of the label before and the word:                   \
       * its bucket comes from memory while the next token is prepared */                      \
      uint32_t p1w0 = 0;                                                                       \
      if (!one && i > 0 && T[i - 1].scored) {                                                  \
        p1w0 = lx_tg_label_word_feature(T, i, p1);                                             \
        PREFETCH(&tg->b[bucket1(p1w0, tg->nb)]);                                               \
      }                                                                                        \
      const pend *b = NULL;                                                                    \
      if (q == next) {                                                                         \
        if (ready || !one) {                                                                   \
          if (!ready) pend_prepare(tg, T, i, &Q[cur]); /* may_be_decided(), and was not */     \
          b = &Q[cur];                                                                         \
        }                                                                                      \
        cur ^= 1;                                                                              \
        ready = 0;                                                                             \
        next = next_prepared(T, S, ns, q + 1);                                                 \
        if (next < ns && !may_be_decided(T, S[next])) {                                        \
          pend_prepare(tg, T, S[next], &Q[cur]);                                               \
          ready = 1;                                                                           \
        }                                                                                      \
      }                                                                                        \
      /* the margin is the one best_label() gives the only label; a token with                 \
       * several is prepared (b is NULL only on words between names, which have                \
       * one) */                                                                               \
      if (one || !b) {                                                                         \
        lab[i] = (uint8_t)lx_tg_ctz64(m);                                                      \
        mg[i] = INT32_MAX;                                                                     \
      } else {                                                                                 \
        lab[i] = (uint8_t)score##X(tg, T, b, i, p1, p2, p1w0, m, &mg[i]);                      \
      }                                                                                        \
      NL[nl] = (uint32_t)i;                                                                    \
      nl += lab[i] != 0;                                                                       \
    }                                                                                          \
    return nl;                                                                                 \
  }

TG_DEFINE_LABEL(, )
#if defined(TG_AVX2)
TG_DEFINE_LABEL(_avx2, TG_ATTR_AVX2)
#endif

static const uint16_t lede_type_of[LX_TG_NTYPES] = {LEDE_T_PERSON, LEDE_T_ORG, LEDE_T_LOC,
                                                    LEDE_T_NORP};

int lx_tagger_tag(const lx_tagger *tg, const lx_ner_in *in, size_t t0, size_t t1,
                  lx_vec *scratch, lx_vec *out) {
  if (!tg || !tg->nb || t1 <= t0 || t1 > in->ntoks) return 1;
  if (!lx_tg_doc(in->alloc, scratch, in->text, in->toks, in->ntoks, &tg->gz)) return 0;
  size_t ns;
  lx_tg_tok *T = lx_tg_block(in->alloc, scratch, in->text, in->toks, t0, t1, &tg->gz, &ns);
  if (!T) return 0;
  size_t n = t1 - t0;
  int32_t *mg = lx_tg_margins(T, n);
  uint8_t *lab = lx_tg_labels(T, n);
  const uint32_t *S = lx_tg_scored(T, n);
  /* the tokens given a label other than O, in order (in the partial scores'
   * room, free once the block is built): names are found, and noted, among
   * them rather than among all the scored tokens, most of them O */
  uint32_t *NL = (uint32_t *)lx_tg_partials(T, n);
  memset(lab, 0, n); /* tokens not scored are O */
  size_t nl;
#if defined(TG_AVX2)
  if (tg->avx2)
    nl = label_avx2(tg, T, S, ns, lab, mg, NL);
  else
#endif
    nl = label(tg, T, S, ns, lab, mg, NL);
  /* names: B I* L or U (room for them at once: one at most a labelled token) */
  if (!lx_vec_reserve(in->alloc, out, sizeof(lx_cand), out->n + nl)) return 0;
  for (size_t q = 0; q < nl; q++) {
    size_t i = NL[q];
    int pos = LX_TG_POS(lab[i]);
    if (pos != LX_TG_B && pos != LX_TG_U) continue;
    size_t j = i;
    int32_t m = mg[i];
    if (pos == LX_TG_B) {
      while (j + 1 < n && lab[j + 1] && LX_TG_POS(lab[j + 1]) == LX_TG_I) {
        j++;
        if (mg[j] < m) m = mg[j];
      }
      if (j + 1 >= n || !lab[j + 1] || LX_TG_POS(lab[j + 1]) != LX_TG_L) continue;
      j++;
      if (mg[j] < m) m = mg[j];
    }
    /* the other fields zero */
    ((lx_cand *)out->p)[out->n++] = (lx_cand){.t0 = (uint32_t)(t0 + i),
                                              .t1 = (uint32_t)(t0 + j + 1),
                                              .type = lede_type_of[LX_TG_TYPE(lab[i])],
                                              .value_kind = LEDE_V_NONE,
                                              .source = LX_SRC_TAGGER,
                                              .score = m};
    while (q + 1 < nl && NL[q + 1] <= j) q++;
  }
  lx_tg_note_scored(scratch, T, lab, NL, nl); /* the others are O */
  return 1;
}
