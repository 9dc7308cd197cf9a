/*
 * Regression tests of what the fuzzers found (fuzz/), built with ASan+UBSan
 * by `make test`. Two parts:
 *  - every file of tests/fixtures/regress/ is parsed by the engine with JIT
 *    and by the one without: each document passes the checks the fuzzers
 *    make (fuzz/common.h: spans in bounds, nothing dropped, valid JSON)
 *    and the two engines agree;
 *  - cases that need more than a text (the dictionary loader, the JSON
 *    writer, options) are written out below, each with what it fixed.
 * Prints one "ok - " / "not ok - " line per check (tests/reliability_c_spec.lua
 * turns them into busted tests) and a summary line.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <setjmp.h>

static jmp_buf check_jmp;
#define FZ_FAIL() longjmp(check_jmp, 1)
#include "../../fuzz/common.h"

#include "check.h"

static lede_engine *jit, *nojit;

static char *read_file(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long sz = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = (char *)malloc((size_t)sz + 1);
  *n = fread(p, 1, (size_t)sz, f);
  fclose(f);
  return p;
}

/* Parses text with an engine; returns the document (checked) or NULL. */
static lede_doc *parse_checked(lede_engine *e, const char *text, size_t n, const lede_options *o,
                               const char *name, int *ok) {
  lede_doc *doc = NULL;
  char err[256];
  lede_status st = lede_parse(e, text, n, o, &doc, err, sizeof err);
  if (st != LEDE_OK) {
    fprintf(stderr, "%s: %s\n", name, err);
    *ok = 0;
    return NULL;
  }
  if (setjmp(check_jmp)) {
    *ok = 0;
    return doc;
  }
  fz_check_doc(doc, text, n);
  if (fz_check_json(doc, 1) != LEDE_OK) *ok = 0;
  return doc;
}

/* The checks of the fuzzers over one text, with both engines. */
static void check_text(const char *name, const char *text, size_t n, const lede_options *o) {
  int ok = 1;
  lede_doc *a = parse_checked(jit, text, n, o, name, &ok);
  lede_doc *b = parse_checked(nojit, text, n, o, name, &ok);
  CHECK(ok, "%s: the document passes the fuzzers' checks", name);
  if (a && b) {
    const char *ja, *jb;
    size_t na, nb;
    lede_doc_json(a, 0, &ja, &na);
    lede_doc_json(b, 0, &jb, &nb);
    CHECK(na == nb && memcmp(ja, jb, na) == 0, "%s: JIT and interpreter agree", name);
  }
  lede_doc_free(a);
  lede_doc_free(b);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_fixtures(const char *dir) {
  DIR *d = opendir(dir);
  CHECK(d != NULL, "the directory %s", dir);
  if (!d) return;
  char *names[512];
  size_t k = 0;
  struct dirent *de;
  while ((de = readdir(d)) && k < LX_COUNTOF(names)) {
    size_t l = strlen(de->d_name);
    if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0) names[k++] = strdup(de->d_name);
  }
  closedir(d);
  qsort(names, k, sizeof *names, by_name);
  for (size_t i = 0; i < k; i++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    size_t n;
    char *text = read_file(path, &n);
    if (text) check_text(names[i], text, n, NULL);
    free(text);
    free(names[i]);
  }
}

/* ---- what a field must be after a fix ----------------------------------------- */

static int span_is(const lede_doc *d, lede_span s, const char *want) {
  return s.start != LEDE_NONE && s.end - s.start == strlen(want) &&
         memcmp(d->text + s.start, want, strlen(want)) == 0;
}

static void test_fields(void) {
  /* the words around a timestamp were dropped: "Updated:" and "| 2 min
   * read" are metadata now */
  {
    size_t n;
    char *text = read_file("tests/fixtures/regress/stamp_label.txt", &n);
    lede_doc *d = NULL;
    if (text) lede_parse(jit, text, n, NULL, &d, NULL, 0);
    int label = 0, tail = 0;
    for (size_t i = 0; d && i < d->n_boilerplate; i++) {
      label |= span_is(d, d->boilerplate[i].span, "Updated:") &&
               d->boilerplate[i].kind == LEDE_B_METADATA;
      tail |= span_is(d, d->boilerplate[i].span, "| 2 min read");
    }
    CHECK(d && span_is(d, d->published_span, "March 14, 2021 09:32 AM") &&
              span_is(d, d->section, "World News") && label && tail,
          "stamp_label: the timestamp's label and tail are metadata");
    lede_doc_free(d);
    free(text);
  }
  /* a dateline alone on its line swallowed the wrapped line after it */
  {
    lede_doc *d = NULL;
    const char *text = "LONDON 1996-08-30\nshares closed higher on Friday.\n";
    lede_parse(jit, text, strlen(text), NULL, &d, NULL, 0);
    CHECK(d && span_is(d, d->lead, "shares closed higher on Friday.") &&
              span_is(d, d->dateline.span, "LONDON 1996-08-30"),
          "dateline_line_wrapped: the line after the dateline is the lead");
    lede_doc_free(d);
  }
}

