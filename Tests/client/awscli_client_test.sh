#!/usr/bin/env bash
# Drives a running `stepwise serve` with the AWS CLI and checks exact answers.
# Usage: awscli_client_test.sh http://127.0.0.1:PORT     Exits 0 when every check passes.
set -euo pipefail
# shellcheck source=awscli_support.sh
source "$(dirname "$0")/awscli_support.sh" "$1"

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

expect_failure "describe unknown state machine" \
    "An error occurred (StateMachineDoesNotExist) when calling the DescribeStateMachine operation: State Machine Does Not Exist: '$PREFIX:stateMachine:nope'" \
    sfn describe-state-machine --state-machine-arn "$PREFIX:stateMachine:nope"

# TestState's endpoint has the host prefix `sync-` (botocore's model): against a local endpoint it must be off.
TESTED=$(AWS_DISABLE_HOST_PREFIX_INJECTION=true sfn test-state --definition '{"Type":"Pass","Result":{"a":1},"Next":"B"}' \
    --inspection-level DEBUG | field "(d['status'], d['nextState'], d['output'], d['inspectionData']['result'])")
expect "test-state" "$TESTED" "('SUCCEEDED', 'B', '{\"a\":1}', '{\"a\":1}')"

sfn delete-state-machine --state-machine-arn "$ARN" >/dev/null
echo "aws cli: all checks passed"
