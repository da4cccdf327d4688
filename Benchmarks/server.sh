#!/usr/bin/env bash
# StartExecution requests per second and p50/p99 latency against `stepwise serve` on loopback, with 100
# concurrent keep-alive connections (wrk, from Debian's packages: apt-get install wrk).
# Usage: Benchmarks/server.sh [path/to/stepwise] [seconds]   (build first: swift build -c release --product stepwise)
set -euo pipefail
BINARY="${1:-.build/release/stepwise}"
SECONDS_TO_RUN="${2:-10}"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
PID=""
trap '[[ -n "$PID" ]] && { kill -TERM "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; }; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/workflows"
echo '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": "ok", "End": true}}}' > "$WORK/workflows/bench.asl.json"
"$BINARY" serve --port 0 --db "$WORK/bench.db" --workflows "$WORK/workflows" 2>"$WORK/serve.log" &
PID=$!
for _ in $(seq 100); do
    PORT=$(sed -n 's|^stepwise: listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$WORK/serve.log")
    [[ -n "$PORT" ]] && break
    sleep 0.1
done
echo "stepwise serve on port $PORT; wrk -t2 -c100 -d${SECONDS_TO_RUN}s"
wrk -t2 -c100 -d"${SECONDS_TO_RUN}s" --latency -s "$HERE/peers/start_execution.lua" "http://127.0.0.1:$PORT/" | tail -2
