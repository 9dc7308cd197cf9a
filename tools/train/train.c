/*
 * Trains the tagger of names (plugin/core/tagger.c) on CoNLL-2003 JSON lines
 * and writes data/tagger.model; also measures a model alone.
 *
 *   train train.jsonl -o data/tagger.model [--dev dev.jsonl] [--epochs N]
 *         [--runs K] [--prune X] [--seed S]
 *   train eval MODEL corpus.jsonl          exact-span P/R/F1, every line a block
 *   train bench MODEL corpus.jsonl [RUNS]  MB/s of lx_tagger_tag alone
 *
 * Learning: a greedy averaged perceptron over BILOU labels, left to right,
 * each token's features from lx_tg_features() (plugin/core/tagger_feat.c,
 * the code inference runs) with the labels the model itself predicted for
 * the tokens before it; when a gold label cannot follow the predicted one,
 * the update goes to the best label that can (a BILOU oracle). Documents
 * are visited in a seeded shuffled order each epoch; lines are the blocks,
 * in order, so the document history the features read is built as at run
 * time. Four such perceptrons are trained from different shuffles and their
 * averaged weights averaged (+0.003 F1 on dev against one); the weights,
 * less O's, are pruned (features whose largest weight is under 0.6 update)
 * and quantized to int8. Defaults: 10 epochs, 4 runs, seed fixed: `make
 * train` rebuilds the same model.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../plugin/core/tagger.h"
#include "jsonl.h"

extern const char lx_gazetteer_tsv[];
extern const size_t lx_gazetteer_tsv_len;

static const lede_allocator *A = &lx_default_allocator;

static void die(const char *m) {
  fprintf(stderr, "train: %s\n", m);
  exit(1);
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) die("out of memory");
  return p;
}

/* ---- corpus ------------------------------------------------------------------ */

typedef struct doc {
  jl_doc j;
  lx_token *toks;
  size_t ntoks;
  uint8_t *gold;   /* per token */
  size_t *blocks;  /* block starts, nblocks + 1 entries */
  size_t nblocks;
} doc;

static const char *tname[4] = {"PER", "ORG", "LOC", "MISC"};

static size_t load(const char *path, doc **out, size_t *misaligned) {
  jl_doc *jd;
  size_t n = jl_read(path, &jd);
  if (!n) die("no documents");
  doc *D = (doc *)xrealloc(NULL, n * sizeof(doc));
  *misaligned = 0;
  for (size_t d = 0; d < n; d++) {
    doc *o = &D[d];
    memset(o, 0, sizeof *o);
    o->j = jd[d];
    lx_vec v = {NULL, 0, 0};
    if (!lx_tokenize(A, o->j.text, 0, o->j.len, &v)) die("out of memory");
    o->toks = (lx_token *)v.p;
    o->ntoks = v.n;
    o->gold = (uint8_t *)xrealloc(NULL, o->ntoks + 1);
    memset(o->gold, 0, o->ntoks + 1);
    o->blocks = (size_t *)xrealloc(NULL, (o->ntoks + 2) * sizeof(size_t));
    for (size_t i = 0; i < o->ntoks; i++)
      if (i == 0 || (o->toks[i].flags & LX_TF_NEWLINE)) o->blocks[o->nblocks++] = i;
    o->blocks[o->nblocks] = o->ntoks;
    for (size_t b = 0; b < o->nblocks; b++)
      lx_sentences(o->j.text, o->toks + o->blocks[b], o->blocks[b + 1] - o->blocks[b]);
    for (size_t e = 0; e < o->j.nents; e++) {
      jl_ent *E = &o->j.ents[e];
      if (E->type < 0) continue;
      size_t a = 0;
      while (a < o->ntoks && o->toks[a].start < E->start) a++;
      size_t b = a;
      while (b < o->ntoks && o->toks[b].end <= E->end) b++;
      if (a == b || o->toks[a].start != E->start || o->toks[b - 1].end != E->end) {
        (*misaligned)++;
        continue;
      }
      for (size_t k = a; k < b; k++) {
        int pos = b - a == 1 ? LX_TG_U : k == a ? LX_TG_B : k + 1 == b ? LX_TG_L : LX_TG_I;
        o->gold[k] = (uint8_t)LX_TG_LAB(E->type, pos);
      }
    }
  }
  free(jd); /* the strings now belong to D */
  *out = D;
  return n;
}

static void free_docs(doc *D, size_t n) {
  for (size_t d = 0; d < n; d++) {
    free(D[d].j.text);
    free(D[d].j.ents);
    free(D[d].toks);
    free(D[d].gold);
    free(D[d].blocks);
  }
  free(D);
}

/* ---- weights --------------------------------------------------------------------- */

