/*
 * JSON for Lua values: a strict RFC 8259 decoder (depth-bounded, every error
 * names its byte offset) and an encoder with sorted object keys, so output
 * is reproducible. Used by the command (JSON lines in and out) and by user
 * outputs; the document itself is written by the core (json.c).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "binding.h"
#include "compat.h"

#define MAX_DEPTH 512

/* null: a unique light userdata (also lede.null) */
static char null_key;
void *const lede_json_null = &null_key;

typedef struct dec {
  lua_State *L;
  const unsigned char *s;
  size_t n, i;
  int depth;
} dec;

static int dec_error(dec *d, const char *msg) {
  return luaL_error(d->L, "lede.json: %s at byte %d", msg, (int)d->i);
}

static void skip_ws(dec *d) {
  while (d->i < d->n) {
    unsigned char c = d->s[d->i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    d->i++;
  }
}

static int hex4(dec *d, unsigned *v) {
  if (d->n - d->i < 4) return 0;
  unsigned x = 0;
  for (int k = 0; k < 4; k++) {
    unsigned char c = d->s[d->i + k];
    x <<= 4;
    if (c >= '0' && c <= '9') x |= c - '0';
    else if (c >= 'a' && c <= 'f') x |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') x |= c - 'A' + 10;
    else return 0;
  }
  d->i += 4;
  *v = x;
  return 1;
}

static void add_utf8(luaL_Buffer *b, unsigned cp) {
  char o[4];
  int n;
  if (cp < 0x80) {
    o[0] = (char)cp; n = 1;
  } else if (cp < 0x800) {
    o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); n = 2;
  } else if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
  } else {
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
  }
  luaL_addlstring(b, o, (size_t)n);
}

static void dec_string(dec *d) {
  d->i++; /* the quote */
  luaL_Buffer b;
  luaL_buffinit(d->L, &b);
  size_t run = d->i;
  for (;;) {
    if (d->i >= d->n) dec_error(d, "unterminated string");
    unsigned char c = d->s[d->i];
    if (c == '"') {
      luaL_addlstring(&b, (const char *)d->s + run, d->i - run);
      d->i++;
      break;
    }
    if (c < 0x20) dec_error(d, "control character in string");
    if (c != '\\') {
      d->i++;
      continue;
    }
    luaL_addlstring(&b, (const char *)d->s + run, d->i - run);
    d->i++;
    if (d->i >= d->n) dec_error(d, "unterminated escape");
    c = d->s[d->i++];
    switch (c) {
      case '"': luaL_addchar(&b, '"'); break;
      case '\\': luaL_addchar(&b, '\\'); break;
      case '/': luaL_addchar(&b, '/'); break;
      case 'b': luaL_addchar(&b, '\b'); break;
      case 'f': luaL_addchar(&b, '\f'); break;
      case 'n': luaL_addchar(&b, '\n'); break;
      case 'r': luaL_addchar(&b, '\r'); break;
      case 't': luaL_addchar(&b, '\t'); break;
      case 'u': {
        unsigned cp;
        if (!hex4(d, &cp)) dec_error(d, "bad \\u escape");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          unsigned lo;
          if (d->n - d->i >= 6 && d->s[d->i] == '\\' && d->s[d->i + 1] == 'u') {
            d->i += 2;
            if (!hex4(d, &lo)) dec_error(d, "bad \\u escape");
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else {
              add_utf8(&b, 0xFFFD);
              cp = lo >= 0xD800 && lo <= 0xDFFF ? 0xFFFD : lo;
            }
          } else {
            cp = 0xFFFD; /* a lone surrogate */
          }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          cp = 0xFFFD;
        }
        add_utf8(&b, cp);
        break;
      }
      default: dec_error(d, "bad escape");
    }
    run = d->i;
  }
  luaL_pushresult(&b);
}

static void dec_value(dec *d);

