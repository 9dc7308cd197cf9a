/*
 * Built-in patterns. They are applied to the first bytes of candidate blocks
 * only (a few per document), anchored, so their cost does not grow with the
 * text. All are UTF-aware and accept invalid UTF-8 subjects
 * (PCRE2_MATCH_INVALID_UTF), so bad bytes can never make a match fail
 * loudly or read out of bounds.
 */
#include <stdio.h>
#include <stdlib.h>

#include "patterns.h"

/* wire copy prints months in any case: "Feb 26", "MARCH 2", "FEb 26" */
#define MONTHS \
  "(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?" \
  "|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?"
#define DATE_PART \
  "(?<date>" MONTHS "[ \\t]+\\d{1,2}(?:st|nd|rd|th)?(?:,?[ \\t]+\\d{4})?" \
  "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[ \\t]+" MONTHS "(?:[ \\t]+\\d{4})?)"
#define AGENCY_PART "(?:[ \\t]*\\((?<agency>[\\p{L}][\\p{L}\\p{N} .&'’/\\-]{0,39})\\))"
/* a hyphen separates only with a space after it (COCA-COLA is one word) */
#define SEP_PART \
  "(?:[ \\t]*(?<sep>---?|—|–|-|:|\\|)[ \\t]+" \
  "|[ \\t]*(?<sep>—|–|--)(?=[\\p{Lu}\"“‘']))"
/* ALL CAPS words with the lower-case particles place names carry */
#define CAPWORD "\\p{Lu}[\\p{Lu}\\p{M}'’.\\-]*"
#define PARTICLE "(?:de|da|do|dos|das|del|di|du|la|le|el|al|of|am|an|der|sur|upon|on|y)"
#define REGION_PART \
  "(?:[ \\t]*,[ \\t]*(?<region>\\p{Lu}[\\p{L}\\p{M}.'’\\-]*" \
  "(?:[ \\t]+\\p{Lu}[\\p{L}\\p{M}.'’\\-]*){0,3}))"

/* a lazy prefix: lx_pat_match matches what follows it unanchored */
#define LAZY_PREFIX "(?:.*?)"

