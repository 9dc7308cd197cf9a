/*
 * User rules: PCRE2 patterns, token patterns and phrase dictionaries,
 * compiled once into a ruleset, matched in C over each content block, their
 * matches becoming entity candidates that compete with the built-ins'.
 *
 * Users' patterns are untrusted: they are compiled with PCRE2's limits
 * applied at match time (match, depth and heap limits from the engine's
 * limits), a pattern that runs into a limit fails the parse with an error
 * naming the rule and the position, and the per-document time budget is
 * checked between matches. Token patterns run as a bit-parallel automaton
 * (bounded repetitions), so no pattern can backtrack exponentially.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ner.h"
#include "patterns.h"
#include "regex_literals.h"
#include "rules.h"

enum { R_REGEX = 1, R_TOKENS, R_DICT };

#define MAX_TOKEN_ELEMS 32
#define MAX_REPEAT 63
#define MAX_CUSTOM_TYPES 200

typedef struct tok_elem {
  char *text, *lower, *shape;
  uint32_t lower_hash;
  pcre2_code *re;
  uint32_t re_min;        /* the regex's shortest match, in characters */
  uint8_t re_first[32];   /* bit b: a match of the regex may begin with byte b */
  int cap, allcap, num, dict, ent_type, negate;
  int min, max;
} tok_elem;

typedef struct rule {
  int kind;
  char *name;
  lede_rule_opts o;   /* strings inside point to copies */
  pcre2_code *re;
  uint8_t *lits;      /* of re: what a block needs for it to match (regex_literals.h) */
  pcre2_code *before, *after;
  tok_elem *elems;
  size_t nelems;
} rule;

typedef struct pack {
  char *name;
  pcre2_code *source;
} pack;

struct lede_ruleset {
  lede_allocator alloc;
  pcre2_general_context *gctx;
  lx_arena arena;      /* names and copied strings */
  lx_vec rules;        /* rule */
  lx_vec packs;        /* pack */
  lx_vec types;        /* char *: custom type names, LEDE_T_CUSTOM + index */
  lx_dict *dict;       /* phrases of dictionary rules: entry kind = rule id */
  lx_dict *dict_fold;  /* the same, accents folded, for fold_accents rules */
  int has_cs;          /* some dictionary rule is case-sensitive */
  lede_match_fn fn;
  void *ud;
};

/* ---- building ------------------------------------------------------------------ */

static void *pc_malloc(PCRE2_SIZE n, void *ud) {
  const lede_allocator *a = (const lede_allocator *)ud;
  return a->malloc(n, a->ud);
}
static void pc_free(void *p, void *ud) {
  const lede_allocator *a = (const lede_allocator *)ud;
  if (p) a->free(p, a->ud);
}

lede_ruleset *lede_ruleset_new(const lede_allocator *alloc, lede_status *st) {
  lede_status dummy;
  if (!st) st = &dummy;
  if (!alloc) alloc = &lx_default_allocator;
  lede_ruleset *rs = (lede_ruleset *)alloc->malloc(sizeof *rs, alloc->ud);
  if (!rs) {
    *st = LEDE_ENOMEM;
    return NULL;
  }
  memset(rs, 0, sizeof *rs);
  rs->alloc = *alloc;
  rs->arena.alloc = &rs->alloc;
  rs->gctx = pcre2_general_context_create(pc_malloc, pc_free, &rs->alloc);
  rs->dict = lx_dict_new(&rs->alloc);
  rs->dict_fold = lx_dict_new_fold(&rs->alloc);
  if (!rs->gctx || !rs->dict || !rs->dict_fold) {
    lede_ruleset_free(rs);
    *st = LEDE_ENOMEM;
    return NULL;
  }
  /* pack 0: always active */
  pack *p = NULL;
  if (lx_vec_reserve(&rs->alloc, &rs->packs, sizeof(pack), 1)) {
    p = (pack *)rs->packs.p;
    memset(p, 0, sizeof *p);
    rs->packs.n = 1;
  }
  if (!p) {
    lede_ruleset_free(rs);
    *st = LEDE_ENOMEM;
    return NULL;
  }
  *st = LEDE_OK;
  return rs;
}

void lede_ruleset_free(lede_ruleset *rs) {
  if (!rs) return;
  rule *R = (rule *)rs->rules.p;
  for (size_t i = 0; i < rs->rules.n; i++) {
    pcre2_code_free(R[i].re);
    pcre2_code_free(R[i].before);
    pcre2_code_free(R[i].after);
    for (size_t k = 0; k < R[i].nelems; k++) pcre2_code_free(R[i].elems[k].re);
  }
  pack *P = (pack *)rs->packs.p;
  for (size_t i = 0; i < rs->packs.n; i++) pcre2_code_free(P[i].source);
  lx_vec_free(&rs->alloc, &rs->rules);
  lx_vec_free(&rs->alloc, &rs->packs);
  lx_vec_free(&rs->alloc, &rs->types);
  lx_dict_free(rs->dict);
  lx_dict_free(rs->dict_fold);
  pcre2_general_context_free(rs->gctx);
  lx_arena_free_all(&rs->arena);
  lede_allocator a = rs->alloc;
  a.free(rs, a.ud);
}

void lede_ruleset_set_callback(lede_ruleset *rs, lede_match_fn fn, void *ud) {
  rs->fn = fn;
  rs->ud = ud;
}

static char *rs_strdup(lede_ruleset *rs, const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s);
  char *p = (char *)lx_arena_alloc(&rs->arena, n + 1);
  if (p) memcpy(p, s, n + 1);
  return p;
}

