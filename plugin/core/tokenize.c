/*
 * The tokenizer: one pass over the bytes, ASCII table-driven, decoding UTF-8
 * only where a byte is >= 0x80. Tokens keep absolute byte offsets and a hash
 * of their lower-cased text, which is how every later stage looks them up.
 *
 * Rules, chosen for news text:
 *  - words keep inner hyphens and apostrophes (Kang Kyung-wha, COVID-19,
 *    O'Brien, We'd) but the possessive 's is split off (Seoul 's);
 *  - abbreviation periods stay on the word (U.S., Jan., Fla., Mr., E.);
 *  - numbers keep inner separators (28,500  3.5  10:30  2019-11-18  1986/87)
 *    and a letter suffix (3rd, 1980s, 5bn);
 *  - a currency prefix with its dollar sign is one symbol (US$, HK$, A$).
 */
#include "internal.h"

const lede_span lx_no_span = {LEDE_NONE, LEDE_NONE};

/* Words that keep a following period. Sorted; case-sensitive entries start
 * with a capital (state abbreviations would otherwise eat sentence ends such
 * as "fell ill."). */
static const char *const abbrevs[] = {
    "Adm", "Ala", "Apr", "Ariz", "Ark", "Assn", "Aug", "Ave", "Blvd", "Bros",
    "Calif", "Capt", "Cmdr", "Co", "Col", "Colo", "Conn", "Corp", "Cpl", "Dec",
    "Del", "Dept", "Det", "Dr", "Feb", "Fla", "Fri", "Ft", "Ga", "Gen", "Gov",
    "Hon", "Ill", "Inc", "Ind", "Insp", "Jan", "Jr", "Jul", "Jun", "Kan",
    "Kans", "Ky", "La", "Lt", "Ltd", "Maj", "Mar", "Mass", "Md", "Mich",
    "Minn", "Miss", "Mo", "Mon", "Mont", "Mr", "Mrs", "Ms", "Mt", "Neb", "Nev",
    "No", "Nos", "Nov", "Oct", "Okla", "Ore", "Pa", "Plc", "Pres", "Prof",
    "Pvt", "Rd", "Rep", "Rev", "Sat", "Sen", "Sep", "Sept", "Sgt", "Sr", "St",
    "Sun", "Supt", "Tenn", "Tex", "Thu", "Thur", "Thurs", "Tue", "Tues", "Univ",
    "Va", "Vol", "Vt", "Wash", "Wed", "Wis", "Wyo", "al", "approx", "co",
    "corp", "dept", "est", "etc", "inc", "jr", "ltd", "no", "nos", "sr",
    "st", "v", "vol", "vs"};

/* The lengths of the abbreviations above by their first byte: bit n for
 * one of n bytes (a word before a period is asked: most are no
 * abbreviation, and their first byte and length say so). Made from the
 * list: a word added there is added here too. */
static const uint8_t abbrev_lens[128] = {
    ['A'] = 0x18, ['B'] = 0x10, ['C'] = 0x3c, ['D'] = 0x1c, ['F'] = 0x0c, ['G'] = 0x0c,
    ['H'] = 0x08, ['I'] = 0x18, ['J'] = 0x0c, ['K'] = 0x1c, ['L'] = 0x0c, ['M'] = 0x1c,
    ['N'] = 0x0c, ['O'] = 0x18, ['P'] = 0x1c, ['R'] = 0x0c, ['S'] = 0x1c, ['T'] = 0x38,
    ['U'] = 0x10, ['V'] = 0x0c, ['W'] = 0x18, ['a'] = 0x44, ['c'] = 0x14, ['d'] = 0x10,
    ['e'] = 0x08, ['i'] = 0x08, ['j'] = 0x04, ['l'] = 0x08, ['n'] = 0x0c, ['s'] = 0x04,
    ['v'] = 0x0e};

/* 1 if abbrev_lens is what the list makes, for a C test (the table is
 * written out by hand so that it is a constant). */
int lx_abbrev_table_ok(void) {
  uint8_t want[128] = {0};
  for (size_t i = 0; i < LX_COUNTOF(abbrevs); i++) {
    size_t n = strlen(abbrevs[i]);
    if (n > 6 || (i > 0 && strcmp(abbrevs[i - 1], abbrevs[i]) >= 0)) return 0;
    want[(unsigned char)abbrevs[i][0]] |= (uint8_t)(1u << n);
  }
  return memcmp(want, abbrev_lens, sizeof want) == 0;
}