static const struct {
  const char *pattern;
  uint32_t flags;
} defs[LX_P_COUNT] = {
    /* LX_P_DATELINE */
    {"(?<loc>" CAPWORD "(?:[ \\t]+(?:" CAPWORD "|" PARTICLE "(?=[ \\t]+\\p{Lu})))*?)"
     REGION_PART "??"
     "(?:(?:,[ \\t]*|[ \\t]+)" DATE_PART "(?:,[ \\t]*(?<agency_c>\\p{Lu}[\\p{L}\\-]{1,30}))?)?"
     AGENCY_PART "?" SEP_PART,
     0},
    /* LX_P_DATELINE_TITLE: Title Case needs a date or an agency to be safe */
    {"(?<loc>\\p{Lu}[\\p{Ll}\\p{M}'’.\\-]+(?:[ \\t]+\\p{L}[\\p{Ll}\\p{M}'’.\\-]+){0,2})"
     REGION_PART "??"
     "(?:(?:(?:,[ \\t]*|[ \\t]+)" DATE_PART ")" AGENCY_PART "?|" AGENCY_PART ")" SEP_PART,
     0},
    /* LX_P_DATELINE_AGENCY */
    {"\\((?<agency>\\p{L}[\\p{L}\\p{N} .&'’/\\-]{0,39})\\)" SEP_PART, 0},
    /* LX_P_DATELINE_LINE: also "MILWAUKEE, Wisconsin" over "1996-08-29" */
    {"(?<loc>" CAPWORD "(?:[ \\t]+" CAPWORD "){0,3})"
     "(?:,[ \\t]*(?<region>\\p{Lu}[\\p{L}\\p{M}.'’\\-]*"
     "(?:[ \\t]+\\p{Lu}[\\p{L}\\p{M}.'’\\-]*){0,2}))?"
     "(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)(?<date>\\d{4}-\\d{2}-\\d{2})[ \\t]*$",
     0},
    /* LX_P_CAPTION_START */
    {"(?:(?:In |An? )?(?:this|these|the|an?)[ \\t]+(?:\\w+[ \\t]+){0,3}?"
     "(?:photos?|images?|pictures?|file photo|screenshot|screen grab|handout)\\b"
     "|(?:FILE[ \\t]*(?:PHOTO)?[ \\t]*[:\\-–—]|Photo[ \\t]*:|Pictured[ \\t]*:|Above[ \\t]*:"
     "|Top[ \\t]*:|Image[ \\t]*:|Caption[ \\t]*:|PHOTO[ \\t]*:))",
     PCRE2_CASELESS},
    /* LX_P_CREDIT_END: the credit printed at the end of a caption */
    {"(?:.*?)(?<restr>\\((?:No resales|No archiving|Restricted|Editorial use only"
     "|MANDATORY CREDIT|For editorial use)[^()]*\\)[ \\t]*)?"
     "(?:\\((?<credit>(?:Yonhap|AP|AFP|Reuters|Xinhua|Kyodo|EPA|UPI|Getty Images|Bloomberg"
     "|[\\p{L} .]{0,20}(?:Photo|Photos|Pool|Images|Handout|Agency|News|via [^()]+)[^()]{0,40}))\\)"
     "|(?<credit2>(?:REUTERS|AFP|AP|EPA|Getty Images|Bloomberg)(?:[ \\t]*/[^\\n]{0,60})?"
     "|Photo:[^\\n]{1,60}|(?:Photo|Image) (?:by|credit:?)[^\\n]{1,60}))[ \\t]*\\.?[ \\t]*$",
     0},
    /* LX_P_CREDIT_LINE: a credit on its own line */
    {"(?:(?:Image|Photo|Picture|Video)[ \\t]+(?:Credit|by|courtesy)[ \\t]*:?"
     "|Photo(?:graph)?[ \\t]*:|Credit[ \\t]*:|©|\\(c\\)[ \\t])[ \\t]*(?<credit>[^\\n]{1,80})$"
     "|(?<credit2>[\\p{L} .\\-]{2,40}(?:[ \\t]*[|/][ \\t]*[\\p{L} .\\-]{2,40}){1,3})$",
     0},
};

/* PCRE2 allocates through the engine's allocator, except while it compiles
 * JIT code: PCRE2 10.42's JIT compiler crashes (a NULL dereference in
 * pcre2_jit_compile) when one of its allocations fails, so it gets them
 * from malloc, which a host's memory limit does not make fail. Each block
 * carries a header saying where it came from, so that PCRE2 frees it (its
 * JIT data outlive the compile) where it was allocated. */
#define PC_HEADER 16 /* keeps the alignment the allocator gave */

static void *pc_malloc(PCRE2_SIZE n, void *ud) {
  lx_patterns *p = (lx_patterns *)ud;
  if (n > SIZE_MAX - PC_HEADER) return NULL;
  unsigned char *b = p->jit_compiling ? (unsigned char *)malloc(n + PC_HEADER)
                                      : (unsigned char *)lx_malloc(p->alloc, n + PC_HEADER);
  if (!b) return NULL;
  b[0] = (unsigned char)p->jit_compiling;
  return b + PC_HEADER;
}
static void pc_free(void *q, void *ud) {
  lx_patterns *p = (lx_patterns *)ud;
  if (!q) return;
  unsigned char *b = (unsigned char *)q - PC_HEADER;
  if (b[0]) free(b);
  else lx_free(p->alloc, b);
}

/* Copies pattern d's name table (PCRE2 keeps it sorted by name, the
 * groups of a duplicated name in a row) into p->names[d], in its order. */
