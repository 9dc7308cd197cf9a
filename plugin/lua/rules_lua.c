/*
 * Rulesets from Lua: the builder of lede_ruleset and the callback that runs
 * rules' Lua functions on their matches. The Lua side (lua/lede/rules.lua)
 * turns rule packs into calls of these methods.
 *
 * A callback runs under lua_pcall in the Lua thread that called parse; a Lua
 * error becomes a non-zero return (never a longjmp through the core), with a
 * message naming the rule and the byte where the match starts.
 */
#include <string.h>

#include "../lede.h"
#include "binding.h"
#include "compat.h"

#define RULESET_MT "lede.ruleset"

enum { UV_FN = 1 };

/* ---- the userdata --------------------------------------------------------- */

static void free_ruleset(void *p) { lede_ruleset_free((lede_ruleset *)p); }

static int l_rs_gc(lua_State *L) {
  lede_ruleset_ud *r = (lede_ruleset_ud *)luaL_checkudata(L, 1, RULESET_MT);
  lede_release(r->own); /* frees the ruleset */
  r->own = NULL;
  r->rs = NULL;
  return 0;
}

lede_ruleset_ud *lede_check_ruleset(lua_State *L, int i) {
  lede_ruleset_ud *r = (lede_ruleset_ud *)luaL_checkudata(L, i, RULESET_MT);
  if (!r->rs) luaL_argerror(L, i, "ruleset is freed");
  return r;
}

static int l_rs_new(lua_State *L) {
  lede_ruleset_ud *r = (lede_ruleset_ud *)lua_newuserdatauv(L, sizeof *r, 1);
  memset(r, 0, sizeof *r);
  luaL_setmetatable(L, RULESET_MT);
  r->own = lede_keep(L, free_ruleset);
  lede_status st;
  r->rs = lede_ruleset_new(NULL, &st);
  if (!r->rs) return luaL_error(L, "lede: cannot create a ruleset: %s", lede_status_string(st));
  lede_owned_set(r->own, r->rs);
  return 1;
}

/* ---- options -------------------------------------------------------------- */

static int opt_int(lua_State *L, int t, const char *k, int def) {
  lua_getfield(L, t, k);
  int v = def;
  if (!lua_isnil(L, -1)) {
    if (!lua_isnumber(L, -1)) luaL_error(L, "lede: rule option '%s' must be a number", k);
    v = (int)lua_tointeger(L, -1);
  }
  lua_pop(L, 1);
  return v;
}

static int opt_bool(lua_State *L, int t, const char *k) {
  lua_getfield(L, t, k);
  int v = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return v;
}

/* A string option; the string stays referenced by the options table. */
static const char *opt_str(lua_State *L, int t, const char *k) {
  lua_getfield(L, t, k);
  const char *v = NULL;
  if (!lua_isnil(L, -1)) {
    if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "lede: rule option '%s' must be a string", k);
    v = lua_tostring(L, -1);
  }
  lua_pop(L, 1);
  return v;
}

/* The options of a rule: the table the Lua side validated and normalized
 * (type is a number, overlap a number, where a bit set). */
static void read_rule_opts(lua_State *L, int t, lede_rule_opts *o) {
  luaL_checktype(L, t, LUA_TTABLE);
  memset(o, 0, sizeof *o);
  o->name = opt_str(L, t, "name");
  o->type = opt_int(L, t, "type", 0);
  o->pack = opt_int(L, t, "pack", 0);
  o->priority = opt_int(L, t, "priority", 0);
  o->overlap = opt_int(L, t, "overlap", LEDE_OVERLAP_LONGEST);
  o->override_builtin = opt_bool(L, t, "override");
  o->where = (unsigned)opt_int(L, t, "where", 0);
  o->before = opt_str(L, t, "before");
  o->after = opt_str(L, t, "after");
  o->within = opt_int(L, t, "within", LEDE_WITHIN_SENTENCE);
  o->callback = opt_bool(L, t, "callback");
  o->case_sensitive = opt_bool(L, t, "case_sensitive");
  o->fold_accents = opt_bool(L, t, "fold_accents");
  o->caseless = opt_bool(L, t, "caseless");
  o->ucp = opt_bool(L, t, "ucp");
}

static int rule_result(lua_State *L, int id, const char *err) {
  if (id < 0) return luaL_error(L, "%s", err);
  lua_pushinteger(L, id);
  return 1;
}