typedef struct wt {
  uint32_t *keys; /* slots: key, 0 = empty */
  uint32_t *idx;  /* slots: row */
  size_t cap, n;
  float *w;       /* n x NLAB current weights */
  double *u;      /* n x NLAB sums of (time x update), for averaging */
  float *avg;     /* n x NLAB averaged weights, when materialized */
} wt;

static inline size_t slot_of(uint32_t k, size_t cap) {
  k ^= k >> 15;
  k *= 0x2c1b3c6du;
  k ^= k >> 12;
  return k & (cap - 1);
}

static long wt_find(const wt *t, uint32_t k) {
  if (!t->cap) return -1;
  size_t j = slot_of(k, t->cap);
  while (t->keys[j]) {
    if (t->keys[j] == k) return (long)t->idx[j];
    j = (j + 1) & (t->cap - 1);
  }
  return -1;
}

static size_t wt_get(wt *t, uint32_t k) {
  long r = wt_find(t, k);
  if (r >= 0) return (size_t)r;
  if ((t->n + 1) * 2 > t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 1 << 16;
    uint32_t *keys = (uint32_t *)calloc(cap, 4), *idx = (uint32_t *)calloc(cap, 4);
    if (!keys || !idx) die("out of memory");
    for (size_t i = 0; i < t->cap; i++) {
      if (!t->keys[i]) continue;
      size_t j = slot_of(t->keys[i], cap);
      while (keys[j]) j = (j + 1) & (cap - 1);
      keys[j] = t->keys[i];
      idx[j] = t->idx[i];
    }
    free(t->keys);
    free(t->idx);
    t->keys = keys;
    t->idx = idx;
    t->cap = cap;
    t->w = (float *)xrealloc(t->w, cap / 2 * LX_TG_NLAB * sizeof(float));
    t->u = (double *)xrealloc(t->u, cap / 2 * LX_TG_NLAB * sizeof(double));
  }
  size_t j = slot_of(k, t->cap);
  while (t->keys[j]) j = (j + 1) & (t->cap - 1);
  t->keys[j] = k;
  t->idx[j] = (uint32_t)t->n;
  memset(t->w + t->n * LX_TG_NLAB, 0, LX_TG_NLAB * sizeof(float));
  memset(t->u + t->n * LX_TG_NLAB, 0, LX_TG_NLAB * sizeof(double));
  return t->n++;
}

static void wt_average(wt *t, double c) {
  t->avg = (float *)xrealloc(t->avg, (t->n ? t->n : 1) * LX_TG_NLAB * sizeof(float));
  for (size_t i = 0; i < t->n * LX_TG_NLAB; i++) t->avg[i] = (float)(t->w[i] - t->u[i] / c);
}

/* ---- decoding --------------------------------------------------------------------- */

/* The label nearest to gold g that may follow p1 on a token scored `sf`
 * (LX_TG_S_*; see the file comment). */
static int oracle(int p1, int g, int sf) {
  if (lx_tg_valid(p1, g, sf)) return g;
  int last = (sf & LX_TG_S_LAST) != 0;
  int open = p1 && (LX_TG_POS(p1) == LX_TG_B || LX_TG_POS(p1) == LX_TG_I);
  if (open) {
    int t = LX_TG_TYPE(p1);
    if (sf & LX_TG_S_INNER) return LX_TG_LAB(t, LX_TG_I);
    if (g && LX_TG_TYPE(g) == t && LX_TG_POS(g) == LX_TG_I && !last) return LX_TG_LAB(t, LX_TG_I);
    return LX_TG_LAB(t, LX_TG_L);
  }
  if (!g || (sf & LX_TG_S_INNER)) return 0;
  int t = LX_TG_TYPE(g);
  if (LX_TG_POS(g) == LX_TG_I || LX_TG_POS(g) == LX_TG_B) return last ? LX_TG_LAB(t, LX_TG_U) : LX_TG_LAB(t, LX_TG_B);
  return LX_TG_LAB(t, LX_TG_U);
}

typedef struct stats {
  double c;       /* instances seen (the averaging clock) */
  size_t tokens, errors;
} stats;

/* Tags one block with weights W (current when training, else averaged);
 * with gold, updates the weights on each error. */
