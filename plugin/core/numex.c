/*
 * Numeric and temporal expressions: DATE, TIME, PERCENT, MONEY, QUANTITY,
 * ORDINAL and CARDINAL over the tokens of one block, with normalized values.
 *
 * Spans follow the OntoNotes 5.0 (BBN) conventions for newswire:
 *  - quantifying modifiers belong to the number: "about 20 percent", "more
 *    than $5 million", "nearly 3,000", "some 28,500", "at least 10", "up to
 *    5", "an estimated 200"; they are dropped before absolute dates;
 *  - determiners belong to dates that are periods: "the 1990s", "the past two
 *    years", "the third quarter of 2019", "the first half"; not to numbers
 *    ("the two countries": CARDINAL "two");
 *  - a range whose unit is printed once is one entity: "1,750 to 1,780 dlrs",
 *    "5-10 percent", "between 5 and 10 percent"; its value is the low end (the
 *    high end's scale applies to both: "5 to 10 million dlrs" is 5000000);
 *    so is a range whose both ends carry their sign, going up: "80% to
 *    90%", "$5 to $10"; a change is two: "from 5% to 10%", "rose 0.1 pct to
 *    54.2 pct", "fell 3/8 to 21-5/8 dlrs"; an either-or of an amount or a
 *    duration is a range: "three or four days", "5 or 6 percent" ("one or
 *    two" stays two numbers);
 *  - wires' fractions are one number: "5-1/2 pct" 5.5, "106-26/32";
 *  - an age in apposition is a DATE: "Mr. Smith, 52," P52Y;
 *  - a day (week, minute...) counted in a run is a DATE (TIME) with its
 *    determiner and no value: "the third straight day", "a second
 *    consecutive week", "the 63rd minute"; "the first time" is an ORDINAL;
 *  - a four-digit number from 1900 to 2099 is a year unless a plural noun
 *    follows with no determiner before it: "the 1990 results", "its 1989
 *    sales" are years, "he sold 1990 shares" a count;
 *  - a number inside a date, time, amount or percentage is not a CARDINAL;
 *    "May 3rd" is a DATE, "the third quarter" a DATE, "third" alone ORDINAL;
 *  - not tagged: "may"/"march" in lower case, a number right after a
 *    capitalized name ("Boeing 737", "Euro 2020", "Windows 10"), "No. 1",
 *    "#1", scores and phone numbers ("2-1", "555-1234"), "one" as a pronoun
 *    ("the one", "no one", "one another"); "One of the" is a CARDINAL, as
 *    OntoNotes tags it.
 *
 * Values (lx_cand.value_kind, num, str):
 *  - DATE, TIME: LEDE_V_STRING, ISO 8601 / TIMEX3 in str, resolved against
 *    the article's date (in->ref) when it has one:
 *      "Tuesday" (story of Wed 2020-05-06)  2020-05-05: the latest such day
 *                 up to the story's date, or the next one from it when the
 *                 sentence speaks of the future ("will", "next", "scheduled",
 *                 "set to"...); "Wednesday" is the story's day itself; "last
 *                 Tuesday" the latest one strictly before, "next Tuesday" the
 *                 first one strictly after
 *      "Jan. 14, 2020" 2020-01-14; "May 6" 2020-05-06 (the year that puts it
 *                 nearest the story); "March 2020" 2020-03; "1996" 1996
 *      "last month" 2020-04, "last year" 2019, "this week" 2020-W19,
 *      "the weekend" 2020-W19-WE, "the third quarter of 2019" 2019-Q3,
 *      "the first half of 2020" 2020-H1, "summer" 2020-SU (SP SU FA WI),
 *      "the 1990s" 199 (TIMEX3), "the 21st century" 20, "fiscal 1987" FY1987,
 *      "2019/20" 2019/2020 (an ISO interval), "1990-95" 1990/1995,
 *      "two years ago" 2018, "a week ago" 2020-04-29,
 *      "earlier this year" 2020, "early 2020" 2020, "late March" 2020-03,
 *      "the end of 1989" 1989, "the end of the year" 2020, "1982 to 1985"
 *      1982/1985; a month or a quarter without a year takes the nearest
 *      (quarters: the latest begun) unless the sentence speaks of the future;
 *      "the year", "the quarter" after a preposition of time ("for the
 *      year", "earlier in the day") are the story's: 2020, 2020-Q2; a
 *      period that ends on a date is the one that holds it: "the year
 *      ended Dec. 31, 1986" 1986, "the year to January 1987" FY1987 (a
 *      fiscal year is named by its end), "the quarter ended Sept. 30"
 *      2019-Q3, "the week ended Feb. 22" 2020-W08; "the current fiscal
 *      year" FY2020; "the year before", "the day after" have no value
 *      (their time is the story's event, not its date);
 *    durations: "two weeks" P2W, "three years" P3Y, "a decade" P10Y,
 *      "the past two years" P2Y, "three hours" PT3H, "recent years" PXY
 *      (X: an unknown count), "decades" PXDE (TIMEX3 units DE, CE for
 *      decades and centuries when the count is unknown), "one and a half
 *      years" P1.5Y, "the first nine months" and "the nine months ended
 *      Sept. 30" P9M;
 *    ages ("20-year-old", "60 years old") P20Y, P60Y;
 *    sets: "every Monday" XXXX-WXX-1, "annually"/"each year" P1Y (a set has
 *      the form of its period: the type of TIMEX3 SET is not carried);
 *    parts of days: "this morning" 2020-05-06TMO, "last night"
 *      2020-05-05TNI, "Tuesday night" 2020-05-05TNI, "tonight" (MO AF EV NI);
 *      with no day named, "in the morning", "at night", "at dawn", "fell
 *      overnight" XXXX-XX-XXTMO, XXXX-XX-XXTNI;
 *    a count left unsaid: "for years" PXY, "within hours" PTXH, "minutes
 *      later" PTXM (after a preposition of time, or before later, earlier,
 *      ago; not "hours worked", "after hours trading"); an age in decades
 *      ("in his 40s") has no value;
 *    holidays: "Christmas" 2019-12-25 (the year a month would take),
 *      "Easter 2024" 2024-03-31, "last Thanksgiving", "Labor Day weekend";
 *      no value for lunar calendars ("Ramadan") and country-dependent days;
 *    times: "10:30 a.m." T10:30 (no date is assumed for a time printed
 *      alone), "8:03 am ET" T08:03-04:00 (the zone from
 *      the print, US daylight time computed), "noon" T12:00, a time with its
 *      date "04:10 May 07, 2020" 2020-05-07T04:10, "10 a.m. Tuesday"
 *      2020-05-05T10:00;
 *    without a reference date what is known is kept: "--05-06", "--05",
 *      "XXXX-WXX-2" (Tuesday), "XXXX" (last year), "XXXX-XX" (last month).
 *  - numbers are rounded to 15 significant digits, which keeps what a text
 *    can print and drops binary noise ("4.1 billion" is 4100000000);
 *  - MONEY: LEDE_V_AMOUNT, num = the amount in units of the currency (cents
 *    and pence divided by 100), str = ISO 4217 code: "US$870 million"
 *    870000000 USD, "28.3 mln dlrs" 28300000 USD, "40 cents" 0.4 USD,
 *    "5 billion won" 5000000000 KRW, "€5bn" 5000000000 EUR, "50 stg" GBP,
 *    "$16 3/8" 16.375 USD, "millions of dollars" 1000000 USD. "Pounds" is a
 *    weight (QUANTITY, kg) unless scaled ("5 million pounds") or followed by
 *    "sterling". Currency codes count in capitals ("USD 5", "64 Bob" is no
 *    money) and ambiguous currency words only after a number ("5 billion
 *    won", not "won 5").
 *  - PERCENT: LEDE_V_NUMBER, the number printed ("13 percent" 13, "0.5
 *    percentage points" 0.5, "half a percentage point" 0.5).
 *  - QUANTITY: LEDE_V_AMOUNT, num in the canonical unit of the gazetteer,
 *    str that unit: "60 kilos" 60 kg, "155 miles" 249.44832 km, "200,000
 *    barrels per day" 200000 bpd. Counted things that are not units ("6.4 mln
 *    bags", "28,500 troops") are CARDINALs.
 *  - CARDINAL, ORDINAL: LEDE_V_NUMBER: "28,500" 28500, "two" 2, "1.5 million"
 *    1500000, "a dozen" 12, "a third" 0.333..., "two-thirds" 0.666..., "8
 *    3/4" 8.75, "3rd" 3, "twenty-first" 21. Vague amounts are valued by
 *    their lower bound: "hundreds" 100, "tens of thousands" 10000, "several
 *    hundred" 100. A number too long for a double is inf (JSON null).
 *
 * Cost: one pass; a token that cannot start an expression (most words)
 * costs one probe of a static hash table keyed by the token's own hash. Every
 * expression is matched with a bounded look-ahead (a few tokens, 16 at most
 * for a spelled number; ranges nest one level only) and the
 * scan resumes after it, so time is linear in the tokens whatever the input;
 * numbers are read digit by digit once (a 10,000-digit number is one pass).
 * Nothing is allocated except the candidates appended to `out`.
 */
#include <math.h>
#include <stdio.h>

#include "ner.h"

/* word classes of the lexicon (tools/numex/lexicon.lua) */
enum {
  NX_W_NONE = 0, NX_W_UNIT, NX_W_TENS, NX_W_HUNDRED, NX_W_SCALE, NX_W_DOZEN,
  NX_W_PLURAL, NX_W_ORD, NX_W_HALF, NX_W_FRACPL, NX_W_QUARTER, NX_W_MONTH,
  NX_W_WDAY, NX_W_WDAYS, NX_W_REL, NX_W_RECENT, NX_W_DAYREL, NX_W_TONIGHT,
  NX_W_TUNIT, NX_W_PART, NX_W_NOON, NX_W_SEASON, NX_W_SETADV, NX_W_EVERY,
  NX_W_MOD, NX_W_DET, NX_W_FEW, NX_W_AGO, NX_W_EARLY, NX_W_FISCAL, NX_W_PCT,
  NX_W_PER, NX_W_OLD, NX_W_OCLOCK, NX_W_NO, NX_W_OF, NX_W_AND, NX_W_WHILE,
  NX_W_NOW, NX_W_FUTURE, NX_W_AMPM, NX_W_CURPRE, NX_W_EDGE, NX_W_HOLIDAY,
  NX_W_PAST, NX_W_THAT, NX_W_LED, NX_W_COUNT
};

/* time units (values of NX_W_TUNIT and NX_W_SETADV) */
enum {
  U_NONE = 0, U_YEAR, U_MONTH, U_WEEK, U_DAY, U_DECADE, U_CENTURY, U_HOUR,
  U_MIN, U_SEC, U_WEEKEND, U_FORTNIGHT, U_MILLENNIUM, U_QUARTER, U_HALF
};

typedef struct nx_word {
  const char *w;
  uint8_t n;
  uint8_t cls;
  double v;
} nx_word;

typedef struct nx_slot {
  uint32_t hash;
  uint16_t idx; /* index + 1; 0 = empty */
  uint8_t cls;  /* the word's class, here for the skipping loop (in the
                   slot's padding: it reads no word) */
} nx_slot;

/* the lexicon: nx_words, nx_slots, lead_class (the classes that can start
 * an expression), nx_lead_bits and nx_word_bits */
#include "numex_lex.h"

/* Probes the lexicon with a token's hash alone (no check of the text): for
 * deciding to skip, a rare collision only costs a closer look. */
static inline const nx_slot *lex_peek(uint32_t h) {
  size_t j = h & (NX_LEX_CAP - 1);
  while (nx_slots[j].idx && nx_slots[j].hash != h) j = (j + 1) & (NX_LEX_CAP - 1);
  return nx_slots[j].idx ? &nx_slots[j] : NULL;
}
/* The bit of hash h in one of the lexicon's bit sets (numex_lex.h). */
static inline int lex_bit(const uint64_t *bits, uint32_t h) {
  return (int)((bits[(h & (NX_LEAD_BITS - 1)) >> 6] >> (h & 63)) & 1);
}
/* Whether a word that may open an expression (lead_class but "to",
 * "than", "least", "most", "much"; "close") may have hash h: its bit in
 * nx_lead_bits, set for those words and one other word in 50. The
 * skipping loop asks it before the probe: the words out of the lexicon
 * would leave the probe at once, but by branches that went either way
 * from one token to the next (an empty slot, a neighbour's), and in a
 * 16 KB table; the lexicon's words that open nothing ("said", "of", "to",
 * "million") would pass the probe to be turned away after it. */
static inline int may_lead(uint32_t h) { return lex_bit(nx_lead_bits, h); }
/* Whether a word of the lexicon may have hash h: its bit in nx_word_bits,
 * set for them and one other word in 35. */
static inline int may_be_word(uint32_t h) { return lex_bit(nx_word_bits, h); }
static inline const nx_word *lex_peek_word(uint32_t h) {
  const nx_slot *s = lex_peek(h);
  return s ? &nx_words[s->idx - 1] : NULL;
}

/* ---- the scan state ----------------------------------------------------------- */

/* The lexicon word of each token near the scan point: look-ahead asks for
 * the same tokens again and again. Sixteen tokens hold a look-ahead's
 * window; every block clears the tags, which costs more than the misses
 * of a smaller cache save (64 cost more on the dev corpora than 16). */
#define NX_CACHE 16
typedef struct nx_cache {
  uint32_t tag[NX_CACHE]; /* token index + 1; 0 = empty */
  const nx_word *w[NX_CACHE];
  /* the last gazetteer look-up (currency and unit checks share it) */
  size_t gi, gk;
  const lx_entry *ge;
  /* the attributes read last of a currency and of a unit (a story prints
   * the same few again and again: "dlrs", "tonnes") */
  const lx_entry *cur, *unit;
  const char *iso, *uname, *factor;
  size_t ison, unamen, factorn;
} nx_cache;

typedef struct nx {
  const lx_ner_in *in;
  nx_cache *cache;
  const char *text;
  const lx_token *t;
  size_t t0, t1; /* the block */
  size_t from;    /* where the expression being read starts */
  lx_vec *out;
  int oom;
} nx;

/* One recognized expression. */
typedef struct nx_res {
  size_t a, b; /* tokens [a, b) */
  int type;    /* LEDE_T_*; 0 = consumed without an entity */
  double num;
  char str[48];
  uint32_t bs, be; /* the entity's bytes when they are not whole tokens
                      (be > bs), as "second" in "second-largest" */
} nx_res;

static inline size_t tlen(const nx *S, size_t i) { return S->t[i].end - S->t[i].start; }
static inline const char *tstr(const nx *S, size_t i) { return S->text + S->t[i].start; }
/* Token i is the literal word `lower`: the length (in the token) first. */
static inline int tok_is_n(const nx *S, size_t i, const char *lower, size_t n) {
  if (i >= S->t1) return 0;
  const lx_token *t = &S->t[i];
  if (t->end - t->start != n) return 0;
  unsigned char c = (unsigned char)S->text[t->start];
  if (c != (unsigned char)lower[0] && (c | 0x20) != (unsigned char)lower[0]) return 0;
  return n == 1 || lx_tok_ieq(S->text, t, lower);
}

/* Token i is the literal word `lit` (lower case, 16 bytes at most), its
 * hash first. Every token carries the hash of its lower-cased text
 * (lx_token.hash, internal.h), so a token that is the word in any case
 * has the word's hash: one compare with a constant rejects nearly every
 * other token, and the text is read only when the hashes agree. The
 * literal's hash is computed from its bytes as the tokenizer takes them,
 * eight at a time, which the compiler folds to a constant. A literal
 * beyond ASCII ("i\xe2\x80\x99m": the token's hash reads U+2019 as ') is
 * compared by its text alone. */
#define NX_LB(s, k) ((uint64_t)(unsigned char)(s)[(k) < sizeof(s) ? (k) : sizeof(s) - 1] << \
                     (8 * ((k) & 7)))
#define NX_L8(s, k)                                                                          \
  (NX_LB(s, k) | NX_LB(s, (k) + 1) | NX_LB(s, (k) + 2) | NX_LB(s, (k) + 3) |                 \
   NX_LB(s, (k) + 4) | NX_LB(s, (k) + 5) | NX_LB(s, (k) + 6) | NX_LB(s, (k) + 7))
/* (0, no token's hash, for a literal beyond ASCII) */
static inline uint32_t lit_hash(uint64_t w0, uint64_t w1, size_t n) {
  if ((w0 | w1) & 0x8080808080808080ull) return 0;
  uint64_t h = lx_hash_mix(LX_HASH_SEED, w0);
  if (n > 8) h = lx_hash_mix(h, w1);
  return lx_hash_final(h, n);
}
/* (out of line: reached by the tokens that are the word, rarely others) */
static int tok_is_text(const nx *S, size_t i, const char *lower, size_t n) {
  return tok_is_n(S, i, lower, n);
}
/* (a macro: the rules' functions are too large for the compiler to inline
 * a function into them; S and i have no side effects where it is used) */
#define NX_LH(lit) lit_hash(NX_L8(lit, 0), NX_L8(lit, 8), sizeof(lit) - 1)
/* (lit must be a string literal: "" lit does not compile otherwise) */
#define tok_isl(S, i, lit)                                                                   \
  ((size_t)(i) < (S)->t1 && (!NX_LH(lit) || (S)->t[i].hash == NX_LH(lit)) &&                 \
   tok_is_text((S), (i), "" lit, sizeof(char[sizeof(lit) <= 17 ? (int)sizeof(lit) - 1 : -1])))

/* Token i is one of the words ws[0, n) (lower case, ASCII, any case in the
 * token): its first byte is folded once and compared with each word's
 * before the whole comparison. */
static int tok_in(const nx *S, size_t i, const char *const *ws, size_t n) {
  if (i >= S->t1) return 0;
  const lx_token *t = &S->t[i];
  unsigned char c = (unsigned char)S->text[t->start];
  if (c >= 'A' && c <= 'Z') c += 32;
  for (size_t k = 0; k < n; k++)
    if ((unsigned char)ws[k][0] == c && lx_tok_ieq(S->text, t, ws[k])) return 1;
  return 0;
}

/* Token i is the word `lower` (ASCII, any case). The first byte rejects
 * almost every token; the comparison checks the length as it goes (no
 * strlen of the word: lists are scanned word by word). */
static inline int tok_is(const nx *S, size_t i, const char *lower) {
  if (i >= S->t1) return 0;
  const lx_token *t = &S->t[i];
  unsigned char c = (unsigned char)S->text[t->start];
  if (c != (unsigned char)lower[0] && (c | 0x20) != (unsigned char)lower[0]) return 0;
  return lx_tok_ieq(S->text, t, lower);
}
static inline int is_punct(const nx *S, size_t i, char c) {
  return i < S->t1 && S->t[i].kind == LX_TK_PUNCT && tlen(S, i) == 1 && tstr(S, i)[0] == c;
}
/* Token i opens a sentence, or what a colon introduces ("HOST: Eleven
 * banks have failed", a transcript's speaker): a capital there is no
 * name's. */
static inline int opens(const nx *S, size_t i) {
  return (S->t[i].flags & LX_TF_SENT) || (i > S->t0 && is_punct(S, i - 1, ':'));
}
/* A paragraph break ends every expression (the first token of the one
 * being read may open a paragraph: "About 200 people died."). */
static inline int ok_tok(const nx *S, size_t i) {
  return i < S->t1 && (!(S->t[i].flags & LX_TF_PARA) || i == S->from);
}

/* The word of a slot whose hash is the text's, if the text is that word. */
static inline const nx_word *lex_check(const nx_slot *sl, const char *s, size_t n) {
  const nx_word *w = &nx_words[sl->idx - 1];
  if (w->n != n) return NULL;
  /* the lexicon is in lower case: a byte equal to the word's is one that
   * lower-casing leaves as it is; only the others are folded */
  for (size_t k = 0; k < n; k++) {
    unsigned char c = (unsigned char)s[k];
    if (c == (unsigned char)w->w[k]) continue;
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != (unsigned char)w->w[k]) return NULL;
  }
  return w;
}

static const nx_word *lex_hash(uint32_t h, const char *s, size_t n) {
  const nx_slot *sl = lex_peek(h);
  return sl ? lex_check(sl, s, n) : NULL;
}

/* The lexicon word of token i, or NULL. */
static inline const nx_word *lex(const nx *S, size_t i) {
  if (i >= S->t1) return NULL;
  const lx_token *t = &S->t[i];
  if (t->kind != LX_TK_WORD && t->kind != LX_TK_SYM) return NULL;
  size_t n = t->end - t->start;
  if (n > 14) return NULL;
  nx_cache *c = S->cache;
  size_t slot = i & (NX_CACHE - 1);
  if (c->tag[slot] == (uint32_t)(i + 1)) return c->w[slot];
  const nx_word *w = lex_hash(t->hash, S->text + t->start, n);
  c->tag[slot] = (uint32_t)(i + 1);
  c->w[slot] = w;
  return w;
}

/* Token i is a lexicon word other than the first word of a holiday
 * ("Canada", "New" and "Good" are names' words too), a verb of the past or
 * a word read only after one that leads it ("Euro 2020" is a name: "euro"
 * is there for "a euro"). */
static inline int lex_word(const nx *S, size_t i) {
  const nx_word *w = lex(S, i);
  return w && w->cls != NX_W_HOLIDAY && w->cls != NX_W_PAST && w->cls != NX_W_LED;
}

static inline int lex_cls(const nx *S, size_t i) {
  const nx_word *w = lex(S, i);
  return w ? w->cls : NX_W_NONE;
}

/* The lexicon word spelled by s[0, n) (a part of a hyphenated token). */
static const nx_word *lex_str(const char *s, size_t n) {
  if (n == 0 || n > 14) return NULL;
  return lex_hash(lx_hash_lower(s, n), s, n);
}

static int ieq(const char *s, size_t n, const char *lower) {
  size_t k = 0;
  for (; k < n; k++) {
    unsigned char c = (unsigned char)s[k];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (!lower[k] || c != (unsigned char)lower[k]) return 0;
  }
  return lower[k] == 0;
}

static const double pow10_tab[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* floor(log10(ax)) for ax in [1e-6, 1e15): from 1 on, the power of ten in
 * pow10_tab at or below ax, when ax is more than a billionth away from
 * both powers around it (log10 then is farther than its rounding error
 * from a whole number, and the two agree); log10 itself near a power and
 * below 1. log10 cost 90 instructions a value. */
static int dec_exp(double ax) {
  if (ax >= 1) {
    int e = 0;
    while (e < 15 && pow10_tab[e + 1] <= ax) e++;
    if (ax >= pow10_tab[e] * (1 + 1e-9) && ax < pow10_tab[e + 1] * (1 - 1e-9)) return e;
  }
  return (int)floor(log10(ax));
}

/* x (ax its magnitude, from 1e-6 to 1e15) rounded to 15 significant
 * digits. (Out of line: few values have decimals, and emit, inlined in
 * the scan, stays small.) */
__attribute__((noinline)) static double snap_digits(double x, double ax) {
  int k = 14 - dec_exp(ax); /* decimals kept: 0 .. 20 */
  if (k < 0) k = 0;
  if (k > 22) k = 22;
  return nearbyint(x * pow10_tab[k]) / pow10_tab[k];
}

/* A value as a reader would write it: "4.1 billion" is 4100000000, not the
 * 4099999999.9999995 that 4.1 * 1e9 gives in binary floating point, and 300
 * miles are 482.8032 km, not 482.80320000000006. A double holds 15
 * significant decimal digits and the products' noise lies beyond them, so
 * rounding to 15 keeps every digit a text can give and drops the noise. */
static double snap(double x) {
  double ax = fabs(x);
  if (!(ax >= 1e-6 && ax < 1e15)) return x; /* 0, NaN, tiny or huge: as is */
  /* a whole number (most values) has no noise: x * 10^k stays below 2^53,
   * so is exact, and dividing it back gives x; no log10 */
  if ((double)(int64_t)x == x) return x;
  return snap_digits(x, ax);
}

static inline int emit(nx *S, const nx_res *r) {
  lx_vec *v = S->out;
  if (v->n >= v->cap && !lx_vec_reserve(S->in->alloc, v, sizeof(lx_cand), v->n + 1)) {
    S->oom = 1;
    return 0;
  }
  lx_cand *c = (lx_cand *)v->p + v->n++;
  /* every field not set below is zero (a field added to lx_cand too): the
   * bytes before and after the value string, which is copied whole (a
   * compound literal cleared the string too, by a slower loop of stores) */
  memset(c, 0, offsetof(lx_cand, str));
  memset((char *)c + offsetof(lx_cand, str) + sizeof c->str, 0,
         sizeof *c - offsetof(lx_cand, str) - sizeof c->str);
  c->t0 = (uint32_t)r->a;
  c->t1 = (uint32_t)r->b;
  c->type = (uint16_t)r->type;
  c->source = LX_SRC_NUMEX;
  c->score = 100;
  c->num = snap(r->num);
  switch (r->type) {
    case LEDE_T_DATE:
    case LEDE_T_TIME: c->value_kind = r->str[0] ? LEDE_V_STRING : LEDE_V_NONE; break;
    case LEDE_T_MONEY: /* (no amount and no currency: "multibillion-dollar") */
    case LEDE_T_QUANTITY:
      c->value_kind = r->str[0] || r->num ? LEDE_V_AMOUNT : LEDE_V_NONE;
      break;
    case LEDE_T_CARDINAL: /* a score, "2-1", is its text */
      c->value_kind = r->str[0] ? LEDE_V_STRING : LEDE_V_NUMBER;
      break;
    default: c->value_kind = LEDE_V_NUMBER; break;
  }
  memcpy(c->str, r->str, sizeof c->str);
  c->str[sizeof c->str - 1] = 0;
  if (r->be > r->bs) {
    c->bstart = r->bs;
    c->bend = r->be;
  }
  return 1;
}

/* Formats a value into r->str. Only what the values use: %d and %0Nd
 * (ints), %s, %.Ns, %c. No printf: this runs for every expression. */
static void set_str(nx_res *r, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *o = r->str;
  size_t n = 0, cap = sizeof r->str - 1;
  for (const char *f = fmt; *f; f++) {
    if (*f != '%') {
      if (n < cap) o[n++] = *f;
      continue;
    }
    f++;
    int width = 0, prec = -1;
    if (*f == '0') f++;
    while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
    if (*f == '.') {
      f++;
      prec = 0;
      while (*f >= '0' && *f <= '9') prec = prec * 10 + (*f++ - '0');
    }
    if (*f == 'd') {
      int v = va_arg(ap, int);
      char tmp[16];
      int k = 0;
      unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
      do {
        tmp[k++] = (char)('0' + u % 10);
        u /= 10;
      } while (u);
      while (k < width && k < 15) tmp[k++] = '0';
      if (v < 0 && n < cap) o[n++] = '-';
      while (k && n < cap) o[n++] = tmp[--k];
    } else if (*f == 's') {
      const char *a = va_arg(ap, const char *);
      for (int k = 0; (prec < 0 || k < prec) && a[k] && n < cap; k++) o[n++] = a[k];
    } else if (*f == 'c') {
      int c = va_arg(ap, int);
      if (n < cap) o[n++] = (char)c;
    } else {
      break;
    }
  }
  o[n] = 0;
  va_end(ap);
}

/* Appends a time of day to the date in r->str: "T" and the code ("MO",
 * "NI", "12:00"). */
static void add_time_of_day(nx_res *r, const char *code) {
  size_t l = strlen(r->str);
  snprintf(r->str + l, sizeof r->str - l, "T%s", code);
}

static void set_cstr(nx_res *r, const char *s) {
  size_t n = strlen(s);
  if (n >= sizeof r->str) n = sizeof r->str - 1;
  memcpy(r->str, s, n);
  r->str[n] = 0;
}

/* Writes a year (0..9999) as 4 digits at p. */
static void put4(char *p, int v) {
  if (v < 0) v = 0;
  p[0] = (char)('0' + v / 1000 % 10);
  p[1] = (char)('0' + v / 100 % 10);
  p[2] = (char)('0' + v / 10 % 10);
  p[3] = (char)('0' + v % 10);
}

static void put2(char *p, int v) {
  p[0] = (char)('0' + v / 10 % 10);
  p[1] = (char)('0' + v % 10);
}

static void set_year(nx_res *r, int y) {
  if (y < 0 || y > 9999) {
    set_str(r, "%d", y);
    return;
  }
  put4(r->str, y);
  r->str[4] = 0;
}

/* A small writer into a fixed buffer (no printf on the hot path). */
typedef struct wr {
  char *p;
  size_t n, cap;
} wr;
static void w_ch(wr *w, char c) {
  if (w->n + 1 < w->cap) w->p[w->n++] = c;
  w->p[w->n] = 0;
}
static void w_s(wr *w, const char *s) {
  while (*s) w_ch(w, *s++);
}
/* v with at least `width` digits (v >= 0). */
static void w_int(wr *w, long long v, int width) {
  /* (a year, a month, a day, an hour that fits: its digits at once) */
  if (w->n + 4 < w->cap && v >= 0 && ((width == 2 && v < 100) || (width == 4 && v < 10000))) {
    if (width == 2) put2(w->p + w->n, (int)v);
    else put4(w->p + w->n, (int)v);
    w->n += (size_t)width;
    w->p[w->n] = 0;
    return;
  }
  char tmp[24];
  int k = 0;
  if (v < 0) {
    w_ch(w, '-');
    v = -v;
  }
  do {
    tmp[k++] = (char)('0' + v % 10);
    v /= 10;
  } while (v && k < 20);
  while (k < width && k < 20) tmp[k++] = '0';
  while (k) w_ch(w, tmp[--k]);
}
static wr w_of(char *buf, size_t cap) {
  wr w;
  w.p = buf;
  w.n = 0;
  w.cap = cap;
  buf[0] = 0;
  return w;
}

static int res(nx_res *r, size_t a, size_t b, int type, double num) {
  r->a = a;
  r->b = b;
  r->type = type;
  r->num = num;
  r->str[0] = 0;
  r->bs = r->be = 0;
  return 1;
}

/* ---- numbers ------------------------------------------------------------------ */

/* The numeric prefix of a digit string: 28,500  3.5  .5  16.057. */
typedef struct digits {
  double v;
  size_t k;   /* bytes read */
  int intd;   /* integer digits */
  int fracd;  /* decimal digits */
  int groups; /* thousands separators */
} digits;

static int is_digit3(const char *p) {
  return p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
         p[2] <= '9';
}

static int read_digits(const char *s, size_t n, digits *o) {
  /* counters in locals: stores through o may alias s (char), which would
   * keep them in memory at every digit */
  uint64_t mant = 0;
  int sig = 0, intd = 0, fracd = 0, groups = 0;
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c >= '0' && c <= '9') {
      if (sig < 19) mant = mant * 10 + (c - '0');
      sig++;
      intd++;
      i++;
    } else if (c == ',' && intd > 0 && i + 3 < n && is_digit3(s + i + 1) &&
               (i + 4 == n || !(s[i + 4] >= '0' && s[i + 4] <= '9'))) {
      /* a thousands separator: exactly three digits follow */
      groups = 1;
      i++;
    } else {
      break;
    }
  }
  size_t ie = i; /* the end of the integer part */
  if (i + 1 < n && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
    i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      if (sig < 19) {
        mant = mant * 10 + (unsigned)(s[i] - '0');
        fracd++;
      }
      sig++;
      i++;
    }
  }
  o->intd = intd;
  o->fracd = fracd;
  o->groups = groups;
  if (intd == 0) return 0;
  o->k = i;
  if (sig <= 19 && fracd <= 22) {
    o->v = (double)mant / pow10_tab[fracd];
  } else {
    /* very long: the integer part, approximate (its digits again, only
     * here: most numbers never need it) */
    double big = 0;
    for (size_t q = 0; q < ie; q++) {
      unsigned char c = (unsigned char)s[q];
      if (c >= '0' && c <= '9') big = big * 10 + (c - '0');
    }
    o->v = big;
  }
  return 1;
}

/* What follows the digits of a number token. */
enum {
  SFX_NONE = 0,
  SFX_ORD,    /* 3rd */
  SFX_DECADE, /* 1980s */
  SFX_SCALE,  /* 5bn 5m 50k */
  SFX_UNIT,   /* 5km (glued unit) */
  SFX_HYPHEN, /* 20-year-old, 5-10 */
  SFX_SLASH,  /* 2019/20 */
  SFX_OTHER   /* anything else: not a plain number */
};

/* Glued units and their canonical unit and factor. */
typedef struct unitsfx {
  const char *s, *unit;
  double factor;
} unitsfx;
static const unitsfx unit_sfx[] = {
    {"km", "km", 1},           {"kg", "kg", 1},          {"m", "m", 1},
    {"cm", "m", 0.01},         {"mm", "m", 0.001},       {"mph", "km/h", 1.609344},
    {"kph", "km/h", 1},        {"kmh", "km/h", 1},       {"ft", "m", 0.3048},
    {"lb", "kg", 0.45359237},  {"lbs", "kg", 0.45359237}, {"oz", "kg", 0.028349523125},
    {"mw", "W", 1e6},          {"gw", "W", 1e9},         {"kw", "W", 1e3},
    {"kwh", "kWh", 1},         {"mwh", "kWh", 1e3},      {"gwh", "kWh", 1e6},
    {"ghz", "Hz", 1e9},        {"mhz", "Hz", 1e6},       {"gb", "B", 1e9},
    {"tb", "B", 1e12},         {"mb", "B", 1e6},         {"g", "kg", 0.001},
    {"mg", "kg", 1e-6},        {"ml", "l", 0.001},       {"t", "t", 1},
    {"c", "C", 1},             {"f", "F", 1},            {"sq km", "km2", 1},
    {"mile", "km", 1.609344},  {"miles", "km", 1.609344}, {"kilometer", "km", 1},
    {"kilometre", "km", 1},    {"meter", "m", 1},        {"metre", "m", 1},
    {"foot", "m", 0.3048},     {"feet", "m", 0.3048},    {"inch", "m", 0.0254},
    {"pound", "kg", 0.45359237}, {"ton", "ton", 1},      {"tonne", "t", 1},
    {"acre", "ha", 0.40468564224}, {"megawatt", "W", 1e6}, {"ounce", "kg", 0.028349523125},
    {"gallon", "l", 3.785411784}, {"yard", "m", 0.9144}, {"kilogram", "kg", 1},
    {"liter", "l", 1},         {"litre", "l", 1},        {"square-foot", "m2", 0.09290304},
    {"square-mile", "km2", 2.589988110336}, {"barrel", "bbl", 1},
    {"degree", "deg", 1},      {"horsepower", "hp", 1},  {"hectare", "ha", 1},
    {"watt", "W", 1},          {"kilowatt", "W", 1e3},   {"gigawatt", "W", 1e9},
    {"centimeter", "m", 0.01}, {"centimetre", "m", 0.01}, {"millimeter", "m", 0.001},
    {"millimetre", "m", 0.001}, {"square-meter", "m2", 1}, {"square-metre", "m2", 1},
    {"kilo", "kg", 1},         {"gigabyte", "B", 1e9},   {"terabyte", "B", 1e12},
    {"megabyte", "B", 1e6},    {"nanometer", "m", 1e-9}, {"nanometre", "m", 1e-9}};

static const unitsfx *find_unit_sfx(const char *s, size_t n, int glued) {
  /* glued units are the short ones; hyphen tails the words */
  if (n == 0 || n > 12) return NULL;
  unsigned char c0 = (unsigned char)s[0] | 0x20;
  for (size_t k = 0; k < LX_COUNTOF(unit_sfx); k++) {
    const char *u = unit_sfx[k].s;
    if ((unsigned char)u[0] != c0) continue;
    size_t un = strlen(u);
    /* glued: up to 3 letters; after a hyphen: 2 letters or more ("20-ton",
     * "a 10-km race") */
    if (glued ? un > 3 : un < 2) continue;
    if (un == n && ieq(s, n, u)) return &unit_sfx[k];
  }
  return NULL;
}

/* A number: digits (with scale words) or words. Its flags are bytes: in
 * 72 bytes, a number is cleared by a few stores (a larger one by rep
 * stos, slower to start, and every number is cleared once or twice). */
typedef struct nxnum {
  size_t a, end; /* tokens [a, end) */
  double v;
  const unitsfx *gunit;
  const char *tail; /* after the hyphen of the last token */
  size_t tailn;
  double hi;       /* high end of a range token (5-10), or -1 */
  int intd;        /* digits of the integer part (plain tokens) */
  uint8_t words;   /* spelled */
  uint8_t ord;     /* ordinal */
  uint8_t frac;    /* a fraction (two-thirds) */
  uint8_t plain;   /* one token of digits only, no separator */
  uint8_t scaled;  /* a scale word or suffix applied */
  uint8_t decade;  /* 1980s: v is the first year */
  uint8_t sfx;     /* SFX_* of the last token */
  uint8_t glued_m; /* "5m": million after a currency, else metres */
  uint8_t glued_p; /* "45p": pence */
} nxnum;

/* Spelled numbers, atom by atom (a hyphenated token gives several atoms). */
typedef struct spell {
  double total, cur;
  int last; /* 0 none, 1 unit, 2 teen, 3 tens, 4 hundred, 5 scale */
  double lastscale;
  int n;    /* atoms taken */
  int ord, frac;
  int done; /* the last atom ended the number (ordinal, fraction) */
} spell;

/* Feeds one atom; returns 1 if taken. */
static int spell_atom(spell *p, const nx_word *w) {
  if (!w || p->done) return 0;
  double v = w->v;
  switch (w->cls) {
    case NX_W_UNIT:
      if (v < 10) {
        if (p->last == 1 || p->last == 2) return 0;
        if (p->last == 3 && fmod(p->cur, 10) != 0) return 0;
        p->cur += v;
        p->last = p->last == 3 ? 2 : 1;
      } else {
        if (p->last == 1 || p->last == 2 || p->last == 3) return 0;
        p->cur += v;
        p->last = 2;
      }
      break;
    case NX_W_TENS:
      if (p->last == 1 || p->last == 2 || p->last == 3) return 0;
      p->cur += v;
      p->last = 3;
      break;
    case NX_W_HUNDRED:
      if (p->last != 1 && p->last != 2 && p->last != 3) return 0;
      if (fmod(p->cur, 100) == 0 || p->cur >= 100) return 0;
      p->cur *= 100;
      p->last = 4;
      break;
    case NX_W_SCALE:
      if (p->last == 0 || p->last == 5 || v >= p->lastscale) return 0;
      p->total += p->cur * v;
      p->cur = 0;
      p->lastscale = v;
      p->last = 5;
      break;
    case NX_W_DOZEN:
      if (p->last != 1 && p->last != 2 && p->last != 3) return 0;
      p->cur *= 12;
      p->last = 5;
      p->done = 1;
      break;
    case NX_W_ORD:
      if (p->last == 0) {
        p->cur = v;
      } else if (p->last == 3 && v < 10) {
        p->cur += v;
      } else if (p->last == 1 && p->cur == 1 && v >= 3 && v <= 10) {
        /* one-third */
        p->cur = 1.0 / v;
        p->frac = 1;
        p->n++;
        p->done = 1;
        return 1;
      } else if ((p->last == 1 || p->last == 2 || p->last == 3) && v == 100) {
        p->cur *= 100;
      } else {
        return 0;
      }
      p->ord = 1;
      p->done = 1;
      break;
    case NX_W_HALF:
    case NX_W_QUARTER:
      if (p->last != 1 || p->cur != 1) return 0;
      p->cur = 1.0 / v;
      p->frac = 1;
      p->done = 1;
      break;
    case NX_W_FRACPL:
      if (p->last != 1 && p->last != 2) return 0;
      p->cur = p->cur / v;
      p->frac = 1;
      p->done = 1;
      break;
    default: return 0;
  }
  p->n++;
  return 1;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Reads the digits token i into N (without following words). */
/* The value of a fraction a/b (s[0, n)) with a < b and b a usual
 * denominator (2, 3, 4, 8, 16, 32, 64), or 0. */
static double fraction_str(const char *s, size_t n) {
  size_t k = 0;
  int a = 0, b = 0;
  while (k < n && k < 3 && is_digit((unsigned char)s[k])) a = a * 10 + (s[k++] - '0');
  if (k == 0 || k >= n || s[k] != '/') return 0;
  size_t m = ++k;
  while (k < n && k - m < 3 && is_digit((unsigned char)s[k])) b = b * 10 + (s[k++] - '0');
  if (k != n || k == m || a == 0 || a >= b) return 0;
  if (b != 2 && b != 3 && b != 4 && b != 8 && b != 16 && b != 32 && b != 64) return 0;
  return (double)a / b;
}

static int num_token(const nx *S, size_t i, nxnum *N) {
  const char *s = tstr(S, i);
  size_t n = tlen(S, i);
  digits d;
  if (!read_digits(s, n, &d)) return 0;
  N->v = d.v;
  N->intd = d.intd;
  N->plain = d.k == n && !d.groups && d.fracd == 0;
  N->sfx = SFX_NONE;
  if (d.k == n) return 1;
  const char *r = s + d.k;
  size_t rn = n - d.k;
  if (r[0] == '-') {
    /* a whole and a fraction, as wires print them: "5-1/2", "30-1/8" */
    double f = d.fracd == 0 && !d.groups ? fraction_str(r + 1, rn - 1) : 0;
    if (f > 0) {
      N->v += f;
      N->plain = 0;
      return 1;
    }
    N->sfx = SFX_HYPHEN;
    N->tail = r + 1;
    N->tailn = rn - 1;
    return 1;
  }
  if (r[0] == '/') {
    N->sfx = SFX_SLASH;
    N->tail = r + 1;
    N->tailn = rn - 1;
    return 1;
  }
  /* letters glued: 3rd 1980s 5bn 10km; a hyphen may follow (5km-long) */
  size_t k = 0;
  while (k < rn && ((r[k] | 32) >= 'a' && (r[k] | 32) <= 'z')) k++;
  if (k == 0) {
    N->sfx = SFX_OTHER;
    return 1;
  }
  int ord = d.fracd == 0 && !d.groups &&
            (ieq(r, k, "st") || ieq(r, k, "nd") || ieq(r, k, "rd") || ieq(r, k, "th"));
  if (k < rn) {
    /* an ordinal before a hyphen: 21st-century, 2nd-largest */
    if (ord && r[k] == '-' && k + 1 < rn) {
      N->ord = 1;
      N->sfx = SFX_HYPHEN;
      N->tail = r + k + 1;
      N->tailn = rn - k - 1;
      return 1;
    }
    N->sfx = SFX_OTHER;
    return 1;
  }
  if (ord) {
    N->sfx = SFX_ORD;
    N->ord = 1;
    return 1;
  }
  if (ieq(r, k, "s") && d.fracd == 0 && !d.groups && (d.intd == 4 || d.intd == 2) &&
      fmod(d.v, 10) == 0) {
    N->sfx = SFX_DECADE;
    N->decade = 1;
    return 1;
  }
  static const struct {
    const char *s;
    double f;
  } scales[] = {{"bn", 1e9}, {"b", 1e9},   {"bln", 1e9}, {"mn", 1e6}, {"mln", 1e6},
                {"k", 1e3},  {"tn", 1e12}, {"trn", 1e12}, {"tr", 1e12}};
  for (size_t q = 0; q < LX_COUNTOF(scales); q++) {
    if (ieq(r, k, scales[q].s)) {
      N->v *= scales[q].f;
      N->scaled = 1;
      N->sfx = SFX_SCALE;
      return 1;
    }
  }
  if (ieq(r, k, "m")) {
    N->glued_m = 1;
    N->sfx = SFX_UNIT;
    N->gunit = find_unit_sfx("m", 1, 1);
    return 1;
  }
  /* "45p a share": pence (not a video's 720p or 1080p) */
  if (k == 1 && r[0] == 'p' && N->v < 1000 && N->v != 360 && N->v != 480 && N->v != 576 &&
      N->v != 720) {
    N->glued_p = 1;
    N->sfx = SFX_OTHER;
    return 1;
  }
  /* "5g" is five grams, "5G" a mobile network's generation */
  const unitsfx *u = k == 1 && r[0] == 'G' ? NULL : find_unit_sfx(r, k, 1);
  if (u) {
    N->sfx = SFX_UNIT;
    N->gunit = u;
    return 1;
  }
  N->sfx = SFX_OTHER;
  return 1;
}

/* Applies the scale words after a number: "1.5 million", "2 billion". */
static size_t scale_words(const nx *S, size_t j, nxnum *N) {
  int taken = 0;
  double last = 1e300;
  while (ok_tok(S, j) && taken < 3 &&
         !((S->t[j].flags & LX_TF_NEWLINE) && (S->t[j].flags & LX_TF_CAP))) {
    const nx_word *w = lex(S, j);
    if (!w || (w->cls != NX_W_SCALE && w->cls != NX_W_HUNDRED)) break;
    /* scales fall ("hundred thousand"), but India counts crores of lakhs
     * or thousands: "1.6 lakh crore" is 1.6 trillion */
    if (w->v >= last && !(w->v == 1e7 && last < 1e7)) break;
    N->v *= w->v;
    last = w->v;
    N->scaled = 1;
    taken++;
    j++;
  }
  return j;
}

/* A spelled number from token j; "a"/"an" may stand for one before a scale
 * word ("a million"). Returns 1 if one was read. */
static size_t of_year(const nx *S, size_t i, int *y);
static int year_tok(const nx *S, size_t i, int *y);

static int spelled(const nx *S, size_t j, nxnum *N) {
  memset(N, 0, sizeof *N);
  N->hi = -1;
  spell p;
  memset(&p, 0, sizeof p);
  p.lastscale = 1e300;
  size_t i = j, lim = j + 16;
  if (tok_isl(S, i, "a") || tok_isl(S, i, "an")) {
    int c = lex_cls(S, i + 1);
    if (c != NX_W_SCALE && c != NX_W_HUNDRED && c != NX_W_DOZEN) return 0;
    p.cur = 1;
    p.last = 1;
    i++;
  }
  while (i < lim && ok_tok(S, i) && !p.done) {
    const lx_token *t = &S->t[i];
    if (t->kind != LX_TK_WORD) break;
    if (t->flags & LX_TF_HYPHEN) {
      /* twenty-five, one-third, five-year, twenty-first */
      const char *s = tstr(S, i);
      size_t n = tlen(S, i), k = 0, taken = 0;
      while (k < n) {
        size_t e = k;
        while (e < n && s[e] != '-') e++;
        spell save = p;
        if (!spell_atom(&p, lex_str(s + k, e - k))) {
          p = save;
          break;
        }
        taken++;
        k = e + 1;
      }
      if (!taken) break;
      if (k < n) {
        N->tail = s + k;
        N->tailn = n - k;
        N->sfx = SFX_HYPHEN;
      }
      i++;
      if (k < n) break;
      continue;
    }
    const nx_word *w = lex(S, i);
    if (w && w->cls == NX_W_AND && (p.last == 4 || p.last == 5)) {
      int c = lex_cls(S, i + 1);
      if (c == NX_W_UNIT || c == NX_W_TENS) {
        i++;
        continue;
      }
      break;
    }
    /* "three quarters of the votes" is a fraction; "the past two quarters"
     * counts periods of a year */
    if (w && w->cls == NX_W_FRACPL && w->v == 4 && p.n > 0 &&
        (!(ok_tok(S, i + 1) && tok_isl(S, i + 1, "of")) || of_year(S, i + 1, &(int){0})))
      break;
    if (!spell_atom(&p, w)) break;
    i++;
  }
  if (p.n == 0) return 0;
  N->a = j;
  N->end = i;
  N->v = p.total + p.cur;
  N->words = 1;
  N->ord = p.ord;
  N->frac = p.frac;
  N->scaled = p.lastscale < 1e300;
  return 1;
}

/* The value of a fraction token a/b with a < b and b a usual denominator
 * (2, 3, 4, 8, 16, 32, 64), or 0. */
static double fraction_tok(const nx *S, size_t i) { return fraction_str(tstr(S, i), tlen(S, i)); }

/* A number from token j (digits or words), with its scale words. */
static int number_at(const nx *S, size_t j, nxnum *N) {
  memset(N, 0, sizeof *N);
  N->hi = -1;
  if (j >= S->t1) return 0;
  const lx_token *t = &S->t[j];
  if (t->kind == LX_TK_NUM) {
    if (!num_token(S, j, N)) return 0;
    N->a = j;
    N->end = j + 1;
    if (N->sfx == SFX_NONE && N->plain && ok_tok(S, j + 1) && S->t[j + 1].kind == LX_TK_NUM) {
      /* a mixed fraction: 8 3/4, 16 3/8 */
      double f = fraction_tok(S, j + 1);
      if (f > 0) {
        N->v += f;
        N->plain = 0;
        N->end = j + 2;
        return 1;
      }
    }
    /* a grain price's fraction of a cent: "$3.65 3/4" a bushel is 3.6575 */
    if (N->sfx == SFX_NONE && !N->plain && tlen(S, j) >= 4 && tstr(S, j)[tlen(S, j) - 3] == '.' &&
        ok_tok(S, j + 1) && S->t[j + 1].kind == LX_TK_NUM && tlen(S, j + 1) == 3 &&
        tstr(S, j + 1)[1] == '/' &&
        (tstr(S, j + 1)[2] == '2' || tstr(S, j + 1)[2] == '4' || tstr(S, j + 1)[2] == '8')) {
      double f = fraction_tok(S, j + 1);
      if (f > 0 && f < 1) {
        N->v += f / 100;
        N->end = j + 2;
        return 1;
      }
    }
    if (N->sfx == SFX_NONE) N->end = scale_words(S, j + 1, N);
    if (N->sfx == SFX_SLASH && N->a == j) {
      /* a fraction alone: 3/4 */
      double f = fraction_tok(S, j);
      if (f > 0) {
        N->v = f;
        N->sfx = SFX_NONE;
        N->plain = 0;
      }
    }
    /* a range in one token: 5-10, 1,750-1,780 */
    if (N->sfx == SFX_HYPHEN && N->tailn && is_digit((unsigned char)N->tail[0])) {
      digits d;
      if (read_digits(N->tail, N->tailn, &d) && d.k == N->tailn) {
        N->hi = d.v;
        N->end = scale_words(S, j + 1, N);
      }
    }
    return 1;
  }
  if (t->kind == LX_TK_WORD) return spelled(S, j, N);
  return 0;
}

/* ---- dates: calendar helpers ----------------------------------------------------- */

static void add_days(int y, int m, int d, int64_t k, int *oy, int *om, int *od) {
  lx_civil_from_days(lx_days_from_civil(y, m, d) + k, oy, om, od);
}

static void iso_week(int y, int m, int d, int *wy, int *wn) {
  int64_t z = lx_days_from_civil(y, m, d);
  int wd = lx_weekday(y, m, d); /* 0 = Monday */
  int64_t thu = z - wd + 3;
  int ty, tm, td;
  lx_civil_from_days(thu, &ty, &tm, &td);
  int64_t jan1 = lx_days_from_civil(ty, 1, 1);
  *wy = ty;
  *wn = (int)((thu - jan1) / 7) + 1;
}

static int has_ymd(const nx *S) { return S->in->has_ref; }
static int ref_y(const nx *S) { return S->in->ref.year; }
static int ref_m(const nx *S) { return S->in->ref.month; }

static void str_ymd(nx_res *r, int y, int m, int d) {
  if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
    set_str(r, "%04d-%02d-%02d", y, m, d);
    return;
  }
  put4(r->str, y);
  r->str[4] = '-';
  put2(r->str + 5, m);
  r->str[7] = '-';
  put2(r->str + 8, d);
  r->str[10] = 0;
}

/* Whether the sentence before token i speaks of the future: a future
 * word ("will", "next", "scheduled", "would" but not "would have", "takes
 * effect") nearer than a verb of the past ("said on March 24" in a sentence
 * about next summer is past); or a commodity's word within three tokens
 * after it ("December delivery", "the March contract"). */
/* Token i names what a month's contract is of or for: "December cocoa",
 * "the May position", "April delivery", "the March contract". */
static int contract_word(const nx *S, size_t i) {
  if (!ok_tok(S, i) || S->t[i].kind != LX_TK_WORD || !(S->t[i].flags & LX_TF_LOWER)) return 0;
  /* (a chain of tok_isl: the token's hash against each word's) */
  return tok_isl(S, i, "delivery") || tok_isl(S, i, "contract") || tok_isl(S, i, "contracts") ||
         tok_isl(S, i, "futures") || tok_isl(S, i, "position") || tok_isl(S, i, "expiry") ||
         tok_isl(S, i, "options") || tok_isl(S, i, "cargo") || tok_isl(S, i, "cargoes") ||
         tok_isl(S, i, "loading") || tok_isl(S, i, "shipment") || tok_isl(S, i, "cocoa") ||
         tok_isl(S, i, "coffee") || tok_isl(S, i, "sugar") || tok_isl(S, i, "wheat") ||
         tok_isl(S, i, "corn") || tok_isl(S, i, "soybeans") || tok_isl(S, i, "soybean") ||
         tok_isl(S, i, "soyoil") || tok_isl(S, i, "soymeal") || tok_isl(S, i, "cotton") ||
         tok_isl(S, i, "crude") || tok_isl(S, i, "gold") || tok_isl(S, i, "silver") ||
         tok_isl(S, i, "copper") || tok_isl(S, i, "platinum") || tok_isl(S, i, "palladium") ||
         tok_isl(S, i, "oats") || tok_isl(S, i, "rice") || tok_isl(S, i, "cattle") ||
         tok_isl(S, i, "hogs") || tok_isl(S, i, "bellies") || tok_isl(S, i, "gasoline") ||
         tok_isl(S, i, "heating") || tok_isl(S, i, "lumber") || tok_isl(S, i, "orange") ||
         tok_isl(S, i, "zinc") || tok_isl(S, i, "aluminium") || tok_isl(S, i, "aluminum") ||
         tok_isl(S, i, "nickel") || tok_isl(S, i, "tin") || tok_isl(S, i, "lead") ||
         tok_isl(S, i, "canola") || tok_isl(S, i, "barley") || tok_isl(S, i, "rubber") ||
         tok_isl(S, i, "bonds") || tok_isl(S, i, "notes") || tok_isl(S, i, "bills");
}

static int future_ctx(const nx *S, size_t i) {
  size_t k = i, steps = 0;
  /* "gold for December delivery", "the March contract", "the first October
   * cargo", "December cocoa": a future month */
  for (size_t q = i + 1; q < S->t1 && q <= i + 3 && S->t[q].kind != LX_TK_PUNCT; q++)
    if (tok_isl(S, q, "delivery") || tok_isl(S, q, "contract") || tok_isl(S, q, "futures") ||
        tok_isl(S, q, "contracts") || tok_isl(S, q, "expiry") || tok_isl(S, q, "cargo") ||
        tok_isl(S, q, "cargoes") || tok_isl(S, q, "loading") || tok_isl(S, q, "settlement"))
      return 1;
  /* the month of a commodity's contract, said before it with no
   * preposition: "December cocoa rose" (not "in January bonds fell") */
  if (contract_word(S, i + 1) &&
      !(i > S->t0 && S->t[i - 1].kind == LX_TK_WORD && !tok_isl(S, i - 1, "the")))
    return 1;
  /* the sentence's verb may be far: "would cut about 2,000 jobs, or roughly
   * a third of its office staff, by September" */
  while (k > S->t0 && steps < 30) {
    k--;
    steps++;
    const nx_word *w = S->t[k].kind == LX_TK_WORD ? lex_peek_word(S->t[k].hash) : NULL;
    /* "the law takes effect on Jan. 1" */
    if (!w && tok_isl(S, k, "effect") && k > S->t0 &&
        (tok_isl(S, k - 1, "takes") || tok_isl(S, k - 1, "take")))
      return 1;
    /* "when he is sentenced on Aug. 3" */
    if (!w && k > S->t0 && tok_isl(S, k, "sentenced") &&
        (tok_isl(S, k - 1, "is") || tok_isl(S, k - 1, "be") || tok_isl(S, k - 1, "are")))
      return 1;
    if (w) {
      /* "the quarter ended Sept. 30" is past, "the quarter ending Dec. 31"
       * may not be */
      /* "pairings are announced Sunday", "he is sentenced on Aug. 3": the
       * present passive of a verb of the past is ahead */
      if (w->cls == NX_W_PAST && k > S->t0 && (S->t[k].flags & LX_TF_LOWER) &&
          (tok_isl(S, k - 1, "are") || tok_isl(S, k - 1, "is") || tok_isl(S, k - 1, "be")))
        return 1;
      if (w->cls == NX_W_PAST || (w->cls == NX_W_WHILE && tok_isl(S, k, "ended"))) return 0;
      /* "shelved its plans for an offering on September 30": someone's
       * plan (a noun after a possessive) says nothing of the tense */
      if (w->cls == NX_W_FUTURE && k > S->t0 && (tok_isl(S, k, "plans") || tok_isl(S, k, "plan")) &&
          (tok_isl(S, k - 1, "its") || tok_isl(S, k - 1, "their") || tok_isl(S, k - 1, "his") ||
           tok_isl(S, k - 1, "her") || tok_isl(S, k - 1, "our") || tok_isl(S, k - 1, "my") ||
           tok_isl(S, k - 1, "your")))
        continue;
      /* a noun, no verb: "suspended play for two hours on Saturday", "the
       * play on Sunday" */
      if (w->cls == NX_W_FUTURE && w->v == 3 && k > S->t0 && (S->t[k - 1].flags & LX_TF_LOWER) &&
          S->t[k - 1].kind == LX_TK_WORD &&
          ((tlen(S, k - 1) > 3 && tstr(S, k - 1)[tlen(S, k - 1) - 2] == 'e' &&
            tstr(S, k - 1)[tlen(S, k - 1) - 1] == 'd') ||
           tok_isl(S, k - 1, "the") || tok_isl(S, k - 1, "a") || tok_isl(S, k - 1, "of") ||
           tok_isl(S, k - 1, "in") || tok_isl(S, k - 1, "its") || tok_isl(S, k - 1, "their")))
        continue;
      /* "analysts had expected" is past; "set for" is "set to"; the words
       * of value 3 count near the date only ("seeking to restore some pride
       * after failing to score ... in June" is past) */
      if (w->cls == NX_W_FUTURE &&
          (w->v == 1 || (w->v == 3 && steps <= 8) || (w->v != 3 && tok_isl(S, k + 1, "to")) ||
           (tok_isl(S, k, "set") && tok_isl(S, k + 1, "for"))))
        /* "analysts had expected", "it would have closed", "could have
         * been": past ("will have to pay" is not) */
        return !(k > S->t0 && tok_isl(S, k - 1, "had")) &&
               !(tok_isl(S, k + 1, "have") && !tok_isl(S, k + 2, "to"));
      /* "next" or "tomorrow" speak of what is near them: "must play their
       * next home game after fans hurled bottles ... on Saturday" is past */
      if ((w->cls == NX_W_REL || w->cls == NX_W_DAYREL) && w->v == 1 && steps <= 8) return 1;
    }
    if (S->t[k].flags & (LX_TF_SENT | LX_TF_PARA)) break;
    if (is_punct(S, k, ';')) break; /* "due by Thursday; he died late Tuesday" */
  }
  /* a date that opens its sentence is read by the verb after it: "By July
   * the adults will be dead", "In March, the plant will close" (a few
   * words on, before a verb of the past) */
  if (!(S->t[i].flags & LX_TF_SENT) && !(k < i && (S->t[k].flags & LX_TF_SENT) && i - k <= 3))
    return 0;
  for (size_t q = i + 1; q < S->t1 && q <= i + 8 && !(S->t[q].flags & LX_TF_SENT); q++) {
    if (S->t[q].kind != LX_TK_WORD) continue;
    /* a verb in -ed first is the past ("An October 11 presentation
     * indicated jobs would be cut") */
    size_t n = tlen(S, q);
    if (n > 4 && (S->t[q].flags & LX_TF_LOWER) && tstr(S, q)[n - 2] == 'e' &&
        tstr(S, q)[n - 1] == 'd')
      return 0;
    const nx_word *w = lex(S, q);
    if (w && w->cls == NX_W_PAST) return 0;
    if (tok_isl(S, q, "will") || tok_isl(S, q, "'ll") || tok_isl(S, q, "shall") ||
        tok_isl(S, q, "won't"))
      return !tok_isl(S, q + 1, "have");
  }
  return 0;
}

/* A weekday wd (1 = Monday) relative to the reference: dir -1 last, +1 next,
 * 0 by the tense of the sentence. */
/* "a premium of 41% to Tuesday's close": a market's day that has closed,
 * whatever the sentence's tense. */
static int market_close(const nx *S, size_t at) {
  size_t j = at + 1;
  if (j + 1 >= S->t1 || !(S->t[j].flags & LX_TF_POSS)) return 0;
  return tok_isl(S, j + 1, "close") || tok_isl(S, j + 1, "closing") ||
         tok_isl(S, j + 1, "session") || tok_isl(S, j + 1, "settlement") ||
         tok_isl(S, j + 1, "levels");
}

static void resolve_wday(const nx *S, size_t at, int wd, int dir, nx_res *r) {
  if (!has_ymd(S)) {
    set_str(r, "XXXX-WXX-%d", wd);
    return;
  }
  const lx_date *R = &S->in->ref;
  int rw = lx_weekday(R->year, R->month, R->day); /* 0 = Monday */
  int w = wd - 1, delta;
  if (dir < 0) {
    delta = -((rw - w + 7) % 7);
    if (delta == 0) delta = -7;
  } else if (dir > 0) {
    delta = (w - rw + 7) % 7;
    if (delta == 0) delta = 7;
  } else if (!market_close(S, at) && future_ctx(S, at)) {
    delta = (w - rw + 7) % 7;
  } else {
    delta = -((rw - w + 7) % 7);
  }
  int y, m, d;
  add_days(R->year, R->month, R->day, delta, &y, &m, &d);
  str_ymd(r, y, m, d);
}

/* The year of month m in a sentence not in the future tense, in a story of
 * month rm of year y: news tells what happened, so a month up to the
 * story's is this year's ("sales fell in March" in October), the month
 * after it too (what is announced for it), and a later one last year's
 * ("output fell in December" in October). */
static int past_year(int y, int rm, int m) {
  return m <= rm + 1 ? y : y - 1;
}

/* The year of a month printed without one: dir -1 the last such month, +1
 * the next, 0 by the sentence (the coming one in the future tense, else
 * past_year). */
static int year_for_month(const nx *S, size_t at, int m, int dir) {
  int y = ref_y(S), rm = ref_m(S);
  if (!y) return 0;
  if (!rm) return y;
  if (dir < 0) return m < rm ? y : y - 1;
  if (dir > 0) return m > rm ? y : y + 1;
  if (future_ctx(S, at)) return m >= rm ? y : y + 1;
  return past_year(y, rm, m);
}

/* The year of the day (month m, day d or 0) that ended a period ("the
 * quarter ended June 30"): the last such day up to the story's. */
static int ended_year(const nx *S, size_t at, int m, int d) {
  if (m == ref_m(S) && d && S->in->ref.day && d <= S->in->ref.day) return ref_y(S);
  return year_for_month(S, at, m, -1);
}

/* "between April and June 1995", "March to May 2019": the year printed
 * after a second month is the first month's too (the year before when the
 * range crosses New Year: "November to February 2020"); else 0. */
static int range_year(const nx *S, size_t i, int m) {
  if (!(tok_isl(S, i, "and") || tok_isl(S, i, "to") || tok_isl(S, i, "through") ||
        tok_isl(S, i, "until") || tok_isl(S, i, "or") || is_punct(S, i, '-')) ||
      !ok_tok(S, i + 1) || !ok_tok(S, i + 2))
    return 0;
  const nx_word *w = lex(S, i + 1);
  int y;
  if (!w || w->cls != NX_W_MONTH || !(S->t[i + 1].flags & LX_TF_CAP) || !year_tok(S, i + 2, &y))
    return 0;
  return m <= (int)w->v ? y : y - 1;
}

static void str_month(const nx *S, size_t at, int m, int dir, nx_res *r) {
  int y = year_for_month(S, at, m, dir);
  wr w = w_of(r->str, sizeof r->str);
  if (y) w_int(&w, y, 4);
  else w_s(&w, "-");
  w_ch(&w, '-');
  w_int(&w, m, 2);
}

static const char *const season_code[] = {"", "SP", "SU", "FA", "WI"};
static const char *const part_code[] = {"", "MO", "AF", "EV", "NI"};

/* A season relative to the story: dir -1 last, +1 next, 0 this/the. */
static void str_season(const nx *S, int s, int dir, int year, nx_res *r) {
  if (year) {
    set_str(r, "%04d-%s", year, season_code[s]);
    return;
  }
  int y = ref_y(S), m = ref_m(S);
  if (!y) {
    set_str(r, "XXXX-%s", season_code[s]);
    return;
  }
  /* the season of the reference month (winter counts from December) */
  int cur = m >= 3 && m <= 5 ? 1 : m >= 6 && m <= 8 ? 2 : m >= 9 && m <= 11 ? 3 : 4;
  int cy = (cur == 4 && m <= 2) ? y - 1 : y; /* year that season belongs to */
  int sy = cy;
  if (dir < 0)
    sy = s < cur ? cy : cy - 1;
  else if (dir > 0)
    sy = s > cur ? cy : cy + 1;
  else
    sy = (cur == 4 && m <= 2 && s != 4) ? y : cy;
  set_str(r, "%04d-%s", sy, season_code[s]);
}

/* A quarter (or half, when halves is set) without a year: the most recent
 * one that has begun, or the coming one in future sentences. */
static void str_period(const nx *S, size_t at, int q, int halves, int dir, int year,
                       nx_res *r) {
  char c = halves ? 'H' : 'Q';
  if (year) {
    set_str(r, "%04d-%c%d", year, c, q);
    return;
  }
  int y = ref_y(S), m = ref_m(S);
  if (!y || !m) { /* "the current quarter" with no date to count from */
    if (q) set_str(r, "XXXX-%c%d", c, q);
    else set_str(r, "XXXX-%cX", c);
    return;
  }
  int cur = halves ? (m - 1) / 6 + 1 : (m - 1) / 3 + 1;
  int n = halves ? 2 : 4;
  if (dir < 0 && q == 0) {
    q = cur - 1;
    if (q == 0) {
      q = n;
      y--;
    }
  } else if (dir > 0 && q == 0) {
    q = cur + 1;
    if (q > n) {
      q = 1;
      y++;
    }
  } else if (q == 0) {
    q = cur;
  } else if (future_ctx(S, at)) {
    if (q < cur) y++;
  } else if (q > cur) {
    y--;
  }
  wr w = w_of(r->str, sizeof r->str);
  w_int(&w, y, 4);
  w_ch(&w, '-');
  w_ch(&w, c);
  w_int(&w, q, 1);
}

/* A unit relative to the reference: last/this/next year, month, week...
 * (written in place, or copied: set_str would read a format) */
static int str_rel_unit(const nx *S, int unit, int dir, nx_res *r) {
  int y = ref_y(S), m = ref_m(S);
  const lx_date *R = &S->in->ref;
  switch (unit) {
    case U_YEAR:
      if (y) set_year(r, y + dir);
      else set_cstr(r, "XXXX");
      return 1;
    case U_MONTH:
      if (y && m) {
        int mm = m + dir, yy = y;
        if (mm < 1) { mm += 12; yy--; }
        if (mm > 12) { mm -= 12; yy++; }
        wr w = w_of(r->str, sizeof r->str);
        w_int(&w, yy, 4);
        w_ch(&w, '-');
        w_int(&w, mm, 2);
      } else {
        set_cstr(r, "XXXX-XX");
      }
      return 1;
    case U_WEEK:
    case U_WEEKEND:
      if (has_ymd(S)) {
        int yy, mm, dd, wy, wn;
        add_days(R->year, R->month, R->day, 7 * dir, &yy, &mm, &dd);
        iso_week(yy, mm, dd, &wy, &wn);
        wr w = w_of(r->str, sizeof r->str);
        w_int(&w, wy, 4);
        w_s(&w, "-W");
        w_int(&w, wn, 2);
        if (unit == U_WEEKEND) w_s(&w, "-WE");
      } else {
        set_cstr(r, unit == U_WEEK ? "XXXX-WXX" : "XXXX-WXX-WE");
      }
      return 1;
    case U_DAY:
      if (has_ymd(S)) {
        int yy, mm, dd;
        add_days(R->year, R->month, R->day, dir, &yy, &mm, &dd);
        str_ymd(r, yy, mm, dd);
      } else {
        set_cstr(r, "XXXX-XX-XX");
      }
      return 1;
    case U_DECADE:
      if (y) set_str(r, "%03d", y / 10 + dir);
      else set_str(r, "XXXX");
      return 1;
    case U_CENTURY:
      if (y) set_str(r, "%02d", y / 100 + dir);
      else set_str(r, "XX");
      return 1;
    default: return 0;
  }
}

static const char unit_letter[] = {0, 'Y', 'M', 'W', 'D', 0, 0, 'H', 'M', 'S', 0, 0, 0, 0, 0};

/* An ISO 8601 duration of n units (n < 0: unknown count, X). */
static void str_duration(nx_res *r, double n, int unit) {
  char num[32];
  if (n < 0 || !(n <= 1e300)) { /* unknown, or no finite count (NaN, inf) */
    num[0] = 'X';
    num[1] = 0;
  } else {
    if (unit == U_DECADE) { n *= 10; unit = U_YEAR; }
    else if (unit == U_CENTURY) { n *= 100; unit = U_YEAR; }
    else if (unit == U_MILLENNIUM) { n *= 1000; unit = U_YEAR; }
    else if (unit == U_FORTNIGHT) { n *= 2; unit = U_WEEK; }
    else if (unit == U_QUARTER) { n *= 3; unit = U_MONTH; }
    if (n < 1e15 && n == (double)(long long)n) { /* range first: the cast of a larger n is UB */
      wr w = w_of(num, sizeof num);
      w_int(&w, (long long)n, 1);
    } else {
      snprintf(num, sizeof num, "%.6g", n);
    }
  }
  /* (written in place: set_str would read its format for each duration) */
  wr w = w_of(r->str, sizeof r->str);
  w_s(&w, unit >= U_HOUR && unit <= U_SEC ? "PT" : "P");
  w_s(&w, num);
  if (unit == U_DECADE || unit == U_CENTURY || unit == U_MILLENNIUM)
    w_s(&w, unit == U_DECADE ? "DE" : unit == U_CENTURY ? "CE" : "ML");
  else if (unit == U_WEEKEND)
    w_s(&w, "WE");
  else
    w_ch(&w, unit_letter[unit] ? unit_letter[unit] : 'D');
}

static int unit_is_time(int unit) { return unit >= U_HOUR && unit <= U_SEC; }

/* "two years ago": the reference moved back by n units. */
static void str_ago(const nx *S, double n, int unit, int sign, nx_res *r) {
  const lx_date *R = &S->in->ref;
  if (!(n >= 0 && n <= 100000) || n != (double)(int)n) { /* range first, then the cast */
    str_duration(r, n, unit);
    return;
  }
  int k = (int)n * sign;
  if (!ref_y(S)) {
    set_str(r, "XXXX");
    return;
  }
  switch (unit) {
    case U_YEAR: set_str(r, "%04d", R->year + k); return;
    case U_DECADE: set_str(r, "%04d", R->year + 10 * k); return;
    case U_CENTURY: set_str(r, "%04d", R->year + 100 * k); return;
    case U_MONTH:
      if (R->month) {
        int mm = R->month - 1 + k;
        int yy = R->year + (mm >= 0 ? mm / 12 : -((11 - mm) / 12));
        mm = ((mm % 12) + 12) % 12 + 1;
        set_str(r, "%04d-%02d", yy, mm);
        return;
      }
      break;
    case U_WEEK:
    case U_DAY:
    case U_FORTNIGHT:
      if (has_ymd(S)) {
        int yy, mm, dd;
        int64_t days = unit == U_DAY ? k : unit == U_WEEK ? 7 * k : 14 * k;
        add_days(R->year, R->month, R->day, days, &yy, &mm, &dd);
        str_ymd(r, yy, mm, dd);
        return;
      }
      break;
    default: break;
  }
  str_duration(r, n, unit);
}

/* A year token: 4 plain digits 1000..2999. */
static int year_tok(const nx *S, size_t i, int *y) {
  if (i >= S->t1 || S->t[i].kind != LX_TK_NUM || tlen(S, i) != 4) return 0;
  const char *s = tstr(S, i);
  int v = 0;
  for (int k = 0; k < 4; k++) {
    if (!is_digit((unsigned char)s[k])) return 0;
    v = v * 10 + (s[k] - '0');
  }
  if (v < 1000 || v > 2999) return 0;
  *y = v;
  return 1;
}

/* A year cut to two digits after an apostrophe (' or U+2019) at i, glued:
 * "'56", "'08"; the century is the one that puts it at most a year after
 * the story (the 1900s without a story's date). Returns 2 (its tokens) and
 * the year in *y, or 0; not a decade ("'80s"). */
static size_t short_year(const nx *S, size_t i, int *y) {
  if (i + 1 >= S->t1 || S->t[i].kind != LX_TK_PUNCT || S->t[i + 1].kind != LX_TK_NUM ||
      S->t[i + 1].start != S->t[i].end || tlen(S, i + 1) != 2 || !ok_tok(S, i + 1))
    return 0;
  const char *q = tstr(S, i), *d = tstr(S, i + 1);
  if (!(tlen(S, i) == 1 && q[0] == '\'') && !(tlen(S, i) == 3 && memcmp(q, "\xe2\x80\x99", 3) == 0))
    return 0;
  if (!is_digit((unsigned char)d[0]) || !is_digit((unsigned char)d[1])) return 0;
  int v = (d[0] - '0') * 10 + (d[1] - '0'), ry = ref_y(S);
  *y = ry && 2000 + v <= ry + 1 ? 2000 + v : 1900 + v;
  return 2;
}

/* A year said in words, as broadcast transcripts print it: "nineteen
 * eighty-six", "nineteen oh five", "twenty twenty"; "two thousand (and)
 * five" only where a year is expected (after "the year", "in", "since"...)
 * and no noun follows (not "in two thousand cases"). Returns the tokens
 * taken (the year in *y), or 0. */
static int prev_word_in(const nx *S, size_t i, const char *const *ws, size_t n);

static size_t spoken_year(const nx *S, size_t i, int *y) {
  static const char *const year_cue[] = {"year", "in", "since", "of", "by", "until", "from",
                                         "before", "after", "around", "early", "late"};
  const nx_word *w = lex(S, i);
  if (!w || (w->cls != NX_W_UNIT && w->cls != NX_W_TENS) || (S->t[i].flags & LX_TF_HYPHEN) ||
      !ok_tok(S, i + 1))
    return 0;
  int v1 = (int)w->v;
  size_t k = 0;
  if (v1 >= 13 && v1 <= 20) { /* "eleven twenty-five" is rather a clock time */
    const nx_word *u;
    nxnum M;
    if (tok_isl(S, i + 1, "oh") && ok_tok(S, i + 2) && (u = lex(S, i + 2)) != NULL &&
        u->cls == NX_W_UNIT && u->v >= 1 && u->v <= 9 && !(S->t[i + 2].flags & LX_TF_HYPHEN)) {
      *y = v1 * 100 + (int)u->v;
      k = 3;
    } else if (lex_cls(S, i + 1) == NX_W_TENS || (S->t[i + 1].flags & LX_TF_HYPHEN)) {
      if (!spelled(S, i + 1, &M) || M.end != i + 2 || M.v < 20 || M.v > 99 || M.tail || M.ord ||
          M.frac)
        return 0;
      *y = v1 * 100 + (int)M.v;
      k = 2;
    } else {
      return 0;
    }
  } else if (v1 == 2 && tok_isl(S, i + 1, "thousand") && i > S->t0 &&
             prev_word_in(S, i, year_cue, LX_COUNTOF(year_cue))) {
    k = 2;
    *y = 2000;
    size_t j = i + 2;
    if (tok_isl(S, j, "and") && ok_tok(S, j + 1)) j++;
    nxnum M;
    int c = ok_tok(S, j) ? lex_cls(S, j) : 0;
    if ((c == NX_W_UNIT || c == NX_W_TENS) && spelled(S, j, &M) && M.v >= 1 && M.v <= 99 &&
        !M.tail && !M.ord && !M.frac && !M.scaled) {
      *y += (int)M.v;
      k = M.end - i;
    }
    /* a noun after it counts: "in two thousand cases" */
    if (ok_tok(S, i + k) && S->t[i + k].kind == LX_TK_WORD &&
        (S->t[i + k].flags & LX_TF_LOWER) && !lex_word(S, i + k)) {
      static const char *const fn[] = {"when", "and", "as", "the", "with", "to", "but", "after",
                                       "before", "for", "arrives", "began", "begins", "ended",
                                       "ends", "was", "is", "will", "had", "has", "there"};
      int ok = 0;
      for (size_t q = 0; q < LX_COUNTOF(fn) && !ok; q++)
        ok = tok_is_n(S, i + k, fn[q], strlen(fn[q]));
      if (!ok) return 0;
    }
  } else {
    return 0;
  }
  /* a count, not a year: "nineteen eighty-six million", "... percent" */
  if (ok_tok(S, i + k)) {
    int c = lex_cls(S, i + k);
    if (c == NX_W_SCALE || c == NX_W_HUNDRED || c == NX_W_PCT || c == NX_W_TUNIT ||
        c == NX_W_UNIT || c == NX_W_TENS)
      return 0;
  }
  return k;
}

/* "of 2019", "of this year", "of last year": a year after a period. Returns
 * the tokens taken, the year in *y. */
static size_t period_end(const nx *S, size_t a, size_t e);

static size_t of_year(const nx *S, size_t i, int *y) {
  if (!tok_isl(S, i, "of") || !ok_tok(S, i + 1)) return 0;
  if (year_tok(S, i + 1, y)) return 2;
  size_t sy = short_year(S, i + 1, y); /* "June of '63" */
  if (sy) return 1 + sy;
  size_t sk = spoken_year(S, i + 1, y);
  if (sk) return 1 + sk;
  const nx_word *w = lex(S, i + 1), *u = lex(S, i + 2);
  if (w && w->cls == NX_W_REL && u && u->cls == NX_W_TUNIT && u->v == U_YEAR &&
      ref_y(S) && !tok_isl(S, i + 2, "years")) {
    int dir = (int)w->v;
    if (dir == 0 || ieq(w->w, w->n, "last") || ieq(w->w, w->n, "next") ||
        ieq(w->w, w->n, "previous")) {
      *y = ref_y(S) + dir;
      return 3;
    }
  }
  /* "the first half of the year": the story's year, unless a date ends
   * that year ("of the year ending Oct. 31, 1988") */
  if (tok_isl(S, i + 1, "the") && tok_isl(S, i + 2, "year") && ok_tok(S, i + 2)) {
    size_t k = period_end(S, i + 1, i + 3);
    *y = k ? 0 : ref_y(S);
    return 3 + k;
  }
  return 0;
}


/* ---- absolute dates and times (dates.c) ------------------------------------------- */

static void w_zone(wr *w, const lx_date *d) {
  if (!d->has_tz) return;
  int a = d->tz < 0 ? -d->tz : d->tz;
  w_ch(w, d->tz < 0 ? '-' : '+');
  w_int(w, a / 60, 2);
  w_ch(w, ':');
  w_int(w, a % 60, 2);
}

static void str_time(nx_res *r, const char *date, const lx_date *d) {
  wr w = w_of(r->str, sizeof r->str);
  w_s(&w, date);
  w_ch(&w, 'T');
  w_int(&w, d->hour, 2);
  w_ch(&w, ':');
  w_int(&w, d->minute, 2);
  if (d->second) {
    w_ch(&w, ':');
    w_int(&w, d->second, 2);
  }
  w_zone(&w, d);
}

/* The date part of an lx_date as ISO (the year filled from the story when the
 * print has month and day only). */
static void date_part(const nx *S, const lx_date *d, size_t at, char *buf, size_t cap) {
  int y = d->year;
  if (!y && d->month && ref_y(S)) {
    y = year_for_month(S, at, d->month, 0);
    if (!lx_date_valid(y, d->month, d->day)) y = 0; /* Feb 29 in 2019: no year */
  }
  wr w = w_of(buf, cap);
  if (y) w_int(&w, y, 4);
  else if (d->month) w_s(&w, "-");
  if (d->month) {
    w_ch(&w, '-');
    w_int(&w, d->month, 2);
    if (d->day) {
      w_ch(&w, '-');
      w_int(&w, d->day, 2);
    }
  }
}

/* Whether a zone (or "local time") may follow the four digits at i: 1350
 * GMT, (0800 GMT), 0900 local time. */
static int zone_after(const nx *S, size_t i) {
  return ok_tok(S, i + 1) && ((S->t[i + 1].flags & LX_TF_ALLCAP) || tok_isl(S, i + 1, "local"));
}

/* Whether the date grammar can match at the number token i: a clock time,
 * a date with separators, or a number before a month or am/pm. */
static int may_be_date(const nx *S, size_t i) {
  const char *s = tstr(S, i);
  size_t n = tlen(S, i);
  int seps = 0;
  for (size_t k = 0; k < n; k++) {
    char c = s[k];
    if (c == ':') return 1;
    seps += c == '-' || c == '.' || c == '/';
  }
  if (seps >= 2 && n >= 6) return 1;
  if (n >= 3 && (s[n - 1] | 32) == 'm' && ((s[n - 2] | 32) == 'a' || (s[n - 2] | 32) == 'p'))
    return 1;
  int c = lex_cls(S, i + 1);
  if (c == NX_W_MONTH || c == NX_W_AMPM) return 1;
  if (tok_isl(S, i + 1, "of") && lex_cls(S, i + 2) == NX_W_MONTH) return 1; /* 5th of May */
  return n == 4 && zone_after(S, i);
}

/* Two days of one month as one token, "4-8": the tokens used (0 if not
 * one), the first and the last day. */
static size_t day_range(const nx *S, size_t i, int *d1, int *d2) {
  if (!ok_tok(S, i) || S->t[i].kind != LX_TK_NUM) return 0;
  const char *s = tstr(S, i);
  size_t n = tlen(S, i), k = 0;
  int a = 0, b = 0;
  while (k < n && k < 2 && is_digit((unsigned char)s[k])) a = a * 10 + (s[k++] - '0');
  if (k == 0 || k >= n || s[k] != '-') return 0;
  size_t h = ++k;
  while (k < n && k - h < 2 && is_digit((unsigned char)s[k])) b = b * 10 + (s[k++] - '0');
  if (k == h || k != n || a < 1 || b > 31 || a >= b) return 0;
  *d1 = a;
  *d2 = b;
  return 1;
}

/* lx_match_date at i, within the block. */
static size_t abs_date(const nx *S, size_t i, lx_date *d) {
  if (i >= S->t1) return 0;
  if (S->t[i].kind == LX_TK_NUM && !may_be_date(S, i)) return 0;
  size_t k = lx_match_date_ref(S->text, S->t, S->t1, i, S->in->has_ref ? &S->in->ref : NULL, d);
  /* never across a paragraph break */
  for (size_t q = 1; q < k; q++)
    if (S->t[i + q].flags & LX_TF_PARA) return 0;
  return k;
}

/* The tokens of the date that ends a period after token e - 1 ("the three
 * months ended Sept. 30", "the 12 months to June", "the six months through
 * March 31"), 0 if none; "to" and "through" only when the period began
 * with "the" (token a). */
static size_t period_end(const nx *S, size_t a, size_t e) {
  if (!ok_tok(S, e + 1)) return 0;
  if (!(tok_isl(S, e, "ended") || tok_isl(S, e, "ending") ||
        ((tok_isl(S, a, "the") || (a > S->t0 && tok_isl(S, a - 1, "the"))) &&
         (tok_isl(S, e, "to") || tok_isl(S, e, "through")))))
    return 0;
  lx_date d;
  size_t k = abs_date(S, e + 1, &d);
  if (k && d.month && d.hour < 0) return 1 + k;
  /* "the week ended Saturday" */
  if (lex_cls(S, e + 1) == NX_W_WDAY && (S->t[e + 1].flags & LX_TF_CAP)) return 2;
  /* a month alone, or with its year: "to June", "through March 2020" */
  if (lex_cls(S, e + 1) != NX_W_MONTH) return 0;
  int y;
  return year_tok(S, e + 2, &y) && ok_tok(S, e + 2) ? 3 : 2;
}

/* The year of the date d after "ending"/"ended" at j: printed, else the
 * last one that has passed ("ended") or the one the month falls in. */
static int end_date_year(const nx *S, size_t j, const lx_date *d) {
  if (d->year) return d->year;
  if (tok_isl(S, j, "ended")) return ended_year(S, j + 1, d->month, d->day);
  return year_for_month(S, j + 1, d->month, 0);
}

/* "of fiscal 2002", "of the 2002 fiscal year", "of the fiscal year" at i:
 * the tokens taken, the year in *y (0 when not printed). */
static size_t of_fiscal_year(const nx *S, size_t i, int *y) {
  *y = 0;
  if (!tok_isl(S, i, "of") || !ok_tok(S, i + 2)) return 0;
  if (tok_isl(S, i + 1, "fiscal") && year_tok(S, i + 2, y)) return 3;
  if (!tok_isl(S, i + 1, "the")) return 0;
  size_t j = i + 2;
  int yy = 0;
  if (year_tok(S, j, &yy)) j++;
  if (!tok_isl(S, j, "fiscal") || !ok_tok(S, j + 1) || !tok_isl(S, j + 1, "year")) return 0;
  *y = yy;
  j += 2;
  /* "the fiscal year ending June 30": named by the year it ends in */
  lx_date d;
  size_t k = period_end(S, i, j);
  if (k && abs_date(S, j + 1, &d) && d.month && d.hour < 0) {
    if (!yy) *y = end_date_year(S, j, &d);
    j += k;
  }
  return j - i;
}

/* A part of the day after a date: "Tuesday night". */
static int part_after(const nx *S, size_t i) {
  const nx_word *w = lex(S, i);
  if (w && w->cls == NX_W_PART && ok_tok(S, i))
    return (int)w->v;
  return 0;
}

/* An absolute date/time match as a result; `a` is the span start. */
static int abs_result(const nx *S, size_t a, size_t i, size_t k, const lx_date *d,
                      nx_res *r) {
  char date[24];
  date_part(S, d, i, date, sizeof date);
  size_t b = i + k;
  if (d->hour >= 0) {
    res(r, a, b, LEDE_T_TIME, 0);
    str_time(r, date, d);
    return 1;
  }
  /* "May 5 night" is rare; "May 3rd" is in k already */
  res(r, a, b, LEDE_T_DATE, 0);
  set_cstr(r, date);
  return 1;
}

/* ---- holidays -------------------------------------------------------------------- */

/* Named holidays are DATEs, as OntoNotes tags them ("Christmas", "Labor Day
 * weekend", "Eid al-Fitr"). Their value is the day they fall on in the year
 * a month printed alone would take (this year's up to the month after the
 * story's, else last year's; the next one in a sentence about the future;
 * "last Christmas", "next Easter" and "Christmas 2019" as printed): fixed days,
 * Easter and the days counted from it (the Gregorian computus), and days
 * given as the nth weekday of a month, by the US federal calendar where
 * countries differ (Thanksgiving, Labor Day, Memorial Day). Holidays of
 * lunar and lunisolar calendars (Ramadan, Hanukkah, Diwali...) and those
 * whose day depends on the country (Independence Day) have no value. The
 * words are lower case; a possessive after a word is skipped ("New Year's
 * Day", "Presidents' Day"); '~' marks a word that may be in lower case. */
enum { HD_NONE, HD_FIXED, HD_EASTER, HD_NTH, HD_THANKS, HD_ELECTION };

typedef struct holiday {
  const char *w[4];
  uint8_t rule;
  int8_t m, d;  /* HD_FIXED: the day; HD_NTH: month m, the d-th (-1 last) */
  int8_t wd;    /* HD_NTH: 0 Monday .. 6 Sunday */
  int8_t off;   /* HD_EASTER, HD_THANKS: days after */
} holiday;

/* Sorted by first letter (holiday_expr searches the letter by halves);
 * within a letter, longer phrases before their prefixes. */
static const holiday holidays[] = {
    {{"armistice", "day"}, HD_FIXED, 11, 11, 0, 0},
    {{"australia", "day"}, HD_FIXED, 1, 26, 0, 0},
    {{"ash", "wednesday"}, HD_EASTER, 0, 0, 0, -46},
    {{"boxing", "day"}, HD_FIXED, 12, 26, 0, 0},
    {{"bastille", "day"}, HD_FIXED, 7, 14, 0, 0},
    {{"black", "friday"}, HD_THANKS, 0, 0, 0, 1},
    {{"christmas", "eve"}, HD_FIXED, 12, 24, 0, 0},
    {{"christmas", "day"}, HD_FIXED, 12, 25, 0, 0},
    {{"christmas"}, HD_FIXED, 12, 25, 0, 0},
    {{"canada", "day"}, HD_FIXED, 7, 1, 0, 0},
    {{"cyber", "monday"}, HD_THANKS, 0, 0, 0, 4},
    {{"columbus", "day"}, HD_NTH, 10, 2, 0, 0},
    {{"chinese", "new", "year"}, HD_NONE, 0, 0, 0, 0},
    {{"chanukah"}, HD_NONE, 0, 0, 0, 0},
    {{"diwali"}, HD_NONE, 0, 0, 0, 0},
    {{"dragon", "boat", "festival"}, HD_NONE, 0, 0, 0, 0},
    {{"easter", "sunday"}, HD_EASTER, 0, 0, 0, 0},
    {{"easter", "monday"}, HD_EASTER, 0, 0, 0, 1},
    {{"easter"}, HD_EASTER, 0, 0, 0, 0},
    {{"election", "day"}, HD_ELECTION, 0, 0, 0, 0},
    {{"eid", "~al-fitr"}, HD_NONE, 0, 0, 0, 0},
    {{"eid", "~al-adha"}, HD_NONE, 0, 0, 0, 0},
    {{"eid"}, HD_NONE, 0, 0, 0, 0},
    {{"father", "day"}, HD_NTH, 6, 3, 6, 0},
    {{"fathers", "day"}, HD_NTH, 6, 3, 6, 0},
    {{"groundhog", "day"}, HD_FIXED, 2, 2, 0, 0},
    {{"good", "friday"}, HD_EASTER, 0, 0, 0, -2},
    {{"halloween"}, HD_FIXED, 10, 31, 0, 0},
    {{"hanukkah"}, HD_NONE, 0, 0, 0, 0},
    {{"independence", "day"}, HD_NONE, 0, 0, 0, 0},
    {{"juneteenth"}, HD_FIXED, 6, 19, 0, 0},
    {{"labor", "day"}, HD_NTH, 9, 1, 0, 0},
    {{"labour", "day"}, HD_NONE, 0, 0, 0, 0},
    {{"lunar", "new", "year"}, HD_NONE, 0, 0, 0, 0},
    {{"lantern", "festival"}, HD_NONE, 0, 0, 0, 0},
    {{"maundy", "thursday"}, HD_EASTER, 0, 0, 0, -3},
    {{"memorial", "day"}, HD_NTH, 5, -1, 0, 0},
    {{"mother", "day"}, HD_NTH, 5, 2, 6, 0},
    {{"mothers", "day"}, HD_NTH, 5, 2, 6, 0},
    {{"national", "day"}, HD_NONE, 0, 0, 0, 0},
    {{"new", "year", "eve"}, HD_FIXED, 12, 31, 0, 0},
    {{"new", "years", "eve"}, HD_FIXED, 12, 31, 0, 0},
    {{"new", "year", "day"}, HD_FIXED, 1, 1, 0, 0},
    {{"new", "years", "day"}, HD_FIXED, 1, 1, 0, 0},
    {{"new", "year"}, HD_FIXED, 1, 1, 0, 0},
    {{"palm", "sunday"}, HD_EASTER, 0, 0, 0, -7},
    {{"pentecost"}, HD_EASTER, 0, 0, 0, 49},
    {{"presidents", "day"}, HD_NTH, 2, 3, 0, 0},
    {{"president", "day"}, HD_NTH, 2, 3, 0, 0},
    {{"passover"}, HD_NONE, 0, 0, 0, 0},
    {{"remembrance", "day"}, HD_FIXED, 11, 11, 0, 0},
    {{"ramadan"}, HD_NONE, 0, 0, 0, 0},
    {{"rosh", "hashanah"}, HD_NONE, 0, 0, 0, 0},
    {{"st.", "patrick", "day"}, HD_FIXED, 3, 17, 0, 0},
    {{"st", "patrick", "day"}, HD_FIXED, 3, 17, 0, 0},
    {{"saint", "patrick", "day"}, HD_FIXED, 3, 17, 0, 0},
    {{"super", "tuesday"}, HD_NONE, 0, 0, 0, 0},
    {{"thanksgiving", "day"}, HD_THANKS, 0, 0, 0, 0},
    {{"thanksgiving"}, HD_THANKS, 0, 0, 0, 0},
    {{"valentine", "day"}, HD_FIXED, 2, 14, 0, 0},
    {{"valentines", "day"}, HD_FIXED, 2, 14, 0, 0},
    {{"veterans", "day"}, HD_FIXED, 11, 11, 0, 0},
    {{"xmas"}, HD_FIXED, 12, 25, 0, 0},
    {{"yom", "kippur"}, HD_NONE, 0, 0, 0, 0},
};

/* Easter Sunday of year y (Gregorian; the anonymous algorithm). */
static void easter(int y, int *m, int *d) {
  int a = y % 19, b = y / 100, c = y % 100, e = b % 4, f = (b + 8) / 25;
  int g = (b - f + 1) / 3, h = (19 * a + b - b / 4 - g + 15) % 30;
  int l = (32 + 2 * e + 2 * (c / 4) - h - c % 4) % 7, k = (a + 11 * h + 22 * l) / 451;
  *m = (h + l - 7 * k + 114) / 31;
  *d = (h + l - 7 * k + 114) % 31 + 1;
}

/* The n-th weekday wd (0 Monday) of month m (n = -1: the last). */
static int nth_wday(int y, int m, int n, int wd) {
  if (n > 0) return 1 + (wd - lx_weekday(y, m, 1) + 7) % 7 + 7 * (n - 1);
  static const int8_t mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
  return last - (lx_weekday(y, m, last) - wd + 7) % 7;
}

/* The day of holiday h in year y, as days since the epoch. */
static int64_t holiday_day(const holiday *h, int y) {
  int m = h->m, d = h->d, off = h->off;
  switch (h->rule) {
    case HD_EASTER: easter(y, &m, &d); break;
    case HD_NTH: d = nth_wday(y, m, d, h->wd); break;
    case HD_THANKS: m = 11, d = nth_wday(y, 11, 4, 3); break;
    case HD_ELECTION: m = 11, d = nth_wday(y, 11, 1, 0), off = 1; break;
    default: break;
  }
  return lx_days_from_civil(y, m, d) + off;
}

/* Tokens of holiday h at i (0 if it is not there), whose first word the
 * caller found at i. */
static size_t holiday_at(const nx *S, size_t i, const holiday *h) {
  size_t j = i;
  for (int k = 0; k < 4 && h->w[k]; k++) {
    const char *w = h->w[k];
    int any_case = w[0] == '~';
    if ((k ? !ok_tok(S, j) : j >= S->t1) || S->t[j].kind != LX_TK_WORD ||
        (k && !tok_is(S, j, w + any_case)))
      return 0;
    if (!any_case && !(S->t[j].flags & LX_TF_CAP)) return 0;
    if (k > 0 && (S->t[j].flags & LX_TF_SENT)) return 0;
    j++;
    /* a possessive before the next word: 's, or an apostrophe after a plural */
    if (k + 1 < 4 && h->w[k + 1] && ok_tok(S, j) && S->t[j].start == S->t[j - 1].end &&
        ((S->t[j].flags & LX_TF_POSS) ||
         (tlen(S, j) <= 3 && (S->t[j].flags & LX_TF_QUOTE) && !(S->t[j].flags & LX_TF_OPENQ) &&
          (tstr(S, j)[0] == '\'' || (unsigned char)tstr(S, j)[0] == 0xE2))))
      j++;
  }
  return j - i;
}

/* A holiday at token i; a is the span start, dir -1 "last", +1 "next", 2
 * "this", 0 none. */
static int holiday_expr(const nx *S, size_t a, size_t i, int dir, nx_res *r) {
  const holiday *h = NULL;
  size_t k = 0;
  char c0 = (char)(S->text[S->t[i].start] | 0x20);
  /* the first holiday of that letter; then the letter's, in order */
  size_t lo = 0, hi = LX_COUNTOF(holidays);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if ((unsigned char)holidays[mid].w[0][0] < (unsigned char)c0) lo = mid + 1;
    else hi = mid;
  }
  /* the phrases of one first word come together ("new year eve", "new
   * year"): the token is compared with that word once (the same literal,
   * kept twice by a compiler, is only compared again) */
  const char *seen = NULL;
  int first = 0;
  for (size_t q = lo; q < LX_COUNTOF(holidays) && holidays[q].w[0][0] == c0 && !k; q++) {
    if (holidays[q].w[0] != seen) {
      seen = holidays[q].w[0];
      first = tok_is(S, i, seen);
    }
    if (first && (k = holiday_at(S, i, &holidays[q]))) h = &holidays[q];
  }
  if (!k) return 0;
  size_t b = i + k;
  int y = 0;
  /* "Christmas 2019"; "Labor Day weekend" */
  if (ok_tok(S, b) && !dir && year_tok(S, b, &y)) b++;
  else if (ok_tok(S, b) && (tok_isl(S, b, "weekend") || tok_isl(S, b, "eve"))) b++;
  /* "the Christmas holidays", "the Easter break": the period, "the" and all;
   * "a disappointing Christmas season" (without "the": its season) */
  else if (ok_tok(S, b) &&
           ((a < i && (tok_isl(S, b, "holiday") || tok_isl(S, b, "holidays") ||
                       tok_isl(S, b, "season") || tok_isl(S, b, "break") ||
                       tok_isl(S, b, "period"))) ||
            (a == i && (tok_isl(S, b, "season") || tok_isl(S, b, "holidays"))))) {
    b++;
    if (ok_tok(S, b) && tok_isl(S, b, "weekend")) b++; /* "the Labor Day holiday weekend" */
  }
  /* a longer name, none of it a date: "Good Friday Agreement" (not "Easter
   * April 9") */
  else if (ok_tok(S, b) && S->t[b].kind == LX_TK_WORD && (S->t[b].flags & LX_TF_CAP) &&
           !(S->t[b].flags & LX_TF_SENT) && !lex(S, b))
    return res(r, i, b + 1, 0, 0);
  res(r, a, b, LEDE_T_DATE, 0);
  if (h->rule == HD_NONE) return 1; /* r->str is empty: no value */
  if (!y && has_ymd(S)) {
    const lx_date *R = &S->in->ref;
    int64_t ref = lx_days_from_civil(R->year, R->month, R->day);
    y = R->year;
    if (dir == -1) {
      if (holiday_day(h, y) >= ref) y--;
    } else if (dir == 1) {
      if (holiday_day(h, y) <= ref) y++;
    } else if (dir == 0 && future_ctx(S, i)) {
      if (holiday_day(h, y) < ref) y++;
    } else if (dir == 0 && R->month) {
      /* as a month is (past_year): this year's up to the month after the
       * story's, else last year's */
      int yy, mm, dd;
      lx_civil_from_days(holiday_day(h, y), &yy, &mm, &dd);
      if (yy == y && mm > R->month + 1) y--;
    }
  }
  if (y >= 1 && y <= 9999) {
    int yy, mm, dd;
    lx_civil_from_days(holiday_day(h, y), &yy, &mm, &dd);
    str_ymd(r, yy, mm, dd);
  } else if (h->rule == HD_FIXED) {
    set_str(r, "--%02d-%02d", h->m, h->d);
  }
  return 1;
}

/* ---- currencies and units (the gazetteer) ----------------------------------------- */

/* The longest gazetteer phrase at i (0 if none), remembered for the next
 * question about the same token. */
static size_t gaz_longest(const nx *S, size_t i, const lx_entry **e) {
  nx_cache *c = S->cache;
  if (c->gi == i) {
    *e = c->ge;
    return c->gk;
  }
  size_t k = 0;
  *e = NULL;
  if (lx_dict_may_start(S->in->gaz, S->t[i].hash))
    k = lx_dict_longest(S->in->gaz, S->text, S->t, S->t1, i, e);
  for (size_t q = 1; q < k; q++)
    if (S->t[i + q].flags & LX_TF_PARA) k = 0;
  c->gi = i;
  c->gk = k;
  c->ge = k ? *e : NULL;
  return k;
}

/* Amb currencies that are plain words even after a number. */
static int currency_word_excluded(const nx *S, size_t i, size_t n) {
  /* the lengths known at compile time: no strlen per word */
  if (n != 1) return 0;
  return tok_isl(S, i, "p") || tok_isl(S, i, "sum") || tok_isl(S, i, "real") ||
         tok_isl(S, i, "sol") || tok_isl(S, i, "colon") || tok_isl(S, i, "ether") ||
         tok_isl(S, i, "lot");
}

/* Words of a hundredth of a currency. */
static int subunit(const nx *S, size_t i, const char **iso) {
  if (tok_isl(S, i, "cents") || tok_isl(S, i, "cent") || tok_isl(S, i, "cts") ||
      tok_isl(S, i, "ct") || tok_isl(S, i, "c")) {
    *iso = "USD";
    return 1;
  }
  if (tok_isl(S, i, "pence") || tok_isl(S, i, "penny") || tok_isl(S, i, "p")) {
    *iso = "GBP";
    return 1;
  }
  if (tok_isl(S, i, "eurocents") || tok_isl(S, i, "eurocent")) {
    *iso = "EUR";
    return 1;
  }
  return 0;
}

/* Adjectives before dollars/dlrs (or cents, *factor 0.01) that name the
 * dollar: "Canadian dlrs", "45 Canadian cents". */
static size_t dollar_adj(const nx *S, size_t i, char iso[4], double *factor) {
  static const struct {
    const char *w, *w2, *iso;
  } adj[] = {{"australian", NULL, "AUD"}, {"canadian", NULL, "CAD"},
             {"u.s.", NULL, "USD"},       {"us", NULL, "USD"},
             {"american", NULL, "USD"},   {"singapore", NULL, "SGD"},
             {"taiwan", NULL, "TWD"},     {"zimbabwe", NULL, "ZWL"},
             {"jamaican", NULL, "JMD"},   {"namibian", NULL, "NAD"},
             {"fiji", NULL, "FJD"},       {"bahamian", NULL, "BSD"},
             {"brunei", NULL, "BND"},     {"liberian", NULL, "LRD"},
             {"hong", "kong", "HKD"},     {"new", "zealand", "NZD"},
             {"n.z.", NULL, "NZD"},       {"hk", NULL, "HKD"}};
  if (i >= S->t1 || !(S->t[i].flags & LX_TF_CAP)) return 0;
  for (size_t k = 0; k < LX_COUNTOF(adj); k++) {
    if (!tok_is(S, i, adj[k].w)) continue;
    size_t j = i + 1;
    if (adj[k].w2) {
      if (!tok_is(S, j, adj[k].w2)) return 0;
      j++;
    }
    if (tok_isl(S, j, "dlrs") || tok_isl(S, j, "dlr") || tok_isl(S, j, "dollars") ||
        tok_isl(S, j, "dollar")) {
      memcpy(iso, adj[k].iso, 4);
      return j + 1 - i;
    }
    /* "45 Canadian cents" */
    if (tok_isl(S, j, "cents") || tok_isl(S, j, "cent") || tok_isl(S, j, "cts")) {
      memcpy(iso, adj[k].iso, 4);
      *factor = 0.01;
      return j + 1 - i;
    }
    return 0;
  }
  return 0;
}

/* A currency word that many countries use ("pesos", "rupees", "dinars")
 * is the story's country's, when its dateline says where that is: "pesos"
 * in Buenos Aires are ARS. iso holds the gazetteer's default. */
static void local_currency(const char cc[3], char iso[4]) {
  static const struct {
    char deflt[4], cc[3], iso[4];
  } local[] = {
      {"MXN", "AR", "ARS"}, {"MXN", "CL", "CLP"}, {"MXN", "CO", "COP"}, {"MXN", "CU", "CUP"},
      {"MXN", "PH", "PHP"}, {"MXN", "UY", "UYU"}, {"MXN", "DO", "DOP"}, {"INR", "PK", "PKR"},
      {"INR", "LK", "LKR"}, {"INR", "NP", "NPR"}, {"INR", "MU", "MUR"}, {"IQD", "JO", "JOD"},
      {"IQD", "KW", "KWD"}, {"IQD", "BH", "BHD"}, {"IQD", "TN", "TND"}, {"IQD", "DZ", "DZD"},
      {"IQD", "LY", "LYD"}, {"IQD", "RS", "RSD"}, {"KES", "UG", "UGX"}, {"KES", "TZ", "TZS"},
      {"KES", "SO", "SOS"}, {"GBP", "EG", "EGP"}, {"GBP", "LB", "LBP"}, {"GBP", "SY", "SYP"},
      {"NOK", "DK", "DKK"}, {"FRF", "CH", "CHF"}, {"FRF", "BE", "BEF"}, {"FRF", "LU", "LUF"},
      {"USD", "AU", "AUD"}, {"USD", "NZ", "NZD"}, {"USD", "CA", "CAD"}, {"USD", "HK", "HKD"},
      {"USD", "SG", "SGD"}, {"USD", "TW", "TWD"}, {"USD", "JM", "JMD"}, {"KRW", "KP", "KPW"}};
  for (size_t q = 0; q < LX_COUNTOF(local); q++)
    if (memcmp(local[q].deflt, iso, 3) == 0 && memcmp(local[q].cc, cc, 2) == 0) {
      memcpy(iso, local[q].iso, 4);
      return;
    }
}

/* A currency phrase at i. Returns its tokens, the code in iso and the factor
 * of the printed unit (0.01 for cents). `after` says a number precedes. */
static size_t currency_at(const nx *S, size_t i, int after, char iso[4], double *factor) {
  *factor = 1;
  if (!ok_tok(S, i)) return 0;
  const lx_token *t = &S->t[i];
  if (t->kind == LX_TK_NUM || t->kind == LX_TK_PUNCT) return 0;
  unsigned char c0 = (unsigned char)S->text[t->start] | 0x20;
  if (after && (c0 == 'c' || c0 == 'p' || c0 == 'e') && (t->flags & LX_TF_LOWER)) {
    const char *sub;
    if (subunit(S, i, &sub)) {
      /* "c" alone only as Reuters' cents after a number: "40 c" is rare */
      if (tok_isl(S, i, "c") || tok_isl(S, i, "p")) return 0;
      memcpy(iso, sub, 4);
      *factor = 0.01;
      return 1;
    }
  }
  if (after && (t->flags & LX_TF_CAP)) {
    /* "Canadian dlrs", "N.Z. Dlrs", "CANADIAN DLR" */
    size_t k = dollar_adj(S, i, iso, factor);
    if (k) return k;
  }
  const lx_entry *e;
  size_t k = gaz_longest(S, i, &e);
  /* "Rs. 500": the abbreviation with its period, as the gazetteer has it */
  if (!k && (t->flags & LX_TF_PERIOD) && (e = lx_dict_find(S->in->gaz, tstr(S, i), tlen(S, i))))
    k = 1;
  if (!k) return 0;
  const lx_entry *c = lx_entry_of_kind(S->in->gaz, e, LX_G_CURRENCY);
  if (!c) return 0;
  if ((c->flags & LX_GF_AMB) && !after) return 0;
  /* codes are printed in capitals (BOB, not Bob); "Mark" and "Real" with a
   * capital are names, not marks or reais */
  if ((c->flags & LX_GF_ALLCAP) && !(t->flags & LX_TF_ALLCAP) &&
      ((t->flags & LX_TF_CAP) || (c->flags & LX_GF_AMB)))
    return 0;
  if ((c->flags & LX_GF_AMB) && (t->flags & LX_TF_CAP) && !(t->flags & LX_TF_ALLCAP)) return 0;
  if (after && currency_word_excluded(S, i, k)) return 0;
  nx_cache *ca = S->cache;
  if (ca->cur != c) {
    ca->cur = c;
    ca->iso = lx_entry_attr(S->in->gaz, c, "iso", &ca->ison);
  }
  const char *v = ca->iso;
  if (!v || ca->ison != 3) return 0;
  memcpy(iso, v, 3);
  iso[3] = 0;
  /* not "dlrs": the wire's dollars are U.S. dollars wherever it writes */
  if (k == 1 && S->in->cc[0] && (t->flags & LX_TF_LOWER) &&
      (memcmp(iso, "USD", 3) != 0 || tok_isl(S, i, "dollars") || tok_isl(S, i, "dollar")))
    local_currency(S->in->cc, iso);
  return k;
}

static double parse_factor(const char *s, size_t n) {
  digits d;
  if (!read_digits(s, n, &d)) return 1;
  return d.v;
}

/* Units that are counted things, not measures. */
static int unit_excluded(const char *phrase) {
  static const char *const bad[] = {"bag", "bags", "bale", "bales", "contract", "contracts",
                                    "lot", "lots", "bit", "bits", "magnitude", "rad",
                                    "rem", "Mach", "m", "t", "l", "g", "C", "F", "W",
                                    "stone", "ha", "nm", "mi", "mb"};
  for (size_t k = 0; k < LX_COUNTOF(bad); k++)
    if (strcmp(phrase, bad[k]) == 0) return 1;
  return 0;
}

/* "(39.2 F)", "reached 90 F.", "5 C (41 F)": a capital C or F alone after a
 * number, closed by a bracket, a comma, a semicolon or a full stop (not
 * "F.C."), or before the other scale in brackets, is a temperature. */
static int temperature_letter(const nx *S, size_t i) {
  const lx_token *t = &S->t[i];
  if (t->end != t->start + 1 || (S->text[t->start] != 'C' && S->text[t->start] != 'F'))
    return 0;
  if (i + 1 >= S->t1) return 1;
  const lx_token *u = t + 1;
  /* "the previous record of 40.4 C had stood": a word of heat before it */
  if (u->kind == LX_TK_WORD && (u->flags & LX_TF_LOWER)) {
    static const char *const heat[] = {"temperature", "temperatures", "record", "heat",
                                       "high", "low", "warm", "hot", "cold", "thermometer",
                                       "highs", "lows", "hit", "reached", "topped"};
    for (size_t k = i, w = 0; k > S->t0 && w < 8; k--, w++)
      for (size_t q = 0; q < LX_COUNTOF(heat); q++)
        if (tok_is_n(S, k - 1, heat[q], strlen(heat[q]))) return 1;
    return 0;
  }
  if (u->kind != LX_TK_PUNCT) return 0;
  char c = S->text[u->start];
  if (c == '(') { /* "5 C (41 F)" */
    if (i + 3 >= S->t1 || u[1].kind != LX_TK_NUM || u[2].end != u[2].start + 1) return 0;
    char o = S->text[u[2].start];
    return o != S->text[t->start] && (o == 'C' || o == 'F');
  }
  if (u->start != t->end) return 0;
  if (c == ')' || c == ',' || c == ';') return 1;
  if (c != '.') return 0;
  return i + 2 >= S->t1 || (S->t[i + 2].flags & (LX_TF_SPACE | LX_TF_NEWLINE));
}

/* A unit phrase at i: tokens, canonical unit, factor. */
static size_t unit_at(const nx *S, size_t i, char *unit, size_t ucap, double *factor) {
  if (!ok_tok(S, i)) return 0;
  const lx_token *t = &S->t[i];
  if (t->kind == LX_TK_NUM) return 0;
  if (t->kind == LX_TK_PUNCT) return 0;
  const lx_entry *e;
  size_t k = gaz_longest(S, i, &e);
  if (!k) return 0;
  const lx_entry *u = lx_entry_of_kind(S->in->gaz, e, LX_G_UNIT);
  if (!u) return 0;
  if ((u->flags & LX_GF_AMB) && unit_excluded(lx_dict_str(S->in->gaz, u->phrase)) &&
      !(k == 1 && temperature_letter(S, i)))
    return 0;
  nx_cache *ca = S->cache;
  if (ca->unit != u) {
    ca->unit = u;
    ca->uname = lx_entry_attr(S->in->gaz, u, "unit", &ca->unamen);
    ca->factor = lx_entry_attr(S->in->gaz, u, "factor", &ca->factorn);
  }
  size_t vn = ca->unamen;
  if (!ca->uname || vn == 0 || vn >= ucap) return 0;
  memcpy(unit, ca->uname, vn);
  unit[vn] = 0;
  *factor = ca->factor ? parse_factor(ca->factor, ca->factorn) : 1;
  return k;
}

/* ---- what follows a number ---------------------------------------------------------- */

/* "percent", "%", "pct", "per cent", "percentage point(s)", "pct points". */
static size_t percent_at(const nx *S, size_t i) {
  if (!ok_tok(S, i)) return 0;
  const nx_word *w = lex(S, i);
  if (w && w->cls == NX_W_PCT) {
    size_t j = i + 1;
    int pctage = ieq(w->w, w->n, "percentage");
    if (tok_isl(S, j, "point") || tok_isl(S, j, "points") || tok_isl(S, j, "pts")) {
      if (ok_tok(S, j)) j++;
    } else if (pctage) {
      return 0;
    }
    return j - i;
  }
  if (w && w->cls == NX_W_PER && tok_isl(S, i + 1, "cent") && ok_tok(S, i + 1)) return 2;
  return 0;
}

/* Time unit at i (value NX_U_*), or 0. "second" alone is an ordinal. */
static int tunit_at(const nx *S, size_t i) {
  if (!ok_tok(S, i)) return 0;
  const nx_word *w = lex(S, i);
  if (w && w->cls == NX_W_TUNIT) return (int)w->v;
  if (w && w->cls == NX_W_QUARTER) return U_QUARTER;
  if (w && w->cls == NX_W_FRACPL && w->v == 4) return U_QUARTER;
  return 0;
}

/* Is this word a spelled-out time unit tail: year-old, five-year... */
static int tail_unit(const char *s, size_t n, size_t *used) {
  size_t e = 0;
  while (e < n && s[e] != '-') e++;
  const nx_word *w = lex_str(s, e);
  *used = e;
  if (w && w->cls == NX_W_TUNIT) return (int)w->v;
  if (w && w->cls == NX_W_QUARTER) return U_QUARTER;
  return 0;
}

/* What precedes a number: modifiers, "the", "a", "between"; CTX_INNER marks
 * the second number of a range (read without ranges of its own). */
enum { CTX_NONE = 0, CTX_MOD = 1, CTX_THE = 2, CTX_A = 4, CTX_BETWEEN = 8, CTX_INNER = 32 };

static int tunit_type(int unit) { return unit_is_time(unit) ? LEDE_T_TIME : LEDE_T_DATE; }

/* A number followed by a time unit: "two weeks", "three years ago",
 * "60 years old", "30 minutes". j is the unit token. */
static int at(const nx *S, size_t i, nx_res *r);

/* The expression that starts at i, right after a joining word ("to",
 * "and", "before"), inside the block: what ranges, sums and durations
 * join. */
static int at_next(const nx *S, size_t i, nx_res *r) {
  r->type = 0;
  return at(S, i, r) && r->a == i && r->b <= S->t1;
}

static int after_tunit(const nx *S, size_t a, size_t j, double v, int unit, nx_res *r) {
  size_t e = j + 1;
  /* "one and a half years" is read before the unit by the caller; "an
   * hour and a half", "two years and a half" here */
  if (tok_isl(S, e, "and") && tok_isl(S, e + 1, "a") && tok_isl(S, e + 2, "half") &&
      ok_tok(S, e + 2) && unit != U_WEEKEND) {
    v += 0.5;
    e += 3;
  }
  if (tok_isl(S, e, "ago") && ok_tok(S, e)) {
    res(r, a, e + 1, unit_is_time(unit) ? LEDE_T_TIME : LEDE_T_DATE, 0);
    if (unit_is_time(unit))
      str_duration(r, v, unit);
    else
      str_ago(S, v, unit, -1, r);
    return 1;
  }
  if (tok_isl(S, e, "old") && ok_tok(S, e)) {
    res(r, a, e + 1, LEDE_T_DATE, 0);
    str_duration(r, v, unit);
    return 1;
  }
  /* "two days before Christmas", "a week after July 4": one date, the
   * anchor's moved by the count */
  if ((tok_isl(S, e, "before") || tok_isl(S, e, "after")) && (unit == U_DAY || unit == U_WEEK) &&
      v >= 1 && v <= 1000 && v == (int)v && ok_tok(S, e + 1)) {
    nx_res r2;
    int y, m, d;
    if (at_next(S, e + 1, &r2) && r2.type == LEDE_T_DATE &&
        strlen(r2.str) == 10 && sscanf(r2.str, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
        lx_date_valid(y, m, d)) {
      int64_t k = (int64_t)v * (unit == U_WEEK ? 7 : 1);
      if (tok_isl(S, e, "before")) k = -k;
      res(r, a, r2.b, LEDE_T_DATE, 0);
      add_days(y, m, d, k, &y, &m, &d);
      str_ymd(r, y, m, d);
      return 1;
    }
  }
  /* "two years earlier", "three days before." ("12 years before the 19th
   * Amendment": "before" opens a phrase of its own) */
  if ((tok_isl(S, e, "earlier") || tok_isl(S, e, "later") ||
       (tok_isl(S, e, "before") &&
        (e + 1 >= S->t1 || S->t[e + 1].kind == LX_TK_PUNCT || tok_isl(S, e + 1, "and") ||
         tok_isl(S, e + 1, "but") || tok_isl(S, e + 1, "or") || tok_isl(S, e + 1, "when")))) &&
      ok_tok(S, e)) {
    res(r, a, e + 1, tunit_type(unit), 0);
    str_duration(r, v, unit);
    return 1;
  }
  /* the three months ended Sept. 30, the 12 months to June */
  if (!unit_is_time(unit)) {
    size_t k = period_end(S, a, e);
    if (k) {
      res(r, a, e + k, LEDE_T_DATE, 0);
      str_duration(r, v, unit);
      return 1;
    }
  }
  res(r, a, e, tunit_type(unit), 0);
  str_duration(r, v, unit);
  return 1;
}

/* The tail of a hyphenated ordinal that makes it a rank: a superlative
 * ("largest", "most-watched" reads "most"), or ranked, placed, seeded. */
static int rank_tail(const char *t, size_t n) {
  if (n >= 4 && ieq(t + n - 3, 3, "est")) return 1;
  return ieq(t, n, "ranked") || ieq(t, n, "placed") || ieq(t, n, "seeded") ||
         ieq(t, n, "ever") || /* first-ever */
         ieq(t, n, "round") || ieq(t, n, "degree") || ieq(t, n, "term") ||
         ieq(t, n, "grader") || ieq(t, n, "graders") || ieq(t, n, "generation") ||
         ieq(t, n, "seed") || ieq(t, n, "string") || ieq(t, n, "team") ||
         ieq(t, n, "place") || (n > 5 && ieq(t, 5, "most-")) || (n > 6 && ieq(t, 6, "least-"));
}

/* A scale after the hyphen of a number ("1.5-billion", "10-million-dollar"):
 * its factor, and the rest of the tail after it in *rest, *rn. */
static double hyphen_scale(const nxnum *N, const char **rest, size_t *rn) {
  static const struct { const char *w; size_t n; double f; } sc[] = {
      {"million", 7, 1e6}, {"billion", 7, 1e9}, {"trillion", 8, 1e12}};
  if (N->sfx != SFX_HYPHEN || N->hi >= 0 || N->words || !N->tail) return 0;
  for (size_t k = 0; k < LX_COUNTOF(sc); k++) {
    if (N->tailn < sc[k].n || !ieq(N->tail, sc[k].n, sc[k].w)) continue;
    if (N->tailn > sc[k].n && N->tail[sc[k].n] != '-') continue;
    *rest = N->tail + sc[k].n;
    *rn = N->tailn - sc[k].n;
    return sc[k].f;
  }
  return 0;
}

/* The currency of a hyphenated amount's last word: "10-million-dollar". */
static const char *hyphen_currency(const char *s, size_t n) {
  static const struct { const char *w; const char *iso; } cw[] = {
      {"-dollar", "USD"}, {"-euro", "EUR"}, {"-yen", "JPY"}, {"-pound", "GBP"},
      {"-yuan", "CNY"}, {"-rupee", "INR"}, {"-won", "KRW"}, {"-franc", "CHF"}};
  for (size_t k = 0; k < LX_COUNTOF(cw); k++)
    if (ieq(s, n, cw[k].w)) return cw[k].iso;
  return NULL;
}

/* "a billion-dollar crop", "a million-euro home": a scale and a currency
 * in one word (token i, s, n bytes) are money of that scale;
 * "multibillion-dollar", "multimillion-dollar" are money of no one amount. */
static int scale_currency_word(size_t i, const char *s, size_t n, nx_res *r) {
  static const struct { const char *w; double f; } sc[] = {
      {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}, {"multimillion", 0},
      {"multibillion", 0}, {"multi-million", 0}, {"multi-billion", 0}};
  /* (the first letter first: most hyphenated words are none of these) */
  unsigned char c0 = (unsigned char)s[0] | 0x20;
  if (c0 != 'm' && c0 != 'b' && c0 != 't') return 0;
  for (size_t k = 0; k < LX_COUNTOF(sc); k++) {
    size_t m = strlen(sc[k].w);
    if (m >= n || s[m] != '-' || !ieq(s, m, sc[k].w)) continue;
    const char *iso = hyphen_currency(s + m, n - m);
    if (!iso) return 0;
    res(r, i, i + 1, LEDE_T_MONEY, sc[k].f);
    set_cstr(r, iso);
    if (sc[k].f == 0) r->str[0] = 0; /* no amount: no value */
    return 1;
  }
  return 0;
}

/* "a quarter-point cut", "a half-point", "a quarter-percent tax": a part of
 * a percentage point; "a half-mile", "a quarter-mile hike": a part of a
 * unit (token i, s, n bytes). */
static int fraction_word(size_t i, const char *s, size_t n, nx_res *r) {
  static const struct { const char *w; double v; } fr[] = {
      {"half", 0.5}, {"quarter", 0.25}, {"three-quarter", 0.75}};
  unsigned char c0 = (unsigned char)s[0] | 0x20;
  if (c0 != 'h' && c0 != 'q' && c0 != 't') return 0;
  for (size_t k = 0; k < LX_COUNTOF(fr); k++) {
    size_t m = strlen(fr[k].w);
    if (m + 1 >= n || s[m] != '-' || !ieq(s, m, fr[k].w)) continue;
    const char *rest = s + m + 1;
    size_t rn = n - m - 1;
    if (ieq(rest, rn, "point") || ieq(rest, rn, "percent") ||
        ieq(rest, rn, "percentage-point"))
      return res(r, i, i + 1, LEDE_T_PERCENT, fr[k].v);
    const unitsfx *u = find_unit_sfx(rest, rn, 0);
    if (u) {
      res(r, i, i + 1, LEDE_T_QUANTITY, fr[k].v * u->factor);
      set_cstr(r, u->unit);
      return 1;
    }
    return 0;
  }
  return 0;
}

/* Tail of a hyphenated number: 20-year-old, five-year, 24-hour, 10-mile,
 * 5-percent. Returns 1 with r set, 0 when the token is not an entity. */
static int hyphen_tail(size_t a, size_t e, const nxnum *N, nx_res *r) {
  /* "a 1.5-billion project": a cardinal; "the 10-million-dollar deal": money */
  const char *rest;
  size_t rn;
  double scale = hyphen_scale(N, &rest, &rn);
  if (scale > 0) {
    if (rn == 0) return res(r, a, e, LEDE_T_CARDINAL, N->v * scale);
    const char *iso = hyphen_currency(rest, rn);
    if (!iso) return 0;
    res(r, a, e, LEDE_T_MONEY, N->v * scale);
    set_cstr(r, iso);
    return 1;
  }
  size_t used;
  int unit = tail_unit(N->tail, N->tailn, &used);
  if (unit) {
    const char *rest = N->tail + used;
    size_t rn = N->tailn - used;
    if (rn > 0 && (ieq(rest, rn, "-old") || ieq(rest, rn, "s-old"))) {
      res(r, a, e, LEDE_T_DATE, 0);
      str_duration(r, N->v, unit);
      return 1;
    }
    if (rn == 0) {
      /* "a five-year plan": DATE; "24-hour": TIME; "year-long"... */
      res(r, a, e, tunit_type(unit), 0);
      str_duration(r, N->v, unit);
      return 1;
    }
    if (ieq(rest, rn, "-long")) {
      res(r, a, e, tunit_type(unit), 0);
      str_duration(r, N->v, unit);
      return 1;
    }
    return 0;
  }
  if (ieq(N->tail, N->tailn, "percent") || ieq(N->tail, N->tailn, "per-cent") ||
      ieq(N->tail, N->tailn, "pct")) {
    res(r, a, e, LEDE_T_PERCENT, N->v);
    return 1;
  }
  /* "a 1,750,000-dlr loan", "a 500-yen coin" */
  static const struct { const char *w; const char *iso; } cur[] = {
      {"dlr", "USD"}, {"dlrs", "USD"}, {"dollar", "USD"}, {"yen", "JPY"}, {"euro", "EUR"},
      {"yuan", "CNY"}, {"rupee", "INR"}, {"stg", "GBP"}};
  for (size_t k = 0; k < LX_COUNTOF(cur); k++)
    if (ieq(N->tail, N->tailn, cur[k].w)) {
      res(r, a, e, LEDE_T_MONEY, N->v);
      set_cstr(r, cur[k].iso);
      return 1;
    }
  const unitsfx *u = find_unit_sfx(N->tail, N->tailn, 0);
  if (u) {
    res(r, a, e, LEDE_T_QUANTITY, N->v * u->factor);
    set_cstr(r, u->unit);
    return 1;
  }
  return 0;
}

/* After a number at [N.a, N.end): percent, money, units, time units, years,
 * or a bare CARDINAL. `a` is the span start (modifiers), ctx what precedes. */
static int after_number(const nx *S, size_t a, nxnum *N, int ctx, nx_res *r);

/* The tail after a number's hyphen is one lower-case noun: "seat",
 * "member", "nation" (not "odd", "fold", "plus", "ish"). */
static int count_noun(const nxnum *N) {
  for (size_t k = 0; k < N->tailn; k++)
    if (N->tail[k] < 'a' || N->tail[k] > 'z') return 0;
  static const char *const no[] = {"odd",   "fold",   "plus",    "ish",    "something",
                                   "and",   "or",     "to",      "th",     "st",
                                   "nd",    "rd",     "monthly", "weekly", "yearly",
                                   "daily", "hourly", "quarterly"};
  for (size_t k = 0; k < LX_COUNTOF(no); k++)
    if (ieq(N->tail, N->tailn, no[k])) return 0;
  return 1;
}

/* A dash against the number after it and apart from the word before
 * ("-12.99  -5.44%") is the second number's sign, not a range. */
static int dash_is_sign(const nx *S, size_t j) {
  return j > S->t0 && ok_tok(S, j + 1) && S->t[j].end == S->t[j + 1].start &&
         S->t[j].start > S->t[j - 1].end;
}

/* The second number of a range: "1,750 to 1,780 dlrs", "5 and 10 percent",
 * "three or four days". */
static int range_second(const nx *S, size_t j, int ctx, nxnum *M) {
  if (!ok_tok(S, j)) return 0;
  int join = tok_isl(S, j, "to") || (S->t[j].flags & LX_TF_DASH && tlen(S, j) == 1) ||
             ((ctx & CTX_BETWEEN) && tok_isl(S, j, "and")) || tok_isl(S, j, "or");
  if (!join || !ok_tok(S, j + 1)) return 0;
  if (dash_is_sign(S, j)) return 0;
  if (!number_at(S, j + 1, M)) return 0;
  if (M->ord || M->frac || M->sfx == SFX_OTHER || M->sfx == SFX_HYPHEN ||
      M->sfx == SFX_SLASH || M->decade)
    return 0;
  return 1;
}

static int prev_word_in(const nx *S, size_t i, const char *const *ws, size_t n) {
  if (i <= S->t0) return 0;
  const lx_token *t = &S->t[i - 1];
  if (t->kind != LX_TK_WORD || t->end - t->start > 12) return 0;
  return tok_in(S, i - 1, ws, n);
}

/* Words of a change, before which "X to Y" goes from one level to another:
 * "rose 0.1 pct to 54.2 pct", "fell 3/8 to 21-5/8" (a chain of tok_isl). */
static int change_word(const nx *S, size_t i) {
  return tok_isl(S, i, "from") || tok_isl(S, i, "rose") || tok_isl(S, i, "fell") ||
         tok_isl(S, i, "rise") || tok_isl(S, i, "fall") || tok_isl(S, i, "rising") ||
         tok_isl(S, i, "falling") || tok_isl(S, i, "risen") || tok_isl(S, i, "fallen") ||
         tok_isl(S, i, "up") || tok_isl(S, i, "down") || tok_isl(S, i, "increased") ||
         tok_isl(S, i, "decreased") || tok_isl(S, i, "gained") || tok_isl(S, i, "lost") ||
         tok_isl(S, i, "dropped") || tok_isl(S, i, "climbed") || tok_isl(S, i, "jumped") ||
         tok_isl(S, i, "slipped") || tok_isl(S, i, "declined") || tok_isl(S, i, "cut") ||
         tok_isl(S, i, "raised") || tok_isl(S, i, "grew") || tok_isl(S, i, "eased") ||
         tok_isl(S, i, "edged") || tok_isl(S, i, "advanced") || tok_isl(S, i, "slid") ||
         tok_isl(S, i, "plunged") || tok_isl(S, i, "soared") || tok_isl(S, i, "tumbled") ||
         tok_isl(S, i, "surged") || tok_isl(S, i, "added") || tok_isl(S, i, "shed") ||
         tok_isl(S, i, "lowered") || tok_isl(S, i, "reduced") || tok_isl(S, i, "by") ||
         tok_isl(S, i, "firmed") || tok_isl(S, i, "dipped") || tok_isl(S, i, "rallied") ||
         tok_isl(S, i, "slumped") || tok_isl(S, i, "sank") || tok_isl(S, i, "climbing") ||
         tok_isl(S, i, "jumping") || tok_isl(S, i, "dropping") || tok_isl(S, i, "gaining") ||
         tok_isl(S, i, "slipping") || tok_isl(S, i, "sliding") || tok_isl(S, i, "easing") ||
         tok_isl(S, i, "dipping") || tok_isl(S, i, "plunging") || tok_isl(S, i, "soaring") ||
         tok_isl(S, i, "tumbling") || tok_isl(S, i, "surging") || tok_isl(S, i, "declining") ||
         tok_isl(S, i, "advancing") || tok_isl(S, i, "losing") || tok_isl(S, i, "shedding") ||
         tok_isl(S, i, "adding") || tok_isl(S, i, "increasing") || tok_isl(S, i, "decreasing");
}

/* Whether a possessive comes before token i ("his 40s", "the company's
 * 1990 results"), or also "the" when the is set ("the 1990 results", "the
 * third straight day"). */
static int owned(const nx *S, size_t i, int the) {
  static const char *const poss[] = {"its", "their", "his", "her", "our", "my", "your"};
  if (i <= S->t0) return 0;
  return (S->t[i - 1].flags & LX_TF_POSS) || prev_word_in(S, i, poss, LX_COUNTOF(poss)) ||
         (the && tok_isl(S, i - 1, "the"));
}

/* A word between a count and its time unit: "three straight quarters",
 * "two consecutive months", "the next three fiscal years". */
static int run_word(const nx *S, size_t i) {
  return tok_isl(S, i, "straight") || tok_isl(S, i, "consecutive") ||
         tok_isl(S, i, "successive") || tok_isl(S, i, "fiscal") || tok_isl(S, i, "calendar");
}

/* A day (week...) counted in a run, after the ordinal N: "third straight
 * day", "second consecutive quarter", "10th day": the unit's token, or 0.
 * A DATE (a TIME for hours) with no value. Not "the third quarter" (a
 * period, valued), "the 21st century" nor a name ("the Second Day"). */
static size_t ord_run(const nx *S, const nxnum *N) {
  size_t u = N->end;
  if (tok_isl(S, u, "straight") || tok_isl(S, u, "consecutive") ||
      tok_isl(S, u, "successive") || tok_isl(S, u, "running"))
    u++;
  int ru = tunit_at(S, u);
  if (!ru || ru == U_WEEKEND || ru == U_CENTURY || N->v < 1 || N->v > 1000) return 0;
  if (u == N->end && ru == U_QUARTER && N->v <= 4) return 0;
  if ((S->t[u].flags & LX_TF_CAP) && !(S->t[u].flags & LX_TF_ALLCAP)) return 0;
  return u;
}

/* Whether the number at i follows a name: "Boeing 737", "Euro 2020". */
static int after_name(const nx *S, size_t i) {
  /* a sentence may open on a name's designator: "Game 2 is Wednesday" */
  static const char *const designators[] = {"act",      "apollo", "article", "chapter", "day",
                                            "episode",  "flight", "game",    "gate",    "level",
                                            "phase",    "room",   "round",   "route",   "season",
                                            "section",  "stage",  "terminal", "week"};
  if (i <= S->t0) return 0;
  const lx_token *p = &S->t[i - 1];
  size_t n = p->end - p->start;
  if (p->kind == LX_TK_WORD && (p->flags & LX_TF_SENT) && (p->flags & LX_TF_CAP) &&
      !(p->flags & LX_TF_ALLCAP) && !(S->t[i].flags & LX_TF_NEWLINE) && n < 12) {
    char low[12];
    for (size_t k = 0; k < n; k++) low[k] = (char)(S->text[p->start + k] | 0x20);
    if (lx_sorted_has(designators, LX_COUNTOF(designators), low, n)) return 1;
  }
  if (p->kind != LX_TK_WORD || !(p->flags & LX_TF_CAP) || (p->flags & LX_TF_SENT)) return 0;
  if (S->t[i].flags & LX_TF_NEWLINE) return 0;
  if (lex_word(S, i - 1)) return 0; /* "Canada 2" is a name */
  if (p->flags & LX_TF_ALLCAP) {
    /* a headline in capitals: JAPAN 2 SYRIA 1 is no name */
    if (i + 1 < S->t1 && (S->t[i + 1].flags & LX_TF_ALLCAP)) return 0;
    if (i - 1 > S->t0 && (S->t[i - 2].flags & LX_TF_ALLCAP)) return 0;
  }
  return 1;
}

static int phone_like(const char *s, size_t n) {
  /* 555-1234, 202-555-1234, 1-800-555-1234 */
  int groups = 1, dig = 0, cur = 0;
  for (size_t k = 0; k < n; k++) {
    if (is_digit((unsigned char)s[k])) {
      dig++;
      cur++;
    } else if (s[k] == '-' || s[k] == '.') {
      if (cur == 0) return 0;
      groups++;
      cur = 0;
    } else {
      return 0;
    }
  }
  return dig >= 7 && groups >= 2;
}

/* Words of paying before an amount: "paid 50 pounds", "worth 200 pounds". */
static const char *const pay_words[] = {
    "paid", "pay", "pays", "cost", "costs", "worth", "fined", "fine", "earned", "earns", "earn",
    "won", "wins", "raised", "spent", "spend", "salary", "prize", "price", "fee", "fees",
    "charged", "charge", "bid", "offered", "owed", "owes", "damages", "compensation",
    "donated", "awarded", "sold", "bought", "lent", "loaned", "borrowed", "wage", "wages"};

/* Words before a year: "in 1990", "since 2001" (a chain of tok_isl, the
 * token's hash against each word's). */
static int year_prep(const nx *S, size_t i) {
  return tok_isl(S, i, "in") || tok_isl(S, i, "since") || tok_isl(S, i, "until") ||
         tok_isl(S, i, "till") || tok_isl(S, i, "by") || tok_isl(S, i, "from") ||
         tok_isl(S, i, "to") || tok_isl(S, i, "through") || tok_isl(S, i, "during") ||
         tok_isl(S, i, "before") || tok_isl(S, i, "after") || tok_isl(S, i, "of") ||
         tok_isl(S, i, "early") || tok_isl(S, i, "late") || tok_isl(S, i, "mid") ||
         tok_isl(S, i, "and") || tok_isl(S, i, "or") || tok_isl(S, i, "between") ||
         tok_isl(S, i, "year") || tok_isl(S, i, "fiscal") || tok_isl(S, i, "around") ||
         tok_isl(S, i, "circa") || tok_isl(S, i, "summer") || tok_isl(S, i, "spring") ||
         tok_isl(S, i, "autumn") || tok_isl(S, i, "winter") || tok_isl(S, i, "season") ||
         tok_isl(S, i, "class") || tok_isl(S, i, "calendar") || tok_isl(S, i, "than") ||
         tok_isl(S, i, "at") || tok_isl(S, i, "for") || tok_isl(S, i, "as") ||
         tok_isl(S, i, "on") || tok_isl(S, i, "throughout");
}

/* A quarter or a half at i is a game's ("the goal came early in the
 * second half", "went six minutes without scoring in the third quarter"):
 * a word of play in its sentence, within ten words either side. */
static int game_part(const nx *S, size_t i) {
  static const char *const play[] = {
      "basket", "baskets", "buzzer", "corner", "drive", "equaliser", "equalizer", "field",
      "fumble", "game", "goal", "goals", "half-time", "halftime", "header", "inning", "innings",
      "interception", "kick", "kickoff", "match", "minute", "minutes", "penalty",
      "play", "points", "possession", "quarterback", "rally", "rebounds", "run", "score", "scored",
      "scoring", "shot", "shots", "striker", "timeout", "touchdown", "touchdowns", "trailed",
      "tries", "try", "win", "yard", "yards"};
  size_t lo = i > S->t0 + 10 ? i - 10 : S->t0, hi = i + 12 < S->t1 ? i + 12 : S->t1;
  for (size_t k = i; k > lo; k--)
    if (S->t[k].flags & LX_TF_SENT) {
      lo = k;
      break;
    }
  for (size_t k = lo; k < hi; k++) {
    if (k > i && (S->t[k].flags & LX_TF_SENT)) break;
    if (S->t[k].kind != LX_TK_WORD || !(S->t[k].flags & LX_TF_LOWER)) continue;
    if (lx_sorted_has(play, LX_COUNTOF(play), tstr(S, k), tlen(S, k))) return 1;
  }
  return 0;
}

/* An age said of someone with a verb, as people say it and transcripts
 * print it: "Harlowe, who is 58, has sold", "I'm 67, and", "she must be
 * 90", "Ellen Shaw is 81.", "I was 19.", "turned 100 on Friday", "was 51
 * when she crossed", "at 61 he has written". The number (tokens [n, e))
 * ends the clause: punctuation, "and", "when" or "but" after it (not
 * "was 21 points behind"); a time or a place may follow "turned". */
static int word_in_list(const nx *S, size_t i, const char *const *ws, size_t n) {
  return i < S->t1 && prev_word_in(S, i + 1, ws, n);
}

static int appos_person(const nx *S, size_t h);

static int spoken_age(const nx *S, size_t n, size_t e) {
  static const char *const subjects[] = {"he", "she", "i", "who", "you", "they", "we"};
  static const char *const be[] = {"is", "was", "am", "are", "were", "be", "'s"};
  static const char *const modals[] = {"must", "would", "will", "could", "might", "may"};
  static const char *const ends[] = {"and", "when", "but"};
  static const char *const after_turned[] = {"on", "in", "last", "this", "and", "when", "but"};
  if (n < S->t0 + 2) return 0;
  int end = e >= S->t1 || !ok_tok(S, e) || is_punct(S, e, ',') || is_punct(S, e, '.') ||
            is_punct(S, e, ';') || is_punct(S, e, '!') || is_punct(S, e, '?') ||
            word_in_list(S, e, ends, LX_COUNTOF(ends));
  /* "turned 100 on Friday", "when I turn 100" */
  if (tok_isl(S, n - 1, "turned") || tok_isl(S, n - 1, "turns") || tok_isl(S, n - 1, "turn"))
    return end || word_in_list(S, e, after_turned, LX_COUNTOF(after_turned));
  /* "at 61 he has written" */
  if (tok_isl(S, n - 1, "at") && ok_tok(S, e) && word_in_list(S, e, subjects, 4) &&
      !(S->t[e].flags & LX_TF_SENT))
    return 1;
  if (!end) return 0;
  /* "I'm 67" (the apostrophe straight or curly) */
  if (tok_isl(S, n - 1, "i'm") || tok_isl(S, n - 1, "i\xe2\x80\x99m")) return 1;
  if (!word_in_list(S, n - 1, be, LX_COUNTOF(be))) return 0;
  /* "was 51 when she crossed" */
  if (tok_isl(S, e, "when") && !tok_isl(S, n - 1, "be")) return 1;
  size_t s = n - 2;
  if (s > S->t0 && word_in_list(S, s, modals, LX_COUNTOF(modals))) s--;
  if (tok_isl(S, n - 1, "'s") && s != n - 2) return 0;
  if (word_in_list(S, s, subjects, LX_COUNTOF(subjects))) return 1;
  /* "the oldest victim was 101." */
  if (s == n - 2 && (S->t[s].flags & LX_TF_LOWER) && S->t[s].kind == LX_TK_WORD &&
      appos_person(S, s) && !tok_isl(S, n - 1, "be") && !tok_isl(S, n - 1, "'s"))
    return 1;
  /* a name: "Ellen Shaw is 81." (not a sentence's first word alone) */
  return s == n - 2 && S->t[s].kind == LX_TK_WORD && (S->t[s].flags & LX_TF_CAP) &&
         !(S->t[s].flags & (LX_TF_SENT | LX_TF_ALLCAP)) && !lex_word(S, s) &&
         !tok_isl(S, n - 1, "be");
}

/* The word at h, before ", 52,", is a person's: a name ("Mr. Smith, 52,")
 * or a person said so ("The captain, 44, who", "two women, 68 and 72"). */
static int appos_person(const nx *S, size_t h) {
  static const char *const persons[] = {
      "actor", "actress", "author", "boy", "boys", "brother", "brothers", "captain",
      "chairman", "coach", "daughter", "daughters", "doctor", "driver", "engineer",
      "executive", "farmer", "father", "fisherman", "founder", "friend", "girl", "girls",
      "grandfather", "grandmother", "guard", "gunman", "husband", "journalist", "lawyer", "man",
      "men", "mother", "neighbor", "neighbour", "nurse", "officer", "owner", "passenger",
      "patient", "pilot", "player", "president", "priest", "reporter", "resident", "singer",
      "sister", "sisters", "soldier", "son", "sons", "student", "suspect", "teacher",
      "teenager", "victim", "widow", "wife", "winner", "woman", "women", "worker", "writer"};
  const lx_token *t = &S->t[h];
  return ((t->flags & LX_TF_CAP) && !(t->flags & LX_TF_ALLCAP) && !lex_word(S, h)) ||
         ((t->flags & LX_TF_LOWER) &&
          lx_sorted_has(persons, LX_COUNTOF(persons), tstr(S, h), tlen(S, h)));
}

/* A verb of a life's step in the clause before token k (up to eight words):
 * "left school at", "joined the company at", "moved to New York at"; not
 * with a market's word ("began trading at 14"). */
static int life_step(const nx *S, size_t k) {
  static const char *const steps[] = {
      "began", "became", "died", "emigrated", "enlisted", "entered", "graduated", "joined",
      "learned", "left", "married", "moved", "retired", "started", "went", "won"};
  static const char *const market[] = {"closed", "opened", "price", "priced", "shares",
                                        "stock", "traded", "trading"};
  for (size_t q = k, w = 0; q > S->t0 && w < 8; q--, w++) {
    size_t p = q - 1;
    if (S->t[p].kind == LX_TK_PUNCT && !is_punct(S, p, '.')) return 0;
    if (S->t[p].kind != LX_TK_WORD) continue;
    if (lx_sorted_has(market, LX_COUNTOF(market), tstr(S, p), tlen(S, p))) return 0;
    if ((S->t[p].flags & LX_TF_LOWER) &&
        lx_sorted_has(steps, LX_COUNTOF(steps), tstr(S, p), tlen(S, p)))
      return 1;
    if (S->t[p].flags & LX_TF_SENT) return 0;
  }
  return 0;
}

/* The number at n (tokens [n, e), the span from a) is an age: "At 78, Biden
 * is the oldest" (a sentence that opens on it, a name or a pronoun after),
 * "aged 18", "people over 70", "those under 16". Returns where the age's
 * span starts (its "over"), SIZE_MAX if it is none. */
static size_t age_context(const nx *S, size_t a, size_t n, size_t e) {
  static const char *const people[] = {"adults", "americans", "anyone", "child", "children",
                                       "everyone", "those", "men", "patients", "people",
                                       "residents", "voters", "women", "workers", "kids",
                                       "participants", "individuals", "respondents",
                                       "seniors", "retirees", "drivers", "smokers", "girls",
                                       "boys", "employees", "users"};
  if (n == S->t0) return SIZE_MAX;
  /* (with no modifier, every reading asks for a word before the number) */
  if (a == n && S->t[n - 1].kind != LX_TK_WORD) return SIZE_MAX;
  if (a == n && (tok_isl(S, n - 1, "aged") || tok_isl(S, n - 1, "ages"))) return n;
  /* the second of two: "aged 19 and 23", "ages 22 and 31" */
  if (a == n && n >= S->t0 + 3 && tok_isl(S, n - 1, "and") && S->t[n - 2].kind == LX_TK_NUM &&
      (tok_isl(S, n - 3, "aged") || tok_isl(S, n - 3, "ages")))
    return n;
  /* "range in age from 13 to 46" */
  if (a == n && n >= S->t0 + 2 && tok_isl(S, n - 1, "from") && tok_isl(S, n - 2, "age"))
    return n;
  /* "at the age of 79", "at age 12" */
  if (a == n && (tok_isl(S, n - 1, "age") ||
                 (n >= S->t0 + 2 && tok_isl(S, n - 1, "of") && tok_isl(S, n - 2, "age"))))
    return n;
  /* "Ferrandi, now 19, did not", "He was 81." (a sentence that ends on it) */
  if (a == n && n >= S->t0 + 2 && ok_tok(S, e) &&
      ((tok_isl(S, n - 1, "now") && is_punct(S, n - 2, ',') && is_punct(S, e, ',')) ||
       ((tok_isl(S, n - 1, "was") || tok_isl(S, n - 1, "is")) &&
        (tok_isl(S, n - 2, "he") || tok_isl(S, n - 2, "she")) && is_punct(S, e, '.') &&
        (e + 1 >= S->t1 || (S->t[e + 1].flags & (LX_TF_SENT | LX_TF_CAP))))))
    return n;
  if (a == n && spoken_age(S, n, e)) return n;
  if (a == n && tok_isl(S, n - 1, "at") &&
      ((S->t[n - 1].flags & LX_TF_SENT) || (n >= S->t0 + 2 && is_punct(S, n - 2, ','))) &&
      is_punct(S, e, ',') && ok_tok(S, e + 1)) {
    const lx_token *u = &S->t[e + 1];
    int name = u->kind == LX_TK_WORD && (u->flags & LX_TF_CAP) && !lex_word(S, e + 1) &&
               !tok_isl(S, e + 1, "the");
    return name || tok_isl(S, e + 1, "he") || tok_isl(S, e + 1, "she") ? n : SIZE_MAX;
  }
  size_t m = a < n ? a : n - 1; /* the modifier: read with the number, or not */
  if (m + 1 != n || m <= S->t0) return SIZE_MAX;
  /* "aged between 19 and 44" */
  if (tok_isl(S, m, "between") && (tok_isl(S, m - 1, "aged") || tok_isl(S, m - 1, "ages")))
    return m;
  if (!(tok_isl(S, m, "over") || tok_isl(S, m, "under") || tok_isl(S, m, "above")))
    return SIZE_MAX;
  if (tok_isl(S, m - 1, "aged")) return m;
  for (size_t k = 0; k < LX_COUNTOF(people); k++)
    if (tok_is_n(S, m - 1, people[k], strlen(people[k]))) return m;
  /* "the victims were over 70 and", "half of them under 15.": people said
   * before, the clause ends on the age */
  static const char *const were[] = {"were", "are"};
  static const char *const who[] = {"them", "they", "victims", "dead", "injured", "killed",
                                    "passengers", "survivors", "students", "soldiers"};
  size_t v = prev_word_in(S, m, were, LX_COUNTOF(were)) ? m - 1 : m;
  int said = prev_word_in(S, v, who, LX_COUNTOF(who));
  for (size_t k = 0; k < LX_COUNTOF(people) && !said; k++)
    said = v - 1 > S->t0 && tok_is_n(S, v - 1, people[k], strlen(people[k]));
  if (said && n + 1 == e && S->t[n].kind == LX_TK_NUM &&
      tlen(S, n) <= 3 && (!ok_tok(S, e) || is_punct(S, e, '.') || is_punct(S, e, ',') ||
                          is_punct(S, e, ';') || tok_isl(S, e, "and") || tok_isl(S, e, "or")))
    return m;
  return SIZE_MAX;
}

enum { DAY_NONE = 99 }; /* a part of the day said of no day in particular */

/* The part of a day after a clock hour at j: "tonight", "this afternoon",
 * "yesterday morning", "last night", "tomorrow evening" (of a day counted
 * from the story's: *day gets -1, 0 or 1; none without the story's date),
 * "in the morning", "at night" (*day gets DAY_NONE). Returns its tokens
 * (the hour in *h made a 24-hour one) or 0. */
static size_t day_part_after(const nx *S, size_t j, int *h, int *day) {
  if (!ok_tok(S, j)) return 0;
  size_t q = 0;
  int part = 0; /* 1 morning, 2 afternoon or evening, 3 night */
  *day = 0;
  if (tok_isl(S, j, "tonight")) {
    q = 1, part = 3;
  } else if (tok_isl(S, j, "last") && tok_isl(S, j + 1, "night")) {
    q = 2, part = 3, *day = -1;
  } else if (tok_isl(S, j, "in") && tok_isl(S, j + 1, "the")) {
    q = 3, *day = DAY_NONE;
    part = tok_isl(S, j + 2, "morning") ? 1
           : tok_isl(S, j + 2, "afternoon") || tok_isl(S, j + 2, "evening") ? 2
                                                                           : 0;
  } else if (tok_isl(S, j, "at") && tok_isl(S, j + 1, "night")) {
    q = 2, part = 3, *day = DAY_NONE;
  } else if (tok_isl(S, j, "this") || tok_isl(S, j, "yesterday") || tok_isl(S, j, "tomorrow")) {
    q = 2;
    *day = tok_isl(S, j, "this") ? 0 : tok_isl(S, j, "yesterday") ? -1 : 1;
    part = tok_isl(S, j + 1, "morning") ? 1
           : tok_isl(S, j + 1, "afternoon") || tok_isl(S, j + 1, "evening") ? 2
           : tok_isl(S, j + 1, "night") && *day != 0 ? 3
                                                      : 0;
  }
  if (!part || !ok_tok(S, j + q - 1)) return 0;
  if (*day != DAY_NONE && (!has_ymd(S) || !S->in->ref.day)) return 0;
  if (part == 1 && *h == 12) *h = 0;
  if (part == 2 && *h < 12) *h += 12;
  if (part == 3 && *h >= 5 && *h < 12) *h += 12;
  if (part == 3 && *h == 12) *h = 0;
  return q;
}

/* The value of a clock hour and minute said with a part of a day
 * (day_part_after): "2020-05-05T21:00", or "T05:00" of no day. */
static void set_clock(const nx *S, nx_res *r, int h, int m, int day) {
  if (day == DAY_NONE) {
    set_str(r, "T%02d:%02d", h, m);
    return;
  }
  int y, mo, d;
  lx_civil_from_days(lx_days_from_civil(ref_y(S), ref_m(S), S->in->ref.day) + day, &y, &mo, &d);
  set_str(r, "%04d-%02d-%02dT%02d:%02d", y, mo, d, h, m);
}

/* Whether the word before a bare hour at a makes it a clock time: "at",
 * "until", "by", "around"... ("until 10 tonight", "at ten this morning"). */
static int clock_prep(const nx *S, size_t a) {
  /* (a chain of tok_isl: the token's hash against each word's) */
  return a > S->t0 &&
         (tok_isl(S, a - 1, "at") || tok_isl(S, a - 1, "until") || tok_isl(S, a - 1, "till") ||
          tok_isl(S, a - 1, "by") || tok_isl(S, a - 1, "around") ||
          tok_isl(S, a - 1, "about") || tok_isl(S, a - 1, "after") ||
          tok_isl(S, a - 1, "before") || tok_isl(S, a - 1, "from") ||
          tok_isl(S, a - 1, "since"));
}

/* The zone said after a clock time at j: "Eastern time", "Pacific
 * Standard Time", "EST", "GMT". Returns its tokens, or 0. */
static size_t spoken_zone(const nx *S, size_t j) {
  static const char *const regions[] = {"eastern", "central", "mountain", "pacific",
                                        "atlantic", "alaska", "hawaii"};
  static const char *const codes[] = {"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST",
                                      "MDT", "PT", "PST", "PDT", "GMT", "UTC", "BST"};
  if (!ok_tok(S, j)) return 0;
  for (size_t q = 0; q < LX_COUNTOF(codes); q++)
    if (tlen(S, j) == strlen(codes[q]) && memcmp(tstr(S, j), codes[q], tlen(S, j)) == 0)
      return 1;
  if (!(S->t[j].flags & LX_TF_CAP)) return 0;
  for (size_t q = 0; q < LX_COUNTOF(regions); q++)
    if (tok_is_n(S, j, regions[q], strlen(regions[q]))) {
      size_t k = 1;
      if (tok_isl(S, j + k, "standard") || tok_isl(S, j + k, "daylight")) k++;
      if (tok_isl(S, j + k, "time")) return k + 1;
      return 0;
    }
  return 0;
}

static int weather_number(const nx *S, size_t a);

static int after_number(const nx *S, size_t a, nxnum *N, int ctx, nx_res *r) {
  size_t e = N->end;
  size_t s0 = N->a;
  /* ordinals: "the third quarter of 2019", "the 21st century", "first" */
  if (N->ord) {
    /* "the 5th of January"; "the fifth of May", "the Fourth of July" (the
     * day spelled: the number read here, the month and a year after it) */
    if (tok_isl(S, e, "of") && lex_cls(S, e + 1) == NX_W_MONTH) {
      lx_date d;
      size_t k = 0;
      if (!N->words) {
        k = abs_date(S, s0, &d);
      } else if (N->v >= 1 && N->v <= 31 && ok_tok(S, e + 1)) {
        memset(&d, 0, sizeof d);
        d.hour = -1;
        d.month = (int)lex(S, e + 1)->v;
        d.day = (int)N->v;
        k = e + 2 - s0;
        size_t q = tok_isl(S, e + 2, ",") ? e + 3 : e + 2;
        int y;
        if (year_tok(S, q, &y) && ok_tok(S, q)) {
          d.year = y;
          k = q + 1 - s0;
        }
        if (!lx_date_valid(d.year, d.month, d.day)) k = 0;
      }
      if (k) return abs_result(S, (ctx & CTX_THE) ? a : s0, s0, k, &d, r);
    }
    /* a day of the month named alone: "opens on the 15th", "until the
     * 3rd." (no noun after: "on the 15th and 17th holes" is no date); the
     * day nearest the story's */
    if ((ctx & CTX_THE) && !N->words && N->sfx == SFX_ORD && N->v >= 1 && N->v <= 31 && a > S->t0 &&
        (tok_isl(S, a - 1, "on") || tok_isl(S, a - 1, "by") || tok_isl(S, a - 1, "until") ||
         tok_isl(S, a - 1, "till") || tok_isl(S, a - 1, "since") || tok_isl(S, a - 1, "before")) &&
        (!ok_tok(S, e) || (S->t[e].kind == LX_TK_PUNCT && !(S->t[e].flags & LX_TF_HYPHEN) &&
                           !tok_isl(S, e, "-")))) {
      res(r, a, e, LEDE_T_DATE, 0);
      if (has_ymd(S) && S->in->ref.day) {
        int y = ref_y(S), m = ref_m(S), day = (int)N->v, rd = S->in->ref.day;
        /* this month's, or the next's or the last's when nearer */
        if (day - rd > 15) m--;
        else if (rd - day > 15) m++;
        if (m < 1) m = 12, y--;
        if (m > 12) m = 1, y++;
        if (day <= lx_days_in_month(y, m)) str_ymd(r, y, m, day);
      }
      return 1;
    }
    /* the first nine months (of 2019) */
    if (N->v == 1 && ok_tok(S, e) && !(S->t[e].flags & LX_TF_CAP)) {
      nxnum M;
      if (number_at(S, e, &M) && M.sfx == SFX_NONE && !M.ord && !M.frac && M.v >= 2 &&
          M.v <= 100) {
        int u2 = tunit_at(S, M.end);
        /* "the first two quarters" (not "the first three quarter results") */
        if (u2 == U_QUARTER && tok_isl(S, M.end, "quarters")) u2 = U_MONTH, M.v *= 3;
        if (u2 && u2 != U_QUARTER && u2 != U_WEEKEND) {
          int y = 0;
          size_t k = of_year(S, M.end + 1, &y);
          if (!k) k = period_end(S, a, M.end + 1);
          res(r, a, M.end + 1 + k, tunit_type(u2), 0);
          str_duration(r, M.v, u2);
          return 1;
        }
      }
    }
    int unit = tunit_at(S, e);
    int halves = tok_isl(S, e, "half");
    /* a period of the year: "the third quarter", and without the article
     * "third-quarter profit", "third quarter earnings", "3RD QTR", "first
     * half sales" (not "a second half", nor a capitalized "Second Half") */
    int period = (ctx & CTX_THE) ||
                 (!(ctx & CTX_MOD) && !(s0 > S->t0 && (tok_isl(S, s0 - 1, "a") ||
                                                        tok_isl(S, s0 - 1, "an"))) &&
                  ((unit == U_QUARTER && lex_cls(S, e) == NX_W_QUARTER) ||
                   (halves && (!(S->t[s0].flags & LX_TF_CAP) ||
                               (S->t[s0].flags & (LX_TF_SENT | LX_TF_ALLCAP))))));
    if (period && (unit == U_QUARTER || halves) && ok_tok(S, e) && N->v >= 1 && N->v <= 4) {
      if (halves && N->v > 2) return 0;
      int y = 0;
      size_t k = of_year(S, e + 1, &y);
      /* "scored early in the second half", "six minutes without scoring in
       * the third quarter": a game's part, its ordinal alone */
      if (!k && game_part(S, s0)) {
        res(r, s0, e + 1, LEDE_T_ORDINAL, N->v); /* the half read, the ordinal kept */
        r->bs = S->t[s0].start;
        r->be = S->t[N->end - 1].end;
        return 1;
      }
      /* "second quarter 1996 results", as tables print it */
      if (!k && ok_tok(S, e + 1) && year_tok(S, e + 1, &y)) {
        if (y >= 1900 && y <= 2099) k = 1;
        else y = 0;
      }
      /* "the second quarter ending Dec. 31": a fiscal quarter, named by
       * the calendar's that ends on that date */
      lx_date d;
      if (!k && (ctx & CTX_THE) && (k = period_end(S, a, e + 1)) && abs_date(S, e + 2, &d) &&
          d.month && d.hour < 0) {
        y = end_date_year(S, e + 1, &d);
        res(r, a, e + 1 + k, LEDE_T_DATE, 0);
        int part = (d.month - 1) / (halves ? 6 : 3) + 1;
        if (y) set_str(r, halves ? "%04d-H%d" : "%04d-Q%d", y, part);
        return 1;
      }
      /* "of fiscal 2002", "of the 2002 fiscal year", "of the fiscal year":
       * a fiscal period, FY2002-Q4 (no value when its year is not printed) */
      if (!k && (k = of_fiscal_year(S, e + 1, &y)) != 0) {
        res(r, a, e + 1 + k, LEDE_T_DATE, 0);
        if (y) set_str(r, halves ? "FY%04d-H%d" : "FY%04d-Q%d", y, (int)N->v);
        return 1;
      }
      res(r, a, e + 1 + k, LEDE_T_DATE, 0);
      str_period(S, a, (int)N->v, halves, 0, y, r);
      return 1;
    }
    /* "the third straight day", "its fifth successive quarter", "the 10th
     * day of the strike" ("a second straight week": det_expr) */
    if ((ctx & CTX_THE) || owned(S, s0, 1)) {
      size_t u = ord_run(S, N);
      /* "the first day of next month", "the 10th day of March": that day */
      nx_res r2;
      int y, m;
      if (u && u == N->end && tunit_at(S, u) == U_DAY && N->v >= 1 && N->v <= 31 &&
          ok_tok(S, u + 2) && tok_isl(S, u + 1, "of") && at_next(S, u + 2, &r2) &&
          r2.type == LEDE_T_DATE && strlen(r2.str) == 7 &&
          sscanf(r2.str, "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12 &&
          N->v <= lx_days_in_month(y, m)) {
        res(r, (ctx & CTX_THE) ? a : s0, r2.b, LEDE_T_DATE, 0);
        str_ymd(r, y, m, (int)N->v);
        return 1;
      }
      if (u) return res(r, (ctx & CTX_THE) ? a : s0, u + 1, tunit_type(tunit_at(S, u)), 0);
    }
    if (unit == U_CENTURY && N->v >= 1 && N->v <= 30) {
      res(r, a, e + 1, LEDE_T_DATE, 0);
      set_str(r, "%02d", (int)N->v - 1);
      return 1;
    }
    /* "the 50th anniversary", "its 100th anniversary": a date (a
     * possessive stays out, as of "its fifth straight quarter") */
    if (tok_isl(S, e, "anniversary") && ok_tok(S, e) && N->v >= 1)
      return res(r, (ctx & CTX_THE) ? a : s0, e + 1, LEDE_T_DATE, 0);
    /* no "the" in an ORDINAL; a capitalized ordinal inside a sentence is a
     * name (First Amendment, Second World War) unless a common noun follows:
     * "the Sixth test", "Second one-day international" (not "of": "the
     * First of the Month") */
    if (N->words && (S->t[s0].flags & LX_TF_CAP) && !opens(S, s0) &&
        !(S->t[s0].flags & LX_TF_ALLCAP) &&
        !(e < S->t1 && S->t[e].kind == LX_TK_WORD && (S->t[e].flags & LX_TF_LOWER) &&
          !tok_isl(S, e, "of")))
      return res(r, s0, e, 0, 0);
    if (N->tail && N->sfx == SFX_HYPHEN) {
      /* "21st-century", "19th-century": the century; "second-largest",
       * "3rd-ranked": the ordinal is the part before the hyphen;
       * "first-class", "second-hand" are no rank */
      if (e - s0 == 1 && !N->words && N->tail[0] >= 'A' && N->tail[0] <= 'Z' &&
          !(S->t[s0].flags & LX_TF_ALLCAP))
        return res(r, s0, e, 0, 0); /* a name: 20th-Century Fox */
      if (e - s0 == 1 && ieq(N->tail, N->tailn, "century") && N->v >= 1 && N->v <= 30) {
        res(r, s0, e, LEDE_T_DATE, 0); /* "the" goes with the noun after */
        set_str(r, "%02d", (int)N->v - 1);
        return 1;
      }
      /* "1st-quarter", "2nd-half" (the words: hyphen_word) */
      int half = ieq(N->tail, N->tailn, "half");
      if (e - s0 == 1 && !N->words && (half || ieq(N->tail, N->tailn, "quarter")) &&
          N->v >= 1 && N->v <= (half ? 2 : 4)) {
        res(r, s0, e, LEDE_T_DATE, 0);
        str_period(S, s0, (int)N->v, half, 0, 0, r);
        return 1;
      }
      if (e - s0 == 1 && rank_tail(N->tail, N->tailn)) {
        res(r, s0, e, LEDE_T_ORDINAL, N->v);
        r->bs = S->t[s0].start;
        r->be = (uint32_t)(N->tail - 1 - S->text);
        return 1;
      }
      return res(r, s0, e, 0, 0);
    }
    /* "meters per second", "a split second": no rank */
    if (N->words && N->v == 2 && e == s0 + 1 && s0 > S->t0 &&
        (tok_isl(S, s0 - 1, "per") || tok_isl(S, s0 - 1, "split")))
      return res(r, s0, e, 0, 0);
    /* "First Commonwealth Bancorp said": an ordinal that opens a sentence
     * and a name of two capitalized words or more is the name's */
    if (N->words && e == s0 + 1 && (S->t[s0].flags & LX_TF_SENT) && ok_tok(S, e + 1) &&
        S->t[e].kind == LX_TK_WORD && S->t[e + 1].kind == LX_TK_WORD &&
        (S->t[e].flags & LX_TF_CAP) && (S->t[e + 1].flags & LX_TF_CAP) && !lex_word(S, e))
      return res(r, s0, e, 0, 0);
    res(r, s0, e, LEDE_T_ORDINAL, N->v);
    return 1;
  }
  /* hyphenated tails: 20-year-old, five-year, 10-mile, 5-10, 2-1 */
  if (N->sfx == SFX_HYPHEN) {
    if (N->hi >= 0) {
      /* a range or a score or a phone number; years first: 1990-1995 has
       * a phone number's shape */
      size_t tk = N->a;
      /* years: 1990-95, 1990-1995 */
      if (N->plain == 0 && N->intd == 4 && N->v >= 1000 && N->v <= 2999 && !N->scaled) {
        /* the range first: the cast of a larger double is UB (1996-0999...) */
        int y1 = (int)N->v, y2 = N->hi <= 9999 ? (int)N->hi : -1;
        size_t hd = 0;
        const char *h = memchr(tstr(S, tk), '-', tlen(S, tk));
        if (h) {
          h++;
          while (h + hd < tstr(S, tk) + tlen(S, tk) && is_digit((unsigned char)h[hd])) hd++;
        }
        if (hd == 2) y2 = y1 / 100 * 100 + y2;
        if ((hd == 2 || hd == 4) && y2 > y1 && y2 - y1 < 100) {
          res(r, a == N->a ? N->a : a, N->a + 1, LEDE_T_DATE, 0);
          set_str(r, "%04d/%04d", y1, y2);
          return 1;
        }
      }
      if (phone_like(tstr(S, tk), tlen(S, tk))) return res(r, N->a, N->a + 1, 0, 0);
      size_t k = percent_at(S, e);
      if (k) return res(r, a, e + k, LEDE_T_PERCENT, N->v);
      char iso[4];
      double f;
      k = currency_at(S, e, 1, iso, &f);
      if (k) {
        res(r, a, e + k, LEDE_T_MONEY, N->v * f);
        set_cstr(r, iso);
        return 1;
      }
      char unit[48];
      k = unit_at(S, e, unit, sizeof unit, &f);
      if (k) {
        res(r, a, e + k, LEDE_T_QUANTITY, N->v * f);
        set_cstr(r, unit);
        return 1;
      }
      int tu = tunit_at(S, e);
      if (tu) return after_tunit(S, a, e, N->v, tu, r);
      /* scores (2-1) and other pairs are not entities */
      return res(r, N->a, e, 0, 0);
    }
    /* "a 50-cent dividend", "a 1-cent increase": a sum */
    if (N->tail && e == N->a + 1 && N->v > 0 && !N->frac && !N->ord &&
        (ieq(N->tail, N->tailn, "cent") || ieq(N->tail, N->tailn, "cents"))) {
      res(r, a, e, LEDE_T_MONEY, N->v / 100);
      set_str(r, "USD");
      return 1;
    }
    if (hyphen_tail(N->a, e, N, r)) {
      if (r->type != LEDE_T_QUANTITY && r->type != LEDE_T_PERCENT) r->a = N->a;
      else r->a = a;
      /* "a 2.5-billion guilder order" */
      char iso[4];
      double f;
      size_t k;
      if (r->type == LEDE_T_CARDINAL && (k = currency_at(S, e, 1, iso, &f)) != 0) {
        r->b = e + k;
        r->type = LEDE_T_MONEY;
        r->num *= f;
        set_cstr(r, iso);
      }
      return 1;
    }
    /* "a 5,000-seat stadium", "a 12-member panel", "a 6.8-magnitude quake",
     * "a three-judge panel", "a two-time champion": the count, its bytes
     * alone (the noun after the hyphen is no unit; "one-" is rather a
     * word's: one-way, one-sided) */
    if ((!N->words || (N->v >= 2 && !N->frac && !N->ord && !N->scaled)) && e == N->a + 1 &&
        N->tailn >= 3 && N->tailn <= 20 && count_noun(N)) {
      /* "the Standard & Poor's 500-stock index", "the FTSE 100-share
       * index": an index's name, no count */
      if ((ieq(N->tail, N->tailn, "stock") || ieq(N->tail, N->tailn, "share") ||
           ieq(N->tail, N->tailn, "issue") || ieq(N->tail, N->tailn, "company")) &&
          ok_tok(S, e) && (tok_isl(S, e, "index") || tok_isl(S, e, "average") ||
                           tok_isl(S, e, "indexes") || tok_isl(S, e, "indices")))
        return res(r, N->a, e, 0, 0);
      /* "1987-model cars": the year */
      if (N->intd == 4 && N->v >= 1900 && N->v <= 2099 && N->v == (int)N->v &&
          (ieq(N->tail, N->tailn, "model") || ieq(N->tail, N->tailn, "season") ||
           ieq(N->tail, N->tailn, "crop") || ieq(N->tail, N->tailn, "vintage"))) {
        res(r, N->a, e, LEDE_T_DATE, 0);
        set_year(r, (int)N->v);
        r->bs = S->t[N->a].start;
        r->be = (uint32_t)(N->tail - 1 - S->text);
        return 1;
      }
      res(r, N->a, e, LEDE_T_CARDINAL, N->v);
      r->bs = S->t[N->a].start;
      r->be = (uint32_t)(N->tail - 1 - S->text);
      return 1;
    }
    return res(r, N->a, e, 0, 0);
  }
  if (N->sfx == SFX_SLASH) {
    /* 2019/20 and 1986/87: a year and the next */
    const char *tl = N->tail;
    size_t tn = N->tailn;
    digits d;
    if (N->intd == 4 && N->plain == 0 && read_digits(tl, tn, &d) && d.k == tn &&
        (tn == 2 || tn == 4) && N->v >= 1000 && N->v <= 2999) {
      int y1 = (int)N->v, y2 = (int)d.v;
      if (tn == 2) y2 += y1 / 100 * 100;
      if (y2 == y1 + 1) {
        res(r, N->a, N->a + 1, LEDE_T_DATE, 0);
        set_str(r, "%04d/%04d", y1, y2);
        return 1;
      }
    }
    return res(r, N->a, N->a + 1, 0, 0);
  }
  if (N->glued_p && !N->scaled) {
    res(r, a, e, LEDE_T_MONEY, N->v / 100);
    set_cstr(r, "GBP");
    return 1;
  }
  if (N->sfx == SFX_OTHER) return res(r, N->a, N->a + 1, 0, 0);
  if (N->decade) {
    int v = (int)N->v;
    /* "in his 40s", "their 20s": an age, not the 1940s (no value) */
    if (N->intd == 2 && owned(S, s0, 0))
      return res(r, (S->t[s0 - 1].flags & LX_TF_POSS) ? s0 : s0 - 1, e, LEDE_T_DATE, 0);
    /* "the low 40s", "the upper 90s": a level, not the 1940s */
    if (N->intd == 2 && s0 > S->t0 &&
        prev_word_in(S, s0, (const char *const[]){"low", "high", "upper", "lower"}, 4))
      return res(r, s0, e, LEDE_T_CARDINAL, v);
    if (N->intd == 2) v += v >= 30 ? 1900 : 2000;
    res(r, (ctx & CTX_THE) ? a : s0, e, LEDE_T_DATE, 0);
    set_str(r, "%03d", v / 10);
    return 1;
  }
  /* a screen's 34", a box 22" long: the inch mark glued to the number (not
   * the closing mark of a quoted "5") */
  if (!N->words && !N->scaled && !(N->plain && N->intd == 4) && e < S->t1 &&
      S->t[e].start == S->t[e - 1].end &&
      tlen(S, e) == 1 && tstr(S, e)[0] == '"' &&
      !(N->a > S->t0 && (S->t[N->a - 1].flags & LX_TF_QUOTE))) {
    res(r, a, e + 1, LEDE_T_QUANTITY, N->v * 0.0254);
    set_str(r, "m");
    return 1;
  }
  /* "a high of 31", "a balmy 62", "a wind chill of minus 25": degrees */
  if (!N->words && !N->scaled && N->sfx == SFX_NONE && N->v >= -80 && N->v <= 130 &&
      e == N->a + 1 && (N->plain || N->v < 0) && weather_number(S, a) &&
      !(ok_tok(S, e) && (percent_at(S, e) || currency_at(S, e, 1, (char[4]){0}, &(double){1}) ||
                         tok_isl(S, e, "degrees") || tok_isl(S, e, "degree") ||
                         temperature_letter(S, e) ||
                         (S->t[e].kind == LX_TK_WORD && (S->t[e].flags & LX_TF_LOWER) &&
                          find_unit_sfx(tstr(S, e), tlen(S, e), 0))))) {
    res(r, a, e, LEDE_T_QUANTITY, N->v);
    set_str(r, "deg");
    return 1;
  }
  /* "5 below zero": a temperature */
  if (tok_isl(S, e, "below") && tok_isl(S, e + 1, "zero") && ok_tok(S, e + 1) && !N->scaled &&
      N->v > 0 && N->v <= 100) {
    res(r, a, e + 2, LEDE_T_QUANTITY, -N->v);
    set_str(r, "deg");
    return 1;
  }
  /* "one and a half years" */
  double v = N->v;
  size_t j = e;
  if (tok_isl(S, j, "and") && tok_isl(S, j + 1, "a") && tok_isl(S, j + 2, "half") &&
      ok_tok(S, j + 2) && !N->scaled) {
    v += 0.5;
    j += 3;
  }
  /* an hour said in words: "two a.m.", "five a.m. Eastern time", "ten
   * tonight", "at twelve forty-five" (a clock time in a broadcast's words) */
  if (N->words && !N->ord && !N->frac && !N->scaled && !N->tail && N->v >= 1 && N->v <= 12 &&
      N->v == (int)N->v && e == N->a + 1 && ok_tok(S, j)) {
    int h = (int)N->v;
    if (lex_cls(S, j) == NX_W_AMPM) {
      const char *p = tstr(S, j);
      int pm = (p[0] | 32) == 'p';
      if (pm && h < 12) h += 12;
      if (!pm && h == 12) h = 0;
      size_t b = j + 1 + spoken_zone(S, j + 1);
      res(r, a, b, LEDE_T_TIME, 0);
      set_str(r, "T%02d:00", h);
      return 1;
    }
    int day;
    size_t q = clock_prep(S, a) || clock_prep(S, N->a) ? day_part_after(S, j, &h, &day) : 0;
    if (q) { /* "until ten tonight", "at five in the morning" (not "beat Portland five
              * to three this afternoon") */
      res(r, a, j + q, LEDE_T_TIME, 0);
      set_clock(S, r, h, 0, day);
      return 1;
    }
    nxnum M;
    if (a > S->t0 && (tok_isl(S, a - 1, "at") || tok_isl(S, a - 1, "until") ||
                      tok_isl(S, a - 1, "till") || tok_isl(S, a - 1, "around")) &&
        S->t[j].kind == LX_TK_WORD && lex_cls(S, j) != NX_W_UNIT && spelled(S, j, &M) &&
        M.end == j + 1 && M.v >= 10 && M.v <= 59 && !M.tail && !M.ord && !M.frac &&
        !(ok_tok(S, j + 1) && S->t[j + 1].kind == LX_TK_WORD &&
          (S->t[j + 1].flags & LX_TF_LOWER) && !tok_isl(S, j + 1, "when") &&
          !tok_isl(S, j + 1, "and") && lex_cls(S, j + 1) != NX_W_AMPM)) {
      /* "at twelve forty-five" (not "at twelve forty-five people") */
      int m = (int)M.v;
      size_t b = j + 1;
      if (ok_tok(S, b) && lex_cls(S, b) == NX_W_AMPM) {
        if ((tstr(S, b)[0] | 32) == 'p' && h < 12) h += 12;
        b++;
      }
      res(r, a, b, LEDE_T_TIME, 0);
      set_str(r, "T%02d:%02d", h, m);
      return 1;
    }
  }
  /* "5 to 8 p.m.", "between 7 and 10 this morning": hours from one to
   * another, the half of the day said after the second; one TIME, no value */
  if (N->plain && N->v >= 1 && N->v <= 12 && N->intd <= 2 && e == N->a + 1 && ok_tok(S, j + 1) &&
      S->t[j + 1].kind == LX_TK_NUM &&
      (tok_isl(S, j, "to") || (tok_isl(S, j, "and") && (ctx & CTX_BETWEEN)))) {
    lx_date d2;
    size_t k2 = abs_date(S, j + 1, &d2);
    if (k2 && d2.hour >= 0 && !d2.month && d2.hour < 24)
      return res(r, a, j + 1 + k2, LEDE_T_TIME, 0);
    nxnum M;
    int h2, day;
    size_t q;
    if (number_at(S, j + 1, &M) && M.plain && M.end == j + 2 && M.v >= 1 && M.v <= 12 &&
        M.v > N->v && (h2 = (int)M.v, q = day_part_after(S, j + 2, &h2, &day)) != 0)
      return res(r, a, j + 2 + q, LEDE_T_TIME, 0);
  }
  /* "10 tonight" */
  if (N->plain && N->v >= 1 && N->v <= 12 && N->intd <= 2 && e == N->a + 1 && ok_tok(S, j)) {
    int h = (int)N->v, day;
    size_t q = day_part_after(S, j, &h, &day);
    if (q && (clock_prep(S, a) || clock_prep(S, N->a))) {
      res(r, a, j + q, LEDE_T_TIME, 0);
      set_clock(S, r, h, 0, day);
      return 1;
    }
  }
  /* a capitalized word that starts a line (tables: "681,000\n Year") is
   * not the unit of the number before it */
  int attach = !(j < S->t1 && (S->t[j].flags & LX_TF_NEWLINE) && (S->t[j].flags & LX_TF_CAP));
  /* most numbers are followed by punctuation or a plain word: nothing to
   * attach, no need to ask */
  if (attach && j < S->t1) {
    const lx_token *u = &S->t[j];
    if ((u->kind == LX_TK_PUNCT && !(u->flags & LX_TF_DASH)) || u->kind == LX_TK_NUM) {
      attach = 0; /* (no unit, currency, range word... is a number: "3 1 0 2" in tables) */
    } else if (u->kind == LX_TK_WORD && (u->flags & LX_TF_LOWER) && !lex(S, j)) {
      unsigned char c0 = (unsigned char)S->text[u->start];
      if (c0 != 'c' && c0 != 'p' && c0 != 'e' && !lx_dict_may_start(S->in->gaz, u->hash))
        attach = 0;
    }
  }
  if (attach && (N->sfx == SFX_NONE || N->sfx == SFX_SCALE)) {
    /* percent */
    size_t k = percent_at(S, j);
    if (k) return res(r, a, j + k, LEDE_T_PERCENT, v);
    /* money after the number */
    char iso[4];
    double f;
    k = currency_at(S, j, 1, iso, &f);
    if (k) {
      /* "pounds": weight before "of" and for small unscaled amounts, but
       * money after a word of paying ("paid 50 pounds", "fined 200
       * pounds") or as a wage ("50,000 pounds a year") */
      if (tok_isl(S, j, "pounds") || tok_isl(S, j, "pound")) {
        static const char *const weighs[] = {"weigh", "weighs", "weighed", "weighing",
                                             "lost", "gained", "put", "shed", "heavier",
                                             "lighter", "weight"};
        /* where pounds are the currency (the dateline's country), a weight
         * only after a word of weighing */
        const char *cc = S->in->cc;
        int home = (cc[0] == 'G' && cc[1] == 'B') || (cc[0] == 'E' && cc[1] == 'G') ||
                   (cc[0] == 'L' && cc[1] == 'B') || (cc[0] == 'S' && cc[1] == 'Y');
        int paid = prev_word_in(S, a, pay_words, LX_COUNTOF(pay_words)) ||
                   ((tok_isl(S, j + k, "a") || tok_isl(S, j + k, "per")) &&
                    tunit_at(S, j + k + 1) && !unit_is_time(tunit_at(S, j + k + 1))) ||
                   (home && !prev_word_in(S, a, weighs, LX_COUNTOF(weighs))) ||
                   /* a price: "2,150 pounds a tonne" */
                   ((tok_isl(S, j + k, "a") || tok_isl(S, j + k, "per")) &&
                    word_in_list(S, j + k + 1, (const char *const[]){"tonne", "ton", "barrel",
                                                                    "ounce", "kilo", "bushel"},
                                 6));
        if (tok_isl(S, j + k, "of") ||
            (!N->scaled && !paid && !tok_isl(S, j + k, "sterling"))) {
          res(r, a, j + k, LEDE_T_QUANTITY, v * 0.45359237);
          set_str(r, "kg");
          return 1;
        }
      }
      res(r, a, j + k, LEDE_T_MONEY, v * f);
      set_cstr(r, iso);
      return 1;
    }
    /* units */
    char unit[48];
    k = unit_at(S, j, unit, sizeof unit, &f);
    if (k) {
      /* a speed: "60 miles an hour", "90 km per hour" */
      if ((strcmp(unit, "km") == 0 || strcmp(unit, "m") == 0) &&
          (tok_isl(S, j + k, "an") || tok_isl(S, j + k, "per") || tok_isl(S, j + k, "a")) &&
          tok_isl(S, j + k + 1, "hour")) {
        res(r, a, j + k + 2, LEDE_T_QUANTITY, unit[1] ? v * f : v * f / 1000);
        set_cstr(r, "km/h");
        return 1;
      }
      /* "33 meters per second" */
      if (strcmp(unit, "m") == 0 && (tok_isl(S, j + k, "per") || tok_isl(S, j + k, "a")) &&
          tok_isl(S, j + k + 1, "second")) {
        res(r, a, j + k + 2, LEDE_T_QUANTITY, v * f);
        set_cstr(r, "m/s");
        return 1;
      }
      /* a measure and a smaller unit of it: "6 feet 2 inches", "2 metres
       * 10 centimetres", one quantity */
      nxnum M;
      char unit2[48];
      double f2;
      size_t k2;
      if (ok_tok(S, j + k) && S->t[j + k].kind == LX_TK_NUM && number_at(S, j + k, &M) &&
          M.sfx == SFX_NONE && !M.ord && !M.frac &&
          (k2 = unit_at(S, M.end, unit2, sizeof unit2, &f2)) != 0 &&
          strcmp(unit, unit2) == 0 && f2 < f && M.v * f2 < f) {
        res(r, a, M.end + k2, LEDE_T_QUANTITY, v * f + M.v * f2);
        set_cstr(r, unit);
        return 1;
      }
      /* and the inches left out: "stands 6 feet 10 and weighs" */
      if (f == 0.3048 && ok_tok(S, j + k) && S->t[j + k].kind == LX_TK_NUM &&
          number_at(S, j + k, &M) && M.plain && M.end == j + k + 1 && M.v >= 1 && M.v <= 11 &&
          (!ok_tok(S, M.end) || S->t[M.end].kind == LX_TK_PUNCT || tok_isl(S, M.end, "and") ||
           tok_isl(S, M.end, "tall") || tok_isl(S, M.end, "but"))) {
        res(r, a, M.end, LEDE_T_QUANTITY, v * f + M.v * 0.0254);
        set_cstr(r, unit);
        return 1;
      }
      res(r, a, j + k, LEDE_T_QUANTITY, v * f);
      set_cstr(r, unit);
      return 1;
    }
    /* "the 2002 fiscal year", "the 1999 calendar year": a year, no count */
    if (N->plain && N->intd == 4 && N->v >= 1000 && N->v <= 2999 && ok_tok(S, j + 1) &&
        tok_isl(S, j + 1, "year") && (tok_isl(S, j, "fiscal") || tok_isl(S, j, "calendar"))) {
      res(r, a, j + 2, LEDE_T_DATE, 0);
      set_str(r, tok_isl(S, j, "fiscal") ? "FY%04d" : "%04d", (int)N->v);
      return 1;
    }
    /* time units; "three straight quarters", "two consecutive months",
     * "three fiscal years" */
    /* and "two more days", "three additional years" */
    if ((run_word(S, j) || tok_isl(S, j, "more") || tok_isl(S, j, "additional") ||
         tok_isl(S, j, "extra")) &&
        ok_tok(S, j + 1)) {
      int su = tunit_at(S, j + 1);
      if (su && su != U_WEEKEND && su != U_CENTURY && !(S->t[j + 1].flags & LX_TF_CAP))
        return after_tunit(S, a, j + 1, v, su, r);
    }
    int tu = tunit_at(S, j);
    if (tu && !(tu == U_QUARTER && lex_cls(S, j) == NX_W_QUARTER)) {
      return after_tunit(S, (ctx & CTX_THE) ? a : a, j, v, tu, r);
    }
    if (tok_isl(S, j, "o'clock") && N->v >= 1 && N->v <= 12) {
      /* "3 o'clock in the afternoon", "10 o'clock at night" */
      int h = (int)N->v;
      size_t b = j + 1;
      if (ok_tok(S, b + 2) && tok_isl(S, b, "in") && tok_isl(S, b + 1, "the") &&
          (tok_isl(S, b + 2, "morning") || tok_isl(S, b + 2, "afternoon") ||
           tok_isl(S, b + 2, "evening"))) {
        if (!tok_isl(S, b + 2, "morning") && h < 12) h += 12;
        if (tok_isl(S, b + 2, "morning") && h == 12) h = 0;
        b += 3;
      } else if (ok_tok(S, b + 1) && tok_isl(S, b, "at") && tok_isl(S, b + 1, "night")) {
        if (h >= 6 && h < 12) h += 12;
        if (h == 12) h = 0;
        b += 2;
      }
      /* "four o'clock this afternoon", "ten o'clock tonight", "9 o'clock
       * last night" */
      int day;
      size_t q = b == j + 1 ? day_part_after(S, b, &h, &day) : 0;
      if (q) {
        res(r, a, b + q, LEDE_T_TIME, 0);
        set_clock(S, r, h, 0, day);
        return 1;
      }
      res(r, a, b, LEDE_T_TIME, 0);
      set_str(r, "T%02d:00", h);
      return 1;
    }
    if ((tok_isl(S, j, "noon") || tok_isl(S, j, "midnight")) && N->v == 12) {
      res(r, a, j + 1, LEDE_T_TIME, 0);
      set_str(r, tok_isl(S, j, "noon") ? "T12:00" : "T00:00");
      return 1;
    }
    /* a range: the unit printed once, after the second number */
    nxnum M;
    if (!(ctx & CTX_INNER) && range_second(S, j, ctx, &M)) {
      nx_res r2;
      /* "three or four days", "5 or 6 percent": an either-or is a range
       * going up, of the unit printed once */
      int either = tok_isl(S, j, "or");
      /* "from 6.10% in 1991 to 7.20% in 2009": a year, then the next level */
      if (N->plain && N->intd == 4 && v >= 1900 && v <= 2099 && N->end == N->a + 1 &&
          !(M.plain && M.intd == 4) && (N->a > S->t0 && year_prep(S, N->a - 1)))
        goto no_range;
      /* "fell 3/8 to 21-5/8 dlrs", "rose 2 to 30 pct": a change by the
       * first to the second, not a range (a range's ends are near) */
      if (tok_isl(S, j, "to") && M.v > 3 * v && !(ctx & CTX_BETWEEN) &&
          (N->a > S->t0 && change_word(S, N->a - 1)))
        goto no_range;
      /* the second number is read once, without ranges of its own */
      if (after_number(S, M.a, &M, CTX_INNER, &r2) && r2.type != LEDE_T_CARDINAL &&
          r2.type != 0 && r2.type != LEDE_T_ORDINAL && r2.a == M.a &&
          !(either && !(v < M.v && (r2.type == LEDE_T_PERCENT || r2.type == LEDE_T_MONEY ||
                                    r2.type == LEDE_T_QUANTITY || r2.str[0] == 'P' ||
                                    tunit_at(S, M.end))))) {
        double lo = v;
        if (!N->scaled && M.scaled) {
          /* 5 to 10 million: the scale of the second */
          double sc = M.v;
          nxnum M0;
          memset(&M0, 0, sizeof M0);
          if (M.words) {
            /* "six to seven mln": the scale words that end the second */
            sc = 1;
            for (size_t k = M.end; k > M.a && lex_cls(S, k - 1) == NX_W_SCALE; k--)
              sc *= lex(S, k - 1)->v;
          } else if (M.sfx == SFX_NONE && num_token(S, M.a, &M0) && M0.v > 0) {
            sc = M.v / M0.v;
          }
          lo *= sc;
        }
        int dunit = tunit_at(S, M.end);
        if ((r2.type == LEDE_T_DATE || r2.type == LEDE_T_TIME) && dunit &&
            !(N->intd == 4 && v >= 1000) && lo < M.v) {
          /* "2 to 3 years", "two to three weeks", "five or six years ago": a
           * duration (or a time ago), valued by its low end */
          if (r2.str[0] == 'P') {
            res(r, a, r2.b, r2.type, 0);
            str_duration(r, lo, dunit);
            return 1;
          }
          if (tok_isl(S, M.end + 1, "ago")) {
            after_tunit(S, a, M.end, lo, dunit, r);
            return 1;
          }
        }
        if (either && r2.type == LEDE_T_DATE) goto no_range;
        if (r2.type == LEDE_T_DATE) {
          /* 1982 to 1985: both years */
          if (!(N->plain && N->intd == 4 && v >= 1000 && v <= 2999 && r2.str[0] &&
                strlen(r2.str) == 4))
            goto no_range;
          res(r, a, r2.b, LEDE_T_DATE, 0);
          set_str(r, "%04d/%s", (int)v, r2.str);
          return 1;
        }
        if (r2.type == LEDE_T_TIME) goto no_range;
        *r = r2;
        r->a = a;
        if (r2.type == LEDE_T_MONEY || r2.type == LEDE_T_QUANTITY) {
          /* same factor as the second */
          double f2 = M.v != 0 ? r2.num / M.v : 1;
          r->num = lo * f2;
        } else if (r2.type == LEDE_T_PERCENT) {
          r->num = lo;
        }
        return 1;
      }
      /* between 500,000 and 600,000: one CARDINAL */
      if ((ctx & CTX_BETWEEN) && r2.type == LEDE_T_CARDINAL && tok_isl(S, j, "and")) {
        /* "aged between 19 and 44": ages, a DATE without a value */
        if (N->plain && e == N->a + 1 && v >= 1 && M.v <= 120 &&
            age_context(S, a, N->a, e) != SIZE_MAX)
          return res(r, a, r2.b, LEDE_T_DATE, 0);
        res(r, a, r2.b, LEDE_T_CARDINAL, v);
        return 1;
      }
      /* "two or three buyers", "5 or 6 times": one CARDINAL */
      if (either && r2.type == LEDE_T_CARDINAL && !r2.str[0] && r2.a == M.a && v >= 1 &&
          v < M.v && M.v <= 1000 && N->words == M.words && !N->ord && !N->frac &&
          (N->words || (N->plain && e == N->a + 1))) {
        res(r, a, r2.b, LEDE_T_CARDINAL, v);
        return 1;
      }
    }
  no_range:;
  }
  if (N->sfx == SFX_UNIT) {
    /* "2.1m votes", "1.5m barrels": millions of what is counted, not metres */
    static const char *const counted[] = {
        "people",    "votes",     "voters",    "shares",   "barrels",   "tonnes",   "tons",
        "users",     "customers", "subscribers", "viewers", "passengers", "visitors",
        "tourists",  "copies",    "units",     "jobs",     "households", "homes",   "residents",
        "children",  "workers",   "members",   "acres",    "hectares",  "cars",     "vehicles",
        "doses",     "cases",     "deaths",    "tickets",  "downloads", "followers", "readers",
        "students",  "patients",  "refugees",  "employees", "signatures", "animals", "trees"};
    if (N->glued_m && ok_tok(S, e) && (S->t[e].flags & LX_TF_LOWER)) {
      int count = tok_in(S, e, counted, LX_COUNTOF(counted));
      if (count) {
        char unit[48];
        double f;
        size_t k = unit_at(S, e, unit, sizeof unit, &f);
        if (k) {
          res(r, a, e + k, LEDE_T_QUANTITY, v * 1e6 * f);
          set_cstr(r, unit);
        } else {
          res(r, a, e, LEDE_T_CARDINAL, v * 1e6);
        }
        return 1;
      }
    }
    /* 100m: metres; 10km; 5MW; but a capital M alone is no metre ("3M", a
     * company; "5M" millions of something) */
    if (N->glued_m && S->text[S->t[e - 1].end - 1] == 'M') return res(r, N->a, e, 0, 0);
    const unitsfx *u = N->gunit;
    res(r, a, e, LEDE_T_QUANTITY, v * u->factor);
    set_cstr(r, u->unit);
    return 1;
  }
  /* "around 150 B.C.", "AD 79" is read with its era: a year, no value */
  if (N->plain && !N->scaled && e == N->a + 1 && ok_tok(S, e) && (S->t[e].flags & LX_TF_CAP) &&
      (tok_isl(S, e, "b.c.") || tok_isl(S, e, "bc") || tok_isl(S, e, "bce") ||
       tok_isl(S, e, "a.d.") || tok_isl(S, e, "ad")))
    return res(r, a, e + 1, LEDE_T_DATE, 0);
  /* years */
  if (N->plain && N->intd == 4 && N->v >= 1000 && N->v <= 2999 && !N->scaled && !N->words) {
    int y = (int)N->v;
    int prep = (N->a > S->t0 && year_prep(S, N->a - 1));
    int yearish = y >= 1900 && y <= 2099;
    int plural_after = 0;
    if (e < S->t1 && S->t[e].kind == LX_TK_WORD && (S->t[e].flags & LX_TF_LOWER)) {
      const char *s = tstr(S, e);
      size_t n = tlen(S, e);
      /* "2018 cars" counts; "2018 analysis", "2018 census" do not */
      plural_after = n > 3 && s[n - 1] == 's' && s[n - 2] != 's' && s[n - 2] != 'i' &&
                     s[n - 2] != 'u' && !lex(S, e);
      /* "1987 sales", "1990 earnings": what a year's accounts report */
      static const char *const accounts[] = {"sales", "earnings", "results", "revenues",
                                             "profits", "losses", "figures", "exports",
                                             "imports", "elections", "accounts", "shipments"};
      if (plural_after && yearish)
        if (tok_in(S, e, accounts, LX_COUNTOF(accounts))) plural_after = 0;
      /* "a 2018 study": an article before the number, no plural after it;
       * "the 1990 results", "its 1989 sales", "the company's 1988
       * earnings": a determiner before a year-like number (a count that
       * large takes a comma: "the 1,990 results") */
      if (N->a > S->t0 && (tok_isl(S, N->a - 1, "a") || tok_isl(S, N->a - 1, "an") ||
                           (yearish && owned(S, N->a, 1))))
        plural_after = 0;
    }
    if (prep || (yearish && !plural_after)) {
      if (after_name(S, N->a) && !prep) return res(r, N->a, e, 0, 0);
      res(r, N->a, e, LEDE_T_DATE, 0);
      set_year(r, y);
      return 1;
    }
  }
  /* "shoppers 60 and older", "those 18 or younger": ages */
  if (N->plain && N->v >= 1 && N->v <= 120 && e == N->a + 1 && ok_tok(S, e + 1) &&
      (tok_isl(S, e, "and") || tok_isl(S, e, "or")) &&
      (tok_isl(S, e + 1, "older") || tok_isl(S, e + 1, "younger")))
    return res(r, a, e + 2, LEDE_T_DATE, 0);
  /* an age said so: "At 78, Biden is", "people over 70", "those aged 18" */
  size_t age_a;
  /* (in words from two: "I was nineteen"; "he is one" is the pronoun) */
  if ((N->plain || (N->words && !N->frac && !N->ord && !N->tail && N->v >= 2)) && N->v >= 1 &&
      N->v <= 120 && e == N->a + 1 &&
      (age_a = age_context(S, a, N->a, e)) != SIZE_MAX) {
    /* "people aged 65 and above" ("and older" is read before) */
    if (ok_tok(S, e + 1) && tok_isl(S, e, "and") &&
        (tok_isl(S, e + 1, "above") || tok_isl(S, e + 1, "over"))) {
      res(r, age_a, e + 2, LEDE_T_DATE, 0);
      return 1;
    }
    /* ages from one to another: "aged 12 to 17", "aged between 19 and 44",
     * one span, no value (two ages are two: "aged 19 and 23") */
    nxnum M;
    if (ok_tok(S, e + 1) && (tok_isl(S, e, "to") || (tok_isl(S, e, "and") && age_a < N->a)) &&
        S->t[e + 1].kind == LX_TK_NUM && number_at(S, e + 1, &M) && M.plain &&
        M.end == e + 2 && M.v > N->v && M.v <= 120) {
      res(r, age_a, e + 2, LEDE_T_DATE, 0);
      return 1;
    }
    res(r, age_a, e, LEDE_T_DATE, 0);
    str_duration(r, N->v, U_YEAR);
    return 1;
  }
  /* an age in apposition to a name or a person: "Mr. Smith, 52, was named
   * chairman", "The driver, 52, survived" */
  /* (and two of them: "two women, 68 and 72, and a boy") */
  if (N->plain && N->v >= 1 && N->v <= 99 && e == N->a + 1) {
    size_t h = SIZE_MAX; /* the token before the comma */
    if (N->a >= S->t0 + 2 && tok_isl(S, N->a - 1, ",")) {
      h = N->a - 2;
    } else if (N->a >= S->t0 + 4 && tok_isl(S, N->a - 1, "and") &&
               S->t[N->a - 2].kind == LX_TK_NUM && tlen(S, N->a - 2) <= 2 &&
               tok_isl(S, N->a - 3, ",")) {
      h = N->a - 4;
    }
    int pair = ok_tok(S, e + 2) && tok_isl(S, e, "and") && S->t[e + 1].kind == LX_TK_NUM &&
               tlen(S, e + 1) <= 2 && tok_isl(S, e + 2, ",");
    if (h != SIZE_MAX && S->t[h].kind == LX_TK_WORD && appos_person(S, h) && ok_tok(S, e) &&
        (tok_isl(S, e, ",") || tok_isl(S, e, ".") || tok_isl(S, e, ";") || pair)) {
      res(r, N->a, e, LEDE_T_DATE, 0);
      str_duration(r, N->v, U_YEAR);
      return 1;
    }
  }
  /* an age in a life: "left school at 14 to work", "moved to New York at
   * 16 and joined", "went to RADA at 17" (a verb of a life's step before
   * it in the clause, no market's word) */
  if (N->plain && N->v >= 5 && N->v <= 99 && e == N->a + 1 && N->a > S->t0 &&
      tok_isl(S, N->a - 1, "at") && ok_tok(S, e) &&
      (is_punct(S, e, ',') || is_punct(S, e, '.') || tok_isl(S, e, "and") ||
       (tok_isl(S, e, "to") && ok_tok(S, e + 1) && S->t[e + 1].kind == LX_TK_WORD &&
        (S->t[e + 1].flags & LX_TF_LOWER))) &&
      life_step(S, N->a - 1)) {
    res(r, N->a, e, LEDE_T_DATE, 0);
    str_duration(r, N->v, U_YEAR);
    return 1;
  }
  /* a bare number; a name's number is digits alone ("Boeing 737", "Apollo
   * 13"), not "Net 5,400,000" nor "Revs 112.5 mln" in a table of results */
  if (!N->words && (N->plain || N->sfx != SFX_NONE) && after_name(S, N->a))
    return res(r, N->a, e, 0, 0);
  if (N->words && (S->t[s0].flags & LX_TF_CAP) && !opens(S, s0) &&
      !(S->t[s0].flags & LX_TF_ALLCAP) && !(ctx & CTX_MOD))
    return res(r, s0, e, 0, 0);
  if (N->words && N->tail) return res(r, s0, e, 0, 0);
  /* "one in seven roles", "about one in 10 adults", "four out of five",
   * "three of every 10": a share, one CARDINAL valued as the fraction (not
   * "one in 2019", a year; read before "one" the pronoun: "found that one
   * in four families") */
  if (N->v >= 1 && N->v <= 10 && !N->frac && !N->scaled) {
    size_t in = tok_isl(S, e, "in") ? e + 1
                : (tok_isl(S, e, "out") && tok_isl(S, e + 1, "of")) ? e + 2
                : (tok_isl(S, e, "of") && tok_isl(S, e + 1, "every")) ? e + 2 : 0;
    if (in && tok_isl(S, in, "every") && in == e + 1) in++; /* "one in every five" */
    nxnum M;
    if (in && ok_tok(S, in) &&
        (S->t[in].kind == LX_TK_NUM || lex_cls(S, in) == NX_W_UNIT ||
         lex_cls(S, in) == NX_W_TENS) &&
        number_at(S, in, &M) && M.sfx == SFX_NONE && !M.frac && !M.ord && !M.decade &&
        M.v > N->v && (M.v <= 1000 || M.scaled) && !(M.plain && M.intd == 4))
      return res(r, a, M.end, LEDE_T_CARDINAL, N->v / M.v);
  }
  /* "one" the pronoun: the one, no one, one another, one's */
  if (N->words && N->v == 1 && e == s0 + 1 && !N->frac) {
    static const char *const det[] = {"the", "this", "that", "no", "any", "every", "each",
                                      "which", "another", "last", "little", "big",
                                      "new", "old", "someone", "everyone", "such", "right",
                                      "wrong", "first", "next", "same", "latest", "other"};
    if (prev_word_in(S, s0, det, LX_COUNTOF(det)) || tok_isl(S, e, "another") ||
        tok_isl(S, e, "'s") ||
        tok_isl(S, e, "thing") || tok_isl(S, e, "way"))
      return res(r, s0, e, 0, 0);
    /* "the only one", "his only one"; but "only one company", "only one in
     * five" count */
    static const char *const owner[] = {"the", "my", "your", "his", "her", "its", "our",
                                        "their"};
    if (s0 > S->t0 + 1 && tok_isl(S, s0 - 1, "only") &&
        prev_word_in(S, s0 - 1, owner, LX_COUNTOF(owner)))
      return res(r, s0, e, 0, 0);
    /* "the smaller one,", "a bigger one that", "the largest one was" (not
     * "the number one buyer") */
    if (s0 > S->t0 + 1 && S->t[s0 - 1].kind == LX_TK_WORD &&
        (!ok_tok(S, e) || S->t[e].kind == LX_TK_PUNCT || tok_isl(S, e, "that") ||
         tok_isl(S, e, "is") || tok_isl(S, e, "was") || tok_isl(S, e, "which")) &&
        (S->t[s0 - 1].flags & LX_TF_LOWER) && tlen(S, s0 - 1) >= 4 &&
        (ieq(tstr(S, s0 - 1) + tlen(S, s0 - 1) - 2, 2, "er") ||
         ieq(tstr(S, s0 - 1) + tlen(S, s0 - 1) - 3, 3, "est")) &&
        prev_word_in(S, s0 - 1, (const char *const[]){"the", "a", "an", "this", "that"}, 5))
      return res(r, s0, e, 0, 0);
  }
  /* "a quarter" alone is not a number; fractions of a thing are */
  res(r, a, e, LEDE_T_CARDINAL, v);
  return 1;
}

/* ---- modifiers ---------------------------------------------------------------------- */

/* Modifier words at i that belong to a following number ("more than", "at
 * least", "up to", "as many as", "nearly"). Returns the index after them
 * (i if none) and sets *between for "between". */
static size_t modifiers(const nx *S, size_t i, int *between) {
  size_t j = i;
  *between = 0;
  for (int rounds = 0; rounds < 3 && ok_tok(S, j); rounds++) {
    const nx_word *w = lex(S, j);
    /* "close to two million" (a number must follow: not "close to the border") */
    if (w && w->cls == NX_W_EDGE && tok_isl(S, j, "close") && tok_isl(S, j + 1, "to")) {
      j += 2;
      continue;
    }
    if (!w || w->cls != NX_W_MOD) {
      if (w && w->cls == NX_W_DET && tok_isl(S, j, "an") && tok_isl(S, j + 1, "estimated")) {
        j += 2;
        continue;
      }
      break;
    }
    int kind = (int)w->v;
    if (kind == 1) {
      /* "an estimated 300" (read with its article, above), not "the
       * estimated 150,000 soldiers" */
      if (tok_isl(S, j, "estimated")) break;
      /* "above", "below" and "just" alone are no part of a number ("trading
       * above $1.34", "grew just 2.5%"); "just over" is */
      if (tok_isl(S, j, "above") || tok_isl(S, j, "below")) break;
      /* "Under one of the agreements": a preposition before "one of" */
      if ((tok_isl(S, j, "under") || tok_isl(S, j, "over")) && tok_isl(S, j + 1, "one") &&
          tok_isl(S, j + 2, "of"))
        break;
      /* "has taken over 412 thrifts", "handed over 20 rifles": a verb's
       * particle */
      if (tok_isl(S, j, "over") &&
          prev_word_in(S, j, (const char *const[]){"take", "takes", "taken", "taking", "took",
                                                   "hand", "hands", "handed", "handing",
                                                   "turn", "turns", "turned", "turning",
                                                   "took", "pass", "passed", "passing"},
                       17))
        break;
      /* "Under as many as 11 coats": a preposition before a modifier */
      if ((tok_isl(S, j, "under") || tok_isl(S, j, "over")) &&
          (lex_cls(S, j + 1) == NX_W_MOD || tok_isl(S, j + 1, "as")))
        break;
      if (tok_isl(S, j, "just") && !(tok_isl(S, j + 1, "over") || tok_isl(S, j + 1, "under") ||
                                     tok_isl(S, j + 1, "shy")))
        break;
      j++;
      continue;
    }
    if (kind == 2) {
      if (tok_isl(S, j + 1, "than")) {
        j += 2;
        continue;
      }
      break;
    }
    /* kind 3: two-word modifiers */
    if (tok_isl(S, j, "up") && tok_isl(S, j + 1, "to")) {
      /* "pushing its yield up to 7.98% from 7.91%": a change, not a bound */
      size_t k = j + 2;
      while (k < S->t1 && k < j + 6 && S->t[k].kind != LX_TK_WORD) k++;
      if (k < S->t1 && (tok_isl(S, k, "percent") || tok_isl(S, k, "pct") ||
                        lex_cls(S, k) == NX_W_SCALE))
        k++;
      if (ok_tok(S, k) && tok_isl(S, k, "from")) break;
      /* "should climb back up to around 35 degrees", "went up to $5": a
       * verb's particle (not "buy back up to five million shares") */
      static const char *const moves[] = {
          "climb",  "climbed", "climbing", "go",     "goes",    "went",    "going",
          "gone",   "come",   "came",    "coming",   "moved",  "moving",  "jumped",  "jumping",
          "rose",   "rising", "shot",    "shooting", "pushed", "pushing", "brought", "ramped",
          "ramping", "stepped", "edged", "edging",   "ran",    "running", "crept",   "inched"};
      size_t v = j > S->t0 && tok_isl(S, j - 1, "back") ? j - 1 : j;
      if (prev_word_in(S, v, moves, LX_COUNTOF(moves))) break;
      j += 2;
      continue;
    }
    if (tok_isl(S, j, "at") && (tok_isl(S, j + 1, "least") || tok_isl(S, j + 1, "most"))) {
      j += 2;
      continue;
    }
    if (tok_isl(S, j, "as") &&
        (tok_isl(S, j + 1, "many") || tok_isl(S, j + 1, "much") || tok_isl(S, j + 1, "few") ||
         tok_isl(S, j + 1, "little") || tok_isl(S, j + 1, "long") || tok_isl(S, j + 1, "high")) &&
        tok_isl(S, j + 2, "as")) {
      j += 3;
      continue;
    }
    if (tok_isl(S, j, "well") && (lex_cls(S, j + 1) == NX_W_MOD)) { j++; continue; }
    if (tok_isl(S, j, "between")) {
      *between = 1;
      j++;
      continue;
    }
    break;
  }
  return j;
}

/* ---- temporal words ------------------------------------------------------------------ */

/* "last year", "next month", "this week", "past two years", "the coming
 * months", "last Tuesday", "this morning", "last night", "last summer".
 * i is the REL word; a the span start ("the"). */
static int rel_expr(const nx *S, size_t a, size_t i, int the, nx_res *r) {
  const nx_word *w = lex(S, i);
  if (!w) return 0;
  int dir = (int)w->v;
  int is_past = ieq(w->w, w->n, "past") || ieq(w->w, w->n, "coming") ||
                ieq(w->w, w->n, "following") || ieq(w->w, w->n, "preceding") ||
                ieq(w->w, w->n, "ensuing") || ieq(w->w, w->n, "upcoming") ||
                ieq(w->w, w->n, "prior");
  int is_same = ieq(w->w, w->n, "same");
  if (is_same) return 0;
  size_t j = i + 1;
  if (!ok_tok(S, j)) return 0;
  /* "this season", "last season", "the previous season": a sport's or a
   * crop's season, a DATE of no fixed bounds */
  if (tok_isl(S, j, "season") && (S->t[j].flags & LX_TF_LOWER) &&
      (ieq(w->w, w->n, "this") || ieq(w->w, w->n, "last") || ieq(w->w, w->n, "next") ||
       ieq(w->w, w->n, "previous") || ieq(w->w, w->n, "coming")))
    return res(r, a, j + 1, LEDE_T_DATE, 0);
  /* "the current fiscal year", "last fiscal year": FY2020, FY2019 */
  int fiscal = 0;
  if (tok_isl(S, j, "fiscal") && ok_tok(S, j + 1) &&
      (tok_isl(S, j + 1, "year") || lex_cls(S, j + 1) == NX_W_QUARTER)) {
    fiscal = 1;
    j++;
  }
  /* the past two years, the next five months, the last few days */
  nxnum N;
  if ((S->t[j].kind == LX_TK_NUM || lex_cls(S, j) == NX_W_UNIT ||
       lex_cls(S, j) == NX_W_TENS || lex_cls(S, j) == NX_W_FEW) &&
      !ieq(w->w, w->n, "this")) {
    double n = -1;
    size_t k = j;
    if (lex_cls(S, j) == NX_W_FEW) {
      k = j + 1;
    } else if (number_at(S, j, &N) && N.sfx == SFX_NONE && !N.ord && !N.frac) {
      n = N.v;
      k = N.end;
    } else {
      return 0;
    }
    if (run_word(S, k) && ok_tok(S, k + 1) && tunit_at(S, k + 1)) k++;
    int unit = tunit_at(S, k);
    if (!unit) return 0;
    res(r, a, k + 1, tunit_type(unit), 0);
    str_duration(r, n, unit);
    return 1;
  }
  const nx_word *u = lex(S, j);
  if (!u) return 0;
  switch (u->cls) {
    case NX_W_TUNIT: {
      int unit = (int)u->v;
      const char *s = tstr(S, j);
      size_t n = tlen(S, j);
      int plural = s[n - 1] == 's' || s[n - 1] == 'S';
      if (plural && unit != U_HOUR) {
        /* the coming months, the past weeks */
        res(r, a, j + 1, tunit_type(unit), 0);
        str_duration(r, -1, unit);
        return 1;
      }
      if (unit_is_time(unit)) {
        if (!the) return 0;
        res(r, a, j + 1, LEDE_T_TIME, 0);
        str_duration(r, 1, unit);
        return 1;
      }
      if ((the || is_past) && dir != 0) {
        /* the past year, the last decade: a duration ("the current
         * year" is this one) */
        res(r, a, j + 1, LEDE_T_DATE, 0);
        str_duration(r, 1, unit);
        return 1;
      }
      res(r, a, j + 1, LEDE_T_DATE, 0);
      if (!str_rel_unit(S, unit, dir, r)) str_duration(r, 1, unit);
      if (fiscal && unit == U_YEAR && r->str[0] != 'X') {
        char y[sizeof r->str];
        memcpy(y, r->str, sizeof y);
        set_str(r, "FY%.4s", y);
      }
      return 1;
    }
    case NX_W_QUARTER: {
      res(r, a, j + 1, LEDE_T_DATE, 0);
      str_period(S, a, 0, 0, dir, 0, r);
      return 1;
    }
    case NX_W_MONTH: {
      if (!(S->t[j].flags & LX_TF_CAP)) return 0;
      /* "next Oct. 1": the day too */
      nxnum D;
      if (ok_tok(S, j + 1) && S->t[j + 1].kind == LX_TK_NUM && number_at(S, j + 1, &D) &&
          D.plain && D.end == j + 2 && D.intd <= 2 && D.v >= 1 && D.v <= 31) {
        int y = year_for_month(S, a, (int)u->v, dir);
        res(r, a, j + 2, LEDE_T_DATE, 0);
        if (y) set_str(r, "%04d-%02d-%02d", y, (int)u->v, (int)D.v);
        else set_str(r, "--%02d-%02d", (int)u->v, (int)D.v);
        return 1;
      }
      res(r, a, j + 1, LEDE_T_DATE, 0);
      str_month(S, a, (int)u->v, dir, r);
      return 1;
    }
    case NX_W_WDAY: {
      if (!(S->t[j].flags & LX_TF_CAP)) return 0;
      int p = part_after(S, j + 1);
      res(r, a, j + 1 + (p ? 1 : 0), p ? LEDE_T_TIME : LEDE_T_DATE, 0);
      resolve_wday(S, a, (int)u->v, dir == 0 ? 0 : dir, r);
      if (p) add_time_of_day(r, part_code[p]);
      return 1;
    }
    case NX_W_SEASON: {
      int y = 0;
      size_t k = of_year(S, j + 1, &y);
      res(r, a, j + 1 + k, LEDE_T_DATE, 0);
      str_season(S, (int)u->v, dir, y, r);
      return 1;
    }
    case NX_W_PART: {
      /* this morning, last night, this evening */
      int p = (int)u->v;
      if (!ieq(w->w, w->n, "this") && !ieq(w->w, w->n, "last")) return 0;
      if (ieq(w->w, w->n, "last") && p != 4 && p != 3) return 0;
      res(r, a, j + 1, LEDE_T_TIME, 0);
      if (has_ymd(S)) {
        const lx_date *R = &S->in->ref;
        int y, m, d;
        add_days(R->year, R->month, R->day, ieq(w->w, w->n, "last") ? -1 : 0, &y, &m, &d);
        set_str(r, "%04d-%02d-%02dT%s", y, m, d, part_code[p]);
      } else {
        set_str(r, "XXXX-XX-XXT%s", part_code[p]);
      }
      return 1;
    }
    case NX_W_HOLIDAY: {
      if (is_past || the) return 0;
      return holiday_expr(S, a, j, ieq(w->w, w->n, "this") ? 2 : dir, r);
    }
    case NX_W_HALF: {
      /* the last half? rare; "the first half" goes through ordinals */
      return 0;
    }
    default: return 0;
  }
}

/* "early/mid/late" + year, month, decade, weekday, REL phrase. */
static int early_expr(const nx *S, size_t a, size_t j, nx_res *r);

/* Words before "the year", "the quarter"... that make it a period of
 * time: "for the year", "earlier in the day", "the rest of the week". */
static const char *const period_preps[] = {"in", "for", "during", "through", "throughout",
                                           "over", "into", "within"};
static const char *const period_parts[] = {"rest", "remainder", "balance", "course", "most",
                                           "much", "part", "some", "all"};

static const char *const free_words[] = {"of",   "to",   "after", "before", "since", "until",
                                         "now",  "and",  "or",    "but",    "on",    "in",
                                         "at",   "when", "while", "as",     "with",  "from",
                                         "by",   "during"};

/* Whether what is at j lets a bare time word end there ("for years.",
 * "within hours of", "for years to come"; not "in hours worked", "after
 * hours trading", "in years three"). */
static int free_after(const nx *S, size_t j) {
  if (j >= S->t1 || S->t[j].kind == LX_TK_PUNCT) return 1;
  return S->t[j].kind == LX_TK_WORD &&
         prev_word_in(S, j + 1, free_words, LX_COUNTOF(free_words));
}

/* "the opposition daily La Voie", "the news weekly Der Spiegel", "the daily
 * Sueddeutsche Zeitung on Saturday": daily or weekly names a paper when a
 * kind of paper comes before it, or when the capitalized words after it end
 * the phrase ("The weekly U.S. soybean crush" stays a set). */
static int paper_name(const nx *S, size_t i) {
  static const char *const kinds[] = {"business", "conservative", "economic",
                                      "english-language", "evening", "financial", "government",
                                      "independent", "influential", "leading", "liberal",
                                      "local", "morning", "national", "news", "newsmagazine",
                                      "official", "opposition", "party", "popular",
                                      "pro-government", "regional", "sports", "state",
                                      "state-run", "tabloid"};
  static const char *const next[] = {"added", "carried", "cited", "earlier", "had", "has",
                                     "in", "is", "last", "late", "newspaper", "on",
                                     "published", "quoted", "quoting", "reported", "reports",
                                     "said", "says", "that", "this", "was", "which", "wrote"};
  const lx_token *t = &S->t[i];
  if ((t->flags & LX_TF_ALLCAP) || !ok_tok(S, i + 1)) return 0;
  size_t j = i + 1;
  while (j < S->t1 && j < i + 5 && (S->t[j].flags & LX_TF_CAP) &&
         !(S->t[j].flags & LX_TF_SENT) && !lex(S, j))
    j++;
  if (j == i + 1) return 0;
  if (i > S->t0)
    for (size_t k = 0; k < LX_COUNTOF(kinds); k++)
      if (tok_is_n(S, i - 1, kinds[k], strlen(kinds[k]))) return 1;
  if (j >= S->t1 || (S->t[j].flags & LX_TF_PARA)) return 1;
  if (S->t[j].kind == LX_TK_PUNCT) return !(S->t[j - 1].flags & LX_TF_PERIOD);
  for (size_t k = 0; k < LX_COUNTOF(next); k++)
    if (tok_is_n(S, j, next[k], strlen(next[k]))) return 1;
  return 0;
}

/* Temporal expressions led by a word; a is the span start. */
static int temporal_word(const nx *S, size_t a, size_t i, int the, nx_res *r) {
  const nx_word *w = lex(S, i);
  if (!w) return 0;
  const lx_token *t = &S->t[i];
  switch (w->cls) {
    case NX_W_REL:
      /* "will last seven days", "to last a year", "begin at 3:13 and last 3
       * minutes": the verb, a duration after it (not "due to last year's",
       * "similar to last week") */
      if (a == i && i > S->t0 && tok_isl(S, i, "last") && ok_tok(S, i + 1) &&
          (S->t[i + 1].kind == LX_TK_NUM || lex_cls(S, i + 1) == NX_W_UNIT ||
           lex_cls(S, i + 1) == NX_W_TENS || tok_isl(S, i + 1, "a") ||
           tok_isl(S, i + 1, "an") || tok_isl(S, i + 1, "for") || tok_isl(S, i + 1, "until")) &&
          prev_word_in(S, i, (const char *const[]){"will", "would", "to", "could", "can", "may",
                                                   "might", "should", "must", "'ll", "and"}, 11))
        return 0;
      /* "read following 14 hours of deliberation": a preposition, "the
       * following two days" is a period */
      if (a == i && tok_isl(S, i, "following") && ok_tok(S, i + 1) &&
          (S->t[i + 1].kind == LX_TK_NUM || lex_cls(S, i + 1) == NX_W_UNIT ||
           lex_cls(S, i + 1) == NX_W_TENS))
        return 0;
      return rel_expr(S, a, i, the, r);
    case NX_W_THAT: {
      /* "that afternoon", "that day", "that summer": a time the story has
       * named before, no value here */
      size_t j = i + 1;
      const nx_word *u = ok_tok(S, j) && (S->t[j].flags & LX_TF_LOWER) ? lex(S, j) : NULL;
      if (!u) return 0;
      const char *s = tstr(S, j);
      if ((s[tlen(S, j) - 1] | 32) == 's' && u->cls != NX_W_TUNIT) return 0;
      if (u->cls == NX_W_PART) {
        res(r, a, j + 1, LEDE_T_TIME, 0);
        return 1;
      }
      /* not "noted that spring crops yield less" */
      if (u->cls == NX_W_SEASON && ok_tok(S, j + 1) && S->t[j + 1].kind == LX_TK_WORD &&
          (S->t[j + 1].flags & LX_TF_LOWER) && !lex(S, j + 1))
        return 0;
      if (u->cls == NX_W_SEASON ||
          (u->cls == NX_W_TUNIT && (u->v == U_DAY || u->v == U_WEEK || u->v == U_MONTH ||
                                    u->v == U_YEAR || u->v == U_WEEKEND) &&
           (s[tlen(S, j) - 1] | 32) != 's')) {
        res(r, a, j + 1, LEDE_T_DATE, 0);
        return 1;
      }
      return 0;
    }
    case NX_W_RECENT: {
      int unit = tunit_at(S, i + 1);
      if (!unit) return 0;
      const char *s = tstr(S, i + 1);
      if ((s[tlen(S, i + 1) - 1] | 32) != 's') return 0;
      res(r, a, i + 2, tunit_type(unit), 0);
      str_duration(r, -1, unit);
      return 1;
    }
    case NX_W_DAYREL: {
      int dir = (int)w->v;
      int p = part_after(S, i + 1);
      res(r, a, i + 1 + (p ? 1 : 0), p ? LEDE_T_TIME : LEDE_T_DATE, 0);
      str_rel_unit(S, U_DAY, dir, r);
      if (p) add_time_of_day(r, part_code[p]);
      return 1;
    }
    case NX_W_TONIGHT: {
      res(r, a, i + 1, LEDE_T_TIME, 0);
      str_rel_unit(S, U_DAY, 0, r);
      add_time_of_day(r, "NI");
      return 1;
    }
    case NX_W_NOON: {
      if (the) return 0;
      /* "midnight Sunday", "noon Tuesday": the hour of that day */
      size_t j = i + 1;
      if (ok_tok(S, j) && (S->t[j].flags & LX_TF_CAP) && tlen(S, j) > 4 &&
          lex_cls(S, j) == NX_W_WDAY) {
        res(r, a, j + 1, LEDE_T_TIME, 0);
        resolve_wday(S, j, (int)lex(S, j)->v, 0, r);
        add_time_of_day(r, w->v == 12 ? "12:00" : "00:00"); /* noon, midnight */
        return 1;
      }
      res(r, a, i + 1, LEDE_T_TIME, 0);
      set_str(r, "T%02d:00", (int)w->v);
      return 1;
    }
    case NX_W_WDAY: {
      if (!(t->flags & LX_TF_CAP)) return 0;
      lx_date d;
      size_t k = abs_date(S, i, &d);
      if (k) return abs_result(S, a, i, k, &d, r);
      /* abbreviations alone are too ambiguous (Sun, Sat, Wed) */
      size_t n = tlen(S, i);
      if (n <= 4 && !(t->flags & LX_TF_PERIOD)) return 0;
      if (n <= 4 && (tok_isl(S, i, "sun.") || tok_isl(S, i, "sat."))) return 0;
      if (the) return 0;
      int p = part_after(S, i + 1);
      res(r, a, i + 1 + (p ? 1 : 0), p ? LEDE_T_TIME : LEDE_T_DATE, 0);
      resolve_wday(S, i, (int)w->v, 0, r);
      if (p) add_time_of_day(r, part_code[p]);
      /* "Tuesday, May 5" is matched whole above; "10 a.m. Tuesday" by times */
      return 1;
    }
    case NX_W_HOLIDAY: return (t->flags & LX_TF_CAP) ? holiday_expr(S, a, i, 0, r) : 0;
    case NX_W_WDAYS: {
      if (!(t->flags & LX_TF_CAP) || the) return 0;
      static const char *const names[] = {"mondays", "tuesdays", "wednesdays", "thursdays",
                                          "fridays", "saturdays", "sundays"};
      int wd = 0;
      for (int k = 0; k < 7; k++)
        if (tok_is(S, i, names[k])) wd = k + 1;
      res(r, a, i + 1, LEDE_T_DATE, 0);
      set_str(r, "XXXX-WXX-%d", wd);
      return 1;
    }
    case NX_W_MONTH: {
      if (!(t->flags & LX_TF_CAP)) return 0;
      int m = (int)w->v, d1, d2;
      if (day_range(S, i + 1, &d1, &d2) && lx_date_valid(0, m, d2)) {
        /* "March 4-8", "May 5-6, 2020": a span of days */
        int y = 0;
        size_t k = 2;
        if (is_punct(S, i + 2, ',') && ok_tok(S, i + 3) && year_tok(S, i + 3, &y)) k = 4;
        if (!y) y = year_for_month(S, i, m, 0);
        res(r, a, i + k, LEDE_T_DATE, 0);
        if (y && lx_date_valid(y, m, d2))
          set_str(r, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, d1, y, m, d2);
        else
          set_str(r, "--%02d-%02d/--%02d-%02d", m, d1, m, d2);
        return 1;
      }
      lx_date d;
      size_t k = abs_date(S, i, &d);
      if (k) return abs_result(S, a, i, k, &d, r);
      /* a contract's month: "December cocoa rose", "the May position",
       * "crude for April delivery" (a coming month: future_ctx) */
      if (contract_word(S, i + 1)) {
        res(r, i, i + 1, LEDE_T_DATE, 0);
        str_month(S, i, m, 0, r);
        return 1;
      }
      if (the) return 0;
      /* a month alone: not a name (Theresa May, April Fools), not the verb */
      size_t n = tlen(S, i);
      if (n <= 4 && !(t->flags & LX_TF_PERIOD) && !tok_isl(S, i, "may") &&
          !tok_isl(S, i, "june") && !tok_isl(S, i, "july"))
        return 0;
      if (i > S->t0 && S->t[i - 1].kind == LX_TK_WORD && (S->t[i - 1].flags & LX_TF_CAP) &&
          !(S->t[i - 1].flags & LX_TF_SENT) && !lex_word(S, i - 1))
        return 0;
      if (i + 1 < S->t1 && S->t[i + 1].kind == LX_TK_WORD && (S->t[i + 1].flags & LX_TF_CAP) &&
          !(S->t[i + 1].flags & LX_TF_ALLCAP) && !lex_word(S, i + 1))
        return 0;
      if (w->v == 5 || w->v == 3 || w->v == 8 || (t->flags & LX_TF_SENT)) {
        /* May, March, August: a preposition or a date word must lead */
        static const char *const preps[] = {"in", "since", "until", "till", "by", "early",
                                            "late", "mid", "from", "through", "to", "during",
                                            "before", "after", "of", "and", "or", "end",
                                            "beginning", "for", "last", "next", "this",
                                            "between", "until", "around", "that", "each",
                                            "every", "as"};
        if (!prev_word_in(S, i, preps, LX_COUNTOF(preps)) && !is_punct(S, i + 1, ',') &&
            !tok_isl(S, i + 1, "and"))
          return 0;
        if (t->flags & LX_TF_SENT) return 0;
      }
      int y = 0;
      size_t k2 = of_year(S, i + 1, &y);
      if (!k2) y = range_year(S, i + 1, (int)w->v);
      res(r, a, i + 1 + k2, LEDE_T_DATE, 0);
      if (y)
        set_str(r, "%04d-%02d", y, (int)w->v);
      else
        str_month(S, i, (int)w->v, 0, r);
      return 1;
    }
    case NX_W_SEASON: {
      /* "fall" and "spring" are verbs and nouns too: only with a year or a
       * determiner ("the fall", "this spring") */
      int y = 0;
      size_t k = of_year(S, i + 1, &y);
      if (!k && year_tok(S, i + 1, &y) && ok_tok(S, i + 1)) k = 1;
      int weak = w->v == 1 || w->v == 3;
      /* "until spring.", "in fall,": after a preposition of time, at a
       * clause's end */
      static const char *const until[] = {"until", "till", "by", "since", "before", "after",
                                          "through", "in"};
      if (weak && !k && !the &&
          !(prev_word_in(S, i, until, LX_COUNTOF(until)) && (S->t[i].flags & LX_TF_LOWER) &&
            (!ok_tok(S, i + 1) || S->t[i + 1].kind == LX_TK_PUNCT)))
        return 0;
      if ((t->flags & LX_TF_CAP) && !(t->flags & LX_TF_SENT) && !(t->flags & LX_TF_ALLCAP) &&
          !k)
        return 0;
      /* "the summer of 2019": the summer; "summer camp" is still a DATE */
      res(r, a, i + 1 + k, LEDE_T_DATE, 0);
      str_season(S, (int)w->v, 0, y, r);
      return 1;
    }
    case NX_W_SETADV: {
      if (the) return 0;
      int unit = (int)w->v;
      if ((t->flags & LX_TF_CAP) && !(t->flags & LX_TF_SENT)) return 0;
      if ((unit == U_DAY || unit == U_WEEK) && paper_name(S, i)) return 0;
      res(r, a, i + 1, unit == U_HOUR ? LEDE_T_TIME : LEDE_T_DATE, 0);
      str_duration(r, 1, unit);
      return 1;
    }
    case NX_W_EVERY: {
      if (the) return 0;
      size_t j = i + 1;
      if (tok_isl(S, j, "other")) j++;
      const nx_word *u = lex(S, j);
      if (!u || !ok_tok(S, j)) return 0;
      if (u->cls == NX_W_WDAY && (S->t[j].flags & LX_TF_CAP)) {
        res(r, a, j + 1, LEDE_T_DATE, 0);
        set_str(r, "XXXX-WXX-%d", (int)u->v);
        return 1;
      }
      /* "every November", "each spring", "every afternoon": sets of a
       * month, a season, a part of the day (one word, not "each morning
       * session") */
      if (j == i + 1) {
        int noun_after = ok_tok(S, j + 1) && S->t[j + 1].kind == LX_TK_WORD &&
                         (S->t[j + 1].flags & LX_TF_LOWER) && !lex_word(S, j + 1) &&
                         !tok_isl(S, j + 1, "and") && !tok_isl(S, j + 1, "when");
        const char *sw = tstr(S, j);
        int plural = (sw[tlen(S, j) - 1] | 32) == 's';
        if (u->cls == NX_W_MONTH && (S->t[j].flags & LX_TF_CAP) && tlen(S, j) > 3 &&
            u->v >= 1 && u->v <= 12) {
          res(r, a, j + 1, LEDE_T_DATE, 0);
          set_str(r, "XXXX-%02d", (int)u->v);
          return 1;
        }
        if (u->cls == NX_W_SEASON && !plural && u->v >= 1 && u->v <= 4) {
          res(r, a, j + 1, LEDE_T_DATE, 0);
          set_str(r, "XXXX-%s", season_code[(int)u->v]);
          return 1;
        }
        if (u->cls == NX_W_PART && !plural && !noun_after && (S->t[j].flags & LX_TF_LOWER) &&
            !tok_isl(S, j, "overnight") && u->v >= 1 && u->v <= 4) {
          res(r, a, j + 1, LEDE_T_TIME, 0);
          set_str(r, "XXXX-XX-XXT%s", part_code[(int)u->v]);
          return 1;
        }
      }
      if (u->cls == NX_W_TUNIT) {
        int unit = (int)u->v;
        const char *s = tstr(S, j);
        if ((s[tlen(S, j) - 1] | 32) == 's' && unit != U_WEEKEND) return 0;
        res(r, a, j + 1, tunit_type(unit), 0);
        str_duration(r, j > i + 1 ? 2 : 1, unit);
        return 1;
      }
      /* every two years */
      nxnum N;
      if (number_at(S, j, &N) && N.sfx == SFX_NONE && !N.ord && !N.frac) {
        int unit = tunit_at(S, N.end);
        if (unit) {
          res(r, a, N.end + 1, tunit_type(unit), 0);
          str_duration(r, N.v, unit);
          return 1;
        }
      }
      return 0;
    }
    case NX_W_EARLY: return early_expr(S, a, i + 1, r);
    case NX_W_TUNIT: {
      /* a numbered week or day of a season, a trial, a war: "Week 13",
       * "day 3" (singular, a whole number of three digits at most after
       * it, not itself counting: "week 2 percent"; not a day that is
       * named already: "enter the final day 137 ahead") */
      if (a == i && (w->v == U_WEEK || w->v == U_DAY) &&
          !prev_word_in(S, i, (const char *const[]){"final", "first", "last", "next", "opening",
                                                   "previous", "same", "whole"}, 8) &&
          !(ok_tok(S, i + 2) && (tok_isl(S, i + 2, "ahead") || tok_isl(S, i + 2, "behind"))) &&
          (tstr(S, i)[tlen(S, i) - 1] | 32) != 's' && ok_tok(S, i + 1) &&
          S->t[i + 1].kind == LX_TK_NUM && tlen(S, i + 1) <= 3 && S->t[i + 1].start > t->end &&
          !(ok_tok(S, i + 2) && (lex_cls(S, i + 2) == NX_W_TUNIT || tok_isl(S, i + 2, "%") ||
                                 tok_isl(S, i + 2, "percent")))) {
        digits d;
        if (read_digits(tstr(S, i + 1), tlen(S, i + 1), &d) && d.k == tlen(S, i + 1) && !d.fracd &&
            d.v >= 1 && d.v <= (w->v == U_WEEK ? 53 : 366))
          return res(r, i, i + 2, LEDE_T_DATE, 0);
      }
      /* "for decades", "decades ago", "centuries"; a count of units left
       * unsaid: "for years", "within hours", "minutes later", "Years
       * later" (a preposition of time before, or ago/later/earlier after) */
      int unit = (int)w->v;
      if (the || unit == U_WEEKEND || !(t->flags & LX_TF_LOWER || (t->flags & LX_TF_SENT)))
        return 0;
      const char *s = tstr(S, i);
      if ((s[tlen(S, i) - 1] | 32) != 's') return 0;
      int after = ok_tok(S, i + 1) &&
                  (tok_isl(S, i + 1, "ago") || tok_isl(S, i + 1, "later") ||
                   tok_isl(S, i + 1, "earlier"));
      if (unit != U_DECADE && unit != U_CENTURY && !after &&
          (!(prev_word_in(S, i, period_preps, LX_COUNTOF(period_preps)) ||
             prev_word_in(S, i, (const char *const[]){"after", "before"}, 2)) ||
           !free_after(S, i + 1)))
        return 0;
      res(r, a, i + 1 + after, tunit_type(unit), 0);
      str_duration(r, -1, unit);
      return 1;
    }
    case NX_W_PART: {
      /* "overnight" as an adverb ("stocks fell overnight", "Overnight,
       * ...") */
      if (tok_isl(S, i, "overnight") &&
          (i + 1 >= S->t1 || S->t[i + 1].kind == LX_TK_PUNCT ||
           /* "searched overnight through the rubble" */
           word_in_list(S, i + 1, (const char *const[]){"through", "in", "on", "at", "into",
                                                       "and", "as", "while", "before", "after",
                                                       "across", "near", "to", "from", "with"},
                        15))) {
        res(r, a, i + 1, LEDE_T_TIME, 0);
        set_str(r, "XXXX-XX-XXTNI");
        return 1;
      }
      const char *s = tstr(S, i);
      int code = w->v >= 1 && w->v <= 4 ? (int)w->v : 1;
      /* "in morning trading", "afternoon deals": the part of the day */
      if ((t->flags & LX_TF_LOWER) && !tok_isl(S, i, "overnight") && ok_tok(S, i + 1) &&
          (s[tlen(S, i) - 1] | 32) != 's' &&
          (tok_isl(S, i + 1, "trading") || tok_isl(S, i + 1, "trade") ||
           tok_isl(S, i + 1, "session") || tok_isl(S, i + 1, "deals") ||
           tok_isl(S, i + 1, "dealings"))) {
        res(r, a, i + 1, LEDE_T_TIME, 0);
        set_str(r, "XXXX-XX-XXT%s", part_code[code]);
        return 1;
      }
      /* "shortly after dawn Wednesday": the day's part, then the day */
      if ((t->flags & LX_TF_LOWER) && ok_tok(S, i + 1) && lex_cls(S, i + 1) == NX_W_WDAY &&
          (S->t[i + 1].flags & LX_TF_CAP) && (s[tlen(S, i) - 1] | 32) != 's') {
        nx_res d;
        if (temporal_word(S, i + 1, i + 1, 0, &d) && d.type == LEDE_T_DATE) {
          res(r, a, d.b, LEDE_T_TIME, 0);
          if (strlen(d.str) == 10 && d.str[0] != 'X') {
            memcpy(r->str, d.str, 10);
            r->str[10] = 'T';
            memcpy(r->str + 11, part_code[code], 3); /* two letters and the NUL */
          }
          return 1;
        }
      }
      /* "all night", "all morning" (not "all day": a date's length) */
      if (!the && i > S->t0 && tok_isl(S, i - 1, "all") && (t->flags & LX_TF_LOWER) &&
          (s[tlen(S, i) - 1] | 32) != 's' && !tok_isl(S, i, "overnight") &&
          !tok_isl(S, i, "nightfall") && free_after(S, i + 1)) {
        res(r, i - 1, i + 1, LEDE_T_TIME, 0);
        set_str(r, "XXXX-XX-XXT%s", part_code[code]);
        return 1;
      }
      /* "at night", "at dawn" */
      if (!the && (t->flags & LX_TF_LOWER) && (s[tlen(S, i) - 1] | 32) != 's' &&
          !tok_isl(S, i, "overnight") && free_after(S, i + 1) &&
          prev_word_in(S, i, (const char *const[]){"at", "by", "until", "before", "after"}, 5)) {
        res(r, a, i + 1, LEDE_T_TIME, 0);
        set_str(r, "XXXX-XX-XXT%s", part_code[w->v >= 1 && w->v <= 4 ? (int)w->v : 1]);
        return 1;
      }
      /* the sun's hours after any preposition of time, whatever follows
       * ("before dawn has dumped", "by sunrise the fruit"), and their
       * range ("from dawn to dusk") */
      static const char *const sun[] = {"dawn", "daybreak", "sunrise", "dusk", "sunset",
                                        "nightfall"};
      static const char *const preps[] = {"at",    "by",     "until", "till",   "before",
                                          "after", "from",   "since", "around", "near",
                                          "past",  "toward", "towards"};
      int sunword = tok_in(S, i, sun, LX_COUNTOF(sun));
      if (!the && sunword && (t->flags & LX_TF_LOWER) &&
          prev_word_in(S, i, preps, LX_COUNTOF(preps))) {
        size_t b = i + 1;
        if (ok_tok(S, i + 2) && (tok_isl(S, i + 1, "to") || tok_isl(S, i + 1, "until") ||
                                 tok_isl(S, i + 1, "till")))
          for (size_t k = 0; k < LX_COUNTOF(sun); k++)
            if (tok_is(S, i + 2, sun[k])) b = i + 3;
        res(r, a, b, LEDE_T_TIME, 0);
        set_str(r, "XXXX-XX-XXT%s", part_code[code]);
        return 1;
      }
      return 0;
    }
    case NX_W_AGO: {
      /* earlier this year, later this month */
      if (w->v != -2 && w->v != 2) return 0;
      if (!tok_isl(S, i, "earlier") && !tok_isl(S, i, "later")) return 0;
      const nx_word *u = lex(S, i + 1);
      if (!u || u->cls != NX_W_REL || !tok_isl(S, i + 1, "this")) return 0;
      return rel_expr(S, a, i + 1, 0, r) ? (r->a = a, 1) : 0;
    }
    case NX_W_FISCAL: {
      size_t j = i + 1;
      if (tok_isl(S, j, "year")) j++;
      int y;
      if (year_tok(S, j, &y) && ok_tok(S, j)) {
        res(r, a, j + 1, LEDE_T_DATE, 0);
        set_str(r, "FY%04d", y);
        return 1;
      }
      return 0;
    }
    case NX_W_FEW: {
      /* several hundred, a few thousand (dollars): the scale is the value */
      const nx_word *sc = lex(S, i + 1);
      if (sc && (sc->cls == NX_W_HUNDRED || sc->cls == NX_W_SCALE) && ok_tok(S, i + 1) &&
          !tok_isl(S, i, "couple") && !tok_isl(S, i, "many")) {
        nxnum N;
        memset(&N, 0, sizeof N);
        N.a = i;
        N.v = 1;
        N.hi = -1;
        N.words = 1;
        N.end = scale_words(S, i + 1, &N);
        return after_number(S, a, &N, CTX_MOD, r);
      }
      /* several years, a few days, many years, a couple of weeks */
      size_t j = i + 1;
      if (tok_isl(S, i, "couple") && tok_isl(S, j, "of")) j++;
      int unit = tunit_at(S, j);
      if (!unit) return 0;
      const char *s = tstr(S, j);
      if ((s[tlen(S, j) - 1] | 32) != 's') return 0;
      res(r, a, j + 1, tunit_type(unit), 0);
      if (tok_isl(S, i, "couple"))
        str_duration(r, 2, unit);
      else
        str_duration(r, -1, unit);
      if (tok_isl(S, j + 1, "ago") && ok_tok(S, j + 1)) r->b = j + 2;
      return 1;
    }
    default: return 0;
  }
}

static int early_expr(const nx *S, size_t a, size_t j, nx_res *r) {
  if (!ok_tok(S, j)) return 0;
  int y;
  if (year_tok(S, j, &y)) {
    res(r, a, j + 1, LEDE_T_DATE, 0);
    set_year(r, y);
    return 1;
  }
  /* "the late '80s" */
  if (S->t[j].kind == LX_TK_PUNCT && (S->t[j].flags & LX_TF_QUOTE) && ok_tok(S, j + 1) &&
      S->t[j + 1].kind == LX_TK_NUM && S->t[j + 1].start == S->t[j].end) {
    nxnum N;
    if (number_at(S, j + 1, &N) && N.decade && N.intd == 2) {
      int v = (int)N.v + (N.v >= 30 ? 1900 : 2000);
      res(r, a, j + 2, LEDE_T_DATE, 0);
      set_str(r, "%03d", v / 10);
      return 1;
    }
  }
  /* the late 19th century, the early twentieth century */
  {
    nxnum N;
    if ((S->t[j].kind == LX_TK_NUM || lex_cls(S, j) == NX_W_ORD) && number_at(S, j, &N) &&
        N.ord && N.sfx != SFX_HYPHEN && N.v >= 1 && N.v <= 30 && ok_tok(S, N.end) &&
        tunit_at(S, N.end) == U_CENTURY && !(S->t[N.end].flags & LX_TF_CAP)) {
      res(r, a, N.end + 1, LEDE_T_DATE, 0);
      set_str(r, "%02d", (int)N.v - 1);
      return 1;
    }
  }
  if (S->t[j].kind == LX_TK_NUM) {
    nxnum N;
    if (number_at(S, j, &N) && N.decade) {
      int v = (int)N.v;
      if (N.intd == 2) v += v >= 30 ? 1900 : 2000;
      res(r, a, j + 1, LEDE_T_DATE, 0);
      set_str(r, "%03d", v / 10);
      return 1;
    }
    return 0;
  }
  const nx_word *u = lex(S, j);
  if (!u) return 0;
  if (u->cls == NX_W_MONTH || u->cls == NX_W_WDAY || u->cls == NX_W_REL ||
      u->cls == NX_W_DAYREL || u->cls == NX_W_SEASON || u->cls == NX_W_TONIGHT) {
    if (u->cls == NX_W_REL && tok_isl(S, j, "past")) return 0;
    if (!temporal_word(S, a, j, 0, r)) return 0;
    r->a = a;
    if (r->type != LEDE_T_DATE && r->type != LEDE_T_TIME) return 0;
    /* "early Monday", "late yesterday": hours of a day, a TIME (valued as
     * the day) */
    if ((u->cls == NX_W_WDAY || u->cls == NX_W_DAYREL) && r->b == j + 1) r->type = LEDE_T_TIME;
    return 1;
  }
  if (u->cls == NX_W_PART) {
    /* "from early afternoon until", "late morning trading": hours of a day
     * not named */
    const char *p = tstr(S, j);
    if ((p[tlen(S, j) - 1] | 32) == 's' || tok_isl(S, j, "overnight") ||
        !(S->t[j].flags & LX_TF_LOWER))
      return 0;
    res(r, a, j + 1, LEDE_T_TIME, 0);
    set_str(r, "XXXX-XX-XXT%s", part_code[u->v >= 1 && u->v <= 4 ? (int)u->v : 1]);
    return 1;
  }
  return 0;
}

/* Hyphenated words led by mid/early/late/first...: mid-1990s, mid-March,
 * first-quarter, second-half, year-end. */
/* A temperature said without its unit, as weather reports say it: the
 * number at a (after its modifiers) follows "a high of", "lows near", "a
 * wind chill of", "temperatures fell to", "a balmy" ("a high of 31",
 * "highs in the mid-80s", "a balmy 62"). */
/* The words weather_number looks for before a number, each list a chain
 * of tok_isl: a compare of the token's hash with each word's (these run
 * before most numbers; tok_in would read the words byte by byte). */
/* (the word lists below are chains of tok_isl by the token's length: a
 * number's word before is compared with the few of its length) */
static int weather_head(const nx *S, size_t i) {
  switch (tlen(S, i)) {
    case 3: return tok_isl(S, i, "low");
    case 4: return tok_isl(S, i, "high") || tok_isl(S, i, "lows");
    case 5: return tok_isl(S, i, "highs") || tok_isl(S, i, "chill");
    case 7: return tok_isl(S, i, "mercury");
    case 11: return tok_isl(S, i, "temperature") || tok_isl(S, i, "thermometer");
    case 12: return tok_isl(S, i, "temperatures");
    default: return 0;
  }
}
static int weather_link(const nx *S, size_t i) {
  switch (tlen(S, i)) {
    case 2:
      return tok_isl(S, i, "of") || tok_isl(S, i, "in") || tok_isl(S, i, "at") ||
             tok_isl(S, i, "to") || tok_isl(S, i, "be");
    case 3: return tok_isl(S, i, "hit");
    case 4:
      return tok_isl(S, i, "near") || tok_isl(S, i, "fell") || tok_isl(S, i, "rose") ||
             tok_isl(S, i, "will") || tok_isl(S, i, "only") || tok_isl(S, i, "into");
    case 5:
      return tok_isl(S, i, "reach") || tok_isl(S, i, "about") || tok_isl(S, i, "minus");
    case 6:
      return tok_isl(S, i, "around") || tok_isl(S, i, "soared") || tok_isl(S, i, "topped");
    case 7:
      return tok_isl(S, i, "reached") || tok_isl(S, i, "hitting") ||
             tok_isl(S, i, "dropped") || tok_isl(S, i, "climbed") ||
             tok_isl(S, i, "plunged") || tok_isl(S, i, "hovered");
    case 8: return tok_isl(S, i, "reaching");
    default: return 0;
  }
}
static int weather_mild(const nx *S, size_t i) {
  switch (tlen(S, i)) {
    case 4: return tok_isl(S, i, "mild");
    case 5: return tok_isl(S, i, "balmy") || tok_isl(S, i, "brisk");
    case 6:
      return tok_isl(S, i, "chilly") || tok_isl(S, i, "frigid") || tok_isl(S, i, "frosty") ||
             tok_isl(S, i, "toasty") || tok_isl(S, i, "steamy");
    case 9: return tok_isl(S, i, "scorching");
    case 10: return tok_isl(S, i, "sweltering");
    default: return 0;
  }
}

static int weather_number(const nx *S, size_t a) {
  /* (every word looked for is a word: a number or a sign before is none) */
  if (a <= S->t0 || S->t[a - 1].kind != LX_TK_WORD) return 0;
  if (weather_mild(S, a - 1)) return 1;
  /* up to three linking words back to the head ("highs will reach the") */
  size_t k = a;
  if (tok_isl(S, k - 1, "the") && k - 1 > S->t0) k--;
  for (int w = 0; w < 3 && k > S->t0; w++) {
    if (weather_head(S, k - 1)) return 1;
    if (!weather_link(S, k - 1)) return 0;
    k--;
  }
  return k > S->t0 && weather_head(S, k - 1);
}

static int hyphen_word(const nx *S, size_t i, nx_res *r) {
  const char *s = tstr(S, i);
  size_t n = tlen(S, i), e = 0;
  while (e < n && s[e] != '-') e++;
  if (e == n) return 0;
  const nx_word *w = lex_str(s, e);
  if (!w) return 0;
  const char *rest = s + e + 1;
  size_t rn = n - e - 1;
  /* "a week-long holiday", "a month-long strike": one unit's length */
  if (w->cls == NX_W_TUNIT && w->v != U_WEEKEND && ieq(rest, rn, "long") &&
      (s[e - 1] | 32) != 's') {
    res(r, i, i + 1, tunit_type((int)w->v), 0);
    str_duration(r, 1, (int)w->v);
    return 1;
  }
  /* "the January-November period": months from one to another */
  if (w->cls == NX_W_MONTH && s[0] >= 'A' && s[0] <= 'Z' && rn >= 3 && rest[0] >= 'A' &&
      rest[0] <= 'Z') {
    const nx_word *u = lex_str(rest, rn);
    if (!u || u->cls != NX_W_MONTH || u->v <= w->v) return 0;
    /* "the July-September quarter", "the January-June period": a quarter
     * or a half, valued (the driver's widen_date takes the article) */
    int m0 = (int)w->v, m1 = (int)u->v;
    if (ok_tok(S, i + 1) && (tok_isl(S, i + 1, "quarter") || tok_isl(S, i + 1, "period") ||
                             tok_isl(S, i + 1, "half"))) {
      res(r, i, i + 2, LEDE_T_DATE, 0);
      int y = year_for_month(S, i, m1, 0);
      if (y && m1 - m0 == 2 && m0 % 3 == 1) set_str(r, "%04d-Q%d", y, (m0 + 2) / 3);
      if (y && m1 - m0 == 5 && m0 % 6 == 1) set_str(r, "%04d-H%d", y, (m0 + 5) / 6);
      return 1;
    }
    return res(r, i, i + 1, LEDE_T_DATE, 0);
  }
  if (w->cls == NX_W_EARLY) {
    digits d;
    if (read_digits(rest, rn, &d)) {
      if (d.k == rn && d.intd == 4 && !d.groups && d.fracd == 0) {
        res(r, i, i + 1, LEDE_T_DATE, 0);
        set_str(r, "%04d", (int)d.v);
        return 1;
      }
      if (d.k + 1 == rn && (rest[d.k] | 32) == 's' && (d.intd == 4 || d.intd == 2)) {
        int v = (int)d.v;
        /* "highs in the mid-80s": degrees, not a decade */
        if (d.intd == 2 && weather_number(S, i)) return res(r, i, i + 1, LEDE_T_QUANTITY, 0);
        if (d.intd == 2) v += v >= 30 ? 1900 : 2000;
        res(r, i, i + 1, LEDE_T_DATE, 0);
        set_str(r, "%03d", v / 10);
        return 1;
      }
      return 0;
    }
    const nx_word *u = lex_str(rest, rn);
    if (u && u->cls == NX_W_MONTH && rest[0] >= 'A' && rest[0] <= 'Z') {
      res(r, i, i + 1, LEDE_T_DATE, 0);
      str_month(S, i, (int)u->v, 0, r);
      return 1;
    }
    if (u && u->cls == NX_W_TUNIT && (u->v == U_YEAR || u->v == U_MONTH || u->v == U_WEEK)) {
      /* mid-year, mid-month */
      res(r, i, i + 1, LEDE_T_DATE, 0);
      str_rel_unit(S, (int)u->v, 0, r);
      return 1;
    }
    /* mid-afternoon, mid-morning, late-night: a part of a day not named */
    if (u && u->cls == NX_W_PART && u->v >= 1 && u->v <= 4 && rest[rn - 1] != 's' &&
        !(S->t[i].flags & LX_TF_CAP)) {
      res(r, i, i + 1, LEDE_T_TIME, 0);
      set_str(r, "XXXX-XX-XXT%s", part_code[(int)u->v]);
      return 1;
    }
    return 0;
  }
  if (w->cls == NX_W_ORD && w->v >= 1 && w->v <= 4) {
    const nx_word *u = lex_str(rest, rn);
    /* first-quarter, second-half */
    if (u && (u->cls == NX_W_QUARTER || (u->cls == NX_W_HALF && w->v <= 2))) {
      res(r, i, i + 1, LEDE_T_DATE, 0);
      str_period(S, i, (int)w->v, u->cls == NX_W_HALF, 0, 0, r);
      return 1;
    }
    return 0;
  }
  if (w->cls == NX_W_TUNIT && w->v == U_YEAR &&
      (ieq(rest, rn, "end") || ieq(rest, rn, "earlier") || ieq(rest, rn, "ago"))) {
    res(r, i, i + 1, LEDE_T_DATE, 0);
    if (ieq(rest, rn, "end"))
      str_rel_unit(S, U_YEAR, 0, r);
    else
      str_rel_unit(S, U_YEAR, -1, r);
    return 1;
  }
  return 0;
}

/* ---- money led by a currency ----------------------------------------------------------- */

static int money_first(const nx *S, size_t a, size_t i, nx_res *r) {
  char iso[4];
  double f;
  size_t k = currency_at(S, i, 0, iso, &f);
  if (!k) return 0;
  size_t j = i + k;
  /* "Rs. 500": the abbreviation's period, a token of its own */
  if (is_punct(S, j, '.') && S->t[j].start == S->t[j - 1].end && j + 1 < S->t1 &&
      S->t[j + 1].kind == LX_TK_NUM)
    j++;
  if (!ok_tok(S, j)) return 0;
  nxnum N;
  if (!number_at(S, j, &N)) return 0;
  if (N.ord || N.decade || N.sfx == SFX_OTHER || N.sfx == SFX_SLASH) return 0;
  double v = N.v;
  size_t e = N.end;
  if (N.sfx == SFX_UNIT) {
    if (!N.glued_m) return 0;
    v *= 1e6; /* $5m */
  } else if (N.sfx == SFX_HYPHEN && N.hi < 0) {
    /* "an $18-a-share bid", "a $20-a-barrel price": the sum, and the rate
     * left out (its bytes are the token's tail) */
    if (N.tail && N.tailn > 2 && e == j + 1 &&
        ((N.tail[0] == 'a' && N.tail[1] == '-') ||
         (N.tailn > 3 && N.tail[0] == 'a' && N.tail[1] == 'n' && N.tail[2] == '-'))) {
      res(r, a, e, LEDE_T_MONEY, v * f);
      set_cstr(r, iso);
      r->bs = S->t[a].start;
      r->be = (uint32_t)(N.tail - 1 - S->text);
      return 1;
    }
    /* "$1.5-billion project" */
    const char *rest;
    size_t rn;
    double scale = hyphen_scale(&N, &rest, &rn);
    if (scale == 0 || rn > 0) return 0;
    v *= scale;
  }
  /* "US$870 million dollars" rarely; "$5 billion USD" */
  res(r, a, e, LEDE_T_MONEY, v * f);
  set_cstr(r, iso);
  return 1;
}

/* ---- the scan ---------------------------------------------------------------------------- */

/* "the end of" + a year, "the year", a month, "this year", "the 1990s". */
static int edge_of(const nx *S, size_t a, size_t k, nx_res *r) {
  int y;
  if (year_tok(S, k, &y)) {
    res(r, a, k + 1, LEDE_T_DATE, 0);
    set_year(r, y);
    return 1;
  }
  /* "the end of fiscal 1990" */
  if (tok_isl(S, k, "fiscal") && ok_tok(S, k + 1) && year_tok(S, k + 1, &y)) {
    res(r, a, k + 2, LEDE_T_DATE, 0);
    set_str(r, "FY%04d", y);
    return 1;
  }
  if (tok_isl(S, k, "the") && ok_tok(S, k + 1)) {
    int unit = tunit_at(S, k + 1);
    const char *s = tstr(S, k + 1);
    if (unit && (s[tlen(S, k + 1) - 1] | 32) != 's' && unit != U_HOUR && unit != U_MIN &&
        unit != U_SEC) {
      res(r, a, k + 2, LEDE_T_DATE, 0);
      if (unit == U_QUARTER)
        str_period(S, a, 0, 0, 0, 0, r);
      else if (!str_rel_unit(S, unit, 0, r))
        return 0;
      return 1;
    }
    nxnum N;
    if (S->t[k + 1].kind == LX_TK_NUM && number_at(S, k + 1, &N) && N.decade) {
      int v = (int)N.v;
      if (N.intd == 2) v += v >= 30 ? 1900 : 2000;
      res(r, a, k + 2, LEDE_T_DATE, 0);
      set_str(r, "%03d", v / 10);
      return 1;
    }
    /* "the end of the third quarter", "the start of the second half" */
    nx_res r2;
    if (lex_cls(S, k + 1) == NX_W_ORD && at_next(S, k, &r2) && r2.type == LEDE_T_DATE &&
        strlen(r2.str) == 7 && (r2.str[5] == 'Q' || r2.str[5] == 'H')) {
      *r = r2;
      r->a = a;
      return 1;
    }
    return 0;
  }
  const nx_word *w = lex(S, k);
  if (!w || (w->cls != NX_W_MONTH && w->cls != NX_W_REL && w->cls != NX_W_SEASON)) return 0;
  nx_res r2;
  if (!temporal_word(S, k, k, 0, &r2) || r2.type != LEDE_T_DATE || r2.str[0] == 'P') return 0;
  *r = r2;
  r->a = a;
  return 1;
}

/* "the year", "the quarter", "the week", "the day" as the period of the
 * story's time: after a preposition of time ("for the year", "earlier in
 * the day"), after "the rest of", or before "ended"/"ending" and a date
 * ("the quarter ended Sept. 30", a duration). Valued as "this year", "this
 * quarter"... j is the unit's token (singular, lower case). */
static int the_period(const nx *S, size_t i, size_t j, int unit, nx_res *r) {
  if (unit != U_YEAR && unit != U_QUARTER && unit != U_MONTH && unit != U_WEEK &&
      unit != U_DAY)
    return 0;
  const char *s = tstr(S, j);
  size_t n = tlen(S, j);
  if ((s[n - 1] | 32) == 's' || !(S->t[j].flags & LX_TF_LOWER)) return 0;
  size_t e = j + 1;
  /* "the year 2001" */
  if (unit == U_YEAR && ok_tok(S, e) && S->t[e].kind == LX_TK_NUM) {
    nxnum N;
    if (number_at(S, e, &N) && N.plain && N.intd == 4 && N.v >= 1000 && N.v <= 2999 &&
        N.end == e + 1) {
      res(r, i, e + 1, LEDE_T_DATE, 0);
      set_year(r, (int)N.v);
      return 1;
    }
  }
  /* "the year two thousand" */
  int sy;
  size_t sk = unit == U_YEAR && ok_tok(S, e) ? spoken_year(S, e, &sy) : 0;
  if (sk) {
    res(r, i, e + sk, LEDE_T_DATE, 0);
    set_year(r, sy);
    return 1;
  }
  if (ok_tok(S, e) && ok_tok(S, e + 1) &&
      (tok_isl(S, e, "ended") || tok_isl(S, e, "ending") ||
       (tok_isl(S, e, "to") && lex_cls(S, e + 1) == NX_W_MONTH))) {
    /* the period that ends on the date: "the year ended Dec. 31, 1986"
     * 1986, "the year to February" (ended Feb.), "the year ended January
     * 31, 1987" FY1987 (a fiscal year is
     * named by its end), "the quarter ended Sept. 30" 2019-Q3, "the week
     * ended Feb. 22" 1987-W08; a duration when the year is not known */
    /* "the week ended Saturday": the week of that day */
    if (unit == U_WEEK && !tok_isl(S, e, "to") && lex_cls(S, e + 1) == NX_W_WDAY &&
        (S->t[e + 1].flags & LX_TF_CAP)) {
      nx_res w;
      if (!temporal_word(S, e + 1, e + 1, 0, &w) || w.type != LEDE_T_DATE) return 0;
      res(r, i, w.b, LEDE_T_DATE, 0);
      /* the weekday's value is YYYY-MM-DD when the reference date is known */
      const char *q = w.str;
      int y = 0, m = 0, dd = 0;
      if (strlen(q) == 10 && q[4] == '-' && q[7] == '-') {
        for (int x = 0; x < 4; x++) y = y * 10 + (q[x] - '0');
        m = (q[5] - '0') * 10 + (q[6] - '0');
        dd = (q[8] - '0') * 10 + (q[9] - '0');
      }
      if (lx_date_valid(y, m, dd)) {
        int wy, wn;
        iso_week(y, m, dd, &wy, &wn);
        set_str(r, "%04d-W%02d", wy, wn);
      } else {
        str_duration(r, 1, unit);
      }
      return 1;
    }
    lx_date d;
    size_t k = abs_date(S, e + 1, &d);
    if (!k && lex_cls(S, e + 1) == NX_W_MONTH && (S->t[e + 1].flags & LX_TF_CAP)) {
      memset(&d, 0, sizeof d); /* "the year to February": a month alone */
      d.month = (int)lex(S, e + 1)->v;
      d.hour = -1;
      k = 1;
    }
    if (k && d.month && d.hour < 0) {
      res(r, i, e + 1 + k, LEDE_T_DATE, 0);
      int y = d.year;
      if (!y && ref_y(S)) {
        y = tok_isl(S, e, "ended") ? ended_year(S, e + 1, d.month, d.day)
                                   : year_for_month(S, e + 1, d.month, 0);
        if (d.day && !lx_date_valid(y, d.month, d.day)) y = 0;
      }
      if (!y || (unit == U_WEEK && !d.day)) {
        str_duration(r, 1, unit);
      } else if (unit == U_YEAR) {
        if (d.month == 12 && (d.day == 31 || !d.day)) set_year(r, y);
        else set_str(r, "FY%04d", y);
      } else if (unit == U_QUARTER) {
        set_str(r, "%04d-Q%d", y, (d.month - 1) / 3 + 1);
      } else if (unit == U_MONTH) {
        set_str(r, "%04d-%02d", y, d.month);
      } else if (unit == U_WEEK) {
        int wy, wn;
        iso_week(y, d.month, d.day, &wy, &wn);
        set_str(r, "%04d-W%02d", wy, wn);
      } else if (d.day) {
        str_ymd(r, y, d.month, d.day);
      } else {
        str_duration(r, 1, unit);
      }
      return 1;
    }
  }
  /* "the year before", "the day after", "the year earlier": before or
   * after a time the story tells, not its own date: no value */
  if (ok_tok(S, e) && (tok_isl(S, e, "earlier") || tok_isl(S, e, "later") ||
                       ((tok_isl(S, e, "before") || tok_isl(S, e, "after")) &&
                        (e + 1 >= S->t1 || S->t[e + 1].kind == LX_TK_PUNCT))))
    return res(r, i, e + 1, LEDE_T_DATE, 0);
  int of = prev_word_in(S, i, (const char *const[]){"of"}, 1);
  if (!(prev_word_in(S, i, period_preps, LX_COUNTOF(period_preps)) ||
        (of && i >= S->t0 + 2 && prev_word_in(S, i - 1, period_parts, LX_COUNTOF(period_parts)))))
    return 0;
  /* "in the year of the dragon", "for the day of action", "the week that" */
  if (ok_tok(S, e) && (tok_isl(S, e, "of") || tok_isl(S, e, "that") || tok_isl(S, e, "when") ||
                       tok_isl(S, e, "in") || tok_isl(S, e, "which")))
    return 0;
  res(r, i, e, LEDE_T_DATE, 0);
  if (unit == U_QUARTER) str_period(S, i, 0, 0, 0, 0, r);
  else str_rel_unit(S, unit, 0, r);
  return 1;
}

static int once_word(const nx *S, size_t i) {
  return tok_isl(S, i, "once") || tok_isl(S, i, "twice") || tok_isl(S, i, "thrice");
}

/* Whether "a"/"an" at i makes a rate of the amount before it: "$4.25 an
 * hour", "100,000 barrels a day", "5% a year", "500 cars a week" ("a
 * week" is then no date). Not after a year ("in 1990 a week later"). */
static int per_unit(const nx *S, size_t i) {
  if (i <= S->t0 || !(S->t[i].flags & LX_TF_LOWER)) return 0;
  /* "5 mln dlrs a year earlier", "200 a month ago": a date */
  static const char *const rel[] = {"ago", "earlier", "before", "later", "after", "previously",
                                    "prior", "since", "from", "back", "hence", "into"};
  size_t u = i + 2;
  if (u < S->t1 && S->t[u].kind == LX_TK_WORD)
    if (tok_in(S, u, rel, LX_COUNTOF(rel))) return 0;
  /* "$5 over a decade", "in a week": a preposition between, no rate */
  static const char *const preps[] = {"after", "at", "by", "during", "for", "in", "on", "over",
                                      "under", "within"};
  size_t p = i - 1;
  if (S->t[p].kind != LX_TK_NUM) {
    int pct = tlen(S, p) == 1 && tstr(S, p)[0] == '%';
    if (!pct && !(S->t[p].kind == LX_TK_WORD && (S->t[p].flags & LX_TF_LOWER))) return 0;
    if (!pct && lx_sorted_has(preps, LX_COUNTOF(preps), tstr(S, p), tlen(S, p))) return 0;
    if (p <= S->t0 || tok_isl(S, p, "times")) return 0; /* "three times a week": a set */
    p--;
    int c = lex_cls(S, p); /* "10 tonnes", "2 mln barrels", "two tonnes a month" */
    if (S->t[p].kind != LX_TK_NUM && c != NX_W_SCALE && c != NX_W_UNIT && c != NX_W_TENS &&
        c != NX_W_HUNDRED && c != NX_W_DOZEN)
      return 0;
  }
  if (S->t[p].kind == LX_TK_NUM && tlen(S, p) == 4) {
    const char *d = tstr(S, p);
    if ((d[0] == '1' && d[1] >= '7' && d[1] <= '9') || (d[0] == '2' && d[1] == '0')) return 0;
  }
  return 1;
}

/* A unit said with "a" at j ("a mile", "about a foot"): the unit's entry
 * of unit_sfx, or NULL. A foot and an inch only measure after a modifier
 * or a fraction (not "set foot", "an inch of progress"): `measured`. */
static const unitsfx *a_unit(const nx *S, size_t j, int measured) {
  static const char *const ok[] = {"mile", "kilometre", "kilometer", "yard", "metre", "meter",
                                   "gallon", "litre", "liter", "acre", "foot", "inch"};
  if (!ok_tok(S, j) || !(S->t[j].flags & LX_TF_LOWER)) return NULL;
  for (size_t q = 0; q < LX_COUNTOF(ok); q++)
    if (tok_is(S, j, ok[q]))
      return q >= 10 && !measured ? NULL : find_unit_sfx(tstr(S, j), tlen(S, j), 0);
  return NULL;
}

/* A price said with "a" at i: "a dollar", "a buck", "a euro", "a dollar
 * fifty-nine" (cents in words after it), "a dollar and a half"; the coins
 * "a nickel", "a dime", "a penny" (a pound may be a weight: not read). */
static int a_money(const nx *S, size_t i, nx_res *r) {
  static const struct {
    const char *w;
    double v;
  } coins[] = {{"nickel", 0.05}, {"dime", 0.10}, {"penny", 0.01}};
  size_t j = i + 1;
  if (!ok_tok(S, j) || !(S->t[j].flags & LX_TF_LOWER)) return 0;
  for (size_t q = 0; q < LX_COUNTOF(coins); q++)
    if (tok_is(S, j, coins[q].w)) {
      const char *cc = S->in->cc;
      res(r, i, j + 1, LEDE_T_MONEY, coins[q].v);
      set_cstr(r, q == 2 && cc[0] == 'G' && cc[1] == 'B' ? "GBP" : "USD");
      return 1;
    }
  char iso[4];
  double f = 1;
  if (!tok_isl(S, j, "dollar") && !tok_isl(S, j, "buck") && !tok_isl(S, j, "euro")) return 0;
  if (currency_at(S, j, 1, iso, &f) != 1 || f != 1) return 0;
  double v = 1;
  size_t b = j + 1;
  nxnum M;
  if (ok_tok(S, b + 2) && tok_isl(S, b, "and") && tok_isl(S, b + 1, "a") &&
      tok_isl(S, b + 2, "half")) {
    v = 1.5;
    b += 3;
  } else if (ok_tok(S, b) && S->t[b].kind == LX_TK_WORD && spelled(S, b, &M) &&
             M.end == b + 1 && !M.ord && !M.frac && !M.scaled && M.v >= 1 && M.v <= 99 &&
             M.v == (int)M.v && !tunit_at(S, b + 1) && lex_cls(S, b + 1) != NX_W_PCT &&
             lex_cls(S, b + 1) != NX_W_SCALE && lex_cls(S, b + 1) != NX_W_HUNDRED &&
             !currency_at(S, b + 1, 1, iso, &(double){1})) {
    v += M.v / 100; /* "a dollar fifty-nine" */
    b++;
  }
  res(r, i, b, LEDE_T_MONEY, v);
  set_cstr(r, iso);
  return 1;
}

/* Expression led by a determiner: "the 1990s", "the past two years", "the
 * third quarter", "a decade", "a million", "a third", "a few days". */
static int det_expr(const nx *S, size_t i, nx_res *r) {
  size_t j = i + 1;
  if (!ok_tok(S, j)) return 0;
  int the = tok_isl(S, i, "the");
  /* "the fiscal second quarter", "the fiscal year ended June 30" */
  if (the && tok_isl(S, j, "fiscal") && ok_tok(S, j + 1) &&
      (lex_cls(S, j + 1) == NX_W_ORD || lex_cls(S, j + 1) == NX_W_QUARTER ||
       tok_isl(S, j + 1, "year") || tok_isl(S, j + 1, "quarter") || tok_isl(S, j + 1, "half")))
    j++;
  /* the word after the determiner, which each reading below asks for */
  const nx_word *w = lex(S, j);
  if (the) {
    const lx_token *t = &S->t[j];
    int cls = w ? w->cls : NX_W_NONE;
    /* "a reader called me the other day"; "after the holidays" (a
     * preposition of time before: not "the holidays he took", nor "went
     * home for the holidays") */
    if (tok_isl(S, j, "other") && tok_isl(S, j + 1, "day") && ok_tok(S, j + 1))
      return res(r, i, j + 2, LEDE_T_DATE, 0);
    if (tok_isl(S, j, "holidays") && (t->flags & LX_TF_LOWER) &&
        prev_word_in(S, i, (const char *const[]){"after", "before", "during", "over",
                                                 "through", "until", "since"}, 7) &&
        (!ok_tok(S, j + 1) || S->t[j + 1].kind == LX_TK_PUNCT))
      return res(r, i, j + 1, LEDE_T_DATE, 0);
    /* "the Labor Day weekend", "the Christmas holidays" (not "the Christmas
     * tree": a holiday alone is read without "the") */
    if (cls == NX_W_HOLIDAY && (t->flags & LX_TF_CAP)) {
      nx_res h;
      if (holiday_expr(S, i, j, 0, &h) && h.type == LEDE_T_DATE && h.b > j &&
          (tok_isl(S, h.b - 1, "weekend") || tok_isl(S, h.b - 1, "eve") ||
           tok_isl(S, h.b - 1, "holiday") || tok_isl(S, h.b - 1, "holidays") ||
           tok_isl(S, h.b - 1, "season") || tok_isl(S, h.b - 1, "break") ||
           tok_isl(S, h.b - 1, "period") ||
           /* a holiday of several capitalized words takes its article:
            * "the Lunar New Year", "the Dragon Boat Festival" (not "the
            * New Year's party": no noun after it) */
           (h.b > j + 1 && (S->t[h.b - 1].flags & LX_TF_CAP) &&
            !(ok_tok(S, h.b) && S->t[h.b].kind == LX_TK_WORD &&
              (S->t[h.b].flags & LX_TF_LOWER) && !lex_word(S, h.b) &&
              !tok_isl(S, h.b, "and") && !tok_isl(S, h.b, "when"))))) {
        *r = h;
        return 1;
      }
      return 0;
    }
    /* "the mid-1990s": the decade with its article, as "the late 1990s" */
    if (t->kind == LX_TK_WORD && (t->flags & LX_TF_HYPHEN) && cls == NX_W_NONE) {
      nx_res h;
      if (hyphen_word(S, j, &h) && h.type == LEDE_T_DATE && strlen(h.str) == 3 &&
          is_digit((unsigned char)h.str[0])) {
        *r = h;
        r->a = i;
        return 1;
      }
    }
    if (t->kind == LX_TK_NUM || cls == NX_W_UNIT || cls == NX_W_TENS) {
      nxnum N;
      if (!number_at(S, j, &N)) return 0;
      if (N.decade || N.ord) return after_number(S, i, &N, CTX_THE, r);
      /* the 2002 fiscal year */
      if (N.plain && N.intd == 4 && ok_tok(S, N.end + 1) && tok_isl(S, N.end + 1, "year") &&
          (tok_isl(S, N.end, "fiscal") || tok_isl(S, N.end, "calendar")))
        return after_number(S, i, &N, CTX_THE, r);
      /* the nine months (ended Sept. 30): a period */
      int unit = N.sfx == SFX_NONE && !N.frac ? tunit_at(S, N.end) : 0;
      if (unit && !unit_is_time(unit) && unit != U_QUARTER && !tok_isl(S, N.end + 1, "ago"))
        return after_tunit(S, i, N.end, N.v, unit, r);
      return 0;
    }
    if (t->kind == LX_TK_PUNCT && (t->flags & LX_TF_QUOTE) && ok_tok(S, j + 1) &&
        S->t[j + 1].kind == LX_TK_NUM) {
      /* the '90s */
      nxnum N;
      if (number_at(S, j + 1, &N) && N.decade && N.intd == 2) {
        int v = (int)N.v + (N.v >= 30 ? 1900 : 1900 + 100 * (N.v < 30));
        res(r, i, j + 2, LEDE_T_DATE, 0);
        set_str(r, "%03d", v / 10);
        return 1;
      }
      return 0;
    }
    if (!w) return 0;
    switch (w->cls) {
      case NX_W_REL: return rel_expr(S, i, j, 1, r);
      case NX_W_ORD: {
        nxnum N;
        if (number_at(S, j, &N) && N.ord) {
          nx_res r2;
          if (after_number(S, i, &N, CTX_THE, &r2) &&
              (r2.type == LEDE_T_DATE || r2.type == LEDE_T_TIME)) {
            *r = r2;
            return 1;
          }
        }
        return 0;
      }
      case NX_W_EDGE:
      case NX_W_EARLY: {
        /* the end of 2019, the middle of the year, the beginning of March */
        if ((w->cls == NX_W_EDGE || tok_isl(S, j, "middle")) && tok_isl(S, j + 1, "of") &&
            ok_tok(S, j + 2))
          return edge_of(S, i, j + 2, r);
        /* "the early hours of Monday": a time of that day, before dawn;
         * "into the early hours" */
        if (tok_isl(S, j, "early") && tok_isl(S, j + 1, "hours")) {
          size_t d = j + 3;
          int day = (tok_isl(S, j + 2, "of") || tok_isl(S, j + 2, "on")) && ok_tok(S, d) &&
                    (S->t[d].flags & LX_TF_CAP) && tlen(S, d) > 4 && lex_cls(S, d) == NX_W_WDAY;
          const nx_word *wd = day ? lex(S, d) : NULL;
          /* "the early hours of the talks" are no time of day */
          if (!wd && tok_isl(S, j + 2, "of")) return 0;
          res(r, i, wd ? d + 1 : j + 2, LEDE_T_TIME, 0);
          if (wd) resolve_wday(S, d, (int)wd->v, 0, r);
          else set_str(r, "XXXX-XX-XX");
          add_time_of_day(r, "MO");
          return 1;
        }
        /* the early 1990s, the late 1980s */
        if (w->cls == NX_W_EARLY && early_expr(S, i, j + 1, r)) return 1;
        return 0;
      }
      case NX_W_TUNIT:
        if (w->v == U_WEEKEND && tok_isl(S, j, "weekend")) {
          res(r, i, j + 1, LEDE_T_DATE, 0);
          str_rel_unit(S, U_WEEKEND, 0, r);
          return 1;
        }
        return the_period(S, i, j, (int)w->v, r);
      case NX_W_QUARTER: return the_period(S, i, j, U_QUARTER, r);
      case NX_W_PART: {
        /* "in the morning", "during the night" (not "the morning news") */
        const char *s = tstr(S, j);
        size_t e = j + 1;
        if ((s[tlen(S, j) - 1] | 32) == 's' || !(S->t[j].flags & LX_TF_LOWER) ||
            !prev_word_in(S, i, period_preps, LX_COUNTOF(period_preps)))
          return 0;
        if (e < S->t1 && S->t[e].kind == LX_TK_WORD && (S->t[e].flags & LX_TF_LOWER) &&
            !prev_word_in(S, e + 1,
                          (const char *const[]){"and", "or", "when", "before", "after", "to",
                                                "at", "in", "on", "with", "as"},
                          11))
          return 0;
        res(r, i, e, LEDE_T_TIME, 0);
        set_str(r, "XXXX-XX-XXT%s", part_code[w->v >= 1 && w->v <= 4 ? (int)w->v : 1]);
        return 1;
      }
      case NX_W_SEASON:
        if (tok_isl(S, j + 1, "of") && !of_year(S, j + 1, &(int){0})) return 0;
        return temporal_word(S, i, j, 1, r);
      default: return 0;
    }
  }
  /* a / an */
  if (tok_isl(S, i, "a") && a_money(S, i, r)) return 1;
  /* "a mile away", "about a foot a year", "a quarter mile". The words
   * before the article are read only for a unit after it (a_unit with
   * `measured` set finds every unit it finds without): most articles have
   * none, and a currency asked of the word before costs a gazetteer
   * lookup. */
  size_t q = tok_isl(S, j, "quarter") ? j + 1 : j;
  if (tok_isl(S, i, "a") && a_unit(S, q, 1)) {
    int measured = i > S->t0 && (lex_cls(S, i - 1) == NX_W_MOD || tok_isl(S, i - 1, "than"));
    /* not a rate's unit: "3 dollars a gallon", "a dollar fifty-nine a
     * gallon", "pay $3.09 for a gallon" */
    size_t pv = i > S->t0 + 1 && (tok_isl(S, i - 1, "for") || tok_isl(S, i - 1, "per")) ? i - 1 : i;
    char iso[4];
    nxnum P;
    int before = pv > S->t0 ? lex_cls(S, pv - 1) : NX_W_NONE;
    int rate = pv > S->t0 &&
               (S->t[pv - 1].kind == LX_TK_NUM || before == NX_W_UNIT ||
                before == NX_W_TENS || currency_at(S, pv - 1, 1, iso, &(double){1}) ||
                tok_isl(S, pv - 1, "cents") ||
                (S->t[pv - 1].kind == LX_TK_WORD && (S->t[pv - 1].flags & LX_TF_HYPHEN) &&
                 spelled(S, pv - 1, &P) && P.end == pv));
    const unitsfx *u = !rate ? a_unit(S, q, measured || q > j) : NULL;
    if (u) {
      res(r, i, q + 1, LEDE_T_QUANTITY, (q > j ? 0.25 : 1) * u->factor);
      set_cstr(r, u->unit);
      return 1;
    }
  }
  if (!w) return 0;
  switch (w->cls) {
    case NX_W_SCALE:
    case NX_W_HUNDRED:
    case NX_W_DOZEN: {
      nxnum N;
      if (spelled(S, i, &N)) return after_number(S, i, &N, CTX_A, r);
      return 0;
    }
    case NX_W_TUNIT: {
      int unit = (int)w->v;
      const char *s = tstr(S, j);
      if ((s[tlen(S, j) - 1] | 32) == 's') return 0;
      if (per_unit(S, i)) return 0;
      /* "twice a month", "once a year": a set */
      if (i > S->t0 && once_word(S, i - 1) && after_tunit(S, i, j, 1, unit, r)) {
        r->a = i - 1;
        return 1;
      }
      return after_tunit(S, i, j, 1, unit, r);
    }
    case NX_W_FEW:
      if (tok_isl(S, j, "few") || tok_isl(S, j, "couple"))
        return temporal_word(S, i, j, 0, r) ? (r->a = i, 1) : 0;
      return 0;
    case NX_W_HALF: {
      /* a half hour */
      int unit = tunit_at(S, j + 1);
      if (unit && unit != U_WEEKEND) {
        res(r, i, j + 2, tunit_type(unit), 0);
        str_duration(r, 0.5, unit);
        return 1;
      }
      return 0;
    }
    case NX_W_ORD:
    case NX_W_QUARTER: {
      /* a third (of...), a quarter of: fractions; "a third term" is an
       * ordinal; "a quarter century" a date; "a third straight day" a day
       * in a run (ord_run) */
      double den = w->v;
      nxnum N;
      if (w->cls == NX_W_ORD && number_at(S, j, &N) && N.ord && !(S->t[j].flags & LX_TF_CAP)) {
        size_t u = ord_run(S, &N);
        if (u) return res(r, i, u + 1, tunit_type(tunit_at(S, u)), 0);
      }
      if (w->cls == NX_W_ORD && (den < 3 || den > 10)) return 0;
      if (w->cls == NX_W_QUARTER &&
          (tok_isl(S, j + 1, "century") || tok_isl(S, j + 1, "of") == 0)) {
        if (tok_isl(S, j + 1, "century")) {
          res(r, i, j + 2, LEDE_T_DATE, 0);
          set_str(r, "P25Y");
          return 1;
        }
        if (tok_isl(S, j + 1, "hour")) {
          res(r, i, j + 2, LEDE_T_TIME, 0);
          set_str(r, "PT15M");
          return 1;
        }
        /* "fell by almost a quarter.": a share, read as "a third" is below */
        int share = i > S->t0 && (tok_isl(S, i - 1, "by") || lex_cls(S, i - 1) == NX_W_MOD);
        if (!share || tok_isl(S, j + 1, "century")) return 0;
      }
      size_t k = j + 1;
      /* "fell by a third since March", "a third in 2010": a preposition
       * after it ends a fraction, a noun makes an ordinal */
      static const char *const preps[] = {"since", "in", "from", "over", "to", "during",
                                          "last", "this", "on", "at", "by", "than",
                                          "between", "while", "compared", "within", "among",
                                          "amid", "after", "before", "for", "as", "with",
                                          "across", "under", "against"};
      int end = k >= S->t1 || S->t[k].kind == LX_TK_PUNCT || tok_isl(S, k, "of") ||
                tok_isl(S, k, "and") || tok_isl(S, k, "or");
      if (!end) end = tok_in(S, k, preps, LX_COUNTOF(preps));
      /* "about a quarter past four", "a quarter to six": a clock time */
      if (w->cls == NX_W_QUARTER && (tok_isl(S, k, "past") || tok_isl(S, k, "to")) &&
          ok_tok(S, k + 1) && (S->t[k + 1].kind == LX_TK_NUM || lex_cls(S, k + 1) == NX_W_UNIT ||
                               lex_cls(S, k + 1) == NX_W_TENS)) {
        nxnum H;
        if (!number_at(S, k + 1, &H) || H.end != k + 2 || H.ord || H.frac || H.v < 1 ||
            H.v > 12 || H.v != (int)H.v)
          return 0;
        int past = tok_isl(S, k, "past"), h = (int)H.v - !past;
        res(r, i, k + 2, LEDE_T_TIME, 0);
        set_str(r, "T%02d:%02d", h == 0 ? 12 : h, past ? 15 : 45);
        return 1;
      }
      /* "About a third expect", "nearly a quarter said": a share said
       * approximately is no rank, whatever follows */
      if (!end && !(i > S->t0 && lex_cls(S, i - 1) == NX_W_MOD && !tok_isl(S, i - 1, "at") &&
                    !tok_isl(S, k, "past") && !tok_isl(S, k, "after") && !tok_isl(S, k, "till")))
        return 0;
      /* "a quarter of a percentage point" */
      if (tok_isl(S, k, "of") && (tok_isl(S, k + 1, "a") || tok_isl(S, k + 1, "an")) &&
          ok_tok(S, k + 2)) {
        size_t p = percent_at(S, k + 2);
        if (p) return res(r, i, k + 2 + p, LEDE_T_PERCENT, 1.0 / den);
        /* "a quarter of a million (dollars)": a part of the number */
        nxnum M;
        if (lex_cls(S, k + 2) == NX_W_SCALE && spelled(S, k + 1, &M)) {
          M.v /= den;
          if (after_number(S, i, &M, CTX_A, r) && r->type) {
            r->a = i;
            return 1;
          }
        }
      }
      res(r, i, j + 1, LEDE_T_CARDINAL, 1.0 / den);
      return 1;
    }
    default: return 0;
  }
}

/* "hundreds", "thousands of", "tens of thousands", "millions of dollars". */
static int plural_expr(const nx *S, size_t i, nx_res *r) {
  const nx_word *w = lex(S, i);
  double v = w->v;
  size_t j = i + 1, end = i + 1;
  for (int k = 0; k < 3; k++) {
    if (!tok_isl(S, j, "of") || !ok_tok(S, j + 1)) break;
    const nx_word *u = lex(S, j + 1);
    if (!u || u->cls != NX_W_PLURAL || u->v <= 10) break;
    v *= u->v;
    j += 2;
    end = j;
  }
  if ((S->t[i].flags & LX_TF_CAP) && !(S->t[i].flags & LX_TF_SENT) &&
      !(S->t[i].flags & LX_TF_ALLCAP))
    return res(r, i, end, 0, 0);
  if (tok_isl(S, end, "of") && ok_tok(S, end + 1)) {
    char iso[4];
    double f;
    size_t k = currency_at(S, end + 1, 1, iso, &f);
    if (k && !tok_isl(S, end + 1, "pounds")) {
      res(r, i, end + 1 + k, LEDE_T_MONEY, v * f);
      set_cstr(r, iso);
      return 1;
    }
    int unit = tunit_at(S, end + 1);
    if (unit && lex_cls(S, end + 1) != NX_W_QUARTER) {
      res(r, i, end + 2, tunit_type(unit), 0);
      str_duration(r, -1, unit);
      return 1;
    }
  }
  res(r, i, end, LEDE_T_CARDINAL, v);
  return 1;
}

/* Fractions led by "half": half a percentage point, half an hour, half a
 * million, half of. */
static int half_expr(const nx *S, size_t a, size_t i, nx_res *r) {
  size_t j = i + 1;
  if ((S->t[i].flags & LX_TF_CAP) && !(S->t[i].flags & LX_TF_SENT)) return 0;
  if ((tok_isl(S, j, "a") || tok_isl(S, j, "an")) && ok_tok(S, j + 1)) {
    size_t k = percent_at(S, j + 1);
    if (k) return res(r, a, j + 1 + k, LEDE_T_PERCENT, 0.5);
    int unit = tunit_at(S, j + 1);
    if (unit) {
      res(r, a, j + 2, tunit_type(unit), 0);
      str_duration(r, 0.5, unit);
      return 1;
    }
    /* "half a mile" */
    const unitsfx *u = a_unit(S, j + 1, 1);
    if (u) {
      res(r, a, j + 2, LEDE_T_QUANTITY, 0.5 * u->factor);
      set_cstr(r, u->unit);
      return 1;
    }
    const nx_word *w = lex(S, j + 1);
    if (w && (w->cls == NX_W_SCALE || w->cls == NX_W_DOZEN || w->cls == NX_W_HUNDRED)) {
      nxnum N;
      memset(&N, 0, sizeof N);
      N.a = i;
      N.end = j + 2;
      N.v = 0.5 * w->v;
      N.words = 1;
      N.scaled = 1;
      N.hi = -1;
      return after_number(S, a, &N, CTX_NONE, r);
    }
    return 0;
  }
  if (tok_isl(S, j, "of") || tok_isl(S, j, "the")) return res(r, a, i + 1, LEDE_T_CARDINAL, 0.5);
  /* "sales had fallen by half since June": a share of what came before */
  if (i > S->t0 && tok_isl(S, i - 1, "by") && !(S->t[i].flags & LX_TF_CAP) &&
      (j >= S->t1 || S->t[j].kind == LX_TK_PUNCT || lex_cls(S, j) == NX_W_OF ||
       tok_isl(S, j, "since") || tok_isl(S, j, "in") || tok_isl(S, j, "from") ||
       tok_isl(S, j, "over") || tok_isl(S, j, "last") || tok_isl(S, j, "this")))
    return res(r, a, i + 1, LEDE_T_CARDINAL, 0.5);
  return 0;
}

/* "Q3", "3Q" (and "Q3 2019", "3Q of 2019"): a quarter of the year, unless a
 * name comes before it (Audi Q3). */
static int quarter_code(const nx *S, size_t i, nx_res *r) {
  const char *s = tstr(S, i);
  if (tlen(S, i) != 2) return 0;
  int q = (s[0] | 32) == 'q' ? s[1] - '0' : (s[1] | 32) == 'q' ? s[0] - '0' : 0;
  if (q < 1 || q > 4) return 0;
  if (i > S->t0 && (S->t[i - 1].flags & LX_TF_CAP) && !(S->t[i - 1].flags & LX_TF_SENT))
    return 0;
  int y = 0;
  size_t k = year_tok(S, i + 1, &y) ? 1 : of_year(S, i + 1, &y);
  res(r, i, i + 1 + k, LEDE_T_DATE, 0);
  str_period(S, i, q, 0, 0, y, r);
  return 1;
}

/* A score or a tally in one token, "2-1", "52-48", after a verb of
 * winning or voting or before the word it qualifies: "beat Syria 2-1",
 * "voted 52-48", "a 3-0 win". One CARDINAL, its text as value. */
static int score_shape(const nx *S, size_t i) {
  size_t n = tlen(S, i), h = 0, h2 = 0;
  const char *s = tstr(S, i);
  if (S->t[i].kind != LX_TK_NUM || n < 3 || n > 8) return 0;
  /* the hyphen is the second, third or fourth byte: most numbers have none */
  if (s[1] != '-' && s[2] != '-' && (n == 3 || s[3] != '-')) return 0;
  for (size_t q = 0; q < n; q++) {
    if (s[q] == '-' && !h && q > 0 && q <= 3) {
      h = q;
      continue;
    }
    /* a record with ties: "15-6-3", "4-5-2" (each part two digits at most) */
    if (s[q] == '-' && h && !h2 && q > h + 1 && q - h - 1 <= 2 && h <= 2) {
      h2 = q;
      continue;
    }
    if (s[q] < '0' || s[q] > '9') return 0;
  }
  if (h2) return n - h2 - 1 > 0 && n - h2 - 1 <= 2;
  return h && n - h - 1 > 0 && n - h - 1 <= 3 && n <= 7;
}

/* A tally after a verb of deciding, with what was decided between: "passed
 * the measure 68-31", "approved it 219-213 on Friday", "ruled 5-4". What
 * follows must not make the pair a range of something ("approved a 10-12
 * percent rise"): the end of the clause, a preposition, a day. */
static int tally_at(const nx *S, size_t i, size_t e) {
  static const char *const verbs[] = {"passed", "approved", "rejected", "adopted", "confirmed",
                                      "ratified", "endorsed", "cleared", "upheld", "overturned",
                                      "ruled", "ruling", "overrode", "defeated", "elected", "chose",
                                      "failed", "voted"};
  static const char *const next[] = {"on", "in", "at", "with", "after", "and", "but", "to",
                                     "as", "late", "early", "earlier", "over", "when", "while",
                                     "despite", "before", "vote", "margin", "that", "last",
                                     "yesterday", "today", "tonight"};
  if (ok_tok(S, e + 1) && !(S->t[e + 1].flags & LX_TF_NEWLINE)) {
    const lx_token *n = &S->t[e + 1];
    if (n->kind == LX_TK_NUM || n->kind == LX_TK_SYM) return 0;
    if (n->kind == LX_TK_WORD) {
      int cls = lex_cls(S, e + 1), ok = cls == NX_W_WDAY || cls == NX_W_DAYREL || cls == NX_W_MONTH;
      if (!ok) ok = tok_in(S, e + 1, next, LX_COUNTOF(next));
      if (!ok) return 0;
    }
  }
  /* the verb, then up to five words of what was decided, none a number;
   * or the verb and a comma ("Members rejected, 5-4, a proposal") */
  if (i >= S->t0 + 2 && tok_isl(S, i - 1, ",")) {
    if (tok_in(S, i - 2, verbs, LX_COUNTOF(verbs))) return 1;
    return 0;
  }
  for (size_t k = i, w = 0; k > S->t0 && w <= 5; k--, w++) {
    const lx_token *p = &S->t[k - 1];
    if (p->kind != LX_TK_WORD) return 0;
    if (tok_in(S, k - 1, verbs, LX_COUNTOF(verbs))) return 1;
    if (p->flags & (LX_TF_SENT | LX_TF_NEWLINE)) return 0;
  }
  return 0;
}

/* A pair of numbers ending at e is a range of what follows it: "10-12
 * percent", "5-7 million", "3-4 days". */
static int pair_of_what(const nx *S, size_t e) {
  if (e + 1 >= S->t1) return 0;
  if (tok_isl(S, e + 1, "%")) return 1;
  int cls = lex_cls(S, e + 1);
  return cls == NX_W_PCT || cls == NX_W_SCALE || cls == NX_W_TUNIT;
}

/* A verb before a score: "won 2-1" (a chain of tok_isl). */
static int score_verb(const nx *S, size_t i) {
  return tok_isl(S, i, "won") || tok_isl(S, i, "win") || tok_isl(S, i, "wins") ||
         tok_isl(S, i, "winning") || tok_isl(S, i, "lost") || tok_isl(S, i, "lose") ||
         tok_isl(S, i, "loses") || tok_isl(S, i, "losing") || tok_isl(S, i, "drew") ||
         tok_isl(S, i, "draw") || tok_isl(S, i, "drawing") || tok_isl(S, i, "leads") ||
         tok_isl(S, i, "leading") || tok_isl(S, i, "trailing") || tok_isl(S, i, "voted") ||
         tok_isl(S, i, "vote") || tok_isl(S, i, "votes") || tok_isl(S, i, "tied") ||
         tok_isl(S, i, "level") || tok_isl(S, i, "ended") || tok_isl(S, i, "finished") ||
         tok_isl(S, i, "halftime") || tok_isl(S, i, "half-time") || tok_isl(S, i, "aggregate") ||
         tok_isl(S, i, "took") || tok_isl(S, i, "final");
}

/* A verb with the beaten side between: "beat Syria 2-1" (a chain of
 * tok_isl). */
static int score_beat(const nx *S, size_t i) {
  return tok_isl(S, i, "beat") || tok_isl(S, i, "beating") || tok_isl(S, i, "beats") ||
         tok_isl(S, i, "defeated") || tok_isl(S, i, "defeating") || tok_isl(S, i, "edged") ||
         tok_isl(S, i, "routed") || tok_isl(S, i, "downed") || tok_isl(S, i, "thrashed") ||
         tok_isl(S, i, "crushed") || tok_isl(S, i, "led") || tok_isl(S, i, "trailed") ||
         tok_isl(S, i, "lead") || tok_isl(S, i, "trail") || tok_isl(S, i, "trails") ||
         tok_isl(S, i, "topped") || tok_isl(S, i, "blanked") || tok_isl(S, i, "swept") ||
         tok_isl(S, i, "outscored") || tok_isl(S, i, "upset") || tok_isl(S, i, "off") ||
         tok_isl(S, i, "dispatched") || tok_isl(S, i, "eliminated") || tok_isl(S, i, "ousted") ||
         tok_isl(S, i, "outlasted") || tok_isl(S, i, "overcame") || tok_isl(S, i, "stunned") ||
         tok_isl(S, i, "hammered") || tok_isl(S, i, "whipped") || tok_isl(S, i, "leads") ||
         tok_isl(S, i, "tied") || tok_isl(S, i, "ties") || tok_isl(S, i, "leading") ||
         tok_isl(S, i, "trailing");
}

/* A noun of a score: "a 2-1 win", "a vote of 93-8" (a chain of tok_isl). */
static int score_noun(const nx *S, size_t i) {
  return tok_isl(S, i, "win") || tok_isl(S, i, "victory") || tok_isl(S, i, "defeat") ||
         tok_isl(S, i, "loss") || tok_isl(S, i, "vote") || tok_isl(S, i, "lead") ||
         tok_isl(S, i, "draw") || tok_isl(S, i, "margin") || tok_isl(S, i, "majority") ||
         tok_isl(S, i, "decision") || tok_isl(S, i, "tie") || tok_isl(S, i, "triumph") ||
         tok_isl(S, i, "drubbing") || tok_isl(S, i, "thrashing") || tok_isl(S, i, "rout") ||
         tok_isl(S, i, "scoreline") || tok_isl(S, i, "verdict") || tok_isl(S, i, "run") ||
         tok_isl(S, i, "record") || tok_isl(S, i, "streak") || tok_isl(S, i, "deficit") ||
         tok_isl(S, i, "advantage") || tok_isl(S, i, "count") || tok_isl(S, i, "edge") ||
         tok_isl(S, i, "split") || tok_isl(S, i, "tally") || tok_isl(S, i, "score") ||
         tok_isl(S, i, "result") || tok_isl(S, i, "sets") || tok_isl(S, i, "pitch") ||
         tok_isl(S, i, "tiebreaker") || tok_isl(S, i, "tiebreak") || tok_isl(S, i, "tie-break") ||
         tok_isl(S, i, "outsider") || tok_isl(S, i, "favorite") || tok_isl(S, i, "favourite") ||
         tok_isl(S, i, "shot");
}

static int score_at_shaped(const nx *S, size_t i, int depth);
/* (the shape first, in the caller: most numbers are no score, and the
 * rules' frame costs more than the test) */
static inline int score_at(const nx *S, size_t i, int depth) {
  return score_shape(S, i) && score_at_shaped(S, i, depth);
}
/* A score at i, whose token has a score's shape. */
static int score_at_shaped(const nx *S, size_t i, int depth) {
  /* a level score: "level at 1-1", "serving at 4-5", "tied at 2-2" */
  static const char *const at_level[] = {"level", "tied", "locked", "deadlocked", "serving",
                                         "square", "stood", "stands", "all", "even"};
  /* the side that won: "lost to Fritz 6-4", "losing to unseeded Liam Cotter 7-6" */
  static const char *const lost_to[] = {"lost", "losing", "lose", "loses", "fell", "falling",
                                        "falls", "bowed"};
  /* a record reached: "improved to 31-2", "fell to 25-4" */
  static const char *const to_record[] = {"improved", "fell", "dropped", "moved", "slipped",
                                          "evened", "climbed", "went", "falls", "improves",
                                          "drops", "moves", "slips", "climbs", "goes"};
  /* the sets of a match: "won 3-6 6-3 6-3" */
  size_t p = i;
  while (p > S->t0 && p + 5 > i && score_shape(S, p - 1) && !(S->t[p].flags & LX_TF_NEWLINE))
    p--;
  size_t e = i;
  while (e + 1 < S->t1 && e < p + 5 && score_shape(S, e + 1) &&
         !(S->t[e + 1].flags & LX_TF_NEWLINE))
    e++;
  i = p;
  if (i > S->t0 && S->t[i - 1].kind == LX_TK_WORD) {
    if (score_verb(S, i - 1)) return 1;
    if (score_beat(S, i - 1)) return 1;
    /* the beaten side in up to six words: "beat the Houston Astros 6-2",
     * "beating the third seed 6-4", "lead the series 3-2", "beating No. 2
     * seed Olga Severina 6-4" */
    for (size_t k = i - 1, w = 0; k > S->t0 && w < 6; k--, w++) {
      if (S->t[k].flags & (LX_TF_SENT | LX_TF_NEWLINE)) break;
      if (S->t[k].kind != LX_TK_WORD && !(S->t[k].kind == LX_TK_NUM && tlen(S, k) <= 2) &&
          !tok_isl(S, k, "."))
        break;
      if (S->t[k - 1].kind == LX_TK_WORD && !pair_of_what(S, e))
        if (score_beat(S, k - 1)) return 1;
    }
    if (i >= S->t0 + 2 && tok_isl(S, i - 1, "to"))
      if (tok_in(S, i - 2, to_record, LX_COUNTOF(to_record))) return 1;
    if (i >= S->t0 + 2 && tok_isl(S, i - 1, "at"))
      if (tok_in(S, i - 2, at_level, LX_COUNTOF(at_level))) return 1;
    /* "At 2-0 down", "at 5-6 in the third set" */
    if (tok_isl(S, i - 1, "at") && i == e && ok_tok(S, e + 1) &&
        (tok_isl(S, e + 1, "down") || tok_isl(S, e + 1, "up") ||
         (tok_isl(S, e + 1, "in") && tok_isl(S, e + 2, "the") && ok_tok(S, e + 4) &&
          (tok_isl(S, e + 4, "set") || tok_isl(S, e + 4, "game") || tok_isl(S, e + 4, "half")))))
      return 1;
    /* a side's record: "Gonzaga, the top seed, is 24-0 and", "are 15-6-3." */
    if (i == e &&
        (tok_isl(S, i - 1, "is") || tok_isl(S, i - 1, "are") || tok_isl(S, i - 1, "was") ||
         tok_isl(S, i - 1, "were") || tok_isl(S, i - 1, "went")) &&
        !pair_of_what(S, e) &&
        (!ok_tok(S, e + 1) || is_punct(S, e + 1, '.') || is_punct(S, e + 1, ',') ||
         is_punct(S, e + 1, ';') || tok_isl(S, e + 1, "and") || tok_isl(S, e + 1, "with") ||
         tok_isl(S, e + 1, "after") || tok_isl(S, e + 1, "on") || tok_isl(S, e + 1, "this")))
      return 1;
    for (size_t k = i - 1, w = 0; k > S->t0 + 1 && w < 6; k--, w++) {
      if (S->t[k].flags & (LX_TF_SENT | LX_TF_NEWLINE)) break;
      if (S->t[k].kind != LX_TK_WORD) break;
      if (tok_isl(S, k - 1, "to") && !pair_of_what(S, e))
        if (tok_in(S, k - 2, lost_to, LX_COUNTOF(lost_to))) return 1;
    }
    /* "their head-to-head record 5-2", "a lead 2-0" */
    if (i == e && !pair_of_what(S, e))
      if (score_noun(S, i - 1) && !tok_isl(S, i - 1, "run")) return 1;
  }
  /* "England, 1-0 up in the series," */
  if (i == e && ok_tok(S, e + 2) && (tok_isl(S, e + 1, "up") || tok_isl(S, e + 1, "down")) &&
      (tok_isl(S, e + 2, "in") || tok_isl(S, e + 2, "at") || is_punct(S, e + 2, ',')) &&
      !pair_of_what(S, e))
    return 1;
  /* "by a vote of 93-8", "a margin of 3-1" */
  if (i >= S->t0 + 2 && tok_isl(S, i - 1, "of"))
    if (score_noun(S, i - 2)) return 1;
  /* a side's record in brackets: "Cascade State (7-1) won" */
  if (i == e && i >= S->t0 + 2 && e + 1 < S->t1 && tok_isl(S, i - 1, "(") &&
      tok_isl(S, e + 1, ")") && S->t[i - 2].kind == LX_TK_WORD && (S->t[i - 2].flags & LX_TF_CAP))
    return 1;
  /* a side's record set off by commas: "Ohio Valley State, 25-4, expects" */
  if (i == e && i >= S->t0 + 2 && e + 1 < S->t1 && tok_isl(S, i - 1, ",") &&
      tok_isl(S, e + 1, ",") && S->t[i - 2].kind == LX_TK_WORD &&
      (S->t[i - 2].flags & LX_TF_CAP) && lex_cls(S, i - 2) != NX_W_MONTH)
    return 1;
  /* a tie-break after a set: "7-6 (7-5)" */
  if (i == e && i >= S->t0 + 2 && e + 1 < S->t1 && tok_isl(S, i - 1, "(") &&
      tok_isl(S, e + 1, ")") && depth < 5 && score_at(S, i - 2, depth + 1))
    return 1;
  if (ok_tok(S, e + 1) && S->t[e + 1].kind == LX_TK_WORD)
    if (score_noun(S, e + 1)) return 1;
  /* "a 2-1 home win", "a 52-48 party-line vote": one word between */
  if (ok_tok(S, e + 2) && S->t[e + 1].kind == LX_TK_WORD && (S->t[e + 1].flags & LX_TF_LOWER) &&
      S->t[e + 2].kind == LX_TK_WORD && i > S->t0 && tok_isl(S, i - 1, "a"))
    if (score_noun(S, e + 2)) return 1;
  /* a vote set off by commas after its verb: "passed a similar measure,
   * 248-171, on March 23" */
  if (i == e && i >= S->t0 + 2 && e + 1 < S->t1 && tok_isl(S, i - 1, ",") &&
      tok_isl(S, e + 1, ",")) {
    static const char *const passed[] = {"passed", "approved", "adopted", "rejected",
                                         "confirmed", "ratified", "cleared", "endorsed",
                                         "defeated", "overrode", "killed", "voted"};
    for (size_t k = i - 1, w = 0; k > S->t0 && w < 6; k--, w++) {
      if (S->t[k - 1].flags & LX_TF_NEWLINE) break;
      if (tok_in(S, k - 1, passed, LX_COUNTOF(passed))) return 1;
    }
  }
  if (i == e && tally_at(S, i, e)) return 1;
  /* the sets after the first, with commas and tie-breaks: "beat Fritz
   * 7-6 (6), 6-3" */
  if (i < S->t0 + 2 || !tok_isl(S, i - 1, ",")) return 0;
  size_t k = i - 2;
  if (k >= S->t0 + 3 && tok_isl(S, k, ")") && S->t[k - 1].kind == LX_TK_NUM &&
      tok_isl(S, k - 2, "("))
    k -= 3;
  /* five sets at most: a list of pairs costs no more than that */
  return depth < 5 && score_at(S, k, depth + 1);
}

/* A cricket score or a bowler's figures from i: "267 for seven" (runs for
 * wickets), "three for 74" (wickets for runs), in a sentence about the
 * game (innings, overs, wickets, batting...). Returns the end, or 0. */
static size_t cricket_at(const nx *S, size_t i) {
  static const char *const game[] = {"bat", "batted", "batting", "bowled", "bowler", "bowling",
                                     "century", "declared", "innings", "over", "overs", "run",
                                     "runs", "spinner", "test", "wicket", "wickets"};
  if (!ok_tok(S, i + 2) || !tok_isl(S, i + 1, "for")) return 0;
  nxnum A, B;
  /* (the range first: a double out of int's range is no int to cast to) */
  if (!number_at(S, i, &A) || A.end != i + 1 || A.ord || A.frac || A.scaled || A.tail ||
      A.v < 0 || A.v > 999 || A.v != (int)A.v || !number_at(S, i + 2, &B) || B.end != i + 3 ||
      B.ord || B.frac || B.scaled || B.tail || B.v < 0 || B.v > 999 || B.v != (int)B.v)
    return 0;
  /* runs for wickets, or wickets for runs */
  if (!((B.v >= 1 && B.v <= 10) || (A.v <= 10 && B.v >= 10))) return 0;
  /* what follows is the clause's: not a noun counted ("paid 20 for five apples") */
  static const char *const next[] = {"after", "against", "and", "as", "at", "before", "but",
                                     "declared", "from", "in", "inside", "off", "on", "overs",
                                     "to", "when", "wickets", "with"};
  if (ok_tok(S, i + 3) && S->t[i + 3].kind == LX_TK_WORD &&
      ((S->t[i + 3].flags & LX_TF_LOWER) || lex_word(S, i + 3)) &&
      !lx_sorted_has(next, LX_COUNTOF(next), tstr(S, i + 3), tlen(S, i + 3)))
    return 0;
  /* the sentence's words */
  size_t lo = i > S->t0 + 12 ? i - 12 : S->t0, hi = i + 14 < S->t1 ? i + 14 : S->t1;
  for (size_t k = i; k > lo; k--)
    if (S->t[k].flags & LX_TF_SENT) {
      lo = k;
      break;
    }
  for (size_t k = i + 1; k < hi; k++)
    if (S->t[k].flags & LX_TF_SENT) {
      hi = k;
      break;
    }
  for (size_t k = lo; k < hi; k++)
    if (S->t[k].kind == LX_TK_WORD && lx_sorted_has(game, LX_COUNTOF(game), tstr(S, k), tlen(S, k)))
      return i + 3;
  return 0;
}

/* A cricket score's entity: its text is its value, as a score's. */
static int cricket_result(const nx *S, size_t i, size_t e, nx_res *r) {
  res(r, i, e, LEDE_T_CARDINAL, 0);
  size_t n = S->t[e - 1].end - S->t[i].start;
  if (n >= sizeof r->str) n = sizeof r->str - 1;
  memcpy(r->str, tstr(S, i), n);
  r->str[n] = 0;
  return 1;
}

/* A number after modifiers at i ("more than 14,000", "an estimated $8
 * billion", "between 10 and 20"). */
static int mod_expr(const nx *S, size_t i, nx_res *r) {
  int between;
  size_t j = modifiers(S, i, &between);
  if (j == i || !ok_tok(S, j)) return 0;
  int ctx = CTX_MOD | (between ? CTX_BETWEEN : 0);
  nx_res r2;
  const lx_token *u = &S->t[j];
  int got = 0;
  if (u->kind == LX_TK_NUM) {
    lx_date d;
    size_t k = abs_date(S, j, &d);
    if (k && d.hour >= 0 && !d.month && at_next(S, j, &r2) && r2.type == LEDE_T_TIME) {
      r2.a = i; /* "about 10 p.m. Thursday": the day read after the time */
      got = 1;
    } else if (k) {
      abs_result(S, d.hour >= 0 ? i : j, j, k, &d, &r2);
      got = 1;
    } else {
      nxnum N;
      if (number_at(S, j, &N)) got = after_number(S, i, &N, ctx, &r2);
    }
  } else if (u->kind == LX_TK_SYM) {
    got = money_first(S, i, j, &r2);
  } else {
    const nx_word *x = lex(S, j);
    if (x && (x->cls == NX_W_UNIT || x->cls == NX_W_TENS)) {
      nxnum N;
      if (spelled(S, j, &N)) got = after_number(S, i, &N, ctx, &r2);
    } else if (x && x->cls == NX_W_DET && !tok_isl(S, j, "the")) {
      got = det_expr(S, j, &r2);
      if (got && r2.type != LEDE_T_DATE && r2.type != LEDE_T_TIME &&
          r2.type != LEDE_T_CARDINAL && r2.type != LEDE_T_MONEY &&
          r2.type != LEDE_T_PERCENT && r2.type != LEDE_T_QUANTITY)
        got = 0;
      if (got) r2.a = i;
    } else if (x && x->cls == NX_W_NOON && j == i + 1 &&
               (tok_isl(S, i, "about") || tok_isl(S, i, "around") ||
                tok_isl(S, i, "approximately") || tok_isl(S, i, "roughly") ||
                tok_isl(S, i, "almost") || tok_isl(S, i, "nearly"))) {
      /* "about midnight", "around noon", "almost midnight" */
      got = temporal_word(S, j, j, 0, &r2) && r2.type == LEDE_T_TIME && r2.a == j;
      if (got) r2.a = i;
    } else if (x && x->cls == NX_W_NOON && j == i + 1 && tok_isl(S, i, "between")) {
      /* "between noon and 6 p.m.": one span, as "between 9 a.m. and 5 p.m." */
      nx_res r3;
      got = temporal_word(S, j, j, 0, &r2) && r2.type == LEDE_T_TIME && r2.a == j &&
            ok_tok(S, r2.b + 1) && tok_isl(S, r2.b, "and") && at_next(S, r2.b + 1, &r3) &&
            r3.type == LEDE_T_TIME && r3.a == r2.b + 1;
      if (got) {
        r2.a = i;
        r2.b = r3.b;
        r2.str[0] = 0;
      }
    } else if (x && x->cls == NX_W_HALF) {
      got = half_expr(S, i, j, &r2);
    } else if (x && x->cls == NX_W_PLURAL) {
      got = plural_expr(S, j, &r2);
      if (got && r2.type) r2.a = i;
    } else if (!(u->flags & LX_TF_LOWER) || (u->flags & LX_TF_HYPHEN)) {
      if (u->flags & LX_TF_HYPHEN) {
        nxnum N;
        if (spelled(S, j, &N)) got = after_number(S, i, &N, ctx, &r2);
      } else if (u->flags & LX_TF_ALLCAP) {
        got = money_first(S, i, j, &r2);
      }
    }
  }
  if (!got || r2.type == 0) return 0;
  /* modifiers stay off ordinals and off the numbers of dates */
  if (r2.type == LEDE_T_ORDINAL) return 0;
  if (r2.type == LEDE_T_DATE && r2.a != i && r2.str[0] != 'P') return 0;
  if (r2.a != i && r2.type == LEDE_T_DATE) return 0;
  /* "$1.5 trillion over 10 years": "over" a duration is "during" it,
   * no modifier; "for over 10 years", "in over a decade" are "more than" */
  if (r2.type == LEDE_T_DATE && r2.str[0] == 'P' && tok_isl(S, i, "over") &&
      r2.b != i + 2 && /* "people over 70": an age, no unit */
      !(i > S->t0 && (tok_isl(S, i - 1, "for") || tok_isl(S, i - 1, "in") ||
                      tok_isl(S, i - 1, "of") || tok_isl(S, i - 1, "after") ||
                      tok_isl(S, i - 1, "than") || tok_isl(S, i - 1, "by"))))
    return 0;
  *r = r2;
  return 1;
}

/* A result that opens on the word before its number: "magnitude 6.4",
 * "No. 2", "his 30s". */
static int word_led(const nx *S, const nx_res *r) {
  return (r->type == LEDE_T_QUANTITY && strcmp(r->str, "magnitude") == 0) ||
         (r->type == LEDE_T_ORDINAL && tok_isl(S, r->a, "no.")) ||
         (r->type == LEDE_T_TIME && tok_isl(S, r->a, "all")) || /* "all night" */
         (r->type == LEDE_T_DATE && !r->str[0] && /* an age: "in his 30s" */
          (tok_isl(S, r->a, "his") || tok_isl(S, r->a, "her") || tok_isl(S, r->a, "their") ||
           tok_isl(S, r->a, "my") || tok_isl(S, r->a, "our") || tok_isl(S, r->a, "your")));
}

/* An earthquake's size: "magnitude 6.4", "6.3 on the Richter scale"
 * (the unit "magnitude"). */
static int magnitude_at(const nx *S, size_t i, nx_res *r) {
  nxnum N;
  int before = i > S->t0 && tok_isl(S, i - 1, "magnitude");
  int richter = !before && ok_tok(S, i + 4) && tok_isl(S, i + 1, "on") &&
                tok_isl(S, i + 2, "the") && tok_isl(S, i + 3, "richter") &&
                tok_isl(S, i + 4, "scale");
  if (!(before || richter) || !number_at(S, i, &N) || N.end != i + 1 || N.words ||
      N.sfx != SFX_NONE || !(N.v > 0 && N.v < 10))
    return 0;
  res(r, before ? i - 1 : i, before ? i + 1 : i + 5, LEDE_T_QUANTITY, N.v);
  set_cstr(r, "magnitude");
  return 1;
}

/* A height in feet and inches in one token: "6-foot-3", "5-feet-11". */
static int height_token(const nx *S, size_t i, nx_res *r) {
  const char *s = tstr(S, i);
  size_t n = tlen(S, i), k = 0;
  int ft = 0, in = 0;
  if (n < 8) return 0; /* "6-foot-3" is the shortest: most numbers go here */
  while (k < n && k < 2 && is_digit((unsigned char)s[k])) ft = ft * 10 + (s[k++] - '0');
  if (!k || k + 7 > n || (memcmp(s + k, "-foot-", 6) != 0 && memcmp(s + k, "-feet-", 6) != 0))
    return 0;
  size_t d = k += 6;
  while (k < n && k < d + 2 && is_digit((unsigned char)s[k])) in = in * 10 + (s[k++] - '0');
  if (k == d || k != n || in > 11) return 0;
  res(r, i, i + 1, LEDE_T_QUANTITY, ft * 0.3048 + in * 0.0254);
  set_str(r, "m");
  return 1;
}

/* Everything that can start at token i; a is where the span starts. */
static int at(const nx *S, size_t i, nx_res *r) {
  const lx_token *t = &S->t[i];
  switch (t->kind) {
    case LX_TK_NUM: {
      /* (a quarter's code has two bytes: "Q3", "3Q") */
      if ((tlen(S, i) == 2 && quarter_code(S, i, r)) || height_token(S, i, r) ||
          magnitude_at(S, i, r))
        return 1;
      /* "401(k)", "403(b)": a plan's name, no number */
      if (i + 3 < S->t1 && S->t[i + 1].start == S->t[i].end && is_punct(S, i + 1, '(') &&
          S->t[i + 2].kind == LX_TK_WORD && tlen(S, i + 2) == 1 && is_punct(S, i + 3, ')'))
        return res(r, i, i + 4, 0, 0);
      /* "back in '56", "the class of '98": a year cut to two digits */
      int sy;
      /* (the apostrophe glued to two digits: short_year asks it too) */
      if (i >= S->t0 + 2 && S->t[i - 1].end == t->start && tlen(S, i) == 2 &&
          short_year(S, i - 1, &sy) &&
          (i - 1 > S->t0 && year_prep(S, i - 2))) {
        res(r, i, i + 1, LEDE_T_DATE, 0); /* (the driver takes the apostrophe) */
        set_year(r, sy);
        return 1;
      }
      /* "B.1.617", "A.2": a number glued to a letter's abbreviation names a
       * thing (not "Rs.5", a currency the lexicon knows) */
      if (i > S->t0 && S->t[i - 1].end == t->start && S->t[i - 1].kind == LX_TK_WORD &&
          ((S->t[i - 1].flags & LX_TF_PERIOD) || S->t[i - 1].end - S->t[i - 1].start == 1) &&
          !lex(S, i - 1))
        return res(r, i, i + 1, 0, 0);
      /* the number is read first; the date grammar only where a date or a
       * clock time can be: 10:30, 2019-11-18, 18.11.2019, 10am, 6 May */
      nxnum N;
      if (!number_at(S, i, &N)) return res(r, i, i + 1, 0, 0);
      int next = N.end == i + 1 ? lex_cls(S, i + 1) : NX_W_NONE;
      int maybe = N.sfx == SFX_OTHER ||
                  ((N.sfx == SFX_SLASH || N.sfx == SFX_HYPHEN) && N.hi < 0 &&
                   memchr(N.tail, N.sfx == SFX_SLASH ? '/' : '-', N.tailn)) ||
                  next == NX_W_MONTH || next == NX_W_AMPM ||
                  (N.end == i + 1 && N.plain && N.intd == 4 && zone_after(S, i));
      lx_date d;
      size_t k = maybe ? abs_date(S, i, &d) : 0;
      if (k) {
        /* 10 a.m. Tuesday, 2:20 p.m. yesterday; 5:30 yesterday afternoon,
         * 9:15 last night (the part of the day sets the hour's half) */
        if (d.hour >= 0 && !d.month && ok_tok(S, i + k) &&
            ((lex_cls(S, i + k) == NX_W_WDAY && (S->t[i + k].flags & LX_TF_CAP)) ||
             lex_cls(S, i + k) == NX_W_DAYREL ||
             (tok_isl(S, i + k, "last") && tok_isl(S, i + k + 1, "night")) ||
             (tok_isl(S, i + k, "this") &&
              (tok_isl(S, i + k + 1, "morning") || tok_isl(S, i + k + 1, "afternoon") ||
               tok_isl(S, i + k + 1, "evening"))))) {
          nx_res w;
          if (temporal_word(S, i + k, i + k, 0, &w) && w.str[0] != 'X' &&
              (w.type == LEDE_T_DATE ||
               (w.type == LEDE_T_TIME && strlen(w.str) == 13 && w.str[10] == 'T'))) {
            char day[11];
            memcpy(day, w.str, 10);
            day[10] = 0;
            if (w.type == LEDE_T_TIME) {
              const char *p = w.str + 11;
              int late = !strcmp(p, "AF") || !strcmp(p, "EV") || !strcmp(p, "NI");
              if (late && d.hour >= 1 && d.hour < 12 && !(p[0] == 'N' && d.hour < 5))
                d.hour += 12;
              if (!strcmp(p, "MO") && d.hour == 12) d.hour = 0;
            }
            res(r, i, w.b, LEDE_T_TIME, 0);
            str_time(r, day, &d);
            return 1;
          }
        }
        return abs_result(S, i, i, k, &d, r);
      }
      /* "(800) 433-9016": a telephone number's area code */
      if (tlen(S, i) == 3 && i > S->t0 && i + 2 < S->t1 && tok_isl(S, i - 1, "(") &&
          tok_isl(S, i + 1, ")") && S->t[i + 2].kind == LX_TK_NUM && tlen(S, i + 2) == 8 &&
          tstr(S, i + 2)[3] == '-')
        return res(r, i, i + 3, 0, 0);
      /* "call 911", "the first 911 call": an emergency number, no count */
      if (tlen(S, i) == 3 && memcmp(tstr(S, i), "911", 3) == 0 &&
          ((i > S->t0 &&
            prev_word_in(S, i, (const char *const[]){"call", "called", "calling", "calls", "dial",
                                                     "dialed", "dialing", "dialled"}, 8)) ||
           tok_isl(S, i + 1, "call") || tok_isl(S, i + 1, "calls") ||
           tok_isl(S, i + 1, "dispatcher") || tok_isl(S, i + 1, "operator") ||
           tok_isl(S, i + 1, "dispatchers") || tok_isl(S, i + 1, "operators") ||
           tok_isl(S, i + 1, "emergency")))
        return res(r, i, i + 1, 0, 0);
      /* "type 2 diabetes": a name's number */
      if (i > S->t0 && tok_isl(S, i - 1, "type") && tok_isl(S, i + 1, "diabetes"))
        return res(r, i, i + 1, 0, 0);
      /* "No. 1", "#1", "Number 10": ranks and labels, not entities (the
       * first byte of the word before, folded as tok_isl folds it, first) */
      unsigned char b0 = i > S->t0 ? (unsigned char)S->text[S->t[i - 1].start] | 0x20 : 0;
      if ((b0 == '#' || b0 == 'n') &&
          (tok_isl(S, i - 1, "#") || tok_isl(S, i - 1, "no.") || tok_isl(S, i - 1, "nos.") ||
           (tok_isl(S, i - 1, "number") && !(S->t[i - 1].flags & LX_TF_LOWER)))) {
        /* a rank: "the No. 2 seed", "No. 7 Cascade State" (not a name's
         * number: "Chanel No. 5", "Symphony No. 9") */
        if (b0 == 'n' && tok_isl(S, i - 1, "no.") && (S->t[i - 1].flags & LX_TF_CAP) &&
            N.plain && N.end == i + 1 && N.v >= 1 && N.v <= 999 &&
            !(i - 1 > S->t0 && S->t[i - 2].kind == LX_TK_WORD &&
              (S->t[i - 2].flags & LX_TF_CAP) && !(S->t[i - 1].flags & LX_TF_SENT)) &&
            !(ok_tok(S, i + 2) && (tok_isl(S, i + 2, "street") || tok_isl(S, i + 2, "road") ||
                                   tok_isl(S, i + 2, "avenue") || tok_isl(S, i + 2, "st."))))
          return res(r, i - 1, i + 1, LEDE_T_ORDINAL, N.v);
        return res(r, i, i + 1, 0, 0);
      }
      size_t ce = tok_isl(S, i + 1, "for") ? cricket_at(S, i) : 0;
      if (ce) return cricket_result(S, i, ce, r);
      if (score_at(S, i, 0)) {
        res(r, i, i + 1, LEDE_T_CARDINAL, 0);
        memcpy(r->str, tstr(S, i), tlen(S, i)); /* at most 7 bytes */
        r->str[tlen(S, i)] = 0;
        return 1;
      }
      return after_number(S, i, &N, CTX_NONE, r);
    }
    case LX_TK_SYM: {
      if (money_first(S, i, i, r)) return 1;
      return 0;
    }
    case LX_TK_WORD: break;
    default: return 0;
  }
  const nx_word *w = lex(S, i);
  if (!w) {
    if (t->flags & LX_TF_HYPHEN) {
      /* both readings open with a lexicon word before the first hyphen
       * ("mid-1990s", "twenty-five"): look it up once for the many that
       * do not ("long-term") */
      const char *s = tstr(S, i);
      size_t n = tlen(S, i), e = 0;
      while (e < n && s[e] != '-') e++;
      if (scale_currency_word(i, s, n, r) || fraction_word(i, s, n, r)) return 1;
      /* "its full-year forecast": the year, no value */
      if (n == 9 && ieq(s, n, "full-year")) return res(r, i, i + 1, LEDE_T_DATE, 0);
      if (!lex_str(s, e)) return 0;
      if (hyphen_word(S, i, r)) return 1;
      nxnum N;
      if (spelled(S, i, &N)) return after_number(S, i, &N, CTX_NONE, r);
      return 0;
    }
    /* currency codes before a number: USD 5 million, Rs 500 crore */
    if (t->flags & LX_TF_ALLCAP) {
      if (ok_tok(S, i + 1) && S->t[i + 1].kind == LX_TK_NUM) return money_first(S, i, i, r);
    }
    if (t->flags & LX_TF_DIGIT) {
      if (quarter_code(S, i, r)) return 1;
      /* FY2020 */
      const char *s = tstr(S, i);
      size_t n = tlen(S, i);
      if (n == 6 && (s[0] | 32) == 'f' && (s[1] | 32) == 'y' && is_digit((unsigned char)s[2]) &&
          is_digit((unsigned char)s[3]) && is_digit((unsigned char)s[4]) &&
          is_digit((unsigned char)s[5])) {
        res(r, i, i + 1, LEDE_T_DATE, 0);
        set_str(r, "FY%.4s", s + 2);
        return 1;
      }
    }
    return 0;
  }
  switch (w->cls) {
    case NX_W_UNIT:
    case NX_W_TENS: {
      size_t ce = tok_isl(S, i + 1, "for") ? cricket_at(S, i) : 0;
      if (ce) return cricket_result(S, i, ce, r);
      int y;
      size_t yk = spoken_year(S, i, &y);
      if (yk) { /* "in nineteen eighty-six", "the year two thousand" */
        size_t a = i >= S->t0 + 2 && tok_isl(S, i - 1, "year") && tok_isl(S, i - 2, "the")
                       ? i - 2
                       : i;
        res(r, a, i + yk, LEDE_T_DATE, 0);
        set_year(r, y);
        return 1;
      }
      nxnum N;
      if (spelled(S, i, &N)) return after_number(S, i, &N, CTX_NONE, r);
      return 0;
    }
    case NX_W_HUNDRED:
    case NX_W_SCALE:
    case NX_W_DOZEN: return 0;
    case NX_W_PLURAL: return plural_expr(S, i, r);
    case NX_W_ORD: {
      /* "27 million instructions a second", "frames per second": a rate's
       * unit of time, no rank (rates are not entities) */
      /* "six hundredths of a second", "a split second": a unit of time */
      static const char *const unit_after[] = {"despite", "and", "or", "in", "to", "ahead",
                                               "behind", "faster", "slower", "later", "earlier",
                                               "before", "after", "off", "of", "than"};
      if (tok_isl(S, i, "second") && i >= S->t0 + 2 && tok_isl(S, i - 1, "a") &&
          (tok_isl(S, i - 2, "of") || tok_isl(S, i - 2, "split")) &&
          !(ok_tok(S, i + 1) && S->t[i + 1].kind == LX_TK_WORD &&
            !word_in_list(S, i + 1, unit_after, LX_COUNTOF(unit_after))))
        return res(r, i - 1, i + 1, 0, 0);
      if (tok_isl(S, i, "second") && i >= S->t0 + 2 &&
          (tok_isl(S, i - 1, "a") || tok_isl(S, i - 1, "per")) &&
          (!ok_tok(S, i + 1) || is_punct(S, i + 1, '.') || is_punct(S, i + 1, ';') ||
           tok_isl(S, i + 1, "and") || tok_isl(S, i + 1, "or")) &&
          (S->t[i - 2].kind == LX_TK_NUM ||
           ((S->t[i - 2].flags & LX_TF_LOWER) && (tstr(S, i - 2)[tlen(S, i - 2) - 1] | 32) == 's')))
        return res(r, i - 1, i + 1, 0, 0);
      nxnum N;
      if (spelled(S, i, &N)) return after_number(S, i, &N, CTX_NONE, r);
      return 0;
    }
    case NX_W_HALF: return half_expr(S, i, i, r);
    case NX_W_DET:
      /* "an estimated 300" opens on a modifier */
      if (tok_isl(S, i, "an") && tok_isl(S, i + 1, "estimated")) return mod_expr(S, i, r);
      return det_expr(S, i, r);
    case NX_W_MOD: return mod_expr(S, i, r);
    case NX_W_EDGE:
      if (tok_isl(S, i, "close") && tok_isl(S, i + 1, "to") && mod_expr(S, i, r)) return 1;
      return lead_class[w->cls] ? temporal_word(S, i, i, 0, r) : 0;
    case NX_W_NO: return 0;
    case NX_W_CURPRE:
      if ((ok_tok(S, i + 1) && S->t[i + 1].kind == LX_TK_NUM) ||
          (is_punct(S, i + 1, '.') && ok_tok(S, i + 2) && S->t[i + 2].kind == LX_TK_NUM))
        return money_first(S, i, i, r);
      return 0;
    default:
      if (!lead_class[w->cls]) return 0;
      return temporal_word(S, i, i, 0, r);
  }
}

/* Whether [a, b) counts percentage points (a change, not a level). */
static int has_points(const nx *S, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (tok_isl(S, k, "points") || tok_isl(S, k, "point")) return 1;
  return 0;
}

/* "80% to 90%", "$5 to $10", "between $5 and $10": a range whose both ends
 * carry their sign is one entity, valued by its lower end. Not a change:
 * "from 5% to 10%", "rose 0.1 pct to 54.2 pct", nor a tally: "a 53 percent
 * to 39 percent lead" (a range goes up), nor "cut 0.5 percentage points to
 * 10.5 pct". */
/* A word of voting or winning before a pair at a ("voted 52 to 48", "a
 * vote of 220 to 211", "won 3 to 1"). */
static int score_words_before(const nx *S, size_t a) {
  static const char *const words[] = {"beat", "count", "defeated", "lost", "margin", "tally",
                                      "vote", "voted", "votes", "won"};
  if (a <= S->t0) return 0;
  size_t k = a - 1;
  if (tok_isl(S, k, "of") && k > S->t0) k--;
  return S->t[k].kind == LX_TK_WORD &&
         lx_sorted_has(words, LX_COUNTOF(words), tstr(S, k), tlen(S, k));
}

/* Whether a token of [a, b) holds a slash (a fraction: "3-1/2"). */
static int has_slash(const nx *S, size_t a, size_t b) {
  for (size_t q = a; q < b; q++)
    if (S->t[q].kind == LX_TK_NUM && memchr(tstr(S, q), '/', tlen(S, q))) return 1;
  return 0;
}

static void range_tail(const nx *S, nx_res *r) {
  size_t j = r->b;
  if (!ok_tok(S, j) || !ok_tok(S, j + 1)) return;
  int to = tok_isl(S, j, "to");
  int join = to || ((S->t[j].flags & LX_TF_DASH) && tlen(S, j) <= 3) ||
             (tok_isl(S, j, "and") && tok_isl(S, r->a, "between"));
  if (!join) return;
  /* "-12.99  -5.44%": a dash against the number after it and apart from
   * the one before is the second number's sign, not a range */
  if (!to && dash_is_sign(S, j)) return;
  /* not a change ("rose from $5 to $6"), but a span ("prices ranging from
   * $13.50 to $16.25") */
  if (to && (r->a > S->t0 && change_word(S, r->a - 1)) &&
      !(r->a >= S->t0 + 2 && tok_isl(S, r->a - 1, "from") &&
        prev_word_in(S, r->a - 1, (const char *const[]){"ranging", "range", "ranged", "ranges",
                                                        "varying", "vary", "varied"}, 7)))
    return;
  nx_res r2;
  if (!at_next(S, j + 1, &r2) || r2.type != r->type) return;
  if (r->type != LEDE_T_PERCENT && strcmp(r->str, r2.str) != 0) return;
  /* "cut 0.5 percentage points to 10.5 pct" */
  if (r->type == LEDE_T_PERCENT && has_points(S, r->a, r->b) != has_points(S, r2.a, r2.b))
    return;
  /* a tally: "voted 1,901 to 1,456", "passed the bill 52 to 48", "a vote
   * of 220 to 211", "won 3 to 1": one CARDINAL, its text its value */
  if (r->type == LEDE_T_CARDINAL && to && r2.type == LEDE_T_CARDINAL && !r2.str[0] &&
      r2.num < r->num && r2.num >= 0 && !has_slash(S, r->a, r2.b) &&
      (tally_at(S, r->a, r2.b - 1) || score_words_before(S, r->a))) {
    size_t n = S->t[r2.b - 1].end - S->t[r->a].start;
    if (n >= sizeof r->str) return;
    memcpy(r->str, S->text + S->t[r->a].start, n);
    r->str[n] = 0;
    r->b = r2.b;
    return;
  }
  if (!(r2.num > r->num)) return;
  /* counts: "40 to 50 armed men", "1.0 mln to 1.5 mln bags"; not a pair
   * of prices or a change ("off 3/8 to 3-1/2", "an increase of 300 mln to
   * 86.6 billion", "6-7 (4- 7)"): joined by "to", no fraction, the bounds
   * within a factor of four */
  if (r->type == LEDE_T_CARDINAL &&
      (!to || !(r2.num <= 4 * r->num) || has_slash(S, r->a, r2.b))) return;
  r->b = r2.b;
}

/* A sign before an amount: "minus 2 percent", "minus $37.63", "-20C",
 * "−0.5%" (U+2212) are negative and the sign is in the span. A dash is a
 * sign only against the number and after a space, an opening bracket or
 * the start (not "3-5", not "pre-20"); "negative" is left alone ("a
 * negative 2 percent" reads as an adjective as often as a sign). */
static void signed_value(const nx *S, nx_res *r, size_t last) {
  if (r->type != LEDE_T_CARDINAL && r->type != LEDE_T_PERCENT && r->type != LEDE_T_MONEY &&
      r->type != LEDE_T_QUANTITY)
    return;
  if (r->type == LEDE_T_CARDINAL && r->str[0]) return; /* a score, "2-1" */
  if (r->be > r->bs || !(r->num > 0)) return;
  size_t s = r->a - 1;
  const lx_token *t = &S->t[s], *u = &S->t[r->a];
  if (t->kind == LX_TK_WORD) {
    if (!tok_isl(S, s, "minus")) return;
    /* "around minus 14 degrees": the modifier before the sign */
    const nx_word *w = s >= last + 1 && s - 1 >= S->t0 ? lex(S, s - 1) : NULL;
    if (w && w->cls == NX_W_MOD && w->v == 1) {
      r->a = s - 1;
      r->num = -r->num;
      return;
    }
  } else {
    size_t n = t->end - t->start;
    const char *p = S->text + t->start;
    int dash = (n == 1 && p[0] == '-') || (n == 3 && memcmp(p, "\xE2\x88\x92", 3) == 0);
    if (!dash || t->end != u->start) return;
    if (t->start > 0) {
      unsigned char c = (unsigned char)S->text[t->start - 1];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '(' && c != '[') return;
    }
  }
  r->a = s;
  r->num = -r->num;
}

/* The rank of an ISO 8601 duration's single unit ("P3Y", "PT20M"): 7 for
 * years down to 1 for seconds, 0 if it is not one number and one unit. */
static int duration_rank(const char *p) {
  if (p[0] != 'P') return 0;
  int t = p[1] == 'T';
  const char *q = p + 1 + t;
  if (!is_digit((unsigned char)*q)) return 0;
  while (is_digit((unsigned char)*q) || *q == '.') q++;
  if (q[0] == 0 || q[1] != 0) return 0;
  static const char date_u[] = "DWMY", time_u[] = "SMH";
  const char *u = strchr(t ? time_u : date_u, q[0]);
  if (!u) return 0;
  return t ? (int)(u - time_u) + 1 : (int)(u - date_u) + 4;
}

/* The rank of the last unit of a duration of numbers and units only
 * ("PT4H48M": minutes, 2), as duration_rank ranks them; else 0. */
static int last_rank(const char *p) {
  if (p[0] != 'P') return 0;
  const char *q = p + 1, *t = NULL;
  for (; *q; q++) {
    if (*q == 'T' && !t) t = q;
    else if (!is_digit((unsigned char)*q) && *q != '.' && !strchr("YMWDHS", *q)) return 0;
  }
  size_t n = (size_t)(q - p);
  if (n < 3 || !is_digit((unsigned char)p[n - 2])) return 0;
  static const char date_u[] = "DWMY", time_u[] = "SMH";
  const char *u = strchr(t ? time_u : date_u, p[n - 1]);
  if (!u) return 0;
  return t ? (int)(u - time_u) + 1 : (int)(u - date_u) + 4;
}

/* One more, smaller unit after r's duration: joined to it (1), or not (0). */
static int more_duration(const nx *S, nx_res *r) {
  size_t j = r->b;
  int hi = last_rank(r->str);
  if (!hi || !ok_tok(S, j)) return 0;
  int comma = 0;
  if (tok_isl(S, j, "and")) {
    if (!ok_tok(S, ++j)) return 0;
  } else if (tok_isl(S, j, ",") && hi <= 3 && ok_tok(S, j + 1) &&
             (S->t[j + 1].kind == LX_TK_NUM || lex_cls(S, j + 1) == NX_W_UNIT ||
              lex_cls(S, j + 1) == NX_W_TENS || (S->t[j + 1].flags & LX_TF_HYPHEN))) {
    comma = 1; /* "2 minutes, 14 seconds", "two hours, eight minutes": clock units only */
    j++;
  } else if (S->t[j].kind != LX_TK_NUM) {
    return 0;
  }
  nx_res r2;
  if (!at_next(S, j, &r2)) return 0;
  if (r2.type != LEDE_T_DATE && r2.type != LEDE_T_TIME) return 0;
  int lo = duration_rank(r2.str);
  if (!lo || lo >= hi || (comma && (lo != hi - 1 || r2.a != j))) return 0;
  char v[sizeof r->str];
  size_t n = strlen(r->str);
  const char *tail = r2.str + 1; /* after its P */
  if (lo <= 3 && hi <= 3) tail++; /* both times: one T */
  else if (lo <= 3 && *tail != 'T') return 0;
  if (n + strlen(tail) + 1 > sizeof v) return 0;
  memcpy(v, r->str, n);
  memcpy(v + n, tail, strlen(tail) + 1);
  memcpy(r->str, v, sizeof v);
  r->b = r2.b;
  return 1;
}

/* "three hours and 20 minutes", "two years and three months", "4 hours 48
 * mins 2 seconds": one duration, P2Y3M, PT3H20M, PT4H48M2S, each unit
 * smaller than the one before. Without "and", the second opens on digits. */
static void compound_duration(const nx *S, nx_res *r) {
  if (!duration_rank(r->str)) return; /* one number and one unit to start */
  while (more_duration(S, r)) continue;
  /* "25 years to life": a sentence */
  if (ok_tok(S, r->b + 1) && tok_isl(S, r->b, "to") && tok_isl(S, r->b + 1, "life") &&
      r->str[strlen(r->str) - 1] == 'Y') {
    r->b += 2;
    r->str[0] = 0;
    return;
  }
  /* "six months to two years": a span from one to the other, no value */
  nx_res r2;
  if (ok_tok(S, r->b + 1) && tok_isl(S, r->b, "to") && at_next(S, r->b + 1, &r2) &&
      r2.type == r->type && duration_rank(r2.str) > duration_rank(r->str)) {
    r->b = r2.b;
    r->str[0] = 0;
    return;
  }
  /* "a year or two", "a day or so": a span of about that, no value */
  size_t j = r->b;
  if (ok_tok(S, j + 1) && tok_isl(S, j, "or") &&
      (tok_isl(S, j + 1, "two") || tok_isl(S, j + 1, "three") || tok_isl(S, j + 1, "so")) &&
      (j + 2 >= S->t1 || S->t[j + 2].kind != LX_TK_WORD || !(S->t[j + 2].flags & LX_TF_LOWER) ||
       tok_isl(S, j + 2, "ago") || tok_isl(S, j + 2, "later") || tok_isl(S, j + 2, "earlier"))) {
    r->b = j + 2;
    r->str[0] = 0;
  }
}

/* The last date of a sentence that names a period ("2020-Q1", "2021-08",
 * "1987"), for the comparisons after it. */
typedef struct year_anchor {
  char v[12];
  size_t end; /* its tokens' end */
} year_anchor;

static int atoi_2(const char *v) { return (v[0] - '0') * 10 + (v[1] - '0'); }
static int atoi_4(const char *v) { return atoi_2(v) * 100 + atoi_2(v + 2); }

static int year4(const char *v) {
  return (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
}

/* A period's value: a year, and a quarter, a half or a month of it. */
static int period_value(const char *v) {
  size_t n = strlen(v);
  for (int k = 0; k < 4; k++)
    if (!is_digit((unsigned char)v[k])) return 0;
  return n == 4 ||
         (n == 7 && v[4] == '-' &&
          ((v[5] == 'Q' && v[6] >= '1' && v[6] <= '4') ||
           (v[5] == 'H' && (v[6] == '1' || v[6] == '2')) ||
           (is_digit((unsigned char)v[5]) && is_digit((unsigned char)v[6]))));
}

/* "net rose in the first quarter from 6 mln dlrs a year earlier", "sales
 * grew in August from the same period last year": the period the sentence
 * named, a year before (1986-Q1, 2020-08), where the words alone say "a
 * year before some time" (P1Y) or "last year" (2019). Keeps *A the
 * sentence's last period. */
static void year_before(const nx *S, nx_res *r, year_anchor *A) {
  size_t a = r->a, b = r->b;
  int years = 0, same = 0;
  /* "over the previous year", "the preceding year" */
  if (r->str[0] == 'P' && b == a + 3 && tok_isl(S, b - 1, "year") &&
      (tok_isl(S, a + 1, "previous") || tok_isl(S, a + 1, "preceding") ||
       tok_isl(S, a + 1, "prior")) &&
      strlen(A->v) == 4) {
    years = 1;
  } else if (r->str[0] == 'P' && b > a &&
             (tok_isl(S, b - 1, "earlier") || tok_isl(S, b - 1, "before"))) {
    const char *q = r->str + 1;
    while (is_digit((unsigned char)*q)) years = years * 10 + (*q++ - '0');
    if (q[0] != 'Y' || q[1] || years < 1 || years > 10) years = 0;
  } else if (strlen(r->str) == 4) {
    for (size_t k = a; k < b; k++)
      if (tok_isl(S, k, "year-earlier") || tok_isl(S, k, "year-ago") || tok_isl(S, k, "period"))
        same = 1;
  }
  /* "the same period last year" takes a quarter or a half (a month may be
   * the first of a range: "From January to June ... the same period") */
  if (same && !(strlen(A->v) == 7 && (A->v[5] == 'Q' || A->v[5] == 'H'))) same = 0;
  /* the anchor's sentence, or the one before when the expression opens the
   * next ("... in the third quarter. A year earlier, it earned"); read only
   * for a year before (most dates are none) */
  int in_sentence = (years || same) && A->v[0] && A->end <= a;
  for (size_t k = A->end; in_sentence && k <= a && k < S->t1; k++)
    if ((S->t[k].flags & LX_TF_PARA) || ((S->t[k].flags & LX_TF_SENT) && k != a))
      in_sentence = 0;
  if ((years || same) && in_sentence && strlen(A->v) == 7) {
    int y = year4(A->v) - (years ? years : 1);
    if (y >= 1000) {
      memcpy(r->str, A->v, 8);
      r->str[0] = (char)('0' + y / 1000);
      r->str[1] = (char)('0' + y / 100 % 10);
      r->str[2] = (char)('0' + y / 10 % 10);
      r->str[3] = (char)('0' + y % 10);
    }
  } else if (years && in_sentence) {
    set_str(r, "%04d", year4(A->v) - years);
  }
  if (period_value(r->str) && !years && !same) {
    memcpy(A->v, r->str, strlen(r->str) + 1);
    A->end = b;
  }
}

/* A day's value, "2019-10-01". */
static int day_value(const char *v) {
  return strlen(v) == 10 && period_value((char[8]){v[0], v[1], v[2], v[3], v[4], v[5], v[6], 0}) &&
         v[7] == '-' && is_digit((unsigned char)v[8]) && is_digit((unsigned char)v[9]);
}

/* Dates from one to another, one DATE: "between Aug. 14 and Oct. 20",
 * "Oct. 1 through Oct. 7", "October 1 to 7" (a day of the same month), valued as an
 * interval; and a period named so, "the Feb. 11-20 period", "the 1982-84
 * base period". `open` says the token before r may join it. */
static void date_range(const nx *S, nx_res *r, int open) {
  size_t j = r->b;
  int between = open && tok_isl(S, r->a - 1, "between");
  /* (the word after the date first, then the value: most dates are
   * followed by none of these words) */
  if (ok_tok(S, j + 1) &&
      (between ? tok_isl(S, j, "and") : tok_isl(S, j, "to") || tok_isl(S, j, "through")) &&
      day_value(r->str)) {
    nx_res r2;
    nxnum N;
    char v[sizeof r->str];
    /* two whole dates after "to" may be a change ("moved from Oct. 1 to
     * Oct. 7"): "between ... and", "through", and "from ... to" after no
     * verb of change ("hosts the cup from July 17 to Aug. 7") */
    static const char *const moved[] = {"moved",  "postponed", "delayed", "shifted",
                                        "changed", "pushed",   "rescheduled", "advanced",
                                        "extended", "brought", "put",     "move"};
    int from = open && r->a >= S->t0 + 2 && tok_isl(S, r->a - 1, "from") &&
               !prev_word_in(S, r->a - 1, moved, LX_COUNTOF(moved));
    if ((between || from || tok_isl(S, j, "through")) && at_next(S, j + 1, &r2) &&
        r2.type == LEDE_T_DATE && day_value(r2.str) && strcmp(r2.str, r->str) > 0) {
      snprintf(v, sizeof v, "%.10s/%.10s", r->str, r2.str);
      memcpy(r->str, v, sizeof v);
      r->b = r2.b;
      if (between) r->a--;
    } else if (!between && S->t[j + 1].kind == LX_TK_NUM && number_at(S, j + 1, &N) &&
               N.plain && N.end == j + 2 && N.v > atoi_2(r->str + 8) && N.v <= 31 &&
               (!ok_tok(S, j + 2) || S->t[j + 2].kind == LX_TK_PUNCT)) {
      snprintf(v, sizeof v, "%.10s/%.8s%02d", r->str, r->str, (int)N.v);
      memcpy(r->str, v, sizeof v);
      r->b = j + 2;
    }
    return;
  }
  /* "between June and September", "from March to November" (a month to a
   * later one, the next year's when it comes before in the year), "the
   * 2015 through 2018 model years": one DATE */
  int month = 0, year = 0;
  if (ok_tok(S, j + 1) &&
      (between ? tok_isl(S, j, "and")
               : tok_isl(S, j, "to") || tok_isl(S, j, "through") || tok_isl(S, j, "until"))) {
    month = strlen(r->str) == 7 && period_value(r->str) && r->str[4] == '-' &&
            r->b == r->a + 1 && lex_cls(S, r->a) == NX_W_MONTH;
    year = strlen(r->str) == 4 && period_value(r->str) && r->b == r->a + 1;
  }
  if (month || year) {
    int y = atoi_4(r->str), y2, m2 = 0;
    const nx_word *w2 = month ? lex(S, j + 1) : NULL;
    if (month && w2 && w2->cls == NX_W_MONTH && (S->t[j + 1].flags & LX_TF_CAP) &&
        w2->v >= 1 && w2->v <= 12 && w2->v != atoi_2(r->str + 5) &&
        !(ok_tok(S, j + 2) && S->t[j + 2].kind == LX_TK_NUM)) {
      m2 = (int)w2->v;
      y2 = m2 < atoi_2(r->str + 5) ? y + 1 : y;
      char v[sizeof r->str];
      snprintf(v, sizeof v, "%.7s/%04d-%02d", r->str, y2, m2);
      memcpy(r->str, v, sizeof v);
      r->b = j + 2;
      if (between) r->a--;
      return;
    }
    if (year && !between && tok_isl(S, j, "through") && year_tok(S, j + 1, &y2) && y2 > y) {
      char v[sizeof r->str];
      snprintf(v, sizeof v, "%04d/%04d", y, y2);
      memcpy(r->str, v, sizeof v);
      r->b = j + 2;
      return;
    }
  }
  /* "the Feb. 11-20 period", "the 1982-84 base period", "the 1988/89 crop
   * year", "the 1995-96 school year" */
  if (!open || !tok_isl(S, r->a - 1, "the")) return;
  size_t k = tok_isl(S, j, "base") ? j + 1 : j;
  int yearly = ok_tok(S, j + 1) && tok_isl(S, j + 1, "year") &&
               (tok_isl(S, j, "crop") || tok_isl(S, j, "school") || tok_isl(S, j, "marketing") ||
                tok_isl(S, j, "academic") || tok_isl(S, j, "financial"));
  if (ok_tok(S, k) && (tok_isl(S, k, "period") || yearly)) {
    r->a--;
    r->b = yearly ? j + 2 : k + 1;
  }
}

/* "1988's fourth quarter", "1990's first half": one DATE, that year's. */
static void year_period(const nx *S, nx_res *r) {
  size_t j = r->b;
  nx_res r2;
  if (!ok_tok(S, j + 1) || !(S->t[j].flags & LX_TF_POSS) || strlen(r->str) != 4 ||
      !period_value(r->str) || !at_next(S, j + 1, &r2) || r2.type != LEDE_T_DATE ||
      strlen(r2.str) != 7 || !(r2.str[5] == 'Q' || r2.str[5] == 'H'))
    return;
  memcpy(r->str + 4, r2.str + 4, 4);
  r->b = r2.b;
}

/* A clock time's value (an hour and its minutes, "T21:00"). */
static int clock_value(const char *v) {
  const char *t = strchr(v, 'T');
  return t && is_digit((unsigned char)t[1]) && is_digit((unsigned char)t[2]) && t[3] == ':';
}

/* "9 p.m. to 7 a.m.", "between 8 a.m. and 5 p.m.": one TIME from a clock
 * time to another, no value ("from" stays out, "between" in). */
static void clock_range(const nx *S, nx_res *r) {
  size_t j = r->b;
  if (!clock_value(r->str) || !ok_tok(S, j + 1)) return;
  int between = tok_isl(S, r->a, "between");
  if (!(between ? tok_isl(S, j, "and")
                : tok_isl(S, j, "to") || tok_isl(S, j, "until") || tok_isl(S, j, "till")))
    return;
  nx_res r2;
  if (!at_next(S, j + 1, &r2) || r2.type != LEDE_T_TIME || !clock_value(r2.str)) return;
  r->b = r2.b;
  r->str[0] = 0;
}

/* "10 dollars and 50 cents", "5 pounds and 20 pence": one sum, when the
 * second is the smaller coin of the same currency. */
static void money_and_cents(const nx *S, nx_res *r) {
  size_t j = r->b;
  if (!(r->num >= 1) || !ok_tok(S, j + 1) || !tok_isl(S, j, "and")) return;
  nx_res r2;
  if (!at_next(S, j + 1, &r2) || r2.type != LEDE_T_MONEY) return;
  if (strcmp(r->str, r2.str) != 0 || !(r2.num > 0 && r2.num < 1)) return;
  if (!(tok_isl(S, r2.b - 1, "cents") || tok_isl(S, r2.b - 1, "pence") ||
        tok_isl(S, r2.b - 1, "cent") || tok_isl(S, r2.b - 1, "penny")))
    return;
  r->num += r2.num;
  r->b = r2.b;
}

/* Token i is digits and nothing else, at most 8: how many, or 0. */
static size_t digit_group(const nx *S, size_t i) {
  if (i >= S->t1 || S->t[i].kind != LX_TK_NUM) return 0;
  size_t n = tlen(S, i);
  const char *s = tstr(S, i);
  if (n > 8) return 0;
  for (size_t k = 0; k < n; k++)
    if (!is_digit((unsigned char)s[k])) return 0;
  return n;
}

/* A telephone number at i, as wire stories sign off ("Newsroom +48 22 653
 * 9700", "Gilbert Le Gras 204 947 3548"): its tokens, or 0. Not numbers:
 * OntoNotes leaves them out. Groups of digits on one line, two or more
 * after a glued "+", else three or more of two to four digits, the last of
 * four. */
static size_t phone_run(const nx *S, size_t i) {
  size_t g = digit_group(S, i);
  if (!g || (i > S->t0 && digit_group(S, i - 1))) return 0;
  const lx_token *p = i > S->t0 ? &S->t[i - 1] : NULL;
  int plus = p && p->end == S->t[i].start && p->end == p->start + 1 && S->text[p->start] == '+';
  size_t j = i + 1, longest = g;
  while ((g = digit_group(S, j)) != 0 && !(S->t[j].flags & (LX_TF_NEWLINE | LX_TF_PARA)) &&
         S->t[j].start > S->t[j - 1].end) {
    if (g > longest) longest = g;
    j++;
  }
  if (plus) return j - i >= 2 ? j - i : 0;
  return j - i >= 3 && longest <= 4 && tlen(S, j - 1) == 4 && tlen(S, i) >= 2 ? j - i : 0;
}

/* What a date or a time read alone leaves out around it: "later that
 * evening", "earlier in the week", "the same period last year", "the
 * year-earlier quarter", "every two to three days", "Thursday at 9 a.m." (a
 * TIME then). Never before last, the end of the expression before. */
static void widen_date(const nx *S, nx_res *r, size_t last) {
  size_t a = r->a;
  /* "Oct. 25 last year", "Jan. 22 this year", "early December next year":
   * one DATE, of that year */
  size_t b = r->b;
  size_t sl;
  if (ok_tok(S, b + 1) && tok_isl(S, b + 1, "year") && (S->t[b].flags & LX_TF_LOWER) &&
      (tok_isl(S, b, "last") || tok_isl(S, b, "this") || tok_isl(S, b, "next")) &&
      ((sl = strlen(r->str)) == 10 ? r->str[4] == '-' && r->str[7] == '-'
       : sl == 7 ? (r->str[4] == '-' && r->str[5] != 'W') || (r->str[0] == '-' && r->str[1] == '-')
       : sl == 4 && r->str[0] == '-' && r->str[1] == '-')) {
    int y = ref_y(S);
    if (y) {
      y += tok_isl(S, b, "last") ? -1 : tok_isl(S, b, "next") ? 1 : 0;
      char v[sizeof r->str];
      snprintf(v, sizeof v, "%04d%s", y, r->str[0] == '-' ? r->str + 1 : r->str + 4);
      memcpy(r->str, v, sizeof v);
    }
    r->b = b + 2;
    return;
  }
  /* "the July-September quarter" */
  if (a >= last + 1 && a > S->t0 && tok_isl(S, a - 1, "the") && b == a + 2 &&
      (S->t[a].flags & LX_TF_HYPHEN) && lex_cls(S, a + 1) != NX_W_MONTH &&
      (tok_isl(S, a + 1, "quarter") || tok_isl(S, a + 1, "period") || tok_isl(S, a + 1, "half"))) {
    r->a = a - 1;
    return;
  }
  /* "Later that evening", "earlier that day" */
  if (a >= last + 1 && a > S->t0 && tok_isl(S, a, "that") &&
      (tok_isl(S, a - 1, "later") || tok_isl(S, a - 1, "earlier"))) {
    r->a = a - 1;
    return;
  }
  if (a >= last + 2 && a >= S->t0 + 2 && tok_isl(S, a, "the") && tok_isl(S, a - 1, "in") &&
      (tok_isl(S, a - 2, "earlier") || tok_isl(S, a - 2, "later") ||
       tok_isl(S, a - 2, "early") || tok_isl(S, a - 2, "late"))) {
    r->a = a - 2;
    return;
  }
  /* "the same period last year", "the same quarter of last year" */
  size_t of = a > S->t0 && (tok_isl(S, a - 1, "of") || tok_isl(S, a - 1, "in")) ? 1 : 0;
  if (a >= last + 3 + of && a >= S->t0 + 3 + of && tok_isl(S, a - 3 - of, "the") &&
      tok_isl(S, a - 2 - of, "same") &&
      (tok_isl(S, a - 1 - of, "period") || tok_isl(S, a - 1 - of, "quarter") ||
       tok_isl(S, a - 1 - of, "month") || tok_isl(S, a - 1 - of, "week") ||
       tok_isl(S, a - 1 - of, "time"))) {
    r->a = a - 3 - of;
    return;
  }
  /* "its fiscal second quarter": a quarter of the fiscal year, no value */
  if (a > S->t0 && a >= last + 1 && tok_isl(S, a - 1, "fiscal") && strlen(r->str) == 7 &&
      (r->str[5] == 'Q' || r->str[5] == 'H') && lex_cls(S, a) == NX_W_ORD) {
    r->a = a - 1;
    r->str[0] = 0;
    return;
  }
  /* "the first week of August", "the last days of 1998": one DATE */
  if (b > a + 1 && tok_isl(S, a, "the") && ok_tok(S, b + 1) && tok_isl(S, b, "of") &&
      (tok_isl(S, b - 1, "week") || tok_isl(S, b - 1, "weekend") ||
       tok_isl(S, b - 1, "weeks") || tok_isl(S, b - 1, "days") || tok_isl(S, b - 1, "months"))) {
    nx_res r2;
    const nx_word *w = lex(S, b + 1);
    if ((S->t[b + 1].kind == LX_TK_NUM || (w && w->cls == NX_W_MONTH)) &&
        at_next(S, b + 1, &r2) && r2.type == LEDE_T_DATE && r2.a == b + 1 &&
        (strlen(r2.str) == 4 || (strlen(r2.str) == 7 && r2.str[4] == '-' &&
                                 r2.str[5] != 'W' && r2.str[5] != 'Q' && r2.str[5] != 'H'))) {
      r->b = r2.b;
      r->str[0] = 0;
      return;
    }
  }
  if (a >= last + 1 && a > S->t0 && tok_isl(S, a - 1, "the") && r->b == a + 1 &&
      tok_isl(S, a, "year-earlier") && ok_tok(S, r->b) &&
      (tok_isl(S, r->b, "period") || tok_isl(S, r->b, "quarter") ||
       tok_isl(S, r->b, "month") || tok_isl(S, r->b, "level"))) {
    r->a = a - 1;
    r->b++;
    return;
  }
  if (a >= last + 1 && a > S->t0 && tok_isl(S, a - 1, "every") && r->str[0] == 'P' &&
      r->b > a + 1) {
    r->a = a - 1; /* "every two to three days": a set */
    return;
  }
  /* a day and its clock time: one TIME */
  if (r->str[0] >= '0' && r->str[0] <= '9' && strlen(r->str) == 10 && ok_tok(S, r->b) &&
      tok_isl(S, r->b, "at") && ok_tok(S, r->b + 1)) {
    nx_res t;
    if (at_next(S, r->b + 1, &t) && t.type == LEDE_T_TIME && t.str[0] == 'T' &&
        strlen(r->str) + strlen(t.str) < sizeof r->str) {
      strcat(r->str, t.str);
      r->b = t.b;
      r->type = LEDE_T_TIME;
    }
  }
}

/* Whether the modifier at t (a word of the lexicon's NX_W_MOD) may open an
 * expression. Those read only after the word that leads them ("up to",
 * "more than", "at least", "as many as") open none themselves: at() finds
 * no number after "to the", "at the", "as a" (modifiers() takes nothing)
 * and returns 0, which skipping them gives without the call. "to",
 * "than", "least", "most" and "much" never do: tools/numex/lexicon.lua
 * leaves them out of nx_lead_bits, and no word that opens shares a bit
 * with them there. By the token's hash: a token of another word with the
 * same hash is no lexicon word, and at() returns 0 for it as well. */
static inline int mod_opens(const nx *S, const lx_token *t) {
  uint32_t h = t->hash;
  size_t u = (size_t)(t + 1 - S->t);
  if (h == NX_LH("at")) return tok_isl(S, u, "least") || tok_isl(S, u, "most");
  if (h == NX_LH("as"))
    return tok_isl(S, u, "many") || tok_isl(S, u, "much") || tok_isl(S, u, "few") ||
           tok_isl(S, u, "little") || tok_isl(S, u, "long") || tok_isl(S, u, "high");
  return 1;
}

/* The first token from t on that may start an expression, or end. Most
 * tokens cost a look at their kind and flags and one bit of may_lead; the
 * lexicon's table is probed for the words that may lead (this loop apart
 * from lx_numex keeps its few values in registers).
 * *found is the lexicon's slot of the token's hash when the token leads as
 * a lexicon word (at() reads the word from it, without a second probe),
 * else NULL. */
static const lx_token *next_lead(const nx *S, const lx_token *t, const lx_token *end,
                                 const nx_slot **found) {
  *found = NULL;
  for (; t < end; t++) {
    /* (words, most tokens, pass one test of the kind) */
    if (t->kind != LX_TK_WORD) {
      if (t->kind == LX_TK_PUNCT) continue;
      /* a symbol opens money only as a currency of the gazetteer ("$",
       * "€"): the ones no phrase of it starts with, not abbreviated (the
       * "<" and ">" around Reuters' tickers), lead at() to currency_at,
       * which finds none */
      if (t->kind == LX_TK_SYM && !(t->flags & LX_TF_PERIOD) &&
          !lx_dict_may_start(S->in->gaz, t->hash))
        continue;
      return t;
    }
    /* a word in capitals matters before a number (USD 5) or as a lexicon
     * word (MAY 6, TWO); else it goes the way of other words (one test of
     * the flags for most words) */
    if ((t->flags & (LX_TF_HYPHEN | LX_TF_DIGIT | LX_TF_ALLCAP)) &&
        ((t->flags & (LX_TF_HYPHEN | LX_TF_DIGIT)) || (t + 1 < end && t[1].kind == LX_TK_NUM)))
      return t;
    const nx_slot *w = may_lead(t->hash) ? lex_peek(t->hash) : NULL;
    if (!w) continue;
    int lead = lead_class[w->cls];
    if (w->cls == NX_W_MOD && !mod_opens(S, t)) continue;
    /* a holiday has a capital: "new", "good" and "national" in lower case
     * open nothing (temporal_word turns them away) */
    if (w->cls == NX_W_HOLIDAY && !(t->flags & LX_TF_CAP)) continue;
    if (lead == 2 && t + 1 < end) {
      /* "the company", "this is": nothing can follow. The loop would skip
       * the next token too (a plain word out of the lexicon, punctuation):
       * both are passed at once */
      const lx_token *u = t + 1;
      size_t ui = (size_t)(u - S->t);
      if (u->kind == LX_TK_WORD && !(u->flags & (LX_TF_HYPHEN | LX_TF_DIGIT | LX_TF_ALLCAP)) &&
          !(may_be_word(u->hash) && lex_peek(u->hash)) &&
          /* "as high as 12 feet", "as long as 10 years" */
          !(w->cls == NX_W_MOD && u + 2 < end && S->text[t->start] == 'a' &&
            t->end == t->start + 2 && S->text[t->start + 1] == 's' &&
            (tok_isl(S, ui, "high") || tok_isl(S, ui, "long")))) {
        t++;
        continue;
      }
      if (u->kind == LX_TK_PUNCT && !(u->flags & LX_TF_QUOTE) &&
          !(w->cls == NX_W_CURPRE && u + 1 < end && u[1].kind == LX_TK_NUM)) {
        t++; /* "Rs. 500" goes on */
        continue;
      }
    }
    /* "close to 500" (the word is the lexicon's "close" of "the close of") */
    if (!lead && w->cls == NX_W_EDGE && t + 2 < end && t->end - t->start == 5 &&
        (S->text[t->start] | 32) == 'c' && tok_isl(S, (size_t)(t + 1 - S->t), "to"))
      lead = 1;
    if (lead) {
      *found = w;
      return t;
    }
  }
  return end;
}

int lx_numex(const lx_ner_in *in, size_t t0, size_t t1, lx_vec *out) {
  nx S;
  S.in = in;
  S.text = in->text;
  S.t = in->toks;
  S.t0 = t0;
  S.t1 = t1 < in->ntoks ? t1 : in->ntoks;
  S.from = t0;
  S.out = out;
  S.oom = 0;
  nx_cache cache;
  memset(cache.tag, 0, sizeof cache.tag);
  cache.gi = (size_t)-1;
  cache.cur = cache.unit = NULL;
  S.cache = &cache;
  size_t last = t0; /* where the last expression ended */
  year_anchor anchor = {"", 0};
  /* the scan walks a pointer with the block's end in a local: S goes by
   * address to at(), which would make the skipping loop reload S.t and
   * S.t1 from memory */
  const lx_token *const T = S.t, *const end = T + S.t1;
  const lx_token *t = t0 < S.t1 ? T + t0 : end;
  const nx_slot *found;
  while ((t = next_lead(&S, t, end, &found)) < end) {
    size_t i = (size_t)(t - T);
    S.from = i;
    if (found) { /* the word as lex() would cache it */
      size_t n = t->end - t->start;
      cache.tag[i & (NX_CACHE - 1)] = (uint32_t)(i + 1);
      cache.w[i & (NX_CACHE - 1)] = n <= 14 ? lex_check(found, S.text + t->start, n) : NULL;
    }
    /* a telephone number has two groups at least: most numbers are alone */
    size_t phone = t->kind == LX_TK_NUM && t + 1 < end && t[1].kind == LX_TK_NUM
                       ? phone_run(&S, i)
                       : 0;
    if (phone) {
      t += phone;
      continue;
    }
    nx_res r;
    r.type = 0;
    if (at(&S, i, &r) && r.b > i) {
      if (r.b > S.t1) r.b = S.t1;
      /* a set opens on the word before its "a": "twice a month" */
      if (r.a < i && !(r.a + 1 == i && i > last && (once_word(&S, r.a) || word_led(&S, &r))))
        r.a = i;
      /* "the 1960s and '70s": the apostrophe glued to a decade is its, and
       * a year's cut to two digits ("in '56") */
      if (r.a == i && i > last && i > S.t0 && r.type == LEDE_T_DATE &&
          (T[i - 1].flags & LX_TF_QUOTE) &&
          (strlen(r.str) == 3 || (strlen(r.str) == 4 && T[i].end - T[i].start == 2)) &&
          T[i - 1].end == t->start &&
          T[i - 1].end - T[i - 1].start <= 3 && (i - 1 == S.t0 || T[i - 2].end < T[i - 1].start))
        r.a = i - 1;
      if (r.a > last && r.a > S.t0) signed_value(&S, &r, last);
      if (r.type == LEDE_T_DATE || r.type == LEDE_T_TIME) compound_duration(&S, &r);
      if (r.type == LEDE_T_MONEY) money_and_cents(&S, &r);
      if (r.type == LEDE_T_DATE || r.type == LEDE_T_TIME) widen_date(&S, &r, last);
      if (r.type == LEDE_T_TIME) clock_range(&S, &r);
      if (r.type == LEDE_T_DATE) date_range(&S, &r, i > last && i > S.t0);
      if (r.type == LEDE_T_PERCENT || r.type == LEDE_T_MONEY || r.type == LEDE_T_QUANTITY ||
          (r.type == LEDE_T_CARDINAL && !r.str[0]))
        range_tail(&S, &r);
      if (r.type == LEDE_T_DATE) year_period(&S, &r);
      if (r.type == LEDE_T_DATE) year_before(&S, &r, &anchor);
      if (r.type && !emit(&S, &r)) return 0;
      last = r.b;
      t = T + r.b;
      continue;
    }
    t++;
  }
  return !S.oom;
}
