import Foundation
import JSON
import Testing

@testable import StepwiseServer

/// Versions as AWS answers them (recorded shapes: LocalStack's `test_sfn_api_versioning.snapshot.json`).
@Suite("AWS API: state machine versions", .serialized, .timeLimit(.minutes(2)))
struct APIVersionTests {
    static let model = "com.amazonaws.swf.service.v2.model#"
    static let coral = "com.amazon.coral.validate#ValidationException"

    /// Updates `arn` to `count` new definitions in turn, publishing each (versions 1…count of a machine with none).
    static func publishRevisions(_ client: APIClient, _ arn: String, count: Int) async throws {
        for index in 1...count {
            let definition = #"{"StartAt":"P","States":{"P":{"Type":"Pass","Result":\#(index),"End":true}}}"#
            _ = try await client.ok("UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(definition), "publish": true])
        }
    }

    @Test(
        "CreateStateMachine with publish answers version 1; describing the version shows its ARN, definition and description, and no revisionId before the first update"
    )
    func createWithPublish() async throws {
        try await withService { service in
            let client = service.client
            let arn = Definitions.machineArn("pub")
            let created = try await client.ok(
                "CreateStateMachine",
                [
                    "name": "pub", "definition": .string(Definitions.pass), "roleArn": .string(Definitions.role), "publish": true,
                    "versionDescription": "HelloWorld!",
                ])
            #expect(Set(created.objectValue?.keys ?? []) == ["stateMachineArn", "creationDate", "stateMachineVersionArn"])
            #expect(created["stateMachineVersionArn"] == .string("\(arn):1"))
            let version = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string("\(arn):1")])
            #expect(
                version == [
                    "stateMachineArn": .string("\(arn):1"), "name": "pub", "status": "ACTIVE", "definition": .string(Definitions.pass),
                    "roleArn": .string(Definitions.role), "type": "STANDARD", "creationDate": created["creationDate"] ?? .null,
                    "loggingConfiguration": ["level": "OFF", "includeExecutionData": false], "tracingConfiguration": ["enabled": false],
                    "encryptionConfiguration": ["type": "AWS_OWNED_KEY"], "description": "HelloWorld!",
                ])
            let machine = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string(arn)])
            #expect(machine["stateMachineArn"] == .string(arn))
            #expect(machine["revisionId"] == nil)
            #expect(machine["description"] == nil)
            let again = try await client.ok(
                "CreateStateMachine",
                ["name": "pub", "definition": .string(Definitions.pass), "roleArn": .string(Definitions.role), "publish": true])
            #expect(again == created)
            let plain = try await client.ok(
                "CreateStateMachine", ["name": "plain", "definition": .string(Definitions.pass), "roleArn": .string(Definitions.role)])
            #expect(plain["stateMachineVersionArn"] == nil)
        }
    }

    @Test("A version description without publish is AWS's ValidationException, on create and on update")
    func descriptionWithoutPublish() async throws {
        try await withService { service in
            let client = service.client
            let (status, body) = try await client.call(
                "CreateStateMachine",
                [
                    "name": "m", "definition": .string(Definitions.pass), "roleArn": .string(Definitions.role),
                    "versionDescription": "HelloWorld!",
                ])
            #expect(status == 400)
            #expect(awsError(body) == ("\(Self.model)ValidationException", "Version description can only be set when publish is true"))
            let arn = try await client.createMachine("m")
            let (_, update) = try await client.call(
                "UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(Definitions.echo), "versionDescription": "x"])
            #expect(awsError(update) == ("\(Self.model)ValidationException", "Version description can only be set when publish is true"))
            let (_, long) = try await client.call(
                "PublishStateMachineVersion", ["stateMachineArn": .string(arn), "description": .string(String(repeating: "d", count: 257))])
            #expect(
                awsError(long) == (
                    Self.coral,
                    "1 validation error detected: Value '\(String(repeating: "d", count: 257))' at 'description' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 256"
                ))
        }
    }

    @Test(
        "UpdateStateMachine with publish publishes each new revision; the same definition again keeps the revision and its version; a version's ARN cannot be updated"
    )
    func updateWithPublish() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.createMachine("upd")
            let first = try await client.ok(
                "UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(Definitions.echo), "publish": true])
            #expect(Set(first.objectValue?.keys ?? []) == ["updateDate", "revisionId", "stateMachineVersionArn"])
            #expect(first["stateMachineVersionArn"] == .string("\(arn):1"))
            let same = try await client.ok(
                "UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(Definitions.echo), "publish": true])
            #expect(same["revisionId"] == first["revisionId"])
            #expect(same["stateMachineVersionArn"] == .string("\(arn):1"))
            let second = try await client.ok(
                "UpdateStateMachine",
                ["stateMachineArn": .string(arn), "definition": .string(Definitions.fail), "publish": true, "versionDescription": "v2"])
            #expect(second["stateMachineVersionArn"] == .string("\(arn):2"))
            #expect(second["revisionId"] != first["revisionId"])
            let unpublished = try await client.ok("UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(Definitions.pass)])
            #expect(Set(unpublished.objectValue?.keys ?? []) == ["updateDate", "revisionId"])
            let described = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string("\(arn):2")])
            #expect(described["revisionId"] == second["revisionId"])
            #expect(described["definition"] == .string(Definitions.fail))
            #expect(described["description"] == "v2")
            for publish in [false, true] {
                let (status, body) = try await client.call(
                    "UpdateStateMachine",
                    ["stateMachineArn": .string("\(arn):2"), "definition": .string(Definitions.echo), "publish": .bool(publish)])
                #expect(status == 400)
                #expect(awsError(body) == ("\(Self.model)StateMachineDoesNotExist", "State Machine Does Not Exist: '\(arn):2'"))
            }
        }
    }

    @Test("An update that publishes nothing new on a machine never updated keeps its first revision: version 1, no revisionId")
    func unchangedFirstRevision() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.createMachine("same")
            for _ in 0..<2 {
                let update = try await client.ok(
                    "UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(Definitions.pass), "publish": true])
                #expect(Set(update.objectValue?.keys ?? []) == ["updateDate", "stateMachineVersionArn"])
                #expect(update["stateMachineVersionArn"] == .string("\(arn):1"))
            }
        }
    }

    @Test(
        "PublishStateMachineVersion is idempotent per revision and checks revisionId: INITIAL before any update, a stale one is ConflictException (409)"
    )
    func publish() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.createMachine("p")
            let v1 = try await client.ok("PublishStateMachineVersion", ["stateMachineArn": .string(arn), "revisionId": "INITIAL"])
            #expect(Set(v1.objectValue?.keys ?? []) == ["stateMachineVersionArn", "creationDate"])
            #expect(v1["stateMachineVersionArn"] == .string("\(arn):1"))
            #expect(try await client.ok("PublishStateMachineVersion", ["stateMachineArn": .string(arn), "description": "ignored"]) == v1)
            let update = try await client.ok("UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(Definitions.echo)])
            let revision = try #require(update["revisionId"]?.stringValue)
            let v2 = try await client.ok("PublishStateMachineVersion", ["stateMachineArn": .string(arn), "revisionId": .string(revision)])
            #expect(v2["stateMachineVersionArn"] == .string("\(arn):2"))
            _ = try await client.ok("UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(Definitions.fail)])
            let current = try #require(try await client.ok("DescribeStateMachine", ["stateMachineArn": .string(arn)])["revisionId"]?.stringValue)
            let (status, stale) = try await client.call(
                "PublishStateMachineVersion", ["stateMachineArn": .string(arn), "revisionId": .string(revision)])
            #expect(status == 409)
            #expect(
                awsError(stale) == (
                    "\(Self.model)ConflictException",
                    "Failed to publish the State Machine version for revision \(revision). The current State Machine revision is \(current)."
                ))
            let (_, initial) = try await client.call("PublishStateMachineVersion", ["stateMachineArn": .string(arn), "revisionId": "INITIAL"])
            #expect(
                awsError(initial).message
                    == "Failed to publish the State Machine version for revision INITIAL. The current State Machine revision is \(current).")
        }
    }

    @Test(
        "PublishStateMachineVersion refuses unknown machines, malformed ARNs and versions' ARNs as AWS does",
        arguments: [
            (
                "arn:aws:states:us-east-1:123456789012:stateMachine:nope", "StateMachineDoesNotExist",
                "State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:nope'"
            ),
            ("invalid_arn", "InvalidArn", "Invalid Arn: 'Invalid ARN prefix: invalid_arn'"),
            (
                "arn:aws:states:us-east-1:123456789012:stateMachine:known:1", "StateMachineDoesNotExist",
                "State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:known:1'"
            ),
        ])
    func publishErrors(arn: String, code: String, message: String) async throws {
        try await withService { service in
            try await service.client.createMachine("known")
            let (status, body) = try await service.client.call("PublishStateMachineVersion", ["stateMachineArn": .string(arn)])
            #expect(status == 400)
            #expect(awsError(body) == ("\(Self.model)\(code)", message))
        }
    }

    @Test("ListStateMachineVersions pages newest first; DeleteStateMachineVersion removes one (again is fine) and its number is never given again")
    func listAndDelete() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.createMachine("l")
            try await Self.publishRevisions(client, arn, count: 5)
            let first = try await client.ok("ListStateMachineVersions", ["stateMachineArn": .string(arn), "maxResults": 3])
            #expect(
                first["stateMachineVersions"]?.arrayValue?.compactMap { $0["stateMachineVersionArn"]?.stringValue }
                    == ["5", "4", "3"].map { "\(arn):\($0)" })
            #expect(first["stateMachineVersions"]?[0]?.objectValue?.keys.sorted() == ["creationDate", "stateMachineVersionArn"])
            let token = try #require(first["nextToken"])
            let second = try await client.ok("ListStateMachineVersions", ["stateMachineArn": .string(arn), "maxResults": 3, "nextToken": token])
            #expect(
                second["stateMachineVersions"]?.arrayValue?.compactMap { $0["stateMachineVersionArn"]?.stringValue }
                    == ["2", "1"].map { "\(arn):\($0)" })
            #expect(second["nextToken"] == nil)
            let (_, foreign) = try await client.call(
                "ListStateMachineVersions", ["stateMachineArn": .string(Definitions.machineArn("other")), "nextToken": token])
            #expect(awsError(foreign) == ("\(Self.model)InvalidToken", "Invalid Token: 'Invalid token'"))
            #expect(try await client.ok("DeleteStateMachineVersion", ["stateMachineVersionArn": .string("\(arn):5")]) == [:])
            #expect(try await client.ok("DeleteStateMachineVersion", ["stateMachineVersionArn": .string("\(arn):5")]) == [:])
            let (_, gone) = try await client.call("DescribeStateMachine", ["stateMachineArn": .string("\(arn):5")])
            #expect(awsError(gone) == ("\(Self.model)StateMachineDoesNotExist", "State Machine Does Not Exist: '\(arn):5'"))
            let republished = try await client.ok("PublishStateMachineVersion", ["stateMachineArn": .string(arn)])
            #expect(republished["stateMachineVersionArn"] == .string("\(arn):6"))
            let unknown = try await client.ok("ListStateMachineVersions", ["stateMachineArn": .string(Definitions.machineArn("nope"))])
            #expect(unknown == ["stateMachineVersions": []])
            let (_, notVersion) = try await client.call("DeleteStateMachineVersion", ["stateMachineVersionArn": .string(arn)])
            #expect(awsError(notVersion) == ("\(Self.model)InvalidArn", "Invalid Arn: 'Not a state machine version ARN: \(arn)'"))
        }
    }

    @Test(
        "StartExecution on a version's ARN runs that version; DescribeExecution, ListExecutions, the history and DescribeStateMachineForExecution name it"
    )
    func startVersion() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.createMachine("run")
            _ = try await client.ok("PublishStateMachineVersion", ["stateMachineArn": .string(arn)])
            _ = try await client.ok("UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(Definitions.echo)])
            let byVersion = try await client.start("\(arn):1", name: "by-version", input: #"{"x":1}"#)
            #expect(byVersion == Definitions.executionArn("run", "by-version"))
            let plain = try await client.start(arn, name: "plain", input: #"{"x":1}"#)
            let described = try await client.finished(byVersion)
            #expect(described["output"] == #"{"done":true}"#)
            #expect(described["stateMachineArn"] == .string(arn))
            #expect(described["stateMachineVersionArn"] == .string("\(arn):1"))
            #expect(described["stateMachineAliasArn"] == nil)
            #expect(try await client.finished(plain)["stateMachineVersionArn"] == nil)
            let all = try await client.ok("ListExecutions", ["stateMachineArn": .string(arn)])
            #expect(all["executions"]?.arrayValue?.map { $0["stateMachineVersionArn"] } == [nil, .string("\(arn):1")])
            let versionOnly = try await client.ok("ListExecutions", ["stateMachineArn": .string("\(arn):1")])
            #expect(versionOnly["executions"]?.arrayValue?.compactMap { $0["executionArn"]?.stringValue } == [byVersion])
            let history = try await client.ok("GetExecutionHistory", ["executionArn": .string(byVersion)])
            #expect(
                history["events"]?[0]?["executionStartedEventDetails"] == [
                    "input": #"{"x":1}"#, "inputDetails": ["truncated": false], "roleArn": .string(Definitions.role),
                    "stateMachineVersionArn": .string("\(arn):1"),
                ])
            let definition = try await client.ok("DescribeStateMachineForExecution", ["executionArn": .string(byVersion)])
            #expect(definition["stateMachineArn"] == .string(arn))
            #expect(definition["definition"] == .string(Definitions.pass))
            #expect(definition["revisionId"] == nil)
            for unknown in ["\(arn):7", "\(Definitions.machineArn("none")):1", "\(arn):1:2"] {
                let (_, body) = try await client.call("StartExecution", ["stateMachineArn": .string(unknown)])
                #expect(awsError(body) == ("\(Self.model)StateMachineDoesNotExist", "State Machine Does Not Exist: '\(unknown)'"))
            }
            let (_, listUnknown) = try await client.call("ListExecutions", ["stateMachineArn": .string("\(arn):7")])
            #expect(awsError(listUnknown) == ("\(Self.model)StateMachineDoesNotExist", "State Machine Does Not Exist: '\(arn):7'"))
        }
    }

    @Test("A state machine has at most 1,000 versions: the next publish is ServiceQuotaExceededException (402) until one is deleted")
    func versionLimit() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.createMachine("many")
            try await Self.publishRevisions(client, arn, count: 1_000)
            let (status, body) = try await client.call(
                "UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(Definitions.echo), "publish": true])
            #expect(status == 402)
            #expect(
                awsError(body) == (
                    "\(Self.model)ServiceQuotaExceededException",
                    "The state machine '\(arn)' already has 1000 versions, the most allowed; delete unused versions to make room."
                ))
            // The refused update changed nothing.
            #expect(try await client.ok("DescribeStateMachine", ["stateMachineArn": .string(arn)])["definition"] != .string(Definitions.echo))
            _ = try await client.ok("DeleteStateMachineVersion", ["stateMachineVersionArn": .string("\(arn):1")])
            let published = try await client.ok(
                "UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(Definitions.echo), "publish": true])
            #expect(published["stateMachineVersionArn"] == .string("\(arn):1001"))
        }
    }
}
