/*
 * Article structure from plain text: lines, blocks, then the header fields
 * (title, section, published, byline, dateline), the body paragraphs,
 * captions and labelled boilerplate.
 *
 * The body is found the way jusText finds it (Pomikálek 2011): blocks are
 * classed by length, function-word density and link/list markup, short
 * blocks take the class of their context, and the densest run of good
 * blocks is the body. A dateline, when there is one, pins where the body
 * starts. Every block that is not a field or a paragraph is kept as a
 * labelled boilerplate block: nothing of the input is dropped.
 */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"
#include "patterns.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/* ---- lines ------------------------------------------------------------------ */

static inline int hspace_at(const char *s, size_t i, size_t n, size_t *k) {
  unsigned char c = (unsigned char)s[i];
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r') {
    *k = 1;
    return 1;
  }
  if (c >= 0x80) {
    uint32_t cp;
    size_t m = lx_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (cp != LX_BAD_CP && (lx_cp_class(cp) & LX_CC_SPACE) &&
        !(lx_cp_class(cp) & LX_CC_NEWLINE)) {
      *k = m;
      return 1;
    }
    if (cp == 0xFEFF || cp == 0x200B) { /* BOM, zero width space */
      *k = m;
      return 1;
    }
  }
  return 0;
}

void lx_split_lines(lx_ctx *c) {
  const char *s = c->text;
  size_t n = c->len, i = 0;
  int blank = 1;
  unsigned count = 0;
  /* room for a line per 48 bytes (news runs 60 to 100 a line): one
   * allocation for most documents, not one and then a copy per doubling;
   * the lines are appended here, not by lx_push (a call and a memset of
   * unknown size each) */
  if (!lx_vec_reserve(c->alloc, &c->lines, sizeof(lx_line), n / 48 + 16))
    lx_fail(c, LEDE_ENOMEM, "out of memory");
  while (i < n) {
    const char *nl = (const char *)memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    size_t ts = i, k, indent = 0;
    while (ts < e && hspace_at(s, ts, e, &k)) {
      indent += s[ts] == '\t' ? 4 : 1;
      ts += k;
    }
    size_t te = e;
    while (te > ts) {
      /* trim trailing white space, ASCII or a UTF-8 no-break space */
      unsigned char ch = (unsigned char)s[te - 1];
      if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
        te--;
      } else if (te - ts >= 2 && ch == 0xA0 && (unsigned char)s[te - 2] == 0xC2) {
        te -= 2;
      } else {
        break;
      }
    }
    if (ts == te) {
      blank = 1;
    } else {
      if (LX_UNLIKELY(c->lines.n == c->lines.cap) &&
          !lx_vec_reserve(c->alloc, &c->lines, sizeof(lx_line), c->lines.n + 1))
        lx_fail(c, LEDE_ENOMEM, "out of memory");
      lx_line *l = (lx_line *)c->lines.p + c->lines.n++;
      memset(l, 0, sizeof *l);
      l->start = (uint32_t)i;
      l->end = (uint32_t)(e > i && s[e - 1] == '\r' ? e - 1 : e);
      l->tstart = (uint32_t)ts;
      l->tend = (uint32_t)te;
      l->indent = (uint16_t)LX_MIN(indent, 65535);
      l->blank_before = (uint8_t)blank;
      l->block = -1;
      blank = 0;
    }
    if ((++count & 4095) == 0) lx_tick(c);
    i = e + 1;
  }
}

/* ---- blocks ------------------------------------------------------------------ */

enum { C_BAD = 0, C_SHORT, C_NEARGOOD, C_GOOD };
enum {
  R_NONE = 0, R_BODY, R_TITLE, R_SECTION, R_PUBLISHED, R_BYLINE, R_CAPTION,
  R_CREDIT, R_BOILER, R_DATELINE, R_TITLE_DUP,
  R_CONSUMED /* the date line of a dateline printed over two lines */
};

typedef struct blk {
  uint32_t start, end;   /* trimmed text of the block */
  uint32_t text_start;   /* after a list marker */
  uint32_t l0, l1;       /* its lines [l0, l1) */
  uint32_t t0, t1;       /* its tokens [t0, t1) (the list marker excluded) */
  uint32_t chars;        /* code points */
  uint32_t words, stop, capw, allcapw, lowerw, numw;
  uint32_t terms;        /* sentence-ending punctuation */
  uint32_t bracket;      /* code points inside [ ] */
  uint32_t pipes;        /* '|' separators */
  uint8_t list;          /* starts with a list marker */
  uint8_t ends_term;     /* ends with . ! ? or a closing quote after them */
  uint8_t cls;           /* C_* after classification */
  uint8_t role;          /* R_* */
  uint8_t kind;          /* lede_block_kind when R_BOILER */
  uint8_t cue;           /* a boilerplate cue matched (kind + 1) */
  uint8_t dateline;      /* the block starts with a dateline */
  uint8_t stamp;         /* the block is (or ends with) a timestamp */
  uint8_t byline;        /* the block is a byline */
  uint8_t caption;       /* the block reads as a photo caption */
  uint8_t credit;        /* the block is a credit line */
  uint32_t lead_start;   /* for the dateline block: where the lead starts */
  uint32_t notice0, notice1; /* its tokens that may start a notice cue are in these */
} blk;

/* Length in bytes of a list marker at s[i..e): "* ", "+ ", "- ", "• ",
 * "1. ", "12) ", or a lone marker; 0 if none. */
static size_t list_marker(const char *s, size_t i, size_t e) {
  size_t n = e - i;
  const unsigned char *u = (const unsigned char *)s + i;
  size_t m = 0;
  /* most lines open with a capital, which no marker is */
  if (n >= 1 && u[0] >= 'A' && u[0] <= 'Z') return 0;
  if (n >= 1 && (u[0] == '*' || u[0] == '+' || u[0] == '-' || u[0] == 'o' ||
                 u[0] == '>'))
    m = 1;
  else if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xA2)
    m = 3; /* bullet (not dashes: dialogue and asides open with them) */
  else if (n >= 2 && u[0] == 0xC2 && u[1] == 0xB7)
    m = 2; /* middle dot */
  else {
    size_t k = 0;
    while (k < n && k < 3 && u[k] >= '0' && u[k] <= '9') k++;
    if (k && k < n && (u[k] == '.' || u[k] == ')') && k + 1 < n && u[k + 1] == ' ')
      return k + 2;
    return 0;
  }
  if (m == n) return u[0] == 'o' || u[0] == '>' ? 0 : m; /* a lone marker */
  if (u[m] == ' ' || u[m] == '\t') {
    if (u[0] == 'o' && m == 1) return 0;
    if (u[0] == '-' && m == 1 && n > 2 && u[1] == '-') return 0;
    return m + 1;
  }
  return 0;
}

static int starts_upper(const char *s, size_t i, size_t e) {
  if (i >= e) return 0;
  unsigned char ch = (unsigned char)s[i];
  if (ch < 0x80) /* what the decoding and lx_cp_class give an ASCII byte */
    return (lx_ascii_class[ch] & (LX_CC_UPPER | LX_CC_DIGIT | LX_CC_QUOTE)) || ch == '(' ||
           ch == '[';
  uint32_t cp;
  lx_utf8_decode((const unsigned char *)s + i, e - i, &cp);
  unsigned cls = lx_cp_class(cp);
  return (cls & (LX_CC_UPPER | LX_CC_DIGIT | LX_CC_QUOTE)) || cp == '(' || cp == '[';
}

/* Whether the line ends a sentence: . ! ? : and closing quotes after them. */
static int ends_terminal(const char *s, size_t ts, size_t te) {
  size_t e = te;
  while (e > ts) {
    unsigned char ch = (unsigned char)s[e - 1];
    if (ch == '"' || ch == '\'' || ch == ')') {
      e--;
      continue;
    }
    /* ” ’ » */
    if (e - ts >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
        ((unsigned char)s[e - 1] == 0x9D || (unsigned char)s[e - 1] == 0x99)) {
      e -= 3;
      continue;
    }
    break;
  }
  if (e == ts) return 0;
  char ch = s[e - 1];
  if (ch == '.' || ch == '!' || ch == '?' || ch == ':') return 1;
  /* … */
  if (e - ts >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
      (unsigned char)s[e - 1] == 0xA6)
    return 1;
  return 0;
}

/* The first words of the notice cues (cue_kind: how 1 or 3), whose token
 * hashes block_features looks for (a word's is lx_hash_lower of its text,
 * as the hash sets assume); the other, "\xc2\xa9", is told by its first
 * byte. They are in the engine's block_words with flag BW_NOTICE, the
 * function words with BW_STOP (lx_cues_build). */
static const char *const notice_words[] = {"all", "accept", "cookie", "cookies"};
enum { BW_STOP = 1, BW_NOTICE = 2 };

/* Counts over the block's tokens: words, function words, capitals, sentence
 * ends, bracketed text (links and images in page dumps). Its tokens run
 * from b->t0 to the last that ends within the block: b->t1 is found in the
 * same walk. The counts are kept in locals: the text is read through a
 * char pointer, which may alias the block, and counters in the block were
 * loaded and stored again for each token. The tokens that may start a
 * notice cue (notice_words, or the first byte of "\xc2\xa9") are marked
 * in [b->notice0, b->notice1), for cue_kind. A word of 12 letters or fewer
 * is looked up once in the engine's block_words, which tells both whether
 * it is a function word and whether it begins a notice. */
/* What block_features counts over the tokens that are no word or number
 * (about one in eight): apart, so that the words' loop keeps its counters
 * in registers. */
typedef struct punct_counts {
  uint32_t bracket, br_from, terms, pipes, notice0, notice1;
  int in_br;
} punct_counts;

#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void punct_token(punct_counts *pc, const char *text, const lx_token *t,
                        const lx_token *k, const lx_token *te, uint32_t end, uint32_t tchars) {
  char c0 = text[k->start];
  if (c0 == '[') {
    if (!pc->in_br) pc->br_from = tchars;
    pc->in_br = 1;
  } else if (c0 == ']') {
    if (pc->in_br) pc->bracket += tchars - pc->br_from;
    pc->in_br = 0;
  } else if (c0 == '|') {
    pc->pipes++;
  } else if ((c0 == '.' || c0 == '!' || c0 == '?') && k->kind == LX_TK_PUNCT &&
             /* the block's last token, or one before a space or a quote */
             (k + 1 == te || k[1].end > end ||
              (k[1].flags & (LX_TF_SPACE | LX_TF_NEWLINE)) ||
              (k[1].flags & LX_TF_QUOTE))) {
    pc->terms++;
  } else if ((unsigned char)c0 == 0xC2) {
    const uint32_t i = (uint32_t)(k - t);
    if (!pc->notice1) pc->notice0 = i;
    pc->notice1 = i + 1;
  }
}

/* block_features counts a block's words by their case bits, which it reads
 * as an index of 8 (and adds up by those bits' values) */
typedef char lx_case_bits[LX_TF_CAP == 1 && LX_TF_ALLCAP == 2 && LX_TF_LOWER == 4 ? 1 : -1];

static void block_features(lx_ctx *c, blk *b) {
  const lx_token *const t = (const lx_token *)c->toks.p;
  const lx_token *const te = t + c->toks.n;
  const char *text = c->text;
  const uint32_t end = b->end;
  /* code points of the tokens (their bytes less the continuation bytes of
   * the few that are not ASCII), and the spaces between them (one each) */
  uint32_t tchars = 0, gaps = 0;
  uint32_t nstop = 0, numw = 0;
  /* words and numbers by their case flags (LX_TF_CAP, ALLCAP, LOWER: bits
   * 0 to 2), summed below: one count a word instead of three */
  uint32_t by_case[8] = {0};
  const uint64_t *slots = c->eng->block_words.slots;
  const size_t mask = c->eng->block_words.cap - 1;
  /* inside [ ]: the tokens after a '[' up to its ']' are counted as
   * bracketed when the bracket closes (or the block ends), from tchars
   * then and at the '[' */
  punct_counts pc = {0, 0, 0, 0, 0, 0, 0};
  uint32_t prev_end = b->text_start;
  const lx_token *k = t + b->t0;
  for (; k < te && k->end <= end; k++) {
    const uint32_t ks = k->start, ke = k->end;
    tchars += ke - ks;
    if (LX_UNLIKELY(k->flags & LX_TF_NONASCII)) {
      const unsigned char *u = (const unsigned char *)text;
      for (uint32_t q = ks; q < ke; q++) tchars -= (u[q] & 0xC0) == 0x80;
    }
    gaps += ks > prev_end;
    prev_end = ke;
    const unsigned kind = k->kind;
    if (kind == LX_TK_WORD || kind == LX_TK_NUM) {
      by_case[k->flags & (LX_TF_CAP | LX_TF_ALLCAP | LX_TF_LOWER)]++;
      if (kind == LX_TK_NUM) {
        numw += !k->nletters;
      } else if (k->nletters <= 12) {
        /* a token's hash is never 0 (lx_hash_final), the empty slot's */
        const uint32_t h = k->hash;
        size_t j = h & mask;
        uint64_t e;
        while ((e = slots[j]) != 0 && (uint32_t)e != h) j = (j + 1) & mask;
        if (e) {
          const unsigned f = (unsigned)(e >> 32);
          nstop += f & BW_STOP;
          if (LX_UNLIKELY(f & BW_NOTICE)) {
            const uint32_t i = (uint32_t)(k - t);
            if (!pc.notice1) pc.notice0 = i;
            pc.notice1 = i + 1;
          }
        }
      }
      continue;
    }
    punct_token(&pc, text, t, k, te, end, tchars);
  }
  if (pc.in_br) pc.bracket += tchars - pc.br_from;
  uint32_t chars = tchars + gaps;
  /* each count is of the four entries with its bit (CAP 1, ALLCAP 2,
   * LOWER 4), added up by hand: the compiler made the loop over the eight
   * into vector code of some sixty instructions, run for every block */
  const uint32_t *bc = by_case;
  uint32_t capw = bc[1] + bc[3] + bc[5] + bc[7], rest = bc[0] + bc[2] + bc[4] + bc[6];
  uint32_t allcapw = bc[2] + bc[3] + bc[6] + bc[7], lowerw = bc[4] + bc[5] + bc[6] + bc[7];
  uint32_t words = capw + rest;
  b->t1 = (uint32_t)(k - t);
  b->chars = chars;
  b->bracket = pc.bracket;
  b->words = words;
  b->stop = nstop;
  b->capw = capw;
  b->allcapw = allcapw;
  b->lowerw = lowerw;
  b->numw = numw;
  b->terms = pc.terms;
  b->pipes = pc.pipes;
  b->notice0 = pc.notice0;
  b->notice1 = pc.notice1;
}

/* The first of t[0, n) starting at or after s, and the first ending after
 * e: binary searches without a branch on the comparison (a conditional
 * move), whose outcome is a coin toss for the predictor; the mispredictions
 * cost more than the search's work did. */
static size_t first_starting_from(const lx_token *t, size_t n, size_t s) {
  if (!n) return 0;
  const lx_token *b = t;
  while (n > 1) {
    size_t half = n / 2;
    b = b[half].start < s ? b + half : b;
    n -= half;
  }
  return (size_t)(b - t) + (b->start < s);
}

static size_t first_ending_after(const lx_token *t, size_t n, size_t e) {
  if (!n) return 0;
  const lx_token *b = t;
  while (n > 1) {
    size_t half = n / 2;
    b = b[half].end <= e ? b + half : b;
    n -= half;
  }
  return (size_t)(b - t) + (b->end <= e);
}

void lx_tokens_in(const lx_ctx *c, size_t s, size_t e, size_t *t0, size_t *t1) {
  lx_tokens_in_from(c, 0, s, e, t0, t1);
}

/* The first of t[a, n) starting at or after s, and the first of t[z, n)
 * ending after e, looked for from a (z): a gallop 1, 2, 4... tokens ahead,
 * then a search within the last step. Spans asked for in text order cost
 * the logarithm of their distance and length, not of the document's
 * length (a paragraph used to cost two searches over the rest of it). */
static size_t gallop_start(const lx_token *t, size_t n, size_t a, size_t s) {
  if (a >= n || t[a].start >= s) return a;
  size_t lo = a, step = 1; /* t[lo] starts before s */
  while (step < n - lo && t[lo + step].start < s) {
    lo += step;
    step *= 2;
  }
  size_t hi = step < n - lo ? lo + step : n;
  return lo + 1 + first_starting_from(t + lo + 1, hi - lo - 1, s);
}

