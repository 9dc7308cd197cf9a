/*
 * Phrase dictionaries: the built-in gazetteer and users' phrase lists share
 * this one structure. A phrase is tokenized with the document tokenizer;
 * its key is the hash of its lower-cased tokens, so a lookup at a document
 * position costs one hash combination and a look at a bit filter in cache
 * per token, and a probe of the table only for a length that some phrase
 * has, whatever the dictionary size. Matches are verified against the
 * stored key text, so a hash collision can never produce a wrong entity.
 */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

/* A key's slot: one half of a cache line holds what a lookup reads, so a
 * lookup of a phrase up to 18 bytes long ("washington", "prime minister")
 * reads one line of the table and nothing else, and the kinds of every
 * entry of the key are known without reading them. */
#define SLOT_KEY 19
typedef struct slot {
  uint32_t hash;
  uint32_t entry;  /* the first of the key's entries, index + 1; 0 = empty */
  uint32_t kinds;  /* bit (1 << kind) of each of them (bit 31 for kinds >= 31) */
  uint8_t ntok;    /* tokens of the key */
  char key[SLOT_KEY]; /* the key with its NUL, or "" when it is longer (in
                         the pool) */
} slot;
typedef char lx_slot_is_32_bytes[sizeof(slot) == 32 ? 1 : -1];

static inline uint32_t kind_bit(int kind) {
  return kind >= 0 && kind < 31 ? 1u << kind : 1u << 31;
}

struct lx_dict {
  lx_dict_filter f; /* first: the inline checks of internal.h read it */
  const lede_allocator *alloc;
  int bad_phrase; /* the last lx_dict_add failed on the phrase, not memory */
  lx_vec entries;  /* lx_entry */
  lx_buf pool;     /* strings */
  slot *table;
  size_t table_cap, table_used;
  uint8_t maxtok;
  int fold;        /* keys fold accents */
  uint32_t mark;   /* kinds whose one-token phrases the filter notes */
  lx_vec prefixes; /* uint32: every phrase's prefixes, as filter items */
  lx_vec toks;     /* scratch for tokenizing phrases */
  lx_buf key;      /* scratch for the key of a phrase being added */
  uint64_t no_bloom; /* the filter's one word of zeros while it is empty */
};

/* A lookup walks a phrase's tokens, hashing as it goes; a bit filter over
 * every phrase's prefixes tells, in cache, whether some phrase continues
 * past the tokens hashed so far (LX_PRE_CONT) and whether one ends
 * there (LX_PRE_KEY); of first tokens, whether a phrase starts there
 * (LX_PRE_START), and one not printed with a capital (LX_PRE_LSTART); of
 * first two tokens, whether one of two tokens or more not printed with a
 * capital starts with them (LX_PRE_LPAIR): the
 * filter heads the struct (lx_dict_filter, internal.h), so that the
 * per-token checks are inline in their loops. The table, its entries
 * and their keys, all far in memory, are read only for a length the
 * filter lets through (about 1% of the others). The filter has 16 bits an
 * item, between 4 KiB (cue words, titles) and 1 MiB (beyond 500,000 items
 * it fills up and lets more through); an item sets 2 bits of one 64-bit
 * word. */
#define BLOOM_MIN_LB 15
#define BLOOM_MAX_LB 23

static inline void bloom_set(lx_dict *d, uint32_t x) {
  d->f.bloom[(uint64_t)x >> d->f.shift] |= lx_bloom_bits(x);
}

static inline int pre_has(const lx_dict *d, uint32_t h, uint32_t role) {
  return lx_filter_has(&d->f, h, role);
}

/* Notes an item; the filter doubles (rebuilt from the items) while it
 * has fewer than 16 bits an item. */
