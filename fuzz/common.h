/*
 * Shared by the libFuzzer harnesses (fuzz/fuzz_*.c) and the C reliability
 * tests (tests/c/): the checks a document must pass whatever its input, a
 * strict JSON validator, and a counting allocator that can fail on demand.
 *
 * A failed check prints what failed and aborts, so libFuzzer (and ASan)
 * report the input that broke it.
 */
#ifndef LEDE_FUZZ_COMMON_H
#define LEDE_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../plugin/core/internal.h"

/* What a failed check does after printing: abort (libFuzzer reports the
 * input); the C tests define it to record the failure and go on. */
#ifndef FZ_FAIL
#define FZ_FAIL() abort()
#endif

/* The checks are not what is fuzzed: no coverage feedback from them (it
 * would cost time and lead the fuzzer into the checker's branches). */
#if defined(__clang__)
#define FZ_NOCOV __attribute__((no_sanitize("coverage")))
#else
#define FZ_NOCOV
#endif

#define FZ_ASSERT(cond, ...)                                                   \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                            \
      fputc('\n', stderr);                                                     \
      FZ_FAIL();                                                               \
    }                                                                          \
  } while (0)

/* The default engine of the harnesses that parse with one, made on first
 * use and kept for the process (engines are immutable once made). */
static inline lede_engine *fz_default_engine(void) {
  static lede_engine *e;
  if (!e) {
    lede_status st;
    e = lede_engine_new(NULL, &st);
    FZ_ASSERT(e, "engine: %s", lede_status_string(st));
  }
  return e;
}

/* ---- a counting allocator that fails the n-th call ----------------------- */

typedef struct fz_alloc_state {
  long calls;    /* malloc and realloc calls so far */
  long fail_at;  /* the call that fails (1-based); 0 = none */
  long failures; /* calls that were failed */
  long live;     /* blocks allocated and not yet freed */
  int sticky;    /* fail every call from fail_at on (else only that one) */
} fz_alloc_state;

FZ_NOCOV static inline int fz_should_fail(fz_alloc_state *s) {
  s->calls++;
  if (s->fail_at && (s->calls == s->fail_at || (s->sticky && s->calls > s->fail_at))) {
    s->failures++;
    return 1;
  }
  return 0;
}

FZ_NOCOV static inline void *fz_malloc(size_t n, void *ud) {
  fz_alloc_state *s = (fz_alloc_state *)ud;
  if (fz_should_fail(s)) return NULL;
  void *p = malloc(n ? n : 1);
  if (p) s->live++;
  return p;
}

FZ_NOCOV static inline void *fz_realloc(void *p, size_t n, void *ud) {
  fz_alloc_state *s = (fz_alloc_state *)ud;
  if (fz_should_fail(s)) return NULL;
  void *q = realloc(p, n ? n : 1);
  if (q && !p) s->live++;
  return q;
}

FZ_NOCOV static inline void fz_free(void *p, void *ud) {
  fz_alloc_state *s = (fz_alloc_state *)ud;
  if (p) s->live--;
  free(p);
}

FZ_NOCOV static inline lede_allocator fz_allocator(fz_alloc_state *s) {
  lede_allocator a = {fz_malloc, fz_realloc, fz_free, s};
  return a;
}

/* ---- UTF-8 and JSON ----------------------------------------------------------- */

/* Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
FZ_NOCOV static inline int fz_utf8_valid(const char *s, size_t n) {
  return lx_utf8_valid_prefix(s, n) == n;
}

typedef struct fz_json {
  const unsigned char *s;
  size_t n, i;
  int depth;
} fz_json;

FZ_NOCOV static void fz_json_ws(fz_json *j) {
  while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' ||
                         j->s[j->i] == '\r'))
    j->i++;
}

FZ_NOCOV static int fz_json_hex(int c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

FZ_NOCOV static int fz_json_string(fz_json *j) {
  if (j->i >= j->n || j->s[j->i] != '"') return 0;
  j->i++;
  while (j->i < j->n) {
    unsigned char c = j->s[j->i];
    if (c == '"') {
      j->i++;
      return 1;
    }
    if (c < 0x20) return 0;
    if (c == '\\') {
      if (++j->i >= j->n) return 0;
      c = j->s[j->i++];
      if (c == 'u') {
        for (int k = 0; k < 4; k++, j->i++)
          if (j->i >= j->n || !fz_json_hex(j->s[j->i])) return 0;
      } else if (!strchr("\"\\/bfnrt", c) || c == 0) {
        return 0;
      }
      continue;
    }
    if (c >= 0x80) {
      uint32_t cp;
      size_t k = lx_utf8_decode(j->s + j->i, j->n - j->i, &cp);
      if (cp == LX_BAD_CP) return 0;
      j->i += k;
      continue;
    }
    j->i++;
  }
  return 0;
}

FZ_NOCOV static int fz_json_digits(fz_json *j) {
  size_t s = j->i;
  while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9') j->i++;
  return j->i > s;
}

FZ_NOCOV static int fz_json_number(fz_json *j) {
  if (j->i < j->n && j->s[j->i] == '-') j->i++;
  if (j->i >= j->n) return 0;
  if (j->s[j->i] == '0') j->i++;
  else if (!fz_json_digits(j)) return 0;
  if (j->i < j->n && j->s[j->i] == '.') {
    j->i++;
    if (!fz_json_digits(j)) return 0;
  }
  if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
    j->i++;
    if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-')) j->i++;
    if (!fz_json_digits(j)) return 0;
  }
  return 1;
}

FZ_NOCOV static int fz_json_value(fz_json *j) {
  fz_json_ws(j);
  if (j->i >= j->n || j->depth > 1000) return 0;
  unsigned char c = j->s[j->i];
  if (c == '"') return fz_json_string(j);
  if (c == '{' || c == '[') {
    char close = c == '{' ? '}' : ']';
    j->i++;
    j->depth++;
    fz_json_ws(j);
    if (j->i < j->n && j->s[j->i] == close) {
      j->i++;
      j->depth--;
      return 1;
    }
    for (;;) {
      if (c == '{') {
        fz_json_ws(j);
        if (!fz_json_string(j)) return 0;
        fz_json_ws(j);
        if (j->i >= j->n || j->s[j->i] != ':') return 0;
        j->i++;
      }
      if (!fz_json_value(j)) return 0;
      fz_json_ws(j);
      if (j->i < j->n && j->s[j->i] == ',') {
        j->i++;
        continue;
      }
      if (j->i < j->n && j->s[j->i] == close) {
        j->i++;
        j->depth--;
        return 1;
      }
      return 0;
    }
  }
  if (c == '-' || (c >= '0' && c <= '9')) return fz_json_number(j);
  static const char *const lits[] = {"true", "false", "null"};
  for (int k = 0; k < 3; k++) {
    size_t m = strlen(lits[k]);
    if (j->n - j->i >= m && memcmp(j->s + j->i, lits[k], m) == 0) {
      j->i += m;
      return 1;
    }
  }
  return 0;
}

/* Whether s[0, n) is one JSON value (RFC 8259), strictly. */
FZ_NOCOV static inline int fz_json_valid(const char *s, size_t n) {
  fz_json j = {(const unsigned char *)s, n, 0, 0};
  if (!fz_json_value(&j)) return 0;
  fz_json_ws(&j);
  return j.i == n;
}

/* Copies JSON text without the white space between tokens; returns the
 * length written (out has room for n bytes). */
FZ_NOCOV static inline size_t fz_json_strip(const char *s, size_t n, char *out) {
  size_t o = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (in) {
      out[o++] = c;
      if (c == '\\' && i + 1 < n) out[o++] = s[++i];
      else if (c == '"') in = 0;
    } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
      out[o++] = c;
      if (c == '"') in = 1;
    }
  }
  return o;
}

