/*
 * No global mutable state: parses running at once in several threads give
 * the results one thread gives.
 *  - Two Lua states in two threads, each with its own lede module and
 *    instance, parse the same articles many times over; every result
 *    equals the result of one state alone.
 *  - One engine shared by four threads (an engine is immutable once built),
 *    with JIT and without.
 * Built with ThreadSanitizer: a data race anywhere fails it. The static side
 * (no writable global in the module's objects) is checked by
 * tests/reliability_c_spec.lua.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <pthread.h>

#include "../../fuzz/common.h"

int luaopen_lede_core(lua_State *L);

#include "check.h"

#define MAX_TEXTS 64
static char *texts[MAX_TEXTS];
static size_t text_lens[MAX_TEXTS];
static size_t ntexts;

static void add_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f || ntexts == MAX_TEXTS) {
    if (f) fclose(f);
    return;
  }
  fseek(f, 0, SEEK_END);
  long sz = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = (char *)malloc((size_t)sz + 1);
  text_lens[ntexts] = fread(p, 1, (size_t)sz, f);
  p[text_lens[ntexts]] = 0;
  texts[ntexts++] = p;
  fclose(f);
}

static void add_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *de;
  char *names[MAX_TEXTS];
  size_t k = 0;
  while ((de = readdir(d)) && k < MAX_TEXTS)
    if (strstr(de->d_name, ".txt")) names[k++] = strdup(de->d_name);
  closedir(d);
  for (size_t i = 0; i < k; i++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    add_file(path);
    free(names[i]);
  }
}

/* ---- Lua states ------------------------------------------------------------------ */

/* Each state loads lede from lua/ (the module's Lua side) with lede.core
 * linked in, and returns the JSON of every text, `rounds` times over. */
static const char lua_work[] =
    "local rounds, texts = ...\n"
    "local lede = require 'lede'\n"
    "local inst = lede.new({ limits = { max_entities = 100000 } })\n"
    "local out\n"
    "for r = 1, rounds do\n"
    "  local parts = {}\n"
    "  for i, t in ipairs(texts) do\n"
    "    local d\n"
    "    if i % 2 == 0 then d = inst:parse(t, { tz = '+09:00', source = 'Yonhap' })\n"
    "    else d = lede.parse(t, { date = '2020-05-06' }) end\n"
    "    parts[#parts + 1] = d:json()\n"
    "    parts[#parts + 1] = lede.json.encode(d:to_table())\n"
    "  end\n"
    "  local s = table.concat(parts, '\\n')\n"
    "  if out and s ~= out then error('round ' .. r .. ' differs from round 1') end\n"
    "  out = s\n"
    "  collectgarbage()\n"
    "end\n"
    "return out\n";

typedef struct lua_job {
  int rounds;
  char *result; /* malloc'd */
  char error[512];
} lua_job;

static void *run_lua(void *arg) {
  lua_job *job = (lua_job *)arg;
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  /* package.path to lua/, lede.core preloaded from this binary */
  (void)luaL_dostring(L, "package.path = 'lua/?.lua;lua/?/init.lua;' .. package.path");
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "preload");
  lua_pushcfunction(L, luaopen_lede_core);
  lua_setfield(L, -2, "lede.core");
  lua_pop(L, 2);
  if (luaL_loadstring(L, lua_work) != LUA_OK) {
    snprintf(job->error, sizeof job->error, "%s", lua_tostring(L, -1));
    lua_close(L);
    return NULL;
  }
  lua_pushinteger(L, job->rounds);
  lua_createtable(L, (int)ntexts, 0);
  for (size_t i = 0; i < ntexts; i++) {
    lua_pushlstring(L, texts[i], text_lens[i]);
    lua_rawseti(L, -2, (int)i + 1);
  }
  if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
    snprintf(job->error, sizeof job->error, "%s", lua_tostring(L, -1));
  } else {
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    job->result = (char *)malloc(n + 1);
    memcpy(job->result, s, n + 1);
  }
  lua_close(L);
  return NULL;
}

