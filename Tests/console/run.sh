#!/usr/bin/env bash
# Browser tests of the web console: starts `stepwise serve --workflows workflows` on a free port with a fresh
# database and data directory, then runs console_test.py (headless Chromium driven by Selenium), which seeds
# real executions of the seed workflows through the APIs and checks what the pages show. Stops the server
# with SIGTERM at the end.
# Usage: Tests/console/run.sh [path/to/stepwise] [--screenshot PATH]   (default .build/debug/stepwise)
# Needs: chromium, chromedriver (Debian: chromium chromium-driver) and Python's selenium.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BINARY="${1:-$ROOT/.build/debug/stepwise}"
shift || true
WORK="$(mktemp -d)"
PID=""
trap '[[ -n "$PID" ]] && kill -TERM "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

"$BINARY" serve --port 0 --db "$WORK/stepwise.db" --workflows "$ROOT/workflows" --data-dir "$WORK/data" 2>"$WORK/serve.log" &
PID=$!
for _ in $(seq 200); do
    PORT=$(sed -n 's|^stepwise: listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$WORK/serve.log")
    [[ -n "$PORT" ]] && break
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
    sleep 0.1
done
[[ -n "${PORT:-}" ]] || { echo "stepwise serve did not report its port" >&2; cat "$WORK/serve.log" >&2; exit 1; }

STATUS=0
export PYTHONDONTWRITEBYTECODE=1
python3 "$HERE/console_test.py" "http://127.0.0.1:$PORT" "$ROOT" "$@" || STATUS=$?
kill -TERM "$PID"
wait "$PID" || { echo "stepwise serve exited $? after SIGTERM" >&2; cat "$WORK/serve.log" >&2; exit 1; }
PID=""
exit "$STATUS"
