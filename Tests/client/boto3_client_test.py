#!/usr/bin/env python3
"""Drives a running `stepwise serve` with boto3, as an application would, and checks exact answers.

Usage: boto3_client_test.py http://127.0.0.1:PORT
Exits 0 when every check passes; prints the first failure and exits 1 otherwise.
"""
import json
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
PREFIX = "arn:aws:states:us-east-1:123456789012"
ROLE = "arn:aws:iam::123456789012:role/boto3"
PASS = json.dumps({"StartAt": "A", "States": {
    "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Result": {"ok": True}, "End": True}}})
SLOW = json.dumps({"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": True}}})

sfn = boto3.client("stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1",
                   aws_access_key_id="x", aws_secret_access_key="x",
                   config=Config(retries={"max_attempts": 1}))


def check(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def expect_error(code, message, call, status=400, **kwargs):
    """Calls `call(**kwargs)`, which must fail with `code`, `message` and HTTP `status`; answers the parsed error."""
    try:
        call(**kwargs)
    except ClientError as error:
        check(error.response["Error"]["Code"], code, f"{call.__name__} error code")
        text = error.response["Error"]["Message"]
        if message is None:  # the parser's own words follow AWS's prefix
            check(text.startswith(f"Invalid State Machine Execution Input: '"), True, f"{call.__name__} message {text!r}")
        else:
            check(text, message, f"{call.__name__} error message")
        check(error.response["ResponseMetadata"]["HTTPStatusCode"], status, f"{call.__name__} status")
        return error.response
    raise AssertionError(f"{call.__name__} should have failed with {code}")


def wait_until_finished(arn):
    for _ in range(500):
        description = sfn.describe_execution(executionArn=arn)
        if description["status"] != "RUNNING":
            return description
        time.sleep(0.01)
    raise AssertionError(f"{arn} still RUNNING")


def test_state_machines():
    created = sfn.create_state_machine(name="boto-pass", definition=PASS, roleArn=ROLE,
                                       tags=[{"key": "team", "value": "payments"}])
    check(created["stateMachineArn"], f"{PREFIX}:stateMachine:boto-pass", "stateMachineArn")
    again = sfn.create_state_machine(name="boto-pass", definition=PASS, roleArn=ROLE)
    check(again["creationDate"], created["creationDate"], "idempotent create")
    described = sfn.describe_state_machine(stateMachineArn=created["stateMachineArn"])
    check((described["name"], described["type"], described["status"], described["definition"]),
          ("boto-pass", "STANDARD", "ACTIVE", PASS), "describe_state_machine")
    sfn.create_state_machine(name="boto-slow", definition=SLOW, roleArn=ROLE)
    names = [m["name"] for page in sfn.get_paginator("list_state_machines").paginate(PaginationConfig={"PageSize": 1})
             for m in page["stateMachines"]]
    check(names, ["boto-pass", "boto-slow"], "list_state_machines over pages of 1")


def test_executions():
    machine = f"{PREFIX}:stateMachine:boto-pass"
    started = sfn.start_execution(stateMachineArn=machine, name="run-1", input='{"n": 1}')
    check(started["executionArn"], f"{PREFIX}:execution:boto-pass:run-1", "executionArn")
    description = wait_until_finished(started["executionArn"])
    check((description["status"], description["input"], description["output"]),
          ("SUCCEEDED", '{"n":1}', '{"ok":true}'), "describe_execution")
    pages = list(sfn.get_paginator("get_execution_history").paginate(
        executionArn=started["executionArn"], PaginationConfig={"PageSize": 2}))
    check([len(page["events"]) for page in pages], [2, 2, 2], "history page sizes")
    check([event["type"] for page in pages for event in page["events"]],
          ["ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited",
           "ExecutionSucceeded"], "history events")
    check([event["id"] for page in pages for event in page["events"]], [1, 2, 3, 4, 5, 6], "history ids")
    newest = sfn.get_execution_history(executionArn=started["executionArn"], reverseOrder=True, maxResults=1)
    check(newest["events"][0]["type"], "ExecutionSucceeded", "reverse history")


def test_stop_and_list():
    machine = f"{PREFIX}:stateMachine:boto-slow"
    first = sfn.start_execution(stateMachineArn=machine, name="slow-1")
    second = sfn.start_execution(stateMachineArn=machine, name="slow-2")
    same = sfn.start_execution(stateMachineArn=machine, name="slow-2")
    check((same["executionArn"], same["startDate"]), (second["executionArn"], second["startDate"]), "idempotent start")
    stopped = sfn.stop_execution(executionArn=first["executionArn"], error="Cancelled", cause="by boto3")
    description = sfn.describe_execution(executionArn=first["executionArn"])
    check((description["status"], description["error"], description["cause"], description["stopDate"]),
          ("ABORTED", "Cancelled", "by boto3", stopped["stopDate"]), "stopped execution")
    running = sfn.list_executions(stateMachineArn=machine, statusFilter="RUNNING")["executions"]
    check([e["name"] for e in running], ["slow-2"], "RUNNING executions")
    everything = [e["name"] for page in sfn.get_paginator("list_executions").paginate(
        stateMachineArn=machine, PaginationConfig={"PageSize": 1}) for e in page["executions"]]
    check(everything, ["slow-2", "slow-1"], "all executions, newest first")
    expect_error("ExecutionAlreadyExists", f"Execution Already Exists: '{PREFIX}:execution:boto-slow:slow-2'",
                 sfn.start_execution, stateMachineArn=machine, name="slow-2", input='{"other": true}')
    sfn.stop_execution(executionArn=second["executionArn"])


def test_tags():
    arn = f"{PREFIX}:stateMachine:boto-pass"
    sfn.tag_resource(resourceArn=arn, tags=[{"key": "env", "value": "test"}])
    check(sfn.list_tags_for_resource(resourceArn=arn)["tags"],
          [{"key": "env", "value": "test"}, {"key": "team", "value": "payments"}], "tags")
    sfn.untag_resource(resourceArn=arn, tagKeys=["team"])
    check(sfn.list_tags_for_resource(resourceArn=arn)["tags"], [{"key": "env", "value": "test"}], "tags after untag")


def test_errors():
    expect_error("InvalidName", "Invalid Name: 'bad name'",
                 sfn.create_state_machine, name="bad name", definition=PASS, roleArn=ROLE)
    expect_error("InvalidDefinition",
                 "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States, StartAt] at /'",
                 sfn.create_state_machine, name="broken", definition="{}", roleArn=ROLE)
    expect_error("InvalidDefinition",
                 "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A/Next, "
                 "MISSING_END_STATE: Workflow has no terminal state at null'",
                 sfn.create_state_machine, name="broken", roleArn=ROLE,
                 definition=json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}))
    unknown = f"{PREFIX}:stateMachine:nobody"
    expect_error("StateMachineDoesNotExist", f"State Machine Does Not Exist: '{unknown}'",
                 sfn.describe_state_machine, stateMachineArn=unknown)
    expect_error("StateMachineDoesNotExist", f"State Machine Does Not Exist: '{unknown}'",
                 sfn.start_execution, stateMachineArn=unknown)
    missing = f"{PREFIX}:execution:boto-pass:never"
    expect_error("ExecutionDoesNotExist", f"Execution Does Not Exist: '{missing}'",
                 sfn.describe_execution, executionArn=missing)
    expect_error("ExecutionDoesNotExist", f"Execution Does Not Exist: '{missing}'",
                 sfn.get_execution_history, executionArn=missing)
    expect_error("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: nonsense'",
                 sfn.describe_execution, executionArn="nonsense")
    expect_error("ResourceNotFound", f"Resource not found: '{unknown}'", sfn.list_tags_for_resource, resourceArn=unknown)
    expect_error("InvalidExecutionInput", None, sfn.start_execution,
                 stateMachineArn=f"{PREFIX}:stateMachine:boto-pass", input="{not json")