int lede_ruleset_type(lede_ruleset *rs, const char *name) {
  if (!name || !*name) return -1;
  int builtin = lede_type_from_name(name, strlen(name));
  if (builtin) return builtin;
  for (const char *p = name; *p; p++)
    if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_')) return -1;
  char **T = (char **)rs->types.p;
  for (size_t i = 0; i < rs->types.n; i++)
    if (strcmp(T[i], name) == 0) return LEDE_T_CUSTOM + (int)i;
  if (rs->types.n >= MAX_CUSTOM_TYPES) return -1;
  char *copy = rs_strdup(rs, name);
  if (!copy || !lx_vec_reserve(&rs->alloc, &rs->types, sizeof(char *), rs->types.n + 1)) return -1;
  ((char **)rs->types.p)[rs->types.n++] = copy;
  return LEDE_T_CUSTOM + (int)(rs->types.n - 1);
}

const char *lede_ruleset_type_name(const lede_ruleset *rs, int type) {
  const char *b = lede_type_name(type);
  if (b) return b;
  if (rs && type >= LEDE_T_CUSTOM && (size_t)(type - LEDE_T_CUSTOM) < rs->types.n)
    return ((char **)rs->types.p)[type - LEDE_T_CUSTOM];
  return NULL;
}

/* Compiles a user pattern; on error writes "rule 'x': ... at offset N". */
static pcre2_code *compile_user(lede_ruleset *rs, const char *what, const char *name,
                                const char *pat, size_t len, uint32_t extra, char *err,
                                size_t errsz) {
  pcre2_compile_context *cc = pcre2_compile_context_create(rs->gctx);
  if (!cc) {
    if (err) snprintf(err, errsz, "out of memory");
    return NULL;
  }
  int ec;
  PCRE2_SIZE eo;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, len, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | extra,
                                 &ec, &eo, cc);
  pcre2_compile_context_free(cc);
  if (!re) {
    char msg[160];
    pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, sizeof msg);
    if (err)
      snprintf(err, errsz, "rule '%s': bad %s at offset %zu: %s", name, what, (size_t)eo, msg);
    return NULL;
  }
  uint32_t jit = 0;
  pcre2_config(PCRE2_CONFIG_JIT, &jit);
  if (jit) pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* optional: the interpreter works too */
  return re;
}

int lede_ruleset_pack(lede_ruleset *rs, const char *name, const char *source, char *err,
                      size_t errsz) {
  if (!lx_vec_reserve(&rs->alloc, &rs->packs, sizeof(pack), rs->packs.n + 1)) {
    if (err) snprintf(err, errsz, "out of memory");
    return -1;
  }
  pack *p = (pack *)rs->packs.p + rs->packs.n;
  memset(p, 0, sizeof *p);
  p->name = rs_strdup(rs, name ? name : "pack");
  if (source) {
    p->source = compile_user(rs, "source pattern", p->name ? p->name : "pack", source,
                             strlen(source), PCRE2_CASELESS, err, errsz);
    if (!p->source) return -1;
  }
  return (int)rs->packs.n++;
}

int lede_ruleset_pack_applies(const lede_ruleset *rs, int index, const char *source) {
  if (!rs || index < 0 || (size_t)index >= rs->packs.n) return -1;
  const pack *p = (const pack *)rs->packs.p + index;
  if (!p->source) return 1;
  if (!source) return 0;
  pcre2_match_data *md = pcre2_match_data_create(1, rs->gctx);
  pcre2_match_context *mc = pcre2_match_context_create(rs->gctx);
  int rc = -1;
  if (md && mc) {
    /* the same answer as lx_rules_begin; source hints are short */
    pcre2_set_match_limit(mc, 1000000);
    rc = pcre2_match(p->source, (PCRE2_SPTR)source, strlen(source), 0, 0, md, mc);
  }
  pcre2_match_data_free(md);
  pcre2_match_context_free(mc);
  return rc > 0;
}

/* A new rule with its options copied; NULL (and err) on a bad option. */
static rule *new_rule(lede_ruleset *rs, const lede_rule_opts *o, int kind, char *err,
                      size_t errsz) {
  if (!o || !o->name || !*o->name) {
    if (err) snprintf(err, errsz, "a rule needs a name");
    return NULL;
  }
  if (o->type <= 0 || !lede_ruleset_type_name(rs, o->type)) {
    if (err) snprintf(err, errsz, "rule '%s': unknown entity type %d", o->name, o->type);
    return NULL;
  }
  if (o->pack < 0 || (size_t)o->pack >= rs->packs.n) {
    if (err) snprintf(err, errsz, "rule '%s': unknown pack %d", o->name, o->pack);
    return NULL;
  }
  if (o->overlap < LEDE_OVERLAP_LONGEST || o->overlap > LEDE_OVERLAP_KEEP_ALL) {
    if (err) snprintf(err, errsz, "rule '%s': unknown overlap policy %d", o->name, o->overlap);
    return NULL;
  }
  if (rs->rules.n >= 60000) {
    if (err) snprintf(err, errsz, "rule '%s': too many rules", o->name);
    return NULL;
  }
  if (!lx_vec_reserve(&rs->alloc, &rs->rules, sizeof(rule), rs->rules.n + 1)) {
    if (err) snprintf(err, errsz, "out of memory");
    return NULL;
  }
  rule *r = (rule *)rs->rules.p + rs->rules.n;
  memset(r, 0, sizeof *r);
  r->kind = kind;
  r->o = *o;
  r->name = rs_strdup(rs, o->name);
  r->o.name = r->name;
  r->o.before = r->o.after = NULL;
  if (!r->name) {
    if (err) snprintf(err, errsz, "out of memory");
    return NULL;
  }
  uint32_t ucp = o->ucp ? PCRE2_UCP : 0;
  if (o->before) {
    /* "the text right before ends with": anchored at the window's end */
    r->before = compile_user(rs, "'before' pattern", o->name, o->before, strlen(o->before),
                             PCRE2_ENDANCHORED | ucp | (o->caseless ? PCRE2_CASELESS : 0), err,
                             errsz);
    if (!r->before) return NULL;
  }
  if (o->after) {
    r->after = compile_user(rs, "'after' pattern", o->name, o->after, strlen(o->after),
                            PCRE2_ANCHORED | ucp | (o->caseless ? PCRE2_CASELESS : 0), err, errsz);
    if (!r->after) {
      pcre2_code_free(r->before);
      r->before = NULL;
      return NULL;
    }
  }
  return r;
}