static void decode(wt *t, const float *W, lx_tg_tok *T, size_t n, const uint8_t *gold,
                   uint8_t *lab, stats *s) {
  uint32_t f[LX_TG_MAXF];
  long rows[LX_TG_MAXF];
  int p1 = 0, p2 = 0;
  for (size_t i = 0; i < n; i++) {
    int l = 0;
    if (T[i].scored) {
      size_t nf = lx_tg_features(T, i, p1, p2, f);
      float sc[LX_TG_NLAB];
      memset(sc, 0, sizeof sc);
      for (size_t k = 0; k < nf; k++) {
        rows[k] = wt_find(t, f[k]);
        if (rows[k] < 0) continue;
        const float *r = W + (size_t)rows[k] * LX_TG_NLAB;
        for (int y = 0; y < LX_TG_NLAB; y++) sc[y] += r[y];
      }
      int last = T[i].scored; /* LX_TG_S_* */
      float best = -INFINITY;
      for (int y = 0; y < LX_TG_NLAB; y++)
        if (lx_tg_valid(p1, y, last) && sc[y] > best) {
          best = sc[y];
          l = y;
        }
      if (gold) {
        int g = oracle(p1, gold[i], last);
        s->tokens++;
        if (g != l) {
          s->errors++;
          for (size_t k = 0; k < nf; k++) {
            size_t r = wt_get(t, f[k]);
            t->w[r * LX_TG_NLAB + g] += 1.0f;
            t->u[r * LX_TG_NLAB + g] += s->c;
            t->w[r * LX_TG_NLAB + l] -= 1.0f;
            t->u[r * LX_TG_NLAB + l] -= s->c;
          }
          W = t->w; /* the table may have moved */
        }
        s->c += 1;
      }
    }
    lab[i] = (uint8_t)l;
    p2 = p1;
    p1 = l;
  }
}

/* ---- scoring -------------------------------------------------------------------- */

typedef struct prf {
  size_t tp[4], fp[4], fn[4];
} prf;

/* Spans of a label sequence as (start, end, type) byte triples. */
static size_t spans(const doc *d, size_t t0, const uint8_t *lab, size_t n, size_t *out) {
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (!lab[i]) continue;
    int pos = LX_TG_POS(lab[i]);
    if (pos != LX_TG_B && pos != LX_TG_U) continue;
    size_t j = i;
    if (pos == LX_TG_B) {
      while (j + 1 < n && lab[j + 1] && LX_TG_POS(lab[j + 1]) == LX_TG_I) j++;
      if (j + 1 >= n || !lab[j + 1] || LX_TG_POS(lab[j + 1]) != LX_TG_L) continue;
      j++;
    }
    out[3 * m] = d->toks[t0 + i].start;
    out[3 * m + 1] = d->toks[t0 + j].end;
    out[3 * m + 2] = (size_t)LX_TG_TYPE(lab[i]);
    m++;
    i = j;
  }
  return m;
}

static int show_errors; /* train eval --errors: print each error */

/* Scores predicted spans (byte triples) against a document's gold. */
static void score(const doc *d, const size_t *p, size_t np, prf *r) {
  for (size_t i = 0; i < np; i++) {
    int ok = 0;
    for (size_t e = 0; e < d->j.nents; e++) {
      const jl_ent *E = &d->j.ents[e];
      if (E->start == p[3 * i] && E->end == p[3 * i + 1] && E->type == (int)p[3 * i + 2]) ok = 1;
    }
    if (ok) r->tp[p[3 * i + 2]]++;
    else r->fp[p[3 * i + 2]]++;
    if (!ok && show_errors)
      printf("FP %-4s %.*s\n", tname[p[3 * i + 2]], (int)(p[3 * i + 1] - p[3 * i]), d->j.text + p[3 * i]);
  }
  for (size_t e = 0; e < d->j.nents; e++) {
    const jl_ent *E = &d->j.ents[e];
    if (E->type < 0) continue;
    int ok = 0;
    for (size_t i = 0; i < np; i++)
      if (E->start == p[3 * i] && E->end == p[3 * i + 1] && E->type == (int)p[3 * i + 2]) ok = 1;
    if (!ok) r->fn[E->type]++;
    if (!ok && show_errors) {
      size_t a = E->start > 30 ? E->start - 30 : 0, b = LX_MIN(d->j.len, E->end + 30);
      printf("FN %-4s %.*s   | %.*s\n", tname[E->type], (int)(E->end - E->start), d->j.text + E->start,
             (int)(b - a), d->j.text + a);
    }
  }
}

static double report(const prf *r, int verbose) {
  size_t TP = 0, FP = 0, FN = 0;
  for (int t = 0; t < 4; t++) {
    TP += r->tp[t];
    FP += r->fp[t];
    FN += r->fn[t];
    if (verbose) {
      double p = r->tp[t] + r->fp[t] ? (double)r->tp[t] / (double)(r->tp[t] + r->fp[t]) : 0;
      double q = r->tp[t] + r->fn[t] ? (double)r->tp[t] / (double)(r->tp[t] + r->fn[t]) : 0;
      printf("  %-5s P %.4f R %.4f F1 %.4f  (tp %zu fp %zu fn %zu)\n", tname[t], p, q,
             p + q > 0 ? 2 * p * q / (p + q) : 0, r->tp[t], r->fp[t], r->fn[t]);
    }
  }
  double p = TP + FP ? (double)TP / (double)(TP + FP) : 0;
  double q = TP + FN ? (double)TP / (double)(TP + FN) : 0;
  double f = p + q > 0 ? 2 * p * q / (p + q) : 0;
  if (verbose) printf("  micro P %.4f R %.4f F1 %.4f\n", p, q, f);
  return f;
}