static int pre_note(lx_dict *d, uint32_t h, uint32_t role) {
  uint32_t x = lx_pre_item(h, role);
  if (!lx_vec_reserve(d->alloc, &d->prefixes, sizeof(uint32_t), d->prefixes.n + 1)) return 0;
  ((uint32_t *)d->prefixes.p)[d->prefixes.n++] = x;
  unsigned lb = d->f.bloom_lb ? d->f.bloom_lb : BLOOM_MIN_LB;
  while (lb < BLOOM_MAX_LB && ((size_t)1 << lb) < d->prefixes.n * 16) lb++;
  if (lb != d->f.bloom_lb) {
    uint64_t *bloom = (uint64_t *)lx_malloc(d->alloc, ((size_t)1 << lb) / 8);
    if (!bloom) {
      d->prefixes.n--;
      return 0;
    }
    memset(bloom, 0, ((size_t)1 << lb) / 8);
    if (d->f.bloom_lb) lx_free(d->alloc, d->f.bloom);
    d->f.bloom = bloom;
    d->f.bloom_lb = lb;
    d->f.shift = 38 - lb;
    const uint32_t *it = (const uint32_t *)d->prefixes.p;
    for (size_t i = 0; i < d->prefixes.n; i++) bloom_set(d, it[i]);
  } else {
    bloom_set(d, x);
  }
  return 1;
}

static const char *const kind_names[LX_G_COUNT] = {
    "", "country", "demonym", "norp", "state", "city", "region", "org",
    "agency", "title", "titlemod", "honorific", "given", "surname", "currency",
    "unit", "language", "event", "tz", "fac", "product"};

int lx_gaz_kind_from_name(const char *s, size_t n) {
  for (int k = 1; k < LX_G_COUNT; k++)
    if (strlen(kind_names[k]) == n && memcmp(kind_names[k], s, n) == 0) return k;
  return 0;
}

const char *lx_gaz_kind_name(int kind) {
  return kind > 0 && kind < LX_G_COUNT ? kind_names[kind] : NULL;
}

lx_dict *lx_dict_new(const lede_allocator *a) {
  lx_dict *d = (lx_dict *)lx_malloc(a, sizeof *d);
  if (!d) return NULL;
  memset(d, 0, sizeof *d);
  d->alloc = a;
  d->f.bloom = &d->no_bloom;
  d->f.shift = 32;
  /* offset 0 of the pool is the empty string */
  if (!lx_buf_reserve(a, &d->pool, 1)) {
    lx_free(a, d);
    return NULL;
  }
  d->pool.p[0] = 0;
  d->pool.n = 1;
  return d;
}

lx_dict *lx_dict_new_fold(const lede_allocator *a) {
  lx_dict *d = lx_dict_new(a);
  if (d) d->fold = 1;
  return d;
}

/* A token's key hash in d: folded accents for a folding dictionary. */
static inline uint32_t tok_hash(const lx_dict *d, const char *text, const lx_token *t) {
  if (d->fold && (t->flags & LX_TF_NONASCII))
    return lx_hash_fold(text + t->start, t->end - t->start);
  return t->hash;
}

void lx_dict_free(lx_dict *d) {
  if (!d) return;
  const lede_allocator *a = d->alloc;
  lx_vec_free(a, &d->entries);
  lx_buf_free(a, &d->pool);
  lx_free(a, d->table);
  lx_vec_free(a, &d->prefixes);
  if (d->f.bloom_lb) lx_free(a, d->f.bloom);
  lx_vec_free(a, &d->toks);
  lx_buf_free(a, &d->key);
  lx_free(a, d);
}

size_t lx_dict_size(const lx_dict *d) { return d->entries.n; }
uint8_t lx_dict_maxtok(const lx_dict *d) { return d->maxtok; }
const char *lx_dict_str(const lx_dict *d, uint32_t off) { return d->pool.p + off; }

static uint32_t pool_add(lx_dict *d, const char *s, size_t n) {
  if (n >= UINT32_MAX - d->pool.n) return 0;
  if (!lx_buf_reserve(d->alloc, &d->pool, n + 1)) return 0;
  uint32_t off = (uint32_t)d->pool.n;
  memcpy(d->pool.p + off, s, n);
  d->pool.p[off + n] = 0;
  d->pool.n += n + 1;
  return off;
}

