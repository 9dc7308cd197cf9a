/*
 * Internal definitions shared by the core's files. Nothing here is API.
 *
 * Memory discipline: a parse runs inside an lx_ctx. Every allocation made for
 * the document goes into its arena or into one of its vectors, all owned by
 * the document; scratch buffers belong to the context. On any failure
 * (allocation, time budget, limit) the code calls lx_fail(), which unwinds to
 * lede_parse() with longjmp; lede_parse() then frees the document and the
 * scratch buffers, so nothing can leak whatever the failure point. No Lua
 * frame is ever between the setjmp and a longjmp: user callbacks run under
 * lua_pcall in the binding and report failure with a return code.
 */
#ifndef LEDE_INTERNAL_H
#define LEDE_INTERNAL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../lede.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#define LX_LIKELY(x) __builtin_expect(!!(x), 1)
#define LX_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define LX_NORETURN __attribute__((noreturn))
#else
#define LX_LIKELY(x) (x)
#define LX_UNLIKELY(x) (x)
#define LX_NORETURN
#endif

/* Whether the CPU has an instruction set ("avx2", "sse4.1") that a SIMD
 * path is built for. LX_CPU_BASELINE makes it say no, so that a build runs
 * the paths of a CPU with only the compiler's baseline (make check-nosimd
 * compares their output with the best paths'). Only x86 builds ask. */
#if defined(LX_CPU_BASELINE)
#define lx_cpu_has(feature) 0
#else
#define lx_cpu_has(feature) (__builtin_cpu_supports(feature) != 0)
#endif

#define LX_MIN(a, b) ((a) < (b) ? (a) : (b))
#define LX_MAX(a, b) ((a) > (b) ? (a) : (b))
/* The widest zone offset accepted, in minutes (ISO 8601 allows any; real
 * zones lie within -12:00..+14:00, and +-18:00 is the customary bound). */
#define LX_TZ_MAX (18 * 60)
#define LX_COUNTOF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- allocation ------------------------------------------------------- */

extern const lede_allocator lx_default_allocator;

void *lx_malloc(const lede_allocator *a, size_t n);
void *lx_realloc(const lede_allocator *a, void *p, size_t n);
void lx_free(const lede_allocator *a, void *p);

/* A bump arena of chunks; it never moves what it handed out. */
typedef struct lx_chunk {
  struct lx_chunk *next;
  size_t size, used;
  /* data follows, max-aligned */
} lx_chunk;

typedef struct lx_arena {
  const lede_allocator *alloc;
  lx_chunk *head;
} lx_arena;

/* Returns NULL on allocation failure. */
void *lx_arena_alloc(lx_arena *ar, size_t n);
void lx_arena_free_all(lx_arena *ar);

/* A growable array (realloc-backed). */
typedef struct lx_vec {
  void *p;
  size_t n, cap;
} lx_vec;

/* Returns 0 on allocation failure. */
int lx_vec_reserve(const lede_allocator *a, lx_vec *v, size_t elem, size_t want);
/* Sorts like qsort; fast on small and on already sorted arrays. */
void lx_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void lx_vec_free(const lede_allocator *a, lx_vec *v);

/* A growable byte buffer. */
typedef struct lx_buf {
  char *p;
  size_t n, cap;
} lx_buf;

int lx_buf_reserve(const lede_allocator *a, lx_buf *b, size_t extra);
void lx_buf_free(const lede_allocator *a, lx_buf *b);

/* ---- UTF-8 -------------------------------------------------------------- */

/* Decodes one code point at s (n bytes available, n >= 1). Returns its length
 * and sets *cp; an invalid sequence yields length 1 and cp = LX_BAD_CP. */
#define LX_BAD_CP 0x110000u
size_t lx_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
int lx_utf8_encode(uint32_t cp, char *out); /* returns length 1..4 */
/* Length of the longest valid UTF-8 prefix. */
size_t lx_utf8_valid_prefix(const char *s, size_t n);

/* Character classes of code points (ASCII is table-driven in the callers). */
enum {
  LX_CC_SPACE = 1,
  LX_CC_LETTER = 2,
  LX_CC_UPPER = 4,
  LX_CC_DIGIT = 8,
  LX_CC_PUNCT = 16,
  LX_CC_NEWLINE = 32,
  LX_CC_QUOTE = 64,
  LX_CC_DASH = 128,
  LX_CC_CURRENCY = 256,
  LX_CC_LOWER = 512
};
unsigned lx_cp_class(uint32_t cp);
extern const uint16_t lx_ascii_class[256];
/* Lower-cases one code point for matching (ASCII, Latin-1, Latin Ext-A,
 * Greek, Cyrillic); others are returned unchanged. */