static size_t gallop_end(const lx_token *t, size_t n, size_t z, size_t e) {
  if (z >= n || t[z].end > e) return z;
  size_t lo = z, step = 1; /* t[lo] ends at or before e */
  while (step < n - lo && t[lo + step].end <= e) {
    lo += step;
    step *= 2;
  }
  size_t hi = step < n - lo ? lo + step : n;
  return lo + 1 + first_ending_after(t + lo + 1, hi - lo - 1, e);
}

/* The same two searches from a guess g that may lie on either side of the
 * answer: a walk of a few tokens (the guesses below are mostly that
 * close), then a gallop up, or down when g is past the answer (t[g] starts
 * at or after s, ends after e). */
static size_t find_start(const lx_token *t, size_t n, size_t g, size_t s) {
  if (g < n && t[g].start < s) {
    for (int k = 0; k < 8; k++)
      if (++g == n || t[g].start >= s) return g;
    return gallop_start(t, n, g, s);
  }
  size_t hi = g < n ? g : n; /* t[hi] starts at or after s, or hi == n */
  for (int k = 0; k < 8; k++, hi--)
    if (hi == 0 || t[hi - 1].start < s) return hi;
  size_t step = 1;
  while (step <= hi && t[hi - step].start >= s) {
    hi -= step;
    step *= 2;
  }
  size_t lo = step <= hi ? hi - step + 1 : 0; /* t[lo - 1] starts before s */
  return lo + first_starting_from(t + lo, hi - lo, s);
}

static size_t find_end(const lx_token *t, size_t n, size_t z, size_t g, size_t e) {
  if (g < n && t[g].end <= e) {
    for (int k = 0; k < 8; k++)
      if (++g == n || t[g].end > e) return g;
    return gallop_end(t, n, g, e);
  }
  size_t hi = g < n ? g : n; /* t[hi] ends after e, or hi == n */
  for (int k = 0; k < 8; k++, hi--)
    if (hi == z || t[hi - 1].end <= e) return hi;
  size_t step = 1;
  while (step <= hi - z && t[hi - step].end > e) {
    hi -= step;
    step *= 2;
  }
  size_t lo = step <= hi - z ? hi - step + 1 : z;
  return lo + first_ending_after(t + lo, hi - lo, e);
}

/* Tokens are spread about evenly over the text: the start is looked for
 * from where the mean density puts it (reckoned from the hint when there
 * is one), the end from where it puts the span's end, and the searches
 * cost the logarithm of the guesses' error, mostly a walk of a few tokens.
 * Without a hint a span (an entity's, a title's) used to cost a gallop
 * from the document's start, and a paragraph a gallop over its length. */
void lx_tokens_in_from(const lx_ctx *c, size_t from, size_t s, size_t e, size_t *t0,
                       size_t *t1) {
  const lx_token *t = (const lx_token *)c->toks.p;
  size_t n = c->toks.n;
  if (!n) {
    *t0 = *t1 = 0;
    return;
  }
  /* a hint past the span is no hint */
  if (from && (from > n || t[from - 1].start >= s)) from = 0;
  size_t a;
  if (from && (from == n || t[from].start >= s)) {
    a = from;
  } else {
    /* from the hint, the guess's error is that of the distance from it */
    size_t g = from ? from + (size_t)((uint64_t)LX_MIN(s - t[from].start, c->len) * n / c->len)
                    : (size_t)((uint64_t)LX_MIN(s, c->len) * n / c->len);
    a = find_start(t, n, LX_MIN(g, n), s);
  }
  *t0 = a;
  if (e <= s + 64) {
    /* a short span (an entity's): a walk over its few tokens, two at a
     * time (ends grow: when the second ends within, so does the first) */
    const lx_token *z = t + a, *const last = t + n - 1;
    while (z < last && z[1].end <= e) z += 2;
    if (z <= last && z->end <= e) z++;
    *t1 = (size_t)(z - t);
    return;
  }
  size_t g = a + (size_t)((uint64_t)LX_MIN(e - s, c->len) * n / c->len);
  *t1 = find_end(t, n, a, LX_MIN(g, n), e);
}

/* A block's tokens (build_blocks found them: no search). */
static lx_token *block_tokens(lx_ctx *c, const blk *b, size_t *n) {
  *n = b->t1 - b->t0;
  return c->toks.p ? (lx_token *)c->toks.p + b->t0 : NULL;
}

/* The tokens within [s, e): a range of the document's token array. */
static lx_token *tokens_of(lx_ctx *c, size_t s, size_t e, size_t *n) {
  size_t t0, t1;
  lx_tokens_in(c, s, e, &t0, &t1);
  *n = t1 - t0;
  /* a text without a token never allocated the vector: no offset to NULL */
  return c->toks.p ? (lx_token *)c->toks.p + t0 : NULL;
}

/* Builds the blocks (into c->blocks) from the lines. */
static void build_blocks(lx_ctx *c) {
  lx_line *L = (lx_line *)c->lines.p;
  size_t nl = c->lines.n;
  const char *s = c->text;
  c->blocks.n = 0;
  /* Text saved from a page prints a paragraph as one long line; wire copy
   * wraps paragraphs at a fixed width. In the first kind every line is its
   * own block; in the second, lines are joined until a paragraph ends. */
  size_t long_lines = 0;
  for (size_t k = 0; k < nl; k++) long_lines += L[k].tend - L[k].tstart > 120;
  int unwrapped = long_lines >= 3 || long_lines * 20 >= nl;
  int prev_list_indent = -1;
  /* a block starts at a line at most: room for them all at once, each
   * appended and zeroed here (not by lx_push, a call and a memset of a
   * size unknown to the compiler each) */
  if (!lx_vec_reserve(c->alloc, &c->blocks, sizeof(blk), nl))
    lx_fail(c, LEDE_ENOMEM, "out of memory");
  for (size_t k = 0; k < nl; k++) {
    lx_line *l = &L[k];
    size_t lm = list_marker(s, l->tstart, l->tend);
    int fresh = k == 0 || l->blank_before || lm;
    /* (list items continue on indented lines in both kinds) */
    if (!fresh && unwrapped && !(prev_list_indent >= 0 && l->indent > prev_list_indent))
      fresh = 1;
    if (!fresh && l->indent >= 2) {
      /* an indented line: a new paragraph (wire copy), unless it continues
       * a list item it is indented under */
      if (!(prev_list_indent >= 0 && l->indent > prev_list_indent)) fresh = 1;
    }
    if (!fresh) {
      /* lines of one paragraph wrap; separate items (a footer, a list of
       * sentences one per line) end a sentence or are short */
      lx_line *p = &L[k - 1];
      size_t plen = p->tend - p->tstart;
      char last = s[p->tend - 1];
      int continues = last == ',' || last == '-' || last == '(';
      size_t llen = l->tend - l->tstart;
      if (starts_upper(s, l->tstart, l->tend) &&
          (ends_terminal(s, p->tstart, p->tend) || (plen < 40 && !continues) ||
           /* a header line over a paragraph printed as one long line */
           (plen < 90 && !continues && llen >= 120 && llen >= 2 * plen)))
        fresh = 1;
    }
    if (fresh) {
      blk *b = (blk *)c->blocks.p + c->blocks.n++;
      memset(b, 0, sizeof *b);
      b->start = l->tstart;
      b->text_start = (uint32_t)(l->tstart + lm);
      b->l0 = (uint32_t)k;
      b->list = lm != 0;
      prev_list_indent = lm ? l->indent : (l->blank_before ? -1 : prev_list_indent);
    }
    blk *b = (blk *)c->blocks.p + (c->blocks.n - 1);
    b->end = l->tend;
    b->l1 = (uint32_t)k + 1;
    l->block = (int32_t)(c->blocks.n - 1);
  }
  blk *B = (blk *)c->blocks.p;
  const lx_token *t = (const lx_token *)c->toks.p;
  size_t tn = c->toks.n, j = 0;
  for (size_t i = 0; i < c->blocks.n; i++) {
    while (j < tn && t[j].start < B[i].text_start) j++;
    B[i].t0 = (uint32_t)j;
    block_features(c, &B[i]);
    j = B[i].t1;
    B[i].ends_term = (uint8_t)ends_terminal(s, B[i].start, B[i].end);
    if ((i & 1023) == 0) lx_tick(c);
  }
}

/* ---- boilerplate cues -------------------------------------------------------- */

typedef struct cue {
  const char *text;
  uint8_t kind;
  /* 0 prefix of a short block, 1 contained in a short notice, 2 the whole
   * block, 3 a word anywhere in a notice (cookie banners run long), 4 a
   * word in a short heading ("Top Rated Comments") */
  uint8_t how;
} cue;

static const cue cue_table[] = {
    {"go to contents", LEDE_B_NAVIGATION, 0}, {"go to navigation", LEDE_B_NAVIGATION, 0},
    {"skip to", LEDE_B_NAVIGATION, 0}, {"jump to", LEDE_B_NAVIGATION, 0},
    {"main menu", LEDE_B_NAVIGATION, 0}, {"close navigation", LEDE_B_NAVIGATION, 0},
    {"open navigation", LEDE_B_NAVIGATION, 0}, {"toggle navigation", LEDE_B_NAVIGATION, 0},
    {"back to top", LEDE_B_NAVIGATION, 0}, {"previous post", LEDE_B_NAVIGATION, 0},
    {"next post", LEDE_B_NAVIGATION, 0}, {"browse all", LEDE_B_NAVIGATION, 0},
    {"you are here", LEDE_B_NAVIGATION, 0}, {"menu", LEDE_B_NAVIGATION, 2},
    {"home", LEDE_B_NAVIGATION, 2}, {"search", LEDE_B_NAVIGATION, 2},
    {"sections", LEDE_B_NAVIGATION, 2}, {"more", LEDE_B_NAVIGATION, 2},
    {"close", LEDE_B_NAVIGATION, 2}, {"print edition", LEDE_B_NAVIGATION, 2},
    {"send feedback", LEDE_B_SHARE, 0}, {"how can we improve", LEDE_B_SHARE, 0},
    {"thanks for your feedback", LEDE_B_SHARE, 0}, {"share this", LEDE_B_SHARE, 0},
    {"share on", LEDE_B_SHARE, 0}, {"share", LEDE_B_SHARE, 2},
    {"tweet", LEDE_B_SHARE, 2}, {"email", LEDE_B_SHARE, 2}, {"e-mail", LEDE_B_SHARE, 2},
    {"print", LEDE_B_SHARE, 2}, {"copy link", LEDE_B_SHARE, 0},
    {"get short url", LEDE_B_SHARE, 0}, {"follow us", LEDE_B_SHARE, 0},
    {"like us on", LEDE_B_SHARE, 0}, {"comment via", LEDE_B_SHARE, 0},
    {"click to share", LEDE_B_SHARE, 0}, {"share this article", LEDE_B_SHARE, 0},
    {"copyright", LEDE_B_COPYRIGHT, 0}, {"all rights reserved", LEDE_B_COPYRIGHT, 1},
    {"\xc2\xa9", LEDE_B_COPYRIGHT, 1},
    {"related", LEDE_B_RELATED, 0}, {"most read", LEDE_B_RELATED, 0},
    {"most popular", LEDE_B_RELATED, 0}, {"most viewed", LEDE_B_RELATED, 0},
    {"recommended", LEDE_B_RELATED, 0}, {"recommends", LEDE_B_RELATED, 2},
    {"more from", LEDE_B_RELATED, 0}, {"read more", LEDE_B_RELATED, 0},
    {"read also", LEDE_B_RELATED, 0}, {"also read", LEDE_B_RELATED, 0},
    {"you may also like", LEDE_B_RELATED, 0}, {"you might also like", LEDE_B_RELATED, 0},
    {"trending", LEDE_B_RELATED, 0}, {"see also", LEDE_B_RELATED, 0},
    {"more stories", LEDE_B_RELATED, 0}, {"top stories", LEDE_B_RELATED, 0},
    {"latest news", LEDE_B_RELATED, 0}, {"up next", LEDE_B_RELATED, 0},
    {"don't miss", LEDE_B_RELATED, 0}, {"editor's picks", LEDE_B_RELATED, 0},
    {"more on this", LEDE_B_RELATED, 0}, {"what to read next", LEDE_B_RELATED, 0},
    {"further reading", LEDE_B_RELATED, 0}, {"popular", LEDE_B_RELATED, 2},
    {"latest", LEDE_B_RELATED, 2}, {"more news", LEDE_B_RELATED, 0},
    {"advertisement", LEDE_B_AD, 0}, {"advertising", LEDE_B_AD, 2},
    {"sponsored", LEDE_B_AD, 0}, {"promoted", LEDE_B_AD, 2},
    {"partner content", LEDE_B_AD, 0}, {"paid content", LEDE_B_AD, 0},
    {"ad", LEDE_B_AD, 2}, {"ads", LEDE_B_AD, 2}, {"anzeige", LEDE_B_AD, 2},
    {"cookie", LEDE_B_COOKIE, 3}, {"cookies", LEDE_B_COOKIE, 3},
    {"privacy policy", LEDE_B_COOKIE, 0}, {"terms of use", LEDE_B_COOKIE, 0},
    {"terms of service", LEDE_B_COOKIE, 0}, {"accept cookies", LEDE_B_COOKIE, 1},
    {"subscribe", LEDE_B_SUBSCRIBE, 0}, {"sign up", LEDE_B_SUBSCRIBE, 0},
    {"sign in", LEDE_B_SUBSCRIBE, 0}, {"log in", LEDE_B_SUBSCRIBE, 0},
    {"login", LEDE_B_SUBSCRIBE, 2}, {"log out", LEDE_B_SUBSCRIBE, 0},
    {"newsletter", LEDE_B_SUBSCRIBE, 0}, {"register", LEDE_B_SUBSCRIBE, 2},
    {"create an account", LEDE_B_SUBSCRIBE, 0}, {"to read the full story", LEDE_B_SUBSCRIBE, 0},
    {"already a subscriber", LEDE_B_SUBSCRIBE, 0},
    {"support independent journalism", LEDE_B_SUBSCRIBE, 0},
    {"contribute", LEDE_B_SUBSCRIBE, 2}, {"become a member", LEDE_B_SUBSCRIBE, 0},
    {"thanks for signing up", LEDE_B_SUBSCRIBE, 0},
    {"keep an eye on your inbox", LEDE_B_SUBSCRIBE, 0},
    {"comments", LEDE_B_COMMENTS, 4}, {"comment", LEDE_B_COMMENTS, 2},
    {"related", LEDE_B_RELATED, 4}, {"read next", LEDE_B_RELATED, 4},
    {"recommended for you", LEDE_B_RELATED, 4}, {"more stories", LEDE_B_RELATED, 4},
    {"most read", LEDE_B_RELATED, 4}, {"most popular", LEDE_B_RELATED, 4},
    {"add comment", LEDE_B_COMMENTS, 0}, {"leave a comment", LEDE_B_COMMENTS, 0},
    {"leave a reply", LEDE_B_COMMENTS, 0}, {"show more comments", LEDE_B_COMMENTS, 0},
    {"post a comment", LEDE_B_COMMENTS, 0}, {"all comments", LEDE_B_COMMENTS, 0},
    {"show new comments", LEDE_B_COMMENTS, 0}, {"join the discussion", LEDE_B_COMMENTS, 0},
};

/* Words that, alone on a line, are share or navigation widgets. */
static const char *const widget_words[] = {
    "share", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "pinterest",
    "reddit", "telegram", "email", "e-mail", "print", "comment", "comments", "save",
    "copy", "link", "url", "google", "instagram", "youtube", "flipboard", "mail",
    "messenger", "sms", "blogger", "stumbleupon", "tumblr", "vk", "on", "this",
    "via", "text", "more", "gift", "article", "subscribe", "follow", "us", "+"};

/* The engine compiles the cues once into a phrase dictionary (entry kind =
 * block kind, id = the bit of `how`) and the widget words into a set; the
 * function words (the hashes of the set stop) and the first words of the
 * notices into block_words, at one slot in eight taken at most. */
