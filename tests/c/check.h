/*
 * The C tests' one assertion: CHECK(cond, fmt, ...) prints a TAP-like line
 * ("ok - ..." or "not ok - file:line: ...") and counts it; the busted specs
 * (tests/core_c_spec.lua and its kin) turn each line into a test, so the suite's summary
 * line counts them. A test's main prints "N passed, N failed, 0 skipped"
 * from `passed` and `failed` and exits non-zero on a failure.
 */
#ifndef LEDE_TESTS_CHECK_H
#define LEDE_TESTS_CHECK_H

#include <stdio.h>

static int passed, failed;

#define CHECK(cond, ...)                              \
  do {                                                \
    if (cond) {                                       \
      passed++;                                       \
      printf("ok - ");                                \
    } else {                                          \
      failed++;                                       \
      printf("not ok - %s:%d: ", __FILE__, __LINE__); \
    }                                                 \
    printf(__VA_ARGS__);                              \
    putchar('\n');                                    \
    fflush(stdout);                                   \
  } while (0)

#endif
