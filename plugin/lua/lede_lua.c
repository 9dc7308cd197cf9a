/*
 * lede.core: the thin Lua binding of the C core.
 *
 * Ownership follows LPeg: every C object lives in a userdata created before
 * the C call that fills it, and is freed by its __gc, so a Lua error at any
 * point leaks nothing. Documents keep the Lua string they were parsed from in
 * a user value: the C document points into it without a copy.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../lede.h"
#include "binding.h"
#include "compat.h"

#define ENGINE_MT "lede.engine"
#define DOC_MT "lede.doc"
#define ENTS_MT "lede.entities"

/* user values of a document (the cache is made on the first field read) */
enum { UV_TEXT = 1, UV_CACHE = 2 };
/* upvalues of engine:parse: what it would otherwise look up by name in the
 * registry for each document */
enum { UP_METHODS = 1, UP_ENGINE_MT = 2, UP_DOC_MT = 3, UP_KEEPER = 4 };

typedef struct engine_ud {
  lede_engine *eng;
  lede_owned *own;
  lede_scratch *scratch; /* the working memory its parses reuse, or NULL */
  lede_owned *own_scratch;
} engine_ud;

typedef struct doc_ud {
  lede_doc *doc;
  lede_owned *own;
} doc_ud;

static void free_engine(void *p) { lede_engine_free((lede_engine *)p); }
static void free_scratch(void *p) { lede_scratch_free((lede_scratch *)p); }
static void free_doc(void *p) { lede_doc_free((lede_doc *)p); }

typedef struct ents_ud {
  lede_doc *doc; /* borrowed: the view keeps its document alive */
} ents_ud;

/* The userdata at i if its metatable is the one at index mt (an upvalue,
 * compared without a lookup by name in the registry), else what
 * luaL_checkudata(L, i, tname) gives (it raises its usual error); mt = 0:
 * luaL_checkudata alone. */
static void *check_ud(lua_State *L, int i, int mt, const char *tname) {
  void *p = lua_touserdata(L, i);
  if (mt && p && lua_getmetatable(L, i)) {
    int same = lua_rawequal(L, -1, mt);
    lua_pop(L, 1);
    if (same) return p;
  }
  return luaL_checkudata(L, i, tname);
}

/* ---- engines ------------------------------------------------------------ */

static engine_ud *check_engine(lua_State *L, int i, int mt) {
  engine_ud *e = (engine_ud *)check_ud(L, i, mt, ENGINE_MT);
  if (!e->eng) luaL_argerror(L, i, "engine is closed");
  return e;
}

/* core.engine([jit]): jit defaults to true */
static int l_engine_new(lua_State *L) {
  unsigned flags = (!lua_isnoneornil(L, 1) && !lua_toboolean(L, 1)) ? LEDE_ENGINE_NO_JIT : 0;
  engine_ud *e = (engine_ud *)lua_newuserdatauv(L, sizeof *e, 0);
  e->eng = NULL;
  e->own = NULL;
  e->scratch = NULL;
  e->own_scratch = NULL;
  luaL_setmetatable(L, ENGINE_MT);
  e->own = lede_keep(L, free_engine);
  e->own_scratch = lede_keep(L, free_scratch);
  lede_status st;
  e->eng = lede_engine_new_with(NULL, flags, &st);
  if (!e->eng) return luaL_error(L, "lede: cannot create engine: %s", lede_status_string(st));
  lede_owned_set(e->own, e->eng);
  /* without it (no memory) each parse allocates its own */
  e->scratch = lede_scratch_new(e->eng);
  lede_owned_set(e->own_scratch, e->scratch);
  return 1;
}

static int l_engine_gc(lua_State *L) {
  engine_ud *e = (engine_ud *)luaL_checkudata(L, 1, ENGINE_MT);
  lede_release(e->own_scratch); /* frees the scratch */
  e->own_scratch = NULL;
  e->scratch = NULL;
  lede_release(e->own); /* frees the engine */
  e->own = NULL;
  e->eng = NULL;
  return 0;
}

static double opt_number_field(lua_State *L, int t, const char *k, double def, int *set) {
  lua_getfield(L, t, k);
  double v = def;
  if (!lua_isnil(L, -1)) {
    if (!lua_isnumber(L, -1))
      luaL_error(L, "lede: limit '%s' must be a number, got %s", k, luaL_typename(L, -1));
    v = lua_tonumber(L, -1);
    if (v < 0 || v != v) luaL_error(L, "lede: limit '%s' must be >= 0", k);
    if (set) *set = 1;
  }
  lua_pop(L, 1);
  return v;
}

static const char *const limit_keys[] = {"max_input", "max_entities", "time_budget",
                                         "match_limit", "depth_limit", "heap_limit_kib", NULL};

