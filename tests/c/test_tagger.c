/*
 * C checks of the tagger of names (plugin/core/tagger*.c), built with
 * ASan+UBSan by `make test` (mk/train.mk); tests/tagger_c_spec.lua turns
 * each line into a busted test. Covers the embedded model, names found in
 * plain sentences, malformed models, pathological blocks (long runs of
 * capitals, invalid UTF-8, empty and out-of-range blocks) in linear time,
 * allocation failures, and several threads sharing one tagger.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../plugin/core/tagger.h"

extern const char lx_gazetteer_tsv[];
extern const size_t lx_gazetteer_tsv_len;

#include "check.h"

static const lede_allocator *A = &lx_default_allocator;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* A document: its tokens, sentences marked as entities.c marks them. */
typedef struct tdoc {
  const char *text;
  lx_vec toks;
} tdoc;

static void tdoc_init(tdoc *d, const char *text, size_t len) {
  memset(d, 0, sizeof *d);
  d->text = text;
  lx_tokenize(A, text, 0, len, &d->toks);
  lx_sentences(text, (lx_token *)d->toks.p, d->toks.n);
}

static lx_ner_in ner_in(const tdoc *d, const lx_dict *gaz, const lede_allocator *a) {
  lx_ner_in in;
  memset(&in, 0, sizeof in);
  in.text = d->text;
  in.toks = (const lx_token *)d->toks.p;
  in.ntoks = d->toks.n;
  in.gaz = gaz;
  in.alloc = a;
  return in;
}

/* Tags a sentence as one block and writes "TYPE text|TYPE text|..." */
static int tag_string(const lx_tagger *tg, const lx_dict *gaz, const char *s, char *out,
                      size_t cap) {
  tdoc d;
  tdoc_init(&d, s, strlen(s));
  lx_ner_in in = ner_in(&d, gaz, A);
  lx_vec scratch = {NULL, 0, 0}, cands = {NULL, 0, 0};
  int ok = lx_tagger_tag(tg, &in, 0, d.toks.n, &scratch, &cands);
  size_t n = 0;
  out[0] = 0;
  const lx_cand *k = (const lx_cand *)cands.p;
  const lx_token *t = (const lx_token *)d.toks.p;
  for (size_t i = 0; i < cands.n; i++) {
    const char *ty = k[i].type == LEDE_T_PERSON ? "PER"
                     : k[i].type == LEDE_T_ORG  ? "ORG"
                     : k[i].type == LEDE_T_LOC  ? "LOC"
                     : k[i].type == LEDE_T_NORP ? "MISC"
                                                : "?";
    int w = snprintf(out + n, cap - n, "%s%s %.*s", i ? "|" : "", ty,
                     (int)(t[k[i].t1 - 1].end - t[k[i].t0].start), s + t[k[i].t0].start);
    if (w < 0 || (size_t)w >= cap - n) break;
    n += (size_t)w;
    ok = ok && k[i].source == LX_SRC_TAGGER && k[i].t0 < k[i].t1 && k[i].t1 <= d.toks.n;
  }
  lx_vec_free(A, &scratch);
  lx_vec_free(A, &cands);
  lx_vec_free(A, &d.toks);
  return ok;
}

static void test_names(const lx_tagger *tg, const lx_dict *gaz) {
  static const struct {
    const char *in, *want;
  } cases[] = {
      {"Prime Minister Costas Simitis met German Chancellor Helmut Kohl in Bonn on Friday.",
       "PER Costas Simitis|MISC German|PER Helmut Kohl|LOC Bonn"},
      {"Shares of Microsoft Corp rose 3 percent in New York trading.",
       "ORG Microsoft Corp|LOC New York"},
      {"the cat sat on the mat and nothing else happened here.", ""},
      {"", ""},
  };
  char buf[512];
  for (size_t i = 0; i < LX_COUNTOF(cases); i++) {
    int ok = tag_string(tg, gaz, cases[i].in, buf, sizeof buf);
    CHECK(ok && strcmp(buf, cases[i].want) == 0, "names in '%s': got '%s' want '%s'",
          cases[i].in, buf, cases[i].want);
  }
}