static int is_abbrev(const char *s, size_t n) {
  if (n == 0 || n > 6 || (unsigned char)s[0] >= 0x80 ||
      !(abbrev_lens[(unsigned char)s[0]] & (1u << n)))
    return 0;
  /* a binary search that compares byte by byte, as the words are short and
   * most probes differ in the first byte (strcmp's order, the list's) */
  size_t lo = 0, hi = LX_COUNTOF(abbrevs);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2, q = 0;
    const char *w = abbrevs[mid];
    while (q < n && w[q] && w[q] == s[q]) q++;
    int cmp = q == n ? -(w[q] != 0) : !w[q] ? 1 : (unsigned char)s[q] - (unsigned char)w[q];
    if (cmp == 0) return 1;
    if (cmp < 0) hi = mid;
    else lo = mid + 1;
  }
  return 0;
}

/* ---- scanning ------------------------------------------------------------- */

typedef struct scan {
  const unsigned char *s;
  size_t end;
} scan;

/* Class of the code point at i; *len gets its byte length. */
static inline unsigned cls_at(const scan *sc, size_t i, size_t *len, uint32_t *cpo) {
  unsigned char c = sc->s[i];
  if (c < 0x80) {
    *len = 1;
    *cpo = c;
    return lx_ascii_class[c];
  }
  uint32_t cp;
  *len = lx_utf8_decode(sc->s + i, sc->end - i, &cp);
  *cpo = cp;
  return lx_cp_class(cp);
}

static inline unsigned cls_of(const scan *sc, size_t i) {
  if (i >= sc->end) return 0;
  size_t k;
  uint32_t cp;
  return cls_at(sc, i, &k, &cp);
}

static inline int alnum_at(const scan *sc, size_t i) {
  return (cls_of(sc, i) & (LX_CC_LETTER | LX_CC_DIGIT)) != 0;
}

static inline int letter_at(const scan *sc, size_t i) {
  return (cls_of(sc, i) & LX_CC_LETTER) != 0;
}

static inline int digit_at(const scan *sc, size_t i) {
  return i < sc->end && sc->s[i] >= '0' && sc->s[i] <= '9';
}

static inline int ascii_alpha(unsigned char c) { return (unsigned)((c | 32) - 'a') < 26; }

/* An apostrophe: ' or U+2019; *len its bytes. */
static inline int is_apos(const scan *sc, size_t i, size_t *len) {
  if (i >= sc->end) return 0;
  if (sc->s[i] == '\'') {
    *len = 1;
    return 1;
  }
  if (sc->s[i] == 0xE2 && i + 2 < sc->end && sc->s[i + 1] == 0x80 && sc->s[i + 2] == 0x99) {
    *len = 3;
    return 1;
  }
  return 0;
}

/* What a word or number accumulates as it is scanned. */
typedef struct acc {
  unsigned letters, digits;
  unsigned seen;    /* OR of the classes of its letters and digits */
  unsigned nonascii; /* it has bytes >= 0x80 */
  uint16_t flags;
} acc;

/* The common case, table-driven without decoding: ASCII letters and digits.
 * The loop only finds the run's end and ORs the classes; counting digits
 * takes a second look only when there are some. */
static inline size_t ascii_run(const unsigned char *s, size_t i, size_t end, acc *a) {
  size_t from = i;
  unsigned seen = 0;
  while (i < end) {
    unsigned cl = lx_ascii_class[s[i]];
    if (!(cl & (LX_CC_LETTER | LX_CC_DIGIT))) break;
    seen |= cl;
    i++;
  }
  unsigned digits = 0;
  if (seen & LX_CC_DIGIT)
    for (size_t k = from; k < i; k++) digits += (unsigned)(s[k] - '0') < 10;
  a->seen |= seen;
  a->letters += (unsigned)(i - from) - digits;
  a->digits += digits;
  return i;
}

/* A letter or digit of any script, else 0. */
static inline size_t other_alnum(const scan *sc, size_t i, acc *a) {
  size_t k;
  uint32_t cp;
  unsigned cls = cls_at(sc, i, &k, &cp);
  if (!(cls & (LX_CC_LETTER | LX_CC_DIGIT))) return 0;
  a->seen |= cls;
  if (cls & LX_CC_LETTER) a->letters++;
  else a->digits++;
  if (k > 1) a->nonascii = 1;
  return k;
}

/* Scans a word that starts at start from i (what is before i is in a
 * already); returns its end. */