static void check_keys(lua_State *L, int t, const char *const *keys, const char *what) {
  lua_pushnil(L);
  while (lua_next(L, t)) {
    int ok = 0;
    if (lua_type(L, -2) == LUA_TSTRING) {
      const char *k = lua_tostring(L, -2);
      for (int i = 0; keys[i]; i++)
        if (strcmp(k, keys[i]) == 0) ok = 1;
      if (!ok) luaL_error(L, "lede: unknown %s '%s'", what, k);
    } else {
      luaL_error(L, "lede: %s names must be strings", what);
    }
    lua_pop(L, 1);
  }
}

static int l_engine_set_limits(lua_State *L) {
  engine_ud *e = check_engine(L, 1, 0);
  luaL_checktype(L, 2, LUA_TTABLE);
  check_keys(L, 2, limit_keys, "limit");
  lede_limits l;
  lede_engine_get_limits(e->eng, &l);
  l.max_input = (size_t)opt_number_field(L, 2, "max_input", (double)l.max_input, NULL);
  l.max_entities = (size_t)opt_number_field(L, 2, "max_entities", (double)l.max_entities, NULL);
  l.time_budget = opt_number_field(L, 2, "time_budget", l.time_budget, NULL);
  l.match_limit = (uint32_t)opt_number_field(L, 2, "match_limit", l.match_limit, NULL);
  l.depth_limit = (uint32_t)opt_number_field(L, 2, "depth_limit", l.depth_limit, NULL);
  l.heap_limit_kib = (uint32_t)opt_number_field(L, 2, "heap_limit_kib", l.heap_limit_kib, NULL);
  lede_engine_set_limits(e->eng, &l);
  return 0;
}

static int l_engine_limits(lua_State *L) {
  engine_ud *e = check_engine(L, 1, 0);
  lede_limits l;
  lede_engine_get_limits(e->eng, &l);
  lua_createtable(L, 0, 6);
  lua_pushnumber(L, (lua_Number)l.max_input);
  lua_setfield(L, -2, "max_input");
  lua_pushnumber(L, (lua_Number)l.max_entities);
  lua_setfield(L, -2, "max_entities");
  lua_pushnumber(L, l.time_budget);
  lua_setfield(L, -2, "time_budget");
  lua_pushnumber(L, l.match_limit);
  lua_setfield(L, -2, "match_limit");
  lua_pushnumber(L, l.depth_limit);
  lua_setfield(L, -2, "depth_limit");
  lua_pushnumber(L, l.heap_limit_kib);
  lua_setfield(L, -2, "heap_limit_kib");
  return 1;
}

/* "+09:00", "-0500", "Z", "UTC" or minutes east of UTC */
static int parse_tz(lua_State *L, int i, int *minutes) {
  if (lua_type(L, i) == LUA_TNUMBER) {
    double v = lua_tonumber(L, i);
    if (v < -18 * 60 || v > 18 * 60 || v != floor(v)) return 0;
    *minutes = (int)v;
    return 1;
  }
  if (lua_type(L, i) != LUA_TSTRING) return 0;
  size_t n;
  const char *s = lua_tolstring(L, i, &n);
  if ((n == 1 && (s[0] == 'Z' || s[0] == 'z')) || (n == 3 && strcmp(s, "UTC") == 0) ||
      (n == 3 && strcmp(s, "GMT") == 0)) {
    *minutes = 0;
    return 1;
  }
  if (n < 3 || (s[0] != '+' && s[0] != '-')) return 0;
  int h = 0, m = 0;
  size_t k = 1;
  for (int d = 0; d < 2; d++, k++) {
    if (k >= n || s[k] < '0' || s[k] > '9') return 0;
    h = h * 10 + (s[k] - '0');
  }
  if (k < n && s[k] == ':') k++;
  if (k < n) {
    for (int d = 0; d < 2; d++, k++) {
      if (k >= n || s[k] < '0' || s[k] > '9') return 0;
      m = m * 10 + (s[k] - '0');
    }
  }
  if (k != n || h > 18 || m > 59) return 0;
  *minutes = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
  return 1;
}

static const char *const option_keys[] = {"date", "ref_date", "tz",   "source",
                                           "skip", "rules",    NULL};

static const struct {
  const char *name;
  uint32_t bit;
} skip_names[] = {{"entities", LEDE_SKIP_ENTITIES}, {"quotes", LEDE_SKIP_QUOTES},
                  {"linking", LEDE_SKIP_LINKING},   {"numex", LEDE_SKIP_NUMEX},
                  {"tagger", LEDE_SKIP_TAGGER},     {"gazetteer", LEDE_SKIP_GAZETTEER},
                  {"patterns", LEDE_SKIP_PATTERNS}};

/* Reads the options table at index t into o. Strings stay on the stack in
 * the table, so their pointers live through the parse. */