/* The home slot of hash h: the table's size needs no power of two (a
 * multiply-shift maps h onto it), so a table made for a known number of
 * phrases is 4/3 of them, not the next power of two above. Memory is time
 * here too: the slots hold the keys, and every fresh page costs a fault. */
static inline size_t home(const lx_dict *d, uint32_t h) {
  return (size_t)(((uint64_t)h * d->table_cap) >> 32);
}

/* Moves the slots into a table of cap slots (more than they are). */
static int table_resize(lx_dict *d, size_t cap) {
  if (cap > UINT32_MAX || cap > SIZE_MAX / sizeof(slot)) return 0;
  slot *t = (slot *)lx_malloc(d->alloc, cap * sizeof(slot));
  if (!t) return 0;
  memset(t, 0, cap * sizeof(slot));
  slot *old = d->table;
  size_t n = d->table_cap;
  d->table = t;
  d->table_cap = cap;
  for (size_t i = 0; i < n; i++) {
    if (!old[i].entry) continue;
    size_t j = home(d, old[i].hash);
    while (t[j].entry) j = j + 1 == cap ? 0 : j + 1;
    t[j] = old[i];
  }
  lx_free(d->alloc, old);
  return 1;
}

static int table_grow(lx_dict *d) {
  return table_resize(d, d->table_cap ? d->table_cap * 2 : 1024);
}

int lx_dict_reserve(lx_dict *d, size_t n) {
  size_t want = (d->table_used + n) / 3 * 4 + 16;
  if (want > d->table_cap && !table_resize(d, want)) return 0;
  return lx_vec_reserve(d->alloc, &d->entries, sizeof(lx_entry), d->entries.n + n);
}

/* Appends the lower-cased (and, fold, accent-folded) text of s[0,n) to b
 * (the key form). */
static int append_key(const lede_allocator *a, lx_buf *b, const char *s, size_t n, int fold) {
  if (!lx_buf_reserve(a, b, n * 2 + 4)) return 0;
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    if (u[i] < 0x80) {
      unsigned char c = u[i++];
      b->p[b->n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else {
      uint32_t cp;
      size_t k = lx_utf8_decode(u + i, n - i, &cp);
      if (cp == LX_BAD_CP) {
        b->p[b->n++] = (char)u[i];
      } else if (cp == 0x2019) {
        b->p[b->n++] = '\'';
      } else {
        uint32_t lc = lx_cp_lower(cp);
        b->n += (size_t)lx_utf8_encode(fold ? lx_cp_fold(lc) : lc, b->p + b->n);
      }
      i += k;
    }
  }
  return 1;
}

static uint8_t case_flags(const char *s, size_t n) {
  unsigned up = 0, lo = 0, first = 0, seen = 0;
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t k = lx_utf8_decode(u + i, n - i, &cp);
    unsigned cls = lx_cp_class(cp);
    if (cls & LX_CC_LETTER) {
      if (!seen) first = cls;
      seen = 1;
      if (cls & LX_CC_UPPER) up++;
      if (cls & LX_CC_LOWER) lo++;
    }
    i += k;
  }
  uint8_t f = 0;
  if (up >= 2 && lo == 0) f |= LX_GF_ALLCAP;
  if (first & LX_CC_UPPER) f |= LX_GF_CAP;
  if (lo && !up) f |= LX_GF_LOWER;
  return f;
}

int lx_dict_bad_phrase(const lx_dict *d) { return d->bad_phrase; }

void lx_dict_mark_kinds(lx_dict *d, uint32_t kinds) { d->mark = kinds; }