lede_status lx_cues_build(const lede_allocator *a, lx_dict **cues, lx_hashset *widgets,
                          const lx_hashset *stop, lx_hashflags *block_words) {
  *cues = lx_dict_new(a);
  if (!*cues) return LEDE_ENOMEM;
  for (size_t i = 0; i < LX_COUNTOF(cue_table); i++) {
    const cue *q = &cue_table[i];
    if (!lx_dict_add(*cues, q->text, strlen(q->text), q->kind, NULL, 0, NULL, 0, 1u << q->how))
      return LEDE_ENOMEM;
  }
  if (!lx_hashset_build(a, widgets, widget_words, LX_COUNTOF(widget_words))) return LEDE_ENOMEM;
  size_t n = LX_COUNTOF(notice_words);
  for (size_t i = 0; i < stop->cap; i++) n += stop->slots[i] != 0;
  if (!lx_hashflags_init(a, block_words, n)) return LEDE_ENOMEM;
  for (size_t i = 0; i < stop->cap; i++)
    if (stop->slots[i]) lx_hashflags_add(block_words, stop->slots[i], BW_STOP);
  for (size_t q = 0; q < LX_COUNTOF(notice_words); q++) {
    uint32_t h = lx_hash_lower(notice_words[q], strlen(notice_words[q]));
    lx_hashflags_add(block_words, h ? h : 1, BW_NOTICE);
  }
  return LEDE_OK;
}

static int edge_punct(const lx_ctx *c, const lx_token *t) {
  if (t->kind == LX_TK_WORD || t->kind == LX_TK_NUM) return 0;
  unsigned char ch = (unsigned char)c->text[t->start];
  return ch != 0xC2; /* © stays */
}

/* The first bytes of the cues a block may hold anywhere: bit 1 for a
 * notice ("all rights reserved", "\xc2\xa9", "accept cookies", "cookie",
 * "cookies"), bit 2 for a word in a short heading ("comments", "related",
 * "read next", "recommended for you", "more stories", "most read"). The
 * dictionary matches a key's first byte as it is or upper-cased (no other
 * code point lowers to these), so a token starting with another byte
 * starts none of them and is not looked up. */
static const uint8_t contained_first[256] = {
    ['a'] = 1, ['A'] = 1, ['c'] = 3, ['C'] = 3, [0xC2] = 1,
    ['r'] = 2, ['R'] = 2, ['m'] = 2, ['M'] = 2,
};

/* The boilerplate kind a block's words call for, + 1; 0 if none. */
static int cue_kind(const lx_ctx *c, const blk *b) {
  size_t len = b->end - b->text_start;
  if (len > 1000 || b->t0 == b->t1) return 0;
  const lx_token *t = (const lx_token *)c->toks.p;
  const lx_dict *d = c->eng->cues;
  /* leading arrows, bullets, brackets; trailing : . ! ? ) > */
  size_t a = b->t0, z = b->t1;
  while (a < z && edge_punct(c, &t[a])) a++;
  while (z > a && edge_punct(c, &t[z - 1])) z--;
  if (a == z) return 0;
  const lx_entry *e;
  /* past 160 bytes only a cue that is the whole block counts here: none
   * has more tokens than the longest cue; most blocks start with a word
   * no cue starts with (the filter tells, as below) */
  size_t k = (len <= 160 || z - a <= lx_dict_maxtok(d)) && lx_dict_may_start(d, t[a].hash)
                 ? lx_dict_longest(d, c->text, t, z, a, &e)
                 : 0;
  for (; k && e; e = lx_entry_next(d, e)) {
    if (e->id & (1u << 2) && k == z - a) return e->kind + 1;      /* the whole block */
    if (e->id & (1u << 0) && len <= 160) return e->kind + 1;      /* a prefix */
  }
  /* contained: notices, cookie banners, short headings; past 40 bytes
   * only a notice, which starts at a token block_features saw */
  unsigned may = len <= 40 ? 3 : 1;
  size_t from = len <= 40 ? a : LX_MAX(a, b->notice0), to = len <= 40 ? z : LX_MIN(z, b->notice1);
  for (size_t i = from; i < to; i++) {
    if (!(contained_first[(unsigned char)c->text[t[i].start]] & may) ||
        !lx_dict_may_start(d, t[i].hash))
      continue;
    k = lx_dict_longest(d, c->text, t, z, i, &e);
    for (; k && e; e = lx_entry_next(d, e)) {
      if ((e->id & (1u << 1)) && len <= 400) return e->kind + 1;
      if ((e->id & (1u << 3)) && len <= 1000) return e->kind + 1;
      if ((e->id & (1u << 4)) && len <= 40) return e->kind + 1;
    }
  }
  /* a line made only of widget words: "Twitter Facebook", "Share this on
   * WhatsApp", "Reddit" */
  if (len <= 80 && b->words > 0 && b->words <= 8) {
    /* (the first word that is none ends the look: most lines have one) */
    size_t words = 0;
    for (size_t i = a; i < z; i++) {
      if (t[i].kind != LX_TK_WORD) continue;
      if (!lx_hashset_has(&c->eng->widgets, t[i].hash ? t[i].hash : 1)) return 0;
      words++;
    }
    if (words) return LEDE_B_SHARE + 1;
  }
  return 0;
}

/* ---- special lines ------------------------------------------------------------ */

/* A block made only of [bracketed] placeholders (images in text dumps). */
static int is_media(const lx_ctx *c, const blk *b) {
  const char *s = c->text;
  size_t i = b->text_start, e = b->end;
  int any = 0;
  while (i < e) {
    while (i < e && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    if (i >= e) break;
    if (s[i] != '[') return 0;
    const char *close = (const char *)memchr(s + i, ']', e - i);
    if (!close) return 0;
    /* a placeholder is short: "[WeWork-SF]", "[ 167 comments ]"; a
     * bracketed sentence ("[HR. At-Tirmidzi no. 1997 ...]") is text */
    size_t spaces = 0, len = (size_t)(close - s) - i;
    for (size_t k = i; k < (size_t)(close - s); k++) spaces += s[k] == ' ' && s[k - 1] != ' ';
    if (len > 80 || spaces > 4) return 0;
    i = (size_t)(close - s) + 1;
    any = 1;
  }
  return any;
}

/* A timestamp line: a full date (with or without time) filling the line's
 * end, after at most a few words ("All News", "Published:", "Updated") or,
 * in a byline, after the names (the date's first token among the first
 * `window`). On success fills *d, the byte offsets of the date and of the
 * prefix. */
static int find_stamp(lx_ctx *c, const blk *b, size_t window, lx_date *d, uint32_t *ds,
                      uint32_t *de, uint32_t *prefix_end) {
  /* a date has a digit: a day, a year or a time (a word of its own, or not:
   * "2019-11-19T12:48:14Z" is tokens with letters) */
  if (b->end - b->text_start > 160 || b->l1 - b->l0 > 2) return 0;
  if (!b->numw) { /* a number token with letters in it, then */
    const lx_token *t = (const lx_token *)c->toks.p;
    uint32_t k = b->t0;
    while (k < b->t1 && t[k].kind != LX_TK_NUM) k++;
    if (k == b->t1) return 0;
  }
  size_t n;
  lx_token *t = block_tokens(c, b, &n);
  for (size_t i = 0; i < n && i < window; i++) {
    /* every reading of a date opens on a number or a capitalized word (a
     * weekday, a month: lx_match_date_ref's first test), asked here
     * without the call for the words of a sentence */
    if (t[i].kind != LX_TK_NUM && !(t[i].kind == LX_TK_WORD && (t[i].flags & LX_TF_CAP)))
      continue;
    lx_date x;
    size_t k = lx_match_date(c->text, t, n, i, &x);
    if (!k || !x.month || !(x.year || x.hour >= 0)) continue;
    if (!x.day) continue;
    size_t j = i + k;
    /* what may follow: "| 2 min read", "• Updated ...", "Get short URL",
     * "by Joe Rossignol"; after a separator, anything the line holds
     * ("| UPDATED: November 19, 2019 at 10:16 pm", "/ Updated 14 hours
     * ago", "/0 Comments/in ...", the "]" that closes "[ 2018-08-25 15:24") */
    int tail_ok = j == n;
    if (!tail_ok && j < n) {
      const unsigned char *ts = (const unsigned char *)c->text + t[j].start;
      size_t tn = t[j].end - t[j].start; /* (no byte past the token is read) */
      int sep = (t[j].kind == LX_TK_PUNCT || t[j].kind == LX_TK_SYM) &&
                (ts[0] == '|' || ts[0] == '/' || ts[0] == ';' || ts[0] == ']' ||
                 (tn >= 3 && ts[0] == 0xE2 && ts[1] == 0x80 && ts[2] == 0xA2) || /* bullet */
                 (tn >= 2 && ts[0] == 0xC2 && ts[1] == 0xB7));        /* middle dot */
      tail_ok = sep || ((ts[0] == 0xE2 || ts[0] == '(' || (t[j].flags & LX_TF_CAP) ||
                         lx_tok_ieq(c->text, &t[j], "updated") ||
                         (lx_tok_ieq(c->text, &t[j], "by") && j + 1 < n &&
                          (t[j + 1].flags & LX_TF_CAP))) &&
                        n - j <= 8);
    }
    if (!tail_ok) continue;
    *d = x;
    *ds = t[i].start;
    *de = t[j - 1].end;
    *prefix_end = i ? t[i - 1].end : b->text_start;
    return 1;
  }
  return 0;
}

/* Whether the words before a timestamp, text[from, to), say it is when the
 * story was published: "Published", "First published on", "Posted:". */
static int says_published(lx_ctx *c, uint32_t from, uint32_t to) {
  if (to <= from) return 0;
  size_t n;
  const lx_token *t = tokens_of(c, from, to, &n);
  for (size_t i = 0; i < n; i++)
    if (lx_tok_ieq(c->text, &t[i], "published") || lx_tok_ieq(c->text, &t[i], "posted") ||
        lx_tok_ieq(c->text, &t[i], "publicado") || lx_tok_ieq(c->text, &t[i], "publié"))
      return 1;
  return 0;
}

/* Whether a block opens on a word that says when the story was published
 * ("Published", "Posted"), a timestamp the dates did not read. */
static int stamp_line(lx_ctx *c, const blk *b) {
  size_t n;
  const lx_token *t = tokens_of(c, b->text_start, b->end, &n);
  return n > 1 && (t[0].flags & LX_TF_CAP) && says_published(c, t[0].start, t[0].end);
}

/* Whether a block's tokens t[0, n) are a person's name alone: two or three
 * words in capitals and small letters, a given name first ("Anna Menin",
 * "Dana Kessel"; not "Key Points", "Back to Gallery"). */
static int name_alone(const lx_ctx *c, const blk *b, const lx_token *t, size_t n) {
  if (n < 2 || n > 3 || b->words != n) return 0;
  for (size_t k = 0; k < n; k++)
    if (t[k].kind != LX_TK_WORD || !(t[k].flags & LX_TF_CAP) || (t[k].flags & LX_TF_ALLCAP))
      return 0;
  const lx_entry *g;
  return lx_dict_longest(c->eng->gaz, c->text, t, n, 0, &g) == 1 &&
         (g = lx_entry_of_kind(c->eng->gaz, g, LX_G_GIVEN)) && !(g->flags & LX_GF_AMB);
}

/* Whether a block holds "By" and a capitalized word: "Eric SongBy Eric
 * Song, IGN Staff" is a byline's line, not a headline. */
static int has_byline_word(lx_ctx *c, const blk *b) {
  const char *p = c->text + b->text_start;
  size_t n = b->end - b->text_start;
  for (size_t i = 0; i + 3 < n; i++) {
    if (p[i] != 'B' || p[i + 1] != 'y') continue;
    size_t j = i + 2; /* a space, or a no-break space */
    if (p[j] == ' ') j++;
    else if ((unsigned char)p[j] == 0xC2 && j + 1 < n && (unsigned char)p[j + 1] == 0xA0) j += 2;
    else continue;
    if (j < n && p[j] >= 'A' && p[j] <= 'Z') return 1;
  }
  return 0;
}

/* Words that start a byline (of two or three letters: the length tells
 * most words apart without a comparison). */
static int byline_word(const lx_ctx *c, const lx_token *t) {
  size_t n = t->end - t->start;
  if (n < 2 || n > 3) return 0;
  return lx_tok_ieq(c->text, t, "by") || lx_tok_ieq(c->text, t, "von") ||
         lx_tok_ieq(c->text, t, "por") || lx_tok_ieq(c->text, t, "par");
}

static const char *const byline_noise[] = {
    "staff", "writer", "writers", "reporter", "reporters", "correspondent",
    "correspondents", "editor", "editors", "contributor", "columnist", "desk",
    "bureau", "team", "newsroom", "wire", "wires", "services", "service", "senior",
    "special", "chief", "political", "business", "sports", "news", "photographer",
    "published", "updated", "posted", "the", "admin", "administrator"};

static int noise_word(const lx_ctx *c, const lx_token *t) {
  for (size_t i = 0; i < LX_COUNTOF(byline_noise); i++)
    if (lx_tok_ieq(c->text, t, byline_noise[i])) return 1;
  return 0;
}

/* The tokens of an agency's name at t (at most n), or 0. */
static size_t agency_at(const lx_ctx *c, const lx_token *t, size_t n) {
  const lx_entry *e;
  size_t k = lx_dict_longest(c->eng->gaz, c->text, t, n, 0, &e);
  return k && lx_entry_of_kind(c->eng->gaz, e, LX_G_AGENCY) != NULL ? k : 0;
}

static int is_agency_tokens(const lx_ctx *c, const lx_token *t, size_t n) {
  return n && agency_at(c, t, n) == n;
}

/* Whether tokens t[0, n) are a known place, all of them ("Norwich", "New
 * York"). */
static int is_place_tokens(const lx_ctx *c, const lx_token *t, size_t n) {
  const lx_entry *e;
  if (!n || lx_dict_longest(c->eng->gaz, c->text, t, n, 0, &e) != n) return 0;
  return lx_entry_of_kind(c->eng->gaz, e, LX_G_CITY) ||
         lx_entry_of_kind(c->eng->gaz, e, LX_G_COUNTRY) ||
         lx_entry_of_kind(c->eng->gaz, e, LX_G_STATE);
}

/* Whether tokens t[0, n), after a byline's comma, name the outlet rather
 * than a second author: "By Jess Harlow, Riverton Gazette", "By Chloe
 * Nakamura, TechDesk" (one word, or a paper's word last; no given name
 * first: "By Jane Roe, John Doe" are two authors). */
int lx_byline_outlet(const lx_dict *gaz, const char *text, const lx_token *t, size_t n) {
  static const char *const papers[] = {"gazette", "tribune", "herald", "news", "times", "post",
                                       "journal", "chronicle", "dispatch", "courier", "examiner",
                                       "bulletin", "observer", "record", "review", "today",
                                       "wire", "insider", "magazine", "daily", "weekly"};
  const lx_entry *e;
  if (!n || n > 4) return 0;
  if (lx_dict_longest(gaz, text, t, n, 0, &e) && lx_entry_of_kind(gaz, e, LX_G_GIVEN)) return 0;
  if (n == 1) return 1;
  for (size_t i = 0; i < LX_COUNTOF(papers); i++)
    if (lx_tok_ieq(text, &t[n - 1], papers[i])) return 1;
  return 0;
}

/* Name particles that may be lower case inside a name. */
int lx_name_particle(const char *text, const lx_token *t) {
  /* (none has more than five bytes: most words are told by their length) */
  if (t->end - t->start > 5) return 0;
  static const char *const p[] = {"de", "da", "del", "della", "di", "van", "von",
                                  "der", "den", "la", "le", "du", "dos", "bin",
                                  "al", "el", "ibn", "ter", "y", "st.", "dal", "dei",
                                  "degli", "dello", "das", "do", "ten", "zu", "zur",
                                  "vom", "ben", "abu", "bint", "af", "av", "op"};
  for (size_t i = 0; i < LX_COUNTOF(p); i++)
    if (lx_tok_ieq(text, t, p[i])) return 1;
  /* (in lower case only: "Des" and "Dela" are given names too) */
  return (lx_tok_is(text, t, "dela") || lx_tok_is(text, t, "delos") || lx_tok_is(text, t, "des"));
}

static int particle(const lx_ctx *c, const lx_token *t) { return lx_name_particle(c->text, t); }

/* Parses the names of a byline from tokens [i, n). Names are appended to
 * out (spans); returns the count, or -1 if the tokens are not a byline. */
static int parse_names(lx_ctx *c, const lx_token *t, size_t i, size_t n,
                       lede_span *out, int max) {
  int count = 0;
  while (i < n && count < max) {
    /* one name: capitalized words, initials, particles */
    size_t s = i, words = 0;
    while (i < n) {
      const lx_token *w = &t[i];
      if (w->kind == LX_TK_WORD && ((w->flags & LX_TF_CAP) || (w->flags & LX_TF_NONASCII)) &&
          !(w->flags & LX_TF_DIGIT)) {
        if (lx_tok_ieq(c->text, w, "and")) break;
        /* a date after the names: "By Joseph Tsidulko November 19, 2019" */
        if (i > s && i + 1 < n && t[i + 1].kind == LX_TK_NUM &&
            lx_month_from_word(c->text + w->start, w->end - w->start))
          break;
        words++;
        i++;
        continue;
      }
      if (w->kind == LX_TK_WORD && particle(c, w) && i > s && i + 1 < n &&
          (t[i + 1].flags & LX_TF_CAP)) {
        i++;
        continue;
      }
      break;
    }
    if (words == 0) return count ? count : -1;
    size_t e = i;
    /* "TOM REYES Associated Press", "Jane Roe Staff Writer": the name ends
     * where an agency or a role begins */
    for (size_t k = s + 1; k < e; k++) {
      size_t ag = agency_at(c, t + k, e - k);
      if (noise_word(c, &t[k]) || (ag && (k + ag == e || noise_word(c, &t[k + ag])))) {
        e = k;
        words = 0;
        for (size_t q = s; q < e; q++) words += !particle(c, &t[q]);
        break;
      }
    }
    /* drop "Staff Writer", "Reuters", "IGN Staff" */
    int noise = 0;
    for (size_t k = s; k < e; k++)
      if (noise_word(c, &t[k])) noise = 1;
    if (!noise && is_agency_tokens(c, t + s, e - s)) noise = 1;
    /* the place after the names: "By Hannah Oduya, BBC News, Norwich"; the
     * outlet: "By Jess Harlow, Riverton Gazette" */
    if (!noise && count > 0 && is_place_tokens(c, t + s, e - s)) noise = 1;
    if (!noise && count > 0 && s > 0 && lx_tok_is(c->text, &t[s - 1], ",") &&
        lx_byline_outlet(c->eng->gaz, c->text, t + s, e - s))
      noise = 1;
    if (!noise && words <= 5 &&
        (words >= 2 || (t[s].nletters >= 2 && !(t[s].flags & LX_TF_ALLCAP)))) {
      out[count].start = t[s].start;
      out[count].end = t[e - 1].end;
      count++;
    }
    if (i >= n) break;
    /* separators: , and & ; */
    if (lx_tok_is(c->text, &t[i], ",") || lx_tok_is(c->text, &t[i], "&") ||
        lx_tok_is(c->text, &t[i], ";") || lx_tok_ieq(c->text, &t[i], "and")) {
      i++;
      if (i < n && lx_tok_ieq(c->text, &t[i], "and")) i++;
      continue;
    }
    break; /* anything else ends the byline ("- 2018-09-16", "|", "in") */
  }
  return count;
}

/* A byline block: "By Lee Haye-ah", "by John Morrison, Reuters",
 * "By" alone (the names on the next block). Returns 1 and the spans. */
static int find_byline(lx_ctx *c, const blk *b, const blk *next, lede_span *names,
                       int *nnames, lede_span *span) {
  if (b->end - b->text_start > 200) return 0;
  size_t n;
  lx_token *t = block_tokens(c, b, &n);
  /* a name alone over the timestamp: "Dana Kessel / Nov 20 2019, 9:22am" (a
   * given name first, two or three words in capitals and small letters) */
  if (next && name_alone(c, b, t, n) && !byline_word(c, &t[0])) {
    lx_date x;
    uint32_t ds, de, pe;
    if (next->words <= 12 && find_stamp(c, next, 12, &x, &ds, &de, &pe)) {
      names[0] = lx_span(t[0].start, t[n - 1].end);
      *nnames = 1;
      *span = lx_span(b->start, b->end);
      return 1;
    }
  }
  if (n >= 4 && n <= 12 && !byline_word(c, &t[0]) &&
      memchr(c->text + b->text_start, '@', b->end - b->text_start) &&
      parse_names(c, t, 0, n, names, 1) == 1) {
    /* "Catherine Shu @catherineshu / 2 days": a name of two words or more
     * and the author's handle after it */
    size_t j = 0;
    while (j < n && t[j].start < names[0].end) j++;
    if (j >= 2 && j + 1 < n && lx_tok_is(c->text, &t[j], "@") && t[j + 1].kind == LX_TK_WORD &&
        !(t[j + 1].flags & LX_TF_SPACE)) {
      *nnames = 1;
      *span = lx_span(b->start, b->end);
      return 1;
    }
  }
  if (n == 0 || !byline_word(c, &t[0]) || !(t[0].flags & LX_TF_CAP)) {
    /* "By" may be lower case only as the line's first word */
    if (!(n && byline_word(c, &t[0]) && lx_tok_is(c->text, &t[0], "by"))) return 0;
  }
  size_t i = 1;
  if (i < n && lx_tok_is(c->text, &t[i], ":")) i++;
  if (i == n) {
    /* "By" alone: the names are on the next block */
    if (!next || next->end - next->text_start > 120) return 0;
    t = block_tokens(c, next, &n);
    int k = parse_names(c, t, 0, n, names, 8);
    if (k <= 0) return 0;
    *nnames = k;
    *span = lx_span(b->start, next->end);
    return 2;
  }
  int k = parse_names(c, t, i, n, names, 8);
  if (k < 0) return 0;
  /* a sentence that opens on "By" goes on after its name with a
   * determiner, a pronoun or a verb ("By July the adults will be dead",
   * "By Friday it was over"); a byline with words of its own ("By Jane Roe
   * in Paris", "Von Moritz Bachmann publiziert am") */
  if (k > 0) {
    static const char *const sentence[] = {
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their",
        "our", "we", "they", "he", "she", "it", "i", "you", "will", "would", "is", "was",
        "are", "were", "has", "have", "had", "can", "could", "should", "may", "might", "must"};
    size_t j = i;
    while (j < n && t[j].start < names[k - 1].end) j++;
    if (j < n && t[j].kind == LX_TK_WORD && (t[j].flags & LX_TF_LOWER))
      for (size_t q = 0; q < LX_COUNTOF(sentence); q++)
        if (lx_tok_ieq(c->text, &t[j], sentence[q])) return 0;
  }
  *nnames = k;
  *span = lx_span(b->start, b->end);
  return 1;
}

/* ---- the dateline ---------------------------------------------------------------- */

/* Words that are no place: sorted in byte order (bad_place searches by
 * halves). */
static const char *const not_places[] = {
    "A", "ABOVE", "ALERT", "AMEX", "ANALYSIS", "ATTENDANCE", "BREAKING", "CAPTION", "COMMENT",
    "CORRECTION", "EDITOR", "EDITORS", "EXCLUSIVE", "FACTBOX", "FEATURE", "FILE", "FLASH", "I",
    "INSTANT VIEW", "INTERVIEW", "LIVE", "NASDAQ", "NEWS", "NOTE", "NYSE", "OPINION", "PHOTO",
    "PICTURED", "POLL", "PREVIEW", "Q", "REFILE", "REPEAT", "RESEARCH ALERT", "RESULTS", "REVIEW",
    "RPT", "SCORERS", "SOURCE", "SOURCES", "SUMMARY", "TABLE", "TEXT", "TOP", "TSE", "UPDATE",
    "UPDATED", "URGENT", "VIDEO", "WARNING", "WATCH"};

static int bad_place(const char *s, size_t n) {
  /* a search by halves (this is asked of every candidate dateline): the
   * words are sorted in byte order */
  if (n && lx_sorted_has(not_places, LX_COUNTOF(not_places), s, n)) return 1;
  /* a place has letters */
  int letters = 0;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80 || ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')) letters++;
  return letters < 2;
}

/* The gazetteer's entries for the text [s, e) of a dateline whose block's
 * tokens start at t0. lx_dict_find tokenizes the text again (about 700
 * instructions); where the document's tokens cover [s, e) exactly, a word
 * starting at s and a token ending at e, they are the tokens it would make:
 * the tokenizer reads no byte outside a token to cut it, but the one after
 * it, and a token that ends at e in the document ends there without it
 * (the byte after it let the token end, and the text's end does too).
 * The phrase is then looked up with them (lx_dict_exact: the same hashes,
 * the same key comparison); otherwise as before. */
static const lx_entry *gaz_find(const lx_ctx *c, size_t t0, size_t s, size_t e) {
  const lx_token *t = (const lx_token *)c->toks.p;
  size_t n = c->toks.n, a = t0;
  while (a < n && t[a].start < s) a++;
  size_t z = a;
  while (z < n && t[z].end <= e) z++;
  if (a < z && t[a].start == s && t[a].kind == LX_TK_WORD && t[z - 1].end == e)
    return lx_dict_exact(c->eng->gaz, c->text, t, a, z - a);
  return lx_dict_find(c->eng->gaz, c->text + s, e - s);
}

/* Title-cases an ALL CAPS place name: "FORT LAUDERDALE" -> "Fort
 * Lauderdale"; particles stay lower case, "N.Y." keeps its form. The name
 * is the text [ls, ls + n) of a dateline whose block's tokens start at t0. */
static char *place_case(lx_ctx *c, size_t t0, size_t ls, size_t n) {
  const char *s = c->text + ls;
  const lx_entry *e = gaz_find(c, t0, ls, ls + n);
  for (; e; e = lx_entry_next(c->eng->gaz, e)) {
    if (e->kind == LX_G_CITY || e->kind == LX_G_COUNTRY || e->kind == LX_G_STATE ||
        e->kind == LX_G_REGION) {
      /* the gazetteer prints it: take its case, not its canonical name */
      const char *p = lx_dict_str(c->eng->gaz, e->phrase);
      if (strlen(p) == n) return lx_strndup(c, p, n);
    }
  }
  char *o = lx_strndup(c, s, n);
  int word_start = 1;
  size_t ws = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)o[i];
    if (ch == ' ' || ch == '-' || ch == '/') {
      word_start = 1;
      continue;
    }
    if (word_start) {
      ws = i;
      word_start = 0;
      /* particles */
      size_t we = i;
      while (we < n && o[we] != ' ') we++;
      static const char *const parts[] = {"DE", "DA", "DO", "DOS", "DAS", "DEL", "DI",
                                          "DU", "LA", "LE", "EL", "AL", "OF", "AM",
                                          "DER", "SUR", "UPON", "ON", "Y"};
      int part = 0;
      if (i > 0)
        for (size_t p = 0; p < LX_COUNTOF(parts); p++)
          if (parts[p][0] == o[i] && strlen(parts[p]) == we - i &&
              memcmp(parts[p], o + i, we - i) == 0)
            part = 1;
      /* "N.Y." / "D.C.": initials keep their capitals */
      int initials = we - i >= 2 && o[i + 1] == '.';
      if (part) {
        for (size_t k = i; k < we; k++)
          if (o[k] >= 'A' && o[k] <= 'Z') o[k] = (char)(o[k] + 32);
        i = we - 1;
        word_start = 0;
        continue;
      }
      if (initials) {
        i = we - 1;
        continue;
      }
      continue; /* first letter stays */
    }
    (void)ws;
    if (ch >= 'A' && ch <= 'Z') {
      /* after an apostrophe inside a word the letter stays lower: "ST. JOHN'S" */
      o[i] = (char)(ch + 32);
    } else if (ch >= 0x80) {
      uint32_t cp;
      size_t k = lx_utf8_decode((const unsigned char *)o + i, n - i, &cp);
      if (cp != LX_BAD_CP) {
        uint32_t lc = lx_cp_lower(cp);
        char tmp[4];
        int m = lx_utf8_encode(lc, tmp);
        if ((size_t)m == k) memcpy(o + i, tmp, k);
      }
      i += k - 1;
    }
  }
  return o;
}

