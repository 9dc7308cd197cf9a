# lede: developer targets. The README's two commands (./dev demo, ./dev test)
# install what is missing and call these.
#
#   make build          the rock, built by LuaRocks into ./.rocks (Lua 5.4)
#   make test           C tests of the core + the busted suite
#   make check-asan     the suite under ASan + UBSan (no recovery)
#   make check-valgrind the suite under valgrind (no definite leaks)
#   make check-lua-versions   tests/portable.lua under Lua 5.1-5.4 and LuaJIT
#   make check-nosimd   the core's portable paths give the SIMD paths' output
#   make bench CORPUS=path.jsonl   MB/s of lede.parse and of a bare pass
#   make eval CORPUS=path.jsonl    accuracy against the corpus gold
#   make data           regenerate the embedded gazetteer from data/
#   make fuzz FUZZ_SECONDS=N       libFuzzer harnesses of the core

LUA_VERSION ?= 5.4
LUA ?= lua$(LUA_VERSION)
BUSTED ?= /usr/bin/busted
TREE ?= $(CURDIR)/.rocks
ROCKSPEC = lede-dev-1.rockspec
CFLAGS_ROCK ?= -O2 -fPIC -Wall -Wextra -Werror
CC ?= gcc
PCRE2_CFLAGS := $(shell pkg-config --cflags libpcre2-8 2>/dev/null)
PCRE2_LIBS := $(shell pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
CORE_SRC := $(wildcard plugin/core/*.c)
OUT := tests/out

LUA_ENV = LUA_PATH_5_4="$(TREE)/share/lua/5.4/?.lua;$(TREE)/share/lua/5.4/?/init.lua;$(CURDIR)/tools/?.lua;;" \
	LUA_CPATH_5_4="$(TREE)/lib/lua/5.4/?.so;;" \
	LUA_PATH_5_3="$(TREE)/share/lua/5.3/?.lua;$(TREE)/share/lua/5.3/?/init.lua;;" \
	LUA_CPATH_5_3="$(TREE)/lib/lua/5.3/?.so;;" \
	LUA_PATH="$(TREE)/share/lua/5.1/?.lua;$(TREE)/share/lua/5.1/?/init.lua;;" \
	LUA_CPATH="$(TREE)/lib/lua/5.1/?.so;;" \
	LEDE_TREE="$(TREE)" PATH="$(TREE)/bin:$$PATH"

.PHONY: all build test test-c test-lua check-asan check-valgrind check-lua-versions check-nosimd nosimd-dump \
	bench eval data fuzz clean demo

all: build

build:
	luarocks --lua-version $(LUA_VERSION) make --tree=$(TREE) $(ROCKSPEC) CFLAGS="$(CFLAGS_ROCK)" >$(TREE).log 2>&1 \
	  || { cat $(TREE).log; exit 1; }

demo: build
	@$(LUA_ENV) lede parse examples/article.txt

# ---- tests -------------------------------------------------------------------

$(OUT):
	mkdir -p $(OUT)

# C tests of the Lua-free core (built with sanitizers: they are small)
# every C test includes tests/c/check.h (its CHECK and counters)
$(OUT)/test_core $(OUT)/test_numex $(OUT)/test_tagger $(OUT)/test_alloc $(OUT)/test_threads \
  $(OUT)/test_regressions: tests/c/check.h

$(OUT)/test_core: tests/c/test_core.c $(CORE_SRC) plugin/lede.h plugin/core/*.h | $(OUT)
	$(CC) -std=c99 -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined \
	  -fno-sanitize-recover=all -DPCRE2_CODE_UNIT_WIDTH=8 $(PCRE2_CFLAGS) \
	  -o $@ tests/c/test_core.c $(CORE_SRC) $(PCRE2_LIBS) -lm -lpthread

test-c: $(OUT)/test_core
	@$(OUT)/test_core >/dev/null

test-lua: build | $(OUT)
	@$(LUA_ENV) $(LUA) $(BUSTED) --lpath="$(CURDIR)/tests/?.lua" -o tests/summary.lua tests

# the C checks run inside the busted suite (tests/core_c_spec.lua), so the
# last line counts every test
test: $(OUT)/test_core test-lua

# The busted suite with the module built under ASan+UBSan; the stock
# interpreter gets the runtime by LD_PRELOAD. Children inherit it: system
# tools the specs run (date, sort, mktemp) leak at exit under it and print
# "Aborted"; that noise is theirs, the suite's own result is the last line. The C tests the suite runs are
# built first, without it (mk/*.mk add theirs to these prerequisites).
check-asan check-valgrind: $(OUT)/test_core

check-asan: | $(OUT)
	$(MAKE) build TREE=$(CURDIR)/.rocks-asan \
	  CFLAGS_ROCK="-O1 -g -fPIC -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -Wl,-z,nodelete"
	LEDE_SANITIZER=asan ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	LD_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)" \
	  $(MAKE) --no-print-directory test-lua-only TREE=$(CURDIR)/.rocks-asan

test-lua-only: | $(OUT)
	@$(LUA_ENV) $(LUA) $(BUSTED) --lpath="$(CURDIR)/tests/?.lua" -o tests/summary.lua tests

# PCRE2's JIT reads past subject ends with SIMD by design (Debian's PCRE2 is
# not built for valgrind): the suite runs with the interpreter here.
check-valgrind: build | $(OUT)
	$(LUA_ENV) LEDE_SANITIZER=valgrind LEDE_VALGRIND=1 LEDE_NO_JIT=1 valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
	  --error-exitcode=99 $(LUA) $(BUSTED) --lpath="$(CURDIR)/tests/?.lua" -o tests/summary.lua tests

# The suite's portable part under the other Lua flavours the binding supports.
# tests/portable.lua (the binding and the Lua modules, no busted) under each
# Lua: the rock built for 5.1, 5.2, 5.3 and 5.4, and for LuaJIT against its
# own headers.
PORTABLE_VERSIONS ?= 5.1 5.2 5.3 5.4
check-lua-versions:
	@for v in $(PORTABLE_VERSIONS); do \
	  t=$(CURDIR)/.rocks-$$v; \
	  luarocks --lua-version $$v make --tree=$$t $(ROCKSPEC) CFLAGS="$(CFLAGS_ROCK)" >$$t.log 2>&1 \
	    || { cat $$t.log; exit 1; }; \
	  env -u LUA_PATH_5_2 -u LUA_PATH_5_3 -u LUA_PATH_5_4 -u LUA_CPATH_5_2 -u LUA_CPATH_5_3 \
	    -u LUA_CPATH_5_4 -u LUA_INIT -u LUA_INIT_5_2 -u LUA_INIT_5_3 -u LUA_INIT_5_4 \
	    LUA_PATH="$$t/share/lua/$$v/?.lua;$$t/share/lua/$$v/?/init.lua;;" LUA_CPATH="$$t/lib/lua/$$v/?.so;;" \
	    lua$$v tests/portable.lua $(CURDIR) || exit 1; \
	done
	@t=$(CURDIR)/.rocks-luajit; \
	luarocks --lua-version 5.1 make --tree=$$t $(ROCKSPEC) LUA_INCDIR=/usr/include/luajit-2.1 \
	  CFLAGS="$(CFLAGS_ROCK)" >$$t.log 2>&1 || { cat $$t.log; exit 1; }; \
	LUA_PATH="$$t/share/lua/5.1/?.lua;$$t/share/lua/5.1/?/init.lua;;" LUA_CPATH="$$t/lib/lua/5.1/?.so;;" \
	  luajit tests/portable.lua $(CURDIR)

# The portable C paths (no SSE2, SSE4.1 or AVX2), which a build for a CPU
# other than x86 runs, give the same output as the SIMD paths this machine
# picks: the rock built with __SSE2__ undefined (every SIMD path in the core
# is behind it) parses the fixtures, the examples and the eval sets, byte for
# byte as the normal build does; so does the rock built with
# LX_CPU_BASELINE, which runs the SSE2 paths that x86 CPUs without AVX2 or
# SSE4.1 take (internal.h, lx_cpu_has).
NOSIMD_INPUT = examples tests/fixtures
check-nosimd: build | $(OUT)
	$(MAKE) --no-print-directory build TREE=$(CURDIR)/.rocks-nosimd CFLAGS_ROCK="$(CFLAGS_ROCK) -U__SSE2__"
	$(MAKE) --no-print-directory build TREE=$(CURDIR)/.rocks-baseline \
	  CFLAGS_ROCK="$(CFLAGS_ROCK) -DLX_CPU_BASELINE"
	@$(MAKE) --no-print-directory nosimd-dump DUMP=$(OUT)/simd.jsonl
	@$(MAKE) --no-print-directory nosimd-dump TREE=$(CURDIR)/.rocks-nosimd DUMP=$(OUT)/nosimd.jsonl
	@$(MAKE) --no-print-directory nosimd-dump TREE=$(CURDIR)/.rocks-baseline DUMP=$(OUT)/baseline.jsonl
	@cmp $(OUT)/simd.jsonl $(OUT)/nosimd.jsonl && cmp $(OUT)/simd.jsonl $(OUT)/baseline.jsonl \
	  && echo "check-nosimd: the portable and the SSE2 paths give the same output on $$(wc -l <$(OUT)/simd.jsonl) documents"

nosimd-dump:
	@$(LUA_ENV) lede parse -q -j 1 -f jsonl --include "*.txt" --include "*.jsonl" --include "*.html" \
	  -o $(DUMP) $(NOSIMD_INPUT)

# ---- measures ----------------------------------------------------------------

bench: build
	@test -n "$(CORPUS)" || { echo "usage: make bench CORPUS=path.jsonl [RUNS=7]"; exit 2; }
	$(LUA_ENV) $(LUA) tools/bench.lua $(CORPUS) $(RUNS)

eval: build
	@test -n "$(CORPUS)" || { echo "usage: make eval CORPUS=path.jsonl"; exit 2; }
	$(LUA_ENV) $(LUA) tools/eval.lua $(CORPUS) $(EVAL_ARGS)

# ---- data --------------------------------------------------------------------

data: plugin/core/gazetteer_data.c

plugin/core/gazetteer_data.c: data/gazetteer.tsv tools/embed_data.lua
	$(LUA) tools/embed_data.lua data/gazetteer.tsv lx_gazetteer_tsv $@

# Targets of parts of the project live beside it (mk/*.mk).
-include $(wildcard mk/*.mk)

clean:
	rm -rf $(OUT) build plugin/core/*.o plugin/lua/*.o lede/core.so .rocks .rocks-* .rocks*.log