/* ---- models ------------------------------------------------------------------ */

static void test_models(void) {
  lede_status st;
  double t0 = now();
  lx_tagger *tg = lx_tagger_new(A, &st);
  double ms = (now() - t0) * 1e3;
  CHECK(tg && st == LEDE_OK, "the embedded model loads");
  CHECK(lx_tagger_model_len > 1000, "the model is embedded (%zu bytes)", lx_tagger_model_len);
  CHECK(lx_tagger_model_len <= 4u << 20, "the model is at most 4 MiB (%zu bytes)",
        lx_tagger_model_len);
  /* under ASan the budget is looser than the 50 ms of an optimized build */
  CHECK(ms < 500, "lx_tagger_new takes %.1f ms", ms);
  lx_tagger_free(tg);
  /* an empty model finds nothing */
  tg = lx_tagger_load(A, "", 0, &st);
  CHECK(tg && st == LEDE_OK, "an empty model loads");
  lx_tagger_free(tg);
  /* truncated or corrupted models are refused, never read out of bounds */
  size_t n = lx_tagger_model_len;
  char *m = (char *)malloc(n);
  memcpy(m, lx_tagger_model, n);
  int refused = 1;
  size_t cuts[] = {1, 4, 8, 19, 20, 21, 24, n / 2, n - 2, n - 1};
  for (size_t i = 0; i < LX_COUNTOF(cuts); i++) {
    tg = lx_tagger_load(A, m, cuts[i], &st);
    if (tg || st != LEDE_EINVAL) refused = 0;
    lx_tagger_free(tg);
  }
  CHECK(refused, "truncated models are refused");
  m[0] = 'X';
  tg = lx_tagger_load(A, m, n, &st);
  CHECK(!tg && st == LEDE_EINVAL, "a bad magic is refused");
  m[0] = 'L';
  m[8] = (char)0xff; /* feature count out of range */
  m[9] = (char)0xff;
  m[10] = (char)0xff;
  m[11] = (char)0x7f;
  tg = lx_tagger_load(A, m, n, &st);
  CHECK(!tg && st == LEDE_EINVAL, "a bad feature count is refused");
  free(m);
}

/* ---- pathological blocks ----------------------------------------------------------- */

/* Tags text as one block; returns the seconds taken, -1 on failure. */
static double tag_all(const lx_tagger *tg, const lx_dict *gaz, const char *text, size_t len,
                      size_t *ncand) {
  tdoc d;
  tdoc_init(&d, text, len);
  lx_ner_in in = ner_in(&d, gaz, A);
  lx_vec scratch = {NULL, 0, 0}, cands = {NULL, 0, 0};
  double t0 = now();
  int ok = lx_tagger_tag(tg, &in, 0, d.toks.n, &scratch, &cands);
  double secs = now() - t0;
  *ncand = cands.n;
  lx_vec_free(A, &scratch);
  lx_vec_free(A, &cands);
  lx_vec_free(A, &d.toks);
  return ok ? secs : -1;
}

static char *repeat(const char *unit, size_t times, size_t *len) {
  size_t u = strlen(unit);
  char *s = (char *)malloc(u * times + 1);
  for (size_t i = 0; i < times; i++) memcpy(s + i * u, unit, u);
  s[u * times] = 0;
  *len = u * times;
  return s;
}

