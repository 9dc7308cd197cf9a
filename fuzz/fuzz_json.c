/*
 * libFuzzer harness: the JSON writer (lede_doc_json) over documents the
 * parse would not make: after a parse of the input's text, the document's
 * entities, quotes, captions, byline and strings are replaced with ones
 * built from the input bytes: any span, any bytes (invalid UTF-8, NUL,
 * U+2028), any double (NaN, infinities, subnormals, -0), any type and
 * value kind. The JSON must be valid UTF-8 JSON, compact and pretty alike,
 * and a number written for a value must read back as the same double.
 *
 *   byte 0       entities; byte 1 quotes/captions/authors; then 24 bytes per
 *                entity; the rest is the text
 */
#include <math.h>

#include "common.h"


void lx_json_value(lx_buf *b, const lede_allocator *a, const lede_entity *e, int *fail);

static uint32_t rd32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A span of the text from 8 input bytes (sometimes empty or NONE). */
static lede_span span_from(const uint8_t *p, size_t len) {
  uint32_t a = rd32(p), b = rd32(p + 4);
  if (a == 0xffffffffu) return lx_no_span;
  lede_span s;
  s.start = (uint32_t)(len ? a % (len + 1) : 0);
  s.end = s.start + (uint32_t)(len - s.start ? b % (len - s.start + 1) : 0);
  return s;
}

/* A NUL-terminated copy of some of the text (strings of any bytes). */
static char *str_from(const char *text, lede_span s) {
  if (s.start == LEDE_NONE) return NULL;
  char *p = (char *)malloc(s.end - s.start + 1);
  memcpy(p, text + s.start, s.end - s.start);
  p[s.end - s.start] = 0;
  return p;
}

/* The number of a value as JSON reads back to the double written. */
static void check_number(const lede_entity *e) {
  if (e->value_kind != LEDE_V_NUMBER) return;
  lx_buf b = {NULL, 0, 0};
  int fail = 0;
  lx_json_value(&b, &lx_default_allocator, e, &fail);
  FZ_ASSERT(!fail && b.n > 0, "a value is written");
  FZ_ASSERT(lx_buf_reserve(&lx_default_allocator, &b, 1), "room");
  b.p[b.n] = 0;
  FZ_ASSERT(fz_json_valid(b.p, b.n), "value '%s' is JSON", b.p);
  if (isfinite(e->num)) {
    double back = strtod(b.p, NULL);
    FZ_ASSERT(back == e->num, "%.17g written as %s", e->num, b.p);
  } else {
    FZ_ASSERT(strcmp(b.p, "null") == 0, "a non-finite number is null: %s", b.p);
  }
  lx_buf_free(&lx_default_allocator, &b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  size_t ne = data[0] % 9, nq = data[1] & 3, nc = (data[1] >> 2) & 3, nb = (data[1] >> 4) & 3;
  size_t need = 2 + ne * 24 + (nq + nc + nb) * 16 + 8;
  if (size < need) return 0;
  const uint8_t *p = data + 2;
  const char *text = (const char *)data + need;
  size_t len = size - need;
  lede_doc *doc = NULL;
  FZ_ASSERT(lede_parse(fz_default_engine(), text, len, NULL, &doc, NULL, 0) == LEDE_OK, "parse");
  /* what the parse made, to put back before freeing */
  lede_doc saved = *doc;

  lede_entity ents[8];
  char *strs[64];
  size_t ns = 0;
  memset(ents, 0, sizeof ents);
  for (size_t i = 0; i < ne; i++, p += 24) {
    lede_entity *e = &ents[i];
    e->span = span_from(p, len);
    if (e->span.start == LEDE_NONE) e->span = lx_span(0, 0);
    e->type = (uint16_t)(p[8] % 48);
    e->value_kind = (uint8_t)(p[9] % 5); /* 4 is no kind the writer knows */
    uint64_t bits = (uint64_t)rd32(p + 10) | (uint64_t)rd32(p + 14) << 32;
    memcpy(&e->num, &bits, sizeof e->num);
    lede_span s = span_from(p + 16, len);
    e->str = strs[ns++] = str_from(text, s);
    e->canonical = strs[ns++] = (p[8] & 64) ? str_from(text, e->span) : NULL;
    e->role = strs[ns++] = (p[8] & 128) ? str_from(text, lx_span(0, len < 5 ? (uint32_t)len : 5)) : NULL;
    e->id = (p[9] & 64) ? e->role : NULL;
    e->rule = p[9] & 128 ? LEDE_RULE_USER + p[10] : p[10] % 8;
    e->role_span = lx_no_span;
    check_number(e);
  }
  lede_quote quotes[3];
  lede_caption caps[3];
  lede_span authors[3];
  for (size_t i = 0; i < nq; i++, p += 16) {
    quotes[i].span = span_from(p, len);
    quotes[i].cue = span_from(p + 8, len);
    quotes[i].speaker = -1;
    quotes[i].speaker_text = strs[ns++] = str_from(text, quotes[i].cue);
  }
  for (size_t i = 0; i < nc; i++, p += 16) {
    caps[i].span = span_from(p, len);
    caps[i].credit = span_from(p + 8, len);
    caps[i].restrictions = lx_no_span;
  }
  for (size_t i = 0; i < nb; i++, p += 16) authors[i] = span_from(p, len);
  doc->entities = ents;
  doc->n_entities = ne;
  doc->quotes = quotes;
  doc->n_quotes = nq;
  doc->captions = caps;
  doc->n_captions = nc;
  doc->byline = authors;
  doc->n_byline = nb;
  doc->title = span_from(p, len);
  doc->published = strs[ns++] = str_from(text, doc->title);
  doc->warnings = p[0];

  const char *j;
  size_t jn;
  FZ_ASSERT(lede_doc_json(doc, 0, &j, &jn) == LEDE_OK, "json");
  FZ_ASSERT(jn == strlen(j), "no NUL byte in the JSON");
  FZ_ASSERT(fz_utf8_valid(j, jn), "the JSON is UTF-8");
  FZ_ASSERT(fz_json_valid(j, jn), "the JSON is valid: %.*s", (int)LX_MIN(jn, 3000), j);
  char *compact = (char *)malloc(jn + 1);
  memcpy(compact, j, jn + 1);
  FZ_ASSERT(lede_doc_json(doc, 1, &j, &jn) == LEDE_OK, "pretty json");
  FZ_ASSERT(fz_json_valid(j, jn), "the pretty JSON is valid");
  FZ_ASSERT(fz_json_same_tokens(compact, strlen(compact), j, jn), "pretty and compact agree");
  free(compact);

  *doc = saved;
  lede_doc_free(doc);
  for (size_t i = 0; i < ns; i++) free(strs[i]);
  return 0;
}
