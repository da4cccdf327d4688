#!/usr/bin/env python3
"""Drives the members of the current API's shapes through a running `stepwise serve` with boto3: logging, tracing
and encryption configurations, tags of activities, versions and aliases, includedData and variableReferences; and
checks that every operation of botocore's Step Functions model is served. Answers are parsed by botocore's models.

Usage: boto3_shapes_test.py http://127.0.0.1:PORT
Exits 0 when every check passes; prints the first failure and exits 1 otherwise.
"""
import json
import os
import sys
import urllib.error
import urllib.request

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boto3_client_test import ENDPOINT, PREFIX, ROLE, check, expect_error, run_groups, sfn  # noqa: E402
from boto3_client_test import wait_until_finished as finished  # noqa: E402

PASS = json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}})
LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:boto-flows:*"
LOGGING = {"level": "ALL", "includeExecutionData": True,
           "destinations": [{"cloudWatchLogsLogGroup": {"logGroupArn": LOG_GROUP}}]}
KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
OFF = {"level": "OFF", "includeExecutionData": False}


def test_every_operation_is_served():
    """Every operation of botocore's model answers something other than UnknownOperationException."""
    operations = sfn.meta.service_model.operation_names
    check(len(operations) >= 37, True, f"botocore knows {len(operations)} operations")
    for operation in operations:
        request = urllib.request.Request(
            ENDPOINT + "/", data=b"{}", method="POST",
            headers={"X-Amz-Target": f"AWSStepFunctions.{operation}", "Content-Type": "application/x-amz-json-1.0"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                body = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            body = json.loads(error.read() or b"{}")
        unknown = body.get("__type", "").endswith("#UnknownOperationException")
        check(unknown, False, f"{operation} answered {body}")
    # docs/http-api.md's coverage table lists every one of them as served.
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "http-api.md")) as file:
        served = set()
        for line in file:
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if len(cells) == 4:
                served.update(cells[index] for index in (0, 2) if cells[index + 1].startswith("yes"))
    check(sorted(set(operations) - served), [], "operations the API table does not list as served")


def test_configurations_round_trip():
    created = sfn.create_state_machine(
        name="boto-configured", definition=PASS, roleArn=ROLE, loggingConfiguration=LOGGING,
        tracingConfiguration={"enabled": True},
        encryptionConfiguration={"type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": KEY, "kmsDataKeyReusePeriodSeconds": 120})
    arn = created["stateMachineArn"]
    described = sfn.describe_state_machine(stateMachineArn=arn)
    check(described["loggingConfiguration"], LOGGING, "loggingConfiguration")
    check(described["tracingConfiguration"], {"enabled": True}, "tracingConfiguration")
    check(described["encryptionConfiguration"],
          {"type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": KEY, "kmsDataKeyReusePeriodSeconds": 120}, "encryptionConfiguration")
    plain = sfn.describe_state_machine(
        stateMachineArn=sfn.create_state_machine(name="boto-plain", definition=PASS, roleArn=ROLE)["stateMachineArn"])
    check((plain["loggingConfiguration"], plain["tracingConfiguration"], plain["encryptionConfiguration"]),
          (OFF, {"enabled": False}, {"type": "AWS_OWNED_KEY"}), "defaults")

    version = sfn.publish_state_machine_version(stateMachineArn=arn)["stateMachineVersionArn"]
    updated = sfn.update_state_machine(stateMachineArn=arn, loggingConfiguration={"level": "OFF"},
                                       tracingConfiguration={"enabled": False})
    check("revisionId" in updated, True, "a changed configuration is a new revision")
    again = sfn.update_state_machine(stateMachineArn=arn, loggingConfiguration={"level": "OFF"})
    check(again.get("revisionId"), updated["revisionId"], "the same configuration keeps the revision")
    now = sfn.describe_state_machine(stateMachineArn=arn)
    check((now["loggingConfiguration"], now["tracingConfiguration"]), (OFF, {"enabled": False}), "updated")
    check(now["encryptionConfiguration"]["kmsKeyId"], KEY, "an update keeps what it does not name")
    frozen = sfn.describe_state_machine(stateMachineArn=version)
    check((frozen["loggingConfiguration"], frozen["tracingConfiguration"]), (LOGGING, {"enabled": True}), "the version froze them")
    execution = sfn.start_execution(stateMachineArn=version)["executionArn"]
    finished(execution)
    for_execution = sfn.describe_state_machine_for_execution(executionArn=execution)
    check((for_execution["loggingConfiguration"], for_execution["tracingConfiguration"]), (LOGGING, {"enabled": True}),
          "DescribeStateMachineForExecution of a version's execution")
    metadata = sfn.describe_state_machine(stateMachineArn=arn, includedData="METADATA_ONLY")
    check(metadata["definition"], "{}", "METADATA_ONLY definition")
    traced = sfn.start_execution(stateMachineArn=arn, traceHeader="Root=1-5759e988-bd862e3fe1be46a994272793")
    check(finished(traced["executionArn"]).get("traceHeader"), "Root=1-5759e988-bd862e3fe1be46a994272793", "traceHeader kept")
    bare = sfn.describe_execution(executionArn=traced["executionArn"], includedData="METADATA_ONLY")
    check(("input" in bare, "output" in bare, bare["status"]), (False, False, "SUCCEEDED"), "METADATA_ONLY execution")


