/*
 * C tests of the Lua-free core: the tokenizer, dates, dictionaries and the
 * public API, built with ASan+UBSan by `make test-c`. Prints the same
 * summary line as the busted suite.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../plugin/core/internal.h"
#include "../../plugin/core/regex_literals.h"

#include "check.h"

/* ---- tokenizer ------------------------------------------------------------ */

/* Tokenizes s and joins the token texts with '|'. */
static void toks_of(const char *s, char *out, size_t cap) {
  lx_vec v = {NULL, 0, 0};
  lx_tokenize(&lx_default_allocator, s, 0, strlen(s), &v);
  lx_token *t = (lx_token *)v.p;
  size_t n = 0;
  out[0] = 0;
  for (size_t i = 0; i < v.n; i++) {
    int k = snprintf(out + n, cap - n, "%s%.*s", i ? "|" : "", (int)(t[i].end - t[i].start),
                     s + t[i].start);
    if (k < 0 || (size_t)k >= cap - n) break;
    n += (size_t)k;
  }
  lx_vec_free(&lx_default_allocator, &v);
}

static void test_tokenizer(void) {
  static const struct {
    const char *in, *want;
  } cases[] = {
      {"U.S. Secretary of State Mike Pompeo", "U.S.|Secretary|of|State|Mike|Pompeo"},
      {"Kang Kyung-wha's aide", "Kang|Kyung-wha|'s|aide"},
      {"Seoul’s offer", "Seoul|’s|offer"},
      {"O'Brien don't", "O'Brien|don't"},
      {"28,500 troops, 3.5% and 16.057%.", "28,500|troops|,|3.5|%|and|16.057|%|."},
      {"US$870 million", "US$|870|million"},
      {"Jan. 14, 2020", "Jan.|14|,|2020"},
      {"ROCHESTER, N.Y., Feb 26 - text", "ROCHESTER|,|N.Y.|,|Feb|26|-|text"},
      {"COVID-19 on 2019-11-18 at 10:30 a.m.", "COVID-19|on|2019-11-18|at|10:30|a.m."},
      {"Sarah E. Needleman", "Sarah|E.|Needleman"},
      {"WASHINGTON, May 6 (Yonhap) -- U.S.-ROK", "WASHINGTON|,|May|6|(|Yonhap|)|--|U.S.|-|ROK"},
      {"he fell ill. Then", "he|fell|ill|.|Then"},
      {"“Quoted,” she said…", "“|Quoted|,|”|she|said|…"},
      {"the 1980s and 3rd place", "the|1980s|and|3rd|place"},
      {"", ""},
  };
  char buf[512];
  for (size_t i = 0; i < LX_COUNTOF(cases); i++) {
    toks_of(cases[i].in, buf, sizeof buf);
    CHECK(strcmp(buf, cases[i].want) == 0, "tokens of '%s': got '%s' want '%s'", cases[i].in,
          buf, cases[i].want);
  }
  /* the hash is the hash of the lower-cased text */
  lx_vec v = {NULL, 0, 0};
  const char *s = "Seoul SEOUL seoul Séoul SÉOUL";
  lx_tokenize(&lx_default_allocator, s, 0, strlen(s), &v);
  lx_token *t = (lx_token *)v.p;
  CHECK(v.n == 5, "5 tokens");
  CHECK(t[0].hash == t[1].hash && t[1].hash == t[2].hash, "case-folded hashes");
  CHECK(t[3].hash == t[4].hash, "non-ASCII case folding");
  CHECK(t[0].hash == lx_hash_lower("seoul", 5), "hash matches lx_hash_lower");
  CHECK((t[1].flags & LX_TF_ALLCAP) && (t[0].flags & LX_TF_CAP) && (t[2].flags & LX_TF_LOWER),
        "case flags");
  lx_vec_free(&lx_default_allocator, &v);
  /* invalid UTF-8 never stops the scan */
  const char bad[] = "ab\xff\xfe cd \xc3";
  lx_vec w = {NULL, 0, 0};
  CHECK(lx_tokenize(&lx_default_allocator, bad, 0, sizeof bad - 1, &w), "tokenize bad bytes");
  CHECK(w.n >= 3, "tokens around bad bytes: %zu", w.n);
  lx_vec_free(&lx_default_allocator, &w);
  CHECK(lede_count_tokens("one two, three.", 15) == 5, "count_tokens");
  /* lx_hash_lower hashes ASCII eight bytes at a time: the same hash as the
   * lower-cased bytes packed and mixed one by one, for every ASCII byte
   * (@ [ ` { sit next to the letters), at every length, with a non-ASCII
   * letter anywhere */
  size_t bad_hashes = 0;
  unsigned rnd = 12345;
  for (int round = 0; round < 4000; round++) {
    char str[48], low[48];
    size_t n = (size_t)(round % 41);
    for (size_t k = 0; k < n; k++) {
      rnd = rnd * 1103515245u + 12345u;
      str[k] = (char)(1 + (rnd >> 16) % 127);
    }
    if (round % 3 == 0 && n >= 2) { /* an é (not lower-cased here: already lower) */
      size_t at = (size_t)(round % (int)(n - 1));
      str[at] = (char)0xC3;
      str[at + 1] = (char)0xA9;
    }
    for (size_t k = 0; k < n; k++) low[k] = (char)(str[k] >= 'A' && str[k] <= 'Z' ? str[k] + 32 : str[k]);
    uint64_t h = LX_HASH_SEED, acc = 0;
    size_t k = 0;
    for (; k < n; k++) {
      acc |= (uint64_t)(unsigned char)low[k] << (8 * (k % 8));
      if (k % 8 == 7) {
        h = lx_hash_mix(h, acc);
        acc = 0;
      }
    }
    if (n % 8) h = lx_hash_mix(h, acc);
    if (lx_hash_lower(str, n) != lx_hash_final(h, n)) bad_hashes++;
  }
  CHECK(bad_hashes == 0, "%zu of 4000 strings hashed unlike their lower-cased bytes", bad_hashes);
}

