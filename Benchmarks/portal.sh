#!/usr/bin/env bash
# Records per second of workflows/migration.asl.json over a generated CSV (default 100,000 rows), one run per
# mode (CLOUD, LEGACY, DUAL_PROV), each on a fresh data directory, with the release build; then the audit and a
# MERGED CSV export of the stores the DUAL_PROV run left (one run each).
# Usage: Benchmarks/portal.sh [ROWS] [path/to/stepwise]
#        (build first: swift build -c release --product stepwise)
# Environment: MODES="CLOUD LEGACY DUAL_PROV" (the modes to run; the audit and export need DUAL_PROV);
#              DURABLE=1 records each run in a SQLite database in its data directory (`stepwise run --db`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROWS="${1:-100000}"
BINARY="${2:-$ROOT/.build/release/stepwise}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$ROOT/Fixtures/portal/generate-subscribers.sh" "$ROWS" b > "$WORK/subscribers.csv"
echo "migration of $ROWS rows ($(wc -c < "$WORK/subscribers.csv") bytes), $BINARY$([ "${DURABLE:-0}" = 1 ] && echo ', durable (--db)')"

# run NAME WORKFLOW DATA INPUT: runs a workflow, prints "seconds maxRSS-MB", keeps its output in $WORK/out-NAME.json.
run() {
    local start end
    start=$(date +%s.%N)
    local db=()
    [ "${DURABLE:-0}" = 1 ] && db=(--db "$3/stepwise.db")
    /usr/bin/time -f "%M" -o "$WORK/rss" "$BINARY" run "$ROOT/workflows/$2.asl.json" --data-dir "$3" --input "$4" "${db[@]}" > "$WORK/out-$1.json"
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" -v r="$(cat "$WORK/rss")" 'BEGIN { printf "%.1f %.0f\n", b - a, r / 1024 }'
}

printf '%-10s %10s %10s %10s %10s %12s %10s\n' mode processed succeeded failed seconds records/s maxRSS-MB
for MODE in ${MODES:-CLOUD LEGACY DUAL_PROV}; do
    DATA="$WORK/data-$MODE"
    mkdir -p "$DATA/s3/portal-bench/imports"
    cp "$WORK/subscribers.csv" "$DATA/s3/portal-bench/imports/subscribers.csv"
    read -r SECONDS_TAKEN RSS < <(run "$MODE" migration "$DATA" \
        "{\"jobId\": \"bench-$MODE\", \"mode\": \"$MODE\", \"bucket\": \"portal-bench\", \"key\": \"imports/subscribers.csv\"}")
    read -r PROCESSED SUCCEEDED FAILED < <(python3 -c "import json,sys; o=json.load(open(sys.argv[1])); print(o['processed'], o['succeeded'], o['failed'])" "$WORK/out-$MODE.json")
    awk -v m="$MODE" -v p="$PROCESSED" -v s="$SUCCEEDED" -v f="$FAILED" -v t="$SECONDS_TAKEN" -v r="$RSS" \
        'BEGIN { printf "%-10s %10d %10d %10d %10.1f %12.0f %10.0f\n", m, p, s, f, t, p / t, r }'
    [ "$MODE" = DUAL_PROV ] || rm -rf "$DATA"
done

DATA="$WORK/data-DUAL_PROV"
[ -d "$DATA" ] || exit 0
echo
echo "audit and export of the stores the DUAL_PROV run left"
printf '%-10s %-50s %10s %12s %10s\n' job result seconds subscribers/s maxRSS-MB
read -r SECONDS_TAKEN RSS < <(run audit audit "$DATA" '{"jobId": "bench-audit", "bucket": "portal-bench"}')
read -r COUNT RESULT < <(python3 -c "import json,sys; o=json.load(open(sys.argv[1])); print(o['cloudCount'] + o['legacyCount'], 'cloud %d legacy %d, %d/%d/%d out of step' % (o['cloudCount'], o['legacyCount'], o['missingInCloud'], o['missingInLegacy'], o['mismatched']))" "$WORK/out-audit.json")
awk -v r="$RESULT" -v c="$COUNT" -v t="$SECONDS_TAKEN" -v m="$RSS" 'BEGIN { printf "%-10s %-50s %10.1f %12.0f %10.0f\n", "audit", r, t, c / t, m }'
read -r SECONDS_TAKEN RSS < <(run export export "$DATA" \
    '{"jobId": "bench-export", "bucket": "portal-bench", "source": "MERGED", "format": "CSV", "filters": {}, "maskPII": true}')
read -r COUNT RESULT < <(python3 -c "import json,sys; o=json.load(open(sys.argv[1])); print(o['records'], '%d records in %d parts' % (o['records'], o['parts']))" "$WORK/out-export.json")
awk -v r="$RESULT" -v c="$COUNT" -v t="$SECONDS_TAKEN" -v m="$RSS" 'BEGIN { printf "%-10s %-50s %10.1f %12.0f %10.0f\n", "export", r, t, c / t, m }'
