/* Entity extraction: filled in by the entity stage (see issue 3). */
#include "internal.h"

void lx_entities(lx_ctx *c) { (void)c; }
void lx_link(lx_ctx *c) { (void)c; }
void lx_quotes(lx_ctx *c) { (void)c; }
