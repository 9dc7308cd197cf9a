/*
 * A small reader of the corpus's JSON lines: {"text": "...", "entities":
 * [{"start": S, "end": E, "type": "PER"}, ...], ...}. Other keys are
 * skipped. Offsets are UTF-8 byte offsets into the decoded text.
 */
#ifndef LEDE_TRAIN_JSONL_H
#define LEDE_TRAIN_JSONL_H

#include <stddef.h>
#include <stdio.h>

typedef struct jl_ent {
  size_t start, end;
  int type; /* 0 PER, 1 ORG, 2 LOC, 3 MISC, -1 other */
} jl_ent;

typedef struct jl_doc {
  char *text;
  size_t len;
  jl_ent *ents;
  size_t nents;
} jl_doc;

/* Reads every line of path; returns the number of documents (0 and a
 * message on stderr on error). */
size_t jl_read(const char *path, jl_doc **docs);
void jl_free(jl_doc *docs, size_t n);

#endif
