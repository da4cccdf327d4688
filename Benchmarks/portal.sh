#!/usr/bin/env bash
# Records per second of workflows/migration.asl.json over a generated CSV (default 100,000 rows), one run per
# mode (CLOUD, LEGACY, DUAL_PROV), each on a fresh data directory, with the release build.
# Usage: Benchmarks/portal.sh [ROWS] [path/to/stepwise]
#        (build first: swift build -c release --product stepwise)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROWS="${1:-100000}"
BINARY="${2:-$ROOT/.build/release/stepwise}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$ROOT/Fixtures/portal/generate-subscribers.sh" "$ROWS" b > "$WORK/subscribers.csv"
echo "migration of $ROWS rows ($(wc -c < "$WORK/subscribers.csv") bytes), $BINARY"
printf '%-10s %10s %10s %10s %10s %12s %10s\n' mode processed succeeded failed seconds records/s maxRSS-MB
for MODE in CLOUD LEGACY DUAL_PROV; do
    DATA="$WORK/data-$MODE"
    mkdir -p "$DATA/s3/portal-bench/imports"
    cp "$WORK/subscribers.csv" "$DATA/s3/portal-bench/imports/subscribers.csv"
    INPUT="{\"jobId\": \"bench-$MODE\", \"mode\": \"$MODE\", \"bucket\": \"portal-bench\", \"key\": \"imports/subscribers.csv\"}"
    START=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$WORK/rss" "$BINARY" run "$ROOT/workflows/migration.asl.json" --data-dir "$DATA" --input "$INPUT" > "$WORK/out-$MODE.json"
    END=$(date +%s.%N)
    read -r PROCESSED SUCCEEDED FAILED < <(python3 -c "import json,sys; o=json.load(open(sys.argv[1])); print(o['processed'], o['succeeded'], o['failed'])" "$WORK/out-$MODE.json")
    awk -v m="$MODE" -v p="$PROCESSED" -v s="$SUCCEEDED" -v f="$FAILED" -v a="$START" -v b="$END" -v r="$(cat "$WORK/rss")" \
        'BEGIN { t = b - a; printf "%-10s %10d %10d %10d %10.1f %12.0f %10.0f\n", m, p, s, f, t, p / t, r / 1024 }'
    rm -rf "$DATA"
done