int lede_ruleset_add_regex(lede_ruleset *rs, const lede_rule_opts *o, const char *pattern,
                           size_t len, char *err, size_t errsz) {
  rule *r = new_rule(rs, o, R_REGEX, err, errsz);
  if (!r) return -1;
  if (!pattern) {
    if (err) snprintf(err, errsz, "rule '%s': no pattern", o->name);
    goto fail;
  }
  r->re = compile_user(rs, "pattern", o->name, pattern, len,
                       (o->ucp ? PCRE2_UCP : 0) | (o->caseless ? PCRE2_CASELESS : 0), err, errsz);
  if (!r->re) goto fail;
  uint8_t lits[LX_RL_MAX];
  size_t nl = lx_rl_extract(&rs->alloc, pattern, len, o->caseless, lits);
  /* (no room for them: the rule runs on every block, as without them) */
  if (nl && (r->lits = (uint8_t *)lx_arena_alloc(&rs->arena, nl)) != NULL)
    memcpy(r->lits, lits, nl);
  return (int)++rs->rules.n;
fail:
  pcre2_code_free(r->before);
  pcre2_code_free(r->after);
  return -1;
}

/* What a token needs for e's regex to match it: at least re_min bytes (a
 * character is one at least), and a first byte of re_first. Most tokens
 * fail it (a pattern like \d+(?:st|nd|rd|th)) and skip the call to PCRE2.
 * PCRE2 works out the first bytes only for a pattern without anchors: a
 * copy compiled without them (whose matches include the anchored ones)
 * says, once; a copy that fails, or knows no first byte, lets all pass. */
static void elem_prefilter(lede_ruleset *rs, tok_elem *e, const char *pat, uint32_t extra) {
  memset(e->re_first, 0xFF, sizeof e->re_first);
  pcre2_pattern_info(e->re, PCRE2_INFO_MINLENGTH, &e->re_min);
  pcre2_compile_context *cc = pcre2_compile_context_create(rs->gctx);
  if (!cc) return;
  int ec;
  PCRE2_SIZE eo;
  pcre2_code *free_re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                                      PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | extra, &ec, &eo, cc);
  pcre2_compile_context_free(cc);
  if (!free_re) return;
  uint32_t type = 0, cu = 0;
  const uint8_t *bits = NULL;
  pcre2_pattern_info(free_re, PCRE2_INFO_FIRSTCODETYPE, &type);
  if (type == 1) {
    pcre2_pattern_info(free_re, PCRE2_INFO_FIRSTCODEUNIT, &cu);
    /* a letter may be caseless (PCRE2 does not say): both cases, and any
     * non-ASCII byte for the other cases beyond ASCII */
    if (cu < 0x80) {
      memset(e->re_first, 0, 16);
      e->re_first[cu >> 3] |= (uint8_t)(1u << (cu & 7));
      if (lx_ascii_class[cu] & (LX_CC_UPPER | LX_CC_LOWER)) {
        cu ^= 0x20;
        e->re_first[cu >> 3] |= (uint8_t)(1u << (cu & 7));
      } else {
        memset(e->re_first + 16, 0, 16);
      }
    }
  } else if (type == 0) {
    pcre2_pattern_info(free_re, PCRE2_INFO_FIRSTBITMAP, &bits);
    if (bits) memcpy(e->re_first, bits, sizeof e->re_first);
  }
  pcre2_code_free(free_re);
}

int lede_ruleset_add_tokens(lede_ruleset *rs, const lede_rule_opts *o,
                            const lede_token_test *tests, size_t n, char *err, size_t errsz) {
  rule *r = new_rule(rs, o, R_TOKENS, err, errsz);
  if (!r) return -1;
  if (n == 0 || n > MAX_TOKEN_ELEMS) {
    if (err) snprintf(err, errsz, "rule '%s': a token pattern has 1 to %d elements", o->name,
                      MAX_TOKEN_ELEMS);
    goto fail;
  }
  r->elems = (tok_elem *)lx_arena_alloc(&rs->arena, n * sizeof(tok_elem));
  if (!r->elems) {
    if (err) snprintf(err, errsz, "out of memory");
    goto fail;
  }
  memset(r->elems, 0, n * sizeof(tok_elem));
  r->nelems = n;
  int can_be_empty = 1;
  for (size_t i = 0; i < n; i++) {
    const lede_token_test *t = &tests[i];
    tok_elem *e = &r->elems[i];
    int min = t->min, max = t->max < 0 ? MAX_REPEAT : t->max;
    if (min < 0 || max < min || max > MAX_REPEAT || max == 0) {
      if (err)
        snprintf(err, errsz,
                 "rule '%s': element %zu repeats {%d,%d}: need 0 <= min <= max <= %d, max >= 1",
                 o->name, i + 1, t->min, t->max, MAX_REPEAT);
      goto fail;
    }
    if (min > 0) can_be_empty = 0;
    e->min = min;
    e->max = max;
    e->text = rs_strdup(rs, t->text);
    e->lower = rs_strdup(rs, t->lower);
    if (t->lower) e->lower_hash = lx_hash_lower(t->lower, strlen(t->lower));
    e->shape = rs_strdup(rs, t->shape);
    e->cap = t->cap;
    e->allcap = t->allcap;
    e->num = t->num;
    e->dict = t->dict;
    e->ent_type = t->ent_type;
    e->negate = t->negate;
    if (t->dict && (t->dict < 1 || (size_t)t->dict > rs->rules.n ||
                    ((rule *)rs->rules.p)[t->dict - 1].kind != R_DICT)) {
      if (err) snprintf(err, errsz, "rule '%s': element %zu: rule %d is not a dictionary", o->name,
                        i + 1, t->dict);
      goto fail;
    }
    if (t->regex) {
      char what[48];
      snprintf(what, sizeof what, "token pattern (element %zu)", i + 1);
      uint32_t extra = (o->ucp ? PCRE2_UCP : 0) | (o->caseless ? PCRE2_CASELESS : 0);
      e->re = compile_user(rs, what, o->name, t->regex, strlen(t->regex),
                           PCRE2_ANCHORED | PCRE2_ENDANCHORED | extra, err, errsz);
      if (!e->re) goto fail;
      elem_prefilter(rs, e, t->regex, extra);
    }
  }
  if (can_be_empty) {
    if (err) snprintf(err, errsz, "rule '%s': the token pattern can match nothing", o->name);
    goto fail;
  }
  return (int)++rs->rules.n;
fail:
  for (size_t i = 0; r->elems && i < n; i++) {
    pcre2_code_free(r->elems[i].re);
    r->elems[i].re = NULL;
  }
  r->nelems = 0;
  pcre2_code_free(r->before);
  pcre2_code_free(r->after);
  return -1;
}