uint32_t lx_cp_lower(uint32_t cp);
/* The base letter of a Latin letter with an accent (é -> e), else cp. */
uint32_t lx_cp_fold(uint32_t cp);

/* ---- hashing -------------------------------------------------------------- */

/* Eight bytes as a little-endian word (unaligned; the caller has them). */
static inline uint64_t lx_load8_le(const unsigned char *p) {
  uint64_t w;
  memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  w = __builtin_bswap64(w);
#endif
  return w;
}

/* Tokens and phrases are keyed by a 32-bit hash of their lower-cased UTF-8
 * bytes (inner apostrophes U+2019 as '\''), taken eight bytes at a time
 * (little-endian chunks, the last one zero-padded), then finalized with the
 * length. tokenize.c has the same function unrolled for ASCII words. */
#define LX_HASH_SEED 0x9E3779B97F4A7C15ull
static inline uint64_t lx_hash_mix(uint64_t h, uint64_t w) {
  h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 31);
}
static inline uint32_t lx_hash_final(uint64_t h, size_t n) {
  h ^= (uint64_t)n;
  h *= 0x94D049BB133111EBull;
  h ^= h >> 32;
  return (uint32_t)h ? (uint32_t)h : 1u; /* 0 is "empty" in sets */
}
/* Hash of a string folded to lower case (same folding as tokens). */
uint32_t lx_hash_lower(const char *s, size_t n);
/* The same with accents folded too (é as e). */
uint32_t lx_hash_fold(const char *s, size_t n);
/* Combines the hashes of consecutive tokens of a phrase. */
static inline uint32_t lx_hash_combine(uint32_t h, uint32_t t) {
  h ^= t + 0x9e3779b9u + (h << 6) + (h >> 2);
  return h;
}

/* ---- tokens --------------------------------------------------------------- */

enum { LX_TK_WORD = 1, LX_TK_NUM, LX_TK_PUNCT, LX_TK_SYM };

enum {
  LX_TF_CAP = 1 << 0,      /* first letter upper case */
  LX_TF_ALLCAP = 1 << 1,   /* every letter upper case, at least 2 letters */
  LX_TF_LOWER = 1 << 2,    /* every letter lower case */
  LX_TF_DIGIT = 1 << 3,    /* contains a digit */
  LX_TF_HYPHEN = 1 << 4,   /* contains an inner hyphen */
  LX_TF_PERIOD = 1 << 5,   /* ends with an abbreviation period */
  LX_TF_SPACE = 1 << 6,    /* preceded by white space */
  LX_TF_NEWLINE = 1 << 7,  /* preceded by a line break */
  LX_TF_QUOTE = 1 << 8,    /* a quotation mark */
  LX_TF_OPENQ = 1 << 9,    /* ...that opens (by position) */
  LX_TF_DASH = 1 << 10,    /* a dash */
  LX_TF_NONASCII = 1 << 11,
  LX_TF_SENT = 1 << 12,    /* first token of a sentence */
  LX_TF_POSS = 1 << 13,    /* the possessive 's split off a word */
  LX_TF_APOS = 1 << 14,    /* contains an inner apostrophe */
  LX_TF_PARA = 1 << 15     /* preceded by a blank line or indent */
};

typedef struct lx_token {
  uint32_t start, end;
  uint32_t hash;   /* of the lower-cased text */
  uint16_t flags;  /* LX_TF_* */
  uint8_t kind;    /* LX_TK_* */
  uint8_t nletters; /* letters, saturating at 255 */
} lx_token;

/* Tokenizes text[start, end) into toks (appending). Returns 0 on allocation
 * failure. Offsets are absolute. */
int lx_tokenize(const lede_allocator *a, const char *text, size_t start,
                size_t end, lx_vec *toks);

/* Marks LX_TF_SENT on the first token of each sentence. */
void lx_sentences(const char *text, lx_token *t, size_t n);
int lx_abbrev_table_ok(void); /* a C test's: the abbreviations' filter */

/* Whether s[0, n) is one of the n_words words of `words`, nonempty and
 * sorted in byte order (a search by halves). A step compares the first
 * bytes, which differ at most steps, before the rest of the word (no
 * strlen: the word's NUL ends it). */
