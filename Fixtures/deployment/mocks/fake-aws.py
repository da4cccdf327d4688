#!/usr/bin/env python3
"""Stand-ins for the AWS calls of the deployment workflows that Stepwise had no local service for when they were
written (CodeBuild, CloudFormation, the Lambda control plane, SNS), for `--resources resources.json`.

    python3 fake-aws.py SERVICE:ACTION   (the Task's arguments on stdin, its result on stdout)

State is one JSON file in $DEPLOY_FAKE_STATE (default: $TMPDIR/stepwise-deploy-fake): stacks, change sets and
how often each was executed, the function's versions and aliases, the builds, and the outbox of SNS messages.
CodeBuild projects come from ../codebuild-projects.json and their commands really run (in Fixtures/deployment,
with the overrides as environment). A stack's InjectFailure parameter injects failures: `deploy` (the update rolls
back: UPDATE_ROLLBACK_COMPLETE, or ROLLBACK_COMPLETE for a creation) or `rollback` (UPDATE_ROLLBACK_FAILED /
ROLLBACK_FAILED). While the file `hold` exists in the state folder, describeStacks of a stack being deployed
waits (after writing `holding`).
A fresh state has function registry-api-handler at versions 1-3 with alias live -> 3 and, when
$DEPLOY_FAKE_API_URL is set, stack registry-api UPDATE_COMPLETE with that ApiUrl."""
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
STATE_DIR = os.environ.get("DEPLOY_FAKE_STATE") or os.path.join(tempfile.gettempdir(), "stepwise-deploy-fake")
ACCOUNT = "arn:aws:cloudformation:us-east-1:123456789012"


def fail(error, message):
    print(json.dumps({"errorType": error, "errorMessage": message}))
    sys.exit(0)


def fresh():
    state = {"stacks": {}, "changeSets": {}, "executions": {}, "builds": [], "outbox": [],
             "functions": {"registry-api-handler": {"versions": ["1", "2", "3"], "aliases": {"live": "3"}}}}
    url = os.environ.get("DEPLOY_FAKE_API_URL")
    if url:
        state["stacks"]["registry-api"] = {"StackName": "registry-api", "StackId": ACCOUNT + ":stack/registry-api/initial",
                                           "StackStatus": "UPDATE_COMPLETE", "Outputs": [{"OutputKey": "ApiUrl", "OutputValue": url}]}
    return state


def stack_output(stack):
    return {k: v for k, v in stack.items() if not k.startswith("_")}


def deploying(name):
    path = os.path.join(STATE_DIR, "state.json")
    return os.path.exists(path) and bool(json.load(open(path))["stacks"].get(name, {}).get("_next"))