static size_t scan_word(const scan *sc, size_t start, size_t i, acc *a, uint8_t *kind) {
  for (;;) {
    i = ascii_run(sc->s, i, sc->end, a);
    if (i >= sc->end) break;
    size_t k = other_alnum(sc, i, a);
    if (k) {
      i += k;
      continue;
    }
    unsigned char c = sc->s[i];
    /* an inner hyphen (ASCII or U+2010) before a letter or digit */
    if (c == '-' ||
        (c == 0xE2 && i + 2 < sc->end && sc->s[i + 1] == 0x80 && sc->s[i + 2] == 0x90)) {
      size_t hk = c == '-' ? 1 : 3;
      if (alnum_at(sc, i + hk)) {
        a->flags |= LX_TF_HYPHEN;
        if (hk > 1) a->nonascii = 1;
        i += hk;
        continue;
      }
      break;
    }
    size_t ak;
    if (is_apos(sc, i, &ak) && letter_at(sc, i + ak)) {
      /* possessive 's / 'S at a word end: split it off */
      size_t j = i + ak;
      if ((sc->s[j] == 's' || sc->s[j] == 'S') && !alnum_at(sc, j + 1)) break;
      a->flags |= LX_TF_APOS;
      if (ak > 1) a->nonascii = 1;
      i += ak;
      continue;
    }
    if (c == '.') {
      size_t n = i - start;
      /* initials chains: U.S.  U.S.A.  a.m.  N.Y. */
      if (a->letters == 1 && n == 1 && i + 2 < sc->end && ascii_alpha(sc->s[i + 1]) &&
          sc->s[i + 2] == '.') {
        size_t j = i;
        while (j + 2 < sc->end && sc->s[j] == '.' && ascii_alpha(sc->s[j + 1]) &&
               sc->s[j + 2] == '.') {
          a->seen |= lx_ascii_class[sc->s[j + 1]];
          a->letters++;
          j += 2;
        }
        a->flags |= LX_TF_PERIOD;
        return j + 1;
      }
      /* a single capital is an initial (Sarah E. Needleman) */
      int cap1 = a->letters == 1 && n == 1 && (lx_ascii_class[sc->s[start]] & LX_CC_UPPER);
      if (cap1 || is_abbrev((const char *)sc->s + start, n)) {
        a->flags |= LX_TF_PERIOD;
        return i + 1;
      }
      break;
    }
    if (c == '$' && (a->seen & LX_CC_UPPER) && !(a->seen & LX_CC_LOWER) && a->letters >= 1 &&
        a->letters <= 3 && a->digits == 0) {
      /* US$  HK$  A$  NZ$ */
      *kind = LX_TK_SYM;
      return i + 1;
    }
    break;
  }
  return i;
}

static size_t scan_number(const scan *sc, size_t i, acc *a) {
  for (;;) {
    i = ascii_run(sc->s, i, sc->end, a);
    if (i >= sc->end) break;
    size_t k = other_alnum(sc, i, a);
    if (k) {
      i += k;
      continue;
    }
    unsigned char c = sc->s[i];
    if ((c == '.' || c == ',' || c == ':' || c == '/') && digit_at(sc, i + 1) && a->letters == 0) {
      i += 1;
      continue;
    }
    if (c == '-' && alnum_at(sc, i + 1)) {
      a->flags |= LX_TF_HYPHEN;
      i += 1;
      continue;
    }
    break;
  }
  return i;
}

/* ---- hashing --------------------------------------------------------------- */

/* Tokens are keyed by a hash of their lower-cased UTF-8 bytes, inner
 * apostrophes as '\''. An ASCII word or number is hashed eight bytes at a
 * time: every byte such a token may hold (letters, digits, - ' . , : / $)
 * lower-cases by setting bit 5, so no per-byte work is needed. */
/* The mask that keeps the first n bytes of a little-endian word, by n: a
 * load, not a shift worked out for every token. */
static const uint64_t low_bytes[9] = {
    0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFFull, 0xFFFFFFFFFFull, 0xFFFFFFFFFFFFull,
    0xFFFFFFFFFFFFFFull, ~0ull};

/* `fold` is 0x20 in every byte for words and numbers (lower-casing), 0 for
 * ASCII punctuation (which has no case). */