static inline int lx_sorted_has(const char *const *words, size_t n_words, const char *s,
                                size_t n) {
  if (n == 0) return 0;
  size_t lo = 0, hi = n_words;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const unsigned char *w = (const unsigned char *)words[mid];
    int cmp = (unsigned char)s[0] - w[0];
    if (cmp == 0) {
      size_t k = 1;
      while (k < n && w[k] && (unsigned char)s[k] == w[k]) k++;
      if (k == n) cmp = w[k] ? -1 : 0; /* s is the word, or begins it */
      else cmp = w[k] ? (unsigned char)s[k] - w[k] : 1;
    }
    if (cmp == 0) return 1;
    if (cmp < 0) hi = mid;
    else lo = mid + 1;
  }
  return 0;
}

static inline int lx_tok_is(const char *text, const lx_token *t, const char *s) {
  size_t n = strlen(s);
  return t->end - t->start == n && memcmp(text + t->start, s, n) == 0;
}
/* Case-insensitive (ASCII) comparison of a token with a lower-case word
 * (inline: the rules run it down lists of words, where the first byte
 * mostly decides). */
static inline int lx_tok_ieq(const char *text, const lx_token *t, const char *lower) {
  size_t n = t->end - t->start;
  const char *s = text + t->start;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (!lower[i] || c != (unsigned char)lower[i]) return 0;
  }
  return lower[n] == 0;
}

/* ---- dates ----------------------------------------------------------------- */

typedef struct lx_date {
  int year, month, day;     /* 0 when unknown */
  int hour, minute, second; /* hour < 0 when no time */
  int tz;                   /* minutes east of UTC */
  int has_tz;
} lx_date;

int lx_days_in_month(int year, int month);
/* Whether the month (1-12) has that day (0: no day; year 0: any year, so
 * February has 29 days). */
int lx_date_valid(int year, int month, int day);
/* Days since 1970-01-01 for a proleptic Gregorian date. */
int64_t lx_days_from_civil(int y, int m, int d);
void lx_civil_from_days(int64_t z, int *y, int *m, int *d);
int lx_weekday(int y, int m, int d); /* 0 = Monday */
/* Daylight-time rules of the agency table ("dst=us", "eu", "au", "nz"):
 * the rule named by s (0 if none), and whether it is in effect on a local
 * date (by the date alone: the hour of the change is not told apart). */
enum { LX_DST_NONE = 0, LX_DST_US, LX_DST_EU, LX_DST_AU, LX_DST_NZ };
int lx_dst_rule(const char *s, size_t n);
int lx_dst_on(int rule, int y, int m, int d);
/* Parses "YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM]]"; returns 1 on success. */
int lx_parse_iso(const char *s, size_t n, lx_date *out);
/* Writes ISO 8601 (date, date-time, with zone when has_tz). */
size_t lx_format_iso(const lx_date *d, char *out, size_t cap);
int lx_month_from_word(const char *s, size_t n); /* 1..12 or 0 */
int lx_weekday_from_word(const char *s, size_t n); /* 1..7 (Mon..Sun) or 0 */

/* Recognizes a date/time expression starting at token i. Returns the number
 * of tokens it spans (0 if none) and fills *out with the fields printed.
 * Relative expressions are not handled here (see entities). */
size_t lx_match_date(const char *text, const lx_token *t, size_t n, size_t i,
                     lx_date *out);
/* The same; a time printed without a date takes ref's date (may be NULL)
 * to tell whether a US zone is on daylight time ("8:03 am ET"). */
size_t lx_match_date_ref(const char *text, const lx_token *t, size_t n, size_t i,
                         const lx_date *ref, lx_date *out);

/* ---- the gazetteer / dictionaries ------------------------------------------ */

typedef struct lx_dict lx_dict;

typedef struct lx_entry {
  uint32_t phrase;     /* offset of the printed phrase in the string pool */
  uint32_t canonical;  /* offset of the canonical name (or = phrase) */
  uint32_t attrs;      /* offset of the attribute string ("k=v;...") */
  uint16_t kind;       /* LX_G_* for the gazetteer, a type for user dicts */
  uint8_t ntok;        /* tokens in the phrase */
  uint8_t flags;       /* LX_GF_* */
  uint32_t id;         /* user id or line number */
  uint32_t key;        /* offset of the matching key: lower-cased tokens
                          joined by single spaces */
  uint32_t next;       /* next entry with the same key, index + 1, or 0 */
} lx_entry;

