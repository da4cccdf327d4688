#!/usr/bin/env bash
# Starts `stepwise serve` on a free port with a fresh database, runs the boto3 and AWS CLI client tests
# against it, then stops it with SIGTERM and checks that it exits 0.
# Usage: Tests/client/run.sh [path/to/stepwise]   (default .build/debug/stepwise; build it first)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
BINARY="${1:-.build/debug/stepwise}"
WORK="$(mktemp -d)"
trap 'kill -TERM "${SERVE_PID:-}" "${AUTH_PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

source "$HERE/../lib/serve.sh"
export STEPWISE_ACTIVITY_POLL_SECONDS=1 STEPWISE_ROUTING_SEED=42
start_serve "$BINARY" "$WORK/serve.log" --db "$WORK/stepwise.db"
PID=$SERVE_PID
ENDPOINT="http://127.0.0.1:$SERVE_PORT"

python3 "$HERE/boto3_client_test.py" "$ENDPOINT"
python3 "$HERE/boto3_versions_test.py" "$ENDPOINT" 42  # the first to start through an alias: it knows the seed's draws
python3 "$HERE/boto3_teststate_test.py" "$ENDPOINT"
python3 "$HERE/boto3_shapes_test.py" "$ENDPOINT"
python3 "$HERE/boto3_redrive_test.py" "$ENDPOINT"
"$HERE/awscli_client_test.sh" "$ENDPOINT"
"$HERE/awscli_versions_test.sh" "$ENDPOINT"
"$HERE/awscli_shapes_test.sh" "$ENDPOINT"
python3 "$HERE/boto3_callbacks_test.py" "$ENDPOINT"
python3 "$HERE/activity_worker_test.py" "$ENDPOINT"
"$HERE/deploy_test.sh" "$BINARY"  # its own `serve --auth sigv4`

# Our SigV4 signer against botocore's, byte for byte; then boto3 and the AWS CLI against a server that checks signatures.
python3 "$HERE/sigv4_botocore_test.py" "$BINARY"
printf '[alice]\naws_access_key_id = AKIDALICE0000EXAMPLE\naws_secret_access_key = alice/secret+key/EXAMPLE00000\n' >"$WORK/credentials"
printf '# name token\nbob tok-bob-0123456789abcdef\n' >"$WORK/tokens"
start_serve "$BINARY" "$WORK/auth.log" --db "$WORK/auth.db" --auth sigv4 --credentials "$WORK/credentials" --tokens "$WORK/tokens"
AUTH_PID=$SERVE_PID
python3 "$HERE/boto3_auth_test.py" "http://127.0.0.1:$SERVE_PORT" AKIDALICE0000EXAMPLE alice/secret+key/EXAMPLE00000 tok-bob-0123456789abcdef
"$HERE/awscli_auth_test.sh" "http://127.0.0.1:$SERVE_PORT" "$WORK/credentials"
! grep -q "EXAMPLE00000\|tok-bob" "$WORK/auth.log" || { echo "the server's log shows a secret" >&2; exit 1; }
kill -TERM "$AUTH_PID"
wait "$AUTH_PID" || { echo "stepwise serve --auth sigv4 did not exit 0 after SIGTERM" >&2; cat "$WORK/auth.log" >&2; exit 1; }

kill -TERM "$PID"
STATUS=0
wait "$PID" || STATUS=$?
[[ "$STATUS" == 0 ]] || { echo "stepwise serve exited $STATUS after SIGTERM" >&2; cat "$WORK/serve.log" >&2; exit 1; }

# Page tokens across a restart: page 1 from one server, page 2 from the next on the same database.
for PHASE in before after; do
    start_serve "$BINARY" "$WORK/restart-$PHASE.log" --db "$WORK/restart.db"
    python3 "$HERE/boto3_restart_test.py" "http://127.0.0.1:$SERVE_PORT" "$WORK/tokens.json" "$PHASE"
    kill -TERM "$SERVE_PID"
    wait "$SERVE_PID" || { echo "stepwise serve ($PHASE the restart) did not exit 0 after SIGTERM" >&2; exit 1; }
done
echo "client tests passed; stepwise serve exited 0 after SIGTERM"