/* rs:type(name) -> id */
static int l_rs_type(lua_State *L) {
  lede_ruleset_ud *r = lede_check_ruleset(L, 1);
  const char *name = luaL_checkstring(L, 2);
  int t = lede_ruleset_type(r->rs, name);
  if (t < 0)
    return luaL_error(L, "lede: bad entity type name '%s' (UPPER_CASE letters, digits and _)",
                      name);
  lua_pushinteger(L, t);
  return 1;
}

/* rs:pack(name [, source_pattern]) -> index */
static int l_rs_pack(lua_State *L) {
  lede_ruleset_ud *r = lede_check_ruleset(L, 1);
  const char *name = luaL_checkstring(L, 2);
  const char *src = luaL_optstring(L, 3, NULL);
  char err[300];
  return rule_result(L, lede_ruleset_pack(r->rs, name, src, err, sizeof err), err);
}

/* rs:pack_applies(index [, source]) -> boolean (nil for no such pack) */
static int l_rs_pack_applies(lua_State *L) {
  lede_ruleset_ud *r = lede_check_ruleset(L, 1);
  int idx = (int)luaL_checkinteger(L, 2);
  const char *src = luaL_optstring(L, 3, NULL);
  int rc = lede_ruleset_pack_applies(r->rs, idx, src);
  if (rc < 0) lua_pushnil(L);
  else lua_pushboolean(L, rc);
  return 1;
}

/* rs:regex(opts, pattern) -> id */
static int l_rs_regex(lua_State *L) {
  lede_ruleset_ud *r = lede_check_ruleset(L, 1);
  lede_rule_opts o;
  read_rule_opts(L, 2, &o);
  size_t n;
  const char *pat = luaL_checklstring(L, 3, &n);
  char err[300];
  return rule_result(L, lede_ruleset_add_regex(r->rs, &o, pat, n, err, sizeof err), err);
}

/* rs:tokens(opts, { {text=, lower=, shape=, regex=, cap=, allcap=, num=,
 * dict=, ent_type=, negate=, min=, max=}, ... }) -> id */
static int l_rs_tokens(lua_State *L) {
  lede_ruleset_ud *r = lede_check_ruleset(L, 1);
  lede_rule_opts o;
  read_rule_opts(L, 2, &o);
  luaL_checktype(L, 3, LUA_TTABLE);
  int n = (int)lua_rawlen(L, 3);
  if (n < 1 || n > 32)
    return luaL_error(L, "lede: rule '%s': a token pattern has 1 to 32 elements",
                      o.name ? o.name : "?");
  lede_token_test tests[32];
  memset(tests, 0, sizeof tests);
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, 3, i + 1);
    int e = lua_gettop(L);
    if (!lua_istable(L, e))
      return luaL_error(L, "lede: rule '%s': element %d is not a table",
                        o.name ? o.name : "?", i + 1);
    lede_token_test *t = &tests[i];
    t->text = opt_str(L, e, "text");
    t->lower = opt_str(L, e, "lower");
    t->shape = opt_str(L, e, "shape");
    t->regex = opt_str(L, e, "regex");
    t->cap = opt_int(L, e, "cap", 0);
    t->allcap = opt_int(L, e, "allcap", 0);
    t->num = opt_int(L, e, "num", 0);
    t->dict = opt_int(L, e, "dict", 0);
    t->ent_type = opt_int(L, e, "ent_type", 0);
    t->negate = opt_bool(L, e, "negate");
    t->min = opt_int(L, e, "min", 1);
    t->max = opt_int(L, e, "max", 1);
    /* the element table stays on the stack: its strings live */
  }
  char err[300];
  return rule_result(L, lede_ruleset_add_tokens(r->rs, &o, tests, (size_t)n, err, sizeof err), err);
}

/* rs:dict(opts) -> id */
static int l_rs_dict(lua_State *L) {
  lede_ruleset_ud *r = lede_check_ruleset(L, 1);
  lede_rule_opts o;
  read_rule_opts(L, 2, &o);
  char err[300];
  return rule_result(L, lede_ruleset_add_dict(r->rs, &o, err, sizeof err), err);
}

