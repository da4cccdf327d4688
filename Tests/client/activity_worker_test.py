#!/usr/bin/env python3
"""An activity worker written in Python against a running `stepwise serve`: it long-polls GetActivityTask,
does the work and answers SendTaskSuccess (or SendTaskFailure), as a real worker does.

Usage: activity_worker_test.py http://127.0.0.1:PORT
Serve with STEPWISE_ACTIVITY_POLL_SECONDS=1 so an empty poll answers within a second.
Exits 0 when every check passes; prints the first failure and exits 1 otherwise.
"""
import json
import sys
import threading
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
ROLE = "arn:aws:iam::123456789012:role/boto3"

sfn = boto3.client("stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1",
                   aws_access_key_id="x", aws_secret_access_key="x",
                   config=Config(retries={"max_attempts": 1}, read_timeout=70))


def check(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def worker(activity_arn, name, stop):
    """Squares `n`; fails tasks whose `n` is negative."""
    while not stop.is_set():
        task = sfn.get_activity_task(activityArn=activity_arn, workerName=name)
        if not task.get("taskToken"):
            continue
        n = json.loads(task["input"])["n"]
        if n < 0:
            sfn.send_task_failure(taskToken=task["taskToken"], error="NegativeInput", cause=f"n = {n}")
        else:
            sfn.send_task_heartbeat(taskToken=task["taskToken"])
            sfn.send_task_success(taskToken=task["taskToken"], output=json.dumps({"square": n * n}))


def wait_until_finished(arn):
    for _ in range(1000):
        description = sfn.describe_execution(executionArn=arn)
        if description["status"] != "RUNNING":
            return description
        time.sleep(0.01)
    raise AssertionError(f"{arn} still RUNNING")


def main():
    activity = sfn.create_activity(name="squarer")["activityArn"]
    check(sfn.create_activity(name="squarer")["activityArn"], activity, "CreateActivity is idempotent")
    check(sfn.describe_activity(activityArn=activity)["name"], "squarer", "DescribeActivity")
    check([a["name"] for a in sfn.list_activities()["activities"]], ["squarer"], "ListActivities")

    started = time.monotonic()
    empty = sfn.get_activity_task(activityArn=activity, workerName="probe")
    check(empty.get("taskToken"), None, "an empty poll has no token")
    check(time.monotonic() - started < 5, True, "an empty poll ends after the configured wait")

    definition = json.dumps({"StartAt": "Square", "States": {"Square": {
        "Type": "Task", "Resource": activity, "HeartbeatSeconds": 30, "End": True}}})
    machine = sfn.create_state_machine(name="squares", definition=definition, roleArn=ROLE)["stateMachineArn"]

    stop = threading.Event()
    workers = [threading.Thread(target=worker, args=(activity, f"py-{i}", stop)) for i in range(2)]
    for thread in workers:
        thread.start()
    try:
        runs = {n: sfn.start_execution(stateMachineArn=machine, name=f"n{n}".replace("-", "m"),
                                       input=json.dumps({"n": n}))["executionArn"] for n in (3, 4, -1)}
        for n in (3, 4):
            description = wait_until_finished(runs[n])
            check((description["status"], json.loads(description["output"])), ("SUCCEEDED", {"square": n * n}), f"n = {n}")
            events = sfn.get_execution_history(executionArn=runs[n])["events"]
            check([e["type"] for e in events], ["ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted",
                                                 "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded"], f"history of n = {n}")
            check(events[3]["activityStartedEventDetails"]["workerName"].startswith("py-"), True, "workerName")
        failed = wait_until_finished(runs[-1])
        check((failed["status"], failed["error"], failed["cause"]), ("FAILED", "NegativeInput", "n = -1"), "failed task")
    finally:
        stop.set()
        for thread in workers:
            thread.join()

    sfn.delete_activity(activityArn=activity)
    try:
        sfn.describe_activity(activityArn=activity)
        raise AssertionError("DescribeActivity after DeleteActivity should fail")
    except ClientError as error:
        check(error.response["Error"]["Code"], "ActivityDoesNotExist", "deleted activity")
    print("activity worker tests passed")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
