#!/usr/bin/env bash
# Drives versions and aliases of a running `stepwise serve` with the AWS CLI and checks exact answers.
# Usage: awscli_versions_test.sh http://127.0.0.1:PORT     Exits 0 when every check passes.
set -euo pipefail
# shellcheck source=awscli_support.sh
source "$(dirname "$0")/awscli_support.sh" "$1"
definition() { echo "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":$1,\"End\":true}}}"; }

ARN=$(sfn create-state-machine --name cli-versions --definition "$(definition 1)" \
    --role-arn arn:aws:iam::123456789012:role/cli --publish --version-description first | field "d['stateMachineArn']")
expect "create-state-machine --publish" "$ARN" "$PREFIX:stateMachine:cli-versions"
expect "describe-state-machine of version 1" \
    "$(sfn describe-state-machine --state-machine-arn "$ARN:1" | field "(d['stateMachineArn'], d['description'])")" "('$ARN:1', 'first')"

sfn update-state-machine --state-machine-arn "$ARN" --definition "$(definition 2)" >/dev/null
VERSION=$(sfn publish-state-machine-version --state-machine-arn "$ARN" --description second | field "d['stateMachineVersionArn']")
expect "publish-state-machine-version" "$VERSION" "$ARN:2"
expect "list-state-machine-versions" \
    "$(sfn list-state-machine-versions --state-machine-arn "$ARN" --max-results 5 | field "[v['stateMachineVersionArn'][-1] for v in d['stateMachineVersions']]")" \
    "['2', '1']"

ALIAS=$(sfn create-state-machine-alias --name LIVE --description live \
    --routing-configuration "stateMachineVersionArn=$ARN:1,weight=100" | field "d['stateMachineAliasArn']")
expect "create-state-machine-alias" "$ALIAS" "$ARN:LIVE"
sfn update-state-machine-alias --state-machine-alias-arn "$ALIAS" \
    --routing-configuration "stateMachineVersionArn=$ARN:1,weight=0" "stateMachineVersionArn=$ARN:2,weight=100" >/dev/null
expect "describe-state-machine-alias" \
    "$(sfn describe-state-machine-alias --state-machine-alias-arn "$ALIAS" | field "[(r['stateMachineVersionArn'][-1], r['weight']) for r in d['routingConfiguration']]")" \
    "[('1', 0), ('2', 100)]"
expect "list-state-machine-aliases" \
    "$(sfn list-state-machine-aliases --state-machine-arn "$ARN" | field "[a['stateMachineAliasArn'] for a in d['stateMachineAliases']]")" \
    "['$ALIAS']"

EXECUTION=$(sfn start-execution --state-machine-arn "$ALIAS" --name through-alias | field "d['executionArn']")
for _ in $(seq 100); do
    STATUS=$(sfn describe-execution --execution-arn "$EXECUTION" | field "d['status']")
    [[ "$STATUS" != RUNNING ]] && break
    sleep 0.05
done
expect "describe-execution through the alias" \
    "$(sfn describe-execution --execution-arn "$EXECUTION" | field "(d['status'], d['output'], d['stateMachineVersionArn'], d['stateMachineAliasArn'])")" \
    "('SUCCEEDED', '2', '$ARN:2', '$ALIAS')"

expect_failure "delete a routed version" \
    "An error occurred (ConflictException) when calling the DeleteStateMachineVersion operation: Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [LIVE]" \
    sfn delete-state-machine-version --state-machine-version-arn "$ARN:2"

sfn delete-state-machine-alias --state-machine-alias-arn "$ALIAS" >/dev/null
sfn delete-state-machine-version --state-machine-version-arn "$ARN:2" >/dev/null
expect "versions after the deletes" \
    "$(sfn list-state-machine-versions --state-machine-arn "$ARN" | field "[v['stateMachineVersionArn'] for v in d['stateMachineVersions']]")" \
    "['$ARN:1']"
sfn delete-state-machine --state-machine-arn "$ARN" >/dev/null
echo "aws cli versions and aliases: all checks passed"
