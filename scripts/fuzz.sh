#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang-14, ASan and UBSan in
# $BUILD_DIR and runs each for $FUZZ_SECONDS. Prints per target the
# executions, exec/s, coverage and the outcome; exits non-zero when any
# target crashed, leaked, timed out or failed a property, with the path of
# the reproducer. See docs/fuzzing.md.
#
#   scripts/fuzz.sh                    every target, 60 s each
#   FUZZ_SECONDS=300 scripts/fuzz.sh   longer
#   FUZZ_TARGETS="order_json list_query" scripts/fuzz.sh
#   FUZZ_JOBS=2 scripts/fuzz.sh        two targets at a time
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build-fuzz}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
JOBS=${JOBS:-$(nproc)}
ALL_TARGETS="order_json command_json order_xml command_xml query_string list_query http_request token_request signature_auth"
FUZZ_TARGETS=${FUZZ_TARGETS:-$ALL_TARGETS}

# The dictionary of each target's input format.
dictionary() {
  case "$1" in
    order_json | command_json) echo fuzz/dict/json.dict ;;
    order_xml | command_xml) echo fuzz/dict/xml.dict ;;
    query_string | list_query) echo fuzz/dict/query.dict ;;
    http_request | token_request | signature_auth) echo fuzz/dict/http.dict ;;
  esac
}

./scripts/install-deps.sh --fuzz

launcher=()
if command -v ccache > /dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# Debug keeps the assertions; -O1 keeps the targets fast enough.
CC=clang-14 CXX=clang++-14 cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g" -DMPORDERS_FUZZ=ON -DMPORDERS_BUILD_TESTS=OFF \
  -DMPORDERS_BUILD_BENCH=OFF -DMPORDERS_WERROR=ON "${launcher[@]}" > /dev/null
cmake --build "$BUILD_DIR" --target fuzz_targets -j "$JOBS"

# A smaller quarantine, no fill of new blocks and shorter allocation stacks
# make the allocation-heavy decoders 2-3 times faster under ASan; leaks,
# overflows and most use-after-free are still caught.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=16:max_malloc_fill_size=0:malloc_context_size=8}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
if command -v llvm-symbolizer-14 > /dev/null; then
  export ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer-14)
fi

# Runs one target for FUZZ_SECONDS; its output goes to $BUILD_DIR/logs/.
run_target() {
  local name=$1
  local work="$BUILD_DIR/corpus/$name" artifacts="$BUILD_DIR/artifacts/$name"
  local log="$BUILD_DIR/logs/$name.log"
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  rm -f "$log.status"
  local args=(-max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -timeout=10
              -print_final_stats=1 -artifact_prefix="$artifacts/")
  local dict
  dict=$(dictionary "$name")
  if [ -n "$dict" ]; then args+=(-dict="$dict"); fi
  # New inputs go to the work corpus (first directory); the checked-in seeds
  # and reproducers are only read.
  local seeds=("fuzz/corpus/$name")
  if [ -d "fuzz/regressions/$name" ]; then seeds+=("fuzz/regressions/$name"); fi
  local status=0
  "$BUILD_DIR/fuzz/${name}_fuzzer" "${args[@]}" "$work" "${seeds[@]}" > "$log" 2>&1 || status=$?
  echo "$status" > "$log.status"
}

# FUZZ_JOBS targets at a time (default 1: the machine stays usable).
FUZZ_JOBS=${FUZZ_JOBS:-1}
echo "fuzz: ${FUZZ_SECONDS}s per target, $FUZZ_JOBS at a time: $FUZZ_TARGETS"
running=0
for name in $FUZZ_TARGETS; do
  run_target "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$FUZZ_JOBS" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true

summary="$BUILD_DIR/fuzz-summary.md"
{
  echo "| target | seconds | executions | exec/s | cov | ft | corpus | result |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
} > "$summary"
failed=0
total=0
for name in $FUZZ_TARGETS; do
  log="$BUILD_DIR/logs/$name.log"
  status=$(cat "$log.status" 2> /dev/null || echo 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<< "$last")
  if [ "$status" -eq 0 ]; then
    result="ok"
  else
    failed=1
    reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    kind=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [a-zA-Z-]+( [a-zA-Z-]+)?|runtime error: .*|fuzz property failed in .*|Assertion .* failed' "$log" || echo "exit $status")
    result="FAILED ($kind) reproducer: ${reproducer:-see $log}"
  fi
  total=$((total + ${execs:-0}))
  printf '%-14s executions %s, %s exec/s, cov %s, ft %s, corpus %s: %s\n' "$name" \
    "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
  echo "| $name | $FUZZ_SECONDS | ${execs:-?} | ${rate:-?} | ${cov:-?} | ${ft:-?} | ${corp:-?} | $result |" >> "$summary"
done
echo "| total | | $total | | | | | |" >> "$summary"
echo "total executions: $total (summary: $summary, logs: $BUILD_DIR/logs/)"
if [ "$failed" -ne 0 ]; then
  echo "fuzz: at least one target failed; reproduce with $BUILD_DIR/fuzz/<target>_fuzzer <reproducer>" >&2
  exit 1
fi
