#!/usr/bin/env bash
# Drives the logging, tracing and encryption configurations of a running `stepwise serve` with the AWS CLI and
# checks exact answers. Usage: awscli_shapes_test.sh http://127.0.0.1:PORT     Exits 0 when every check passes.
set -euo pipefail
# shellcheck source=awscli_support.sh
source "$(dirname "$0")/awscli_support.sh" "$1"
DEFINITION='{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}'
GROUP="arn:aws:logs:us-east-1:123456789012:log-group:cli-flows:*"
KEY="arn:aws:kms:us-east-1:123456789012:key/cli"

ARN=$(sfn create-state-machine --name cli-configured --definition "$DEFINITION" --role-arn arn:aws:iam::123456789012:role/cli \
    --logging-configuration "{\"level\":\"FATAL\",\"includeExecutionData\":false,\"destinations\":[{\"cloudWatchLogsLogGroup\":{\"logGroupArn\":\"$GROUP\"}}]}" \
    --tracing-configuration enabled=true \
    --encryption-configuration "type=CUSTOMER_MANAGED_KMS_KEY,kmsKeyId=$KEY,kmsDataKeyReusePeriodSeconds=900" | field "d['stateMachineArn']")
DESCRIBED=$(sfn describe-state-machine --state-machine-arn "$ARN")
expect "describe-state-machine loggingConfiguration" "$(echo "$DESCRIBED" | field "d['loggingConfiguration']")" \
    "{'level': 'FATAL', 'includeExecutionData': False, 'destinations': [{'cloudWatchLogsLogGroup': {'logGroupArn': '$GROUP'}}]}"
expect "describe-state-machine tracingConfiguration" "$(echo "$DESCRIBED" | field "d['tracingConfiguration']")" "{'enabled': True}"
expect "describe-state-machine encryptionConfiguration" "$(echo "$DESCRIBED" | field "d['encryptionConfiguration']")" \
    "{'kmsKeyId': '$KEY', 'kmsDataKeyReusePeriodSeconds': 900, 'type': 'CUSTOMER_MANAGED_KMS_KEY'}"

sfn update-state-machine --state-machine-arn "$ARN" --tracing-configuration enabled=false >/dev/null
expect "update-state-machine --tracing-configuration" \
    "$(sfn describe-state-machine --state-machine-arn "$ARN" | field "(d['tracingConfiguration'], d['loggingConfiguration']['level'])")" \
    "({'enabled': False}, 'FATAL')"

expect_failure "create-state-machine with logging but no destination" \
    "An error occurred (InvalidLoggingConfiguration) when calling the CreateStateMachine operation: Invalid Logging Configuration: Must specify exactly one Log Destination." \
    sfn create-state-machine --name cli-unlogged --definition "$DEFINITION" --role-arn arn:aws:iam::123456789012:role/cli \
    --logging-configuration level=ALL
expect_failure "create-activity with a customer managed key but no key" \
    "An error occurred (InvalidEncryptionConfiguration) when calling the CreateActivity operation: Invalid Encryption Configuration: 'kmsKeyId' is required when 'type' is 'CUSTOMER_MANAGED_KMS_KEY'." \
    sfn create-activity --name cli-sealed --encryption-configuration type=CUSTOMER_MANAGED_KMS_KEY
echo "awscli shapes: all checks passed"