enum {
  LX_GF_AMB = 1,      /* ambiguous: needs context */
  LX_GF_ALLCAP = 2,   /* printed all in capitals (acronym) */
  LX_GF_CAP = 4,      /* printed with a capital */
  LX_GF_LOWER = 8,    /* printed in lower case */
  LX_GF_TYPE = 16     /* its attrs have a type= (read without parsing them) */
};

enum {
  LX_G_NONE = 0, LX_G_COUNTRY, LX_G_DEMONYM, LX_G_NORP, LX_G_STATE, LX_G_CITY,
  LX_G_REGION, LX_G_ORG, LX_G_AGENCY, LX_G_TITLE, LX_G_TITLEMOD,
  LX_G_HONORIFIC, LX_G_GIVEN, LX_G_SURNAME, LX_G_CURRENCY, LX_G_UNIT,
  LX_G_LANGUAGE, LX_G_EVENT, LX_G_TZ, LX_G_FAC, LX_G_PRODUCT,
  LX_G_COUNT
};
/* The kinds of names (places, peoples, organizations, events, ...): the
 * gazetteer's filter notes its one-token phrases of these kinds
 * (lx_dict_mark_kinds), the kinds the recognizer's gazetteer candidates
 * and most of its rules ask a single token for. */
#define LX_G_NAME_KINDS                                                                  \
  ((1u << LX_G_COUNTRY) | (1u << LX_G_CITY) | (1u << LX_G_STATE) | (1u << LX_G_REGION) |   \
   (1u << LX_G_DEMONYM) | (1u << LX_G_NORP) | (1u << LX_G_ORG) | (1u << LX_G_AGENCY) |     \
   (1u << LX_G_EVENT) | (1u << LX_G_FAC) | (1u << LX_G_PRODUCT) | (1u << LX_G_LANGUAGE))
int lx_gaz_kind_from_name(const char *s, size_t n);
const char *lx_gaz_kind_name(int kind);

lx_dict *lx_dict_new(const lede_allocator *a);
/* A dictionary whose keys fold accents (é and e are one letter). */
lx_dict *lx_dict_new_fold(const lede_allocator *a);
void lx_dict_free(lx_dict *d);
/* Adds a TSV text "kind\tphrase\tcanonical\tattrs" per line (the gazetteer
 * format). Returns LEDE_OK or an error with a message in err. */
lede_status lx_dict_load_tsv(lx_dict *d, const char *tsv, size_t n,
                             char *err, size_t errsz);
/* Adds one phrase; returns the entry, or NULL when the phrase has no token
 * or more than 255 (lx_dict_bad_phrase then says so) or memory ran out. */
lx_entry *lx_dict_add(lx_dict *d, const char *phrase, size_t n, int kind,
                      const char *canonical, size_t cn, const char *attrs,
                      size_t an, uint32_t id);
int lx_dict_bad_phrase(const lx_dict *d);
/* Has the filter note the one-token phrases of the kinds in a bit mask
 * (1 << kind; bit 31 for kinds of 31 and more), added from now on:
 * lx_dict_may_be_marked then tells most other tokens no. */
void lx_dict_mark_kinds(lx_dict *d, uint32_t kinds);
/* Makes room for n more phrases (one table, sized once); 0 on allocation
 * failure. Adding without it works too, the table doubling as it fills. */
int lx_dict_reserve(lx_dict *d, size_t n);
/* Lines of a text (a bound on the phrases of a TSV). */
size_t lx_count_lines(const char *s, size_t n);
/* Longest entry whose phrase matches tokens from i; returns its token count
 * and the first entry of the key's chain in *e, 0 if none. */
size_t lx_dict_longest(const lx_dict *d, const char *text, const lx_token *t,
                       size_t n, size_t i, const lx_entry **e);
/* The same among phrases of at least minlen tokens (a caller that knows the
 * one-token phrase at i already asks from 2). */
size_t lx_dict_longest_min(const lx_dict *d, const char *text, const lx_token *t, size_t n,
                           size_t i, size_t minlen, const lx_entry **e);
/* The entry (first of its chain) spelled by exactly tokens t[i..i+k). */
const lx_entry *lx_dict_exact(const lx_dict *d, const char *text, const lx_token *t, size_t i,
                              size_t k);
