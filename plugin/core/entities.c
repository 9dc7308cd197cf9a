/*
 * Entities: the recognizers (numex.c, tagger.c, the gazetteer, hand rules)
 * propose candidates over the tokens of each content block (title,
 * paragraphs, captions); this file resolves their overlaps, refines types
 * and writes the document's entities. Linking, roles and quotes follow.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ner.h"

/* A content block and where its entities are flagged as coming from. */
typedef struct span_flag {
  lede_span span;
  uint8_t flags; /* LEDE_EF_* */
} span_flag;

static int cand_cmp(const void *a, const void *b) {
  const lx_cand *x = (const lx_cand *)a, *y = (const lx_cand *)b;
  if (x->t0 != y->t0) return x->t0 < y->t0 ? -1 : 1;
  if (x->t1 != y->t1) return x->t1 > y->t1 ? -1 : 1; /* longer first */
  return x->source - y->source;
}

static void add_entity(lx_ctx *c, const lx_cand *k, uint8_t flags) {
  lede_doc_internal *in = c->doc->internal;
  if (in->entities.n >= c->eng->limits.max_entities) {
    c->doc->warnings |= LEDE_W_ENTITY_LIMIT;
    return;
  }
  const lx_token *t = (const lx_token *)c->toks.p;
  lede_entity *e = (lede_entity *)lx_push(c, &in->entities, sizeof(lede_entity));
  e->span = lx_span(t[k->t0].start, t[k->t1 - 1].end);
  e->type = k->type;
  e->value_kind = k->value_kind;
  e->flags = flags;
  e->num = k->num;
  e->str = k->str[0] ? lx_strndup(c, k->str, strlen(k->str)) : NULL;
  e->role_span = lx_no_span;
  e->cluster = (uint32_t)(in->entities.n - 1);
}

/* Runs the recognizers over the tokens [t0, t1) of one block. */
static void recognize(lx_ctx *c, const lx_ner_in *ni, size_t t0, size_t t1, uint8_t flags) {
  if (t0 >= t1) return;
  lx_sentences(c->text, (lx_token *)c->toks.p + t0, t1 - t0);
  c->cands.n = 0;
  if (!lx_numex(ni, t0, t1, &c->cands) ||
      !lx_tagger_tag(c->eng->tagger, ni, t0, t1, &c->scratch2, &c->cands))
    lx_fail(c, LEDE_ENOMEM, "out of memory");
  lx_tick(c);
  lx_cand *k = (lx_cand *)c->cands.p;
  size_t n = c->cands.n;
  if (n > 1) qsort(k, n, sizeof *k, cand_cmp);
  /* overlaps: the first (earliest, then longest) candidate wins */
  uint32_t covered = 0;
  for (size_t i = 0; i < n; i++) {
    if (k[i].t0 < covered || k[i].t1 <= k[i].t0) continue;
    add_entity(c, &k[i], flags);
    covered = k[i].t1;
  }
}

void lx_entities(lx_ctx *c) {
  lede_doc *d = c->doc;
  lede_doc_internal *in = d->internal;
  lx_ner_in ni;
  memset(&ni, 0, sizeof ni);
  ni.text = c->text;
  ni.toks = (const lx_token *)c->toks.p;
  ni.ntoks = c->toks.n;
  ni.gaz = c->eng->gaz;
  ni.alloc = c->alloc;
  ni.ref = c->ref;
  ni.has_ref = c->has_ref;
  /* the blocks, in document order */
  span_flag blocks_fixed[4];
  size_t nfixed = 0;
  if (!lx_span_empty(d->title)) {
    blocks_fixed[nfixed].span = d->title;
    blocks_fixed[nfixed++].flags = LEDE_EF_IN_TITLE;
  }
  size_t t0, t1;
  for (size_t i = 0; i < nfixed; i++) {
    lx_tokens_in(c, blocks_fixed[i].span.start, blocks_fixed[i].span.end, &t0, &t1);
    recognize(c, &ni, t0, t1, blocks_fixed[i].flags);
  }
  /* paragraphs and captions interleave in the text: walk both in order */
  const lede_span *P = (const lede_span *)in->paragraphs.p;
  const lede_caption *C = (const lede_caption *)in->captions.p;
  size_t ip = 0, ic = 0;
  while (ip < in->paragraphs.n || ic < in->captions.n) {
    int take_p = ic >= in->captions.n ||
                 (ip < in->paragraphs.n && P[ip].start < C[ic].span.start);
    lede_span s = take_p ? P[ip++] : C[ic++].span;
    lx_tokens_in(c, s.start, s.end, &t0, &t1);
    recognize(c, &ni, t0, t1, take_p ? 0 : LEDE_EF_IN_CAPTION);
  }
}

void lx_link(lx_ctx *c) { (void)c; }
void lx_quotes(lx_ctx *c) { (void)c; }