int lede_ruleset_add_dict(lede_ruleset *rs, const lede_rule_opts *o, char *err, size_t errsz) {
  rule *r = new_rule(rs, o, R_DICT, err, errsz);
  if (!r) return -1;
  if (o->case_sensitive) rs->has_cs = 1;
  return (int)++rs->rules.n;
}

lede_status lede_ruleset_dict_add(lede_ruleset *rs, int id, const char *phrase, size_t n,
                                  const char *eid, size_t idn, int type) {
  if (id < 1 || (size_t)id > rs->rules.n) return LEDE_EINVAL;
  rule *r = (rule *)rs->rules.p + (id - 1);
  if (r->kind != R_DICT || !phrase || n == 0) return LEDE_EINVAL;
  if (type && !lede_ruleset_type_name(rs, type)) return LEDE_EINVAL;
  char attrs[32];
  int an = type ? snprintf(attrs, sizeof attrs, "t=%d", type) : 0;
  lx_dict *d = r->o.fold_accents ? rs->dict_fold : rs->dict;
  if (!lx_dict_add(d, phrase, n, id, eid ? eid : "", eid ? idn : 0, attrs, (size_t)an, 0)) {
    /* a phrase of no token (or over 255) is a bad phrase; otherwise memory */
    return lx_dict_bad_phrase(d) ? LEDE_EINVAL : LEDE_ENOMEM;
  }
  return LEDE_OK;
}

lede_status lede_ruleset_dict_load(lede_ruleset *rs, int id, const char *tsv, size_t n, char *err,
                                   size_t errsz) {
  size_t i = 0, line = 0;
  const char *name = lede_ruleset_rule_name(rs, id);
  if (id >= 1 && (size_t)id <= rs->rules.n) {
    const rule *r = (const rule *)rs->rules.p + (id - 1);
    if (r->kind == R_DICT &&
        !lx_dict_reserve(r->o.fold_accents ? rs->dict_fold : rs->dict, lx_count_lines(tsv, n))) {
      if (err) snprintf(err, errsz, "rule '%s': out of memory", name ? name : "?");
      return LEDE_ENOMEM;
    }
  }
  while (i < n) {
    size_t e = i;
    while (e < n && tsv[e] != '\n') e++;
    line++;
    size_t le = e;
    if (le > i && tsv[le - 1] == '\r') le--;
    if (le > i && tsv[i] != '#') {
      const char *f[3] = {tsv + i, NULL, NULL};
      size_t fl[3] = {0, 0, 0}, nf = 1, s = i;
      for (size_t k = i; k <= le; k++) {
        if (k == le || tsv[k] == '\t') {
          fl[nf - 1] = k - s;
          if (k < le && nf < 3) f[nf++] = tsv + k + 1;
          s = k + 1;
          if (nf == 3 && k < le) {
            /* the rest is the type */
            size_t z = le;
            fl[2] = z - (k + 1);
            break;
          }
        }
      }
      int type = 0;
      if (nf == 3 && fl[2]) {
        char tn[64];
        if (fl[2] >= sizeof tn) {
          if (err)
            snprintf(err, errsz, "rule '%s': line %zu: type too long", name ? name : "?", line);
          return LEDE_EINVAL;
        }
        memcpy(tn, f[2], fl[2]);
        tn[fl[2]] = 0;
        type = lede_ruleset_type(rs, tn);
        if (type < 0) {
          if (err)
            snprintf(err, errsz, "rule '%s': line %zu: bad type '%s'", name ? name : "?", line,
                     tn);
          return LEDE_EINVAL;
        }
      }
      lede_status st = lede_ruleset_dict_add(rs, id, f[0], fl[0], nf >= 2 ? f[1] : NULL,
                                             nf >= 2 ? fl[1] : 0, type);
      if (st != LEDE_OK) {
        if (err) snprintf(err, errsz, "rule '%s': line %zu: %s", name ? name : "?", line,
                          st == LEDE_ENOMEM ? "out of memory" : "bad phrase");
        return st;
      }
    }
    i = e + 1;
  }
  return LEDE_OK;
}

const char *lede_ruleset_rule_name(const lede_ruleset *rs, int id) {
  if (!rs || id < 1 || (size_t)id > rs->rules.n) return NULL;
  return ((const rule *)rs->rules.p)[id - 1].name;
}

size_t lede_ruleset_count(const lede_ruleset *rs) { return rs ? rs->rules.n : 0; }