/* "Place, Region" (each part up to a NUL byte, 255 bytes at most), put
 * together by hand: snprintf costs about a thousand instructions to read
 * its format, and a dateline names its region in one story in four. */
static char *place_region(lx_ctx *c, const char *a, const char *r, size_t rn) {
  char tmp[256];
  const char *part[3] = {a, ", ", r};
  size_t len[3] = {strlen(a), 2, 0}, n = 0;
  while (len[2] < rn && r[len[2]]) len[2]++;
  for (int k = 0; k < 3; k++) {
    size_t m = LX_MIN(len[k], sizeof tmp - 1 - n);
    memcpy(tmp + n, part[k], m);
    n += m;
  }
  return lx_strndup(c, tmp, n);
}

/* Whether the gazetteer knows a place by the name [s, e) of a dateline
 * whose block's tokens start at t0. */
static int is_place(const lx_ctx *c, size_t t0, size_t s, size_t e) {
  const lx_entry *en = gaz_find(c, t0, s, e);
  for (; en; en = lx_entry_next(c->eng->gaz, en))
    if (en->kind == LX_G_CITY || en->kind == LX_G_COUNTRY || en->kind == LX_G_STATE ||
        en->kind == LX_G_REGION)
      return 1;
  return 0;
}

/* The agency entry for a name as printed, or NULL. */
static const lx_entry *agency_entry(const lx_ctx *c, const char *s, size_t n) {
  const lx_entry *e = lx_dict_find(c->eng->gaz, s, n);
  return lx_entry_of_kind(c->eng->gaz, e, LX_G_AGENCY);
}

/* The same for the name [s, e) of a dateline whose block's tokens start at t0. */
static const lx_entry *agency_entry_at(const lx_ctx *c, size_t t0, size_t s, size_t e) {
  return lx_entry_of_kind(c->eng->gaz, gaz_find(c, t0, s, e), LX_G_AGENCY);
}

static int parse_tz_attr(const char *v, size_t n, int *tz) {
  if (!v || n < 3) return 0;
  int sign = v[0] == '-' ? -1 : 1;
  size_t i = (v[0] == '+' || v[0] == '-') ? 1 : 0;
  int h = 0, m = 0;
  for (size_t k = 0; k < 2 && i < n && v[i] >= '0' && v[i] <= '9'; k++)
    h = h * 10 + (v[i++] - '0');
  if (i < n && v[i] == ':') {
    i++;
    for (size_t k = 0; k < 2 && i < n && v[i] >= '0' && v[i] <= '9'; k++)
      m = m * 10 + (v[i++] - '0');
  }
  if (i != n || m > 59 || h * 60 + m > LX_TZ_MAX) return 0;
  *tz = sign * (h * 60 + m);
  return 1;
}

/* The agency's home zone (standard time) and its daylight-time rule
 * become the zone of times printed without one. */
static void agency_zone(lx_ctx *c, const lx_entry *ag) {
  size_t vn = 0;
  int off;
  const char *tz = lx_entry_attr(c->eng->gaz, ag, "tz", &vn); /* before vn is read */
  if (!parse_tz_attr(tz, vn, &off)) return;
  c->pub_tz = off;
  c->has_pub_tz = 1;
  const char *dst = lx_entry_attr(c->eng->gaz, ag, "dst", &vn);
  c->pub_dst = lx_dst_rule(dst, dst ? vn : 0);
}

/* The number a token starts with ("4", "4th", "2020"), read within the
 * token: the text is the caller's and ends with no NUL. 0 if none; more
 * than 9 digits read as 0 too (no day or year). */
static int leading_int(const char *s, size_t n) {
  int v = 0;
  size_t k = 0;
  for (; k < n && s[k] >= '0' && s[k] <= '9'; k++) {
    if (k == 9) return 0;
    v = v * 10 + (s[k] - '0');
  }
  return v;
}

/* Whether text[s, e) has a separator SEP_PART takes before a line break: a
 * dash, a colon or a bar before a blank, two dashes, an en or an em dash.
 * The patterns but the line's (LX_P_DATELINE_LINE) end with one, and no
 * part of them matches a line break: without one they cannot match. The
 * bytes that may start one (or end the line) are looked for in a table:
 * most datelines are found, after a scan of a line's first words. */
static const uint8_t sep_lead[256] = {['-'] = 1, [':'] = 1, ['|'] = 1, [0xE2] = 1, ['\n'] = 1};

static int has_separator(const char *text, size_t s, size_t e) {
  const unsigned char *u = (const unsigned char *)text;
  for (size_t i = s; i < e; i++) {
    if (!sep_lead[u[i]]) continue;
    unsigned char ch = u[i];
    if (ch == '\n') return 0;
    if (ch == 0xE2) {
      if (i + 2 < e && u[i + 1] == 0x80 && (u[i + 2] == 0x93 || u[i + 2] == 0x94)) return 1;
    } else if (i + 1 < e &&
               (u[i + 1] == ' ' || u[i + 1] == '\t' || (ch == '-' && u[i + 1] == '-'))) {
      return 1;
    }
  }
  return 0;
}