/* The same, and the kinds of the key's entries as a mask (bit 1 << kind,
 * bit 31 for kinds of 31 and more), read without reading the entries. */
uint32_t lx_dict_exact_kinds(const lx_dict *d, const char *text, const lx_token *t, size_t i,
                             size_t k, const lx_entry **e);
/* Adds to dst every entry of src whose kind is in the bit mask kinds. */
lede_status lx_dict_copy_kinds(lx_dict *dst, const lx_dict *src, uint32_t kinds);
/* lx_dict_longest for a folding dictionary. */
size_t lx_dict_longest_fold(const lx_dict *d, const char *text, const lx_token *t, size_t n,
                            size_t i, const lx_entry **e);
/* Looks up a phrase given as a string. */
const lx_entry *lx_dict_find(const lx_dict *d, const char *s, size_t n);
/* Entry of a kind in the chain, or NULL; the next one in the chain. */
const lx_entry *lx_entry_of_kind(const lx_dict *d, const lx_entry *e, int kind);
const lx_entry *lx_entry_next(const lx_dict *d, const lx_entry *e);
/* An entry's index in its dictionary, and the entry of an index (memos keep
 * indices: 4 bytes where a pointer takes 8). */
uint32_t lx_entry_index(const lx_dict *d, const lx_entry *e);
const lx_entry *lx_dict_entry(const lx_dict *d, uint32_t index);
const char *lx_dict_str(const lx_dict *d, uint32_t off);
/* Value of attribute key in an entry's attrs, or NULL; *vn gets its length. */
const char *lx_entry_attr(const lx_dict *d, const lx_entry *e, const char *key,
                          size_t *vn);
size_t lx_dict_size(const lx_dict *d);
uint8_t lx_dict_maxtok(const lx_dict *d);
/* A dictionary's bit filter over its phrases' prefixes (dict.c says what
 * it holds), the first member of every lx_dict so that the checks made
 * for every token are inline: an item is a role and a prefix's hash
 * mixed; it sets 2 bits of one 64-bit word. Never a false "no". */
typedef struct lx_dict_filter {
  uint64_t *bloom;   /* a word of zeros while the dictionary is empty */
  unsigned bloom_lb; /* log2 of its bits; 0 while empty */
  unsigned shift;    /* an item's word is its bits from this one up (38 -
                        bloom_lb; 32, word 0, while empty): a test needs no
                        check for an empty filter nor a subtraction */
} lx_dict_filter;

#define LX_PRE_CONT 0x5bd1e995u   /* a phrase continues past these tokens */
#define LX_PRE_KEY 0x27d4eb2fu    /* a phrase ends here */
#define LX_PRE_START 0x165667b1u  /* a phrase starts with this token */
#define LX_PRE_LSTART 0xd3a2646cu /* one printed without a capital does */
#define LX_PRE_MARK 0x85ebca6bu   /* a one-token phrase of a marked kind */
#define LX_PRE_LPAIR 0xc2b2ae35u  /* one of two tokens or more printed without
                                     a capital starts with these two (the
                                     lx_hash_combine of their key hashes) */

/* One multiply is mixing enough: the prefix hashes are finalized hashes
 * already. The word is read from the product's high bits (which depend on
 * every bit of h), the two bits from its low 12 (a bijection of h's low
 * 12 bits, distinct for the six roles); at most 17 + 12 bits are used. */
static inline uint32_t lx_pre_item(uint32_t h, uint32_t role) {
  return (h ^ role) * 0x9E3779B1u;
}

static inline uint64_t lx_bloom_bits(uint32_t x) {
  return ((uint64_t)1 << (x & 63)) | ((uint64_t)1 << ((x >> 6) & 63));
}

static inline int lx_filter_has(const lx_dict_filter *f, uint32_t h, uint32_t role) {
  uint32_t x = lx_pre_item(h, role);
  uint64_t m = lx_bloom_bits(x);
  return (f->bloom[(uint64_t)x >> f->shift] & m) == m;
}

/* Whether any phrase of the dictionary starts with this token hash. */
static inline int lx_dict_may_start(const lx_dict *d, uint32_t hash) {
  return lx_filter_has((const lx_dict_filter *)(const void *)d, hash, LX_PRE_START);
}
/* Whether a phrase printed without a capital (LX_GF_CAP, LX_GF_ALLCAP)
 * may start with it. */
