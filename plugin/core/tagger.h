/*
 * The statistical tagger of names: what tagger.c (inference) and
 * tools/train/ (training) share. Features are computed by one function,
 * lx_tg_features(), at training and at run time, over per-token attributes
 * prepared by lx_tg_block() and per-document state built by lx_tg_doc().
 *
 * Labels are BILOU over four types: 0 is O, then 1 + 4 * type + pos with
 * pos 0 B, 1 I, 2 L, 3 U and type 0 PER, 1 ORG, 2 LOC, 3 MISC.
 *
 * State lives in a byte vector the caller owns (the `scratch` of
 * lx_tagger_tag): a header that identifies the document, a table of the
 * document's words (case seen, types tagged so far), then the current
 * block's token attributes. Nothing is global and nothing is written into
 * the model, so one tagger serves several threads.
 */
#ifndef LEDE_TAGGER_H
#define LEDE_TAGGER_H

#include "ner.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

enum {
  LX_TG_NTYPES = 4,
  LX_TG_NLAB = 17,  /* O + 4 types x BILU */
  LX_TG_NW = 16,    /* weights per feature in the model: O is implicit (0) */
  LX_TG_MAXF = 96,  /* most features one token can have */
  LX_TG_NLABF = 4,  /* of which depend on the labels before */
  LX_TG_PAD = 2     /* sentinel tokens on each side of a block */
};

#define LX_TG_LAB(type, pos) (1 + 4 * (type) + (pos))
#define LX_TG_TYPE(l) (((l) - 1) >> 2)
#define LX_TG_POS(l) (((l) - 1) & 3)
enum { LX_TG_B = 0, LX_TG_I, LX_TG_L, LX_TG_U };

/* Attributes of one token of a block, computed once. */
typedef struct lx_tg_tok {
  uint32_t w;      /* hash of the lower-cased text (lx_token.hash) */
  uint32_t shape;  /* hash of the collapsed shape: Xx, X.X., d-d ... */
  uint32_t suf2, suf3, suf4; /* suffixes of the lower-cased text, or 0 */
  uint64_t gaz;    /* gazetteer matches: bit 4 * slot + pos (B, I, L, U) */
  uint16_t flags;  /* LX_TF_* */
  uint8_t kind;    /* LX_TK_*, 0 for a sentinel */
  uint8_t cas;     /* 0 lower, 1 capitalized, 2 all caps, 3 other */
  uint8_t doc;     /* LX_TGD_* of the word in the document */
  uint8_t hist;    /* type tagged most often for this word before, + 1; 0 none */
  uint8_t scored;  /* LX_TG_S_* if the tagger labels it, 0 if it is O */
  uint8_t len;     /* bytes, saturating */
  uint8_t caps;    /* the block is a headline in capitals */
  uint8_t pad[3];
  uint32_t gz1;    /* gazetteer value of the word alone (scored words) */
} lx_tg_tok;

/* Document-level flags of a word (LX_TGD_*). */
enum {
  LX_TGD_LOWER = 1,   /* seen in lower case */
  LX_TGD_CAP = 2,     /* seen capitalized, not at a sentence start */
  LX_TGD_ALLCAP = 4,  /* seen all in capitals */
  LX_TGD_INITIAL = 8  /* this occurrence starts a sentence or a line */
};

/* The gazetteer as the tagger sees it, carried in the model (so features
 * stay those it was trained with whatever happens to data/gazetteer.tsv):
 * the phrases of the built-in gazetteer and their prefixes keyed by a hash
 * of their tokens' hashes (lx_tg_gz_step), each with the kinds it has (a
 * mask of slots, see lx_tg_gaz_slot) and whether longer phrases extend it.
 * No string is kept: a 32-bit collision can only add a feature. */
typedef struct lx_tg_gaz {
  size_t nb;       /* buckets of 8 keys and their 8 values, a power of two;
                      0 = no gazetteer */
  uint32_t *kv;    /* nb + 1 buckets, 64-byte aligned: key 0 = empty, value =
                      kind slots mask | LX_TG_GZ_PREFIX | LX_TG_GZ_STOP */
  void *mem;       /* what was allocated for kv */
} lx_tg_gaz;

#define LX_TG_GZ_PREFIX (1u << 16)
#define LX_TG_GZ_STOP (1u << 17) /* a function word (the, in, he...): capitals
                                    make it a name only between others */
#define LX_TG_GZ_MAXTOK 16