static void test_pathological(const lx_tagger *tg, const lx_dict *gaz) {
  size_t len, nc;
  /* capitalized words without end, and in capitals: linear time (each
   * size timed three times and the least taken: a busy machine only ever
   * adds time, and one slow run no longer fails the check) */
  const char *units[] = {"John ", "NEW YORK ", "Van der ", "U.S. ", "Mr. Smith-Jones "};
  for (size_t u = 0; u < LX_COUNTOF(units); u++) {
    size_t len2;
    char *s1 = repeat(units[u], 20000, &len);
    char *s2 = repeat(units[u], 80000, &len2);
    double a = 0, b = 0;
    int ok = 1;
    for (int run = 0; run < 3; run++) {
      double ta = tag_all(tg, gaz, s1, len, &nc);
      double tb = tag_all(tg, gaz, s2, len2, &nc);
      if (ta < 0 || tb < 0) ok = 0;
      if (run == 0 || ta < a) a = ta;
      if (run == 0 || tb < b) b = tb;
    }
    free(s1);
    free(s2);
    CHECK(ok && b < 8 * a + 0.05, "'%s' x 80000 in linear time (%.3f s, x 20000 %.3f s)",
          units[u], b, a);
  }
  /* a million tokens */
  char *big = repeat("Obama ", 1000000, &len);
  double t = tag_all(tg, gaz, big, len, &nc);
  CHECK(t >= 0 && nc > 0, "10^6 capitalized tokens: %.2f s, %zu names", t, nc);
  free(big);
  /* invalid UTF-8, control bytes, NULs */
  char junk[4096];
  uint32_t r = 12345;
  for (size_t i = 0; i < sizeof junk; i++) {
    r = r * 1103515245u + 12345u;
    junk[i] = (char)(r >> 16);
  }
  CHECK(tag_all(tg, gaz, junk, sizeof junk, &nc) >= 0, "random bytes");
  const char *bad = "\xc3\x28 Caf\xe9 \xf0\x9f M\xc3\xbcller \xed\xa0\x80 Z\xff\xfe";
  CHECK(tag_all(tg, gaz, bad, strlen(bad), &nc) >= 0, "invalid UTF-8");
  /* empty and out-of-range blocks; no gazetteer */
  tdoc d;
  const char *s = "Angela Merkel visited Paris.";
  tdoc_init(&d, s, strlen(s));
  lx_ner_in in = ner_in(&d, gaz, A);
  lx_vec scratch = {NULL, 0, 0}, cands = {NULL, 0, 0};
  CHECK(lx_tagger_tag(tg, &in, 2, 2, &scratch, &cands) && cands.n == 0, "empty block");
  CHECK(lx_tagger_tag(tg, &in, 3, 1, &scratch, &cands) && cands.n == 0, "reversed block");
  CHECK(lx_tagger_tag(tg, &in, 0, d.toks.n + 5, &scratch, &cands) && cands.n == 0,
        "block past the tokens");
  in.gaz = NULL;
  CHECK(lx_tagger_tag(tg, &in, 0, d.toks.n, &scratch, &cands) && cands.n >= 1,
        "no gazetteer: %zu names", cands.n);
  /* blocks of one document in turn, then another document in the same scratch */
  in.gaz = gaz;
  cands.n = 0;
  int ok = 1;
  for (size_t i = 0; i < d.toks.n; i++) ok &= lx_tagger_tag(tg, &in, i, i + 1, &scratch, &cands);
  CHECK(ok, "one-token blocks (%zu names)", cands.n);
  tdoc d2;
  const char *s2 = "Paris Saint-Germain beat Lyon.";
  tdoc_init(&d2, s2, strlen(s2));
  lx_ner_in in2 = ner_in(&d2, gaz, A);
  cands.n = 0;
  CHECK(lx_tagger_tag(tg, &in2, 0, d2.toks.n, &scratch, &cands), "a second document");
  lx_vec_free(A, &scratch);
  lx_vec_free(A, &cands);
  lx_vec_free(A, &d.toks);
  lx_vec_free(A, &d2.toks);
}

/* ---- allocation failures --------------------------------------------------------------- */

typedef struct budget {
  long left;
} budget;

static void *fail_malloc(size_t n, void *ud) {
  budget *b = (budget *)ud;
  if (b->left-- <= 0) return NULL;
  return malloc(n);
}
static void *fail_realloc(void *p, size_t n, void *ud) {
  budget *b = (budget *)ud;
  if (b->left-- <= 0) return NULL;
  return realloc(p, n);
}
static void fail_free(void *p, void *ud) {
  (void)ud;
  free(p);
}

