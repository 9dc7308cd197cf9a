/* Allocation: the default allocator, the arena, vectors and buffers. */
#include <stdlib.h>

#include "internal.h"

static void *def_malloc(size_t n, void *ud) {
  (void)ud;
  return malloc(n ? n : 1);
}
static void *def_realloc(void *p, size_t n, void *ud) {
  (void)ud;
  return realloc(p, n ? n : 1);
}
static void def_free(void *p, void *ud) {
  (void)ud;
  free(p);
}

const lede_allocator lx_default_allocator = {def_malloc, def_realloc, def_free,
                                             NULL};

void *lx_malloc(const lede_allocator *a, size_t n) { return a->malloc(n, a->ud); }
void *lx_realloc(const lede_allocator *a, void *p, size_t n) {
  return a->realloc(p, n, a->ud);
}
void lx_free(const lede_allocator *a, void *p) {
  if (p) a->free(p, a->ud);
}

#define LX_ALIGN 16u
#define LX_CHUNK_MIN 16384u

static size_t chunk_header(void) {
  return (sizeof(lx_chunk) + LX_ALIGN - 1) & ~(size_t)(LX_ALIGN - 1);
}

void *lx_arena_alloc(lx_arena *ar, size_t n) {
  lx_chunk *ch = ar->head;
  n = (n + LX_ALIGN - 1) & ~(size_t)(LX_ALIGN - 1);
  if (n == 0) n = LX_ALIGN;
  if (!ch || ch->size - ch->used < n) {
    size_t size = LX_CHUNK_MIN;
    if (ch && ch->size < (size_t)1 << 20) size = ch->size * 2;
    if (size < n) size = n;
    if (size > SIZE_MAX - chunk_header()) return NULL;
    ch = (lx_chunk *)lx_malloc(ar->alloc, chunk_header() + size);
    if (!ch) return NULL;
    ch->size = size;
    ch->used = 0;
    /* a big one-off block goes behind the head so the head keeps its room */
    if (ar->head && n > LX_CHUNK_MIN && ar->head->size - ar->head->used >= LX_ALIGN) {
      ch->next = ar->head->next;
      ar->head->next = ch;
    } else {
      ch->next = ar->head;
      ar->head = ch;
    }
  }
  void *p = (char *)ch + chunk_header() + ch->used;
  ch->used += n;
  return p;
}

void lx_arena_free_all(lx_arena *ar) {
  lx_chunk *ch = ar->head;
  while (ch) {
    lx_chunk *next = ch->next;
    lx_free(ar->alloc, ch);
    ch = next;
  }
  ar->head = NULL;
}

int lx_vec_reserve(const lede_allocator *a, lx_vec *v, size_t elem, size_t want) {
  if (want <= v->cap) return 1;
  size_t cap = v->cap ? v->cap : 16;
  while (cap < want) {
    if (cap > SIZE_MAX / 2 / elem) return 0;
    cap *= 2;
  }
  void *p = lx_realloc(a, v->p, cap * elem);
  if (!p) return 0;
  v->p = p;
  v->cap = cap;
  return 1;
}

void lx_vec_free(const lede_allocator *a, lx_vec *v) {
  lx_free(a, v->p);
  v->p = NULL;
  v->n = v->cap = 0;
}

int lx_buf_reserve(const lede_allocator *a, lx_buf *b, size_t extra) {
  if (b->cap - b->n > extra) return 1; /* keeps room for a NUL */
  if (extra > SIZE_MAX / 2 - b->n) return 0;
  size_t cap = b->cap ? b->cap : 256;
  while (cap - b->n <= extra) cap *= 2;
  char *p = (char *)lx_realloc(a, b->p, cap);
  if (!p) return 0;
  b->p = p;
  b->cap = cap;
  return 1;
}

void lx_buf_free(const lede_allocator *a, lx_buf *b) {
  lx_free(a, b->p);
  b->p = NULL;
  b->n = b->cap = 0;
}

/* Slots for n words in the sets below: at most one slot in eight taken.
 * Most lookups miss (a word that is not a function word), and a miss
 * probes to an empty slot, about 1.1 slots at this load against 2.5 at one
 * in two (the function words' sets are probed for every word of every
 * block). */
static size_t sparse_cap(size_t n) {
  size_t cap = 64;
  while (cap < n * 8) cap *= 2;
  return cap;
}

int lx_hashset_build(const lede_allocator *a, lx_hashset *s,
                     const char *const *words, size_t n) {
  size_t cap = sparse_cap(n);
  s->slots = (uint32_t *)lx_malloc(a, cap * sizeof(uint32_t));
  if (!s->slots) return 0;
  memset(s->slots, 0, cap * sizeof(uint32_t));
  s->cap = cap;
  for (size_t i = 0; i < n; i++) {
    uint32_t h = lx_hash_lower(words[i], strlen(words[i]));
    if (h == 0) h = 1;
    size_t j = h & (cap - 1);
    while (s->slots[j] && s->slots[j] != h) j = (j + 1) & (cap - 1);
    s->slots[j] = h;
  }
  return 1;
}

int lx_hashflags_init(const lede_allocator *a, lx_hashflags *m, size_t n) {
  size_t cap = sparse_cap(n);
  m->slots = (uint64_t *)lx_malloc(a, cap * sizeof(uint64_t));
  if (!m->slots) return 0;
  memset(m->slots, 0, cap * sizeof(uint64_t));
  m->cap = cap;
  return 1;
}

void lx_hashflags_add(lx_hashflags *m, uint32_t h, unsigned f) {
  size_t mask = m->cap - 1, j = h & mask;
  while (m->slots[j] && (uint32_t)m->slots[j] != h) j = (j + 1) & mask;
  m->slots[j] = (m->slots[j] | h) | ((uint64_t)f << 32);
}

void lx_hashset_free(const lede_allocator *a, lx_hashset *s) {
  lx_free(a, s->slots);
  s->slots = NULL;
  s->cap = 0;
}

/* qsort for the small and the nearly sorted arrays a parse sorts (a
 * block's candidates, a document's entities after a few are appended):
 * an insertion sort up to 32 elements, and beyond while it moves fewer
 * than two elements per element (a few out of place), else qsort. Stable,
 * as glibc's qsort (a merge sort) is, so the order of equal elements is
 * the same either way (and qsort after a stable partial pass too). */
void lx_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
  char *b = (char *)base;
  if (n < 2) return;
  if (size > 256) {
    size_t i = 1;
    while (i < n && cmp(b + (i - 1) * size, b + i * size) <= 0) i++;
    if (i < n) qsort(base, n, size, cmp);
    return;
  }
  unsigned char tmp[256];
  size_t moved = 0, limit = n <= 32 ? (size_t)-1 : 2 * n;
  for (size_t i = 1; i < n; i++) {
    if (cmp(b + (i - 1) * size, b + i * size) <= 0) continue;
    size_t j = i - 1;
    while (j > 0 && cmp(b + (j - 1) * size, b + i * size) > 0) j--;
    moved += i - j;
    if (moved > limit) {
      qsort(base, n, size, cmp);
      return;
    }
    memcpy(tmp, b + i * size, size);
    memmove(b + (j + 1) * size, b + j * size, (i - j) * size);
    memcpy(b + j * size, tmp, size);
  }
}
