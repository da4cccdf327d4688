#!/usr/bin/env python3
"""Peer for `stepwise-bench transitions`: the same definitions through moto's Step Functions interpreter.

moto (5.x) executes state machines only when its user config says so:
    mock_aws(config={"stepfunctions": {"execute_state_machine": True}})
(moto/stepfunctions/responses.py, get_backend); it then uses the LocalStack-derived interpreter in
moto/stepfunctions/parser. Executions run on a thread; we poll DescribeExecution until they end.

Usage: moto_transitions.py [--loop N] [--chain STATES] [--repeat R]
Prints one JSON object per benchmark on stdout: {"name", "transitions", "seconds", "per_second"}.
Transitions are state entries, counted from the history (StateEntered events); time runs from
StartExecution to the end status, so history retrieval is not included.
"""
import argparse
import json
import time

import boto3
from moto import mock_aws


def loop_definition(n):
    return {
        "StartAt": "Init",
        "States": {
            "Init": {"Type": "Pass", "Result": {"i": 0}, "Next": "Check"},
            "Check": {
                "Type": "Choice",
                "Choices": [{"Variable": "$.i", "NumericLessThan": n, "Next": "Inc"}],
                "Default": "Done",
            },
            "Inc": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)"}, "Next": "Check"},
            "Done": {"Type": "Succeed"},
        },
    }


def chain_definition(states):
    names = [f"S{index}" for index in range(states)]
    body = {}
    for index, name in enumerate(names):
        state = {"Type": "Pass"}
        if index + 1 < states:
            state["Next"] = names[index + 1]
        else:
            state["End"] = True
        body[name] = state
    return {"StartAt": names[0], "States": body}


def run(name, definition, execution_input):
    # A fresh mock per run: moto 5.2.1 deep-copies the state machine on StartExecution, and after one
    # execution the backend holds an RLock that cannot be copied ("cannot pickle '_thread.RLock' object").
    with mock_aws(config={"stepfunctions": {"execute_state_machine": True}}):
        client = boto3.client("stepfunctions", region_name="us-east-1")
        return run_in(client, name, definition, execution_input)


def run_in(client, name, definition, execution_input):
    arn = client.create_state_machine(
        name=name, definition=json.dumps(definition), roleArn="arn:aws:iam::123456789012:role/bench"
    )["stateMachineArn"]
    started = time.perf_counter()
    execution = client.start_execution(stateMachineArn=arn, input=json.dumps(execution_input))["executionArn"]
    while True:
        status = client.describe_execution(executionArn=execution)["status"]
        if status != "RUNNING":
            break
        time.sleep(0.001)
    seconds = time.perf_counter() - started
    if status != "SUCCEEDED":
        raise SystemExit(f"{name}: execution ended {status}")
    entered = 0
    paginator = client.get_paginator("get_execution_history")
    for page in paginator.paginate(executionArn=execution):
        entered += sum(1 for event in page["events"] if event["type"].endswith("StateEntered"))
    return entered, seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--loop", type=int, default=200, help="loop bound N (2N+2 transitions)")
    parser.add_argument("--chain", type=int, default=200, help="Pass states in the chain")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the median is printed")
    args = parser.parse_args()
    benchmarks = [("loop", loop_definition(args.loop), {}), ("chain", chain_definition(args.chain), {})]
    for name, definition, execution_input in benchmarks:
        runs = [run(f"{name}{attempt}", definition, execution_input) for attempt in range(args.repeat)]
        runs.sort(key=lambda entry: entry[1])
        transitions, seconds = runs[len(runs) // 2]
        result = {"name": name, "transitions": transitions, "seconds": seconds, "per_second": transitions / seconds}
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