def test_configuration_errors():
    prefix = "1 validation error detected: "
    expect_error("InvalidLoggingConfiguration", "Invalid Logging Configuration: Must specify exactly one Log Destination.",
                 sfn.create_state_machine, name="boto-bad", definition=PASS, roleArn=ROLE,
                 loggingConfiguration={"level": "ERROR"})
    expect_error("InvalidLoggingConfiguration", "Invalid Logging Configuration: Log Group ARN must be provided with '*' qualifier.",
                 sfn.create_state_machine, name="boto-bad", definition=PASS, roleArn=ROLE,
                 loggingConfiguration={"level": "ALL", "destinations": [
                     {"cloudWatchLogsLogGroup": {"logGroupArn": LOG_GROUP[:-2]}}]})
    expect_error("InvalidEncryptionConfiguration",
                 "Invalid Encryption Configuration: 'kmsKeyId' is required when 'type' is 'CUSTOMER_MANAGED_KMS_KEY'.",
                 sfn.create_activity, name="boto-bad", encryptionConfiguration={"type": "CUSTOMER_MANAGED_KMS_KEY"})
    raw = sfn_without_validation()
    expect_error("ValidationException",
                 prefix + "Value '1000' at 'encryptionConfiguration.kmsDataKeyReusePeriodSeconds' failed to satisfy constraint: "
                 "Member must have value less than or equal to 900",
                 raw.create_state_machine, name="boto-bad", definition=PASS, roleArn=ROLE,
                 encryptionConfiguration={"type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": KEY, "kmsDataKeyReusePeriodSeconds": 1000})
    expect_error("ValidationException",
                 prefix + "Value null at 'encryptionConfiguration.type' failed to satisfy constraint: Member must not be null",
                 raw.create_state_machine, name="boto-bad", definition=PASS, roleArn=ROLE, encryptionConfiguration={"kmsKeyId": KEY})
    expect_error("MissingRequiredParameter",
                 "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified",
                 sfn.update_state_machine, stateMachineArn=f"{PREFIX}:stateMachine:boto-plain")


def sfn_without_validation():
    """A client that sends what botocore would refuse, so the server's own ValidationException answers."""
    import boto3
    from botocore.config import Config
    return boto3.client("stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id="x",
                        aws_secret_access_key="x", config=Config(retries={"max_attempts": 1}, parameter_validation=False))


def test_activity_encryption_and_tags():
    arn = sfn.create_activity(name="boto-sealed", tags=[{"key": "team", "value": "a"}],
                              encryptionConfiguration={"type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": KEY})["activityArn"]
    check(sfn.describe_activity(activityArn=arn)["encryptionConfiguration"],
          {"type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": KEY, "kmsDataKeyReusePeriodSeconds": 300}, "activity encryption")
    sfn.tag_resource(resourceArn=arn, tags=[{"key": "env", "value": "dev"}])
    check(sfn.list_tags_for_resource(resourceArn=arn)["tags"],
          [{"key": "env", "value": "dev"}, {"key": "team", "value": "a"}], "activity tags")
    sfn.untag_resource(resourceArn=arn, tagKeys=["team"])
    check(sfn.list_tags_for_resource(resourceArn=arn)["tags"], [{"key": "env", "value": "dev"}], "activity untagged")
    sfn.delete_activity(activityArn=arn)  # the activity worker test lists the activities and expects only its own


def test_versions_and_aliases_take_no_tags():
    arn = f"{PREFIX}:stateMachine:boto-plain"
    version = sfn.publish_state_machine_version(stateMachineArn=arn)["stateMachineVersionArn"]
    alias = sfn.create_state_machine_alias(
        name="tagless", routingConfiguration=[{"stateMachineVersionArn": version, "weight": 100}])["stateMachineAliasArn"]
    for resource in (version, alias):
        expect_error("ResourceNotFound", f"Resource not found: '{resource}'", sfn.tag_resource, resourceArn=resource,
                     tags=[{"key": "k", "value": "v"}])
        expect_error("ResourceNotFound", f"Resource not found: '{resource}'", sfn.list_tags_for_resource, resourceArn=resource)
        expect_error("ResourceNotFound", f"Resource not found: '{resource}'", sfn.untag_resource, resourceArn=resource,
                     tagKeys=["k"])


def test_variable_references():
    definition = json.dumps({"StartAt": "Set", "States": {
        "Set": {"Type": "Pass", "Assign": {"total": 2}, "Next": "Read"},
        "Read": {"Type": "Pass", "Parameters": {"t.$": "$total"}, "End": True}}})
    arn = sfn.create_state_machine(name="boto-vars", definition=definition, roleArn=ROLE)["stateMachineArn"]
    check(sfn.describe_state_machine(stateMachineArn=arn)["variableReferences"], {"Read": ["total"]}, "variableReferences")


def main():
    return run_groups("boto3 shapes", [
        test_every_operation_is_served, test_configurations_round_trip, test_configuration_errors,
        test_activity_encryption_and_tags, test_versions_and_aliases_take_no_tags, test_variable_references])


if __name__ == "__main__":
    sys.exit(main())
