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
 *  - The Lua binding under a Lua allocator that fails (opening the module,
 *    parsing, reading fields and entities, JSON): a Lua memory error or the
 *    same result, never a crash; the state stays usable after the error
 *    and lua_close leaves no Lua block, nor C memory (unless Lua dropped a
 *    finalizer, see c_bytes below).
 * The binary is built with ASan+UBSan: a use after free or a leak anywhere
 * on these paths fails it too.
 */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "../../fuzz/common.h"

int luaopen_lede_core(lua_State *L);

#include "check.h"

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
 * unconstrained parse. With warm set, each parse gets a scratch that an
 * unconstrained parse filled first (so its vectors are reused, not
 * allocated), freed after it. Returns the number of runs. */
static long sweep_parse(lede_engine *e, const char *ref, int sticky, int warm, const char *what) {
  lede_options o = article_options();
  long n, bad = 0, enomem = 0;
  for (n = 1;; n++) {
    long live0 = S.live;
    o.scratch = NULL;
    if (warm) {
      lede_doc *w = NULL;
      o.scratch = lede_scratch_new(e);
      lede_parse(e, article, sizeof article - 1, &o, &w, NULL, 0);
      lede_doc_free(w);
    }
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
    lede_scratch_free(o.scratch);
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
      sweep_parse(e, ref, 0, 0, nojit ? "parse, interpreter, n-th call fails"
                                      : "parse, JIT, n-th call fails");
      sweep_parse(e, ref, 1, 0, nojit ? "parse, interpreter, every call from the n-th fails"
                                      : "parse, JIT, every call from the n-th fails");
      sweep_parse(e, ref, 0, 1, nojit ? "parse with a used scratch, interpreter, n-th call fails"
                                      : "parse with a used scratch, JIT, n-th call fails");
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

/* ---- Lua ------------------------------------------------------------------------- */

typedef struct lua_alloc_state {
  long calls, fail_at, failures;
  long blocks;
  int active, sticky;
} lua_alloc_state;

static void *l_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  lua_alloc_state *s = (lua_alloc_state *)ud;
  if (nsize == 0) {
    if (ptr) s->blocks--;
    free(ptr);
    return NULL;
  }
  /* Lua assumes shrinking never fails */
  int grows = !ptr || nsize > osize;
  if (s->active && grows) {
    s->calls++;
    if (s->calls == s->fail_at || (s->sticky && s->calls > s->fail_at)) {
      s->failures++;
      return NULL;
    }
  }
  void *p = realloc(ptr, nsize);
  if (p && !ptr) s->blocks++;
  return p;
}

/* Lua 5.4 drops a finalizer that fails to run: when memory is exhausted at
 * the moment the collector calls a __gc (growing the stack for the call),
 * Lua warns "error in __gc" and the C object behind it (a document, an
 * engine) is never freed. That is the runtime's rule, not the binding's
 * leak, so the Lua runs are measured instead of left to LeakSanitizer: the
 * bytes allocated (ASan's count) before a state and after lua_close must
 * be equal, unless Lua warned that it dropped a finalizer. */
size_t __sanitizer_get_current_allocated_bytes(void);
void __lsan_disable(void);
void __lsan_enable(void);

static long gc_warnings;

static void warnf(void *ud, const char *msg, int tocont) {
  (void)ud;
  (void)tocont;
  if (strstr(msg, "__gc")) gc_warnings++;
}

typedef struct c_bytes {
  size_t before;
  long warnings;
} c_bytes;

static void c_bytes_start(c_bytes *b) {
  __lsan_disable();
  b->before = __sanitizer_get_current_allocated_bytes();
  b->warnings = gc_warnings;
}

/* Bytes the C side kept after lua_close, and whether Lua dropped a
 * finalizer meanwhile (then *excused is set). */
static size_t c_bytes_left(c_bytes *b, int *excused) {
  size_t now = __sanitizer_get_current_allocated_bytes();
  __lsan_enable();
  *excused = gc_warnings > b->warnings;
  return now > b->before ? now - b->before : 0;
}

/* Opening the module and making an engine. */
static const char lua_open[] =
    "local open = ...\n"
    "local core = open()\n"
    "local eng = core.engine(false)\n"
    "return tostring(eng ~= nil) .. core.version\n";

/* The work the binding does for a host: parse, read every field, the
 * entities, JSON out and back. */
static const char lua_work[] =
    "local core, eng, text = ...\n"
    "eng:set_limits({ max_entities = 1000, time_budget = 60 })\n"
    "local doc = eng:parse(text, { date = '2021-03-14', tz = '+09:00', source = 'Yonhap',\n"
    "                              skip = { 'quotes' } })\n"
    "local out = {}\n"
    "for _, k in ipairs({ 'title', 'section', 'published', 'byline', 'dateline', 'lead', 'body',\n"
    "    'paragraphs', 'captions', 'quotes', 'boilerplate', 'offsets', 'warnings' }) do\n"
    "  out[k] = doc[k]\n"
    "end\n"
    "local ents = doc.entities\n"
    "out.n_entities = #ents\n"
    "out.entities = ents:list()\n"
    "for i, t, s, e in ents:spans() do out[#out + 1] = t end\n"
    "local j = doc:json(true)\n"
    "out.json = core.json_decode(j)\n"
    "return core.json_encode(out) .. tostring(doc):sub(1, 8)\n";

/* Calls the chunk on top of the stack with nargs arguments under the
 * failing allocator; returns the pcall status and the result or message. */
static int call_failing(lua_State *L, lua_alloc_state *s, int nargs, long fail_at, int sticky,
                        char *res, size_t ressz) {
  s->calls = s->failures = 0;
  s->fail_at = fail_at;
  s->sticky = sticky;
  s->active = fail_at > 0;
  int rc = lua_pcall(L, nargs, 1, 0);
  s->active = 0;
  const char *r = lua_tostring(L, -1);
  snprintf(res, ressz, "%s", r ? r : "(no message)");
  lua_pop(L, 1);
  return rc;
}

/* A failure is a Lua memory error, or an error whose message says memory. */
static int memory_error(int rc, const char *msg) {
  return rc == LUA_ERRMEM || strstr(msg, "memory") != NULL;
}

static void test_lua_open(void) {
  static char ref[4096], res[4096];
  long n, bad = 0, errs = 0, dropped = 0;
  for (n = 0;; n++) {
    lua_alloc_state s = {0, 0, 0, 0, 0, 0};
    c_bytes cb;
    c_bytes_start(&cb);
    lua_State *L = lua_newstate(l_alloc, &s);
    lua_setwarnf(L, warnf, NULL);
    luaL_openlibs(L);
    luaL_loadstring(L, lua_open);
    lua_pushcfunction(L, luaopen_lede_core);
    int rc = call_failing(L, &s, 1, n, 1, n ? res : ref, sizeof res);
    long reached = s.failures;
    lua_close(L);
    int excused;
    size_t left = c_bytes_left(&cb, &excused);
    if (left && !excused) {
      bad++;
      fprintf(stderr, "lua open: n=%ld: %zu bytes of C memory left\n", n, left);
    }
    dropped += left && excused;
    if (n == 0) {
      CHECK(rc == LUA_OK, "Lua: the module opens, an engine is made: %s", ref);
      if (rc != LUA_OK) return;
      continue;
    }
    if (rc == LUA_OK ? strcmp(res, ref) != 0 : !memory_error(rc, res)) {
      bad++;
      fprintf(stderr, "lua open: n=%ld: %d %s\n", n, rc, res);
    }
    errs += rc != LUA_OK;
    if (s.blocks != 0) {
      bad++;
      fprintf(stderr, "lua open: n=%ld: %ld Lua blocks left\n", n, s.blocks);
    }
    if (!reached) break;
  }
  CHECK(bad == 0 && errs == n - 1,
        "Lua: opening the module and making an engine, every call from the n-th failing: "
        "%ld runs, each a memory error, nothing left after lua_close (%ld dropped finalizers)",
        n, dropped);
}

/* In one state (the module open, an engine made), the work with its n-th
 * allocation failing (sticky: and every one after), for every n; after each
 * failure the same state does the work again without failures and must
 * give the same result. */
static void test_lua_work(int sticky) {
  static char ref[1 << 16], res[1 << 16];
  lua_alloc_state s = {0, 0, 0, 0, 0, 0};
  c_bytes cb;
  c_bytes_start(&cb);
  lua_State *L = lua_newstate(l_alloc, &s);
  lua_setwarnf(L, warnf, NULL);
  luaL_openlibs(L);
  lua_pushcfunction(L, luaopen_lede_core);
  lua_call(L, 0, 1);
  int core = lua_gettop(L);
  lua_getfield(L, core, "engine");
  lua_call(L, 0, 1);
  int eng = lua_gettop(L);
  lua_pushlstring(L, article, sizeof article - 1);
  int text = lua_gettop(L);
#define PUSH_WORK()                  \
  do {                               \
    luaL_loadstring(L, lua_work);    \
    lua_pushvalue(L, core);          \
    lua_pushvalue(L, eng);           \
    lua_pushvalue(L, text);          \
  } while (0)
  PUSH_WORK();
  int rc = call_failing(L, &s, 3, 0, 0, ref, sizeof ref);
  CHECK(rc == LUA_OK, "Lua: the work runs: %.200s", rc ? ref : "ok");
  if (rc != LUA_OK) {
    lua_close(L);
    int excused;
    c_bytes_left(&cb, &excused);
    return;
  }
  long n, bad = 0, errs = 0;
  for (n = 1;; n++) {
    PUSH_WORK();
    rc = call_failing(L, &s, 3, n, sticky, res, sizeof res);
    long reached = s.failures;
    if (rc == LUA_OK ? strcmp(res, ref) != 0 : !memory_error(rc, res)) {
      bad++;
      fprintf(stderr, "lua work: n=%ld: %d %.200s\n", n, rc, res);
    }
    if (rc != LUA_OK) {
      errs++;
      /* the state and the engine still work */
      lua_gc(L, LUA_GCCOLLECT, 0);
      PUSH_WORK();
      rc = call_failing(L, &s, 3, 0, 0, res, sizeof res);
      if (rc != LUA_OK || strcmp(res, ref) != 0) {
        bad++;
        fprintf(stderr, "lua work: n=%ld: the work fails after the error: %.200s\n", n, res);
      }
    }
    if (!reached) break;
  }
  lua_close(L);
  int excused;
  size_t left = c_bytes_left(&cb, &excused);
  if (left && !excused) {
    bad++;
    fprintf(stderr, "lua work: %zu bytes of C memory left\n", left);
  }
  /* (one failed call alone rarely shows: Lua collects and tries again) */
  CHECK(bad == 0 && (errs > 0 || !sticky) && s.blocks == 0,
        "Lua: the work with %s: %ld runs (%ld memory errors), each a memory error or the same "
        "result, the state usable after each, nothing left after lua_close%s",
        sticky ? "every call from the n-th failing" : "the n-th call failing", n, errs,
        left ? " (but for finalizers Lua dropped)" : "");
}

static void test_lua(void) {
  test_lua_open();
  test_lua_work(0);
  test_lua_work(1);
}

int main(void) {
  A = fz_allocator(&S);
  test_parse();
  test_engine(LEDE_ENGINE_NO_JIT, "engine without JIT, n-th call fails");
  test_engine(0, "engine with JIT, n-th call fails");
  test_lua();
  fprintf(stderr, "%d passed, %d failed, 0 skipped\n", passed, failed);
  return failed ? 1 : 0;
}
