/*
 * The keeper: every C object a Lua value owns (engines, documents,
 * rulesets) is also linked in a list held by one userdata in the registry.
 * The value's __gc frees its object and unlinks it. Lua 5.4 drops a
 * finalizer that fails to start (no memory for the call when memory is
 * exhausted); what such a lost finalizer should have freed is still linked
 * here, and the keeper's own __gc frees it when the state closes. The
 * keeper is created when the module opens, before any object, so it is
 * finalized after all of them.
 */
#include <stdlib.h>
#include <string.h>

#include "binding.h"
#include "compat.h"

#define KEEPER_KEY "lede.keeper"

typedef struct keeper keeper;

struct lede_owned {
  struct lede_owned *prev, *next;
  void *obj;
  void (*free_fn)(void *obj);
  keeper *k;
};

/* Released nodes kept for the next objects: a loop over many documents
 * takes and releases one per document, a malloc and a free each without
 * them. A bound (10 KiB of nodes), so a state that once held many objects
 * does not keep their nodes. */
enum { SPARE_MAX = 256 };

struct keeper {
  lede_owned head; /* a ring: head.next is the first */
  lede_owned *spare; /* released nodes, linked by next */
  int nspare;
};

static int keeper_gc(lua_State *L) {
  keeper *k = (keeper *)lua_touserdata(L, 1);
  lede_owned *o = k->head.next;
  while (o && o != &k->head) {
    lede_owned *next = o->next;
    if (o->obj) o->free_fn(o->obj);
    free(o);
    o = next;
  }
  k->head.next = k->head.prev = &k->head;
  while (k->spare) {
    lede_owned *next = k->spare->next;
    free(k->spare);
    k->spare = next;
  }
  k->nspare = 0;
  return 0;
}

void lede_keeper_open(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, KEEPER_KEY);
  int have = lua_isuserdata(L, -1);
  lua_pop(L, 1);
  if (have) return;
  keeper *k = (keeper *)lua_newuserdatauv(L, sizeof *k, 0);
  k->head.next = k->head.prev = &k->head;
  k->head.obj = NULL;
  k->spare = NULL;
  k->nspare = 0;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, keeper_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, KEEPER_KEY);
}

void lede_keeper_push(lua_State *L) { lua_getfield(L, LUA_REGISTRYINDEX, KEEPER_KEY); }

lede_owned *lede_keep_at(lua_State *L, int index, void (*free_fn)(void *)) {
  keeper *k = (keeper *)lua_touserdata(L, index);
  if (!k) luaL_error(L, "lede: the module is not open in this state");
  lede_owned *o = k->spare;
  if (o) {
    k->spare = o->next;
    k->nspare--;
  } else {
    o = (lede_owned *)malloc(sizeof *o);
    if (!o) luaL_error(L, "lede: out of memory");
  }
  o->obj = NULL;
  o->free_fn = free_fn;
  o->k = k;
  o->next = k->head.next;
  o->prev = &k->head;
  k->head.next->prev = o;
  k->head.next = o;
  return o;
}

lede_owned *lede_keep(lua_State *L, void (*free_fn)(void *)) {
  lede_keeper_push(L);
  lede_owned *o = lede_keep_at(L, -1, free_fn);
  lua_pop(L, 1);
  return o;
}

void lede_owned_set(lede_owned *o, void *obj) { o->obj = obj; }

void lede_release(lede_owned *o) {
  if (!o) return;
  if (o->obj) o->free_fn(o->obj);
  o->obj = NULL;
  o->prev->next = o->next;
  o->next->prev = o->prev;
  keeper *k = o->k;
  if (k->nspare < SPARE_MAX) {
    o->next = k->spare;
    k->spare = o;
    k->nspare++;
  } else {
    free(o);
  }
}