static void read_options(lua_State *L, int t, lede_options *o) {
  memset(o, 0, sizeof *o);
  if (lua_isnoneornil(L, t)) return;
  if (lua_type(L, t) != LUA_TTABLE)
    luaL_error(L, "lede.parse: options must be a table, got %s", luaL_typename(L, t));
  check_keys(L, t, option_keys, "option");
  const char *date_keys[] = {"date", "ref_date"};
  for (int k = 0; k < 2; k++) {
    lua_getfield(L, t, date_keys[k]);
    if (!lua_isnil(L, -1)) {
      if (lua_type(L, -1) != LUA_TSTRING)
        luaL_error(L, "lede.parse: option '%s' must be an ISO 8601 date string, got %s",
                   date_keys[k], luaL_typename(L, -1));
      o->ref_date = lua_tostring(L, -1);
    }
    lua_pop(L, 1);
  }
  lua_getfield(L, t, "tz");
  if (!lua_isnil(L, -1)) {
    if (!parse_tz(L, -1, &o->tz_minutes))
      luaL_error(L, "lede.parse: option 'tz' must be like \"+09:00\" or minutes east of UTC");
    o->has_tz = 1;
  }
  lua_pop(L, 1);
  lua_getfield(L, t, "source");
  if (!lua_isnil(L, -1)) {
    if (lua_type(L, -1) != LUA_TSTRING)
      luaL_error(L, "lede.parse: option 'source' must be a string, got %s", luaL_typename(L, -1));
    o->source = lua_tostring(L, -1);
  }
  lua_pop(L, 1);
  lua_getfield(L, t, "rules");
  if (!lua_isnil(L, -1)) o->rules = lede_check_ruleset(L, lua_gettop(L))->rs;
  lua_pop(L, 1);
  lua_getfield(L, t, "skip");
  if (!lua_isnil(L, -1)) {
    if (lua_type(L, -1) != LUA_TTABLE)
      luaL_error(L, "lede.parse: option 'skip' must be a list of stage names");
    int n = (int)lua_rawlen(L, -1);
    for (int i = 1; i <= n; i++) {
      lua_rawgeti(L, -1, i);
      const char *s = lua_tostring(L, -1);
      if (!s) luaL_error(L, "lede.parse: option 'skip' must hold strings");
      uint32_t bit = 0;
      for (size_t k = 0; k < sizeof skip_names / sizeof skip_names[0]; k++)
        if (strcmp(s, skip_names[k].name) == 0) bit = skip_names[k].bit;
      if (!bit)
        luaL_error(L,
                   "lede.parse: unknown stage '%s' in 'skip' (entities, quotes, linking, "
                   "numex, tagger, gazetteer, patterns)",
                   s);
      o->skip |= bit;
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
}

/* engine:parse(text [, opts]) */
static int l_engine_parse(lua_State *L) {
  engine_ud *e = check_engine(L, 1, lua_upvalueindex(UP_ENGINE_MT));
  if (lua_type(L, 2) != LUA_TSTRING)
    return luaL_error(L, "lede.parse: text must be a string, got %s", luaL_typename(L, 2));
  size_t len;
  const char *text = lua_tolstring(L, 2, &len);
  lede_options o;
  read_options(L, 3, &o);
  o.scratch = e->scratch;
  doc_ud *d = (doc_ud *)lua_newuserdatauv(L, sizeof *d, 2);
  d->doc = NULL;
  d->own = NULL;
  lua_pushvalue(L, lua_upvalueindex(UP_DOC_MT));
  lua_setmetatable(L, -2);
  d->own = lede_keep_at(L, lua_upvalueindex(UP_KEEPER), free_doc);
  lua_pushvalue(L, 2);
  lua_setiuservalue(L, -2, UV_TEXT);
  /* rules' callbacks run in this thread: the ruleset sits on its stack */
  lede_ruleset_ud *rud = NULL;
  if (o.rules) {
    lua_getfield(L, 3, "rules");
    rud = lede_check_ruleset(L, -1);
    lede_ruleset_bind(L, rud, lua_gettop(L));
  }
  char err[300];
  lede_status st = lede_parse(e->eng, text, len, &o, &d->doc, err, sizeof err);
  lede_owned_set(d->own, d->doc);
  if (rud) {
    lede_ruleset_unbind(rud);
    lua_pop(L, 1);
  }
  if (st != LEDE_OK)
    return luaL_error(L, "lede.parse: %s", err[0] ? err : lede_status_string(st));
  /* the collector does not see C memory: tell it, so that loops over many
   * documents do not hold on to garbage documents */
  lua_gc(L, LUA_GCSTEP, (int)(lede_doc_memory(d->doc) / 1024));
  return 1;
}

/* ---- documents ------------------------------------------------------------ */

static doc_ud *check_doc(lua_State *L, int i) {
  doc_ud *d = (doc_ud *)luaL_checkudata(L, i, DOC_MT);
  if (!d->doc) luaL_argerror(L, i, "document is empty (its parse failed)");
  return d;
}

/* upvalue: the documents' metatable */
static int l_doc_gc(lua_State *L) {
  doc_ud *d = (doc_ud *)check_ud(L, 1, lua_upvalueindex(1), DOC_MT);
  lede_release(d->own); /* frees the document */
  d->own = NULL;
  d->doc = NULL;
  return 0;
}

static void push_span_text(lua_State *L, const lede_doc *d, lede_span s) {
  if (s.start == LEDE_NONE) lua_pushnil(L);
  else lua_pushlstring(L, d->text + s.start, s.end - s.start);
}

static void push_cstr(lua_State *L, const char *s) {
  if (s) lua_pushstring(L, s);
  else lua_pushnil(L);
}

static void set_offsets(lua_State *L, lede_span s) {
  if (s.start == LEDE_NONE) return;
  lede_pushint(L, s.start);
  lua_setfield(L, -2, "start");
  lede_pushint(L, s.end);
  lua_setfield(L, -2, "end");
}

static void push_span_pair(lua_State *L, lede_span s) {
  if (s.start == LEDE_NONE) {
    lua_pushnil(L);
    return;
  }
  lua_createtable(L, 2, 0);
  lede_pushint(L, s.start);
  lua_rawseti(L, -2, 1);
  lede_pushint(L, s.end);
  lua_rawseti(L, -2, 2);
}

static void push_value(lua_State *L, const lede_entity *e) {
  switch (e->value_kind) {
    case LEDE_V_STRING: push_cstr(L, e->str); break;
    case LEDE_V_NUMBER:
#if LUA_VERSION_NUM >= 503
      if (e->num == floor(e->num) && fabs(e->num) < 9007199254740992.0)
        lua_pushinteger(L, (lua_Integer)e->num);
      else
#endif
        lua_pushnumber(L, e->num);
      break;
    case LEDE_V_AMOUNT:
      lua_createtable(L, 0, 2);
#if LUA_VERSION_NUM >= 503
      if (e->num == floor(e->num) && fabs(e->num) < 9007199254740992.0)
        lua_pushinteger(L, (lua_Integer)e->num);
      else
#endif
        lua_pushnumber(L, e->num);
      lua_setfield(L, -2, "amount");
      push_cstr(L, e->str);
      lua_setfield(L, -2, e->type == LEDE_T_MONEY ? "currency" : "unit");
      break;
    default: lua_pushnil(L);
  }
}

static const char *type_name(const lede_doc *d, int type) {
  const char *n = lede_doc_type_name(d, type);
  return n ? n : "CUSTOM";
}

/* One entity as a table (made on demand). */
static void push_entity(lua_State *L, const lede_doc *d, size_t i) {
  const lede_entity *e = &d->entities[i];
  lua_createtable(L, 0, 9);
  lua_pushstring(L, type_name(d, e->type));
  lua_setfield(L, -2, "type");
  push_span_text(L, d, e->span);
  lua_setfield(L, -2, "text");
  set_offsets(L, e->span);
  push_value(L, e);
  lua_setfield(L, -2, "value");
  push_cstr(L, e->canonical);
  lua_setfield(L, -2, "canonical");
  push_cstr(L, e->role);
  lua_setfield(L, -2, "role");
  lede_pushint(L, e->cluster);
  lua_setfield(L, -2, "cluster");
  push_cstr(L, lede_doc_rule_name(d, e->rule));
  lua_setfield(L, -2, "rule");
  push_cstr(L, e->id);
  lua_setfield(L, -2, "id");
  lede_pushint(L, (long long)i + 1);
  lua_setfield(L, -2, "index");
}

static void push_body(lua_State *L, const lede_doc *d) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (size_t i = 0; i < d->n_paragraphs; i++) {
    if (i) luaL_addlstring(&b, "\n\n", 2);
    luaL_addlstring(&b, d->text + d->paragraphs[i].start,
                    d->paragraphs[i].end - d->paragraphs[i].start);
  }
  luaL_pushresult(&b);
}

/* mt: the index of the views' metatable */
static void push_entities_view(lua_State *L, int doc_index, lede_doc *d, int mt) {
  ents_ud *v = (ents_ud *)lua_newuserdatauv(L, sizeof *v, 1);
  v->doc = d;
  lua_pushvalue(L, mt);
  lua_setmetatable(L, -2);
  lua_pushvalue(L, doc_index);
  lua_setiuservalue(L, -2, 1);
}

/* Pushes the value of a document field but entities; returns 0 if the name
 * is not one. */
static int push_field(lua_State *L, int di, lede_doc *d, const char *k) {
  if (strcmp(k, "title") == 0) push_span_text(L, d, d->title);
  else if (strcmp(k, "section") == 0) push_span_text(L, d, d->section);
  else if (strcmp(k, "published") == 0) push_cstr(L, d->published);
  else if (strcmp(k, "lead") == 0) push_span_text(L, d, d->lead);
  else if (strcmp(k, "ref_date") == 0) push_cstr(L, d->ref_date);
  else if (strcmp(k, "text") == 0) lua_getiuservalue(L, di, UV_TEXT);
  else if (strcmp(k, "body") == 0) push_body(L, d);
  else if (strcmp(k, "byline") == 0) {
    lua_createtable(L, (int)d->n_byline, 0);
    for (size_t i = 0; i < d->n_byline; i++) {
      push_span_text(L, d, d->byline[i]);
      lua_rawseti(L, -2, (int)i + 1);
    }
  } else if (strcmp(k, "dateline") == 0) {
    const lede_dateline *dl = &d->dateline;
    if (dl->span.start == LEDE_NONE) {
      lua_pushnil(L);
    } else {
      lua_createtable(L, 0, 8);
      push_cstr(L, dl->location_norm);
      lua_setfield(L, -2, "location");
      push_span_text(L, d, dl->location);
      lua_setfield(L, -2, "location_text");
      push_cstr(L, dl->date_iso);
      lua_setfield(L, -2, "date");
      push_span_text(L, d, dl->date);
      lua_setfield(L, -2, "date_text");
      push_cstr(L, dl->agency_norm);
      lua_setfield(L, -2, "agency");
      push_span_text(L, d, dl->span);
      lua_setfield(L, -2, "text");
      set_offsets(L, dl->span);
    }
  } else if (strcmp(k, "paragraphs") == 0) {
    lua_createtable(L, (int)d->n_paragraphs, 0);
    for (size_t i = 0; i < d->n_paragraphs; i++) {
      lua_createtable(L, 0, 3);
      push_span_text(L, d, d->paragraphs[i]);
      lua_setfield(L, -2, "text");
      set_offsets(L, d->paragraphs[i]);
      lua_rawseti(L, -2, (int)i + 1);
    }
  } else if (strcmp(k, "captions") == 0) {
    lua_createtable(L, (int)d->n_captions, 0);
    for (size_t i = 0; i < d->n_captions; i++) {
      const lede_caption *c = &d->captions[i];
      lua_createtable(L, 0, 5);
      push_span_text(L, d, c->span);
      lua_setfield(L, -2, "text");
      push_span_text(L, d, c->credit);
      lua_setfield(L, -2, "credit");
      push_span_text(L, d, c->restrictions);
      lua_setfield(L, -2, "restrictions");
      set_offsets(L, c->span);
      lua_rawseti(L, -2, (int)i + 1);
    }
  } else if (strcmp(k, "quotes") == 0) {
    lua_createtable(L, (int)d->n_quotes, 0);
    for (size_t i = 0; i < d->n_quotes; i++) {
      const lede_quote *q = &d->quotes[i];
      lua_createtable(L, 0, 5);
      push_span_text(L, d, q->span);
      lua_setfield(L, -2, "text");
      push_cstr(L, q->speaker_text);
      lua_setfield(L, -2, "speaker");
      push_span_text(L, d, q->cue);
      lua_setfield(L, -2, "cue");
      set_offsets(L, q->span);
      lua_rawseti(L, -2, (int)i + 1);
    }
  } else if (strcmp(k, "boilerplate") == 0) {
    lua_createtable(L, (int)d->n_boilerplate, 0);
    for (size_t i = 0; i < d->n_boilerplate; i++) {
      const lede_block *b = &d->boilerplate[i];
      lua_createtable(L, 0, 4);
      push_span_text(L, d, b->span);
      lua_setfield(L, -2, "text");
      lua_pushstring(L, lede_block_kind_name(b->kind));
      lua_setfield(L, -2, "kind");
      set_offsets(L, b->span);
      lua_rawseti(L, -2, (int)i + 1);
    }
  } else if (strcmp(k, "offsets") == 0) {
    lua_createtable(L, 0, 6);
    push_span_pair(L, d->title);
    lua_setfield(L, -2, "title");
    push_span_pair(L, d->section);
    lua_setfield(L, -2, "section");
    push_span_pair(L, d->published_span);
    lua_setfield(L, -2, "published");
    push_span_pair(L, d->byline_span);
    lua_setfield(L, -2, "byline");
    lua_createtable(L, (int)d->n_byline, 0);
    for (size_t i = 0; i < d->n_byline; i++) {
      push_span_pair(L, d->byline[i]);
      lua_rawseti(L, -2, (int)i + 1);
    }
    lua_setfield(L, -2, "authors");
    push_span_pair(L, d->lead);
    lua_setfield(L, -2, "lead");
  } else if (strcmp(k, "warnings") == 0) {
    lua_newtable(L);
    int n = 0;
    if (d->warnings & LEDE_W_INVALID_UTF8) {
      lua_pushstring(L, "invalid_utf8");
      lua_rawseti(L, -2, ++n);
    }
    if (d->warnings & LEDE_W_NUL) {
      lua_pushstring(L, "nul_bytes");
      lua_rawseti(L, -2, ++n);
    }
    if (d->warnings & LEDE_W_ENTITY_LIMIT) {
      lua_pushstring(L, "entity_limit");
      lua_rawseti(L, -2, ++n);
    }
  } else {
    return 0;
  }
  return 1;
}

/* doc.field: computed once and cached (fields are immutable); methods come
 * from the Lua side. Entities are never cached as tables. Upvalues: the
 * documents' metatable, their methods (lede.Doc) and the entity views'
 * metatable. */
static int l_doc_index(lua_State *L) {
  doc_ud *d = (doc_ud *)check_ud(L, 1, lua_upvalueindex(1), DOC_MT);
  if (lua_type(L, 2) == LUA_TSTRING) {
    /* methods first: they are few and fixed */
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(2));
    if (!lua_isnil(L, -1)) return 1;
    lua_pop(L, 1);
    if (!d->doc) return luaL_error(L, "lede: document is empty (its parse failed)");
    const char *k = lua_tostring(L, 2);
    /* the field read most, on every read (a view, never cached) */
    if (strcmp(k, "entities") == 0) {
      push_entities_view(L, 1, d->doc, lua_upvalueindex(3));
      return 1;
    }
    /* the cache, or nil before the first field is cached: a document whose
     * fields are never read (only its entities, or its JSON) makes none */
    int cache = lua_getiuservalue(L, 1, UV_CACHE) == LUA_TTABLE;
    if (cache) {
      lua_pushvalue(L, 2);
      lua_rawget(L, -2);
      if (!lua_isnil(L, -1)) return 1;
      lua_pop(L, 1);
    }
    if (push_field(L, 1, d->doc, k)) {
      if (!cache) {
        lua_newtable(L);
        lua_replace(L, -3); /* in the place of the nil */
        lua_pushvalue(L, -2);
        lua_setiuservalue(L, 1, UV_CACHE);
      }
      lua_pushvalue(L, 2);
      lua_pushvalue(L, -2);
      lua_rawset(L, -4);
      return 1;
    }
  }
  lua_pushnil(L);
  return 1;
}