static void dec_number(dec *d) {
  size_t st = d->i;
  if (d->i < d->n && d->s[d->i] == '-') d->i++;
  if (d->i >= d->n) dec_error(d, "bad number");
  if (d->s[d->i] == '0') {
    d->i++;
  } else if (d->s[d->i] >= '1' && d->s[d->i] <= '9') {
    while (d->i < d->n && d->s[d->i] >= '0' && d->s[d->i] <= '9') d->i++;
  } else {
    dec_error(d, "bad number");
  }
  int frac = 0;
  if (d->i < d->n && d->s[d->i] == '.') {
    frac = 1;
    d->i++;
    if (d->i >= d->n || d->s[d->i] < '0' || d->s[d->i] > '9') dec_error(d, "bad number");
    while (d->i < d->n && d->s[d->i] >= '0' && d->s[d->i] <= '9') d->i++;
  }
  if (d->i < d->n && (d->s[d->i] == 'e' || d->s[d->i] == 'E')) {
    frac = 1;
    d->i++;
    if (d->i < d->n && (d->s[d->i] == '+' || d->s[d->i] == '-')) d->i++;
    if (d->i >= d->n || d->s[d->i] < '0' || d->s[d->i] > '9') dec_error(d, "bad number");
    while (d->i < d->n && d->s[d->i] >= '0' && d->s[d->i] <= '9') d->i++;
  }
  char tmp[64];
  size_t len = d->i - st;
  if (len >= sizeof tmp) {
    /* long numbers: strtod on a heap copy through a Lua string */
    lua_pushlstring(d->L, (const char *)d->s + st, len);
    double v = strtod(lua_tostring(d->L, -1), NULL);
    lua_pop(d->L, 1);
    lua_pushnumber(d->L, v);
    return;
  }
  memcpy(tmp, d->s + st, len);
  tmp[len] = 0;
#if LUA_VERSION_NUM >= 503
  /* (-0 is negative zero, a float: an integer would lose its sign) */
  if (!frac && len < 19 && !(len == 2 && tmp[0] == '-')) {
    lua_pushinteger(d->L, (lua_Integer)strtoll(tmp, NULL, 10));
    return;
  }
#else
  (void)frac;
#endif
  lua_pushnumber(d->L, strtod(tmp, NULL));
}

static void dec_literal(dec *d, const char *w) {
  size_t k = strlen(w);
  if (d->n - d->i < k || memcmp(d->s + d->i, w, k) != 0) dec_error(d, "unexpected character");
  d->i += k;
}

static void dec_value(dec *d) {
  skip_ws(d);
  if (d->i >= d->n) dec_error(d, "unexpected end");
  luaL_checkstack(d->L, 4, "JSON too deep");
  unsigned char c = d->s[d->i];
  switch (c) {
    case '"': dec_string(d); return;
    case '{': {
      if (++d->depth > MAX_DEPTH) dec_error(d, "nesting too deep");
      d->i++;
      lua_newtable(d->L);
      skip_ws(d);
      if (d->i < d->n && d->s[d->i] == '}') {
        d->i++;
        d->depth--;
        return;
      }
      for (;;) {
        skip_ws(d);
        if (d->i >= d->n || d->s[d->i] != '"') dec_error(d, "expected a key");
        dec_string(d);
        skip_ws(d);
        if (d->i >= d->n || d->s[d->i] != ':') dec_error(d, "expected ':'");
        d->i++;
        dec_value(d);
        lua_rawset(d->L, -3);
        skip_ws(d);
        if (d->i < d->n && d->s[d->i] == ',') {
          d->i++;
          continue;
        }
        if (d->i < d->n && d->s[d->i] == '}') {
          d->i++;
          break;
        }
        dec_error(d, "expected ',' or '}'");
      }
      d->depth--;
      return;
    }
    case '[': {
      if (++d->depth > MAX_DEPTH) dec_error(d, "nesting too deep");
      d->i++;
      lua_newtable(d->L);
      skip_ws(d);
      if (d->i < d->n && d->s[d->i] == ']') {
        d->i++;
        d->depth--;
        return;
      }
      int k = 0;
      for (;;) {
        dec_value(d);
        lua_rawseti(d->L, -2, ++k);
        skip_ws(d);
        if (d->i < d->n && d->s[d->i] == ',') {
          d->i++;
          continue;
        }
        if (d->i < d->n && d->s[d->i] == ']') {
          d->i++;
          break;
        }
        dec_error(d, "expected ',' or ']'");
      }
      d->depth--;
      return;
    }
    case 't': dec_literal(d, "true"); lua_pushboolean(d->L, 1); return;
    case 'f': dec_literal(d, "false"); lua_pushboolean(d->L, 0); return;
    case 'n': dec_literal(d, "null"); lua_pushlightuserdata(d->L, lede_json_null); return;
    default:
      if (c == '-' || (c >= '0' && c <= '9')) {
        dec_number(d);
        return;
      }
      dec_error(d, "unexpected character");
  }
}

int lede_json_decode(lua_State *L) {
  dec d;
  d.L = L;
  d.s = (const unsigned char *)luaL_checklstring(L, 1, &d.n);
  d.i = 0;
  d.depth = 0;
  dec_value(&d);
  skip_ws(&d);
  if (d.i != d.n) dec_error(&d, "trailing characters");
  return 1;
}

/* ---- encoding ----------------------------------------------------------------- */

/* The output grows in a C buffer owned by a userdata (freed by __gc), so a
 * Lua error anywhere in the encoding leaks nothing and the Lua stack can be
 * used freely while it grows. */