static void test_lua_states(void) {
  lua_job alone = {1, NULL, ""};
  run_lua(&alone);
  CHECK(alone.result != NULL, "one Lua state parses %zu articles: %s", ntexts,
        alone.result ? "ok" : alone.error);
  if (!alone.result) return;
  lua_job jobs[2] = {{25, NULL, ""}, {25, NULL, ""}};
  pthread_t th[2];
  for (int i = 0; i < 2; i++) pthread_create(&th[i], NULL, run_lua, &jobs[i]);
  for (int i = 0; i < 2; i++) pthread_join(th[i], NULL);
  for (int i = 0; i < 2; i++) {
    CHECK(jobs[i].result && strcmp(jobs[i].result, alone.result) == 0,
          "Lua state %d in its own thread, 25 rounds at once with the other: %s", i + 1,
          jobs[i].result ? (strcmp(jobs[i].result, alone.result) ? "differs" : "same results")
                         : jobs[i].error);
    free(jobs[i].result);
  }
  free(alone.result);
}

/* ---- one engine, several threads ---------------------------------------------------- */

typedef struct c_job {
  const lede_engine *eng;
  char **ref; /* JSON per text */
  int rounds, bad;
} c_job;

static char *parse_json(const lede_engine *e, size_t i, const lede_options *o) {
  lede_doc *d = NULL;
  if (lede_parse(e, texts[i], text_lens[i], o, &d, NULL, 0) != LEDE_OK) return NULL;
  const char *j;
  size_t n;
  char *copy = NULL;
  if (lede_doc_json(d, 1, &j, &n) == LEDE_OK) {
    copy = (char *)malloc(n + 1);
    memcpy(copy, j, n + 1);
  }
  lede_doc_free(d);
  return copy;
}

static lede_options thread_options(void) {
  lede_options o;
  memset(&o, 0, sizeof o);
  o.ref_date = "2020-05-06T10:00:00";
  o.has_tz = 1;
  o.tz_minutes = -300;
  return o;
}

static void *run_c(void *arg) {
  c_job *job = (c_job *)arg;
  lede_options o = thread_options();
  for (int r = 0; r < job->rounds; r++) {
    for (size_t i = 0; i < ntexts; i++) {
      char *j = parse_json(job->eng, i, &o);
      if (!j || strcmp(j, job->ref[i]) != 0) job->bad++;
      free(j);
    }
  }
  return NULL;
}

static void test_shared_engine(unsigned flags, const char *what) {
  lede_status st;
  lede_engine *e = lede_engine_new_with(NULL, flags, &st);
  CHECK(e != NULL, "engine %s", what);
  if (!e) return;
  lede_options o = thread_options();
  char *ref[MAX_TEXTS];
  for (size_t i = 0; i < ntexts; i++) ref[i] = parse_json(e, i, &o);
  enum { N = 4 };
  c_job jobs[N];
  pthread_t th[N];
  for (int i = 0; i < N; i++) {
    jobs[i].eng = e;
    jobs[i].ref = ref;
    jobs[i].rounds = 20;
    jobs[i].bad = 0;
    pthread_create(&th[i], NULL, run_c, &jobs[i]);
  }
  int bad = 0;
  for (int i = 0; i < N; i++) {
    pthread_join(th[i], NULL);
    bad += jobs[i].bad;
  }
  CHECK(bad == 0, "one engine %s shared by %d threads, 20 rounds of %zu articles: %d differ", what,
        N, ntexts, bad);
  for (size_t i = 0; i < ntexts; i++) free(ref[i]);
  lede_engine_free(e);
}

int main(void) {
  add_dir("tests/fixtures");
  add_dir("tests/fixtures/regress");
  add_dir("fuzz/seeds/parse");
  add_file("examples/article.txt");
  CHECK(ntexts >= 10, "%zu articles to parse", ntexts);
  test_lua_states();
  test_shared_engine(0, "with JIT");
  test_shared_engine(LEDE_ENGINE_NO_JIT, "without JIT");
  for (size_t i = 0; i < ntexts; i++) free(texts[i]);
  fprintf(stderr, "%d passed, %d failed, 0 skipped\n", passed, failed);
  return failed ? 1 : 0;
}