const char *lede_ruleset_group_name(const lede_ruleset *rs, int id, size_t group) {
  if (!rs || id < 1 || (size_t)id > rs->rules.n) return NULL;
  const rule *r = (const rule *)rs->rules.p + (id - 1);
  if (r->kind != R_REGEX || !r->re) return NULL;
  uint32_t count = 0, size = 0;
  PCRE2_SPTR table;
  pcre2_pattern_info(r->re, PCRE2_INFO_NAMECOUNT, &count);
  pcre2_pattern_info(r->re, PCRE2_INFO_NAMEENTRYSIZE, &size);
  pcre2_pattern_info(r->re, PCRE2_INFO_NAMETABLE, &table);
  for (uint32_t i = 0; i < count; i++) {
    PCRE2_SPTR e = table + (size_t)i * size;
    if ((size_t)((e[0] << 8) | e[1]) == group) return (const char *)e + 2;
  }
  return NULL;
}

/* ---- matching -------------------------------------------------------------------- */

/* The parse state of the rules (in lx_ctx): active packs, match context. */
struct lx_rules_run {
  const lede_ruleset *rs;
  pcre2_match_context *mctx;
  pcre2_match_data *md;
  uint8_t *active; /* per pack */
  uint32_t opts;   /* PCRE2_NO_JIT for an engine without JIT */
  /* whether an active rule reads the dictionary (0) or the one of folded
   * accents (1): word lists of token tests alone sit in a pack never
   * active, and their dictionary needs no pass over the tokens */
  uint8_t dict_on[2];
};

/* Matches a user's pattern on s[0, n) from off. An engine without JIT
 * runs users' patterns with PCRE2's interpreter too (valgrind, and the
 * depth and heap limits, which only the interpreter knows). */
static int rule_match(lx_ctx *c, const pcre2_code *re, const char *s, size_t n, size_t off) {
  return pcre2_match(re, (PCRE2_SPTR)s, n, off, PCRE2_NO_UTF_CHECK | c->rr->opts, c->rr->md,
                     c->rr->mctx);
}

/* Where an anchored match was found (PCRE2 10.42's interpreter, unlike
 * its JIT, lets PCRE2_ANCHORED start after, and PCRE2_ENDANCHORED end
 * before, an invalid UTF-8 sequence of the subject): such a match is none. */
static int anchored_at(lx_ctx *c, size_t start, size_t end) {
  const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->rr->md);
  return (start == SIZE_MAX || ov[0] == start) && (end == SIZE_MAX || ov[1] == end);
}

/* Fails the parse for a pattern that gave up: a limit, or memory. */
LX_NORETURN static void match_failed(lx_ctx *c, const char *rule, const char *what, int rc,
                                     size_t at) {
  const char *why = rc == PCRE2_ERROR_MATCHLIMIT      ? "the match limit"
                    : rc == PCRE2_ERROR_DEPTHLIMIT    ? "the depth limit"
                    : rc == PCRE2_ERROR_HEAPLIMIT     ? "the heap limit"
                    : rc == PCRE2_ERROR_JIT_STACKLIMIT ? "the JIT stack limit"
                    : rc == PCRE2_ERROR_NOMEMORY      ? "memory"
                                                      : "an error";
  lx_fail(c, rc == PCRE2_ERROR_NOMEMORY ? LEDE_ENOMEM : LEDE_ELIMIT,
          "rule '%s': %s ran into %s at byte %zu", rule, what, why, at);
}

static void *rr_alloc(lx_ctx *c, size_t n) {
  void *p = lx_malloc(c->alloc, n);
  if (!p) lx_fail(c, LEDE_ENOMEM, "out of memory");
  return p;
}

void lx_rules_begin(lx_ctx *c) {
  const lede_ruleset *rs = c->opts->rules;
  if (!rs || !rs->rules.n) return;
  lx_rules_run *rr = (lx_rules_run *)rr_alloc(c, sizeof *rr);
  memset(rr, 0, sizeof *rr);
  c->rr = rr;
  rr->rs = rs;
  rr->opts = (c->eng->flags & LEDE_ENGINE_NO_JIT) ? PCRE2_NO_JIT : 0;
  rr->active = (uint8_t *)rr_alloc(c, rs->packs.n);
  memset(rr->active, 0, rs->packs.n);
  const pack *P = (const pack *)rs->packs.p;
  rr->md = pcre2_match_data_create(32, rs->gctx);
  rr->mctx = pcre2_match_context_create(rs->gctx);
  if (!rr->md || !rr->mctx) lx_fail(c, LEDE_ENOMEM, "out of memory");
  pcre2_set_match_limit(rr->mctx, c->eng->limits.match_limit);
  pcre2_set_depth_limit(rr->mctx, c->eng->limits.depth_limit);
  pcre2_set_heap_limit(rr->mctx, c->eng->limits.heap_limit_kib);
  /* the document keeps the names it may print (the ruleset may be freed
   * before it) */
  lede_doc_internal *in = c->doc->internal;
  if (rs->types.n) {
    in->type_names = (const char **)lx_alloc(c, rs->types.n * sizeof(char *));
    for (size_t i = 0; i < rs->types.n; i++) {
      const char *n = ((char **)rs->types.p)[i];
      in->type_names[i] = lx_strndup(c, n, strlen(n));
    }
    in->ntype_names = rs->types.n;
  }
  in->rule_names = (const char **)lx_alloc(c, rs->rules.n * sizeof(char *));
  for (size_t i = 0; i < rs->rules.n; i++) {
    const char *n = ((const rule *)rs->rules.p)[i].name;
    in->rule_names[i] = lx_strndup(c, n, strlen(n));
  }
  in->nrule_names = rs->rules.n;
  const char *src = c->opts->source;
  for (size_t i = 0; i < rs->packs.n; i++) {
    if (!P[i].source) {
      rr->active[i] = 1;
    } else if (src) {
      int rc =
          pcre2_match(P[i].source, (PCRE2_SPTR)src, strlen(src), 0, rr->opts, rr->md, rr->mctx);
      rr->active[i] = rc > 0;
    }
  }
  const rule *R = (const rule *)rs->rules.p;
  for (size_t i = 0; i < rs->rules.n; i++)
    if (R[i].kind == R_DICT && rr->active[R[i].o.pack]) rr->dict_on[R[i].o.fold_accents != 0] = 1;
}