/* core.doc_field(doc, name): the field built anew, not cached, so that
 * doc:to_table() gives a copy its caller may change without a second copy
 * (entities are not a field here: their list is fresh already). */
static int l_doc_field(lua_State *L) {
  doc_ud *d = check_doc(L, 1);
  const char *k = luaL_checkstring(L, 2);
  if (strcmp(k, "entities") == 0 || !push_field(L, 1, d->doc, k)) lua_pushnil(L);
  return 1;
}

static int l_doc_newindex(lua_State *L) {
  return luaL_error(L, "lede: a document is read-only (use doc:to_table() for a mutable copy)");
}

/* doc:json([pretty]) */
static int l_doc_json(lua_State *L) {
  doc_ud *d = check_doc(L, 1);
  int pretty = lua_toboolean(L, 2);
  const char *json;
  size_t len;
  if (lede_doc_json(d->doc, pretty, &json, &len) != LEDE_OK)
    return luaL_error(L, "lede: out of memory writing JSON");
  lua_pushlstring(L, json, len);
  return 1;
}

static int l_doc_tostring(lua_State *L) {
  doc_ud *d = (doc_ud *)luaL_checkudata(L, 1, DOC_MT);
  if (!d->doc) {
    lua_pushstring(L, "lede.doc (empty)");
  } else {
    lua_pushfstring(L, "lede.doc (%d bytes, %d paragraphs, %d entities)", (int)d->doc->len,
                    (int)d->doc->n_paragraphs, (int)d->doc->n_entities);
  }
  return 1;
}