static inline uint32_t hash_ascii(const unsigned char *p, size_t n, const unsigned char *lim,
                           uint64_t fold) {
  /* most tokens are one chunk, and not at the text's end (n >= 1) */
  if (LX_LIKELY(n <= 8 && p + 8 <= lim)) {
    uint64_t w = (lx_load8_le(p) | fold) & low_bytes[n];
    return lx_hash_final(lx_hash_mix(LX_HASH_SEED, w), n);
  }
  uint64_t h = LX_HASH_SEED;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) h = lx_hash_mix(h, lx_load8_le(p + i) | fold);
  if (i < n) {
    size_t r = n - i;
    uint64_t mask = low_bytes[r], w;
    if (p + i + 8 <= lim) {
      w = lx_load8_le(p + i) & mask;
    } else {
      w = 0;
      for (size_t k = 0; k < r; k++) w |= (uint64_t)p[i + k] << (8 * k);
    }
    h = lx_hash_mix(h, w | (fold & mask));
  }
  return lx_hash_final(h, n);
}

/* ---- the tokenizer ----------------------------------------------------------- */

/* What an ASCII byte does to the token it is in or after. A byte that may
 * go on with a word has the bit of a letter's class, one that may go on
 * with a number a digit's: a run's first byte's class picks the bit. A
 * byte >= 0x80 may go on with either (scan_word and scan_number decode
 * it), white space with neither: a run ends simply where this table and
 * its first byte's class have no bit in common, one lookup. */
enum {
  AT_WORD_ON = LX_CC_LETTER, /* - ' . $ (see scan_word) */
  AT_NUM_ON = LX_CC_DIGIT,   /* . , : / - (see scan_number) */
  AT_SYM = 16,               /* a symbol, not punctuation */
  AT_RUN = 32                /* repeats into one token: -- ... *** === ___ */
};
/* (the two other bits are none a letter's or a digit's class has: "Word="
 * ends simply, as "word=" does) */
typedef char lx_at_bits_are_free[((AT_SYM | AT_RUN) & (LX_CC_LETTER | LX_CC_UPPER | LX_CC_DIGIT |
                                                       LX_CC_LOWER)) == 0 ? 1 : -1];
#define HI_ (AT_WORD_ON | AT_NUM_ON)
static const unsigned char ascii_tok[256] = {
    ['-'] = AT_WORD_ON | AT_NUM_ON | AT_RUN,
    ['\''] = AT_WORD_ON,
    ['.'] = AT_WORD_ON | AT_NUM_ON | AT_RUN,
    ['$'] = AT_WORD_ON | AT_SYM,
    [','] = AT_NUM_ON,
    [':'] = AT_NUM_ON,
    ['/'] = AT_NUM_ON,
    ['%'] = AT_SYM, ['&'] = AT_SYM, ['@'] = AT_SYM, ['#'] = AT_SYM, ['+'] = AT_SYM,
    ['<'] = AT_SYM, ['>'] = AT_SYM, ['|'] = AT_SYM, ['~'] = AT_SYM,
    ['='] = AT_SYM | AT_RUN, ['*'] = AT_SYM | AT_RUN, ['_'] = AT_RUN,
    [0x80] = HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_,
    HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_,
    HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_,
    HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_,
    HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_,
    HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_,
    HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_,
    HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_, HI_};
#undef HI_

/* What an ASCII letter or digit is, as a bit, for the common token's
 * scan (0 for any other byte); by_run and seen_of_run take the OR of a
 * run's bits. */
enum { RUN_UPPER = 1, RUN_DIGIT = 2, RUN_LOWER = 4 };
#define U_ RUN_UPPER
#define D_ RUN_DIGIT
#define L_ RUN_LOWER
static const unsigned char run_of[256] = {
    /* 0x30 */ ['0'] = D_, D_, D_, D_, D_, D_, D_, D_, D_, D_,
    /* 0x41 */ ['A'] = U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_,
    U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_,
    /* 0x61 */ ['a'] = L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_,
    L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_};
#undef U_
#undef D_
#undef L_
/* The classes a run's bits stand for (the OR of lx_ascii_class's). */
static const uint16_t seen_of_run[8] = {
    0,
    LX_CC_LETTER | LX_CC_UPPER,
    LX_CC_DIGIT,
    LX_CC_LETTER | LX_CC_UPPER | LX_CC_DIGIT,
    LX_CC_LETTER | LX_CC_LOWER,
    LX_CC_LETTER | LX_CC_UPPER | LX_CC_LOWER,
    LX_CC_LETTER | LX_CC_LOWER | LX_CC_DIGIT,
    LX_CC_LETTER | LX_CC_UPPER | LX_CC_LOWER | LX_CC_DIGIT};

