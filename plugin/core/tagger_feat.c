/*
 * Features of the tagger of names, shared by inference (tagger.c) and
 * training (tools/train/): the per-document word table, the per-block token
 * attributes and the feature hashes. Any change here changes the model's
 * meaning: retrain (make train) after it.
 */
#include "tagger.h"

/* FNV-1a: the tagger's own small keys (shapes, suffixes). */
#define TG_FNV_OFFSET 2166136261u
static inline uint32_t tg_hash_byte(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* ---- hashing ----------------------------------------------------------------- */

static inline uint32_t mix32(uint32_t h) {
  h ^= h >> 16;
  h *= 0x7feb352du;
  h ^= h >> 15;
  h *= 0x846ca68bu;
  h ^= h >> 16;
  return h;
}

static inline uint32_t nz(uint32_t h) { return h ? h : 1u; }

static inline uint32_t ctz64(uint64_t x) {
#if defined(__GNUC__)
  return (uint32_t)__builtin_ctzll(x);
#else
  uint32_t k = 0;
  while (!(x & 1)) {
    x >>= 1;
    k++;
  }
  return k;
#endif
}


static inline uint32_t f1(uint32_t t, uint32_t a) {
  return nz(mix32(a * 0x9E3779B1u + t * 0x85EBCA77u + 0x165667B1u));
}

static inline uint32_t f2(uint32_t t, uint32_t a, uint32_t b) {
  return nz(mix32((mix32(a + t * 0x85EBCA77u) ^ (b * 0x9E3779B1u)) + 0x27D4EB2Fu));
}

/* ---- the document's words ------------------------------------------------------ */

#define DOC_MAGIC 0x6c78746764636f31ull /* "lxtgdco1" */

typedef struct doc_hdr {
  uint64_t magic;
  const char *text;
  const lx_token *toks;
  size_t ntoks;
  size_t cap;  /* word slots, a power of two */
  size_t size; /* bytes of header and slots (16-aligned): the block follows */
} doc_hdr;

typedef struct doc_slot {
  uint32_t h;       /* word hash; 0 = empty (hash 0 is stored as 1) */
  uint8_t flags;    /* LX_TGD_* */
  uint8_t hist[LX_TG_NTYPES]; /* tokens of this word tagged with each type */
  uint8_t pad[3];
} doc_slot;

static inline doc_slot *slots_of(lx_vec *st) {
  return (doc_slot *)((char *)st->p + sizeof(doc_hdr));
}

static doc_slot *slot_find(doc_slot *s, size_t cap, uint32_t h, int insert) {
  if (!h) h = 1;
  size_t j = mix32(h) & (cap - 1);
  while (s[j].h) {
    if (s[j].h == h) return &s[j];
    j = (j + 1) & (cap - 1);
  }
  if (!insert) return NULL;
  s[j].h = h;
  return &s[j];
}

static int is_word(const lx_token *t) { return t->kind == LX_TK_WORD && t->nletters > 0; }

/* Whether token i starts a sentence or a line by its neighbours alone (the
 * sentence flags of other blocks are not set yet when the document's table
 * is built). */
static int initial_at(const char *text, const lx_token *t, size_t i) {
  if (i == 0 || (t[i].flags & LX_TF_NEWLINE)) return 1;
  const lx_token *p = &t[i - 1];
  if (p->kind != LX_TK_PUNCT) return 0;
  if (p->flags & (LX_TF_QUOTE | LX_TF_DASH)) return 1;
  char c = text[p->start];
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '(' || c == '"';
}

int lx_tg_doc(const lede_allocator *a, lx_vec *st, const char *text,
              const lx_token *toks, size_t ntoks) {
  if (st->p && st->n >= sizeof(doc_hdr)) {
    const doc_hdr *h = (const doc_hdr *)st->p;
    if (h->magic == DOC_MAGIC && h->text == text && h->toks == toks && h->ntoks == ntoks)
      return 1;
  }
  size_t words = 0;
  for (size_t i = 0; i < ntoks; i++) words += is_word(&toks[i]);
  size_t cap = 16;
  while (cap < 2 * words + 2) {
    if (cap > ((size_t)-1) / 4 / sizeof(doc_slot)) return 0;
    cap *= 2;
  }
  size_t size = sizeof(doc_hdr) + cap * sizeof(doc_slot);
  size = (size + 15) & ~(size_t)15;
  st->n = 0;
  if (!lx_vec_reserve(a, st, 1, size)) return 0;
  doc_hdr *h = (doc_hdr *)st->p;
  memset(st->p, 0, size);
  h->text = text;
  h->toks = toks;
  h->ntoks = ntoks;
  h->cap = cap;
  h->size = size;
  doc_slot *s = slots_of(st);
  for (size_t i = 0; i < ntoks; i++) {
    const lx_token *t = &toks[i];
    if (!is_word(t)) continue;
    doc_slot *e = slot_find(s, cap, t->hash, 1);
    if (t->flags & LX_TF_ALLCAP) e->flags |= LX_TGD_ALLCAP;
    else if (t->flags & LX_TF_LOWER) e->flags |= LX_TGD_LOWER;
    else if ((t->flags & LX_TF_CAP) && !initial_at(text, toks, i)) e->flags |= LX_TGD_CAP;
  }
  h->magic = DOC_MAGIC; /* last: a failure above leaves no valid header */
  st->n = size;
  return 1;
}

void lx_tg_note(lx_vec *st, const lx_tg_tok *T, const uint8_t *lab, size_t n) {
  doc_hdr *h = (doc_hdr *)st->p;
  doc_slot *s = slots_of(st);
  for (size_t i = 0; i < n; i++) {
    if (!lab[i] || T[i].kind != LX_TK_WORD) continue;
    doc_slot *e = slot_find(s, h->cap, T[i].w, 0);
    if (!e) continue;
    uint8_t *c = &e->hist[LX_TG_TYPE(lab[i])];
    if (*c < 255) (*c)++;
  }
}

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

/* gazetteer keys come out of lx_tg_gz_step already mixed */
static inline size_t gz_slot_of(uint32_t k, size_t m) { return k & m; }

lede_status lx_tg_gaz_build(const lede_allocator *a, lx_tg_gaz *g, const unsigned char *keys,
                            const unsigned char *vals, size_t n) {
  memset(g, 0, sizeof *g);
  if (!n) return LEDE_OK;
  size_t cap = 16;
  while (cap < n + n / 3 + 1) {
    if (cap > ((size_t)-1) / 16) return LEDE_EINVAL;
    cap *= 2;
  }
  g->kv = (uint32_t *)lx_malloc(a, 2 * cap * sizeof(uint32_t));
  if (!g->kv) return LEDE_ENOMEM;
  memset(g->kv, 0, 2 * cap * sizeof(uint32_t));
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
    size_t j = gz_slot_of(k, cap - 1);
    while (g->kv[2 * j]) j = (j + 1) & (cap - 1);
    g->kv[2 * j] = k;
    g->kv[2 * j + 1] = v;
  }
  g->cap = cap;
  return LEDE_OK;
}