/* Tries the dateline patterns at the start of a block. */
static int match_dateline(lx_ctx *c, blk *b, lede_dateline *dl, lx_date *date) {
  size_t ov[64];
  size_t s = b->text_start, e = b->end;
  size_t lim = LX_MIN(e, s + 160); /* datelines are short: bound the work */
  static const int pats[] = {LX_P_DATELINE, LX_P_DATELINE_TITLE, LX_P_DATELINE_AGENCY,
                             LX_P_DATELINE_LINE};
  /* what the first token allows: an ALL CAPS place, a Title Case place, an
   * opening parenthesis */
  if (b->t0 >= b->t1) return 0;
  const lx_token *ft = (const lx_token *)c->toks.p + b->t0;
  /* the next line, when a dateline may go on there ("MILWAUKEE, Wisconsin"
   * over "1996-08-29"): right below, and short */
  const lx_line *L = (const lx_line *)c->lines.p;
  size_t line_end = L[b->l0].tend;
  if (b->l1 - b->l0 == 1 && b->l1 < c->lines.n && !L[b->l1].blank_before &&
      L[b->l1].tend - L[b->l1].tstart <= 12)
    line_end = L[b->l1].tend;
  /* a dateline ends with a separator among its first tokens: a dash, a
   * colon or a bar; or it is a line of a place and an ISO date */
  int seps = -1; /* has_separator once asked; 1 (not asked) after a separator token */
  if (line_end == L[b->l0].tend) {
    const lx_token *tk = ft, *tz = ft + LX_MIN(b->t1 - b->t0, 16);
    for (; tk < tz; tk++) {
      /* a word is none (it opens with a letter or is "'s"; a dash is
       * punctuation): its byte is not read */
      if (tk->kind == LX_TK_WORD) continue;
      char ch0 = c->text[tk->start];
      if ((tk->flags & LX_TF_DASH) || ch0 == ':' || ch0 == '|') {
        seps = 1;
        break;
      }
      if (tk->kind == LX_TK_NUM && tk->end - tk->start == 10 && c->text[tk->start + 4] == '-')
        break;
    }
    if (tk == tz) return 0;
  }
  int allcap = (ft->flags & LX_TF_ALLCAP) || (ft->nletters == 1 && (ft->flags & LX_TF_CAP));
  int titlecase = (ft->flags & LX_TF_CAP) != 0;
  int paren = c->text[ft->start] == '(';
  for (size_t p = 0; p < LX_COUNTOF(pats); p++) {
    int id = pats[p];
    if ((id == LX_P_DATELINE || id == LX_P_DATELINE_LINE) && !allcap) continue;
    if (id == LX_P_DATELINE_TITLE && !titlecase) continue;
    if (id == LX_P_DATELINE_AGENCY && !paren) continue;
    size_t end = id == LX_P_DATELINE_LINE ? line_end : lim;
    if (id == LX_P_DATELINE_LINE && end - s > 90) continue;
    /* what the patterns cannot match, told without them: a Title Case
     * place has a lower-case letter (or a mark, an apostrophe, a period, a
     * hyphen) after its capital, not a second capital ("CRICKET -"); a
     * dateline line ends with its ISO date (the line is trimmed), so with
     * a digit, not with another ASCII byte (a byte >= 0x80 may end a digit
     * \d takes) */
    if (id == LX_P_DATELINE_TITLE && s + 1 < end && (unsigned char)c->text[s] < 0x80 &&
        c->text[s + 1] >= 'A' && c->text[s + 1] <= 'Z')
      continue;
    if (id == LX_P_DATELINE_LINE && end > s && (unsigned char)c->text[end - 1] < 0x80 &&
        !(c->text[end - 1] >= '0' && c->text[end - 1] <= '9'))
      continue;
    if (id != LX_P_DATELINE_LINE) {
      if (seps < 0) seps = has_separator(c->text, s, lim);
      if (!seps) continue;
    }
    if (!lx_pat_match(c, id, s, end, ov, 64)) continue;
    size_t ls = 0, le = 0, rs = 0, re = 0, ds = 0, de = 0, as = 0, ae = 0;
    int has_loc = lx_pat_group(c, id, ov, "loc", &ls, &le);
    int has_region = lx_pat_group(c, id, ov, "region", &rs, &re);
    int has_date = lx_pat_group(c, id, ov, "date", &ds, &de);
    int has_agency = lx_pat_group(c, id, ov, "agency", &as, &ae);
    if (!has_agency && lx_pat_group(c, id, ov, "agency_c", &as, &ae)) {
      /* "ROME, March 13, Reuter -": only a known agency */
      if (!agency_entry_at(c, b->t0, as, ae)) continue;
      has_agency = 1;
    }
    size_t mend = ov[1];
    if (has_loc) {
      /* trim a trailing comma or period the location may have eaten */
      while (le > ls && (c->text[le - 1] == ',' || c->text[le - 1] == ' ')) le--;
      if (bad_place(c->text + ls, le - ls)) continue;
      /* an ALL CAPS headline glued to its text is not a place: few words */
      size_t words = 1;
      for (size_t k = ls; k < le; k++) words += c->text[k] == ' ';
      if (words > 5) continue;
    }
    if (has_agency) {
      const lx_entry *ag = agency_entry_at(c, b->t0, as, ae);
      /* an unknown parenthesis is taken only with a place and a date */
      if (!ag && !(has_loc && has_date)) continue;
    }
    if (id == LX_P_DATELINE && !has_date && !has_agency) {
      /* "WASHINGTON -" alone: the separator must be a dash, and the place
       * must be known or the text must go on as a sentence */
      const char *sp = c->text + mend;
      (void)sp;
      int known = is_place(c, b->t0, ls, le) || (has_region && is_place(c, b->t0, rs, re));
      size_t ss, se;
      int dash = lx_pat_group(c, id, ov, "sep", &ss, &se) && c->text[ss] != ':';
      if (!dash || !known) continue;
    }
    if (id == LX_P_DATELINE_AGENCY && !has_agency) continue;
    /* the lead must follow (or the dateline is its own line) */
    if (id != LX_P_DATELINE_LINE && mend >= e) continue;
    dl->span = lx_span((uint32_t)s, (uint32_t)mend);
    /* the span keeps the text as printed without the trailing spaces */
    {
      size_t z = mend;
      while (z > s && (c->text[z - 1] == ' ' || c->text[z - 1] == '\t')) z--;
      dl->span.end = (uint32_t)z;
    }
    if (has_loc) {
      size_t le2 = has_region ? re : le;
      while (le2 > ls && c->text[le2 - 1] == ',') le2--;
      dl->location = lx_span((uint32_t)ls, (uint32_t)le2);
      if (has_region) {
        char *a = place_case(c, b->t0, ls, le - ls);
        dl->location_norm = place_region(c, a, c->text + rs, re - rs);
      } else {
        dl->location_norm = place_case(c, b->t0, ls, le - ls);
      }
    }
    if (has_date) {
      dl->date = lx_span((uint32_t)ds, (uint32_t)de);
      size_t n;
      lx_token *t = tokens_of(c, ds, de, &n);
      if (!lx_match_date(c->text, t, n, 0, date)) {
        /* wire copy prints "march 4", "MARCH 2": the date grammar wants a
         * capital to tell the month from the verb; here it is a date */
        memset(date, 0, sizeof *date);
        date->hour = -1;
        if (n >= 2 && t[1].kind == LX_TK_NUM) {
          int m = lx_month_from_word(c->text + t[0].start, t[0].end - t[0].start);
          int day = leading_int(c->text + t[1].start, t[1].end - t[1].start);
          if (m && lx_date_valid(0, m, day) && day) {
            date->month = m;
            date->day = day;
            size_t k = n > 2 && c->text[t[2].start] == ',' ? 3 : 2;
            if (k < n && t[k].kind == LX_TK_NUM && t[k].end - t[k].start == 4) {
              int y = leading_int(c->text + t[k].start, 4);
              if (lx_date_valid(y, m, day)) date->year = y;
            }
          }
        }
      }
    }
    if (has_agency) {
      dl->agency = lx_span((uint32_t)as, (uint32_t)ae);
      const lx_entry *ag = agency_entry_at(c, b->t0, as, ae);
      if (ag) {
        dl->agency_norm = lx_dict_str(c->eng->gaz, ag->canonical);
        agency_zone(c, ag);
      } else {
        dl->agency_norm = lx_strndup(c, c->text + as, ae - as);
      }
    }
    b->lead_start = (uint32_t)mend;
    if (id == LX_P_DATELINE_LINE) {
      /* a dateline on its own line: the lead is what the block has after
       * that line (a wrapped line that does not start a paragraph) */
      const lx_line *L = (const lx_line *)c->lines.p;
      size_t k = b->l0 + 1; /* the dateline may run over lines: "MADRID\n 1996-09-01" */
      while (k < b->l1 && L[k].tstart < mend) k++;
      b->lead_start = k < b->l1 ? L[k].tstart : (uint32_t)LX_MAX(b->end, mend);
    }
    return mend > b->end ? 2 : 1; /* 2: it took the next block too */
  }
  return 0;
}

/* ---- captions ------------------------------------------------------------------ */

/* Cheap tests before the patterns: most blocks are neither. 1: the block
 * opens with an article or "In" (the pattern then wants a photo word, see
 * photo_word_may); 2: with a label ("File", "Photo", "Caption"). */
static int may_start_caption(const lx_ctx *c, const blk *b) {
  if (b->t0 >= b->t1) return 0;
  static const char *const first[] = {"this", "these", "the", "a", "an", "in", "file",
                                      "photo", "pictured", "above", "top", "image",
                                      "caption"};
  /* the words above by their first letter and by their length (bit i for
   * first[i]): a word is compared only with those of both ("The" with
   * "the" and "top", not "this" and "these") */
  static const uint16_t by_first[26] = {
      ['a' - 'a'] = 1 << 3 | 1 << 4 | 1 << 9, ['c' - 'a'] = 1 << 12,
      ['f' - 'a'] = 1 << 6, ['i' - 'a'] = 1 << 5 | 1 << 11,
      ['p' - 'a'] = 1 << 7 | 1 << 8, ['t' - 'a'] = 1 << 0 | 1 << 1 | 1 << 2 | 1 << 10};
  static const uint16_t by_len[9] = {
      [1] = 1 << 3, [2] = 1 << 4 | 1 << 5, [3] = 1 << 2 | 1 << 10, [4] = 1 << 0 | 1 << 6,
      [5] = 1 << 1 | 1 << 7 | 1 << 9 | 1 << 11, [7] = 1 << 12, [8] = 1 << 8};
  const lx_token *t = (const lx_token *)c->toks.p + b->t0;
  unsigned char f = (unsigned char)c->text[t->start] | 0x20;
  size_t len = t->end - t->start;
  if (len > 8 || f < 'a' || f > 'z') return 0;
  for (unsigned m = by_first[f - 'a'] & by_len[len], i = 0; m; m >>= 1, i++)
    if ((m & 1) && lx_tok_ieq(c->text, t, first[i])) return i < 6 ? 1 : 2;
  return 0;
}

/* Whether w (n bytes) occurs in p[0, len). */
static int has_word(const char *p, size_t len, const char *w, size_t n) {
  const char *end = p + len;
  for (const char *q = p; (q = (const char *)memchr(q, w[0], (size_t)(end - q))) != NULL; q++)
    if ((size_t)(end - q) >= n && memcmp(q, w, n) == 0) return 1;
  return 0;
}

/* Whether LX_P_CAPTION_START may match a block that opens with an article
 * or "In" ("The photo shows", "In this file photo"): the pattern's photo
 * word (photo, image, picture, screenshot, screen grab, file photo,
 * handout) starts a word after at most five runs of blanks, with only
 * word characters and blanks before it. Decided on ASCII: a byte >= 0x80
 * (which \w may take, or which may match a letter without case, as
 * U+017F does 's') leaves it to the pattern. Most paragraphs open with an
 * article: the pattern is run on few of them this way. */
/* photo_word_may's classes of bytes: word characters (A-Z a-z 0-9 _: the
 * ASCII letters and digits of lx_ascii_class), blanks, bytes >= 0x80, and
 * the rest (0) */
enum { PW_WORD = 1, PW_BLANK = 2, PW_HIGH = 3 };
#define W PW_WORD
#define B PW_BLANK
#define H PW_HIGH
static const uint8_t pw_class[256] = {
    /* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, B, 0, 0, 0, 0, 0, 0,
    /* 0x10 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x20 */ B, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x30 */ W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0, 0,
    /* 0x40 */ 0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    /* 0x50 */ W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, W,
    /* 0x60 */ 0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    /* 0x70 */ W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0,
    /* 0x80 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0x90 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0xA0 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0xB0 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0xC0 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0xD0 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0xE0 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0xF0 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
};
#undef W
#undef B
#undef H

static int photo_word_may(const char *s, size_t i, size_t e) {
  static const char *const words[] = {"photo", "image", "picture", "screen", "handout", "file"};
  const unsigned char *u = (const unsigned char *)s;
  unsigned runs = 0;
  size_t j = i;
  /* by runs: of blanks, and of word characters; a byte >= 0x80 says
   * maybe, another byte no */
  while (j < e) {
    unsigned k = pw_class[u[j]];
    if (k == PW_BLANK) {
      /* a run of blanks after a word (or the block's leading blanks) */
      if (j > i && ++runs == 6) return 0;
      do j++;
      while (j < e && pw_class[u[j]] == PW_BLANK);
      continue;
    }
    if (k != PW_WORD) return k == PW_HIGH;
    /* a word's start (after blanks): the words of its first letter */
    unsigned char f = u[j] | 0x20;
    if (runs && (f == 'p' || f == 'i' || f == 's' || f == 'h' || f == 'f')) {
      for (size_t w = 0; w < LX_COUNTOF(words); w++) {
        const char *p = words[w];
        if (p[0] != f) continue;
        size_t q = 0;
        while (p[q] && j + q < e && (s[j + q] | 0x20) == p[q]) q++;
        if (!p[q]) return 1;
      }
    }
    for (j++; j < e && (k = pw_class[u[j]]) == PW_WORD; j++) {
    }
    if (j < e && k != PW_BLANK) return k == PW_HIGH;
  }
  return 0;
}

/* Whether LX_P_CREDIT_END may match [from, end) (it is case-sensitive):
 * its credit is printed in the open (an agency's name in capitals,
 * "Getty Images", "Bloomberg", "Photo", "Image"), or it is a parenthesis
 * that closes the block, before a period and blanks, and names an agency
 * or a photo. Most blocks that end with ')' or hold a '/' have neither,
 * and the pattern (which tries every start of its lazy prefix) is not run
 * on them. */
static int credit_end_may(const char *s, size_t from, size_t end) {
  static const char *const open[] = {"REUTERS", "AFP", "AP", "EPA", "Getty Images",
                                     "Bloomberg", "Photo", "Image"};
  /* the parenthesis' names the list above does not cover ("Images" has
   * "Image", "Photos" "Photo") */
  static const char *const paren[] = {"Yonhap", "Reuters", "Xinhua", "Kyodo", "UPI",
                                      "Pool", "Handout", "Agency", "News", "via "};
  for (size_t k = 0; k < LX_COUNTOF(open); k++)
    if (has_word(s + from, end - from, open[k], strlen(open[k]))) return 1;
  size_t z = end;
  while (z > from && (s[z - 1] == ' ' || s[z - 1] == '\t')) z--;
  if (z > from && s[z - 1] == '.') z--;
  while (z > from && (s[z - 1] == ' ' || s[z - 1] == '\t')) z--;
  if (z == from || s[z - 1] != ')') return 0;
  /* the credit has no parenthesis: it follows the last '(' */
  size_t q = z - 1;
  while (q > from && s[q - 1] != '(') q--;
  if (q == from) return 0;
  for (size_t k = 0; k < LX_COUNTOF(paren); k++)
    if (has_word(s + q, z - 1 - q, paren[k], strlen(paren[k]))) return 1;
  return 0;
}

/* A credit ends a caption: a ')' last, or a '/', a '|', "Photo" or "Image"
 * in its last 80 bytes (memchr: this is asked of every block). A '|' is a
 * token of its own, which block_features counted in b->pipes: a block
 * without one has none to look for. */
#if defined(__SSE2__) && defined(__GNUC__)
/* Whether p[i] (of p[0, n)), a '/', '|', 'P' or 'I', is where one of the
 * marks of may_end_with_credit is. */
static int credit_mark_at(const char *p, size_t n, size_t i, int pipes) {
  char ch = p[i];
  if (ch == '/') return 1;
  if (ch == '|') return pipes;
  return n - i >= 5 && memcmp(p + i, ch == 'P' ? "Photo" : "Image", 5) == 0;
}
#endif

