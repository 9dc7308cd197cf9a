/*
 * libFuzzer harness: the whole pipeline, with options taken from the first
 * input bytes (as cmark's fuzzer does), then the document and its JSON.
 *
 *   byte 0   bits 0-2 skip stages; bit 3 has_tz; bit 4 ref date from the
 *            input; bit 5 the engine without JIT; bit 6 differential: the
 *            other engine must give the same JSON; bit 7 a source hint
 *   byte 1   tz: (int8) * 15 minutes; 0x7f and 0x80 are INT_MAX and INT_MIN
 *   byte 2   ref date: 0 none; else built from bytes 3-4 (bit 7 of byte 2:
 *            the next (byte 3 & 31) raw bytes of the input instead)
 *   byte 5   limits: bits 0-2 max_entities (0 the default); bit 7 max_input
 *            below the text length
 *   byte 6   bit 7: fail the (byte 7 + 1)-th allocation of the parse; bit 0
 *            every allocation from then on
 *   byte 4   source hint (with bit 7 of byte 0)
 *
 * Results: LEDE_OK with a document that passes the checks, or the error the
 * options call for (EINVAL for a bad reference date, ETOOBIG past
 * max_input, ENOMEM only when an allocation failed, leaving no block
 * behind). A parse that survived an allocation failure must equal the
 * parse without it.
 */
#include <limits.h>

#include "common.h"

static fz_alloc_state alloc_state;
static lede_allocator alloc;
static lede_engine *engines[2]; /* JIT, interpreter */

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  alloc = fz_allocator(&alloc_state);
  lede_status st;
  engines[0] = lede_engine_new_with(&alloc, 0, &st);
  engines[1] = lede_engine_new_with(&alloc, LEDE_ENGINE_NO_JIT, &st);
  FZ_ASSERT(engines[0] && engines[1], "engines: %s", lede_status_string(st));
  return 0;
}

static const char *const sources[] = {"Yonhap", "Reuters", "AP", "AFP", "yonhap",
                                      "Xinhua", "Kyodo", "", "https://example.com/news",
                                      "(Yonhap)", "Associated Press", "EFE", "x"};

