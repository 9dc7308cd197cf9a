/* The statistical tagger of names: to be written (issue 3). */
#include "ner.h"

struct lx_tagger {
  const lede_allocator *alloc;
};

lx_tagger *lx_tagger_new(const lede_allocator *a, lede_status *st) {
  lx_tagger *tg = (lx_tagger *)lx_malloc(a, sizeof *tg);
  if (!tg) {
    *st = LEDE_ENOMEM;
    return NULL;
  }
  tg->alloc = a;
  *st = LEDE_OK;
  return tg;
}

void lx_tagger_free(lx_tagger *tg) {
  if (tg) lx_free(tg->alloc, tg);
}

int lx_tagger_tag(const lx_tagger *tg, const lx_ner_in *in, size_t t0, size_t t1,
                  lx_vec *scratch, lx_vec *out) {
  (void)tg;
  (void)in;
  (void)t0;
  (void)t1;
  (void)scratch;
  (void)out;
  return 1;
}