static inline uint32_t lx_tg_gz_step(uint32_t h, uint32_t tok) {
  h = (h ^ tok) * 0x9E3779B1u + 0x7F4A7C15u;
  h ^= h >> 15;
  h *= 0x85EBCA77u;
  h ^= h >> 13;
  return h ? h : 1u;
}

/* The slot (0-15) of a gazetteer kind (LX_G_*), or -1 if the tagger
 * ignores it. */
int lx_tg_gaz_slot(int kind);

/* Builds the table from n pairs given as little-endian u32 arrays (keys
 * strictly ascending and nonzero). Returns LEDE_OK, LEDE_EINVAL or
 * LEDE_ENOMEM. */
lede_status lx_tg_gaz_build(const lede_allocator *a, lx_tg_gaz *g, const unsigned char *keys,
                            const unsigned char *vals, size_t n);
void lx_tg_gaz_free(const lede_allocator *a, lx_tg_gaz *g);

/* Builds or finds the document's state at the start of st. Returns 0 on
 * allocation failure. A state built for the same (text, toks, ntoks, gaz)
 * is reused, so the per-document pass runs once whatever the blocks; it
 * looks up the gazetteer (gaz may be NULL) for the blocks' features. */
int lx_tg_doc(const lede_allocator *a, lx_vec *st, const char *text,
              const lx_token *toks, size_t ntoks, const lx_tg_gaz *gaz);

/* Prepares the attributes of tokens toks[t0, t1) (absolute indices into the
 * document's tokens) after the document state (built with the same gaz); returns a pointer to the
 * first one (sentinels at [-LX_TG_PAD, 0) and [n, n + LX_TG_PAD)), or NULL on
 * allocation failure. The pointer is valid until st grows again. Every
 * token has scored; the other fields are set only where features read
 * them: w, flags, kind, gaz, shape, length and case for the scored tokens
 * and their neighbours, w for the tokens two away, the rest for the scored
 * tokens. The indices of the scored tokens, in order,
 * are at lx_tg_scored(T, n), and their count in *nscored (if not NULL). */
lx_tg_tok *lx_tg_block(const lede_allocator *a, lx_vec *st, const char *text,
                       const lx_token *toks, size_t t0, size_t t1, const lx_tg_gaz *gaz,
                       size_t *nscored);

/* Writes the feature hashes of token i given the labels of the two tokens
 * before it; returns how many (<= LX_TG_MAXF). Never 0 is a hash. They are
 * those of lx_tg_static_features() (< LX_TG_MAXF - LX_TG_NLABF, which do not
 * depend on labels: inference computes them for a whole block ahead) then
 * the LX_TG_NLABF of lx_tg_label_features(). */
size_t lx_tg_features(const lx_tg_tok *T, size_t i, int p1, int p2, uint32_t *f);
size_t lx_tg_static_features(const lx_tg_tok *T, size_t i, uint32_t *f);
size_t lx_tg_label_features(const lx_tg_tok *T, size_t i, int p1, int p2, uint32_t *f);

/* The same features as inference reads them. Static ones: the hashed
 * templates (at most LX_TG_NHASHED hashes), and the templates over small
 * attributes as indices below LX_TG_DENSE (the bias, index 0, is not
 * listed: every token has it), whose hashes lx_tg_dense_key() gives.
 * Label ones: the two that depend on the labels alone (their keys for a
 * pair p1, p2) and the two that depend on the token too. */
enum { LX_TG_NHASHED = 18, LX_TG_DENSE = 797 };
size_t lx_tg_hashed_features(const lx_tg_tok *T, size_t i, uint32_t *f);
uint32_t lx_tg_dense_key(size_t d);

/* The indices of the templates over small attributes: each one's first,
 * to which its attributes add. */
enum {
  LX_TG_D_DOC = 1,    /* + doc * 8 + cas | caps << 2 */
  LX_TG_D_HIST = 129, /* + hist * 8 + cas | caps << 2 */
  LX_TG_D_LEN = 169,  /* + min(len, 12) * 4 + cas */
  LX_TG_D_G0 = 221,   /* + bit * 4 + cas */
  LX_TG_D_GM1 = 477,  /* + bit */
  LX_TG_D_GP1C = 541  /* + bit * 4 + cas of the next token */
};

/* The index of the lowest bit set in x (not 0): the loops over the bits of
 * a mask, in both of the tagger's files. */
