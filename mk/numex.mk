# numex (plugin/core/numex.c): its C test, run inside the busted suite by
# tests/numex_c_spec.lua, a micro-benchmark, and the generated lexicon.
#
#   make bench-numex [NUMEX_CORPUS="a.jsonl b.jsonl"]   MB/s of lx_numex alone
#   make numex-lex                                      regenerate numex_lex.h

NUMEX_CORPUS ?= ../shared/corpus/conll2003/dev.jsonl ../shared/corpus/reuters21578/dev.jsonl

$(OUT)/test_numex: tests/c/test_numex.c $(CORE_SRC) plugin/lede.h plugin/core/*.h | $(OUT)
	$(CC) -std=c99 -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined \
	  -fno-sanitize-recover=all -DPCRE2_CODE_UNIT_WIDTH=8 $(PCRE2_CFLAGS) \
	  -o $@ tests/c/test_numex.c $(CORE_SRC) $(PCRE2_LIBS) -lm -lpthread

$(OUT)/bench_numex: tests/c/test_numex.c $(CORE_SRC) plugin/lede.h plugin/core/*.h | $(OUT)
	$(CC) -std=c99 -O2 -Wall -Wextra -Werror -DPCRE2_CODE_UNIT_WIDTH=8 $(PCRE2_CFLAGS) \
	  -o $@ tests/c/test_numex.c $(CORE_SRC) $(PCRE2_LIBS) -lm -lpthread

# the busted suite runs the C test (tests/numex_c_spec.lua): build it first
test-lua: $(OUT)/test_numex
test-lua-only check-asan check-valgrind: $(OUT)/test_numex

bench-numex: $(OUT)/bench_numex
	@for f in $(NUMEX_CORPUS); do \
	  python3 -c 'import json,sys; sys.stdout.buffer.write(b"\0".join(json.loads(l)["text"].encode() for l in open(sys.argv[1])))' $$f > $(OUT)/numex_texts.bin; \
	  echo "== $$f"; $(OUT)/bench_numex --bench $(OUT)/numex_texts.bin; \
	done

numex-lex:
	$(LUA) tools/numex/lexicon.lua > plugin/core/numex_lex.h

.PHONY: bench-numex numex-lex
