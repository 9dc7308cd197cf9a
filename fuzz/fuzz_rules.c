/*
 * libFuzzer harness: users' rules. A ruleset is compiled from the input
 * (PCRE2 patterns with before/after context, token patterns, phrase
 * dictionaries, packs, custom types), then a text is parsed with it.
 *
 *   byte 0   bits 0-1 match limit (default, 100000, 1000, 10); bit 2 a
 *            depth limit of 20; bit 3 a heap limit of 1 KiB; bits 4-5 skip
 *            built-in recognizers; bit 6 the callback fails a match with a
 *            '!'; bit 7 the ruleset is freed before the JSON is written
 *   byte 1   the source hint (packs match it)
 *   then     rule lines up to a blank line, the text after it. A line is a kind
 *            byte, a flags byte, a type byte and a body:
 *              R  regex: pattern [\1 before [\1 after]]
 *              T  tokens: elements of 4 bytes (string length, tests, min,
 *                 max) and a string (text, lower, shape or regex; "#" is
 *                 the last dictionary rule)
 *              D  dictionary: TSV "phrase<TAB>id<TAB>TYPE", \2 for newlines
 *              P  pack: the source pattern (empty: always)
 *              Y  a custom type name
 *            flags: bit 0 caseless, bit 1 ucp (dictionaries: fold accents),
 *            bits 2-3 overlap, bit 4 override built-ins, bit 5 callback,
 *            bit 6 within the paragraph, bit 7 case-sensitive dictionary;
 *            type: bits 0-4 the type (custom ones past the built-ins), bits
 *            5-6 where, bit 7 in the last pack
 *
 * When the parse succeeds, the same rules with each pattern behind
 * (*NO_START_OPT), which changes nothing of what it matches but which the
 * reader of required literals gives up on (plugin/core/regex_literals.c),
 * must give the same JSON: a literal wrongly required loses matches.
 *
 * Compiling gives a rule id or -1 with a message. The parse gives LEDE_OK
 * with a document that passes the checks (entities name their rule and
 * type), or LEDE_ELIMIT (a pattern hit a limit) or LEDE_ECALLBACK (the
 * callback asked) with a message; nothing leaks, and the document outlives
 * its ruleset.
 */
#include "common.h"


typedef struct cb_state {
  size_t len;
  int fail_on_bang;
  int called;
} cb_state;

static int callback(void *ud, lede_match *m) {
  cb_state *s = (cb_state *)ud;
  s->called++;
  FZ_ASSERT(m->span.start < m->span.end && m->span.end <= s->len, "match [%u, %u) in %zu",
            m->span.start, m->span.end, s->len);
  for (size_t g = 0; g < m->ngroups; g++)
    if (m->groups[g].start != LEDE_NONE)
      FZ_ASSERT(m->groups[g].start <= m->groups[g].end && m->groups[g].end <= s->len, "group %zu",
                g);
  size_t n = m->span.end - m->span.start;
  const char *t = m->text + m->span.start;
  if (s->fail_on_bang && memchr(t, '!', n)) {
    snprintf(m->error, sizeof m->error, "a bang at byte %u", m->span.start);
    return 1;
  }
  m->keep = m->span.start % 5 != 0;
  if (n % 3 == 0) m->type = LEDE_T_ORG;
  if (n % 4 == 0) {
    m->value_kind = LEDE_V_NUMBER;
    m->num = (double)n * 0.5;
  } else if (n % 7 == 0) {
    m->value_kind = LEDE_V_STRING;
    m->str = "a value";
    m->canonical = "A Canonical Name";
  }
  if (n % 11 == 0) m->type = 9999; /* no such type: ignored */
  return 0;
}

/* Patterns get the (*NO_START_OPT) prefix (the second ruleset). */
static int no_start_opt;

