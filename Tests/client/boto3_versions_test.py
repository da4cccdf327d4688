#!/usr/bin/env python3
"""Drives versions and aliases of a running `stepwise serve` with boto3 and checks exact answers, parsed by botocore.

Usage: boto3_versions_test.py http://127.0.0.1:PORT SEED
SEED is the server's STEPWISE_ROUTING_SEED: the test computes which version each start through a weighted alias
gets (SplitMix64 draws, Swift's `Int.random(in: 0..<100)`), so it must be the first to start through an alias.
Exits 0 when every check passes; prints the first failure and exits 1 otherwise.
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boto3_client_test import PREFIX, ROLE, check, expect_error, run_groups, sfn  # noqa: E402  (the same endpoint, argv[1])
from boto3_client_test import wait_until_finished as finished  # noqa: E402

SEED = int(sys.argv[2])
MACHINE = f"{PREFIX}:stateMachine:boto-versions"
MASK = (1 << 64) - 1


def definition(result):
    return json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": result, "End": True}}})


def answer(response):
    return {key: value for key, value in response.items() if key != "ResponseMetadata"}


def pages(call, key, **kwargs):
    """Every item of a listing botocore has no paginator for, following nextToken a page at a time."""
    items, token = [], None
    while True:
        page = call(**kwargs, **({"nextToken": token} if token else {}))
        items += page[key]
        token = page.get("nextToken")
        if not token:
            return items


class SplitMix64:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, bound):
        """Swift's `next(upperBound:)`: Lemire's multiply-shift with rejection."""
        product = self.next() * bound
        if product & MASK < bound:
            threshold = ((1 << 64) - bound) % bound
            while product & MASK < threshold:
                product = self.next() * bound
        return product >> 64


def test_publish():
    created = sfn.create_state_machine(name="boto-versions", definition=definition(1), roleArn=ROLE,
                                       publish=True, versionDescription="first")
    check(sorted(answer(created)), ["creationDate", "stateMachineArn", "stateMachineVersionArn"], "create answer")
    check(created["stateMachineVersionArn"], f"{MACHINE}:1", "version 1")
    version = answer(sfn.describe_state_machine(stateMachineArn=f"{MACHINE}:1"))
    check(version, {
        "stateMachineArn": f"{MACHINE}:1", "name": "boto-versions", "status": "ACTIVE", "definition": definition(1),
        "roleArn": ROLE, "type": "STANDARD", "creationDate": created["creationDate"],
        "loggingConfiguration": {"level": "OFF", "includeExecutionData": False}, "tracingConfiguration": {"enabled": False},
        "encryptionConfiguration": {"type": "AWS_OWNED_KEY"}, "description": "first"}, "describe version 1")
    check("revisionId" in sfn.describe_state_machine(stateMachineArn=MACHINE), False, "no revisionId before an update")
    updated = sfn.update_state_machine(stateMachineArn=MACHINE, definition=definition(2), publish=True)
    check(updated["stateMachineVersionArn"], f"{MACHINE}:2", "update publishes version 2")
    again = sfn.update_state_machine(stateMachineArn=MACHINE, definition=definition(2), publish=True)
    check((again["stateMachineVersionArn"], again["revisionId"]), (f"{MACHINE}:2", updated["revisionId"]), "same update")
    published = sfn.publish_state_machine_version(stateMachineArn=MACHINE, revisionId=updated["revisionId"])
    check(published["stateMachineVersionArn"], f"{MACHINE}:2", "idempotent publish")
    sfn.update_state_machine(stateMachineArn=MACHINE, definition=definition(3))
    current = sfn.describe_state_machine(stateMachineArn=MACHINE)["revisionId"]
    expect_error("ConflictException",
                 f"Failed to publish the State Machine version for revision {updated['revisionId']}. "
                 f"The current State Machine revision is {current}.",
                 sfn.publish_state_machine_version, status=409, stateMachineArn=MACHINE, revisionId=updated["revisionId"])
    check(sfn.publish_state_machine_version(stateMachineArn=MACHINE, description="third")["stateMachineVersionArn"],
          f"{MACHINE}:3", "publish version 3")
    listed = [v["stateMachineVersionArn"] for v in pages(
        sfn.list_state_machine_versions, "stateMachineVersions", stateMachineArn=MACHINE, maxResults=1)]
    check(listed, [f"{MACHINE}:3", f"{MACHINE}:2", f"{MACHINE}:1"], "versions over pages of 1")
    expect_error("StateMachineDoesNotExist", f"State Machine Does Not Exist: '{MACHINE}:2'",
                 sfn.update_state_machine, stateMachineArn=f"{MACHINE}:2", definition=definition(4))
    expect_error("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: invalid_arn'",
                 sfn.publish_state_machine_version, stateMachineArn="invalid_arn")


def test_aliases():
    created = sfn.create_state_machine_alias(name="SPLIT", description="thirty-seventy", routingConfiguration=[
        {"stateMachineVersionArn": f"{MACHINE}:1", "weight": 30}, {"stateMachineVersionArn": f"{MACHINE}:2", "weight": 70}])
    check(created["stateMachineAliasArn"], f"{MACHINE}:SPLIT", "alias ARN")
    described = answer(sfn.describe_state_machine_alias(stateMachineAliasArn=f"{MACHINE}:SPLIT"))
    check(described, {
        "stateMachineAliasArn": f"{MACHINE}:SPLIT", "name": "SPLIT", "description": "thirty-seventy",
        "routingConfiguration": [{"stateMachineVersionArn": f"{MACHINE}:1", "weight": 30},
                                 {"stateMachineVersionArn": f"{MACHINE}:2", "weight": 70}],
        "creationDate": created["creationDate"], "updateDate": created["creationDate"]}, "describe alias")
    draws = SplitMix64(SEED)
    expected, actual = [], []
    for index in range(20):
        expected.append(f"{MACHINE}:{1 if draws.below(100) < 30 else 2}")
        execution = sfn.start_execution(stateMachineArn=f"{MACHINE}:SPLIT", name=f"split-{index}")["executionArn"]
        description = finished(execution)
        check(description["stateMachineAliasArn"], f"{MACHINE}:SPLIT", "execution's alias")
        check(description["output"], "1" if description["stateMachineVersionArn"].endswith(":1") else "2", "version's output")
        actual.append(description["stateMachineVersionArn"])
    check(actual, expected, "versions picked by the seeded draws")
    listed = [e for page in sfn.get_paginator("list_executions").paginate(
        stateMachineArn=f"{MACHINE}:SPLIT", PaginationConfig={"PageSize": 7}) for e in page["executions"]]
    check([e["name"] for e in listed], [f"split-{index}" for index in reversed(range(20))], "executions of the alias")
    check(listed[0]["stateMachineVersionArn"], actual[-1], "listed version")
    history = sfn.get_execution_history(executionArn=listed[0]["executionArn"])["events"][0]["executionStartedEventDetails"]
    check((history["stateMachineAliasArn"], history["stateMachineVersionArn"]), (f"{MACHINE}:SPLIT", actual[-1]), "history")
    used = sfn.describe_state_machine_for_execution(executionArn=listed[0]["executionArn"])
    check((used["stateMachineArn"], used["definition"]), (MACHINE, definition(int(actual[-1][-1]))), "definition used")
    sfn.create_state_machine_alias(name="STABLE", routingConfiguration=[{"stateMachineVersionArn": f"{MACHINE}:1", "weight": 100}])
    aliases = [a["stateMachineAliasArn"] for a in pages(
        sfn.list_state_machine_aliases, "stateMachineAliases", stateMachineArn=MACHINE, maxResults=1)]
    check(aliases, [f"{MACHINE}:SPLIT", f"{MACHINE}:STABLE"], "aliases over pages of 1")
    expect_error("ConflictException",
                 "Version to be deleted must not be referenced by an alias. "
                 "Current list of aliases referencing this version: [SPLIT, STABLE]",
                 sfn.delete_state_machine_version, status=409, stateMachineVersionArn=f"{MACHINE}:1")
    sfn.update_state_machine_alias(stateMachineAliasArn=f"{MACHINE}:SPLIT",
                                   routingConfiguration=[{"stateMachineVersionArn": f"{MACHINE}:3", "weight": 100}])
    sfn.delete_state_machine_alias(stateMachineAliasArn=f"{MACHINE}:STABLE")
    sfn.delete_state_machine_alias(stateMachineAliasArn=f"{MACHINE}:STABLE")
    sfn.delete_state_machine_version(stateMachineVersionArn=f"{MACHINE}:1")
    check([v["stateMachineVersionArn"] for v in sfn.list_state_machine_versions(stateMachineArn=MACHINE)["stateMachineVersions"]],
          [f"{MACHINE}:3", f"{MACHINE}:2"], "versions after the delete")


def test_alias_errors():
    error = expect_error(
        "ValidationException", "Sum of routing configuration weights must equal 100. Received: [70, 29]",
        sfn.create_state_machine_alias, name="BAD", routingConfiguration=[
            {"stateMachineVersionArn": f"{MACHINE}:2", "weight": 70}, {"stateMachineVersionArn": f"{MACHINE}:3", "weight": 29}])
    check(error.get("reason"), "INVALID_ROUTING_CONFIGURATION", "reason member")
    expect_error("ValidationException",
                 "1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy "
                 "constraint: Member must have value less than or equal to 100",
                 sfn.create_state_machine_alias, name="BAD",
                 routingConfiguration=[{"stateMachineVersionArn": f"{MACHINE}:2", "weight": 101}])
    expect_error("ValidationException",
                 f"Routing configuration must contain state machine version ARNs. Received: [{MACHINE}]",
                 sfn.create_state_machine_alias, name="BAD",
                 routingConfiguration=[{"stateMachineVersionArn": MACHINE, "weight": 100}])
    expect_error("ConflictException",
                 "Failed to create alias because an alias with the same name and a different routing configuration already exists.",
                 sfn.create_state_machine_alias, status=409, name="SPLIT",
                 routingConfiguration=[{"stateMachineVersionArn": f"{MACHINE}:2", "weight": 100}])
    expect_error("ResourceNotFound", "Request references a resource that does not exist.",
                 sfn.update_state_machine_alias, stateMachineAliasArn=f"{MACHINE}:NOPE", description="x")
    expect_error("ResourceNotFound", "Request references a resource that does not exist.",
                 sfn.describe_state_machine_alias, stateMachineAliasArn=f"{MACHINE}:NOPE")
    expect_error("StateMachineDoesNotExist", f"State Machine Does Not Exist: '{MACHINE}:NOPE'",
                 sfn.start_execution, stateMachineArn=f"{MACHINE}:NOPE")


def test_delete_cascades():
    sfn.delete_state_machine(stateMachineArn=MACHINE)
    expect_error("StateMachineDoesNotExist", f"State Machine Does Not Exist: '{MACHINE}:2'",
                 sfn.describe_state_machine, stateMachineArn=f"{MACHINE}:2")
    check(sfn.list_state_machine_versions(stateMachineArn=MACHINE)["stateMachineVersions"], [], "no versions left")
    expect_error("ResourceNotFound", "Request references a resource that does not exist.",
                 sfn.describe_state_machine_alias, stateMachineAliasArn=f"{MACHINE}:SPLIT")


def main():
    return run_groups("boto3 versions and aliases", [test_publish, test_aliases, test_alias_errors, test_delete_cascades])


if __name__ == "__main__":
    sys.exit(main())