void lx_tg_gaz_free(const lede_allocator *a, lx_tg_gaz *g) {
  lx_free(a, g->kv);
  memset(g, 0, sizeof *g);
}

static inline uint32_t gz_find(const lx_tg_gaz *g, uint32_t k) {
  size_t m = g->cap - 1, j = gz_slot_of(k, m);
  for (;;) {
    uint32_t s = g->kv[2 * j];
    if (s == k) return g->kv[2 * j + 1];
    if (!s) return 0;
    j = (j + 1) & m;
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

#define SENTINEL_W 0x5e5e5e5eu
#define SENTINEL_SHAPE 0x3c3c3c3cu

/* Shape and length of a token from its bytes. */
static void token_shape(const char *text, const lx_token *t, lx_tg_tok *o) {
  const unsigned char *s = (const unsigned char *)text + t->start;
  size_t n = t->end - t->start;
  o->len = (uint8_t)(n > 255 ? 255 : n);
  /* collapsed shape: runs of one class become one symbol, at most 8 */
  uint32_t sh = TG_FNV_OFFSET;
  unsigned char last = 0;
  size_t nsym = 0;
  for (size_t i = 0; i < n && nsym < 8;) {
    unsigned char c = s[i], sym;
    if (c < 0x80) {
      unsigned cl = lx_ascii_class[c];
      sym = (cl & LX_CC_UPPER) ? 'X' : (cl & LX_CC_LETTER) ? 'x' : (cl & LX_CC_DIGIT) ? 'd' : c;
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
  for (size_t k = 2; k <= 4 && k < n; k++) {
    uint32_t h = TG_FNV_OFFSET;
    for (size_t i = n - k; i < n; i++) {
      unsigned char c = s[i];
      h = tg_hash_byte(h, (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
    if (k == 2) o->suf2 = h;
    else if (k == 3) o->suf3 = h;
    else o->suf4 = h;
  }
}

/* A word with a capital somewhere: what names are made of. */
static inline int anchor(const lx_token *t) {
  return t->kind == LX_TK_WORD && t->nletters > 0 &&
         ((t->flags & LX_TF_CAP) || !(t->flags & LX_TF_LOWER));
}

lx_tg_tok *lx_tg_block(const lede_allocator *a, lx_vec *st, const char *text,
                       const lx_token *toks, size_t t0, size_t t1, const lx_tg_gaz *gaz) {
  if (t1 < t0) t1 = t0;
  size_t n = t1 - t0;
  doc_hdr *h = (doc_hdr *)st->p;
  size_t off = h->size;
  if (n > ((size_t)-1) / 2 / sizeof(lx_tg_tok) - 2 * LX_TG_PAD) return NULL;
  size_t need = off + (n + 2 * LX_TG_PAD) * sizeof(lx_tg_tok) +
                n * (LX_TG_NW * sizeof(int16_t) + sizeof(int32_t) + 1);
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
  /* which tokens are scored: words with a capital but function words, and
   * up to two tokens between two such (University of Kent, Nikolaus van der
   * Pas, AT&T). Function words cost 0.0014 F1 on dev for 7% of the time;
   * leaving punctuation out of the gaps cost 0.0027 for 4%: it stays. */
  int has_gaz = gaz && gaz->cap;
  if (has_gaz)
    for (size_t i = 0; i < n; i++)
      if (anchor(&tk[i])) PREFETCH(&gaz->kv[2 * gz_slot_of(lx_tg_gz_step(0, tk[i].hash), gaz->cap - 1)]);
  size_t caps_words = 0, lower_words = 0;
  for (size_t i = 0; i < n; i++) {
    lx_tg_tok *o = &T[i];
    memset(o, 0, sizeof *o);
    o->w = tk[i].hash;
    o->flags = tk[i].flags;
    o->kind = tk[i].kind;
    if (anchor(&tk[i])) {
      o->gz1 = has_gaz ? gz_find(gaz, lx_tg_gz_step(0, tk[i].hash)) : 0;
      o->scored = !(o->gz1 & LX_TG_GZ_STOP);
    }
    if (tk[i].kind == LX_TK_WORD && tk[i].nletters > 1) {
      if (tk[i].flags & LX_TF_ALLCAP) caps_words++;
      else if (!(tk[i].flags & LX_TF_CAP) || (tk[i].flags & LX_TF_LOWER)) lower_words++;
      else if (tk[i].nletters > 3) lower_words++; /* a capitalized word: not a headline */
    }
  }
  uint8_t caps = caps_words >= 2 && caps_words >= 3 * lower_words;
  for (size_t i = 0; i < n; i++) {
    if (T[i].scored & 1) continue;
    int before = (i >= 1 && (T[i - 1].scored & 1)) || (i >= 2 && (T[i - 2].scored & 1));
    int after = (i + 1 < n && (T[i + 1].scored & 1)) || (i + 2 < n && (T[i + 2].scored & 1));
    if (before && after) T[i].scored = 8; /* not an anchor for the next ones */
  }
  /* punctuation and function words between names may be inside one, never
   * begin or end one ("and Safety"); other words may (1860 Munich, de Silva) */
  for (size_t i = 0; i < n; i++) {
    if (T[i].scored != 8) continue;
    int inner = tk[i].kind == LX_TK_PUNCT;
    if (!inner && has_gaz && tk[i].kind == LX_TK_WORD)
      inner = (gz_find(gaz, lx_tg_gz_step(0, tk[i].hash)) & LX_TG_GZ_STOP) != 0;
    T[i].scored = (uint8_t)(LX_TG_S_SCORED | (inner ? LX_TG_S_INNER : 0));
  }
  for (size_t i = 0; i < n; i++)
    if (T[i].scored && (i + 1 == n || !T[i + 1].scored)) T[i].scored |= LX_TG_S_LAST;
  /* attributes where features read them: the shape and case of the scored
   * tokens and their neighbours, the rest of the scored tokens only */
  doc_slot *slots = slots_of(st);
  for (size_t i = 0; i < n; i++) {
    lx_tg_tok *o = &T[i];
    if (!(o->scored || (i > 0 && T[i - 1].scored) || (i + 1 < n && T[i + 1].scored))) continue;
    const lx_token *t = &tk[i];
    token_shape(text, t, o);
    o->cas = (t->flags & LX_TF_ALLCAP) ? 2 : (t->flags & LX_TF_CAP) ? 1 : (t->flags & LX_TF_LOWER) ? 0 : 3;
    if (!o->scored) continue;
    token_affixes(text, t, o);
    o->caps = caps;
    if (is_word(t)) {
      doc_slot *e = slot_find(slots, h->cap, t->hash, 0);
      if (e) {
        o->doc = e->flags;
        int best = -1, bc = 0;
        for (int k = 0; k < LX_TG_NTYPES; k++)
          if (e->hist[k] > bc) {
            bc = e->hist[k];
            best = k;
          }
        o->hist = (uint8_t)(best + 1);
      }
      if ((t->flags & LX_TF_SENT) || initial_at(text, toks, t0 + i)) o->doc |= LX_TGD_INITIAL;
    }
  }
  /* gazetteer phrases starting at a scored word with a capital (the word
   * before a name is read by its identity: lower-case titles cost lookups
   * and gained nothing on dev) */
  if (has_gaz) {
    for (size_t i = 0; i < n; i++) {
      if (!T[i].scored || !anchor(&tk[i])) continue;
      uint32_t kinds;
      size_t k = gz_longest(gaz, tk, n, i, T[i].gz1, &kinds);
      for (uint32_t m = kinds; k && m; m &= m - 1) {
        uint32_t sl = ctz64(m);
        for (size_t j = 0; j < k; j++) {
          int pos = k == 1 ? LX_TG_U : j == 0 ? LX_TG_B : j + 1 == k ? LX_TG_L : LX_TG_I;
          T[i + j].gaz |= (uint64_t)1 << (4 * sl + (uint32_t)pos);
        }
      }
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

size_t lx_tg_static_features(const lx_tg_tok *T, size_t i, uint32_t *f) {
  const lx_tg_tok *c = &T[i], *m1 = c - 1, *m2 = c - 2, *q1 = c + 1, *q2 = c + 2;
  size_t n = 0;
  f[n++] = f1(F_BIAS, 0);
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
  f[n++] = f2(F_DOC, c->doc, c->cas | (uint32_t)c->caps << 2);
  f[n++] = f2(F_HIST, c->hist, c->cas | (uint32_t)c->caps << 2);
  f[n++] = f1(F_LEN, (uint32_t)(c->len > 12 ? 12 : c->len) * 4 + c->cas);
  /* gazetteer bits, the current token's with its case */
  for (uint64_t g = c->gaz; g && n < LX_TG_MAXF - LX_TG_NLABF; g &= g - 1)
    f[n++] = f1(F_G0, (uint32_t)ctz64(g) * 4 + c->cas);
  for (uint64_t g = m1->gaz; g && n < LX_TG_MAXF - LX_TG_NLABF; g &= g - 1)
    f[n++] = f1(F_GM1, (uint32_t)ctz64(g));
  for (uint64_t g = q1->gaz; g && n < LX_TG_MAXF - LX_TG_NLABF; g &= g - 1)
    f[n++] = f2(F_GP1C, (uint32_t)ctz64(g), q1->cas);
  return n;
}

size_t lx_tg_label_features(const lx_tg_tok *T, size_t i, int p1, int p2, uint32_t *f) {
  const lx_tg_tok *c = &T[i];
  f[0] = f1(F_P1, (uint32_t)p1);
  f[1] = f2(F_P2P1, (uint32_t)p2, (uint32_t)p1);
  f[2] = f2(F_P1W0, (uint32_t)p1, c->w);
  f[3] = f2(F_P1S0, (uint32_t)p1, c->shape);
  return LX_TG_NLABF;
}

size_t lx_tg_features(const lx_tg_tok *T, size_t i, int p1, int p2, uint32_t *f) {
  size_t n = lx_tg_static_features(T, i, f);
  return n + lx_tg_label_features(T, i, p1, p2, f + n);
}