/* Users' anchored patterns ('after' is PCRE2_ANCHORED, 'before'
 * PCRE2_ENDANCHORED) met PCRE2 10.42's interpreter bug: it let them start
 * after (end before) an invalid UTF-8 sequence, so an engine without JIT
 * (which now runs users' patterns with the interpreter too) found matches
 * the JIT did not. */
static void test_rules_engines(void) {
  lede_status st;
  lede_ruleset *rs = lede_ruleset_new(NULL, &st);
  lede_rule_opts o;
  memset(&o, 0, sizeof o);
  o.name = "after";
  o.type = LEDE_T_ORG;
  o.after = "abc";
  char err[300];
  int a = lede_ruleset_add_regex(rs, &o, "\\bZed\\b", 7, err, sizeof err);
  o.name = "before";
  o.after = NULL;
  o.before = "xyz ";
  int b = lede_ruleset_add_regex(rs, &o, "\\bQux\\b", 7, err, sizeof err);
  CHECK(a > 0 && b > 0, "two rules: %s", err);
  const char *text = "A headline over the story\n\nThe town council met Zed\xff" "abc on Tuesday, and "
                     "xyz\xff Qux said the plan to rebuild the old sea wall would go ahead this spring.\n";
  lede_options opt;
  memset(&opt, 0, sizeof opt);
  opt.rules = rs;
  lede_doc *dj = NULL, *dn = NULL;
  lede_parse(jit, text, strlen(text), &opt, &dj, NULL, 0);
  lede_parse(nojit, text, strlen(text), &opt, &dn, NULL, 0);
  const char *jj = "", *jn = "";
  if (dj) lede_doc_json(dj, 0, &jj, NULL);
  if (dn) lede_doc_json(dn, 0, &jn, NULL);
  CHECK(dj && dn && strcmp(jj, jn) == 0 && !strstr(jj, "\"after\"") && !strstr(jj, "\"before\""),
        "users' anchored contexts: JIT and interpreter agree across an invalid byte");
  lede_doc_free(dj);
  lede_doc_free(dn);
  lede_ruleset_free(rs);
}

/* A caller's zone was taken whatever its size: 27:30 east of UTC came out
 * in 'published' (fuzz_pipeline). Zones beyond +-18:00 are refused, as the
 * Lua binding and lx_parse_iso refuse them. */
static void test_zone_option(void) {
  const char *text = "Markets rally\n\nMarch 14, 2021 09:32 AM\n\nShares closed higher on Friday "
                     "after the central bank held its rate.\n";
  lede_options o;
  memset(&o, 0, sizeof o);
  o.has_tz = 1;
  int zones[] = {18 * 60, -18 * 60, 18 * 60 + 1, -(18 * 60 + 1), 27 * 60 + 30, 0x7fffffff};
  for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
    o.tz_minutes = zones[i];
    lede_doc *d = NULL;
    char err[200] = "";
    lede_status st = lede_parse(jit, text, strlen(text), &o, &d, err, sizeof err);
    int ok = i < 2 ? st == LEDE_OK && d && d->published && strstr(d->published, i ? "-18:00" : "+18:00")
                   : st == LEDE_EINVAL && !d && strstr(err, "out of range");
    CHECK(ok, "zone option of %d minutes: %s (%s)", zones[i], lede_status_string(st), err);
    lede_doc_free(d);
  }
}

int main(int argc, char **argv) {
  lede_status st;
  jit = lede_engine_new(NULL, &st);
  nojit = lede_engine_new_with(NULL, LEDE_ENGINE_NO_JIT, &st);
  if (!jit || !nojit) {
    fprintf(stderr, "no engine: %s\n", lede_status_string(st));
    return 1;
  }
  test_fixtures(argc > 1 ? argv[1] : "tests/fixtures/regress");
  test_fields();
  test_rules_engines();
  test_zone_option();
  lede_engine_free(jit);
  lede_engine_free(nojit);
  fprintf(stderr, "%d passed, %d failed, 0 skipped\n", passed, failed);
  return failed ? 1 : 0;
}
