import Foundation
import JSON
import StepwiseDeploy
import StepwiseTesting
import Testing

/// `stepwise deploy` (the built binary) into a `stepwise serve` child: plan, dry run, create, nothing to do,
/// update, repair, refusals.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct DeployCommandTests {
    @Test("A dry run prints the plan and changes nothing")
    func dryRun() async throws {
        let bench = try await DeployBench.start()
        defer { bench.stop() }
        try await bench.expectDeploy(
            "--alias", "live", "--dry-run",
            prints: """
                  hello: create, publish version 1; alias live → version 1 (new)
                  world: create, publish version 1; alias live → version 1 (new)
                Dry run: nothing was changed.

                """)
        #expect(try await bench.call("ListStateMachines", [:])["stateMachines"] == [])
    }

    @Test("Deploy creates each state machine, publishes version 1 and points the alias at it; a second run does nothing")
    func createThenNothing() async throws {
        let bench = try await DeployBench.start()
        defer { bench.stop() }
        try await bench.expectDeploy(
            "--alias", "live",
            prints: """
                  hello: create, publish version 1; alias live → version 1 (new)
                  world: create, publish version 1; alias live → version 1 (new)
                hello: created \(DeployBench.account):hello, version 1
                hello: alias live created → version 1
                world: created \(DeployBench.account):world, version 1
                world: alias live created → version 1
                Done: 2 changed, 0 unchanged.

                """)
        let machine = try await bench.call("DescribeStateMachine", ["stateMachineArn": .string("\(DeployBench.account):hello")])
        #expect(machine["definition"] == .string(DeployBench.hello))
        #expect(machine["roleArn"] == "arn:aws:iam::123456789012:role/stepwise-execution")
        #expect(
            try await bench.aliasTarget("hello", "live") == [["stateMachineVersionArn": .string("\(DeployBench.account):hello:1"), "weight": 100]])
        try await bench.expectDeploy(
            "--alias", "live",
            prints: """
                  hello: unchanged (version 1); alias live unchanged (version 1)
                  world: unchanged (version 1); alias live unchanged (version 1)
                Nothing to do: every state machine is up to date.

                """)
    }

    @Test("A changed definition is updated, published as version 2, and the alias moves to it")
    func update() async throws {
        let bench = try await DeployBench.start()
        defer { bench.stop() }
        #expect(try await bench.deploy("--alias", "live").status == 0)
        let changed = DeployBench.hello.replacingOccurrences(of: #""hello""#, with: #""hello again""#)
        try bench.write("hello.asl.json", changed)
        try await bench.expectDeploy(
            "--alias", "live",
            prints: """
                  hello: update definition, publish version 2; alias live → version 2 (was version 1)
                  world: unchanged (version 1); alias live unchanged (version 1)
                hello: updated definition, published version 2
                hello: alias live moved → version 2
                Done: 1 changed, 1 unchanged.

                """)
        #expect(
            try await bench.aliasTarget("hello", "live") == [["stateMachineVersionArn": .string("\(DeployBench.account):hello:2"), "weight": 100]])
        let version = try await bench.call("DescribeStateMachine", ["stateMachineArn": .string("\(DeployBench.account):hello:2")])
        #expect(version["definition"] == .string(changed))
    }

    @Test("A run that stopped after updating a machine is finished by the next: the alias moves, nothing is published twice")
    func repairsAnAliasLeftBehind() async throws {
        let bench = try await DeployBench.start(["hello.asl.json": DeployBench.hello])
        defer { bench.stop() }
        #expect(try await bench.deploy("--alias", "live").status == 0)
        let changed = DeployBench.hello.replacingOccurrences(of: #""hello""#, with: #""v2""#)
        try bench.write("hello.asl.json", changed)
        // What a run interrupted between UpdateStateMachine and UpdateStateMachineAlias leaves.
        _ = try await bench.call(
            "UpdateStateMachine", ["stateMachineArn": .string("\(DeployBench.account):hello"), "definition": .string(changed), "publish": true])
        try await bench.expectDeploy(
            "workflows/hello.asl.json", "--alias", "live",
            prints: """
                  hello: unchanged (version 2); alias live → version 2 (was version 1)
                hello: alias live moved → version 2
                Done: 1 changed, 0 unchanged.

                """)
    }

    @Test("A definition deployed without a version gets one; without --alias nothing is said of aliases")
    func publishesAMissingVersion() async throws {
        let bench = try await DeployBench.start(["hello.asl.json": DeployBench.hello])
        defer { bench.stop() }
        _ = try await bench.call(
            "CreateStateMachine",
            ["name": "hello", "definition": .string(DeployBench.hello), "roleArn": "arn:aws:iam::123456789012:role/stepwise-execution"])
        try await bench.expectDeploy(
            "workflows/hello.asl.json",
            prints: """
                  hello: publish version 1 (definition already deployed)
                hello: published version 1
                Done: 1 changed, 0 unchanged.

                """)
    }

    @Test("The role comes from --role-arn, else from deploy.roleArn in stepwise.json; a new role is an update")
    func roles() async throws {
        let bench = try await DeployBench.start(["hello.asl.json": DeployBench.hello])
        defer { bench.stop() }
        try bench.write("stepwise.json", #"{"deploy": {"roleArn": "arn:aws:iam::123456789012:role/portal"}}"#)
        #expect(try await bench.deploy().status == 0)
        let arn = JSON.string("\(DeployBench.account):hello")
        #expect(try await bench.call("DescribeStateMachine", ["stateMachineArn": arn])["roleArn"] == "arn:aws:iam::123456789012:role/portal")
        let result = try await bench.deploy("--role-arn", "arn:aws:iam::123456789012:role/other")
        #expect(result.stdout.contains("  hello: update role, publish version 2\nhello: updated role, published version 2\n"))
        #expect(try await bench.call("DescribeStateMachine", ["stateMachineArn": arn])["roleArn"] == "arn:aws:iam::123456789012:role/other")
    }

    @Test("An invalid definition is refused before any request: exit 2, the problems, nothing created")
    func invalidDefinition() async throws {
        let bench = try await DeployBench.start()
        defer { bench.stop() }
        try bench.write("broken.asl.json", #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "X"}}}"#)
        let result = try await bench.deploy()
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                workflows/broken.asl.json: MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /States/A/Next
                workflows/broken.asl.json: MISSING_END_STATE: Workflow has no terminal state
                stepwise deploy: invalid definitions; nothing was sent

                """)
        #expect(try await bench.call("ListStateMachines", [:])["stateMachines"] == [])
        // No request at all: the same refusal with an endpoint where nothing listens.
        let unreachable = try await TestSupport.execute(
            ["deploy", "--endpoint-url", "http://127.0.0.1:1"], in: bench.directory, environment: bench.environment())
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr == result.stderr)
    }

    @Test("An endpoint where nothing listens: a clear error, exit 1")
    func wrongEndpoint() async throws {
        let bench = try await DeployBench.start()
        defer { bench.stop() }
        let result = try await TestSupport.execute(
            ["deploy", "--endpoint-url", "http://127.0.0.1:1", "--alias", "live"], in: bench.directory, environment: bench.environment())
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("stepwise deploy: cannot reach http://127.0.0.1:1: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("A bad alias name or role, a missing folder or a file not named NAME.asl.json is refused with exit 2")
    func refusals() async throws {
        let bench = try await DeployBench.start()
        defer { bench.stop() }
        let alias = try await bench.deploy("--alias", "1")
        #expect(alias.status == 2)
        #expect(
            alias.stderr.hasPrefix(
                "stepwise deploy: ValidationException: 1 validation error detected: Value '1' at 'name' failed to satisfy constraint"))
        let role = try await bench.deploy("--role-arn", "bad")
        #expect(role.status == 2)
        #expect(role.stderr == "stepwise deploy: --role-arn must be an IAM role's ARN (arn:aws:iam::ACCOUNT:role/NAME), not 'bad'\n")
        try bench.write("stepwise.json", #"{"deploy": {"roleArn": "arn:aws:iam::123456789012:user/me"}}"#)
        let settings = try await bench.deploy()
        #expect(settings.status == 2)
        #expect(
            settings.stderr
                == "stepwise deploy: workflows/stepwise.json: deploy.roleArn must be an IAM role's ARN (arn:aws:iam::ACCOUNT:role/NAME), "
                + "not 'arn:aws:iam::123456789012:user/me'\n")
        try FileManager.default.removeItem(at: bench.workflows.appendingPathComponent("stepwise.json"))
        let missing = try await bench.deploy("nowhere")
        #expect(missing.status == 2)
        #expect(missing.stderr == "stepwise deploy: nowhere: no such file or folder\n")
        try bench.write("plain.json", DeployBench.hello)
        let plain = try await bench.deploy("workflows/plain.json")
        #expect(plain.status == 2)
        #expect(
            plain.stderr == "stepwise deploy: workflows/plain.json: a workflow file is named NAME.asl.json, NAME being the state machine's name\n")
    }
}

/// A request refused midway: the others are still deployed, deploy exits 1, and the next run finishes the work.
@Suite(.timeLimit(.minutes(3)))
struct DeployFailureTests {
    @Test("A machine the endpoint refuses fails alone; the next run deploys it")
    func refusedMidway() async throws {
        let bench = try await DeployBench.start()
        defer { bench.stop() }
        // An Express machine refuses .waitForTaskToken (our validator, which knows only the file, checks as STANDARD).
        _ = try await bench.call(
            "CreateStateMachine",
            [
                "name": "world", "definition": .string(DeployBench.world), "type": "EXPRESS",
                "roleArn": "arn:aws:iam::123456789012:role/stepwise-execution",
            ])
        let waiting =
            #"{"StartAt": "W", "States": {"W": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "#
            + #""Parameters": {"QueueUrl": "q", "MessageBody.$": "$$.Task.Token"}, "End": true}}}"#
        try bench.write("world.asl.json", waiting)
        let result = try await bench.deploy("--alias", "live")
        #expect(result.status == 1)
        #expect(result.stdout.contains("hello: alias live created → version 1\n"))
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("stepwise deploy: world: InvalidDefinition: ") == true)
        #expect(lines.last == "stepwise deploy: 1 of 2 state machines failed; run it again to finish what was left")
        try bench.write("world.asl.json", DeployBench.world.replacingOccurrences(of: #""world""#, with: #""world 2""#))
        try await bench.expectDeploy(
            "--alias", "live",
            prints: """
                  hello: unchanged (version 1); alias live unchanged (version 1)
                  world: update definition, publish version 1; alias live → version 1 (new)
                world: updated definition, published version 1
                world: alias live created → version 1
                Done: 1 changed, 1 unchanged.

                """)
    }
}

/// The plan reads every page of ListStateMachines.
@Suite(.timeLimit(.minutes(3)))
struct DeployPagingTests {
    @Test("Machines on later pages are matched by name")
    func everyPage() async throws {
        let bench = try await DeployBench.start(["a.asl.json": DeployBench.hello, "b.asl.json": DeployBench.hello, "c.asl.json": DeployBench.world])
        defer { bench.stop() }
        #expect(try await bench.deploy().status == 0)
        let client = StepFunctionsClient(endpoint: try #require(URL(string: bench.endpoint)), region: "us-east-1", credentials: bench.credentials)
        var deployer = Deployer(client: client, alias: nil, roleArn: nil, fallbackRoleArn: nil)
        deployer.pageSize = 1
        let plans = try await deployer.plan(try Workflow.find([bench.workflows.path]))
        #expect(plans.map(\.line) == ["a: unchanged (version 1)", "b: unchanged (version 1)", "c: unchanged (version 1)"])
        #expect(MachinePlan.missingRole(plans) == nil)
    }

    @Test("Without a placeholder (on AWS), a machine to create needs a role; machines to update do not")
    func roleNeededToCreate() async throws {
        let bench = try await DeployBench.start(["a.asl.json": DeployBench.hello])
        defer { bench.stop() }
        #expect(try await bench.deploy().status == 0)
        try bench.write("new.asl.json", DeployBench.world)
        try bench.write("a.asl.json", DeployBench.world)
        let client = StepFunctionsClient(endpoint: try #require(URL(string: bench.endpoint)), region: "us-east-1", credentials: bench.credentials)
        let onAWS = Deployer(client: client, alias: nil, roleArn: nil, fallbackRoleArn: nil)
        let plans = try await onAWS.plan(try Workflow.find([bench.workflows.path]))
        #expect(plans.map(\.line) == ["a: update definition, publish version 2", "new: create, publish version 1"])
        #expect(
            MachinePlan.missingRole(plans)
                == DeployError(
                    "new: creating a state machine on AWS needs its execution role: give --role-arn ARN, or deploy.roleArn in a stepwise.json "
                        + "beside \(bench.workflows.path)/new.asl.json; nothing was sent"))
        let withRole = Deployer(client: client, alias: nil, roleArn: "arn:aws:iam::123456789012:role/given", fallbackRoleArn: nil)
        #expect(MachinePlan.missingRole(try await withRole.plan(try Workflow.find([bench.workflows.path]))) == nil)
    }
}
