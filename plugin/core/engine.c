/* Engines (built-in resources), names of types and kinds, and lede_parse. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "internal.h"
#include "ner.h"
#include "patterns.h"
#include "rules.h"

/* plugin/core/gazetteer_data.c, generated from data/gazetteer.tsv */
extern const char lx_gazetteer_tsv[];
extern const size_t lx_gazetteer_tsv_len;
extern const char *const lx_stopwords[];
extern const size_t lx_stopwords_n;

static const char *const type_names[LEDE_T_BUILTIN_COUNT] = {
    NULL,       "PERSON",   "NORP",    "FAC",       "ORG",      "GPE",
    "LOC",      "PRODUCT",  "EVENT",   "WORK_OF_ART", "LAW",    "LANGUAGE",
    "DATE",     "TIME",     "PERCENT", "MONEY",     "QUANTITY", "ORDINAL",
    "CARDINAL", "TITLE"};

const char *lede_type_name(int type) {
  return type > 0 && type < LEDE_T_BUILTIN_COUNT ? type_names[type] : NULL;
}

int lede_type_from_name(const char *name, size_t len) {
  for (int i = 1; i < LEDE_T_BUILTIN_COUNT; i++)
    if (strlen(type_names[i]) == len && memcmp(type_names[i], name, len) == 0) return i;
  return 0;
}

static const char *const block_names[LEDE_B_KIND_COUNT] = {
    "other",    "navigation", "share", "copyright", "related", "ad",
    "cookie",   "subscribe",  "comments", "credit", "metadata", "media"};

const char *lede_block_kind_name(int kind) {
  return kind >= 0 && kind < LEDE_B_KIND_COUNT ? block_names[kind] : NULL;
}

const char *lede_status_string(lede_status st) {
  switch (st) {
    case LEDE_OK: return "ok";
    case LEDE_ENOMEM: return "out of memory";
    case LEDE_EINVAL: return "invalid argument";
    case LEDE_ETOOBIG: return "input too large";
    case LEDE_ETIMEOUT: return "time budget exceeded";
    case LEDE_ELIMIT: return "limit reached";
    case LEDE_EPATTERN: return "bad pattern";
    case LEDE_ECALLBACK: return "callback failed";
  }
  return "unknown status";
}

void lede_limits_default(lede_limits *l) {
  l->max_input = (size_t)256 << 20;
  l->max_entities = (size_t)4 << 20;
  l->time_budget = 0;
  l->match_limit = 1000000;
  l->depth_limit = 10000;
  l->heap_limit_kib = 20000;
}

lede_engine *lede_engine_new(const lede_allocator *alloc, lede_status *st) {
  return lede_engine_new_with(alloc, 0, st);
}

