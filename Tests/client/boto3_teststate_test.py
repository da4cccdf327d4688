#!/usr/bin/env python3
"""Drives TestState on a running `stepwise serve` with boto3; botocore's own model parses every answer.

Usage: boto3_teststate_test.py http://127.0.0.1:PORT
TestState's endpoint has the host prefix `sync-` (botocore's model); against a local endpoint the client turns
host prefix injection off, as LocalStack's clients do. Exits 0 when every check passes.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
ROLE = "arn:aws:iam::123456789012:role/boto3"

sfn = boto3.client("stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1",
                   aws_access_key_id="x", aws_secret_access_key="x",
                   config=Config(retries={"max_attempts": 1}, inject_host_prefix=False))


def check(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def answer(response):
    """The answer without botocore's ResponseMetadata."""
    return {key: value for key, value in response.items() if key != "ResponseMetadata"}


def test_pass_at_each_level():
    state = json.dumps({"Type": "Pass", "InputPath": "$.initialData",
                        "Parameters": {"staticValue": "some value", "inputValue.$": "$.fieldFromInput"},
                        "ResultPath": "$.modifiedData", "End": True})
    data = json.dumps({"initialData": {"fieldFromInput": "value from input", "otherField": "other"}})
    output = '{"initialData":{"fieldFromInput":"value from input","otherField":"other"},' \
             '"modifiedData":{"staticValue":"some value","inputValue":"value from input"}}'
    info = sfn.test_state(definition=state, input=data)
    check(answer(info), {"status": "SUCCEEDED", "output": output}, "INFO")
    for level in ("DEBUG", "TRACE"):
        debug = sfn.test_state(definition=state, input=data, inspectionLevel=level)
        check(debug["inspectionData"], {
            "input": '{"initialData":{"fieldFromInput":"value from input","otherField":"other"}}',
            "afterInputPath": '{"fieldFromInput":"value from input","otherField":"other"}',
            "afterParameters": '{"staticValue":"some value","inputValue":"value from input"}',
            "afterResultSelector": '{"staticValue":"some value","inputValue":"value from input"}',
            "afterResultPath": output,
        }, f"{level} inspectionData")


def test_task_retry_and_catch():
    state = json.dumps({"QueryLanguage": "JSONata", "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Arguments": {"FunctionName": "foo", "Payload": "bar"},
                        "Retry": [{"ErrorEquals": ["MockException"], "IntervalSeconds": 1, "MaxAttempts": 5, "BackoffRate": 2.0}],
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% $states.errorOutput %}", "Next": "Handle"}],
                        "End": True})
    mock = {"errorOutput": {"error": "MockException", "cause": "Mock the cause of the error."}}
    retriable = sfn.test_state(definition=state, roleArn=ROLE, input='{"Value":"HelloWorld"}', inspectionLevel="DEBUG",
                               mock=mock, stateConfiguration={"retrierRetryCount": 4})
    check(answer(retriable), {
        "status": "RETRIABLE", "error": "MockException", "cause": "Mock the cause of the error.",
        "inspectionData": {"input": '{"Value":"HelloWorld"}', "afterArguments": '{"FunctionName":"foo","Payload":"bar"}',
                           "errorDetails": {"retryIndex": 0, "retryBackoffIntervalSeconds": 16}},
    }, "RETRIABLE")
    caught = sfn.test_state(definition=state, input='{"Value":"HelloWorld"}', mock=mock,
                            stateConfiguration={"retrierRetryCount": 5})
    check(answer(caught), {
        "status": "CAUGHT_ERROR", "error": "MockException", "cause": "Mock the cause of the error.", "nextState": "Handle",
        "output": '{"Error":"MockException","Cause":"Mock the cause of the error."}',
    }, "CAUGHT_ERROR")
    succeeded = sfn.test_state(definition=state, mock={"result": '{"Payload":{"ok":true}}'}, inspectionLevel="TRACE")
    check((succeeded["status"], succeeded["output"], succeeded["inspectionData"]["result"]),
          ("SUCCEEDED", '{"Payload":{"ok":true}}', '{"Payload":{"ok":true}}'), "mocked result")


def test_machine_state_and_variables():
    machine = json.dumps({"StartAt": "Check", "States": {
        "Check": {"Type": "Choice", "QueryLanguage": "JSONata",
                  "Choices": [{"Condition": "{% $states.input.cost < $limit %}", "Next": "Approved"}], "Default": "Ask"},
        "Ask": {"Type": "Pass", "Next": "Approved"}, "Approved": {"Type": "Succeed"}}})
    result = sfn.test_state(definition=machine, stateName="Check", input='{"cost":12}', variables='{"limit":10}',
                            inspectionLevel="DEBUG")
    check(answer(result), {"status": "SUCCEEDED", "output": '{"cost":12}', "nextState": "Ask",
                           "inspectionData": {"input": '{"cost":12}', "variables": '{"limit":10}'}}, "stateName")


def expect_error(code, message, **kwargs):
    try:
        sfn.test_state(**kwargs)
    except ClientError as error:
        check((error.response["Error"]["Code"], error.response["Error"]["Message"]), (code, message), "error")
        check(error.response["ResponseMetadata"]["HTTPStatusCode"], 400, "error status")
        return
    raise AssertionError(f"test_state should have failed with {code}")


def test_refusals():
    expect_error("ValidationException", "State type 'Pass' is not supported when a mock is specified",
                 definition='{"Type": "Pass", "End": true}', mock={"result": "{}"})
    expect_error("InvalidDefinition",
                 "TestState API does not support Map or Parallel states. Supported state types include: "
                 "[Task, Wait, Pass, Succeed, Fail, Choice]",
                 definition=json.dumps({"Type": "Parallel", "End": True, "Branches": [
                     {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}]}))
    expect_error("ValidationException", "RoleArn must be specified when testing a Task state",
                 definition='{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}')
    expect_error("ValidationException", "State not found in definition",
                 definition='{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}', stateName="dne")


def main():
    for test in (test_pass_at_each_level, test_task_retry_and_catch, test_machine_state_and_variables, test_refusals):
        test()
        print(f"ok {test.__name__}")


if __name__ == "__main__":
    main()