def main():
    op = sys.argv[1]
    request = json.load(sys.stdin)
    os.makedirs(STATE_DIR, exist_ok=True)
    if op == "cloudformation:describeStacks" and os.path.exists(os.path.join(STATE_DIR, "hold")) and deploying(request["StackName"]):
        open(os.path.join(STATE_DIR, "holding"), "w").close()
        while os.path.exists(os.path.join(STATE_DIR, "hold")):
            time.sleep(0.05)
    if op == "codebuild:startBuild.sync":
        return build(request)
    with open(os.path.join(STATE_DIR, "lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        path = os.path.join(STATE_DIR, "state.json")
        state = json.load(open(path)) if os.path.exists(path) else fresh()
        result = handle(op, request, state)
        json.dump(state, open(path + ".tmp", "w"), indent=1)
        os.replace(path + ".tmp", path)
    print(json.dumps(result))


def build(request):
    project = request["ProjectName"]
    projects = json.load(open(os.path.join(ROOT, "codebuild-projects.json")))["projects"]
    if project not in projects:
        fail("CodeBuild.ResourceNotFoundException", "Project cannot be found: arn:aws:codebuild:us-east-1:123456789012:project/" + project)
    env = dict(os.environ)
    for variable in request.get("EnvironmentVariablesOverride", []):
        env[variable["Name"]] = variable["Value"]
    spec = projects[project]
    command = spec.get("command") or ["sh", "-c", " && ".join(spec["buildspec"]["phases"]["build"]["commands"])]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    build_id = project + ":" + str(uuid.uuid4())
    status = "SUCCEEDED" if run.returncode == 0 else "FAILED"
    result = {"Id": build_id, "Arn": "arn:aws:codebuild:us-east-1:123456789012:build/" + build_id, "ProjectName": project,
              "BuildStatus": status, "BuildComplete": True, "CurrentPhase": "COMPLETED",
              "Environment": {"EnvironmentVariables": request.get("EnvironmentVariablesOverride", [])},
              "Logs": {"stdout": run.stdout[-2000:], "stderr": run.stderr[-2000:]}}
    with open(os.path.join(STATE_DIR, "builds.jsonl"), "a") as log:
        log.write(json.dumps({"project": project, "status": status}) + "\n")
    if status == "FAILED":
        fail("States.TaskFailed", json.dumps(result))
    print(json.dumps({"Build": result}))


def missing_stack(name):
    fail("CloudFormation.CloudFormationException", "Stack with id %s does not exist (Service: CloudFormation, Status Code: 400)" % name)


def handle(op, r, state):
    stacks, sets = state["stacks"], state["changeSets"]
    if op == "cloudformation:describeStacks":
        stack = stacks.get(r["StackName"])
        if not stack or stack["StackStatus"] == "DELETE_COMPLETE":
            missing_stack(r["StackName"])
        if stack.get("_next"):
            stack["StackStatus"] = stack.pop("_next")
            if "_reason" in stack:
                stack["StackStatusReason"] = stack.pop("_reason")
        return {"Stacks": [stack_output(stack)]}
    if op == "cloudformation:createChangeSet":
        key = r["StackName"] + "/" + r["ChangeSetName"]
        if key in sets:
            fail("CloudFormation.AlreadyExistsException", "ChangeSet %s already exists" % r["ChangeSetName"])
        sets[key] = {"Status": "CREATE_PENDING", "ExecutionStatus": "UNAVAILABLE", "ChangeSetType": r.get("ChangeSetType", "UPDATE"),
                     "Parameters": {p["ParameterKey"]: p["ParameterValue"] for p in r.get("Parameters", [])}, "Id": ACCOUNT + ":changeSet/" + r["ChangeSetName"] + "/" + str(uuid.uuid4())}
        return {"Id": sets[key]["Id"], "StackId": ACCOUNT + ":stack/" + r["StackName"] + "/1"}
    if op == "cloudformation:describeChangeSet":
        change = sets.get(r["StackName"] + "/" + r["ChangeSetName"])
        if not change:
            fail("CloudFormation.ChangeSetNotFoundException", "ChangeSet [%s] does not exist" % r["ChangeSetName"])
        answer = {"ChangeSetName": r["ChangeSetName"], "StackName": r["StackName"], "Status": change["Status"], "ExecutionStatus": change["ExecutionStatus"]}
        if change["Status"] == "CREATE_PENDING":
            change["Status"], change["ExecutionStatus"] = "CREATE_COMPLETE", "AVAILABLE"
        return answer
    if op == "cloudformation:executeChangeSet":
        key = r["StackName"] + "/" + r["ChangeSetName"]
        state["executions"][key] = state["executions"].get(key, 0) + 1
        change = sets.get(key)
        if not change:
            fail("CloudFormation.ChangeSetNotFoundException", "ChangeSet [%s] does not exist" % r["ChangeSetName"])
        if change["ExecutionStatus"] != "AVAILABLE":
            fail("CloudFormation.InvalidChangeSetStatusException", "ChangeSet [%s] cannot be executed in its current execution status of [%s]" % (change["Id"], change["ExecutionStatus"]))
        change["ExecutionStatus"] = "EXECUTE_COMPLETE"
        params = change["Parameters"]
        create = change["ChangeSetType"] == "CREATE"
        inject = params.get("InjectFailure", "")
        final = {"": "CREATE_COMPLETE" if create else "UPDATE_COMPLETE",
                 "deploy": "ROLLBACK_COMPLETE" if create else "UPDATE_ROLLBACK_COMPLETE",
                 "rollback": "ROLLBACK_FAILED" if create else "UPDATE_ROLLBACK_FAILED"}[inject]
        stack = stacks.get(r["StackName"]) or {"StackName": r["StackName"], "StackId": ACCOUNT + ":stack/" + r["StackName"] + "/" + str(uuid.uuid4())}
        stack.pop("StackStatusReason", None)
        stack["StackStatus"] = "CREATE_IN_PROGRESS" if create else "UPDATE_IN_PROGRESS"
        stack["_next"] = final
        if inject:
            stack["_reason"] = "The following resource(s) failed to %s: [Handler]. " % ("create" if create else "update")
        if not inject:
            stack["Outputs"] = [{"OutputKey": "ApiUrl", "OutputValue": params.get("ApiBaseUrl", "http://127.0.0.1:8090")},
                                {"OutputKey": "HandlerStrategy", "OutputValue": params.get("HandlerStrategy", "")}]
        stack["Parameters"] = [{"ParameterKey": k, "ParameterValue": v} for k, v in params.items()]
        stacks[r["StackName"]] = stack
        return {}
    if op == "cloudformation:rollbackStack":
        stack = stacks.get(r["StackName"]) or missing_stack(r["StackName"])
        stack["StackStatus"], stack["_next"] = "UPDATE_ROLLBACK_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE"
        return {"StackId": stack["StackId"]}
    if op == "cloudformation:deleteStack":
        if r["StackName"] in stacks:
            stacks[r["StackName"]]["StackStatus"], stacks[r["StackName"]]["_next"] = "DELETE_IN_PROGRESS", "DELETE_COMPLETE"
        return {}
    if op.startswith("lambda:"):
        function = state["functions"].get(r["FunctionName"])
        if not function:
            fail("Lambda.ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:123456789012:function:" + r["FunctionName"])
        if op == "lambda:updateFunctionCode":
            function["code"] = r.get("S3Key") or r.get("ImageUri")
            return {"FunctionName": r["FunctionName"], "Version": "$LATEST"}
        if op == "lambda:publishVersion":
            function["versions"].append(str(len(function["versions"]) + 1))
            return {"FunctionName": r["FunctionName"], "Version": function["versions"][-1], "Description": r.get("Description", "")}
        alias = r["Name"]
        if op == "lambda:getAlias":
            if alias not in function["aliases"]:
                fail("Lambda.ResourceNotFoundException", "Cannot find alias arn: arn:aws:lambda:us-east-1:123456789012:function:%s:%s" % (r["FunctionName"], alias))
            return {"Name": alias, "FunctionVersion": function["aliases"][alias]}
        if op == "lambda:updateAlias":
            if alias not in function["aliases"]:
                fail("Lambda.ResourceNotFoundException", "Alias not found: " + alias)
            if r["FunctionVersion"] not in function["versions"]:
                fail("Lambda.ResourceNotFoundException", "Function not found: %s:%s" % (r["FunctionName"], r["FunctionVersion"]))
            function["aliases"][alias] = r["FunctionVersion"]
            return {"Name": alias, "FunctionVersion": r["FunctionVersion"]}
    if op == "sns:publish":
        message_id = str(uuid.uuid4())
        state["outbox"].append({"service": "sns", "TopicArn": r.get("TopicArn"), "Subject": r.get("Subject"), "Message": r.get("Message"), "MessageId": message_id})
        return {"MessageId": message_id}
    fail("States.Runtime", "fake-aws.py has no " + op)


main()
