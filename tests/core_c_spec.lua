-- The C tests of the Lua-free core (tests/c/test_core.c, built with
-- ASan+UBSan by `make test`): each of its checks is one test here.
require("helpers").c_tests("test_core", "the C core",
  { describe = describe, it = it, pending = pending, assert = assert })