def test_map_runs():
    """A Distributed Map holding its children in a Wait: DescribeMapRun, UpdateMapRun, ListMapRuns and the
    children through ListExecutions / DescribeExecution / GetExecutionHistory, parsed by botocore's model."""
    hold = json.dumps({"StartAt": "M", "States": {"M": {
        "Type": "Map", "End": True, "ItemsPath": "$.items", "MaxConcurrency": 1, "Label": "Each",
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "W",
                          "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": True}}}}}})
    machine = sfn.create_state_machine(name="boto-map", definition=hold, roleArn=ROLE)["stateMachineArn"]
    execution = sfn.start_execution(stateMachineArn=machine, name="m1", input=json.dumps({"items": [1, 2, 3]}))["executionArn"]
    runs = []
    for _ in range(500):
        runs = sfn.list_map_runs(executionArn=execution)["mapRuns"]
        if runs:
            break
        time.sleep(0.01)
    check(len(runs), 1, "ListMapRuns")
    arn = runs[0]["mapRunArn"]
    check(runs[0]["stateMachineArn"], f"{machine}/Each", "map run stateMachineArn")
    sfn.update_map_run(mapRunArn=arn, maxConcurrency=2, toleratedFailureCount=1)
    run = sfn.describe_map_run(mapRunArn=arn)
    check((run["status"], run["maxConcurrency"], run["toleratedFailureCount"]), ("RUNNING", 2, 1), "DescribeMapRun settings")
    check((run["executionCounts"]["running"], run["executionCounts"]["pending"], run["itemCounts"]["total"]), (2, 1, 3), "counts")
    check(hasattr(run["startDate"], "year"), True, "startDate is a timestamp")
    children = sfn.list_executions(mapRunArn=arn)["executions"]
    check([child["status"] for child in children], ["RUNNING", "RUNNING"], "children")
    child = sfn.describe_execution(executionArn=children[0]["executionArn"])
    check((child["mapRunArn"], child["status"]), (arn, "RUNNING"), "DescribeExecution of a child")
    events = sfn.get_execution_history(executionArn=children[0]["executionArn"])["events"]
    check([event["type"] for event in events], ["ExecutionStarted", "WaitStateEntered"], "child history")
    sfn.stop_execution(executionArn=execution)
    check(sfn.describe_map_run(mapRunArn=arn)["status"], "ABORTED", "Map Run after StopExecution")
    missing = arn[:-4] + "0000"
    expect_error("ResourceNotFound", f"Resource not found: '{missing}'", sfn.describe_map_run, mapRunArn=missing)


def run_groups(label, tests):
    """Runs each group of checks in order; 0 when all pass, else 1 after printing the first failure."""
    for test in tests:
        try:
            test()
        except AssertionError as failure:
            print(f"FAIL {test.__name__}: {failure}")
            return 1
        print(f"ok   {test.__name__}")
    print(f"{label}: {len(tests)} groups passed")
    return 0


def main():
    return run_groups("boto3", [test_state_machines, test_executions, test_stop_and_list, test_tags, test_errors, test_map_runs])


if __name__ == "__main__":
    sys.exit(main())