static void read_names(lx_patterns *p, int d) {
  uint32_t count = 0, size = 0;
  PCRE2_SPTR table = NULL;
  p->nnames[d] = LX_P_NAMES_PCRE2;
  if (pcre2_pattern_info(p->code[d], PCRE2_INFO_NAMECOUNT, &count) != 0 ||
      pcre2_pattern_info(p->code[d], PCRE2_INFO_NAMEENTRYSIZE, &size) != 0 ||
      pcre2_pattern_info(p->code[d], PCRE2_INFO_NAMETABLE, &table) != 0)
    return;
  if (count > LX_COUNTOF(p->names[d]) || (count && !table)) return;
  for (uint32_t k = 0; k < count; k++) {
    PCRE2_SPTR e = table + (size_t)k * size;
    int n = (e[0] << 8) | e[1];
    size_t len = strlen((const char *)e + 2);
    if (n <= 0 || n > 255 || len >= sizeof p->names[d][k].name) return;
    memcpy(p->names[d][k].name, e + 2, len + 1);
    p->names[d][k].group = (uint8_t)n;
  }
  p->nnames[d] = (uint8_t)count;
}

lx_patterns *lx_patterns_new(const lede_allocator *a, int use_jit, lede_status *st, char *err,
                             size_t errsz) {
  lx_patterns *p = (lx_patterns *)lx_malloc(a, sizeof *p);
  if (!p) {
    *st = LEDE_ENOMEM;
    return NULL;
  }
  memset(p, 0, sizeof *p);
  p->alloc = a;
  p->gctx = pcre2_general_context_create(pc_malloc, pc_free, p);
  if (!p->gctx) {
    lx_free(a, p);
    *st = LEDE_ENOMEM;
    return NULL;
  }
  pcre2_compile_context *cc = pcre2_compile_context_create(p->gctx);
  if (!cc) {
    lx_patterns_free(a, p);
    *st = LEDE_ENOMEM;
    return NULL;
  }
  uint32_t jit = 0;
  if (use_jit) pcre2_config(PCRE2_CONFIG_JIT, &jit);
  for (int i = 0; i < 2 * LX_P_COUNT; i++) {
    int ec;
    PCRE2_SIZE eo;
    /* the patterns, then the tails of those with a lazy prefix */
    int t = i >= LX_P_COUNT, d = i % LX_P_COUNT;
    size_t skip = sizeof LAZY_PREFIX - 1;
    if (t && strncmp(defs[d].pattern, LAZY_PREFIX, skip) != 0) continue;
    pcre2_code **slot = t ? &p->tail[d] : &p->code[d];
    uint32_t opts = defs[d].flags | PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES |
                    PCRE2_MATCH_INVALID_UTF | (t ? 0 : PCRE2_ANCHORED);
    *slot = pcre2_compile((PCRE2_SPTR)defs[d].pattern + (t ? skip : 0), PCRE2_ZERO_TERMINATED,
                          opts, &ec, &eo, cc);
    if (!*slot) {
      if (err) {
        char msg[160];
        pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, sizeof msg);
        snprintf(err, errsz, "built-in pattern %d at offset %zu: %s", d, (size_t)eo, msg);
      }
      /* (compile errors are positive: no memory is PCRE2_ERROR_HEAP_FAILED) */
      *st = ec == PCRE2_ERROR_HEAP_FAILED ? LEDE_ENOMEM : LEDE_EPATTERN;
      pcre2_compile_context_free(cc);
      lx_patterns_free(a, p);
      return NULL;
    }
    if (!t) read_names(p, d);
    /* JIT is an optimization: a failure (no memory for it) is not an error */
    if (jit) {
      p->jit_compiling = 1;
      pcre2_jit_compile(*slot, PCRE2_JIT_COMPLETE);
      p->jit_compiling = 0;
    }
  }
  pcre2_compile_context_free(cc);
  *st = LEDE_OK;
  return p;
}

