/*
 * The document as JSON: the contract documented in README.md ("JSON form").
 * Strings are escaped per RFC 8259; bytes that are not valid UTF-8 become
 * U+FFFD in JSON (the offsets still point at the original bytes, so nothing
 * the caller gave is lost).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

typedef struct jw {
  const lede_allocator *a;
  lx_buf *b;
  int pretty;
  int depth;
  int fail;
} jw;

static void put(jw *w, const char *s, size_t n) {
  if (w->fail) return;
  if (!lx_buf_reserve(w->a, w->b, n)) {
    w->fail = 1;
    return;
  }
  memcpy(w->b->p + w->b->n, s, n);
  w->b->n += n;
}
static void puts_(jw *w, const char *s) { put(w, s, strlen(s)); }
static void putc_(jw *w, char ch) { put(w, &ch, 1); }

static void nl(jw *w) {
  if (!w->pretty) return;
  putc_(w, '\n');
  for (int i = 0; i < w->depth; i++) put(w, "  ", 2);
}

void lx_json_string(lx_buf *b, const lede_allocator *a, const char *s, size_t n, int *fail);

static void str(jw *w, const char *s, size_t n) {
  if (w->fail) return;
  lx_json_string(w->b, w->a, s, n, &w->fail);
}

void lx_json_string(lx_buf *b, const lede_allocator *a, const char *s, size_t n, int *fail) {
  static const char hex[] = "0123456789abcdef";
  /* worst case: every byte becomes \u00XX or U+FFFD (3 bytes) */
  if (n > (SIZE_MAX - 2) / 6 || !lx_buf_reserve(a, b, n * 6 + 2)) {
    *fail = 1;
    return;
  }
  char *o = b->p + b->n;
  *o++ = '"';
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    unsigned char ch = u[i];
    if (ch >= 0x20 && ch < 0x80 && ch != '"' && ch != '\\') {
      *o++ = (char)ch;
      i++;
      continue;
    }
    if (ch < 0x80) {
      *o++ = '\\';
      switch (ch) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        case '\b': *o++ = 'b'; break;
        case '\f': *o++ = 'f'; break;
        default:
          *o++ = 'u';
          *o++ = '0';
          *o++ = '0';
          *o++ = hex[ch >> 4];
          *o++ = hex[ch & 15];
      }
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = lx_utf8_decode(u + i, n - i, &cp);
    if (cp == LX_BAD_CP) {
      memcpy(o, "\xef\xbf\xbd", 3);
      o += 3;
    } else if (cp == 0x2028 || cp == 0x2029) {
      /* valid JSON, but not valid JavaScript source: escape */
      memcpy(o, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
      o += 6;
    } else {
      memcpy(o, u + i, k);
      o += k;
    }
    i += k;
  }
  *o++ = '"';
  b->n = (size_t)(o - b->p);
}

static void num(jw *w, double v) {
  char tmp[40];
  if (!isfinite(v)) {
    puts_(w, "null");
    return;
  }
  if (v == floor(v) && fabs(v) < 9007199254740992.0) {
    snprintf(tmp, sizeof tmp, "%.0f", v);
  } else {
    /* shortest of %.15g / %.17g that reads back */
    snprintf(tmp, sizeof tmp, "%.15g", v);
    if (strtod(tmp, NULL) != v) snprintf(tmp, sizeof tmp, "%.17g", v);
  }
  puts_(w, tmp);
}

static void key(jw *w, const char *k, int *first) {
  if (!*first) putc_(w, ',');
  *first = 0;
  nl(w);
  str(w, k, strlen(k));
  put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
}

static void span_text(jw *w, const lede_doc *d, lede_span s) {
  if (lx_span_empty(s)) puts_(w, "null");
  else str(w, d->text + s.start, s.end - s.start);
}

static void cstr(jw *w, const char *s) {
  if (!s) puts_(w, "null");
  else str(w, s, strlen(s));
}

static void span_pair(jw *w, lede_span s) {
  if (lx_span_empty(s)) {
    puts_(w, "null");
    return;
  }
  char tmp[48];
  snprintf(tmp, sizeof tmp, "[%u,%u]", s.start, s.end);
  puts_(w, tmp);
}

static void open_(jw *w, char ch) {
  putc_(w, ch);
  w->depth++;
}
static void close_(jw *w, char ch, int empty) {
  w->depth--;
  if (!empty) nl(w);
  putc_(w, ch);
}