/* The gazetteer as the tagger sees it (lx_tg_gaz), built from the
 * embedded data/gazetteer.tsv: each phrase of a kind the tagger reads, and
 * each of its prefixes, keyed by lx_tg_gz_step over its tokens' hashes. */
typedef struct gzpair {
  uint32_t key, val;
} gzpair;

static int gz_cmp(const void *a, const void *b) {
  uint32_t x = ((const gzpair *)a)->key, y = ((const gzpair *)b)->key;
  return x < y ? -1 : x > y;
}

static unsigned char *gz_keys, *gz_vals; /* little-endian, for the model file */
static size_t gz_n;

static void le32(unsigned char *p, uint32_t v) {
  p[0] = (unsigned char)v;
  p[1] = (unsigned char)(v >> 8);
  p[2] = (unsigned char)(v >> 16);
  p[3] = (unsigned char)(v >> 24);
}

static void gazetteer(lx_tg_gaz *g) {
  const char *s = lx_gazetteer_tsv, *end = s + lx_gazetteer_tsv_len;
  gzpair *P = NULL;
  size_t np = 0, cap = 0, phrases = 0;
  lx_vec v = {NULL, 0, 0};
  while (s < end) {
    const char *e = memchr(s, '\n', (size_t)(end - s));
    if (!e) e = end;
    const char *tab = memchr(s, '\t', (size_t)(e - s));
    if (*s != '#' && tab) {
      const char *ph = tab + 1, *pe = memchr(ph, '\t', (size_t)(e - ph));
      if (!pe) pe = e;
      int slot = lx_tg_gaz_slot(lx_gaz_kind_from_name(s, (size_t)(tab - s)));
      v.n = 0;
      if (slot >= 0 && !lx_tokenize(A, ph, 0, (size_t)(pe - ph), &v)) die("out of memory");
      if (slot >= 0 && v.n && v.n <= LX_TG_GZ_MAXTOK) {
        const lx_token *t = (const lx_token *)v.p;
        uint32_t h = 0;
        phrases++;
        for (size_t k = 0; k < v.n; k++) {
          h = lx_tg_gz_step(h, t[k].hash);
          if (np == cap) P = (gzpair *)xrealloc(P, (cap = cap ? cap * 2 : 1 << 16) * sizeof(gzpair));
          P[np].key = h;
          P[np].val = k + 1 == v.n ? 1u << slot : LX_TG_GZ_PREFIX;
          np++;
        }
      }
    }
    s = e + 1;
  }
  /* function words: capitalized, they start sentences and headlines, and
   * are scored only between capitalized words (not "us", "who", "it", "may":
   * US, WHO, IT and May are names) */
  static const char *const stop[] = {
      "the", "a", "an", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for",
      "from", "by", "with", "into", "onto", "over", "under", "about", "after", "before",
      "during", "since", "until", "than", "as", "if", "so", "then", "that", "this", "these",
      "those", "there", "here", "where", "when", "while", "which", "whom", "whose", "what",
      "why", "how", "its", "he", "she", "him", "her", "his", "hers", "they", "them", "their",
      "we", "our", "i", "me", "my", "you", "your", "be", "is", "are", "was", "were", "been",
      "has", "have", "had", "do", "does", "did", "not", "yes", "all", "any", "some", "each",
      "both", "either", "neither", "such", "also", "just", "only", "very", "too", "more",
      "most", "other", "another", "however", "although", "though", "because", "but"};
  for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++) {
    if (np == cap) P = (gzpair *)xrealloc(P, (cap = cap ? cap * 2 : 1 << 16) * sizeof(gzpair));
    P[np].key = lx_tg_gz_step(0, lx_hash_lower(stop[i], strlen(stop[i])));
    P[np].val = LX_TG_GZ_STOP;
    np++;
  }
  lx_vec_free(A, &v);
  qsort(P, np, sizeof(gzpair), gz_cmp);
  size_t m = 0;
  for (size_t i = 0; i < np; i++) {
    if (m && P[m - 1].key == P[i].key) P[m - 1].val |= P[i].val;
    else P[m++] = P[i];
  }
  gz_keys = (unsigned char *)xrealloc(NULL, 4 * (m ? m : 1));
  gz_vals = (unsigned char *)xrealloc(NULL, 4 * (m ? m : 1));
  for (size_t i = 0; i < m; i++) {
    le32(gz_keys + 4 * i, P[i].key);
    le32(gz_vals + 4 * i, P[i].val);
  }
  gz_n = m;
  free(P);
  if (lx_tg_gaz_build(A, g, gz_keys, gz_vals, m) != LEDE_OK) die("cannot index the gazetteer");
  fprintf(stderr, "gazetteer: %zu phrases, %zu keys\n", phrases, m);
}

