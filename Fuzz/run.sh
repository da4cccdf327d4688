#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (default 20) from seeds out of workflows/, the tests and
# ../shared/conformance. Exits 1 on any crash, hang, leak or sanitizer report; the input is kept under
# .build-fuzz/findings/TARGET/ (docs/fuzzing.md). Usage: Fuzz/run.sh [SECONDS] [TARGET…]
# FUZZ_RUNS=N makes a run reproducible: N inputs per target from a fixed seed (FUZZ_SEED, default 1), SECONDS
# then only a cap. CI uses it, so its verdict does not depend on the machine's speed or luck; exploring is
# done with longer timed runs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json jsonata jsonpath definition http)
scratch=.build-fuzz
for target in "${targets[@]}"; do
    swift build -c release --scratch-path "$scratch" --product "fuzz-$target" \
        -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld 2>&1 | grep -E "error|warning: |Compiling|Build" | tail -3
done
python3 Fuzz/seeds.py "$scratch/seeds"
status=0
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0"
for target in "${targets[@]}"; do
    corpus="$scratch/corpus/$target"
    findings="$scratch/findings/$target"
    mkdir -p "$corpus" "$findings"
    log="$scratch/fuzz-$target.log"
    reproducible=()
    [ -z "${FUZZ_RUNS:-}" ] || reproducible=(-runs="$FUZZ_RUNS" -seed="${FUZZ_SEED:-1}")
    if "$scratch/release/fuzz-$target" "$corpus" "$scratch/seeds/$target" -max_total_time="$seconds" -timeout=10 "${reproducible[@]}" \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
        echo "fuzz-$target: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') executions (at most ${seconds}s), no finding"
    else
        status=1
        echo "fuzz-$target: FINDING (log $log, input in $findings)"
        grep -E "ERROR|==[0-9]+==|Fatal error|SUMMARY|Test unit written" "$log" | head -20
    fi
done
exit $status
