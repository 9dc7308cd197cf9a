/* The built-in PCRE2 patterns, compiled once per engine (JIT when the
 * platform has it) and matched with one match-data block per parse. */
#ifndef LEDE_PATTERNS_H
#define LEDE_PATTERNS_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "internal.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

enum {
  LX_P_DATELINE,        /* WASHINGTON, May 6 (Yonhap) -- */
  LX_P_DATELINE_TITLE,  /* Seoul, May 7 (Yonhap) -- (needs date or agency) */
  LX_P_DATELINE_AGENCY, /* (CNN) -- */
  LX_P_DATELINE_LINE,   /* LONDON 1996-08-30 on its own line (or two) */
  LX_P_CAPTION_START,   /* This photo, provided by ... */
  LX_P_CREDIT_END,      /* ... (Yonhap)  ... (AP Photo/Jane Doe) */
  LX_P_CREDIT_LINE,     /* Image Credit: X / Photo: X / X | Getty Images */
  LX_P_COUNT
};

typedef struct lx_patterns {
  const lede_allocator *alloc;
  int jit_compiling; /* set while pcre2_jit_compile runs (patterns.c) */
  pcre2_general_context *gctx;
  pcre2_code *code[LX_P_COUNT];
  /* of a pattern that begins with a lazy "(?:.*?)", the rest, unanchored
   * (patterns.c: lx_pat_match); NULL for the others */
  pcre2_code *tail[LX_P_COUNT];
  /* each pattern's name table (name, group), read once when it is compiled,
   * so that lx_pat_group need not ask PCRE2 (a search of the table by
   * strcmp, about 230 instructions a call); nnames is LX_P_NAMES_PCRE2 for
   * a table that does not fit, which PCRE2 is then asked for */
  struct {
    char name[16];
    uint8_t group;
  } names[LX_P_COUNT][12];
  uint8_t nnames[LX_P_COUNT];
} lx_patterns;
#define LX_P_NAMES_PCRE2 0xFF

lx_patterns *lx_patterns_new(const lede_allocator *a, int use_jit, lede_status *st, char *err,
                             size_t errsz);
void lx_patterns_free(const lede_allocator *a, lx_patterns *p);

/* Matches pattern id on text[start, end), anchored at start. Returns the
 * number of captured pairs (> 0) or 0; ov receives absolute offsets. */
int lx_pat_match(lx_ctx *c, int id, size_t start, size_t end, size_t *ov,
                 size_t ovn);
/* Offsets of a named group after a match, or 0 if it did not take part. */
int lx_pat_group(const lx_ctx *c, int id, const size_t *ov, const char *name,
                 size_t *s, size_t *e);
void lx_patterns_release(lx_ctx *c);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif
#endif