static void gazetteer_free(lx_tg_gaz *g) {
  lx_tg_gaz_free(A, g);
  free(gz_keys);
  free(gz_vals);
  gz_keys = gz_vals = NULL;
}

/* Runs a whole document through decode(), blocks in order. */
static void run_doc(wt *t, const float *W, doc *d, const lx_tg_gaz *gaz, lx_vec *st, int learn,
                    stats *s, prf *r, size_t *sp) {
  st->n = 0; /* a new document: forget the last one's state */
  if (!lx_tg_doc(A, st, d->j.text, d->toks, d->ntoks, gaz)) die("out of memory");
  for (size_t b = 0; b < d->nblocks; b++) {
    size_t t0 = d->blocks[b], t1 = d->blocks[b + 1];
    lx_tg_tok *T = lx_tg_block(A, st, d->j.text, d->toks, t0, t1, gaz, NULL);
    if (!T) die("out of memory");
    size_t n = t1 - t0;
    uint8_t *lab = lx_tg_labels(T, n);
    decode(t, learn ? t->w : W, T, n, learn ? d->gold + t0 : NULL, lab, s);
    if (learn) W = t->w;
    if (r) {
      size_t m = spans(d, t0, lab, n, sp);
      /* gold of this block only: score against the document's entities
       * that fall inside it */
      doc sub = *d;
      jl_ent *keep = (jl_ent *)xrealloc(NULL, (d->j.nents ? d->j.nents : 1) * sizeof(jl_ent));
      size_t k = 0;
      size_t bs = d->toks[t0].start, be = d->toks[t1 - 1].end;
      for (size_t e = 0; e < d->j.nents; e++)
        if (d->j.ents[e].start >= bs && d->j.ents[e].end <= be) keep[k++] = d->j.ents[e];
      sub.j.ents = keep;
      sub.j.nents = k;
      score(&sub, sp, m, r);
      free(keep);
    }
    lx_tg_note(st, T, lab, n);
  }
}

static double evaluate(wt *t, doc *D, size_t n, const lx_tg_gaz *gaz, int verbose) {
  prf r;
  memset(&r, 0, sizeof r);
  lx_vec st = {NULL, 0, 0};
  stats s = {1, 0, 0};
  size_t spcap = 0;
  for (size_t d = 0; d < n; d++) spcap = LX_MAX(spcap, D[d].ntoks);
  size_t *sp = (size_t *)xrealloc(NULL, (3 * spcap + 3) * sizeof(size_t));
  for (size_t d = 0; d < n; d++) run_doc(t, t->avg, &D[d], gaz, &st, 0, &s, &r, sp);
  free(sp);
  lx_vec_free(A, &st);
  return report(&r, verbose);
}

/* ---- the model file -------------------------------------------------------------- */

static void put32(FILE *f, uint32_t v) {
  unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                        (unsigned char)(v >> 24)};
  fwrite(b, 1, 4, f);
}

typedef struct kr {
  uint32_t key;
  uint32_t row;
} kr;

static int kr_cmp(const void *a, const void *b) {
  uint32_t x = ((const kr *)a)->key, y = ((const kr *)b)->key;
  return x < y ? -1 : x > y;
}

/* Writes the averaged weights, less O's, with rows whose largest weight is
 * below prune (in update units) dropped, quantized to int8 (the largest
 * weight is 127: 16-bit weights scored no better on dev). Returns the
 * features kept. */
static size_t write_model(const wt *t, const char *path, double prune) {
  kr *keep = (kr *)xrealloc(NULL, (t->n ? t->n : 1) * sizeof(kr));
  size_t m = 0;
  double maxw = 0;
  for (size_t j = 0; j < t->cap; j++) {
    if (!t->keys[j]) continue;
    const float *r = t->avg + (size_t)t->idx[j] * LX_TG_NLAB;
    double mx = 0;
    for (int y = 1; y < LX_TG_NLAB; y++) mx = LX_MAX(mx, fabs((double)r[y] - r[0]));
    if (mx < prune || mx == 0) continue;
    maxw = LX_MAX(maxw, mx);
    keep[m].key = t->keys[j];
    keep[m].row = t->idx[j];
    m++;
  }
  qsort(keep, m, sizeof(kr), kr_cmp);
  float scale = maxw > 0 ? (float)(127.0 / maxw) : 1.0f;
  FILE *f = fopen(path, "wb");
  if (!f) die("cannot write the model");
  fwrite(LX_TG_MAGIC, 1, 4, f);
  put32(f, LX_TG_VERSION);
  put32(f, (uint32_t)m);
  put32(f, LX_TG_NW);
  uint32_t sb;
  memcpy(&sb, &scale, 4);
  put32(f, sb);
  for (size_t i = 0; i < m; i++) put32(f, keep[i].key);
  for (size_t i = 0; i < m; i++) {
    const float *r = t->avg + (size_t)keep[i].row * LX_TG_NLAB;
    for (int y = 1; y < LX_TG_NLAB; y++) {
      long q = lround(((double)r[y] - r[0]) * scale);
      if (q > 127) q = 127;
      if (q < -127) q = -127;
      fputc((int)(unsigned char)(signed char)q, f);
    }
  }
  unsigned char b[4];
  le32(b, (uint32_t)gz_n);
  fwrite(b, 1, 4, f);
  fwrite(gz_keys, 1, 4 * gz_n, f);
  fwrite(gz_vals, 1, 4 * gz_n, f);
  if (fclose(f) != 0) die("cannot write the model");
  free(keep);
  return m;
}