static int may_end_with_credit(const lx_ctx *c, const blk *b) {
  const char *s = c->text;
  if (s[b->end - 1] == ')') return 1;
  size_t from = b->end - b->text_start > 80 ? b->end - 80 : b->text_start;
  const char *p = s + from;
  size_t n = b->end - from;
#if defined(__SSE2__) && defined(__GNUC__)
  /* the four bytes that may start a mark, 16 at a time in one pass (four
   * passes of memchr cost about twice as much); the last 16 bytes are
   * read again, their bytes already seen masked off */
  if (n >= 16) {
    const __m128i slash = _mm_set1_epi8('/'), bar = _mm_set1_epi8('|');
    const __m128i cap_p = _mm_set1_epi8('P'), cap_i = _mm_set1_epi8('I');
    for (size_t i = 0; i < n; i += 16) {
      size_t at = i + 16 <= n ? i : n - 16;
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + at));
      __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, slash), _mm_cmpeq_epi8(v, bar)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, cap_p), _mm_cmpeq_epi8(v, cap_i)));
      unsigned m = (unsigned)_mm_movemask_epi8(hit) & (0xFFFFu << (i - at));
      for (; m; m &= m - 1)
        if (credit_mark_at(p, n, at + (size_t)__builtin_ctz(m), b->pipes != 0)) return 1;
    }
    return 0;
  }
#endif
  return memchr(p, '/', n) || (b->pipes && memchr(p, '|', n)) || has_word(p, n, "Photo", 5) ||
         has_word(p, n, "Image", 5);
}

static int caption_like(lx_ctx *c, blk *b, lede_span *credit, lede_span *restr) {
  size_t ov[64];
  *credit = *restr = lx_no_span;
  if (b->end - b->text_start > 800 || b->list) return 0;
  int may = may_start_caption(c, b);
  int start = may && (may == 2 || photo_word_may(c->text, b->text_start, b->end)) &&
              lx_pat_match(c, LX_P_CAPTION_START, b->text_start, b->end, ov, 64) > 0;
  if (!start && !may_end_with_credit(c, b)) return 0;
  /* the credit is looked for in the last 200 bytes */
  size_t from = b->end > b->text_start + 200 ? b->end - 200 : b->text_start;
  /* move to a character boundary */
  while (from > b->text_start && ((unsigned char)c->text[from] & 0xC0) == 0x80) from--;
  /* without a caption's start only a credit makes a caption */
  if (!start && !credit_end_may(c->text, from, b->end)) return 0;
  int cred = 0;
  size_t cs, ce;
  if (lx_pat_match(c, LX_P_CREDIT_END, from, b->end, ov, 64)) {
    if (lx_pat_group(c, LX_P_CREDIT_END, ov, "credit", &cs, &ce) ||
        lx_pat_group(c, LX_P_CREDIT_END, ov, "credit2", &cs, &ce)) {
      *credit = lx_span((uint32_t)cs, (uint32_t)ce);
      cred = 1;
    }
    size_t rs, re;
    if (lx_pat_group(c, LX_P_CREDIT_END, ov, "restr", &rs, &re)) {
      /* without the parentheses */
      while (re > rs && (c->text[re - 1] == ' ' || c->text[re - 1] == ')')) re--;
      if (c->text[rs] == '(') rs++;
      *restr = lx_span((uint32_t)rs, (uint32_t)re);
    }
  }
  if (start) return 1;
  if (cred && !lx_span_empty(*credit)) {
    /* an explicit credit: "... Photo: Voltwerk GmbH", "Photo by Jane Doe" */
    const char *cs = c->text + credit->start;
    size_t cn = credit->end - credit->start;
    if ((cn > 6 && (memcmp(cs, "Photo:", 6) == 0 || memcmp(cs, "Photo ", 6) == 0)) ||
        (cn > 6 && memcmp(cs, "Image ", 6) == 0)) {
      /* the credit is what follows the label */
      size_t k = 0;
      while (k < cn && cs[k] != ':' && !(k >= 3 && memcmp(cs + k - 3, " by", 3) == 0)) k++;
      if (k < cn) {
        k++;
        while (k < cn && cs[k] == ' ') k++;
        credit->start += (uint32_t)k;
      }
      return 1;
    }
  }
  /* a sentence that shows people (L) / (R) and ends with a credit */
  if (cred) {
    const char *s = c->text + b->text_start;
    size_t n = b->end - b->text_start;
    static const char *const marks[] = {"(L)", "(R)", "(C)", "(L-R)", "(front)", "(centre)",
                                        "(center)", " poses ", " pose ", " shows ",
                                        " is seen ", " are seen ", " attends ", " speaks "};
    for (size_t i = 0; i < LX_COUNTOF(marks); i++) {
      size_t k = strlen(marks[i]);
      for (size_t j = 0; j + k <= n; j++)
        if (memcmp(s + j, marks[i], k) == 0) return 1;
    }
    /* an agency credit in capitals at the end: "... REUTERS/Jane Doe" */
    if (c->text[credit->start] >= 'A' && c->text[credit->start] <= 'Z' &&
        credit->end - credit->start >= 3 && c->text[credit->start + 1] >= 'A' &&
        c->text[credit->start + 1] <= 'Z')
      return 1;
  }
  return 0;
}

/* A copyright notice ("© 2019 CBS Interactive Inc. All Rights Reserved."),
 * not a photo credit ("(Image: © TNG Collaboration)"). */
static int copyright_notice(const lx_ctx *c, const blk *b) {
  if (b->cue != LEDE_B_COPYRIGHT + 1) return 0;
  const char *s = c->text + b->text_start;
  size_t n = b->end - b->text_start;
  if (n >= 9 && (memcmp(s, "Copyright", 9) == 0 || memcmp(s, "COPYRIGHT", 9) == 0)) return 1;
  for (size_t i = 0; i + 4 <= n; i++) {
    if ((s[i] == 'r' || s[i] == 'R') && i + 15 <= n &&
        (memcmp(s + i, "rights reserved", 15) == 0 || memcmp(s + i, "Rights Reserved", 15) == 0))
      return 1;
    /* a year */
    if (s[i] >= '1' && s[i] <= '2' && s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' &&
        s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' &&
        (i == 0 || s[i - 1] < '0' || s[i - 1] > '9') &&
        (i + 4 == n || s[i + 4] < '0' || s[i + 4] > '9'))
      return 1;
  }
  return 0;
}

/* A credit line has a separator ("X | Getty Images", "REUTERS/Jane Doe")
 * or opens with its label ("Image Credit:", "Photo:", "©"). */
static int credit_line_may(const lx_ctx *c, const blk *b) {
  if (b->pipes) return 1;
  const char *s = c->text;
  if (memchr(s + b->text_start, '/', b->end - b->text_start)) return 1;
  static const char *const first[] = {"image", "photo", "photograph", "picture", "video",
                                      "credit", "\xc2\xa9", "("};
  /* the words above by their first byte, in either case (bit i for
   * first[i]): the first byte picks the words to compare, and most blocks
   * open with a byte none of them starts with */
  static const uint8_t by_first[256] = {
      ['i'] = 1 << 0, ['I'] = 1 << 0, ['p'] = 1 << 1 | 1 << 2 | 1 << 3,
      ['P'] = 1 << 1 | 1 << 2 | 1 << 3, ['v'] = 1 << 4, ['V'] = 1 << 4, ['c'] = 1 << 5,
      ['C'] = 1 << 5, [0xC2] = 1 << 6, ['('] = 1 << 7};
  if (b->t0 >= b->t1) return 0;
  const lx_token *t = (const lx_token *)c->toks.p + b->t0;
  for (unsigned m = by_first[(unsigned char)s[t->start]], i = 0; m; m >>= 1, i++)
    if ((m & 1) && lx_tok_ieq(s, t, first[i])) return 1;
  return 0;
}

/* ---- jusText classification ---------------------------------------------------- */

static void classify(blk *B, size_t n) {
  /* a language whose function words we do not know (Korean writes them as
   * suffixes): length and sentence punctuation decide alone */
  uint64_t words = 0, stops = 0;
  for (size_t i = 0; i < n; i++) {
    if (B[i].words >= 10 && !B[i].list) {
      words += B[i].words;
      stops += B[i].stop;
    }
  }
  int unknown_lang = words >= 50 && stops * 100 < words * 8;
  /* function-word density of prose differs by language (and by our lists):
   * the thresholds follow the median density of the page's long blocks */
  double dens[256];
  size_t nd = 0;
  for (size_t i = 0; i < n && nd < LX_COUNTOF(dens); i++) {
    const blk *b = &B[i];
    if (b->list || b->cue || b->chars < 150 || !b->terms || !b->words) continue;
    dens[nd++] = (double)b->stop / b->words;
  }
  double ref = 0;
  if (nd) {
    /* insertion sort: nd is small */
    for (size_t i = 1; i < nd; i++)
      for (size_t j = i; j > 0 && dens[j] < dens[j - 1]; j--) {
        double t = dens[j];
        dens[j] = dens[j - 1];
        dens[j - 1] = t;
      }
    ref = dens[nd / 2];
  }
  double hi = 0.30, lo = 0.25;
  if (ref > 0) {
    hi = LX_MIN(hi, 0.80 * ref);
    lo = LX_MIN(lo, 0.65 * ref);
  }
  for (size_t i = 0; i < n; i++) {
    blk *b = &B[i];
    if (b->role != R_NONE) {
      b->cls = b->role == R_BODY || b->role == R_DATELINE ? C_GOOD : C_BAD;
      continue;
    }
    double stop = b->words ? (double)b->stop / b->words : 0;
    double linkd = b->chars ? (double)b->bracket / b->chars : 0;
    uint32_t lines = b->l1 - b->l0;
    /* menus: list items, and blocks of several short lines */
    int menu = (b->list && !(b->terms >= 1 && stop >= hi && b->chars >= 100)) ||
               (lines >= 3 && b->chars / lines < 35);
    if (b->cue || linkd > 0.3 || menu) {
      b->cls = C_BAD;
    } else if (b->chars < 70) {
      b->cls = C_SHORT;
    } else if (unknown_lang) {
      b->cls = b->terms >= 1 && b->chars >= 150 ? C_GOOD
               : b->terms >= 1                  ? C_NEARGOOD
                                                : C_BAD;
    } else if (stop >= hi && (b->chars >= 200 || (b->chars >= 100 && b->ends_term))) {
      /* news paragraphs are short: one full sentence of prose is enough */
      b->cls = C_GOOD;
    } else if (stop >= lo) {
      b->cls = C_NEARGOOD;
    } else if (b->chars >= 200 && b->words >= 30 && b->terms >= 2 && b->capw * 2 < b->words) {
      /* prose in a language without our function words */
      b->cls = C_NEARGOOD;
    } else {
      b->cls = C_BAD;
    }
  }
}

/* Captions, credits and image placeholders sit inside stories: they are
 * transparent to the context of their neighbours. */
/* (R_CAPTION, R_CREDIT and R_BOILER are in a row: one comparison tells
 * the other blocks, most of them, in the passes over all) */
typedef char lx_roles_in_a_row[R_CREDIT == R_CAPTION + 1 && R_BOILER == R_CAPTION + 2 ? 1 : -1];
static int transparent(const blk *b) {
  return (unsigned)b->role - R_CAPTION <= R_BOILER - R_CAPTION &&
         (b->role != R_BOILER || b->kind == LEDE_B_MEDIA);
}

/* A short quotation that makes a paragraph of a story ('"Why now?" asked
 * Reed.', '"It is fine," he said.'): it opens with a quotation mark, has two
 * words or more and ends a sentence. */
static int quotation_block(const char *s, const blk *b) {
  const char *t = s + b->text_start;
  return b->end - b->text_start >= 3 && (t[0] == '"' || memcmp(t, "\xE2\x80\x9C", 3) == 0) &&
         b->words >= 2 && b->chars >= 10 && b->ends_term;
}

/* The first run of plain blocks (no role, cue or list, not mostly
 * bracketed) of at least min_words words and min_terms sentence ends
 * each, captions and credits between them: [*s, *e). Returns whether
 * there is one. */
static int plain_run(const blk *B, size_t nb, uint32_t min_words, uint32_t min_terms,
                     size_t *s, size_t *e) {
  *s = SIZE_MAX;
  for (size_t i = 0; i < nb; i++) {
    const blk *b = &B[i];
    if (b->role == R_NONE && !b->cue && !b->list && b->words >= min_words &&
        b->terms >= min_terms && b->bracket * 2 <= b->chars) {
      if (*s == SIZE_MAX) *s = i;
      *e = i + 1;
    } else if (*s != SIZE_MAX && !transparent(b)) {
      break;
    }
  }
  return *s != SIZE_MAX;
}

/* The class of the nearest block before (dir < 0) or after each block that
 * is good or bad (or near-good unless ignore_near), skipping short and
 * transparent blocks: jusText's context, computed in two linear passes so
 * that long runs of short blocks stay linear. Edges count as bad. */
static void neighbours(const blk *B, size_t n, int ignore_near, uint8_t *prev, uint8_t *next) {
  uint8_t last = C_BAD;
  for (size_t i = 0; i < n; i++) {
    prev[i] = last;
    int k = B[i].cls & 0x7F;
    if (!transparent(&B[i]) && (k == C_BAD || k == C_GOOD || (k == C_NEARGOOD && !ignore_near)))
      last = (uint8_t)k;
  }
  last = C_BAD;
  for (size_t i = n; i-- > 0;) {
    next[i] = last;
    int k = B[i].cls & 0x7F;
    if (!transparent(&B[i]) && (k == C_BAD || k == C_GOOD || (k == C_NEARGOOD && !ignore_near)))
      last = (uint8_t)k;
  }
}

/* neighbours with and without ignore_near, in the same two passes. */
static void neighbours_both(const blk *B, size_t n, uint8_t *pi, uint8_t *ni, uint8_t *pn,
                            uint8_t *nn) {
  uint8_t last_i = C_BAD, last_n = C_BAD;
  for (size_t i = 0; i < n; i++) {
    pi[i] = last_i;
    pn[i] = last_n;
    int k = B[i].cls & 0x7F;
    if (transparent(&B[i])) continue;
    if (k == C_BAD || k == C_GOOD) last_i = last_n = (uint8_t)k;
    else if (k == C_NEARGOOD) last_n = (uint8_t)k;
  }
  last_i = last_n = C_BAD;
  for (size_t i = n; i-- > 0;) {
    ni[i] = last_i;
    nn[i] = last_n;
    int k = B[i].cls & 0x7F;
    if (transparent(&B[i])) continue;
    if (k == C_BAD || k == C_GOOD) last_i = last_n = (uint8_t)k;
    else if (k == C_NEARGOOD) last_n = (uint8_t)k;
  }
}

static void smooth(lx_ctx *c, blk *B, size_t n) {
  if (n == 0) return;
  uint8_t *pi = (uint8_t *)lx_scratch(c, 4 * n);
  uint8_t *ni = pi + n, *pn = pi + 2 * n, *nn = pi + 3 * n;
  neighbours_both(B, n, pi, ni, pn, nn);
  /* short blocks take the class of their context */
  for (size_t i = 0; i < n; i++) {
    if (B[i].cls != C_SHORT || B[i].role != R_NONE) continue;
    int p = pi[i], q = ni[i];
    int k;
    if (p == C_GOOD && q == C_GOOD) k = C_GOOD;
    else if (p == C_BAD && q == C_BAD) k = C_BAD;
    else if ((p == C_BAD && pn[i] == C_NEARGOOD) || (q == C_BAD && nn[i] == C_NEARGOOD))
      k = C_GOOD;
    else
      k = C_BAD;
    B[i].cls = (uint8_t)(0x80 | k);
  }
  for (size_t i = 0; i < n; i++) B[i].cls &= 0x7F;
  /* near-good blocks are good unless bad on both sides */
  neighbours(B, n, 1, pi, ni);
  for (size_t i = 0; i < n; i++) {
    if (B[i].cls != C_NEARGOOD) continue;
    B[i].cls = (uint8_t)(0x80 | (pi[i] == C_BAD && ni[i] == C_BAD ? C_BAD : C_GOOD));
  }
  for (size_t i = 0; i < n; i++) B[i].cls &= 0x7F;
}

/* ---- titles --------------------------------------------------------------------- */

