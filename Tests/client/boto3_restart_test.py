#!/usr/bin/env python3
"""Page tokens of every List action survive a restart of `stepwise serve` on the same database (boto3, parsed by
botocore's models); a token that was never issued is InvalidToken.

Usage: boto3_restart_test.py http://127.0.0.1:PORT STATE.json before|after
`before` creates two of everything, reads page 1 of each listing (maxResults 1) and writes the tokens to STATE.json;
the caller restarts the server on the same database; `after` reads page 2 with those tokens.
Exits 0 when every check passes; prints the first failure and exits 1 otherwise.
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boto3_client_test import PREFIX, ROLE, check, expect_error, run_groups, sfn  # noqa: E402
from boto3_client_test import wait_until_finished as finished  # noqa: E402

STATE, PHASE = sys.argv[2], sys.argv[3]
MACHINE = f"{PREFIX}:stateMachine:restart-a"
PASS = json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}})
MAP = json.dumps({"StartAt": "M", "States": {"M": {
    "Type": "Map", "ItemsPath": "$.items", "End": True,
    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "I", "States": {"I": {"Type": "Pass", "End": True}}}}}})


def listings():
    """(operation, arguments, key of the items) of every List action."""
    execution = f"{PREFIX}:execution:restart-a:run-0"
    mapped = f"{PREFIX}:execution:restart-map:mapped"
    map_run = sfn.list_map_runs(executionArn=mapped)["mapRuns"][0]["mapRunArn"]
    return [
        ("list_state_machines", {}, "stateMachines"), ("list_activities", {}, "activities"),
        ("list_executions", {"stateMachineArn": MACHINE}, "executions"),
        ("list_executions", {"mapRunArn": map_run}, "executions"),
        ("list_state_machine_versions", {"stateMachineArn": MACHINE}, "stateMachineVersions"),
        ("list_state_machine_aliases", {"stateMachineArn": MACHINE}, "stateMachineAliases"),
        ("get_execution_history", {"executionArn": execution}, "events"),
    ]


def before():
    for name in ("restart-a", "restart-b"):
        sfn.create_state_machine(name=name, definition=PASS, roleArn=ROLE)
    for name in ("restart-one", "restart-two"):
        sfn.create_activity(name=name)
    for index in range(2):
        finished(sfn.start_execution(stateMachineArn=MACHINE, name=f"run-{index}")["executionArn"])
        sfn.update_state_machine(stateMachineArn=MACHINE, tracingConfiguration={"enabled": index == 0}, publish=True)
    for name in ("first", "second"):
        sfn.create_state_machine_alias(
            name=name, routingConfiguration=[{"stateMachineVersionArn": f"{MACHINE}:1", "weight": 100}])
    sfn.create_state_machine(name="restart-map", definition=MAP, roleArn=ROLE)
    finished(sfn.start_execution(stateMachineArn=f"{PREFIX}:stateMachine:restart-map", name="mapped",
                                 input=json.dumps({"items": [1, 2, 3]}))["executionArn"])
    pages = []
    for operation, arguments, key in listings():
        page = getattr(sfn, operation)(maxResults=1, **arguments)
        check(len(page[key]), 1, f"{operation} page 1")
        check("nextToken" in page, True, f"{operation} has a next page")
        pages.append({"first": json.dumps(page[key][0], default=str), "token": page["nextToken"]})
    with open(STATE, "w") as file:
        json.dump(pages, file)


def after():
    with open(STATE) as file:
        pages = json.load(file)
    for (operation, arguments, key), page in zip(listings(), pages):
        following = getattr(sfn, operation)(maxResults=1, nextToken=page["token"], **arguments)
        check(len(following[key]), 1, f"{operation} page 2 after the restart")
        check(json.dumps(following[key][0], default=str) != page["first"], True, f"{operation} page 2 is another item")
        expect_error("InvalidToken", "Invalid Token: 'Invalid token'", getattr(sfn, operation), maxResults=1,
                     nextToken="not-a-token", **arguments)


def main():
    return run_groups(f"boto3 page tokens ({PHASE} the restart)", [before if PHASE == "before" else after])


if __name__ == "__main__":
    sys.exit(main())