/* The flags of a word or number from what its scan accumulated. */
static inline uint16_t case_flags(unsigned seen, unsigned letters, unsigned digits) {
  uint16_t f = 0;
  if (digits) f |= LX_TF_DIGIT;
  if ((seen & LX_CC_UPPER) && !(seen & LX_CC_LOWER) && letters >= 2) f |= LX_TF_ALLCAP;
  if ((seen & LX_CC_LOWER) && !(seen & LX_CC_UPPER)) f |= LX_TF_LOWER;
  return f;
}

/* Whether what follows the token t is in an opening context: after ( [ {
 * : a dash or an opening quotation mark. Only a quotation mark whose place
 * tells its direction asks, so it is found from the token before it, and
 * lx_tokenize's loop carries no state for it. */
static int opens(const unsigned char *s, const lx_token *t) {
  unsigned char c = s[t->start];
  return t->kind == LX_TK_PUNCT &&
         (c == '(' || c == '[' || c == '{' || c == ':' || (t->flags & LX_TF_DASH) ||
          (t->flags & (LX_TF_QUOTE | LX_TF_OPENQ)) == (LX_TF_QUOTE | LX_TF_OPENQ));
}

/* Any token but the common ones lx_tokenize makes itself: it starts at i
 * with a code point of class cls; a word or a number has been scanned up to
 * j into a. pre holds the white-space flags before it; prev is the token
 * before it in this text, NULL for its first (a text starts in an opening
 * context). Returns the token's end. */
static size_t other_token(const scan *sc, size_t start, size_t i, size_t j, unsigned cls,
                          acc *a, uint16_t pre, const lx_token *prev, lx_token *t) {
  /* (the code point is decoded again: the loop keeps none for the common
   * tokens) */
  size_t k;
  uint32_t cp;
  cls_at(sc, i, &k, &cp);
  const unsigned char *s = sc->s;
  size_t end = sc->end;
  uint8_t kind;
  int wordlike = 0;
  a->flags = pre;
  if (cls & LX_CC_LETTER) {
    kind = LX_TK_WORD;
    j = scan_word(sc, i, j, a, &kind);
    wordlike = 1;
  } else if (cls & LX_CC_DIGIT) {
    kind = LX_TK_NUM;
    j = scan_number(sc, j, a);
    wordlike = 1;
  } else {
    kind = (cls & LX_CC_CURRENCY) || cp == '%' || cp == '&' || cp == '@' || cp == '#' ||
                   cp == '+' || cp == '=' || cp == '<' || cp == '>' || cp == '*' ||
                   cp == '|' || cp == '~'
               ? LX_TK_SYM
               : LX_TK_PUNCT;
    j = i + k;
    if (k > 1) a->nonascii = 1;
    if (cp == '-' || cp == '.' || cp == '*' || cp == '=' || cp == '_') {
      /* runs: -- ... *** === */
      while (j < end && s[j] == cp) j++;
    }
    if (cls & LX_CC_DASH) a->flags |= LX_TF_DASH;
    if (cls & LX_CC_QUOTE) {
      a->flags |= LX_TF_QUOTE;
      int open;
      if (cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == 0x201E)
        open = 1;
      else if (cp == 0x201D || cp == 0x2019 || cp == 0xBB)
        open = 0;
      else
        open = !prev || opens(s, prev) || pre;
      if (open) a->flags |= LX_TF_OPENQ;
    }
  }
  if (wordlike) {
    if (a->nonascii) a->flags |= LX_TF_NONASCII;
    a->flags |= case_flags(a->seen, a->letters, a->digits);
    /* CAP: the first letter is upper case */
    if (a->seen & LX_CC_UPPER) {
      size_t q = i;
      while (q < j) {
        unsigned qc;
        size_t qk = 1;
        if (s[q] < 0x80) {
          qc = lx_ascii_class[s[q]];
        } else {
          uint32_t qcp;
          qc = cls_at(sc, q, &qk, &qcp);
        }
        if (qc & LX_CC_LETTER) {
          if (qc & LX_CC_UPPER) a->flags |= LX_TF_CAP;
          break;
        }
        q += qk;
      }
    }
  } else if (a->nonascii) {
    a->flags |= LX_TF_NONASCII;
  }
  t->start = (uint32_t)i;
  t->end = (uint32_t)j;
  t->kind = kind;
  t->nletters = (uint8_t)(a->letters > 255 ? 255 : a->letters);
  /* punctuation has no case: its bytes are its key, but for U+2019, the
   * right quotation mark that stands for an apostrophe */
  t->hash = !a->nonascii ? hash_ascii(s + i, j - i, s + end, wordlike ? 0x2020202020202020ull : 0)
            : (wordlike || cp == 0x2019) ? lx_hash_lower((const char *)s + i, j - i)
                                         : hash_ascii(s + i, j - i, s + end, 0);
  /* the possessive: ' + s split from the word */
  if (kind == LX_TK_PUNCT && (a->flags & LX_TF_QUOTE) && j < end && (s[j] == 's' || s[j] == 'S') &&
      !alnum_at(sc, j + 1) && i > start && !pre && (cp == '\'' || cp == 0x2019)) {
    t->end = (uint32_t)(j + 1);
    t->kind = LX_TK_WORD;
    t->hash = lx_hash_lower("'s", 2);
    a->flags = (uint16_t)((a->flags & ~(LX_TF_QUOTE | LX_TF_OPENQ | LX_TF_NONASCII)) |
                          LX_TF_POSS | LX_TF_LOWER);
    t->nletters = 1;
    j++;
  }
  t->flags = a->flags;
  return j;
}