lx_entry *lx_dict_add(lx_dict *d, const char *phrase, size_t n, int kind,
                      const char *canonical, size_t cn, const char *attrs,
                      size_t an, uint32_t id) {
  const lede_allocator *a = d->alloc;
  d->toks.n = 0;
  d->bad_phrase = 0;
  if (!lx_tokenize(a, phrase, 0, n, &d->toks)) return NULL;
  size_t nt = d->toks.n;
  if (nt == 0 || nt > 255) {
    d->bad_phrase = 1;
    return NULL;
  }
  lx_token *t = (lx_token *)d->toks.p;
  /* the key: lower-cased tokens joined by one space, built in a scratch
   * buffer the dictionary keeps (one allocation per phrase made loading the
   * gazetteer cost tens of thousands of malloc/free pairs) */
  lx_buf *key = &d->key;
  key->n = 0;
  uint32_t h = 0, h2 = 0;
  for (size_t i = 0; i < nt; i++) {
    if (!append_key(a, key, phrase + t[i].start, t[i].end - t[i].start, d->fold)) return NULL;
    if (i + 1 < nt) key->p[key->n++] = ' '; /* append_key keeps spare room */
    t[i].hash = tok_hash(d, phrase, &t[i]);
    h = i ? lx_hash_combine(h, t[i].hash) : t[i].hash;
    if (i == 1) h2 = h;
    if (i + 1 < nt && !pre_note(d, h, LX_PRE_CONT)) return NULL;
  }
  uint8_t cf = case_flags(phrase, n);
  int lower = !(cf & (LX_GF_CAP | LX_GF_ALLCAP));
  if (!pre_note(d, t[0].hash, LX_PRE_START) ||
      (lower && !pre_note(d, t[0].hash, LX_PRE_LSTART)) ||
      (lower && nt >= 2 && !pre_note(d, h2, LX_PRE_LPAIR)))
    return NULL;
  if (!lx_vec_reserve(a, &d->entries, sizeof(lx_entry), d->entries.n + 1) ||
      ((d->table_used + 1) * 4 > d->table_cap * 3 && !table_grow(d)) ||
      !pre_note(d, h, LX_PRE_KEY) ||
      (nt == 1 && (d->mark & kind_bit(kind)) && !pre_note(d, h, LX_PRE_MARK)))
    return NULL;
  uint32_t ko = pool_add(d, key->p, key->n);
  uint32_t po = ko ? pool_add(d, phrase, n) : 0;
  uint32_t co = po;
  if (po && cn) co = pool_add(d, canonical, cn);
  uint32_t ao = po ? (an ? pool_add(d, attrs, an) : 0) : 0;
  if (!ko || !po || !co || (an && !ao)) return NULL;
  lx_entry *e = (lx_entry *)d->entries.p + d->entries.n;
  memset(e, 0, sizeof *e);
  e->phrase = po;
  e->canonical = co;
  e->attrs = ao;
  e->kind = (uint16_t)kind;
  e->ntok = (uint8_t)nt;
  e->flags = cf;
  e->id = id;
  e->key = ko;
  if (an) {
    const char *p = d->pool.p + ao;
    if (strstr(p, "amb=1")) e->flags |= LX_GF_AMB;
    if (lx_entry_attr(d, e, "type", NULL)) e->flags |= LX_GF_TYPE;
  }
  uint32_t idx = (uint32_t)d->entries.n++;
  if (nt > d->maxtok) d->maxtok = (uint8_t)nt;
  /* chain behind an entry with the same key, else a new slot */
  size_t j = home(d, h);
  while (d->table[j].entry) {
    slot *sl = &d->table[j];
    if (sl->hash == h) {
      lx_entry *o = (lx_entry *)d->entries.p + (sl->entry - 1);
      if (strcmp(d->pool.p + o->key, d->pool.p + ko) == 0) {
        while (o->next) o = (lx_entry *)d->entries.p + (o->next - 1);
        o->next = idx + 1;
        sl->kinds |= kind_bit(kind);
        return (lx_entry *)d->entries.p + idx;
      }
    }
    j = j + 1 == d->table_cap ? 0 : j + 1;
  }
  slot *sl = &d->table[j];
  sl->hash = h;
  sl->entry = idx + 1;
  sl->kinds = kind_bit(kind);
  sl->ntok = (uint8_t)nt;
  memset(sl->key, 0, SLOT_KEY);
  if (key->n < SLOT_KEY) memcpy(sl->key, key->p, key->n);
  d->table_used++;
  return (lx_entry *)d->entries.p + idx;
}