void lx_patterns_free(const lede_allocator *a, lx_patterns *p) {
  if (!p) return;
  for (int i = 0; i < LX_P_COUNT; i++) {
    pcre2_code_free(p->code[i]);
    pcre2_code_free(p->tail[i]);
  }
  pcre2_general_context_free(p->gctx);
  lx_free(a, p);
}

/* match data is created on first use in a parse and freed at its end */
static pcre2_match_data *md_for(lx_ctx *c) {
  if (!c->md) {
    c->md = pcre2_match_data_create(32, c->eng->pat->gctx);
    if (!c->md) lx_fail(c, LEDE_ENOMEM, "out of memory");
  }
  return (pcre2_match_data *)c->md;
}

/* Whether the bytes text[a, b) are all characters that "." matches under
 * any newline convention: printable ASCII, tab, or a control character
 * that ends no line (a byte of another character, or an invalid one, says
 * no: the caller then asks the anchored pattern). */
static int plain_run(const char *text, size_t a, size_t b) {
  for (size_t i = a; i < b; i++) {
    unsigned char ch = (unsigned char)text[i];
    if (ch >= 0x80 || (ch >= '\n' && ch <= '\r')) return 0;
  }
  return 1;
}

/* A pattern "(?:.*?)R" anchored at start tries R at each character from
 * start in turn, up to the first that "." does not match (a line's end; an
 * invalid UTF-8 sequence, which no item matches), and PCRE2 has no start
 * optimization for it: over a caption's last 200 bytes it cost thousands
 * of instructions a call. R unanchored finds the first position where it
 * matches with R's first bytes as a filter: where there is none, the
 * pattern has no match; where it is reached over plain characters, the
 * match is the pattern's (same groups; it starts at start). Otherwise,
 * and on any error, the anchored pattern is asked. */
static int tail_match(lx_ctx *c, int id, size_t start, size_t end, pcre2_match_data *md) {
  int rc = pcre2_match(c->eng->pat->tail[id], (PCRE2_SPTR)c->text, end, start,
                       PCRE2_NO_UTF_CHECK, md, NULL);
  if (rc == PCRE2_ERROR_NOMATCH) return rc;
  if (rc > 0) {
    PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
    if (v[0] >= start && plain_run(c->text, start, v[0])) {
      v[0] = start;
      return rc;
    }
  }
  return pcre2_match(c->eng->pat->code[id], (PCRE2_SPTR)c->text, end, start,
                     PCRE2_NO_UTF_CHECK, md, NULL);
}

/* Whether s begins with the lower-case ASCII word w, in any case. */
static int starts_ci(const char *s, size_t n, const char *w) {
  size_t i = 0;
  for (; w[i]; i++) {
    unsigned char ch = i < n ? (unsigned char)s[i] : 0;
    if (ch >= 'A' && ch <= 'Z') ch += 32;
    if (ch != (unsigned char)w[i]) return 0;
  }
  return 1;
}

static int ascii_word_char(unsigned char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         ch == '_';
}

/* Whether LX_P_CAPTION_START may match s[0, n): a block that starts with
 * neither "above", "top" nor "caption" needs the first word of one of its
 * keywords (photo, image, picture, file, screen, handout: "pictured",
 * "file photo", "screen grab" begin so) at the start of one of its first
 * six words ("In the" and three words before it), the words (\w+) and
 * the blanks between them ASCII; a byte >= 0x80 there (a \w of Unicode,
 * a letter that case folding may equal) says maybe. Exact: where it says
 * no, the pattern has no match; it reads a few words where PCRE2 cost
 * about 1,700 instructions (the lazy words before the keyword). */