/* ---- dates ------------------------------------------------------------------ */

static void test_dates(void) {
  CHECK(lx_weekday(2020, 5, 6) == 2, "2020-05-06 is a Wednesday");
  CHECK(lx_weekday(1970, 1, 1) == 3, "1970-01-01 is a Thursday");
  int y, m, d;
  lx_civil_from_days(lx_days_from_civil(2024, 2, 29) + 1, &y, &m, &d);
  CHECK(y == 2024 && m == 3 && d == 1, "leap day arithmetic");
  CHECK(lx_days_in_month(1900, 2) == 28 && lx_days_in_month(2000, 2) == 29, "leap years");

  lx_date x;
  char buf[64];
  CHECK(lx_parse_iso("2020-05-07T04:10:00+09:00", 25, &x) && x.tz == 540 && x.has_tz, "iso tz");
  lx_format_iso(&x, buf, sizeof buf);
  CHECK(strcmp(buf, "2020-05-07T04:10:00+09:00") == 0, "iso round trip: %s", buf);
  CHECK(!lx_parse_iso("2020-02-30", 10, &x), "no Feb 30");
  CHECK(!lx_parse_iso("May 6", 5, &x), "not iso");

  static const struct {
    const char *in;
    size_t ntok;
    const char *iso;
  } cases[] = {
      {"May 6", 2, "--05-06"},
      {"Jan. 14, 2020", 4, "2020-01-14"},
      {"29 November 2018", 3, "2018-11-29"},
      {"04:10 May 07, 2020", 5, "2020-05-07T04:10:00"},
      {"Nov. 19, 2019 8:03 am ET", 7, "2019-11-19T08:03:00-05:00"},
      {"July 4, 2019 8:03 pm ET", 7, "2019-07-04T20:03:00-04:00"},
      {"Fri 6:45 PM, Feb 16, 2018", 8, "2018-02-16T18:45:00"},
      {"2019-11-18", 1, "2019-11-18"},
      {"18.11.2019", 1, "2019-11-18"},
      {"November 18, 2019 11:03 PM", 6, "2019-11-18T23:03:00"},
      {"May 2020", 2, "2020-05"},
  };
  for (size_t i = 0; i < LX_COUNTOF(cases); i++) {
    lx_vec v = {NULL, 0, 0};
    const char *s = cases[i].in;
    lx_tokenize(&lx_default_allocator, s, 0, strlen(s), &v);
    size_t k = lx_match_date(s, (lx_token *)v.p, v.n, 0, &x);
    buf[0] = 0;
    if (k) lx_format_iso(&x, buf, sizeof buf);
    CHECK(k == cases[i].ntok && strcmp(buf, cases[i].iso) == 0, "date '%s': %zu tokens, '%s'", s,
          k, buf);
    lx_vec_free(&lx_default_allocator, &v);
  }
  /* "may" as a verb is not a month */
  lx_vec v = {NULL, 0, 0};
  const char *verb = "they may 6";
  lx_tokenize(&lx_default_allocator, verb, 0, strlen(verb), &v);
  CHECK(lx_match_date(verb, (lx_token *)v.p, v.n, 1, &x) == 0, "may is a verb");
  lx_vec_free(&lx_default_allocator, &v);
}

/* ---- dictionaries --------------------------------------------------------------- */