/* ASCII lower-cased, by a table (a load where the test and the add cost
 * three instructions a byte of every key compared) */
static const unsigned char ascii_lower[128] = {
    0,   1,   2,   3,   4,   5,   6,   7,   8,   9,   10,  11,  12,  13,  14,  15,
    16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,
    32,  33,  34,  35,  36,  37,  38,  39,  40,  41,  42,  43,  44,  45,  46,  47,
    48,  49,  50,  51,  52,  53,  54,  55,  56,  57,  58,  59,  60,  61,  62,  63,
    64,  97,  98,  99,  100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 91,  92,  93,  94,  95,
    96,  97,  98,  99,  100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127};

/* Whether tokens t[0..k) spell the key (lower-cased, single spaces). Kept
 * out of probe_slot, which mostly decides without it (slot_key_matches):
 * inline, its registers made every lookup save and restore more. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int key_matches(const char *text, const lx_token *t, size_t k, const char *key, int fold) {
  const unsigned char *q = (const unsigned char *)key;
  for (size_t i = 0; i < k; i++) {
    if (i) {
      if (*q != ' ') return 0;
      q++;
    }
    const unsigned char *s = (const unsigned char *)text + t[i].start;
    size_t n = t[i].end - t[i].start, j = 0;
    while (j < n) {
      if (s[j] < 0x80) {
        if (*q != ascii_lower[s[j]]) return 0;
        q++;
        j++;
      } else {
        uint32_t cp;
        size_t m = lx_utf8_decode(s + j, n - j, &cp);
        if (cp == LX_BAD_CP) {
          if (*q != s[j]) return 0;
          q++;
        } else {
          char tmp[4];
          uint32_t lc = cp == 0x2019 ? '\'' : lx_cp_lower(cp);
          int w = lx_utf8_encode(fold ? lx_cp_fold(lc) : lc, tmp);
          if (memcmp(q, tmp, (size_t)w) != 0) return 0;
          q += w;
        }
        j += m;
      }
    }
  }
  return *q == 0;
}

/* The ASCII capitals of w lower-cased, eight bytes at once (every byte
 * below 0x80: no sum carries into the next byte), as ascii_lower does. */
static inline uint64_t lower8(uint64_t w) {
  uint64_t up = (w + 0x3f3f3f3f3f3f3f3full) & ~(w + 0x2525252525252525ull);
  return w | ((up & 0x8080808080808080ull) >> 2);
}

/* key_matches of one token and a key held in its slot (shorter than
 * SLOT_KEY bytes, zero-padded to the slot's end), eight bytes at a time:
 * a byte loop cost about 14 instructions a byte of every lookup. 1 or 0;
 * -1 (key_matches decides) for a token with a byte >= 0x80, one too long
 * for a slot, or a short one among the text's first 8 bytes (the 8 bytes
 * read end with the token, in the text). The bytes past the key's end are
 * zeros: equal words also say that the key ends where the token does. */
static inline int slot_key_matches(const char *text, const lx_token *t, const char *key) {
  const unsigned char *s = (const unsigned char *)text + t->start;
  const unsigned char *q = (const unsigned char *)key;
  size_t n = t->end - t->start;
  const uint64_t high = 0x8080808080808080ull;
  if (n < 8) {
    if (t->end < 8) return -1;
    uint64_t w = lx_load8_le(s + n - 8) >> (64 - 8 * n);
    if (w & high) return -1;
    return lower8(w) == lx_load8_le(q);
  }
  if (n >= SLOT_KEY) return -1;
  uint64_t a = lx_load8_le(s), b = lx_load8_le(s + n - 8), m = n > 16 ? lx_load8_le(s + 8) : 0;
  if ((a | b | m) & high) return -1;
  return lower8(a) == lx_load8_le(q) && lower8(b) == lx_load8_le(q + n - 8) &&
         (n <= 16 || lower8(m) == lx_load8_le(q + 8)) && q[n] == 0;
}