/* ---- entity views ----------------------------------------------------------- */

/* mt: the index of the views' metatable (their metamethods have it as
 * upvalue 1), or 0 */
static ents_ud *check_ents(lua_State *L, int i, int mt) {
  return (ents_ud *)check_ud(L, i, mt, ENTS_MT);
}

/* A type filter: nil (all), a type name, or a set table {PERSON=true} or
 * list {"PERSON", "ORG"}; custom types by the names the document knows.
 * Types are below 256 (LEDE_T_CUSTOM + at most 200 custom ones). */
typedef struct type_set {
  uint64_t w[4];
} type_set;

static int type_by_name(lua_State *L, const lede_doc *d, const char *s) {
  int t = lede_type_from_name(s, strlen(s));
  for (int k = LEDE_T_CUSTOM; !t && k < 256; k++) {
    const char *n = lede_doc_type_name(d, k);
    if (!n) break;
    if (strcmp(n, s) == 0) t = k;
  }
  if (!t) luaL_error(L, "lede: unknown entity type '%s'", s);
  return t;
}

static void type_filter(lua_State *L, int i, const lede_doc *d, type_set *m) {
  memset(m, 0, sizeof *m);
  if (lua_isnoneornil(L, i)) {
    memset(m, 0xff, sizeof *m);
    return;
  }
  if (lua_type(L, i) == LUA_TSTRING) {
    int t = type_by_name(L, d, lua_tostring(L, i));
    m->w[t >> 6] |= (uint64_t)1 << (t & 63);
    return;
  }
  if (lua_type(L, i) != LUA_TTABLE)
    luaL_error(L, "lede: entity filter must be a type name or a table of them");
  lua_pushnil(L);
  while (lua_next(L, i)) {
    const char *s = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : lua_tostring(L, -1);
    if (!s) luaL_error(L, "lede: entity filter must hold type names");
    int t = type_by_name(L, d, s);
    m->w[t >> 6] |= (uint64_t)1 << (t & 63);
    lua_pop(L, 1);
  }
}