static void test_dict(void) {
  lx_dict *d = lx_dict_new(&lx_default_allocator);
  char err[128];
  const char *tsv =
      "# comment\n"
      "country\tSouth Korea\t\tcc=KR\n"
      "country\tROK\tSouth Korea\tcc=KR\n"
      "country\tU.S.\tUnited States\tcc=US\n"
      "city\tSeoul\t\tcc=KR\n"
      "surname\tSeoul\t\tamb=1\n"
      "org\tState Department\t\t\n";
  CHECK(lx_dict_load_tsv(d, tsv, strlen(tsv), err, sizeof err) == LEDE_OK, "load: %s", err);
  CHECK(lx_dict_size(d) == 6, "size %zu", lx_dict_size(d));
  const char *text = "the U.S. State Department and south korea's ROK";
  lx_vec v = {NULL, 0, 0};
  lx_tokenize(&lx_default_allocator, text, 0, strlen(text), &v);
  lx_token *t = (lx_token *)v.p;
  const lx_entry *e;
  CHECK(lx_dict_longest(d, text, t, v.n, 1, &e) == 1 && e->kind == LX_G_COUNTRY, "U.S.");
  CHECK(strcmp(lx_dict_str(d, e->canonical), "United States") == 0, "canonical");
  CHECK(lx_dict_longest(d, text, t, v.n, 2, &e) == 2 && e->kind == LX_G_ORG, "State Department");
  CHECK(lx_dict_longest(d, text, t, v.n, 5, &e) == 2, "case-insensitive south korea");
  CHECK(lx_dict_longest(d, text, t, v.n, 0, &e) == 0 && e == NULL, "no match");
  size_t vn;
  const char *cc = lx_entry_attr(d, lx_dict_find(d, "ROK", 3), "cc", &vn);
  CHECK(cc && vn == 2 && memcmp(cc, "KR", 2) == 0, "attr cc");
  const lx_entry *seoul = lx_dict_find(d, "Seoul", 5);
  CHECK(seoul && lx_entry_of_kind(d, seoul, LX_G_SURNAME) &&
            (lx_entry_of_kind(d, seoul, LX_G_SURNAME)->flags & LX_GF_AMB),
        "chains of one phrase, amb flag");
  lx_vec_free(&lx_default_allocator, &v);
  CHECK(lx_dict_load_tsv(d, "bogus\tx\n", 8, err, sizeof err) == LEDE_EINVAL &&
            strstr(err, "unknown kind"),
        "bad kind: %s", err);
  lx_dict_free(d);
}

/* The prefix filter in front of the table: it grows through its sizes as
 * phrases come (from 4 KiB to its largest), never says no to a phrase that
 * is there, lets few others through, and lookups still find the longest
 * phrase when a shorter one sits inside it with no phrase between. */
