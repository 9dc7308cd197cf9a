# The lede command (issue 5): throughput of the streaming filter.
#
#   make cli-bench [CLI_BENCH_MB=50]   lede parse --jsonl with -j 1 and -j 2
#                                      over JSON lines of an invented article

CLI_BENCH_MB ?= 50

.PHONY: cli-bench

cli-bench: build | $(OUT)
	@$(LUA_ENV) $(LUA) tests/cli_bench.lua $(CLI_BENCH_MB) $(OUT)/cli-bench.jsonl
