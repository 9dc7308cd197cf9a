# The rock's C modules (lede-dev-1.rockspec, build type "make": LuaRocks runs
# `make rock` with its own CC, CFLAGS, LIBFLAG, LUA, LUA_INCDIR and the PCRE2
# paths, then installs what lands in build/rock/ by the rockspec's install
# table).
#
# With GCC, lede.core is built twice, profile-guided: once instrumented
# (-fprofile-generate), which parses the invented articles of examples/ and
# tests/fixtures/ under the interpreter LuaRocks builds for
# (tools/profile_train.lua), then again with what that run counted
# (-fprofile-use): GCC then lays out and inlines the hot paths by their real
# use. The output of the library is the same; only its speed changes. Any
# other compiler, a sanitizer build, LEDE_PGO=0 (also in the environment of
# `luarocks make`), or a training run that fails (an interpreter that cannot
# load the module, a cross build) gives the plain one-pass build, with a
# line that says so.

ROCK_DIR := build/rock
LEDE_PGO ?= 1
ROCK_JOBS ?= $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
LIBFLAG ?= -shared
LUA_INCDIR ?= /usr/include/lua$(LUA_VERSION)
ROCK_CORE_SRC := plugin/lua/lede_lua.c plugin/lua/lua_json.c plugin/lua/rules_lua.c \
  plugin/lua/keeper.c $(CORE_SRC)
ROCK_OBJ := $(patsubst %.c,$(ROCK_DIR)/obj/%.o,$(notdir $(ROCK_CORE_SRC)))
ROCK_CFLAGS = $(CFLAGS) -DPCRE2_CODE_UNIT_WIDTH=8 -I$(LUA_INCDIR) \
  $(if $(PCRE2_INCDIR),-I$(PCRE2_INCDIR))
ROCK_LIBS = $(if $(PCRE2_LIBDIR),-L$(PCRE2_LIBDIR)) -lpcre2-8 -lm
# sources generated from data/ by targets of their own (make data, make
# train, make numex-lex): the rock compiles them as shipped, whatever their
# files' times
ROCK_GENERATED := $(addprefix -o ,plugin/core/gazetteer_data.c plugin/core/tagger_model.c \
  plugin/core/numex_lex.h)
# the articles the instrumented build parses: ours, written for the tests
ROCK_TRAIN = $(wildcard examples/*.txt tests/fixtures/*.txt tests/fixtures/eval/*.jsonl)

# -fprofile-partial-training (GCC 10) keeps the code the training run never
# reached optimized for speed as in the plain build, not for size.
ROCK_PROFILE_USE = -fprofile-use -fprofile-partial-training -Wno-missing-profile

# GCC 10 or later, no sanitizer, not turned off
ROCK_CAN_PGO = [ "$(LEDE_PGO)" = 1 ] && ! echo "$(CFLAGS)" | grep -q -e -fsanitize \
  && $(CC) -dM -E -x c /dev/null 2>/dev/null | grep -q __GNUC__ \
  && ! $(CC) -dM -E -x c /dev/null 2>/dev/null | grep -q __clang__ \
  && echo 'int x;' | $(CC) $(ROCK_PROFILE_USE) -Werror -x c -c -o /dev/null - 2>/dev/null
ROCK_CORE = $(MAKE) --no-print-directory -j$(ROCK_JOBS) $(ROCK_GENERATED) rock-core

.PHONY: rock rock-core

rock:
	@rm -rf $(ROCK_DIR) && mkdir -p $(ROCK_DIR)/obj $(ROCK_DIR)/lede
	$(CC) $(ROCK_CFLAGS) $(LIBFLAG) -o $(ROCK_DIR)/lede/proc.so plugin/lua/proc.c
	@flags=; \
	if $(ROCK_CAN_PGO); then \
	  echo "lede.core: profile-guided: an instrumented build, a training run, the final build"; \
	  $(ROCK_CORE) ROCK_PASS_FLAGS=-fprofile-generate || exit 1; \
	  if $(LUA) tools/profile_train.lua $(ROCK_DIR) $(ROCK_TRAIN); then \
	    flags="$(ROCK_PROFILE_USE)"; \
	  else \
	    echo "lede.core: the training run failed: a build without a profile"; \
	    rm -f $(ROCK_DIR)/obj/*.gcda; \
	  fi; \
	  rm -f $(ROCK_OBJ) $(ROCK_DIR)/lede/core.so; \
	else \
	  echo "lede.core: a plain build (not GCC 10 or later, a sanitizer, or LEDE_PGO=0)"; \
	fi; \
	$(ROCK_CORE) ROCK_PASS_FLAGS="$$flags"

rock-core: $(ROCK_DIR)/lede/core.so

$(ROCK_DIR)/lede/core.so: $(ROCK_OBJ)
	$(CC) $(LIBFLAG) $(ROCK_PASS_FLAGS) -o $@ $(ROCK_OBJ) $(ROCK_LIBS)

$(ROCK_DIR)/obj/%.o: plugin/core/%.c
	$(CC) $(ROCK_CFLAGS) $(ROCK_PASS_FLAGS) -c -o $@ $<

$(ROCK_DIR)/obj/%.o: plugin/lua/%.c
	$(CC) $(ROCK_CFLAGS) $(ROCK_PASS_FLAGS) -c -o $@ $<
