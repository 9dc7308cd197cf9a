/*
 * The literals a match of a user's regular expression must contain, read
 * from the pattern's text (regex_literals.c): the rules skip a block that
 * holds none of them without running PCRE2 over it. A pattern like
 * "\d+ (?:troops|soldiers)" has no first character PCRE2 could look for,
 * and is tried at every digit of every block; most blocks have neither
 * word.
 */
#ifndef LEDE_REGEX_LITERALS_H
#define LEDE_REGEX_LITERALS_H

#include "internal.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

/* The most bytes lx_rl_extract writes. */
enum { LX_RL_MAX = 1024 };

/* Writes to out (LX_RL_MAX bytes) the sets of literals that every match of
 * pat[0, len) contains one of each of (caseless: the pattern is compiled
 * with PCRE2_CASELESS); returns the bytes written, or 0 when the pattern
 * gives none or uses syntax this reader does not follow (it then gives up:
 * the rule runs everywhere, as without it). Only what a match consumes
 * counts: lookarounds require nothing. The pattern must be one PCRE2
 * compiled (UTF), and allocations go through a (0 on failure). */
size_t lx_rl_extract(const lede_allocator *a, const char *pat, size_t len, int caseless,
                     uint8_t *out);

/* Whether s[0, n) holds, of each set of lits (lx_rl_extract's output), at
 * least one literal. */
int lx_rl_present(const uint8_t *lits, const char *s, size_t n);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif
#endif
