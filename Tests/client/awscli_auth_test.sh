#!/usr/bin/env bash
# The AWS CLI against `stepwise serve --auth sigv4`: a profile of a shared credentials file works unchanged, wrong
# keys get AWS's errors. Usage: awscli_auth_test.sh http://127.0.0.1:PORT CREDENTIALS_FILE
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/awscli_support.sh" "$1"
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
export AWS_SHARED_CREDENTIALS_FILE="$2" AWS_CONFIG_FILE=/dev/null

expect "list-state-machines with profile alice" "$(sfn --profile alice list-state-machines | field 'type(d["stateMachines"]).__name__')" "list"
expect "create-state-machine with profile alice" \
    "$(sfn --profile alice create-state-machine --name cli-auth --role-arn arn:aws:iam::123456789012:role/cli \
        --definition '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}' | field 'd["stateMachineArn"]')" \
    "$PREFIX:stateMachine:cli-auth"
expect_failure "an unknown key" \
    "An error occurred (UnrecognizedClientException) when calling the ListStateMachines operation: The security token included in the request is invalid." \
    env AWS_ACCESS_KEY_ID=AKIDUNKNOWN AWS_SECRET_ACCESS_KEY=x aws stepfunctions --endpoint-url "$ENDPOINT" list-state-machines
message=$(env AWS_ACCESS_KEY_ID="$(sed -n 's/^aws_access_key_id = //p' "$2" | head -1)" AWS_SECRET_ACCESS_KEY=wrong \
    aws stepfunctions --endpoint-url "$ENDPOINT" list-state-machines 2>&1 >/dev/null | grep -m1 . || true)
expect "a wrong secret" "$message" "An error occurred (InvalidSignatureException) when calling the ListStateMachines operation: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
expect_failure "no credentials" \
    "An error occurred (MissingAuthenticationTokenException) when calling the ListStateMachines operation: Missing Authentication Token" \
    aws stepfunctions --endpoint-url "$ENDPOINT" --no-sign-request list-state-machines
echo "AWS CLI against serve --auth sigv4: passed"