static void test_alloc_failures(const lx_tagger *tg, const lx_dict *gaz) {
  const char *s = "Chancellor Helmut Kohl of Germany met Boris Yeltsin in Moscow. "
                  "Kohl said Germany would help. Yeltsin thanked Kohl.";
  tdoc d;
  tdoc_init(&d, s, strlen(s));
  int all_ok = 1, some_failed = 0;
  size_t want = 0;
  for (long k = 0; k < 40; k++) {
    budget b = {k};
    lede_allocator fa;
    memset(&fa, 0, sizeof fa);
    fa.malloc = fail_malloc;
    fa.realloc = fail_realloc;
    fa.free = fail_free;
    fa.ud = &b;
    lx_ner_in in = ner_in(&d, gaz, &fa);
    lx_vec scratch = {NULL, 0, 0}, cands = {NULL, 0, 0};
    int ok = lx_tagger_tag(tg, &in, 0, 12, &scratch, &cands) &&
             lx_tagger_tag(tg, &in, 12, d.toks.n, &scratch, &cands);
    if (!ok) some_failed = 1;
    else if (k == 39) want = cands.n;
    lx_vec_free(&fa, &scratch);
    lx_vec_free(&fa, &cands);
    /* the load fails cleanly too */
    budget b2 = {k / 8};
    fa.ud = &b2;
    lede_status st;
    lx_tagger *t2 = lx_tagger_load(&fa, lx_tagger_model, lx_tagger_model_len, &st);
    if (!t2 && st != LEDE_ENOMEM) all_ok = 0;
    lx_tagger_free(t2);
  }
  CHECK(all_ok && some_failed && want > 0, "allocation failures return 0 and leak nothing");
  lx_vec_free(A, &d.toks);
}

/* ---- threads ---------------------------------------------------------------------------- */

typedef struct job {
  const lx_tagger *tg;
  const lx_dict *gaz;
  char out[512];
  int ok;
} job;

static const char *thread_text =
    "Prime Minister Costas Simitis met German Chancellor Helmut Kohl in Bonn on Friday.";

static void *run_job(void *p) {
  job *j = (job *)p;
  j->ok = 1;
  char buf[512];
  for (int i = 0; i < 200; i++) {
    j->ok &= tag_string(j->tg, j->gaz, thread_text, buf, sizeof buf);
    if (i == 0) memcpy(j->out, buf, sizeof buf);
    else j->ok &= strcmp(buf, j->out) == 0;
  }
  return NULL;
}

static void test_threads(const lx_tagger *tg, const lx_dict *gaz) {
  job jobs[4];
  pthread_t th[4];
  for (int i = 0; i < 4; i++) {
    jobs[i].tg = tg;
    jobs[i].gaz = gaz;
    pthread_create(&th[i], NULL, run_job, &jobs[i]);
  }
  int ok = 1;
  for (int i = 0; i < 4; i++) {
    pthread_join(th[i], NULL);
    ok &= jobs[i].ok && strcmp(jobs[i].out, jobs[0].out) == 0;
  }
  char one[512];
  tag_string(tg, gaz, thread_text, one, sizeof one);
  CHECK(ok && strcmp(one, jobs[0].out) == 0, "4 threads share one tagger: same names");
}

int main(void) {
  lede_status st;
  lx_tagger *tg = lx_tagger_new(A, &st);
  lx_dict *gaz = lx_dict_new(A);
  char err[256];
  if (!tg || !gaz || lx_dict_load_tsv(gaz, lx_gazetteer_tsv, lx_gazetteer_tsv_len, err, sizeof err)) {
    printf("not ok - setup\n");
    return 1;
  }
  test_models();
  test_names(tg, gaz);
  test_pathological(tg, gaz);
  test_alloc_failures(tg, gaz);
  test_threads(tg, gaz);
  lx_dict_free(gaz);
  lx_tagger_free(tg);
  fprintf(stderr, "%d passed, %d failed, 0 skipped\n", passed, failed);
  return failed ? 1 : 0;
}