/* Where the token after one that ends at j may start, and the white-space
 * flags before it: the one space after most tokens is passed here, not by
 * lx_tokenize's head. */
static inline size_t space_after(const unsigned char *s, size_t j, size_t end, uint16_t *pre) {
  *pre = 0;
  if (j < end && s[j] == ' ') {
    *pre = LX_TF_SPACE;
    j++;
  }
  return j;
}

int lx_tokenize(const lede_allocator *al, const char *text, size_t start, size_t end,
                lx_vec *toks) {
  scan sc;
  sc.s = (const unsigned char *)text;
  sc.end = end;
  const unsigned char *s = sc.s;
  size_t i = start;
  /* the white space before the next token as its flags: SPACE, NEWLINE
   * after a line break, PARA after a second one */
  uint16_t pre = 0;
  /* the next token's slot and the end of the room (the vector's n is
   * t's index): a compare a token, where a count of the room left was
   * decremented in memory (the loop has no register for it) */
  lx_token *t = toks->p ? (lx_token *)toks->p + toks->n : NULL;
  lx_token *tl = toks->p ? (lx_token *)toks->p + toks->cap : NULL;
  size_t first = toks->n;
  /* A run of ASCII letters and digits that starts before guard, the last
   * byte that is neither, ends at or before it: it is scanned with no
   * bounds check. */
  size_t guard = end;
  while (guard > start && (lx_ascii_class[s[guard - 1]] & (LX_CC_LETTER | LX_CC_DIGIT))) guard--;
  guard = guard > start ? guard - 1 : start;
  while (i < end) {
    unsigned char c = s[i];
    /* white space, the commonest byte, first */
    if (c == ' ') {
      pre |= LX_TF_SPACE;
      i++;
      continue;
    }
    size_t k = 1;
    unsigned cls;
    if (c < 0x80) {
      cls = lx_ascii_class[c];
    } else {
      uint32_t cp;
      k = lx_utf8_decode(s + i, end - i, &cp);
      cls = lx_cp_class(cp);
    }
    if (cls & LX_CC_SPACE) {
      if ((cls & LX_CC_NEWLINE) && !(c == '\n' && i > start && s[i - 1] == '\r'))
        pre |= (uint16_t)(LX_TF_NEWLINE | ((pre & LX_TF_NEWLINE) << 8)); /* 2nd: PARA */
      pre |= LX_TF_SPACE;
      i += k;
      continue;
    }
    if (LX_UNLIKELY(t == tl)) {
      toks->n = toks->cap;
      if (!lx_vec_reserve(al, toks, sizeof(lx_token), toks->n + 1)) return 0;
      t = (lx_token *)toks->p + toks->n;
      tl = (lx_token *)toks->p + toks->cap;
    }
    acc a;
    a.letters = a.digits = a.seen = a.nonascii = 0;
    size_t j = i;
    if (cls & (LX_CC_LETTER | LX_CC_DIGIT)) {
      if (c < 0x80) {
        /* The common token: ASCII letters and digits up to a byte that
         * cannot go on with it, classed as it is scanned. Else what the
         * run gave is where scan_word or scan_number goes on from. */
        unsigned which = run_of[c], b, simple;
        if (LX_LIKELY(i < guard)) {
          /* (the byte after the run ORs in 0) */
          const unsigned char *p = s + i;
          do {
            b = run_of[*++p];
            which |= b;
          } while (b);
          j = (size_t)(p - s);
          simple = !(ascii_tok[*p] & cls);
        } else {
          j = i + 1;
          while (j < end && (b = run_of[s[j]]) != 0) {
            which |= b;
            j++;
          }
          simple = j == end || !(ascii_tok[s[j]] & cls);
        }
        /* a word's period after two letters or more: an abbreviation's
         * stays on it, any other ends the word (scan_word's rule; after
         * one letter it may be an initial's, scan_word's to tell). The
         * token ends at te, and its flag joins the white space's in pre:
         * the common token pays for no period it does not have. */
        size_t te = j;
        if (!simple && s[j] == '.' && (cls & LX_CC_LETTER) && j - i > 1) {
          simple = 1;
          if (is_abbrev((const char *)s + i, j - i)) {
            pre |= LX_TF_PERIOD;
            te = j + 1;
          }
        }
        /* (a word without digits, the commonest, asks one question) */
        unsigned digits = 0;
        if (which & RUN_DIGIT) {
          if (which == RUN_DIGIT)
            digits = (unsigned)(j - i);
          else
            for (size_t q = i; q < j; q++) digits += (unsigned)(s[q] - '0') < 10;
        }
        unsigned letters = (unsigned)(j - i) - digits;
        if (simple) {
          /* the case flags by which of capitals, digits and small letters
           * it holds (ALLCAP wants two letters) */
          static const uint16_t by_run[8] = {
              0, LX_TF_ALLCAP, LX_TF_DIGIT, LX_TF_DIGIT | LX_TF_ALLCAP,
              LX_TF_LOWER, 0, LX_TF_DIGIT | LX_TF_LOWER, LX_TF_DIGIT};
          uint16_t f = by_run[which];
          if (letters < 2) f &= (uint16_t)~LX_TF_ALLCAP;
          f |= pre;
          /* CAP: the first letter is upper case (a word's is its first
           * byte: its class's bit, taken without a branch, as capitals
           * come and go at random; a number's letters are looked at) */
          f |= (uint16_t)((cls & LX_CC_UPPER) / LX_CC_UPPER * LX_TF_CAP);
          if (!(cls & LX_CC_LETTER) && (which & RUN_UPPER)) {
            size_t q = i;
            while (!(lx_ascii_class[s[q]] & LX_CC_LETTER)) q++;
            if (lx_ascii_class[s[q]] & LX_CC_UPPER) f |= LX_TF_CAP;
          }
          t->start = (uint32_t)i;
          t->end = (uint32_t)te;
          t->kind = (cls & LX_CC_LETTER) ? LX_TK_WORD : LX_TK_NUM;
          t->nletters = (uint8_t)(letters > 255 ? 255 : letters);
          t->hash = hash_ascii(s + i, te - i, s + end, 0x2020202020202020ull);
          t->flags = f;
          t++;
          i = space_after(s, te, end, &pre);
          continue;
        }
        a.seen = seen_of_run[which];
        a.letters = letters;
        a.digits = digits;
      }
    } else if (c < 0x80 && !(cls & LX_CC_QUOTE)) {
      /* ASCII punctuation and symbols but quotation marks: one byte, or a
       * run of one; their bytes are their key */
      unsigned at = ascii_tok[c];
      j = i + 1;
      if (at & AT_RUN)
        while (j < end && s[j] == c) j++;
      t->start = (uint32_t)i;
      t->end = (uint32_t)j;
      t->kind = (at & AT_SYM) ? LX_TK_SYM : LX_TK_PUNCT;
      t->nletters = 0;
      t->hash = hash_ascii(s + i, j - i, s + end, 0);
      t->flags = (uint16_t)(pre | ((cls & LX_CC_DASH) ? LX_TF_DASH : 0));
      t++;
      i = space_after(s, j, end, &pre);
      continue;
    }
    i = other_token(&sc, start, i, j, cls, &a, pre,
                    t > (lx_token *)toks->p + first ? t - 1 : NULL, t);
    t++;
    pre = 0;
  }
  if (t) toks->n = (size_t)(t - (lx_token *)toks->p);
  return 1;
}

