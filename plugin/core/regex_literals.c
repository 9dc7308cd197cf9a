/*
 * The literals a match of a user's pattern must contain (regex_literals.h),
 * found by a recursive reading of the pattern's text, as RE2's prefilter
 * and Hyperscan's literal extraction do for their engines. Each part of
 * the pattern gets what is known of its matches:
 *  - exact: the part matches exactly one of a few strings ("armou?red" is
 *    "armored" or "armoured"); concatenation multiplies such sets,
 *    alternation joins them;
 *  - required: sets of strings of which every match contains one each
 *    (what is left of exact sets that grew too large, of repeated parts,
 *    and of alternatives that each require something).
 * Anything this reader does not follow (verbs, conditionals, \Q...\E,
 * extended mode, braces that are not a plain quantifier) gives up on the
 * whole pattern: a wrong literal would lose matches, a missing one only
 * time.
 *
 * Case: under (?i) or PCRE2_CASELESS an ASCII letter matches its other case
 * and no other byte, except K and S, which also match U+212A KELVIN SIGN
 * and U+017F LATIN SMALL LETTER LONG S (PCRE2 10.42 in UTF mode; checked
 * against every code point): those two, and non-ASCII characters, end a
 * literal instead. Caseless literals are kept in lower case and compared
 * with ASCII letters folded.
 */
#include "regex_literals.h"

enum {
  RL_LITS = 16,  /* strings in a set */
  RL_LEN = 24,   /* bytes in a string */
  RL_SETS = 2,   /* required sets kept for a part, and written */
  RL_DEPTH = 16, /* groups inside groups */
  RL_POOL = 3 * RL_DEPTH + 8
};

typedef struct rl_str {
  uint8_t len, fold; /* fold: compare ASCII letters caselessly (s is in lower case) */
  char s[RL_LEN];
} rl_str;

typedef struct rl_set {
  int n;
  rl_str s[RL_LITS];
} rl_set;

typedef struct rl_info {
  int exact;  /* the part matches exactly one of x (then nreq is 0) */
  rl_set x;
  int nreq;
  rl_set req[RL_SETS];
} rl_info;

typedef struct rl_parse {
  const unsigned char *p, *end;
  int caseless; /* (?i) in force */
  int fail;     /* syntax not followed: no literals */
  int depth;
  rl_info *pool; /* infos for the recursion, taken and given back in order */
  size_t top;
} rl_parse;

/* ---- what is known of a part ------------------------------------------------ */

/* How much a set narrows: its shortest string (0 if it has the empty
 * string, which every text contains). */
static size_t set_score(const rl_set *s) {
  if (s->n <= 0) return 0;
  size_t m = RL_LEN;
  for (int i = 0; i < s->n; i++) m = LX_MIN(m, (size_t)s->s[i].len);
  return m;
}

static void info_any(rl_info *i) {
  i->exact = 0;
  i->x.n = 0;
  i->nreq = 0;
}

static void info_empty(rl_info *i) {
  i->exact = 1;
  i->x.n = 1;
  i->x.s[0].len = 0;
  i->x.s[0].fold = 0;
  i->nreq = 0;
}

static void info_bytes(rl_info *i, const unsigned char *b, size_t n, int fold) {
  i->exact = 1;
  i->x.n = 1;
  i->x.s[0].len = (uint8_t)n;
  i->x.s[0].fold = (uint8_t)fold;
  memcpy(i->x.s[0].s, b, n);
  i->nreq = 0;
}

/* Adds t to s unless it is there; 0 if s is full. */
static int set_add(rl_set *s, const rl_str *t) {
  for (int i = 0; i < s->n; i++)
    if (s->s[i].len == t->len && s->s[i].fold == t->fold && !memcmp(s->s[i].s, t->s, t->len))
      return 1;
  if (s->n >= RL_LITS) return 0;
  s->s[s->n++] = *t;
  return 1;
}

/* Keeps s among i's required sets if it narrows, in place of a weaker one
 * when there is no room. */
static void add_req(rl_info *i, const rl_set *s) {
  size_t sc = set_score(s);
  if (!sc) return;
  if (i->nreq < RL_SETS) {
    i->req[i->nreq++] = *s;
    return;
  }
  int w = 0;
  for (int k = 1; k < i->nreq; k++)
    if (set_score(&i->req[k]) < set_score(&i->req[w])) w = k;
  if (set_score(&i->req[w]) < sc) i->req[w] = *s;
}