static inline int lx_dict_may_start_uncapitalized(const lx_dict *d, uint32_t hash) {
  return lx_filter_has((const lx_dict_filter *)(const void *)d, hash, LX_PRE_LSTART);
}
/* Whether this token hash may be a one-token phrase of a kind marked by
 * lx_dict_mark_kinds (the token's key hash, as below). */
static inline int lx_dict_may_be_marked(const lx_dict *d, uint32_t hash) {
  return lx_filter_has((const lx_dict_filter *)(const void *)d, hash, LX_PRE_MARK);
}
/* Whether a phrase of two tokens or more may start with this token hash
 * (the token's key hash: t->hash in a dictionary that does not fold
 * accents, as the gazetteer): where not, lx_dict_longest_min with a
 * minimum of 2 finds nothing. */
static inline int lx_dict_may_continue(const lx_dict *d, uint32_t hash) {
  return lx_filter_has((const lx_dict_filter *)(const void *)d, hash, LX_PRE_CONT);
}

/* ---- engine ------------------------------------------------------------------ */

/* A set of 32-bit hashes (open addressing, 0 = empty). */
typedef struct lx_hashset {
  uint32_t *slots;
  size_t cap;
} lx_hashset;

int lx_hashset_build(const lede_allocator *a, lx_hashset *s,
                     const char *const *words, size_t n);
void lx_hashset_free(const lede_allocator *a, lx_hashset *s);
/* Hashes with a few flag bits each: an entry is flags << 32 | hash (open
 * addressing, 0 = empty; a hash is never 0). */
typedef struct lx_hashflags {
  uint64_t *slots;
  size_t cap;
} lx_hashflags;
/* An empty table for n hashes, at one slot in eight taken at most (as
 * lx_hashset_build's sets); 0 on allocation failure. */
int lx_hashflags_init(const lede_allocator *a, lx_hashflags *m, size_t n);
/* Adds flag bits f to hash h (h != 0) in a table with room for it. */
void lx_hashflags_add(lx_hashflags *m, uint32_t h, unsigned f);

static inline int lx_hashset_has(const lx_hashset *s, uint32_t h) {
  if (!s->cap) return 0;
  if (h == 0) h = 1;
  size_t j = h & (s->cap - 1);
  while (s->slots[j]) {
    if (s->slots[j] == h) return 1;
    j = (j + 1) & (s->cap - 1);
  }
  return 0;
}

struct lede_engine {
  lede_allocator alloc;
  unsigned flags;  /* LEDE_ENGINE_* */
  lede_limits limits;
  lx_dict *gaz;
  lx_hashset stop; /* function words of several languages */
  lx_dict *cues;   /* boilerplate cue phrases (structure.c) */
  lx_hashset widgets; /* words of share/navigation widgets */
  lx_hashflags block_words; /* the function words and the first words of notices,
                               one probe a word (structure.c, block_features) */
  struct lx_tagger *tagger; /* the statistical tagger of names (tagger.c) */
  lx_dict *titles;   /* the gazetteer's titles, modifiers and honorifics */
  lx_hashset nonname; /* function words and weekdays: never a name alone */
  lx_hashset listed; /* every word of entities.c's word lists: a token whose
                        hash is not here is in none of them */
  lx_hashflags langs;   /* function words of English (flag 1) and of other
                           languages (flag 2) (entities.c, other_language) */
  lx_hashset other_lang; /* those of other languages alone (fix_tagger_spans) */
  struct lx_patterns *pat; /* compiled built-in patterns (PCRE2) */
};

/* ---- a parse ------------------------------------------------------------------ */

/* One text line. */
typedef struct lx_line {
  uint32_t start, end;    /* without the line break */
  uint32_t tstart, tend;  /* trimmed of white space */
  uint16_t indent;        /* leading columns */
  uint8_t blank_before;   /* preceded by a blank line (or start) */
  uint8_t role;           /* LX_L_* */
  int32_t block;          /* block index */
} lx_line;

typedef struct lede_doc_internal {
  lede_allocator alloc;
  lx_arena arena;
  const char **type_names; /* custom types (LEDE_T_CUSTOM + i), or NULL */
  size_t ntype_names;
  const char **rule_names; /* user rules (LEDE_RULE_USER + i) */
  size_t nrule_names;
  lx_vec byline, paragraphs, captions, boilerplate, quotes, entities;
  lx_buf json;
} lede_doc_internal;