static int caption_start_may(const char *s, size_t n) {
  static const char *const first[] = {"above", "top", "caption"};
  static const char *const keys[] = {"photo", "image", "picture", "file", "screen", "handout"};
  for (size_t k = 0; k < sizeof first / sizeof *first; k++)
    if (starts_ci(s, n, first[k])) return 1;
  size_t i = 0, words = 0;
  while (i < n && words < 6) {
    unsigned char ch = (unsigned char)s[i];
    if (ch >= 0x80) return 1;
    if (ch == ' ' || ch == '\t') {
      i++;
      continue;
    }
    if (!ascii_word_char(ch)) return 0; /* a keyword is after blanks and words only */
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
      if (starts_ci(s + i, n - i, keys[k])) return 1;
    while (i < n && ascii_word_char((unsigned char)s[i])) i++;
    if (i < n && (unsigned char)s[i] >= 0x80) return 1;
    words++;
  }
  return 0;
}

int lx_pat_match(lx_ctx *c, int id, size_t start, size_t end, size_t *ov,
                 size_t ovn) {
  if (id == LX_P_CAPTION_START && !caption_start_may(c->text + start, end - start)) return 0;
  pcre2_match_data *md = md_for(c);
  int rc = c->eng->pat->tail[id]
               ? tail_match(c, id, start, end, md)
               : pcre2_match(c->eng->pat->code[id], (PCRE2_SPTR)c->text, end, start,
                             PCRE2_NO_UTF_CHECK, md, NULL);
  /* the interpreter allocates its frames on the first match: a failure is
   * ENOMEM, not "no match" (which would make another document) */
  if (rc == PCRE2_ERROR_NOMEMORY) lx_fail(c, LEDE_ENOMEM, "out of memory");
  if (rc <= 0) return 0;
  PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
  /* the patterns are anchored, but PCRE2 10.42's interpreter (not its
   * JIT) lets PCRE2_ANCHORED start after an invalid UTF-8 sequence of the
   * subject under PCRE2_MATCH_INVALID_UTF: such a match is no match */
  if (v[0] != start) return 0;
  /* rc is one more than the highest group set: the groups after it are
   * unset (PCRE2 sets those of the pattern so), and only they are read
   * from the match data; the rest of ov is filled without reading it */
  uint32_t pairs = pcre2_get_ovector_count(md);
  size_t k = LX_MIN((size_t)LX_MIN((uint32_t)rc, pairs) * 2, ovn);
  for (size_t i = 0; i < k; i++) ov[i] = v[i] == PCRE2_UNSET ? SIZE_MAX : v[i];
  if (k < ovn) memset(ov + k, 0xFF, (ovn - k) * sizeof *ov); /* SIZE_MAX */
  return rc;
}

int lx_pat_group(const lx_ctx *c, int id, const size_t *ov, const char *name,
                 size_t *s, size_t *e) {
  const lx_patterns *pat = c->eng->pat;
  if (pat->nnames[id] != LX_P_NAMES_PCRE2) {
    /* the copy of the name table: the same groups in the same order */
    for (size_t k = 0; k < pat->nnames[id]; k++) {
      const char *nm = pat->names[id][k].name;
      if (nm[0] != name[0] || strcmp(nm, name) != 0) continue;
      int n = pat->names[id][k].group;
      if (n >= 32 || ov[2 * n] == SIZE_MAX) continue;
      *s = ov[2 * n];
      *e = ov[2 * n + 1];
      return 1;
    }
    return 0;
  }
  PCRE2_SPTR first, last;
  int size = pcre2_substring_nametable_scan(c->eng->pat->code[id], (PCRE2_SPTR)name,
                                            &first, &last);
  if (size <= 0) return 0;
  /* a name may stand for several groups (PCRE2_DUPNAMES): the set one */
  for (PCRE2_SPTR p = first; p <= last; p += size) {
    int n = (p[0] << 8) | p[1];
    if (n <= 0 || n >= 32 || ov[2 * n] == SIZE_MAX) continue;
    *s = ov[2 * n];
    *e = ov[2 * n + 1];
    return 1;
  }
  return 0;
}

void lx_patterns_release(lx_ctx *c) {
  if (c->md) pcre2_match_data_free((pcre2_match_data *)c->md);
  c->md = NULL;
}
