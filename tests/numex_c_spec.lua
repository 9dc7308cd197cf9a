-- The C tests of numex.c (tests/c/test_numex.c, built with
-- ASan+UBSan by `make test`): each of its checks is one test here.
require("helpers").c_tests("test_numex", "numex in C",
  { describe = describe, it = it, pending = pending, assert = assert })