/* The strings a part matches exactly are required of it. */
static void demote(rl_info *i) {
  if (!i->exact) return;
  add_req(i, &i->x);
  i->exact = 0;
  i->x.n = 0;
}

/* The narrowest set known of i, NULL if none narrows. */
static const rl_set *best_set(const rl_info *i) {
  const rl_set *b = i->exact && set_score(&i->x) ? &i->x : NULL;
  for (int k = 0; k < i->nreq; k++)
    if (!b || set_score(&i->req[k]) > set_score(b)) b = &i->req[k];
  return b;
}

/* The strings of a followed by those of b, into a if they fit (a and b
 * exact); 0, and a unchanged, if not. */
static int product(rl_info *a, const rl_info *b) {
  rl_set prod;
  prod.n = 0;
  for (int i = 0; i < a->x.n; i++)
    for (int j = 0; j < b->x.n; j++) {
      const rl_str *u = &a->x.s[i], *v = &b->x.s[j];
      if (u->len + v->len > RL_LEN) return 0;
      rl_str t;
      t.len = (uint8_t)(u->len + v->len);
      t.fold = (uint8_t)(u->fold | v->fold);
      memcpy(t.s, u->s, u->len);
      memcpy(t.s + u->len, v->s, v->len);
      /* a caseless part makes the whole string compared caselessly: more
       * texts pass, none is lost */
      if (t.fold)
        for (size_t k = 0; k < t.len; k++)
          if (t.s[k] >= 'A' && t.s[k] <= 'Z') t.s[k] = (char)(t.s[k] | 0x20);
      if (!set_add(&prod, &t)) return 0;
    }
  a->x = prod;
  return 1;
}

/* a becomes a followed by b. */
static void concat(rl_info *a, const rl_info *b) {
  if (a->exact && b->exact && product(a, b)) return;
  demote(a);
  if (b->exact) add_req(a, &b->x);
  for (int k = 0; k < b->nreq; k++) add_req(a, &b->req[k]);
}

/* a becomes a or b. */
static void alt(rl_info *a, const rl_info *b) {
  if (a->exact && b->exact) {
    rl_set u = a->x;
    int ok = 1;
    for (int j = 0; ok && j < b->x.n; j++) ok = set_add(&u, &b->x.s[j]);
    if (ok) {
      a->x = u;
      return;
    }
  }
  /* each alternative's narrowest set, joined */
  const rl_set *sa = best_set(a), *sb = best_set(b);
  if (!sa || !sb) {
    info_any(a);
    return;
  }
  rl_set u = *sa;
  for (int j = 0; j < sb->n; j++)
    if (!set_add(&u, &sb->s[j])) {
      info_any(a);
      return;
    }
  a->exact = 0;
  a->x.n = 0;
  a->nreq = 1;
  a->req[0] = u;
}

/* a repeated from min to max times (max < 0: no bound). */
static void repeat(rl_info *a, long min, long max) {
  if (max == 0) {
    info_empty(a);
    return;
  }
  if (min == 1 && max == 1) return;
  if (min == 0) {
    rl_str e;
    e.len = 0;
    e.fold = 0;
    if (max == 1 && a->exact && set_add(&a->x, &e)) return;
    info_any(a);
    return;
  }
  demote(a); /* once at least */
}

/* ---- the pattern's syntax ----------------------------------------------------- */