static int type_in(const type_set *m, int type) {
  return type >= 0 && type < 256 && ((m->w[type >> 6] >> (type & 63)) & 1);
}

static int l_ents_len(lua_State *L) {
  ents_ud *v = check_ents(L, 1, lua_upvalueindex(1));
  lede_pushint(L, (long long)v->doc->n_entities);
  return 1;
}

static int l_ents_count(lua_State *L) {
  ents_ud *v = check_ents(L, 1, 0);
  type_set m;
  type_filter(L, 2, v->doc, &m);
  size_t n = 0;
  for (size_t i = 0; i < v->doc->n_entities; i++) n += type_in(&m, v->doc->entities[i].type);
  lede_pushint(L, (long long)n);
  return 1;
}

/* iterator state: upvalues (view, type set as a string, position, spans) */
static int each_next(lua_State *L) {
  ents_ud *v = check_ents(L, lua_upvalueindex(1), 0);
  type_set m;
  memcpy(&m, lua_tostring(L, lua_upvalueindex(2)), sizeof m);
  size_t i = (size_t)lua_tonumber(L, lua_upvalueindex(4));
  int spans = lua_toboolean(L, lua_upvalueindex(5));
  const lede_doc *d = v->doc;
  while (i < d->n_entities && !type_in(&m, d->entities[i].type)) i++;
  if (i >= d->n_entities) return 0;
  lua_pushnumber(L, (lua_Number)(i + 1));
  lua_replace(L, lua_upvalueindex(4));
  if (spans) {
    /* no table: index, type, start, end */
    lede_pushint(L, (long long)i + 1);
    lua_pushstring(L, type_name(d, d->entities[i].type));
    lede_pushint(L, d->entities[i].span.start);
    lede_pushint(L, d->entities[i].span.end);
    return 4;
  }
  push_entity(L, d, i);
  return 1;
}

