# Reliability: libFuzzer harnesses of the Lua-free core, the C reliability
# tests (failing allocator, threads, regressions) and their wiring into
# `make test`.
#
#   make fuzz-build                 the harnesses (clang-14, ASan+UBSan)
#   make fuzz FUZZ_SECONDS=N        each harness N seconds, one after another
#   make fuzz-ci                    a short run of each (CI): a fixed number of
#                                   executions from a fixed seed over the seeds
#                                   alone, so that it runs the same here and in CI
#   make fuzz-cov                   line coverage of the kept corpora (llvm-cov)
#   make fuzz-one H=parse FUZZ_SECONDS=N [FUZZ_ARGS=...]   one harness
#
# Corpora grow in fuzz/run/corpus/<harness> (not in git); the seeds are
# fuzz/seeds/<harness>, plus tests/fixtures (and the regressions in
# tests/fixtures/regress, replayed here under clang's sanitizers too) and
# examples for the text harnesses. A finding is written to fuzz/run/artifacts/ and stops the run;
# replay it with `fuzz/run/fuzz_<harness> <file>`.

FUZZ_CC ?= clang-14
FUZZ_SECONDS ?= 60
FUZZ_CI_RUNS ?= 20000
FUZZ_MAX_LEN ?= 4096
FUZZ_ARGS ?=
FUZZ_DIR := fuzz/run
FUZZ_CFLAGS := -std=c99 -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all -DPCRE2_CODE_UNIT_WIDTH=8 $(PCRE2_CFLAGS)
FUZZ_NAMES := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZ_BINS := $(FUZZ_NAMES:%=$(FUZZ_DIR)/fuzz_%)
FUZZ_OBJ := $(CORE_SRC:plugin/core/%.c=$(FUZZ_DIR)/obj/%.o)
LUA_CFLAGS := $(shell pkg-config --cflags lua$(LUA_VERSION) 2>/dev/null || echo -I/usr/include/lua$(LUA_VERSION))
LUA_LIBS := $(shell pkg-config --libs lua$(LUA_VERSION) 2>/dev/null || echo -llua$(LUA_VERSION))

.PHONY: fuzz fuzz-build fuzz-ci fuzz-one fuzz-cov
.SECONDARY: $(FUZZ_OBJ)

$(FUZZ_DIR)/obj/%.o: plugin/core/%.c plugin/lede.h $(wildcard plugin/core/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

# the JSON decoder of the binding needs Lua: that harness links liblua
$(FUZZ_DIR)/fuzz_lua_json: FUZZ_EXTRA = plugin/lua/lua_json.c $(LUA_CFLAGS) $(LUA_LIBS)
$(FUZZ_DIR)/fuzz_lua_json: plugin/lua/lua_json.c plugin/lua/binding.h plugin/lua/compat.h

$(FUZZ_DIR)/fuzz_%: fuzz/fuzz_%.c fuzz/common.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(FUZZ_EXTRA) $(PCRE2_LIBS) -lm

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	@for h in $(FUZZ_NAMES); do fuzz/run.sh $$h $(FUZZ_SECONDS) $(FUZZ_ARGS) || exit 1; done

fuzz-one: $(FUZZ_DIR)/fuzz_$(H)
	@fuzz/run.sh $(H) $(FUZZ_SECONDS) $(FUZZ_ARGS)

fuzz-ci:
	@rm -rf $(FUZZ_DIR)/ci
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=900 FUZZ_CORPUS=$(CURDIR)/$(FUZZ_DIR)/ci/corpus \
	  FUZZ_LOGS=$(CURDIR)/$(FUZZ_DIR)/ci/logs \
	  FUZZ_ARGS="-seed=1 -runs=$(FUZZ_CI_RUNS) $(FUZZ_ARGS)"

# Line coverage of the core by the corpora: the harnesses built with
# clang's source-based coverage, run once over each corpus.
FUZZ_COV_DIR := $(FUZZ_DIR)/cov
fuzz-cov:
	@mkdir -p $(FUZZ_COV_DIR)
	@set -e; for h in $(FUZZ_NAMES); do \
	  extra=""; [ $$h = lua_json ] && extra="plugin/lua/lua_json.c $(LUA_CFLAGS) $(LUA_LIBS)"; \
	  $(FUZZ_CC) -std=c99 -O1 -g -fsanitize=fuzzer -fprofile-instr-generate -fcoverage-mapping \
	    -DPCRE2_CODE_UNIT_WIDTH=8 -o $(FUZZ_COV_DIR)/cov_$$h fuzz/fuzz_$$h.c $(CORE_SRC) $$extra $(PCRE2_LIBS) -lm; \
	  seeds="fuzz/seeds/$$h"; case $$h in parse|pipeline) seeds="$$seeds tests/fixtures tests/fixtures/regress examples";; esac; \
	  mkdir -p $(FUZZ_DIR)/corpus/$$h; \
	  LLVM_PROFILE_FILE=$(FUZZ_COV_DIR)/$$h.profraw $(FUZZ_COV_DIR)/cov_$$h -runs=0 \
	    $(FUZZ_DIR)/corpus/$$h $$seeds >/dev/null 2>&1; \
	  llvm-profdata-14 merge -sparse -o $(FUZZ_COV_DIR)/$$h.profdata $(FUZZ_COV_DIR)/$$h.profraw; \
	  echo "== fuzz_$$h: $$(ls $(FUZZ_DIR)/corpus/$$h | wc -l) inputs in the corpus"; \
	  llvm-cov-14 report $(FUZZ_COV_DIR)/cov_$$h -instr-profile=$(FUZZ_COV_DIR)/$$h.profdata \
	    $(CORE_SRC) $$( [ $$h = lua_json ] && echo plugin/lua/lua_json.c ) | grep -v '^-' | \
	    awk '$$1 == "Filename" || $$1 == "TOTAL" || ($$10 != "-" && $$10 != "0.00%")' | \
	    awk '{ printf "  %-32s lines %6s  branches %6s\n", $$1, $$10, $$13 }'; \
	done

