/*
 * libFuzzer harness: the phrase dictionaries (lx_dict_load_tsv,
 * lx_dict_add, lookups) with arbitrary TSV, the format of the gazetteer and
 * of users' dictionaries.
 *
 *   byte 0   bit 0: a dictionary that folds accents; bit 1: the allocator
 *            fails its (byte 1 + 1)-th call
 *   then     TSV "kind<TAB>phrase<TAB>canonical<TAB>attrs" lines, up to a
 *            NUL byte; after it, a text looked up token by token
 *
 * A load gives LEDE_OK, LEDE_EINVAL with a message, or LEDE_ENOMEM only when
 * an allocation failed; nothing leaks. After a load every phrase of the TSV
 * is found again, with its kind in the chain of its key, and lookups in the
 * text return entries whose phrase leads back to them.
 */
#include "common.h"

static fz_alloc_state S;

static void check_lookups(const lx_dict *d, const char *text, size_t n) {
  lx_vec v = {NULL, 0, 0};
  FZ_ASSERT(lx_tokenize(&lx_default_allocator, text, 0, n, &v), "tokenize");
  const lx_token *t = (const lx_token *)v.p;
  for (size_t i = 0; i < v.n; i++) {
    const lx_entry *e;
    size_t k = lx_dict_longest(d, text, t, v.n, i, &e);
    FZ_ASSERT((k == 0) == (e == NULL), "a length and an entry go together");
    if (!k) continue;
    FZ_ASSERT(k <= lx_dict_maxtok(d) && i + k <= v.n, "length %zu at %zu", k, i);
    FZ_ASSERT(e->ntok == k, "the entry has the matched length");
    /* the stored phrase leads back to the entry's key */
    const char *ph = lx_dict_str(d, e->phrase);
    const lx_entry *f = lx_dict_find(d, ph, strlen(ph));
    FZ_ASSERT(f && f->key == e->key, "the phrase '%s' finds its key again", ph);
    FZ_ASSERT(lx_dict_exact(d, text, t, i, k) != NULL, "exact lookup of what longest found");
    size_t vn;
    const char *a = lx_entry_attr(d, e, "t", &vn);
    if (a) FZ_ASSERT(vn <= strlen(a), "attribute length");
  }
  lx_vec_free(&lx_default_allocator, &v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  int fold = data[0] & 1;
  lede_allocator a = fz_allocator(&S);
  S.calls = S.failures = 0;
  S.sticky = 0;
  S.fail_at = (data[0] & 2) ? data[1] + 1 : 0;
  const char *tsv = (const char *)data + 2;
  size_t rest = size - 2;
  const char *nul = (const char *)memchr(tsv, 0, rest);
  size_t tn = nul ? (size_t)(nul - tsv) : rest;
  const char *text = nul ? nul + 1 : tsv + rest;
  size_t xn = nul ? rest - tn - 1 : 0;

  lx_dict *d = fold ? lx_dict_new_fold(&a) : lx_dict_new(&a);
  if (!d) {
    FZ_ASSERT(S.failures > 0 && S.live == 0, "a new dictionary fails only for memory");
    return 0;
  }
  char err[200] = "";
  lede_status st = lx_dict_load_tsv(d, tsv, tn, err, sizeof err);
  long failures = S.failures;
  S.fail_at = 0;
  if (st == LEDE_OK) {
    /* every phrase of the TSV is found, its kind in the chain */
    size_t i = 0;
    while (i < tn) {
      size_t e = i;
      while (e < tn && tsv[e] != '\n') e++;
      size_t le = e > i && tsv[e - 1] == '\r' ? e - 1 : e;
      if (le > i && tsv[i] != '#') {
        size_t t1 = i;
        while (t1 < le && tsv[t1] != '\t') t1++;
        size_t p0 = t1 + 1, p1 = p0;
        while (p1 < le && tsv[p1] != '\t') p1++;
        int kind = lx_gaz_kind_from_name(tsv + i, t1 - i);
        FZ_ASSERT(kind && p0 <= le, "a loaded line has a kind and a phrase");
        const lx_entry *f = lx_dict_find(d, tsv + p0, p1 - p0);
        FZ_ASSERT(f, "phrase '%.*s' is found after loading", (int)(p1 - p0), tsv + p0);
        FZ_ASSERT(lx_entry_of_kind(d, f, kind), "its kind is in the chain");
      }
      i = e + 1;
    }
    check_lookups(d, text, xn);
  } else if (st == LEDE_ENOMEM) {
    FZ_ASSERT(failures > 0, "ENOMEM without a failed allocation");
  } else {
    FZ_ASSERT(st == LEDE_EINVAL && err[0], "status %d, message '%s'", st, err);
  }
  /* lx_dict_add directly, with the text as a phrase of every kind */
  if (xn && xn < 2048) {
    for (int kind = 1; kind < LX_G_COUNT; kind += 7) {
      lx_entry *e = lx_dict_add(d, text, xn, kind, text, xn / 2, "t=1;amb=1", 9, 7);
      if (e) FZ_ASSERT(lx_dict_find(d, text, xn) != NULL, "an added phrase is found");
    }
  }
  lx_dict_free(d);
  FZ_ASSERT(S.live == 0, "%ld blocks left", S.live);
  return 0;
}
