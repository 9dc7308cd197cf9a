/*
 * The one compatibility section of the binding: Lua 5.1 (and LuaJIT), 5.2,
 * 5.3 and 5.4 behind the 5.4 names the binding uses.
 */
#ifndef LEDE_LUA_COMPAT_H
#define LEDE_LUA_COMPAT_H

#include <lauxlib.h>
#include <lua.h>

#if defined(__GNUC__)
#define LEDE_COMPAT_FN static __attribute__((unused))
#else
#define LEDE_COMPAT_FN static
#endif

#ifndef LUA_OK
#define LUA_OK 0
#endif

#if LUA_VERSION_NUM < 502
/* Lua 5.1 and LuaJIT */
#ifndef luaL_newlibtable
#define luaL_newlibtable(L, l) lua_createtable(L, 0, sizeof(l) / sizeof((l)[0]) - 1)
#endif
#ifndef luaL_newlib
#define luaL_newlib(L, l) (luaL_newlibtable(L, l), luaL_setfuncs(L, l, 0))
#endif
#define lua_rawlen(L, i) lua_objlen(L, i)

/* LuaJIT 2.1 declares luaL_setfuncs, luaL_testudata and luaL_setmetatable,
 * plain 5.1 does not, and only luajit.h tells them apart: the binding uses
 * its own, under the 5.2 names. */
LEDE_COMPAT_FN void lede_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  luaL_checkstack(L, nup, "too many upvalues");
  for (; l->name; l++) {
    for (int i = 0; i < nup; i++) lua_pushvalue(L, -nup);
    lua_pushcclosure(L, l->func, nup);
    lua_setfield(L, -(nup + 2), l->name);
  }
  lua_pop(L, nup);
}
LEDE_COMPAT_FN void *lede_testudata(lua_State *L, int i, const char *tname) {
  void *p = lua_touserdata(L, i);
  if (!p || !lua_getmetatable(L, i)) return NULL;
  luaL_getmetatable(L, tname);
  int same = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  return same ? p : NULL;
}
LEDE_COMPAT_FN void lede_setmetatable(lua_State *L, const char *tname) {
  luaL_getmetatable(L, tname);
  lua_setmetatable(L, -2);
}
#define luaL_setfuncs lede_setfuncs
#define luaL_testudata lede_testudata
#define luaL_setmetatable lede_setmetatable
#endif /* < 5.2 */

#if LUA_VERSION_NUM < 503
#define lua_isinteger(L, i) 0
#endif

#if LUA_VERSION_NUM < 504
/* One user value per userdata, kept in a table (5.1: the environment). */
LEDE_COMPAT_FN void *lua_newuserdatauv(lua_State *L, size_t size, int nuv) {
  void *p = lua_newuserdata(L, size);
  if (nuv > 0) {
    lua_createtable(L, nuv, 0);
#if LUA_VERSION_NUM < 502
    lua_setfenv(L, -2);
#else
    lua_setuservalue(L, -2);
#endif
  }
  return p;
}
LEDE_COMPAT_FN int lua_getiuservalue(lua_State *L, int idx, int n) {
#if LUA_VERSION_NUM < 502
  lua_getfenv(L, idx);
#else
  lua_getuservalue(L, idx);
#endif
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    lua_pushnil(L);
    return LUA_TNIL;
  }
  lua_rawgeti(L, -1, n);
  lua_remove(L, -2);
  return lua_type(L, -1);
}
LEDE_COMPAT_FN int lua_setiuservalue(lua_State *L, int idx, int n) {
  idx = idx < 0 && idx > LUA_REGISTRYINDEX ? lua_gettop(L) + idx + 1 : idx;
#if LUA_VERSION_NUM < 502
  lua_getfenv(L, idx);
#else
  lua_getuservalue(L, idx);
#endif
  lua_pushvalue(L, -2);
  lua_rawseti(L, -2, n);
  lua_pop(L, 2);
  return 1;
}
#endif /* < 5.4 */

/* Lua 5.1 has no integers: numbers are doubles, which hold every offset. */
LEDE_COMPAT_FN void lede_pushint(lua_State *L, long long v) {
#if LUA_VERSION_NUM >= 503
  lua_pushinteger(L, (lua_Integer)v);
#else
  lua_pushnumber(L, (lua_Number)v);
#endif
}

#endif
