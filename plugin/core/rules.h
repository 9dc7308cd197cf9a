/* The rules' side of a parse (rules.c): what entities.c calls. */
#ifndef LEDE_RULES_H
#define LEDE_RULES_H

#include "internal.h"

#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

/* Prepares the user rules of c->opts->rules for this parse (active packs,
 * PCRE2 match context with the engine's limits); frees with lx_rules_end. */
void lx_rules_begin(lx_ctx *c);
void lx_rules_end(lx_ctx *c);
/* Appends the user rules' candidates over tokens [t0, t1) of one block
 * (flags: LEDE_EF_IN_* of the block); etypes[i - t0] is the type of the
 * built-in entity over token i, 0 if none. */
void lx_rules_match(lx_ctx *c, size_t t0, size_t t1, unsigned flags, const uint8_t *etypes);
const char *lx_rules_name(const lede_ruleset *rs, uint32_t id);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif
#endif