/* The slot of the key tokens t[0..k) spell (hash h), or NULL, looked for
 * from slot j on (h's home, or a slot no earlier one of which matched). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static const slot *probe_from(const lx_dict *d, size_t j, uint32_t h, const char *text,
                              const lx_token *t, size_t k) {
  for (;;) {
    const slot *sl = &d->table[j];
    if (!sl->entry) return NULL;
    if (sl->hash == h && sl->ntok == k) {
      int m = k == 1 && sl->key[0] ? slot_key_matches(text, t, sl->key) : -1;
      if (m > 0) return sl;
      const lx_entry *E = (const lx_entry *)d->entries.p;
      const char *key = sl->key[0] ? sl->key : d->pool.p + E[sl->entry - 1].key;
      if (m < 0 && key_matches(text, t, k, key, d->fold)) return sl;
    }
    j = j + 1 == d->table_cap ? 0 : j + 1;
  }
}

/* probe_from from h's home, inline in the lookups for the common case: a
 * one-token key held in its slot, which slot_key_matches decides. Any
 * other (a longer key, a token not in ASCII) goes to probe_from by a call
 * whose result is returned as it is: the inline walk keeps to the
 * registers a call may clobber (a call to all of it saved and restored six
 * registers, the most of a lookup's work). */
static inline const slot *probe_slot(const lx_dict *d, uint32_t h, const char *text,
                                     const lx_token *t, size_t k) {
  const slot *const table = d->table;
  const size_t cap = d->table_cap;
  size_t j = home(d, h);
  for (;;) {
    const slot *sl = &table[j];
    if (!sl->entry) return NULL;
    if (sl->hash == h && sl->ntok == k) {
      int m = k == 1 && sl->key[0] ? slot_key_matches(text, t, sl->key) : -1;
      if (m > 0) return sl;
      if (m < 0) return probe_from(d, j, h, text, t, k);
    }
    j = j + 1 == cap ? 0 : j + 1;
  }
}

static const lx_entry *probe(const lx_dict *d, uint32_t h, const char *text,
                             const lx_token *t, size_t k) {
  const slot *sl = probe_slot(d, h, text, t, k);
  return sl ? (const lx_entry *)d->entries.p + (sl->entry - 1) : NULL;
}

size_t lx_dict_longest(const lx_dict *d, const char *text, const lx_token *t,
                       size_t n, size_t i, const lx_entry **out) {
  return lx_dict_longest_min(d, text, t, n, i, 1, out);
}

size_t lx_dict_longest_min(const lx_dict *d, const char *text, const lx_token *t, size_t n,
                           size_t i, size_t minlen, const lx_entry **out) {
  *out = NULL;
  if (!d->table_cap || i >= n) return 0;
  uint32_t h = tok_hash(d, text, &t[i]);
  size_t lim = LX_MIN((size_t)d->maxtok, n - i);
  /* the lengths the filter lets through, then the longest that is there */
  uint32_t hs[256];
  uint8_t ks[256];
  size_t nk = 0;
  for (size_t k = 1;; k++) {
    if (k >= minlen && pre_has(d, h, LX_PRE_KEY)) {
      hs[nk] = h;
      ks[nk++] = (uint8_t)k;
    }
    /* phrases do not run across a paragraph break; the filter is not
     * asked about tokens short of minlen (the caller that asks from 2 has
     * asked whether a phrase goes on from the first: a filter only prunes) */
    if (k >= lim || (k >= minlen && !pre_has(d, h, LX_PRE_CONT)) ||
        (t[i + k].flags & LX_TF_PARA))
      break;
    h = lx_hash_combine(h, tok_hash(d, text, &t[i + k]));
  }
  while (nk--) {
    const lx_entry *e = probe(d, hs[nk], text, t + i, ks[nk]);
    if (e) {
      *out = e;
      return ks[nk];
    }
  }
  return 0;
}

