#!/bin/bash
# Runs one libFuzzer harness: fuzz/run.sh HARNESS SECONDS [libFuzzer flags...]
# (make fuzz calls it for each harness). The corpus grows in
# $FUZZ_CORPUS/HARNESS (default fuzz/run/corpus), the log is
# $FUZZ_LOGS/HARNESS.log (default fuzz/run/logs); a finding is written to
# fuzz/run/artifacts/ and makes the exit code 1.
set -u
h=$1
secs=$2
shift 2
dir=fuzz/run
corpus=${FUZZ_CORPUS:-$dir/corpus}/$h
logs=${FUZZ_LOGS:-$dir/logs}
mkdir -p "$corpus" "$dir/artifacts" "$logs"
seeds="fuzz/seeds/$h"
# the text harnesses also start from the articles the tests use
case $h in parse | pipeline) seeds="$seeds tests/fixtures tests/fixtures/regress examples" ;; esac
log=$logs/$h.log
echo "== fuzz_$h: ${secs} s, inputs up to ${FUZZ_MAX_LEN:-4096} bytes (log: $log)"
# -reload=0: one process per corpus, so re-reading the corpus directory (a
# stat per file, 14% of the time with 50,000 files) finds nothing new
# shellcheck disable=SC2086
"$dir/fuzz_$h" -max_total_time="$secs" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout=10 -reload=0 \
  -dict=fuzz/lede.dict -print_final_stats=1 -artifact_prefix="$dir/artifacts/$h-" \
  "$@" "$corpus" $seeds >"$log" 2>&1
rc=$?
grep -E '^#[0-9]+ +(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$log" |
  sed 's/^/  /'
echo "  corpus: $(find "$corpus" -type f | wc -l) inputs"
if [ $rc -ne 0 ]; then
  echo "fuzz_$h: FINDING (exit $rc)"
  grep -E -A30 'ERROR|check failed|runtime error|deadly signal|Test unit written' "$log" | head -60
  exit 1
fi