static inline uint32_t lx_tg_ctz64(uint64_t x) {
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

/* Inline where the compiler is told to: inference sums these for every
 * token it scores, in code built for other instructions (AVX2) than this
 * function would be alone, which no call could inline. Every token has the
 * first 3 (inference adds them with no loop). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline size_t lx_tg_dense_features(const lx_tg_tok *T, size_t i, uint16_t *d) {
  const lx_tg_tok *c = &T[i], *m1 = c - 1, *q1 = c + 1;
  /* room left by the bias and the hashed ones (at most LX_TG_NHASHED) */
  size_t n = 0;
  size_t room = LX_TG_MAXF - LX_TG_NLABF - 1 - LX_TG_NHASHED + !c->suf2 + !c->suf3 + !c->suf4;
  uint32_t cc = c->cas | (uint32_t)c->caps << 2;
  d[n++] = (uint16_t)(LX_TG_D_DOC + c->doc * 8u + cc);
  d[n++] = (uint16_t)(LX_TG_D_HIST + c->hist * 8u + cc);
  d[n++] = (uint16_t)(LX_TG_D_LEN + (uint32_t)(c->len > 12 ? 12 : c->len) * 4 + c->cas);
  /* gazetteer bits, the current token's with its case */
  for (uint64_t g = c->gaz; g && n < room; g &= g - 1)
    d[n++] = (uint16_t)(LX_TG_D_G0 + lx_tg_ctz64(g) * 4 + c->cas);
  for (uint64_t g = m1->gaz; g && n < room; g &= g - 1)
    d[n++] = (uint16_t)(LX_TG_D_GM1 + lx_tg_ctz64(g));
  for (uint64_t g = q1->gaz; g && n < room; g &= g - 1)
    d[n++] = (uint16_t)(LX_TG_D_GP1C + lx_tg_ctz64(g) * 4 + q1->cas);
  return n;
}

void lx_tg_label_pair_keys(int p1, int p2, uint32_t *k);

/* The templates of lx_tg_hashed_features() that read shapes alone: the
 * token's (S0), the one before's (SM1), after's (SP1), the pairs SM1S0 and
 * S0SP1, and the token's with its sentence start (SENT), in this order (6
 * keys), for shapes sm1, s0, sp1. They are the first 6 templates at
 * positions 5 to 9 and the last of lx_tg_hashed_features(). A shape from
 * its collapsed symbols ("Xx", "d.d"; no two equal in a row), or the
 * sentinels' before (NULL) and after ("") a block. */
enum { LX_TG_NSHAPEF = 6 };
/* lx_tg_hashed_features() but for those 6 (in another order), and if
 * after_o, with lx_tg_label_word_feature(T, i, 0) (the label before is O);
 * f has room for LX_TG_NHASHED. */
size_t lx_tg_hashed_features_noshape(const lx_tg_tok *T, size_t i, int after_o, uint32_t *f);
uint32_t lx_tg_shape_of(const char *sym);
void lx_tg_shape_keys(uint32_t sm1, uint32_t s0, uint32_t sp1, int sent, uint32_t *k);
void lx_tg_label_token_features(const lx_tg_tok *T, size_t i, int p1, uint32_t *f);
/* The hash of a feature of template t over attributes a and b, as
 * tagger_feat.c makes all of them: here for the one below, which is inline
 * where inference sums a token after a scored one in AVX2 (a call spilled
 * the sums' registers). */
static inline uint32_t lx_tg_mix32(uint32_t h) {
  h ^= h >> 16;
  h *= 0x7feb352du;
  h ^= h >> 15;
  h *= 0x846ca68bu;
  h ^= h >> 16;
  return h;
}
static inline uint32_t lx_tg_f2(uint32_t t, uint32_t a, uint32_t b) {
  uint32_t h = lx_tg_mix32((lx_tg_mix32(a + t * 0x85EBCA77u) ^ (b * 0x9E3779B1u)) + 0x27D4EB2Fu);
  return h ? h : 1u;
}
enum { LX_TG_F_P1W0 = 23 }; /* the template of the label before and the word */
/* The two of lx_tg_label_token_features() apart: with the word, and with
 * shape `shape`. */
static inline uint32_t lx_tg_label_word_feature(const lx_tg_tok *T, size_t i, int p1) {
  return lx_tg_f2(LX_TG_F_P1W0, (uint32_t)p1, T[i].w);
}
uint32_t lx_tg_label_shape_key(int p1, uint32_t shape);