void lx_rules_end(lx_ctx *c) {
  lx_rules_run *rr = c->rr;
  if (!rr) return;
  pcre2_match_data_free(rr->md);
  pcre2_match_context_free(rr->mctx);
  lx_free(c->alloc, rr->active);
  lx_free(c->alloc, rr);
  c->rr = NULL;
}

/* The spaCy-style shape of a token: X x d, runs cut at 4. */
static void token_shape(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  char prev = 0;
  int run = 0;
  for (size_t i = 0; i < n && k + 1 < cap;) {
    unsigned char ch = (unsigned char)s[i];
    char m;
    size_t step = 1;
    if (ch < 0x80) {
      unsigned cl = lx_ascii_class[ch];
      m = (cl & LX_CC_UPPER) ? 'X' : (cl & LX_CC_LOWER) ? 'x' : (cl & LX_CC_DIGIT) ? 'd' : (char)ch;
    } else {
      uint32_t cp;
      step = lx_utf8_decode((const unsigned char *)s + i, n - i, &cp);
      unsigned cl = lx_cp_class(cp);
      m = (cl & LX_CC_UPPER) ? 'X' : (cl & LX_CC_LOWER) ? 'x' : (cl & LX_CC_DIGIT) ? 'd' : '?';
    }
    run = m == prev ? run + 1 : 1;
    prev = m;
    if (run <= 4) out[k++] = m;
    i += step;
  }
  out[k] = 0;
}

/* The text of a token is exactly s. */
static int tok_eq(const char *text, const lx_token *t, const char *s) {
  size_t n = t->end - t->start;
  return strlen(s) == n && memcmp(text + t->start, s, n) == 0;
}

/* Whether token t fails e's tests (before negation) for a reason seen
 * without a call: its lower case is not e's word, or the regex cannot
 * start with its first byte or fit in it. elem_test asks it first, and
 * match_tokens inline of every token, where most tokens end. */
static inline int elem_refuses(const char *text, const tok_elem *e, const lx_token *t) {
  /* lower-case text: tokens are keyed by the hash of their lower case */
  if (e->lower && t->hash != e->lower_hash) return 1;
  if (!e->re) return 0;
  unsigned char b0 = (unsigned char)text[t->start];
  return t->end - t->start < e->re_min || !(e->re_first[b0 >> 3] & (1u << (b0 & 7)));
}

/* Whether token i passes element e's tests (before negation). */
static int elem_test(lx_ctx *c, const rule *r, const tok_elem *e, size_t i, const uint8_t *etypes,
                     size_t t0) {
  const lx_token *t = (const lx_token *)c->toks.p + i;
  if (elem_refuses(c->text, e, t)) return 0;
  if (e->text && !tok_eq(c->text, t, e->text)) return 0;
  if (e->cap && ((e->cap > 0) != ((t->flags & (LX_TF_CAP | LX_TF_ALLCAP)) != 0))) return 0;
  if (e->allcap && ((e->allcap > 0) != ((t->flags & LX_TF_ALLCAP) != 0))) return 0;
  if (e->num) {
    int isnum = t->kind == LX_TK_NUM;
    if ((e->num > 0) != isnum) return 0;
  }
  if (e->shape) {
    char sh[64];
    token_shape(c->text + t->start, t->end - t->start, sh, sizeof sh);
    if (strcmp(sh, e->shape) != 0) return 0;
  }
  if (e->ent_type && (!etypes || etypes[i - t0] != e->ent_type)) return 0;
  if (e->dict) {
    const lx_entry *d = lx_dict_exact(c->rr->rs->dict, c->text, (const lx_token *)c->toks.p, i, 1);
    int in = 0;
    for (; d && !in; d = lx_entry_next(c->rr->rs->dict, d)) in = d->kind == e->dict;
    if (!in) return 0;
  }
  if (e->re) {
    size_t tn = t->end - t->start;
    int rc = rule_match(c, e->re, c->text + t->start, tn, 0);
    if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
      /* invalid UTF-8 inside the token is a non-match, not an error */
      if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) return 0;
      match_failed(c, r->name, "token pattern", rc, t->start);
    }
    if (rc <= 0 || !anchored_at(c, 0, tn)) return 0;
  }
  return 1;
}

static int elem_match(lx_ctx *c, const rule *r, const tok_elem *e, size_t i, const uint8_t *etypes,
                      size_t t0) {
  int ok = elem_test(c, r, e, i, etypes, t0);
  return e->negate ? !ok : ok;
}

/* How far 'before' and 'after' look: within the match's sentence (or
 * paragraph), and at most this many bytes from the match. Without a bound
 * each match searched back to the start of its paragraph, and a paragraph
 * full of matches took quadratic time. */
#define CONTEXT_MAX 512

/* Is the window before/after the match accepted by the rule's context?
 * The block is tokens [t0, t1), bytes [bs, be). */