typedef struct lx_rules_run lx_rules_run;

typedef struct lx_ctx {
  const lede_engine *eng;
  const lede_allocator *alloc;
  const lede_options *opts;
  lede_doc *doc;
  const char *text;
  size_t len;
  jmp_buf jmp;
  lede_status status;
  char *errbuf;
  size_t errsz;
  double deadline; /* monotonic seconds; 0 = none */
  unsigned ticks;
  /* scratch, freed after the parse */
  lx_vec lines;
  lx_vec toks;
  lx_vec blocks;   /* structure.c's blocks */
  lx_vec work;     /* bytes of scratch for one stage at a time (elem size 1) */
  lx_vec tagwork;  /* the tagger's bytes of scratch */
  lx_vec cands;    /* entity candidates of the block being recognized */
  lx_vec tkinds;   /* per token: its one-token gazetteer phrases (entities.c) */
  lx_vec ptoks;    /* per paragraph: its tokens, t0 and t1 (entities.c) */
  size_t tok_hint; /* the first token of the last entity's range (entities.c) */
  int other_language; /* the text is not in English (entities.c) */
  lx_rules_run *rr; /* the user rules of this parse (rules.c), or NULL */
  void *md; /* PCRE2 match data, created on first use */
  lede_scratch *scratch; /* whose memory this parse holds, or NULL */
  /* the reference date everything relative resolves against */
  lx_date ref;
  int has_ref;
  int pub_tz;      /* zone of the source, from the agency table (standard time) */
  int pub_dst;     /* its daylight-time rule (LX_DST_*) */
  int has_pub_tz;
} lx_ctx;

LX_NORETURN void lx_fail(lx_ctx *c, lede_status st, const char *fmt, ...);
void *lx_alloc(lx_ctx *c, size_t n);              /* arena, zeroed */
char *lx_strndup(lx_ctx *c, const char *s, size_t n);
void *lx_push(lx_ctx *c, lx_vec *v, size_t elem); /* zeroed slot */
/* c->work as at least `bytes` of scratch (its content is not kept). */
void *lx_scratch(lx_ctx *c, size_t bytes);
void lx_tick(lx_ctx *c);                          /* checks the budget */
double lx_now(void);

lede_status lx_cues_build(const lede_allocator *a, lx_dict **cues, lx_hashset *widgets,
                          const lx_hashset *stop, lx_hashflags *block_words);
/* The set of the words entities.c's rules look for (lede_engine.listed). */
int lx_listed_words_build(const lede_allocator *a, lx_hashset *s);
/* The table lede_engine.langs and the set other_lang. */
int lx_language_words_build(const lede_allocator *a, lx_hashflags *langs, lx_hashset *other);
/* The end of a name over tokens [a, b) with its parentheses closed (entities.c). */
size_t lx_close_parens(const char *text, const lx_token *t, size_t a, size_t b, size_t t1);
/* Whether tokens t[0, n) after a byline's comma name its outlet, not an
 * author: "Riverton Gazette", "TechDesk" (structure.c). */
int lx_byline_outlet(const lx_dict *gaz, const char *text, const lx_token *t, size_t n);
/* Whether token t is a particle a name may hold in lower case: "van", "de"
 * (structure.c). */
int lx_name_particle(const char *text, const lx_token *t);
/* Whether s[0, n) is an English contraction: "Don't", "We’re" (entities.c). */
int lx_contraction(const char *s, size_t n);

/* The tokens within the bytes [s, e) as a range [*t0, *t1) of c->toks. */
void lx_tokens_in(const lx_ctx *c, size_t s, size_t e, size_t *t0, size_t *t1);
/* The same, looking first just after token `from` (0: anywhere): spans
 * asked for in text order cost a short walk each. */
void lx_tokens_in_from(const lx_ctx *c, size_t from, size_t s, size_t e, size_t *t0,
                       size_t *t1);

/* stages */
void lx_split_lines(lx_ctx *c);
void lx_structure(lx_ctx *c);
void lx_entities(lx_ctx *c);
void lx_link(lx_ctx *c);
void lx_quotes(lx_ctx *c);

/* helpers shared by the stages */
static inline int lx_span_empty(lede_span s) { return s.start == LEDE_NONE; }
static inline lede_span lx_span(uint32_t a, uint32_t b) {
  lede_span s;
  s.start = a;
  s.end = b;
  return s;
}
extern const lede_span lx_no_span;

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif
#endif
