#!/usr/bin/env python3
"""Drives RedriveExecution on a running `stepwise serve` with boto3; botocore's own model parses every answer.

Usage: boto3_redrive_test.py http://127.0.0.1:PORT
Exits 0 when every check passes.
"""
import datetime
import json

from botocore.exceptions import ClientError

from boto3_client_test import ROLE, check, sfn, wait_until_finished as finished

# A branch that fails until the execution is redriven, beside one that always succeeds.
FLAKY = "{% $states.context.Execution.RedriveCount = 0 ? $error('first attempt') : $states.context.Execution.RedriveCount %}"
PARALLEL = json.dumps({"QueryLanguage": "JSONata", "StartAt": "Both", "States": {"Both": {
    "Type": "Parallel", "End": True, "Branches": [
        {"StartAt": "Steady", "States": {"Steady": {"Type": "Pass", "Output": "steady", "End": True}}},
        {"StartAt": "Flaky", "States": {"Flaky": {"Type": "Pass", "Output": FLAKY, "End": True}}}]}}})


def test_redrive_parallel():
    machine = sfn.create_state_machine(name="boto-redrive", definition=PARALLEL, roleArn=ROLE)["stateMachineArn"]
    arn = sfn.start_execution(stateMachineArn=machine, name="first")["executionArn"]
    failed = finished(arn)
    check(failed["status"], "FAILED", "status before the redrive")
    check((failed["redriveCount"], failed["redriveStatus"]), (0, "REDRIVABLE"), "redrive members before")
    check("redriveDate" in failed, False, "no redriveDate before the redrive")
    redriven = sfn.redrive_execution(executionArn=arn)
    check(isinstance(redriven["redriveDate"], datetime.datetime), True, "redriveDate is a timestamp")
    done = finished(arn)
    check(done["status"], "SUCCEEDED", "status after the redrive")
    check(json.loads(done["output"]), ["steady", 1], "the kept branch's output and the redriven one's")
    check(done["redriveCount"], 1, "redriveCount")
    check(done["redriveDate"], redriven["redriveDate"], "redriveDate")
    check((done["redriveStatus"], done["redriveStatusReason"]),
          ("NOT_REDRIVABLE", "Execution is SUCCEEDED and cannot be redriven"), "redriveStatus after")
    events = sfn.get_execution_history(executionArn=arn)["events"]
    check([event["id"] for event in events], list(range(1, len(events) + 1)), "event ids go on")
    types = [event["type"] for event in events]
    redrive = types.index("ExecutionRedriven")
    check(types[redrive - 1], "ExecutionFailed", "ExecutionRedriven follows the end")
    check(events[redrive]["executionRedrivenEventDetails"], {"redriveCount": 1}, "ExecutionRedriven details")
    check(types[redrive:], ["ExecutionRedriven", "ParallelStateEntered", "ParallelStateStarted", "PassStateEntered",
                            "PassStateExited", "ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded"],
          "only the failed branch runs again")
    check(events[redrive + 3]["stateEnteredEventDetails"]["name"], "Flaky", "the redriven branch")
    listed = sfn.list_executions(stateMachineArn=machine, redriveFilter="REDRIVEN")["executions"]
    check([(item["name"], item["redriveCount"]) for item in listed], [("first", 1)], "REDRIVEN filter")
    check(sfn.list_executions(stateMachineArn=machine, redriveFilter="NOT_REDRIVEN")["executions"], [], "NOT_REDRIVEN")
    try:
        sfn.redrive_execution(executionArn=arn)
    except ClientError as error:
        check(error.response["Error"]["Code"], "ExecutionNotRedrivable", "refusal code")
        check(error.response["Error"]["Message"], "Execution is SUCCEEDED and cannot be redriven", "refusal message")
    else:
        raise AssertionError("a SUCCEEDED execution was redriven")
    try:
        sfn.redrive_execution(executionArn=machine.replace(":stateMachine:", ":execution:") + ":missing")
    except ClientError as error:
        check(error.response["Error"]["Code"], "ExecutionDoesNotExist", "unknown execution")
    else:
        raise AssertionError("an unknown execution was redriven")


def main():
    for test in (test_redrive_parallel,):
        test()
        print(f"ok {test.__name__}")


if __name__ == "__main__":
    main()
