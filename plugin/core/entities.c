/*
 * Entities. Over the tokens of each content block (title, paragraphs,
 * captions) the recognizers propose candidates: numex.c (numbers, money,
 * dates), tagger.c (a statistical tagger of names), the gazetteer, and the
 * hand rules here (names after given names, honorifics and titles; "Seoul's
 * foreign ministry"). Overlaps are resolved (longer spans first, then by
 * source), types refined to OntoNotes (LOC into GPE/LOC/FAC, MISC into
 * NORP/EVENT/LAW/...), titles found around names. Then, over the whole
 * document: mentions are linked into entities with one canonical form
 * ("Pompeo" is "Mike Pompeo", "ROK" is "South Korea", "the department" is
 * "State Department"), persons get the role the text gives them, and quotes
 * get their speakers.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ner.h"
#include "rules.h"

#define TOKS(c) ((const lx_token *)(c)->toks.p)
#define GAZ(c) ((c)->eng->gaz)
#define KIND(k) (1u << (k))
#define NAME_KINDS LX_G_NAME_KINDS

static const lede_span no_span_ = {LEDE_NONE, LEDE_NONE};

static int tok_is_cap(const lx_token *t) { return (t->flags & (LX_TF_CAP | LX_TF_ALLCAP)) != 0; }
static int tok_is_word(const lx_token *t) { return t->kind == LX_TK_WORD; }
static int tok_ch(const lx_ctx *c, const lx_token *t, char ch) {
  return t->end - t->start == 1 && c->text[t->start] == ch;
}

/* Whether a token is one of the words w[0, n) (lower case): a list walked,
 * for the lists that are not in the set of listed words (word_in asks the
 * set for those that are). */
static int in_list(const lx_ctx *c, const lx_token *t, const char *const *w, size_t n) {
  /* the token's first byte, lower-cased once, tells most words of the list
   * no (lx_tok_ieq compares it first) */
  unsigned char f = (unsigned char)c->text[t->start];
  if (f >= 'A' && f <= 'Z') f += 32;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)w[i][0] == f && lx_tok_ieq(c->text, t, w[i])) return 1;
  return 0;
}

/* The lists whose words make the set of listed words, a bit each (LL(w)):
 * the set's slot of a word tells the lists that have it, where word_in
 * walked the list (a listed word of another list walked all of it). */
#define LISTED_LISTS(X)                                                                      \
  X(org_heads) X(fac_words) X(loc_words) X(street_words) X(town_words) X(event_words)        \
  X(storms) X(law_words) X(desc_heads) X(cue_verbs) X(openers) X(company_words)              \
  X(industry_words) X(interjections) X(law_designators) X(fac_designators) X(contests)       \
  X(org_laws) X(model_words) X(ui_words) X(legal_forms) X(unit_heads) X(org_title_words)     \
  X(org_end_words) X(sector_words) X(after_number) X(firm_nouns) X(firm_roles)               \
  X(stake_words) X(party_members) X(storm_not_names) X(body_only_words) X(signoff_verbs)     \
  X(local_bodies) X(place_people) X(show_kinds) X(show_words) X(not_roles) X(built_words)    \
  X(nature_words) X(pact_words) X(headline_verbs) X(team_sports) X(game_after)               \
  X(game_before) X(name_breaks) X(acronym_things) X(unnamed_heads)
enum {
#define LISTED_ID(w) LL_##w,
  LISTED_LISTS(LISTED_ID)
#undef LISTED_ID
  LL_COUNT
};
#define LL(w) ((uint64_t)1 << LL_##w)

/* Behind the set's slots (one allocation, freed with them): per slot, the
 * lists that have its word and the word (NULL when two words of the lists
 * share a hash: the lists are walked then). A word with capitals is in no
 * list for word_in (lx_tok_ieq compares with a lower-case word), but in
 * legal_forms for legal_form, which compares them as printed: LL(legal_forms)
 * says that a form is spelled so in some case, and word_in does not ask it. */
typedef struct listed_word {
  uint64_t lists;
  const char *word;
} listed_word;

static int listed_scan(const lx_ctx *c, const lx_token *t, uint64_t lists);

/* A token's slot in the set of listed words (NULL: not listed). The set
 * has 64 slots or more (an engine is not made without it): no test of an
 * empty one. */
static inline const listed_word *listed_slot(const lx_ctx *c, const lx_token *t) {
  const lx_hashset *s = &c->eng->listed;
  uint32_t h = t->hash ? t->hash : 1;
  for (size_t j = h & (s->cap - 1); s->slots[j]; j = (j + 1) & (s->cap - 1))
    if (s->slots[j] == h) return (const listed_word *)(const void *)(s->slots + s->cap) + j;
  return NULL;
}

/* Whether a token is a word of one of the listed lists `lists` (LL bits):
 * one look in the set. */
static inline int in_listed(const lx_ctx *c, const lx_token *t, uint64_t lists) {
  const listed_word *x = listed_slot(c, t);
  if (!x || !(x->lists & lists)) return 0;
  return x->word ? lx_tok_ieq(c->text, t, x->word) : listed_scan(c, t, x->lists & lists);
}

/* Whether a token is a word of the listed list w. */
#define word_in(c, t, w) in_listed(c, t, LL(w))

/* Whether the printed case of a gazetteer phrase fits the text's:
 * acronyms need capitals ("US", not "us"), names a capital, lower-case
 * phrases anything. */
static int is_cue(const lx_ctx *c, const lx_token *t);
static int verb_after_name(const lx_ctx *c, const lx_token *t);
static int role_det(const lx_ctx *c, const lx_token *t);

static int case_fits(const lx_entry *e, const lx_token *t, size_t n) {
  if (e->flags & LX_GF_ALLCAP) {
    for (size_t i = 0; i < n; i++)
      if (t[i].nletters >= 2 && !(t[i].flags & LX_TF_ALLCAP)) return 0;
    return tok_is_cap(&t[0]) || t[0].kind != LX_TK_WORD;
  }
  if (e->flags & LX_GF_CAP) {
    /* "the Xinhua news agency" is Xinhua: an agency's name printed in
     * capitals does not end in a lower-case word ("the Gulf war", "Stansted
     * airport", "the State department" are names with their generic word) */
    if (e->kind == LX_G_AGENCY && n >= 2 && t[n - 1].kind == LX_TK_WORD &&
        (t[n - 1].flags & LX_TF_LOWER))
      return 0;
    return tok_is_cap(&t[0]) || t[0].kind == LX_TK_NUM;
  }
  return 1;
}

/* Per token (c->tkinds): whether any gazetteer phrase may start with it
 * (TK_STARTS, known once TK_SEEN: the dictionary's filter, in cache, noted
 * as gaz_candidates reads the block's tokens), and the kinds of the
 * one-token phrases it spells and the first of them (known once TK_DONE:
 * a lookup in the table, far in memory, made the first time a rule asks,
 * since most tokens are never asked). The rules then ask in O(1): a token
 * is looked up once whatever asks (the gazetteer's candidates, given
 * names, surnames, honorifics, the linker), where each used to probe the
 * table again. The vector is the context's scratch, written through the
 * const context as a memo. */
#define TK_DONE 0x80000000u
#define TK_STARTS 0x40000000u
#define TK_SEEN 0x20000000u
/* and title_at's answer at the token, once asked (TK_TITLE): the title's
 * length (up to TK_TLEN_MAX) and whether it is capitalized; the kinds
 * keep the bits below (TK_KINDS) */
#define TK_TITLE 0x10000000u
#define TK_TCAP 0x08000000u
#define TK_TLEN_SHIFT 21
#define TK_TLEN_MAX 63u
#define TK_KINDS ((1u << TK_TLEN_SHIFT) - 1)
typedef char tk_kinds_fit[LX_G_COUNT <= TK_TLEN_SHIFT ? 1 : -1];

typedef struct tk_memo {
  uint32_t m;     /* TK_* | kinds */
  uint32_t entry; /* the first one-token entry, index + 1; 0 none */
} tk_memo;

static inline uint32_t tk_starts(const lx_ctx *c, size_t i) {
  return lx_dict_may_start(GAZ(c), TOKS(c)[i].hash) ? TK_SEEN | TK_STARTS : TK_SEEN;
}

/* Fills the kinds of the one-token gazetteer phrases token i spells, and
 * the first of them, into a memo whose m has TK_SEEN. */
static void tk_lookup(const lx_ctx *c, size_t i, tk_memo *k) {
  k->m |= TK_DONE;
  k->entry = 0;
  if (!(k->m & TK_STARTS)) return;
  const lx_entry *e;
  uint32_t kinds = lx_dict_exact_kinds(GAZ(c), c->text, TOKS(c), i, 1, &e);
  if (e) k->entry = lx_entry_index(GAZ(c), e) + 1;
  k->m |= kinds & TK_KINDS;
}

/* tk_get of a token not looked up yet. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static const tk_memo *tk_fill(const lx_ctx *c, size_t i, tk_memo *tmp) {
  if (i >= c->tkinds.n) {
    tmp->m = tk_starts(c, i);
    tk_lookup(c, i, tmp);
    return tmp;
  }
  tk_memo *k = (tk_memo *)c->tkinds.p + i;
  if (!(k->m & TK_SEEN)) k->m = tk_starts(c, i);
  tk_lookup(c, i, k);
  return k;
}

/* Token i's memo, looked up if it was not (not memoized for a token of no
 * block: *tmp holds it). Inline, the memo read; most asks find it there. */
static inline const tk_memo *tk_get(const lx_ctx *c, size_t i, tk_memo *tmp) {
  if (i < c->tkinds.n && (((const tk_memo *)c->tkinds.p)[i].m & TK_DONE))
    return (const tk_memo *)c->tkinds.p + i;
  return tk_fill(c, i, tmp);
}

static uint32_t tk(const lx_ctx *c, size_t i) {
  tk_memo tmp;
  return tk_get(c, i, &tmp)->m;
}

/* The first entry of a memo's one-token phrases, or NULL. */
static const lx_entry *tk_entry(const lx_ctx *c, const tk_memo *k) {
  return k->entry ? lx_dict_entry(GAZ(c), k->entry - 1) : NULL;
}

/* Whether the memo says that no gazetteer phrase starts at token i (once
 * the filter was asked: TK_SEEN); inline, for the rules that skip most
 * tokens so. */
static inline int tk_starts_none(const lx_ctx *c, size_t i) {
  return i < c->tkinds.n &&
         (((const tk_memo *)c->tkinds.p)[i].m & (TK_SEEN | TK_STARTS)) == TK_SEEN;
}

/* Whether a gazetteer phrase may start at token i (the filter only). */
static inline int tk_may_start(const lx_ctx *c, size_t i) {
  uint32_t m = i < c->tkinds.n ? ((const tk_memo *)c->tkinds.p)[i].m : 0;
  if (!(m & TK_SEEN)) m = tk_starts(c, i);
  return (m & TK_STARTS) != 0;
}

static void token_kinds(lx_ctx *c) {
  if (c->tkinds.n < c->toks.n) {
    size_t n = c->toks.n;
    if (!lx_vec_reserve(c->alloc, &c->tkinds, sizeof(tk_memo), n + 1))
      lx_fail(c, LEDE_ENOMEM, "out of memory");
    memset(c->tkinds.p, 0, n * sizeof(tk_memo));
    c->tkinds.n = n;
  }
  /* the filter's answers (TK_SEEN) are noted by gaz_candidates, which reads
   * every token, and by tk_get on the tokens the rules ask of */
}

/* The gazetteer entry of one of `kinds` spelled by exactly tokens [t0, t1). */
static const lx_entry *gaz_exact(const lx_ctx *c, size_t t0, size_t t1, uint32_t kinds) {
  if (t0 >= t1 || t1 - t0 > 255) return NULL;
  tk_memo tmp;
  const tk_memo *k = tk_get(c, t0, &tmp);
  if (!(k->m & TK_STARTS) || (t1 - t0 == 1 && !(k->m & kinds))) return NULL;
  /* (of two tokens or more, the filter tells most first tokens that no
   * phrase goes on past them, without the lookup's call) */
  if (t1 - t0 > 1 && !lx_dict_may_continue(GAZ(c), TOKS(c)[t0].hash)) return NULL;
  const lx_entry *e = t1 - t0 == 1 ? tk_entry(c, k)
                                   : lx_dict_exact(GAZ(c), c->text, TOKS(c), t0, t1 - t0);
  for (; e; e = lx_entry_next(GAZ(c), e))
    if (kinds & KIND(e->kind)) return e;
  return NULL;
}

static inline int gaz_has(const lx_ctx *c, size_t t0, size_t t1, uint32_t kinds) {
  if (t1 == t0 + 1) return (tk(c, t0) & kinds) != 0;
  return gaz_exact(c, t0, t1, kinds) != NULL;
}

/* The longest gazetteer phrase of two tokens or more from token i (0 if
 * none), the first entry of its key in *e: what lx_dict_longest finds
 * when it finds two tokens or more, for the rules that want no less. The
 * filter tells most tokens that no such phrase goes on past them, without
 * the lookup's call. */
static size_t gaz_longest2(const lx_ctx *c, size_t i, size_t t1, const lx_entry **e) {
  *e = NULL;
  if (!tk_may_start(c, i) || !lx_dict_may_continue(GAZ(c), TOKS(c)[i].hash)) return 0;
  return lx_dict_longest_min(GAZ(c), c->text, TOKS(c), t1, i, 2, e);
}

/* The type a gazetteer kind stands for (or an attr type=...). */
static int type_of_kind(const lx_ctx *c, const lx_entry *e) {
  size_t vn;
  const char *v = e->flags & LX_GF_TYPE ? lx_entry_attr(GAZ(c), e, "type", &vn) : NULL;
  if (v) {
    int t = lede_type_from_name(v, vn);
    if (t) return t;
  }
  switch (e->kind) {
    case LX_G_COUNTRY:
    case LX_G_CITY:
    case LX_G_STATE: return LEDE_T_GPE;
    case LX_G_REGION: return LEDE_T_LOC;
    case LX_G_DEMONYM:
    case LX_G_NORP: return LEDE_T_NORP;
    case LX_G_ORG:
    case LX_G_AGENCY: return LEDE_T_ORG;
    case LX_G_EVENT: return LEDE_T_EVENT;
    case LX_G_FAC: return LEDE_T_FAC;
    case LX_G_PRODUCT: return LEDE_T_PRODUCT;
    case LX_G_LANGUAGE: return LEDE_T_LANGUAGE;
    default: return 0;
  }
}

#define PLACE_KINDS (KIND(LX_G_COUNTRY) | KIND(LX_G_CITY) | KIND(LX_G_STATE) | KIND(LX_G_REGION))

/* ---- candidates -------------------------------------------------------------- */

static lx_cand *push_cand(lx_ctx *c, size_t t0, size_t t1, int type, int source, int score) {
  lx_cand *k = (lx_cand *)lx_push(c, &c->cands, sizeof(lx_cand));
  k->t0 = (uint32_t)t0;
  k->t1 = (uint32_t)t1;
  k->type = (uint16_t)type;
  k->source = (uint8_t)source;
  k->score = score;
  return k;
}

/* Function words (the engine's stop set): capitalized at a sentence
 * start, they are not names. */
static int sentence_word(const lx_ctx *c, const lx_token *t) {
  return lx_hashset_has(&c->eng->nonname, t->hash ? t->hash : 1);
}

/* A product's model after its name: "iPhone 12", "Galaxy S20", "iPhone 12
 * Pro Max". Returns the tokens of the model from j (0 if none): a number
 * of at most four digits that no scale word or percent sign follows (not
 * "iPhone 12 million"), or a capital and digits ("S20", "A14"), then up
 * to two variant words; or up to three variant words alone. */
static const char *const model_words[] = {"pro", "max", "plus", "mini", "ultra", "lite", "air",
                                          "neo", "edge", "fold", "flip", "se"};
static const char *const after_number[] = {"million", "billion", "trillion", "percent",
                                           "pct", "mln", "bln", "bn", "%"};

static size_t product_model(const lx_ctx *c, size_t j, size_t t1) {
  const lx_token *t = TOKS(c);
  if (j >= t1 || (t[j].flags & (LX_TF_NEWLINE | LX_TF_SENT)) || t[j].start != t[j - 1].end + 1)
    return 0;
  const char *s = c->text + t[j].start;
  size_t n = t[j].end - t[j].start, k = 0;
  if (t[j].kind == LX_TK_NUM && n <= 4) {
    for (k = 0; k < n && s[k] >= '0' && s[k] <= '9'; k++) {
    }
    if (k < n || (j + 1 < t1 && word_in(c, &t[j + 1], after_number)))
      return 0;
  } else if (t[j].kind == LX_TK_WORD && n >= 2 && n <= 6 && s[0] >= 'A' && s[0] <= 'Z' &&
             s[1] >= '0' && s[1] <= '9') {
    for (k = 1; k < n && s[k] >= '0' && s[k] <= '9'; k++) {
    }
    if (k < n) return 0;
  } else if (!(t[j].flags & LX_TF_CAP) ||
             !word_in(c, &t[j], model_words)) {
    return 0;
  }
  /* (or the variant words alone: "MacBook Air", "Switch Lite", "iPhone
   * Pro Max") */
  size_t m = 1;
  while (m < 3 && j + m < t1 && (t[j + m].flags & LX_TF_CAP) &&
         t[j + m].start == t[j + m - 1].end + 1 &&
         word_in(c, &t[j + m], model_words))
    m++;
  return m;
}

/* Gazetteer names in a block: unambiguous phrases in a fitting case.
 * Returns the union of the block's tokens' flags (LX_TF_*: the later
 * rules skip a block without their token). */
/* Whether a gazetteer phrase of two tokens or more printed without a
 * capital may start at token i, by its filter f: a word in lower case fits
 * no other (case_fits), and the filter tells most pairs of words that none
 * starts with them ("the" opens "the Marches" alone). */
static inline int lower_phrase_may_start(const lx_dict_filter *f, const lx_token *t, size_t i,
                                         size_t t1) {
  return lx_filter_has(f, t[i].hash, LX_PRE_CONT) && i + 1 < t1 &&
         lx_filter_has(f, lx_hash_combine(t[i].hash, t[i + 1].hash), LX_PRE_LPAIR);
}

/* gaz_candidates' walk from token i to the first token of [i, t1) that may
 * start a phrase in its case or be a name alone (t1 if none), the flags of
 * those before it or'ed into *fl, the filter's answers noted in their
 * memos. Most tokens start none: a loop of its own keeps what it reads in
 * registers, where inside gaz_candidates it was reloaded from the stack
 * for every token. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t gaz_next_start(const lx_ctx *c, tk_memo *memo, size_t i, size_t t1,
                             unsigned *fl) {
  const lx_token *t = TOKS(c);
  /* a copy of the filter: the memos' stores cannot change it (they could
   * its size, for all the compiler knows), so it stays in registers */
  const lx_dict_filter flt = *(const lx_dict_filter *)(const void *)GAZ(c);
  unsigned f = *fl;
  for (; i < t1; i++) {
    f |= t[i].flags;
    uint32_t m = memo[i].m;
    if (!(m & TK_SEEN)) {
      m = lx_filter_has(&flt, t[i].hash, LX_PRE_START) ? TK_SEEN | TK_STARTS : TK_SEEN;
      memo[i].m = m;
    }
    if (!(m & TK_STARTS)) continue;
    if (t[i].kind != LX_TK_WORD || tok_is_cap(&t[i])) break;
    /* a word in lower case fits only a phrase printed so (case_fits): one
     * of two tokens or more, or the word alone if it is a name (as
     * gaz_candidates asks); it would pass over the others ("the", "mln") */
    if (lx_filter_has(&flt, t[i].hash, LX_PRE_LSTART) &&
        ((m & TK_DONE) || lx_filter_has(&flt, t[i].hash, LX_PRE_MARK) ||
         lower_phrase_may_start(&flt, t, i, t1)))
      break;
  }
  *fl = f;
  return i;
}

static unsigned gaz_candidates(lx_ctx *c, size_t t0, size_t t1) {
  const lx_token *t = TOKS(c);
  const lx_dict *g = GAZ(c);
  tk_memo *memo = (tk_memo *)c->tkinds.p; /* token_kinds made room for every token */
  unsigned fl = 0;
  for (size_t i = t0; i < t1;) {
    i = gaz_next_start(c, memo, i, t1, &fl);
    if (i >= t1) break;
    /* phrases of two tokens or more (where the filter lets one go past the
     * token: most tokens start none; for a word in lower case, one printed
     * so: a longer phrase found would not fit, and the token alone is
     * asked), else the token's own (memoized; its entries, far in memory,
     * are read only if one is a name: most are given names and surnames) */
    const lx_entry *e = NULL;
    int lower = t[i].kind == LX_TK_WORD && !tok_is_cap(&t[i]);
    size_t k = (lower ? lower_phrase_may_start((const lx_dict_filter *)(const void *)g, t, i, t1)
                      : lx_dict_may_continue(g, t[i].hash))
                   ? lx_dict_longest_min(g, c->text, t, t1, i, 2, &e)
                   : 0;
    const lx_entry *best = NULL;
  one_token:
    if (!k) {
      /* a token not looked up yet that the filter says is no one-token name
       * is not (most: given names, surnames, titles, first words of
       * phrases): the table is left for a rule that asks */
      if (!(memo[i].m & TK_DONE) && !lx_dict_may_be_marked(g, t[i].hash)) {
        i++;
        continue;
      }
      tk_memo tmp;
      const tk_memo *m = tk_get(c, i, &tmp);
      if (!(m->m & NAME_KINDS)) {
        i++;
        continue;
      }
      k = (e = tk_entry(c, m)) != NULL;
    }
    for (; k && e; e = lx_entry_next(g, e)) {
      if (!(NAME_KINDS & KIND(e->kind)) || (e->flags & LX_GF_AMB)) continue;
      if (!case_fits(e, t + i, k)) continue;
      /* "3m users", "5g": a number with a unit in lower case is no "3M" */
      if (k == 1 && t[i].kind == LX_TK_NUM && (t[i].flags & LX_TF_LOWER)) continue;
      /* "a spokesman in Port said" is no Port Said */
      if (k >= 2 && (t[i + k - 1].flags & LX_TF_LOWER) && is_cue(c, &t[i + k - 1])) continue;
      /* a capitalized common word opening a sentence is not enough */
      if (k == 1 && (t[i].flags & LX_TF_SENT) && sentence_word(c, &t[i])) continue;
      /* languages are names of peoples too: a language needs its context */
      if (e->kind == LX_G_LANGUAGE) {
        int ctx = (i > t0 && (lx_tok_ieq(c->text, &t[i - 1], "in") ||
                              lx_tok_ieq(c->text, &t[i - 1], "speak") ||
                              lx_tok_ieq(c->text, &t[i - 1], "speaks") ||
                              lx_tok_ieq(c->text, &t[i - 1], "speaking") ||
                              lx_tok_ieq(c->text, &t[i - 1], "native"))) ||
                  (i + k < t1 && (lx_tok_ieq(c->text, &t[i + k], "language") ||
                                  lx_tok_ieq(c->text, &t[i + k], "speakers")));
        if (!ctx) continue;
      }
      /* a firm named with a possessive ("Lowe's") after a given name is a
       * person's possessive ("Rob Lowe's new show") */
      if (k >= 2 && (t[i + k - 1].flags & LX_TF_POSS) && i > t0 && tok_is_cap(&t[i - 1]) &&
          gaz_has(c, i - 1, i, KIND(LX_G_GIVEN)))
        continue;
      best = e;
      break;
    }
    if (!best && k >= 2) { /* the phrase did not fit: the token alone may */
      k = 0;
      goto one_token;
    }
    if (best) {
      if (best->kind == LX_G_PRODUCT) k += product_model(c, i + k, t1); /* "iPhone 12" */
      push_cand(c, i, i + k, type_of_kind(c, best), LX_SRC_GAZ, 40);
      for (size_t q = i + 1; q < i + k; q++) fl |= t[q].flags; /* (i's are in) */
      i += k;
    } else {
      i++;
    }
  }
  return fl;
}

/* Whether token i alone is a gazetteer phrase of `kinds`, titles' kinds
 * alone (LX_G_TITLE, LX_G_TITLEMOD, LX_G_HONORIFIC): engine.c copies those
 * phrases into the titles' dictionary, whose filter, in cache, tells most
 * tokens no before the memo's lookup in the gazetteer's table, far in
 * memory (a title's word is asked of most capitalized words). */
static inline int gaz_title(const lx_ctx *c, size_t i, uint32_t kinds) {
  /* (a token looked up already answers from its memo) */
  if (i < c->tkinds.n && (((const tk_memo *)c->tkinds.p)[i].m & TK_DONE))
    return (((const tk_memo *)c->tkinds.p)[i].m & kinds) != 0;
  return lx_filter_has((const lx_dict_filter *)(const void *)c->eng->titles, TOKS(c)[i].hash,
                       LX_PRE_KEY) &&
         gaz_has(c, i, i + 1, kinds);
}

static int is_honorific(const lx_ctx *c, size_t i) {
  return gaz_title(c, i, KIND(LX_G_HONORIFIC));
}

/* The length of the particle and hyphen that open a name such as
 * "al-Masri", "el-Sayed", "bin-Laden" (the name after them capitalized);
 * 0 if none. */
static size_t hyphen_particle(const lx_ctx *c, const lx_token *t) {
  static const char *const p[] = {"al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ul",
                                  "bin", "ibn", "abu", "abd", "ben"};
  const char *w = c->text + t->start;
  size_t n = t->end - t->start;
  if (t->kind != LX_TK_WORD || !(t->flags & LX_TF_HYPHEN)) return 0;
  for (size_t i = 0; i < LX_COUNTOF(p); i++) {
    size_t k = strlen(p[i]);
    if (n > k + 2 && w[k] == '-' && w[k + 1] >= 'A' && w[k + 1] <= 'Z' &&
        ((unsigned char)w[0] | 0x20) == (unsigned char)p[i][0] &&
        strncmp(w + 1, p[i] + 1, k - 1) == 0)
      return k + 1;
  }
  return 0;
}

/* The letters after a person's name: "QC", "KC", "MP", "OBE", "PhD". */
static int post_nominal(const lx_ctx *c, const lx_token *t) {
  static const char *const w[] = {"qc", "kc", "mp", "mep", "msp", "obe", "mbe",
                                  "cbe", "kbe", "dbe", "phd", "frs"};
  return t->kind == LX_TK_WORD && t->nletters <= 3 && t->nletters >= 2 &&
         ((t->flags & LX_TF_ALLCAP) || lx_tok_is(c->text, t, "PhD")) &&
         in_list(c, t, w, LX_COUNTOF(w));
}

/* A capitalized word that can be part of a name (not a function word, not
 * a day of the week). */
static inline int name_word(const lx_ctx *c, const lx_token *t) {
  if (t->kind != LX_TK_WORD || !tok_is_cap(t) || (t->flags & LX_TF_DIGIT)) return 0;
  if (t->nletters == 1 && !(t->flags & LX_TF_PERIOD)) return 0;
  if (t->nletters <= 12 && lx_hashset_has(&c->eng->nonname, t->hash ? t->hash : 1)) return 0;
  return 1;
}

/* The length of a title at i: (modifiers) title-word; 0 if none. Most
 * tokens start none: title_at tells them inline, title_from does the rest
 * (title_scan, once a token). */
static size_t title_scan(const lx_ctx *c, size_t i, size_t t1, int *capitalized) {
  const lx_token *t = TOKS(c);
  const lx_dict *td = c->eng->titles;
  size_t j = i;
  int cap = 1;
  /* "Chief Strategy Officer", "chief operating officer": a chief officer
   * of any function, one or two words, in the case of "chief" */
  if (lx_tok_ieq(c->text, &t[i], "chief")) {
    for (size_t q = i + 2; q < t1 && q <= i + 3; q++) {
      if (t[q - 1].kind != LX_TK_WORD || !tok_is_cap(&t[q - 1]) != !tok_is_cap(&t[i])) break;
      if (lx_tok_ieq(c->text, &t[q], "officer")) {
        if (capitalized) *capitalized = tok_is_cap(&t[i]);
        return q + 1 - i;
      }
    }
  }
  /* modifiers: deputy, assistant, vice, acting, former, ... */
  for (int m = 0; m < 4 && j < t1; m++) {
    const lx_entry *me;
    /* (the filter's word on a phrase of the one token first, inline) */
    if (!lx_filter_has((const lx_dict_filter *)(const void *)td, t[j].hash, LX_PRE_KEY) ||
        !(lx_dict_exact_kinds(td, c->text, t, j, 1, &me) & KIND(LX_G_TITLEMOD)))
      break;
    j++;
  }
  /* the title after the modifiers, or a title of two words or more that
   * begins among them and covers them: "chief" and "executive" are
   * modifiers ("chief economist", "executive editor") and "chief
   * executive" a title; "General" of "General Electric" is no title */
  size_t jm = j;
  for (;; j--) {
    const lx_entry *e, *title = NULL;
    size_t k = 0;
    /* (among the modifiers, one of two words or more alone: the filter
     * tells most that none goes on past them, "U.S." that one may) */
    if (j < t1 && lx_dict_may_start(td, t[j].hash))
      k = j == jm                               ? lx_dict_longest(td, c->text, t, t1, j, &e)
          : lx_dict_may_continue(td, t[j].hash) ? lx_dict_longest_min(td, c->text, t, t1, j, 2, &e)
                                                : 0;
    if (k && (j == jm || (k >= 2 && j + k >= jm))) title = lx_entry_of_kind(td, e, LX_G_TITLE);
    if (title) {
      if (title->flags & LX_GF_AMB && j == i) return 0;
      for (size_t q = i; q <= j; q++)
        if (!tok_is_cap(&t[q])) cap = 0;
      if (capitalized) *capitalized = cap;
      return j + k - i;
    }
    if (j == i) return 0; /* modifiers alone are not a title */
  }
}

#if defined(__GNUC__)
__attribute__((noinline)) /* (title_at's checks inline, not this) */
#endif
static size_t title_from(const lx_ctx *c, size_t i, size_t t1, int *capitalized) {
  tk_memo *k = i < c->tkinds.n ? (tk_memo *)c->tkinds.p + i : NULL;
  if (k) {
    if (!(k->m & TK_SEEN)) k->m = tk_starts(c, i); /* (else the memo below is lost) */
    if (k->m & TK_TITLE) {
      size_t n = k->m >> TK_TLEN_SHIFT & TK_TLEN_MAX;
      if (n && capitalized) *capitalized = (k->m & TK_TCAP) != 0;
      return n;
    }
  }
  /* a title is read from at most four modifiers and a phrase: past that
   * the block's end changes nothing, and the answer is kept in the memo
   * (the rules, the titles around names and the linker ask again of the
   * same tokens) */
  int cap = 0;
  size_t n = title_scan(c, i, t1, &cap);
  if (k && t1 - i >= 4 + (size_t)lx_dict_maxtok(c->eng->titles) && n <= TK_TLEN_MAX)
    k->m |= TK_TITLE | (cap ? TK_TCAP : 0) | (uint32_t)n << TK_TLEN_SHIFT;
  if (n && capitalized) *capitalized = cap;
  return n;
}

static inline size_t title_at(const lx_ctx *c, size_t i, size_t t1, int *capitalized) {
  if (i >= t1) return 0;
  /* the titles are phrases of the gazetteer (engine.c copies them): a token
   * the memo says starts none of its phrases starts no title */
  if (i < c->tkinds.n && (((const tk_memo *)c->tkinds.p)[i].m & (TK_SEEN | TK_STARTS)) == TK_SEEN)
    return 0;
  if (!lx_dict_may_start(c->eng->titles, TOKS(c)[i].hash)) return 0;
  return title_from(c, i, t1, capitalized);
}

/* Whether token i is inside a gazetteer name that begins one or two
 * capitalized tokens before it, within [t0, t1). */
static int inside_gaz_name(const lx_ctx *c, size_t i, size_t t0, size_t t1) {
  const lx_token *t = TOKS(c);
  for (size_t back = 1; back <= 2 && i >= t0 + back; back++) {
    size_t s = i - back;
    if (!tok_is_cap(&t[s])) return 0;
    if (!tk_may_start(c, s)) continue;
    const lx_entry *e;
    size_t k = lx_dict_longest(GAZ(c), c->text, t, t1, s, &e);
    for (; k > back && e; e = lx_entry_next(GAZ(c), e))
      if (NAME_KINDS & KIND(e->kind)) return 1;
  }
  return 0;
}

/* Words of company names: "Jones Medical Industries Inc" is no person. */
static const char *const company_words[] = {
    "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "group",
    "holdings", "industries", "communications", "financial", "bancorp", "bancshares",
    "partners", "capital", "securities", "systems", "technologies", "enterprises",
    "airlines", "motors", "pharmaceuticals", "insurance", "associates", "spa", "ag", "gmbh",
    "nv", "sa", "bhd", "investments", "brothers", "bros", "bros.", "trust", "bank", "services",
    "stores", "robotics", "labs", "laboratories", "networks", "software", "therapeutics",
    "biosciences", "aerospace", "semiconductor", "electronics", "ventures", "airways",
    "entertainment", "media", "studios", "pictures", "records", "brands"};
/* An industry's words, that end a firm's name rather than a person's
 * ("Rouge Steel", "Champlin Petroleum", "Georgia Power"), though not
 * enough to join a possessive to the name ("Energen's Alabama Gas"). */
static const char *const industry_words[] = {
    "pharma", "shipping", "steel", "homes", "foods", "mining", "logistics", "telecom",
    "petroleum", "chemicals", "utilities", "minerals", "rail", "railway", "railways", "energy",
    "power", "water", "gas", "oil", "resources", "savings", "freight", "devices", "athletic",
    "properties", "realty", "trading", "apparel", "components", "platinum", "metals",
    "materials", "textiles", "plastics", "cement", "automotive", "packaging", "beverages",
    "brewing", "breweries", "distillers", "manufacturing", "engineering", "construction",
    "builders", "seafood", "biotech", "healthcare", "chemie", "hotels", "resorts", "casinos"};

/* Whether a word ends a firm's name: a firm's word or an industry's ("Inc",
 * "Partners", "Components"); one look in the set of listed words first. */
static int firm_end(const lx_ctx *c, const lx_token *t) {
  return in_listed(c, t, LL(company_words) | LL(industry_words));
}

/* Buildings and works only: CoNLL calls venues and streets LOC, and so does
 * lede unless the gazetteer knows a facility. */
static const char *const fac_words[] = {
    "airport", "stadium", "arena", "tower", "palace", "station", "prison", "hospital",
    "building", "dam", "tunnel", "canal", "museum", "cathedral", "mosque", "temple",
    "church", "airbase", "field"};
static const char *const loc_words[] = {
    "river", "mountain", "mountains", "mount", "mt.", "ocean", "sea", "lake", "gulf",
    "bay", "valley", "island", "islands", "peninsula", "strait", "desert", "coast",
    "basin", "plateau", "delta", "forest", "region", "continent", "creek", "canyon"};
/* Words that end a town's name ("Harlan Falls", "Colorado Springs",
 * "Shaker Heights", "Cherry Hill Township"). */
static const char *const town_words[] = {"falls", "springs", "heights", "township", "village",
                                         "harbor", "harbour", "junction"};
static const char *const street_words[] = {"street", "avenue", "square", "road", "boulevard",
                                           "highway", "lane", "plaza"};
/* words that open a storm's name (refine_type) */
static const char *const storms[] = {"typhoon", "hurricane", "cyclone", "storm", "tropical",
                                     "superstorm", "super"};
/* words after them that are no storm's name ("Hurricane Season") */
static const char *const storm_not_names[] = {"season", "warning", "watch", "alley", "hunters",
                                              "force", "bowl", "shadow"};

/* Heads of organization names ("the foreign ministry", "the General
 * Administration of Customs"). */
static const char *const org_heads[] = {
    "ministry", "department", "agency", "bank", "government", "embassy", "office",
    "parliament", "council", "commission", "committee", "court", "police", "military",
    "army", "navy", "administration", "cabinet", "regulator", "bureau", "board"};

/* Lower-case words that end names of organizations and places besides
 * org_heads ("Liberal party", "Stansted airport", "London stock exchange"). */
static const char *const name_heads[] = {
    "airport", "association", "club", "company", "convention", "corporation", "division",
    "exchange", "group", "institute", "island", "islands", "league", "party", "river",
    "society", "stadium", "union", "university"};

/* Lower-case words no name runs across: pronouns, determiners, auxiliaries. */
static const char *const name_breaks[] = {
    "any", "are", "be", "been", "each", "every", "had", "has", "have", "he", "her", "his",
    "it", "its", "my", "our", "she", "some", "their", "they", "this", "those", "was", "we",
    "were", "will", "would", "your"};

static int org_head(const lx_ctx *c, const lx_token *t) {
  return word_in(c, t, org_heads);
}

/* Words that, after a title word, make the two an organization's name
 * ("General Staff", "General Assembly", "General Accounting Office"), with
 * org_heads and company_words: org_after_title. */
static const char *const org_title_words[] = {
    "staff", "secretariat", "assembly", "directorate", "accounting", "headquarters",
    "command", "inspectorate", "electric", "dynamics", "mills", "foods", "hospital",
    "union", "confederation", "federation", "chamber", "authority"};

/* Last words of organizations that a preposition and a second name
 * complete: "Federal Office for Police Matters", "Commission on Human
 * Rights" (with org_heads and org_title_words). */
static const char *const org_end_words[] = {
    "institute", "centre", "center", "foundation", "fund", "society", "association",
    "organisation", "organization", "tribunal", "alliance", "league", "movement",
    "front", "coalition", "forum", "academy", "network", "programme", "program",
    "service", "trust", "party", "university", "college", "senate", "gazette", "tribune",
    "herald", "journal", "chronicle", "dispatch", "courier", "examiner", "times", "school",
    "orchestra", "observatory"};

/* Words that end bodies' names and no person's (org_end_words and the
 * heads have surnames among them: "Courier", "Hospital", "Mills"). */
static const char *const body_only_words[] = {
    "university", "college", "school", "senate", "institute", "foundation", "association",
    "society", "academy", "orchestra", "observatory", "ministry", "department", "council",
    "committee", "commission", "agency", "federation", "confederation"};

static int org_end_word(const lx_ctx *c, const lx_token *t) {
  return tok_is_cap(t) && in_listed(c, t, LL(org_heads) | LL(org_end_words) | LL(org_title_words));
}

/* Industries that a nationality names a company with: "British
 * Aerospace", "Japan Airlines", "Deutsche Telekom" is the tagger's. */
static const char *const sector_words[] = {
    "aerospace", "airways", "airlines", "petroleum", "steel", "gas", "telecom",
    "telecommunications", "rail", "railways", "coal", "energy", "broadcasting",
    "shipbuilders", "telekom", "airports", "nuclear", "tobacco", "sugar", "biscuits",
    "electricity", "shipping", "aluminium", "aluminum", "chemicals", "steamship"};

static int org_after_title(const lx_ctx *c, const lx_token *t) {
  return tok_is_cap(t) && in_listed(c, t, LL(org_heads) | LL(company_words) | LL(org_title_words));
}

/* Designators before a number: "Chapter 11", "Resolution 242", "Section
 * 301", "Article 5" are laws; "Route 66", "Interstate 95", "Terminal 5"
 * places built. The number alone is no CARDINAL (numex: after a name). */
static const char *const law_designators[] = {"chapter", "article", "section", "resolution",
                                              "proposition", "amendment", "rule", "directive",
                                              "clause", "title", "regulation"};
static const char *const fac_designators[] = {"route", "highway", "interstate", "terminal",
                                              "pier", "gate", "runway", "platform", "exit",
                                              "junction"};

/* The type a capitalized designator gives the number after it, or 0. */
static int designator_type(const lx_ctx *c, size_t i, size_t t1) {
  const lx_token *t = TOKS(c);
  if (i + 1 >= t1 || t[i + 1].kind != LX_TK_NUM || !(t[i].flags & LX_TF_CAP) ||
      (t[i].flags & LX_TF_ALLCAP) || (t[i + 1].flags & LX_TF_NEWLINE) ||
      t[i + 1].start != t[i].end + 1)
    return 0;
  if (word_in(c, &t[i], law_designators)) return LEDE_T_LAW;
  if (word_in(c, &t[i], fac_designators)) return LEDE_T_FAC;
  return 0;
}

/* Whether a token may end a product's model: a number, a code with
 * digits ("S20"), a variant word ("Max"). */
static int model_like(const lx_ctx *c, const lx_token *t) {
  return t->kind == LX_TK_NUM || (t->flags & LX_TF_DIGIT) ||
         word_in(c, t, model_words);
}

/* A model's code: digits and letters or a hyphen ("A350-900", "777X",
 * "S20"), or a number of three digits or more ("737"). */
static int model_code(const lx_ctx *c, const lx_token *t) {
  if (!(t->flags & LX_TF_DIGIT)) return 0;
  const char *s = c->text + t->start;
  size_t n = t->end - t->start, digits = 0, other = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] >= '0' && s[i] <= '9') {
      digits++;
    } else if (!((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') && s[i] != '-') {
      other++; /* "1.5", "2,000" */
    }
  }
  return n <= 12 && !other && (digits < n || n >= 3);
}

/* Where a known product and its model end from i ("Galaxy S20"), or i. */
static size_t product_and_model(const lx_ctx *c, size_t i, size_t t1) {
  const lx_entry *e;
  if (!tk_may_start(c, i)) return i;
  size_t k = lx_dict_longest(GAZ(c), c->text, TOKS(c), t1, i, &e);
  if (!k || !lx_entry_of_kind(GAZ(c), e, LX_G_PRODUCT)) return i;
  return i + k + product_model(c, i + k, t1);
}

/* A product named after its maker, with its model: "Sony PlayStation 5",
 * "Samsung Galaxy S20", "Airbus A320neo". Returns the end of the name
 * from i (the maker, a known organization), or i if there is none. */
static size_t maker_product(const lx_ctx *c, size_t i, size_t t1) {
  /* (the memo tells most words after it that no product starts there,
   * before the maker is looked up) */
  if (i + 1 >= t1 || tk_starts_none(c, i + 1) || !gaz_has(c, i, i + 1, KIND(LX_G_ORG))) return i;
  size_t e = product_and_model(c, i + 1, t1);
  return e > i + 1 ? e : i;
}

/* A company's legal form, as printed (case matters: "SA" is no "sa"):
 * "Elsevier N.V.", "Nestle S.A.", "Fiat S.p.A.", "Vodafone plc"; with
 * `common`, also the forms the tagger learned (Inc, Corp, Ltd, AG). */
static const char *const legal_forms[] = {
    "N.V.", "NV", "B.V.", "BV", "S.A.", "S.p.A.", "SpA", "GmbH", "plc", "PLC", "Plc", "K.K.",
    "Oyj", "ASA", "LLC", "L.L.C.", "LLP", "S.A.B.", "A.G.", "Pte", "Pty", "Sdn", "Bhd",
    "Berhad", "AB", "Oy", "Ltda", "SAS", "S.A.S.", "S.L.", "Srl", "S.r.l.", "KGaA",
    /* common: */
    "AG", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "Co.", "Co"};
enum { LEGAL_COMMON = 9 }; /* the last ones */
/* in a listed word's lists (see listed_word): the word spells one of the
 * forms before the common ones, in some case */
#define LEGAL_RARE ((uint64_t)1 << 63)

static int legal_form(const lx_ctx *c, const lx_token *t, int common) {
  size_t n = t->end - t->start;
  const char *s = c->text + t->start;
  /* the forms' first letters (a test in registers before the set's) */
  switch (n >= 2 && n <= 6 ? s[0] : 0) {
    case 'A': case 'B': case 'C': case 'G': case 'I': case 'K':
    case 'L': case 'N': case 'O': case 'P': case 'S': case 'p': break;
    default: return 0;
  }
  /* (no form is spelled so in any case: most) */
  const listed_word *x = t->kind == LX_TK_WORD ? listed_slot(c, t) : NULL;
  if (!x || !(x->lists & (common ? LL(legal_forms) : LEGAL_RARE))) return 0;
  /* the common forms, the most frequent ("Inc", "Corp"), first; the rare
   * ones only for a word that spells one in some case ("INC" in a headline
   * spells none) */
  size_t lo = x->lists & LEGAL_RARE ? 0 : LX_COUNTOF(legal_forms) - LEGAL_COMMON;
  for (size_t i = LX_COUNTOF(legal_forms) - (common ? 0 : LEGAL_COMMON); i-- > lo;) {
    const char *f = legal_forms[i];
    if (f[0] != s[0]) continue; /* (most; s has two bytes or more) */
    size_t k = 1;
    while (k < n && f[k] && f[k] == s[k]) k++;
    if (k == n && !f[n]) return 1;
  }
  return 0;
}

/* A part or the people of a firm, capitalized to open a sentence before
 * "of": "Shares of Carolina Skyways Inc. fell" (no company's first word). */
static const char *const parts_of[] = {
    "shares", "stock", "units", "sales", "profits", "officials", "executives", "employees",
    "workers", "members", "shareholders", "investors", "customers", "directors", "owners",
    "creditors", "bondholders", "holders", "analysts", "representatives", "staff", "most",
    "some", "all", "none", "both", "each", "many", "few", "several"};

/* The end of a company named from i by up to six capitalized name words
 * (with "&" or "of" between) on one line and a legal form ("Elsevier
 * N.V.", "Tate & Lyle Plc"), or 0; the name starts at i (no name word runs
 * into it). */
static size_t company_at(const lx_ctx *c, size_t t0, size_t i, size_t t1) {
  const lx_token *t = TOKS(c);
  if (i > t0 && t[i].start == t[i - 1].end + 1 && !(t[i].flags & (LX_TF_NEWLINE | LX_TF_SENT)) &&
      name_word(c, &t[i - 1]))
    return 0;
  for (size_t j = i + 1; j < t1 && j - i <= 6; j++) {
    if (t[j].start != t[j - 1].end + 1 || (t[j].flags & (LX_TF_NEWLINE | LX_TF_SENT))) return 0;
    if (legal_form(c, &t[j], 0)) {
      /* (asked of the few names with a form: most words have none) */
      if (lx_tok_is(c->text, &t[i + 1], "of") &&
          in_list(c, &t[i], parts_of, LX_COUNTOF(parts_of)))
        return 0;
      /* and a second one: "Pte Ltd", "Sdn Bhd", "Co Ltd" */
      size_t e = j + 1;
      while (e < t1 && e - j < 3 && t[e].start == t[e - 1].end + 1 &&
             !(t[e].flags & (LX_TF_NEWLINE | LX_TF_SENT)) && legal_form(c, &t[e], 1))
        e++;
      return e;
    }
    /* "Tate & Lyle Plc", "Bank of Ireland plc" */
    int joins = (tok_ch(c, &t[j], '&') || lx_tok_is(c->text, &t[j], "of")) && j + 1 < t1 &&
                name_word(c, &t[j + 1]);
    if ((!joins && !name_word(c, &t[j])) || j - i == 6) return 0;
  }
  return 0;
}

/* The state of a lawmaker's party-and-state tag, printed after the name:
 * "Adam Schiff, D-Calif.," "(R-Texas)", "(D-N.Y.)", "(D., Mich.)". The
 * tagger reads the tag as one name ("D-Calif" an organization, "D., Mich."
 * a person). Returns the tokens the tag spans from i (the party), the
 * bytes of the state in *bs, *be and its gazetteer entry in *state; 0 if
 * there is no tag at i. The candidate starts at the comma or parenthesis
 * before the party, so it outweighs the tagger's reading of the tag alone. */
static size_t party_state_tag(const lx_ctx *c, size_t i, size_t t1, uint32_t *bs, uint32_t *be,
                              const lx_entry **state) {
  const lx_token *t = TOKS(c);
  const char *s = c->text + t[i].start;
  size_t len = t[i].end - t[i].start;
  if (!(s[0] == 'D' || s[0] == 'R' || s[0] == 'I') || i == 0 ||
      !(tok_ch(c, &t[i - 1], ',') || tok_ch(c, &t[i - 1], '(')))
    return 0;
  if (len >= 3 && s[1] == '-') {
    /* "D-Calif." is the token "D-Calif" and a period; "D-N.Y." three */
    size_t j = i + 1;
    while (j < t1 && j - i <= 3 && t[j].start == t[j - 1].end &&
           (tok_ch(c, &t[j], '.') || tok_is_word(&t[j])))
      j++;
    for (; j > i; j--) {
      uint32_t a = t[i].start + 2, b = t[j - 1].end;
      const lx_entry *e = lx_entry_of_kind(GAZ(c), lx_dict_find(GAZ(c), c->text + a, b - a),
                                           LX_G_STATE);
      if (e) {
        *bs = a;
        *be = b;
        *state = e;
        return j - i;
      }
    }
    return 0;
  }
  /* "(D., Mich.)": the party, a comma, the state, the parenthesis */
  if (!(len == 1 || (len == 2 && s[1] == '.')) || t[i - 1].end - t[i - 1].start != 1 ||
      c->text[t[i - 1].start] != '(' || i + 3 >= t1 || !tok_ch(c, &t[i + 1], ','))
    return 0;
  const lx_entry *e;
  size_t k = lx_dict_longest(GAZ(c), c->text, t, t1, i + 2, &e);
  if (!k || !(e = lx_entry_of_kind(GAZ(c), e, LX_G_STATE)) || i + 2 + k >= t1 ||
      !tok_ch(c, &t[i + 2 + k], ')'))
    return 0;
  *state = e;
  *bs = t[i + 2].start;
  *be = t[i + 1 + k].end;
  return 2 + k;
}

/* A court case at the "v." of token i: "Roe v. Wade", "Brown v. Board of
 * Education", "Dobbs v. Jackson Women's Health Organization" (the names
 * of the parties, capitalized words with "of", "the", "and", "&" or a
 * possessive between them). Returns the case's first token in *a and its
 * end, or 0. Only "v." with its period: "Arsenal v Chelsea" is a match,
 * "Kramer vs. Kramer" a film as often as a case. */
static size_t court_case(const lx_ctx *c, size_t t0, size_t i, size_t t1, size_t *a) {
  const lx_token *t = TOKS(c);
  if (i == t0 || i + 1 >= t1 || t[i].end - t[i].start != 2 || c->text[t[i].start] != 'v' ||
      c->text[t[i].start + 1] != '.' || !name_word(c, &t[i - 1]) || !name_word(c, &t[i + 1]))
    return 0;
  size_t s = i - 1;
  while (s > t0 && i - s < 5 && name_word(c, &t[s - 1]) && !(t[s].flags & LX_TF_SENT) &&
         !(t[s - 1].flags & LX_TF_NEWLINE))
    s--;
  size_t e = i + 2, j = e;
  while (j < t1 && j - i <= 8 && !(t[j].flags & (LX_TF_SENT | LX_TF_NEWLINE))) {
    if (name_word(c, &t[j])) {
      e = ++j;
      continue;
    }
    int joins = (t[j].flags & LX_TF_POSS) || lx_tok_is(c->text, &t[j], "of") ||
                lx_tok_is(c->text, &t[j], "the") || lx_tok_is(c->text, &t[j], "and") ||
                tok_ch(c, &t[j], '&');
    if (!joins) break;
    j++;
  }
  *a = s;
  return e;
}

/* Person names the rules see: "Mike Pompeo" (a given name and a name
 * word), "Mr. Smith" (an honorific), "Foreign Minister Kang" (a capitalized
 * title), "Kang Kyung-wha" (a surname and a hyphenated given name); and
 * designators with their numbers. */
/* "Boston-based", "Mo.-based": an adjective made of a place and "-based",
 * one token. */
static inline int place_based(const lx_ctx *c, const lx_token *t) {
  static const char based[] = "-based";
  size_t n = t->end - t->start;
  const char *s = c->text + t->start;
  if (!(t->flags & LX_TF_HYPHEN) || n < 8 || s[0] < 'A' || s[0] > 'Z') return 0;
  for (size_t q = 0; q < 6; q++)
    if ((s[n - 6 + q] | 0x20) != based[q] && s[n - 6 + q] != based[q]) return 0;
  return 1;
}

/* Where a place's adjective starts: "St. Louis-based", "Hong Kong-based",
 * "New York-based" take up to two capitalized words before, joined by one
 * space, that are not function words ("The Boston-based"). */
static size_t place_based_start(const lx_ctx *c, size_t j, size_t t0) {
  const lx_token *t = TOKS(c);
  size_t s = j;
  while (s > t0 && j - s < 2 && tok_is_cap(&t[s - 1]) && t[s - 1].kind == LX_TK_WORD &&
         !(t[s - 1].flags & LX_TF_ALLCAP) && t[s - 1].end + 1 == t[s].start &&
         !lx_hashset_has(&c->eng->stop, t[s - 1].hash ? t[s - 1].hash : 1))
    s--;
  return s;
}

/* A Boeing jetliner by its model alone: "737 Max", "787 Dreamliner", "the
 * 777 program", "400 737-800 jets" (a number 7x7, as the maker names them,
 * then its variant or a word of aircraft). Returns the end of the product
 * (the aircraft word is not in it), or 0. Its maker before it is another
 * rule's ("Boeing 737"). */
static size_t jetliner_model(const lx_ctx *c, size_t t0, size_t i, size_t t1) {
  static const char *const aircraft_words[] = {
      "jet", "jets", "jetliner", "jetliners", "airliner", "airliners", "aircraft", "plane",
      "planes", "freighter", "freighters", "program", "programme", "fleet", "fleets",
      "family", "model", "models", "variant", "order", "orders", "deliveries", "crash",
      "crashes", "grounding", "production", "airplanes", "airplane", "jumbo", "jumbos"};
  const lx_token *t = TOKS(c);
  const char *s = c->text + t[i].start;
  size_t n = t[i].end - t[i].start;
  if (n < 3 || s[0] != '7' || s[1] < '0' || s[1] > '9' || s[2] != '7') return 0;
  if (n > 3) { /* "737-800", "777-300ER", "777X" */
    size_t k = 3;
    if (s[3] == '-') {
      k = 4;
      while (k < n && k < 8 && s[k] >= '0' && s[k] <= '9') k++;
      if (k == 4) return 0;
    }
    size_t letters = 0;
    while (k < n && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z')) k++, letters++;
    if (k < n || letters > 2) return 0;
  }
  if (i > t0 && gaz_has(c, i - 1, i, KIND(LX_G_ORG))) return 0; /* "Boeing 737" */
  size_t j = i + 1;
  int variant = 0;
  if (j < t1 && (lx_tok_is(c->text, &t[j], "Max") || lx_tok_is(c->text, &t[j], "MAX"))) {
    variant = 1;
    j++;
    if (j < t1 && t[j].kind == LX_TK_NUM && t[j].end - t[j].start <= 2 &&
        t[j].start == t[j - 1].end + 1)
      j++; /* "737 MAX 8" */
  }
  if (j < t1 && (lx_tok_is(c->text, &t[j], "Dreamliner") ||
                 lx_tok_is(c->text, &t[j], "Dreamliners"))) {
    variant = 1;
    j++;
  }
  if (variant) return j;
  return j < t1 && t[j].start == t[j - 1].end + 1 && t[j].kind == LX_TK_WORD &&
                 in_list(c, &t[j], aircraft_words, LX_COUNTOF(aircraft_words))
             ? j
             : 0;
}

/* A wire story's sign-off: "(Reporting by Helen Zhao in New York and Leo
 * Fischer; Editing by Martin Kearney)". At i, a capitalized word after
 * "Reporting by", "Editing by", "Writing by", "Compiled by" or "Produced
 * by": its names are persons, the places after "in" places. Returns where
 * the names end (0 if i opens none). */
/* The score of a sign-off's names: they outrank the tagger's reading of
 * them (cand_weight: "Additional reporting by Anupam Baruah" is no firm). */
enum { SIGNOFF_SCORE = 45 };

static const char *const signoff_verbs[] = {"reporting", "editing", "writing", "compiled",
                                             "produced"};

/* Whether token i follows a sign-off's "Reporting by" (i >= 2): the verb
 * capitalized, or after a bracket, a semicolon, a comma, "with" or
 * "additional" ("; Editing by", "with reporting by"; not "figures compiled
 * by Euromoney", "cars produced by Chrysler"). */
/* Whether token i - 1 is "by" (its two bytes): inline where every
 * capitalized word asks, before a call. */
static inline int after_by(const lx_ctx *c, size_t i) {
  const lx_token *t = TOKS(c);
  const char *by = c->text + t[i - 1].start;
  return t[i - 1].end - t[i - 1].start == 2 && by[0] == 'b' && by[1] == 'y';
}

static int signoff_by(const lx_ctx *c, size_t i) {
  const lx_token *t = TOKS(c);
  if (!after_by(c, i) || !word_in(c, &t[i - 2], signoff_verbs)) return 0;
  if (t[i - 2].flags & LX_TF_CAP) return 1;
  if (i < 3) return 0;
  const lx_token *p = &t[i - 3];
  return tok_ch(c, p, '(') || tok_ch(c, p, ';') || tok_ch(c, p, ',') ||
         lx_tok_ieq(c->text, p, "with") || lx_tok_ieq(c->text, p, "additional");
}

static size_t signoff_at(lx_ctx *c, size_t t0, size_t i, size_t t1) {
  const lx_token *t = TOKS(c);
  if (!signoff_by(c, i)) return 0;
  (void)t0;
  size_t j = i;
  for (int names = 0; names < 8 && j < t1 && name_word(c, &t[j]); names++) {
    size_t e = j + 1;
    while (e < t1 && e - j < 5 &&
           (name_word(c, &t[e]) || (e + 1 < t1 && lx_name_particle(c->text, &t[e]) &&
                                   name_word(c, &t[e + 1]))))
      e++;
    push_cand(c, j, e, LEDE_T_PERSON, LX_SRC_RULE, SIGNOFF_SCORE);
    j = e;
    /* "in New York" */
    if (j + 1 < t1 && lx_tok_is(c->text, &t[j], "in") && name_word(c, &t[j + 1])) {
      size_t p = j + 1;
      while (p < t1 && p - j <= 3 && name_word(c, &t[p])) p++;
      push_cand(c, j + 1, p, LEDE_T_GPE, LX_SRC_RULE, SIGNOFF_SCORE);
      j = p;
    }
    /* "and Leo Fischer", ", Leo Fischer" */
    if (j + 1 < t1 && (lx_tok_is(c->text, &t[j], "and") || tok_ch(c, &t[j], ',')) &&
        name_word(c, &t[j + 1]))
      j++;
    else
      break;
  }
  return j > i ? j : 0;
}

static int person_end_type(const lx_ctx *c, size_t t0, size_t t1);

/* English words that open sentences and never a name: the tagger, which
 * reads a capital at a sentence's start as a weak cue, made "Rather" a
 * person and "Within Delhi" a place. Articles are not here ("The Hague",
 * "The Netherlands"), nor words that begin names ("All Blacks"). */
static const char *const openers[] = {
    "within", "rather", "without", "despite", "however", "meanwhile", "instead", "unlike",
    "amid", "among", "inside", "outside", "toward", "towards", "upon", "beyond", "behind",
    "besides", "throughout", "whether", "unless", "perhaps", "indeed", "moreover",
    "furthermore", "nevertheless", "nonetheless", "thus", "hence", "therefore", "otherwise",
    "also", "even", "only", "just", "then", "here", "later", "earlier", "in", "at", "on",
    "for", "with", "after", "before", "during", "from", "by", "since", "until", "but",
    "and", "if", "while", "when", "where", "although", "though", "because", "according",
    "across", "against", "into", "through", "both", "either", "neither", "several", "every",
    "each", "these", "those", "his", "her", "its", "their", "our", "my", "your", "we",
    "they", "he", "she", "it", "what", "which", "who", "why", "how", "yesterday",
    "tomorrow", "already", "again", "once", "nor", "unfortunately", "fortunately",
    "recently", "currently", "initially", "finally", "eventually", "additionally",
    "similarly", "ultimately", "overall", "still", "yet",
    /* a web page's imperatives: "Follow her on Twitter", "Click here" */
    "follow", "click", "subscribe", "download", "tap", "enter"};

/* rule_candidates' walk from token i to the first token of [i, t1) that may
 * open one of its rules (t1 if none): a capitalized word, a "v." of a court
 * case (one letter in two bytes, which the token tells before the text is
 * read: "vs" opens none), a number that begins with 7 ("737 Max"). Most
 * tokens open none: a loop of its own keeps what it reads in registers,
 * where inside rule_candidates it was reloaded from the stack for every
 * token. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t rule_next_start(const lx_token *t, const char *text, size_t i, size_t t1) {
  for (; i < t1; i++) {
    if (t[i].kind == LX_TK_WORD) {
      if (tok_is_cap(&t[i]) || (t[i].nletters == 1 && t[i].end - t[i].start == 2 &&
                                text[t[i].start] == 'v'))
        break;
    } else if (t[i].kind == LX_TK_NUM && text[t[i].start] == '7') {
      break;
    }
  }
  return i;
}

static void rule_candidates(lx_ctx *c, size_t t0, size_t t1) {
  const lx_token *t = TOKS(c);
  for (size_t i = t0; i < t1; i++) {
    i = rule_next_start(t, c->text, i, t1);
    if (i >= t1) break;
    if (!tok_is_word(&t[i])) {
      /* "737 Max" (a number: most of the tokens here are words) */
      size_t je = t[i].kind == LX_TK_NUM && c->text[t[i].start] == '7'
                      ? jetliner_model(c, t0, i, t1)
                      : 0;
      if (je) {
        push_cand(c, i, je, LEDE_T_PRODUCT, LX_SRC_RULE, 35);
        i = je - 1;
      }
      continue;
    }
    /* "Roe v. Wade": a court case, a LAW (every token comes by: the "v."
     * is tested here, without a call; a "v." is no party's letter below) */
    size_t ca, ce0 = 0;
    if (t[i].end - t[i].start == 2 && c->text[t[i].start] == 'v')
      ce0 = court_case(c, t0, i, t1, &ca);
    if (ce0) {
      push_cand(c, ca, ce0, LEDE_T_LAW, LX_SRC_RULE, 35);
      i = ce0 - 1;
      continue;
    }
    /* every rule below opens at a capitalized word (a party's capital
     * letter, name_word, tok_is_cap, a designator's LX_TF_CAP): the words
     * in lower case, most, stop here */
    if (!tok_is_cap(&t[i])) continue;
    /* (asked by several rules below: its set looked at once, and not
     * before a word in lower case, where none of them fires but a firm's
     * before "plc" and a name's before a possessive) */
    const int nw = i + 1 < t1 &&
                   (!(t[i + 1].flags & LX_TF_LOWER) || (t[i + 1].flags & LX_TF_POSS) ||
                    lx_tok_is(c->text, &t[i + 1], "plc")) &&
                   name_word(c, &t[i]);
    size_t so = i >= t0 + 2 && after_by(c, i) ? signoff_at(c, t0, i, t1) : 0;
    if (so) {
      i = so - 1;
      continue;
    }
    /* a named storm the tagger may not see: "Typhoon Dalisay made
     * landfall", "Super Typhoon Haiyan", "Tropical Storm Xavier" (not "the
     * National Hurricane Center", "Hurricane Season"; the storm words begin
     * with c, h, s or t: the others are not looked up) */
    unsigned char s0 = (unsigned char)c->text[t[i].start] | 0x20;
    if ((s0 == 'c' || s0 == 'h' || s0 == 's' || s0 == 't') && word_in(c, &t[i], storms)) {
      size_t j = i;
      while (j < t1 && j - i < 3 && tok_is_cap(&t[j]) &&
             word_in(c, &t[j], storms))
        j++;
      size_t e = j;
      while (e < t1 && e - j < 2 && name_word(c, &t[e]) && !(t[e].flags & LX_TF_ALLCAP) &&
             !org_end_word(c, &t[e]) && !word_in(c, &t[e], storm_not_names))
        e++;
      if (e > j && j > i && (e == t1 || !tok_is_cap(&t[e]))) {
        push_cand(c, i, e, LEDE_T_EVENT, LX_SRC_RULE, 35);
        i = e - 1;
        continue;
      }
    }
    /* "D-Calif.": the state is a place; the party letter is no name (a
     * word that begins with no party's letter is not asked: most words) */
    uint32_t bs, be;
    const lx_entry *st;
    char p0 = c->text[t[i].start];
    size_t pk = i > t0 && (p0 == 'D' || p0 == 'R' || p0 == 'I')
                    ? party_state_tag(c, i, t1, &bs, &be, &st)
                    : 0;
    if (pk) {
      lx_cand *k = push_cand(c, i - 1, i + pk, LEDE_T_GPE, LX_SRC_RULE, 35);
      k->bstart = bs;
      k->bend = be;
      k->canon = lx_dict_str(GAZ(c), st->canonical); /* "Calif." is California */
      i += pk - 1;
      continue;
    }
    /* "Elsevier N.V.", "Nestle S.A.": a name and its legal form */
    if (i + 1 < t1 && (!(t[i + 1].flags & LX_TF_LOWER) || lx_tok_is(c->text, &t[i + 1], "plc")) &&
        nw) {
      size_t ce = company_at(c, t0, i, t1);
      if (ce) {
        push_cand(c, i, ce, LEDE_T_ORG, LX_SRC_RULE, 35);
        i = ce - 1;
        continue;
      }
    }
    /* "Sony PlayStation 5": a product, not a person nor its maker (the
     * memo's word that no phrase starts after it first, inline: most) */
    size_t pe = i + 1 < t1 && !(t[i + 1].flags & LX_TF_LOWER) && !tk_starts_none(c, i + 1)
                    ? maker_product(c, i, t1)
                    : i;
    if (pe > i + 1) {
      push_cand(c, i, pe, LEDE_T_PRODUCT, LX_SRC_RULE, 35);
      i = pe - 1;
      continue;
    }
    /* "Chapter 11", "Route 66" (asked only before a number) */
    int dt = i + 1 < t1 && t[i + 1].kind == LX_TK_NUM ? designator_type(c, i, t1) : 0;
    if (dt) {
      push_cand(c, i, i + 2, dt, LX_SRC_RULE, 35);
      i++;
      continue;
    }
    /* "Boatmen's Bancshares Inc.", "Moody's Investors Service": a name, its
     * possessive and capitalized words up to a company word (the tagger
     * may read the first word alone as a person); not a place's
     * possessive ("Britain's Lloyds Bank") */
    if (nw && i + 2 < t1 && (t[i + 1].flags & LX_TF_POSS) &&
        name_word(c, &t[i + 2]) && !gaz_has(c, i, i + 1, PLACE_KINDS | KIND(LX_G_DEMONYM)) &&
        /* the name starts here: not "Mobil Corp's Mobil Chemical Co",
         * "Standard and Poor's Corp" */
        !(i > t0 && (name_word(c, &t[i - 1]) || lx_tok_ieq(c->text, &t[i - 1], "and") ||
                     tok_ch(c, &t[i - 1], '&'))) &&
        !word_in(c, &t[i], company_words) &&
        /* a parent and its unit: "Fluor's Fluor Constructors Inc", "ATT's
         * Network Systems" */
        t[i + 2].hash != t[i].hash &&
        !((t[i].flags & LX_TF_ALLCAP) && !(t[i + 2].flags & LX_TF_ALLCAP))) {
      size_t j = i + 2, end = 0;
      while (j < t1 && j - i <= 6 && name_word(c, &t[j]) &&
             !(t[j].flags & (LX_TF_SENT | LX_TF_NEWLINE))) {
        if (word_in(c, &t[j], company_words)) end = j + 1;
        j++;
      }
      if (end) {
        push_cand(c, i, end, LEDE_T_ORG, LX_SRC_RULE, 35);
        i = end - 1;
        continue;
      }
    }
    /* a given name, a nickname in quotation marks and a surname: "Lee
     * 'Tank' Barnard", "Harold \"Sonny\" Bellamy" */
    if (i + 4 < t1 && (t[i + 1].flags & LX_TF_QUOTE) && (t[i + 1].flags & LX_TF_OPENQ) &&
        nw && name_word(c, &t[i + 2]) &&
        gaz_has(c, i, i + 1, KIND(LX_G_GIVEN))) {
      size_t q = i + 3;
      if (q < t1 && name_word(c, &t[q])) q++;
      if (q + 1 < t1 && (t[q].flags & LX_TF_QUOTE) && !(t[q].flags & LX_TF_OPENQ) &&
          name_word(c, &t[q + 1]) && !(t[q + 1].flags & LX_TF_SENT)) {
        size_t j = q + 1;
        while (j < t1 && j - q <= 2 && name_word(c, &t[j])) j++;
        push_cand(c, i, j, LEDE_T_PERSON, LX_SRC_RULE, 40);
        i = j - 1;
        continue;
      }
    }
    /* honorific + name words */
    if (i + 1 < t1 && tok_is_cap(&t[i + 1]) && is_honorific(c, i) && name_word(c, &t[i + 1])) {
      size_t j = i + 1;
      while (j < t1 && j - i <= 3 && name_word(c, &t[j]) &&
             !(j >= i + 3 && post_nominal(c, &t[j])))
        j++;
      push_cand(c, i + 1, j, LEDE_T_PERSON, LX_SRC_RULE, 35);
      i = j - 1;
      continue;
    }
    /* capitalized title + name words: "Foreign Minister Kang" */
    int cap = 0;
    size_t tl = tok_is_cap(&t[i]) ? title_at(c, i, t1, &cap) : 0;
    if (tl && cap && i + tl < t1 && name_word(c, &t[i + tl]) &&
        !gaz_has(c, i + tl, i + tl + 1, NAME_KINDS) && !org_after_title(c, &t[i + tl])) {
      size_t j = i + tl;
      while (j < t1 && j - (i + tl) < 3 && name_word(c, &t[j]) &&
             !(t[j].flags & LX_TF_SENT) && !gaz_title(c, j, KIND(LX_G_TITLE)) &&
             !(j >= i + tl + 2 && post_nominal(c, &t[j])))
        j++;
      push_cand(c, i + tl, j, LEDE_T_PERSON, LX_SRC_RULE, 35);
      i = j - 1;
      continue;
    }
    if (!nw || i + 1 >= t1 || !name_word(c, &t[i + 1])) continue;
    if ((t[i + 1].flags & LX_TF_SENT) || place_based(c, &t[i + 1])) continue;
    /* given name + name words: "Mike Pompeo", "Donald J. Trump" */
    const lx_entry *ge = gaz_exact(c, i, i + 1, KIND(LX_G_GIVEN));
    /* "German Foreign Ministry": a nationality first is no given name; a
     * month is one before a known surname only ("June Carter", not "the
     * September Treasury bond") */
    int given = ge && !(ge->flags & LX_GF_AMB) &&
                !gaz_has(c, i, i + 1, KIND(LX_G_DEMONYM) | KIND(LX_G_COUNTRY)) &&
                !(lx_month_from_word(c->text + t[i].start, t[i].end - t[i].start) &&
                  !gaz_has(c, i + 1, i + 2, KIND(LX_G_SURNAME)));
    /* "Kang Kyung-wha", "Lee Haye-ah": a surname and a hyphenated name */
    int asian = (t[i + 1].flags & LX_TF_HYPHEN) && !(t[i + 1].flags & LX_TF_DIGIT) &&
                gaz_exact(c, i, i + 1, KIND(LX_G_SURNAME));
    if (!given && !asian) {
      /* "Kessling Components", "Mokgalo Platinum": names whose last word is
       * a firm's or an industry's (and no known name of a place or body) */
      size_t j = i + 1;
      while (j < t1 && j - i < 4 && name_word(c, &t[j]) && !(t[j].flags & LX_TF_SENT) &&
             t[j].start == t[j - 1].end + 1)
        j++;
      const lx_token *z = &t[j - 1];
      /* (from the name's first word: not "Hutton" of "E.F. Hutton", nor a
       * place's adjective: "Boston-based") */
      int first = i == t0 || t[i].start > t[i - 1].end + 1 ||
                  !(t[i - 1].kind == LX_TK_WORD && tok_is_cap(&t[i - 1]));
      /* (a sentence's first word may be any word in capitals: "Later
       * Chinese Steel exports fell", "Global Oil prices rose" are no firms;
       * there an industry's word, a common noun too, needs its verb after
       * it: "American Savings said") */
      int sent = (t[i].flags & LX_TF_SENT) != 0;
      if (first && !place_based(c, &t[i]) && !(t[i].flags & LX_TF_ALLCAP) &&
          !(z->flags & LX_TF_ALLCAP) &&
          firm_end(c, z) && !(sent && word_in(c, &t[i], openers)) &&
          !(sent && j < t1 && t[j].kind == LX_TK_WORD && (t[j].flags & LX_TF_LOWER) &&
            !verb_after_name(c, &t[j]) &&
            !word_in(c, z, company_words)) &&
          !gaz_has(c, i, j, NAME_KINDS) && !gaz_title(c, i, KIND(LX_G_TITLE))) {
        push_cand(c, i, j, LEDE_T_ORG, LX_SRC_RULE, 35);
        i = j - 1;
      }
      continue;
    }
    /* not inside a known name begun before it ("Los Angeles Auto Show") */
    if (inside_gaz_name(c, i, t0, t1)) continue;
    /* not when the pair is a known place or organization ("Santa Clara") */
    size_t j = i + 1;
    while (j < t1 && j - i < 4 && name_word(c, &t[j]) && !(t[j].flags & LX_TF_SENT) &&
           !place_based(c, &t[j]) && !(j >= i + 2 && post_nominal(c, &t[j])) &&
           !gaz_has(c, j, j + 1, KIND(LX_G_TITLE) | KIND(LX_G_COUNTRY) | KIND(LX_G_DEMONYM)))
      j++;
    if (j == i + 1 || gaz_has(c, i, j, NAME_KINDS)) continue;
    /* "Roosevelt Financial Group Inc", "George Weston Ltd": a firm named
     * after someone; "Taras Kovalenko National University": a body, and
     * "Bethel AME Church", "Clark County" are none (person_end_type) */
    int firm = 0;
    for (size_t q = i + 1; q < j && !firm; q++)
      firm = word_in(c, &t[q], company_words) ||
             ((org_end_word(c, &t[q]) ||
               (q + 1 == j && word_in(c, &t[q], industry_words))) &&
              (j - i >= 3 || !gaz_has(c, q, q + 1, KIND(LX_G_SURNAME)))); /* "Doug Mills" */
    int type = firm ? LEDE_T_ORG : person_end_type(c, i, j);
    push_cand(c, i, j, type ? type : LEDE_T_PERSON, LX_SRC_RULE, 35);
    i = j - 1;
  }
}

/* Interjections, names only when no comma follows ("Oh, and..." is no
 * Ohio; "Oh Se-hoon" is a mayor). */
static const char *const interjections[] = {"oh", "ah", "yes", "no", "well", "wow", "hey",
                                            "ok", "okay", "please", "thanks", "sorry", "hi",
                                            "hello", "bye", "goodbye", "yeah"};

/* the last words of events (refine_type), and what joins an event's name
 * to the word after it (fix_tagger_spans) */
static const char *const event_words[] = {
    "war", "cup", "olympics", "games", "championship", "championships", "open",
    "summit", "conference", "election", "elections", "tournament", "festival", "series",
    "revolution", "crisis", "storm", "hurricane", "typhoon", "earthquake", "prix",
    "marathon", "derby", "trophy", "league", "classic", "masters", "show", "expo", "final",
    "finals"};

/* Words that make a law of a name the tagger reads as an organization
 * (refine_type): its last word ("Clean Air Act") or its first before "of"
 * ("Treaty of Rome"). */
static const char *const org_laws[] = {"act", "treaty", "protocol", "amendment",
                                       "constitution"};

/* The last words of contests, which the tagger may read as organizations
 * (refine_type); fewer than event_words: "Premier League", "Southeastern
 * Conference" are organizations. */
static const char *const contests[] = {"open", "classic", "championship", "championships",
                                       "cup", "olympics", "games", "tournament", "marathon",
                                       "prix", "derby", "trophy", "masters", "invitational"};

/* A name's parentheses are closed within it: "Zeleznik (B)" takes the
 * ")" the tagger left out when its group is short, "Mladost (L) 2" ends
 * at it; a "(" left open with no ")" near ends the name before it.
 * Returns the new end of tokens [a, b) (b <= t1, the block's end). */
/* A given name and one more word: "John Tower", "Aaron Judge" (surnames
 * that are common nouns); an ambiguous given name ("John") if amb_ok. */
static int given_and_surname(const lx_ctx *c, size_t t0, size_t t1, int amb_ok) {
  if (t1 != t0 + 2) return 0;
  const lx_entry *g = gaz_exact(c, t0, t0 + 1, KIND(LX_G_GIVEN));
  return g && (amb_ok || !(g->flags & LX_GF_AMB));
}

size_t lx_close_parens(const char *text, const lx_token *t, size_t a, size_t b, size_t t1) {
#define PAREN(i, ch) (t[i].end - t[i].start == 1 && text[t[i].start] == (ch))
  for (size_t p = a + 1; p < b; p++) {
    if (!PAREN(p, '(')) continue;
    size_t q = p + 1;
    while (q < b && q < p + 4 && !PAREN(q, ')')) q++;
    if (q < b && PAREN(q, ')')) {
      /* closed inside: what follows is the name's only if it is a word */
      if (q + 1 < b && t[q + 1].kind == LX_TK_NUM) return q + 1;
      p = q;
      continue;
    }
    if (q == b && b < t1 && b <= p + 3 && PAREN(b, ')')) return b + 1;
    return p;
  }
  return b;
#undef PAREN
}

/* A contraction: "Don't", "We're", "They’ll", "I'm" (an apostrophe and an
 * English ending; "O'Brien" and "Gama'a" are names). */
int lx_contraction(const char *s, size_t n) {
  /* most tokens end otherwise (compared inline: a call to memchr cost more
   * than the five tests) */
  char z = n ? s[n - 1] : 0;
  if (n < 3 || !(z == 't' || z == 'd' || z == 'm' || z == 'e' || z == 'l')) return 0;
  for (size_t i = 1; i < n; i++) {
    size_t k = 0;
    if (s[i] == '\'') k = i + 1;
    else if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
             (unsigned char)s[i + 2] == 0x99)
      k = i + 3;
    if (!k) continue;
    /* English endings only: "Gama'a" is a name */
    size_t m = n - k;
    const char *e = s + k;
    return (m == 1 && (e[0] == 't' || e[0] == 'd' || e[0] == 'm')) ||
           (m == 2 && ((e[0] == 'r' && e[1] == 'e') || (e[0] == 'v' && e[1] == 'e') ||
                       (e[0] == 'l' && e[1] == 'l')));
  }
  return 0;
}

/* Two capitals or more and a final "s": "SUVs". */
static int plural_acronym(const char *s, size_t n) {
  if (n < 3 || s[n - 1] != 's') return 0;
  for (size_t i = 0; i + 1 < n; i++)
    if (s[i] < 'A' || s[i] > 'Z') return 0;
  return 1;
}

/* The first of the numex candidates k[0, nn) (in token order) that starts
 * at or after token j: a binary search. */
static size_t numex_from(const lx_cand *k, size_t nn, size_t j) {
  size_t lo = 0, hi = nn;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (k[mid].t0 < j) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* The tagger's names, in OntoNotes' bounds: titles and honorifics are
 * not part of a name ("Mayor Kim" is TITLE + PERSON), a place before a
 * title is the place ("Busan Mayor" is GPE + TITLE), parentheses close
 * within a name, and two persons with nothing but a space between them
 * are one ("Kim" "Seong-ho"), so are "Ministry of the Interior" "and"
 * "Safety", and a name and its event word ("Greater Milwaukee" "Open").
 * Not names: contractions ("Don't"), acronyms' plurals ("SUVs"), and in a
 * text not in English one-word names. */
/* The adjectives of places as one NORP each ("Minneapolis-based First Bank
 * System": CoNLL marks the adjective MISC, the company ORG). */
static void place_based_candidates(lx_ctx *c, size_t t0, size_t t1) {
  const lx_token *t = TOKS(c);
  for (size_t j = t0; j < t1; j++)
    if ((t[j].flags & LX_TF_HYPHEN) && place_based(c, &t[j]))
      push_cand(c, place_based_start(c, j, t0), j + 1, LEDE_T_NORP, LX_SRC_RULE, 36);
}

/* Acronyms of things, not of names: "an SUV", "LED lights", "the GDP",
 * "an IPO"; in lower case, as the set of listed words holds them: a token in
 * capitals (LX_TF_ALLCAP, as fix_tagger_spans asks) is one of them as printed
 * when it is one in any case (every byte of theirs is a letter). */
static const char *const acronym_things[] = {
    "ai",  "api", "atm", "cctv", "cd",   "ceo", "cfo", "coo", "cpu",  "dna", "dvd", "etf",
    "ev",  "gdp", "gmo", "gps",  "hd",   "hiv", "hvac", "icu", "ipo", "it",  "lcd",
    "led", "lng", "lpg", "mri",  "ok",   "oled", "pc", "pdf", "ppe",  "sms", "suv", "tv",  "usb",
    "vat", "vpn", "vr"};

/* A quotation mark that is not a single one (an apostrophe may be inside a
 * name: "African Nations' Cup", "Sant 'Egidio"). */
static int is_dquote(const lx_ctx *c, const lx_token *t) {
  const unsigned char *q = (const unsigned char *)c->text + t->start;
  return (t->flags & LX_TF_QUOTE) && q[0] != '\'' &&
         !(t->end - t->start == 3 && q[0] == 0xE2 && q[1] == 0x80 &&
           (q[2] == 0x98 || q[2] == 0x99));
}

/* A single quotation mark: ' or U+2019. */
static int is_apostrophe(const lx_ctx *c, const lx_token *t) {
  const unsigned char *q = (const unsigned char *)c->text + t->start;
  return (t->flags & LX_TF_QUOTE) &&
         ((t->end - t->start == 1 && q[0] == '\'') ||
          (t->end - t->start == 3 && q[0] == 0xE2 && q[1] == 0x80 && q[2] == 0x99));
}

/* Token i is a double quotation mark that opens (open) or closes. */
static int dquote_at(const lx_ctx *c, size_t i, int open) {
  const lx_token *t = &TOKS(c)[i];
  return is_dquote(c, t) && !(t->flags & LX_TF_OPENQ) == !open;
}

/* The words a title of a work prints in lower case: "War and Peace",
 * "Gone with the Wind", "The Lord of the Rings". */
static const char *const title_small_words[] = {"a",  "an", "and", "at", "by", "for", "from",
                                                "in", "of", "on",  "or", "the", "to", "with"};

/* (the small words are not in the listed set, where every "the" and "of"
 * would then be looked up in all the lists: asked here directly) */
static int title_word(const lx_ctx *c, const lx_token *t) {
  return tok_is_cap(t) || t->kind == LX_TK_NUM || tok_ch(c, t, '&') || tok_ch(c, t, ':') ||
         (t->kind == LX_TK_WORD && in_list(c, t, title_small_words, LX_COUNTOF(title_small_words)));
}

/* The quotation in title case that a name [*a, *b) is part of ("& Peace"
 * in "War & Peace", "One I Love" in "The One I Love"; the tagger knows
 * names, not titles): [*a, *b) widened to all of it, if it is eight
 * tokens at most, its first and last words capitalized, the others
 * capitalized or small; a comma or a full stop may end it before the
 * closing mark. Returns whether it was found. */
static int quoted_title(const lx_ctx *c, size_t t0, size_t t1, size_t *a, size_t *b) {
  const lx_token *t = TOKS(c);
  /* the marks first (most names have none near), then the words between */
  size_t i = *a, j = *b;
  while (i > t0 && j - i < 8 && !(t[i - 1].flags & (LX_TF_QUOTE | LX_TF_PARA))) i--;
  if (i == t0 || !dquote_at(c, i - 1, 1)) return 0;
  while (j < t1 && j - i < 8 && !(t[j].flags & (LX_TF_QUOTE | LX_TF_PARA))) j++;
  /* a comma or a full stop may end it before the closing mark */
  if (j < t1 && j > *b && (tok_ch(c, &t[j - 1], ',') || tok_ch(c, &t[j - 1], '.'))) j--;
  if (!(j < t1 && dquote_at(c, j, 0)) &&
      !(j + 1 < t1 && (tok_ch(c, &t[j], ',') || tok_ch(c, &t[j], '.')) && dquote_at(c, j + 1, 0)))
    return 0;
  for (size_t k = i; k < j; k++)
    if ((k < *a || k >= *b) && !title_word(c, &t[k])) return 0;
  if (!tok_is_cap(&t[i]) || !tok_is_cap(&t[j - 1])) return 0;
  *a = i;
  *b = j;
  return 1;
}

/* The end of a name [a, b) without the lower-case words that end it ("Pompeo
 * later", "the Department raised"), but for a head when heads is set
 * ("Liberal party", "Stansted airport", "Lloyd's"). */
static size_t lower_tail(const lx_ctx *c, size_t a, size_t b, int heads) {
  const lx_token *t = TOKS(c);
  while (b > a + 1 && tok_is_word(&t[b - 1]) && (t[b - 1].flags & LX_TF_LOWER) &&
         !(heads && ((t[b - 1].flags & LX_TF_POSS) ||
                     word_in(c, &t[b - 1], org_heads) ||
                     in_list(c, &t[b - 1], name_heads, LX_COUNTOF(name_heads)))))
    b--;
  return b;
}

/* The first words of a place's bodies: "Fort Worth Police Department",
 * "Tulsa Fire Department", "Dallas County Sheriff's Office" */
static const char *const local_bodies[] = {"police", "fire", "sheriff", "county", "city",
                                           "school", "public", "transit", "water", "health"};

/* The name of a show, a fair or a race that a place's name may open: "Auto
 * Show", "Dubai Air Show", "Film Festival", "Boston Marathon". */
static const char *const show_kinds[] = {"auto", "air", "motor", "boat", "trade", "car",
                                         "fashion", "flower", "horse", "dog", "art", "book"};
static const char *const show_words[] = {"festival", "expo", "marathon", "fair"};

static int show_name(const lx_ctx *c, size_t a, size_t b) {
  const lx_token *t = TOKS(c);
  if (b < a + 2 || !tok_is_cap(&t[b - 1])) return 0;
  if (lx_tok_ieq(c->text, &t[b - 1], "show"))
    return word_in(c, &t[b - 2], show_kinds);
  return word_in(c, &t[b - 1], show_words) &&
         !lx_tok_is(c->text, &t[b - 2], "Vanity");
}

static const char *const date_preps[] = {"in", "on", "at", "since", "until", "during", "by"};

/* A party's member before a name: "Democrat", "Republican", "Tory". */
static const char *const party_members[] = {"conservative", "democrat", "liberal",
                                            "republican", "socialist", "tory"};
static int party_member(const lx_ctx *c, const lx_token *t) {
  return tok_is_cap(t) && word_in(c, t, party_members);
}

/* (the candidates: the nn numbers and dates first, in token order, then the
 * tagger's names) */
static void fix_tagger_spans(lx_ctx *c, size_t t0, size_t t1, size_t nn) {
  const lx_token *t = TOKS(c);
  lx_cand *k = (lx_cand *)c->cands.p;
  size_t n = c->cands.n;
  /* no name runs across a square bracket ("the Moon [SpaceX via Nasa]": a
   * page's image label), nor ends inside a known place of two words or
   * more ("New South" of "New South Dakota law": the place stays whole) */
  size_t qn = 0; /* the numbers (in token order) looked at so far */
  /* no opening double quotation mark is in [qlo, oq): quoted_title wants
   * one in [lo, a) (lo below: the mark its walk back may reach), and most
   * names have none there; the tokens of windows that overlap are read
   * once, where quoted_title walked back from each name */
  size_t qlo = t0, oq = t0;
  for (size_t i = nn; i < n; i++) {
    if (k[i].source != LX_SRC_TAGGER) continue;
    /* "Marge in Tampa": no person's name holds "in", "from" or "at" (the
     * place after it is the gazetteer's to find) */
    if (k[i].type == LEDE_T_PERSON)
      for (size_t p = k[i].t0 + 1; p + 1 < k[i].t1; p++)
        if ((t[p].flags & LX_TF_LOWER) && (lx_tok_is(c->text, &t[p], "in") ||
                                            lx_tok_is(c->text, &t[p], "from") ||
                                            lx_tok_is(c->text, &t[p], "at"))) {
          /* (a sentence's first word that is no known name is none: "Towns
           * in Kent" is Kent, a place) */
          const lx_entry *pe;
          if (p == k[i].t0 + 1 && (t[k[i].t0].flags & LX_TF_SENT) &&
              !gaz_has(c, k[i].t0, k[i].t0 + 1,
                       NAME_KINDS | KIND(LX_G_SURNAME) | KIND(LX_G_GIVEN)) &&
              (pe = gaz_exact(c, p + 1, k[i].t1, PLACE_KINDS)) != NULL &&
              !(pe->flags & LX_GF_AMB)) {
            k[i].t0 = (uint32_t)(p + 1);
            k[i].type = (uint16_t)type_of_kind(c, pe);
          } else {
            k[i].t1 = (uint32_t)p;
          }
          break;
        }
    /* "Smoke blanketed Canberra": nor a word of three letters or more in
     * lower case that no name holds ("van", "della" it may); a sentence's
     * first word before it is no name, the name is after it */
    if (k[i].type == LEDE_T_PERSON)
      for (size_t p = k[i].t0 + 1; p + 1 < k[i].t1; p++)
        if ((t[p].flags & LX_TF_LOWER) && t[p].kind == LX_TK_WORD && t[p].nletters >= 3 &&
            !lx_name_particle(c->text, &t[p]) && !is_cue(c, &t[p]) && /* ("Lee said Wang") */
            !lx_tok_is(c->text, &t[p], "and") && !lx_tok_is(c->text, &t[p], "the")) {
          /* (the sentence's first word and small words: "Part of
           * neighbouring Otago") */
          size_t caps = 0;
          for (size_t q = k[i].t0; q < p; q++) caps += !(t[q].flags & LX_TF_LOWER);
          if (caps == 1 && (t[k[i].t0].flags & LX_TF_SENT) &&
              !gaz_has(c, k[i].t0, k[i].t0 + 1,
                       NAME_KINDS | KIND(LX_G_SURNAME) | KIND(LX_G_GIVEN))) {
            k[i].t0 = (uint32_t)(p + 1);
            const lx_entry *pe = gaz_exact(c, k[i].t0, k[i].t1, PLACE_KINDS);
            if (!pe) pe = gaz_exact(c, k[i].t0, k[i].t1, NAME_KINDS);
            if (pe && !(pe->flags & LX_GF_AMB)) k[i].type = (uint16_t)type_of_kind(c, pe);
          } else {
            k[i].t1 = (uint32_t)p;
          }
          break;
        }
    /* a sign-off's "Additional reporting by" is no name */
    if (k[i].t1 == k[i].t0 + 1 && k[i].t1 + 2 < t1 &&
        lx_tok_is(c->text, &t[k[i].t0], "Additional") && signoff_by(c, k[i].t1 + 2))
      k[i].t1 = k[i].t0; /* dropped */
    /* "Lincoln High" before "School" that no name holds: one organization
     * (not a place's government, cabinet or office: "U.S. Government") */
    if ((k[i].type == LEDE_T_PERSON || k[i].type == LEDE_T_LOC) && k[i].t1 > k[i].t0 &&
        k[i].t1 < t1 && org_end_word(c, &t[k[i].t1]) && !(t[k[i].t1].flags & LX_TF_ALLCAP) &&
        !(k[i].type == LEDE_T_LOC && word_in(c, &t[k[i].t1], org_heads)) &&
        !gaz_has(c, k[i].t0, k[i].t0 + 1, KIND(LX_G_DEMONYM)) && /* "Zambian Football" */
        !(t[k[i].t1].flags & (LX_TF_SENT | LX_TF_PARA | LX_TF_NEWLINE)) &&
        !(i + 1 < n && k[i + 1].t0 <= k[i].t1)) {
      k[i].t1++;
      k[i].type = LEDE_T_ORG;
    }
    /* "Rival Wells Fargo" read as a person: a sentence's first word that is
     * no known name, before a firm's name of two words or more the
     * gazetteer knows, is no part of it (not "Shearson Lehman Brothers",
     * which the tagger reads as a firm) */
    if (k[i].t1 >= k[i].t0 + 3 && (t[k[i].t0].flags & LX_TF_SENT) && k[i].type != LEDE_T_ORG &&
        !gaz_has(c, k[i].t0, k[i].t1, NAME_KINDS) &&
        !gaz_has(c, k[i].t0, k[i].t0 + 1, NAME_KINDS | KIND(LX_G_TITLE))) {
      const lx_entry *pe = gaz_exact(c, k[i].t0 + 1, k[i].t1, NAME_KINDS);
      if (pe && !(pe->flags & LX_GF_AMB) && (pe->kind == LX_G_ORG || pe->kind == LX_G_AGENCY)) {
        k[i].t0++;
        k[i].type = (uint16_t)type_of_kind(c, pe);
      }
    }
    /* "Eight Gulf Coast refineries": a count that opens a sentence is no
     * part of the name after it (the gazetteer's "Three Gorges Dam" is) */
    while (qn < nn && k[qn].t0 < k[i].t0) qn++;
    if (qn < nn && k[qn].t0 == k[i].t0 && k[qn].type == LEDE_T_CARDINAL &&
        k[qn].t1 < k[i].t1 && t[k[i].t0].kind == LX_TK_WORD &&
        !(t[k[i].t0].flags & (LX_TF_ALLCAP | LX_TF_DIGIT)) &&
        ((t[k[i].t0].flags & LX_TF_SENT) || (k[i].t0 > t0 && tok_ch(c, &t[k[i].t0 - 1], ':'))) &&
        !gaz_has(c, k[i].t0, k[i].t1, NAME_KINDS)) {
      k[i].t0 = k[qn].t1;
      /* the type was read for the longer span ("Two Brazilian" a person) */
      const lx_entry *pe = gaz_exact(c, k[i].t0, k[i].t1, NAME_KINDS);
      if (pe && !(pe->flags & LX_GF_AMB)) k[i].type = (uint16_t)type_of_kind(c, pe);
    }
    for (size_t p = k[i].t0 + 1; p < k[i].t1; p++)
      if (t[p].kind != LX_TK_WORD && t[p].end == t[p].start + 1 &&
          (c->text[t[p].start] == '[' || c->text[t[p].start] == ']')) {
        k[i].t1 = (uint32_t)p;
        break;
      }
    /* (not after "of": "Gold Fields of South" and "Africa Ltd" are one
     * firm, joined below) */
    size_t last = k[i].t1 - 1;
    const lx_entry *g;
    if (k[i].t1 >= k[i].t0 + 2 && k[i].t1 < t1 && !lx_tok_ieq(c->text, &t[last - 1], "of") &&
        gaz_longest2(c, last, t1, &g) &&
        (lx_entry_of_kind(GAZ(c), g, LX_G_STATE) || lx_entry_of_kind(GAZ(c), g, LX_G_COUNTRY))) {
      k[i].t1 = (uint32_t)last;
      /* what is left, one word no gazetteer knows as a name for sure
       * ("New"), is none */
      const lx_entry *pe = NULL;
      if (k[i].t1 == k[i].t0 + 1 && !gaz_has(c, k[i].t0, k[i].t1, NAME_KINDS) &&
          (!(pe = gaz_exact(c, k[i].t0, k[i].t1, KIND(LX_G_GIVEN) | KIND(LX_G_SURNAME))) ||
           (pe->flags & LX_GF_AMB)))
        k[i].t1 = k[i].t0; /* dropped */
    }
  }
  /* "Anglo American Corporation of South" and "Africa Ltd": two names of
   * organizations that a place cuts in two are one */
  for (size_t i = nn, p = SIZE_MAX; i < n; i++) {
    if (k[i].source != LX_SRC_TAGGER) continue;
    /* "Democrat Elena" and "Ruiz-Whitfield": a party's member, then the
     * person (a given name after the party's word) */
    /* (or a title: "MP Jerome" and "Hadley", "RHP Jake" and "Tilson") */
    if (p != SIZE_MAX && k[p].t1 == k[p].t0 + 2 && k[p].t1 == k[i].t0 &&
        k[i].type == LEDE_T_PERSON && tok_is_cap(&t[k[p].t0 + 1]) &&
        gaz_has(c, k[p].t0 + 1, k[p].t0 + 2, KIND(LX_G_GIVEN))) {
      int party = party_member(c, &t[k[p].t0]);
      if (party || gaz_exact(c, k[p].t0, k[p].t0 + 1, KIND(LX_G_TITLE))) {
        k[i].t0 = k[p].t0 + 1;
        k[p].t1 = party ? k[p].t0 + 1 : k[p].t0; /* a title's is the rules' */
        k[p].type = LEDE_T_NORP;
        p = i;
        continue;
      }
    }
    /* "LHP Marcus Webb" read as one organization: the title, then the person */
    if (k[i].type != LEDE_T_PERSON && k[i].t1 >= k[i].t0 + 3 &&
        (t[k[i].t0].flags & LX_TF_ALLCAP) && gaz_exact(c, k[i].t0, k[i].t0 + 1, KIND(LX_G_TITLE)) &&
        gaz_has(c, k[i].t0 + 1, k[i].t0 + 2, KIND(LX_G_GIVEN)) &&
        !gaz_has(c, k[i].t0, k[i].t1, NAME_KINDS)) {
      k[i].t0++;
      k[i].type = LEDE_T_PERSON;
    }
    /* "Federal Office" for "Police Matters", "Commission" on "Human
     * Rights": an organization's head, a preposition, a name */
    if (p != SIZE_MAX && k[p].type == LEDE_T_ORG &&
        (k[i].type == LEDE_T_ORG || k[i].type == LEDE_T_NORP) && k[p].t1 > k[p].t0 &&
        k[p].t1 + 1 == k[i].t0 && org_end_word(c, &t[k[p].t1 - 1]) &&
        (lx_tok_is(c->text, &t[k[p].t1], "for") || lx_tok_is(c->text, &t[k[p].t1], "on") ||
         lx_tok_is(c->text, &t[k[p].t1], "of")) &&
        !(t[k[i].t0].flags & (LX_TF_SENT | LX_TF_PARA))) {
      k[p].t1 = k[i].t1;
      k[i].t1 = k[i].t0; /* dropped */
      continue;
    }
    /* "Los Angeles" and "Auto Show": a place and the show or festival
     * named after it are one event */
    if (p != SIZE_MAX && k[p].type == LEDE_T_LOC && k[p].t1 == k[i].t0 && k[p].t1 > k[p].t0 &&
        k[i].t1 > k[i].t0 && !(t[k[i].t0].flags & (LX_TF_SENT | LX_TF_PARA | LX_TF_NEWLINE)) &&
        tok_is_cap(&t[k[i].t0]) && show_name(c, k[i].t0, k[i].t1)) {
      k[p].t1 = k[i].t1;
      k[p].type = LEDE_T_EVENT;
      k[i].t1 = k[i].t0; /* dropped */
      continue;
    }
    /* "Lincoln High" and "School": a name and the organization's word
     * after it are one organization */
    if (p != SIZE_MAX && (k[p].type == LEDE_T_PERSON || k[p].type == LEDE_T_LOC) &&
        k[i].type == LEDE_T_ORG && k[p].t1 == k[i].t0 && k[p].t1 > k[p].t0 &&
        k[i].t1 == k[i].t0 + 1 && org_end_word(c, &t[k[i].t0]) &&
        !(t[k[i].t0].flags & (LX_TF_SENT | LX_TF_PARA | LX_TF_NEWLINE))) {
      k[p].t1 = k[i].t1;
      k[p].type = LEDE_T_ORG;
      k[i].t1 = k[i].t0; /* dropped */
      continue;
    }
    /* "Fort Worth" and "Police Department": a place and the body of it
     * named after it are one organization */
    if (p != SIZE_MAX && k[p].type == LEDE_T_LOC && k[i].type == LEDE_T_ORG &&
        k[p].t1 == k[i].t0 && k[p].t1 > k[p].t0 && k[i].t1 > k[i].t0 + 1 &&
        !(t[k[i].t0].flags & (LX_TF_SENT | LX_TF_PARA | LX_TF_NEWLINE)) &&
        tok_is_cap(&t[k[i].t0]) &&
        word_in(c, &t[k[i].t0], local_bodies)) {
      k[p].t1 = k[i].t1;
      k[p].type = LEDE_T_ORG;
      k[i].t1 = k[i].t0; /* dropped */
      continue;
    }
    if (p != SIZE_MAX && k[p].type == LEDE_T_ORG && k[i].type == LEDE_T_ORG &&
        k[p].t1 == k[i].t0 && k[p].t1 > k[p].t0) {
      size_t m = k[p].t1;
      if (gaz_has(c, m - 1, m + 1, PLACE_KINDS) ||
          (m >= k[p].t0 + 2 && gaz_has(c, m - 2, m + 1, PLACE_KINDS)) ||
          (m + 2 <= k[i].t1 && gaz_has(c, m - 1, m + 2, PLACE_KINDS))) {
        k[p].t1 = k[i].t1;
        k[i].t1 = k[i].t0; /* dropped */
        continue;
      }
    }
    /* "Elm Street" and "Business Association", "Kingsbridge Medical" and
     * "Center": two names the tagger read side by side, the second ending
     * in a body's word, are one body (not in capitals: headlines run names
     * together) */
    if (p != SIZE_MAX && k[p].t1 == k[i].t0 && k[p].t1 > k[p].t0 && k[i].t1 > k[i].t0 &&
        k[p].type != LEDE_T_NORP && k[i].type != LEDE_T_PERSON &&
        !(t[k[p].t1 - 1].flags & LX_TF_POSS) && /* ("Bertelsmann's" "New Media") */
        !(t[k[i].t0].flags & (LX_TF_SENT | LX_TF_PARA | LX_TF_NEWLINE | LX_TF_ALLCAP)) &&
        !(t[k[p].t0].flags & LX_TF_ALLCAP) && tok_is_cap(&t[k[i].t0]) &&
        (org_end_word(c, &t[k[i].t1 - 1]) ||
         word_in(c, &t[k[i].t1 - 1], company_words)) &&
        !(k[p].type == LEDE_T_LOC &&
          word_in(c, &t[k[i].t1 - 1], org_heads) &&
          k[i].t1 == k[i].t0 + 1) &&
        !gaz_has(c, k[i].t0, k[i].t1, NAME_KINDS) &&
        /* (a legal form alone is the later rules': "Gold Fields of South
         * Africa" and "Ltd") */
        !(k[i].t1 == k[i].t0 + 1 && legal_form(c, &t[k[i].t0], 1))) {
      k[p].t1 = k[i].t1;
      k[p].type = LEDE_T_ORG;
      k[i].t1 = k[i].t0; /* dropped */
      continue;
    }
    p = i;
  }
  for (size_t i = nn; i < n; i++) {
    if (k[i].source != LX_SRC_TAGGER) continue;
    size_t a = k[i].t0, b = k[i].t1;
    /* a date that begins with a word in lower case ends a name before it
     * ("Roe v. Wade last June"), and so does a month and its day the name
     * runs into ("Turnout in the May 9 vote"; one inside the name: no
     * search for a name of one token, most) */
    for (size_t q = b > a + 1 ? numex_from(k, nn, a + 1) : nn; q < nn && k[q].t0 < b; q++) {
      if ((k[q].type == LEDE_T_DATE || k[q].type == LEDE_T_TIME) &&
          (t[k[q].t0].flags & LX_TF_LOWER)) {
        b = k[q].t0;
        break;
      }
      /* and so does one after a preposition ("Clark in October revealed") */
      if ((k[q].type == LEDE_T_DATE || k[q].type == LEDE_T_TIME) && k[q].t0 >= a + 2 &&
          (t[k[q].t0 - 1].flags & LX_TF_LOWER) && t[k[q].t0 - 1].kind == LX_TK_WORD &&
          in_list(c, &t[k[q].t0 - 1], date_preps, LX_COUNTOF(date_preps))) {
        b = k[q].t0 - 1;
        break;
      }
      if ((k[q].type == LEDE_T_DATE || k[q].type == LEDE_T_TIME) && k[q].t0 + 1 < k[q].t1 &&
          t[k[q].t0 + 1].kind == LX_TK_NUM && k[q].t0 + 1 >= b &&
          lx_month_from_word(c->text + t[k[q].t0].start, t[k[q].t0].end - t[k[q].t0].start)) {
        b = k[q].t0;
        /* what is left of one word opening a sentence or a line, or of
         * punctuation, was no name ("Turnout in the May 9 vote", "Jan/Dec") */
        b = lower_tail(c, a, b, 0);
        size_t w = a;
        while (w < b && t[w].kind == LX_TK_WORD) w++;
        if (w < b || (b == a + 1 && (t[a].flags & (LX_TF_SENT | LX_TF_NEWLINE))) ||
            (b > a && t[b - 1].kind != LX_TK_WORD))
          b = a;
        break;
      }
    }
    /* a place's adjective is not part of the name after it ("Hong
     * Kong-based Jardine Matheson"): the tagger read them together, so a
     * person there is a company */
    for (size_t j = a; j + 1 < b; j++) {
      if (place_based(c, &t[j])) {
        a = j + 1;
        k[i].t0 = (uint32_t)a;
        if (k[i].type == LEDE_T_PERSON) k[i].type = LEDE_T_ORG;
      }
    }
    /* and the adjective alone is no person ("Hong Kong-based") */
    if (b > a && place_based(c, &t[b - 1])) k[i].type = LEDE_T_NORP;
    /* "British Aerospace", "Thai Airways International": a nationality
     * or a country the tagger left out of a company named by its industry */
    if (b > a && a > t0 && k[i].type == LEDE_T_ORG && tok_is_cap(&t[a - 1]) &&
        tok_is_cap(&t[a]) && !(t[a].flags & LX_TF_SENT) &&
        word_in(c, &t[a], sector_words) &&
        gaz_has(c, a - 1, a, KIND(LX_G_DEMONYM) | KIND(LX_G_COUNTRY))) {
      a--;
      k[i].t0 = (uint32_t)a;
    }
    /* "General Staff", "General Administration of Customs": the tagger
     * leaves out a title word (it learned "General Smith"); before a word
     * that heads organizations it is the organization's first word */
    if (b > a && a > t0 && tok_is_cap(&t[a - 1]) && !(t[a].flags & LX_TF_SENT) &&
        org_after_title(c, &t[a])) {
      if (gaz_title(c, a - 1, KIND(LX_G_TITLE))) {
        a--;
        k[i].t0 = (uint32_t)a;
        k[i].type = LEDE_T_ORG;
      }
    }
    /* a legal form alone ("Ltd" after "Gold Fields of South Africa"), or a
     * name with one after "of" or "&" ("Namibia Ltd" after "Gold Fields
     * of"), takes the capitalized words before it in its sentence, "of"
     * and "&" between */
    if (b > a && k[i].type == LEDE_T_ORG && legal_form(c, &t[b - 1], 1) &&
        (b == a + 1 ||
         (a >= t0 + 2 && (lx_tok_is(c->text, &t[a - 1], "of") || tok_ch(c, &t[a - 1], '&')) &&
          !(t[a].flags & (LX_TF_SENT | LX_TF_PARA))))) {
      size_t s = a;
      size_t before_of = a; /* where the name was before the last "of" crossed */
      while (s > t0 && a - s < 8 && !(t[s].flags & (LX_TF_SENT | LX_TF_PARA))) {
        if (tok_is_cap(&t[s - 1]) && t[s - 1].kind == LX_TK_WORD) {
          s--;
        } else if (s >= t0 + 2 && s < a && tok_is_cap(&t[s - 2]) && t[s - 2].kind == LX_TK_WORD &&
                   !(t[s - 1].flags & (LX_TF_SENT | LX_TF_PARA)) &&
                   (lx_tok_is(c->text, &t[s - 1], "of") || tok_ch(c, &t[s - 1], '&')) &&
                   !in_list(c, &t[s - 2], parts_of, LX_COUNTOF(parts_of))) {
          before_of = s;
          s -= 2;
        } else {
          break;
        }
      }
      /* not a person of the firm: "Janet Coulthard of Wearside Precision
       * Ltd." (a given name and one or two more words before "of") */
      if (before_of < a && before_of - s >= 3 && before_of - s <= 4 &&
          lx_tok_is(c->text, &t[before_of - 1], "of") && gaz_has(c, s, s + 1, KIND(LX_G_GIVEN)) &&
          !gaz_has(c, s, before_of - 1, NAME_KINDS))
        s = before_of;
      a = s;
    }
    /* "Fiat Finance and Trade Ltd": a name with a legal form after "and"
     * takes two capitalized words or more before it, if they are no
     * company the gazetteer knows ("Barclays and Lloyds Bank Ltd" are two) */
    if (b > a && k[i].type == LEDE_T_ORG && a >= t0 + 3 && lx_tok_is(c->text, &t[a - 1], "and") &&
        !(t[a].flags & (LX_TF_SENT | LX_TF_PARA)) && legal_form(c, &t[b - 1], 1)) {
      size_t r = a - 1;
      while (r > t0 && a - 1 - r < 6 && t[r - 1].kind == LX_TK_WORD && tok_is_cap(&t[r - 1]) &&
             !place_based(c, &t[r - 1]) && !(t[r].flags & (LX_TF_SENT | LX_TF_PARA)))
        r--;
      /* not two companies: "Johnson Controls Inc and Lear Corp" */
      if (a - 1 - r >= 2 && !gaz_exact(c, r, a - 1, KIND(LX_G_ORG)) &&
          !legal_form(c, &t[a - 2], 1))
        a = r;
    }
    /* what the rules below look for among the name's tokens: their flags,
     * and whether one is neither a word nor a number (a bracket, a full
     * stop, a mark); most names have no such token and no word in lower
     * case, and skip the walks that look for them (the rules below narrow
     * [a, b) but one, which notes its bracket) */
    unsigned sfl = 0;
    int punct = 0;
    for (size_t j = a; j < b; j++) {
      sfl |= t[j].flags;
      punct |= t[j].kind != LX_TK_WORD && t[j].kind != LX_TK_NUM;
    }
    /* a name does not run across a sentence's end, a double quotation
     * mark ("Lao Cai. "Everything..."; an apostrophe may be inside one:
     * "African Nations' Cup", "Sant 'Egidio"), a semicolon and a space (a
     * team's lines: "Grant; Bertolini"; not "TL;DR") or a verb of saying
     * ("Lee said Wang's arrest") */
    if (punct || (sfl & (LX_TF_QUOTE | LX_TF_SENT | LX_TF_PARA | LX_TF_LOWER)))
      for (size_t j = a + 1; j < b; j++) {
        if (is_dquote(c, &t[j]) || (t[j].flags & (LX_TF_SENT | LX_TF_PARA)) ||
            tok_ch(c, &t[j], '.') ||
            (tok_ch(c, &t[j], ';') && (j + 1 >= c->toks.n || t[j + 1].start > t[j].end)) ||
            ((t[j].flags & LX_TF_LOWER) && is_cue(c, &t[j]))) {
          b = j;
          break;
        }
      }
    /* nor ends in punctuation ("Stone Container Co <STO>", "Twitter @") */
    while (punct && b > a + 1 && (tok_ch(c, &t[b - 1], ',') || tok_ch(c, &t[b - 1], ';') ||
                         tok_ch(c, &t[b - 1], ':') || tok_ch(c, &t[b - 1], '<') ||
                         tok_ch(c, &t[b - 1], '@') || tok_ch(c, &t[b - 1], '#')))
      b--;
    /* a handle or a hashtag is no name: "@AmyKup", "#MeToo" */
    if (b > a && a > t0 && t[a - 1].end == t[a].start &&
        (tok_ch(c, &t[a - 1], '@') || tok_ch(c, &t[a - 1], '#')))
      b = a;
    /* nor in a day of the week after a name of two words or more ("the
     * Greater Milwaukee Open Thursday"; "Super Tuesday" stays), nor in a
     * title after an organization's head ("the Boxing Association
     * President"): they are a date and a title of their own */
    if (b >= a + 3 && (t[b - 1].flags & LX_TF_CAP) && !(t[b - 1].flags & LX_TF_ALLCAP) &&
        t[b - 1].end - t[b - 1].start >= 6 &&
        lx_weekday_from_word(c->text + t[b - 1].start, t[b - 1].end - t[b - 1].start))
      b--;
    if (b >= a + 3 && k[i].type == LEDE_T_ORG && !(t[b - 1].flags & LX_TF_ALLCAP) &&
        org_end_word(c, &t[b - 2]) && gaz_title(c, b - 1, KIND(LX_G_TITLE)))
      b--;
    /* nor in a title before a person's name ("Emirates President Tim
     * Clark", "Nissan Chairman Carlos Ghosn") */
    if (b >= a + 2 && k[i].type == LEDE_T_ORG && b + 1 < t1 && tok_is_cap(&t[b - 1]) &&
        tok_is_cap(&t[b]) && !(t[b].flags & LX_TF_ALLCAP) && t[b].kind == LX_TK_WORD &&
        gaz_title(c, b - 1, KIND(LX_G_TITLE)) && gaz_has(c, b, b + 1, KIND(LX_G_GIVEN)))
      b--;
    /* nor runs on into lower-case words: not past a pronoun, a determiner or
     * an auxiliary ("Matt has my Complete", "Magna for each First
     * Granite"), nor ends in any but a head ("the Department raised", "the
     * Moon and reaching", "the Wild before winger"; "Liberal party",
     * "Stansted airport", "Lloyd's" stay). Other lower-case words inside
     * are the name's ("Bild am Sonntag", "Cup winners Cup"). */
    for (size_t j = a + 1; j < b && (sfl & LX_TF_LOWER); j++) {
      if (t[j].kind == LX_TK_WORD && (t[j].flags & LX_TF_LOWER) &&
          word_in(c, &t[j], name_breaks)) {
        b = j;
        break;
      }
    }
    if (b > a + 1 && (t[b - 1].flags & LX_TF_LOWER)) b = lower_tail(c, a, b, 1); /* (most: no) */
    /* nor ends in the apostrophe of a plural's possessive ("Airbus' A380",
     * "the Joneses' house") */
    if (b > a + 1 && is_apostrophe(c, &t[b - 1]) && t[b - 1].start == t[b - 2].end &&
        (c->text[t[b - 2].end - 1] | 0x20) == 's')
      b--;
    /* a name does not open on a bracket closed before its end: "(France)
     * Fernando Meligeni" in a draw is a country and a name; "(Tom) Seaver"
     * keeps its given name */
    if (punct && b > a + 3 && tok_ch(c, &t[a], '(')) {
      size_t j = a + 1;
      while (j < b && !tok_ch(c, &t[j], ')') && !tok_ch(c, &t[j], '(')) j++;
      if (j + 1 < b && tok_ch(c, &t[j], ')') &&
          !(j == a + 2 && gaz_exact(c, a + 1, a + 2, KIND(LX_G_GIVEN)) &&
            !gaz_exact(c, a + 1, a + 2, PLACE_KINDS)))
        a = j + 1;
    }
    /* a ")" that no "(" in the name opens: an editor's first name, "(Tom)
     * Seaver", takes its "("; otherwise the name is what follows the ")"
     * ("(Olympic champion Lindsay) Davenport"), if it is capitalized */
    for (size_t j = a; j < b && punct; j++) {
      if (tok_ch(c, &t[j], '(')) break;
      if (!tok_ch(c, &t[j], ')')) continue;
      if (j == a + 1 && j + 1 < b && a > t0 && tok_ch(c, &t[a - 1], '(') &&
          gaz_exact(c, a, a + 1, KIND(LX_G_GIVEN))) {
        a--;
      } else {
        a = j + 1;
        if (a < b && !tok_is_cap(&t[a])) b = a;
      }
      break;
    }
    if (b > a && a >= t0 + 3 && k[i].type == LEDE_T_PERSON && tok_ch(c, &t[a - 1], ')') &&
        tok_ch(c, &t[a - 3], '(') && gaz_exact(c, a - 2, a - 1, KIND(LX_G_GIVEN)) &&
        !gaz_exact(c, a - 2, a - 1, PLACE_KINDS)) {
      a -= 3;
      punct = 1;
    }
    if (punct) b = lx_close_parens(c->text, t, a, b, t1);
    /* a name that is all a quotation, or part of one in title case, is a
     * title, and the title is all of it: "Wild Rose" (a film), "Glasgow"
     * (a song), "War & Peace", not a person or a place; a person's name stays
     * one ("John Smith" opens on a given name), and so do a ticker and a
     * name given ('the symbol "THM"', 'under the name "Continental"'); in
     * another language, quotation marks set off names of all kinds */
    size_t lo = b - a >= 8 ? a : b >= t0 + 8 ? b - 8 : t0;
    if (lo > t0) lo--;
    if (lo < qlo || lo > oq) qlo = oq = lo;
    /* (two tokens a test: only a quotation mark opens, LX_TF_OPENQ) */
    while (oq + 1 < a && !((t[oq].flags | t[oq + 1].flags) & LX_TF_OPENQ)) oq += 2;
    if (oq < a && !(t[oq].flags & LX_TF_OPENQ)) oq++;
    size_t qa = a, qb = b;
    if (b > a && oq < a && !c->other_language && quoted_title(c, t0, t1, &qa, &qb) &&
        !gaz_exact(c, qa, qa + 1, KIND(LX_G_GIVEN)) && !(t[qa].flags & LX_TF_ALLCAP) &&
        !(qa >= t0 + 2 && (lx_tok_is(c->text, &t[qa - 2], "symbol") ||
                           lx_tok_is(c->text, &t[qa - 2], "name")))) {
      a = qa;
      b = qb;
      k[i].type = LEDE_T_WORK_OF_ART;
    }
    /* "U.N. Resolution 242": the designator goes with its number */
    /* (a designator is before a number: most names end before none) */
    if (b > a && b < t1 && t[b].kind == LX_TK_NUM && designator_type(c, b - 1, t1)) b--;
    /* in another language, its articles open sentences: "Die Kosten" */
    if (c->other_language)
      while (a < b && lx_hashset_has(&c->eng->other_lang, t[a].hash ? t[a].hash : 1)) a++;
    /* "Rather", "Within Delhi": a word that opens sentences, not names;
     * "Oh, and": an interjection */
    /* (a sentence's first word, or a speaker's: "CALLER: Hi.") */
    if (a < b && ((t[a].flags & LX_TF_SENT) || (a > t0 && tok_ch(c, &t[a - 1], ':'))) &&
        !(t[a].flags & LX_TF_ALLCAP) &&
        (word_in(c, &t[a], openers) ||
         (b == a + 1 && b < t1 &&
          (tok_ch(c, &t[b], ',') || tok_ch(c, &t[b], '!') || tok_ch(c, &t[b], '.')) &&
          word_in(c, &t[a], interjections)))) {
      a++;
      /* the type was read for the longer span: "Within Lahore" a person,
       * Lahore a place */
      const lx_entry *pe = gaz_exact(c, a, b, PLACE_KINDS);
      if (pe && !(pe->flags & LX_GF_AMB)) k[i].type = (uint16_t)type_of_kind(c, pe);
    }
    k[i].t0 = (uint32_t)a;
    /* "SUVs", "CEOs", "NGOs": a plural of an acronym is a common noun; in
     * another language a one-word name is too often a sentence's first
     * word (the tagger learned English); "Don't", "We're" open sentences */
    if ((b == a + 1 &&
         (c->other_language || plural_acronym(c->text + t[a].start, t[a].end - t[a].start) ||
          ((t[a].flags & LX_TF_ALLCAP) && t[a].end - t[a].start <= 4 &&
           word_in(c, &t[a], acronym_things)))) ||
        /* (a contraction's apostrophe is inside a word: LX_TF_APOS) */
        ((t[a].flags & LX_TF_APOS) &&
         lx_contraction(c->text + t[a].start, t[a].end - t[a].start)))
      b = a;
    k[i].t1 = (uint32_t)b;
    /* "Chief Operating" of "Chief Operating Officer": a person that ends
     * inside a longer title is part of it */
    if (k[i].type == LEDE_T_PERSON && b > a && tok_is_cap(&t[a])) {
      int cap = 0;
      size_t tl = title_at(c, a, t1, &cap);
      if (tl > b - a && cap) {
        k[i].t1 = k[i].t0; /* dropped */
        continue;
      }
    }
    /* '"...," Dr Oduya said': an honorific and a name are a person, not the
     * organization the tagger read */
    if (k[i].type != LEDE_T_PERSON && b >= a + 2 && b <= a + 4 && tok_is_cap(&t[a]) &&
        is_honorific(c, a) && !gaz_has(c, a, b, NAME_KINDS) && !org_end_word(c, &t[b - 1]) &&
        !firm_end(c, &t[b - 1])) {
      /* (and names of three words after an honorific that is no other
       * word: "Alhaja Kuburat Lawal", not "San Diego Padres") */
      const lx_entry *h = b > a + 2 ? gaz_exact(c, a, a + 1, KIND(LX_G_HONORIFIC)) : NULL;
      size_t w = a + 1;
      while (w < b && name_word(c, &t[w])) w++;
      if (w == b && (b == a + 2 || (h && !(h->flags & LX_GF_AMB)))) k[i].type = LEDE_T_PERSON;
    }
    /* "Sheriff Tom Dwyer": a capitalized title and a given name's name are a
     * person (the title is cut below), whatever the tagger read */
    if (k[i].type != LEDE_T_PERSON && b >= a + 3 && tok_is_cap(&t[a])) {
      int cap = 0;
      size_t tl = title_at(c, a, b, &cap);
      if (tl && cap && b - (a + tl) >= 2 && b - (a + tl) <= 3 &&
          gaz_has(c, a + tl, a + tl + 1, KIND(LX_G_GIVEN)) && name_word(c, &t[b - 1]) &&
          !gaz_has(c, a, b, NAME_KINDS) && !person_end_type(c, a + tl, b) &&
          !org_end_word(c, &t[b - 1])) /* not "Queen Elizabeth College" */
        k[i].type = LEDE_T_PERSON;
    }
    /* "Pensioner Edna Whitlock" opening a sentence: a common word before a
     * given name is no part of the name */
    if (k[i].type == LEDE_T_PERSON && b >= a + 3 && (t[a].flags & LX_TF_SENT) &&
        !(t[a].flags & (LX_TF_ALLCAP | LX_TF_NONASCII)) && /* ("María Elena Quispe") */
        !lx_name_particle(c->text, &t[a]) && tok_is_cap(&t[a + 1]) &&
        !lx_name_particle(c->text, &t[a + 1]) &&
        gaz_has(c, a + 1, a + 2, KIND(LX_G_GIVEN)) &&
        !gaz_has(c, a, a + 1, KIND(LX_G_GIVEN) | KIND(LX_G_SURNAME) | KIND(LX_G_TITLE) |
                                 KIND(LX_G_HONORIFIC)) &&
        !gaz_has(c, a, b, NAME_KINDS)) {
      a++;
      k[i].t0 = (uint32_t)a;
    }
    /* "Harvest Box spokeswoman Natalie Ortiz", "Mokgalo chief executive
     * Graham Whitfield": a name before a title and the person it names is
     * the organization the title belongs to, unless a person's name ("Trump
     * adviser Stephen Miller": a listed surname, or a given name first) */
    if (k[i].type == LEDE_T_PERSON && b < t1) {
      int cap = 0;
      size_t tl = title_at(c, b, t1, &cap);
      if (tl && b + tl < t1 && name_word(c, &t[b + tl]) &&
          !(b == a + 1 && gaz_has(c, a, b, KIND(LX_G_SURNAME))) &&
          !gaz_has(c, a, a + 1, KIND(LX_G_GIVEN)) &&
          !is_honorific(c, a))
        k[i].type = LEDE_T_ORG;
    }
    /* "Braxton Chairman Walter Braxton", "Millerton Fire Chief Wayne
     * Gorski": a person's name begins after a capitalized title inside it */
    if (k[i].type == LEDE_T_PERSON && b >= a + 3) {
      for (size_t p = a + 1; p + 1 < b; p++) {
        if (!tok_is_cap(&t[p]) || t[p].kind != LX_TK_WORD) continue;
        int cap = 0;
        size_t tl = title_at(c, p, b, &cap);
        size_t q = p + tl;
        if (tl && cap && q < b && name_word(c, &t[q]) &&
            (gaz_has(c, q, q + 1, KIND(LX_G_GIVEN)) || (q + 2 == b && name_word(c, &t[q + 1])))) {
          k[i].t0 = (uint32_t)q;
          a = q;
          break;
        }
      }
    }
    if (k[i].type != LEDE_T_PERSON) {
      /* "Interior" of "Interior Minister": part of a title */
      int cap = 0;
      size_t tl = title_at(c, a, t1, &cap);
      if (tl && cap && a + tl > b) {
        k[i].t1 = k[i].t0; /* dropped */
        continue;
      }
      /* "Chief Gorski said": a capitalized title and a surname are a person
       * (not "General Motors": the name is a known surname, no firm's
       * word); only a title of one word the phrases' reader wants a head
       * for ("Chief"), not one it reads alone ("Pope Evans" is a firm) */
      if (!tl && b == a + 2 && tok_is_cap(&t[a]) && gaz_title(c, a, KIND(LX_G_TITLE)) &&
          !gaz_has(c, a, a + 1, KIND(LX_G_SURNAME)) && k[i].source == LX_SRC_TAGGER &&
          name_word(c, &t[b - 1]) && gaz_has(c, b - 1, b, KIND(LX_G_SURNAME)) &&
          !gaz_has(c, a, b, NAME_KINDS) && !org_after_title(c, &t[b - 1]) &&
          !firm_end(c, &t[b - 1]) && !org_end_word(c, &t[b - 1])) {
        k[i].t0 = (uint32_t)(b - 1);
        k[i].type = LEDE_T_PERSON;
        continue;
      }
      /* "Federal Aviation Administration Director Jane Doe": an
       * organization ends where a capitalized title before a name begins
       * (the rules then read the title and the person) */
      if (k[i].type == LEDE_T_ORG && b >= a + 3) {
        for (size_t p = a + 1; p + 1 < b; p++) {
          if (!tok_is_cap(&t[p]) || t[p].kind != LX_TK_WORD) continue;
          cap = 0;
          tl = title_at(c, p, b, &cap);
          size_t q = p + tl; /* the name: a given name, or two name words that end the span */
          if (tl && cap && q < b && name_word(c, &t[q]) &&
              (gaz_has(c, q, q + 1, KIND(LX_G_GIVEN)) ||
               (q + 2 == b && name_word(c, &t[q + 1])))) {
            k[i].t1 = (uint32_t)p;
            break;
          }
        }
      }
      /* "Utuado Mayor" "Ernesto Irizarry", "Daesung Chairman" "Park
       * Sung-ho": a name that ends in a capitalized title before a
       * person's name ends before the title */
      if (b >= a + 2 && b < t1 && name_word(c, &t[b]) && t[b].start == t[b - 1].end + 1 &&
          !(t[b].flags & LX_TF_SENT)) {
        for (size_t p = a + 1; p < b; p++) {
          cap = 0;
          if (tok_is_cap(&t[p]) && title_at(c, p, b, &cap) == b - p && cap &&
              !gaz_has(c, a, b, NAME_KINDS)) {
            k[i].t1 = (uint32_t)p;
            break;
          }
        }
      }
      continue;
    }
    for (;;) {
      int cap = 0;
      size_t tl = title_at(c, a, b, &cap);
      if (!tl && tok_is_cap(&t[a]) && is_honorific(c, a)) tl = 1;
      /* a title of one word the phrases' reader wants a head for ("Chief
       * Gorski"; not "Judge" of "Aaron Judge": a first word only) */
      if (!tl && a + 1 < b && tok_is_cap(&t[a]) && !(t[a].flags & LX_TF_ALLCAP) &&
          gaz_title(c, a, KIND(LX_G_TITLE)) && name_word(c, &t[a + 1]) &&
          !gaz_has(c, a, a + 1, KIND(LX_G_GIVEN) | KIND(LX_G_SURNAME)))
        tl = 1;
      if (!tl || a + tl >= b) break;
      /* "General Staff", "General Agency for Trade": an organization */
      if (org_after_title(c, &t[a + tl])) {
        k[i].type = LEDE_T_ORG;
        break;
      }
      /* an initial that is an honorific too: the tagger read a name ("M.
       * Gatting" is no Monsieur) */
      if (tl == 1 && t[a].end - t[a].start == 2 && c->text[t[a].start + 1] == '.') break;
      a += tl;
    }
    /* a trailing title: what is before it is not a person */
    for (size_t j = a + 1; j < b; j++) {
      int cap = 0;
      /* not a surname that is a title word after a given name: "Aaron
       * Judge", "Ray Chancellor" */
      if (given_and_surname(c, a, b, 0)) break;
      if (title_at(c, j, b, &cap) == b - j && cap) {
        const lx_entry *e = gaz_exact(c, a, j, NAME_KINDS);
        k[i].type = (uint16_t)(e ? type_of_kind(c, e) : LEDE_T_ORG);
        if (!k[i].type) k[i].type = LEDE_T_ORG;
        b = j;
        break;
      }
    }
    /* "Van der Meer", "De la Cruz": a surname's particles before it, which
     * the tagger left out (a capital "Van" opening a sentence is a word) */
    {
      /* (a surname opens with these; not "das", "der", "la": "Das
       * Ministerium", "Versicherung der Patienten") */
      static const char *const first_particles[] = {"van", "von", "de", "da", "di", "del",
                                                    "della", "dos", "du", "bin", "ibn", "ter",
                                                    "ten", "abu", "ben"};
      size_t p = a;
      while (p > t0 && a - p < 2 && t[p - 1].kind == LX_TK_WORD &&
             t[p].start == t[p - 1].end + 1 && lx_name_particle(c->text, &t[p - 1]))
        p--;
      while (p < a && !in_list(c, &t[p], first_particles, LX_COUNTOF(first_particles))) p++;
      /* and the given name before particles in lower case: "Annelies van
       * der Meer" */
      if (p < a && p > t0 && !tok_is_cap(&t[p]) && t[p].start == t[p - 1].end + 1 &&
          name_word(c, &t[p - 1]) && !gaz_has(c, p - 1, p, NAME_KINDS) &&
          (a - p == 2 || gaz_has(c, p - 1, p, KIND(LX_G_GIVEN)))) /* not "Foto von Moritz" */
        p--;
      int free_ = 1;
      for (size_t q = i; q-- > nn && free_ && k[q].t1 > p;)
        if (k[q].t1 > k[q].t0 && k[q].t1 > p && k[q].t0 < a) free_ = 0;
      if (p < a && free_ && tok_is_cap(&t[p]) && !(t[p].flags & LX_TF_ALLCAP) &&
          !(t[a].flags & LX_TF_SENT))
        a = p;
    }
    /* "Pompeo later": a person's name ends in no lower-case word at all */
    b = lower_tail(c, a, b, 0);
    /* nor in the letters after a name: "Robert Atherton QC", "Keir Starmer
     * KC", "Jane Doe MP" */
    while (b >= a + 3 && post_nominal(c, &t[b - 1])) b--;
    k[i].t0 = (uint32_t)a;
    k[i].t1 = (uint32_t)b;
    /* "Reagan Communications", "Jones Medical Industries": a firm */
    for (size_t q = a + 1; q < b; q++)
      if (word_in(c, &t[q], company_words)) {
        k[i].type = LEDE_T_ORG;
        break;
      }
  }
  /* "Retail and Allied Workers' Union", "Information Commissioner's
   * Office": a body's name holds a possessive before the word that ends it
   * (not "Britain's Labour Party": the name before is a body's) */
  for (size_t i = nn; i < n; i++) {
    size_t b = k[i].t1;
    if (k[i].source != LX_SRC_TAGGER || k[i].t1 <= k[i].t0 || b + 1 >= t1 ||
        (k[i].type != LEDE_T_ORG && k[i].type != LEDE_T_NORP))
      continue;
    const lx_token *w = &t[b - 1], *ap = &t[b];
    size_t e; /* the token after the possessive */
    if ((ap->flags & LX_TF_QUOTE) && ap->start == w->end && ap->end - ap->start <= 3 &&
        c->text[w->end - 1] == 's' && !(ap->flags & LX_TF_OPENQ))
      e = b + 1; /* "Workers' Union" */
    else if ((ap->flags & LX_TF_POSS) && ap->start == w->end &&
             gaz_title(c, b - 1, KIND(LX_G_TITLE)) && lx_tok_is(c->text, &t[b + 1], "Office"))
      e = b + 1; /* "Commissioner's Office" */
    else
      continue;
    if (t[e].start != t[b].end + 1 || !org_end_word(c, &t[e]) ||
        (e + 1 < t1 && t[e + 1].kind == LX_TK_WORD && tok_is_cap(&t[e + 1]) &&
         t[e + 1].start == t[e].end + 1))
      continue; /* (the word that ends it, and no name after) */
    k[i].t1 = (uint32_t)(e + 1);
    k[i].type = LEDE_T_ORG;
    /* the tagger's "Union" or "'s Office" is in it now */
    for (size_t q = i + 1; q < n && k[q].t0 <= e; q++)
      if (k[q].source == LX_SRC_TAGGER && k[q].t1 <= e + 1) k[q].t1 = k[q].t0; /* dropped */
  }
  /* "The Information Commissioner's Office" where the tagger read only
   * "Office" (or "'s Office"): the office takes the title and the
   * capitalized words before the possessive */
  for (size_t i = nn; i < n; i++) {
    size_t e = k[i].t0;
    if (k[i].source != LX_SRC_TAGGER || k[i].type != LEDE_T_ORG || k[i].t1 <= e) continue;
    if (t[e].flags & LX_TF_POSS) e++; /* ("'s Office") */
    if (e + 1 != k[i].t1 || e < t0 + 2 || !lx_tok_is(c->text, &t[e], "Office") ||
        !(t[e - 1].flags & LX_TF_POSS) || t[e - 1].start != t[e - 2].end ||
        !gaz_title(c, e - 2, KIND(LX_G_TITLE)) || !tok_is_cap(&t[e - 2]))
      continue;
    size_t s = e - 2;
    while (s > t0 && e - 2 - s < 3 && name_word(c, &t[s - 1]) && t[s].start == t[s - 1].end + 1 &&
           !(t[s].flags & LX_TF_SENT))
      s--;
    int free_ = 1; /* (no other name there) */
    for (size_t q = nn; q < i && free_; q++)
      if (k[q].t1 > k[q].t0 && k[q].t1 > s && k[q].t0 < e) free_ = 0;
    if (free_) k[i].t0 = (uint32_t)s;
  }
  /* the tagger emits in order: join neighbours */
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (k[i].t1 <= k[i].t0) continue;
    if (m > 0) {
      lx_cand *p = &k[m - 1];
      size_t j = p->t1;
      /* two persons' halves; a name and the event word after it ("Greater
       * Milwaukee" "Open") */
      if (p->source == LX_SRC_TAGGER && k[i].source == LX_SRC_TAGGER &&
          ((p->type == LEDE_T_PERSON && k[i].type == LEDE_T_PERSON) ||
           (p->type == LEDE_T_NORP && k[i].type == LEDE_T_NORP && k[i].t1 == j + 1 &&
            word_in(c, &t[j], event_words))) &&
          k[i].t0 == j && j < t1 && !(t[j].flags & LX_TF_SENT) && t[j].start > t[j - 1].end &&
          t[j].start - t[j - 1].end == 1 && c->text[t[j - 1].end] == ' ') {
        p->t1 = k[i].t1;
        continue;
      }
      /* "Berlin" "Grand Prix", "Hong Kong" "Open": a place or a sponsor
       * and the contest named after it; "IAAF Grand Prix" "Final" */
      if (p->source == LX_SRC_TAGGER && k[i].source == LX_SRC_TAGGER && k[i].t0 == j &&
          j < t1 && t[j].start - t[j - 1].end == 1 && c->text[t[j - 1].end] == ' ' &&
          !(t[j].flags & LX_TF_SENT) &&
          (((p->type == LEDE_T_LOC || p->type == LEDE_T_ORG) && k[i].type == LEDE_T_NORP &&
            p->t1 - p->t0 <= 3 &&
            word_in(c, &t[k[i].t1 - 1], event_words)) ||
           (p->type == LEDE_T_NORP && k[i].t1 == j + 1 &&
            word_in(c, &t[j - 1], event_words) &&
            (lx_tok_ieq(c->text, &t[j], "final") || lx_tok_ieq(c->text, &t[j], "finals"))))) {
        p->t1 = k[i].t1;
        p->type = LEDE_T_NORP;
        continue;
      }
      /* "Roosevelt Financial" "Group Inc", "Johnson Controls" "Inc": a
       * firm's name and the words that end it; a legal form alone after
       * any name ("Gulf Plains Utilities" "Co") is no state (Colorado) */
      if (p->source == LX_SRC_TAGGER && k[i].source == LX_SRC_TAGGER && k[i].t0 == j &&
          j < t1 && t[j].start - t[j - 1].end == 1 && c->text[t[j - 1].end] == ' ' &&
          (((p->type == LEDE_T_ORG || p->type == LEDE_T_PERSON) && k[i].type == LEDE_T_ORG &&
            word_in(c, &t[j], company_words)) ||
           (k[i].t1 == j + 1 && p->type != LEDE_T_TITLE && legal_form(c, &t[j], 1) &&
            tok_is_cap(&t[j - 1])))) {
        p->t1 = k[i].t1;
        p->type = LEDE_T_ORG;
        continue;
      }
      /* "Ramon" dela "Cruz", "Marianne" von "Rosen": a person's name goes
       * on over a particle in lower case */
      if (p->source == LX_SRC_TAGGER && k[i].source == LX_SRC_TAGGER &&
          p->type == LEDE_T_PERSON && k[i].type == LEDE_T_PERSON && k[i].t0 == j + 1 &&
          j < t1 && (t[j].flags & LX_TF_LOWER) && lx_name_particle(c->text, &t[j]) &&
          t[j].start == t[j - 1].end + 1 && t[j + 1].start == t[j].end + 1 &&
          k[i].t1 - k[i].t0 <= 2 && !(t[k[i].t0].flags & LX_TF_SENT)) {
        p->t1 = k[i].t1;
        continue;
      }
      /* "Carrington Stock" & "Station", "Marks" & "Spencer": names joined
       * by an ampersand are one firm */
      if (p->source == LX_SRC_TAGGER && k[i].source == LX_SRC_TAGGER &&
          (p->type == LEDE_T_PERSON || p->type == LEDE_T_ORG) &&
          (k[i].type == LEDE_T_PERSON || k[i].type == LEDE_T_ORG) && p->t1 > p->t0 &&
          k[i].t0 == j + 1 && j < t1 && tok_ch(c, &t[j], '&') && k[i].t1 - k[i].t0 <= 3 &&
          t[j].start == t[j - 1].end + 1 && t[j + 1].start == t[j].end + 1 &&
          !(t[k[i].t0].flags & LX_TF_SENT)) {
        p->t1 = k[i].t1;
        p->type = LEDE_T_ORG;
        continue;
      }
      /* "Ministry of the Interior" and "Safety": "Department of Health
       * and Human Services" is one name */
      if (p->source == LX_SRC_TAGGER && k[i].source == LX_SRC_TAGGER &&
          p->type == LEDE_T_ORG && k[i].type == LEDE_T_ORG && k[i].t0 == j + 1 &&
          k[i].t1 - k[i].t0 <= 3 && (lx_tok_ieq(c->text, &t[j], "and") || tok_ch(c, &t[j], '&')) &&
          !(t[k[i].t0].flags & LX_TF_SENT)) {
        int of = 0;
        for (size_t q = p->t0 + 1; q + 1 < p->t1; q++)
          if (t[q].end - t[q].start == 2 && memcmp(c->text + t[q].start, "of", 2) == 0) of = 1;
        if (of && !gaz_has(c, k[i].t0, k[i].t1, NAME_KINDS)) {
          p->t1 = k[i].t1;
          continue;
        }
      }
    }
    if (m != i) k[m] = k[i]; /* (most stay where they are) */
    m++;
  }
  c->cands.n = m;
}

/* A superlative or an ordinal in lower case: "biggest", "second-largest",
 * "third", "top", "leading". */
static int rank_word(const lx_ctx *c, const lx_token *t) {
  const char *s = c->text + t->start;
  size_t n = t->end - t->start;
  if (n >= 6 && memcmp(s + n - 3, "est", 3) == 0) return 1;
  static const char *const w[] = {"first", "second", "third", "fourth", "fifth", "top",
                                  "leading", "no."};
  for (size_t k = 0; k < LX_COUNTOF(w); k++)
    if (lx_tok_is(c->text, t, w[k])) return 1;
  return 0;
}

/* "Seoul's foreign ministry", "China's commerce ministry": a place's
 * possessive and a lower-case organization noun phrase. */

static void possessive_org_candidates(lx_ctx *c, size_t t0, size_t t1) {
  const lx_token *t = TOKS(c);
  for (size_t i = t0; i + 2 < t1; i++) {
    if (!(t[i + 1].flags & LX_TF_POSS) || !tok_is_cap(&t[i])) continue;
    /* the place may be several tokens: find where it starts */
    size_t s = i;
    while (s > t0 && tok_is_cap(&t[s - 1]) && i + 1 - s < 4) s--;
    while (s < i + 1 && !gaz_has(c, s, i + 1, PLACE_KINDS | KIND(LX_G_COUNTRY))) s++;
    if (s > i) continue;
    /* the place is the whole name: not "Al" of "El Al's head office" */
    if (s > t0 && tok_is_cap(&t[s - 1]) && !(t[s - 1].flags & LX_TF_SENT) &&
        t[s - 1].end == t[s].start - 1)
      continue;
    /* up to two lower-case modifiers, then an organization head; a rank
     * makes it a description, not a name ("Italy's second-biggest bank",
     * "France's largest oil company", "its top ministry") */
    size_t j = i + 2, mods = 0;
    int rank = 0;
    while (j < t1 && mods < 3 && (t[j].flags & LX_TF_LOWER) && !org_head(c, &t[j])) {
      rank |= rank_word(c, &t[j]);
      j++;
      mods++;
    }
    if (!rank && j < t1 && org_head(c, &t[j]) && (t[j].flags & LX_TF_LOWER)) {
      push_cand(c, s, j + 1, LEDE_T_ORG, LX_SRC_RULE, 36);
      i = j;
    }
  }
}

/* ---- overlaps and types ----------------------------------------------------------- */

/* Among spans of one length: the tagger reads the context (a city named
 * in a sports table is a team), so it outranks the gazetteer and the hand
 * rules, which only add what it did not find. */
static int source_rank(int source, int type) {
  switch (source) {
    case LX_SRC_USER: return 90;
    case LX_SRC_NUMEX: return type == LEDE_T_CARDINAL ? 10 : 60;
    case LX_SRC_TAGGER: return 50;
    case LX_SRC_GAZ: return 45;
    case LX_SRC_RULE: return 40;
    default: return 0;
  }
}

static long cand_weight(const lx_cand *k) {
  /* longer spans first; among equals, the more reliable source; an
   * organization the gazetteer names in two words or more is that
   * organization whatever the tagger reads ("Getty Images" in a photo
   * credit is no person), and so is a product it names (the tagger knows
   * none: "Boeing's Dreamliner" is no person); a court case ("Roe v.
   * Wade") is a LAW */
  int rank = source_rank(k->source, k->type);
  if (k->source == LX_SRC_GAZ &&
      ((k->type == LEDE_T_ORG && k->t1 - k->t0 >= 2) || k->type == LEDE_T_PRODUCT))
    rank = 55;
  if (k->source == LX_SRC_RULE && (k->type == LEDE_T_LAW || k->score == SIGNOFF_SCORE)) rank = 55;
  return (long)(k->t1 - k->t0) * 1000 + rank * 10 +
         (k->score > 9 ? 9 : k->score < 0 ? 0 : k->score);
}

/* A candidate's place in the order overlaps are resolved in: heavier
 * first, then by start, then as pushed (the order a stable sort by weight
 * and start gives). The weight is computed once, not at each comparison. */
typedef struct cand_key {
  uint64_t hi; /* ~weight: ascending is heavier first */
  uint64_t lo; /* start << 32 | index */
} cand_key;

static inline int key_less(const cand_key *a, const cand_key *b) {
  return a->hi < b->hi || (a->hi == b->hi && a->lo < b->lo);
}

static int cmp_key(const void *a, const void *b) {
  const cand_key *x = (const cand_key *)a, *y = (const cand_key *)b;
  return key_less(x, y) ? -1 : key_less(y, x);
}

/* Sorts distinct keys (any sort gives their one order): inline insertion
 * for the few a block has, qsort past 32. */
static void sort_keys(cand_key *key, size_t n) {
  if (n > 32) {
    qsort(key, n, sizeof *key, cmp_key);
    return;
  }
  for (size_t i = 1; i < n; i++) {
    cand_key x = key[i];
    size_t j = i;
    for (; j > 0 && key_less(&x, &key[j - 1]); j--) key[j] = key[j - 1];
    key[j] = x;
  }
}

/* Sorts the keys of kept candidates, whose hi is 0, by lo (their start),
 * one word compared where sort_keys compares two. */
static void sort_keys_lo(cand_key *key, size_t n) {
  if (n > 32) {
    sort_keys(key, n);
    return;
  }
  for (size_t i = 1; i < n; i++) {
    uint64_t x = key[i].lo;
    size_t j = i;
    for (; j > 0 && x < key[j - 1].lo; j--) key[j].lo = key[j - 1].lo;
    key[j].lo = x;
  }
}

/* Fills key[0, n) with the order of the candidates k[0, n). */
static void order_by_weight(const lx_cand *k, size_t n, cand_key *key) {
  int sorted = 1;
  for (size_t i = 0; i < n; i++) {
    key[i].hi = ~(uint64_t)cand_weight(&k[i]);
    key[i].lo = (uint64_t)k[i].t0 << 32 | (uint32_t)i;
    if (i && key_less(&key[i], &key[i - 1])) sorted = 0;
  }
  if (!sorted) sort_keys(key, n);
}

static int cmp_start(const void *a, const void *b) {
  const lx_cand *p = (const lx_cand *)a, *q = (const lx_cand *)b;
  return p->t0 < q->t0 ? -1 : p->t0 > q->t0;
}

/* Whether the last token of [t0, t1) is a word of one of the listed
 * lists `lists` (LL bits). */
static int last_word_in(const lx_ctx *c, size_t t0, size_t t1, uint64_t lists) {
  (void)t0;
  return in_listed(c, &TOKS(c)[t1 - 1], lists);
}

static const char *const law_words[] = {"act", "treaty", "constitution", "accord", "law",
                                        "bill", "amendment", "convention", "code"};

/* OntoNotes types for what the tagger calls LOC and MISC. */
/* "I-95", "I-405": an interstate highway, printed as one token. */
static int interstate(const lx_ctx *c, size_t t0, size_t t1) {
  const lx_token *t = TOKS(c);
  const char *s = c->text + t[t0].start;
  size_t n = t[t0].end - t[t0].start;
  if (t1 != t0 + 1 || n < 3 || n > 5 || s[0] != 'I' || s[1] != '-') return 0;
  for (size_t i = 2; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* Whether the word at t is written in camel case the way firms and their
 * products are ("WeWork", "SoftBank", "YouTube", "GlaxoSmithKline"): ASCII
 * letters, capitals inside after a first part that is a word of its own
 * (three letters or more, or one of a few short ones), and not a part that
 * opens people's names ("McDonald", "MacLeod", "DeShawn", "LaVar",
 * "VanderMeer", "FitzGerald") nor a known given name or surname. */
static int camel_firm(const lx_ctx *c, size_t t) {
  static const char *const name_parts[] = {"abu", "al", "ben", "da", "de", "del", "della", "des",
                                           "di", "du", "el", "fitz", "ja", "ka", "ke", "la",
                                           "le", "lo", "mac", "mc", "o", "re", "san", "st", "ty",
                                           "van", "vande", "vander", "von"};
  static const char *const short_words[] = {"ad", "be", "do", "ex", "go", "in", "my", "no", "on",
                                            "so", "up", "we"};
  const lx_token *k = &TOKS(c)[t];
  const char *s = c->text + k->start;
  size_t n = k->end - k->start, first = 0, inner = 0;
  if (k->kind != LX_TK_WORD || n < 5 || n > 24 || s[0] < 'A' || s[0] > 'Z') return 0;
  for (size_t i = 1; i < n; i++) {
    if (s[i] >= 'A' && s[i] <= 'Z') {
      if (s[i - 1] < 'a' || s[i - 1] > 'z') return 0; /* "NYSE", "McG" stay names */
      if (!first) first = i;
      inner++;
    } else if (s[i] < 'a' || s[i] > 'z') {
      return 0;
    }
  }
  if (!inner || n - first < 2 || s[n - 1] < 'a') return 0;
  char low[8] = {0}; /* (set below up to first, which is at least 1) */
  if (first >= sizeof low) return !gaz_has(c, t, t + 1, KIND(LX_G_GIVEN) | KIND(LX_G_SURNAME));
  for (size_t i = 0; i < first; i++) low[i] = (char)(s[i] | 0x20);
  if (lx_sorted_has(name_parts, LX_COUNTOF(name_parts), low, first)) return 0;
  if (first < 3 && !lx_sorted_has(short_words, LX_COUNTOF(short_words), low, first)) return 0;
  return !gaz_has(c, t, t + 1, KIND(LX_G_GIVEN) | KIND(LX_G_SURNAME));
}

/* Nouns that name a kind of firm right before its name: "its unit Jardine
 * Fleming", "the newspaper Le Soir" (not the words of a person's trade:
 * "broker Shakil Rizvi", "publisher", "producer"); and the
 * words after which a name is what one owns part of: "a stake in Organon
 * Teknika". */
static const char *const firm_nouns[] = {
    "unit", "subsidiary", "affiliate", "division", "brokerage", "insurer", "carrier",
    "airline", "retailer", "manufacturer", "newspaper", "daily", "broadcaster",
    "conglomerate", "utility", "refiner", "automaker", "carmaker", "chipmaker", "distributor",
    "supplier", "exporter", "lender", "bank"};
static const char *const stake_words[] = {"stake", "stakes", "holding", "shareholding",
                                          "interest"};

/* Whether the name at t0 follows a kind of firm ("its unit") or "a stake
 * in": a company, whatever type the tagger read; a known place or a given
 * name ("the bank Marcus Goldman founded") says otherwise. */
static int firm_context(lx_ctx *c, size_t t0, size_t t1) {
  const lx_token *t = TOKS(c);
  if (t0 == 0 || (t[t0].flags & (LX_TF_SENT | LX_TF_PARA))) return 0;
  const lx_token *p = &t[t0 - 1];
  if (!(p->flags & LX_TF_LOWER)) return 0;
  int firm = word_in(c, p, firm_nouns) ||
             (t0 >= 2 && lx_tok_is(c->text, p, "in") && (t[t0 - 2].flags & LX_TF_LOWER) &&
              word_in(c, &t[t0 - 2], stake_words));
  return firm && !gaz_has(c, t0, t1, PLACE_KINDS | KIND(LX_G_COUNTRY)) &&
         !(t1 > t0 + 1 && gaz_exact(c, t0, t0 + 1, KIND(LX_G_GIVEN)));
}

/* An age in apposition after token t1 - 1: "Wang, 45, was sentenced". */
static int age_after(const lx_ctx *c, size_t t1) {
  const lx_token *t = TOKS(c);
  if (t1 + 2 >= c->toks.n || !tok_ch(c, &t[t1], ',') || !tok_ch(c, &t[t1 + 2], ',') ||
      t[t1 + 1].kind != LX_TK_NUM || t[t1 + 1].end - t[t1 + 1].start != 2)
    return 0;
  const char *s = c->text + t[t1 + 1].start;
  return s[0] >= '1' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9';
}

/* Roles a firm holds as well as a person: "lead manager Morgan Stanley
 * International", "the official Xinhua", "producer Novo Industri". */
static const char *const firm_roles[] = {
    "producer", "publisher", "manager", "official", "engineer", "maker", "owner",
    "operator", "partner", "adviser", "advisor", "underwriter", "contractor", "dealer",
    "broker", "agent", "sponsor", "shareholder", "member", "buyer", "seller", "developer",
    "builder", "designer", "trader", "investor", "holder", "champion", "leader", "organizer",
    "organiser", "host", "bidder", "creditor", "customer", "client", "rival", "competitor"};

/* Words shaped as a person's name: at most three, each capitalized (not in
 * capitals), none a nation's, a country's, a body's or a firm's word. */
static int person_shaped(const lx_ctx *c, size_t t0, size_t t1) {
  const lx_token *t = TOKS(c);
  if (t1 - t0 > 3) return 0;
  for (size_t i = t0; i < t1; i++) {
    if (t[i].kind != LX_TK_WORD || !(t[i].flags & LX_TF_CAP) || (t[i].flags & LX_TF_ALLCAP) ||
        (t[i].flags & LX_TF_HYPHEN) || org_end_word(c, &t[i]) || legal_form(c, &t[i], 1) ||
        gaz_has(c, i, i + 1,
                KIND(LX_G_DEMONYM) | KIND(LX_G_COUNTRY) | KIND(LX_G_ORG) | KIND(LX_G_AGENCY)))
      return 0;
  }
  return 1;
}

static const char *const place_people[] = {"police", "residents", "firefighters",
                                           "townspeople", "villagers"};

/* The type a name read as a person's takes by its last word (0: it stays a
 * person's). "Raymond James Stadium", "Kettle River", "Princes Highway":
 * a person's name does not end in a place's word; "Taras Kovalenko
 * National University", "Harlan County Health Department", "Nevada
 * Senate": nor in an organization's; "Clark County" is a place. A given
 * name and a surname that is such a word are a person's ("Barry Lane",
 * "Jim Courier", "Domingo Hospital", "Doug Mills"), not before a word only
 * bodies end in ("Charles University") nor a plural place ("Mariana
 * Islands"). For the tagger's persons (refine_type) and the rules'. */
static int person_end_type(const lx_ctx *c, size_t t0, size_t t1) {
  if (t1 - t0 < 2) return 0;
  int person = given_and_surname(c, t0, t1, 1);
  if (last_word_in(c, t0, t1, LL(fac_words)) && !person) return LEDE_T_FAC;
  if ((last_word_in(c, t0, t1, LL(loc_words)) ||
       last_word_in(c, t0, t1, LL(street_words))) &&
      !(person && gaz_has(c, t1 - 1, t1, KIND(LX_G_SURNAME))))
    return LEDE_T_LOC;
  if (last_word_in(c, t0, t1, LL(town_words)) && tok_is_cap(&TOKS(c)[t1 - 1])) {
    /* a surname that is also a common word ("Falls", "Springs") makes no
     * person's name of a town's */
    const lx_entry *sn = gaz_exact(c, t1 - 1, t1, KIND(LX_G_SURNAME));
    if (!(person && sn && !(sn->flags & LX_GF_AMB))) return LEDE_T_GPE;
  }
  const lx_token *z = &TOKS(c)[t1 - 1];
  if ((org_end_word(c, z) || word_in(c, z, company_words) ||
       word_in(c, z, industry_words)) &&
      /* "R.C. Mills", "Barry Steel" (not "Rouge Steel") */
      !(t1 - t0 == 2 && gaz_has(c, t1 - 1, t1, KIND(LX_G_SURNAME)) &&
        (!word_in(c, z, industry_words) ||
         (TOKS(c)[t0].flags & LX_TF_PERIOD) || gaz_has(c, t0, t0 + 1, KIND(LX_G_GIVEN)))) &&
      (!person || gaz_has(c, t0, t0 + 1, PLACE_KINDS) ||
       word_in(c, z, body_only_words) ||
       word_in(c, z, org_heads)))
    return LEDE_T_ORG;
  if (tok_is_cap(z) && lx_tok_ieq(c->text, z, "county")) return LEDE_T_GPE;
  return 0;
}

/* The last words of a place built, of nature, of an agreement (refine_type). */
static const char *const built_words[] = {
    "airport", "stadium", "arena", "theatre", "theater", "tunnel", "bridge", "dam", "canal",
    "tower"};
static const char *const nature_words[] = {
    "peninsula", "island", "islands", "mountains", "river", "lake", "sea", "valley", "desert"};
static const char *const pact_words[] = {
    "agreement", "accord", "treaty", "protocol"};

static int refine_type(lx_ctx *c, const lx_cand *k) {
  size_t t0 = k->t0, t1 = k->t1;
  if (interstate(c, t0, t1)) return LEDE_T_FAC;
  /* "Wang, 45,", "dissident Wang Donghai": the tagger's name that an age
   * follows or a role in lower case precedes is a person's */
  if (k->source == LX_SRC_TAGGER && k->type != LEDE_T_PERSON &&
      (age_after(c, t1) || (t0 > 0 && (TOKS(c)[t0 - 1].flags & LX_TF_LOWER) &&
                            gaz_title(c, t0 - 1, KIND(LX_G_TITLE)) &&
                            !word_in(c, &TOKS(c)[t0 - 1], firm_roles))) &&
      person_shaped(c, t0, t1) &&
      !gaz_exact(c, t0, t1, NAME_KINDS & ~(KIND(LX_G_GIVEN) | KIND(LX_G_SURNAME))))
    return LEDE_T_PERSON;
  /* "Its spokesman, Aminu Bello Yakasai, dismissed": a name between commas
   * after a title in lower case is a person's */
  if (k->source == LX_SRC_TAGGER && k->type != LEDE_T_PERSON && t1 - t0 >= 2 && t0 >= 2 &&
      t1 < c->toks.n && tok_ch(c, &TOKS(c)[t0 - 1], ',') && tok_ch(c, &TOKS(c)[t1], ',') &&
      (TOKS(c)[t0 - 2].flags & LX_TF_LOWER) && gaz_title(c, t0 - 2, KIND(LX_G_TITLE)) &&
      person_shaped(c, t0, t1) && !gaz_has(c, t0, t1, NAME_KINDS))
    return LEDE_T_PERSON;
  /* "Forest Hill police", "Oakdale residents": a name its police or its
   * people follow is a place's */
  if (k->source == LX_SRC_TAGGER && k->type == LEDE_T_PERSON && t1 < c->toks.n &&
      (TOKS(c)[t1].flags & LX_TF_LOWER) &&
      word_in(c, &TOKS(c)[t1], place_people) &&
      !given_and_surname(c, t0, t1, 0))
    return LEDE_T_GPE;
  if (k->type == LEDE_T_PERSON) {
    int ty = person_end_type(c, t0, t1);
    if (ty) return ty;
    /* "WeWork is being investigated": a firm's camel case is no person's */
    if (t1 - t0 == 1 && camel_firm(c, t0)) return LEDE_T_ORG;
  }
  /* "Princes Highway", "Elm Street": a road, no organization; nor a
   * place built ("Al Maktoum International Airport", "Dolby Theatre"), a
   * place of nature ("Noto Peninsula", "Kaziranga National Park") or an
   * agreement ("Paris Agreement", "Good Friday Agreement") */
  if (k->type == LEDE_T_ORG && t1 - t0 >= 2 && !gaz_has(c, t0, t1, NAME_KINDS)) {
    const lx_token *z = &TOKS(c)[t1 - 1];
    if (word_in(c, z, street_words)) return LEDE_T_LOC;
    if (word_in(c, z, built_words)) return LEDE_T_FAC;
    if (word_in(c, z, nature_words) ||
        (lx_tok_ieq(c->text, z, "park") && lx_tok_ieq(c->text, &TOKS(c)[t1 - 2], "national")))
      return LEDE_T_LOC;
    if (word_in(c, z, pact_words) && tok_is_cap(z)) return LEDE_T_LAW;
  }
  /* "Philips N.V.", "Hale Partners Inc": a name with a legal form is a company */
  if (t1 - t0 >= 2 && k->type != LEDE_T_ORG && legal_form(c, &TOKS(c)[t1 - 1], 1))
    return LEDE_T_ORG;
  /* "Mokgalo Platinum", "Ostler Components": a name whose last word is a
   * firm's or an industry's is a firm, not a place or a people (unless
   * the gazetteer knows it) */
  if (t1 - t0 >= 2 &&
      (k->type == LEDE_T_LOC || k->type == LEDE_T_GPE || k->type == LEDE_T_NORP) &&
      tok_is_cap(&TOKS(c)[t1 - 1]) &&
      firm_end(c, &TOKS(c)[t1 - 1]) && !gaz_has(c, t0, t1, NAME_KINDS))
    return LEDE_T_ORG;
  /* "Galaxy S20", "Airbus A320neo": a product with its model or maker */
  if (t1 - t0 >= 2 && ((model_like(c, &TOKS(c)[t1 - 1]) && product_and_model(c, t0, t1) == t1) ||
                        maker_product(c, t0, t1) == t1))
    return LEDE_T_PRODUCT;
  /* "Airbus A350-900", "Boeing 777-300ER", "Boeing 737": a maker and a
   * model the gazetteer does not list ("Fox 5" is a station) */
  if (t1 - t0 >= 2 && (k->type == LEDE_T_NORP || k->type == LEDE_T_ORG) &&
      gaz_has(c, t0, t0 + 1, KIND(LX_G_ORG)) && model_code(c, &TOKS(c)[t0 + 1])) {
    size_t j = t0 + 2;
    while (j < t1 && model_like(c, &TOKS(c)[j])) j++;
    if (j == t1) return LEDE_T_PRODUCT;
  }
  /* "Dubai Air Show", "Cannes Film Festival": a show, no organization */
  if ((k->type == LEDE_T_ORG || k->type == LEDE_T_LOC) && t1 - t0 >= 2 && /* (two words) */
      show_name(c, t0, t1))
    return LEDE_T_EVENT;
  /* a named storm is an event: "Typhoon Saola", "Hurricane Katrina" */
  if (t1 - t0 >= 2 && word_in(c, &TOKS(c)[t0], storms) &&
      tok_is_cap(&TOKS(c)[t1 - 1]) && tok_is_cap(&TOKS(c)[t0]))
    return LEDE_T_EVENT;
  const lx_entry *e = gaz_exact(c, t0, t1, NAME_KINDS);
  if (!e && (k->type == LEDE_T_PERSON || k->type == LEDE_T_LOC) && firm_context(c, t0, t1))
    return LEDE_T_ORG;
  /* "Nintendo Switch", "Microsoft Windows": a known product of two words */
  if (e && e->kind == LX_G_PRODUCT && t1 - t0 >= 2) return LEDE_T_PRODUCT;
  if (k->type == LEDE_T_LOC) {
    if (e && type_of_kind(c, e) != LEDE_T_NORP) return type_of_kind(c, e);
    /* "Bradford Crown Court", "High Court": a court of law is a body; a
     * tennis court is a place ("Stadium Court", "Centre Court") */
    const lx_token *t = TOKS(c);
    if (lx_tok_ieq(c->text, &t[t1 - 1], "court") && t1 - t0 >= 2 &&
        !lx_tok_ieq(c->text, &t[t1 - 2], "stadium") && !lx_tok_ieq(c->text, &t[t1 - 2], "centre") &&
        !lx_tok_ieq(c->text, &t[t1 - 2], "center"))
      return LEDE_T_ORG;
    if (last_word_in(c, t0, t1, LL(fac_words))) return LEDE_T_FAC;
    if (last_word_in(c, t0, t1, LL(loc_words)) ||
        last_word_in(c, t0, t1, LL(street_words)))
      return LEDE_T_LOC;
    if (lx_tok_ieq(c->text, &TOKS(c)[t0], "mount") || lx_tok_ieq(c->text, &TOKS(c)[t0], "lake"))
      return LEDE_T_LOC;
    return LEDE_T_GPE;
  }
  if (k->type == LEDE_T_NORP) { /* MISC */
    if (e) return type_of_kind(c, e);
    if (last_word_in(c, t0, t1, LL(event_words))) return LEDE_T_EVENT;
    if (last_word_in(c, t0, t1, LL(law_words))) return LEDE_T_LAW;
    /* "Chelan County", "Harris Township": a place */
    if (t1 - t0 >= 2 && tok_is_cap(&TOKS(c)[t1 - 1]) &&
        (lx_tok_ieq(c->text, &TOKS(c)[t1 - 1], "county") ||
         last_word_in(c, t0, t1, LL(town_words))))
      return LEDE_T_GPE;
    /* inside quotation marks: a title of a work */
    const lx_token *t = TOKS(c);
    if (t0 > 0 && (t[t0 - 1].flags & LX_TF_QUOTE) && t1 < c->toks.n && (t[t1].flags & LX_TF_QUOTE))
      return LEDE_T_WORK_OF_ART;
    return LEDE_T_NORP;
  }
  if (e && k->type == LEDE_T_ORG && e->kind == LX_G_FAC) return LEDE_T_FAC;
  /* "Trades Disputes Act", "Peking Protocol", "Treaty of Baden": a law,
   * not a body */
  if (k->type == LEDE_T_ORG && !e && t1 - t0 >= 2) {
    const lx_token *t = TOKS(c);
    if (((t[t1 - 1].flags & LX_TF_CAP) && !(t[t1 - 1].flags & LX_TF_ALLCAP) &&
         last_word_in(c, t0, t1, LL(org_laws))) ||
        (t1 - t0 >= 3 && word_in(c, &t[t0], org_laws) &&
         lx_tok_is(c->text, &t[t0 + 1], "of")))
      return LEDE_T_LAW;
  }
  /* "Texas Open", "BellSouth Classic", "Davis Cup": a contest, not who
   * runs it */
  if (k->type == LEDE_T_ORG && !e && t1 - t0 >= 2 && tok_is_cap(&TOKS(c)[t1 - 1]) &&
      last_word_in(c, t0, t1, LL(contests)))
    return LEDE_T_EVENT;
  return k->type;
}

/* ---- entities --------------------------------------------------------------------- */

/* A zeroed entity pushed on the document's: lx_push's work inline, where
 * the zeroing of a known size is a few stores, not a call to memset. */
static inline lede_entity *push_entity(lx_ctx *c, lede_doc_internal *in) {
  lx_vec *v = &in->entities;
  if (LX_UNLIKELY(v->n == v->cap) &&
      !lx_vec_reserve(c->alloc, v, sizeof(lede_entity), v->n + 1))
    lx_fail(c, LEDE_ENOMEM, "out of memory");
  lede_entity *e = (lede_entity *)v->p + v->n++;
  memset(e, 0, sizeof *e);
  return e;
}

static lede_entity *add_entity(lx_ctx *c, size_t t0, size_t t1, const lx_cand *k, int type,
                               uint8_t flags) {
  lede_doc_internal *in = c->doc->internal;
  if (in->entities.n >= c->eng->limits.max_entities) {
    c->doc->warnings |= LEDE_W_ENTITY_LIMIT;
    return NULL;
  }
  const lx_token *t = TOKS(c);
  lede_entity *e = push_entity(c, in);
  e->span = lx_span(t[t0].start, t[t1 - 1].end);
  e->type = (uint16_t)type;
  e->flags = flags;
  e->role_span = no_span_;
  e->cluster = UINT32_MAX;
  if (k) {
    e->value_kind = k->value_kind;
    e->num = k->num;
    /* a span that is not whole tokens (user rules, party-and-state tags) */
    if (k->bend > k->bstart) e->span = lx_span(k->bstart, k->bend);
    e->canonical = k->canon;
    if (k->source == LX_SRC_USER) {
      e->rule = LEDE_RULE_USER + k->rule - 1;
      e->str = k->ustr;
      e->id = k->entry_id;
    } else {
      e->rule = k->source; /* LX_SRC_* and LEDE_RULE_* number the built-ins alike */
      const char *z = (const char *)memchr(k->str, 0, sizeof k->str);
      e->str = k->str[0] ? lx_strndup(c, k->str, z ? (size_t)(z - k->str) : sizeof k->str) : NULL;
    }
  }
  return e;
}

static lede_entity *add_span_entity(lx_ctx *c, lede_span s, int type, uint8_t flags,
                                    uint32_t rule) {
  lede_doc_internal *in = c->doc->internal;
  if (in->entities.n >= c->eng->limits.max_entities) {
    c->doc->warnings |= LEDE_W_ENTITY_LIMIT;
    return NULL;
  }
  lede_entity *e = push_entity(c, in);
  e->span = s;
  e->type = (uint16_t)type;
  e->flags = flags;
  e->role_span = no_span_;
  e->cluster = UINT32_MAX;
  e->rule = rule;
  return e;
}

/* The entity of a kept candidate; "Seoul's foreign ministry" (a rule's
 * organization named by a place's possessive) holds the place too, an
 * entity of its own: the article names Seoul. */
static void add_candidate(lx_ctx *c, const lx_cand *k, uint8_t flags) {
  if (!add_entity(c, k->t0, k->t1, k, k->type, flags)) return;
  if (k->source != LX_SRC_RULE || k->type != LEDE_T_ORG) return;
  const lx_token *t = TOKS(c);
  for (size_t p = k->t0 + 1; p + 1 < k->t1; p++) {
    if (!(t[p].flags & LX_TF_POSS)) continue;
    const lx_entry *e = gaz_exact(c, k->t0, p, PLACE_KINDS);
    lede_entity *pe = e ? add_entity(c, k->t0, p, NULL, type_of_kind(c, e), flags) : NULL;
    if (pe) pe->rule = LEDE_RULE_GAZETTEER;
    return;
  }
}

/* Titles around the block's persons: before a name ("Foreign Minister"),
 * or capitalized on their own ("the Secretary of State said"). */
/* pend: the end of the block's last person (t0 if none): no title after
 * it is before one. */
static void title_entities(lx_ctx *c, size_t t0, size_t t1, const uint8_t *covered, size_t pend,
                           uint8_t flags) {
  const lx_token *t = TOKS(c);
  const tk_memo *memo = (const tk_memo *)c->tkinds.p;
  for (size_t i = t0; i < t1; i++) {
    /* two tokens past the last person, no appositive is left: there only a
     * capitalized word inside a sentence may open a title (below), and the
     * other tokens, most, are passed over by their flags and kind alone,
     * and so are those the memo says start no gazetteer phrase (below) */
    if (i >= pend + 2) {
      while (i < t1 && (!tok_is_cap(&t[i]) || (t[i].flags & LX_TF_SENT) ||
                        t[i].kind != LX_TK_WORD || (memo[i].m & (TK_SEEN | TK_STARTS)) == TK_SEEN))
        i++;
      if (i >= t1) break;
    }
    /* a token the memo says starts no gazetteer phrase starts no title
     * (title_at would say so): most */
    if ((memo[i].m & (TK_SEEN | TK_STARTS)) == TK_SEEN) continue;
    if (covered[i - t0] || !tok_is_word(&t[i])) continue;
    /* before a person, or after a person and a comma (an appositive), or
     * capitalized inside a sentence (a capitalized title begins with a
     * capital): a token that can open none is not looked up (most) */
    /* (the person before first: the comma's byte is far in the text) */
    int appositive = -1; /* not known yet */
    if (i + 1 >= pend && (!tok_is_cap(&t[i]) || (t[i].flags & LX_TF_SENT)) &&
        !(appositive = i >= t0 + 2 && covered[i - 1 - t0 - 1] == LEDE_T_PERSON &&
                       tok_ch(c, &t[i - 1], ',')))
      continue;
    if (appositive < 0)
      appositive = i >= t0 + 2 && covered[i - 1 - t0 - 1] == LEDE_T_PERSON &&
                   tok_ch(c, &t[i - 1], ',');
    int cap = 0;
    size_t tl = title_at(c, i, t1, &cap);
    if (!tl) continue;
    size_t j = i + tl;
    int free_span = 1;
    for (size_t k = i; k < j; k++)
      if (covered[k - t0]) free_span = 0;
    if (!free_span) continue;
    int before_person = j < t1 && covered[j - t0] == LEDE_T_PERSON;
    int capital = cap && !(t[i].flags & LX_TF_SENT);
    if (!(before_person || appositive || capital)) continue;
    lede_entity *te = add_entity(c, i, j, NULL, LEDE_T_TITLE, flags);
    if (te) te->rule = LEDE_RULE_PATTERNS;
    i = j - 1;
  }
}

/* A user candidate against what it overlaps: does it win? */
static int user_wins(const lx_cand *u, const lx_cand *o, const lx_token *t) {
  if (o->source == LX_SRC_USER) return 0; /* user matches: the first placed wins */
  if (u->override) return 1;
  size_t ul = u->t1 - u->t0, ol = o->t1 - o->t0;
  switch (u->overlap) {
    case LEDE_OVERLAP_FIRST:
      return t[u->t0].start < t[o->t0].start || (u->t0 == o->t0 && ul >= ol);
    case LEDE_OVERLAP_PRIORITY:
      return u->priority > 0 || (u->priority == 0 && ul > ol);
    default:
      return ul >= ol; /* the same span: the user's rule knows better */
  }
}

static int cmp_user(const void *a, const void *b) {
  const lx_cand *p = (const lx_cand *)a, *q = (const lx_cand *)b;
  if (p->priority != q->priority) return p->priority > q->priority ? -1 : 1;
  size_t pl = p->t1 - p->t0, ql = q->t1 - q->t0;
  if (pl != ql) return pl > ql ? -1 : 1;
  if (p->t0 != q->t0) return p->t0 < q->t0 ? -1 : 1;
  return p->rule < q->rule ? -1 : p->rule > q->rule;
}

/* Runs the recognizers over the tokens [t0, t1) of one block: the built-ins
 * first, resolved among themselves; then the user rules, which see the
 * built-ins' types (token patterns may test them) and win or lose against
 * them by their overlap policy. */
static void recognize(lx_ctx *c, const lx_ner_in *ni, size_t t0, size_t t1, uint8_t flags) {
  if (t0 >= t1) return;
  uint32_t skip = c->opts->skip;
  lx_sentences(c->text, (lx_token *)c->toks.p + t0, t1 - t0);
  token_kinds(c);
  c->cands.n = 0;
  if (!(skip & LEDE_SKIP_NUMEX) && !lx_numex(ni, t0, t1, &c->cands))
    lx_fail(c, LEDE_ENOMEM, "out of memory");
  size_t nn = c->cands.n; /* (the numbers and dates) */
  if (!(skip & LEDE_SKIP_TAGGER) &&
      !lx_tagger_tag(c->eng->tagger, ni, t0, t1, &c->tagwork, &c->cands))
    lx_fail(c, LEDE_ENOMEM, "out of memory");
  if (!(skip & LEDE_SKIP_PATTERNS)) fix_tagger_spans(c, t0, t1, nn);
  /* the recognizers do not know the user fields */
  for (size_t i = 0; i < c->cands.n; i++) {
    lx_cand *k = (lx_cand *)c->cands.p + i;
    k->rule = 0; /* bstart, bend: numex may set them ("second-largest") */
    k->priority = 0;
    k->overlap = k->override = 0;
    k->ustr = k->canon = k->entry_id = NULL;
  }
  unsigned fl = 0; /* the union of the tokens' flags */
  if (!(skip & LEDE_SKIP_GAZETTEER)) {
    fl = gaz_candidates(c, t0, t1);
  } else {
    for (size_t i = t0; i < t1; i++) fl |= TOKS(c)[i].flags;
  }
  if (!(skip & LEDE_SKIP_PATTERNS)) {
    rule_candidates(c, t0, t1);
    /* they open at a possessive, at a hyphenated word: a block may have none */
    if (fl & LX_TF_POSS) possessive_org_candidates(c, t0, t1);
    if (fl & LX_TF_HYPHEN) place_based_candidates(c, t0, t1);
  }
  lx_tick(c);
  lx_cand *k = (lx_cand *)c->cands.p;
  size_t n = c->cands.n, nt = t1 - t0;
  /* scratch: covered[i] the type over token t0 + i; owner[i] the index of
   * the kept candidate there (-1 none); the candidates' order; the kept
   * ones, in that order */
  size_t cov_bytes = (nt + 7) & ~(size_t)7;
  size_t own_bytes = (nt * sizeof(int32_t) + 15) & ~(size_t)15;
  if (n > (SIZE_MAX - cov_bytes - own_bytes) / (sizeof(cand_key) + sizeof(lx_cand)))
    lx_fail(c, LEDE_ENOMEM, "out of memory");
  char *w = (char *)lx_scratch(c, cov_bytes + own_bytes + n * (sizeof(cand_key) + sizeof(lx_cand)));
  uint8_t *covered = (uint8_t *)w;
  int32_t *owner = (int32_t *)(w + cov_bytes);
  cand_key *key = (cand_key *)(w + cov_bytes + own_bytes);
  lx_cand *kc = (lx_cand *)(key + n);
  order_by_weight(k, n, key);
  memset(covered, 0, nt);
  size_t kept = 0, pend = t0; /* pend: the end of the last person kept */
  for (size_t q = 0; q < n; q++) {
    uint32_t ix = (uint32_t)key[q].lo;
    lx_cand *ki = &k[ix];
    if (ki->t0 < t0 || ki->t1 > t1 || ki->t1 <= ki->t0) continue;
    int free_span = 1;
    for (size_t j = ki->t0; j < ki->t1; j++)
      if (covered[j - t0]) {
        free_span = 0;
        break;
      }
    if (!free_span) continue;
    if (ki->source == LX_SRC_TAGGER) ki->type = (uint16_t)refine_type(c, ki);
    if (ki->type == LEDE_T_PERSON && ki->t1 > pend) pend = ki->t1;
    for (size_t j = ki->t0; j < ki->t1; j++)
      covered[j - t0] = (uint8_t)(ki->type < 256 ? ki->type : 255);
    /* the kept one's key, by start, over the keys read already (kept <= q):
     * the candidates stay where they are, not copied */
    key[kept].hi = 0;
    key[kept++].lo = (uint64_t)ki->t0 << 32 | ix;
  }
  /* the user rules' candidates, after all the built-in ones (the kept ones
   * are read where they are, by their keys); most blocks get none, and
   * their kept candidates go as if there were no user rules */
  size_t nu = 0;
  if (c->rr) {
    lx_rules_match(c, t0, t1, flags, covered);
    k = (lx_cand *)c->cands.p; /* the vector may have moved */
    nu = c->cands.n - n;
  }
  if (!nu) {
    c->cands.n = kept;
    /* by start (the kept candidates do not overlap: starts differ) */
    sort_keys_lo(key, kept);
    /* (read where they are: nothing pushes candidates from here on) */
    for (size_t i = 0; i < kept; i++) add_candidate(c, &k[(uint32_t)key[i].lo], flags);
    if (!(skip & LEDE_SKIP_PATTERNS)) title_entities(c, t0, t1, covered, pend, flags);
    return;
  }
  /* the kept ones, in the order kept, first in the vector, the user rules'
   * after them; owner is filled only here */
  for (size_t i = 0; i < nt; i++) owner[i] = -1;
  for (size_t i = 0; i < kept; i++) {
    kc[i] = k[(uint32_t)key[i].lo];
    for (size_t j = kc[i].t0; j < kc[i].t1; j++) owner[j - t0] = (int32_t)i;
  }
  if (kept) memcpy(k, kc, kept * sizeof *k);
  memmove(k + kept, k + n, nu * sizeof *k);
  c->cands.n = kept + nu;
  if (nu > 1) lx_sort(k + kept, nu, sizeof *k, cmp_user);
  const lx_token *t = TOKS(c);
  for (size_t u = kept; u < kept + nu; u++) {
    lx_cand *uc = &k[u];
    if (uc->t0 < t0 || uc->t1 > t1 || uc->t1 <= uc->t0) {
      uc->score = INT32_MIN;
      continue;
    }
    if (uc->overlap == LEDE_OVERLAP_KEEP_ALL) continue; /* kept, owning nothing */
    int wins = 1;
    for (size_t j = uc->t0; j < uc->t1 && wins; j++) {
      int32_t o = owner[j - t0];
      if (o >= 0 && k[o].score != INT32_MIN && !user_wins(uc, &k[o], t)) wins = 0;
    }
    if (!wins) {
      uc->score = INT32_MIN;
      continue;
    }
    for (size_t j = uc->t0; j < uc->t1; j++) {
      int32_t o = owner[j - t0];
      if (o >= 0) {
        /* the loser gives up all its tokens */
        for (size_t q = k[o].t0; q < k[o].t1; q++) {
          owner[q - t0] = -1;
          covered[q - t0] = 0;
        }
        k[o].score = INT32_MIN;
      }
    }
    for (size_t j = uc->t0; j < uc->t1; j++) {
      owner[j - t0] = (int32_t)u;
      covered[j - t0] = (uint8_t)(uc->type < 256 ? uc->type : 255);
    }
  }
  /* drop the losers */
  size_t m = 0;
  for (size_t i = 0; i < c->cands.n; i++)
    if (k[i].score != INT32_MIN) k[m++] = k[i];
  kept = m;
  if (kept > 1) lx_sort(k, kept, sizeof *k, cmp_start);
  for (size_t i = 0; i < kept; i++) add_candidate(c, &k[i], flags);
  /* the user rules moved the persons: the last one is looked for */
  for (pend = t1; pend > t0 && covered[pend - 1 - t0] != LEDE_T_PERSON;) pend--;
  if (!(skip & LEDE_SKIP_PATTERNS)) title_entities(c, t0, t1, covered, pend, flags);
}

static int cmp_entity(const void *a, const void *b) {
  const lede_entity *x = (const lede_entity *)a, *y = (const lede_entity *)b;
  if (x->span.start != y->span.start) return x->span.start < y->span.start ? -1 : 1;
  if (x->span.end != y->span.end) return x->span.end > y->span.end ? -1 : 1;
  return 0;
}

/* "Central bank holds rates": a headline written in sentence case gives
 * its first word a capital, and the tagger may call it a person. A lone
 * word there that no gazetteer knows as a name and that no other person of
 * the document shares is dropped ("Lagarde holds rates" keeps Lagarde,
 * who the story names). At most one entity starts the title: linear. */
static void drop_lone_title_word(lx_ctx *c) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  const lx_token *t = TOKS(c);
  size_t n = in->entities.n;
  for (size_t i = 0; i < n; i++) {
    const lede_entity *e = &E[i];
    if (e->type != LEDE_T_PERSON || e->rule != LEDE_RULE_TAGGER || !(e->flags & LEDE_EF_IN_TITLE) ||
        e->span.start != c->doc->title.start)
      continue;
    size_t a, b;
    lx_tokens_in(c, e->span.start, e->span.end, &a, &b);
    if (b != a + 1 || gaz_has(c, a, b, KIND(LX_G_GIVEN) | KIND(LX_G_SURNAME) | NAME_KINDS)) return;
    for (size_t j = 0; j < n; j++) {
      if (j == i || E[j].type != LEDE_T_PERSON) continue;
      size_t x, y;
      lx_tokens_in(c, E[j].span.start, E[j].span.end, &x, &y);
      for (size_t k = x; k < y; k++)
        if (t[k].hash == t[a].hash) return;
    }
    memmove(&E[i], &E[i + 1], (n - i - 1) * sizeof *E);
    in->entities.n--;
    return;
  }
}

/* The words of a web page's buttons and labels ("Continue Reading Below",
 * "GET FOX BUSINESS ON THE GO BY CLICKING HERE", "Share Close"), sorted: a
 * name of the tagger made of them alone is none. */
static const char *const ui_words[] = {
    "above",    "alerts",  "app",       "article",  "articles", "back",       "below",
    "breaking", "by",      "click",     "clicking", "close",    "comment",    "comments",
    "content",  "continue", "coverage", "download", "email",    "emails",     "follow",
    "full",     "gallery", "get",       "go",       "here",     "in",         "latest",
    "main",     "menu",    "more",      "news",     "newsletter", "next",     "now",
    "on",       "photos",  "previous",  "print",    "read",     "reading",    "related",
    "search",   "see",     "share",     "sign",     "skip",     "stories",    "story",
    "subscribe", "the",    "to",        "top",      "up",       "video",
    "view",     "watch"};

/* "BAAR, SWITZERLAND", "AUSTIN, TEXAS Based on...": a dateline in capitals
 * inside the text (a press release's): a known country or state in
 * capitals after a name in capitals and a comma is that place alone, and
 * the name before it a place too. Entities sorted by start. */
static void capital_datelines(lx_ctx *c) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  const lx_token *t = TOKS(c);
  size_t n = in->entities.n, hint = 0;
  for (size_t i = 0; i + 1 < n; i++) {
    lede_entity *e = &E[i], *p = &E[i + 1];
    if ((e->type != LEDE_T_PERSON && e->type != LEDE_T_ORG && e->type != LEDE_T_NORP &&
         e->type != LEDE_T_GPE) ||
        (p->type != LEDE_T_GPE && p->type != LEDE_T_ORG && p->type != LEDE_T_PERSON) ||
        p->span.start != e->span.end + 2 || c->text[e->span.end] != ',' ||
        e->rule >= LEDE_RULE_USER || p->rule >= LEDE_RULE_USER ||
        e->rule == LEDE_RULE_STRUCTURE || p->rule == LEDE_RULE_STRUCTURE)
      continue; /* (a dateline's place and region are the structure's) */
    size_t a, b, x, y;
    lx_tokens_in_from(c, hint, e->span.start, e->span.end, &a, &b);
    hint = a;
    lx_tokens_in(c, p->span.start, p->span.end, &x, &y);
    int caps = b > a && y > x;
    for (size_t k = a; k < b && caps; k++)
      caps = t[k].kind != LX_TK_WORD || (t[k].flags & LX_TF_ALLCAP);
    size_t z = y;
    /* the whole name a place ("MO." of "KANSAS CITY, MO."): kept as it is */
    if (caps && p->type == LEDE_T_GPE && gaz_has(c, x, y, KIND(LX_G_COUNTRY) | KIND(LX_G_STATE))) {
      e->type = LEDE_T_GPE;
      continue;
    }
    for (; caps && z > x; z--) {
      int all = 1;
      for (size_t k = x; k < z && all; k++)
        all = t[k].kind == LX_TK_WORD && (t[k].flags & LX_TF_ALLCAP);
      if (all && gaz_has(c, x, z, KIND(LX_G_COUNTRY) | KIND(LX_G_STATE))) break;
    }
    if (!caps || z == x) continue;
    int words_cut = 0; /* the cut drops a word, not an abbreviation's period */
    for (size_t k = z; k < y; k++) words_cut |= t[k].kind == LX_TK_WORD;
    if (z < y && !words_cut) continue;
    e->type = LEDE_T_GPE;
    p->type = LEDE_T_GPE;
    p->span.end = t[z - 1].end;
  }
}

/* Whether only a list's separators lie between bytes s and e: ", ",
 * " and ", ", and ", " or ", a possessive's "'s" before them. */
static int list_gap(const lx_ctx *c, uint32_t s, uint32_t e) {
  if (e - s > 10) return 0; /* (the longest below: "’s, and ") */
  const char *p = c->text + s, *q = c->text + e;
  if (q - p >= 3 && p[0] == '\'' && p[1] == 's') p += 2;
  else if (q - p >= 5 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
           (unsigned char)p[2] == 0x99 && p[3] == 's')
    p += 4;
  size_t n = (size_t)(q - p);
  return (n == 2 && p[0] == ',' && p[1] == ' ') || (n == 5 && memcmp(p, " and ", 5) == 0) ||
         (n == 6 && memcmp(p, ", and ", 6) == 0) || (n == 4 && memcmp(p, " or ", 4) == 0);
}

/* "clients including Ford, Macy's, Kellogg's, NBC and Fox": in a list of
 * names most of which are organizations, a lone word the tagger made a
 * person is one too (unless a person of the story has that word in a
 * longer name). Each list is read for places too (place_list). Entities
 * sorted by start. */
static int cmp_u32(const void *a, const void *b);

/* The end of the list of entities that begins at E[i]: the next ones as
 * long as a list's separator (list_gap) is all that parts them. */
static size_t list_end(const lx_ctx *c, const lede_entity *E, size_t n, size_t i) {
  size_t j = i + 1;
  while (j < n && E[j].span.start > E[j - 1].span.end &&
         list_gap(c, E[j - 1].span.end, E[j].span.start))
    j++;
  return j;
}

static void place_list(lx_ctx *c, lede_entity *E, size_t i, size_t j);

static void org_lists(lx_ctx *c) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  const lx_token *t = TOKS(c);
  size_t n = in->entities.n, nw = 0;
  uint32_t *words = NULL;
  for (size_t i = 0; i < n;) {
    size_t j = list_end(c, E, n, i);
    /* a name alone is no list (most): neither rule reads it */
    if (j == i + 1) {
      i = j;
      continue;
    }
    size_t orgs = 0, persons = 0;
    for (size_t k = i; k < j; k++) {
      orgs += E[k].type == LEDE_T_ORG;
      persons += E[k].type == LEDE_T_PERSON;
    }
    if (j - i >= 3 && orgs >= 2 && orgs > persons) {
      for (size_t k = i; k < j; k++) {
        if (E[k].type != LEDE_T_PERSON || E[k].rule != LEDE_RULE_TAGGER) continue;
        size_t a, b;
        lx_tokens_in(c, E[k].span.start, E[k].span.end, &a, &b);
        if (b != a + 1) continue;
        /* "Cook" of a "Tim Cook" of the story: the words of the persons
         * of two words or more, sorted (listed once, when first needed) */
        if (!words) {
          words = (uint32_t *)lx_scratch(c, (c->toks.n + 1) * sizeof *words);
          size_t hint = 0;
          for (size_t q = 0; q < n; q++) {
            size_t x, y;
            lx_tokens_in_from(c, hint, E[q].span.start, E[q].span.end, &x, &y);
            hint = x;
            if (E[q].type != LEDE_T_PERSON || y < x + 2) continue;
            for (size_t r = x; r < y; r++) words[nw++] = t[r].hash;
          }
          lx_sort(words, nw, sizeof *words, cmp_u32);
        }
        if (nw && bsearch(&t[a].hash, words, nw, sizeof *words, cmp_u32)) continue;
        E[k].type = LEDE_T_ORG;
        /* "Macy's", "Kellogg's": a store's possessive is its name's */
        if (a + 1 < c->toks.n && (t[a + 1].flags & LX_TF_POSS) && t[a + 1].start == t[a].end &&
            (k + 1 >= n || E[k + 1].span.start >= t[a + 1].end))
          E[k].span.end = t[a + 1].end;
      }
    }
    place_list(c, E, i, j);
    i = j;
  }
}

/* "clashes broke out in Nantes, Rennes and Lyon": in a list after a
 * preposition of place, with a place in it, the tagger's organizations
 * that the gazetteer knows as places are places (a city names its club,
 * not in a list of places). The list is E[i, j) (org_lists' loop). */
static void place_list(lx_ctx *c, lede_entity *E, size_t i, size_t j) {
  static const char *const preps[] = {"in", "from", "near", "across", "between", "of"};
  const lx_token *t = TOKS(c);
  size_t places = 0, orgs = 0;
  for (size_t k = i; k < j; k++) {
    places += E[k].type == LEDE_T_GPE || E[k].type == LEDE_T_LOC;
    orgs += E[k].type == LEDE_T_ORG && E[k].rule == LEDE_RULE_TAGGER;
  }
  if (j - i < 2 || !places || !orgs) return;
  size_t a, b;
  lx_tokens_in(c, E[i].span.start, E[i].span.end, &a, &b);
  if (!(a > 0 && (t[a - 1].flags & LX_TF_LOWER) &&
        in_list(c, &t[a - 1], preps, LX_COUNTOF(preps))))
    return;
  for (size_t k = i; k < j; k++) {
    if (E[k].type != LEDE_T_ORG || E[k].rule != LEDE_RULE_TAGGER) continue;
    lx_tokens_in_from(c, a, E[k].span.start, E[k].span.end, &a, &b);
    const lx_entry *g = b > a ? gaz_exact(c, a, b, PLACE_KINDS) : NULL;
    if (g && !(g->flags & LX_GF_AMB) && !gaz_has(c, a, b, KIND(LX_G_ORG)))
      E[k].type = (uint16_t)type_of_kind(c, g);
  }
}

/* A tagger's name of two web-page words or more and nothing else, or
 * "File" (of "(AP Photo/Jane Roe, File)"): dropped (one word may be a
 * name: "Reading", "Read"). "AP Photo": the agency alone. */
static void drop_page_words(lx_ctx *c) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  const lx_token *t = TOKS(c);
  size_t n = in->entities.n, m = 0, hint = 0;
  for (size_t i = 0; i < n; i++) {
    lede_entity *e = &E[i];
    int keep = 1;
    /* the tagger's, of two words or more (a space in the name), or "File":
     * most are one (the rule asked first: the bytes are read for the
     * tagger's names only) */
    const char *sp = c->text + e->span.start;
    uint32_t len = e->span.end - e->span.start;
    if (e->rule == LEDE_RULE_TAGGER &&
        (memchr(sp, ' ', len) != NULL || (len == 4 && sp[0] == 'F'))) {
      size_t a, b;
      lx_tokens_in_from(c, hint, e->span.start, e->span.end, &a, &b);
      hint = a;
      if (b == a + 1) {
        /* "File" of "(AP Photo/Jane Roe, File)" */
        keep = !(a > 0 && lx_tok_is(c->text, &t[a], "File") && lx_tok_is(c->text, &t[a - 1], ","));
      } else if (b >= a + 2) {
        /* all words of buttons (the first one asked first: most names have none) */
        keep = !word_in(c, &t[a], ui_words);
        for (size_t k = a + 1; k < b && !keep; k++)
          keep = t[k].kind != LX_TK_WORD || !word_in(c, &t[k], ui_words);
        /* "AP Photo", "Reuters Photos": the agency */
        const lx_token *l = &t[b - 1];
        const lx_entry *g;
        if (keep && l->end - l->start >= 5 && (c->text[l->start] | 0x20) == 'p' &&
            (lx_tok_ieq(c->text, l, "photo") || lx_tok_ieq(c->text, l, "photos")) &&
            (g = gaz_exact(c, a, b - 1, KIND(LX_G_AGENCY))) != NULL) {
          e->span.end = t[b - 2].end;
          e->type = LEDE_T_ORG;
          e->canonical = lx_dict_str(GAZ(c), g->canonical);
        }
      }
    }
    if (keep) {
      if (m < i) E[m] = *e; /* (copied only once one was dropped) */
      m++;
    }
  }
  in->entities.n = m;
}

/* Whether h[0, hn) holds the bytes n[0, nn) (nn > 0). */
static int holds_bytes(const char *h, size_t hn, const char *n, size_t nn) {
  for (const char *p = h; hn >= nn && (p = memchr(p, n[0], hn - nn + 1)) != NULL; p++) {
    if (memcmp(p, n, nn) == 0) return 1;
    hn = (size_t)(h + hn - p - 1);
    h = p + 1;
  }
  return 0;
}

/* Whether [s, e) is in the title, or on a line that holds it again (a
 * caption, a related link). */
static int on_title_line(lx_ctx *c, uint32_t s, uint32_t e) {
  lede_span ti = c->doc->title;
  if (s >= ti.start && e <= ti.end) return 1;
  uint32_t ls = s, le = e;
  while (ls > 0 && s - ls < 400 && c->text[ls - 1] != '\n') ls--;
  while (le < c->len && le - e < 400 && c->text[le] != '\n') le++;
  return le - ls >= ti.end - ti.start &&
         holds_bytes(c->text + ls, le - ls, c->text + ti.start, ti.end - ti.start);
}

/* Whether tokens [a, b) and [x, x + b - a) are the same words, case aside. */
static int same_words(const lx_ctx *c, size_t a, size_t b, size_t x) {
  const lx_token *t = TOKS(c);
  for (size_t k = 0; k < b - a; k++)
    if (t[a + k].hash != t[x + k].hash || t[a + k].kind != t[x + k].kind) return 0;
  return 1;
}

enum { TITLE_PLAIN = 0, TITLE_CASE, TITLE_CAPITALS };

/* How the document's title is written, if it is one line: TITLE_CASE,
 * three words of four letters or more all capitalized ("Video Shows
 * Dramatic Rescue of Kidnapped Girl"; words in capitals only, "BREAKING
 * NEWS:", "NASA", and words with digits aside); TITLE_CAPITALS, three words
 * of three letters or more in capitals and no word in lower case ("GULL
 * AIR FILES SUIT AGAINST TEXAS AIR", "SOCCER - LEEDS HOLD CHELSEA");
 * else TITLE_PLAIN. */
static int title_form(lx_ctx *c) {
  lede_span ti = c->doc->title;
  /* a headline is one line (a title of several is rather a table's) */
  if (lx_span_empty(ti) || ti.end - ti.start < 12 ||
      memchr(c->text + ti.start, '\n', ti.end - ti.start))
    return TITLE_PLAIN;
  size_t a, b, caps = 0, upper = 0;
  int title_case = 1, capitals = 1;
  lx_tokens_in(c, ti.start, ti.end, &a, &b);
  const lx_token *t = TOKS(c);
  for (size_t k = a; k < b; k++) {
    if (t[k].kind != LX_TK_WORD) continue;
    if (t[k].nletters >= 4 && !(t[k].flags & (LX_TF_DIGIT | LX_TF_ALLCAP))) {
      if (t[k].flags & LX_TF_CAP) caps++;
      else title_case = 0;
    }
    if ((t[k].flags & LX_TF_LOWER) && t[k].nletters >= 2) capitals = 0;
    upper += (t[k].flags & LX_TF_ALLCAP) && t[k].nletters >= 3;
  }
  return title_case && caps >= 3 ? TITLE_CASE : capitals && upper >= 3 ? TITLE_CAPITALS
                                                                        : TITLE_PLAIN;
}

/* Whether [s, e) is in a title of that form: in title case, on any line
 * that holds the title again (a page's related links); in capitals, in the
 * title itself (a wire story's headline; the lines of every entity are not
 * read). */
static int title_line(lx_ctx *c, int form, uint32_t s, uint32_t e) {
  if (form == TITLE_CASE) return on_title_line(c, s, e);
  return s >= c->doc->title.start && e <= c->doc->title.end;
}

/* Finds the words of tokens [a, b) (a story's name) again in the title's
 * tokens [ta, tb) and names them with type where no entity is; with
 * `replace`, the tagger's names inside them give way (emptied: dropped by
 * the caller, *emptied set): its pieces ("TEXAS" "AIR" of "Texas Air"),
 * or its name of them with another type. Returns whether it named them. */
static int refind_in_title(lx_ctx *c, size_t ta, size_t tb, size_t a, size_t b, int type,
                           int replace, int *emptied) {
  lede_doc_internal *in = c->doc->internal;
  const lx_token *t = TOKS(c);
  for (size_t x = ta; x + (b - a) <= tb; x++) {
    if (!same_words(c, a, b, x)) continue;
    uint32_t p = t[x].start, q = t[x + (b - a) - 1].end;
    int covered = 0, pieces = 0;
    lede_entity *A = (lede_entity *)in->entities.p;
    for (size_t r = 0; r < in->entities.n && !covered; r++) {
      const lede_entity *o = &A[r];
      if (o->span.start >= q || o->span.end <= p || o->span.end == o->span.start) continue;
      if (replace && o->rule == LEDE_RULE_TAGGER && o->span.start >= p && o->span.end <= q &&
          (o->span.end - o->span.start < q - p || o->type != type))
        pieces = 1;
      else
        covered = 1;
    }
    if (covered) continue;
    if (pieces) {
      for (size_t r = 0; r < in->entities.n; r++)
        if (A[r].span.start >= p && A[r].span.end <= q) A[r].span.end = A[r].span.start;
      *emptied = 1;
    }
    lede_entity *ne = add_span_entity(c, lx_span(p, q), type, LEDE_EF_IN_TITLE, LEDE_RULE_LINKING);
    if (ne) ne->cluster = (uint32_t)x; /* its first token (link_tokens) */
    return 1;
  }
  return 0;
}

/* A headline's verbs: "MITCHELL DEFEATS BAILEY", "ROBERTO DURAN FIGHTS". */
static const char *const headline_verbs[] = {
    "beats", "defeats", "wins", "retains", "fights", "signs", "joins", "leads", "takes", "keeps",
    "loses", "quits", "says", "gets", "hits", "faces", "ends", "ousts", "stuns", "tops", "claims",
    "seals", "returns", "edges", "holds", "extends", "rejects", "warns", "urges", "denies", "seeks",
    "plans", "sees", "cuts", "buys", "sells", "resigns", "retires", "upsets", "downs", "routs",
    "halts", "moves", "agrees", "backs", "blames", "calls", "wants"};

/* In capitals, the title's words (tokens [ta, tb)) the story writes in
 * lower case (common words: "FILES", "PLEASED", "NURSERY"), into lowered
 * (32 at most); returns how many. */
static size_t title_words_lowered(const lx_ctx *c, size_t ta, size_t tb, uint32_t *lowered) {
  const lx_token *t = TOKS(c);
  uint32_t words[32];
  uint64_t bits = 0; /* a filter of their hashes: most words are none of them */
  size_t nw = 0, nl = 0;
  for (size_t k = ta; k < tb && nw < 32; k++)
    if (t[k].kind == LX_TK_WORD) {
      words[nw++] = t[k].hash;
      bits |= (uint64_t)1 << (t[k].hash & 63);
    }
  if (!nw) return 0;
  /* (the loop asks the filter alone of most tokens; whether words are left
   * is asked when one is found) */
  for (size_t k = 0, n = c->toks.n; k < n; k++) {
    if (!(bits >> (t[k].hash & 63) & 1) || !(t[k].flags & LX_TF_LOWER) ||
        t[k].kind != LX_TK_WORD || (k >= ta && k < tb))
      continue;
    for (size_t w = 0; w < nw; w++)
      if (words[w] == t[k].hash) {
        lowered[nl++] = words[w];
        words[w] = words[--nw];
        if (!nw) return nl;
        /* the filter of the words left: one found ("to", "of": most are
         * found early) would let its every later token through */
        bits = 0;
        for (size_t v = 0; v < nw; v++) bits |= (uint64_t)1 << (words[v] & 63);
        break;
      }
  }
  return nl;
}

/* "'We Got Her!' Video Shows Dramatic Rescue of Kidnapped Girl": a headline
 * in title case gives every word a capital, and the tagger reads names in
 * it ("Video Shows", "Kidnapped Girl", "Republicans Are Following Trump");
 * one in capitals gives it the same ("AMERICAN NURSERY BUYS FLORIDA
 * NURSERY", "JAPAN FOREIGN MINISTER CALLS OFF TRIP"). Case says nothing
 * there: a name of the tagger in such a line is kept if the gazetteer
 * knows it whole or the story names it outside such a line (case aside);
 * the names the story knows are found in it again, those of two words or
 * more, and in capitals those of one word too ("REAGAN", "TEXAS AIR"),
 * longer ones first. form: TITLE_CASE or TITLE_CAPITALS. */
static void drop_title_case_words(lx_ctx *c, int form) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  size_t n = in->entities.n, m = 0;
  if (form == TITLE_PLAIN) return;
  const lx_token *t = TOKS(c);
  lede_span ti = c->doc->title;
  size_t ta, tb;
  lx_tokens_in(c, ti.start, ti.end, &ta, &tb);
  /* in capitals, the title's words the story writes in lower case (common
   * words: "FILES", "PLEASED", "NURSERY"); the tagger learned headlines in
   * capitals, and a name of it there without one is kept, and so are its
   * organizations and other names ("RUGBY UNION", "TOUR OF NETHERLANDS") */
  uint32_t lowered[32];
  size_t nl = 0;
  /* (looked for when first needed: most titles' names need them not, and
   * the look reads every token of the story) */
  int nl_known = form != TITLE_CAPITALS;
  /* (the entities are in text order: each one's tokens are looked for from
   * the last one's) */
  size_t hint = 0;
  for (size_t i = 0; i < n; i++) {
    lede_entity *e = &E[i];
    int keep = 1;
    if (form == TITLE_CAPITALS && e->type == LEDE_T_PERSON &&
        title_line(c, form, e->span.start, e->span.end)) {
      size_t a, b;
      lx_tokens_in_from(c, hint, e->span.start, e->span.end, &a, &b);
      hint = a;
      for (size_t k = a; k < b; k++)
        if (t[k].kind == LX_TK_WORD && (t[k].flags & LX_TF_ALLCAP) &&
            word_in(c, &t[k], headline_verbs)) {
          if (k == a) {
            e->span.end = e->span.start; /* dropped below */
          } else {
            e->span.end = t[k - 1].end;
            e->canonical = NULL;
          }
          break;
        }
      if (e->span.end == e->span.start) continue;
    }
    /* (in capitals, also a person the patterns read after a title:
     * "FOREIGN MINISTER CALLS OFF TRIP") */
    if ((e->rule == LEDE_RULE_TAGGER || (form == TITLE_CAPITALS && e->type == LEDE_T_PERSON &&
                                         e->rule == LEDE_RULE_PATTERNS)) &&
        title_line(c, form, e->span.start, e->span.end)) {
      size_t a, b;
      lx_tokens_in_from(c, hint, e->span.start, e->span.end, &a, &b);
      hint = a;
      keep = b == a || gaz_has(c, a, b, NAME_KINDS) ||
             (form == TITLE_CAPITALS && e->type != LEDE_T_PERSON && e->type != LEDE_T_GPE &&
              e->type != LEDE_T_LOC);
      if (form == TITLE_CAPITALS && !keep && e->type == LEDE_T_PERSON) {
        /* a person: one of the words is a name the gazetteer knows or
         * one of the story's names has ("POLISH BANKER PLEASED WITH..."
         * names no one) */
        for (size_t k = a; k < b && !keep; k++)
          keep = (tk(c, k) & (KIND(LX_G_GIVEN) | KIND(LX_G_SURNAME) | NAME_KINDS)) != 0;
        for (size_t j = 0; j < n && !keep; j++) {
          size_t x, y;
          if (j == i || E[j].type >= LEDE_T_DATE) continue;
          lx_tokens_in(c, E[j].span.start, E[j].span.end, &x, &y);
          for (size_t q = x; q < y && !keep; q++)
            for (size_t k = a; k < b && !keep; k++) keep = t[q].hash == t[k].hash;
          if (keep && title_line(c, form, E[j].span.start, E[j].span.end)) keep = 0;
        }
      } else if (form == TITLE_CAPITALS && !keep &&
                 (e->type == LEDE_T_GPE || e->type == LEDE_T_LOC)) {
        keep = 1;
        if (!nl_known) {
          nl = title_words_lowered(c, ta, tb, lowered);
          nl_known = 1;
        }
        for (size_t k = a; k < b && keep; k++)
          for (size_t w = 0; w < nl && keep; w++) keep = lowered[w] != t[k].hash;
      }
      /* named in the story, outside a title-case line */
      size_t len = e->span.end - e->span.start;
      for (size_t j = 0; j < n && !keep; j++) {
        size_t x, y;
        /* (the same length first: in capitals or not, the bytes count) */
        if (j == i || E[j].span.end - E[j].span.start != len) continue;
        lx_tokens_in(c, E[j].span.start, E[j].span.end, &x, &y);
        keep = y - x == b - a && same_words(c, a, b, x) &&
               !title_line(c, form, E[j].span.start, E[j].span.end);
      }
    }
    if (keep && m++ != i) E[m - 1] = *e;
  }
  in->entities.n = m;
  if (m == n && form == TITLE_CASE) return;
  int emptied = 0;
  /* the first letters of the title's words (case folded): a name whose
   * first letter is none of them is not looked for; and a filter of its
   * tokens' hashes: a name whose first token is not in the title is not
   * found in it (refind_in_title compares the hashes first) */
  uint32_t letters = 0;
  uint64_t hashes = 0;
  for (size_t k = ta; k < tb; k++) {
    if (t[k].kind == LX_TK_WORD) letters |= 1u << ((c->text[t[k].start] | 0x20) & 31);
    hashes |= (uint64_t)1 << (t[k].hash & 63);
  }
  /* the names of one word the first pass meets, for the second: their
   * spans stay (refind_in_title empties only names in the title, which
   * neither pass reads), and their tokens are not looked for again */
  struct {
    uint32_t j, a;
  } ones[64];
  size_t nones = 0;
  int ones_all = 1; /* no more of them than ones holds */
  for (int pass = 0; pass < (form == TITLE_CAPITALS ? 2 : 1); pass++) {
    hint = 0;
    for (size_t j = 0, q = 0; j < m && in->entities.n < m + 8; j++) {
      E = (lede_entity *)in->entities.p;
      size_t a, b;
      if (pass == 1 && ones_all) {
        if (q == nones) break;
        j = ones[q].j;
        a = ones[q++].a;
        b = a + 1;
      } else {
        lede_span sp = E[j].span;
        if ((E[j].type != LEDE_T_PERSON && E[j].type != LEDE_T_ORG &&
             E[j].type != LEDE_T_GPE) ||
            sp.end == sp.start || sp.end - sp.start > ti.end - ti.start ||
            !(letters >> ((c->text[sp.start] | 0x20) & 31) & 1))
          continue;
        if (sp.start < ti.end && sp.end > ti.start) continue; /* in the title itself */
        lx_tokens_in_from(c, hint, sp.start, sp.end, &a, &b);
        hint = a;
        if (pass == 0 && b == a + 1 && t[a].nletters >= 3) {
          if (nones < LX_COUNTOF(ones)) {
            ones[nones].j = (uint32_t)j;
            ones[nones++].a = (uint32_t)a;
          } else {
            ones_all = 0;
          }
        }
      }
      /* two words or more first, then (in capitals) a word of three
       * letters or more that the story never writes in lower case (not
       * "COFFEE" of a story that has "Coffee" at a sentence's start) */
      if (pass == 0 ? b < a + 2 : b != a + 1 || t[a].nletters < 3) continue;
      if (!(hashes >> (t[a].hash & 63) & 1)) continue;
      /* (a word the title does not hold is not found in it: the title's
       * words in lower case are not looked for, most stories' names) */
      if (pass == 1) {
        size_t x = ta;
        while (x < tb && !(t[x].hash == t[a].hash && t[x].kind == t[a].kind)) x++;
        if (x == tb) continue;
      }
      int common = 0;
      if (pass == 1 && !nl_known) {
        nl = title_words_lowered(c, ta, tb, lowered);
        nl_known = 1;
      }
      for (size_t w = 0; w < nl && pass == 1; w++) common |= lowered[w] == t[a].hash;
      if (common) continue;
      /* a company is named without its legal form too ("TEXAS AIR" of
       * "Texas Air Corp"), if not whole */
      int replace = form == TITLE_CAPITALS && pass == 0;
      if (!refind_in_title(c, ta, tb, a, b, E[j].type, replace, &emptied) && replace &&
          E[j].type == LEDE_T_ORG && b >= a + 3 && legal_form(c, &t[b - 1], 1))
        refind_in_title(c, ta, tb, a, b - 1, E[j].type, replace, &emptied);
    }
  }
  if (emptied) {
    E = (lede_entity *)in->entities.p;
    size_t w = 0;
    for (size_t r = 0; r < in->entities.n; r++)
      if (E[r].span.end > E[r].span.start) E[w++] = E[r];
    in->entities.n = w;
  }
}

/* "Real" after "Real Madrid", "Deportivo" after "Deportivo Coruna": the
 * tagger reads the first word of a club or a firm alone as a person. A
 * one-word person of the tagger that opens an organization of two words
 * or more in the document and is in no longer person's name is that
 * organization (a person is named in full first). Bounded tables: linear. */
static void org_first_words(lx_ctx *c) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  const lx_token *t = TOKS(c);
  size_t n = in->entities.n, no = 0, np = 0;
  uint32_t org[32], per[128];
  /* the entities are in text order: each one's tokens are looked for from
   * the last one's (a search from the document's start cost a gallop over
   * all the tokens before it) */
  size_t hint = 0;
  for (size_t i = 0; i < n && no < LX_COUNTOF(org); i++) {
    if (E[i].type != LEDE_T_ORG) continue;
    size_t a, b;
    lx_tokens_in_from(c, hint, E[i].span.start, E[i].span.end, &a, &b);
    hint = a;
    if (b >= a + 2 && tok_is_cap(&t[a])) org[no++] = t[a].hash;
  }
  if (!no) return;
  /* the words of the longer persons' names, looked for at the first
   * person that opens an organization (most documents have none) */
  int per_known = 0;
  hint = 0;
  for (size_t i = 0; i < n; i++) {
    if (E[i].type != LEDE_T_PERSON || E[i].rule != LEDE_RULE_TAGGER) continue;
    size_t a, b, k;
    lx_tokens_in_from(c, hint, E[i].span.start, E[i].span.end, &a, &b);
    hint = a;
    if (b != a + 1) continue;
    for (k = 0; k < no && org[k] != t[a].hash; k++) {}
    if (k == no) continue;
    /* (the persons of one word turned organizations before this one are
     * none of them) */
    for (size_t j = 0, from = 0; !per_known && j < n && np < LX_COUNTOF(per); j++) {
      if (E[j].type != LEDE_T_PERSON) continue;
      size_t x, y;
      lx_tokens_in_from(c, from, E[j].span.start, E[j].span.end, &x, &y);
      from = x;
      if (y < x + 2) continue;
      for (size_t q = x; q < y && np < LX_COUNTOF(per); q++) per[np++] = t[q].hash;
    }
    per_known = 1;
    for (k = 0; k < np && per[k] != t[a].hash; k++) {}
    if (k < np) continue;
    E[i].type = LEDE_T_ORG;
  }
}

/* "American Motors Corp", "Drexel Burnham Lambert Inc", "Long Island
 * Lighting Co": the tagger cuts a company's name before the words it reads
 * as a nationality, a place or a person, and names the rest, up to the
 * legal form, an organization. A name of capitalized words right before
 * such an organization (one space or a line's end between, in one
 * sentence) is the start of it; not a place's adjective ("Ohio-based
 * Glidden Inc"), a possessive, nor a country written with periods ("talks
 * with U.S. McDonnell Douglas Corp"). Entities are sorted by start; one
 * pass. */
static void legal_names(lx_ctx *c) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  const lx_token *t = TOKS(c);
  size_t n = in->entities.n, m = 0, hint = 0;
  for (size_t i = 0; i < n; i++) {
    const lede_entity *e = &E[i], *o = i + 1 < n ? &E[i + 1] : NULL;
    if (o && o->type == LEDE_T_ORG && o->rule == LEDE_RULE_TAGGER &&
        (e->rule == LEDE_RULE_TAGGER || e->rule == LEDE_RULE_GAZETTEER) &&
        (e->type == LEDE_T_PERSON || e->type == LEDE_T_ORG || e->type == LEDE_T_GPE ||
         e->type == LEDE_T_LOC || e->type == LEDE_T_NORP) &&
        !e->role && e->flags == o->flags && o->span.start == e->span.end + 1 &&
        (c->text[e->span.end] == ' ' || c->text[e->span.end] == '\n') &&
        !(e->type == LEDE_T_GPE &&
          memchr(c->text + e->span.start, '.', e->span.end - e->span.start))) {
      size_t a, b, x, y;
      lx_tokens_in_from(c, hint, e->span.start, e->span.end, &a, &b);
      hint = a;
      lx_tokens_in_from(c, b, o->span.start, o->span.end, &x, &y);
      int ok = b > a && x == b && y > x && !(t[x].flags & (LX_TF_SENT | LX_TF_PARA)) &&
               legal_form(c, &t[y - 1], 1) && !place_based(c, &t[b - 1]);
      for (size_t k = a; ok && k < b; k++)
        ok = t[k].kind == LX_TK_WORD && tok_is_cap(&t[k]) && !(t[k].flags & LX_TF_POSS);
      if (ok) {
        E[i + 1].span.start = e->span.start;
        continue; /* the first part is dropped */
      }
    }
    if (m != i) E[m] = E[i]; /* (copied only once one was dropped) */
    m++;
  }
  in->entities.n = m;
}

/* The head words of courts' and armies' units (ordinals_in_orgs). */
static const char *const unit_heads[] = {
    "circuit", "congress", "division", "fleet", "army", "corps", "brigade", "regiment",
    "battalion", "airborne", "infantry", "squadron", "precinct", "district", "cavalry"};

/* "the 9th U.S. Circuit Court of Appeals", "the 118th Congress", "the
 * 82nd Airborne Division": an ordinal in figures right before an
 * organization the built-in recognizers found (or a name the tagger found
 * whose head is a court's or an army's unit) is part of its name.
 * Entities are sorted by start; one pass. */
static void ordinals_in_orgs(lx_ctx *c) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  size_t n = in->entities.n, m = 0;
  for (size_t i = 0; i < n; i++) {
    /* the tagger may call "Circuit" of "the 9th Circuit" or "Airborne
     * Division" a miscellaneous name: its head word says organization */
    if (i + 1 < n && E[i].type == LEDE_T_ORDINAL && E[i + 1].type == LEDE_T_NORP &&
        E[i + 1].rule == LEDE_RULE_TAGGER && E[i + 1].span.start == E[i].span.end + 1) {
      size_t a, b;
      lx_tokens_in(c, E[i + 1].span.start, E[i + 1].span.end, &a, &b);
      if (b > a && word_in(c, &TOKS(c)[b - 1], unit_heads))
        E[i + 1].type = LEDE_T_ORG;
    }
    if (i + 1 < n && E[i].type == LEDE_T_ORDINAL && E[i].rule == LEDE_RULE_NUMEX &&
        E[i + 1].type == LEDE_T_ORG && E[i + 1].rule >= LEDE_RULE_TAGGER &&
        E[i + 1].rule <= LEDE_RULE_PATTERNS && E[i + 1].span.start == E[i].span.end + 1 &&
        c->text[E[i].span.end] == ' ' && E[i].span.end > E[i].span.start &&
        c->text[E[i].span.start] >= '0' && c->text[E[i].span.start] <= '9' &&
        c->text[E[i + 1].span.start] >= 'A' && c->text[E[i + 1].span.start] <= 'Z') {
      E[i + 1].span.start = E[i].span.start;
      continue; /* the ordinal is dropped */
    }
    if (m != i) E[m] = E[i]; /* (copied only once one was dropped) */
    m++;
  }
  in->entities.n = m;
}

/* Function words of English, and of the other languages of Latin script
 * most often met in news (German, French, Spanish, Portuguese, Italian,
 * Dutch), none of them a word of the other group. */
static const char *const english_words[] = {"the", "of", "and", "to", "in", "is", "that",
                                            "for", "with", "was", "on", "it", "he", "by"};
static const char *const other_words[] = {
    "der", "die", "und", "das", "ist", "nicht", "mit", "sich", "les", "des", "et", "est",
    "une", "dans", "pour", "pas", "el", "los", "las", "y", "que", "del", "por", "una",
    "em", "os", "um", "uma", "com", "il", "di", "che", "della", "het", "een", "van"};

/* langs holds the words of both groups, flag 1 for English's and 2 for the
 * other languages' (a word of both is English's, which other_language asked
 * first), at one slot in eight taken at most: other_language looks for each
 * short word in lower case once. other is the other languages' words alone
 * (fix_tagger_spans). */
int lx_language_words_build(const lede_allocator *a, lx_hashflags *langs, lx_hashset *other) {
  const size_t ne = LX_COUNTOF(english_words), n = ne + LX_COUNTOF(other_words);
  if (!lx_hashflags_init(a, langs, n)) return 0;
  for (size_t i = 0; i < n; i++) {
    const char *w = i < ne ? english_words[i] : other_words[i - ne];
    uint32_t h = lx_hash_lower(w, strlen(w));
    lx_hashflags_add(langs, h ? h : 1, i < ne ? 1u : 2u);
  }
  return lx_hashset_build(a, other, other_words, LX_COUNTOF(other_words));
}

/* Whether the text is not in English, by its first 4,000 words: most of
 * them in another script (Cyrillic, Greek, Hebrew, Arabic, Indic, CJK,
 * Hangul: UTF-8 lead bytes CE..DF and E0..ED but E2, the punctuation's),
 * or more function words of other languages than of English (twenty at
 * least: a table of scores has neither). The tagger learned English,
 * where a capital marks a name; elsewhere it takes capitalized words of
 * every kind (every German noun) for names. */
static int other_language(const lx_ctx *c) {
  const lx_token *t = TOKS(c);
  /* the words of both groups in one table, flagged by group
   * (lx_language_words_build; the engine has it, never empty) */
  const uint64_t *slots = c->eng->langs.slots;
  const size_t mask = c->eng->langs.cap - 1;
  size_t latin = 0, other = 0, words = 0, en = 0, xx = 0;
  for (size_t i = 0, n = c->toks.n; i < n; i++) {
    if (t[i].kind != LX_TK_WORD) continue;
    if (words++ == 4000) break;
    /* (a word of ASCII bytes alone, most, begins with one: the text is not
     * read; a possessive's "'s" may begin with U+2019 and not say so) */
    unsigned char b = t[i].flags & (LX_TF_NONASCII | LX_TF_POSS)
                          ? (unsigned char)c->text[t[i].start]
                          : 0;
    if (b < 0x80) {
      latin++;
      if (!(t[i].flags & LX_TF_LOWER) || t[i].end - t[i].start > 5) continue;
      uint32_t h = t[i].hash ? t[i].hash : 1;
      size_t j = h & mask;
      while (slots[j] && (uint32_t)slots[j] != h) j = (j + 1) & mask;
      if (!slots[j]) continue;
      if (slots[j] >> 32 & 1) {
        if (++en >= 40 && en > 2 * xx) return 0; /* English, plainly */
        /* or English whatever the r tokens left are: they could make no
         * more words of another script than the Latin ones now, nor of
         * the other languages' words twenty and more than English's */
        size_t r = n - 1 - i;
        if (other + r <= latin && (xx + r < 20 || xx + r <= en)) return 0;
      } else {
        xx++;
      }
    } else if ((b >= 0xCE && b <= 0xDF) || (b >= 0xE0 && b <= 0xED && b != 0xE2)) {
      other++;
    }
  }
  if (other > latin) return 1;
  return xx >= 20 && xx > en;
}

/* The tokens [*t0, *t1) of paragraph pi. Three stages walk the paragraphs
 * (entities, names propagated, quotes): their tokens are looked for once,
 * at the first call, into c->ptoks. */
static void para_tokens(lx_ctx *c, size_t pi, size_t *t0, size_t *t1) {
  const lede_doc_internal *in = c->doc->internal;
  size_t np = in->paragraphs.n;
  if (c->ptoks.n != np) {
    if (!lx_vec_reserve(c->alloc, &c->ptoks, 2 * sizeof(uint32_t), np))
      lx_fail(c, LEDE_ENOMEM, "out of memory");
    const lede_span *P = (const lede_span *)in->paragraphs.p;
    uint32_t *r = (uint32_t *)c->ptoks.p;
    size_t a = 0, b = 0;
    for (size_t i = 0; i < np; i++) {
      lx_tokens_in_from(c, b, P[i].start, P[i].end, &a, &b);
      r[2 * i] = (uint32_t)a;
      r[2 * i + 1] = (uint32_t)b;
    }
    c->ptoks.n = np;
  }
  const uint32_t *r = (const uint32_t *)c->ptoks.p + 2 * pi;
  *t0 = r[0];
  *t1 = r[1];
}

/* The country of the dateline's place, from the gazetteer ("BUENOS AIRES"
 * AR, "Rochester, N.Y." by its state): a story's "pesos" are its country's. */
static void story_country(const lx_ctx *c, char cc[3]) {
  cc[0] = 0;
  const char *loc = c->doc->dateline.location_norm;
  if (!loc) return;
  for (int part = 0; part < 2 && *loc; part++) {
    size_t n = 0;
    while (loc[n] && loc[n] != ',') n++;
    const lx_entry *e = lx_dict_find(GAZ(c), loc, n);
    for (; e; e = lx_entry_next(GAZ(c), e)) {
      size_t vn;
      const char *v = lx_entry_attr(GAZ(c), e, "cc", &vn);
      if (v && vn == 2) {
        memcpy(cc, v, 2);
        cc[2] = 0;
        return;
      }
    }
    loc += n;
    while (*loc == ',' || *loc == ' ') loc++;
  }
}

void lx_entities(lx_ctx *c) {
  lede_doc *d = c->doc;
  c->other_language = other_language(c);
  lede_doc_internal *in = d->internal;
  lx_ner_in ni;
  memset(&ni, 0, sizeof ni);
  ni.text = c->text;
  ni.toks = TOKS(c);
  ni.ntoks = c->toks.n;
  ni.gaz = GAZ(c);
  ni.alloc = c->alloc;
  ni.ref = c->ref;
  ni.has_ref = c->has_ref;
  story_country(c, ni.cc);
  c->tkinds.n = 0;
  /* room for the entities made once for most documents (about one in ten
   * tokens in news; CoNLL's one in five grow once), where doubling from 16
   * cost a copying realloc or more a document; no more than 8,192 ahead
   * (576 KiB), so a long input with few names does not hold memory it
   * never uses: past that the vector doubles as before */
  size_t want = LX_MIN(LX_MIN(c->toks.n / 8 + 16, (size_t)8192),
                       (size_t)c->eng->limits.max_entities + 1);
  if (!lx_vec_reserve(c->alloc, &in->entities, sizeof(lede_entity), want))
    lx_fail(c, LEDE_ENOMEM, "out of memory");
  size_t t0 = 0, t1 = 0;
  /* the title first, unless it is in title case: then its capitals say
   * nothing, and the tagger, which remembers how it tagged a word, reads
   * the story before it ("Republicans Are Following Trump to Nowhere"
   * would make Trump an organization of the story) */
  int form = title_form(c), title_last = form == TITLE_CASE;
  if (!lx_span_empty(d->title) && !title_last) {
    lx_tokens_in(c, d->title.start, d->title.end, &t0, &t1);
    recognize(c, &ni, t0, t1, LEDE_EF_IN_TITLE);
  }
  /* the dateline: its place, date and agency */
  const lede_dateline *dl = &d->dateline;
  if (!lx_span_empty(dl->location)) {
    /* "ROCHESTER, N.Y.": the place and its region are two places */
    lede_span place = dl->location, region = lx_no_span;
    for (uint32_t b = place.start; b + 1 < place.end; b++) {
      if (c->text[b] == ',') {
        uint32_t r = b + 1;
        while (r < place.end && (c->text[r] == ' ' || c->text[r] == '\t')) r++;
        if (r < place.end) region = lx_span(r, place.end);
        place.end = b;
        break;
      }
    }
    lede_entity *e =
        add_span_entity(c, place, LEDE_T_GPE, LEDE_EF_IN_DATELINE, LEDE_RULE_STRUCTURE);
    if (e && dl->location_norm && lx_span_empty(region)) e->canonical = dl->location_norm;
    if (!lx_span_empty(region))
      add_span_entity(c, region, LEDE_T_GPE, LEDE_EF_IN_DATELINE, LEDE_RULE_STRUCTURE);
  }
  if (!lx_span_empty(dl->date)) {
    lede_entity *e = add_span_entity(c, dl->date, LEDE_T_DATE, LEDE_EF_IN_DATELINE,
                                     LEDE_RULE_STRUCTURE);
    if (e && dl->date_iso) {
      e->value_kind = LEDE_V_STRING;
      e->str = dl->date_iso;
    }
  }
  if (!lx_span_empty(dl->agency)) {
    lede_entity *e = add_span_entity(c, dl->agency, LEDE_T_ORG, LEDE_EF_IN_DATELINE,
                                     LEDE_RULE_STRUCTURE);
    if (e && dl->agency_norm) e->canonical = dl->agency_norm;
  }
  /* the authors */
  for (size_t i = 0; i < in->byline.n; i++) {
    lede_entity *e = add_span_entity(c, ((lede_span *)in->byline.p)[i], LEDE_T_PERSON,
                                     LEDE_EF_IN_BYLINE, LEDE_RULE_STRUCTURE);
    if (e) {
      e->role = "author";
      e->role_span = d->byline_span;
    }
  }
  /* and the agency they write for and where: "By Jane Roe, Associated
   * Press", "By Hannah Oduya, BBC News, Norwich", "By Ellie Marchant in
   * Sydney" */
  if (!lx_span_empty(d->byline_span)) {
    size_t a, b;
    lx_tokens_in(c, d->byline_span.start, d->byline_span.end, &a, &b);
    const lede_span *N = (const lede_span *)in->byline.p;
    const lx_token *t = TOKS(c);
    for (size_t i = a, k = 0; i < b; i++) {
      const lx_entry *g = NULL, *x;
      size_t n = tk_may_start(c, i) ? lx_dict_longest(GAZ(c), c->text, t, b, i, &g) : 0;
      /* the outlet after a comma, no author's ("By Jess Harlow, Riverton
       * Gazette") */
      if (i > a && lx_tok_is(c->text, &t[i - 1], ",") && tok_is_cap(&t[i])) {
        size_t e = i;
        while (e < b && e - i < 4 && t[e].kind == LX_TK_WORD && tok_is_cap(&t[e])) e++;
        while (k < in->byline.n && N[k].end <= t[i].start) k++;
        int named = k < in->byline.n && N[k].start < t[e - 1].end;
        if (!named && (e == b || !tok_is_word(&t[e])) &&
            lx_byline_outlet(GAZ(c), c->text, &t[i], e - i) &&
            !(n == e - i && (lx_entry_of_kind(GAZ(c), g, LX_G_CITY) ||
                             lx_entry_of_kind(GAZ(c), g, LX_G_COUNTRY) ||
                             lx_entry_of_kind(GAZ(c), g, LX_G_STATE) ||
                             lx_entry_of_kind(GAZ(c), g, LX_G_AGENCY)))) {
          add_span_entity(c, lx_span(t[i].start, t[e - 1].end), LEDE_T_ORG, LEDE_EF_IN_BYLINE,
                          LEDE_RULE_STRUCTURE);
          i = e - 1;
          continue;
        }
      }
      if (!n) continue;
      int type = 0, news = 0;
      if ((x = lx_entry_of_kind(GAZ(c), g, LX_G_AGENCY)) != NULL) {
        type = LEDE_T_ORG;
        news = i + n < b && lx_tok_is(c->text, &t[i + n], "News"); /* "BBC News" */
        n += (size_t)news;
      } else if ((x = lx_entry_of_kind(GAZ(c), g, LX_G_CITY)) != NULL ||
                 (x = lx_entry_of_kind(GAZ(c), g, LX_G_COUNTRY)) != NULL ||
                 (x = lx_entry_of_kind(GAZ(c), g, LX_G_STATE)) != NULL) {
        type = LEDE_T_GPE;
      }
      if (!type || !tok_is_cap(&t[i])) continue;
      /* a place alone, not the start of another name ("NJ Advance Media",
       * "Cleveland.com") */
      if (type == LEDE_T_GPE && i + n < b &&
          (t[i + n].start == t[i + n - 1].end || tok_is_cap(&t[i + n])))
        continue;
      while (k < in->byline.n && N[k].end <= t[i].start) k++;
      if (k < in->byline.n && N[k].start < t[i + n - 1].end) continue; /* in a name */
      lede_entity *e = add_span_entity(c, lx_span(t[i].start, t[i + n - 1].end), type,
                                       LEDE_EF_IN_BYLINE, LEDE_RULE_STRUCTURE);
      if (e && !news) e->canonical = lx_dict_str(GAZ(c), x->canonical);
      i += n - 1;
    }
  }
  /* paragraphs and captions interleave in the text: walk both in order */
  const lede_span *P = (const lede_span *)in->paragraphs.p;
  const lede_caption *C = (const lede_caption *)in->captions.p;
  size_t ip = 0, ic = 0;
  while (ip < in->paragraphs.n || ic < in->captions.n) {
    int take_p = ic >= in->captions.n ||
                 (ip < in->paragraphs.n && P[ip].start < C[ic].span.start);
    if (take_p) {
      para_tokens(c, ip++, &t0, &t1);
    } else {
      lede_span s = C[ic++].span;
      lx_tokens_in_from(c, t1, s.start, s.end, &t0, &t1);
    }
    recognize(c, &ni, t0, t1, take_p ? 0 : LEDE_EF_IN_CAPTION);
  }
  /* a wire story's sign-off, a credit line: "(Reporting by Helen Zhao in
   * New York; Editing by Martin Kearney)" names its reporters and editors
   * (signoff_at); other credit lines (a photo agency's) name none here */
  for (size_t q = 0; q < in->boilerplate.n; q++) {
    const lede_block *bl = (const lede_block *)in->boilerplate.p + q;
    if (bl->kind != LEDE_B_CREDIT || bl->span.end - bl->span.start < 16) continue;
    lx_tokens_in(c, bl->span.start, bl->span.end, &t0, &t1);
    int signoff = 0;
    for (size_t j = t0 + 2; j < t1 && !signoff; j++) signoff = signoff_by(c, j);
    if (signoff) recognize(c, &ni, t0, t1, 0);
  }
  if (title_last) {
    lx_tokens_in(c, d->title.start, d->title.end, &t0, &t1);
    recognize(c, &ni, t0, t1, LEDE_EF_IN_TITLE);
  }
  if (!lx_span_empty(d->title)) drop_lone_title_word(c);
  drop_title_case_words(c, form);
  drop_page_words(c);
  if (in->entities.n > 1)
    lx_sort(in->entities.p, in->entities.n, sizeof(lede_entity), cmp_entity);
  capital_datelines(c);
  org_lists(c);
  ordinals_in_orgs(c);
  legal_names(c);
  org_first_words(c);
}

/* ---- linking ------------------------------------------------------------------------- */

typedef struct cluster {
  uint16_t type;
  uint32_t first;        /* entity index of the mention naming it best */
  const char *canonical;
  size_t canon_len;
  const char *copy;      /* the canonical name copied for the mentions, once */
  uint32_t ntok;         /* tokens of the canonical name (persons) */
  const char *role;
  lede_span role_span;
} cluster;

static uint32_t span_hash_lower(const char *s, size_t n, int type) {
  uint32_t h = lx_hash_lower(s, n);
  return lx_hash_combine(h, (uint32_t)type);
}

/* Text of an entity without a leading "the" or a trailing possessive. */
static void core_text(const lx_ctx *c, const lede_entity *e, const char **s, size_t *n) {
  const char *p = c->text + e->span.start;
  size_t len = e->span.end - e->span.start;
  if (len > 4 && (memcmp(p, "the ", 4) == 0 || memcmp(p, "The ", 4) == 0)) {
    p += 4;
    len -= 4;
  }
  *s = p;
  *n = len;
}

/* The entity's tokens. Entities are mostly asked for in text order: the
 * search starts from the last one's (a memo in the context, written
 * through the const pointer; a hint past the entity is dropped). */
static void ent_tokens(const lx_ctx *c, const lede_entity *e, size_t *t0, size_t *t1) {
  lx_tokens_in_from(c, c->tok_hint, e->span.start, e->span.end, t0, t1);
  ((lx_ctx *)c)->tok_hint = *t0;
}

/* lx_hash_lower of text[s, e): when that is exactly a word or a number at
 * token a, its token's hash (the tokenizer keys words and numbers by
 * lx_hash_lower of their bytes, eight at a time), without hashing again. */
static uint32_t text_hash(const lx_ctx *c, size_t a, uint32_t s, uint32_t e) {
  const lx_token *t = TOKS(c) + a;
  if (a < c->toks.n && t->start == s && t->end == e &&
      (t->kind == LX_TK_WORD || t->kind == LX_TK_NUM))
    return t->hash;
  return lx_hash_lower(c->text + s, e - s);
}

/* text_hash of tokens [a, b), b > a, of a mention: h when has (the hash of
 * the mention's text, known) and they span its text. */
static inline uint32_t tokens_hash(const lx_ctx *c, const lede_entity *e, size_t a, size_t b,
                                   int has, uint32_t h) {
  const lx_token *t = TOKS(c);
  if (has && t[a].start == e->span.start && t[b - 1].end == e->span.end) return h;
  return text_hash(c, a, t[a].start, t[b - 1].end);
}

/* While linking, an entity's cluster field (written only at its end) holds
 * its first token: the first starting at or after its start, found once by
 * one walk over the tokens (first_tokens) or known where a mention is
 * added, and kept through the sorts. Its tokens are then that one and those
 * that follow it inside the span (as lx_tokens_in_from finds them), without
 * a search per pass. */
static inline void link_tokens(const lx_ctx *c, const lede_entity *e, size_t *t0,
                               size_t *t1) {
  const lx_token *t = TOKS(c);
  size_t n = c->toks.n, a = e->cluster, b = a;
  uint32_t end = e->span.end;
  /* tokens end in increasing order: those of the span are the first of
   * t[a, a + 3) that end within it, counted without a branch (the loop's
   * exit after one, two or three tokens was mispredicted about one call in
   * four); a longer name is walked on. (inline: GCC calls it otherwise) */
  if (a + 3 < n) {
    b = a + (t[a].end <= end) + (t[a + 1].end <= end) + (t[a + 2].end <= end);
    if (b < a + 3) {
      *t0 = a;
      *t1 = b;
      return;
    }
  }
  while (b < n && t[b].end <= end) b++;
  *t0 = a;
  *t1 = b;
}

static int desc_head_of(const lx_ctx *c, const lx_token *t);
static int quote_mark(const lx_ctx *c, size_t j);

/* hyphen_particle, its test of the token's flags first (few names hold a
 * hyphen: the call is spared for the others). */
static inline size_t particle_of(const lx_ctx *c, const lx_token *t) {
  return (t->flags & LX_TF_HYPHEN) ? hyphen_particle(c, t) : 0;
}

/* Whether a word of a role's looks like a verb: "-ed", "-ing", and with s
 * a first word in "-s" ("argued at trial", "runs the race"). */
static int verb_form(const lx_ctx *c, const lx_token *t, int s) {
  const char *w = c->text + t->start;
  size_t n = t->end - t->start;
  return n > 3 && ((w[n - 2] == 'e' && w[n - 1] == 'd') ||
                   (n > 4 && w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g') ||
                   (s && w[n - 1] == 's'));
}

/* Adjectives in -ed that qualify a trade ("retired mail carrier"). */
static const char *const ed_adjectives[] = {
    "retired", "registered", "licensed", "certified", "qualified", "trained", "disgraced",
    "acclaimed", "celebrated", "renowned", "exiled", "jailed", "detained", "ousted"};

/* Whether a word ends in "-ing" ("mining", "bargaining"). */
static int ing_form(const lx_ctx *c, const lx_token *t) {
  const char *w = c->text + t->start;
  size_t n = t->end - t->start;
  return n > 4 && w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g';
}

/* Whether a participle's clause opens at token k (before end): "making
 * her debut" after "a stage actress". */
static int participle_clause(const lx_ctx *c, size_t k, size_t end) {
  const lx_token *t = TOKS(c);
  return k + 1 < end && ing_form(c, &t[k]) && role_det(c, &t[k + 1]);
}

/* Words that open no role after a name and its comma: a clause ("who
 * led", "said"), an adverb. */
static const char *const not_roles[] = {
    "who", "whose", "which", "that", "where", "when", "said", "says", "told", "added",
    "speaking", "according", "however", "meanwhile", "too", "also", "now", "then", "though",
    "and", "or", "but", "is", "was", "has", "had", "will", "would", "not", "in", "on", "at",
    "for", "with", "from", "to", "by", "as", "after", "before", "during", "while", "if",
    "based", "ago", "last", "next", "this", "one", "two", "three", "four", "five", "were",
    "are", "have", "be", "been", "being", "can", "could", "should", "may", "might", "must",
    "did", "does", "do", "already", "still", "just", "near", "outside", "inside", "across",
    "along", "around", "behind", "beyond", "within", "without", "under", "over", "into",
    "through", "among", "between", "toward", "towards", "against", "despite", "via", "like",
    "unlike", "about", "above", "below", "beside", "upon", "amid", "of"};

/* Whether a word in lower case after a name is its verb or a function word
 * ("American Savings said", "Rouge Steel reported"), not a noun the name
 * qualifies ("Global Oil prices"). */
static int verb_after_name(const lx_ctx *c, const lx_token *t) {
  return is_cue(c, t) || verb_form(c, t, 0) || word_in(c, t, not_roles);
}
/* Words that end a role's apposition before its comma: a relative clause,
 * a second role, a place ("analyst at Marlin Ridge Capital in New York",
 * "retired mail carrier from the city's southwest side"). */
static const char *const role_ends[] = {"who", "whose", "which", "that", "where", "based",
                                        "said", "says", "told"};
static const char *const role_links[] = {"and", "in", "from", "on", "near", "outside"};

/* Whether the role's apposition ends before token k (its comma at q): at a
 * relative clause or a verb, at "and" before a determiner ("and the bill's
 * chief sponsor"; not "president and chief executive", "Stanley and Co"),
 * at a preposition before a word in lower case or before a place that runs
 * to the comma ("in New York,"; not "Cooperation in Europe (OSCE)"). */
static int role_ends_at(const lx_ctx *c, size_t j, size_t k, size_t q) {
  static const char *const dets[] = {"the", "a", "an", "his", "her", "its", "their"};
  const lx_token *t = TOKS(c);
  if (in_list(c, &t[k], role_ends, LX_COUNTOF(role_ends))) return 1;
  /* a participle's clause ("a stage actress making her debut"), a time
   * ("president for the past 31 years", "chairman since 2019") and a
   * body's acronym in brackets ("spokesman for the National Disaster
   * Mitigation Agency (BNPB)") are no part of it */
  if (k > j && participle_clause(c, k, q)) return 1;
  if (k > j && k + 2 < q && lx_tok_ieq(c->text, &t[k], "for") &&
      lx_tok_ieq(c->text, &t[k + 1], "the") &&
      (lx_tok_ieq(c->text, &t[k + 2], "past") || lx_tok_ieq(c->text, &t[k + 2], "last")))
    return 1;
  if (k > j && lx_tok_ieq(c->text, &t[k], "since")) return 1;
  /* ("a docker for 41 years", "head chef at the time") */
  if (k > j && k + 1 < q && lx_tok_ieq(c->text, &t[k], "for") &&
      (t[k + 1].kind == LX_TK_NUM || lx_tok_ieq(c->text, &t[k + 1], "decades") ||
       lx_tok_ieq(c->text, &t[k + 1], "years") || lx_tok_ieq(c->text, &t[k + 1], "more")))
    return 1;
  if (k > j && k + 2 < q && lx_tok_ieq(c->text, &t[k], "at") &&
      lx_tok_ieq(c->text, &t[k + 1], "the") && lx_tok_ieq(c->text, &t[k + 2], "time"))
    return 1;
  if (k > j && k + 2 < q && tok_ch(c, &t[k], '(') && (t[k + 1].flags & LX_TF_ALLCAP) &&
      tok_ch(c, &t[k + 2], ')'))
    return 1;
  /* "at the plant" after the body's name: "bargaining chairman for the
   * United Auto Workers at the plant" */
  if (lx_tok_ieq(c->text, &t[k], "at") && k + 1 < q && k > j + 1 && tok_is_cap(&t[k - 1]) &&
      !(t[k - 1].flags & LX_TF_SENT)) {
    /* (words in lower case to the end or a place: not "at the State
     * Department") */
    size_t r = k + 1;
    while (r < q && (t[r].flags & LX_TF_LOWER) &&
           !(r > k + 1 && in_list(c, &t[r], role_links, LX_COUNTOF(role_links))))
      r++;
    if (r == q || (t[r].flags & LX_TF_LOWER)) return 1;
  }
  if (!in_list(c, &t[k], role_links, LX_COUNTOF(role_links)) || k + 1 >= q) return 0;
  if (lx_tok_ieq(c->text, &t[k], "and")) return in_list(c, &t[k + 1], dets, LX_COUNTOF(dets));
  if (t[k + 1].flags & LX_TF_LOWER) return 1;
  /* a place of one to three words, then the end or a relative clause:
   * one the gazetteer knows, or capitalized words of no body's name
   * ("history teacher from Creteil", "tailor in Surulere") */
  for (size_t p = k + 2; p <= q && p <= k + 4; p++) {
    if (!(p == q || in_list(c, &t[p], role_ends, LX_COUNTOF(role_ends)))) continue;
    if (gaz_has(c, k + 1, p, PLACE_KINDS)) return 1;
    int place = 1;
    for (size_t r = k + 1; r < p && place; r++)
      place = name_word(c, &t[r]) && !(t[r].flags & LX_TF_ALLCAP) && !org_end_word(c, &t[r]) &&
              !word_in(c, &t[r], company_words) &&
              !word_in(c, &t[r], industry_words);
    return place;
  }
  return 0;
}
/* Words that qualify no title before it: prepositions, verbs a title's
 * holder is the object of ("without key midfielder", "beat world
 * champion", "police detains dissident"). */
static const char *const not_qualifiers[] = {
    "without", "past", "against", "beat", "beats", "over", "under", "than", "via", "into",
    "about", "behind", "beyond", "like", "unlike", "toward", "towards", "around", "between",
    "among", "versus", "including", "despite", "named", "appointed", "called", "meet", "meets",
    "met", "face", "faces", "faced", "hired", "fired", "sacked", "detains", "arrests", "new",
    "old"};
/* Words after a role's head noun that take its organization or place:
 * "analyst at Drummond Lyle", "critic for the Chicago Ledger". */
static const char *const role_preps[] = {"at", "of", "for", "with", "in", "from", "on"};

/* 1 if a token is an article that may open a role ("a", "an", "the"), 2 if
 * a possessive or "one" ("his lawyer", "its editor", "One board member"),
 * which the role does not hold, else 0. */
static int role_det(const lx_ctx *c, const lx_token *t) {
  static const char *const poss[] = {"his", "her", "its", "their", "one"};
  if (lx_tok_ieq(c->text, t, "the") || lx_tok_ieq(c->text, t, "a") || lx_tok_ieq(c->text, t, "an"))
    return 1;
  return in_list(c, t, poss, LX_COUNTOF(poss)) ? 2 : 0;
}

/* The length of a role in common words at j, after a name's comma and its
 * article if any ("a cardiologist at Massachusetts General Hospital",
 * "film critic for the Chicago Ledger", "the owner"): one to four words in
 * lower case, the last the head noun, then the comma or period that ends
 * the apposition, or a preposition (which an article before may also
 * do without); 0 if none. */
static size_t common_role(const lx_ctx *c, size_t j, size_t lim, int article) {
  const lx_token *t = TOKS(c);
  size_t k = j;
  int clause = 0; /* a participle's clause ends it: "a stage actress making her debut" */
  while (k < lim && k - j < 4 && t[k].kind == LX_TK_WORD && (t[k].flags & LX_TF_LOWER) &&
         !(t[k].flags & LX_TF_SENT) && !word_in(c, &t[k], not_roles) &&
         !(k > j && in_list(c, &t[k], role_preps, LX_COUNTOF(role_preps)))) {
    if (k > j && participle_clause(c, k, lim)) {
      clause = 1;
      break;
    }
    /* a verb opens no trade ("Smith, speaking for the board"); after an
     * article or the first word it qualifies one ("a retired firefighter",
     * "senior locust forecasting officer") */
    if ((k == j && !article) && verb_form(c, &t[k], 1) &&
        !(k + 1 < lim &&
          (ing_form(c, &t[k]) || !verb_form(c, &t[k], 0) || /* not "-ed" but these: */
           in_list(c, &t[k], ed_adjectives, LX_COUNTOF(ed_adjectives))) &&
          t[k + 1].kind == LX_TK_WORD &&
          (t[k + 1].flags & LX_TF_LOWER) &&
          !verb_form(c, &t[k + 1], 0) && !role_det(c, &t[k + 1]) &&
          !word_in(c, &t[k + 1], not_roles) &&
          !in_list(c, &t[k + 1], role_preps, LX_COUNTOF(role_preps))))
      return 0; /* (but "mining analyst at ...", "telecoms analyst at ...") */
    k++;
  }
  if (k == j || k >= lim) return 0;
  if (verb_form(c, &t[k - 1], 0)) return 0; /* the head is a noun */
  /* and no adverb of a verb ("drove up from Baltimore"); without an
   * article no verb in the past opens it ("Kaplan, drove", "Lee, won") */
  static const char *const particles[] = {"up",   "down",     "out",  "off",
                                          "back", "away",     "home", "together",
                                          "ahead"}; /* (over, around, along: not_roles) */
  static const char *const pasts[] = {
      "drove", "went", "came", "took", "gave", "left", "ran", "made", "began", "won", "lost",
      "saw", "got", "sat", "stood", "held", "kept", "brought", "bought", "thought", "found",
      "fell", "rose", "led", "met", "paid", "sent", "spent", "spoke", "wrote", "became", "flew",
      "grew", "knew", "threw", "wore", "broke", "chose", "drew", "ate", "hid", "rode", "sang"};
  if (in_list(c, &t[k - 1], particles, LX_COUNTOF(particles)) ||
      (!article && in_list(c, &t[j], pasts, LX_COUNTOF(pasts))))
    return 0;
  /* a kind of body ("an environmental group", "a technology blog") is
   * said of an organization */
  static const char *const bodies[] = {
      "blog",       "website",      "site",        "startup",    "charity",   "chain",
      "outlet",     "publication",  "maker",       "operator",   "daily",     "weekly",
      "tabloid",    "broadsheet",   "subsidiary",  "unit",       "affiliate", "division",
      "enterprise", "conglomerate", "manufacturer", "producer",  "retailer",  "exporter",
      "importer",   "distributor",  "insurer",     "lender",     "brokerage", "concern"};
  if (desc_head_of(c, &t[k - 1]) || in_list(c, &t[k - 1], bodies, LX_COUNTOF(bodies))) return 0;
  if (in_list(c, &t[k], role_preps, LX_COUNTOF(role_preps))) return k - j;
  if (article && (clause || tok_ch(c, &t[k], ',') || tok_ch(c, &t[k], '.') ||
                  in_list(c, &t[k], role_ends, LX_COUNTOF(role_ends))))
    return k - j;
  return 0;
}

/* The length of the head of a role at j (after its article if any): a
 * title ("secretary of state"), a place's or a body's name and a title or a
 * trade ("U.S. envoy", "the Castlebridge chairman", "a Red Cross
 * volunteer"), or a trade in common words (common_role); 0 if none. */
static size_t role_head(const lx_ctx *c, size_t j, size_t lim, int article) {
  const lx_token *t = TOKS(c);
  size_t tl = title_at(c, j, lim, NULL);
  if (tl) return tl;
  /* "former" or "retired" before a body's name: "a former Marlow County
   * treasurer" */
  static const char *const former[] = {"former", "retired", "ex"};
  if (j + 1 < lim && (t[j].flags & LX_TF_LOWER) && tok_is_cap(&t[j + 1]) &&
      in_list(c, &t[j], former, LX_COUNTOF(former))) {
    size_t r = role_head(c, j + 1, lim, article);
    return r ? r + 1 : 0;
  }
  /* up to three capitalized words of a name, then a title or a trade (an
   * acronym after an article: "a CDC epidemiologist") */
  for (size_t q = j; q < lim && q < j + 3 && t[q].kind == LX_TK_WORD && tok_is_cap(&t[q]) &&
                     !(t[q].flags & LX_TF_SENT) &&
                     (article || !(t[q].flags & LX_TF_ALLCAP)) &&
                     !lx_hashset_has(&c->eng->nonname, t[q].hash ? t[q].hash : 1);
       q++) {
    tl = title_at(c, q + 1, lim, NULL);
    if (!tl && article) tl = common_role(c, q + 1, lim, 1);
    /* without an article, a trade whose head is a title: "Brecon branch
     * chairman of the Farmers' Union of Wales" */
    if (!tl && !article && (tl = common_role(c, q + 1, lim, 0)) != 0 &&
        !title_at(c, q + tl, q + tl + 1, NULL))
      tl = 0;
    if (tl) return q + 1 - j + tl;
  }
  return common_role(c, j, lim, article);
}

/* Whether a word of tokens [a, b) names a kin or a friend: "his wife", "her
 * neighbor" say who a person is to another, not a role. */
static int kin_in(const lx_ctx *c, size_t a, size_t b) {
  static const char *const kin[] = {
      "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow",
      "widower", "girlfriend", "boyfriend", "fiancee", "fiancée", "fiance", "fiancé", "grandson",
      "granddaughter", "grandmother", "grandfather", "niece", "nephew", "cousin", "uncle", "aunt",
      "neighbor", "neighbour", "friend", "stepson", "stepdaughter", "stepfather", "stepmother",
      "child", "children", "parents", "sons", "daughters", "brothers", "sisters", "friends",
      "neighbors", "neighbours", "grandchildren", "spouse", "twin", "mum", "mom", "dad"};
  const lx_token *t = TOKS(c);
  for (size_t k = a; k < b; k++)
    if (t[k].kind == LX_TK_WORD && in_list(c, &t[k], kin, LX_COUNTOF(kin))) return 1;
  return 0;
}

/* Whether the organization whose tokens end before b is a body of members
 * named after another: "Skyward Pilots Union", "Castlebridge United
 * Supporters' Trust". */
static int members_body(const lx_ctx *c, size_t b) {
  static const char *const w[] = {"union", "association", "guild", "federation", "club",
                                  "trust", "society", "council", "foundation", "league"};
  return b > 0 && in_list(c, &TOKS(c)[b - 1], w, LX_COUNTOF(w));
}


/* Whether a word is a trade in common words before a name: a noun of five
 * letters or more in -er, -or, -ist, -ian or -ant ("scorer", "saxophonist",
 * "politician", "consultant"), not one of the common words of those ends
 * ("after", "against", "letter", "senior"), in lower case or opening its
 * sentence ("Pensioner Edna Whitlock"). */
static int trade_noun(const lx_ctx *c, const lx_token *t) {
  static const char *const not_trades[] = {
      "after", "under", "other", "either", "neither", "rather", "whether", "together", "later",
      "earlier", "never", "ever", "however", "whatever", "whenever", "wherever", "better",
      "further", "longer", "sooner", "faster", "bigger", "larger", "greater", "higher", "lower",
      "older", "younger", "newer", "letter", "number", "order", "paper", "matter", "water",
      "center", "centre", "chapter", "quarter", "winter", "summer", "border", "computer",
      "power", "tower", "cover", "corner", "answer", "offer", "danger", "manner", "river",
      "silver", "dinner", "cancer", "finger", "banner", "character", "register", "remember",
      "consider", "deliver", "discover", "wonder", "suffer", "enter", "gather", "whisper",
      "monster", "theater", "theatre", "mother", "father", "brother", "sister", "daughter",
      "neighbor", "neighbour", "error", "floor", "favor", "favour", "honor", "honour", "labor",
      "labour", "color", "colour", "major", "minor", "senior", "junior", "prior", "mirror",
      "motor", "factor", "sector", "tractor", "vector", "interior", "exterior", "superior",
      "inferior", "horror", "terror", "humor", "humour", "rumor", "rumour", "behavior",
      "behaviour", "harbor", "harbour", "against", "amidst", "insist", "assist", "resist",
      "persist", "consist", "exist", "twist", "giant", "important", "significant", "constant",
      "distant", "relevant", "pleasant", "brilliant", "elegant", "instant", "vacant", "median",
      "christian", "meanwhile", "forever", "whoever", "yonder", "wander", "former", "latter",
      "homer", "merger", "offer", "closer",
      /* ships and craft named after people: "the aircraft carrier Carl Vinson" */
      "carrier", "liner", "tanker", "cruiser", "destroyer", "freighter", "trawler", "steamer",
      "bomber", "helicopter", "container", "trailer", "orbiter", "lander"};
  size_t n = t->end - t->start;
  if (t->kind != LX_TK_WORD || n < 5 || t->nletters != n ||
      !((t->flags & LX_TF_LOWER) || ((t->flags & LX_TF_SENT) && tok_is_cap(t) &&
                                     !(t->flags & LX_TF_ALLCAP))))
    return 0;
  const char *w = c->text + t->end;
  int end2 = (w[-2] == 'e' || w[-2] == 'o') && w[-1] == 'r';
  int ist = w[-3] == 'i' && w[-2] == 's' && w[-1] == 't';
  int ian = w[-3] == 'i' && w[-2] == 'a' && w[-1] == 'n';
  int ant = w[-3] == 'a' && w[-2] == 'n' && w[-1] == 't';
  return (end2 || ist || ian || ant) && !in_list(c, t, not_trades, LX_COUNTOF(not_trades));
}

/* Whether a word may qualify a trade before it: a name's word ("Brightwater
 * partner"), "former", an adjective ("leading scorer", "local Green
 * politician"); not an article, a possessive, a verb, a function word. */
static int trade_qualifier(const lx_ctx *c, const lx_token *t) {
  static const char *const no[] = {"his",   "her",     "its",      "their",   "our",  "my",
                                   "your",  "this",    "that",     "these",   "those", "said",
                                   "says",  "told",    "of",       "off",     "up",   "out",
                                   "into",  "onto",    "upon",     "per",     "via",  "million",
                                   "billion", "trillion", "thousand", "hundred"};
  if ((t->flags & LX_TF_POSS) || role_det(c, t) || in_list(c, t, no, LX_COUNTOF(no)) ||
      word_in(c, t, not_roles) ||
      in_list(c, t, not_qualifiers, LX_COUNTOF(not_qualifiers)) || is_cue(c, t))
    return 0;
  if (tok_is_cap(t)) return !lx_hashset_has(&c->eng->nonname, t->hash ? t->hash : 1);
  size_t n = t->end - t->start;
  const char *w = c->text + t->start;
  int ed = n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd';
  return (t->flags & LX_TF_LOWER) && (!ed || lx_tok_ieq(c->text, t, "retired"));
}

/* The role a person's mention carries: the title right before it, with
 * the place or people it belongs to ("U.S. Secretary of State") and the
 * words that qualify it ("Council President"), or an appositive after it
 * (", deputy assistant secretary of state for Korea and Japan,", ", a
 * cardiologist at ...,"), or a role before it and its commas ("A
 * spokeswoman for the institute, Helena Mutemba, said"). */
/* Runs of white space (a wire's line breaks inside a role) as one space,
 * in place. */
static void collapse_spaces(char *s) {
  char *w = s;
  for (const char *r = s; *r; r++) {
    int sp = *r == ' ' || *r == '\n' || *r == '\r' || *r == '\t';
    if (sp && w > s && w[-1] == ' ') continue;
    *w++ = sp ? ' ' : *r;
  }
  *w = 0;
}

/* A role without the possessive of a body said before it: "the club's
 * captain" is a captain, "the hospital's president" a president (the
 * words before the 's in lower case: "Britain's Prime Minister" and
 * "Ford's chairman" keep theirs). */
static lede_span role_past_possessive(const lx_ctx *c, lede_span r) {
  const lx_token *t = TOKS(c);
  size_t a, b;
  lx_tokens_in(c, r.start, r.end, &a, &b);
  for (size_t p = a; p < b && p < a + 4; p++) {
    if (t[p].kind != LX_TK_WORD) break;
    if (t[p].flags & LX_TF_POSS) {
      if (p > a && p + 1 < b) r.start = t[p + 1].start;
      break;
    }
    if (!(t[p].flags & LX_TF_LOWER) && !(p == a && role_det(c, &t[p]))) break;
  }
  return r;
}

static lede_span mention_role(const lx_ctx *c, const lede_entity *E, size_t i, size_t t0,
                              size_t t1) {
  const lede_entity *e = &E[i];
  const lx_token *t = TOKS(c);
  /* a title right before (entities are sorted by start); not an honorific
   * alone ("Dr", "Prof.") */
  int titled = i > 0 && E[i - 1].type == LEDE_T_TITLE;
  if (titled) {
    size_t a, b;
    ent_tokens(c, &E[i - 1], &a, &b);
    titled = !(b == a + 1 && is_honorific(c, a));
    /* the title before the honorific: "state epidemiologist Dr. Harold
     * Quint", with a word that qualifies it */
    for (size_t x = a; !titled && x > 0 && a - x < 3;) {
      x--;
      if (t[x + 1].start != t[x].end + 1 || title_at(c, x, a, NULL) != a - x) continue;
      if (x > 0 && t[x - 1].kind == LX_TK_WORD && t[x].start == t[x - 1].end + 1 &&
          !(t[x].flags & LX_TF_SENT) && !(t[x - 1].flags & (LX_TF_ALLCAP | LX_TF_POSS)) &&
          !lx_hashset_has(&c->eng->nonname, t[x - 1].hash ? t[x - 1].hash : 1) &&
          !word_in(c, &t[x - 1], not_roles) &&
          !in_list(c, &t[x - 1], not_qualifiers, LX_COUNTOF(not_qualifiers)) &&
          !is_cue(c, &t[x - 1]) && !verb_form(c, &t[x - 1], 0) &&
          !(i > 1 && E[i - 2].span.end > t[x - 1].start))
        x--;
      /* and its place or people: "Mississippi state epidemiologist" */
      const lede_entity *m = i > 1 ? &E[i - 2] : NULL;
      if (m && (m->type == LEDE_T_GPE || m->type == LEDE_T_NORP || m->type == LEDE_T_ORG) &&
          m->span.end + 1 == t[x].start)
        return lx_span(m->span.start, t[a - 1].end);
      return lx_span(t[x].start, t[a - 1].end);
    }
  }
  if (titled) {
    const lede_entity *ti = &E[i - 1];
    int gap_ok = 1;
    for (uint32_t b = ti->span.end; b < e->span.start; b++)
      if (c->text[b] != ' ') gap_ok = 0;
    if (!gap_ok) { /* an honorific between: "state epidemiologist Dr. Harold Quint" */
      size_t a = t0, x, y;
      ent_tokens(c, ti, &x, &y);
      gap_ok = a == y + 1 && is_honorific(c, y) && t[y].start == ti->span.end + 1 &&
               e->span.start == t[y].end + 1;
    }
    if (gap_ok) {
      lede_span r = ti->span;
      /* its place or people: "U.S.", "South Korean", "Seoul's" */
      if (i > 1) {
        const lede_entity *m = &E[i - 2];
        if ((m->type == LEDE_T_GPE || m->type == LEDE_T_NORP || m->type == LEDE_T_ORG) &&
            m->span.end <= r.start) {
          int ok = 1;
          for (uint32_t b = m->span.end; b < r.start; b++) {
            char ch = c->text[b];
            if (ch != ' ' && ch != '\'' && ch != 's') ok = 0;
          }
          if (ok && r.start - m->span.end <= 3) r.start = m->span.start;
        }
      }
      /* the words that qualify it, right before: "Council President",
       * "Police spokesman", "veteran actor", "Social Affairs Minister"
       * (words of no entity, no function word nor verb; at most two) */
      size_t a, b;
      ent_tokens(c, ti, &a, &b);
      if (r.start == ti->span.start) {
        size_t x = a;
        while (x > 0 && a - x < 2 && t[x - 1].kind == LX_TK_WORD &&
               t[x].start == t[x - 1].end + 1 &&
               !(t[x].flags & LX_TF_SENT) && !(t[x - 1].flags & LX_TF_ALLCAP) &&
               !lx_hashset_has(&c->eng->nonname, t[x - 1].hash ? t[x - 1].hash : 1) &&
               !word_in(c, &t[x - 1], not_roles) && !is_cue(c, &t[x - 1]) &&
               !in_list(c, &t[x - 1], not_qualifiers, LX_COUNTOF(not_qualifiers)) &&
               !(t[x - 1].flags & LX_TF_POSS) &&
               (tok_is_cap(&t[x - 1]) == tok_is_cap(&t[a]) || tok_is_cap(&t[x - 1]))) {
          if (verb_form(c, &t[x - 1], 0)) break;
          if (i > 1 && E[i - 2].span.end > t[x - 1].start) break; /* an entity's word */
          x--;
        }
        r.start = t[x].start;
      }
      /* a title right before ("Detective Sergeant"), and a word that makes
       * the office another's ("Acting U.S. Attorney", "the former Kingsmoor
       * manager") */
      static const char *const premods[] = {"former", "acting", "assistant", "deputy", "interim",
                                            "retired", "presiding", "outgoing", "incoming"};
      size_t x = a, k = i - 1;
      int placed = r.start != ti->span.start && i > 1 && E[i - 2].span.start == r.start;
      for (;;) {
        while (x > 0 && t[x].start > r.start) x--;
        if (x == 0 || t[x].start != r.start || t[x - 1].end + 1 != t[x].start ||
            t[x - 1].kind != LX_TK_WORD)
          break;
        while (k > 0 && E[k - 1].span.start >= r.start) k--;
        if (k > 0 && E[k - 1].type == LEDE_T_TITLE && E[k - 1].span.end == t[x - 1].end)
          r.start = E[k - 1].span.start;
        else if (in_list(c, &t[x - 1], premods, LX_COUNTOF(premods)))
          r.start = t[x - 1].start;
        else if (!placed && k > 0 && E[k - 1].span.end == t[x - 1].end &&
                 (E[k - 1].type == LEDE_T_GPE || E[k - 1].type == LEDE_T_NORP ||
                  E[k - 1].type == LEDE_T_ORG)) {
          /* "EU trade spokesman", "West Mercia Police Detective Constable" */
          r.start = E[k - 1].span.start;
          placed = 1;
        } else {
          break;
        }
      }
      return r;
    }
  }
  /* an appositive: ", <title phrase>," (t1: the token after the mention) */
  if (t1 + 1 < c->toks.n && tok_ch(c, &t[t1], ',')) {
    size_t j = t1 + 1;
    /* past an age: "Daniel Pryor, 34, a software engineer" (not "Lukashenko,
     * 41, won presidential polls": a trade after an age has its article) */
    int aged = j + 2 < c->toks.n && t[j].kind == LX_TK_NUM && tok_ch(c, &t[j + 1], ',');
    if (aged) j += 2;
    /* and past a home town: "Martin Caddick, 58, of Harrogate, a former
     * financial adviser" ("of Katy, Texas, a teacher") */
    if (aged && j + 3 < c->toks.n && lx_tok_ieq(c->text, &t[j], "of") && tok_is_cap(&t[j + 1])) {
      size_t q = j + 1;
      while (q < c->toks.n && q < j + 8 && (tok_is_cap(&t[q]) || tok_ch(c, &t[q], ',')) &&
             !(q > j + 1 && tok_ch(c, &t[q - 1], ',') && !tok_ch(c, &t[q], ',') &&
               role_det(c, &t[q])))
        q++;
      if (q < c->toks.n && q > j + 2 && tok_ch(c, &t[q - 1], ',') && role_det(c, &t[q]) == 1)
        j = q;
    }
    size_t rs = j; /* where the role starts */
    int article = 0;
    int det = role_det(c, &t[j]);
    if (det) {
      j++;
      article = 1;
      if (det == 2) rs = j; /* "his cardiologist": the role is "cardiologist" */
      /* an age is no part of it: "a 34-year-old former schoolteacher" */
      if (j + 1 < c->toks.n && t[j].kind == LX_TK_NUM && t[j].end - t[j].start > 4 &&
          memcmp(c->text + t[j].end - 4, "-old", 4) == 0)
        rs = ++j;
    }
    size_t lim = LX_MIN(c->toks.n, j + 20);
    size_t tl = aged && !article ? title_at(c, j, lim, NULL) : role_head(c, j, lim, article);
    if (det && tl && kin_in(c, j, j + tl)) tl = 0;
    if (tl) {
      size_t k = j + tl, end = 0;
      /* runs to the next comma or the sentence's end, the role to a
       * relative clause, a second role or a place before them */
      while (k < lim && !tok_ch(c, &t[k], ',') && !tok_ch(c, &t[k], '.') &&
             !tok_ch(c, &t[k], ';') && !(t[k].flags & LX_TF_SENT) && !quote_mark(c, k))
        k++;
      for (size_t m = j + tl; m < k && !end; m++)
        if (role_ends_at(c, j, m, k)) end = m;
      /* a role that ends before a relative clause or a place ends there,
       * however the apposition goes on ("an analyst at Drummond Lyle & Co.
       * in Boston who rates the shares \"hold.\"") */
      if (end) return lx_span(t[rs].start, t[end - 1].end);
      if (k < lim && (tok_ch(c, &t[k], ',') || tok_ch(c, &t[k], '.')))
        return lx_span(t[rs].start, t[k - 1].end);
      /* or the sentence's end on an abbreviation: ", an analyst at Drummond
       * Lyle & Co." */
      if (k > j && (k == c->toks.n || (t[k].flags & LX_TF_SENT) || quote_mark(c, k)) &&
          (t[k - 1].flags & LX_TF_PERIOD))
        return lx_span(t[rs].start, t[k - 1].end);
    }
  }
  /* a role before the name and its commas: "A spokeswoman for the National
   * Disaster Management Institute, Helena Mutemba, said" */
  if (t1 < c->toks.n && tok_ch(c, &t[t1], ',')) {
    size_t a = t0;
    /* (past an honorific: "The chair of the judges, Sir Malcolm Pryce,") */
    if (a >= 4 && is_honorific(c, a - 1) && t[a].start == t[a - 1].end + 1) a--;
    if (a >= 3 && tok_ch(c, &t[a - 1], ',')) {
      size_t s = a - 1; /* the role phrase: back to the sentence's start */
      while (s > 0 && a - 1 - s < 16 && !(t[s].flags & LX_TF_SENT) && !tok_ch(c, &t[s - 1], ',') &&
             !quote_mark(c, s - 1))
        s--;
      int det = role_det(c, &t[s]);
      /* (after its sentence's start, a comma, or a quotation's end: '"...,"
       * the prefect of Guadeloupe, Claire Vautrin, told reporters'; or
       * after a preposition: "found by a goat herder, Aurelio Painemal,") */
      int opens = (t[s].flags & LX_TF_SENT) ||
                  (s > 0 && (tok_ch(c, &t[s - 1], ',') || quote_mark(c, s - 1)));
      for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) { /* the article nearest the name, after a preposition */
          static const char *const by[] = {"by", "with", "from", "to", "for"};
          size_t d = a - 2;
          while (d > s && a - 2 - d < 6 &&
                 !(role_det(c, &t[d]) &&
                   (in_list(c, &t[d - 1], by, LX_COUNTOF(by)) || is_cue(c, &t[d - 1]))))
            d--;
          if (d <= s || a - 2 - d >= 6) break;
          s = d;
          det = role_det(c, &t[d]);
          opens = 1;
        }
        /* a body's possessive is no part of it: "The Herons' manager, Earl
         * Danforth,", "Halcyon Racing's race engineer, Sophie Marchetti," */
        /* (a place's stays: "Norway's Prime Minister, Erna Solberg,") */
        size_t hs = s + 1; /* where the role's head is looked for */
        if (opens && det != 2)
          for (size_t p = s + 1; p + 2 < a && p <= s + 4 && t[p].kind != LX_TK_NUM; p++)
            if ((t[p].flags & LX_TF_POSS) ||
                ((t[p].flags & LX_TF_QUOTE) && !(t[p].flags & LX_TF_OPENQ) &&
                 t[p].end - t[p].start <= 3 && t[p].start == t[p - 1].end &&
                 c->text[t[p - 1].end - 1] == 's')) {
              size_t o = det ? s + 1 : s; /* the possessor's first word */
              if (gaz_has(c, o, p, PLACE_KINDS | KIND(LX_G_COUNTRY) | KIND(LX_G_DEMONYM))) {
                det = det ? det : 3; /* the role starts at s */
                hs = p + 1;
              } else {
                s = p;
                hs = p + 1;
                det = 2;
              }
              break;
            }
        if (!(opens && det)) continue;
        /* ("the Powys coroner, John Hartley-Evans, said"; not "The article
         * said Tavoulareas had..., Peter, ...": no verb nor clause in it) */
        int clause = 0;
        for (size_t m = s + 1; m + 1 < a && !clause; m++)
          clause = is_cue(c, &t[m]) || in_list(c, &t[m], role_ends, LX_COUNTOF(role_ends));
        if (!clause && role_head(c, hs, a, 1) && !kin_in(c, hs, a - 1))
          return lx_span(t[det == 2 ? s + 1 : s].start, t[a - 2].end);
      }
    }
  }
  /* a trade in common words right before a full name: "leading scorer
   * Andre Boisvert", "The saxophonist Dexter Cole", "Brightwater partner
   * Ellen Ashby", "former Worcestershire seamer Graham Tolley"; or before
   * "named" and the name: "a trumpeter named Wendell Price" */
  {
    size_t a = t0, b = t1;
    if (a >= 3 && b >= a + 2 && (lx_tok_ieq(c->text, &t[a - 1], "named") ||
                                 lx_tok_ieq(c->text, &t[a - 1], "called")) &&
        role_det(c, &t[a - 3]) == 1 && (t[a - 2].flags & LX_TF_LOWER) &&
        (trade_noun(c, &t[a - 2]) || title_at(c, a - 2, a - 1, NULL) == 1))
      return lx_span(t[a - 2].start, t[a - 2].end);
    /* (a given name first, or a name word no gazetteer knows as a place's
     * or a body's: "dairy farmer Pieter van der Linden") */
    if (a > 0 && b >= a + 2 && t[a].start == t[a - 1].end + 1 && trade_noun(c, &t[a - 1]) &&
        (gaz_has(c, a, a + 1, KIND(LX_G_GIVEN)) ||
         (name_word(c, &t[a]) && !gaz_has(c, a, a + 1, NAME_KINDS))) &&
        !(i > 0 && E[i - 1].span.end > t[a - 1].start)) {
      /* the words that qualify it; before a name's word only those that
       * qualify a person ("local Green politician"; not "donation Libyan
       * leader") */
      static const char *const person_adjs[] = {
          "former", "retired", "local", "leading", "veteran", "top", "chief", "senior", "junior",
          "fellow", "acting", "interim", "deputy", "assistant", "star", "young", "late",
          "longtime", "ex", "then"};
      size_t x = a - 1;
      int named = 0;
      while (x > 0 && a - 1 - x < 4 && !(t[x].flags & (LX_TF_SENT | LX_TF_PARA)) &&
             t[x - 1].kind == LX_TK_WORD && t[x].start == t[x - 1].end + 1 &&
             trade_qualifier(c, &t[x - 1]) &&
             (!named || tok_is_cap(&t[x - 1]) ||
              in_list(c, &t[x - 1], person_adjs, LX_COUNTOF(person_adjs)))) {
        named |= tok_is_cap(&t[x - 1]);
        x--;
      }
      return lx_span(t[x].start, t[a - 1].end);
    }
  }
  return no_span_;
}

/* Heads of organizations a definite description may refer back to (in
 * strcmp order, the order the set of listed words was built in), and
 * their indices by length: those of n letters are
 * desc_heads[desc_by_len[k]] for k in [desc_from[n], desc_from[n + 1]). */
static const char *const desc_heads[] = {
    "administration", "agency", "airline", "association", "bank", "board", "bureau",
    "carrier", "club", "commission", "committee", "company", "council", "court",
    "department", "embassy", "exchange", "firm", "foundation", "government", "group",
    "institute", "magazine", "ministry", "network", "newspaper", "office", "organisation",
    "organization", "parliament", "party", "regulator", "team", "union", "university"};
static const uint8_t desc_by_len[] = {
    4, 8, 17, 32, 5, 13, 20, 30, 33, 1, 6, 26, 2, 7, 11, 12, 15, 24, 16, 22, 23, 10, 21, 25,
    31, 9, 14, 18, 19, 29, 34, 3, 27, 28, 0};
static const uint8_t desc_from[16] = {0, 0, 0, 0, 0, 4, 9, 12, 18, 21, 25, 31, 32, 34, 34, 35};
/* the first letters of those of n letters */
#define DL(ch) (1u << ((ch) - 'a'))
static const uint32_t desc_letters[15] = {
    [4] = DL('b') | DL('c') | DL('f') | DL('t'),
    [5] = DL('b') | DL('c') | DL('g') | DL('p') | DL('u'),
    [6] = DL('a') | DL('b') | DL('o'),
    [7] = DL('a') | DL('c') | DL('e') | DL('n'),
    [8] = DL('e') | DL('m'),
    [9] = DL('c') | DL('i') | DL('n') | DL('r'),
    [10] = DL('c') | DL('d') | DL('f') | DL('g') | DL('p') | DL('u'),
    [11] = DL('a'),
    [12] = DL('o'),
    [14] = DL('a')};
#undef DL

/* Whether a token is one of desc_heads (as lx_tok_ieq compares: ASCII
 * letters lower-cased), compared with the few of its length: most names
 * ("Inc.", "Corp", "Madrid") are turned away by their length or within a
 * letter or two, where the set of listed words and a search by halves
 * took about a hundred instructions (an organization's last word is often
 * listed: "Corp", "Bank", "Group"). */
static int desc_head_of(const lx_ctx *c, const lx_token *t) {
  size_t n = t->end - t->start;
  if (n < 4 || n > 14) return 0;
  const unsigned char *s = (const unsigned char *)c->text + t->start;
  unsigned ch0 = s[0] | 32u; /* a letter lower-cased; other bytes match none */
  if (ch0 < 'a' || ch0 > 'z' || !(desc_letters[n] & (1u << (ch0 - 'a')))) return 0;
  for (size_t k = desc_from[n]; k < desc_from[n + 1]; k++) {
    const unsigned char *w = (const unsigned char *)desc_heads[desc_by_len[k]];
    size_t i = 0;
    for (; i < n; i++) {
      unsigned char ch = s[i];
      if (ch >= 'A' && ch <= 'Z') ch += 32;
      if (ch != w[i]) break;
    }
    if (i == n) return 1;
  }
  return 0;
}

/* Sorts the entities once mentions were added at their end (from n0 on):
 * the added ones, if in text order (they are found so), are merged in from
 * the end (the entities before the first of them do not move), where
 * lx_sort walked each back with a comparison a step. The order is
 * lx_sort's: a mention is added only where no entity is, so no two
 * compare equal (and on a tie the entity already there would come first,
 * as lx_sort's insertions keep it). */
static void sort_added(lx_ctx *c, size_t n0) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  size_t n = in->entities.n, k = n - n0;
  for (size_t i = n0 + 1; i < n; i++)
    if (cmp_entity(&E[i - 1], &E[i]) > 0) {
      lx_sort(E, n, sizeof(lede_entity), cmp_entity);
      return;
    }
  lede_entity *A = (lede_entity *)lx_scratch(c, k * sizeof(lede_entity));
  memcpy(A, E + n0, k * sizeof(lede_entity));
  size_t i = n0, j = k, o = n;
  while (j > 0) {
    if (i > 0 && cmp_entity(&E[i - 1], &A[j - 1]) > 0) E[--o] = E[--i];
    else E[--o] = A[--j];
  }
}

/* "the department" after "the State Department": adds the mention. */
static void definite_descriptions(lx_ctx *c) {
  lede_doc_internal *in = c->doc->internal;
  const lx_token *t = TOKS(c);
  size_t n0 = in->entities.n;
  if (n0 == 0) return;
  /* the organizations' heads, by position */
  lede_entity *E = (lede_entity *)in->entities.p;
  size_t ei = 0;
  uint32_t heads[8];
  size_t nheads = 0;
  /* nothing refers back before the first organization with a head is
   * known: after the ends of the entities up to it */
  uint32_t known = 0;
  size_t f = 0;
  for (; f < n0; f++) {
    known = LX_MAX(known, E[f].span.end);
    if (E[f].type != LEDE_T_ORG) continue;
    size_t a, b;
    link_tokens(c, &E[f], &a, &b);
    if (b > a && desc_head_of(c, &t[b - 1])) break;
  }
  if (f == n0) return;
  size_t i0, i1;
  lx_tokens_in(c, known, known, &i0, &i1);
  const uint32_t the = lx_hash_lower("the", 3);
  /* (walked by a pointer alone: the loop by index stepped the index and a
   * pointer) */
  for (const lx_token *w = t + i0, *wn = t + c->toks.n; w + 1 < wn; w++) {
    /* "the" and a lower-case word: the rest waits for such a token */
    if (w->hash != the || !(w[1].flags & LX_TF_LOWER)) continue;
    size_t i = (size_t)(w - t);
    /* entities before this token become known (those before f have no
     * head) */
    while (ei < n0 && E[ei].span.end <= t[i].start) {
      if (E[ei].type == LEDE_T_ORG && ei >= f) {
        size_t a, b;
        link_tokens(c, &E[ei], &a, &b);
        if (b > a && desc_head_of(c, &t[b - 1])) {
          uint32_t h = t[b - 1].hash;
          int seen = 0;
          for (size_t k = 0; k < nheads; k++) seen |= heads[k] == h;
          if (!seen) {
            if (nheads == LX_COUNTOF(heads))
              memmove(heads, heads + 1, sizeof heads - sizeof heads[0]);
            else nheads++;
            heads[nheads - 1] = h;
          }
        }
      }
      ei++;
    }
    if (!nheads || !lx_tok_ieq(c->text, &t[i], "the")) continue;
    int match = 0;
    for (size_t k = 0; k < nheads; k++) match |= heads[k] == t[i + 1].hash;
    if (!match) continue;
    /* not inside an existing entity */
    int inside = 0;
    for (size_t k = ei; k < n0 && E[k].span.start < t[i + 1].end; k++)
      if (E[k].span.end > t[i].start) inside = 1;
    if (inside) continue;
    /* "the department's", "the department said": a mention */
    lede_entity *e = add_span_entity(c, lx_span(t[i].start, t[i + 1].end), LEDE_T_ORG, 0,
                                     LEDE_RULE_LINKING);
    E = (lede_entity *)in->entities.p; /* the vector may have moved */
    if (!e) break;
    e->cluster = (uint32_t)i; /* its first token (link_tokens) */
  }
  if (in->entities.n != n0) sort_added(c, n0);
}

/* Words before a place that keep it one: "grew up in Buckley"; the last,
 * "of", only where a surname is weighed ("the mayor of Buckley"). */
static const char *const place_preps[] = {"across", "at", "from", "in", "inside", "into",
                                          "near", "outside", "through", "to", "of"};

/* One sense per document: the tagger reads each mention alone, and may
 * call "Busan" a place in one sentence and an organization in the next
 * ("the Busan city government"). The same text gets the type most of its
 * mentions have; a tie goes to the gazetteer's type. Only the tagger's
 * mentions change: the others had a reason. */
enum { CT_NTYPES = 6 };
static int ct_index(int type) {
  switch (type) {
    case LEDE_T_PERSON: return 0;
    case LEDE_T_ORG: return 1;
    case LEDE_T_GPE: return 2;
    case LEDE_T_LOC: return 3;
    case LEDE_T_NORP: return 4;
    case LEDE_T_FAC: return 5;
    default: return -1;
  }
}
static const uint16_t ct_types[CT_NTYPES] = {LEDE_T_PERSON, LEDE_T_ORG, LEDE_T_GPE,
                                             LEDE_T_LOC,    LEDE_T_NORP, LEDE_T_FAC};
typedef struct ct_slot {
  uint16_t count[CT_NTYPES]; /* (its key apart: only the keys are cleared) */
} ct_slot;

/* The entities counted by type, once (first_tokens), and kept true through
 * the passes that change types: each pass used to count some kinds again
 * to size its scratch or to return early. */
enum { CS_TYPES = LEDE_T_BUILTIN_COUNT + 1 }; /* custom types share the last */
typedef struct link_census {
  size_t all[CS_TYPES]; /* any rule's */
  size_t own[CS_TYPES]; /* not a user rule's */
  size_t cand;          /* the tagger's persons */
} link_census;

static int propagated_type(int ty) {
  /* (a bit a type: one test, where the five comparisons took two branches) */
  const uint32_t types = 1u << LEDE_T_PERSON | 1u << LEDE_T_ORG | 1u << LEDE_T_GPE |
                         1u << LEDE_T_LOC | 1u << LEDE_T_NORP;
  return ty >= 0 && ty < 32 && ((types >> ty) & 1u);
}

/* Counts (sign 1) or uncounts (sign -1) an entity of type ty and rule r. */
static inline void census_add(link_census *k, int ty, uint32_t r, int sign) {
  size_t d = (size_t)sign; /* wraps for -1: the counts stay exact */
  size_t x = ty >= 0 && ty < LEDE_T_BUILTIN_COUNT ? (size_t)ty : CS_TYPES - 1;
  k->all[x] += d;
  if (r >= LEDE_RULE_USER) return;
  k->own[x] += d;
  if (ty == LEDE_T_PERSON && r == LEDE_RULE_TAGGER) k->cand += d;
}

/* Values and titles: no pass reads their tokens, and they are not linked. */
static int plain_type(int ty) {
  return (ty >= LEDE_T_DATE && ty <= LEDE_T_CARDINAL) || ty == LEDE_T_TITLE;
}

/* The persons, organizations, places and peoples (of any rule). */
static size_t census_names(const link_census *k) {
  return k->all[LEDE_T_PERSON] + k->all[LEDE_T_ORG] + k->all[LEDE_T_GPE] +
         k->all[LEDE_T_LOC] + k->all[LEDE_T_NORP];
}

static void consistent_types(lx_ctx *c, link_census *k) {
  lede_doc_internal *in = c->doc->internal;
  size_t n = in->entities.n;
  if (n < 2) return;
  lede_entity *E = (lede_entity *)in->entities.p;
  /* a slot per name at most, half the table empty */
  size_t names = 0;
  for (int x = 0; x < CT_NTYPES; x++) names += k->own[ct_types[x]];
  size_t cap = 16;
  while (cap < names * 2) cap *= 2;
  /* the table's keys (0: empty) and counts, then each name's hash (for
   * the second walk) */
  ct_slot *tab = (ct_slot *)lx_scratch(c, cap * (sizeof(ct_slot) + sizeof(uint32_t)) +
                                              n * sizeof(uint32_t));
  uint32_t *key = (uint32_t *)(tab + cap), *hs = key + cap;
  memset(key, 0, cap * sizeof(uint32_t));
  int mixed = 0;
  for (size_t i = 0; i < n; i++) {
    int x = ct_index(E[i].type);
    if (x < 0 || E[i].rule >= LEDE_RULE_USER) continue;
    uint32_t h = text_hash(c, E[i].cluster, E[i].span.start, E[i].span.end);
    if (!h) h = 1;
    hs[i] = h;
    size_t j = h & (cap - 1);
    while (key[j] && key[j] != h) j = (j + 1) & (cap - 1);
    if (!key[j]) {
      key[j] = h;
      memset(&tab[j], 0, sizeof tab[j]);
    } else if (!tab[j].count[x]) {
      /* a name seen before with other types only: two types (once a name
       * has two, the second one's first mention said so) */
      mixed = 1;
    }
    if (tab[j].count[x] < UINT16_MAX) tab[j].count[x]++;
  }
  if (!mixed) return;
  for (size_t i = 0; i < n; i++) {
    if (E[i].rule != LEDE_RULE_TAGGER || ct_index(E[i].type) < 0) continue;
    /* "running through Glasgow" stays the city whatever the others are
     * ("in Jordan's film" is weighed with them) */
    size_t a0 = E[i].cluster;
    if (E[i].type == LEDE_T_GPE && a0 > 0 && a0 < c->toks.n &&
        TOKS(c)[a0].end == E[i].span.end &&
        in_list(c, &TOKS(c)[a0 - 1], place_preps, LX_COUNTOF(place_preps) - 1) &&
        gaz_has(c, a0, a0 + 1, PLACE_KINDS) &&
        !(a0 + 1 < c->toks.n && (TOKS(c)[a0 + 1].flags & LX_TF_POSS)))
      continue;
    uint32_t h = hs[i];
    size_t j = h & (cap - 1);
    while (key[j] != h) j = (j + 1) & (cap - 1);
    const ct_slot *sl = &tab[j];
    int best = ct_index(E[i].type), tie = 0;
    for (int y = 0; y < CT_NTYPES; y++) {
      if (sl->count[y] > sl->count[best]) best = y, tie = 0;
      else if (y != best && sl->count[y] == sl->count[best]) tie = 1;
    }
    if (tie) {
      size_t a, b;
      link_tokens(c, &E[i], &a, &b);
      const lx_entry *g = b > a ? gaz_exact(c, a, b, NAME_KINDS) : NULL;
      int gx = g ? ct_index(type_of_kind(c, g)) : -1;
      if (gx >= 0 && sl->count[gx] == sl->count[best]) best = gx;
    }
    census_add(k, E[i].type, E[i].rule, -1);
    E[i].type = ct_types[best];
    census_add(k, E[i].type, E[i].rule, 1);
  }
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* Whether h is one of the n values of s: sorted (looked for by halves,
 * inline: bsearch called cmp_u32 at each step), or not (one by one). */
static int has_u32(const uint32_t *s, size_t n, uint32_t h, int sorted) {
  if (sorted) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (s[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    return lo < n && s[lo] == h;
  }
  for (size_t i = 0; i < n; i++)
    if (s[i] == h) return 1;
  return 0;
}

/* A person's surname is the person's wherever the document says it: after
 * "Jessie Buckley", "Buckley grew up in Glasgow" is hers, though Buckley is
 * a town too (the tagger and the gazetteer read the word alone). Only a
 * one-word city of the tagger or the gazetteer that is a surname too, of a
 * person named with a given name, changes; after a preposition of place
 * it stays a place ("born in Buckley"). Companies named after people stay
 * companies ("Hilton"). */
static void surnames_of_persons(lx_ctx *c, link_census *k) {
  size_t np = k->own[LEDE_T_PERSON];
  if (!np || !k->own[LEDE_T_GPE]) return;
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  size_t n = in->entities.n, nt = c->toks.n, ns = 0;
  const lx_token *t = TOKS(c);
  /* the surnames in a small open-addressing set, at most half full (a
   * byte a slot tells it taken: only those are cleared), where a sort and
   * a search by halves cost more than the few lookups */
  size_t cap = 16;
  while (cap < np * 2) cap *= 2;
  uint32_t *sur = (uint32_t *)lx_scratch(c, cap * (sizeof(uint32_t) + 1));
  uint8_t *taken = (uint8_t *)(sur + cap);
  memset(taken, 0, cap);
  for (size_t i = 0; i < n; i++) {
    if (E[i].type != LEDE_T_PERSON || E[i].rule >= LEDE_RULE_USER) continue;
    size_t a, b;
    link_tokens(c, &E[i], &a, &b);
    if (b >= a + 2 && ns < np && gaz_has(c, a, a + 1, KIND(LX_G_GIVEN))) {
      uint32_t h = t[b - 1].hash;
      size_t j = h & (cap - 1);
      while (taken[j] && sur[j] != h) j = (j + 1) & (cap - 1);
      taken[j] = 1;
      sur[j] = h;
      ns++;
    }
  }
  if (!ns) return;
  for (size_t i = 0; i < n; i++) {
    int ty = E[i].type;
    if (ty != LEDE_T_GPE || (E[i].rule != LEDE_RULE_TAGGER && E[i].rule != LEDE_RULE_GAZETTEER))
      continue;
    size_t a = E[i].cluster;
    if (a >= nt || t[a].end != E[i].span.end || t[a].kind != LX_TK_WORD) continue;
    size_t j = t[a].hash & (cap - 1);
    while (taken[j] && sur[j] != t[a].hash) j = (j + 1) & (cap - 1);
    if (!taken[j]) continue;
    if (a > 0 && in_list(c, &t[a - 1], place_preps, LX_COUNTOF(place_preps))) continue;
    if (!gaz_has(c, a, a + 1, KIND(LX_G_SURNAME)) || !gaz_has(c, a, a + 1, KIND(LX_G_CITY)))
      continue;
    census_add(k, ty, E[i].rule, -1);
    E[i].type = LEDE_T_PERSON;
    census_add(k, E[i].type, E[i].rule, 1);
  }
}

/* The first of tokens t[a, n) that starts at or after s, walked to (in
 * strides of 8 over the tokens between entities: walks over the entities
 * in order visit each token about once). */
static inline size_t tok_starting_from(const lx_token *t, size_t n, size_t a, uint32_t s) {
  while (a + 8 < n && t[a + 8].start < s) a += 8;
  /* the last token before s is within t[a, a + 8) (or a is the answer):
   * found by halves, without a branch where the eight are there (each
   * step's was mispredicted about one time in four) */
  if (a + 8 < n) {
    a += (size_t)(t[a + 4].start < s) << 2;
    a += (size_t)(t[a + 2].start < s) << 1;
    a += (size_t)(t[a + 1].start < s);
    return a + (t[a].start < s);
  }
  if (a + 4 < n && t[a + 4].start < s) a += 4;
  if (a + 2 < n && t[a + 2].start < s) a += 2;
  if (a + 1 < n && t[a + 1].start < s) a += 1;
  if (a < n && t[a].start < s) a++;
  return a;
}

static int celestial_body(const lx_ctx *c, const lede_entity *e);

/* Each entity's first token into its cluster field (see link_tokens; not
 * for values and titles, whose tokens no pass reads), and the entities
 * counted (a planet or a moon as a place: celestial_body). */
static void first_tokens(lx_ctx *c, link_census *k) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  const lx_token *t = TOKS(c);
  size_t n = in->entities.n, ntoks = c->toks.n, a = 0;
  memset(k, 0, sizeof *k);
  for (size_t i = 0; i < n; i++) {
    int ty = E[i].type;
    if (plain_type(ty)) { /* a built-in type: counted, of any rule */
      k->all[ty]++;
      continue;
    }
    if (celestial_body(c, &E[i])) ty = E[i].type = LEDE_T_LOC;
    census_add(k, ty, E[i].rule, 1);
    a = tok_starting_from(t, ntoks, a, E[i].span.start);
    E[i].cluster = (uint32_t)a;
  }
}

/* Document-level consistency: a name found once is found everywhere. Each
 * person's surname and given name (a lone "Pompeo" after "Mike Pompeo"),
 * and every one-word name of another type, are looked for in the content
 * blocks wherever no entity covers them. */
static void propagate_names(lx_ctx *c, const link_census *k) {
  lede_doc *d = c->doc;
  lede_doc_internal *in = d->internal;
  size_t n0 = in->entities.n;
  if (!n0) return;
  const lx_token *t = TOKS(c);
  /* a small open-addressing table: token hash -> type (a type of 0: an
   * empty slot; only the types are cleared) */
  /* three keys a name at most (a surname, the same without its hyphened
   * particle, a first word), the table at most half full */
  size_t names = census_names(k);
  size_t cap = 64;
  while (cap < names * 6) cap *= 2;
  uint32_t *key = (uint32_t *)lx_scratch(c, cap * (sizeof(uint32_t) + 1));
  uint8_t *tab = (uint8_t *)(key + cap);
  memset(tab, 0, cap);
  size_t keys = 0;
  const lede_entity *E = (const lede_entity *)in->entities.p;
  for (size_t i = 0; i < n0; i++) {
    int ty = E[i].type;
    if (!propagated_type(ty)) continue;
    /* a person's tokens; another name's only if it is one word */
    size_t a = E[i].cluster, b = a + 1;
    if (a >= c->toks.n || t[a].end > E[i].span.end) continue; /* no token */
    int firm_word = 0; /* "Kessling" of "Kessling Components" */
    if (ty == LEDE_T_PERSON) {
      link_tokens(c, &E[i], &a, &b);
    } else if (a + 1 < c->toks.n && t[a + 1].end <= E[i].span.end) {
      if (ty != LEDE_T_ORG) continue;
      /* a firm's first word, if the firm's last word says it is one and
       * the first is no known name of a place, a people or a person */
      while (b < c->toks.n && t[b].end <= E[i].span.end) b++;
      const lx_token *z = &t[b - 1];
      if (b - a > 4 || !name_word(c, &t[a]) || (t[a].flags & LX_TF_ALLCAP) ||
          !(firm_end(c, z) || legal_form(c, z, 1)) ||
          gaz_has(c, a, a + 1,
                  NAME_KINDS | KIND(LX_G_GIVEN) | KIND(LX_G_SURNAME) | KIND(LX_G_TITLE)))
        continue;
      firm_word = 1;
    }
    size_t picks[2];
    size_t np = 0;
    if (firm_word) {
      picks[np++] = a;
    } else if (ty == LEDE_T_PERSON && b - a >= 2) {
      picks[np++] = b - 1;
      picks[np++] = a; /* "Kang" of "Kang Kyung-wha" */
    } else if (b - a == 1) {
      picks[np++] = a;
    }
    for (size_t p = 0; p < np; p++) {
      const lx_token *k = &t[picks[p]];
      if ((!tok_is_cap(k) && !particle_of(c, k)) || k->nletters < 3 || k->kind != LX_TK_WORD)
        continue;
      /* a given name alone is ambiguous between persons: surnames only,
       * unless the first token is itself a surname (Kang Kyung-wha) */
      if (ty == LEDE_T_PERSON && p == 1 &&
          !(gaz_has(c, picks[p], picks[p] + 1, KIND(LX_G_SURNAME)) &&
            (t[a + 1].flags & LX_TF_HYPHEN)))
        continue;
      /* the surname, and after a hyphened particle the name alone too
       * ("Masri" of "al-Masri"; no key past the table's half) */
      size_t hp = p == 0 ? particle_of(c, k) : 0;
      uint32_t hs[2] = {k->hash, hp ? lx_hash_lower(c->text + k->start + hp,
                                                    k->end - k->start - hp)
                                    : 0};
      for (size_t q = 0; q < (hp ? 2u : 1u); q++) {
        if (keys * 2 >= cap) break;
        size_t j = hs[q] & (cap - 1);
        while (tab[j] && key[j] != hs[q]) j = (j + 1) & (cap - 1);
        if (!tab[j]) keys++;
        key[j] = hs[q];
        tab[j] = (uint8_t)ty;
      }
    }
  }
  if (!keys) return;
  /* the content blocks, in order, and the entities covering their tokens */
  size_t ei = 0, t0 = 0, t1 = 0;
  lede_span blocks[1];
  const lede_span *P = (const lede_span *)in->paragraphs.p;
  size_t nb = in->paragraphs.n + 1;
  for (size_t bi = 0; bi < nb; bi++) {
    lede_span sp;
    if (bi == 0) {
      if (lx_span_empty(d->title)) continue;
      sp = d->title;
    } else {
      sp = P[bi - 1];
    }
    blocks[0] = sp;
    if (bi == 0) lx_tokens_in_from(c, t1, blocks[0].start, blocks[0].end, &t0, &t1);
    else para_tokens(c, bi - 1, &t0, &t1);
    /* a title in title case: its capitals extend no name ("President Trump
     * Officially Pardons..."; asked at the first name found: -1 till then) */
    int tc = bi == 0 ? -1 : 0;
    /* (walked by a pointer alone: the loop by index kept the index and a
     * pointer, and read its bound from the stack at every token) */
    for (const lx_token *w = t + t0, *w1 = t + t1; w < w1; w++) {
      if (!tok_is_cap(w) || w->kind != LX_TK_WORD) continue;
      size_t i = (size_t)(w - t);
      size_t j = t[i].hash & (cap - 1);
      while (tab[j] && key[j] != t[i].hash) j = (j + 1) & (cap - 1);
      if (!tab[j]) continue;
      /* covered? entities are sorted by start; additions come after n0 */
      const lede_entity *Es = (const lede_entity *)in->entities.p;
      while (ei < n0 && Es[ei].span.end <= t[i].start) ei++;
      int cov = 0;
      for (size_t k = ei; k < n0 && Es[k].span.start < t[i].end; k++)
        if (Es[k].span.end > t[i].start) cov = 1;
      if (cov) continue;
      if (tc < 0) tc = title_form(c) == TITLE_CASE;
      /* the neighbour must not extend the name: "Trump Tower" is not Trump */
      if (!tc && i + 1 < t1 && name_word(c, &t[i + 1]) && !(t[i + 1].flags & LX_TF_SENT))
        continue;
      if (!tc && i > t0 && name_word(c, &t[i - 1]) && !(t[i].flags & LX_TF_SENT) &&
          !gaz_has(c, i - 1, i, KIND(LX_G_TITLE) | KIND(LX_G_HONORIFIC)))
        continue;
      lede_entity *e = add_span_entity(c, lx_span(t[i].start, t[i].end), (int)tab[j],
                                       bi == 0 ? LEDE_EF_IN_TITLE : 0, LEDE_RULE_LINKING);
      if (e) e->cluster = (uint32_t)i; /* its first token (link_tokens) */
    }
  }
  if (in->entities.n != n0) sort_added(c, n0);
}

/* The linking table: (tag, 32-bit hash) -> cluster, open addressing. */
enum { K_NAME = 1, K_PERSON_TOKEN, K_ORG_HEAD, K_ACRONYM, K_GIVEN, K_ORG_SHORT };
/* a given name two persons of the story share: it links to neither */
#define LINK_AMBIGUOUS (UINT32_MAX - 1)

typedef struct link_slot {
  uint32_t h; /* the key's hash (its tag is in link_table.tag) */
  uint32_t cl;
} link_slot;

typedef struct link_table {
  link_slot *s;
  uint8_t *tag; /* a slot's key tag; 0 = empty: only these bytes are cleared
                   for a new table, not the slots (a memset of the slots
                   cost more than the probes) */
  size_t cap;
  size_t used; /* keys written: the table is never filled past three quarters (a
                  mention retyped as a firm writes keys the count before it
                  did not foresee), so every probe ends */
} link_table;

/* Whether a cluster's name is n bytes of b: for a person's full name, but
 * for the case of ASCII letters ("DONALD TRUMP" of a headline in capitals
 * and "Donald Trump"; an organization's headline capitals keep a cluster of
 * their own, which its short names do not join, and so does a headline's
 * "JANSHER", which "Jansher" of "Jansher Khan" does not join). */
static int same_name(const cluster *q, const char *b, size_t n) {
  const char *a = q->canonical;
  if (q->canon_len != n) return 0;
  if (q->type != LEDE_T_PERSON || !memchr(b, ' ', n)) return memcmp(a, b, n) == 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (x != y && !(((x | 0x20) == (y | 0x20)) && (x | 0x20) >= 'a' && (x | 0x20) <= 'z'))
      return 0;
  }
  return 1;
}

static uint32_t link_get(const link_table *lt, int tag, uint32_t h, const cluster *CL,
                         const char *name, size_t len) {
  size_t j = (h ^ (uint32_t)(tag * 0x9e3779b9u)) & (lt->cap - 1);
  while (lt->tag[j]) {
    if (lt->tag[j] == tag && lt->s[j].h == h) {
      const cluster *q = &CL[lt->s[j].cl];
      /* names are checked letter by letter; tokens by their hash */
      if (!name || same_name(q, name, len)) return lt->s[j].cl;
    }
    j = (j + 1) & (lt->cap - 1);
  }
  return UINT32_MAX;
}

/* Sets (or moves to the latest cluster) a key. */
static void link_put(link_table *lt, int tag, uint32_t h, uint32_t cl, const cluster *CL,
                     const char *name, size_t len) {
  size_t j = (h ^ (uint32_t)(tag * 0x9e3779b9u)) & (lt->cap - 1);
  while (lt->tag[j]) {
    if (lt->tag[j] == tag && lt->s[j].h == h) {
      const cluster *q = &CL[lt->s[j].cl];
      if (!name || same_name(q, name, len)) {
        lt->s[j].cl = cl;
        return;
      }
    }
    j = (j + 1) & (lt->cap - 1);
  }
  if (4 * (lt->used + 1) > 3 * lt->cap) return; /* full: the key is not kept */
  lt->used++;
  lt->tag[j] = (uint8_t)tag;
  lt->s[j].h = h;
  lt->s[j].cl = cl;
}

/* A king's or a model's number: "VI", "IV", "II". */
static int roman_numeral(const lx_ctx *c, const lx_token *t) {
  size_t n = t->end - t->start;
  if (n > 5) return 0;
  for (size_t i = 0; i < n; i++)
    if (!memchr("IVXL", c->text[t->start + i], 4)) return 0;
  return n > 0;
}

/* The acronym of a name: the capitals that open its words ("World Health
 * Organization" -> WHO), hashed like a token; 0 if fewer than two. */
static uint32_t acronym_hash(const char *s, size_t n) {
  char buf[16];
  size_t m = 0;
  /* the words' first bytes: from one space to the next */
  for (size_t p = 0; p < n && m < sizeof buf;) {
    if (s[p] >= 'A' && s[p] <= 'Z') buf[m++] = s[p];
    const char *sp = (const char *)memchr(s + p, ' ', n - p);
    if (!sp) break;
    p = (size_t)(sp - s) + 1;
  }
  return m >= 2 && m < sizeof buf ? lx_hash_lower(buf, m) : 0;
}

/* "the department" (and "The department" that definite_descriptions found
 * at a sentence start; "The Economist" is a name): a mention of an
 * organization by its head, at tokens [a, b). */
static int is_definite(const lx_ctx *c, const lede_entity *e, size_t a, size_t b) {
  return e->type == LEDE_T_ORG && e->span.end - e->span.start > 4 && b > a &&
         memcmp(c->text + e->span.start + 1, "he ", 3) == 0 &&
         (c->text[e->span.start] == 't' ||
          (c->text[e->span.start] == 'T' && e->rule == LEDE_RULE_LINKING));
}

static int is_place_type(int type) {
  return type == LEDE_T_GPE || type == LEDE_T_LOC || type == LEDE_T_FAC;
}

/* The gazetteer name spelled by tokens [a, b) for an entity of a type: one
 * of its type (a place of any place type), else, unless the name is an
 * abbreviation, the first (a team named by its city is the city: CHICAGO
 * is Chicago; an organization "ID" or "Co" is not Idaho or Colorado). */
static const lx_entry *gaz_of_type(const lx_ctx *c, size_t a, size_t b, int type) {
  const lx_entry *first = gaz_exact(c, a, b, NAME_KINDS);
  for (const lx_entry *g = first; g; g = lx_entry_next(GAZ(c), g)) {
    if (!(NAME_KINDS & KIND(g->kind))) continue;
    int t = type_of_kind(c, g);
    if (t == type || (is_place_type(t) && is_place_type(type))) return g;
  }
  return b - a > 1 || TOKS(c)[a].nletters > 3 ? first : NULL;
}

/* Whether the city or state at tokens [a, b) names a team in a sports
 * table (an organization): a line of scores "Minnesota 6 MILWAUKEE 1", a
 * line of standings "CLEVELAND 80 53 .602". Not fixtures ("KANSAS CITY AT
 * DETROIT": where the game is played, CoNLL reads places), and countries
 * stay places (a national side is its country's name, as OntoNotes and
 * CoNLL read it). */
static int team_in_table(const lx_ctx *c, size_t a, size_t b) {
  const lx_token *t = TOKS(c);
  size_t n = c->toks.n;
  int starts = a == 0 || (t[a].flags & LX_TF_NEWLINE);
  int num_after = b < n && t[b].kind == LX_TK_NUM && !(t[b].flags & LX_TF_NEWLINE);
  int table = 0;
  if (starts && num_after && b + 1 < n && !(t[b + 1].flags & LX_TF_NEWLINE)) {
    const lx_token *u = &t[b + 1];
    /* standings: two numbers or more; scores: a number, then a name */
    table = u->kind == LX_TK_NUM ||
            (u->kind == LX_TK_PUNCT && b + 2 < n && t[b + 2].kind == LX_TK_NUM) ||
            (u->kind == LX_TK_WORD && tok_is_cap(u));
  }
  /* the second side of a score line: "Minnesota 6 MILWAUKEE 1" */
  if (!table && num_after && (b + 1 >= n || (t[b + 1].flags & LX_TF_NEWLINE)) && a > 0 &&
      t[a - 1].kind == LX_TK_NUM && !(t[a].flags & LX_TF_NEWLINE))
    table = 1;
  if (!table) return 0;
  return gaz_has(c, a, b, KIND(LX_G_CITY) | KIND(LX_G_STATE)) &&
         !gaz_has(c, a, b, KIND(LX_G_COUNTRY));
}

/* Teams in sports tables, once every mention is found (a table's rows
 * are often found only as mentions of a name read elsewhere). */
/* Returns the places (GPE) left, which teams_in_reports reads next. */
static size_t teams_in_tables(lx_ctx *c) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  const lx_token *t = TOKS(c);
  size_t ngpe = 0;
  for (size_t i = 0; i < in->entities.n; i++) {
    if (E[i].type != LEDE_T_GPE) continue;
    ngpe++;
    /* team_in_table wants a row's first cell or a name after a number:
     * the first token tells, before the others are found */
    size_t a = E[i].cluster, b;
    if (a >= c->toks.n ||
        !(a == 0 || (t[a].flags & LX_TF_NEWLINE) || t[a - 1].kind == LX_TK_NUM))
      continue;
    link_tokens(c, &E[i], &a, &b);
    if (b > a && team_in_table(c, a, b)) {
      E[i].type = LEDE_T_ORG;
      ngpe--;
    }
  }
  return ngpe;
}

/* A report's team sports, and the words after and before a team's city
 * (teams_in_reports). */
static const char *const team_sports[] = {
    "soccer", "football", "baseball", "basketball", "hockey", "cricket", "rugby", "nfl", "nba",
    "nhl"};
static const char *const game_after[] = {
    "beat", "beats", "drew", "lost", "won", "defeated", "edged", "held", "hosted", "host", "hosts",
    "trailed", "led", "scored", "routed", "v", "vs", "vs.", "striker", "forward", "midfielder",
    "defender", "winger", "goalkeeper", "manager", "coach", "captain", "pitcher", "fans",
    "supporters"};
static const char *const game_before[] = {
    "beat", "against", "to", "with", "v", "vs", "vs.", "over", "defeated", "hosted", "visit",
    "joined"};

/* Teams named after their city in a game's report: "Newcastle beat
 * Sunderland 2-1", "lost to Norwich", "Norwich striker Keith O'Neill". In
 * a report, a city next to such a word is the team, and so is every mention
 * of that name but one after a preposition of place (a country stays a
 * place: national sides are read as their country). */
static void teams_in_reports(lx_ctx *c, size_t ngpe) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  const lx_token *t = TOKS(c);
  size_t n = c->toks.n, ne = in->entities.n;
  if (ngpe < 2) return; /* (the places, counted by teams_in_tables) */
  uint32_t *teams = (uint32_t *)lx_scratch(c, ngpe * sizeof(uint32_t));
  size_t nt = 0, scores = 0;
  for (size_t i = 0; i < ne; i++) {
    if (E[i].type != LEDE_T_GPE) continue;
    size_t a, b;
    link_tokens(c, &E[i], &a, &b);
    if (b <= a || b >= n) continue;
    int after_verb = t[b].kind == LX_TK_WORD && (t[b].flags & LX_TF_LOWER) &&
                     word_in(c, &t[b], game_after);
    int before_verb = !after_verb && a > 0 && t[a - 1].kind == LX_TK_WORD &&
                      (t[a - 1].flags & LX_TF_LOWER) &&
                      word_in(c, &t[a - 1], game_before) &&
                      /* "lost to Norwich" (not "flew to Paris"): a score or a
                       * verb of the game before */
                      (lx_tok_is(c->text, &t[a - 1], "joined") || t[b].kind == LX_TK_NUM ||
                       (a >= 2 && word_in(c, &t[a - 2], game_after)));
    if (!after_verb && !before_verb) continue;
    if (!gaz_has(c, a, b, KIND(LX_G_CITY)) || gaz_has(c, a, b, PLACE_KINDS & ~KIND(LX_G_CITY)))
      continue;
    /* "Newcastle beat Sunderland 2-1": a score near tells a game */
    for (size_t q = b; q < n && q < b + 6; q++) scores += t[q].kind == LX_TK_NUM;
    teams[nt++] = text_hash(c, a, E[i].span.start, E[i].span.end);
  }
  if (!nt) return;
  /* a report: its first line names a team sport, as wire sports headlines
   * do, or scores come with two of those cities */
  int report = nt >= 2 && scores >= 2;
  for (size_t i = 0; i < n && !report && !(i > 0 && (t[i].flags & LX_TF_NEWLINE)); i++)
    report = t[i].kind == LX_TK_WORD && (t[i].flags & LX_TF_ALLCAP) &&
             word_in(c, &t[i], team_sports);
  if (!report) return;
  for (size_t i = 0; i < ne; i++) {
    if (E[i].type != LEDE_T_GPE) continue;
    size_t a, b;
    link_tokens(c, &E[i], &a, &b);
    /* "In Montreal, Scott Sanders allowed": the city where it was played */
    if (a > 0 && (lx_tok_ieq(c->text, &t[a - 1], "in") || lx_tok_ieq(c->text, &t[a - 1], "at") ||
                  lx_tok_ieq(c->text, &t[a - 1], "from") || lx_tok_ieq(c->text, &t[a - 1], "near")))
      continue;
    uint32_t h = text_hash(c, a, E[i].span.start, E[i].span.end);
    for (size_t q = 0; q < nt; q++)
      if (teams[q] == h) {
        E[i].type = LEDE_T_ORG;
        break;
      }
  }
}

/* "Real" after "Real Madrid", "Deportivo" after "Deportivo Coruna": a
 * one-word name the tagger calls a person, that opens an organization's
 * name in the same document and ends no person's, is that organization
 * said short. */
static void short_org_names(lx_ctx *c, link_census *k) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  size_t n = in->entities.n, no = k->own[LEDE_T_ORG], np = k->own[LEDE_T_PERSON], cand = k->cand;
  if (!no || !cand) return;
  uint32_t *first = (uint32_t *)lx_scratch(c, (no + np) * sizeof(uint32_t));
  uint32_t *last = first + no;
  size_t nf = 0, nl = 0, ones = 0;
  const lx_token *t = TOKS(c);
  size_t nt = c->toks.n;
  for (size_t i = 0; i < n; i++) {
    if (E[i].rule >= LEDE_RULE_USER) continue;
    if (E[i].type != LEDE_T_ORG && E[i].type != LEDE_T_PERSON) continue;
    /* two tokens at least: the second ends within the span */
    size_t a = E[i].cluster, b;
    if (a + 1 >= nt || t[a + 1].end > E[i].span.end) {
      /* one token (or none): a tagger's person of one is looked up below */
      ones += E[i].type == LEDE_T_PERSON && E[i].rule == LEDE_RULE_TAGGER && a < nt &&
              t[a].end <= E[i].span.end;
      continue;
    }
    if (E[i].type == LEDE_T_ORG) {
      first[nf++] = t[a].hash;
    } else {
      link_tokens(c, &E[i], &a, &b);
      last[nl++] = t[b - 1].hash;
    }
  }
  /* nothing to look up (most documents), or a few lookups (one by one):
   * the sorts are spared */
  if (!nf || !ones) return;
  int sorted = ones > 8;
  if (sorted) {
    lx_sort(first, nf, sizeof *first, cmp_u32);
    if (nl) lx_sort(last, nl, sizeof *last, cmp_u32);
  }
  for (size_t i = 0; i < n; i++) {
    if (E[i].type != LEDE_T_PERSON || E[i].rule != LEDE_RULE_TAGGER) continue;
    size_t a, b;
    link_tokens(c, &E[i], &a, &b);
    if (b != a + 1) continue;
    uint32_t h = t[a].hash;
    if (has_u32(first, nf, h, sorted) && !(nl && has_u32(last, nl, h, sorted)) &&
        !gaz_has(c, a, b, KIND(LX_G_GIVEN) | KIND(LX_G_SURNAME))) {
      census_add(k, E[i].type, E[i].rule, -1);
      E[i].type = LEDE_T_ORG;
      census_add(k, E[i].type, E[i].rule, 1);
    }
  }
}

/* The end of an organization's name without its legal form and the words
 * of its trade ("Carolina Skyways" of "Carolina Skyways Inc.", "Caldera"
 * of "Caldera Energy Corp."): a token index in (a, b], b if none. */
static size_t org_stem_end(const lx_ctx *c, size_t a, size_t b) {
  const lx_token *t = TOKS(c);
  size_t p = b;
  /* (the two lists asked in one look in the set of listed words) */
  while (p > a + 1 && (legal_form(c, &t[p - 1], 1) ||
                       in_listed(c, &t[p - 1], LL(company_words) | LL(industry_words))))
    p--;
  return p;
}

/* "Carolina Skyways" after "Carolina Skyways Inc.": a name of two words or
 * more the tagger calls a person, that is an organization's name without
 * its legal form or trade, and does not end in a surname, is that
 * organization said short (short_org_names does one-word names). */
static void short_org_stems(lx_ctx *c, link_census *k) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  size_t n = in->entities.n, no = k->own[LEDE_T_ORG];
  if (!no || !k->own[LEDE_T_PERSON]) return;
  const lx_token *t = TOKS(c);
  uint32_t *stems = (uint32_t *)lx_scratch(c, no * sizeof(uint32_t));
  size_t ns = 0;
  for (size_t i = 0; i < n && ns < no; i++) {
    if (E[i].type != LEDE_T_ORG || E[i].rule >= LEDE_RULE_USER) continue;
    size_t a, b;
    link_tokens(c, &E[i], &a, &b);
    if (b < a + 3) continue;
    size_t p = org_stem_end(c, a, b);
    if (p < b && p >= a + 2) stems[ns++] = text_hash(c, a, t[a].start, t[p - 1].end);
  }
  if (!ns) return;
  for (size_t i = 0; i < n; i++) {
    if (E[i].type != LEDE_T_PERSON || E[i].rule >= LEDE_RULE_USER) continue;
    size_t a, b;
    link_tokens(c, &E[i], &a, &b);
    /* (a surname last is a person's, unless no given name is first:
     * "Golden Harbour" of "Golden Harbour Holdings Ltd") */
    if (b < a + 2 || (gaz_has(c, b - 1, b, KIND(LX_G_SURNAME)) &&
                      gaz_has(c, a, a + 1, KIND(LX_G_GIVEN))))
      continue;
    uint32_t h = text_hash(c, a, t[a].start, t[b - 1].end);
    for (size_t q = 0; q < ns; q++)
      if (stems[q] == h) {
        census_add(k, E[i].type, E[i].rule, -1);
        E[i].type = LEDE_T_ORG;
        census_add(k, E[i].type, E[i].rule, 1);
        break;
      }
  }
}

/* "Boatmen's" after "Boatmen's Bancshares Inc.": an organization whose
 * name holds a possessive keeps it when said short ("Boatmen's was the
 * prize"), where the tokens split it off as they split any possessive. */
static void possessive_org_names(lx_ctx *c, const link_census *k) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  size_t n = in->entities.n, no = k->own[LEDE_T_ORG], nt = c->toks.n;
  if (no < 2) return;
  uint32_t *first = (uint32_t *)lx_scratch(c, no * sizeof(uint32_t));
  size_t nf = 0;
  const lx_token *t = TOKS(c);
  for (size_t i = 0; i < n; i++) {
    if (E[i].type != LEDE_T_ORG || E[i].rule >= LEDE_RULE_USER) continue;
    /* three tokens at least, the second a possessive */
    size_t a = E[i].cluster;
    if (a + 2 < nt && (t[a + 1].flags & LX_TF_POSS) && t[a + 2].end <= E[i].span.end)
      first[nf++] = t[a].hash;
  }
  if (!nf) return;
  lx_sort(first, nf, sizeof *first, cmp_u32);
  for (size_t i = 0; i < n; i++) {
    if (E[i].type != LEDE_T_ORG || E[i].rule >= LEDE_RULE_USER) continue;
    /* one token, a possessive right after it: the next token tells */
    size_t a = E[i].cluster, b;
    if (a + 1 >= nt || !(t[a + 1].flags & LX_TF_POSS) || t[a + 1].start != E[i].span.end)
      continue;
    link_tokens(c, &E[i], &a, &b);
    if (b != a + 1 || b >= nt || !(t[b].flags & LX_TF_POSS) || t[b].start != E[i].span.end ||
        (i + 1 < n && E[i + 1].span.start < t[b].end))
      continue;
    uint32_t h = t[a].hash;
    if (has_u32(first, nf, h, 1)) E[i].span.end = t[b].end;
  }
}

/* Whether a word is "moon", "planet", "asteroid" or "comet" (its length
 * first: no hash of the four words is made for a document that has none). */
static int body_word(const lx_ctx *c, const lx_token *w) {
  switch (w->end - w->start) {
    case 4: return lx_tok_ieq(c->text, w, "moon");
    case 5: return lx_tok_ieq(c->text, w, "comet");
    case 6: return lx_tok_ieq(c->text, w, "planet");
    case 8: return lx_tok_ieq(c->text, w, "asteroid");
    default: return 0;
  }
}

/* A one-word name the story calls a moon, a planet, an asteroid or a
 * comet ("Saturn's moon Titan") is a place wherever it names it (at most 8
 * such names; run once the names are found everywhere). */
static void called_bodies(lx_ctx *c) {
  lede_doc_internal *in = c->doc->internal;
  lede_entity *E = (lede_entity *)in->entities.p;
  const lx_token *t = TOKS(c);
  uint32_t called[8];
  size_t ncalled = 0, n = in->entities.n, nt = c->toks.n;
  /* a name's first token is its cluster's field by now (first_tokens,
   * propagate_names); one-word names only */
#define ONE_WORD(e) ((e)->cluster < nt && t[(e)->cluster].start == (e)->span.start && \
                     t[(e)->cluster].end == (e)->span.end)
  for (size_t i = 0; i < n && ncalled < 8; i++) {
    /* the word before first: it is none of the four before most names */
    size_t a = E[i].cluster;
    if (a == 0 || a > nt || !(t[a - 1].flags & LX_TF_LOWER) || !body_word(c, &t[a - 1])) continue;
    if (E[i].rule < LEDE_RULE_USER && ONE_WORD(&E[i])) called[ncalled++] = t[a].hash;
  }
  for (size_t i = 0; i < n && ncalled; i++) {
    int ty = E[i].type;
    if ((ty != LEDE_T_PERSON && ty != LEDE_T_GPE && ty != LEDE_T_ORG && ty != LEDE_T_NORP) ||
        E[i].rule >= LEDE_RULE_USER || !ONE_WORD(&E[i]))
      continue;
    for (size_t q = 0; q < ncalled; q++)
      if (t[E[i].cluster].hash == called[q]) {
        E[i].type = LEDE_T_LOC;
        break;
      }
  }
#undef ONE_WORD
}

/* Planets and moons are places (LOC), not persons or cities: "Mars",
 * "Jupiter" (a town in Florida too), "Europa", "the Moon" ("Moon" alone
 * may be Moon Jae-in). One-word names the built-ins made, sorted. Asked of
 * each entity by first_tokens, before it counts it. */
static int celestial_body(const lx_ctx *c, const lede_entity *e) {
  static const char *const bodies[] = {"Callisto", "Earth", "Enceladus", "Europa", "Ganymede",
                                       "Jupiter",  "Mars",  "Moon",      "Neptune", "Pluto",
                                       "Saturn",   "Uranus", "Venus"};
  /* the first letters of those of n letters (a name passes these two
   * tests rarely: only then is the list searched) */
#define BL(ch) (1u << ((ch) - 'A'))
  static const uint32_t body_letters[10] = {
      [4] = BL('M'), [5] = BL('E') | BL('P') | BL('V'), [6] = BL('E') | BL('S') | BL('U'),
      [7] = BL('J') | BL('N'), [8] = BL('C') | BL('G'), [9] = BL('E')};
#undef BL
  int ty = e->type;
  if ((ty != LEDE_T_PERSON && ty != LEDE_T_GPE && ty != LEDE_T_ORG && ty != LEDE_T_NORP) ||
      e->rule >= LEDE_RULE_USER || e->rule == LEDE_RULE_STRUCTURE)
    return 0;
  uint32_t n0 = e->span.end - e->span.start;
  unsigned f = (unsigned char)c->text[e->span.start] - (unsigned)'A';
  if (n0 < 4 || n0 > 9 || f > 25 || !(body_letters[n0] & (1u << f)) ||
      !lx_sorted_has(bodies, LX_COUNTOF(bodies), c->text + e->span.start, n0))
    return 0;
  uint32_t s0 = e->span.start;
  if (c->text[s0] == 'M' && n0 == 4 && c->text[s0 + 1] == 'o' &&
      !(s0 >= 4 && (c->text[s0 - 4] | 0x20) == 't' && c->text[s0 - 3] == 'h' &&
        c->text[s0 - 2] == 'e' && c->text[s0 - 1] == ' ') &&
      !(s0 >= 4 && (c->text[s0 - 4] | 0x20) == 'o' && c->text[s0 - 3] == 'u' &&
        c->text[s0 - 2] == 'r' && c->text[s0 - 1] == ' '))
    return 0; /* "Moon" without "the" or "our" */
  return 1;
}

void lx_link(lx_ctx *c) {
  lede_doc_internal *in = c->doc->internal;
  link_census k;
  first_tokens(c, &k);
  consistent_types(c, &k);
  surnames_of_persons(c, &k);
  short_org_names(c, &k);
  short_org_stems(c, &k);
  possessive_org_names(c, &k);
  /* not in another language: a word the tagger took for a name there is
   * too often a common noun, and would be found everywhere */
  if (!c->other_language) propagate_names(c, &k);
  called_bodies(c);
  teams_in_reports(c, teams_in_tables(c));
  definite_descriptions(c);
  size_t n = in->entities.n;
  if (n == 0) return;
  lede_entity *E = (lede_entity *)in->entities.p;
  const lx_token *t = TOKS(c);
  /* scratch: clusters, each entity's tokens and cluster, the mentions in
   * order (two lists while ordered), the table (up to
   * 8 keys a named mention: a person's name, four surnames ("Meer", "der
   * Meer", "van der Meer"; "Masri" of "al-Masri"), a given name, a family
   * name first and one inside; an organization's name, four short names, its
   * head and two acronyms; half of it empty: sized for that, cleared for the
   * keys that will be written, known once the mentions are ordered).
   * Values and titles are not named (no pass changes their types, and the
   * mentions added are names). */
  size_t named = n - k.all[LEDE_T_TITLE];
  for (int ty = LEDE_T_DATE; ty <= LEDE_T_CARDINAL; ty++) named -= k.all[ty];
  size_t cap = 16;
  while (cap < named * 16) cap *= 2;
  size_t bytes =
      n * sizeof(cluster) + 5 * n * sizeof(uint32_t) + cap * (sizeof(link_slot) + 1);
  cluster *CL = (cluster *)lx_scratch(c, bytes);
  uint32_t *ta = (uint32_t *)(CL + n), *tb = ta + n, *ent_cl = tb + n, *order = ent_cl + n;
  uint32_t *rest = order + n; /* the mentions but full names, till they join order */
  link_table lt;
  lt.s = (link_slot *)(rest + n);
  lt.tag = (uint8_t *)(lt.s + cap);
  size_t ncl = 0;
  /* full names first, so that a lone "Pompeo" in the headline finds "Mike
   * Pompeo" of the lead; then every other mention in text order */
  size_t no = 0, last_two = 0, nr = 0;
  /* the last mentions (in that order) that look up a surname, a head or an
   * acronym: the keys they read are not written after them (0: none). The
   * walk counts them from 1 among the mentions that are no full names, and
   * places them after the full names once those are all known */
  size_t last_surname = 0, last_head = 0, last_acronym = 0;
  size_t orgs = 0, orgs_head = 0, orgs_acronym = 0;
  for (size_t i = 0, a, b; i < n; i++) {
    ent_cl[i] = UINT32_MAX;
    if (plain_type(E[i].type)) {
      ta[i] = tb[i] = 0;
      continue;
    }
    link_tokens(c, &E[i], &a, &b);
    ta[i] = (uint32_t)a;
    tb[i] = (uint32_t)b;
    if (E[i].type == LEDE_T_PERSON && b - a >= 2) {
      /* a name of two words may be a surname of two ("Van Aalst"), and one
       * of three that opens with a particle a surname of three ("Van der
       * Meer") */
      if (b - a == 2 || (b - a == 3 && lx_name_particle(c->text, &t[a]))) last_two = no;
      order[no++] = (uint32_t)i;
      continue;
    }
    if ((E[i].type == LEDE_T_PERSON ||
         (E[i].type == LEDE_T_ORG && !(t[a].flags & LX_TF_ALLCAP))) && b - a == 1)
      last_surname = nr + 1;
    if (is_definite(c, &E[i], a, b)) last_head = nr + 1, orgs_head = orgs;
    if (E[i].type == LEDE_T_ORG && b - a == 1 && (t[a].flags & LX_TF_ALLCAP))
      last_acronym = nr + 1, orgs_acronym = orgs;
    orgs += E[i].type == LEDE_T_ORG;
    rest[nr++] = (uint32_t)i;
  }
  /* the others after the full names */
  size_t full_names = no;
  memcpy(order + no, rest, nr * sizeof *rest);
  no += nr;
  last_surname = last_surname ? full_names + last_surname - 1 : last_two;
  if (last_head) last_head += full_names - 1;
  if (last_acronym) last_acronym += full_names - 1;
  /* the keys written: a name per mention at most, a full name's two words
   * (if a surname is looked up after them), an organization's head and
   * acronym (if looked up after it) */
  size_t keys = no + (last_surname ? 7 * full_names : 0) + orgs_head + 2 * orgs_acronym + 4 * orgs;
  lt.cap = 16;
  lt.used = 0;
  while (lt.cap < keys * 2) lt.cap *= 2;
  memset(lt.tag, 0, lt.cap);
  for (size_t oi = 0; oi < no; oi++) {
    size_t i = order[oi];
    lede_entity *e = &E[i]; /* not a value nor a title: those are not in order */
    size_t a = ta[i], b = tb[i];
    const char *canon = e->canonical;
    size_t clen = canon ? strlen(canon) : 0;
    /* a firm's name ends before its legal forms at lf */
    size_t lf = b;
    if (e->type == LEDE_T_ORG)
      while (lf > a + 1 && legal_form(c, &t[lf - 1], 1)) lf--;
    if (!canon) {
      const lx_entry *g = b > a && e->type != LEDE_T_PERSON ? gaz_of_type(c, a, b, e->type) : NULL;
      if (!g && lf < b)
        /* "General Motors Corp.": the name the gazetteer knows without
         * its legal form, which "GM" is linked to */
        g = gaz_of_type(c, a, lf, LEDE_T_ORG);
      if (g) {
        canon = lx_dict_str(GAZ(c), g->canonical);
        clen = strlen(canon);
      } else {
        core_text(c, e, &canon, &clen);
      }
    }
    /* the text's own hash when the name is the text (a lone word's is its
     * token's); kept (th) for the lookups below that want that of its
     * tokens (tokens_hash) */
    uint32_t nh, th = 0;
    int has_th = 0;
    if (canon == c->text + e->span.start && clen == e->span.end - e->span.start) {
      th = text_hash(c, a, e->span.start, e->span.end);
      has_th = 1;
      nh = lx_hash_combine(th, e->type);
    } else {
      nh = span_hash_lower(canon, clen, e->type);
    }
    uint32_t found = link_get(&lt, K_NAME, nh, CL, canon, clen);
    int definite = is_definite(c, e, a, b);
    int fuller = 0; /* a firm's full name after its short one */
    if (found == UINT32_MAX && e->type == LEDE_T_ORG && b > a + 1 && !definite) {
      /* "Kopi Labs Pte Ltd" after a headline's "Kopi Labs": the same firm,
       * which its full name names better */
      if (lf < b) {
        uint32_t h = lx_hash_combine(text_hash(c, a, t[a].start, t[lf - 1].end), LEDE_T_ORG);
        found = link_get(&lt, K_NAME, h, CL, c->text + t[a].start, t[lf - 1].end - t[a].start);
        fuller = found != UINT32_MAX && CL[found].type == LEDE_T_ORG;
        if (!fuller) found = UINT32_MAX;
      }
    }
    if (found == UINT32_MAX && e->type == LEDE_T_PERSON && b - a == 1)
      /* a surname (or the family name a Korean name opens with) */
      found = link_get(&lt, K_PERSON_TOKEN, t[a].hash, CL, NULL, 0);
    if (found == UINT32_MAX && e->type == LEDE_T_PERSON &&
        (b - a == 2 || (b - a == 3 && lx_name_particle(c->text, &t[a]))))
      /* a surname of two words: "Van Aalst" of "Pieter van Aalst", "Ould
       * Dah" of "Moktar Ould Dah"; of three: "Van der Meer" */
      found = link_get(&lt, K_PERSON_TOKEN, tokens_hash(c, e, a, b, has_th, th), CL, NULL, 0);
    if (found == UINT32_MAX && e->type == LEDE_T_PERSON && b - a == 1 &&
        !(t[a].flags & (LX_TF_ALLCAP | LX_TF_PERIOD)) && t[a].nletters >= 3) {
      /* a given name alone, as press releases and features say it ("Ivan
       * served as CEO" after "Ivan Braiker"), if one person has it */
      found = link_get(&lt, K_GIVEN, t[a].hash, CL, NULL, 0);
      if (found == LINK_AMBIGUOUS) found = UINT32_MAX;
    }
    if (found == UINT32_MAX && definite)
      /* "the department": the latest organization with that head */
      found = link_get(&lt, K_ORG_HEAD, t[b - 1].hash, CL, NULL, 0);
    if (found == UINT32_MAX && e->type == LEDE_T_ORG && b - a == 1 && (t[a].flags & LX_TF_ALLCAP))
      /* an acronym of an organization named before: "WHO" */
      found = link_get(&lt, K_ACRONYM, t[a].hash, CL, NULL, 0);
    if (found == UINT32_MAX && e->type == LEDE_T_ORG && b > a && !definite) {
      /* an organization said short: "Carolina Skyways" after "Carolina
       * Skyways Inc.", "Corvane" after "Corvane Therapeutics" */
      found = link_get(&lt, K_ORG_SHORT, tokens_hash(c, e, a, b, has_th, th), CL, NULL, 0);
      if (found == LINK_AMBIGUOUS) found = UINT32_MAX;
    }
    if (found == UINT32_MAX && e->type == LEDE_T_ORG && b == a + 1 &&
        !(t[a].flags & LX_TF_ALLCAP) && !gaz_has(c, a, b, NAME_KINDS)) {
      /* a person's surname the tagger read as a firm: "El-Sayed said" after
       * "Hala el-Sayed" (no firm the gazetteer knows) */
      uint32_t g = link_get(&lt, K_PERSON_TOKEN, t[a].hash, CL, NULL, 0);
      /* (a person's: named first with a given name; not "Sentra" of a
       * "Nissan Sentra" read as a person) */
      if (g != UINT32_MAX && g != LINK_AMBIGUOUS && CL[g].type == LEDE_T_PERSON &&
          t[a].nletters >= 3 &&
          gaz_has(c, ta[CL[g].first], ta[CL[g].first] + 1, KIND(LX_G_GIVEN)) &&
          link_get(&lt, K_ORG_SHORT, t[a].hash, CL, NULL, 0) == UINT32_MAX) {
        e->type = LEDE_T_PERSON;
        found = g;
      }
    }
    if (found == UINT32_MAX &&
        (e->type == LEDE_T_GPE || e->type == LEDE_T_NORP || e->type == LEDE_T_PERSON ||
         (b == a + 1 && e->type == LEDE_T_WORK_OF_ART) || /* ("Quillion") */
         (b > a + 1 && (e->type == LEDE_T_LOC || e->type == LEDE_T_FAC))) &&
        b > a && b <= a + 3 && !(t[a].flags & LX_TF_ALLCAP) &&
        !gaz_has(c, a, b, NAME_KINDS | KIND(LX_G_GIVEN) | KIND(LX_G_SURNAME))) {
      /* a firm's name said short that the tagger read as a place or a
       * person: "Noordam" after "Noordam Chemie", "Pinewood" after
       * "Pinewood Savings", "Golden Harbour" after "Golden Harbour
       * Holdings Ltd" (no place nor person the gazetteer knows) */
      uint32_t g = link_get(&lt, K_ORG_SHORT,
                            b == a + 1 ? t[a].hash : tokens_hash(c, e, a, b, has_th, th),
                            CL, NULL, 0);
      if (g != UINT32_MAX && g != LINK_AMBIGUOUS && CL[g].type == LEDE_T_ORG) {
        e->type = LEDE_T_ORG;
        found = g;
      }
    }
    if (found == UINT32_MAX) {
      cluster *q = &CL[ncl];
      memset(q, 0, sizeof *q);
      q->type = e->type;
      q->first = (uint32_t)i;
      q->canonical = canon;
      q->canon_len = clen;
      q->ntok = (uint32_t)(b - a);
      q->role_span = no_span_;
      found = (uint32_t)ncl++;
      if (!definite) link_put(&lt, K_NAME, nh, found, CL, canon, clen);
    } else if (fuller) {
      CL[found].canonical = canon;
      CL[found].canon_len = clen;
      CL[found].ntok = (uint32_t)(b - a);
      link_put(&lt, K_NAME, nh, found, CL, canon, clen);
    } else if (e->type == LEDE_T_PERSON &&
               (b - a > CL[found].ntok ||
                (b - a == CL[found].ntok && !(t[a].flags & LX_TF_ALLCAP) &&
                 (TOKS(c)[ta[CL[found].first]].flags & LX_TF_ALLCAP)))) {
      /* a fuller name names the person better, and so does one in lower
       * case than a headline's capitals */
      CL[found].canonical = canon;
      CL[found].canon_len = clen;
      CL[found].ntok = (uint32_t)(b - a);
      CL[found].first = (uint32_t)i;
    }
    ent_cl[i] = found;
    if (e->type == LEDE_T_PERSON && b - a >= 2 && oi < last_surname) {
      /* the surname: the first person named with it keeps it ("Pettigrew"
       * is Arlo Pettigrew, whom the story is about, after his wife June
       * Pettigrew is named) */
      if (link_get(&lt, K_PERSON_TOKEN, t[b - 1].hash, CL, NULL, 0) == UINT32_MAX)
        link_put(&lt, K_PERSON_TOKEN, t[b - 1].hash, found, CL, NULL, 0);
      /* "Masri" of "Khalid al-Masri" */
      size_t hp = particle_of(c, &t[b - 1]);
      if (hp) {
        uint32_t hm =
            lx_hash_lower(c->text + t[b - 1].start + hp, t[b - 1].end - t[b - 1].start - hp);
        if (link_get(&lt, K_PERSON_TOKEN, hm, CL, NULL, 0) == UINT32_MAX)
          link_put(&lt, K_PERSON_TOKEN, hm, found, CL, NULL, 0);
      }
      if (b - a >= 3) {
        uint32_t h2 = text_hash(c, b - 2, t[b - 2].start, t[b - 1].end);
        if (link_get(&lt, K_PERSON_TOKEN, h2, CL, NULL, 0) == UINT32_MAX)
          link_put(&lt, K_PERSON_TOKEN, h2, found, CL, NULL, 0);
      }
      /* a surname of particles and a name: "van der Meer" */
      if (b - a >= 4 && lx_name_particle(c->text, &t[b - 3])) {
        uint32_t h3 = text_hash(c, b - 3, t[b - 3].start, t[b - 1].end);
        if (link_get(&lt, K_PERSON_TOKEN, h3, CL, NULL, 0) == UINT32_MAX)
          link_put(&lt, K_PERSON_TOKEN, h3, found, CL, NULL, 0);
      }
      /* a given name (a person's by the gazetteer's word: a known given
       * name first or a known surname last; not a headline's capitals, a
       * firm, a king) */
      if (!((t[a].flags | t[b - 1].flags) & LX_TF_ALLCAP) && !roman_numeral(c, &t[b - 1]) &&
          !word_in(c, &t[b - 1], company_words) &&
          (gaz_has(c, a, a + 1, KIND(LX_G_GIVEN)) ||
           gaz_has(c, b - 1, b, KIND(LX_G_SURNAME)))) {
        uint32_t g = link_get(&lt, K_GIVEN, t[a].hash, CL, NULL, 0);
        if (g != found)
          link_put(&lt, K_GIVEN, t[a].hash, g == UINT32_MAX ? found : LINK_AMBIGUOUS, CL, NULL,
                   0);
      }
      /* a family name first: "Kang Kyung-wha", "Wang Donghai", "Nguyen
       * Thi Thu Ha" (a word that is a surname and never a given name) */
      if ((t[a + 1].flags & LX_TF_HYPHEN) ||
          (b - a <= 4 && gaz_has(c, a, a + 1, KIND(LX_G_SURNAME)) &&
           !gaz_has(c, a, a + 1, KIND(LX_G_GIVEN))))
        link_put(&lt, K_PERSON_TOKEN, t[a].hash, found, CL, NULL, 0);
      /* a surname inside the name: the father's of two ("Aguirre" of
       * "Martín Aguirre Echeverría", "Quispe" of "José Luis Quispe
       * Mamani"), a Chinese one after an English given name ("Goh" of
       * "Darren Goh Wei Ming"): its first word in the middle that is no
       * given name, initial or particle */
      for (size_t p = a + 1; p + 1 < b; p++) {
        const lx_token *m = &t[p];
        if (m->kind != LX_TK_WORD || !tok_is_cap(m) ||
            (m->flags & (LX_TF_ALLCAP | LX_TF_PERIOD)) || m->nletters < 3 ||
            lx_name_particle(c->text, m) || gaz_has(c, p, p + 1, KIND(LX_G_GIVEN)))
          continue;
        if (link_get(&lt, K_PERSON_TOKEN, m->hash, CL, NULL, 0) == UINT32_MAX)
          link_put(&lt, K_PERSON_TOKEN, m->hash, found, CL, NULL, 0);
        break;
      }
    }
    if (e->type == LEDE_T_ORG && b > a + 1 && !definite) {
      /* its short names: without its legal form and the words of its trade
       * ("Carolina Skyways" of "Carolina Skyways Inc.", "Caldera" of
       * "Caldera Energy Corp."), and its first word if that is no common
       * word, place or given name ("Noordam" of "Noordam Chemie") */
      size_t p = org_stem_end(c, a, lf); /* (past the legal forms already read) */
      uint32_t sh[4];
      size_t ns = 0;
      /* a team's nickname: "Comets" of "Rochester Comets" (a place, then a
       * plural in capitals and small letters) */
      const lx_token *z = &t[b - 1];
      if (p == b && tok_is_cap(z) && !(z->flags & LX_TF_ALLCAP) && z->nletters >= 4 &&
          (c->text[z->end - 1] == 's') && gaz_has(c, a, b - 1, PLACE_KINDS))
        sh[ns++] = z->hash;
      if (p < b) sh[ns++] = text_hash(c, a, t[a].start, t[p - 1].end);
      /* and without its legal forms alone: "Kopi Labs" of "Kopi Labs Pte
       * Ltd" (whose stem is "Kopi") */
      if (lf < b && lf > p) sh[ns++] = text_hash(c, a, t[a].start, t[lf - 1].end);
      /* (a place's or a given name too when the firm says it is one:
       * "Sterling" of "Sterling Axle Corp."; only an ORG mention looks it
       * up) */
      if (p > a + 1 && name_word(c, &t[a]) && !(t[a].flags & LX_TF_ALLCAP) &&
          (!gaz_has(c, a, a + 1, PLACE_KINDS | KIND(LX_G_GIVEN) | KIND(LX_G_DEMONYM)) ||
           (legal_form(c, &t[b - 1], 1) && !gaz_has(c, a, a + 1, KIND(LX_G_COUNTRY) |
                                                                 KIND(LX_G_DEMONYM)))))
        sh[ns++] = t[a].hash;
      for (size_t q = 0; q < ns; q++) {
        uint32_t g = link_get(&lt, K_ORG_SHORT, sh[q], CL, NULL, 0);
        /* two that share it share none, but for a union or a club named
         * after a firm ("Skyward" is Skyward Airlines, not the Skyward
         * Pilots Union) */
        if (g == found || g == LINK_AMBIGUOUS || (g != UINT32_MAX && members_body(c, b)))
          continue;
        if (g != UINT32_MAX && !members_body(c, tb[CL[g].first])) g = LINK_AMBIGUOUS;
        else g = found;
        link_put(&lt, K_ORG_SHORT, sh[q], g, CL, NULL, 0);
      }
    }
    if (e->type == LEDE_T_ORG && b > a && !definite) {
      if (oi < last_head && desc_head_of(c, &t[b - 1]))
        link_put(&lt, K_ORG_HEAD, t[b - 1].hash, found, CL, NULL, 0);
      uint32_t ah = oi < last_acronym ? acronym_hash(canon, clen) : 0;
      if (ah) link_put(&lt, K_ACRONYM, ah, found, CL, NULL, 0);
      /* the acronym the text gives it in brackets, whatever its letters:
       * "National Disaster Mitigation Agency (BNPB)" */
      if (oi < last_acronym && b + 2 < c->toks.n && tok_ch(c, &t[b], '(') &&
          t[b + 1].kind == LX_TK_WORD && (t[b + 1].flags & LX_TF_ALLCAP) &&
          t[b + 1].nletters >= 2 && tok_ch(c, &t[b + 2], ')'))
        link_put(&lt, K_ACRONYM, t[b + 1].hash, found, CL, NULL, 0);
    }
    /* roles */
    if (e->type == LEDE_T_PERSON) {
      if (e->role) {
        if (!CL[found].role) {
          CL[found].role = e->role;
          CL[found].role_span = e->role_span;
        }
      } else {
        lede_span r = mention_role(c, E, i, a, b);
        if (!lx_span_empty(r)) {
          r = role_past_possessive(c, r);
          e->role_span = r;
          char *rt = lx_strndup(c, c->text + r.start, r.end - r.start);
          if (rt) collapse_spaces(rt); /* a wire's line breaks */
          e->role = rt;
          /* the first role, or a fuller one than a bare title */
          if (!CL[found].role || (CL[found].role_span.start != LEDE_NONE &&
                                  CL[found].role_span.end - CL[found].role_span.start <
                                      r.end - r.start &&
                                  strchr(CL[found].role, ' ') == NULL)) {
            CL[found].role = e->role;
            CL[found].role_span = r;
          }
        }
      }
    }
  }
  /* the clusters' canonical names are copied into one block (a copy each
   * took an allocation of its own): room for every cluster's, though a
   * cluster whose mentions keep their own canonical names needs none */
  size_t room = 0;
  for (size_t q = 0; q < ncl; q++) room += CL[q].canon_len + 1;
  char *pool = NULL;
  if (room) {
    pool = (char *)lx_arena_alloc(&in->arena, room);
    if (!pool) lx_fail(c, LEDE_ENOMEM, "out of memory");
  }
  /* write back: canonical names and cluster ids; persons share the role */
  for (size_t i = 0; i < n; i++) {
    lede_entity *e = &E[i];
    uint32_t k = ent_cl[i];
    if (k == UINT32_MAX) {
      e->cluster = (uint32_t)(ncl + i); /* a cluster of its own */
      continue;
    }
    e->cluster = k;
    if (!e->canonical || e->type == LEDE_T_PERSON || e->type == LEDE_T_ORG) {
      /* the mentions share one copy (the doc's strings live as long as it) */
      if (!CL[k].copy) {
        memcpy(pool, CL[k].canonical, CL[k].canon_len);
        pool[CL[k].canon_len] = 0;
        CL[k].copy = pool;
        pool += CL[k].canon_len + 1;
      }
      e->canonical = CL[k].copy;
    }
    if (e->type == LEDE_T_PERSON && CL[k].role && !(e->flags & LEDE_EF_IN_BYLINE))
      e->role = CL[k].role;
  }
}

/* ---- quotes --------------------------------------------------------------------- */

static const char *const cue_verbs[] = {
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "noted", "notes",
    "explained", "asked", "asks", "wrote", "writes", "warned", "insisted", "argued", "announced",
    "declared", "claimed", "replied", "responded", "reaffirmed", "stressed", "emphasized",
    "emphasised", "acknowledged", "admitted", "recalled", "continued", "concluded", "cautioned",
    "urged", "predicted", "tweeted", "posted", "remarked", "observed", "commented", "confirmed",
    "denied", "suggested", "thanked", "explains", "insists", "warns", "argues", "recalls",
    "replies", "admits", "pleaded", "vowed", "conceded", "joked", "quipped", "complained",
    "boasted", "shouted", "testified", "promised", "demanded", "saying", "adding", "chanted"};

/* cue_verbs by length (for is_cue): those of n letters are
 * cue_verbs[cue_by_len[k]] for k in [cue_from[n], cue_from[n + 1]) (in the
 * list's order, "said" first), and cue_letters[n] has their first letters. */
static const uint8_t cue_by_len[] = {
    2, 0, 1, 3, 6, 13, 4, 5, 9, 10, 12, 14, 34, 47, 53, 55, 7, 8, 15, 16, 18, 37, 42, 48, 51, 63,
    64, 21, 22, 36, 44, 46, 49, 50, 52, 56, 58, 59, 65, 17, 20, 25, 29, 30, 38, 39, 45, 54, 61, 62,
    11, 19, 23, 31, 32, 33, 35, 40, 41, 43, 60, 24, 26, 27, 57, 28};
static const uint8_t cue_from[14] = {0, 0, 0, 0, 1, 6, 16, 27, 39, 50, 61, 65, 65, 66};
#define WL(ch) (1u << ((ch) - 'a'))
static const uint32_t cue_letters[13] = {
    [3] = WL('s'),
    [4] = WL('a') | WL('s') | WL('t'),
    [5] = WL('a') | WL('j') | WL('n') | WL('t') | WL('u') | WL('v') | WL('w'),
    [6] = WL('a') | WL('d') | WL('p') | WL('s') | WL('w'),
    [7] = WL('b') | WL('c') | WL('i') | WL('p') | WL('q') | WL('r') | WL('s') | WL('t'),
    [8] = WL('a') | WL('c') | WL('d') | WL('e') | WL('i') | WL('o') | WL('p') | WL('r') | WL('s'),
    [9] = WL('a') | WL('c') | WL('e') | WL('p') | WL('r') | WL('s') | WL('t'),
    [10] = WL('c') | WL('e') | WL('r'),
    [12] = WL('a')};
#undef WL

/* A word of cue_verbs (as word_in finds it), compared with the few of its
 * length once its length and first letter may be a cue's: word_in asked
 * the set of listed words, then walked the list (a listed word that is no
 * cue walked all of it). A cue's hash is in the listed set: the answer is
 * word_in's. */
static int is_cue(const lx_ctx *c, const lx_token *t) {
  size_t n = t->end - t->start;
  if (t->kind != LX_TK_WORD || n < 3 || n > 12) return 0;
  const unsigned char *s = (const unsigned char *)c->text + t->start;
  unsigned ch0 = s[0] | 32u; /* a letter lower-cased; other bytes match none */
  if (ch0 < 'a' || ch0 > 'z' || !(cue_letters[n] & (1u << (ch0 - 'a')))) return 0;
  for (size_t k = cue_from[n]; k < cue_from[n + 1]; k++)
    if (lx_tok_ieq(c->text, t, cue_verbs[cue_by_len[k]])) return 1;
  return 0;
}

/* The forms of "to be" that make a passive ("was asked", "is called"). */
static const char *const be_forms[] = {"be", "been", "being", "was", "were", "is", "are"};

/* A cue verb at token m that reports speech: not a passive ("would be
 * confirmed", "was asked"), nor "continued to sign up subscribers". */
static int reports(const lx_ctx *c, size_t m) {
  const lx_token *t = TOKS(c);
  if (m + 1 < c->toks.n && lx_tok_ieq(c->text, &t[m + 1], "to") &&
      lx_tok_ieq(c->text, &t[m], "continued"))
    return 0;
  return !(m > 0 && t[m - 1].kind == LX_TK_WORD &&
           in_list(c, &t[m - 1], be_forms, LX_COUNTOF(be_forms)));
}

/* The sex a person's given name or title tells ('m', 'f'), else 0: the
 * first word of its canonical form in the gazetteer's given names, or a
 * "Mr." or "Mrs." before it. */
static int person_sex(const lx_ctx *c, const lede_entity *e) {
  const char *s = e->canonical ? e->canonical : c->text + e->span.start;
  size_t n = 0, lim = e->canonical ? strlen(s) : e->span.end - e->span.start;
  while (n < lim && s[n] != ' ') n++;
  if (n < lim) { /* a given name and more */
    const lx_entry *g = lx_dict_find(GAZ(c), s, n);
    g = g ? lx_entry_of_kind(GAZ(c), g, LX_G_GIVEN) : NULL;
    size_t vn;
    const char *v = g ? lx_entry_attr(GAZ(c), g, "g", &vn) : NULL;
    if (v && vn == 1 && (v[0] == 'm' || v[0] == 'f')) return v[0];
  }
  size_t a, b;
  ent_tokens(c, e, &a, &b);
  if (a > 0) {
    const lx_token *t = &TOKS(c)[a - 1];
    if (lx_tok_ieq(c->text, t, "mr.") || lx_tok_ieq(c->text, t, "mr")) return 'm';
    if (lx_tok_ieq(c->text, t, "mrs.") || lx_tok_ieq(c->text, t, "mrs") ||
        lx_tok_ieq(c->text, t, "ms.") || lx_tok_ieq(c->text, t, "ms"))
      return 'f';
  }
  return 0;
}

static int pronoun(const lx_ctx *c, const lx_token *t) {
  if (lx_tok_ieq(c->text, t, "he") || lx_tok_ieq(c->text, t, "she")) return LEDE_T_PERSON;
  if (lx_tok_ieq(c->text, t, "it")) return LEDE_T_ORG;
  if (lx_tok_ieq(c->text, t, "they")) return -1;
  return 0;
}

/* Whether the quotation mark t is a double one (" “ ” „ « »), not a single
 * one (' ‘ ’). */
static int double_mark(const lx_ctx *c, const lx_token *t) {
  const unsigned char *p = (const unsigned char *)c->text + t->start;
  size_t n = t->end - t->start;
  if (n == 1) return p[0] == '"';
  if (n == 2) return p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB);
  return n == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9D || p[2] == 0x9E);
}

/* Whether the single mark at token j is the apostrophe of a plural's
 * possessive ("the taxpayers' account", "the Mineworkers' Solidarity
 * Union"): glued to a word in s, a word after it. */
static int plural_apostrophe(const lx_ctx *c, size_t j) {
  /* (a possessive is followed by what it owns, not by a function word:
   * "he had 'no regrets' after he was sacked") */
  static const char *const function_words[] = {
      "after", "before", "and", "or", "but", "to", "in", "on", "at", "as", "when", "while",
      "for", "from", "with", "that", "which", "who", "is", "was", "were", "are", "said", "says",
      "of", "by", "if", "than", "because", "since", "until", "so", "over", "about", "into"};
  const lx_token *t = TOKS(c);
  return j > 0 && j + 1 < c->toks.n && t[j - 1].kind == LX_TK_WORD &&
         !(t[j].flags & LX_TF_SPACE) && (c->text[t[j - 1].end - 1] | 0x20) == 's' &&
         t[j + 1].kind == LX_TK_WORD && (t[j + 1].flags & LX_TF_SPACE) &&
         !double_mark(c, &t[j]) &&
         !in_list(c, &t[j + 1], function_words, LX_COUNTOF(function_words));
}

/* Whether token j is a quotation mark (not a plural's apostrophe). */
static int quote_mark(const lx_ctx *c, size_t j) {
  return (TOKS(c)[j].flags & LX_TF_QUOTE) && !plural_apostrophe(c, j);
}

/* Whether entity e lies inside one of the quotations found so far (they
 * are found in text order: the last ones are looked at). */
static int quoted_before(const lx_ctx *c, const lede_entity *e) {
  const lede_quote *Q = (const lede_quote *)c->doc->internal->quotes.p;
  for (size_t k = c->doc->internal->quotes.n; k-- > 0;) {
    if (Q[k].span.end < e->span.start) return 0;
    if (Q[k].span.start <= e->span.start && e->span.end <= Q[k].span.end) return 1;
  }
  return 0;
}

/* Whether the closing mark at token j closes the quotation opened at i: a
 * mark of the same kind, and not a plural's apostrophe. */
static int closes(const lx_ctx *c, size_t i, size_t j) {
  const lx_token *t = TOKS(c);
  return double_mark(c, &t[i]) == double_mark(c, &t[j]) && !plural_apostrophe(c, j);
}

/* The first entity starting at or after byte b (E sorted by start). */
static size_t first_from(const lede_entity *E, size_t n, uint32_t b) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (E[mid].span.start < b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Index of the entity starting at token i, or -1 (E sorted by start). */
static int32_t entity_at_token(const lx_ctx *c, const lede_entity *E, size_t n, size_t i) {
  uint32_t s = TOKS(c)[i].start;
  size_t lo = first_from(E, n, s);
  return lo < n && E[lo].span.start == s ? (int32_t)lo : -1;
}

enum { REFER_VOICE = -4 }; /* resolve_pronoun: whom "a spokesman" speaks for */

/* Whether entity e lies inside a quotation found so far (the quoted speak
 * of others). For entities met from the last one backwards: *qi, the
 * quotations that may hold e ([0, *qi); the count of quotations at first),
 * only moves back, so that the walk stays linear. */
static int in_quotation(const lx_ctx *c, size_t *qi, const lede_entity *e) {
  const lede_quote *Q = (const lede_quote *)c->doc->internal->quotes.p;
  while (*qi > 0 && Q[*qi - 1].span.start > e->span.start) --*qi;
  return *qi > 0 && e->span.end <= Q[*qi - 1].span.end;
}

/* Whether a person's name that ends at token b is followed by a verb of
 * saying, right after it or after an apposition: "Kessler said", "the Powys
 * coroner, John Hartley-Evans, said", "Joe Clark, winding up a visit,
 * said". */
static int says_after(const lx_ctx *c, size_t b) {
  const lx_token *t = TOKS(c);
  size_t v = b, n = c->toks.n;
  /* one apposition, or up to four segments after an age or a clause of
   * who or whose ("María Quispe, whose husband, Víctor Quispe, is among
   * the missing, said") */
  for (int seg = 0, segs = 1; seg < segs && v + 1 < n && tok_ch(c, &t[v], ','); seg++) {
    if (is_cue(c, &t[v + 1])) return 1;
    size_t w = v + 1;
    if (seg == 0 && (t[w].kind == LX_TK_NUM || lx_tok_ieq(c->text, &t[w], "who") ||
                     lx_tok_ieq(c->text, &t[w], "whose")))
      segs = 4;
    while (w < n && w < v + 14 && !tok_ch(c, &t[w], ',') && !(t[w].flags & LX_TF_SENT) &&
           !quote_mark(c, w))
      w++;
    if (!(w + 1 < n && tok_ch(c, &t[w], ','))) break;
    v = w; /* the segment's comma: the next one opens after it */
    if (is_cue(c, &t[w + 1])) return 1;
  }
  return v < n && is_cue(c, &t[v]);
}

/* The person "he" or "she" stands for, k the latest one named (of its sex
 * if known): the one who spoke in the sentence that names k, before the
 * one spoken of ("Kessler said Haverty would appeal. ... he said"), else
 * k. Entities are looked at back to `stop`; *qi as of in_quotation(). */
static int32_t speaker_of_sentence(const lx_ctx *c, const lede_entity *E, size_t k, size_t stop,
                                   int sex, size_t *qi) {
  const lx_token *t = TOKS(c);
  size_t a, b;
  ent_tokens(c, &E[k], &a, &b);
  /* else its subject, the person who opens it, if k is an object, after a
   * preposition or a verb in -ed ("Rubinstein handed the key to Carrigan",
   * "Whitfield hugged Donnelly"; not "Smith and Jones", "chief executive
   * Leon Tan", "Tregenza's son Kit") */
  static const char *const objects_of[] = {"to", "with", "near", "from", "at", "by", "for",
                                           "of", "against", "beside", "behind", "toward",
                                           "towards", "past", "than", "about", "into", "over"};
  int32_t subject = -1;
  size_t hk = a > 0 && is_honorific(c, a - 1) ? a - 1 : a;
  int object = hk > 0 && t[hk - 1].kind == LX_TK_WORD && (t[hk - 1].flags & LX_TF_LOWER) &&
               (in_list(c, &t[hk - 1], objects_of, LX_COUNTOF(objects_of)) ||
                (verb_form(c, &t[hk - 1], 0) && !ing_form(c, &t[hk - 1])));
  for (size_t q = k; q-- > stop && !(t[a].flags & LX_TF_SENT);) {
    size_t a2, b2;
    ent_tokens(c, &E[q], &a2, &b2);
    for (size_t m = a2 + 1; m <= a; m++)
      if (t[m].flags & LX_TF_SENT) return subject >= 0 ? subject : (int32_t)k;
    if (E[q].type == LEDE_T_PERSON && !in_quotation(c, qi, &E[q])) {
      int x = sex ? person_sex(c, &E[q]) : 0;
      if (!x || x == sex) {
        if (says_after(c, b2)) return (int32_t)q;
        size_t h = a2 > 0 && is_honorific(c, a2 - 1) ? a2 - 1 : a2;
        if (object && ((t[h].flags & LX_TF_SENT) || (h > 0 && tok_ch(c, &t[h - 1], ','))))
          subject = (int32_t)q;
      }
    }
    a = a2;
  }
  return subject >= 0 ? subject : (int32_t)k;
}

/* The latest person (he/she), organization, else place (it), or speaker
 * (they) mentioned before byte `before`, not inside a quotation found
 * before (the quoted speak of others); for REFER_VOICE, the latest
 * organization that is not a news agency. A person or a speaker named
 * before byte `anon` (an unnamed speaker's cue: "one dealer said") is not
 * the one: he, she or they is that speaker, and -1 is returned. */
static int32_t resolve_pronoun(const lx_ctx *c, const lede_entity *E, size_t n, uint32_t before,
                               int type, uint32_t anon, int sex) {
  size_t qi = c->doc->internal->quotes.n; /* of in_quotation() */
  int32_t place = -1;
  /* entities do not overlap: sorted by start, they are sorted by end; look
   * back a bounded way */
  size_t from = first_from(E, n, before);
  size_t stop = from > 400 ? from - 400 : 0;
  for (size_t k = from; k-- > stop;) {
    if (E[k].span.end > before) continue;
    if (type != LEDE_T_ORG && type != REFER_VOICE && E[k].span.end <= anon && anon < before)
      return -1;
    if (in_quotation(c, &qi, &E[k])) continue;
    int ty = E[k].type;
    if (type == REFER_VOICE) {
      size_t a, b;
      if (ty != LEDE_T_ORG) continue;
      ent_tokens(c, &E[k], &a, &b);
      if (gaz_exact(c, a, b, KIND(LX_G_AGENCY))) continue;
      return (int32_t)k;
    }
    if (type == LEDE_T_PERSON && ty == LEDE_T_PERSON) {
      /* "she" is not Tom Reed */
      int x = sex ? person_sex(c, &E[k]) : 0;
      if (x && x != sex) continue;
      return speaker_of_sentence(c, E, k, stop, sex, &qi);
    }
    if (type == LEDE_T_ORG && ty == LEDE_T_ORG) {
      /* "it said": the story's firm, not the agency that reports it */
      size_t a, b;
      ent_tokens(c, &E[k], &a, &b);
      if (gaz_exact(c, a, b, KIND(LX_G_AGENCY))) continue;
      return (int32_t)k;
    }
    if (type == LEDE_T_ORG && ty == LEDE_T_GPE && place < 0) place = (int32_t)k;
    if (type == -1 && (ty == LEDE_T_PERSON || ty == LEDE_T_ORG || ty == LEDE_T_NORP))
      return (int32_t)k;
  }
  return place;
}

static void add_quote(lx_ctx *c, lede_span s, int32_t speaker, lede_span cue) {
  lede_doc_internal *in = c->doc->internal;
  lede_quote *q = (lede_quote *)lx_push(c, &in->quotes, sizeof(lede_quote));
  q->span = s;
  q->speaker = speaker;
  q->cue = cue;
  if (speaker >= 0) {
    const lede_entity *e = (const lede_entity *)in->entities.p + speaker;
    q->speaker_text = e->canonical ? e->canonical
                                   : lx_strndup(c, c->text + e->span.start,
                                                e->span.end - e->span.start);
  }
}

/* Nouns for a speaker the text does not name ("one dealer said", "analysts
 * said", "the report says"). */
static const char *const unnamed_heads[] = {
    "analyst",   "analysts",  "trader",     "traders",     "dealer",     "dealers",
    "economist", "economists", "source",    "sources",     "banker",     "bankers",
    "broker",    "brokers",   "strategist", "strategists", "manager",    "managers",
    "diplomat",  "diplomats", "expert",     "experts",     "observer",   "observers",
    "witness",   "witnesses", "resident",   "residents",   "lawyer",     "lawyers",
    "aide",      "aides",     "executive",  "executives",  "insider",    "insiders",
    "worker",    "workers",   "employee",   "employees",   "participant", "participants",
    "specialist", "specialists", "consultant", "consultants", "researcher", "researchers",
    "scientist", "scientists", "investor",   "investors",   "delegate",   "delegates",
    "negotiator", "negotiators", "adviser",  "advisers",    "advisor",    "advisors",
    "member",    "members",   "officer",    "officers",    "producer",   "producers",
    "planner",   "planners",  "activist",   "activists",   "farmer",     "farmers"};
/* And for a text that speaks ("the report says"): no person. */
static const char *const unnamed_texts[] = {"report", "study", "survey", "newspaper", "paper",
                                            "letter", "document", "memo", "analysis",
                                            "editorial", "review"};
/* Those that speak for an organization named before them ("a Ford spokesman
 * said", "a Treasury official said", "a company statement said"); the first
 * ones, for the one the story is about if none is ("a spokesman said", "the
 * statement said"). */
static const char *const org_voices[] = {
    "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "statement",
    "communique", "official",   "officials",    "representative"};
enum { ORG_VOICES_OF_THE_STORY = 7 };
/* Words between a subject and its verb: "Kim also said". */
static const char *const cue_adverbs[] = {"also", "later", "then", "further", "previously",
                                          "earlier", "once", "recently", "again"};

/* speaker_near: someone the text does not name; a text that speaks */
enum { SPEAKER_UNNAMED = -2, SPEAKER_TEXT = -3 };

/* Nouns that describe an organization named before them ("the company
 * said", "the ministry added"); the first ones are a firm's, which is the
 * story's firm when no name holds the word. */
static const char *const org_descs[] = {
    "company", "firm", "bank", "carrier", "airline", "retailer", "automaker", "carmaker",
    "insurer", "lender", "manufacturer", "maker", "utility", "club", "team", "group",
    "ministry", "department", "agency", "council", "commission", "authority", "board",
    "union", "party", "court", "university", "hospital", "charity", "foundation",
    "organisation", "organization", "institute", "association", "federation", "league",
    "committee", "regulator", "exchange", "fund", "government"};
enum { ORG_DESCS_FIRMS = 15 }; /* ("the group" is none: "the group said" of a lobby) */

/* Whether the entity's text holds the word w (n bytes) in any case. */
static int name_holds(const lx_ctx *c, const lede_entity *e, const char *w, size_t n) {
  const char *p = c->text + e->span.start;
  size_t len = e->span.end - e->span.start;
  for (size_t i = 0; i + n <= len; i++) {
    if (i > 0 && p[i - 1] != ' ') continue;
    if (i + n < len && p[i + n] != ' ') continue;
    size_t q = 0;
    while (q < n && ((unsigned char)p[i + q] | 0x20) == ((unsigned char)w[q] | 0x20)) q++;
    if (q == n) return 1;
  }
  return 0;
}

/* The organization "the company" (token h, after "the") stands for: the
 * latest one before `before`, outside quotations and not a news agency,
 * whose name holds the word ("the ministry": "the Foreign Ministry"), else
 * for a firm's word the latest one; -1 if none. */
static int32_t org_described(const lx_ctx *c, const lede_entity *E, size_t n, size_t h,
                             uint32_t before) {
  const lx_token *t = TOKS(c);
  int firm = in_list(c, &t[h], org_descs, ORG_DESCS_FIRMS);
  size_t qi = c->doc->internal->quotes.n;
  int32_t latest = -1;
  size_t from = first_from(E, n, before);
  for (size_t k = from, stop = from > 400 ? from - 400 : 0; k-- > stop;) {
    if (E[k].span.end > before || E[k].type != LEDE_T_ORG) continue;
    if (in_quotation(c, &qi, &E[k])) continue;
    size_t a, b;
    ent_tokens(c, &E[k], &a, &b);
    if (gaz_exact(c, a, b, KIND(LX_G_AGENCY))) continue;
    if (name_holds(c, &E[k], c->text + t[h].start, t[h].end - t[h].start)) return (int32_t)k;
    if (latest < 0) latest = (int32_t)k;
  }
  return firm ? latest : -1;
}

/* The unnamed speaker whose head noun is token h ("one CBT dealer", "a Ford
 * spokesman", "the report"): the organization one speaks for if a voice's
 * words name one, else SPEAKER_UNNAMED (SPEAKER_TEXT for a text); -1 if h
 * is no such noun. */
static int32_t unnamed_speaker(const lx_ctx *c, const lede_entity *E, size_t n, size_t h,
                               size_t t0, uint32_t quote_start) {
  const lx_token *t = TOKS(c);
  if (t[h].kind != LX_TK_WORD || tok_is_cap(&t[h])) return -1;
  if (in_list(c, &t[h], unnamed_texts, LX_COUNTOF(unnamed_texts))) return SPEAKER_TEXT;
  /* "the company said", "the ministry added" */
  if (h > t0 && lx_tok_ieq(c->text, &t[h - 1], "the") &&
      in_list(c, &t[h], org_descs, LX_COUNTOF(org_descs))) {
    int32_t o = org_described(c, E, n, h, LX_MIN(t[h - 1].start, quote_start));
    return o >= 0 ? o : SPEAKER_UNNAMED;
  }
  int voice = in_list(c, &t[h], org_voices, LX_COUNTOF(org_voices));
  if (!voice && !word_in(c, &t[h], unnamed_heads)) return -1;
  size_t a = h;
  while (a > t0 && h - a < 6 && t[a - 1].kind == LX_TK_WORD) a--;
  if (a + 1 == h && lx_tok_ieq(c->text, &t[a], "the")) {
    /* "the analyst said": the person the text gave that role, if any */
    size_t qi = c->doc->internal->quotes.n, hn = t[h].end - t[h].start;
    size_t from = first_from(E, n, LX_MIN(t[a].start, quote_start));
    for (size_t k = from, stop = from > 400 ? from - 400 : 0; k-- > stop;) {
      if (in_quotation(c, &qi, &E[k])) continue;
      const char *r = E[k].role;
      if (E[k].type != LEDE_T_PERSON || !r) continue;
      for (size_t p = 0; r[p]; p++) {
        if (p > 0 && r[p - 1] != ' ') continue;
        size_t q = 0; /* the head word at r + p, in any case */
        while (q < hn && r[p + q] && ((unsigned char)r[p + q] | 0x20) ==
                                         ((unsigned char)c->text[t[h].start + q] | 0x20))
          q++;
        if (q == hn && (r[p + q] == 0 || r[p + q] == ' ' || r[p + q] == ',')) return (int32_t)k;
      }
    }
  }
  if (voice && h + 2 < c->toks.n &&
      (lx_tok_ieq(c->text, &t[h + 1], "for") || lx_tok_ieq(c->text, &t[h + 1], "of") ||
       lx_tok_ieq(c->text, &t[h + 1], "at"))) {
    /* the organization after it: "a spokeswoman for the Minnesota
     * Department of Health" */
    size_t q = h + 2;
    if (q + 1 < c->toks.n && lx_tok_ieq(c->text, &t[q], "the")) q++;
    size_t k = first_from(E, n, t[q].start);
    if (k < n && E[k].span.start == t[q].start && E[k].type == LEDE_T_ORG) return (int32_t)k;
  }
  if (voice) { /* the organization among the words before it */
    size_t k = first_from(E, n, t[a].start);
    for (; k < n && E[k].span.end <= t[h].start; k++) {
      if (E[k].type == LEDE_T_ORG) return (int32_t)k;
      if (E[k].type == LEDE_T_GPE || E[k].type == LEDE_T_NORP) return SPEAKER_UNNAMED;
    }
    /* else the organization said last ("a spokesman said", "a company
     * statement said"; not "the Drexel spokesman", whose firm was not
     * found) */
    int named = 0;
    for (size_t i = a; i < h; i++) named |= tok_is_cap(&t[i]) && !(t[i].flags & LX_TF_SENT);
    if (!named && in_list(c, &t[h], org_voices, ORG_VOICES_OF_THE_STORY)) {
      int32_t o = resolve_pronoun(c, E, n, LX_MIN(t[a].start, quote_start), REFER_VOICE,
                                  UINT32_MAX, 0);
      if (o >= 0) return o;
    }
  }
  return SPEAKER_UNNAMED;
}

/* The speaker next to a cue verb at token v: "..., Kim said" / "said Kim" /
 * "it said" / "Kim, an analyst at Acme, said". Returns the entity index,
 * SPEAKER_UNNAMED ("one dealer said", and he or she who speaks after that
 * one), SPEAKER_TEXT ("the report says") or -1. *anon: where the last
 * unnamed person spoke (UINT32_MAX: none), set to v's start if one speaks
 * there ("one dealer said", "a Ford spokesman said"). */
static int32_t speaker_near_at(const lx_ctx *c, const lede_entity *E, size_t n, size_t v,
                               size_t t0, size_t t1, uint32_t quote_start, uint32_t *anon_at,
                               int depth);

/* The head noun of a person the text does not name who opens the sentence
 * of a quotation (starting at byte quote_start; token j is after its
 * opening mark) or the sentence before, in its paragraph: "A spokeswoman
 * for the Minnesota Department of Health said", "Outside, one worshipper,
 * a retired teacher, wiped his eyes", "A counsellor with a rural service
 * said"; SIZE_MAX if none, or if a person is named after it. The "he" or
 * "she" of the quotation is that one. */
static size_t unnamed_subject(const lx_ctx *c, const lede_entity *E, size_t n, size_t j,
                              uint32_t quote_start) {
  static const char *const indefinite[] = {"a", "an", "one", "another"};
  const lx_token *t = TOKS(c);
  size_t x = j;
  while (x > 0 && t[x].start > quote_start) x--;
  int seen = 0;
  for (size_t s = x + 1, steps = 0; s-- > 0 && seen < 2 && steps < 120; steps++) {
    if (!(t[s].flags & (LX_TF_SENT | LX_TF_PARA)) && s != 0) continue;
    seen++;
    size_t m = s;
    /* an opening word and its comma: "Outside, one worshipper" */
    if (m + 2 < x && t[m].kind == LX_TK_WORD && tok_ch(c, &t[m + 1], ',')) m += 2;
    /* (not the words of a quotation: '"A farmer cannot eat coffee," she
     * said') */
    int quoted = quote_mark(c, m) || (m > 0 && quote_mark(c, m - 1));
    if (!quoted && m + 1 < x && in_list(c, &t[m], indefinite, LX_COUNTOF(indefinite)))
      for (size_t q = m + 1; q < x && q <= m + 5 && t[q].kind == LX_TK_WORD; q++) {
        if (!(t[q].flags & LX_TF_LOWER)) continue; /* "a Ford spokesman" */
        if (word_in(c, &t[q], unnamed_heads) ||
            in_list(c, &t[q], org_voices, LX_COUNTOF(org_voices)) || trade_noun(c, &t[q]) ||
            gaz_has(c, q, q + 1, KIND(LX_G_TITLE))) {
          /* (named after it: "A railroad spokesman, Tom Holbrook, would not
           * say") */
          for (size_t k = first_from(E, n, t[q].end); k < n && E[k].span.start < t[x].start; k++)
            if (E[k].type == LEDE_T_PERSON) return SIZE_MAX;
          return q;
        }
      }
    if (t[s].flags & LX_TF_PARA) break;
  }
  return SIZE_MAX;
}

/* The person an organization is said of: "Karen Whitlow of North Yorkshire
 * Police", "Ravi Chandrasekhar of the Centre for River Studies", "Feyi
 * Balogun of Lagos-based Sentinel Research", "an analyst at Acme" (-1 if
 * none; tokens from t0). */
static int32_t person_of_org(const lx_ctx *c, const lede_entity *E, size_t n,
                             const lede_entity *o, size_t t0) {
  const lx_token *t = TOKS(c);
  size_t a, b;
  ent_tokens(c, o, &a, &b);
  while (a > t0 + 2 && (lx_tok_ieq(c->text, &t[a - 1], "the") || place_based(c, &t[a - 1])))
    a--;
  if (a >= t0 + 2 &&
      (lx_tok_ieq(c->text, &t[a - 1], "of") || lx_tok_ieq(c->text, &t[a - 1], "at"))) {
    size_t k = first_from(E, n, t[a - 1].start);
    if (k > 0 && E[k - 1].type == LEDE_T_PERSON && E[k - 1].span.end == t[a - 2].end)
      return (int32_t)(k - 1);
  }
  return -1;
}

static int32_t speaker_near(const lx_ctx *c, const lede_entity *E, size_t n, size_t v, size_t t0,
                            size_t t1, uint32_t quote_start, uint32_t *anon_at) {
  return speaker_near_at(c, E, n, v, t0, t1, quote_start, anon_at, 0);
}

/* speaker_near, depth verbs of saying deep ("said the find suggested") */
static int32_t speaker_near_at(const lx_ctx *c, const lede_entity *E, size_t n, size_t v,
                               size_t t0, size_t t1, uint32_t quote_start, uint32_t *anon_at,
                               int depth) {
  const lx_token *t = TOKS(c);
  uint32_t anon = *anon_at;
  /* "the agency quoted Lee Iacocca as saying": the one quoted, not the
   * source ("quoted the unnamed corporal as saying": no one named) */
  if (v >= t0 + 3 && lx_tok_ieq(c->text, &t[v], "saying") && lx_tok_ieq(c->text, &t[v - 1], "as")) {
    size_t q = v - 1;
    while (q > t0 && v - q < 12 && !lx_tok_ieq(c->text, &t[q - 1], "quoted") &&
           !lx_tok_ieq(c->text, &t[q - 1], "quotes") && !lx_tok_ieq(c->text, &t[q - 1], "cited"))
      q--;
    static const char *const be[] = {"was", "were", "is", "are", "been"};
    if (q > t0 + 1 && v - q < 12 && in_list(c, &t[q - 2], be, LX_COUNTOF(be))) {
      /* "Edwards was quoted (by al-Qabas) as saying": the subject */
      size_t k = first_from(E, n, t[q - 2].start);
      if (k > 0 && (E[k - 1].type == LEDE_T_PERSON || E[k - 1].type == LEDE_T_ORG) &&
          E[k - 1].span.end + 1 >= t[q - 2].start && E[k - 1].span.start >= t[t0].start)
        return (int32_t)(k - 1);
    } else if (q > t0 && q < v - 1 && v - q < 12) {
      int32_t who = SPEAKER_UNNAMED;
      for (size_t k = first_from(E, n, t[q].start); k < n && E[k].span.end <= t[v - 1].start; k++)
        if (E[k].type == LEDE_T_PERSON || (E[k].type == LEDE_T_ORG && who < 0)) who = (int32_t)k;
      return who;
    }
  }
  /* after the verb: "said Kim", "said the ministry"; not after "told",
   * whose object is the one spoken to ("Haq told Polygraph.info that",
   * "He told the BBC:") */
  int to_whom = lx_tok_ieq(c->text, &t[v], "told") || lx_tok_ieq(c->text, &t[v], "tells") ||
                lx_tok_ieq(c->text, &t[v], "thanked");
  /* nor when the quotation comes after the verb and a name before it is
   * its subject: 'Okafor said the ANR would take part "under protest"' */
  int subject_first = 0;
  if (quote_start > t[v].start && v > t0) {
    size_t k = first_from(E, n, t[v - 1].end);
    subject_first = k > 0 && E[k - 1].span.end == t[v - 1].end &&
                    (E[k - 1].type == LEDE_T_PERSON || E[k - 1].type == LEDE_T_ORG);
  }
  if (v + 1 < t1 && !to_whom && !subject_first) {
    size_t j = v + 1;
    if (lx_tok_ieq(c->text, &t[j], "the")) j++;
    int32_t e = j < t1 ? entity_at_token(c, E, n, j) : -1;
    if (e < 0 && j != v + 1) e = entity_at_token(c, E, n, v + 1);
    /* "said the ministry" (not "said WFP country director Jens Halvorsen":
     * a title after the organization, and the person it names) */
    if (e >= 0 && E[e].type == LEDE_T_ORG) {
      size_t a, b;
      ent_tokens(c, &E[e], &a, &b);
      int32_t ti = b < t1 ? entity_at_token(c, E, n, b) : -1;
      if (!(ti >= 0 && E[ti].type == LEDE_T_TITLE)) return e;
    }
    /* "said Kim", "said former Sen. and Reagan confidant Paul Laxalt": the
     * last person before the clause's end (not "said that Kim") */
    static const char *const clause[] = {
        "that", "on",  "in",  "at",    "to",   "of",    "it",  "he",   "she", "they", "we",
        "i",    "would", "was", "is",  "has",  "had",   "will", "a",   "an",  "this", "there",
        "for",  "with", "by", "from",  "after", "before", "when", "while", "as", "but", "if"};
    int32_t last = e >= 0 && E[e].type == LEDE_T_PERSON ? e : -1;
    for (size_t m = v + 1; m < t1 && m < v + 12; m++) {
      if (quote_mark(c, m)) break;
      if (t[m].kind == LX_TK_WORD && !tok_is_cap(&t[m]) && in_list(c, &t[m], clause,
                                                                    LX_COUNTOF(clause)))
        break;
      if (t[m].kind == LX_TK_PUNCT && !tok_ch(c, &t[m], '.') && !tok_ch(c, &t[m], '-')) break;
      if (tok_ch(c, &t[m], '.') && m + 1 < t1 && (t[m + 1].flags & LX_TF_SENT) &&
          !(t[m - 1].flags & LX_TF_PERIOD))
        break;
      int32_t k = entity_at_token(c, E, n, m);
      if (k < 0) continue;
      size_t a, b;
      ent_tokens(c, &E[k], &a, &b);
      if (E[k].type == LEDE_T_PERSON && !(b < t1 && lx_tok_ieq(c->text, &t[b], "'s")))
        last = k;
      if (b > m + 1) m = b - 1; /* (an entity inside token m ends at b <= m) */
    }
    if (last >= 0) return last;
  }
  /* before the verb: "Kim said", "the ministry said", "Kim, a spokesman, said" */
  size_t j = v;
  while (j > t0 && in_list(c, &t[j - 1], cue_adverbs, LX_COUNTOF(cue_adverbs))) j--;
  if (j > t0) {
    /* "one dealer said": no one named */
    int32_t u = unnamed_speaker(c, E, n, j - 1, t0, quote_start);
    if (u != -1 && u != SPEAKER_TEXT) *anon_at = t[v].start;
    if (u != -1) return u;
  }
  /* "Kim, an analyst at Acme, said": the name before the apposition, not
   * the firm inside it; and before an age and a clause ("Colin Ashworth,
   * 61, whose mother waited 11 hours, said") */
  for (size_t z = j, seg = 0; seg < 3 && z > t0 + 1 && tok_ch(c, &t[z - 1], ','); seg++) {
    size_t a = z - 1;
    while (a > t0 && z - a < 16 && !tok_ch(c, &t[a - 1], ',') &&
           !(t[a - 1].flags & LX_TF_PARA) && !quote_mark(c, a - 1) &&
           !(t[a - 1].kind == LX_TK_PUNCT && (tok_ch(c, &t[a - 1], '.') ||
                                             tok_ch(c, &t[a - 1], ';'))))
      a--;
    if (!(a > t0 + 1 && tok_ch(c, &t[a - 1], ','))) break;
    size_t k = first_from(E, n, t[a - 2].end);
    if (k > 0 && E[k - 1].span.end == t[a - 2].end && E[k - 1].type == LEDE_T_PERSON) {
      /* not the one a clause of "whose" names: "Derek Lowe, whose mother,
       * Edith Lowe, lost 19,000 pounds, said" is Derek Lowe's */
      size_t pa, pb;
      ent_tokens(c, &E[k - 1], &pa, &pb);
      if (pa > t0 + 3 && tok_ch(c, &t[pa - 1], ',')) {
        size_t w = pa - 1;
        while (w > t0 && pa - 1 - w < 6 && !tok_ch(c, &t[w - 1], ',')) w--;
        if (w > t0 + 1 && tok_ch(c, &t[w - 1], ',') && lx_tok_ieq(c->text, &t[w], "whose")) {
          size_t kk = first_from(E, n, t[w - 2].end);
          if (kk > 0 && E[kk - 1].span.end == t[w - 2].end && E[kk - 1].type == LEDE_T_PERSON)
            return (int32_t)(kk - 1);
        }
      }
      return (int32_t)(k - 1);
    }
    /* the segment before: an age, or a clause of who or whose */
    if (!((a + 1 == z - 1 && t[a].kind == LX_TK_NUM) ||
          (a < z - 1 && (lx_tok_ieq(c->text, &t[a], "who") ||
                         lx_tok_ieq(c->text, &t[a], "whose")))))
      break;
    z = a; /* the segment before it ends at its comma, t[a - 1] */
  }
  for (size_t steps = 0; j > t0 && steps < 12; steps++) {
    j--;
    int p = pronoun(c, &t[j]);
    /* a pronoun refers to someone named before the quotation */
    if (p) {
      int sex = lx_tok_ieq(c->text, &t[j], "he")    ? 'm'
                : lx_tok_ieq(c->text, &t[j], "she") ? 'f'
                                                    : 0;
      if (p == LEDE_T_PERSON) {
        /* after a sentence of one the text does not name: that one, or
         * the organization he speaks for */
        size_t h = unnamed_subject(c, E, n, j, quote_start);
        if (h != SIZE_MAX && (anon == UINT32_MAX || t[h].start > anon)) {
          int32_t u = unnamed_speaker(c, E, n, h, t0, quote_start);
          if (u >= 0) return u;
          anon = t[h].start;
        }
      }
      int32_t r = resolve_pronoun(c, E, n, LX_MIN(t[j].start, quote_start), p, anon, sex);
      if (r >= 0 || p == LEDE_T_ORG || anon >= LX_MIN(t[j].start, quote_start)) return r;
      *anon_at = t[v].start; /* the same unnamed one */
      return SPEAKER_UNNAMED;
    }
    int32_t e = -1;
    /* the entity ending at token j */
    size_t k = first_from(E, n, t[j].end);
    if (k > 0 && E[k - 1].span.end == t[j].end) e = (int32_t)(k - 1);
    if (e >= 0) {
      /* "Richardson, via USA Today, said": a source is not the speaker */
      size_t a, b;
      ent_tokens(c, &E[e], &a, &b);
      if (a > t0 && lx_tok_ieq(c->text, &t[a - 1], "the")) a--;
      if (a > t0 && (lx_tok_ieq(c->text, &t[a - 1], "via") ||
                     lx_tok_ieq(c->text, &t[a - 1], "per"))) {
        j = a - 1;
        continue;
      }
    }
    /* "Karen Whitlow of North Yorkshire Police, who led the inquiry,
     * said": the person whose body it is */
    if (e >= 0 && E[e].type == LEDE_T_ORG) {
      int32_t p = person_of_org(c, E, n, &E[e], t0);
      if (p >= 0) return p;
    }
    if (e >= 0 && (E[e].type == LEDE_T_PERSON || E[e].type == LEDE_T_ORG)) return e;
    if (e >= 0 && E[e].type == LEDE_T_TITLE) continue;
    if (quote_mark(c, j)) break;
    /* another verb of saying before this one: its speaker ("De Graaf said
     * the find suggested \"...\"") */
    if (e < 0 && depth < 2 && is_cue(c, &t[j]) && reports(c, j))
      return speaker_near_at(c, E, n, j, t0, t1, quote_start, anon_at, depth + 1);
  }
  return -1;
}

/* The person of the sentence that ends at token e (exclusive; in the
 * paragraph from t0): its first person named outside a quotation, else
 * the one its first "he", "she", "his" or "her" stands for; -1 if none. */
static int32_t sentence_person(const lx_ctx *c, const lede_entity *E, size_t n, size_t t0,
                               size_t e, uint32_t quote_start, uint32_t anon) {
  const lx_token *t = TOKS(c);
  size_t s = e;
  while (s > t0 && e - s < 40 && !(t[s].flags & LX_TF_SENT)) s--;
  if (!(t[s].flags & LX_TF_SENT) && s != t0) return -1;
  for (size_t k = first_from(E, n, t[s].start); k < n && E[k].span.end <= t[e].start; k++)
    if (E[k].type == LEDE_T_PERSON && !quoted_before(c, &E[k])) return (int32_t)k;
  for (size_t m = s; m < e; m++) {
    int sex = lx_tok_ieq(c->text, &t[m], "he") || lx_tok_ieq(c->text, &t[m], "his") ? 'm'
              : lx_tok_ieq(c->text, &t[m], "she") || lx_tok_ieq(c->text, &t[m], "her") ? 'f'
                                                                                        : 0;
    if (sex)
      return resolve_pronoun(c, E, n, LX_MIN(t[s].start, quote_start), LEDE_T_PERSON, anon, sex);
    if (quote_mark(c, m)) return -1;
  }
  return -1;
}

/* The person or organization that opens a clause at token k whose verb is
 * token m: '"...," Rep. Ed Markey, D-Mass., chairman of the panel, said';
 * named, after its title if one comes first, and followed by a comma or by
 * the verb (not "Kim's lawyer said"). -1 if none. */
static int32_t subject_at(const lx_ctx *c, const lede_entity *E, size_t n, size_t k, size_t m) {
  const lx_token *t = TOKS(c);
  int32_t e = entity_at_token(c, E, n, k);
  if (e >= 0 && E[e].type == LEDE_T_TITLE) {
    size_t a, b;
    ent_tokens(c, &E[e], &a, &b);
    e = b < m ? entity_at_token(c, E, n, b) : -1;
  }
  if (e < 0 || (E[e].type != LEDE_T_PERSON && E[e].type != LEDE_T_ORG)) return -1;
  size_t a, b;
  ent_tokens(c, &E[e], &a, &b);
  if (b >= m) return b == m ? e : -1;
  static const char *const of[] = {"of", "at", "from", "with"};
  while (b < m && in_list(c, &t[b], cue_adverbs, LX_COUNTOF(cue_adverbs))) b++;
  /* "Takemoto of the Foreign Ministry told": who works there */
  return b == m || tok_ch(c, &t[b], ',') || (E[e].type == LEDE_T_PERSON &&
                                             in_list(c, &t[b], of, LX_COUNTOF(of)))
             ? e : -1;
}

/* Whether tokens [a, b) are one to six words, every one capitalized. */
static int title_cased(const lx_token *t, size_t a, size_t b) {
  size_t words = 0;
  for (size_t k = a; k < b; k++) {
    if (t[k].kind != LX_TK_WORD) continue;
    if (!tok_is_cap(&t[k]) || ++words > 6) return 0;
  }
  return words > 0;
}

/* How far before a quotation opening at token i its verb of saying may be:
 * eight tokens, or after a colon the sentence's whole ("Linares said the
 * study matched what she had seen in her classroom: \"In November...\"");
 * the sentence's start or another quotation mark ends the search. */
static size_t cue_reach(const lx_ctx *c, size_t t0, size_t i) {
  const lx_token *t = TOKS(c);
  if (i <= t0 + 1 || !tok_ch(c, &t[i - 1], ':')) return 8;
  size_t m = i - 1;
  while (m > t0 && i - m < 40 && !(t[m].flags & LX_TF_SENT) && !quote_mark(c, m - 1)) m--;
  return i - m;
}

void lx_quotes(lx_ctx *c) {
  lede_doc *d = c->doc;
  lede_doc_internal *in = d->internal;
  const lx_token *t = TOKS(c);
  const lede_entity *E = (const lede_entity *)in->entities.p;
  size_t ne = in->entities.n;
  size_t t0 = 0, t1 = 0;
  /* the paragraphs' tokens (para_tokens finds them once) */
  if (in->paragraphs.n) para_tokens(c, 0, &t0, &t1);
  const uint32_t *pt = (const uint32_t *)c->ptoks.p;
  uint32_t anon = UINT32_MAX; /* where the last unnamed speaker spoke */
  /* a quotation of several paragraphs: each one but the last opens with a
   * mark and does not close; they wait for the last one's speaker */
  enum { NPEND = 8 };
  lede_span pend[NPEND];
  size_t npend = 0;
  /* a quotation left open by a speaker named before it in its paragraph
   * ('"...," Pike said. "We have offered...' and the next paragraph goes
   * on '"I want our kids back..."'): its speaker, for the next paragraph */
  int32_t carry = -1;
  for (size_t pi = 0; pi < in->paragraphs.n; pi++) {
    t0 = pt[2 * pi];
    t1 = pt[2 * pi + 1];
    int opens = t0 < t1 && (t[t0].flags & LX_TF_QUOTE) && (t[t0].flags & LX_TF_OPENQ);
    /* the paragraphs that wait go on only into one that opens with a mark */
    if (npend && !opens) npend = 0;
    int32_t carried = opens ? carry : -1, para_speaker = -1;
    int para_unnamed = 0; /* a quotation of someone not named was found */
    carry = -1;
    /* quotation marks are rare: the first one is looked for (eight tokens
     * at a time, then four), and a paragraph without one is passed over
     * before its cursors are set */
    size_t i0 = t0;
    while (i0 + 8 <= t1 &&
           !((t[i0].flags | t[i0 + 1].flags | t[i0 + 2].flags | t[i0 + 3].flags |
              t[i0 + 4].flags | t[i0 + 5].flags | t[i0 + 6].flags | t[i0 + 7].flags) &
             LX_TF_QUOTE))
      i0 += 8;
    while (i0 + 4 <= t1 &&
           !((t[i0].flags | t[i0 + 1].flags | t[i0 + 2].flags | t[i0 + 3].flags) & LX_TF_QUOTE))
      i0 += 4;
    while (i0 < t1 && !(t[i0].flags & LX_TF_QUOTE)) i0++;
    if (i0 == t1) {
      if (c->deadline > 0) lx_tick(c);
      continue;
    }
    /* cursors that only move forward, so that a paragraph of many
     * quotation marks stays linear: the next closing mark (jc), the last
     * sentence start seen (ss, scanned up to sscan), and for the sentence's
     * partial quotes its first person or organization (sp, looked for up
     * to spk) and the first cue after it (cu, looked for up to cscan) */
    size_t jc = t0, ss = t0, sscan = t0, spk = 0, cscan = 0, cu = SIZE_MAX;
    size_t sp_ss = SIZE_MAX, cu_sp = SIZE_MAX;
    int32_t sp = -1;
    for (size_t i = i0; i < t1; i++) {
      /* the next one, four tokens at a time */
      while (i + 4 <= t1 &&
             !((t[i].flags | t[i + 1].flags | t[i + 2].flags | t[i + 3].flags) & LX_TF_QUOTE))
        i += 4;
      if (i == t1) break;
      if (!(t[i].flags & LX_TF_QUOTE) || !(t[i].flags & LX_TF_OPENQ)) continue;
      /* the closing mark: the next quotation mark that does not open */
      if (jc <= i) jc = i + 1;
      for (;;) { /* tokens without a mark passed over four at a time */
        while (jc + 4 <= t1 && !((t[jc].flags | t[jc + 1].flags | t[jc + 2].flags |
                                  t[jc + 3].flags) & LX_TF_QUOTE))
          jc += 4;
        if (jc >= t1 || ((t[jc].flags & LX_TF_QUOTE) && !(t[jc].flags & LX_TF_OPENQ) &&
                         closes(c, i, jc)))
          break;
        jc++;
      }
      if (jc >= t1) {
        /* none closes from here on: a paragraph that opens with a mark and
         * ends a sentence goes on in the next one */
        size_t qe = t1;
        while (qe > i + 1 && t[qe - 1].kind == LX_TK_PUNCT) qe--;
        int goes_on = qe > i + 1 && qe < t1 && pi + 1 < in->paragraphs.n;
        int32_t known = i == t0 && carried >= 0 ? carried : para_speaker;
        lede_span kcue = no_span_;
        if (goes_on && known < 0 && i > t0 && !npend) {
          /* 'Ashdown said: "The people...' and the quotation goes on in
           * the next paragraph: the one named before the verb */
          size_t m = i;
          for (size_t steps = 0, reach = cue_reach(c, t0, i); m > t0 && steps < reach; steps++) {
            m--;
            if (is_cue(c, &t[m]) && reports(c, m)) {
              int32_t s = speaker_near(c, E, ne, m, t0, i, t[i].start, &anon);
              if (s >= 0) {
                known = s;
                kcue = lx_span(t[m].start, t[m].end);
              }
              break;
            }
            if (quote_mark(c, m)) break;
          }
        }
        if (goes_on && known >= 0 && !npend) {
          add_quote(c, lx_span(t[i + 1].start, t[qe - 1].end), known, kcue);
          carry = known;
        } else if (i == t0 && goes_on && npend < NPEND) {
          pend[npend++] = lx_span(t[i + 1].start, t[qe - 1].end);
        } else {
          npend = 0;
        }
        break;
      }
      size_t j = jc;
      if (j == i + 1) continue;
      /* the words inside, without the quotation marks; a trailing comma in
       * the quote belongs to the sentence around it */
      size_t qe = j;
      while (qe > i + 1 && (tok_ch(c, &t[qe - 1], ',') || tok_ch(c, &t[qe - 1], '.'))) qe--;
      if (qe <= i + 1) {
        i = j;
        continue;
      }
      lede_span qs = lx_span(t[i + 1].start, t[qe - 1].end);
      /* where the words quoted start (those of the paragraphs that wait too) */
      uint32_t qstart = npend ? pend[0].start - 1 : t[i].start;
      int32_t speaker = -1;
      lede_span cue = no_span_;
      /* after: '"...," Kim said' / '"...," said Kim' / '"...," it said' /
       * '"...," Kim, an analyst at Acme, said', in the same sentence */
      size_t k = j + 1;
      if (k < t1 && tok_ch(c, &t[k], ',')) k++;
      /* after a quotation that ends a sentence, only a verb close by */
      size_t reach = tok_ch(c, &t[j - 1], '.') ? 6 : 30;
      for (size_t m = k; m < t1 && m < k + reach; m++) {
        /* '"...," according to Anna Berg, a spokeswoman' */
        if (m == k && m + 2 < t1 && lx_tok_ieq(c->text, &t[m], "according") &&
            lx_tok_ieq(c->text, &t[m + 1], "to")) {
          cue = lx_span(t[m].start, t[m + 1].end);
          size_t w = m + 2 + (m + 3 < t1 && lx_tok_ieq(c->text, &t[m + 2], "the"));
          int32_t e = entity_at_token(c, E, ne, w);
          if (e < 0 && w > m + 2) e = entity_at_token(c, E, ne, m + 2);
          if (e >= 0 && (E[e].type == LEDE_T_PERSON || E[e].type == LEDE_T_ORG)) speaker = e;
          break;
        }
        if (is_cue(c, &t[m]) && reports(c, m)) {
          /* '"... process." It added: "..."': the next quotation's */
          if (reach < 30 && m + 1 < t1 &&
              (tok_ch(c, &t[m + 1], ':') ||
               ((t[m + 1].flags & LX_TF_QUOTE) && (t[m + 1].flags & LX_TF_OPENQ))))
            break;
          cue = lx_span(t[m].start, t[m].end);
          speaker = subject_at(c, E, ne, k, m);
          if (speaker < 0) speaker = speaker_near(c, E, ne, m, j + 1, t1, qstart, &anon);
          break;
        }
        if (quote_mark(c, m)) break;
        /* the sentence ends (not at "D-Mass.,") */
        if (t[m].kind == LX_TK_PUNCT &&
            (tok_ch(c, &t[m], ';') ||
             ((tok_ch(c, &t[m], '.') || tok_ch(c, &t[m], '?') || tok_ch(c, &t[m], '!')) &&
              (m + 1 == t1 || (t[m + 1].flags & LX_TF_QUOTE) ||
               ((t[m + 1].flags & LX_TF_SENT) && tok_is_cap(&t[m + 1]))))))
          break;
      }
      /* before: 'Kim said: "..."', 'according to' */
      if (speaker == -1) {
        size_t m = i;
        for (size_t steps = 0, reach = cue_reach(c, t0, i); m > t0 && steps < reach; steps++) {
          m--;
          if (is_cue(c, &t[m]) && reports(c, m)) {
            cue = lx_span(t[m].start, t[m].end);
            speaker = speaker_near(c, E, ne, m, t0, i, qstart, &anon);
            break;
          }
          if (quote_mark(c, m)) break;
        }
      }
      /* the next paragraph of a quotation whose speaker was named */
      if (speaker == -1 && lx_span_empty(cue) && i == t0 && carried >= 0) speaker = carried;
      int unnamed = speaker <= SPEAKER_UNNAMED;
      if (unnamed) speaker = -1;
      /* no cue: a name in quotation marks is a title or a slogan, not a
       * quotation ("Star Wars", "Mary Poppins", "In God We Trust") */
      if (speaker < 0 && lx_span_empty(cue) && title_cased(t, i + 1, qe)) {
        i = j;
        continue;
      }
      /* nor a title of two words or more inside a clause: a word before its
       * marks, and a word or a comma after it: 'Tom Aldridge, whose novel
       * "Winter Quarters" was the favourite, said', 'a summary of "Lotus
       * Simplified," a textbook' (not '"Thank You," she said', nor
       * '"Welcome Home Everyone," Prime Minister Jacinda Ardern said') */
      if (qe >= i + 3 && title_cased(t, i + 1, qe) && !tok_ch(c, &t[qe - 1], '?') &&
          !tok_ch(c, &t[qe - 1], '!') && i > t0 && t[i - 1].kind == LX_TK_WORD &&
          !is_cue(c, &t[i - 1]) &&
          (tok_ch(c, &t[j - 1], ',') || (j + 1 < t1 && t[j + 1].kind == LX_TK_WORD)) &&
          !(!lx_span_empty(cue) && cue.start >= t[j].end && cue.start <= t[j].end + 12)) {
        i = j;
        continue;
      }
      /* a nickname inside a name: "Lee 'Tank' Barnard", "Harold \"Sonny\"
       * Bellamy" */
      if (qe <= i + 3 && i > t0 && j + 1 < t1 && tok_is_cap(&t[i - 1]) &&
          t[i - 1].kind == LX_TK_WORD && tok_is_cap(&t[j + 1]) && t[j + 1].kind == LX_TK_WORD &&
          !(t[j + 1].flags & LX_TF_SENT)) {
        i = j;
        continue;
      }
      /* a name given, not words said: 'nicknamed "the Goat"', 'which means
       * "home kitchen"', 'is called a "rediscovery"', 'Quillion Robotics
       * Inc. ("Quillion")' */
      if (i > t0 + 1 && qe <= i + 5) {
        static const char *const naming[] = {"nicknamed", "dubbed", "nickname", "means",
                                             "meaning", "titled", "entitled"};
        size_t m = i - 1;
        if (role_det(c, &t[m]) == 1 && m > t0 + 1) m--;
        int given = in_list(c, &t[m], naming, LX_COUNTOF(naming)) ||
                    (lx_tok_ieq(c->text, &t[m], "as") && lx_tok_ieq(c->text, &t[m - 1], "known")) ||
                    (lx_tok_ieq(c->text, &t[m], "called") &&
                     in_list(c, &t[m - 1], be_forms, LX_COUNTOF(be_forms)));
        int defined = tok_ch(c, &t[i - 1], '(') && j + 1 < t1 && tok_ch(c, &t[j + 1], ')');
        if (given || defined) {
          i = j;
          continue;
        }
      }
      /* a partial quote inside a sentence: the sentence's first person or
       * organization speaks ("Knapper ... reaffirmed that Washington expects
       * Seoul to show "flexibility"") */
      /* a quotation run on after one whose speaker is named ('"...," Lisle
       * told the judge. "I am deeply sorry."'): that speaker's */
      if (speaker < 0 && !unnamed && lx_span_empty(cue) && para_speaker >= 0 && i > t0 &&
          (tok_ch(c, &t[i - 1], '.') || tok_ch(c, &t[i - 1], '?') || tok_ch(c, &t[i - 1], '!') ||
           quote_mark(c, i - 1)))
        speaker = para_speaker;
      /* a quotation that opens a sentence after one that names its speaker
       * without a verb of saying ('he paused. "It helps."', 'His first post
       * set the tone: "Ask yourself..."'): that sentence's person, or the
       * one its pronoun stands for */
      if (speaker < 0 && !unnamed && lx_span_empty(cue) && i > t0 + 1 &&
          (tok_ch(c, &t[i - 1], '.') || tok_ch(c, &t[i - 1], ':')))
        speaker = sentence_person(c, E, ne, t0, i - 1, qstart, anon);
      /* a partial quote in a sentence that opens "According to Leland," or
       * "According to a person familiar with the talks,": that source */
      if (speaker < 0 && !unnamed && lx_span_empty(cue)) {
        size_t m = i;
        while (m > t0 && i - m < 30 && !(t[m].flags & LX_TF_SENT) && !quote_mark(c, m - 1)) m--;
        if (m + 2 < i && lx_tok_ieq(c->text, &t[m], "according") &&
            lx_tok_ieq(c->text, &t[m + 1], "to")) {
          cue = lx_span(t[m].start, t[m + 1].end);
          int32_t w = entity_at_token(c, E, ne, m + 2);
          if (w < 0 && m + 3 < i && lx_tok_ieq(c->text, &t[m + 2], "the"))
            w = entity_at_token(c, E, ne, m + 3);
          if (w >= 0 && E[w].type == LEDE_T_TITLE && (size_t)w + 1 < ne &&
              E[w + 1].span.start < t[i].start)
            w = w + 1; /* "According to Dr. Sato" */
          if (w >= 0 && (E[w].type == LEDE_T_PERSON || E[w].type == LEDE_T_ORG)) speaker = w;
          else unnamed = 1; /* "a person familiar with the talks" */
        }
      }
      if (speaker < 0 && !unnamed) {
        for (; sscan <= i; sscan++)
          if (t[sscan].flags & LX_TF_SENT) ss = sscan;
        if (sp_ss != ss) { /* a new sentence */
          sp_ss = ss;
          sp = -1;
          spk = first_from(E, ne, t[ss].start);
        }
        /* its first person, else its first organization, outside the
         * quotations before ("WFP country director Jens Halvorsen ...
         * warned that bridges were "simply gone"") */
        for (; (sp < 0 || E[sp].type != LEDE_T_PERSON) && spk < ne &&
               E[spk].span.start < t[i].start;
             spk++) {
          if (E[spk].type != LEDE_T_PERSON && (E[spk].type != LEDE_T_ORG || sp >= 0)) continue;
          if (quoted_before(c, &E[spk])) continue;
          sp = (int32_t)spk;
        }
        speaker = sp;
        /* none named: the one a verb of saying before it in the sentence
         * has for subject ("She said pupils would be offered places 'no
         * more than 20 minutes away'", "But he called the result '...'") */
        static const char *const naming[] = {"called", "calls", "calling", "call", "described",
                                             "describes", "describing", "termed", "dubbed",
                                             "labeled", "labelled", "branded"};
        if (speaker < 0) {
          for (size_t m = ss; m < i && m < ss + 40; m++) {
            if (quote_mark(c, m)) break;
            if (!(is_cue(c, &t[m]) && reports(c, m)) &&
                !in_list(c, &t[m], naming, LX_COUNTOF(naming)))
              continue;
            int32_t sv = speaker_near(c, E, ne, m, ss, i, t[i].start, &anon);
            if (sv >= 0) {
              speaker = sv;
              cue = lx_span(t[m].start, t[m].end);
            }
            break;
          }
        }
        /* and its reporting verb, if one stands between them */
        if (speaker >= 0 && speaker == sp) {
          if (cu_sp != (size_t)speaker) {
            size_t a, b;
            ent_tokens(c, &E[speaker], &a, &b);
            cu_sp = (size_t)speaker;
            cscan = b;
            cu = SIZE_MAX;
          }
          for (; cu == SIZE_MAX && cscan < i; cscan++)
            if (is_cue(c, &t[cscan])) cu = cscan;
          if (cu != SIZE_MAX && cu < i) cue = lx_span(t[cu].start, t[cu].end);
          /* the verb that names what the quoted words call a thing, close
           * before them: 'called the cuts "a panic move"' */
          for (size_t m = i; m > t0 && i - m < 6; m--) {
            if (t[m - 1].kind == LX_TK_PUNCT && !tok_ch(c, &t[m - 1], ',')) break;
            if (in_list(c, &t[m - 1], naming, LX_COUNTOF(naming))) {
              cue = lx_span(t[m - 1].start, t[m - 1].end);
              /* and the one who names it, right before the verb: "a deal
               * coach Stan Kowalski called \"painful but necessary\"" */
              if (m >= 2) {
                size_t q = first_from(E, ne, t[m - 1].start);
                if (q > 0 && E[q - 1].span.end == t[m - 2].end &&
                    (E[q - 1].type == LEDE_T_PERSON || E[q - 1].type == LEDE_T_ORG) &&
                    !quoted_before(c, &E[q - 1])) {
                  speaker = (int32_t)(q - 1);
                  /* "Feyi Balogun of Sentinel Research called the fine" */
                  int32_t p = E[q - 1].type == LEDE_T_ORG ? person_of_org(c, E, ne, &E[q - 1], t0)
                                                          : -1;
                  if (p >= 0) speaker = p;
                }
              }
              break;
            }
          }
        }
      }
      /* a few words in quotation marks that no one says, nothing
       * attributes, and no quotation of an unnamed speaker before them in
       * the paragraph runs on to: a title, a name, a scare quote ("the
       * widow's share"); sentences stay, whoever said them */
      if (speaker < 0 && lx_span_empty(cue) && !npend && !para_unnamed) {
        size_t words = 0;
        for (size_t w = i + 1; w < qe && words <= 4; w++) words += t[w].kind == LX_TK_WORD;
        if (words <= 4) {
          i = j;
          continue;
        }
      }
      for (size_t k = 0; k < npend; k++) add_quote(c, pend[k], speaker, cue);
      npend = 0;
      add_quote(c, qs, speaker, cue);
      if (speaker >= 0) para_speaker = speaker;
      if (speaker < 0) para_unnamed = 1;
      i = j;
    }
    lx_tick(c);
  }
}

/* ---- the word lists' set ----------------------------------------------------------- */

static const struct {
  const char *const *w;
  size_t n;
} listed_lists[] = {
#define LISTED_ENTRY(w) {w, LX_COUNTOF(w)},
    LISTED_LISTS(LISTED_ENTRY)
#undef LISTED_ENTRY
};

/* in_listed of a token whose hash two words of the lists share: the lists
 * walked. */
static int listed_scan(const lx_ctx *c, const lx_token *t, uint64_t lists) {
  for (size_t l = 0; l < LL_COUNT; l++)
    if (((lists >> l) & 1) && in_list(c, t, listed_lists[l].w, listed_lists[l].n)) return 1;
  return 0;
}

/* Fills a set of cap slots (zeroed) and its words with the lists' words;
 * returns the number of slots taken. */
static size_t listed_fill(uint32_t *slots, listed_word *W, size_t cap) {
  size_t used = 0;
  for (size_t l = 0; l < LL_COUNT; l++)
    for (size_t i = 0; i < listed_lists[l].n; i++) {
      const char *w = listed_lists[l].w[i];
      uint32_t h = lx_hash_lower(w, strlen(w));
      if (h == 0) h = 1;
      size_t j = h & (cap - 1);
      while (slots[j] && slots[j] != h) j = (j + 1) & (cap - 1);
      used += !slots[j];
      slots[j] = h;
      size_t k = 0;
      while (w[k] && !(w[k] >= 'A' && w[k] <= 'Z')) k++;
      if (l == LL_legal_forms && i < listed_lists[l].n - LEGAL_COMMON) W[j].lists |= LEGAL_RARE;
      if (w[k]) { /* capitals (see listed_word) */
        if (l == LL_legal_forms) W[j].lists |= LL(legal_forms);
        continue;
      }
      if (!W[j].word && !(W[j].lists & ~(LL(legal_forms) | LEGAL_RARE)))
        W[j].word = w; /* the first lower-case word of this hash */
      else if (W[j].word && strcmp(W[j].word, w) != 0)
        W[j].word = NULL;
      W[j].lists |= (uint64_t)1 << l;
    }
  return used;
}

/* The set (as lx_hashset_build makes one: at most one slot in eight taken,
 * of the distinct words: the lists share many) with, behind its slots,
 * each slot's listed_word. */
int lx_listed_words_build(const lede_allocator *a, lx_hashset *s) {
  size_t n = 0;
  for (size_t l = 0; l < LL_COUNT; l++) n += listed_lists[l].n;
  if (LL_COUNT > 63) return 0; /* a bit a list, and LEGAL_RARE */
  size_t cap = 0, used = n;
  uint32_t *slots = NULL;
  for (int pass = 0; pass < 2; pass++) {
    /* (first sized for every word, then for the distinct ones) */
    size_t want = 64;
    while (want < used * 8) want *= 2;
    if (want == cap) break;
    cap = want;
    size_t bytes = cap * (sizeof(uint32_t) + sizeof(listed_word));
    lx_free(a, slots);
    slots = (uint32_t *)lx_malloc(a, bytes);
    if (!slots) return 0;
    memset(slots, 0, bytes);
    /* (cap is a power of two of 64 or more: the words are aligned after
     * the slots) */
    used = listed_fill(slots, (listed_word *)(void *)(slots + cap), cap);
  }
  s->slots = slots;
  s->cap = cap;
  return 1;
}