/* Whether two JSON texts are equal outside white space between tokens. */
FZ_NOCOV static inline int fz_json_same_tokens(const char *a, size_t an, const char *b, size_t bn) {
  char *x = (char *)malloc(an + 1), *y = (char *)malloc(bn + 1);
  FZ_ASSERT(x && y, "malloc");
  size_t xn = fz_json_strip(a, an, x), yn = fz_json_strip(b, bn, y);
  int same = xn == yn && memcmp(x, y, xn) == 0;
  free(x);
  free(y);
  return same;
}

/* ---- the checks every document passes ------------------------------------------ */

FZ_NOCOV static inline void fz_check_span(const lede_doc *d, lede_span s, const char *what) {
  if (s.start == LEDE_NONE) {
    FZ_ASSERT(s.end == LEDE_NONE, "%s: start NONE, end %u", what, s.end);
    return;
  }
  FZ_ASSERT(s.start <= s.end && s.end <= d->len, "%s: [%u, %u) in %zu bytes", what, s.start,
            s.end, d->len);
}

FZ_NOCOV static inline int fz_span_in(lede_span in, lede_span outer) {
  return in.start == LEDE_NONE ||
         (outer.start != LEDE_NONE && in.start >= outer.start && in.end <= outer.end);
}

/* Whether the code point at s[i] is white space the structure may leave out
 * of every field: what the tokenizer skips, plus BOM and zero width space. */
FZ_NOCOV static inline size_t fz_space_at(const char *s, size_t n, size_t i) {
  unsigned char ch = (unsigned char)s[i];
  if (ch < 0x80) return (lx_ascii_class[ch] & LX_CC_SPACE) ? 1 : 0;
  uint32_t cp;
  size_t k = lx_utf8_decode((const unsigned char *)s + i, n - i, &cp);
  if (cp == LX_BAD_CP) return 0;
  if ((lx_cp_class(cp) & LX_CC_SPACE) || cp == 0xFEFF || cp == 0x200B) return k;
  return 0;
}

/* One input in eight, by its bytes (the same input always alike). */
FZ_NOCOV static inline int fz_one_in_eight(const uint8_t *data, size_t size) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < size && i < 64; i++) h = (h ^ data[i]) * 16777619u;
  return (h >> 13 & 7) == 0;
}

FZ_NOCOV static inline int fz_iso_ok(const char *s) {
  lx_date x;
  size_t n = strlen(s);
  if (lx_parse_iso(s, n, &x)) return 1;
  /* a year and a month, or a month and a day without the year */
  if (n == 7 && s[4] == '-') return 1;
  if (n == 7 && s[0] == '-' && s[1] == '-' && s[4] == '-') return 1;
  return 0;
}

/* A value that starts with a calendar date (YYYY-MM-DD, or --MM-DD without
 * the year) names a day that exists; other values (durations, sets, years,
 * months, times) are not checked here. */
FZ_NOCOV static inline int fz_calendar_ok(const char *s) {
#define FZ_D(c) ((c) >= '0' && (c) <= '9')
  size_t n = strlen(s);
  if (n >= 10 && FZ_D(s[0]) && FZ_D(s[1]) && FZ_D(s[2]) && FZ_D(s[3]) && s[4] == '-' &&
      FZ_D(s[5]) && FZ_D(s[6]) && s[7] == '-' && FZ_D(s[8]) && FZ_D(s[9]))
    return lx_date_valid(atoi(s), atoi(s + 5), atoi(s + 8)) && atoi(s + 8) > 0;
  if (n >= 7 && s[0] == '-' && s[1] == '-' && FZ_D(s[2]) && FZ_D(s[3]) && s[4] == '-' &&
      FZ_D(s[5]) && FZ_D(s[6]))
    return lx_date_valid(0, atoi(s + 2), atoi(s + 5)) && atoi(s + 5) > 0;
#undef FZ_D
  return 1;
}

/* Checks a parsed document: spans in bounds and nested as documented,
 * strings well formed, the lead and the paragraphs consistent, and every
 * byte that is not white space inside some field or block. */