static int make_iter(lua_State *L, int spans) {
  ents_ud *v = check_ents(L, 1, 0);
  type_set m;
  type_filter(L, 2, v->doc, &m);
  lua_pushvalue(L, 1);
  lua_pushlstring(L, (const char *)&m, sizeof m);
  lua_pushnil(L); /* (unused) */
  lua_pushnumber(L, 0);
  lua_pushboolean(L, spans);
  lua_pushcclosure(L, each_next, 5);
  return 1;
}

/* for e in doc.entities:each("PERSON") do ... end */
static int l_ents_each(lua_State *L) { return make_iter(L, 0); }
/* for i, type, s, e in doc.entities:spans() do ... end (no tables) */
static int l_ents_spans(lua_State *L) { return make_iter(L, 1); }

/* doc.entities:list([filter]) -> array of entity tables */
static int l_ents_list(lua_State *L) {
  ents_ud *v = check_ents(L, 1, 0);
  type_set m;
  type_filter(L, 2, v->doc, &m);
  lua_newtable(L);
  int n = 0;
  for (size_t i = 0; i < v->doc->n_entities; i++) {
    if (!type_in(&m, v->doc->entities[i].type)) continue;
    push_entity(L, v->doc, i);
    lua_rawseti(L, -2, ++n);
  }
  return 1;
}

static const luaL_Reg ents_methods[] = {{"count", l_ents_count}, {"each", l_ents_each},
                                        {"spans", l_ents_spans}, {"list", l_ents_list},
                                        {NULL, NULL}};

static int l_ents_index(lua_State *L) {
  ents_ud *v = check_ents(L, 1, lua_upvalueindex(1));
  if (lua_type(L, 2) == LUA_TNUMBER) {
    double k = lua_tonumber(L, 2);
    if (k >= 1 && k <= (double)v->doc->n_entities && k == floor(k)) {
      push_entity(L, v->doc, (size_t)k - 1);
      return 1;
    }
    lua_pushnil(L);
    return 1;
  }
  if (lua_type(L, 2) == LUA_TSTRING) {
    const char *k = lua_tostring(L, 2);
    for (const luaL_Reg *r = ents_methods; r->name; r++) {
      if (strcmp(r->name, k) == 0) {
        lua_pushcfunction(L, r->func);
        return 1;
      }
    }
  }
  lua_pushnil(L);
  return 1;
}

/* ipairs-like iteration with pairs(): for i, e in pairs(doc.entities) */
static int ents_pairs_next(lua_State *L) {
  ents_ud *v = check_ents(L, 1, 0);
  double k = lua_isnil(L, 2) ? 0 : lua_tonumber(L, 2);
  size_t i = (size_t)k;
  if (i >= v->doc->n_entities) return 0;
  lede_pushint(L, (long long)i + 1);
  push_entity(L, v->doc, i);
  return 2;
}