# ---- the C reliability tests (run by tests/reliability_c_spec.lua) -----------
#
#   tests/out/test_regressions   what the fuzzers found, fixed
#   tests/out/test_alloc         the n-th allocation fails, for every n
#   tests/out/test_threads       two Lua states in two threads, one engine
#                                shared by threads (ThreadSanitizer)
# The others are built with ASan+UBSan over one archive of the core. The Lua
# tests link liblua (a test binary may; the module never does).

REL_CFLAGS := -std=c99 -g -O1 -Wall -Wextra -Werror -fno-omit-frame-pointer \
	-fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -DPCRE2_CODE_UNIT_WIDTH=8 \
	$(PCRE2_CFLAGS)
REL_OBJ := $(CORE_SRC:plugin/core/%.c=$(OUT)/asan/%.o)
REL_LIB := $(OUT)/asan/libledecore.a
REL_TESTS := $(OUT)/test_regressions $(OUT)/test_alloc $(OUT)/test_threads

$(OUT)/asan/%.o: plugin/core/%.c plugin/lede.h $(wildcard plugin/core/*.h)
	@mkdir -p $(@D)
	$(CC) $(REL_CFLAGS) -c -o $@ $<

$(REL_LIB): $(REL_OBJ)
	rm -f $@ && ar rcs $@ $(REL_OBJ)

$(OUT)/test_regressions: tests/c/test_regressions.c fuzz/common.h $(REL_LIB)
	$(CC) $(REL_CFLAGS) -o $@ $< $(REL_LIB) $(PCRE2_LIBS) -lm

BINDING_SRC := $(wildcard plugin/lua/*.c)

$(OUT)/test_alloc: tests/c/test_alloc.c fuzz/common.h $(REL_LIB) $(BINDING_SRC) $(wildcard plugin/lua/*.h)
	$(CC) $(REL_CFLAGS) $(LUA_CFLAGS) -o $@ $< $(BINDING_SRC) $(REL_LIB) $(PCRE2_LIBS) $(LUA_LIBS) -lm

# threads: ThreadSanitizer rather than ASan (it reports any data race)
$(OUT)/test_threads: tests/c/test_threads.c fuzz/common.h $(CORE_SRC) plugin/lede.h $(wildcard plugin/core/*.h) \
	  $(BINDING_SRC) $(wildcard plugin/lua/*.h) | $(OUT)
	$(CC) -std=c99 -g -O1 -Wall -Wextra -Werror -fsanitize=thread -DPCRE2_CODE_UNIT_WIDTH=8 \
	  $(PCRE2_CFLAGS) $(LUA_CFLAGS) -pthread -o $@ $< $(BINDING_SRC) $(CORE_SRC) $(PCRE2_LIBS) $(LUA_LIBS) -lm

# the module's objects as the rock builds them (-fPIC), for the check that
# no writable global exists (tests/reliability_c_spec.lua reads their symbols)
REL_PIC_OBJ := $(CORE_SRC:plugin/core/%.c=$(OUT)/pic/%.o) $(BINDING_SRC:plugin/lua/%.c=$(OUT)/pic/%.o)
REL_TESTS += $(REL_PIC_OBJ)

$(OUT)/pic/%.o: plugin/core/%.c plugin/lede.h $(wildcard plugin/core/*.h)
	@mkdir -p $(@D)
	$(CC) -std=c99 -O1 -fPIC -DPCRE2_CODE_UNIT_WIDTH=8 $(PCRE2_CFLAGS) -c -o $@ $<

$(OUT)/pic/%.o: plugin/lua/%.c plugin/lede.h $(wildcard plugin/lua/*.h)
	@mkdir -p $(@D)
	$(CC) -std=c99 -O1 -fPIC -DPCRE2_CODE_UNIT_WIDTH=8 $(PCRE2_CFLAGS) $(LUA_CFLAGS) -c -o $@ $<

.SECONDARY: $(REL_OBJ) $(REL_PIC_OBJ)

# built before the busted suite runs them (test, check-asan, check-valgrind)
test-lua test-lua-only check-asan check-valgrind: $(REL_TESTS)