/* rs:dict_add(id, phrase [, entry_id [, type]]) */
static int l_rs_dict_add(lua_State *L) {
  lede_ruleset_ud *r = lede_check_ruleset(L, 1);
  int id = (int)luaL_checkinteger(L, 2);
  size_t n, idn = 0;
  const char *phrase = luaL_checklstring(L, 3, &n);
  const char *eid = lua_isnoneornil(L, 4) ? NULL : luaL_checklstring(L, 4, &idn);
  int type = (int)luaL_optinteger(L, 5, 0);
  lede_status st = lede_ruleset_dict_add(r->rs, id, phrase, n, eid, idn, type);
  if (st != LEDE_OK)
    return luaL_error(L, "lede: rule '%s': cannot add phrase '%s': %s",
                      lede_ruleset_rule_name(r->rs, id) ? lede_ruleset_rule_name(r->rs, id) : "?",
                      phrase,
                      st == LEDE_ENOMEM ? "out of memory" : "not a phrase of this dictionary");
  return 0;
}

/* rs:dict_load(id, tsv) */
static int l_rs_dict_load(lua_State *L) {
  lede_ruleset_ud *r = lede_check_ruleset(L, 1);
  int id = (int)luaL_checkinteger(L, 2);
  size_t n;
  const char *tsv = luaL_checklstring(L, 3, &n);
  char err[300];
  if (lede_ruleset_dict_load(r->rs, id, tsv, n, err, sizeof err) != LEDE_OK)
    return luaL_error(L, "lede: %s", err);
  return 0;
}

/* rs:callback(fn): fn(rule_id, match) for rules with callback = true */
static int l_rs_callback(lua_State *L) {
  lede_check_ruleset(L, 1);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 2);
  lua_setiuservalue(L, 1, UV_FN);
  return 0;
}

static int l_rs_count(lua_State *L) {
  lede_ruleset_ud *r = lede_check_ruleset(L, 1);
  lua_pushinteger(L, (lua_Integer)lede_ruleset_count(r->rs));
  return 1;
}

/* ---- the callback during a parse ------------------------------------------ */

/* Runs fn(rule, match) for one match. The ruleset userdata is at r->index
 * of r->L's stack (put there by the parse). */
