/* A small C host of the core: parses files and prints their JSON. It is
 * also the proof that the core builds and runs without Lua. */
#include <stdio.h>
#include <stdlib.h>

#include "../../plugin/lede.h"

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, len = 0;
  char *p = malloc(cap);
  size_t k;
  while (p && (k = fread(p + len, 1, cap - len, f)) > 0) {
    len += k;
    if (len == cap) {
      char *q = realloc(p, cap *= 2);
      if (!q) {
        free(p);
        p = NULL;
      } else {
        p = q;
      }
    }
  }
  fclose(f);
  *n = len;
  return p;
}

int main(int argc, char **argv) {
  lede_status st;
  lede_engine *eng = lede_engine_new(NULL, &st);
  if (!eng) {
    fprintf(stderr, "engine: %s\n", lede_status_string(st));
    return 1;
  }
  int rc = 0;
  for (int i = 1; i < argc; i++) {
    size_t n;
    char *text = slurp(argv[i], &n);
    if (!text) {
      perror(argv[i]);
      rc = 1;
      continue;
    }
    lede_doc *doc;
    char err[256];
    st = lede_parse(eng, text, n, NULL, &doc, err, sizeof err);
    if (st != LEDE_OK) {
      fprintf(stderr, "%s: %s: %s\n", argv[i], lede_status_string(st), err);
      rc = 1;
    } else {
      const char *json;
      size_t len;
      if (lede_doc_json(doc, 1, &json, &len) == LEDE_OK) fwrite(json, 1, len, stdout);
      putchar('\n');
      lede_doc_free(doc);
    }
    free(text);
  }
  lede_engine_free(eng);
  return rc;
}
