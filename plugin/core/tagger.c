/*
 * The statistical tagger of names (PER, ORG, LOC, MISC): a greedy averaged
 * perceptron over BILOU labels, trained on CoNLL-2003 by tools/train/ and
 * embedded in tagger_model.c. Features come from tagger_feat.c, the same
 * code the trainer runs.
 *
 * The model is a set of hashed features, each with 16 int8 weights (one per
 * label but O, whose weights are folded into the others: only differences
 * between labels matter). At load the features go into a cuckoo table of
 * buckets of 4 keys: a feature lives in one of two buckets, so a lookup
 * compares 8 keys without a branch (a mispredicted probe loop cost more than
 * the memory), and a feature not in the model reads a row of zeros. Slot j
 * has its weights in rows[j], 16 bytes within one cache line; with 56k
 * features keys and rows take 1.3 MB. A token's buckets are all prefetched
 * before any is read, then its rows; sums are int16 (8-bit weights lost
 * nothing on dev against 16-bit ones).
 * Lower-case words away from any capital are O and cost nothing but the
 * block's pass over its tokens.
 */
#include "tagger.h"

struct lx_tagger {
  const lede_allocator *alloc;
  size_t nb;       /* buckets of 4 slots, a power of two; 0 = no model */
  uint32_t *keys;  /* nb x 4 keys, 0 = empty, 16-byte aligned */
  void *keys_mem;  /* what was allocated for keys */
  int8_t *rows;    /* (nb x 4 + 1) x LX_TG_NW, 64-byte aligned; the last is 0 */
  void *rows_mem;  /* what was allocated for rows */
  size_t nfeat;
  lx_tg_gaz gz;    /* the gazetteer's phrases, from the model */
};

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

static uint32_t rd32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The two buckets of a key: feature hashes are already mixed, so their low
 * and high bits serve (independent while there are at most 2^16 buckets). */
static inline size_t bucket1(uint32_t k, size_t m) { return k & m; }
static inline size_t bucket2(uint32_t k, size_t m) { return ((k >> 16) ^ (k << 16) ^ (k >> 3)) & m; }

void lx_tagger_free(lx_tagger *tg) {
  if (!tg) return;
  lx_free(tg->alloc, tg->keys_mem);
  lx_free(tg->alloc, tg->rows_mem);
  lx_tg_gaz_free(tg->alloc, &tg->gz);
  lx_free(tg->alloc, tg);
}

/* Places features keys[0, nf) into nb buckets: src gets, per slot, the
 * feature's index + 1 (0 = empty). Returns 0 if some feature found no
 * place (the caller doubles nb). Deterministic. */
static int cuckoo_build(const unsigned char *keys, size_t nf, size_t nb, uint32_t *slot_key,
                        uint32_t *src) {
  size_t m = nb - 1;
  uint32_t rnd = 0x9e3779b9u;
  memset(slot_key, 0, nb * 4 * sizeof(uint32_t));
  memset(src, 0, nb * 4 * sizeof(uint32_t));
  for (size_t i = 0; i < nf; i++) {
    uint32_t k = rd32(keys + 4 * i), s = (uint32_t)i + 1;
    size_t b = bucket1(k, m);
    for (int kick = 0; kick < 500; kick++) {
      size_t c[2] = {b, bucket1(k, m) == b ? bucket2(k, m) : bucket1(k, m)};
      int placed = 0;
      for (int w = 0; w < 2 && !placed; w++)
        for (size_t j = c[w] * 4; j < c[w] * 4 + 4; j++)
          if (!slot_key[j]) {
            slot_key[j] = k;
            src[j] = s;
            placed = 1;
            break;
          }
      if (placed) {
        k = 0;
        break;
      }
      /* evict a random key of bucket b; it moves to its other bucket */
      rnd = rnd * 1664525u + 1013904223u;
      size_t j = b * 4 + (rnd >> 30);
      uint32_t ek = slot_key[j], es = src[j];
      slot_key[j] = k;
      src[j] = s;
      k = ek;
      s = es;
      b = bucket1(k, m) == b ? bucket2(k, m) : bucket1(k, m);
    }
    if (k) return 0;
  }
  return 1;
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
  size_t nb = 4;
  while (nb * 4 * 7 < nf * 8) nb *= 2; /* at most 7/8 full */
  uint32_t *src = NULL;
  for (;;) {
    tg->keys_mem = lx_malloc(a, nb * 4 * sizeof(uint32_t) + 16);
    src = (uint32_t *)lx_malloc(a, nb * 4 * sizeof(uint32_t));
    if (!tg->keys_mem || !src) break;
    tg->keys = (uint32_t *)(((uintptr_t)tg->keys_mem + 15) & ~(uintptr_t)15);
    if (cuckoo_build(keys, nf, nb, tg->keys, src)) break;
    lx_free(a, tg->keys_mem);
    lx_free(a, src);
    tg->keys_mem = NULL;
    tg->keys = NULL;
    src = NULL;
    nb *= 2;
  }
  size_t nslots = nb * 4;
  if (tg->keys && src) tg->rows_mem = lx_malloc(a, (nslots + 1) * LX_TG_NW + 64);
  if (!tg->keys || !src || !tg->rows_mem) {
    lx_free(a, src);
    *st = LEDE_ENOMEM;
    lx_tagger_free(tg);
    return NULL;
  }
  tg->rows = (int8_t *)(((uintptr_t)tg->rows_mem + 63) & ~(uintptr_t)63);
  tg->nb = nb;
  tg->nfeat = nf;
  for (size_t j = 0; j <= nslots; j++) {
    int8_t *r = tg->rows + j * LX_TG_NW;
    if (j == nslots || !src[j]) {
      memset(r, 0, LX_TG_NW);
      continue;
    }
    const unsigned char *q = rows + (size_t)(src[j] - 1) * LX_TG_NW;
    for (size_t w = 0; w < LX_TG_NW; w++) {
      int v = q[w] < 128 ? q[w] : (int)q[w] - 256;
      r[w] = (int8_t)(v < -127 ? -127 : v);
    }
  }
  lx_free(a, src);
  return tg;
}

