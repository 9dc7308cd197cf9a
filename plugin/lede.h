/*
 * lede: structure and entities of news articles.
 *
 * The one public header of the C core. The core includes no Lua header; the
 * Lua binding (plugin/lua/) is a client of this API like any other.
 *
 * Conventions
 *  - Every exported name starts with lede_ / LEDE_.
 *  - Offsets are 0-based UTF-8 byte offsets into the caller's text, end
 *    exclusive. An absent span has start == LEDE_NONE.
 *  - A lede_doc owns every byte it points to, except the input text, which the
 *    caller keeps alive as long as the document (lede copies nothing it does
 *    not have to).
 *  - Nothing here keeps global mutable state: an engine is immutable once
 *    built and may be shared by threads; a document belongs to one thread.
 */
#ifndef LEDE_H
#define LEDE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LEDE_VERSION "0.1.0"
#define LEDE_NONE UINT32_MAX

/* Only the Lua entry point is exported from the module: the core's symbols
 * stay hidden unless a shared C library is built on purpose. */
#if defined(__GNUC__) && !defined(LEDE_SHARED_LIBRARY)
#pragma GCC visibility push(hidden)
#endif

typedef enum lede_status {
  LEDE_OK = 0,
  LEDE_ENOMEM,    /* an allocation failed; nothing leaked */
  LEDE_EINVAL,    /* a bad argument (option value, malformed date...) */
  LEDE_ETOOBIG,   /* input larger than the max_input limit */
  LEDE_ETIMEOUT,  /* the per-document time budget ran out */
  LEDE_ELIMIT,    /* another limit (entities, match limit) was reached */
  LEDE_EPATTERN,  /* a user pattern failed to compile */
  LEDE_ECALLBACK  /* a user callback asked to abort */
} lede_status;

const char *lede_status_string(lede_status st);

/* Entity types: the OntoNotes inventory plus TITLE. User rule packs add
 * their own types from LEDE_T_CUSTOM upwards. */
typedef enum lede_type {
  LEDE_T_NONE = 0,
  LEDE_T_PERSON, LEDE_T_NORP, LEDE_T_FAC, LEDE_T_ORG, LEDE_T_GPE, LEDE_T_LOC,
  LEDE_T_PRODUCT, LEDE_T_EVENT, LEDE_T_WORK_OF_ART, LEDE_T_LAW,
  LEDE_T_LANGUAGE, LEDE_T_DATE, LEDE_T_TIME, LEDE_T_PERCENT, LEDE_T_MONEY,
  LEDE_T_QUANTITY, LEDE_T_ORDINAL, LEDE_T_CARDINAL, LEDE_T_TITLE,
  LEDE_T_BUILTIN_COUNT,
  LEDE_T_CUSTOM = 32
} lede_type;

const char *lede_type_name(int type);   /* "PERSON"...; NULL if unknown */
int lede_type_from_name(const char *name, size_t len); /* 0 if unknown */

/* Boilerplate kinds: labelled, never silently dropped. */
typedef enum lede_block_kind {
  LEDE_B_OTHER = 0, LEDE_B_NAVIGATION, LEDE_B_SHARE, LEDE_B_COPYRIGHT,
  LEDE_B_RELATED, LEDE_B_AD, LEDE_B_COOKIE, LEDE_B_SUBSCRIBE, LEDE_B_COMMENTS,
  LEDE_B_CREDIT, LEDE_B_METADATA, LEDE_B_MEDIA, LEDE_B_KIND_COUNT
} lede_block_kind;

const char *lede_block_kind_name(int kind);

typedef struct lede_span {
  uint32_t start, end;
} lede_span;

/* How an entity's value is stored. */
typedef enum lede_value_kind {
  LEDE_V_NONE = 0,
  LEDE_V_STRING, /* str: ISO 8601 date/time/duration/set, or a name */
  LEDE_V_NUMBER, /* num */
  LEDE_V_AMOUNT  /* num with a unit in str: currency (ISO 4217) or unit */
} lede_value_kind;