typedef struct sbuf {
  char *p;
  size_t n, cap;
} sbuf;

#define SBUF_MT "lede.json.buffer"

static int sbuf_gc(lua_State *L) {
  sbuf *b = (sbuf *)lua_touserdata(L, 1);
  free(b->p);
  b->p = NULL;
  return 0;
}

static void sb_add(lua_State *L, sbuf *b, const char *s, size_t n) {
  if (b->cap - b->n < n) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->n < n) {
      if (cap > ((size_t)-1) / 2) luaL_error(L, "lede.json: output too large");
      cap *= 2;
    }
    char *p = (char *)realloc(b->p, cap);
    if (!p) luaL_error(L, "lede.json: out of memory");
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
}
static void sb_char(lua_State *L, sbuf *b, char c) { sb_add(L, b, &c, 1); }
static void sb_str(lua_State *L, sbuf *b, const char *s) { sb_add(L, b, s, strlen(s)); }

static void enc_string(lua_State *L, sbuf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  sb_char(L, b, '"');
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    unsigned char c = u[i];
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      size_t j = i + 1;
      while (j < n && u[j] >= 0x20 && u[j] < 0x80 && u[j] != '"' && u[j] != '\\') j++;
      sb_add(L, b, s + i, j - i);
      i = j;
      continue;
    }
    if (c < 0x80) {
      char e[7] = {'\\', 0, 0, 0, 0, 0, 0};
      size_t k = 2;
      switch (c) {
        case '"': e[1] = '"'; break;
        case '\\': e[1] = '\\'; break;
        case '\n': e[1] = 'n'; break;
        case '\r': e[1] = 'r'; break;
        case '\t': e[1] = 't'; break;
        case '\b': e[1] = 'b'; break;
        case '\f': e[1] = 'f'; break;
        default:
          e[1] = 'u'; e[2] = '0'; e[3] = '0'; e[4] = hex[c >> 4]; e[5] = hex[c & 15];
          k = 6;
      }
      sb_add(L, b, e, k);
      i++;
      continue;
    }
    /* validate one UTF-8 sequence; invalid bytes become U+FFFD */
    size_t k = 0;
    unsigned cp = 0;
    if (c >= 0xC2 && c <= 0xDF) { k = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { k = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { k = 4; cp = c & 0x07; }
    int ok = k && i + k <= n;
    for (size_t j = 1; ok && j < k; j++) {
      if ((u[i + j] & 0xC0) != 0x80) ok = 0;
      else cp = (cp << 6) | (u[i + j] & 0x3F);
    }
    if (ok && ((k == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
               (k == 4 && (cp < 0x10000 || cp > 0x10FFFF))))
      ok = 0;
    if (!ok) {
      sb_str(L, b, "\xef\xbf\xbd");
      i++;
    } else if (cp == 0x2028 || cp == 0x2029) {
      sb_str(L, b, cp == 0x2028 ? "\\u2028" : "\\u2029");
      i += k;
    } else {
      sb_add(L, b, s + i, k);
      i += k;
    }
  }
  sb_char(L, b, '"');
}

static void enc_number(lua_State *L, sbuf *b, int idx) {
  char tmp[64];
#if LUA_VERSION_NUM >= 503
  if (lua_isinteger(L, idx)) {
    snprintf(tmp, sizeof tmp, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, idx));
    sb_str(L, b, tmp);
    return;
  }
#endif
  double v = lua_tonumber(L, idx);
  if (!isfinite(v)) luaL_error(L, "lede.json: cannot encode %s", v != v ? "NaN" : "infinity");
  if (v == floor(v) && fabs(v) < 9007199254740992.0) {
    snprintf(tmp, sizeof tmp, "%.0f", v);
  } else {
    snprintf(tmp, sizeof tmp, "%.15g", v);
    if (strtod(tmp, NULL) != v) snprintf(tmp, sizeof tmp, "%.17g", v);
  }
  sb_str(L, b, tmp);
}

/* An object key to sort: its bytes (NUL bytes included) and where its
 * value is. */
typedef struct key_ref {
  const char *s;
  size_t n;
  size_t idx;
} key_ref;

static int cmp_keys(const void *a, const void *b) {
  const key_ref *x = (const key_ref *)a, *y = (const key_ref *)b;
  int c = memcmp(x->s, y->s, x->n < y->n ? x->n : y->n);
  if (c) return c;
  return (x->n > y->n) - (x->n < y->n);
}

static void enc_value(lua_State *L, sbuf *b, int v, int depth);

