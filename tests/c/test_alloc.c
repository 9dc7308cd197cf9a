/*
 * Allocation failure, as SQLite and cmark test it: an allocator that fails
 * the n-th call, for n = 1, 2, ... until a run makes fewer calls than n.
 *
 *  - A parse (and its JSON) of a realistic article: every run returns
 *    LEDE_OK with the very document of an unconstrained parse, or
 *    LEDE_ENOMEM with every block freed. Once with only the n-th call
 *    failing, once with every call from the n-th on failing.
 *  - Engine creation, with JIT and without: NULL with LEDE_ENOMEM and
 *    nothing left, and an engine only when no call failed.
 *  - The Lua binding under a Lua allocator that fails: a Lua error (or the
 *    same result), never a crash, and lua_close leaves no Lua block.
 * The binary is built with ASan+UBSan: a use after free or a leak anywhere
 * on these paths fails it too.
 */
#include "../../fuzz/common.h"

static int passed, failed;

#define CHECK(cond, ...)                              \
  do {                                                \
    if (cond) {                                       \
      passed++;                                       \
      printf("ok - ");                                \
    } else {                                          \
      failed++;                                       \
      printf("not ok - %s:%d: ", __FILE__, __LINE__); \
    }                                                 \
    printf(__VA_ARGS__);                              \
    putchar('\n');                                    \
    fflush(stdout);                                   \
  } while (0)

/* An invented article with every part the structure stage looks for. */
static const char article[] =
    "Skip to main content\n"
    "Home | World | Business | Sport\n"
    "\n"
    "World News\n"
    "\n"
    "Harbour town votes to rebuild its old sea wall\n"
    "\n"
    "Published: March 14, 2021 09:32 AM | 3 min read\n"
    "\n"
    "By Mara Quill and Tobin Esk, Staff Writers\n"
    "\n"
    "PORT ELLIN, March 13 (Yonhap) -- The council of Port Ellin voted on Saturday to "
    "rebuild the sea wall that storms breached twice last winter, Mayor Ana Ruiz said.\n"
    "\n"
    "The plan will cost 12.5 million euros over three years, and work starts in May.\n"
    "\n"
    "\xe2\x80\x9cWe cannot wait another winter,\xe2\x80\x9d Ruiz told reporters at city hall. "
    "\"The sea does not wait for budgets.\"\n"
    "\n"
    "This photo, provided by the city, shows waves over the old wall on Jan. 9. (Yonhap)\n"
    "\n"
    "Engineers from the U.S. Army Corps of Engineers and Japan's port bureau will "
    "advise the town, which has 28,500 residents.\n"
    "\n"
    "(Reporting by Mara Quill; Editing by Ada Venn)\n"
    "\n"
    "Related\n"
    "Storm season ends early in the south\n"
    "\n"
    "Share this article\n"
    "Twitter Facebook Email\n"
    "\n"
    "\xc2\xa9 2021 Example Media Inc. All Rights Reserved.\n";

static fz_alloc_state S;
static lede_allocator A;

static lede_options article_options(void) {
  lede_options o;
  memset(&o, 0, sizeof o);
  o.ref_date = "2021-03-14";
  o.tz_minutes = 540;
  o.has_tz = 1;
  o.source = "Yonhap";
  return o;
}

/* The compact JSON of a parse, malloc'd (not through A), or NULL. */
static char *json_of(lede_doc *d) {
  const char *j;
  size_t n;
  if (lede_doc_json(d, 0, &j, &n) != LEDE_OK) return NULL;
  char *copy = (char *)malloc(n + 1);
  memcpy(copy, j, n + 1);
  return copy;
}

/* Every n along a parse of the article with engine e; ref is the JSON of an
 * unconstrained parse. Returns the number of runs. */