typedef struct lede_entity {
  lede_span span;
  uint16_t type;         /* lede_type or a custom type id */
  uint8_t value_kind;    /* lede_value_kind */
  uint8_t flags;         /* LEDE_EF_* */
  uint32_t cluster;      /* entities with the same cluster are one entity */
  double num;            /* numeric value (LEDE_V_NUMBER, LEDE_V_AMOUNT) */
  const char *str;       /* string value or unit, NUL-terminated, or NULL */
  const char *canonical; /* shared by all mentions of the cluster */
  const char *role;      /* role or title the text gives a PERSON, or NULL */
  lede_span role_span;   /* where the role is printed, or LEDE_NONE */
  uint32_t rule;         /* provenance: LEDE_RULE_* (lede_doc_rule_name) */
  const char *id;        /* a user dictionary entry's id, or NULL */
} lede_entity;

/* Provenance of an entity (lede_entity.rule): the built-in recognizers,
 * then user rule n as LEDE_RULE_USER + n - 1. */
enum {
  LEDE_RULE_NONE = 0, LEDE_RULE_NUMEX, LEDE_RULE_TAGGER, LEDE_RULE_GAZETTEER,
  LEDE_RULE_PATTERNS, LEDE_RULE_STRUCTURE, LEDE_RULE_LINKING, LEDE_RULE_USER = 16
};

#define LEDE_EF_IN_TITLE 0x01   /* found in the title */
#define LEDE_EF_IN_CAPTION 0x02 /* found in a caption */
#define LEDE_EF_IN_BYLINE 0x04  /* an author */
#define LEDE_EF_IN_DATELINE 0x08

typedef struct lede_dateline {
  lede_span span;           /* the whole dateline, separator included */
  lede_span location;       /* as printed */
  lede_span date;           /* as printed */
  lede_span agency;         /* as printed */
  const char *location_norm;/* "Washington", "Rochester, N.Y." */
  const char *date_iso;     /* "2020-05-06", or "--05-06" without a year */
  const char *agency_norm;  /* "Yonhap", "Reuters", "AP" */
} lede_dateline;

typedef struct lede_caption {
  lede_span span;
  lede_span credit;       /* "Yonhap", "AP Photo/Jane Doe" */
  lede_span restrictions; /* "No resales. No archiving" */
} lede_caption;

typedef struct lede_block {
  lede_span span;
  int kind; /* lede_block_kind */
} lede_block;

typedef struct lede_quote {
  lede_span span;    /* the quoted words, without the quotation marks */
  int32_t speaker;   /* index of an entity of the speaker, or -1 */
  lede_span cue;     /* "said", "added", "according to" */
  const char *speaker_text; /* canonical speaker, or NULL */
} lede_quote;

/* A parsed document. Read-only for callers; free with lede_doc_free. */
typedef struct lede_doc {
  const char *text;
  size_t len;

  lede_span title;
  lede_span section;
  lede_span published_span;
  const char *published; /* ISO 8601, with zone when known, or NULL */

  lede_span byline_span;  /* the byline as printed */
  lede_span *byline;      /* author names */
  size_t n_byline;

  lede_dateline dateline; /* dateline.span.start == LEDE_NONE when absent */

  lede_span *paragraphs;  /* body paragraphs; the lead is the first */
  size_t n_paragraphs;
  lede_span lead;         /* after the dateline prefix */

  lede_caption *captions;
  size_t n_captions;
  lede_block *boilerplate;
  size_t n_boilerplate;
  lede_quote *quotes;
  size_t n_quotes;
  lede_entity *entities;  /* sorted by start, then by longer first */
  size_t n_entities;

  const char *ref_date;   /* the date relative expressions resolved against */
  uint32_t warnings;      /* LEDE_W_* */
  struct lede_doc_internal *internal;
} lede_doc;

