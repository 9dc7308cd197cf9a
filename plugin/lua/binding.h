/* Functions shared by the files of the Lua binding. */
#ifndef LEDE_BINDING_H
#define LEDE_BINDING_H

#include <stdio.h>
#include <lua.h>

#include "../lede.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

extern void *const lede_json_null;

/* keeper.c: C objects owned by Lua values, freed by their __gc, or by the
 * keeper when the state closes if a finalizer was lost. lede_keep links a
 * node (its obj set by the caller once made) and raises on no memory. */
typedef struct lede_owned lede_owned;
void lede_keeper_open(lua_State *L);
lede_owned *lede_keep(lua_State *L, void (*free_fn)(void *));
/* The same with the keeper at stack index `index` (lede_keeper_push pushes
 * it): a caller that keeps it as an upvalue skips the registry's lookup. */
lede_owned *lede_keep_at(lua_State *L, int index, void (*free_fn)(void *));
void lede_keeper_push(lua_State *L);
void lede_release(lede_owned *o);
void lede_owned_set(lede_owned *o, void *obj);

/* rules_lua.c */
typedef struct lede_ruleset_ud {
  lede_ruleset *rs;
  lede_owned *own;
  lua_State *L; /* the thread of the parse running its callbacks */
  int index;    /* where the userdata sits on that thread's stack */
  int base;     /* the stack top to restore */
} lede_ruleset_ud;

lede_ruleset_ud *lede_check_ruleset(lua_State *L, int i);
void lede_ruleset_bind(lua_State *L, lede_ruleset_ud *r, int index);
void lede_ruleset_unbind(lede_ruleset_ud *r);
void lede_open_rules(lua_State *L);
int lede_json_decode(lua_State *L);
int lede_json_encode(lua_State *L);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif
#endif