static int run_callback(void *ud, lede_match *m) {
  lede_ruleset_ud *r = (lede_ruleset_ud *)ud;
  lua_State *L = r->L;
  const char *rname = lede_ruleset_rule_name(r->rs, m->rule);
  if (!L) {
    snprintf(m->error, sizeof m->error, "rule '%s': no Lua state for its callback",
             rname ? rname : "?");
    return 1;
  }
  /* the previous callback's results may go now */
  lua_settop(L, r->base);
  if (!lua_checkstack(L, 8)) {
    snprintf(m->error, sizeof m->error, "rule '%s': Lua stack overflow", rname ? rname : "?");
    return 1;
  }
  lua_getiuservalue(L, r->index, UV_FN);
  if (!lua_isfunction(L, -1)) {
    snprintf(m->error, sizeof m->error, "rule '%s' has no callback", rname ? rname : "?");
    return 1;
  }
  lua_pushinteger(L, m->rule);
  /* the match as a table: text, start, end (0-based, end exclusive),
   * groups (by number and by name), id for dictionary entries */
  lua_createtable(L, 0, 6);
  lua_pushlstring(L, m->text + m->span.start, m->span.end - m->span.start);
  lua_setfield(L, -2, "text");
  lua_pushinteger(L, m->span.start);
  lua_setfield(L, -2, "start");
  lua_pushinteger(L, m->span.end);
  lua_setfield(L, -2, "end");
  if (m->entry_id) {
    lua_pushstring(L, m->entry_id);
    lua_setfield(L, -2, "id");
  }
  if (m->groups) {
    lua_createtable(L, (int)m->ngroups, 0);
    for (size_t g = 0; g < m->ngroups; g++) {
      if (m->groups[g].start == LEDE_NONE) continue;
      lua_pushlstring(L, m->text + m->groups[g].start, m->groups[g].end - m->groups[g].start);
      if (g == 0) {
        lua_rawseti(L, -2, 0);
        continue;
      }
      lua_pushvalue(L, -1);
      lua_rawseti(L, -3, (int)g);
      const char *gn = lede_ruleset_group_name(r->rs, m->rule, g);
      if (gn) lua_setfield(L, -2, gn);
      else lua_pop(L, 1);
    }
    lua_setfield(L, -2, "groups");
  }
  if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    snprintf(m->error, sizeof m->error, "rule '%s': callback failed at byte %u: %s",
             rname ? rname : "?", m->span.start, msg ? msg : "(error object is not a string)");
    lua_settop(L, r->base);
    return 1;
  }
  /* nil/true: keep; false: drop; a number or string: the value; a table:
   * { value = ..., type = id, canonical = "..." }. The result stays on the
   * stack until the next callback, so its strings live while copied. */
  int res = lua_gettop(L);
  switch (lua_type(L, res)) {
    case LUA_TNIL: break;
    case LUA_TBOOLEAN: m->keep = lua_toboolean(L, res); break;
    case LUA_TNUMBER:
      m->value_kind = LEDE_V_NUMBER;
      m->num = lua_tonumber(L, res);
      break;
    case LUA_TSTRING:
      m->value_kind = LEDE_V_STRING;
      m->str = lua_tostring(L, res);
      break;
    case LUA_TTABLE: {
      lua_getfield(L, res, "keep");
      if (!lua_isnil(L, -1)) m->keep = lua_toboolean(L, -1);
      lua_getfield(L, res, "type");
      if (lua_isnumber(L, -1)) m->type = (int)lua_tointeger(L, -1);
      lua_getfield(L, res, "canonical");
      if (lua_type(L, -1) == LUA_TSTRING) m->canonical = lua_tostring(L, -1);
      lua_getfield(L, res, "value");
      int v = lua_gettop(L);
      if (lua_type(L, v) == LUA_TNUMBER) {
        m->value_kind = LEDE_V_NUMBER;
        m->num = lua_tonumber(L, v);
      } else if (lua_type(L, v) == LUA_TSTRING) {
        m->value_kind = LEDE_V_STRING;
        m->str = lua_tostring(L, v);
      } else if (lua_type(L, v) == LUA_TTABLE) {
        lua_getfield(L, v, "amount");
        lua_getfield(L, v, "currency");
        if (lua_isnil(L, -1)) {
          lua_pop(L, 1);
          lua_getfield(L, v, "unit");
        }
        if (lua_isnumber(L, -2)) {
          m->value_kind = LEDE_V_AMOUNT;
          m->num = lua_tonumber(L, -2);
          if (lua_type(L, -1) == LUA_TSTRING) m->str = lua_tostring(L, -1);
        }
      } else if (!lua_isnil(L, v)) {
        snprintf(m->error, sizeof m->error,
                 "rule '%s': callback at byte %u returned a value of type %s "
                 "(number, string or {amount=, currency=|unit=})",
                 rname ? rname : "?", m->span.start, luaL_typename(L, v));
        return 1;
      }
      break;
    }
    default:
      snprintf(m->error, sizeof m->error, "rule '%s': callback at byte %u returned a %s",
               rname ? rname : "?", m->span.start, luaL_typename(L, res));
      return 1;
  }
  return 0;
}

/* Prepares a ruleset for a parse in thread L, where it sits at stack index
 * `index`. */
void lede_ruleset_bind(lua_State *L, lede_ruleset_ud *r, int index) {
  r->L = L;
  r->index = index;
  r->base = lua_gettop(L);
  lede_ruleset_set_callback(r->rs, run_callback, r);
}

void lede_ruleset_unbind(lede_ruleset_ud *r) {
  if (r->L) lua_settop(r->L, r->base);
  r->L = NULL;
}

void lede_open_rules(lua_State *L) {
  static const luaL_Reg meta[] = {{"__gc", l_rs_gc}, {NULL, NULL}};
  static const luaL_Reg methods[] = {
      {"type", l_rs_type},           {"pack", l_rs_pack},
      {"regex", l_rs_regex},         {"tokens", l_rs_tokens},
      {"dict", l_rs_dict},           {"dict_add", l_rs_dict_add},
      {"dict_load", l_rs_dict_load}, {"callback", l_rs_callback},
      {"count", l_rs_count},         {"pack_applies", l_rs_pack_applies},
      {NULL, NULL}};
  luaL_newmetatable(L, RULESET_MT);
  luaL_setfuncs(L, meta, 0);
  luaL_newlib(L, methods);
  lua_setfield(L, -2, "__index");
  lua_pushliteral(L, "lede");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
  /* the constructor goes into the module table at the top */
  lua_pushcfunction(L, l_rs_new);
  lua_setfield(L, -2, "ruleset");
}