/* A NUL-terminated copy of s[0, n). */
static char *dup(const char *s, size_t n) {
  char *p = (char *)malloc(n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

static int type_of(uint8_t b, const int *custom, int ncustom) {
  int k = b & 31;
  if (k < LEDE_T_BUILTIN_COUNT - 1) return k + 1;
  if (!ncustom) return LEDE_T_PERSON;
  return custom[(k - (LEDE_T_BUILTIN_COUNT - 1)) % ncustom];
}

static void add_rule(lede_ruleset *rs, const char *line, size_t n, int *custom, int *ncustom,
                     int *last_pack, int *last_dict, int *rule_no) {
  if (n < 1) return;
  char kind = line[0];
  char err[300] = "";
  if (kind == 'Y') {
    char *name = dup(line + 1, n - 1);
    int t = lede_ruleset_type(rs, name);
    if (t >= LEDE_T_CUSTOM && *ncustom < 16) custom[(*ncustom)++] = t;
    if (t >= 0) FZ_ASSERT(lede_ruleset_type_name(rs, t), "a type has a name");
    free(name);
    return;
  }
  if (kind == 'P') {
    char *src = dup(line + 1, n - 1);
    int p = lede_ruleset_pack(rs, "a pack", n > 1 ? src : NULL, err, sizeof err);
    if (p >= 0) *last_pack = p;
    else FZ_ASSERT(err[0], "a pack error has a message");
    free(src);
    return;
  }
  if (n < 3) return;
  uint8_t fl = (uint8_t)line[1], ty = (uint8_t)line[2];
  const char *body = line + 3;
  size_t bn = n - 3;
  char name[32];
  snprintf(name, sizeof name, "rule%d", ++*rule_no);
  lede_rule_opts o;
  memset(&o, 0, sizeof o);
  o.name = name;
  o.type = type_of(ty, custom, *ncustom);
  o.pack = (ty & 128) ? *last_pack : 0;
  o.priority = fl & 3;
  o.overlap = (fl >> 2) & 3;
  o.override_builtin = (fl >> 4) & 1;
  o.callback = (fl >> 5) & 1;
  o.within = (fl >> 6) & 1;
  o.where = (ty >> 5) & 3 ? 1u << (((ty >> 5) & 3) - 1) : 0;
  o.caseless = fl & 1;
  o.ucp = (fl >> 1) & 1;
  int id = -1;
  if (kind == 'R') {
    /* pattern \1 before \1 after */
    const char *parts[3] = {body, NULL, NULL};
    size_t pl[3] = {bn, 0, 0};
    int np = 1;
    for (size_t i = 0; i < bn && np < 3; i++) {
      if (body[i] == 1) {
        pl[np - 1] = (size_t)(body + i - parts[np - 1]);
        parts[np] = body + i + 1;
        pl[np] = bn - i - 1;
        np++;
      }
    }
    char *before = np > 1 ? dup(parts[1], pl[1]) : NULL;
    char *after = np > 2 ? dup(parts[2], pl[2]) : NULL;
    o.before = before;
    o.after = after;
    static const char verb[] = "(*NO_START_OPT)";
    char *pat = (char *)malloc(sizeof verb + pl[0]);
    size_t vn = no_start_opt ? sizeof verb - 1 : 0;
    memcpy(pat, verb, vn);
    memcpy(pat + vn, parts[0], pl[0]);
    id = lede_ruleset_add_regex(rs, &o, pat, vn + pl[0], err, sizeof err);
    free(pat);
    free(before);
    free(after);
  } else if (kind == 'T') {
    lede_token_test tests[40];
    char *strs[40];
    size_t nt = 0, i = 0;
    while (i + 4 <= bn && nt < 40) {
      /* length of the string, tests, min, max, the string */
      uint8_t sl = (uint8_t)body[i], bits = (uint8_t)body[i + 1];
      uint8_t mn = (uint8_t)body[i + 2], mx = (uint8_t)body[i + 3];
      size_t k = LX_MIN((size_t)sl, bn - i - 4);
      lede_token_test *t = &tests[nt];
      memset(t, 0, sizeof *t);
      char *str = strs[nt] = dup(body + i + 4, k);
      if (str[0] == '#') t->dict = *last_dict;
      else if (bits & 1) t->text = str;
      else if (bits & 2) t->lower = str;
      else if (bits & 4) t->shape = str;
      else if (bits & 8) t->regex = str;
      if (bits & 16) t->cap = (bits & 32) ? 1 : -1;
      if (bits & 64) t->num = 1;
      t->negate = bits >> 7;
      t->min = mn % 4;
      t->max = mx == 255 ? -1 : mx % 66; /* past 63 is an error */
      if (mx == 254) t->ent_type = LEDE_T_GPE;
      nt++;
      i += 4 + k;
    }
    id = lede_ruleset_add_tokens(rs, &o, tests, nt, err, sizeof err);
    for (size_t k = 0; k < nt; k++) free(strs[k]);
  } else if (kind == 'D') {
    o.case_sensitive = fl >> 7;
    o.fold_accents = (fl >> 1) & 1;
    id = lede_ruleset_add_dict(rs, &o, err, sizeof err);
    if (id > 0) {
      *last_dict = id;
      char *tsv = dup(body, bn);
      for (size_t k = 0; k < bn; k++)
        if (tsv[k] == 2) tsv[k] = '\n';
      lede_status st = lede_ruleset_dict_load(rs, id, tsv, bn, err, sizeof err);
      FZ_ASSERT(st == LEDE_OK || (st == LEDE_EINVAL && err[0]), "dictionary load: %d %s", st, err);
      free(tsv);
    }
  } else {
    return;
  }
  if (id < 0) {
    FZ_ASSERT(err[0], "a rule that fails has a message");
  } else {
    FZ_ASSERT(lede_ruleset_rule_name(rs, id) && strcmp(lede_ruleset_rule_name(rs, id), name) == 0,
              "rule %d is named", id);
  }
}

/* The ruleset of the rule lines p[0, rn); *nregex counts its regex lines. */
static lede_ruleset *build(const char *p, size_t rn, cb_state *cbs, int *nregex) {
  lede_status st;
  lede_ruleset *rs = lede_ruleset_new(NULL, &st);
  FZ_ASSERT(rs, "ruleset");
  lede_ruleset_set_callback(rs, callback, cbs);
  int custom[16], ncustom = 0, last_pack = 0, last_dict = 0, rule_no = 0;
  for (size_t i = 0; i < rn;) {
    size_t e = i;
    while (e < rn && p[e] != '\n') e++;
    *nregex += e > i && p[i] == 'R';
    add_rule(rs, p + i, e - i, custom, &ncustom, &last_pack, &last_dict, &rule_no);
    i = e + 1;
  }
  return rs;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  uint8_t b0 = data[0], b1 = data[1];
  const char *p = (const char *)data + 2;
  size_t rest = size - 2, rn = rest;
  for (size_t i = 0; i + 1 < rest; i++)
    if (p[i] == '\n' && p[i + 1] == '\n') {
      rn = i;
      break;
    }
  const char *text = rn < rest ? p + rn + 2 : p + rest;
  size_t len = rn < rest ? rest - rn - 2 : 0;

  lede_status st;
  cb_state cbs = {len, (b0 >> 6) & 1, 0};
  int nregex = 0;
  no_start_opt = 0;
  lede_ruleset *rs = build(p, rn, &cbs, &nregex);

  lede_limits lim;
  lede_limits_default(&lim);
  static const uint32_t match_limits[] = {0, 100000, 1000, 10};
  lim.match_limit = match_limits[b0 & 3];
  if (b0 & 4) lim.depth_limit = 20;
  if (b0 & 8) lim.heap_limit_kib = 1;
  lede_engine_set_limits(fz_default_engine(), &lim);
  static const char *const sources[] = {NULL, "Yonhap", "https://example.com/a", "AP", ""};
  lede_options o;
  memset(&o, 0, sizeof o);
  o.rules = rs;
  o.source = sources[b1 % LX_COUNTOF(sources)];
  o.skip = (uint32_t)((b0 >> 4) & 3) * LEDE_SKIP_NUMEX;
  lede_doc *doc = NULL;
  char err[300];
  st = lede_parse(fz_default_engine(), text, len, &o, &doc, err, sizeof err);
  if (st != LEDE_OK) {
    if (getenv("FZ_DEBUG")) fprintf(stderr, "status %s: %s\n", lede_status_string(st), err);
    FZ_ASSERT(!doc && err[0], "a failure has a message");
    FZ_ASSERT(st == LEDE_ELIMIT || (st == LEDE_ECALLBACK && cbs.fail_on_bang),
              "status %s: %s", lede_status_string(st), err);
    lede_ruleset_free(rs);
    return 0;
  }
  if (b0 & 128) {
    lede_ruleset_free(rs);
    rs = NULL;
  }
  fz_check_doc(doc, text, len);
  if (getenv("FZ_DEBUG")) {
    const char *j;
    lede_doc_json(doc, 0, &j, NULL);
    fprintf(stderr, "%s\n", strstr(j, "\"entities\""));
  }
  for (size_t i = 0; i < doc->n_entities; i++) {
    const lede_entity *e = &doc->entities[i];
    if (e->rule >= LEDE_RULE_USER) {
      FZ_ASSERT(lede_doc_rule_name(doc, e->rule), "entity %zu names its rule", i);
      FZ_ASSERT(lede_doc_type_name(doc, e->type), "entity %zu names its type %d", i, e->type);
    }
  }
  FZ_ASSERT(fz_check_json(doc, fz_one_in_eight(data, size)) == LEDE_OK, "json");
  if (nregex) {
    no_start_opt = 1;
    lede_ruleset *rs2 = build(p, rn, &cbs, &nregex);
    o.rules = rs2;
    lede_doc *doc2 = NULL;
    if (lede_parse(fz_default_engine(), text, len, &o, &doc2, err, sizeof err) == LEDE_OK) {
      const char *j1, *j2;
      size_t n1, n2;
      FZ_ASSERT(lede_doc_json(doc, 0, &j1, &n1) == LEDE_OK &&
                    lede_doc_json(doc2, 0, &j2, &n2) == LEDE_OK && n1 == n2 && !memcmp(j1, j2, n1),
                "the same rules behind (*NO_START_OPT) find other entities:\n%s\n%s", j1, j2);
      lede_doc_free(doc2);
    }
    lede_ruleset_free(rs2);
  }
  lede_doc_free(doc);
  lede_ruleset_free(rs);
  return 0;
}