static int context_ok(lx_ctx *c, const rule *r, uint32_t ms, uint32_t me, size_t t0, size_t t1,
                      uint32_t bs, uint32_t be) {
  if (!r->before && !r->after) return 1;
  const lx_token *t = (const lx_token *)c->toks.p;
  uint32_t ws = ms - bs > CONTEXT_MAX ? ms - CONTEXT_MAX : bs;
  uint32_t we = be - me > CONTEXT_MAX ? me + CONTEXT_MAX : be;
  if (r->o.within == LEDE_WITHIN_SENTENCE) {
    /* the sentence around the match: back from its first token (found by
     * binary search) to the last sentence start, on to the next one */
    size_t lo = t0, hi = t1;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (t[mid].end <= ms) lo = mid + 1;
      else hi = mid;
    }
    for (size_t k = LX_MIN(lo + 1, t1); k-- > t0 && t[k].start >= ws;) {
      if (t[k].start <= ms && (t[k].flags & LX_TF_SENT)) {
        ws = t[k].start;
        break;
      }
    }
    lo = t0;
    hi = t1;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (t[mid].start < me) lo = mid + 1;
      else hi = mid;
    }
    for (size_t k = lo; k < t1 && t[k].start < we; k++)
      if (t[k].flags & LX_TF_SENT) {
        we = t[k].start;
        break;
      }
  }
  /* a bound may fall inside a character: keep whole characters */
  while (ws < ms && ((unsigned char)c->text[ws] & 0xC0) == 0x80) ws++;
  while (we > me && we < c->len && ((unsigned char)c->text[we] & 0xC0) == 0x80) we--;
  if (r->before) {
    int rc = rule_match(c, r->before, c->text + ws, ms - ws, 0);
    if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) match_failed(c, r->name, "'before' pattern", rc, ms);
    if (rc <= 0 || !anchored_at(c, SIZE_MAX, ms - ws)) return 0;
  }
  if (r->after) {
    int rc = rule_match(c, r->after, c->text + me, we - me, 0);
    if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) match_failed(c, r->name, "'after' pattern", rc, me);
    if (rc <= 0 || !anchored_at(c, 0, SIZE_MAX)) return 0;
  }
  return 1;
}

/* Makes a candidate of a match, through the callback when the rule asks. */
static void emit(lx_ctx *c, const rule *r, int id, uint32_t ms, uint32_t me, size_t bt0, size_t bt1,
                 const lede_span *groups, size_t ngroups, const char *entry_id, int entry_type) {
  const lede_ruleset *rs = c->rr->rs;
  if (me <= ms) return;
  /* the tokens the span touches: the first by binary search (a block may
   * be a whole long text: a scan from its start made each match cost its
   * position, quadratic in all) */
  const lx_token *t = (const lx_token *)c->toks.p;
  size_t a = bt0, hi = bt1;
  while (a < hi) {
    size_t mid = a + (hi - a) / 2;
    if (t[mid].end <= ms) a = mid + 1;
    else hi = mid;
  }
  size_t b = a;
  while (b < bt1 && t[b].start < me) b++;
  if (a >= b) return;
  int type = entry_type ? entry_type : r->o.type;
  lede_match m;
  memset(&m, 0, sizeof m);
  m.keep = 1;
  m.type = type;
  if (r->o.callback && rs->fn) {
    m.rule = id;
    m.span = lx_span(ms, me);
    m.groups = groups;
    m.ngroups = ngroups;
    m.entry_id = entry_id;
    m.text = c->text;
    if (rs->fn(rs->ud, &m) != 0) {
      m.error[sizeof m.error - 1] = 0;
      lx_fail(c, LEDE_ECALLBACK, "%s", m.error[0] ? m.error : "rule callback failed");
    }
    if (!m.keep) return;
    if (m.type <= 0 || !lede_ruleset_type_name(rs, m.type)) m.type = type;
  }
  lx_cand *k = (lx_cand *)lx_push(c, &c->cands, sizeof(lx_cand));
  k->t0 = (uint32_t)a;
  k->t1 = (uint32_t)b;
  k->bstart = ms;
  k->bend = me;
  k->type = (uint16_t)m.type;
  k->source = LX_SRC_USER;
  k->rule = (uint32_t)id;
  k->priority = r->o.priority;
  k->overlap = (uint8_t)r->o.overlap;
  k->override = (uint8_t)(r->o.override_builtin != 0);
  k->value_kind = (uint8_t)m.value_kind;
  k->num = m.num;
  if (m.str) k->ustr = lx_strndup(c, m.str, strlen(m.str));
  if (m.canonical) k->canon = lx_strndup(c, m.canonical, strlen(m.canonical));
  else if (entry_id && *entry_id) k->canon = NULL; /* ids are not names */
  if (entry_id && *entry_id) k->entry_id = lx_strndup(c, entry_id, strlen(entry_id));
}

static unsigned field_of(unsigned flags) {
  if (flags & LEDE_EF_IN_TITLE) return LEDE_IN_TITLE;
  if (flags & LEDE_EF_IN_CAPTION) return LEDE_IN_CAPTION;
  return LEDE_IN_BODY;
}

static int rule_applies(const lx_ctx *c, const rule *r, unsigned field) {
  if (!c->rr->active[r->o.pack]) return 0;
  return !r->o.where || (r->o.where & field);
}

static void match_regex(lx_ctx *c, const rule *r, int id, size_t t0, size_t t1, uint32_t bs,
                        uint32_t be) {
  lx_rules_run *rr = c->rr;
  size_t off = bs;
  lede_span groups[16];
  while (off <= be) {
    int rc = rule_match(c, r->re, c->text, be, off);
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0) match_failed(c, r->name, "pattern", rc, off);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rr->md);
    size_t ng = LX_MIN((size_t)rc, LX_COUNTOF(groups));
    for (size_t g = 0; g < ng; g++)
      groups[g] = ov[2 * g] == PCRE2_UNSET ? lx_no_span
                                           : lx_span((uint32_t)ov[2 * g], (uint32_t)ov[2 * g + 1]);
    uint32_t ms = (uint32_t)ov[0], me = (uint32_t)ov[1];
    if (me > ms && context_ok(c, r, ms, me, t0, t1, bs, be))
      emit(c, r, id, ms, me, t0, t1, groups, ng, NULL, 0);
    /* next: after the match; an empty match steps one character */
    if (me > off) {
      off = me;
    } else {
      off++;
      while (off < be && ((unsigned char)c->text[off] & 0xC0) == 0x80) off++;
    }
    lx_tick(c);
  }
}

/* Token patterns as a bit-parallel automaton: for each element, bit k of
 * state[e] says "element e has matched k times so far". */
