/*
 * Entity candidates: what each recognizer proposes for a span of tokens,
 * before entities.c resolves overlaps, refines types, links mentions and
 * attaches roles. Recognizers read the document's tokens and the gazetteer
 * and never allocate outside the vectors they are given.
 */
#ifndef LEDE_NER_H
#define LEDE_NER_H

#include "internal.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

/* Where a candidate comes from. */
enum {
  LX_SRC_NUMEX = 1, /* numex.c: numbers, money, dates... */
  LX_SRC_TAGGER,    /* tagger.c: the statistical tagger of names */
  LX_SRC_GAZ,       /* the gazetteer */
  LX_SRC_RULE,      /* hand rules of entities.c */
  LX_SRC_USER       /* user rule packs */
};

typedef struct lx_cand {
  uint32_t t0, t1;    /* tokens [t0, t1) of the document's token array */
  uint16_t type;      /* LEDE_T_* (tagger: PERSON, ORG, LOC, or NORP for MISC) */
  uint8_t value_kind; /* LEDE_V_* */
  uint8_t source;     /* LX_SRC_* */
  int32_t score;      /* higher wins an overlap between candidates of one source */
  double num;         /* numeric value (LEDE_V_NUMBER, LEDE_V_AMOUNT) */
  char str[48];       /* value string (ISO 8601, ISO 4217 code, unit), or "" */
  /* user rules (entities.c zeroes them for the built-in recognizers; its
   * hand rules set bstart, bend and canon where a span is not whole tokens) */
  uint32_t rule;      /* the rule's id */
  uint32_t bstart, bend; /* the exact byte span when it is not whole tokens */
  int32_t priority;
  uint8_t overlap, override;
  const char *ustr, *canon, *entry_id; /* value string, canonical name, dictionary id */
} lx_cand;

/* What the recognizers see of a document. */
typedef struct lx_ner_in {
  const char *text;
  const lx_token *toks; /* every token of the document, in order */
  size_t ntoks;
  const lx_dict *gaz;   /* the built-in gazetteer */
  const lede_allocator *alloc;
  lx_date ref;          /* the article's own date: dateline, published, or
                           the caller's reference date */
  int has_ref;          /* ref has a year, a month and a day */
  char cc[3];           /* the country of the dateline's place (ISO 3166), or "" */
} lx_ner_in;

/* numex.c: DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL and CARDINAL over
 * the tokens [t0, t1) of one block (sentence starts carry LX_TF_SENT), with
 * normalized values; relative dates resolve against in->ref. Appends lx_cand
 * to out (an lx_vec of lx_cand); returns 0 on allocation failure. */
int lx_numex(const lx_ner_in *in, size_t t0, size_t t1, lx_vec *out);

/* tagger.c: a statistical tagger of names (PER, ORG, LOC, MISC), trained on
 * conll2003/train by tools/train/, its model embedded in tagger_model.c. */
typedef struct lx_tagger lx_tagger;
lx_tagger *lx_tagger_new(const lede_allocator *a, lede_status *st);
void lx_tagger_free(lx_tagger *tg);
/* Tags the tokens [t0, t1) of one block and appends one lx_cand per name
 * found (type PERSON, ORG, LOC, or NORP standing for MISC). `scratch` is a
 * byte vector the tagger may grow and reuse. Returns 0 on allocation
 * failure. Read-only on the tagger: safe from several threads. */
int lx_tagger_tag(const lx_tagger *tg, const lx_ner_in *in, size_t t0, size_t t1,
                  lx_vec *scratch, lx_vec *out);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif
#endif