static void test_dict_filter(void) {
  const lede_allocator *A = &lx_default_allocator;
  lx_dict *d = lx_dict_new(A);
  char ph[8192], text[256];
  enum { N = 60000 };
  size_t added = 0;
  for (size_t i = 0; i < N; i++) {
    /* phrases of 1 to 7 tokens of invented words, every 997th of 200 */
    size_t nt = i % 997 == 0 ? 200 : 1 + i % 7, n = 0;
    for (size_t k = 0; k < nt; k++)
      n += (size_t)snprintf(ph + n, sizeof ph - n, "%sW%zux%zu", k ? " " : "", i, k);
    if (lx_dict_add(d, ph, n, LX_G_ORG, NULL, 0, NULL, 0, (uint32_t)i)) added++;
  }
  CHECK(added == N && lx_dict_size(d) == N, "added %zu of %d", added, (int)N);
  size_t missed = 0;
  for (size_t i = 0; i < N; i += 7) {
    size_t nt = i % 997 == 0 ? 200 : 1 + i % 7, n = 0;
    for (size_t k = 0; k < nt; k++)
      n += (size_t)snprintf(ph + n, sizeof ph - n, "%sw%zux%zu", k ? " " : "", i, k);
    const lx_entry *e = lx_dict_find(d, ph, n);
    if (!e || e->id != i) missed++;
  }
  CHECK(missed == 0, "%zu phrases not found", missed);
  /* a table made for 1,000 phrases (1,349 slots, no power of two) that
   * gets 3,000 grows, and finds them all */
  lx_dict *r = lx_dict_new(A);
  CHECK(r && lx_dict_reserve(r, 1000), "reserve");
  size_t rmissed = 0;
  for (size_t i = 0; i < 3000; i++) {
    int n = snprintf(ph, sizeof ph, "Name%zu Other%zu", i, i % 7);
    if (!lx_dict_add(r, ph, (size_t)n, LX_G_ORG, NULL, 0, NULL, 0, (uint32_t)i)) rmissed++;
  }
  for (size_t i = 0; i < 3000; i++) {
    int n = snprintf(ph, sizeof ph, "name%zu other%zu", i, i % 7);
    const lx_entry *e = lx_dict_find(r, ph, (size_t)n);
    if (!e || e->id != i) rmissed++;
  }
  CHECK(rmissed == 0 && lx_dict_size(r) == 3000, "%zu of 3000 phrases lost past a reservation",
        rmissed);
  lx_dict_free(r);
  CHECK(lx_count_lines("a\nb\n", 4) == 2 && lx_count_lines("a\nb", 3) == 2 &&
            lx_count_lines("", 0) == 0,
        "lines of a text");
  /* words that are in no phrase: the filter lets few through (a filter
   * that said yes to all would pass this count, not the next check) */
  size_t through = 0, found = 0;
  for (size_t i = 0; i < 10000; i++) {
    int n = snprintf(ph, sizeof ph, "absent%zu", i);
    if (lx_dict_may_start(d, lx_hash_lower(ph, (size_t)n))) through++;
    if (lx_dict_find(d, ph, (size_t)n)) found++;
  }
  CHECK(found == 0, "%zu absent words found", found);
  CHECK(through < 500, "%zu of 10000 absent words pass the filter", through);
  lx_dict_free(d);

  /* "x y z" and "x", no "x y": the longest is found past the gap */
  d = lx_dict_new(A);
  const char *tsv = "org\tAlpha Beta Gamma\t\t\norg\tAlpha\t\t\nregion\tdelta\t\t\n";
  char err[128];
  CHECK(lx_dict_load_tsv(d, tsv, strlen(tsv), err, sizeof err) == LEDE_OK, "load: %s", err);
  snprintf(text, sizeof text, "Alpha Beta Gamma. Alpha Beta delta.\n\nAlpha Beta\n\nGamma");
  lx_vec v = {NULL, 0, 0};
  CHECK(lx_tokenize(A, text, 0, strlen(text), &v), "tokenize");
  const lx_token *t = (const lx_token *)v.p;
  const lx_entry *e;
  CHECK(lx_dict_longest(d, text, t, v.n, 0, &e) == 3 && e, "the longest, three tokens");
  CHECK(lx_dict_longest(d, text, t, v.n, 4, &e) == 1 && e, "one token when the second misses");
  CHECK(lx_dict_longest(d, text, t, v.n, 6, &e) == 1 && e && e->kind == LX_G_REGION,
        "a lower-case phrase");
  /* "Alpha Beta" + paragraph + "Gamma": phrases stop at a paragraph */
  CHECK(lx_dict_longest(d, text, t, v.n, 8, &e) == 1, "no phrase across a paragraph break");
  CHECK(lx_dict_exact(d, text, t, 0, 3) && !lx_dict_exact(d, text, t, 0, 2) &&
            lx_dict_exact(d, text, t, 0, 1),
        "exact lengths");
  CHECK(lx_dict_may_start_uncapitalized(d, t[6].hash), "delta: printed in lower case");
  CHECK(lx_dict_longest_min(d, text, t, v.n, 0, 2, &e) == 3 &&
            lx_dict_longest_min(d, text, t, v.n, 4, 2, &e) == 0 && !e,
        "from two tokens: the three, and nothing where only one token is a phrase");
  lx_vec_free(A, &v);
  lx_dict_free(d);

  /* the kinds of a key's entries come from its slot; keys up to 18 bytes
   * are kept in the slot, longer ones in the pool: both are found, and a
   * text that differs past the 18th byte is not */
  d = lx_dict_new(A);
  tsv = "org\tAlpha\t\t\ncity\tALPHA\t\t\n"
        "org\tabcdefghijklmnopqr\t\t\norg\tabcdefghijklmnopqrs\t\t\n"
        "org\tAbcdefghijklmnopqrstuvwxyz Omega\t\t\n";
  CHECK(lx_dict_load_tsv(d, tsv, strlen(tsv), err, sizeof err) == LEDE_OK, "load: %s", err);
  snprintf(text, sizeof text,
           "Alpha abcdefghijklmnopqr abcdefghijklmnopqrs abcdefghijklmnopqrt "
           "abcdefghijklmnopqrstuvwxyz omega abcdefghijklmnopqrstuvwxyZ omegA");
  v.n = 0;
  CHECK(lx_tokenize(A, text, 0, strlen(text), &v), "tokenize");
  t = (const lx_token *)v.p;
  CHECK(lx_dict_exact_kinds(d, text, t, 0, 1, &e) == ((1u << LX_G_ORG) | (1u << LX_G_CITY)) &&
            e && e->kind == LX_G_ORG && lx_entry_next(d, e) && lx_entry_next(d, e)->kind == LX_G_CITY,
        "both kinds of a key, and its first entry");
  CHECK(lx_dict_exact(d, text, t, 1, 1) && lx_dict_exact(d, text, t, 2, 1) &&
            !lx_dict_exact(d, text, t, 3, 1),
        "keys of 18 and 19 bytes; not one of 19 that differs at the end");
  CHECK(lx_dict_exact(d, text, t, 4, 2) && lx_dict_exact(d, text, t, 6, 2) &&
            lx_dict_exact_kinds(d, text, t, 4, 2, &e) == (1u << LX_G_ORG),
        "a long key, in any case");
  CHECK(lx_dict_exact_kinds(d, text, t, 3, 1, &e) == 0 && !e, "no kinds for no key");
  lx_vec_free(A, &v);
  lx_dict_free(d);
}

/* ---- names' parentheses ------------------------------------------------------------ */

