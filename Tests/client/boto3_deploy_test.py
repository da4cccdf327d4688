#!/usr/bin/env python3
"""Starts an execution through the alias `stepwise deploy` made (deploy_test.sh), with boto3 and a profile of the
server's credentials file, and checks exact answers.

Usage: boto3_deploy_test.py http://127.0.0.1:PORT PROFILE
Exits 0 when every check passes; prints the first failure and exits 1 otherwise.
"""
import json
import sys
import time

import boto3

ENDPOINT, PROFILE = sys.argv[1], sys.argv[2]
MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:greet"
sfn = boto3.Session(profile_name=PROFILE).client("stepfunctions", endpoint_url=ENDPOINT)


def check(label, actual, expected):
    if actual != expected:
        print(f"FAIL {label}: expected {expected!r}, got {actual!r}")
        sys.exit(1)


alias = sfn.describe_state_machine_alias(stateMachineAliasArn=f"{MACHINE}:live")
check("alias routing", alias["routingConfiguration"], [{"stateMachineVersionArn": f"{MACHINE}:1", "weight": 100}])
started = sfn.start_execution(stateMachineArn=f"{MACHINE}:live", name="deployed", input=json.dumps({"name": "Ada"}))
check("execution ARN", started["executionArn"], "arn:aws:states:us-east-1:123456789012:execution:greet:deployed")
deadline = time.monotonic() + 20
while True:
    execution = sfn.describe_execution(executionArn=started["executionArn"])
    if execution["status"] != "RUNNING" or time.monotonic() > deadline:
        break
    time.sleep(0.05)
check("status", execution["status"], "SUCCEEDED")
check("output", json.loads(execution["output"]), {"greeting": "Hello, Ada"})
check("alias of the execution", execution.get("stateMachineAliasArn"), f"{MACHINE}:live")
check("version of the execution", execution.get("stateMachineVersionArn"), f"{MACHINE}:1")
print("boto3 deploy test passed")