uint32_t lx_dict_exact_kinds(const lx_dict *d, const char *text, const lx_token *t, size_t i,
                             size_t k, const lx_entry **e) {
  *e = NULL;
  /* k - 1 wraps for k == 0; a dictionary with no phrase (and maybe no
   * table) has maxtok 0 */
  if (k - 1 >= (size_t)d->maxtok) return 0;
  uint32_t h = tok_hash(d, text, &t[i]);
  for (size_t j = 1; j < k; j++) h = lx_hash_combine(h, tok_hash(d, text, &t[i + j]));
  if (!pre_has(d, h, LX_PRE_KEY)) return 0;
  const slot *sl = probe_slot(d, h, text, t + i, k);
  if (!sl) return 0;
  *e = (const lx_entry *)d->entries.p + (sl->entry - 1); /* not read */
  return sl->kinds;
}

const lx_entry *lx_dict_exact(const lx_dict *d, const char *text, const lx_token *t, size_t i,
                              size_t k) {
  const lx_entry *e;
  lx_dict_exact_kinds(d, text, t, i, k, &e);
  return e;
}

size_t lx_dict_longest_fold(const lx_dict *d, const char *text, const lx_token *t, size_t n,
                            size_t i, const lx_entry **e) {
  return lx_dict_longest(d, text, t, n, i, e);
}

/* lx_dict_find tokenizes into a buffer on the stack: a lookup allocates
 * nothing, so it cannot fail for want of memory (which a parse would take
 * for "not found"), and a long string stops being tokenized past the
 * longest phrase a dictionary can hold. The token vector grows in place up
 * to 512 tokens. */
typedef struct stack_alloc {
  char *buf;
  size_t cap, used;
  void *last; /* the block realloc may grow in place */
  size_t last_size;
} stack_alloc;

static void *sa_malloc(size_t n, void *ud) {
  stack_alloc *sa = (stack_alloc *)ud;
  n = (n + 15) & ~(size_t)15; /* keeps blocks aligned for lx_token */
  if (n > sa->cap - sa->used) return NULL;
  void *p = sa->buf + sa->used;
  sa->used += n;
  sa->last = p;
  sa->last_size = n;
  return p;
}

static void *sa_realloc(void *p, size_t n, void *ud) {
  stack_alloc *sa = (stack_alloc *)ud;
  if (!p) return sa_malloc(n, ud);
  if (p == sa->last) {
    /* the last block: grow it where it is */
    size_t from = (size_t)((char *)p - sa->buf);
    size_t want = (n + 15) & ~(size_t)15;
    if (want > sa->cap - from) return NULL;
    sa->used = from + want;
    sa->last_size = want;
    return p;
  }
  return NULL; /* lx_vec only ever grows its one block */
}

static void sa_free(void *p, void *ud) {
  (void)p;
  (void)ud;
}

const lx_entry *lx_dict_find(const lx_dict *d, const char *s, size_t n) {
  if (!d->table_cap) return NULL;
  lx_token buf[512];
  stack_alloc sa = {(char *)buf, sizeof buf, 0, NULL, 0};
  const lede_allocator a = {sa_malloc, sa_realloc, sa_free, &sa};
  lx_vec v = {NULL, 0, 0};
  /* too many tokens (the buffer is full) means no phrase can match */
  if (!lx_tokenize(&a, s, 0, n, &v) || v.n == 0 || v.n > 255) return NULL;
  const lx_token *t = (const lx_token *)v.p;
  uint32_t h = tok_hash(d, s, &t[0]);
  for (size_t i = 1; i < v.n; i++) h = lx_hash_combine(h, tok_hash(d, s, &t[i]));
  return pre_has(d, h, LX_PRE_KEY) ? probe(d, h, s, t, v.n) : NULL;
}

lede_status lx_dict_copy_kinds(lx_dict *dst, const lx_dict *src, uint32_t kinds) {
  for (size_t i = 0; i < src->entries.n; i++) {
    const lx_entry *e = (const lx_entry *)src->entries.p + i;
    if (!(kinds & (1u << e->kind))) continue;
    const char *ph = src->pool.p + e->phrase, *ca = src->pool.p + e->canonical;
    const char *at = e->attrs ? src->pool.p + e->attrs : "";
    if (!lx_dict_add(dst, ph, strlen(ph), e->kind, ca, strlen(ca), at, strlen(at), e->id))
      return LEDE_ENOMEM;
  }
  return LEDE_OK;
}