static void match_tokens(lx_ctx *c, const rule *r, int id, size_t t0, size_t t1,
                         const uint8_t *etypes, uint32_t bs, uint32_t be) {
  const lx_token *t = (const lx_token *)c->toks.p;
  size_t ne = r->nelems;
  uint64_t st[MAX_TOKEN_ELEMS + 1], nx[MAX_TOKEN_ELEMS + 1];
  const tok_elem *e0 = &r->elems[0];
  for (size_t i = t0; i < t1;) {
    /* a quick reject: when the first element must match, nothing starts at
     * a token it refuses (most tokens), and the automaton need not run */
    if (e0->min > 0 && ((!e0->negate && elem_refuses(c->text, e0, &t[i])) ||
                        !elem_match(c, r, e0, i, etypes, t0))) {
      i++;
      continue;
    }
    /* (only the states of the rule's elements are cleared and copied: most
     * rules have a few) */
    size_t sz = (ne + 1) * sizeof *st;
    memset(st, 0, sz);
    st[0] = 1;
    size_t best = 0;
    for (size_t pos = i; pos <= t1 && pos - i <= (size_t)MAX_REPEAT * ne; pos++) {
      /* closure: an element done (count >= min) lets the next one start */
      for (size_t e = 0; e < ne; e++) {
        uint64_t done = st[e] & ~(((uint64_t)1 << r->elems[e].min) - 1);
        if (done) st[e + 1] |= 1;
      }
      if (st[ne] && pos > i) best = pos;
      if (pos == t1) break;
      int any = 0;
      memset(nx, 0, sz);
      for (size_t e = 0; e < ne; e++) {
        if (!st[e]) continue;
        const tok_elem *el = &r->elems[e];
        uint64_t can = st[e] & (((uint64_t)1 << el->max) - 1); /* below max */
        if (!can) continue;
        if (!elem_match(c, r, el, pos, etypes, t0)) continue;
        nx[e] |= can << 1;
        any = 1;
      }
      if (!any) break;
      memcpy(st, nx, sz);
    }
    if (best > i) {
      uint32_t ms = t[i].start, me = t[best - 1].end;
      if (context_ok(c, r, ms, me, t0, t1, bs, be))
        emit(c, r, id, ms, me, t0, t1, NULL, 0, NULL, 0);
      i = best; /* matches of one rule do not overlap */
    } else {
      i++;
    }
  }
  lx_tick(c);
}

/* Dictionary rules: one pass over the block's tokens. */
static void match_dicts(lx_ctx *c, const lx_dict *d, int fold, size_t t0, size_t t1, unsigned field,
                        uint32_t bs, uint32_t be) {
  const lede_ruleset *rs = c->rr->rs;
  const lx_token *t = (const lx_token *)c->toks.p;
  const rule *R = (const rule *)rs->rules.p;
  for (size_t i = t0; i < t1;) {
    const lx_entry *e;
    size_t k = fold ? lx_dict_longest_fold(d, c->text, t, t1, i, &e)
                    : lx_dict_longest(d, c->text, t, t1, i, &e);
    int took = 0;
    for (; k && e; e = lx_entry_next(d, e)) {
      int id = e->kind;
      const rule *r = &R[id - 1];
      if (!rule_applies(c, r, field)) continue;
      if (r->o.case_sensitive) {
        /* the printed phrase, white space aside */
        const char *ph = lx_dict_str(d, e->phrase);
        size_t p = 0;
        int same = 1;
        for (size_t j = i; j < i + k && same; j++) {
          while (ph[p] == ' ') p++;
          /* byte by byte: the phrase may end first, and the text may hold NULs */
          const char *s = c->text + t[j].start;
          for (size_t q = 0, n = t[j].end - t[j].start; q < n && same; q++, p++)
            if (!ph[p] || ph[p] != s[q]) same = 0;
        }
        if (!same) continue;
        while (ph[p] == ' ') p++;
        if (ph[p]) continue;
      }
      const char *eid = lx_dict_str(d, e->canonical);
      int etype = 0;
      size_t vn;
      const char *tv = lx_entry_attr(d, e, "t", &vn);
      if (tv) etype = atoi(tv);
      uint32_t ms = t[i].start, me = t[i + k - 1].end;
      if (context_ok(c, r, ms, me, t0, t1, bs, be)) {
        emit(c, r, id, ms, me, t0, t1, NULL, 0, eid, etype);
        took = 1;
      }
    }
    i += took ? k : 1;
  }
}

void lx_rules_match(lx_ctx *c, size_t t0, size_t t1, unsigned flags, const uint8_t *etypes) {
  lx_rules_run *rr = c->rr;
  if (!rr || t0 >= t1) return;
  const lede_ruleset *rs = rr->rs;
  const lx_token *t = (const lx_token *)c->toks.p;
  uint32_t bs = t[t0].start, be = t[t1 - 1].end;
  unsigned field = field_of(flags);
  const rule *R = (const rule *)rs->rules.p;
  for (size_t i = 0; i < rs->rules.n; i++) {
    const rule *r = &R[i];
    if (r->kind == R_DICT || !rule_applies(c, r, field)) continue;
    if (r->kind == R_REGEX) {
      /* a block without the literals every match contains cannot match */
      if (!r->lits || lx_rl_present(r->lits, c->text + bs, be - bs))
        match_regex(c, r, (int)i + 1, t0, t1, bs, be);
    } else {
      match_tokens(c, r, (int)i + 1, t0, t1, etypes, bs, be);
    }
  }
  if (rr->dict_on[0] && lx_dict_size(rs->dict)) match_dicts(c, rs->dict, 0, t0, t1, field, bs, be);
  if (rr->dict_on[1] && lx_dict_size(rs->dict_fold))
    match_dicts(c, rs->dict_fold, 1, t0, t1, field, bs, be);
}

const char *lx_rules_name(const lede_ruleset *rs, uint32_t id) {
  return lede_ruleset_rule_name(rs, (int)id);
}
