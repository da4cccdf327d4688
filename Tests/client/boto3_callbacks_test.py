#!/usr/bin/env python3
"""The callback pattern through boto3 against a running `stepwise serve`: a `.waitForTaskToken` task waits
until the application calls SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat with its token.

Usage: boto3_callbacks_test.py http://127.0.0.1:PORT
Exits 0 when every check passes; prints the first failure and exits 1 otherwise.
"""
import json
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
ROLE = "arn:aws:iam::123456789012:role/boto3"
WAITER = json.dumps({"StartAt": "Notify", "States": {"Notify": {
    "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    "Parameters": {"QueueUrl": "approvals", "MessageBody": {"token.$": "$$.Task.Token", "order.$": "$.order"}},
    "HeartbeatSeconds": 60, "ResultPath": "$.approval", "End": True}}})

sfn = boto3.client("stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1",
                   aws_access_key_id="x", aws_secret_access_key="x",
                   config=Config(retries={"max_attempts": 1}))


def check(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def error_code(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        return error.response["Error"]["Code"], error.response["Error"]["Message"]
    raise AssertionError(f"{call.__name__} should have failed")


def history_types(arn):
    return [event["type"] for event in sfn.get_execution_history(executionArn=arn)["events"]]


def start_waiting(machine, name, order):
    arn = sfn.start_execution(stateMachineArn=machine, name=name, input=json.dumps({"order": order}))["executionArn"]
    for _ in range(500):
        if "TaskSubmitted" in history_types(arn):
            return arn, f"{arn}#1"
        time.sleep(0.01)
    raise AssertionError(f"{arn} never submitted its task")


def wait_until_finished(arn):
    for _ in range(500):
        description = sfn.describe_execution(executionArn=arn)
        if description["status"] != "RUNNING":
            return description
        time.sleep(0.01)
    raise AssertionError(f"{arn} still RUNNING")


def main():
    machine = sfn.create_state_machine(name="boto-callbacks", definition=WAITER, roleArn=ROLE)["stateMachineArn"]

    arn, token = start_waiting(machine, "approve-1", 41)
    check(sfn.send_task_heartbeat(taskToken=token)["ResponseMetadata"]["HTTPStatusCode"], 200, "heartbeat")
    sfn.send_task_success(taskToken=token, output=json.dumps({"approved": True}))
    description = wait_until_finished(arn)
    check(description["status"], "SUCCEEDED", "status after SendTaskSuccess")
    check(json.loads(description["output"]), {"order": 41, "approval": {"approved": True}}, "output")
    check(history_types(arn), ["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted",
                               "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"], "history")
    check(error_code(sfn.send_task_success, taskToken=token, output="{}")[0], "TaskDoesNotExist", "second callback")

    arn, token = start_waiting(machine, "reject-1", 42)
    sfn.send_task_failure(taskToken=token, error="Rejected", cause="over budget")
    description = wait_until_finished(arn)
    check((description["status"], description["error"], description["cause"]), ("FAILED", "Rejected", "over budget"), "failure")

    check(error_code(sfn.send_task_success, taskToken="no-such-token", output="{}"),
          ("InvalidToken", "Invalid Token: 'Invalid token'"), "unknown token")
    arn, token = start_waiting(machine, "bad-output", 43)
    check(error_code(sfn.send_task_success, taskToken=token, output="{not json")[0], "InvalidOutput", "bad output")
    sfn.stop_execution(executionArn=arn)
    check(error_code(sfn.send_task_heartbeat, taskToken=token)[0], "TaskDoesNotExist", "heartbeat after stop")
    print("boto3 callback tests passed")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
