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
trap '[[ -n "${SERVE_PID:-}" ]] && kill -TERM "$SERVE_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

source "$HERE/../lib/serve.sh"
start_serve "$BINARY" "$WORK/serve.log" --db "$WORK/stepwise.db" --workflows "$ROOT/workflows" --data-dir "$WORK/data"

STATUS=0
export PYTHONDONTWRITEBYTECODE=1
python3 "$HERE/console_test.py" "http://127.0.0.1:$SERVE_PORT" "$ROOT" "$@" || STATUS=$?
kill -TERM "$SERVE_PID"
wait "$SERVE_PID" || { echo "stepwise serve exited $? after SIGTERM" >&2; cat "$WORK/serve.log" >&2; exit 1; }
SERVE_PID=""
exit "$STATUS"