static void test_close_parens(void) {
  const lede_allocator *A = &lx_default_allocator;
  /* tokens: 0 Rudar 1 ( 2 K 3 ) 4 2 5 Borac 6 ( 7 C 8 , 9 one 10 two 11 three */
  const char *text = "Rudar (K) 2 Borac (C, one two three";
  lx_vec v = {NULL, 0, 0};
  CHECK(lx_tokenize(A, text, 0, strlen(text), &v) && v.n == 12, "tokenize %zu", v.n);
  if (v.n == 12) {
    const lx_token *t = (const lx_token *)v.p;
    CHECK(lx_close_parens(text, t, 0, 3, 12) == 4, "\"Rudar (K\" takes its \")\"");
    CHECK(lx_close_parens(text, t, 0, 5, 12) == 4, "\"Rudar (K) 2\" ends at \")\"");
    CHECK(lx_close_parens(text, t, 0, 4, 12) == 4, "\"Rudar (K)\" is whole");
    CHECK(lx_close_parens(text, t, 0, 3, 3) == 1, "no \")\" within the block: ends before \"(\"");
    CHECK(lx_close_parens(text, t, 5, 10, 12) == 6, "\"Borac (C, one\" ends before \"(\"");
    CHECK(lx_close_parens(text, t, 5, 6, 12) == 6, "no parenthesis, no change");
  }
  lx_vec_free(A, &v);
}

static void test_contraction(void) {
  static const struct {
    const char *s;
    int want;
  } c[] = {{"Don't", 1}, {"We\xe2\x80\x99re", 1}, {"I'm", 1}, {"They'll", 1}, {"We've", 1},
           {"O'Brien", 0}, {"Gama'a", 0}, {"Shul'ala", 0}, {"D'", 0}, {"Pompeo", 0}};
  for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
    CHECK(lx_contraction(c[i].s, strlen(c[i].s)) == c[i].want, "contraction %s", c[i].s);
}

/* ---- the public API ---------------------------------------------------------------- */

static void test_api(void) {
  lede_status st;
  lede_engine *eng = lede_engine_new(NULL, &st);
  CHECK(eng && st == LEDE_OK, "engine");
  lede_doc *doc = NULL;
  char err[256];
  const char *text =
      "Headline for a test story here\n\nBy Ann Lee\n\n"
      "SEOUL, Jan 3 (Yonhap) -- The council said on Monday that the vote would be held soon.\n";
  st = lede_parse(eng, text, strlen(text), NULL, &doc, err, sizeof err);
  CHECK(st == LEDE_OK && doc, "parse: %s", err);
  if (doc) {
    CHECK(doc->title.start == 0, "title");
    CHECK(doc->n_byline == 1, "byline");
    CHECK(doc->dateline.agency_norm && strcmp(doc->dateline.agency_norm, "Yonhap") == 0, "agency");
    CHECK(doc->n_paragraphs == 1, "paragraphs %zu", doc->n_paragraphs);
    const char *json;
    size_t len;
    CHECK(lede_doc_json(doc, 0, &json, &len) == LEDE_OK && len == strlen(json) && json[0] == '{',
          "json");
    lede_doc_free(doc);
  }
  /* bad arguments */
  CHECK(lede_parse(eng, NULL, 5, NULL, &doc, err, sizeof err) == LEDE_EINVAL && !doc, "NULL text");
  CHECK(lede_parse(NULL, "x", 1, NULL, &doc, NULL, 0) == LEDE_EINVAL, "NULL engine");
  lede_options o;
  memset(&o, 0, sizeof o);
  o.ref_date = "yesterday";
  CHECK(lede_parse(eng, "x", 1, &o, &doc, err, sizeof err) == LEDE_EINVAL && strstr(err, "ISO 8601"),
        "bad ref date: %s", err);
  /* limits */
  lede_limits l;
  lede_engine_get_limits(eng, &l);
  l.max_input = 4;
  lede_engine_set_limits(eng, &l);
  CHECK(lede_parse(eng, "12345", 5, NULL, &doc, err, sizeof err) == LEDE_ETOOBIG, "too big");
  CHECK(lede_parse(eng, "1234", 4, NULL, &doc, err, sizeof err) == LEDE_OK, "at the limit");
  lede_doc_free(doc);
  /* the empty text */
  l.max_input = 0;
  lede_engine_set_limits(eng, &l);
  CHECK(lede_parse(eng, NULL, 0, NULL, &doc, err, sizeof err) == LEDE_OK && doc->n_paragraphs == 0,
        "empty");
  lede_doc_free(doc);
  CHECK(strcmp(lede_type_name(LEDE_T_WORK_OF_ART), "WORK_OF_ART") == 0, "type names");
  CHECK(lede_type_from_name("GPE", 3) == LEDE_T_GPE, "type from name");
  CHECK(strcmp(lede_block_kind_name(LEDE_B_COOKIE), "cookie") == 0, "block kinds");
  lede_engine_free(eng);
}

/* A story of many persons named in full, then by surname and given name
 * alone: the linking table takes its most keys per mention (a full name's
 * name, surname and given name). Found by an eval run: the table was
 * sized for three keys a mention when a fourth (the given name) came;
 * ASan catches the overflow (one sentence a paragraph: the recognizer's
 * scratch stays smaller than the linking table's). */