/* lx_tg_tok.scored: the token is labelled; it ends a run of scored tokens
 * (no name may stay open after it); it is a word between names (University
 * *of* Kent), which may be inside a name, never begin or end one. */
enum { LX_TG_S_SCORED = 1, LX_TG_S_LAST = 2, LX_TG_S_INNER = 4 };

/* Whether label l may follow label p1 on a token scored `s` (LX_TG_S_*). */
static inline int lx_tg_valid(int p1, int l, int s) {
  int open = p1 != 0 && (LX_TG_POS(p1) == LX_TG_B || LX_TG_POS(p1) == LX_TG_I);
  if (open) {
    if (l == 0 || LX_TG_TYPE(l) != LX_TG_TYPE(p1)) return 0;
    if (LX_TG_POS(l) == LX_TG_B || LX_TG_POS(l) == LX_TG_U) return 0;
    if (s & LX_TG_S_INNER) return LX_TG_POS(l) == LX_TG_I;
    return !(s & LX_TG_S_LAST) || LX_TG_POS(l) == LX_TG_L;
  }
  if (l == 0) return 1;
  if (s & LX_TG_S_INNER) return 0;
  if (LX_TG_POS(l) == LX_TG_I || LX_TG_POS(l) == LX_TG_L) return 0;
  return !(s & LX_TG_S_LAST) || LX_TG_POS(l) == LX_TG_U;
}

/* The block area holds, after the tokens' attributes and the right
 * sentinels, room for n partial scores (LX_TG_NW int16 each, 16-byte
 * aligned), n margins, n labels (padded to 4 bytes) and the n indices of
 * the scored tokens: lx_tg_block_size(n) bytes in all. */
static inline int16_t *lx_tg_partials(lx_tg_tok *T, size_t n) {
  return (int16_t *)(T + n + LX_TG_PAD);
}
static inline int32_t *lx_tg_margins(lx_tg_tok *T, size_t n) {
  return (int32_t *)(lx_tg_partials(T, n) + LX_TG_NW * n);
}
static inline uint8_t *lx_tg_labels(lx_tg_tok *T, size_t n) {
  return (uint8_t *)(lx_tg_margins(T, n) + n);
}
static inline uint32_t *lx_tg_scored(lx_tg_tok *T, size_t n) {
  return (uint32_t *)(lx_tg_labels(T, n) + ((n + 3) & ~(size_t)3));
}
static inline size_t lx_tg_block_size(size_t n) {
  return (n + 2 * LX_TG_PAD) * sizeof(lx_tg_tok) +
         n * (LX_TG_NW * sizeof(int16_t) + sizeof(int32_t) + sizeof(uint32_t)) +
         ((n + 3) & ~(size_t)3);
}

/* Records the labels given to a block's tokens in the document's history
 * (what the next blocks see as `hist`); only scored tokens may have a label
 * other than O (the others' are not read). */
void lx_tg_note(lx_vec *st, const lx_tg_tok *T, const uint8_t *lab, size_t n);
/* The same when only the ns tokens listed in S (in order) may have a label
 * other than O (inference: those it labelled). */
void lx_tg_note_scored(lx_vec *st, const lx_tg_tok *T, const uint8_t *lab, const uint32_t *S,
                       size_t ns);

/* The model's data (tagger_model.c, generated from data/tagger.model). */
extern const char lx_tagger_model[];
extern const size_t lx_tagger_model_len;

/* Model file, little-endian: "LXTG", u32 version, u32 nfeat, u32 nw (16),
 * f32 scale (of the weights: one perceptron update is `scale`), then nfeat
 * u32 keys (strictly ascending, nonzero), then nfeat rows of nw int8
 * weights in [-127, 127]; then u32 ngaz, ngaz u32 keys (strictly ascending,
 * nonzero) and ngaz u32 values of the gazetteer (lx_tg_gaz). A token sums
 * at most LX_TG_MAXF rows, so int16 sums cannot overflow. */
#define LX_TG_MAGIC "LXTG"
#define LX_TG_VERSION 3u
#define LX_TG_HEADER 20

/* A tagger from a model in the format above (lx_tagger_new passes the
 * embedded one). An empty model gives a tagger that finds nothing; a
 * malformed one fails with LEDE_EINVAL. */
lx_tagger *lx_tagger_load(const lede_allocator *a, const void *model, size_t n,
                          lede_status *st);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif
#endif