static int l_ents_pairs(lua_State *L) {
  check_ents(L, 1, lua_upvalueindex(1));
  lua_pushcfunction(L, ents_pairs_next);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

static int l_ents_tostring(lua_State *L) {
  ents_ud *v = check_ents(L, 1, lua_upvalueindex(1));
  lua_pushfstring(L, "lede.entities (%d)", (int)v->doc->n_entities);
  return 1;
}

/* ---- module --------------------------------------------------------------------- */

static int l_count_tokens(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  lede_pushint(L, (long long)lede_count_tokens(s, n));
  return 1;
}

static int l_type_names(lua_State *L) {
  lua_newtable(L);
  for (int t = 1; t < LEDE_T_BUILTIN_COUNT; t++) {
    lua_pushstring(L, lede_type_name(t));
    lua_rawseti(L, -2, t);
  }
  return 1;
}

/* self: the metamethods have the metatable as upvalue 1 */
static void new_mt(lua_State *L, const char *name, const luaL_Reg *meta, int self) {
  luaL_newmetatable(L, name);
  if (self) lua_pushvalue(L, -1);
  luaL_setfuncs(L, meta, self ? 1 : 0);
  lua_pushliteral(L, "lede");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
}

#if defined(__GNUC__)
__attribute__((visibility("default")))
#endif
int luaopen_lede_core(lua_State *L) {
  static const luaL_Reg engine_meta[] = {{"__gc", l_engine_gc}, {NULL, NULL}};
  /* __gc and __index, closures, are set below */
  static const luaL_Reg doc_meta[] = {{"__newindex", l_doc_newindex},
                                      {"__tostring", l_doc_tostring},
                                      {NULL, NULL}};
  static const luaL_Reg ents_meta[] = {{"__len", l_ents_len},
                                       {"__index", l_ents_index},
                                       {"__pairs", l_ents_pairs},
                                       {"__tostring", l_ents_tostring},
                                       {NULL, NULL}};
  lede_keeper_open(L); /* first: finalized after every object it keeps */
  new_mt(L, ENGINE_MT, engine_meta, 0);
  new_mt(L, DOC_MT, doc_meta, 0);
  new_mt(L, ENTS_MT, ents_meta, 1);

  /* engine methods: parse carries the document methods table, the engines'
   * and documents' metatables and the keeper as upvalues */
  luaL_getmetatable(L, ENGINE_MT);
  lua_newtable(L); /* engine methods */
  lua_newtable(L); /* document methods, filled by lede.lua */
  luaL_getmetatable(L, DOC_MT);
  lua_pushvalue(L, -1);
  lua_pushcclosure(L, l_doc_gc, 1);
  lua_setfield(L, -2, "__gc");
  lua_pushvalue(L, -1);
  lua_pushvalue(L, -3);
  luaL_getmetatable(L, ENTS_MT);
  lua_pushcclosure(L, l_doc_index, 3);
  lua_setfield(L, -2, "__index");
  lua_pushvalue(L, -2); /* UP_METHODS */
  lua_pushvalue(L, -5); /* UP_ENGINE_MT */
  lua_pushvalue(L, -3); /* UP_DOC_MT */
  lede_keeper_push(L);  /* UP_KEEPER */
  lua_pushcclosure(L, l_engine_parse, 4);
  lua_setfield(L, -4, "parse");
  lua_pop(L, 1); /* the documents' metatable */
  lua_pushcfunction(L, l_doc_json);
  lua_setfield(L, -2, "json");
  lua_insert(L, -3); /* doc methods below the metatable */
  lua_pushcfunction(L, l_engine_set_limits);
  lua_setfield(L, -2, "set_limits");
  lua_pushcfunction(L, l_engine_limits);
  lua_setfield(L, -2, "limits");
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);

  lua_newtable(L);
  lua_pushvalue(L, -2);
  lua_setfield(L, -2, "doc_methods");
  lua_pushliteral(L, LEDE_VERSION);
  lua_setfield(L, -2, "version");
  lua_pushcfunction(L, l_engine_new);
  lua_setfield(L, -2, "engine");
  lua_pushcfunction(L, l_count_tokens);
  lua_setfield(L, -2, "count_tokens");
  lua_pushcfunction(L, l_doc_field);
  lua_setfield(L, -2, "doc_field");
  lua_pushcfunction(L, l_type_names);
  lua_setfield(L, -2, "type_names");
  lua_pushcfunction(L, lede_json_decode);
  lua_setfield(L, -2, "json_decode");
  lua_pushcfunction(L, lede_json_encode);
  lua_setfield(L, -2, "json_encode");
  lua_pushlightuserdata(L, lede_json_null);
  lua_setfield(L, -2, "null");
  lede_open_rules(L);
  lua_remove(L, -2);
  return 1;
}