static void test_linking_table(void) {
  static const char *const given[] = {"John",  "Mary",  "Peter", "Anna",  "James",
                                      "Laura", "David", "Susan", "Paul",  "Helen"};
  static const char *const sur[] = {"Smith",  "Jones",  "Brown", "Taylor", "Wilson",
                                    "Davies", "Evans", "Thomas", "Walker", "Wright"};
  char text[8192];
  size_t n = (size_t)snprintf(text, sizeof text, "Council names new board\n\n");
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 4; j++)
      n += (size_t)snprintf(text + n, sizeof text - n, "%s %s said the plan would work.\n\n",
                            given[i], sur[(i + j) % 10]);
  n += (size_t)snprintf(text + n, sizeof text - n,
                        "Smith said later that Mary would stay on the board for now.\n");
  lede_status st;
  lede_engine *eng = lede_engine_new(NULL, &st);
  lede_doc *doc = NULL;
  char err[256];
  st = lede_parse(eng, text, n, NULL, &doc, err, sizeof err);
  CHECK(st == LEDE_OK && doc && doc->n_entities >= 40, "many persons: %s", err);
  lede_doc_free(doc);
  lede_engine_free(eng);
}

/* A story of many organizations named in full, with legal forms, trade
 * words and heads, said short, by acronym and by a definite description:
 * an organization writes up to eight keys (its name, four short names, its
 * head, its acronym and the one in brackets). The table was sized for four
 * a mention when the short names came; ASan catches an overflow. */
static void test_linking_table_orgs(void) {
  static const char *const first[] = {"Norvak", "Pellam", "Quendra", "Rastow", "Sulvane",
                                      "Tarquin", "Ulmore", "Vexley", "Wardane", "Yarrow"};
  static const char *const heads[] = {"Bank", "Group", "Agency", "Council", "Institute"};
  char text[16384];
  size_t n = (size_t)snprintf(text, sizeof text, "Regulators widen inquiry\n\n");
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 5; j++)
      n += (size_t)snprintf(text + n, sizeof text - n,
                            "%s %c%s Energy %s Inc. (Q%c%c) said its Rivers %s plan would"
                            " work.\n\n",
                            first[i], 'A' + j, "lden", heads[j], 'A' + i, 'A' + j, heads[j]);
  for (int i = 0; i < 10; i++)
    n += (size_t)snprintf(text + n, sizeof text - n,
                          "%s said so. The %s agreed. NAE said no. Q%cA nodded.\n\n", first[i],
                          heads[i % 5], 'A' + i);
  lede_status st;
  lede_engine *eng = lede_engine_new(NULL, &st);
  lede_doc *doc = NULL;
  char err[256];
  st = lede_parse(eng, text, n, NULL, &doc, err, sizeof err);
  CHECK(st == LEDE_OK && doc && doc->n_entities >= 50, "many organizations: %s", err);
  lede_doc_free(doc);
  lede_engine_free(eng);
}

/* Persons whose names write every key a person may: the surname, its last
 * two and three words ("der al-Masri", "van der al-Masri"), the name after
 * a hyphened particle ("Masri" of "al-Masri"), a given name, a family
 * name first and a surname inside ("Quispe"), all looked up by surnames
 * said alone after them: eight keys a mention. ASan catches a table sized
 * for fewer. */
static void test_linking_table_persons(void) {
  static const char *const given[] = {"Khalid", "Hala", "Omar", "Leila", "Samir",
                                      "Nadia", "Tariq", "Rania", "Yusuf", "Dalia"};
  char text[32768];
  size_t n = (size_t)snprintf(text, sizeof text, "Officials meet in Cairo\n\n");
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 6; j++)
      n += (size_t)snprintf(text + n, sizeof text - n,
                            "%s Quispe%c%c van der al-Masr%c%c, a trader, said prices rose.\n\n",
                            given[i], 'a' + i, 'a' + j, 'a' + i, 'a' + j);
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 6; j++)
      n += (size_t)snprintf(text + n, sizeof text - n,
                            "Masr%c%c said so. Van der al-Masr%c%c agreed. %s nodded.\n\n",
                            'a' + i, 'a' + j, 'a' + i, 'a' + j, given[i]);
  lede_status st;
  lede_engine *eng = lede_engine_new(NULL, &st);
  lede_doc *doc = NULL;
  char err[256];
  st = lede_parse(eng, text, n, NULL, &doc, err, sizeof err);
  CHECK(st == LEDE_OK && doc && doc->n_entities >= 60, "many persons: %s", err);
  lede_doc_free(doc);
  lede_engine_free(eng);
}

/* A scratch kept between parses changes no output: documents of several
 * shapes in a row, each parsed with the scratch and alone, give the same
 * JSON (a stage that read what an earlier parse left in a vector would
 * differ, or show under ASan); a long one's vectors, past what a scratch
 * keeps, are freed; a scratch of another engine is ignored; and the
 * scratch may be freed after its engine. */