size_t lede_count_tokens(const char *text, size_t len) {
  /* the same scan as lx_tokenize, over slices that end at white space so no
   * token is cut, into one buffer that is reused */
  const lede_allocator *al = &lx_default_allocator;
  lx_vec v = {NULL, 0, 0};
  size_t count = 0, pos = 0;
  if (!text) return 0;
  while (pos < len) {
    size_t end = pos + 4096 < len ? pos + 4096 : len;
    while (end < len && !(lx_ascii_class[(unsigned char)text[end]] & LX_CC_SPACE))
      end++;
    v.n = 0;
    if (!lx_tokenize(al, text, pos, end, &v)) break;
    count += v.n;
    pos = end;
  }
  lx_vec_free(al, &v);
  return count;
}

/* Words after which a period does not end a sentence. */
static int prefix_abbrev(const char *text, const lx_token *t) {
  size_t n = t->end - t->start;
  const char *s = text + t->start;
  static const char *const pre[] = {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.",
                                    "Col.", "Lt.", "Sgt.", "Capt.", "Gov.", "Sen.",
                                    "Rep.", "Rev.", "St.", "Mt.", "Ft.", "No.",
                                    "Adm.", "Maj.", "Pres.", "Hon.", "Cpl.", "Pvt.",
                                    "vs.", "Supt.", "Insp.", "Det.", "Cmdr."};
  /* an initial: one capital and its period */
  if (n == 2 && s[1] == '.') return 1;
  /* the words are 3 to 5 bytes; a word that differs in its first byte
   * is none of them */
  if (n < 3 || n > 5) return 0;
  for (size_t i = 0; i < LX_COUNTOF(pre); i++)
    if (pre[i][0] == s[0] && strlen(pre[i]) == n && memcmp(pre[i], s, n) == 0) return 1;
  return 0;
}