/* Parses and returns the compact JSON (malloc'd) or NULL with *st set. */
static char *parse_json(lede_engine *e, const char *text, size_t len, const lede_options *o,
                        lede_status *st, size_t *jn) {
  lede_doc *doc = NULL;
  char err[256];
  *st = lede_parse(e, text, len, o, &doc, err, sizeof err);
  if (*st != LEDE_OK) {
    FZ_ASSERT(!doc, "no document on failure");
    FZ_ASSERT(err[0], "a failure has a message");
    return NULL;
  }
  fz_check_doc(doc, text, len);
  const char *j;
  lede_status js = lede_doc_json(doc, 0, &j, jn);
  if (js == LEDE_ENOMEM && alloc_state.failures) {
    /* a failed JSON write leaves the document usable */
    alloc_state.fail_at = 0;
    js = lede_doc_json(doc, 0, &j, jn);
  }
  FZ_ASSERT(js == LEDE_OK, "json: %s", lede_status_string(js));
  char *copy = (char *)malloc(*jn + 1);
  memcpy(copy, j, *jn + 1);
  lede_doc_free(doc);
  return copy;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint8_t h[8] = {0};
  size_t hn = size < 8 ? size : 8;
  memcpy(h, data, hn);
  const char *text = (const char *)data + hn;
  size_t len = size - hn;

  lede_options o;
  memset(&o, 0, sizeof o);
  o.skip = h[0] & 7;
  o.has_tz = (h[0] >> 3) & 1;
  o.tz_minutes = h[1] == 0x7f ? INT_MAX : h[1] == 0x80 ? INT_MIN : (int8_t)h[1] * 15;
  char ref[48];
  if (h[2]) {
    if (h[2] & 0x80) {
      size_t k = LX_MIN((size_t)(h[3] & 31), len);
      memcpy(ref, text, k);
      ref[k] = 0;
      text += k;
      len -= k;
    } else {
      static const char *const zones[] = {"", "Z", "+09:00", "-05:00", "+14:00", "-12:00",
                                          "+5", "+99:99"};
      int year = (h[2] & 0x3f) * 40 + (h[3] >> 6) * 10; /* 0..2550 */
      if (h[2] & 0x40) year += 1;
      int month = h[3] & 15, day = (h[4] & 31) + 1;
      if (h[4] & 0x20)
        snprintf(ref, sizeof ref, "%04d-%02d-%02dT%02d:%02d%s", year, month, day, h[4] >> 3,
                 (h[4] & 7) * 9, zones[h[4] & 7]);
      else
        snprintf(ref, sizeof ref, "%04d-%02d-%02d", year, month, day);
    }
    o.ref_date = ref;
  }
  if (h[0] & 0x80) o.source = sources[h[4] % LX_COUNTOF(sources)];

  lede_engine *eng = engines[(h[0] >> 5) & 1];
  lede_limits lim;
  lede_limits_default(&lim);
  lim.max_entities = h[5] & 7;
  /* one byte under the input (0 would mean the default limit) */
  if ((h[5] & 0x80) && len > 1) lim.max_input = len - 1;
  lede_engine_set_limits(eng, &lim);

  long live0 = alloc_state.live;
  alloc_state.calls = alloc_state.failures = 0;
  alloc_state.fail_at = (h[6] & 0x80) ? h[7] + 1 : 0;
  alloc_state.sticky = h[6] & 1;
  lede_status st;
  size_t jn = 0;
  char *json = parse_json(eng, text, len, &o, &st, &jn);
  long failures = alloc_state.failures;
  alloc_state.fail_at = 0;
  FZ_ASSERT(alloc_state.live == live0, "%ld blocks left behind (status %s)",
            alloc_state.live - live0, lede_status_string(st));

  lx_date x;
  int bad_ref = o.ref_date && !lx_parse_iso(o.ref_date, strlen(o.ref_date), &x);
  int too_big = len > lim.max_input;
  int bad_tz = o.has_tz && (o.tz_minutes < -18 * 60 || o.tz_minutes > 18 * 60);
  switch (st) {
    case LEDE_OK: FZ_ASSERT(!too_big, "over max_input, parsed"); break;
    case LEDE_ENOMEM: FZ_ASSERT(failures > 0, "ENOMEM without a failed allocation"); break;
    case LEDE_EINVAL:
      FZ_ASSERT(bad_ref || bad_tz, "EINVAL with ref date '%s', zone %d", o.ref_date ? ref : "",
                o.tz_minutes);
      break;
    case LEDE_ETOOBIG: FZ_ASSERT(too_big, "ETOOBIG under the limit"); break;
    default: FZ_ASSERT(0, "status %s", lede_status_string(st));
  }
  if (st == LEDE_OK) FZ_ASSERT(!bad_ref && !bad_tz, "a bad ref date '%s' or zone was accepted", ref);

  /* after a failed allocation: the same document as without it */
  if (failures && (st == LEDE_OK || st == LEDE_ENOMEM)) {
    lede_status st2;
    size_t jn2;
    char *json2 = parse_json(eng, text, len, &o, &st2, &jn2);
    FZ_ASSERT(st2 == LEDE_OK || st2 == LEDE_EINVAL, "parse without failure: %s",
              lede_status_string(st2));
    if (st == LEDE_OK)
      FZ_ASSERT(json2 && jn == jn2 && memcmp(json, json2, jn) == 0,
                "a parse that survived a failed allocation differs");
    free(json2);
  }
  /* the JIT and the interpreter agree */
  if ((h[0] & 0x40) && st == LEDE_OK) {
    lede_engine *other = engines[!((h[0] >> 5) & 1)];
    lede_engine_set_limits(other, &lim);
    lede_status st2;
    size_t jn2;
    char *json2 = parse_json(other, text, len, &o, &st2, &jn2);
    FZ_ASSERT(st2 == LEDE_OK && jn == jn2 && memcmp(json, json2, jn) == 0,
              "JIT and interpreter differ");
    free(json2);
  }
  free(json);
  FZ_ASSERT(alloc_state.live == live0, "blocks left behind");
  return 0;
}
