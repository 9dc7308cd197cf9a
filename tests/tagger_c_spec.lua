-- The C checks of the tagger of names (tests/c/test_tagger.c, built with
-- ASan+UBSan by `make test`): each of its checks is one test here.
require("helpers").c_tests("test_tagger", "the tagger of names",
  { describe = describe, it = it, pending = pending, assert = assert })