lede_engine *lede_engine_new_with(const lede_allocator *alloc, unsigned flags,
                                  lede_status *st) {
  lede_status dummy;
  if (!st) st = &dummy;
  if (!alloc) alloc = &lx_default_allocator;
  lede_engine *e = (lede_engine *)alloc->malloc(sizeof *e, alloc->ud);
  if (!e) {
    *st = LEDE_ENOMEM;
    return NULL;
  }
  memset(e, 0, sizeof *e);
  e->alloc = *alloc;
  e->flags = flags;
  lede_limits_default(&e->limits);
  e->gaz = lx_dict_new(&e->alloc);
  if (!e->gaz) {
    *st = LEDE_ENOMEM;
    lede_engine_free(e);
    return NULL;
  }
  lx_dict_mark_kinds(e->gaz, LX_G_NAME_KINDS);
  char err[200];
  *st = lx_dict_load_tsv(e->gaz, lx_gazetteer_tsv, lx_gazetteer_tsv_len, err, sizeof err);
  if (*st != LEDE_OK) {
    lede_engine_free(e);
    return NULL;
  }
  if (!lx_hashset_build(&e->alloc, &e->stop, lx_stopwords, lx_stopwords_n)) {
    *st = LEDE_ENOMEM;
    lede_engine_free(e);
    return NULL;
  }
  *st = lx_cues_build(&e->alloc, &e->cues, &e->widgets, &e->stop, &e->block_words);
  if (*st != LEDE_OK) {
    lede_engine_free(e);
    return NULL;
  }
  static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                         "friday", "saturday", "sunday"};
  e->titles = lx_dict_new(&e->alloc);
  if (!e->titles ||
      lx_dict_copy_kinds(e->titles, e->gaz,
                         (1u << LX_G_TITLE) | (1u << LX_G_TITLEMOD) | (1u << LX_G_HONORIFIC)) !=
          LEDE_OK ||
      !lx_hashset_build(&e->alloc, &e->nonname, lx_stopwords, lx_stopwords_n) ||
      !lx_listed_words_build(&e->alloc, &e->listed) ||
      !lx_language_words_build(&e->alloc, &e->langs, &e->other_lang)) {
    *st = LEDE_ENOMEM;
    lede_engine_free(e);
    return NULL;
  }
  for (size_t i = 0; i < LX_COUNTOF(weekdays); i++) {
    /* the set was sized for the stop words; a few more fit (load < 1/2) */
    uint32_t h = lx_hash_lower(weekdays[i], strlen(weekdays[i]));
    size_t j = h & (e->nonname.cap - 1);
    while (e->nonname.slots[j] && e->nonname.slots[j] != h) j = (j + 1) & (e->nonname.cap - 1);
    e->nonname.slots[j] = h;
  }
  e->tagger = lx_tagger_new(&e->alloc, st);
  if (!e->tagger) {
    lede_engine_free(e);
    return NULL;
  }
  e->pat = lx_patterns_new(&e->alloc, !(flags & LEDE_ENGINE_NO_JIT), st, err, sizeof err);
  if (!e->pat) {
    lede_engine_free(e);
    return NULL;
  }
  *st = LEDE_OK;
  return e;
}

void lede_engine_free(lede_engine *e) {
  if (!e) return;
  lx_dict_free(e->gaz);
  lx_hashset_free(&e->alloc, &e->stop);
  lx_dict_free(e->cues);
  lx_tagger_free(e->tagger);
  lx_dict_free(e->titles);
  lx_hashset_free(&e->alloc, &e->nonname);
  lx_hashset_free(&e->alloc, &e->listed);
  lx_free(&e->alloc, e->langs.slots);
  lx_hashset_free(&e->alloc, &e->other_lang);
  lx_hashset_free(&e->alloc, &e->widgets);
  lx_free(&e->alloc, e->block_words.slots);
  lx_patterns_free(&e->alloc, e->pat);
  lede_allocator a = e->alloc;
  a.free(e, a.ud);
}

void lede_engine_set_limits(lede_engine *e, const lede_limits *l) {
  lede_limits d;
  lede_limits_default(&d);
  e->limits = *l;
  if (!e->limits.max_input) e->limits.max_input = d.max_input;
  if (!e->limits.max_entities) e->limits.max_entities = d.max_entities;
  if (!e->limits.match_limit) e->limits.match_limit = d.match_limit;
  if (!e->limits.depth_limit) e->limits.depth_limit = d.depth_limit;
  if (!e->limits.heap_limit_kib) e->limits.heap_limit_kib = d.heap_limit_kib;
}

void lede_engine_get_limits(const lede_engine *e, lede_limits *l) { *l = e->limits; }

/* ---- the parse context --------------------------------------------------- */

double lx_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void lx_fail(lx_ctx *c, lede_status st, const char *fmt, ...) {
  c->status = st;
  if (c->errbuf && c->errsz) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->errbuf, c->errsz, fmt, ap);
    va_end(ap);
  }
  longjmp(c->jmp, 1);
}