static char *json_of(lede_engine *eng, lede_scratch *s, const char *text, size_t n) {
  lede_options o;
  memset(&o, 0, sizeof o);
  o.scratch = s;
  lede_doc *doc = NULL;
  char err[256];
  if (lede_parse(eng, text, n, &o, &doc, err, sizeof err) != LEDE_OK) return NULL;
  const char *json;
  size_t len;
  char *copy = NULL;
  if (lede_doc_json(doc, 0, &json, &len) == LEDE_OK && (copy = (char *)malloc(len + 1)))
    memcpy(copy, json, len + 1);
  lede_doc_free(doc);
  return copy;
}

static void test_scratch(void) {
  lede_status st;
  lede_engine *eng = lede_engine_new(NULL, &st), *other = lede_engine_new(NULL, &st);
  lede_scratch *s = lede_scratch_new(eng), *s2 = lede_scratch_new(other);
  CHECK(eng && other && s && s2, "engines and scratches");
  if (!eng || !other || !s || !s2) return;
  static const char *const texts[] = {
      "Harbor Bridge reopens after repairs\n\nBy Lena Ortiz\n\n"
      "PORTVILLE, March 3 (Reuters) - The Harbor Bridge reopened on Tuesday after "
      "repairs that cost $12.5 million, Mayor Tom Reed said.\n\n\"We are proud of "
      "the crews,\" Reed told reporters. The city plans a second phase in 2026.\n",
      "Menu Home World Sports\n\nFarmers protest new tax\n\n5 March 2024 10:15 GMT\n\n"
      "Thousands of farmers marched in Lisbon on Monday against a 3% fuel tax, the "
      "union said. Agriculture Minister Rui Santos met their leaders.\n\n"
      "Image caption: Tractors near the parliament (Photo: Ana Costa/Reuters)\n\n"
      "Share this article\n",
      "",
      "x",
      "Short note: the 14 members of the Council of Elders met in Oslo.",
  };
  size_t nlong = 72000 * 8;
  char *longtext = (char *)malloc(nlong + 1);
  CHECK(longtext != NULL, "long text");
  if (!longtext) return;
  for (size_t i = 0; i < nlong; i += 8) memcpy(longtext + i, i % 800 ? "the cat " : "Tom Lee ", 8);
  longtext[nlong] = 0;
  const char *seq[] = {texts[0], texts[1], longtext, texts[2], texts[0], texts[3],
                       texts[4], texts[1], longtext, texts[0]};
  for (size_t i = 0; i < sizeof seq / sizeof seq[0]; i++) {
    size_t n = strlen(seq[i]);
    char *a = json_of(eng, s, seq[i], n), *b = json_of(eng, NULL, seq[i], n),
         *c = json_of(eng, s2, seq[i], n);
    CHECK(a && b && c && strcmp(a, b) == 0 && strcmp(b, c) == 0,
          "document %zu of the sequence: the same with a scratch, another's, none", i);
    free(a);
    free(b);
    free(c);
  }
  /* two texts of as many tokens at one address, one after the other: the
   * tagger's state of the first (its header names the text, the tokens and
   * their count) must not pass for the second's */
  static const char *const same_shape[] = {
      "the mayor said the new ferry would visit rome and lyon on monday and Tuesday.",
      "Mayor Anna Berg said the Nordic Star would visit Rome and Lyon on Monday night."};
  char buf[64];
  for (int k = 0; k < 2; k++) {
    snprintf(buf, sizeof buf, "%s", same_shape[k]);
    char *a = json_of(eng, s, buf, strlen(buf)), *b = json_of(eng, NULL, buf, strlen(buf));
    CHECK(a && b && strcmp(a, b) == 0, "text %d at a reused address", k);
    free(a);
    free(b);
  }
  free(longtext);
  lede_scratch_free(s2);
  lede_engine_free(eng);
  lede_scratch_free(s); /* after its engine */
  lede_engine_free(other);
  lede_scratch_free(NULL);
  CHECK(lede_scratch_new(NULL) == NULL, "no scratch without an engine");
}

/* ---- the literals of users' patterns ------------------------------------ */

/* The sets lx_rl_extract finds in pat, written "{a,b} & {~c}" (~: compared
 * caselessly), or "-" for none. */
static void lits_of(const char *pat, int caseless, char *out, size_t cap) {
  uint8_t l[LX_RL_MAX];
  size_t n = lx_rl_extract(&lx_default_allocator, pat, strlen(pat), caseless, l), k = 1, w = 0;
  snprintf(out, cap, "-");
  for (unsigned s = 0; n && s < l[0]; s++) {
    unsigned m = l[k++];
    w += (size_t)snprintf(out + w, cap - w, "%s{", s ? " & " : "");
    for (unsigned i = 0; i < m && w < cap; i++, k += 2 + l[k + 1])
      w += (size_t)snprintf(out + w, cap - w, "%s%s%.*s", i ? "," : "", l[k] ? "~" : "",
                            (int)l[k + 1], (const char *)l + k + 2);
    if (w < cap) w += (size_t)snprintf(out + w, cap - w, "}");
  }
}

