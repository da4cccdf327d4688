#!/usr/bin/env bash
# Starts `stepwise serve` on a free port with a fresh database, runs the boto3 and AWS CLI client tests
# against it, then stops it with SIGTERM and checks that it exits 0.
# Usage: Tests/client/run.sh [path/to/stepwise]   (default .build/debug/stepwise; build it first)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
BINARY="${1:-.build/debug/stepwise}"
WORK="$(mktemp -d)"
trap 'kill -TERM "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

STEPWISE_ACTIVITY_POLL_SECONDS=1 STEPWISE_ROUTING_SEED=42 "$BINARY" serve --port 0 --db "$WORK/stepwise.db" 2>"$WORK/serve.log" &
PID=$!
for _ in $(seq 100); do
    PORT=$(sed -n 's|^stepwise: listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$WORK/serve.log")
    [[ -n "$PORT" ]] && break
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
    sleep 0.1
done
[[ -n "${PORT:-}" ]] || { echo "stepwise serve did not report its port" >&2; cat "$WORK/serve.log" >&2; exit 1; }
ENDPOINT="http://127.0.0.1:$PORT"

python3 "$HERE/boto3_client_test.py" "$ENDPOINT"
python3 "$HERE/boto3_versions_test.py" "$ENDPOINT" 42  # the first to start through an alias: it knows the seed's draws
python3 "$HERE/boto3_teststate_test.py" "$ENDPOINT"
"$HERE/awscli_client_test.sh" "$ENDPOINT"
"$HERE/awscli_versions_test.sh" "$ENDPOINT"
python3 "$HERE/boto3_callbacks_test.py" "$ENDPOINT"
python3 "$HERE/activity_worker_test.py" "$ENDPOINT"

kill -TERM "$PID"
STATUS=0
wait "$PID" || STATUS=$?
[[ "$STATUS" == 0 ]] || { echo "stepwise serve exited $STATUS after SIGTERM" >&2; cat "$WORK/serve.log" >&2; exit 1; }
echo "client tests passed; stepwise serve exited 0 after SIGTERM"
