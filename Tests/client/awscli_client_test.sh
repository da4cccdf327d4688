#!/usr/bin/env bash
# Drives a running `stepwise serve` with the AWS CLI and checks exact answers.
# Usage: awscli_client_test.sh http://127.0.0.1:PORT     Exits 0 when every check passes.
set -euo pipefail
ENDPOINT="$1"
export AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION=us-east-1 AWS_MAX_ATTEMPTS=1 AWS_PAGER=""
PREFIX="arn:aws:states:us-east-1:123456789012"
sfn() { aws stepfunctions --endpoint-url "$ENDPOINT" --output json "$@"; }
fail() { echo "FAIL $*" >&2; exit 1; }
expect() { # expect WHAT ACTUAL EXPECTED
    [[ "$2" == "$3" ]] || fail "$1: expected '$3', got '$2'"
    echo "ok   $1"
}
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }  # field 'PYTHON EXPR OF d'

DEFINITION='{"StartAt":"Hello","States":{"Hello":{"Type":"Pass","Result":"world","End":true}}}'
ARN=$(sfn create-state-machine --name cli-hello --definition "$DEFINITION" \
    --role-arn arn:aws:iam::123456789012:role/cli | field "d['stateMachineArn']")
expect "create-state-machine" "$ARN" "$PREFIX:stateMachine:cli-hello"

EXECUTION=$(sfn start-execution --state-machine-arn "$ARN" --name cli-run --input '{"from":"cli"}' | field "d['executionArn']")
expect "start-execution" "$EXECUTION" "$PREFIX:execution:cli-hello:cli-run"

for _ in $(seq 100); do
    STATUS=$(sfn describe-execution --execution-arn "$EXECUTION" | field "d['status']")
    [[ "$STATUS" != RUNNING ]] && break
    sleep 0.05
done
expect "describe-execution status" "$STATUS" "SUCCEEDED"
expect "describe-execution output" "$(sfn describe-execution --execution-arn "$EXECUTION" | field "d['output']")" '"world"'

# The CLI pages through the history itself (--page-size); all four events come back in order.
TYPES=$(sfn get-execution-history --execution-arn "$EXECUTION" --page-size 1 | field "' '.join(e['type'] for e in d['events'])")
expect "get-execution-history" "$TYPES" "ExecutionStarted PassStateEntered PassStateExited ExecutionSucceeded"

expect "list-executions" "$(sfn list-executions --state-machine-arn "$ARN" | field "d['executions'][0]['name']")" "cli-run"
expect "list-state-machines" "$(sfn list-state-machines | field "'cli-hello' in [m['name'] for m in d['stateMachines']]")" "True"

VALIDATION=$(sfn validate-state-machine-definition --definition '{}' | field "d['result']")
expect "validate-state-machine-definition" "$VALIDATION" "FAIL"

set +e
ERROR=$(sfn describe-state-machine --state-machine-arn "$PREFIX:stateMachine:nope" 2>&1 >/dev/null)
CODE=$?
set -e
# awscli v1 exits 255 on a service error, v2 254.
expect "describe unknown state machine fails" "$([[ $CODE == 254 || $CODE == 255 ]] && echo yes || echo "no ($CODE)")" "yes"
expect "describe unknown state machine error" "$(echo "$ERROR" | tr -d '\n')" \
    "An error occurred (StateMachineDoesNotExist) when calling the DescribeStateMachine operation: State Machine Does Not Exist: '$PREFIX:stateMachine:nope'"

# TestState's endpoint has the host prefix `sync-` (botocore's model): against a local endpoint it must be off.
TESTED=$(AWS_DISABLE_HOST_PREFIX_INJECTION=true sfn test-state --definition '{"Type":"Pass","Result":{"a":1},"Next":"B"}' \
    --inspection-level DEBUG | field "(d['status'], d['nextState'], d['output'], d['inspectionData']['result'])")
expect "test-state" "$TESTED" "('SUCCEEDED', 'B', '{\"a\":1}', '{\"a\":1}')"

sfn delete-state-machine --state-machine-arn "$ARN" >/dev/null
echo "aws cli: all checks passed"