void *lx_alloc(lx_ctx *c, size_t n) {
  void *p = lx_arena_alloc(&c->doc->internal->arena, n);
  if (!p) lx_fail(c, LEDE_ENOMEM, "out of memory");
  memset(p, 0, n);
  return p;
}

char *lx_strndup(lx_ctx *c, const char *s, size_t n) {
  char *p = (char *)lx_arena_alloc(&c->doc->internal->arena, n + 1);
  if (!p) lx_fail(c, LEDE_ENOMEM, "out of memory");
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

void *lx_push(lx_ctx *c, lx_vec *v, size_t elem) {
  if (LX_UNLIKELY(v->n == v->cap) && !lx_vec_reserve(c->alloc, v, elem, v->n + 1))
    lx_fail(c, LEDE_ENOMEM, "out of memory");
  void *p = (char *)v->p + v->n * elem;
  v->n++;
  memset(p, 0, elem);
  return p;
}

void *lx_scratch(lx_ctx *c, size_t bytes) {
  lx_vec *w = &c->work;
  w->n = 0;
  if (bytes > w->cap) {
    /* nothing to keep: a new block rather than a copying realloc, and a
     * few KiB at least so that a parse's first stages do not grow it by
     * doubling */
    size_t cap = 4096;
    while (cap < bytes) {
      if (cap > SIZE_MAX / 2) lx_fail(c, LEDE_ENOMEM, "out of memory");
      cap *= 2;
    }
    lx_free(c->alloc, w->p);
    w->p = NULL;
    w->cap = 0;
    w->p = lx_malloc(c->alloc, cap);
    if (!w->p) lx_fail(c, LEDE_ENOMEM, "out of memory");
    w->cap = cap;
  }
  return w->p;
}

void lx_tick(lx_ctx *c) {
  if (c->deadline > 0 && lx_now() > c->deadline)
    lx_fail(c, LEDE_ETIMEOUT, "time budget of %.3f s exceeded",
            c->eng->limits.time_budget);
}

/* A document and its internal part: one block, one malloc and one free per
 * parse rather than two. */
typedef struct doc_block {
  lede_doc doc;
  lede_doc_internal in;
} doc_block;

static lede_doc *doc_new(const lede_allocator *a) {
  doc_block *b = (doc_block *)lx_malloc(a, sizeof *b);
  if (!b) return NULL;
  memset(b, 0, sizeof *b);
  lede_doc *d = &b->doc;
  d->internal = &b->in;
  d->internal->alloc = *a;
  d->internal->arena.alloc = &d->internal->alloc;
  d->title = d->section = d->published_span = d->byline_span = lx_no_span;
  d->lead = lx_no_span;
  d->dateline.span = d->dateline.location = d->dateline.date = d->dateline.agency =
      lx_no_span;
  return d;
}

void lede_doc_free(lede_doc *d) {
  if (!d) return;
  lede_doc_internal *in = d->internal;
  lede_allocator a = in->alloc;
  lx_arena_free_all(&in->arena);
  lx_vec_free(&a, &in->byline);
  lx_vec_free(&a, &in->paragraphs);
  lx_vec_free(&a, &in->captions);
  lx_vec_free(&a, &in->boilerplate);
  lx_vec_free(&a, &in->quotes);
  lx_vec_free(&a, &in->entities);
  lx_buf_free(&a, &in->json);
  a.free(d, a.ud); /* and its internal part, in the same block */
}

const char *lede_doc_type_name(const lede_doc *d, int type) {
  const char *n = lede_type_name(type);
  if (n || !d) return n;
  const lede_doc_internal *in = d->internal;
  if (type >= LEDE_T_CUSTOM && (size_t)(type - LEDE_T_CUSTOM) < in->ntype_names)
    return in->type_names[type - LEDE_T_CUSTOM];
  return NULL;
}

const char *lede_doc_rule_name(const lede_doc *d, uint32_t rule) {
  static const char *const builtin[] = {NULL, "numex", "tagger", "gazetteer", "patterns",
                                        "structure", "linking"};
  if (rule < LX_COUNTOF(builtin)) return builtin[rule];
  if (!d || rule < LEDE_RULE_USER) return NULL;
  const lede_doc_internal *in = d->internal;
  return rule - LEDE_RULE_USER < in->nrule_names ? in->rule_names[rule - LEDE_RULE_USER] : NULL;
}

size_t lede_doc_memory(const lede_doc *d) {
  if (!d) return 0;
  const lede_doc_internal *in = d->internal;
  size_t n = sizeof *d + sizeof *in;
  for (const lx_chunk *ch = in->arena.head; ch; ch = ch->next) n += ch->size;
  n += in->byline.cap * sizeof(lede_span) + in->paragraphs.cap * sizeof(lede_span) +
       in->captions.cap * sizeof(lede_caption) + in->boilerplate.cap * sizeof(lede_block) +
       in->quotes.cap * sizeof(lede_quote) + in->entities.cap * sizeof(lede_entity) +
       in->json.cap;
  return n;
}

/* Publishes the vectors into the public fields. */
static void doc_publish(lede_doc *d) {
  lede_doc_internal *in = d->internal;
  d->byline = (lede_span *)in->byline.p;
  d->n_byline = in->byline.n;
  d->paragraphs = (lede_span *)in->paragraphs.p;
  d->n_paragraphs = in->paragraphs.n;
  d->captions = (lede_caption *)in->captions.p;
  d->n_captions = in->captions.n;
  d->boilerplate = (lede_block *)in->boilerplate.p;
  d->n_boilerplate = in->boilerplate.n;
  d->quotes = (lede_quote *)in->quotes.p;
  d->n_quotes = in->quotes.n;
  d->entities = (lede_entity *)in->entities.p;
  d->n_entities = in->entities.n;
}

/* ---- scratch kept between parses ---------------------------------------- */

/* The vectors of a parse a scratch keeps, in the order of its array. */
enum { NKEPT = 8 };
struct lede_scratch {
  const lede_engine *eng;
  lede_allocator alloc;
  int busy;          /* a parse holds it */
  lx_vec v[NKEPT];   /* as ctx_vectors() lists them; n is 0 */
};

/* What a scratch keeps of a vector after a parse, in elements (bytes for
 * work and tagwork, else structures of at most 128 bytes): one long input
 * must not pin its memory for the short ones after it. */
static const size_t keep_max[NKEPT] = {1u << 16, 1u << 16, 1u << 16, 4u << 20,
                                       4u << 20, 1u << 16, 1u << 16, 1u << 16};

static void ctx_vectors(lx_ctx *c, lx_vec *v[NKEPT]) {
  v[0] = &c->lines;
  v[1] = &c->toks;
  v[2] = &c->blocks;
  v[3] = &c->work;
  v[4] = &c->tagwork;
  v[5] = &c->cands;
  v[6] = &c->tkinds;
  v[7] = &c->ptoks;
}

lede_scratch *lede_scratch_new(const lede_engine *eng) {
  if (!eng) return NULL;
  lede_scratch *s = (lede_scratch *)lx_malloc(&eng->alloc, sizeof *s);
  if (!s) return NULL;
  memset(s, 0, sizeof *s);
  s->eng = eng;
  s->alloc = eng->alloc;
  return s;
}

void lede_scratch_free(lede_scratch *s) {
  if (!s) return;
  for (size_t i = 0; i < NKEPT; i++) lx_vec_free(&s->alloc, &s->v[i]);
  lede_allocator a = s->alloc;
  a.free(s, a.ud);
}

/* The scratch's memory becomes the parse's (which owns it until the end). */
static void scratch_take(lx_ctx *c, lede_scratch *s) {
  lx_vec *v[NKEPT];
  ctx_vectors(c, v);
  for (size_t i = 0; i < NKEPT; i++) {
    *v[i] = s->v[i];
    memset(&s->v[i], 0, sizeof s->v[i]);
  }
  s->busy = 1;
  c->scratch = s;
}

/* Frees the parse's working memory, or hands it back to its scratch with
 * nothing in it (n = 0: no stage reads what an earlier parse left, and the
 * tagger's state, checked by its header, is rebuilt from an empty vector). */
static void ctx_release(lx_ctx *c) {
  lx_vec *v[NKEPT];
  ctx_vectors(c, v);
  lede_scratch *s = c->scratch;
  for (size_t i = 0; i < NKEPT; i++) {
    if (s && v[i]->cap <= keep_max[i]) {
      s->v[i] = *v[i];
      s->v[i].n = 0;
      memset(v[i], 0, sizeof *v[i]);
      continue;
    }
    lx_vec_free(c->alloc, v[i]);
  }
  lx_rules_end(c);
  if (s) {
    s->busy = 0;
    c->scratch = NULL;
  }
  lx_patterns_release(c);
}

/* Runs the stages; every failure below longjmps back here. Only `c`, which
 * never changes, is used after the jump. */
static lede_status run_stages(lx_ctx *c) {
  if (setjmp(c->jmp)) {
    ctx_release(c);
    lede_doc_free(c->doc);
    c->doc = NULL;
    return c->status;
  }
  lede_doc *d = c->doc;
  const lede_options *opts = c->opts;
  d->text = c->text;
  d->len = c->len;
  if (memchr(c->text, 0, c->len)) d->warnings |= LEDE_W_NUL;
  if (lx_utf8_valid_prefix(c->text, c->len) != c->len) d->warnings |= LEDE_W_INVALID_UTF8;
  lx_split_lines(c);
  lx_structure(c);
  if (!(opts->skip & LEDE_SKIP_ENTITIES)) {
    lx_rules_begin(c);
    lx_entities(c);
    if (!(opts->skip & LEDE_SKIP_LINKING)) lx_link(c);
  }
  if (!(opts->skip & LEDE_SKIP_QUOTES)) lx_quotes(c);
  doc_publish(d);
  ctx_release(c);
  return LEDE_OK;
}

lede_status lede_parse(const lede_engine *eng, const char *text, size_t len,
                       const lede_options *opts, lede_doc **out, char *errbuf,
                       size_t errsz) {
  static const lede_options no_opts;
  if (out) *out = NULL;
  if (errbuf && errsz) errbuf[0] = 0;
  if (!eng || !out || (!text && len)) {
    if (errbuf && errsz) snprintf(errbuf, errsz, "bad arguments");
    return LEDE_EINVAL;
  }
  if (len > eng->limits.max_input || len >= UINT32_MAX) {
    if (errbuf && errsz)
      snprintf(errbuf, errsz, "input of %zu bytes is over the limit of %zu bytes", len,
               LX_MIN(eng->limits.max_input, (size_t)UINT32_MAX - 1));
    return LEDE_ETOOBIG;
  }
  lx_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.eng = eng;
  ctx.alloc = &eng->alloc;
  ctx.opts = opts ? opts : &no_opts;
  ctx.text = text ? text : "";
  ctx.len = len;
  ctx.errbuf = errbuf;
  ctx.errsz = errsz;
  if (eng->limits.time_budget > 0) ctx.deadline = lx_now() + eng->limits.time_budget;
  ctx.doc = doc_new(&eng->alloc);
  if (!ctx.doc) {
    if (errbuf && errsz) snprintf(errbuf, errsz, "out of memory");
    return LEDE_ENOMEM;
  }
  lede_scratch *s = ctx.opts->scratch;
  if (s && s->eng == eng && !s->busy) scratch_take(&ctx, s);
  lede_status st = run_stages(&ctx);
  if (st == LEDE_OK) *out = ctx.doc;
  return st;
}
