# The tagger of names (plugin/core/tagger*.c): its training program and model.
#
#   make train        retrain data/tagger.model on CoNLL-2003 train (dev is only
#                     scored, never learned from) and regenerate tagger_model.c
#   make tagger-eval  the embedded model alone on dev, every line a block
#   make tagger-bench MB/s of lx_tagger_tag alone over CORPUS (default dev)

TRAIN_CORPUS ?= ../shared/corpus/conll2003/train.jsonl
DEV_CORPUS ?= ../shared/corpus/conll2003/dev.jsonl
TRAIN_ARGS ?=
TRAIN_BIN := $(OUT)/train_tagger

.PHONY: train tagger-eval tagger-bench

$(TRAIN_BIN): tools/train/train.c tools/train/jsonl.c tools/train/jsonl.h $(CORE_SRC) \
  plugin/lede.h plugin/core/*.h | $(OUT)
	$(CC) -std=c99 -O2 -g -Wall -Wextra -Werror -DPCRE2_CODE_UNIT_WIDTH=8 $(PCRE2_CFLAGS) \
	  -o $@ tools/train/train.c tools/train/jsonl.c $(CORE_SRC) $(PCRE2_LIBS) -lm -lpthread

train: $(TRAIN_BIN)
	nice -n 10 $(TRAIN_BIN) $(TRAIN_CORPUS) -o data/tagger.model --dev $(DEV_CORPUS) $(TRAIN_ARGS)
	$(LUA) tools/embed_data.lua data/tagger.model lx_tagger_model plugin/core/tagger_model.c

tagger-eval: $(TRAIN_BIN)
	$(TRAIN_BIN) eval data/tagger.model $(DEV_CORPUS)

tagger-bench: $(TRAIN_BIN)
	$(TRAIN_BIN) bench data/tagger.model $(or $(CORPUS),$(DEV_CORPUS)) $(RUNS)

# C checks of the tagger (ASan+UBSan), run inside the busted suite by
# tests/tagger_c_spec.lua; `make test` builds them first.
$(OUT)/test_tagger: tests/c/test_tagger.c $(CORE_SRC) plugin/lede.h plugin/core/*.h | $(OUT)
	$(CC) -std=c99 -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined \
	  -fno-sanitize-recover=all -DPCRE2_CODE_UNIT_WIDTH=8 $(PCRE2_CFLAGS) \
	  -o $@ tests/c/test_tagger.c $(CORE_SRC) $(PCRE2_LIBS) -lm -lpthread

test-lua test-lua-only check-asan check-valgrind: $(OUT)/test_tagger