static void enc_table(lua_State *L, sbuf *b, int t, int depth) {
  if (depth > MAX_DEPTH) luaL_error(L, "lede.json: nesting too deep (a cycle?)");
  luaL_checkstack(L, 8, "lede.json: nesting too deep");
  int top = lua_gettop(L);
  /* an array when the keys are exactly 1..n (an empty table is []) */
  size_t count = 0, maxk = 0;
  int array = 1;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    count++;
    if (lua_type(L, -2) == LUA_TNUMBER) {
      double k = lua_tonumber(L, -2);
      if (k >= 1 && k == floor(k) && k < 1e15) {
        if ((size_t)k > maxk) maxk = (size_t)k;
      } else {
        array = 0;
      }
    } else if (lua_type(L, -2) == LUA_TSTRING) {
      array = 0;
    } else {
      luaL_error(L, "lede.json: table keys must be strings or numbers");
    }
    lua_pop(L, 1);
  }
  if (array && maxk == count) {
    sb_char(L, b, '[');
    for (size_t i = 1; i <= count; i++) {
      if (i > 1) sb_char(L, b, ',');
      lua_rawgeti(L, t, (int)i);
      enc_value(L, b, lua_gettop(L), depth + 1);
      lua_pop(L, 1);
    }
    sb_char(L, b, ']');
    return;
  }
  /* an object, keys sorted so the output is reproducible; number keys are
   * written as strings. key_strs anchors the strings, key_vals the keys. */
  lua_createtable(L, (int)count, 0);
  int key_strs = lua_gettop(L);
  lua_createtable(L, (int)count, 0);
  int key_vals = lua_gettop(L);
  size_t nk = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    nk++;
    lua_pushvalue(L, -1);
    lua_rawseti(L, key_vals, (int)nk);
    if (lua_type(L, -1) == LUA_TNUMBER) {
      char tmp[64];
      snprintf(tmp, sizeof tmp, "%.17g", lua_tonumber(L, -1));
      lua_pushstring(L, tmp);
    } else {
      lua_pushvalue(L, -1);
    }
    lua_rawseti(L, key_strs, (int)nk);
  }
  /* sort indices by key string (key_strs keeps the strings alive) */
  key_ref *keys = (key_ref *)lua_newuserdatauv(L, (nk + 1) * sizeof(key_ref), 0);
  for (size_t i = 0; i < nk; i++) {
    lua_rawgeti(L, key_strs, (int)i + 1);
    keys[i].s = lua_tolstring(L, -1, &keys[i].n);
    keys[i].idx = i + 1;
    lua_pop(L, 1);
  }
  qsort((void *)keys, nk, sizeof(key_ref), cmp_keys);
  sb_char(L, b, '{');
  for (size_t i = 0; i < nk; i++) {
    /* a number key written as a string may meet the same string key */
    if (i && cmp_keys(&keys[i - 1], &keys[i]) == 0)
      luaL_error(L, "lede.json: key '%s' is both a number and a string", keys[i].s);
    if (i) sb_char(L, b, ',');
    enc_string(L, b, keys[i].s, keys[i].n);
    sb_char(L, b, ':');
    lua_rawgeti(L, key_vals, (int)keys[i].idx);
    lua_rawget(L, t);
    enc_value(L, b, lua_gettop(L), depth + 1);
    lua_pop(L, 1);
  }
  sb_char(L, b, '}');
  lua_settop(L, top);
}

static void enc_value(lua_State *L, sbuf *b, int v, int depth) {
  switch (lua_type(L, v)) {
    case LUA_TNIL: sb_str(L, b, "null"); return;
    case LUA_TBOOLEAN: sb_str(L, b, lua_toboolean(L, v) ? "true" : "false"); return;
    case LUA_TNUMBER: enc_number(L, b, v); return;
    case LUA_TSTRING: {
      size_t n;
      const char *s = lua_tolstring(L, v, &n);
      enc_string(L, b, s, n);
      return;
    }
    case LUA_TTABLE: enc_table(L, b, v, depth); return;
    case LUA_TLIGHTUSERDATA:
      if (lua_touserdata(L, v) == lede_json_null) {
        sb_str(L, b, "null");
        return;
      }
      break;
    default: break;
  }
  luaL_error(L, "lede.json: cannot encode a %s", luaL_typename(L, v));
}

int lede_json_encode(lua_State *L) {
  luaL_checkany(L, 1);
  lua_settop(L, 1);
  sbuf *b = (sbuf *)lua_newuserdatauv(L, sizeof *b, 0);
  b->p = NULL;
  b->n = b->cap = 0;
  if (luaL_newmetatable(L, SBUF_MT)) {
    lua_pushcfunction(L, sbuf_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  enc_value(L, b, 1, 0);
  lua_pushlstring(L, b->p ? b->p : "", b->n);
  free(b->p);
  b->p = NULL;
  return 1;
}