#define LEDE_W_INVALID_UTF8 0x01 /* the text is not valid UTF-8 (best effort) */
#define LEDE_W_NUL 0x02          /* the text contains NUL bytes */
#define LEDE_W_ENTITY_LIMIT 0x04 /* max_entities reached, the rest dropped */

/* Memory: every allocation of the core goes through one of these. */
typedef struct lede_allocator {
  void *(*malloc)(size_t size, void *ud);
  void *(*realloc)(void *ptr, size_t size, void *ud);
  void (*free)(void *ptr, void *ud);
  void *ud;
} lede_allocator;

typedef struct lede_engine lede_engine;
typedef struct lede_ruleset lede_ruleset;
typedef struct lede_scratch lede_scratch;

typedef struct lede_limits {
  size_t max_input;        /* bytes; 0 means the default (256 MiB) */
  size_t max_entities;     /* per document; 0 means the default (4M) */
  double time_budget;      /* seconds per document; 0 means none */
  uint32_t match_limit;    /* PCRE2 match limit for user patterns */
  uint32_t depth_limit;    /* PCRE2 depth limit for user patterns */
  uint32_t heap_limit_kib; /* PCRE2 heap limit for user patterns */
} lede_limits;

void lede_limits_default(lede_limits *limits);

typedef struct lede_options {
  /* The date relative expressions fall back on when the article prints
   * none: "2020-05-06", "2020-05-06T10:00:00", with or without a zone. */
  const char *ref_date;
  /* Zone of the reference date and of times printed without one, in
   * minutes east of UTC (-1080 to 1080, else LEDE_EINVAL); used only when
   * has_tz is set. */
  int tz_minutes;
  int has_tz;
  /* A hint about the source: an agency or site name, or a URL. */
  const char *source;
  /* Skip stages (LEDE_SKIP_*). */
  uint32_t skip;
  const lede_ruleset *rules; /* user rules, or NULL */
  /* Working memory kept from one parse to the next (lede_scratch_new), or
   * NULL: a parse then allocates its own and frees it. */
  lede_scratch *scratch;
} lede_options;

#define LEDE_SKIP_ENTITIES 0x01  /* every entity (and so linking and quotes' speakers) */
#define LEDE_SKIP_QUOTES 0x02
#define LEDE_SKIP_LINKING 0x04
#define LEDE_SKIP_NUMEX 0x08     /* built-in recognizers, one by one */
#define LEDE_SKIP_TAGGER 0x10
#define LEDE_SKIP_GAZETTEER 0x20
#define LEDE_SKIP_PATTERNS 0x40  /* the hand rules: names, titles, "X's ministry" */

/* Engines hold the built-in resources (gazetteer, model, patterns). */
lede_engine *lede_engine_new(const lede_allocator *alloc, lede_status *st);
/* The same with flags: LEDE_ENGINE_NO_JIT matches patterns with PCRE2's
 * interpreter (JIT code reads past the subject end with SIMD by design,
 * which valgrind reports unless PCRE2 was built for it). */
#define LEDE_ENGINE_NO_JIT 0x01
lede_engine *lede_engine_new_with(const lede_allocator *alloc, unsigned flags,
                                  lede_status *st);
void lede_engine_free(lede_engine *engine);
void lede_engine_set_limits(lede_engine *engine, const lede_limits *limits);
void lede_engine_get_limits(const lede_engine *engine, lede_limits *limits);

/* Parses text (len bytes, NUL bytes allowed) into *out. On failure *out is
 * NULL and, when errbuf is given, a message is written there. */
lede_status lede_parse(const lede_engine *engine, const char *text,
                       size_t len, const lede_options *opts, lede_doc **out,
                       char *errbuf, size_t errbuf_size);
void lede_doc_free(lede_doc *doc);
/* The working memory of a parse (tokens, blocks, the tagger's tables),
 * kept for the next parse that gets it in its options: a caller that parses
 * many documents saves their allocation and growth (about 1.5% of a parse
 * of short articles). It serves the engine it was made for (another's
 * parse ignores it) and may be freed before or after it; it has no lock:
 * one per thread. A parse that finds it in use (one started from a rule's
 * callback during another) allocates its own. */