static long sweep_parse(lede_engine *e, const char *ref, int sticky, const char *what) {
  lede_options o = article_options();
  long n, bad = 0, enomem = 0;
  for (n = 1;; n++) {
    long live0 = S.live;
    S.calls = S.failures = 0;
    S.fail_at = n;
    S.sticky = sticky;
    lede_doc *d = NULL;
    char err[256];
    lede_status st = lede_parse(e, article, sizeof article - 1, &o, &d, err, sizeof err);
    int reached = S.failures > 0;
    if (st == LEDE_OK) {
      /* a parse never takes a failed allocation for an answer ("not found",
       * "no match"): it fails with ENOMEM */
      if (reached) {
        bad++;
        fprintf(stderr, "%s: n=%ld: the allocation failed, the parse went on\n", what, n);
      }
      /* the JSON may fail too; the document stays usable and, asked
       * again without failures, writes the same JSON */
      S.calls = S.failures = 0;
      char *j = json_of(d);
      S.fail_at = 0;
      if (!j) j = json_of(d);
      if (!j || strcmp(j, ref) != 0) {
        bad++;
        fprintf(stderr, "%s: n=%ld: a document that differs\n", what, n);
      }
      free(j);
      lede_doc_free(d);
    } else {
      enomem++;
      if (st != LEDE_ENOMEM || d || !reached || strcmp(err, "out of memory") != 0) {
        bad++;
        fprintf(stderr, "%s: n=%ld: status %s (%s)\n", what, n, lede_status_string(st), err);
      }
    }
    S.fail_at = 0;
    if (S.live != live0) {
      bad++;
      fprintf(stderr, "%s: n=%ld: %ld blocks left\n", what, n, S.live - live0);
    }
    if (!reached) break; /* the whole run made fewer than n calls */
  }
  CHECK(bad == 0 && enomem > 0,
        "%s: %ld runs (%ld out of memory), each the same document or ENOMEM, no block left",
        what, n, enomem);
  return n;
}

static void test_parse(void) {
  lede_status st;
  lede_options o = article_options();
  for (int nojit = 0; nojit < 2; nojit++) {
    lede_engine *e = lede_engine_new_with(&A, nojit ? LEDE_ENGINE_NO_JIT : 0, &st);
    CHECK(e != NULL, "engine %s", nojit ? "without JIT" : "with JIT");
    if (!e) continue;
    lede_doc *d = NULL;
    lede_parse(e, article, sizeof article - 1, &o, &d, NULL, 0);
    char *ref = d ? json_of(d) : NULL;
    CHECK(ref && d->dateline.span.start != LEDE_NONE && d->n_byline == 2 && d->n_captions == 1 &&
              d->n_boilerplate >= 4 && d->published && d->title.start != LEDE_NONE,
          "the article has a dateline, a byline, a caption, boilerplate, a date and a title");
    lede_doc_free(d);
    if (ref) {
      sweep_parse(e, ref, 0, nojit ? "parse, interpreter, n-th call fails"
                                   : "parse, JIT, n-th call fails");
      sweep_parse(e, ref, 1, nojit ? "parse, interpreter, every call from the n-th fails"
                                   : "parse, JIT, every call from the n-th fails");
    }
    free(ref);
    lede_engine_free(e);
  }
  CHECK(S.live == 0, "every block freed (%ld left)", S.live);
}

static void test_engine(unsigned flags, const char *what) {
  lede_options o = article_options();
  lede_status st;
  lede_engine *e0 = lede_engine_new_with(NULL, flags, &st);
  lede_doc *d0 = NULL;
  lede_parse(e0, article, sizeof article - 1, &o, &d0, NULL, 0);
  char *ref = json_of(d0);
  lede_doc_free(d0);
  lede_engine_free(e0);
  long n, bad = 0, nulls = 0;
  for (n = 1;; n++) {
    S.calls = S.failures = 0;
    S.fail_at = n;
    S.sticky = 0;
    lede_engine *e = lede_engine_new_with(&A, flags, &st);
    int reached = S.failures > 0;
    S.fail_at = 0;
    if (e && reached) {
      bad++;
      fprintf(stderr, "%s: n=%ld: an allocation failed, the engine was made\n", what, n);
    }
    if (!e) {
      nulls++;
      if (st != LEDE_ENOMEM || !reached) {
        bad++;
        fprintf(stderr, "%s: n=%ld: status %s\n", what, n, lede_status_string(st));
      }
    } else {
      /* an engine made after the failing call parses as any other */
      lede_doc *d = NULL;
      lede_parse(e, article, sizeof article - 1, &o, &d, NULL, 0);
      char *j = d ? json_of(d) : NULL;
      if (!j || strcmp(j, ref) != 0) {
        bad++;
        fprintf(stderr, "%s: n=%ld: created, but parses differently\n", what, n);
      }
      free(j);
      lede_doc_free(d);
      lede_engine_free(e);
    }
    if (S.live != 0) {
      bad++;
      fprintf(stderr, "%s: n=%ld: %ld blocks left\n", what, n, S.live);
      S.live = 0;
    }
    if (!reached) break;
  }
  CHECK(bad == 0 && nulls == n - 1,
        "%s: %ld runs (%ld failed), each ENOMEM with nothing left, or no failure", what, n,
        nulls);
  free(ref);
}

int main(void) {
  A = fz_allocator(&S);
  test_parse();
  test_engine(LEDE_ENGINE_NO_JIT, "engine without JIT, n-th call fails");
  test_engine(0, "engine with JIT, n-th call fails");
  fprintf(stderr, "%d passed, %d failed, 0 skipped\n", passed, failed);
  return failed ? 1 : 0;
}
