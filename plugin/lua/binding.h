/* Functions shared by the files of the Lua binding. */
#ifndef LEDE_BINDING_H
#define LEDE_BINDING_H

#include <lua.h>

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

extern void *const lede_json_null;
int lede_json_decode(lua_State *L);
int lede_json_encode(lua_State *L);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif
#endif