/* Punctuation that may end a sentence (its first byte). */
static inline int may_end_sentence(char ch) { return ch == '.' || ch == '!' || ch == '?'; }

void lx_sentences(const char *text, lx_token *t, size_t n) {
  int start = 1;
  for (size_t i = 0; i < n; i++) {
    /* inside a sentence most tokens neither start nor end one: a word or
     * a number without an abbreviation period, punctuation other than
     * . ! ?, none after a blank line; they are passed over here, with
     * the tests below that all fail for them */
    if (!start) {
      const lx_token *p = t + i, *pe = t + n;
      while (p < pe && !(p->flags & (LX_TF_PERIOD | LX_TF_PARA)) &&
             (p->kind != LX_TK_PUNCT || !may_end_sentence(text[p->start])))
        p++;
      if (p == pe) break;
      i = (size_t)(p - t);
    }
    if (t[i].flags & LX_TF_PARA) start = 1;
    if (start && !(t[i].kind == LX_TK_PUNCT && (t[i].flags & LX_TF_QUOTE))) {
      /* the first word (an opening quotation mark is skipped over) */
      t[i].flags |= LX_TF_SENT;
      start = 0;
    }
    const char *s = text + t[i].start;
    size_t len = t[i].end - t[i].start;
    int end = 0;
    if (t[i].kind == LX_TK_PUNCT) {
      char ch = s[0];
      if ((ch == '.' && len <= 3) || ch == '!' || ch == '?') end = 1;
      /* "..." inside a sentence is common; only end on a capital after it */
      if (end && len > 1 && i + 1 < n && !(t[i + 1].flags & LX_TF_CAP)) end = 0;
    } else if ((t[i].flags & LX_TF_PERIOD) && i + 1 < n &&
               (t[i + 1].flags & LX_TF_CAP) && (t[i + 1].flags & LX_TF_SPACE) &&
               !prefix_abbrev(text, &t[i])) {
      /* "Acme Inc. The company": the abbreviation ends the sentence only
       * before a word that starts sentences (U.S. President goes on) */
      static const char *const starters[] = {"the", "he", "she", "it", "they", "we",
                                             "but", "in", "a", "an", "this", "that",
                                             "i", "his", "her", "its", "their", "on",
                                             "at", "for", "as", "after", "while"};
      int starter = 0;
      for (size_t k = 0; k < LX_COUNTOF(starters) && !starter; k++)
        if (lx_tok_ieq(text, &t[i + 1], starters[k])) starter = 1;
      end = starter;
    }
    if (end) {
      /* closing quotes and brackets stay with the sentence they end */
      size_t j = i + 1;
      while (j < n && t[j].kind == LX_TK_PUNCT && !(t[j].flags & LX_TF_SPACE) &&
             ((t[j].flags & LX_TF_QUOTE) || text[t[j].start] == ')'))
        j++;
      i = j - 1;
      start = 1;
    }
  }
}