lx_tagger *lx_tagger_new(const lede_allocator *a, lede_status *st) {
  return lx_tagger_load(a, lx_tagger_model, lx_tagger_model_len, st);
}

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Slot of a key within a bucket from the mask of matching slots (0 = none). */
static const uint8_t first_of[16] = {0, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0};

/* One token's features on their way to a partial score: hashes and
 * buckets (keys prefetched), then slots (rows prefetched), then the sum. */
typedef struct stage {
  size_t tok, nf;
  int valid;
  uint32_t f[LX_TG_MAXF], b1[LX_TG_MAXF], b2[LX_TG_MAXF], r[LX_TG_MAXF];
} stage;

static inline void stage_hash(const lx_tagger *tg, stage *S) {
  size_t m = tg->nb - 1;
  for (size_t k = 0; k < S->nf; k++) {
    S->b1[k] = (uint32_t)bucket1(S->f[k], m);
    S->b2[k] = (uint32_t)bucket2(S->f[k], m);
    PREFETCH(&tg->keys[S->b1[k] * 4]);
    PREFETCH(&tg->keys[S->b2[k] * 4]);
  }
}

/* masks, not branches: which slot holds the key is unpredictable */
static inline void stage_match(const lx_tagger *tg, stage *S) {
  size_t zero = tg->nb * 4;
  for (size_t k = 0; k < S->nf; k++) {
    const uint32_t *K1 = tg->keys + (size_t)S->b1[k] * 4, *K2 = tg->keys + (size_t)S->b2[k] * 4;
    uint32_t key = S->f[k];
#if defined(__SSE2__)
    __m128i kv = _mm_set1_epi32((int)key);
    unsigned m1 = (unsigned)_mm_movemask_ps(
        _mm_castsi128_ps(_mm_cmpeq_epi32(_mm_load_si128((const __m128i *)K1), kv)));
    unsigned m2 = (unsigned)_mm_movemask_ps(
        _mm_castsi128_ps(_mm_cmpeq_epi32(_mm_load_si128((const __m128i *)K2), kv)));
#else
    unsigned m1 = 0, m2 = 0;
    for (unsigned s = 0; s < 4; s++) {
      m1 |= (unsigned)(K1[s] == key) << s;
      m2 |= (unsigned)(K2[s] == key) << s;
    }
#endif
    size_t j1 = (size_t)S->b1[k] * 4 + first_of[m1], j2 = (size_t)S->b2[k] * 4 + first_of[m2];
    size_t s1 = (size_t)0 - (size_t)(m1 != 0), s2 = ((size_t)0 - (size_t)(m2 != 0)) & ~s1;
    size_t j = (j1 & s1) | (j2 & s2) | (zero & ~(s1 | s2));
    S->r[k] = (uint32_t)j;
    PREFETCH(&tg->rows[j * LX_TG_NW]);
  }
}