/* ---- the model as lede runs it ---------------------------------------------------- */

static unsigned char *read_file(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) die("cannot open the model");
  unsigned char *p = NULL;
  size_t cap = 0;
  *n = 0;
  for (;;) {
    if (*n == cap) p = (unsigned char *)xrealloc(p, cap = cap ? cap * 2 : 1 << 20);
    size_t k = fread(p + *n, 1, cap - *n, f);
    if (!k) break;
    *n += k;
  }
  fclose(f);
  return p;
}

static lx_tagger *load_model(const char *path) {
  size_t n;
  unsigned char *p = read_file(path, &n);
  lede_status st;
  lx_tagger *tg = lx_tagger_load(A, p, n, &st);
  free(p);
  if (!tg) die("bad model");
  return tg;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* CPU time of this thread: benchmarks on a shared machine */
static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Tags every line of the corpus with lx_tagger_tag, as entities.c calls it. */
static double tag_corpus(const lx_tagger *tg, doc *D, size_t n, prf *r) {
  lx_vec st = {NULL, 0, 0}, out = {NULL, 0, 0};
  size_t spcap = 0;
  for (size_t d = 0; d < n; d++) spcap = LX_MAX(spcap, D[d].ntoks);
  size_t *sp = (size_t *)xrealloc(NULL, (3 * spcap + 3) * sizeof(size_t));
  double t0 = cpu_now();
  for (size_t d = 0; d < n; d++) {
    lx_ner_in in;
    memset(&in, 0, sizeof in);
    in.text = D[d].j.text;
    in.toks = D[d].toks;
    in.ntoks = D[d].ntoks;
    in.gaz = NULL; /* the tagger reads the gazetteer of its model */
    in.alloc = A;
    out.n = 0;
    st.n = 0;
    for (size_t b = 0; b < D[d].nblocks; b++)
      if (!lx_tagger_tag(tg, &in, D[d].blocks[b], D[d].blocks[b + 1], &st, &out))
        die("out of memory");
    if (r) {
      const lx_cand *k = (const lx_cand *)out.p;
      for (size_t i = 0; i < out.n; i++) {
        sp[3 * i] = D[d].toks[k[i].t0].start;
        sp[3 * i + 1] = D[d].toks[k[i].t1 - 1].end;
        sp[3 * i + 2] = k[i].type == LEDE_T_PERSON ? 0 : k[i].type == LEDE_T_ORG ? 1
                        : k[i].type == LEDE_T_LOC  ? 2 : 3;
      }
      score(&D[d], sp, out.n, r);
    }
  }
  double secs = cpu_now() - t0;
  free(sp);
  lx_vec_free(A, &st);
  lx_vec_free(A, &out);
  return secs;
}

static int cmd_eval(int argc, char **argv) {
  if (argc < 4) die("usage: train eval MODEL corpus.jsonl");
  lx_tagger *tg = load_model(argv[2]);
  lx_tg_gaz gz, *gaz = &gz;
  gazetteer(gaz);
  doc *D;
  size_t mis, n = load(argv[3], &D, &mis);
  show_errors = argc > 4 && !strcmp(argv[4], "--errors");
  prf r;
  memset(&r, 0, sizeof r);
  tag_corpus(tg, D, n, &r);
  printf("%s: %zu documents (lines as blocks; %zu gold spans not on token bounds)\n", argv[3], n, mis);
  report(&r, 1);
  free_docs(D, n);
  gazetteer_free(gaz);
  lx_tagger_free(tg);
  return 0;
}

/* The stages of tagging alone: the document's table, the blocks'
 * attributes (stage 1), and the features of the scored tokens (stage 2). */
static size_t scored_tokens;
static double prep_corpus(doc *D, size_t n, const lx_tg_gaz *gaz, int stage) {
  lx_vec st = {NULL, 0, 0};
  uint32_t f[LX_TG_MAXF];
  size_t sink = 0;
  double t0 = cpu_now();
  for (size_t d = 0; d < n; d++) {
    st.n = 0;
    if (!lx_tg_doc(A, &st, D[d].j.text, D[d].toks, D[d].ntoks, gaz)) die("out of memory");
    for (size_t b = 0; stage >= 1 && b < D[d].nblocks; b++) {
      size_t b0 = D[d].blocks[b], b1 = D[d].blocks[b + 1];
      lx_tg_tok *T = lx_tg_block(A, &st, D[d].j.text, D[d].toks, b0, b1, gaz, NULL);
      if (!T) die("out of memory");
      for (size_t i = 0; stage >= 1 && i < b1 - b0; i++) {
        scored_tokens += T[i].scored != 0;
        if (stage >= 2 && T[i].scored) sink += lx_tg_features(T, i, 0, 0, f) + f[0];
      }
    }
  }
  double secs = cpu_now() - t0;
  lx_vec_free(A, &st);
  if (sink == 1) printf(" ");
  return secs;
}

static int cmd_bench(int argc, char **argv) {
  if (argc < 4) die("usage: train bench MODEL corpus.jsonl [RUNS]");
  int runs = argc > 4 ? atoi(argv[4]) : 5;
  lx_tagger *tg = load_model(argv[2]);
  lx_tg_gaz gz, *gaz = &gz;
  gazetteer(gaz);
  doc *D;
  size_t mis, n = load(argv[3], &D, &mis);
  size_t bytes = 0, toks = 0;
  for (size_t d = 0; d < n; d++) {
    bytes += D[d].j.len;
    toks += D[d].ntoks;
  }
  double best = 1e30, stage[3] = {1e30, 1e30, 1e30};
  for (int i = 0; i < (runs > 0 ? runs : 1); i++) {
    double t = tag_corpus(tg, D, n, NULL); /* not inside LX_MIN: it evaluates twice */
    best = LX_MIN(best, t);
    for (int k = 0; k < 3; k++) {
      t = prep_corpus(D, n, gaz, k);
      stage[k] = LX_MIN(stage[k], t);
    }
  }
  printf("%.1f%% of tokens scored; ", 100.0 * (double)scored_tokens / 2 / (double)(runs > 0 ? runs : 1) / (double)toks);
  printf("ns/token: document tables %.1f, + block attributes %.1f, + features %.1f, + scoring "
         "(all) %.1f\n",
         stage[0] * 1e9 / (double)toks, stage[1] * 1e9 / (double)toks,
         stage[2] * 1e9 / (double)toks, best * 1e9 / (double)toks);
  double t0 = cpu_now();
  lede_status st;
  lx_tagger *t2 = lx_tagger_new(A, &st);
  double load_ms = (cpu_now() - t0) * 1e3;
  lx_tagger_free(t2);
  printf("%s: %zu documents, %.1f KB, %zu tokens: tagging %.1f MB/s (%.1f ns/token, best of %d, "
         "CPU time); lx_tagger_new %.1f ms\n",
         argv[3], n, bytes / 1024.0, toks, bytes / best / 1e6, best * 1e9 / (double)toks, runs,
         load_ms);
  free_docs(D, n);
  gazetteer_free(gaz);
  lx_tagger_free(tg);
  return 0;
}

/* ---- training ----------------------------------------------------------------------- */

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static int cmd_train(int argc, char **argv) {
  const char *train = NULL, *dev = NULL, *out = NULL;
  int epochs = 10, runs = 4;
  double prune = 0.6;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(argv[i], "--dev") && i + 1 < argc) dev = argv[++i];
    else if (!strcmp(argv[i], "--epochs") && i + 1 < argc) epochs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--runs") && i + 1 < argc) runs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--prune") && i + 1 < argc) prune = atof(argv[++i]);
    else if (!strcmp(argv[i], "--seed") && i + 1 < argc) rng = strtoull(argv[++i], NULL, 10) | 1;
    else if (argv[i][0] != '-' && !train) train = argv[i];
    else die("usage: train TRAIN.jsonl -o MODEL [--dev DEV.jsonl] [--epochs N] [--runs K] [--prune X] [--seed S]");
  }
  if (!train || !out || runs < 1) die("usage: train TRAIN.jsonl -o MODEL [--dev DEV.jsonl] [--epochs N] [--runs K]");
  double t0 = now();
  lx_tg_gaz gz, *gaz = &gz;
  gazetteer(gaz);
  doc *D, *V = NULL;
  size_t mis, nv = 0, n = load(train, &D, &mis);
  size_t ents = 0, unreach = 0, ntok = 0, nscored = 0;
  {
    /* how many gold names the scored-token rule can reach */
    lx_vec st = {NULL, 0, 0};
    for (size_t d = 0; d < n; d++) {
      st.n = 0;
      if (!lx_tg_doc(A, &st, D[d].j.text, D[d].toks, D[d].ntoks, gaz)) die("out of memory");
      for (size_t b = 0; b < D[d].nblocks; b++) {
        size_t b0 = D[d].blocks[b], b1 = D[d].blocks[b + 1];
        lx_tg_tok *T = lx_tg_block(A, &st, D[d].j.text, D[d].toks, b0, b1, gaz, NULL);
        if (!T) die("out of memory");
        int bad = 0;
        for (size_t i = 0; i < b1 - b0; i++) {
          uint8_t g = D[d].gold[b0 + i];
          ntok++;
          nscored += T[i].scored != 0;
          if (g && !T[i].scored) bad = 1;
          if (g && (LX_TG_POS(g) == LX_TG_L || LX_TG_POS(g) == LX_TG_U)) {
            ents++;
            unreach += bad;
            bad = 0;
          }
        }
      }
    }
    lx_vec_free(A, &st);
  }
  printf("train %s: %zu documents, %zu tokens (%.1f%% scored), %zu names (%zu not on token "
         "bounds, %zu with an unscored token)\n",
         train, n, ntok, 100.0 * nscored / ntok, ents, mis, unreach);
  if (dev) nv = load(dev, &V, &mis);
  /* `runs` perceptrons from different shuffles, their averaged weights
   * averaged (a cheap ensemble: the model is as large as their union) */
  wt t, acc;
  memset(&acc, 0, sizeof acc);
  size_t *order = (size_t *)xrealloc(NULL, n * sizeof(size_t));
  lx_vec st = {NULL, 0, 0};
  for (int run = 1; run <= runs; run++) {
    memset(&t, 0, sizeof t);
    stats s = {1, 0, 0};
    for (size_t i = 0; i < n; i++) order[i] = i;
    for (int e = 1; e <= epochs; e++) {
      for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(next_rand() % i);
        size_t x = order[i - 1];
        order[i - 1] = order[j];
        order[j] = x;
      }
      s.tokens = s.errors = 0;
      for (size_t i = 0; i < n; i++) run_doc(&t, t.w, &D[order[i]], gaz, &st, 1, &s, NULL, NULL);
      printf("run %d epoch %2d: %zu errors in %zu scored tokens (%.2f%%), %zu features, %.0f s", run,
             e, s.errors, s.tokens, 100.0 * s.errors / (s.tokens ? s.tokens : 1), t.n, now() - t0);
      if (V && (e == epochs || run == 1)) {
        wt_average(&t, s.c);
        printf(", dev F1 %.4f", evaluate(&t, V, nv, gaz, 0));
      }
      printf("\n");
      fflush(stdout);
    }
    wt_average(&t, s.c);
    for (size_t j = 0; j < t.cap; j++) {
      if (!t.keys[j]) continue;
      size_t r = wt_get(&acc, t.keys[j]);
      for (int y = 0; y < LX_TG_NLAB; y++)
        acc.w[r * LX_TG_NLAB + y] += t.avg[(size_t)t.idx[j] * LX_TG_NLAB + y] / (float)runs;
    }
    free(t.keys);
    free(t.idx);
    free(t.w);
    free(t.u);
    free(t.avg);
  }
  t = acc;
  t.avg = (float *)xrealloc(NULL, (t.n ? t.n : 1) * LX_TG_NLAB * sizeof(float));
  memcpy(t.avg, t.w, t.n * LX_TG_NLAB * sizeof(float));
  size_t kept = write_model(&t, out, prune);
  printf("model %s: %zu of %zu features kept, %zu bytes, %.0f s\n", out, kept, t.n,
         (size_t)LX_TG_HEADER + kept * (4 + LX_TG_NW) + 4 + 8 * gz_n, now() - t0);
  if (V) {
    printf("dev, float averaged weights:\n");
    evaluate(&t, V, nv, gaz, 1);
    lx_tagger *tg = load_model(out);
    prf r;
    memset(&r, 0, sizeof r);
    tag_corpus(tg, V, nv, &r);
    printf("dev, the written model through lx_tagger_tag:\n");
    report(&r, 1);
    lx_tagger_free(tg);
  }
  lx_vec_free(A, &st);
  free(order);
  free(t.keys);
  free(t.idx);
  free(t.w);
  free(t.u);
  free(t.avg);
  free_docs(D, n);
  if (V) free_docs(V, nv);
  gazetteer_free(gaz);
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "eval")) return cmd_eval(argc, argv);
  if (argc > 1 && !strcmp(argv[1], "bench")) return cmd_bench(argc, argv);
  return cmd_train(argc, argv);
}