static int is_digit(unsigned c) { return c >= '0' && c <= '9'; }
static int is_alnum(unsigned c) {
  return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static rl_info *take(rl_parse *ps) {
  if (ps->top >= RL_POOL) {
    ps->fail = 1;
    return NULL;
  }
  return &ps->pool[ps->top++];
}

/* Moves past the next c (a name's end, a brace): fails without one. */
static void skip_past(rl_parse *ps, unsigned char c) {
  const unsigned char *q = (const unsigned char *)memchr(ps->p, c, (size_t)(ps->end - ps->p));
  if (!q) {
    ps->fail = 1;
    return;
  }
  ps->p = q + 1;
}

/* One character of the pattern, as itself (a byte or a UTF-8 sequence). */
static void literal(rl_parse *ps, rl_info *x) {
  unsigned c = *ps->p;
  if (c >= 0x80) {
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n == 1 || (size_t)(ps->end - ps->p) < n) {
      ps->fail = 1; /* PCRE2 compiled it as UTF-8: not met */
      return;
    }
    if (ps->caseless) info_any(x); /* other cases are other bytes */
    else info_bytes(x, ps->p, n, 0);
    ps->p += n;
    return;
  }
  ps->p++;
  if (ps->caseless && (c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
    unsigned char lc = (unsigned char)(c | 0x20);
    if (lc == 'k' || lc == 's') info_any(x); /* K and S: also U+212A and U+017F */
    else info_bytes(x, &lc, 1, 1);
    return;
  }
  unsigned char b = (unsigned char)c;
  info_bytes(x, &b, 1, 0);
}

/* A character class [...]: what it matches is not kept. */
static void skip_class(rl_parse *ps) {
  ps->p++;
  if (ps->p < ps->end && *ps->p == '^') ps->p++;
  if (ps->p < ps->end && *ps->p == ']') ps->p++; /* a ] first is itself */
  while (ps->p < ps->end) {
    unsigned c = *ps->p;
    if (c == ']') {
      ps->p++;
      return;
    }
    if (c == '\\') {
      if (ps->end - ps->p < 2 || ps->p[1] == 'Q') break;
      unsigned e = ps->p[1];
      ps->p += 2;
      if ((e == 'p' || e == 'P' || e == 'x' || e == 'o' || e == 'N') && ps->p < ps->end &&
          *ps->p == '{')
        skip_past(ps, '}');
      if (ps->fail) return;
      continue;
    }
    if (c == '[' && ps->end - ps->p >= 2 &&
        (ps->p[1] == ':' || ps->p[1] == '.' || ps->p[1] == '=')) {
      /* only [:name:] and [:^name:] are followed */
      const unsigned char *q = ps->p + 2;
      if (ps->p[1] != ':') break;
      if (q < ps->end && *q == '^') q++;
      const unsigned char *w = q;
      while (q < ps->end && *q >= 'a' && *q <= 'z') q++;
      if (q == w || ps->end - q < 2 || q[0] != ':' || q[1] != ']') break;
      ps->p = q + 2;
      continue;
    }
    ps->p++;
  }
  ps->fail = 1;
}

static void escape(rl_parse *ps, rl_info *x) {
  if (ps->end - ps->p < 2) {
    ps->fail = 1;
    return;
  }
  unsigned c = ps->p[1];
  if (!is_alnum(c)) {
    ps->p++; /* an escaped symbol is itself */
    literal(ps, x);
    return;
  }
  ps->p += 2;
  int brace = ps->p < ps->end && *ps->p == '{';
  info_any(x);
  switch (c) {
    case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K': case 'E':
      info_empty(x); /* assertions; \K moves the start, not what is consumed */
      break;
    case 'd': case 'D': case 'w': case 'W': case 's': case 'S': case 'h': case 'H':
    case 'v': case 'V': case 'R': case 'X': case 'C': case 'a': case 'e': case 'f':
    case 'n': case 'r': case 't':
      break;
    case 'N': case 'o':
      if (brace) skip_past(ps, '}');
      break;
    case 'p': case 'P':
      if (brace) skip_past(ps, '}');
      else if (ps->p < ps->end) ps->p++;
      break;
    case 'x':
      if (brace) {
        skip_past(ps, '}');
        break;
      }
      for (int k = 0; k < 2 && ps->p < ps->end && is_alnum(*ps->p); k++) ps->p++;
      break;
    case 'c':
      if (ps->p < ps->end) ps->p++;
      break;
    case 'g': case 'k':
      /* back references and calls: what they match is not known */
      if (brace) skip_past(ps, '}');
      else if (ps->p < ps->end && *ps->p == '<') skip_past(ps, '>');
      else if (ps->p < ps->end && *ps->p == '\'') {
        ps->p++;
        skip_past(ps, '\'');
      } else if (c == 'g') {
        if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-')) ps->p++;
        while (ps->p < ps->end && is_digit(*ps->p)) ps->p++;
      } else {
        ps->fail = 1;
      }
      break;
    default:
      if (is_digit(c)) { /* a back reference or an octal character */
        while (ps->p < ps->end && is_digit(*ps->p)) ps->p++;
        break;
      }
      ps->fail = 1; /* \Q, and escapes PCRE2 10.42 does not have */
  }
}

static void parse_alt(rl_parse *ps, rl_info *out);

/* A group, from its "(". */
static void group(rl_parse *ps, rl_info *x) {
  ps->p++;
  if (ps->depth >= RL_DEPTH || ps->p >= ps->end || *ps->p == '*') {
    ps->fail = 1; /* (*VERB): start options, backtracking control */
    return;
  }
  int saved = ps->caseless, look = 0;
  if (*ps->p == '?') {
    ps->p++;
    if (ps->p >= ps->end) {
      ps->fail = 1;
      return;
    }
    unsigned c = *ps->p, n = ps->end - ps->p >= 2 ? ps->p[1] : 0;
    if (c == ':' || c == '|' || c == '>') {
      ps->p++;
    } else if (c == '=' || c == '!') {
      ps->p++;
      look = 1;
    } else if (c == '<' && (n == '=' || n == '!')) {
      ps->p += 2;
      look = 1;
    } else if (c == '<' || (c == 'P' && n == '<')) {
      skip_past(ps, '>'); /* a named group */
    } else if (c == '\'') {
      ps->p++;
      skip_past(ps, '\'');
    } else if (c == '#') {
      skip_past(ps, ')');
      info_empty(x);
      return;
    } else if (c == 'R' || c == '&' || c == '+' || is_digit(c) || (c == '-' && is_digit(n)) ||
               (c == 'P' && (n == '=' || n == '>'))) {
      skip_past(ps, ')'); /* a call or a back reference by name */
      info_any(x);
      return;
    } else {
      /* options: (?i) for the rest of the enclosing group, (?i:...) for
       * this one; (?x) changes the syntax and (?^) what is in force */
      int on = 1;
      for (;;) {
        if (ps->p >= ps->end) {
          ps->fail = 1;
          return;
        }
        c = *ps->p++;
        if (c == ')') {
          info_empty(x);
          return;
        }
        if (c == ':') break;
        if (c == '-') on = 0;
        else if (c == 'i') ps->caseless = on;
        else if (c != 'm' && c != 's' && c != 'n' && c != 'U' && c != 'J') {
          ps->fail = 1;
          return;
        }
      }
    }
    if (ps->fail) return;
  }
  ps->depth++;
  parse_alt(ps, x);
  ps->depth--;
  if (ps->fail) return;
  if (ps->p >= ps->end || *ps->p != ')') {
    ps->fail = 1;
    return;
  }
  ps->p++;
  ps->caseless = saved;
  if (look) info_empty(x); /* lookarounds consume nothing */
}

/* A quantifier after a part, if one follows. */
static void quantifier(rl_parse *ps, rl_info *x) {
  if (ps->p >= ps->end) return;
  long min, max;
  unsigned c = *ps->p;
  if (c == '?') min = 0, max = 1;
  else if (c == '*') min = 0, max = -1;
  else if (c == '+') min = 1, max = -1;
  else if (c == '{') {
    /* {n}, {n,}, {n,m}: other braces are literal in 10.42 and quantifiers
     * in later versions ({,m}, spaces): not followed */
    const unsigned char *q = ps->p + 1;
    min = 0;
    while (q < ps->end && is_digit(*q) && min < 100000) min = min * 10 + (*q++ - '0');
    if (q == ps->p + 1 || q >= ps->end) {
      ps->fail = 1;
      return;
    }
    max = min;
    if (*q == ',') {
      q++;
      max = -1;
      if (q < ps->end && is_digit(*q)) {
        max = 0;
        while (q < ps->end && is_digit(*q) && max < 100000) max = max * 10 + (*q++ - '0');
      }
    }
    if (q >= ps->end || *q != '}') {
      ps->fail = 1;
      return;
    }
    ps->p = q;
  } else {
    return;
  }
  ps->p++;
  if (ps->p < ps->end && (*ps->p == '?' || *ps->p == '+')) ps->p++; /* lazy, possessive */
  if (ps->p < ps->end && (*ps->p == '?' || *ps->p == '*' || *ps->p == '+' || *ps->p == '{')) {
    ps->fail = 1;
    return;
  }
  repeat(x, min, max);
}

/* Parts one after another, up to "|", ")" or the end. Adjacent exact
 * parts gather in a run ("Kansas" of (?i)Kansas, whose K and s are not
 * exact, is "an" and "a"; " City" after it is one string), which joins out
 * when a part that is not exact comes, or the run grows too long. */
static void parse_concat(rl_parse *ps, rl_info *out) {
  info_empty(out);
  rl_info *x = take(ps), *run = take(ps);
  if (!run) return;
  info_empty(run);
  while (!ps->fail && ps->p < ps->end && *ps->p != '|' && *ps->p != ')') {
    unsigned c = *ps->p;
    if (c == '(') group(ps, x);
    else if (c == '[') {
      skip_class(ps);
      info_any(x);
    } else if (c == '.') {
      ps->p++;
      info_any(x);
    } else if (c == '^' || c == '$') {
      ps->p++;
      info_empty(x);
    } else if (c == '\\') escape(ps, x);
    else if (c == '?' || c == '*' || c == '+' || c == '{') ps->fail = 1;
    else literal(ps, x);
    if (ps->fail) break;
    quantifier(ps, x);
    if (ps->fail) break;
    if (x->exact) {
      if (product(run, x)) continue;
      concat(out, run);
      *run = *x;
    } else {
      concat(out, run);
      info_empty(run);
      concat(out, x);
    }
  }
  concat(out, run);
  ps->top -= 2;
}

static void parse_alt(rl_parse *ps, rl_info *out) {
  parse_concat(ps, out);
  rl_info *y = take(ps);
  if (!y) return;
  while (!ps->fail && ps->p < ps->end && *ps->p == '|') {
    ps->p++;
    parse_concat(ps, y);
    alt(out, y);
  }
  ps->top--;
}

size_t lx_rl_extract(const lede_allocator *a, const char *pat, size_t len, int caseless,
                     uint8_t *out) {
  if (!pat) return 0;
  rl_info *pool = (rl_info *)lx_malloc(a, (RL_POOL + 1) * sizeof(rl_info));
  if (!pool) return 0;
  rl_parse ps;
  memset(&ps, 0, sizeof ps);
  ps.p = (const unsigned char *)pat;
  ps.end = ps.p + len;
  ps.caseless = caseless;
  ps.pool = pool;
  rl_info *root = &pool[RL_POOL];
  parse_alt(&ps, root);
  if (ps.p != ps.end) ps.fail = 1; /* a ")" too many */
  size_t k = 0;
  if (!ps.fail) {
    /* the narrowest sets, at most RL_SETS */
    const rl_set *cand[RL_SETS + 1];
    int nc = 0;
    if (root->exact && set_score(&root->x)) cand[nc++] = &root->x;
    for (int i = 0; i < root->nreq; i++) cand[nc++] = &root->req[i];
    for (int i = 1; i < nc; i++)
      for (int j = i; j > 0 && set_score(cand[j]) > set_score(cand[j - 1]); j--) {
        const rl_set *t = cand[j];
        cand[j] = cand[j - 1];
        cand[j - 1] = t;
      }
    nc = LX_MIN(nc, RL_SETS);
    if (nc) {
      out[k++] = (uint8_t)nc;
      for (int i = 0; i < nc; i++) {
        out[k++] = (uint8_t)cand[i]->n;
        for (int j = 0; j < cand[i]->n; j++) {
          const rl_str *s = &cand[i]->s[j];
          out[k++] = s->fold;
          out[k++] = s->len;
          memcpy(out + k, s->s, s->len);
          k += s->len;
        }
      }
    }
  }
  lx_free(a, pool);
  return k;
}

/* ---- looking for them ----------------------------------------------------------- */

/* Whether lit[0, len) occurs in s[0, n): 1, 0, or -1 once *work runs out
 * (the bytes compared where the first byte matched: text built to match
 * the first bytes of long literals over and over would otherwise cost
 * their length at every byte; PCRE2 then decides, under its limits). */
static int has_lit(const char *s, size_t n, const uint8_t *lit, size_t len, int fold,
                   size_t *work) {
  if (len > n) return 0;
  size_t last = n - len; /* the last place the literal may start */
  unsigned first = lit[0];
  int letter = fold && first >= 'a' && first <= 'z';
  for (size_t i = 0; i <= last; i++) {
    if (letter) {
      if (((unsigned char)s[i] | 0x20) != first) continue;
    } else {
      const char *q = (const char *)memchr(s + i, (int)first, last - i + 1);
      if (!q) return 0;
      i = (size_t)(q - s);
    }
    size_t j = 1;
    for (; j < len; j++) {
      unsigned l = lit[j], t = (unsigned char)s[i + j];
      if (fold && l >= 'a' && l <= 'z' ? (t | 0x20) != l : t != l) break;
    }
    if (j == len) return 1;
    if (*work < j) return -1;
    *work -= j;
  }
  return 0;
}

int lx_rl_present(const uint8_t *lits, const char *s, size_t n) {
  size_t k = 1, work = 4 * n + 256; /* natural text spends under n */
  for (unsigned set = 0; set < lits[0]; set++) {
    unsigned m = lits[k++];
    int found = 0;
    for (unsigned i = 0; i < m; i++) {
      unsigned fold = lits[k], len = lits[k + 1];
      if (!found) found = has_lit(s, n, lits + k + 2, len, (int)fold, &work);
      if (found < 0) return 1;
      k += 2 + len;
    }
    if (!found) return 0;
  }
  return 1;
}