static int headline_like(const lx_ctx *c, const blk *b) {
  if (b->list || b->cue || b->role != R_NONE || b->l1 - b->l0 > 2) return 0;
  if (b->chars < 8 || b->chars > 300 || b->words < 2 || b->words > 40) return 0;
  if (b->bracket * 2 > b->chars) return 0;
  const char *s = c->text;
  char last = s[b->end - 1];
  int allcaps = b->allcapw * 2 >= b->words;
  if (last == '.' && !allcaps) {
    /* "..." and "U.S." end headlines too */
    if (!(b->end - b->start >= 3 && s[b->end - 2] == '.')) return 0;
  }
  if (last == ',' || last == ';') return 0;
  if (b->pipes >= 2) return 0;
  /* a picture's caption that ends with its credit: "... (Manu Fernandez/AP)",
   * "Representative image. (AFP file photo)" */
  if (last == ')') {
    const char *o = s + b->end - 1;
    while (o > s + b->text_start && *o != '(') o--;
    size_t n = (size_t)(s + b->end - o);
    int photo = 0;
    for (size_t k = 0; k + 5 <= n && !photo; k++)
      photo = (o[k] | 0x20) == 'p' && (o[k + 1] | 0x20) == 'h' && (o[k + 2] | 0x20) == 'o' &&
              (o[k + 3] | 0x20) == 't' && (o[k + 4] | 0x20) == 'o';
    if (*o == '(' && n < 60 && (memchr(o, '/', n) || photo)) return 0;
  }
  /* a name alone is a byline's: "Anna Menin" */
  if (b->t1 - b->t0 <= 3 && c->toks.p &&
      name_alone(c, b, (const lx_token *)c->toks.p + b->t0, b->t1 - b->t0))
    return 0;
  return 1;
}

/* Over a dateline, a one-sentence line ending with a period is a headline
 * too: "Jones Medical completes acquisition." */
static int sentence_headline(const lx_ctx *c, const blk *b) {
  return b->role == R_NONE && !b->list && !b->cue && b->l1 - b->l0 <= 2 && b->words >= 2 &&
         b->words <= 20 && b->terms <= 1 && c->text[b->end - 1] == '.' &&
         b->bracket * 2 <= b->chars;
}

/* ---- the reference date and the published time ------------------------------------- */

static void format_into(lx_ctx *c, const lx_date *d, const char **out) {
  char buf[64];
  size_t k = lx_format_iso(d, buf, sizeof buf);
  *out = k ? lx_strndup(c, buf, k) : NULL;
}

/* Year for a month/day printed without one, near a known date; 0 when that
 * year has no such day (February 29). */
static int year_near(const lx_date *ref, int month, int day) {
  int y = ref->year;
  if (ref->month && month - ref->month > 6) y--;
  else if (ref->month && ref->month - month > 6) y++;
  return lx_date_valid(y, month, day) ? y : 0;
}

/* ---- output helpers --------------------------------------------------------------- */

static void add_boiler(lx_ctx *c, uint32_t s, uint32_t e, int kind) {
  lede_doc_internal *in = c->doc->internal;
  /* merge with the previous block of the same kind when only white space
   * separates them (a menu of list items is one navigation block) */
  if (in->boilerplate.n) {
    lede_block *p = (lede_block *)in->boilerplate.p + (in->boilerplate.n - 1);
    if (p->kind == kind && kind == LEDE_B_NAVIGATION) {
      int only_space = 1;
      for (uint32_t k = p->span.end; k < s; k++) {
        char ch = c->text[k];
        if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') {
          only_space = 0;
          break;
        }
      }
      if (only_space) {
        p->span.end = e;
        return;
      }
    }
  }
  lede_block *b = (lede_block *)lx_push(c, &in->boilerplate, sizeof(lede_block));
  b->span = lx_span(s, e);
  b->kind = kind;
}

/* Adds [s, e) trimmed of white space as boilerplate, if anything is left:
 * the words around a field ("Updated:", "| 2 min read") are kept. */
static void add_rest(lx_ctx *c, uint32_t s, uint32_t e, int kind) {
  const unsigned char *u = (const unsigned char *)c->text;
  while (s < e && (lx_ascii_class[u[s]] & LX_CC_SPACE)) s++;
  while (e > s && (lx_ascii_class[u[e - 1]] & LX_CC_SPACE)) e--;
  if (s < e) add_boiler(c, s, e, kind);
}

/* ---- the stage ------------------------------------------------------------------- */

/* Tokenizes the whole document once, in slices of whole lines so the time
 * budget is checked as it goes; every later stage reads c->toks. */
static void tokenize_doc(lx_ctx *c) {
  const lx_line *L = (const lx_line *)c->lines.p;
  size_t nl = c->lines.n, k = 0;
  c->toks.n = 0;
  /* a token per 5 bytes is about what news holds: the vector is not
   * regrown and copied for each doubling. (Capped, it made a long input
   * grow once more than one half its size: time stopped being linear.
   * Pages of a large block are not touched until tokens fill them.) */
  if (!lx_vec_reserve(c->alloc, &c->toks, sizeof(lx_token), c->len / 5 + 16))
    lx_fail(c, LEDE_ENOMEM, "out of memory");
  while (k < nl) {
    size_t from = L[k].start, first = c->toks.n;
    size_t j = k;
    /* (most documents are one slice: their last line is within reach) */
    if (L[nl - 1].end - from < 65536) j = nl;
    while (j < nl && L[j].end - from < 65536) j++;
    if (j == k) j = k + 1;
    if (!lx_tokenize(c->alloc, c->text, from, L[j - 1].end, &c->toks))
      lx_fail(c, LEDE_ENOMEM, "out of memory");
    /* the slice's first token: the white space before it is not in the slice */
    if (first < c->toks.n && first > 0) {
      lx_token *t = (lx_token *)c->toks.p + first;
      uint32_t prev = ((lx_token *)c->toks.p)[first - 1].end;
      unsigned nls = 0;
      for (uint32_t b = prev; b < t->start; b++) nls += c->text[b] == '\n';
      t->flags |= LX_TF_SPACE;
      if (nls) t->flags |= LX_TF_NEWLINE;
      if (nls >= 2) t->flags |= LX_TF_PARA;
    }
    k = j;
    lx_tick(c);
  }
}