FZ_NOCOV static inline void fz_check_doc(const lede_doc *d, const char *text, size_t len) {
  FZ_ASSERT(d->len == len && (len == 0 || d->text == text), "text and length");
  fz_check_span(d, d->title, "title");
  fz_check_span(d, d->section, "section");
  fz_check_span(d, d->published_span, "published");
  fz_check_span(d, d->byline_span, "byline");
  fz_check_span(d, d->lead, "lead");
  FZ_ASSERT((d->published == NULL) == (d->published_span.start == LEDE_NONE),
            "published string and span go together");
  if (d->published) FZ_ASSERT(fz_iso_ok(d->published), "published '%s' is ISO", d->published);
  if (d->ref_date) FZ_ASSERT(fz_iso_ok(d->ref_date), "ref_date '%s' is ISO", d->ref_date);
  for (size_t i = 0; i < d->n_byline; i++) {
    fz_check_span(d, d->byline[i], "author");
    FZ_ASSERT(d->byline[i].start != LEDE_NONE && fz_span_in(d->byline[i], d->byline_span),
              "author %zu inside the byline", i);
  }
  const lede_dateline *dl = &d->dateline;
  fz_check_span(d, dl->span, "dateline");
  if (dl->span.start != LEDE_NONE) {
    fz_check_span(d, dl->location, "dateline location");
    fz_check_span(d, dl->date, "dateline date");
    fz_check_span(d, dl->agency, "dateline agency");
    FZ_ASSERT(fz_span_in(dl->location, dl->span) && fz_span_in(dl->date, dl->span) &&
                  fz_span_in(dl->agency, dl->span),
              "dateline parts inside the dateline");
    if (dl->date_iso) FZ_ASSERT(fz_iso_ok(dl->date_iso), "dateline date '%s'", dl->date_iso);
  } else {
    FZ_ASSERT(!dl->location_norm && !dl->date_iso && !dl->agency_norm, "no dateline, no parts");
  }
  for (size_t i = 0; i < d->n_paragraphs; i++) {
    fz_check_span(d, d->paragraphs[i], "paragraph");
    FZ_ASSERT(d->paragraphs[i].start != LEDE_NONE && d->paragraphs[i].start < d->paragraphs[i].end,
              "paragraph %zu not empty", i);
    if (i)
      FZ_ASSERT(d->paragraphs[i].start >= d->paragraphs[i - 1].end, "paragraphs %zu in order", i);
  }
  if (d->n_paragraphs)
    FZ_ASSERT(d->lead.start == d->paragraphs[0].start && d->lead.end == d->paragraphs[0].end,
              "the lead is the first paragraph");
  else
    FZ_ASSERT(d->lead.start == LEDE_NONE, "no paragraph, no lead");
  for (size_t i = 0; i < d->n_captions; i++) {
    const lede_caption *c = &d->captions[i];
    fz_check_span(d, c->span, "caption");
    fz_check_span(d, c->credit, "caption credit");
    fz_check_span(d, c->restrictions, "caption restrictions");
    /* the credit may be a credit line right after the caption */
    FZ_ASSERT(c->span.start != LEDE_NONE &&
                  (fz_span_in(c->credit, c->span) || c->credit.start >= c->span.end) &&
                  fz_span_in(c->restrictions, c->span),
              "caption %zu parts inside it (or its credit after it)", i);
  }
  for (size_t i = 0; i < d->n_boilerplate; i++) {
    fz_check_span(d, d->boilerplate[i].span, "boilerplate");
    FZ_ASSERT(d->boilerplate[i].span.start != LEDE_NONE &&
                  lede_block_kind_name(d->boilerplate[i].kind) != NULL,
              "boilerplate %zu kind %d", i, d->boilerplate[i].kind);
  }
  for (size_t i = 0; i < d->n_quotes; i++) {
    fz_check_span(d, d->quotes[i].span, "quote");
    fz_check_span(d, d->quotes[i].cue, "quote cue");
    FZ_ASSERT(d->quotes[i].speaker < (int32_t)d->n_entities, "quote speaker index");
  }
  for (size_t i = 0; i < d->n_entities; i++) {
    const lede_entity *e = &d->entities[i];
    fz_check_span(d, e->span, "entity");
    fz_check_span(d, e->role_span, "entity role");
    FZ_ASSERT(e->span.start != LEDE_NONE && e->span.start < e->span.end, "entity %zu span", i);
    FZ_ASSERT(e->value_kind <= LEDE_V_AMOUNT, "entity %zu value kind", i);
    if ((e->type == LEDE_T_DATE || e->type == LEDE_T_TIME) && e->value_kind == LEDE_V_STRING &&
        e->str)
      FZ_ASSERT(fz_calendar_ok(e->str), "entity %zu: %s value '%s' is a day that exists", i,
                e->type == LEDE_T_DATE ? "DATE" : "TIME", e->str);
    if (i)
      FZ_ASSERT(e->span.start > d->entities[i - 1].span.start ||
                    (e->span.start == d->entities[i - 1].span.start &&
                     e->span.end <= d->entities[i - 1].span.end),
                "entities sorted by start, longer first (%zu)", i);
  }

  /* nothing silently dropped: every byte that is not white space belongs to
   * a field, a paragraph, a caption or a boilerplate block */
  unsigned char *cov = (unsigned char *)calloc(len + 1, 1);
  FZ_ASSERT(cov, "calloc");
#define FZ_COVER(sp)                                                     \
  do {                                                                   \
    lede_span s_ = (sp);                                                 \
    if (s_.start != LEDE_NONE) memset(cov + s_.start, 1, s_.end - s_.start); \
  } while (0)
  FZ_COVER(d->title);
  FZ_COVER(d->section);
  FZ_COVER(d->published_span);
  FZ_COVER(d->byline_span);
  FZ_COVER(dl->span);
  for (size_t i = 0; i < d->n_paragraphs; i++) FZ_COVER(d->paragraphs[i]);
  for (size_t i = 0; i < d->n_captions; i++) FZ_COVER(d->captions[i].span);
  for (size_t i = 0; i < d->n_boilerplate; i++) FZ_COVER(d->boilerplate[i].span);
#undef FZ_COVER
  for (size_t i = 0; i < len;) {
    if (cov[i]) {
      i++;
      continue;
    }
    size_t k = fz_space_at(text, len, i);
    if (!k) {
      size_t from = i > 20 ? i - 20 : 0;
      fprintf(stderr, "byte %zu (0x%02x) is in no field; around it: '%.*s'\n", i,
              (unsigned char)text[i], (int)LX_MIN(len - from, 60), text + from);
      FZ_ASSERT(0, "every byte that is not white space is kept");
    }
    i += k;
  }
  free(cov);
}