lede_scratch *lede_scratch_new(const lede_engine *engine);
void lede_scratch_free(lede_scratch *scratch);
/* Names of a document's entity types (custom ones come from the ruleset it
 * was parsed with) and of the rules that made its entities. */
const char *lede_doc_type_name(const lede_doc *doc, int type);
const char *lede_doc_rule_name(const lede_doc *doc, uint32_t rule);
/* Bytes the document holds (for hosts whose garbage collector should know). */
size_t lede_doc_memory(const lede_doc *doc);

/* The document as JSON (the contract documented in README.md). The string is
 * owned by the document and NUL-terminated; *len receives its length. */
lede_status lede_doc_json(lede_doc *doc, int pretty, const char **json,
                          size_t *len);

/* ---- user rules --------------------------------------------------------------
 *
 * A ruleset holds users' rules, compiled once: PCRE2 patterns, token
 * patterns and phrase dictionaries, grouped in packs that may apply only to
 * some sources. It is immutable once built (rules are added, then it is
 * used) and may be shared by threads; pass it in lede_options.rules. Every
 * entity a rule makes records the rule (lede_entity.rule, its name in JSON).
 */

/* Overlap policies of a rule's matches with other entities. */
enum {
  LEDE_OVERLAP_LONGEST = 0, /* the longer span wins (the built-ins' policy) */
  LEDE_OVERLAP_FIRST,       /* the earlier start wins */
  LEDE_OVERLAP_PRIORITY,    /* the higher priority wins, then the longer */
  LEDE_OVERLAP_KEEP_ALL     /* kept even where it overlaps other entities */
};

/* Fields a rule applies to (lede_rule_opts.where; 0 means all). */
#define LEDE_IN_TITLE 0x01
#define LEDE_IN_BODY 0x02
#define LEDE_IN_CAPTION 0x04

/* Context windows for `before`/`after` (lede_rule_opts.within). */
enum { LEDE_WITHIN_SENTENCE = 0, LEDE_WITHIN_PARAGRAPH };

typedef struct lede_rule_opts {
  const char *name;     /* for errors and provenance; required */
  int type;             /* entity type: a lede_type or lede_ruleset_type() */
  int pack;             /* lede_ruleset_pack() index; 0 = always active */
  int priority;         /* higher wins (LEDE_OVERLAP_PRIORITY; ties elsewhere) */
  int overlap;          /* LEDE_OVERLAP_* */
  int override_builtin; /* may replace built-in entities it overlaps */
  unsigned where;       /* LEDE_IN_*; 0 = every field */
  const char *before;   /* a PCRE2 pattern the text right before must end with */
  const char *after;    /* a PCRE2 pattern the text right after must start with */
  int within;           /* LEDE_WITHIN_*: how far before/after look */
  int callback;         /* call the ruleset's callback on each match */
  int case_sensitive;   /* dictionaries: match the printed case */
  int fold_accents;     /* dictionaries: é matches e */
  int caseless;         /* patterns: PCRE2_CASELESS */
  int ucp;              /* patterns: Unicode classes (\w \d \b of every script) */
} lede_rule_opts;

/* One element of a token pattern: tests on one token, repeated min..max
 * times (max < 0: unbounded, up to 64 tokens). */
typedef struct lede_token_test {
  const char *text;  /* the token's exact text, or NULL */
  const char *lower; /* its lower-cased text, or NULL */
  const char *shape; /* its shape ("Xxxx", "dd", "X.X."; runs cut at 4), or NULL */
  const char *regex; /* a PCRE2 pattern the whole token matches, or NULL */
  int cap;           /* 1: capitalized, -1: not capitalized, 0: either */
  int allcap;        /* 1: all capitals, -1: not, 0: either */
  int num;           /* 1: number-like, -1: not, 0: either */
  int dict;          /* a dictionary rule id the token alone is in, or 0 */
  int ent_type;      /* inside a built-in entity of this type, or 0 */
  int negate;        /* the token must fail the tests */
  int min, max;      /* repetitions */
} lede_token_test;

