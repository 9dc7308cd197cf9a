/* The corpus reader (see jsonl.h): strict enough for our files, and it
 * reports where a line is malformed rather than guessing. */
#include "jsonl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct jp {
  const char *s, *e;
  int err;
} jp;

static void ws(jp *p) {
  while (p->s < p->e && (*p->s == ' ' || *p->s == '\t' || *p->s == '\r' || *p->s == '\n')) p->s++;
}

static int lit(jp *p, char c) {
  ws(p);
  if (p->s < p->e && *p->s == c) {
    p->s++;
    return 1;
  }
  return 0;
}

static void put_utf8(char *o, size_t *n, uint32_t cp) {
  if (cp < 0x80) {
    o[(*n)++] = (char)cp;
  } else if (cp < 0x800) {
    o[(*n)++] = (char)(0xC0 | cp >> 6);
    o[(*n)++] = (char)(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    o[(*n)++] = (char)(0xE0 | cp >> 12);
    o[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[(*n)++] = (char)(0x80 | (cp & 0x3F));
  } else {
    o[(*n)++] = (char)(0xF0 | cp >> 18);
    o[(*n)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[(*n)++] = (char)(0x80 | (cp & 0x3F));
  }
}

static int hex4(const char *s, uint32_t *v) {
  *v = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    *v <<= 4;
    if (c >= '0' && c <= '9') *v |= (uint32_t)(c - '0');
    else if (c >= 'a' && c <= 'f') *v |= (uint32_t)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') *v |= (uint32_t)(c - 'A' + 10);
    else return 0;
  }
  return 1;
}

/* Parses a string; returns a malloc'd copy (or NULL if out is 0). */
static char *str(jp *p, size_t *len, int keep) {
  if (!lit(p, '"')) {
    p->err = 1;
    return NULL;
  }
  char *o = keep ? (char *)malloc((size_t)(p->e - p->s) + 1) : NULL;
  size_t n = 0;
  while (p->s < p->e && *p->s != '"') {
    char c = *p->s++;
    if (c != '\\') {
      if (o) o[n++] = c;
      continue;
    }
    if (p->s >= p->e) break;
    c = *p->s++;
    uint32_t cp = 0;
    switch (c) {
    case 'n': cp = '\n'; break;
    case 't': cp = '\t'; break;
    case 'r': cp = '\r'; break;
    case 'b': cp = '\b'; break;
    case 'f': cp = '\f'; break;
    case 'u':
      if (p->e - p->s < 4 || !hex4(p->s, &cp)) {
        p->err = 1;
        free(o);
        return NULL;
      }
      p->s += 4;
      if (cp >= 0xD800 && cp < 0xDC00 && p->e - p->s >= 6 && p->s[0] == '\\' && p->s[1] == 'u') {
        uint32_t lo;
        if (hex4(p->s + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          p->s += 6;
        }
      }
      break;
    default: cp = (unsigned char)c; break;
    }
    if (o) put_utf8(o, &n, cp);
  }
  if (!lit(p, '"')) {
    p->err = 1;
    free(o);
    return NULL;
  }
  if (o) o[n] = 0;
  if (len) *len = n;
  return o;
}

static void skip(jp *p);

static double num(jp *p) {
  ws(p);
  char *end;
  double v = strtod(p->s, &end);
  if (end == p->s) p->err = 1;
  p->s = end;
  return v;
}

static void skip(jp *p) {
  ws(p);
  if (p->s >= p->e) {
    p->err = 1;
    return;
  }
  char c = *p->s;
  if (c == '"') {
    str(p, NULL, 0);
  } else if (c == '{' || c == '[') {
    char close = c == '{' ? '}' : ']';
    p->s++;
    if (lit(p, close)) return;
    do {
      if (c == '{') {
        str(p, NULL, 0);
        if (!lit(p, ':')) p->err = 1;
      }
      skip(p);
    } while (!p->err && lit(p, ','));
    if (!lit(p, close)) p->err = 1;
  } else if (c == 't' || c == 'f' || c == 'n') {
    while (p->s < p->e && *p->s >= 'a' && *p->s <= 'z') p->s++;
  } else {
    num(p);
  }
}

static int type_of(const char *s) {
  if (!strcmp(s, "PER")) return 0;
  if (!strcmp(s, "ORG")) return 1;
  if (!strcmp(s, "LOC")) return 2;
  if (!strcmp(s, "MISC")) return 3;
  return -1;
}

static int entities(jp *p, jl_doc *d) {
  if (!lit(p, '[')) return 0;
  size_t cap = 0;
  if (lit(p, ']')) return 1;
  do {
    if (!lit(p, '{')) return 0;
    jl_ent e = {0, 0, -1};
    if (!lit(p, '}')) {
      do {
        char *k = str(p, NULL, 1);
        if (!k || !lit(p, ':')) {
          free(k);
          return 0;
        }
        if (!strcmp(k, "start")) e.start = (size_t)num(p);
        else if (!strcmp(k, "end")) e.end = (size_t)num(p);
        else if (!strcmp(k, "type")) {
          char *t = str(p, NULL, 1);
          if (t) e.type = type_of(t);
          free(t);
        } else skip(p);
        free(k);
      } while (!p->err && lit(p, ','));
      if (!lit(p, '}')) return 0;
    }
    if (d->nents == cap) {
      cap = cap ? cap * 2 : 16;
      d->ents = (jl_ent *)realloc(d->ents, cap * sizeof(jl_ent));
      if (!d->ents) return 0;
    }
    d->ents[d->nents++] = e;
  } while (!p->err && lit(p, ','));
  return lit(p, ']') && !p->err;
}

static int parse_line(const char *s, size_t n, jl_doc *d) {
  jp p = {s, s + n, 0};
  memset(d, 0, sizeof *d);
  if (!lit(&p, '{')) return 0;
  if (lit(&p, '}')) return 1;
  do {
    char *k = str(&p, NULL, 1);
    if (!k || !lit(&p, ':')) {
      free(k);
      return 0;
    }
    if (!strcmp(k, "text")) {
      free(d->text);
      d->text = str(&p, &d->len, 1);
    } else if (!strcmp(k, "entities")) {
      if (!entities(&p, d)) p.err = 1;
    } else {
      skip(&p);
    }
    free(k);
  } while (!p.err && lit(&p, ','));
  return !p.err && lit(&p, '}') && d->text;
}

void jl_free(jl_doc *docs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(docs[i].text);
    free(docs[i].ents);
  }
  free(docs);
}

size_t jl_read(const char *path, jl_doc **out) {
  *out = NULL;
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
    return 0;
  }
  size_t cap = 0, n = 0, lineno = 0;
  jl_doc *docs = NULL;
  char *line = NULL;
  size_t lcap = 0;
  for (;;) {
    /* getline is POSIX; a plain loop keeps this C99 */
    size_t ln = 0;
    int c;
    while ((c = fgetc(f)) != EOF && c != '\n') {
      if (ln + 1 >= lcap) {
        lcap = lcap ? lcap * 2 : 1 << 16;
        line = (char *)realloc(line, lcap);
        if (!line) {
          fclose(f);
          jl_free(docs, n);
          return 0;
        }
      }
      line[ln++] = (char)c;
    }
    if (c == EOF && ln == 0) break;
    lineno++;
    size_t k = 0;
    while (k < ln && (line[k] == ' ' || line[k] == '\r' || line[k] == '\t')) k++;
    if (k == ln) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 256;
      docs = (jl_doc *)realloc(docs, cap * sizeof(jl_doc));
      if (!docs) {
        fclose(f);
        free(line);
        return 0;
      }
    }
    if (!parse_line(line, ln, &docs[n])) {
      fprintf(stderr, "%s:%zu: malformed line\n", path, lineno);
      free(docs[n].text);
      free(docs[n].ents);
      jl_free(docs, n);
      free(line);
      fclose(f);
      return 0;
    }
    n++;
    if (c == EOF) break;
  }
  free(line);
  fclose(f);
  *out = docs;
  return n;
}