void lx_structure(lx_ctx *c) {
  lede_doc *d = c->doc;
  lede_doc_internal *in = d->internal;
  const char *s = c->text;
  tokenize_doc(c);
  build_blocks(c);
  size_t nb = c->blocks.n;
  blk *B = (blk *)c->blocks.p;

  /* 1. cues, media, captions, credits */
  for (size_t i = 0; i < nb; i++) {
    blk *b = &B[i];
    if (is_media(c, b)) {
      b->role = R_BOILER;
      b->kind = LEDE_B_MEDIA;
      continue;
    }
    b->cue = (uint8_t)cue_kind(c, b);
    if ((i & 255) == 0) lx_tick(c);
  }

  /* 2. the dateline: the first block that starts with one, in the first
   * half of the document (a dateline opens the story) */
  size_t dl_block = SIZE_MAX;
  lx_date dl_date;
  memset(&dl_date, 0, sizeof dl_date);
  lede_dateline dl;
  memset(&dl, 0, sizeof dl);
  dl.span = dl.location = dl.date = dl.agency = lx_no_span;
  for (size_t i = 0; i < nb && i < 400; i++) {
    blk *b = &B[i];
    if (b->role != R_NONE || b->list || b->cue) continue;
    if (b->start > c->len / 2 + 2000) break;
    lede_dateline x;
    memset(&x, 0, sizeof x);
    x.span = x.location = x.date = x.agency = lx_no_span;
    lx_date xd;
    memset(&xd, 0, sizeof xd);
    int m = match_dateline(c, b, &x, &xd);
    if (m) {
      dl = x;
      dl_date = xd;
      dl_block = i;
      b->dateline = 1;
      if (m == 2 && i + 1 < nb) B[i + 1].role = R_CONSUMED;
      break;
    }
  }

  /* 3. special lines of the header: bylines, timestamps */
  lede_span names[8];
  int nnames = 0;
  lede_span byline_span = lx_no_span;
  size_t byline_block = SIZE_MAX;
  lx_date pub;
  int has_pub = 0;
  size_t pub_block = SIZE_MAX;
  uint32_t pub_s = 0, pub_e = 0, pub_prefix_end = 0;
  size_t header_end = dl_block != SIZE_MAX ? dl_block : LX_MIN(nb, 400);
  for (size_t i = 0; i < header_end; i++) {
    blk *b = &B[i];
    if (b->role != R_NONE) continue;
    if (byline_block == SIZE_MAX && !b->list) {
      int k = find_byline(c, b, i + 1 < nb ? &B[i + 1] : NULL, names, &nnames, &byline_span);
      if (k) {
        byline_block = i;
        b->role = R_BYLINE;
        if (k == 2) B[i + 1].role = R_BYLINE;
        /* the date a byline's line ends with: "By Joseph Tsidulko November
         * 19, 2019, 07:47 PM EST" (no section before it) */
        lx_date x;
        uint32_t ds, de, pe;
        if (!has_pub && b->words <= 16 && find_stamp(c, b, 16, &x, &ds, &de, &pe)) {
          pub = x;
          has_pub = 1;
          pub_block = i;
          pub_s = ds;
          pub_e = de;
          pub_prefix_end = b->text_start;
        }
        continue;
      }
    }
    lx_date x;
    uint32_t ds, de, pe;
    if (b->words <= 24 && find_stamp(c, b, 8, &x, &ds, &de, &pe)) {
      b->stamp = 1;
      if (!has_pub) {
        pub = x;
        has_pub = 1;
        pub_block = i;
        pub_s = ds;
        pub_e = de;
        pub_prefix_end = pe;
      } else {
        /* "Published" beats "Updated": keep the first unless a later one says
         * published ("First published on", "Posted") and the first does not */
        if (says_published(c, b->text_start, pe) &&
            !says_published(c, B[pub_block].text_start, pub_prefix_end)) {
          pub = x;
          pub_block = i;
          pub_s = ds;
          pub_e = de;
          pub_prefix_end = pe;
        }
      }
      b->role = R_PUBLISHED;
      /* the names the line ends with: "Monday November 18, 2019 7:45 am PST
       * by Joe Rossignol" */
      size_t n;
      lx_token *t = block_tokens(c, b, &n);
      size_t j = 0;
      while (j < n && t[j].start < de) j++;
      lede_span one[8];
      int k;
      if (byline_block == SIZE_MAX && j + 1 < n && lx_tok_ieq(c->text, &t[j], "by") &&
          (k = parse_names(c, t, j + 1, n, one, 8)) > 0) {
        memcpy(names, one, (size_t)k * sizeof one[0]);
        nnames = k;
        byline_block = i;
        byline_span = lx_span(t[j].start, one[k - 1].end);
      }
    }
  }
  /* wire copy prints the reporter's name alone on a line between the
   * headline and the dateline: "Larry Fine" (a known given name, two to
   * four capitalized words, under a headline; the headline may end with
   * a period) */
  if (byline_block == SIZE_MAX && dl_block != SIZE_MAX && dl_block >= 2) {
    blk *b = &B[dl_block - 1];
    size_t n;
    lx_token *t = block_tokens(c, b, &n);
    const blk *h = &B[dl_block - 2];
    if (b->role == R_NONE && !b->list && !b->cue && n >= 2 && n <= 4 && b->terms == 0 &&
        h->role == R_NONE && (headline_like(c, h) || sentence_headline(c, h))) {
      const lx_entry *e = lx_dict_exact(c->eng->gaz, c->text, t, 0, 1);
      int given = 0;
      for (; e; e = lx_entry_next(c->eng->gaz, e))
        if (e->kind == LX_G_GIVEN && !(e->flags & LX_GF_AMB)) given = 1;
      /* under a headline that ends with a period, two or three plain
       * capitalized words are a name too ("Liutauras Stremaitis", "Brad
       * Dorfman": an unknown or an ambiguous given name) */
      int plain = sentence_headline(c, h) && n <= 3;
      for (size_t k = 0; k < n && plain; k++)
        plain = t[k].kind == LX_TK_WORD && (t[k].flags & LX_TF_CAP) &&
                !(t[k].flags & (LX_TF_ALLCAP | LX_TF_DIGIT)) && t[k].nletters >= 2;
      lede_span one[2];
      int found = 0;
      if (given && parse_names(c, t, 0, n, one, 2) == 1 && one[0].start == t[0].start &&
          one[0].end == t[n - 1].end) {
        names[0] = one[0];
        found = 1;
      } else if (plain) {
        names[0] = lx_span(t[0].start, t[n - 1].end);
        found = 1;
      }
      if (found) {
        nnames = 1;
        byline_block = dl_block - 1;
        byline_span = lx_span(b->start, b->end);
        b->role = R_BYLINE;
      }
    }
  }
  /* a timestamp or byline found far from the story is noise: keep those
   * within the 12 blocks before the dateline or the body */

  /* 4. captions and credit lines */
  for (size_t i = 0; i < nb; i++) {
    blk *b = &B[i];
    if (b->role != R_NONE || b->dateline) continue;
    lede_span cr, rs;
    if (!b->cue && caption_like(c, b, &cr, &rs)) {
      b->caption = 1;
      b->role = R_CAPTION;
      continue;
    }
    size_t ov[64];
    if (b->chars < 100 && !b->list && credit_line_may(c, b) && !copyright_notice(c, b) &&
        lx_pat_match(c, LX_P_CREDIT_LINE, b->text_start, b->end, ov, 64)) {
      size_t cs, ce;
      if (lx_pat_group(c, LX_P_CREDIT_LINE, ov, "credit", &cs, &ce) ||
          (lx_pat_group(c, LX_P_CREDIT_LINE, ov, "credit2", &cs, &ce) && b->pipes >= 1 &&
           b->words <= 8 && !b->ends_term)) {
        b->credit = 1;
        b->role = R_CREDIT;
      }
    }
  }

  /* 5. body: jusText classes, then the densest run of good blocks */
  if (dl_block != SIZE_MAX) B[dl_block].role = R_DATELINE;
  classify(B, nb);
  smooth(c, B, nb);
  size_t best_s = SIZE_MAX, best_e = 0;
  /* wire copy: a dateline near the top (under a title, a byline, a
   * timestamp) opens a story that runs to the end; only marked boilerplate
   * and list items are left out of it */
  int wire = 0;
  if (dl_block != SIZE_MAX && dl_block <= 5) {
    size_t plain = 0, lists = 0;
    for (size_t i = 0; i < dl_block; i++) {
      if (B[i].role == R_NONE && !B[i].cue && !B[i].list) plain++;
      lists += B[i].list;
    }
    wire = plain <= 2 && lists == 0;
  }
  if (wire) {
    /* numbered lines and tables of results are part of wire copy */
    best_s = dl_block;
    best_e = nb;
    for (size_t i = dl_block + 1; i < nb; i++) {
      blk *b = &B[i];
      if (b->role == R_NONE && !b->cue && b->bracket * 2 <= b->chars) b->cls = C_GOOD;
    }
    /* the story ends before a run of boilerplate at the end of the page */
    while (best_e > dl_block + 1 && B[best_e - 1].cue) best_e--;
  }
  if (!wire) {
    double best = 0, cur = 0;
    size_t cs = dl_block != SIZE_MAX ? dl_block : 0;
    for (size_t i = dl_block != SIZE_MAX ? dl_block : 0; i < nb; i++) {
      blk *b = &B[i];
      double w;
      if (((b->cue == LEDE_B_COMMENTS + 1 && b->numw == 0) || copyright_notice(c, b)) &&
          best_s != SIZE_MAX) {
        /* readers' comments and the copyright notice follow the story: once
         * a story was found, they end the search (teasers and comments after
         * them are prose, but not the article) */
        if (best >= 300) break;
        cur = 0;
        continue;
      }
      if (transparent(b))
        w = 0;
      else if (b->cls == C_GOOD)
        w = b->chars;
      else if (b->cue == LEDE_B_RELATED + 1)
        w = -0.5 * b->chars - 300;
      else
        w = -0.5 * b->chars - 20;
      if (cur <= 0 && dl_block == SIZE_MAX) {
        if (w <= 0) continue;
        cur = 0;
        cs = i;
      }
      cur += w;
      if (cur > best) {
        best = cur;
        best_s = cs;
        best_e = i + 1;
      }
      if (cur <= 0 && dl_block != SIZE_MAX) {
        /* the story starts at the dateline: a dip does not restart it */
        if (best_s == SIZE_MAX) cur = 0;
      }
    }
    if (dl_block != SIZE_MAX && best_s == SIZE_MAX) {
      best_s = dl_block;
      best_e = dl_block + 1;
    }
  }
  /* no block long enough to be judged (a story of a few short paragraphs,
   * a snippet): the first run of plain sentences is the story, and each of
   * them a paragraph however short */
  int snippet = 0;
  if (best_s == SIZE_MAX) snippet = plain_run(B, nb, 5, 1, &best_s, &best_e);

#ifdef LEDE_DEBUG_BLOCKS
  for (size_t i = 0; i < nb; i++) {
    blk *b = &B[i];
    fprintf(stderr, "%4zu %c cls=%d role=%d cue=%d ch=%u w=%u stop=%u term=%u list=%d | %.*s\n", i,
            (i >= best_s && i < best_e) ? '*' : ' ', b->cls, b->role, b->cue, b->chars,
            b->words, b->stop, b->terms, b->list, (int)LX_MIN(70, strcspn(s + b->start, "\n")),
            s + b->start);
  }
#endif
  /* the story's last short paragraphs ("Spot gold added 0.1%.") score low
   * on their own: the story goes on while plain sentences follow */
  if (!wire && best_s != SIZE_MAX) {
    while (best_e < nb) {
      blk *b = &B[best_e];
      if (transparent(b)) {
        best_e++;
        continue;
      }
      const char *t = s + b->text_start;
      int quoted = quotation_block(s, b);
      if (b->role != R_NONE || b->cue || b->list || (!quoted && (b->words < 4 || b->chars < 30)) ||
          b->chars > 400)
        break;
      if (!(b->terms >= 1 || t[0] == '(') || b->bracket * 2 > b->chars) break;
      if (b->end - b->text_start > 12 &&
          (memcmp(t, "(Reporting", 10) == 0 || memcmp(t, "Reporting by", 12) == 0))
        break;
      best_e++;
    }
  }
  /* and its first ones, a lead of one sentence with few function words
   * ("Major retailers reported sluggish December sales yesterday, capping
   * a disappointing Christmas season."), when no dateline opens it */
  if (!wire && best_s != SIZE_MAX && dl_block == SIZE_MAX) {
    while (best_s > 0) {
      blk *b = &B[best_s - 1];
      if (b->role != R_NONE || b->cue || b->list || !b->ends_term || b->words < 8 ||
          b->chars < 40 || b->chars > 400 || b->stop == 0 || b->l1 - b->l0 > 3 ||
          b->bracket * 2 > b->chars || c->text[b->end - 1] != '.')
        break;
      best_s--;
    }
  }
  /* 6. title: the headline-like block nearest above the body */
  size_t title_block = SIZE_MAX;
  size_t body_start = best_s != SIZE_MAX ? best_s : nb;
  {
    /* a page: the headline sits right over its byline and timestamp,
     * whatever lies between them and the story (pictures and their
     * credits, sharing buttons, "Key Points", an advertisement) */
    size_t anchor = SIZE_MAX;
    for (size_t i = body_start; i-- > 0 && body_start - i <= 14;)
      if (B[i].role == R_BYLINE || B[i].role == R_PUBLISHED) anchor = i;
    for (size_t i = anchor, k = 0; anchor != SIZE_MAX && i-- > 0 && k < 3;) {
      blk *b = &B[i];
      const char *p = s + b->text_start;
      if (b->role == R_BYLINE || b->role == R_PUBLISHED || transparent(b) ||
          (p[0] == '(' && s[b->end - 1] == ')') || /* a credit: "(Jane Roe / AP)" */
          stamp_line(c, b)) /* "Published Wed, Nov 20 20194:29 AM" */
        continue;
      k++;
      /* four words at least ("Back to Gallery" is none), no byline in it,
       * not a form's fields ("ENHANCEMENTS: None BANK QUAL: Y") */
      const char *q1 = memchr(p, ':', b->end - b->text_start);
      if (headline_like(c, b) && b->words >= 4 && !has_byline_word(c, b) &&
          !(q1 && memchr(q1 + 1, ':', (size_t)(s + b->end - q1 - 1)))) {
        title_block = i;
        break;
      }
    }
    size_t scanned = 0;
    for (size_t i = body_start; title_block == SIZE_MAX && i-- > 0 && scanned < 14;) {
      blk *b = &B[i];
      if (b->role == R_BYLINE || b->role == R_PUBLISHED || transparent(b)) continue;
      scanned++;
      if (headline_like(c, b)) {
        title_block = i;
        break;
      }
    }
    /* over a dateline, a one-sentence line ending with a period is the
     * headline too ("Jones Medical completes acquisition.") */
    if (title_block == SIZE_MAX && dl_block != SIZE_MAX && body_start == dl_block) {
      for (size_t i = body_start, k = 0; i-- > 0 && k < 3;) {
        blk *b = &B[i];
        if (b->role == R_BYLINE || b->role == R_PUBLISHED || transparent(b)) continue;
        k++;
        if (sentence_headline(c, b)) {
          title_block = i;
          break;
        }
      }
    }
    /* a body that opens the document (wire copy without a dateline): its
     * first block may be the title */
    if (title_block == SIZE_MAX && body_start < nb && headline_like(c, &B[body_start]) &&
        body_start + 1 < best_e) {
      title_block = body_start;
      body_start++;
      best_s = body_start;
    }
    if (title_block != SIZE_MAX) B[title_block].role = R_TITLE;
  }
  /* a text of a few short lines and no story in them ("Obama visited
   * Paris.", "He paid $5 million."): what is not the title, nor a menu or a
   * cue, is the text itself, not boilerplate (its entities are wanted) */
  if (best_s == SIZE_MAX && nb <= 3) snippet = plain_run(B, nb, 1, 0, &best_s, &best_e);

  /* 7. section: the words before a timestamp on its line ("All News"), or a
   * short line right above the title */
  lede_span section = lx_no_span;
  if (has_pub && pub_prefix_end > B[pub_block].text_start) {
    size_t n;
    lx_token *t = tokens_of(c, B[pub_block].text_start, pub_prefix_end, &n);
    int ok = n > 0 && n <= 4;
    for (size_t k = 0; k < n && ok; k++) {
      if (!(t[k].flags & LX_TF_CAP) || t[k].kind != LX_TK_WORD) ok = 0;
      const char *w = s + t[k].start;
      size_t wl = t[k].end - t[k].start;
      static const char *const stamp_words[] = {"Published", "Updated", "Posted",
                                                "Date", "Last", "First", "Modified",
                                                "Created", "Posted:", "On"};
      for (size_t q = 0; q < LX_COUNTOF(stamp_words); q++)
        if (strlen(stamp_words[q]) == wl && memcmp(stamp_words[q], w, wl) == 0) ok = 0;
    }
    if (ok && is_agency_tokens(c, t, n)) ok = 0;
    if (ok) section = lx_span(t[0].start, t[n - 1].end);
  }
  if (lx_span_empty(section) && title_block != SIZE_MAX && title_block > 0) {
    blk *b = &B[title_block - 1];
    if (b->role == R_NONE && !b->list && !b->cue && b->words >= 1 && b->words <= 3 &&
        b->chars <= 30 && !b->ends_term && b->capw == b->words && b->numw == 0 &&
        b->l1 - b->l0 == 1) {
      section = lx_span(b->start, b->end);
      b->role = R_SECTION;
    }
  }
  d->section = section;

  /* 8. fields */
  if (title_block != SIZE_MAX) {
    d->title = lx_span(B[title_block].start, B[title_block].end);
    /* a repeated title is not boilerplate noise: mark the copy */
    for (size_t i = 0; i < nb; i++) {
      if (i == title_block || B[i].role != R_NONE) continue;
      if (B[i].end - B[i].start == d->title.end - d->title.start &&
          memcmp(s + B[i].start, s + d->title.start, d->title.end - d->title.start) == 0)
        B[i].role = R_TITLE_DUP;
    }
  }
  if (byline_block != SIZE_MAX) {
    d->byline_span = byline_span;
    for (int k = 0; k < nnames; k++)
      *(lede_span *)lx_push(c, &in->byline, sizeof(lede_span)) = names[k];
  }
  if (dl_block != SIZE_MAX) d->dateline = dl;

  /* published: zone printed, else the agency's, else the caller's */
  lx_date ref;
  memset(&ref, 0, sizeof ref);
  ref.hour = -1;
  int has_ref = 0;
  const char *ref_iso = NULL; /* ref's date as printed, when ref is the dateline's */
  lx_date optref;
  int has_optref = c->opts->ref_date &&
                   lx_parse_iso(c->opts->ref_date, strlen(c->opts->ref_date), &optref);
  if (c->opts->ref_date && !has_optref)
    lx_fail(c, LEDE_EINVAL, "reference date '%.40s' is not ISO 8601 (YYYY-MM-DD)",
            c->opts->ref_date);
  if (c->opts->has_tz && (c->opts->tz_minutes < -LX_TZ_MAX || c->opts->tz_minutes > LX_TZ_MAX))
    lx_fail(c, LEDE_EINVAL, "zone of %d minutes east of UTC is out of range (-18:00 to +18:00)",
            c->opts->tz_minutes);
  if (has_optref && c->opts->has_tz && !optref.has_tz) {
    optref.tz = c->opts->tz_minutes;
    optref.has_tz = 1;
  }
  if (c->opts->source && !c->has_pub_tz) {
    const lx_entry *ag = agency_entry(c, c->opts->source, strlen(c->opts->source));
    if (ag) agency_zone(c, ag);
  }
  if (has_pub) {
    if (!pub.year) {
      if (has_optref) pub.year = year_near(&optref, pub.month, pub.day);
    }
    if (pub.year) {
      if (pub.hour >= 0 && !pub.has_tz) {
        if (c->has_pub_tz) {
          /* the agency's home zone, in daylight time where its rule says so */
          pub.tz = c->pub_tz + (lx_dst_on(c->pub_dst, pub.year, pub.month, pub.day) ? 60 : 0);
          pub.has_tz = 1;
        } else if (c->opts->has_tz) {
          pub.tz = c->opts->tz_minutes;
          pub.has_tz = 1;
        }
      }
      format_into(c, &pub, &d->published);
      d->published_span = lx_span(pub_s, pub_e);
      ref = pub;
      has_ref = 1;
    }
  }
  if (dl_block != SIZE_MAX && dl_date.month) {
    lx_date x = dl_date;
    x.hour = -1;
    if (!x.year) {
      if (has_ref) x.year = year_near(&ref, x.month, x.day);
      else if (has_optref) x.year = year_near(&optref, x.month, x.day);
    }
    format_into(c, &x, &d->dateline.date_iso);
    if (x.year && x.day) {
      ref = x;
      has_ref = 1;
      ref_iso = d->dateline.date_iso;
    }
  }
  if (!has_ref && has_optref) {
    ref = optref;
    has_ref = 1;
  }
  c->ref = ref;
  c->has_ref = has_ref && ref.year && ref.month && ref.day;
  if (has_ref && ref.year) {
    lx_date r = ref;
    r.hour = -1;
    /* the dateline's date (its hour already unset) is printed already */
    if (ref_iso) d->ref_date = ref_iso;
    else format_into(c, &r, &d->ref_date);
  }

  /* 9. paragraphs, captions, boilerplate, in document order */
  int after_kind = -1;
  for (size_t i = 0; i < nb; i++) {
    blk *b = &B[i];
    int in_body = best_s != SIZE_MAX && i >= best_s && i < best_e;
    switch (b->role) {
      case R_TITLE:
      case R_SECTION:
      case R_BYLINE:
        continue;
      case R_CONSUMED: {
        /* the date line of a dateline over two blocks: its lines after the
         * date are the lead (a wrapped line that does not start a paragraph) */
        const lx_line *L = (const lx_line *)c->lines.p;
        size_t k = b->l0;
        while (k < b->l1 && L[k].tstart < d->dateline.span.end) k++;
        if (k < b->l1) {
          lede_span *p = (lede_span *)lx_push(c, &in->paragraphs, sizeof(lede_span));
          *p = lx_span(L[k].tstart, b->end);
        }
        continue;
      }
      case R_PUBLISHED:
        if (i == pub_block) {
          /* the timestamp is the field (when it gave a date), a section
           * before it too; the rest of its line is metadata */
          uint32_t from = b->start;
          if (!lx_span_empty(section) && section.start >= b->start && section.end <= b->end) {
            add_rest(c, from, section.start, LEDE_B_METADATA);
            from = section.end;
          }
          if (!lx_span_empty(d->published_span)) {
            add_rest(c, from, pub_s, LEDE_B_METADATA);
            from = pub_e;
          }
          if (byline_block == i && d->byline_span.start >= from) { /* the byline after it */
            add_rest(c, from, d->byline_span.start, LEDE_B_METADATA);
            from = d->byline_span.end;
          }
          add_rest(c, from, b->end, LEDE_B_METADATA);
          continue;
        }
        add_boiler(c, b->start, b->end, LEDE_B_METADATA);
        continue;
      case R_TITLE_DUP:
        add_boiler(c, b->start, b->end, LEDE_B_METADATA);
        continue;
      case R_CAPTION: {
        if (!in_body && best_s != SIZE_MAX && (i + 3 < best_s || i > best_e + 2)) {
          add_boiler(c, b->start, b->end, LEDE_B_MEDIA);
          continue;
        }
        lede_caption *cp = (lede_caption *)lx_push(c, &in->captions, sizeof(lede_caption));
        cp->span = lx_span(b->start, b->end);
        lede_span cr, rs;
        caption_like(c, b, &cr, &rs);
        cp->credit = cr;
        cp->restrictions = rs;
        /* a credit line right after takes the caption's credit */
        if (lx_span_empty(cr) && i + 1 < nb && B[i + 1].role == R_CREDIT) {
          size_t ov[64], cs, ce;
          blk *nx = &B[i + 1];
          if (lx_pat_match(c, LX_P_CREDIT_LINE, nx->text_start, nx->end, ov, 64) &&
              (lx_pat_group(c, LX_P_CREDIT_LINE, ov, "credit", &cs, &ce) ||
               lx_pat_group(c, LX_P_CREDIT_LINE, ov, "credit2", &cs, &ce)))
            cp->credit = lx_span((uint32_t)cs, (uint32_t)ce);
        }
        continue;
      }
      case R_CREDIT:
        add_boiler(c, b->start, b->end, LEDE_B_CREDIT);
        continue;
      case R_BOILER:
        add_boiler(c, b->start, b->end, b->kind);
        continue;
      case R_DATELINE: {
        uint32_t ls = b->lead_start;
        if (ls < b->end) {
          lede_span *p = (lede_span *)lx_push(c, &in->paragraphs, sizeof(lede_span));
          *p = lx_span(ls, b->end);
        }
        continue;
      }
      default:
        break;
    }
    /* inside the story every plain text block is a paragraph: figures-heavy
     * paragraphs have few function words but belong to the story; in wire
     * copy, numbered lines (tables of results, lists of measures) too */
    if (in_body && !b->cue && (!b->list || wire) &&
        (b->cls == C_GOOD || (b->words >= 3 && b->chars >= 25) || snippet ||
         quotation_block(s, b))) {
      lede_span *p = (lede_span *)lx_push(c, &in->paragraphs, sizeof(lede_span));
      *p = lx_span(b->start, b->end);
      continue;
    }
    int kind = b->cue ? b->cue - 1
               : (best_s == SIZE_MAX || i < best_s) ? LEDE_B_NAVIGATION
               : in_body ? LEDE_B_OTHER
                         : LEDE_B_RELATED;
    /* between the title and the story: a standfirst or a label, not a menu */
    if (!b->cue && !b->list && title_block != SIZE_MAX && i > title_block && best_s != SIZE_MAX &&
        i < best_s)
      kind = LEDE_B_OTHER;
    /* under a "Comments" or "Related" heading after the story, the blocks
     * are comments or related links until another heading */
    if (b->cue) {
      if (best_s != SIZE_MAX && i >= best_e) after_kind = b->cue - 1;
    } else if (after_kind >= 0 && best_s != SIZE_MAX && i >= best_e) {
      kind = after_kind;
    }
    if (!b->cue && best_s != SIZE_MAX && i >= best_e) {
      /* after the story: the credits of reporters and editors */
      const char *t = s + b->text_start;
      size_t tl = b->end - b->text_start;
      if (tl > 12 && (memcmp(t, "(Reporting", 10) == 0 || memcmp(t, "Reporting by", 12) == 0 ||
                      memcmp(t, "(Editing", 8) == 0 || memcmp(t, "Editing by", 10) == 0))
        kind = LEDE_B_CREDIT;
    }
    add_boiler(c, b->start, b->end, kind);
  }
  if (in->paragraphs.n) d->lead = ((lede_span *)in->paragraphs.p)[0];
}