/* What a rule's callback sees of a match, and may change. */
typedef struct lede_match {
  int rule;                   /* the rule's id */
  lede_span span;             /* the match */
  const lede_span *groups;    /* regex rules: groups 0..ngroups-1, or NULL */
  size_t ngroups;
  const char *entry_id;       /* dictionary rules: the entry's id, or NULL */
  const char *text;           /* the document's text */
  /* the callback may set: */
  int keep;                   /* 0 drops the match (a condition failed) */
  int type;                   /* another type */
  int value_kind;             /* LEDE_V_* */
  double num;
  const char *str;            /* copied by the core when the callback returns */
  const char *canonical;      /* copied too */
  char error[256];            /* a message when the callback returns non-zero */
} lede_match;

/* Returns 0, or non-zero to fail the parse with LEDE_ECALLBACK and
 * m->error (the caller of lede_parse reports it). Never longjmps. */
typedef int (*lede_match_fn)(void *ud, lede_match *m);

lede_ruleset *lede_ruleset_new(const lede_allocator *alloc, lede_status *st);
void lede_ruleset_free(lede_ruleset *rs);
void lede_ruleset_set_callback(lede_ruleset *rs, lede_match_fn fn, void *ud);
/* The id of a custom entity type (registered on first use); -1 when the
 * name is not UPPER_CASE letters, digits and _, or too many types. */
int lede_ruleset_type(lede_ruleset *rs, const char *name);
const char *lede_ruleset_type_name(const lede_ruleset *rs, int type);
/* A pack whose rules apply only when lede_options.source matches the
 * PCRE2 pattern `source` (NULL: always). Returns its index or -1. */
int lede_ruleset_pack(lede_ruleset *rs, const char *name, const char *source, char *err,
                      size_t errsz);
/* Whether pack `pack` applies to a parse with that source hint (NULL: none),
 * as the parse decides it: 1 yes, 0 no, -1 no such pack. For hosts that do
 * work of their own per pack (transformations after the parse). */
int lede_ruleset_pack_applies(const lede_ruleset *rs, int pack, const char *source);
/* Rules; each returns the rule's id (>= 1), or -1 with a message in err
 * that names the rule and, for a pattern, the offset of the error. */
int lede_ruleset_add_regex(lede_ruleset *rs, const lede_rule_opts *o, const char *pattern,
                           size_t len, char *err, size_t errsz);
int lede_ruleset_add_tokens(lede_ruleset *rs, const lede_rule_opts *o,
                            const lede_token_test *tests, size_t n, char *err, size_t errsz);
int lede_ruleset_add_dict(lede_ruleset *rs, const lede_rule_opts *o, char *err, size_t errsz);
/* Phrases of a dictionary rule: one at a time, or a TSV text of lines
 * "phrase<TAB>id<TAB>TYPE" (id and type optional). */
lede_status lede_ruleset_dict_add(lede_ruleset *rs, int rule, const char *phrase, size_t n,
                                  const char *id, size_t idn, int type);
lede_status lede_ruleset_dict_load(lede_ruleset *rs, int rule, const char *tsv, size_t n,
                                   char *err, size_t errsz);
const char *lede_ruleset_rule_name(const lede_ruleset *rs, int rule);
/* The name of capture group `group` of a regex rule, or NULL. */
const char *lede_ruleset_group_name(const lede_ruleset *rs, int rule, size_t group);
size_t lede_ruleset_count(const lede_ruleset *rs);

/* A bare pass over the text: tokenizes and counts the tokens. Used by the
 * benchmark as the floor of what a parse can cost. */
size_t lede_count_tokens(const char *text, size_t len);

#if defined(__GNUC__) && !defined(LEDE_SHARED_LIBRARY)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif
#endif /* LEDE_H */