/* Writes the document's JSON, compact (and pretty when asked: the fuzzers
 * ask for one input in eight, it doubles the cost): valid, UTF-8, equal but
 * for white space. Returns LEDE_ENOMEM when the allocator failed. */
FZ_NOCOV static inline lede_status fz_check_json(lede_doc *d, int pretty_too) {
  const char *j;
  size_t jn;
  lede_status st = lede_doc_json(d, 0, &j, &jn);
  if (st != LEDE_OK) return st;
  FZ_ASSERT(jn == strlen(j), "JSON has no NUL byte");
  FZ_ASSERT(fz_utf8_valid(j, jn), "JSON is UTF-8");
  FZ_ASSERT(fz_json_valid(j, jn), "JSON is valid: %.*s", (int)LX_MIN(jn, 2000), j);
  if (!pretty_too) return LEDE_OK;
  char *compact = (char *)malloc(jn + 1);
  FZ_ASSERT(compact, "malloc");
  memcpy(compact, j, jn + 1);
  const char *p;
  size_t pn;
  st = lede_doc_json(d, 1, &p, &pn);
  if (st == LEDE_OK) {
    FZ_ASSERT(fz_json_valid(p, pn), "pretty JSON is valid");
    FZ_ASSERT(fz_json_same_tokens(compact, jn, p, pn), "pretty and compact JSON agree");
  }
  free(compact);
  return st;
}

#endif