static void test_regex_literals(void) {
  static const struct {
    const char *pat;
    int caseless;
    const char *want;
  } cases[] = {
      {"foo|bar", 0, "{foo,bar}"},
      {"armou?red\\s+vehicles?", 0, "{armoured,armored} & {vehicles,vehicle}"},
      {"\\d+\\s+(?:troops|soldiers|service\\s+members)\\b", 0, "{troops,soldiers,service}"},
      {"(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", 0, "{@} & {.}"},
      /* K and S match U+212A and U+017F caselessly: they end a literal */
      {"(?i)Kansas City", 0, "{~ city} & {~an}"},
      {"Kansas City", 1, "{~ city} & {~an}"},
      {"(?i:abc)DEF", 0, "{~abcdef}"},
      {"a(?i)bc|d", 0, "{~abc,~d}"},
      {"(?-i:Ab)c", 1, "{~abc}"},
      {"x(?=foo)bar(?<!q)", 0, "{xbar}"},
      {"[[:alpha:]]+ing\\b", 0, "{ing}"},
      {"[]x]yz", 0, "{yz}"},
      {"(ab)+c", 0, "{ab} & {c}"},
      {"(?:ab){0}c", 0, "{c}"},
      {"\\x{41}BC|\\101BC", 0, "{BC}"},
      {"caf\xc3\xa9|th\xc3\xa9", 0, "{caf\xc3\xa9,th\xc3\xa9}"},
      {"(?i)caf\xc3\xa9s", 0, "{~caf}"},
      {"abcdefghijklmnopqrstuvwxyz0123456789", 0, "{abcdefghijklmnopqrstuvwx} & {yz0123456789}"},
      /* nothing narrows, or syntax not followed: none */
      {"foo|", 0, "-"},
      {"\\d{3}-\\d{4}", 0, "{-}"},
      {"[a-z]+", 0, "-"},
      {"(*NO_START_OPT)troops", 0, "-"},
      {"(?x) troops", 0, "-"},
      {"\\Qa.b\\E", 0, "-"},
      {"a{,3}b", 0, "-"},
      {"(?(1)a|b)c", 0, "-"},
      {"(a)\\1", 0, "{a}"},
      {"((((((((((((((((((a))))))))))))))))))", 0, "-"},
  };
  char got[512];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    lits_of(cases[i].pat, cases[i].caseless, got, sizeof got);
    CHECK(strcmp(got, cases[i].want) == 0, "literals of /%s/: %s (want %s)", cases[i].pat, got,
          cases[i].want);
  }
  uint8_t l[LX_RL_MAX];
  lx_rl_extract(&lx_default_allocator, "(?i)cat|dog", 11, 0, l);
  CHECK(lx_rl_present(l, "the DoG", 7) && lx_rl_present(l, "a Cat", 5) &&
            !lx_rl_present(l, "a cow", 5) && !lx_rl_present(l, "ca", 2),
        "caseless literals are found in any case, and only they");
  lx_rl_extract(&lx_default_allocator, "ab(?i:c)|x-y", 12, 0, l);
  CHECK(lx_rl_present(l, "zzABC", 5) && lx_rl_present(l, "x-y", 3) && !lx_rl_present(l, "X-Z", 3),
        "a string with a caseless part is compared caselessly");
  /* a text that matches a long literal's first bytes at every byte: the
   * search gives up (the rule runs, under PCRE2's limits) after compares
   * of a few times the text's length, not the literal's length at every
   * byte */
  size_t big = 1u << 20;
  char *as = (char *)malloc(big);
  CHECK(as != NULL, "a text of a MiB");
  if (!as) return;
  memset(as, 'a', big);
  const char *longlit = "(?i)aaaaaaaaaaaaaaaaaaaaaaab|aaaaaaaaaaaaaaaaaaaaaaac";
  lx_rl_extract(&lx_default_allocator, longlit, strlen(longlit), 0, l);
  CHECK(lx_rl_present(l, as, big) == 1, "a search that runs out of work says the literal may be there");
  as[big - 1] = 'c';
  lx_rl_extract(&lx_default_allocator, "aaac", 4, 0, l);
  CHECK(lx_rl_present(l, as, big) == 1 && !lx_rl_present(l, as, big - 1),
        "and one within its work finds or misses it");
  free(as);
}

int main(void) {
  CHECK(lx_abbrev_table_ok(), "the abbreviations' first-byte filter is the list's, sorted");
  test_tokenizer();
  test_dates();
  test_dict();
  test_dict_filter();
  test_close_parens();
  test_contraction();
  test_api();
  test_scratch();
  test_linking_table();
  test_linking_table_orgs();
  test_linking_table_persons();
  test_regex_literals();
  fprintf(stderr, "%d passed, %d failed, 0 skipped\n", passed, failed);
  return failed ? 1 : 0;
}
