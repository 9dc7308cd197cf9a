/*
 * libFuzzer harness: the binding's JSON decoder and encoder (lua_json.c),
 * which read users' JSON lines in the command. It links liblua (this test
 * binary may; the module never does).
 *
 * Any input decodes to a value or raises a Lua error (never a crash). A
 * decoded value encodes (unless it holds a number JSON cannot write) to
 * valid JSON; when the input is valid UTF-8, decoding that JSON gives the
 * same value back, and encoding it again gives the same text.
 */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "../plugin/lua/binding.h"
#include "common.h"

/* a state per input, closed after it: everything an input allocated is
 * freed before libFuzzer compares mallocs and frees (else it scans for
 * leaks after every input) */
static lua_State *L;

/* Whether the values at a and b are the same (tables deeply; numbers by
 * value, as Lua compares them). */
static int same(int a, int b, int depth) {
  int ta = lua_type(L, a), tb = lua_type(L, b);
  if (ta != tb) return 0;
  if (ta != LUA_TTABLE) return lua_rawequal(L, a, b) || lua_compare(L, a, b, LUA_OPEQ);
  if (depth > 600) return 0;
  /* each level pushes three values: the stack must have room for them
   * (the C API does not check; it once overflowed here, corrupting the
   * heap, which ASan saw only when Lua freed a block later) */
  if (!lua_checkstack(L, 4)) return 0;
  a = lua_absindex(L, a);
  b = lua_absindex(L, b);
  size_t na = 0, nb = 0;
  lua_pushnil(L);
  while (lua_next(L, a)) {
    na++;
    lua_pushvalue(L, -2);
    lua_rawget(L, b);
    int ok = same(-2, -1, depth + 1);
    lua_pop(L, 2);
    if (!ok) {
      lua_pop(L, 1);
      return 0;
    }
  }
  lua_pushnil(L);
  while (lua_next(L, b)) {
    nb++;
    lua_pop(L, 1);
  }
  return na == nb;
}

static int call1(lua_CFunction f, int arg) {
  lua_pushcfunction(L, f);
  lua_pushvalue(L, arg);
  return lua_pcall(L, 1, 1, 0);
}

static int test_one(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  L = luaL_newstate();
  test_one(data, size);
  lua_close(L);
  L = NULL;
  return 0;
}

static int test_one(const uint8_t *data, size_t size) {
  lua_settop(L, 0);
  lua_pushlstring(L, (const char *)data, size); /* 1: the input */
  if (call1(lede_json_decode, 1) != LUA_OK) {
    /* an error names its byte */
    const char *m = lua_tostring(L, -1);
    FZ_ASSERT(m && strstr(m, "lede.json: ") && strstr(m, " at byte "), "decode error: %s",
              m ? m : "(not a string)");
    return 0;
  }
  /* 2: the value */
  if (call1(lede_json_encode, 2) != LUA_OK) {
    const char *m = lua_tostring(L, -1);
    FZ_ASSERT(m && (strstr(m, "cannot encode NaN") || strstr(m, "cannot encode infinity")),
              "encode error: %s", m ? m : "(not a string)");
    return 0;
  }
  /* 3: its JSON */
  size_t n;
  const char *j = lua_tolstring(L, 3, &n);
  FZ_ASSERT(fz_json_valid(j, n), "encoded JSON is valid: %.*s", (int)LX_MIN(n, 2000), j);
  FZ_ASSERT(fz_utf8_valid(j, n), "encoded JSON is UTF-8");
  if (!fz_utf8_valid((const char *)data, size)) return 0;
  FZ_ASSERT(call1(lede_json_decode, 3) == LUA_OK, "the encoded JSON decodes: %s",
            lua_tostring(L, -1));
  /* 4: the value again */
  FZ_ASSERT(same(2, 4, 0), "decode(encode(v)) is v; JSON %.*s", (int)LX_MIN(n, 2000), j);
  FZ_ASSERT(call1(lede_json_encode, 4) == LUA_OK, "encode again");
  size_t n2;
  const char *j2 = lua_tolstring(L, 5, &n2);
  FZ_ASSERT(n == n2 && memcmp(j, j2, n) == 0, "encoding is stable: %.*s vs %.*s",
            (int)LX_MIN(n, 500), j, (int)LX_MIN(n2, 500), j2);
  return 0;
}
