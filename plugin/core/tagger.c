/*
 * The statistical tagger of names (PER, ORG, LOC, MISC): a greedy averaged
 * perceptron over BILOU labels, trained on CoNLL-2003 by tools/train/ and
 * embedded in tagger_model.c. Features come from tagger_feat.c, the same
 * code the trainer runs.
 *
 * The model is a set of hashed features, each with 16 int16 weights (one per
 * label but O, whose weights are folded into the others: only differences
 * between labels matter). At load the features go into an open-addressing
 * table whose slot j has its key in keys[j] and its weights in rows[j], a
 * 32-byte row within one cache line: both are prefetched from the hash
 * before any is read, so a token's features are fetched in parallel.
 * Lower-case words away from any capital are O and cost nothing but the
 * block's pass over its tokens.
 */
#include "tagger.h"

struct lx_tagger {
  const lede_allocator *alloc;
  size_t cap;      /* slots, a power of two; 0 = no model */
  uint32_t *keys;  /* cap keys, 0 = empty */
  int16_t *rows;   /* cap x LX_TG_NW, 64-byte aligned */
  void *rows_mem;  /* what was allocated for rows */
  size_t nfeat;
};

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

static uint32_t rd32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint32_t slot_hash(uint32_t k) {
  k ^= k >> 15;
  k *= 0x2c1b3c6du;
  k ^= k >> 12;
  return k;
}

void lx_tagger_free(lx_tagger *tg) {
  if (!tg) return;
  lx_free(tg->alloc, tg->keys);
  lx_free(tg->alloc, tg->rows_mem);
  lx_free(tg->alloc, tg);
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
  size_t nf = rd32(p + 8);
  if (nf > (n - LX_TG_HEADER) / (4 + 2 * LX_TG_NW) ||
      n != LX_TG_HEADER + nf * (4 + 2 * LX_TG_NW)) {
    *st = LEDE_EINVAL;
    lx_tagger_free(tg);
    return NULL;
  }
  size_t cap = 16;
  while (cap < nf + nf / 2 + 1) cap *= 2;
  tg->keys = (uint32_t *)lx_malloc(a, cap * sizeof(uint32_t));
  tg->rows_mem = lx_malloc(a, cap * LX_TG_NW * sizeof(int16_t) + 64);
  if (!tg->keys || !tg->rows_mem) {
    *st = LEDE_ENOMEM;
    lx_tagger_free(tg);
    return NULL;
  }
  tg->rows = (int16_t *)(((uintptr_t)tg->rows_mem + 63) & ~(uintptr_t)63);
  memset(tg->keys, 0, cap * sizeof(uint32_t));
  tg->cap = cap;
  tg->nfeat = nf;
  const unsigned char *keys = p + LX_TG_HEADER, *rows = keys + 4 * nf;
  for (size_t i = 0; i < nf; i++) {
    uint32_t k = rd32(keys + 4 * i);
    if (!k) {
      *st = LEDE_EINVAL;
      lx_tagger_free(tg);
      return NULL;
    }
    size_t j = slot_hash(k) & (cap - 1);
    while (tg->keys[j] && tg->keys[j] != k) j = (j + 1) & (cap - 1);
    tg->keys[j] = k;
    for (size_t w = 0; w < LX_TG_NW; w++) {
      const unsigned char *q = rows + 2 * (i * LX_TG_NW + w);
      tg->rows[j * LX_TG_NW + w] = (int16_t)(uint16_t)(q[0] | q[1] << 8);
    }
  }
  return tg;
}

lx_tagger *lx_tagger_new(const lede_allocator *a, lede_status *st) {
  return lx_tagger_load(a, lx_tagger_model, lx_tagger_model_len, st);
}

/* Adds the weights of features f[0, nf) into sc. */
static inline void score_features(const lx_tagger *tg, const uint32_t *f, size_t nf,
                                  int32_t *sc) {
  size_t m = tg->cap - 1;
  uint32_t pos[LX_TG_MAXF];
  for (size_t k = 0; k < nf; k++) {
    size_t j = slot_hash(f[k]) & m;
    pos[k] = (uint32_t)j;
    PREFETCH(&tg->keys[j]);
    PREFETCH(&tg->rows[j * LX_TG_NW]);
  }
  for (size_t k = 0; k < nf; k++) {
    size_t j = pos[k];
    uint32_t key;
    while ((key = tg->keys[j]) != f[k] && key) j = (j + 1) & m;
    if (!key) continue;
    const int16_t *r = tg->rows + j * LX_TG_NW;
    for (size_t w = 0; w < LX_TG_NW; w++) sc[w] += r[w];
  }
}

static const uint16_t lede_type_of[LX_TG_NTYPES] = {LEDE_T_PERSON, LEDE_T_ORG, LEDE_T_LOC,
                                                    LEDE_T_NORP};

int lx_tagger_tag(const lx_tagger *tg, const lx_ner_in *in, size_t t0, size_t t1,
                  lx_vec *scratch, lx_vec *out) {
  if (!tg || !tg->cap || t1 <= t0 || t1 > in->ntoks) return 1;
  if (!lx_tg_doc(in->alloc, scratch, in->text, in->toks, in->ntoks)) return 0;
  lx_tg_tok *T = lx_tg_block(in->alloc, scratch, in->text, in->toks, t0, t1, in->gaz);
  if (!T) return 0;
  size_t n = t1 - t0;
  int32_t *mg = lx_tg_margins(T, n);
  uint8_t *lab = lx_tg_labels(T, n);
  uint32_t f[LX_TG_MAXF];
  int p1 = 0, p2 = 0;
  for (size_t i = 0; i < n; i++) {
    int l = 0;
    int32_t margin = 0;
    if (T[i].scored) {
      size_t nf = lx_tg_features(T, i, p1, p2, f);
      int32_t sc[LX_TG_NW];
      for (size_t w = 0; w < LX_TG_NW; w++) sc[w] = 0;
      score_features(tg, f, nf, sc);
      int last = T[i].scored == 2;
      int64_t best = INT64_MIN, second = INT64_MIN;
      for (int c = 0; c < LX_TG_NLAB; c++) {
        if (!lx_tg_valid(p1, c, last)) continue;
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