/* sc = base (or 0) + the rows of S. */
static inline void stage_sum(const lx_tagger *tg, const stage *S, const int16_t *base,
                             int16_t *sc) {
#if defined(__SSE2__)
  __m128i lo = base ? _mm_loadu_si128((const __m128i *)base) : _mm_setzero_si128();
  __m128i hi = base ? _mm_loadu_si128((const __m128i *)(base + 8)) : _mm_setzero_si128();
  __m128i z = _mm_setzero_si128();
  for (size_t k = 0; k < S->nf; k++) {
    __m128i w = _mm_load_si128((const __m128i *)(tg->rows + (size_t)S->r[k] * LX_TG_NW));
    __m128i sign = _mm_cmpgt_epi8(z, w);
    lo = _mm_add_epi16(lo, _mm_unpacklo_epi8(w, sign));
    hi = _mm_add_epi16(hi, _mm_unpackhi_epi8(w, sign));
  }
  _mm_storeu_si128((__m128i *)sc, lo);
  _mm_storeu_si128((__m128i *)(sc + 8), hi);
#else
  for (size_t l = 0; l < LX_TG_NW; l++) sc[l] = base ? base[l] : 0;
  for (size_t k = 0; k < S->nf; k++) {
    const int8_t *w = tg->rows + (size_t)S->r[k] * LX_TG_NW;
    for (size_t l = 0; l < LX_TG_NW; l++) sc[l] = (int16_t)(sc[l] + w[l]);
  }
#endif
}

/* The partial scores (features that do not depend on labels) of every
 * scored token of a block, software-pipelined: a token's buckets are
 * fetched while the one before is matched and the one before that summed,
 * so memory latency overlaps work. */
static void partial_scores(const lx_tagger *tg, const lx_tg_tok *T, size_t n, int16_t *P) {
  stage S[3];
  S[0].valid = S[1].valid = S[2].valid = 0;
  size_t pos = 0;
  for (size_t k = 0;; k++) {
    stage *a = &S[k % 3], *b = &S[(k + 2) % 3], *c = &S[(k + 1) % 3];
    while (pos < n && !T[pos].scored) pos++;
    a->valid = pos < n;
    if (a->valid) {
      a->tok = pos++;
      a->nf = lx_tg_static_features(T, a->tok, a->f);
      stage_hash(tg, a);
    }
    if (b->valid) stage_match(tg, b);
    if (c->valid) {
      stage_sum(tg, c, NULL, P + LX_TG_NW * c->tok);
      c->valid = 0;
    }
    if (!a->valid && !b->valid) break;
  }
}

static const uint16_t lede_type_of[LX_TG_NTYPES] = {LEDE_T_PERSON, LEDE_T_ORG, LEDE_T_LOC,
                                                    LEDE_T_NORP};

int lx_tagger_tag(const lx_tagger *tg, const lx_ner_in *in, size_t t0, size_t t1,
                  lx_vec *scratch, lx_vec *out) {
  if (!tg || !tg->nb || t1 <= t0 || t1 > in->ntoks) return 1;
  if (!lx_tg_doc(in->alloc, scratch, in->text, in->toks, in->ntoks)) return 0;
  lx_tg_tok *T = lx_tg_block(in->alloc, scratch, in->text, in->toks, t0, t1, &tg->gz);
  if (!T) return 0;
  size_t n = t1 - t0;
  int32_t *mg = lx_tg_margins(T, n);
  uint8_t *lab = lx_tg_labels(T, n);
  int16_t *P = lx_tg_partials(T, n);
  partial_scores(tg, T, n, P);
  stage L; /* the features that depend on labels, token by token */
  int p1 = 0, p2 = 0;
  for (size_t i = 0; i < n; i++) {
    int l = 0;
    int32_t margin = 0;
    if (T[i].scored) {
      int16_t sc[LX_TG_NW];
      L.nf = lx_tg_label_features(T, i, p1, p2, L.f);
      stage_hash(tg, &L);
      stage_match(tg, &L);
      stage_sum(tg, &L, P + LX_TG_NW * i, sc);
      int sflags = T[i].scored;
      int64_t best = INT64_MIN, second = INT64_MIN;
      for (int c = 0; c < LX_TG_NLAB; c++) {
        if (!lx_tg_valid(p1, c, sflags)) continue;
        int64_t s = c ? sc[c - 1] : 0;
        if (s > best) {
          second = best;
          best = s;
          l = c;
        } else if (s > second) {
          second = s;
        }
      }
      int64_t d = second == INT64_MIN ? INT32_MAX : best - second;
      margin = (int32_t)(d > INT32_MAX ? INT32_MAX : d);
    }
    lab[i] = (uint8_t)l;
    mg[i] = margin;
    p2 = p1;
    p1 = l;
  }
  /* names: B I* L or U */
  for (size_t i = 0; i < n; i++) {
    if (!lab[i]) continue;
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
    if (!lx_vec_reserve(in->alloc, out, sizeof(lx_cand), out->n + 1)) return 0;
    lx_cand *k = (lx_cand *)out->p + out->n++;
    memset(k, 0, sizeof *k);
    k->t0 = (uint32_t)(t0 + i);
    k->t1 = (uint32_t)(t0 + j + 1);
    k->type = lede_type_of[LX_TG_TYPE(lab[i])];
    k->value_kind = LEDE_V_NONE;
    k->source = LX_SRC_TAGGER;
    k->score = m;
    i = j;
  }
  lx_tg_note(scratch, T, lab, n);
  return 1;
}