static void offsets(jw *w, lede_span s, int *first) {
  key(w, "start", first);
  if (lx_span_empty(s)) puts_(w, "null");
  else num(w, s.start);
  key(w, "end", first);
  if (lx_span_empty(s)) puts_(w, "null");
  else num(w, s.end);
}

void lx_json_value(lx_buf *b, const lede_allocator *a, const lede_entity *e, int *fail) {
  jw w = {a, b, 0, 0, 0};
  switch (e->value_kind) {
    case LEDE_V_STRING: cstr(&w, e->str); break;
    case LEDE_V_NUMBER: num(&w, e->num); break;
    case LEDE_V_AMOUNT: {
      int first = 1;
      open_(&w, '{');
      key(&w, "amount", &first);
      num(&w, e->num);
      key(&w, e->type == LEDE_T_MONEY ? "currency" : "unit", &first);
      cstr(&w, e->str);
      close_(&w, '}', 0);
      break;
    }
    default: puts_(&w, "null");
  }
  if (w.fail) *fail = 1;
}

static const char *type_name_or_custom(const lede_doc *d, int type) {
  const char *n = lede_doc_type_name(d, type);
  return n ? n : "CUSTOM";
}

lede_status lede_doc_json(lede_doc *d, int pretty, const char **json, size_t *len) {
  lede_doc_internal *in = d->internal;
  in->json.n = 0;
  jw w = {&in->alloc, &in->json, pretty, 0, 0};
  int first = 1;
  open_(&w, '{');
  key(&w, "title", &first);
  span_text(&w, d, d->title);
  key(&w, "section", &first);
  span_text(&w, d, d->section);
  key(&w, "published", &first);
  cstr(&w, d->published);
  key(&w, "byline", &first);
  open_(&w, '[');
  for (size_t i = 0; i < d->n_byline; i++) {
    if (i) putc_(&w, ',');
    nl(&w);
    span_text(&w, d, d->byline[i]);
  }
  close_(&w, ']', d->n_byline == 0);
  key(&w, "dateline", &first);
  if (lx_span_empty(d->dateline.span)) {
    puts_(&w, "null");
  } else {
    int f = 1;
    const lede_dateline *dl = &d->dateline;
    open_(&w, '{');
    key(&w, "location", &f);
    cstr(&w, dl->location_norm);
    key(&w, "location_text", &f);
    span_text(&w, d, dl->location);
    key(&w, "date", &f);
    cstr(&w, dl->date_iso);
    key(&w, "date_text", &f);
    span_text(&w, d, dl->date);
    key(&w, "agency", &f);
    cstr(&w, dl->agency_norm);
    key(&w, "text", &f);
    span_text(&w, d, dl->span);
    offsets(&w, dl->span, &f);
    close_(&w, '}', 0);
  }
  key(&w, "lead", &first);
  span_text(&w, d, d->lead);
  key(&w, "body", &first);
  {
    /* the paragraphs joined by blank lines: one string, built in place */
    size_t total = 0;
    for (size_t i = 0; i < d->n_paragraphs; i++)
      total += d->paragraphs[i].end - d->paragraphs[i].start + 2;
    lx_buf tmp = {NULL, 0, 0};
    if (!lx_buf_reserve(&in->alloc, &tmp, total + 1)) {
      w.fail = 1;
    } else {
      for (size_t i = 0; i < d->n_paragraphs; i++) {
        if (i) {
          tmp.p[tmp.n++] = '\n';
          tmp.p[tmp.n++] = '\n';
        }
        size_t k = d->paragraphs[i].end - d->paragraphs[i].start;
        memcpy(tmp.p + tmp.n, d->text + d->paragraphs[i].start, k);
        tmp.n += k;
      }
      str(&w, tmp.p, tmp.n);
    }
    lx_buf_free(&in->alloc, &tmp);
  }
  key(&w, "paragraphs", &first);
  open_(&w, '[');
  for (size_t i = 0; i < d->n_paragraphs; i++) {
    int f = 1;
    if (i) putc_(&w, ',');
    nl(&w);
    open_(&w, '{');
    key(&w, "text", &f);
    span_text(&w, d, d->paragraphs[i]);
    offsets(&w, d->paragraphs[i], &f);
    close_(&w, '}', 0);
  }
  close_(&w, ']', d->n_paragraphs == 0);
  key(&w, "captions", &first);
  open_(&w, '[');
  for (size_t i = 0; i < d->n_captions; i++) {
    int f = 1;
    const lede_caption *cp = &d->captions[i];
    if (i) putc_(&w, ',');
    nl(&w);
    open_(&w, '{');
    key(&w, "text", &f);
    span_text(&w, d, cp->span);
    key(&w, "credit", &f);
    span_text(&w, d, cp->credit);
    key(&w, "restrictions", &f);
    span_text(&w, d, cp->restrictions);
    offsets(&w, cp->span, &f);
    close_(&w, '}', 0);
  }
  close_(&w, ']', d->n_captions == 0);
  key(&w, "quotes", &first);
  open_(&w, '[');
  for (size_t i = 0; i < d->n_quotes; i++) {
    int f = 1;
    const lede_quote *q = &d->quotes[i];
    if (i) putc_(&w, ',');
    nl(&w);
    open_(&w, '{');
    key(&w, "text", &f);
    span_text(&w, d, q->span);
    key(&w, "speaker", &f);
    cstr(&w, q->speaker_text);
    key(&w, "cue", &f);
    span_text(&w, d, q->cue);
    offsets(&w, q->span, &f);
    close_(&w, '}', 0);
  }
  close_(&w, ']', d->n_quotes == 0);
  key(&w, "boilerplate", &first);
  open_(&w, '[');
  for (size_t i = 0; i < d->n_boilerplate; i++) {
    int f = 1;
    const lede_block *b = &d->boilerplate[i];
    if (i) putc_(&w, ',');
    nl(&w);
    open_(&w, '{');
    key(&w, "text", &f);
    span_text(&w, d, b->span);
    key(&w, "kind", &f);
    cstr(&w, lede_block_kind_name(b->kind));
    offsets(&w, b->span, &f);
    close_(&w, '}', 0);
  }
  close_(&w, ']', d->n_boilerplate == 0);
  key(&w, "entities", &first);
  open_(&w, '[');
  for (size_t i = 0; i < d->n_entities; i++) {
    int f = 1;
    const lede_entity *e = &d->entities[i];
    if (i) putc_(&w, ',');
    nl(&w);
    open_(&w, '{');
    key(&w, "type", &f);
    cstr(&w, type_name_or_custom(d, e->type));
    key(&w, "text", &f);
    span_text(&w, d, e->span);
    offsets(&w, e->span, &f);
    key(&w, "value", &f);
    if (!w.fail) lx_json_value(w.b, w.a, e, &w.fail);
    key(&w, "canonical", &f);
    cstr(&w, e->canonical);
    key(&w, "role", &f);
    cstr(&w, e->role);
    key(&w, "rule", &f);
    cstr(&w, lede_doc_rule_name(d, e->rule));
    key(&w, "id", &f);
    cstr(&w, e->id);
    close_(&w, '}', 0);
  }
  close_(&w, ']', d->n_entities == 0);
  key(&w, "offsets", &first);
  {
    int f = 1;
    open_(&w, '{');
    key(&w, "title", &f);
    span_pair(&w, d->title);
    key(&w, "section", &f);
    span_pair(&w, d->section);
    key(&w, "published", &f);
    span_pair(&w, d->published_span);
    key(&w, "byline", &f);
    span_pair(&w, d->byline_span);
    key(&w, "authors", &f);
    open_(&w, '[');
    for (size_t i = 0; i < d->n_byline; i++) {
      if (i) putc_(&w, ',');
      span_pair(&w, d->byline[i]);
    }
    close_(&w, ']', 1);
    key(&w, "lead", &f);
    span_pair(&w, d->lead);
    close_(&w, '}', 0);
  }
  key(&w, "warnings", &first);
  open_(&w, '[');
  {
    int n = 0;
    if (d->warnings & LEDE_W_INVALID_UTF8) {
      puts_(&w, "\"invalid_utf8\"");
      n++;
    }
    if (d->warnings & LEDE_W_NUL) {
      if (n++) putc_(&w, ',');
      puts_(&w, "\"nul_bytes\"");
    }
    if (d->warnings & LEDE_W_ENTITY_LIMIT) {
      if (n++) putc_(&w, ',');
      puts_(&w, "\"entity_limit\"");
    }
  }
  close_(&w, ']', 1);
  close_(&w, '}', 0);
  if (w.fail || !lx_buf_reserve(&in->alloc, &in->json, 1)) return LEDE_ENOMEM;
  in->json.p[in->json.n] = 0;
  *json = in->json.p;
  if (len) *len = in->json.n;
  return LEDE_OK;
}
