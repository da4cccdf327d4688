#!/usr/bin/env bash
# `stepwise deploy` from one process into another: a `stepwise serve --auth sigv4` whose credentials file holds
# two principals. The deployer's profile deploys (exit 0), wrong keys are refused (exit 1, AWS's error), and
# boto3, with the other principal's profile, starts an execution on the alias the deploy made.
# Usage: Tests/client/deploy_test.sh [path/to/stepwise]   (default .build/debug/stepwise)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
BINARY="$(cd "$(dirname "${1:-.build/debug/stepwise}")" && pwd)/$(basename "${1:-.build/debug/stepwise}")"
WORK="$(mktemp -d)"
trap 'kill -TERM "${SERVE_PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
source "$HERE/../lib/serve.sh"

cat >"$WORK/credentials" <<'INI'
[deployer]
aws_access_key_id = AKIDDEPLOYER
aws_secret_access_key = deployer/secret/key

[runner]
aws_access_key_id = AKIDRUNNER
aws_secret_access_key = runner/secret/key
INI
printf '[profile deployer]\nregion = us-east-1\n\n[profile runner]\nregion = us-east-1\n' >"$WORK/config"
mkdir "$WORK/workflows"
cat >"$WORK/workflows/greet.asl.json" <<'ASL'
{"StartAt": "Greet", "States": {"Greet": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('Hello, {}', $.name)"}, "End": true}}}
ASL
start_serve "$BINARY" "$WORK/serve.log" --db "$WORK/stepwise.db" --auth sigv4 --credentials "$WORK/credentials"
ENDPOINT="http://127.0.0.1:$SERVE_PORT"

# Only the shared files speak: no keys or region from the caller's environment.
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE AWS_REGION AWS_DEFAULT_REGION
export HOME="$WORK" AWS_SHARED_CREDENTIALS_FILE="$WORK/credentials" AWS_CONFIG_FILE="$WORK/config"
cd "$WORK"

STATUS=0
AWS_ACCESS_KEY_ID=AKIDNOBODY AWS_SECRET_ACCESS_KEY=nope AWS_REGION=us-east-1 \
    "$BINARY" deploy --endpoint-url "$ENDPOINT" --alias live >"$WORK/refused.out" 2>"$WORK/refused.err" || STATUS=$?
[[ "$STATUS" == 1 ]] || { echo "deploy with unknown keys: exit $STATUS, expected 1" >&2; cat "$WORK/refused.err" >&2; exit 1; }
grep -q '^stepwise deploy: UnrecognizedClientException: The security token included in the request is invalid.$' "$WORK/refused.err" ||
    { echo "deploy with unknown keys said:" >&2; cat "$WORK/refused.err" >&2; exit 1; }

"$BINARY" deploy --endpoint-url "$ENDPOINT" --profile deployer --alias live >"$WORK/deploy.out"
grep -q '^greet: alias live created → version 1$' "$WORK/deploy.out" || { cat "$WORK/deploy.out" >&2; exit 1; }
"$BINARY" deploy --endpoint-url "$ENDPOINT" --profile deployer --alias live | grep -q '^Nothing to do: every state machine is up to date.$'

python3 "$HERE/boto3_deploy_test.py" "$ENDPOINT" runner
echo "deploy tests passed"