const lx_entry *lx_entry_next(const lx_dict *d, const lx_entry *e) {
  return e && e->next ? (const lx_entry *)d->entries.p + (e->next - 1) : NULL;
}

uint32_t lx_entry_index(const lx_dict *d, const lx_entry *e) {
  return (uint32_t)(e - (const lx_entry *)d->entries.p);
}

const lx_entry *lx_dict_entry(const lx_dict *d, uint32_t index) {
  return index < d->entries.n ? (const lx_entry *)d->entries.p + index : NULL;
}

const lx_entry *lx_entry_of_kind(const lx_dict *d, const lx_entry *e, int kind) {
  for (; e; e = lx_entry_next(d, e))
    if (e->kind == kind) return e;
  return NULL;
}

const char *lx_entry_attr(const lx_dict *d, const lx_entry *e, const char *key,
                          size_t *vn) {
  if (!e->attrs) return NULL;
  const char *p = d->pool.p + e->attrs;
  size_t kn = strlen(key);
  while (*p) {
    const char *end = strchr(p, ';');
    if (!end) end = p + strlen(p);
    if ((size_t)(end - p) > kn && memcmp(p, key, kn) == 0 && p[kn] == '=') {
      if (vn) *vn = (size_t)(end - p - (ptrdiff_t)kn - 1);
      return p + kn + 1;
    }
    p = *end ? end + 1 : end;
  }
  return NULL;
}

size_t lx_count_lines(const char *s, size_t n) {
  size_t lines = n > 0 && s[n - 1] != '\n';
  const char *end = s + n;
  for (const char *p = s; (p = (const char *)memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
    lines++;
  return lines;
}

lede_status lx_dict_load_tsv(lx_dict *d, const char *tsv, size_t n, char *err,
                             size_t errsz) {
  size_t i = 0, line = 0;
  if (!lx_dict_reserve(d, lx_count_lines(tsv, n))) return LEDE_ENOMEM;
  while (i < n) {
    size_t e = i;
    while (e < n && tsv[e] != '\n') e++;
    line++;
    size_t le = e;
    if (le > i && tsv[le - 1] == '\r') le--;
    if (le > i && tsv[i] != '#') {
      const char *f[4] = {NULL, NULL, NULL, NULL};
      size_t fl[4] = {0, 0, 0, 0};
      size_t nf = 0, s = i;
      for (size_t k = i; k <= le && nf < 4; k++) {
        if (k == le || tsv[k] == '\t') {
          f[nf] = tsv + s;
          fl[nf] = k - s;
          nf++;
          s = k + 1;
        }
      }
      if (nf < 2 || fl[1] == 0) {
        if (err) snprintf(err, errsz, "line %zu: expected kind<TAB>phrase", line);
        return LEDE_EINVAL;
      }
      int kind = lx_gaz_kind_from_name(f[0], fl[0]);
      if (!kind) {
        if (err) snprintf(err, errsz, "line %zu: unknown kind '%.*s'", line,
                          (int)LX_MIN(fl[0], 40), f[0]);
        return LEDE_EINVAL;
      }
      if (!lx_dict_add(d, f[1], fl[1], kind, f[2], fl[2], f[3], fl[3], (uint32_t)line)) {
        /* a phrase of no token is a data error, else memory */
        lx_vec v = {NULL, 0, 0};
        int ok = lx_tokenize(d->alloc, f[1], 0, fl[1], &v);
        size_t nt = v.n;
        lx_vec_free(d->alloc, &v);
        if (ok && (nt == 0 || nt > 255)) {
          if (err) snprintf(err, errsz, "line %zu: phrase has %s tokens", line,
                            nt ? "too many" : "no");
          return LEDE_EINVAL;
        }
        if (err) snprintf(err, errsz, "out of memory");
        return LEDE_ENOMEM;
      }
    }
    i = e + 1;
  }
  return LEDE_OK;
}
