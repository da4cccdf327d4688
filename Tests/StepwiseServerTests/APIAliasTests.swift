import Foundation
import JSON
import Testing

@testable import StepwiseServer

/// Aliases as AWS answers them (recorded shapes and texts: LocalStack's `test_sfn_api_aliasing.snapshot.json`).
@Suite("AWS API: state machine aliases", .serialized, .timeLimit(.minutes(1)))
struct APIAliasTests {
    static let model = "com.amazonaws.swf.service.v2.model#"
    static let coral = "com.amazon.coral.validate#ValidationException"
    static let arn = Definitions.machineArn("flow")

    /// A state machine `flow` with versions 1 (`pass`), 2 (`echo`) and 3 (`fail`).
    static func versions(_ client: APIClient) async throws {
        let arn = try await client.createMachine("flow")
        for definition in [Definitions.pass, Definitions.echo, Definitions.fail] {
            _ = try await client.ok("UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(definition), "publish": true])
        }
    }

    static func route(_ version: Int, _ weight: Int) -> JSON {
        ["stateMachineVersionArn": .string("\(arn):\(version)"), "weight": .int(weight)]
    }

    static func create(_ client: APIClient, _ name: String, _ routes: [JSON], description: String? = nil) async throws -> JSON {
        var members: JSONObject = ["name": .string(name), "routingConfiguration": .array(routes)]
        if let description { members["description"] = .string(description) }
        return try await client.ok("CreateStateMachineAlias", .object(members))
    }

    @Test("CreateStateMachineAlias answers the alias's ARN; DescribeStateMachineAlias its routing; the same request again answers the same alias")
    func create() async throws {
        try await withService { service in
            let client = service.client
            try await Self.versions(client)
            let created = try await Self.create(client, "PROD", [Self.route(1, 100)], description: "live")
            #expect(Set(created.objectValue?.keys ?? []) == ["stateMachineAliasArn", "creationDate"])
            #expect(created["stateMachineAliasArn"] == .string("\(Self.arn):PROD"))
            let described = try await client.ok("DescribeStateMachineAlias", ["stateMachineAliasArn": .string("\(Self.arn):PROD")])
            #expect(
                described == [
                    "stateMachineAliasArn": .string("\(Self.arn):PROD"), "name": "PROD", "routingConfiguration": [Self.route(1, 100)],
                    "creationDate": created["creationDate"] ?? .null, "updateDate": created["creationDate"] ?? .null, "description": "live",
                ])
            #expect(try await Self.create(client, "PROD", [Self.route(1, 100)], description: "live") == created)
            for (routes, description) in [([Self.route(1, 100)], "other"), ([Self.route(1, 50), Self.route(2, 50)], "live")] {
                let (status, body) = try await client.call(
                    "CreateStateMachineAlias", ["name": "PROD", "routingConfiguration": .array(routes), "description": .string(description)])
                #expect(status == 409)
                #expect(
                    awsError(body) == (
                        "\(Self.model)ConflictException",
                        "Failed to create alias because an alias with the same name and a different routing configuration already exists."
                    ))
            }
        }
    }

    @Test(
        "Routing configurations and names AWS refuses, with AWS's errors",
        arguments: [
            (
                #"{"name":"A","routingConfiguration":[]}"#, coral,
                "1 validation error detected: Value '[]' at 'routingConfiguration' failed to satisfy constraint: Member must have length greater than or equal to 1"
            ),
            (
                #"{"name":"A","routingConfiguration":[{"stateMachineVersionArn":"\#(arn):1","weight":50},{"stateMachineVersionArn":"\#(arn):2","weight":30},{"stateMachineVersionArn":"\#(arn):3","weight":20}]}"#,
                coral,
                "1 validation error detected: Value '[RoutingConfigurationListItem(stateMachineVersionArn=\(arn):1, weight=50), RoutingConfigurationListItem(stateMachineVersionArn=\(arn):2, weight=30), RoutingConfigurationListItem(stateMachineVersionArn=\(arn):3, weight=20)]' at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2"
            ),
            (
                #"{"name":"A","routingConfiguration":[{"stateMachineVersionArn":"\#(arn):1","weight":50},{"stateMachineVersionArn":"\#(arn):1","weight":50}]}"#,
                "\(model)ValidationException",
                "Routing configuration must contain distinct state machine version ARNs. Received: [\(arn):1, \(arn):1]"
            ),
            (
                #"{"name":"A","routingConfiguration":[{"stateMachineVersionArn":"\#(arn)","weight":70},{"stateMachineVersionArn":"\#(arn):2","weight":30}]}"#,
                "\(model)ValidationException", "Routing configuration must contain state machine version ARNs. Received: [\(arn), \(arn):2]"
            ),
            (
                #"{"name":"A","routingConfiguration":[{"stateMachineVersionArn":"\#(arn):1","weight":101}]}"#, coral,
                "1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100"
            ),
            (
                #"{"name":"A","routingConfiguration":[{"stateMachineVersionArn":"\#(arn):1","weight":-1}]}"#, coral,
                "1 validation error detected: Value '-1' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value greater than or equal to 0"
            ),
            (
                #"{"name":"A","routingConfiguration":[{"stateMachineVersionArn":"\#(arn):1"}]}"#, coral,
                "1 validation error detected: Value null at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must not be null"
            ),
            (
                #"{"name":"A","routingConfiguration":[{"stateMachineVersionArn":"\#(arn):1","weight":70},{"stateMachineVersionArn":"\#(arn):2","weight":29}]}"#,
                "\(model)ValidationException", "Sum of routing configuration weights must equal 100. Received: [70, 29]"
            ),
            (
                #"{"name":"A","routingConfiguration":[{"stateMachineVersionArn":"\#(arn):1","weight":70},{"stateMachineVersionArn":"\#(arn):2","weight":31}]}"#,
                "\(model)ValidationException", "Sum of routing configuration weights must equal 100. Received: [70, 31]"
            ),
            (
                #"{"name":"A","routingConfiguration":[{"stateMachineVersionArn":"\#(arn):1","weight":50},{"stateMachineVersionArn":"\#(arn)2:1","weight":50}]}"#,
                "\(model)ValidationException",
                "Routing configuration must contain versions of the same state machine. Received: [\(arn):1, \(arn)2:1]"
            ),
            (
                #"{"name":"A","routingConfiguration":[{"stateMachineVersionArn":"\#(arn):9","weight":100}]}"#, "\(model)ResourceNotFound",
                "Request references a resource that does not exist."
            ),
            (
                #"{"name":"123","routingConfiguration":[{"stateMachineVersionArn":"\#(arn):1","weight":100}]}"#, coral,
                #"1 validation error detected: Value '123' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$"#
            ),
            (
                #"{"name":"INVALID ALIAS","routingConfiguration":[{"stateMachineVersionArn":"\#(arn):1","weight":100}]}"#, coral,
                #"1 validation error detected: Value 'INVALID ALIAS' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$"#
            ),
            (
                #"{"name":"\#(String(repeating: "A", count: 81))","routingConfiguration":[{"stateMachineVersionArn":"\#(arn):1","weight":100}]}"#,
                coral,
                "1 validation error detected: Value '\(String(repeating: "A", count: 81))' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80"
            ),
        ])
    func createErrors(body: String, type: String, message: String) async throws {
        try await withService { service in
            try await Self.versions(service.client)
            let (status, response) = try await service.client.send(
                "POST", "/", body: body, headers: ["X-Amz-Target: AWSStepFunctions.CreateStateMachineAlias"])
            #expect(status == 400)
            #expect(awsError(response) == (type, message))
            if type == "\(Self.model)ValidationException" { #expect(response["reason"] == "INVALID_ROUTING_CONFIGURATION") }
            if type == "\(Self.model)ResourceNotFound" { #expect(response["resourceName"] == .string("\(Self.arn):9")) }
        }
    }

    @Test(
        "UpdateStateMachineAlias changes the description or the routing; an unknown alias is ResourceNotFound; neither member a ValidationException")
    func update() async throws {
        try await withService { service in
            let client = service.client
            try await Self.versions(client)
            let created = try await Self.create(client, "PROD", [Self.route(1, 100)], description: "first")
            let alias = "\(Self.arn):PROD"
            let described = try await client.ok(
                "UpdateStateMachineAlias", ["stateMachineAliasArn": .string(alias), "description": "new description"])
            #expect(Set(described.objectValue?.keys ?? []) == ["updateDate"])
            _ = try await client.ok(
                "UpdateStateMachineAlias", ["stateMachineAliasArn": .string(alias), "routingConfiguration": [Self.route(1, 50), Self.route(2, 50)]])
            let after = try await client.ok("DescribeStateMachineAlias", ["stateMachineAliasArn": .string(alias)])
            #expect(after["description"] == "new description")
            #expect(after["routingConfiguration"] == [Self.route(1, 50), Self.route(2, 50)])
            #expect(after["creationDate"] == created["creationDate"])
            #expect((after["updateDate"]?.doubleValue ?? 0) > (created["creationDate"]?.doubleValue ?? 0))
            let (status, missing) = try await client.call(
                "UpdateStateMachineAlias", ["stateMachineAliasArn": .string("\(Self.arn):NOPE"), "description": "x"])
            #expect(status == 400)
            #expect(awsError(missing) == ("\(Self.model)ResourceNotFound", "Request references a resource that does not exist."))
            let (_, nothing) = try await client.call("UpdateStateMachineAlias", ["stateMachineAliasArn": .string(alias)])
            #expect(
                awsError(nothing) == ("\(Self.model)ValidationException", "Either the description or the routingConfiguration must be specified"))
            #expect(nothing["reason"] == "MISSING_REQUIRED_PARAMETER")
            let (_, other) = try await client.call(
                "UpdateStateMachineAlias",
                [
                    "stateMachineAliasArn": .string(alias),
                    "routingConfiguration": [["stateMachineVersionArn": .string("\(Definitions.machineArn("other")):1"), "weight": 100]],
                ])
            #expect(
                awsError(other) == (
                    "\(Self.model)ValidationException",
                    "Routing configuration must contain versions of the alias's state machine. Received: [\(Definitions.machineArn("other")):1]"
                ))
            let (_, notAlias) = try await client.call("DescribeStateMachineAlias", ["stateMachineAliasArn": .string("\(Self.arn):1")])
            #expect(awsError(notAlias) == ("\(Self.model)InvalidArn", "Invalid Arn: 'Not a state machine alias ARN: \(Self.arn):1'"))
            let (_, unknown) = try await client.call("DescribeStateMachineAlias", ["stateMachineAliasArn": .string("\(Self.arn):NOPE")])
            #expect(awsError(unknown) == ("\(Self.model)ResourceNotFound", "Request references a resource that does not exist."))
        }
    }

    @Test("DeleteStateMachineVersion is refused while an alias routes to it, and allowed once the alias routes elsewhere")
    func versionInUse() async throws {
        try await withService { service in
            let client = service.client
            try await Self.versions(client)
            _ = try await Self.create(client, "PROD", [Self.route(1, 100)])
            _ = try await Self.create(client, "BETA", [Self.route(2, 90), Self.route(1, 10)])
            let (status, body) = try await client.call("DeleteStateMachineVersion", ["stateMachineVersionArn": .string("\(Self.arn):1")])
            #expect(status == 409)
            #expect(
                awsError(body) == (
                    "\(Self.model)ConflictException",
                    "Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [PROD, BETA]"
                ))
            _ = try await client.ok(
                "UpdateStateMachineAlias", ["stateMachineAliasArn": .string("\(Self.arn):PROD"), "routingConfiguration": [Self.route(3, 100)]])
            _ = try await client.ok("DeleteStateMachineAlias", ["stateMachineAliasArn": .string("\(Self.arn):BETA")])
            #expect(try await client.ok("DeleteStateMachineVersion", ["stateMachineVersionArn": .string("\(Self.arn):1")]) == [:])
            let (_, routed) = try await client.call(
                "UpdateStateMachineAlias", ["stateMachineAliasArn": .string("\(Self.arn):PROD"), "routingConfiguration": [Self.route(1, 100)]])
            #expect(awsError(routed) == ("\(Self.model)ResourceNotFound", "Request references a resource that does not exist."))
        }
    }

    @Test(
        "ListStateMachineAliases lists oldest first a page at a time; for a version's ARN, the aliases that route to it; DeleteStateMachineAlias twice is fine"
    )
    func list() async throws {
        try await withService { service in
            let client = service.client
            try await Self.versions(client)
            #expect(try await client.ok("ListStateMachineAliases", ["stateMachineArn": .string(Self.arn)]) == ["stateMachineAliases": []])
            for (name, version) in [("b", 1), ("a", 2), ("c", 1)] { _ = try await Self.create(client, name, [Self.route(version, 100)]) }
            let first = try await client.ok("ListStateMachineAliases", ["stateMachineArn": .string(Self.arn), "maxResults": 2])
            #expect(
                first["stateMachineAliases"]?.arrayValue?.compactMap { $0["stateMachineAliasArn"]?.stringValue }
                    == ["b", "a"].map { "\(Self.arn):\($0)" })
            #expect(first["stateMachineAliases"]?[0]?.objectValue?.keys.sorted() == ["creationDate", "stateMachineAliasArn"])
            let token = try #require(first["nextToken"])
            let rest = try await client.ok("ListStateMachineAliases", ["stateMachineArn": .string(Self.arn), "nextToken": token])
            #expect(rest["stateMachineAliases"]?.arrayValue?.compactMap { $0["stateMachineAliasArn"]?.stringValue } == ["\(Self.arn):c"])
            let (_, bad) = try await client.call("ListStateMachineAliases", ["stateMachineArn": .string(Self.arn), "nextToken": "InvalidToken"])
            #expect(awsError(bad) == ("\(Self.model)InvalidToken", "Invalid Token: 'Invalid token'"))
            let byVersion = try await client.ok("ListStateMachineAliases", ["stateMachineArn": .string("\(Self.arn):1")])
            #expect(
                byVersion["stateMachineAliases"]?.arrayValue?.compactMap { $0["stateMachineAliasArn"]?.stringValue }
                    == ["b", "c"].map { "\(Self.arn):\($0)" })
            let (_, unknownMachine) = try await client.call("ListStateMachineAliases", ["stateMachineArn": .string(Definitions.machineArn("nope"))])
            #expect(
                awsError(unknownMachine) == (
                    "\(Self.model)StateMachineDoesNotExist", "State Machine Does Not Exist: '\(Definitions.machineArn("nope"))'"
                ))
            let (_, unknownVersion) = try await client.call("ListStateMachineAliases", ["stateMachineArn": .string("\(Self.arn):8")])
            #expect(awsError(unknownVersion) == ("\(Self.model)ResourceNotFound", "Request references a resource that does not exist."))
            for _ in 0..<2 { #expect(try await client.ok("DeleteStateMachineAlias", ["stateMachineAliasArn": .string("\(Self.arn):b")]) == [:]) }
            let after = try await client.ok("ListStateMachineAliases", ["stateMachineArn": .string(Self.arn)])
            #expect(after["stateMachineAliases"]?.arrayValue?.count == 2)
        }
    }

    @Test("StartExecution on an alias runs the version each draw of the seeded router picks, and the execution names both")
    func weightedRouting() async throws {
        let seeded: (inout ServeOptions) -> Void = { $0.routingSeed = 42 }
        try await withService(configure: seeded) { service in
            let client = service.client
            try await Self.versions(client)
            _ = try await Self.create(client, "SPLIT", [Self.route(1, 30), Self.route(2, 70)])
            _ = try await Self.create(client, "ALL2", [Self.route(1, 0), Self.route(2, 100)])
            let alias = "\(Self.arn):SPLIT"
            var draws = SplitMix64(state: 42)
            var expected: [JSON] = []
            var actual: [JSON] = []
            for index in 0..<20 {
                expected.append(.string("\(Self.arn):\(Int.random(in: 0..<100, using: &draws) < 30 ? 1 : 2)"))
                let execution = try await client.start(alias, name: "split-\(index)")
                let described = try await client.finished(execution)
                #expect(described["stateMachineAliasArn"] == .string(alias))
                actual.append(described["stateMachineVersionArn"] ?? .null)
            }
            #expect(actual == expected)
            #expect(Set(actual).count == 2)
            for index in 0..<5 {
                let execution = try await client.start("\(Self.arn):ALL2", name: "all2-\(index)")
                #expect(try await client.finished(execution)["stateMachineVersionArn"] == .string("\(Self.arn):2"))
            }
            let listed = try await client.ok("ListExecutions", ["stateMachineArn": .string(alias), "maxResults": 100])
            #expect(listed["executions"]?.arrayValue?.count == 20)
            #expect(listed["executions"]?[0]?["stateMachineAliasArn"] == .string(alias))
            let (_, unknown) = try await client.call("StartExecution", ["stateMachineArn": .string("\(Self.arn):NOPE")])
            #expect(awsError(unknown) == ("\(Self.model)StateMachineDoesNotExist", "State Machine Does Not Exist: '\(Self.arn):NOPE'"))
        }
    }

    @Test("A state machine has at most 100 aliases: the next is ServiceQuotaExceededException (402); repeating an existing one still answers it")
    func aliasLimit() async throws {
        try await withService { service in
            let client = service.client
            try await Self.versions(client)
            for index in 0..<100 { _ = try await Self.create(client, "alias-\(index)", [Self.route(1, 100)]) }
            let (status, body) = try await client.call("CreateStateMachineAlias", ["name": "one-more", "routingConfiguration": [Self.route(1, 100)]])
            #expect(status == 402)
            #expect(
                awsError(body) == (
                    "\(Self.model)ServiceQuotaExceededException",
                    "The state machine '\(Self.arn)' already has 100 aliases, the most allowed; delete unused aliases to make room."
                ))
            _ = try await Self.create(client, "alias-7", [Self.route(1, 100)])
        }
    }

    @Test(
        "DeleteStateMachine deletes its versions and aliases; executions started through them keep naming them; a version's ARN cannot be deleted that way"
    )
    func deleteCascades() async throws {
        try await withService { service in
            let client = service.client
            try await Self.versions(client)
            _ = try await Self.create(client, "PROD", [Self.route(2, 100)])
            let execution = try await client.start("\(Self.arn):PROD", name: "kept")
            _ = try await client.finished(execution)
            let (_, refused) = try await client.call("DeleteStateMachine", ["stateMachineArn": .string("\(Self.arn):2")])
            #expect(
                awsError(refused) == (
                    "\(Self.model)ValidationException",
                    "DeleteStateMachine deletes a state machine, not a version or an alias: '\(Self.arn):2'. "
                        + "Use DeleteStateMachineVersion or DeleteStateMachineAlias."
                ))
            #expect(try await client.ok("DeleteStateMachine", ["stateMachineArn": .string(Self.arn)]) == [:])
            _ = try await client.createMachine("flow")
            #expect(try await client.ok("ListStateMachineVersions", ["stateMachineArn": .string(Self.arn)]) == ["stateMachineVersions": []])
            #expect(try await client.ok("ListStateMachineAliases", ["stateMachineArn": .string(Self.arn)]) == ["stateMachineAliases": []])
            let (_, alias) = try await client.call("DescribeStateMachineAlias", ["stateMachineAliasArn": .string("\(Self.arn):PROD")])
            #expect(awsError(alias).type == "\(Self.model)ResourceNotFound")
            let published = try await client.ok("PublishStateMachineVersion", ["stateMachineArn": .string(Self.arn)])
            #expect(published["stateMachineVersionArn"] == .string("\(Self.arn):1"))
            let described = try await client.ok("DescribeExecution", ["executionArn": .string(execution)])
            #expect(described["stateMachineVersionArn"] == .string("\(Self.arn):2"))
            #expect(described["stateMachineAliasArn"] == .string("\(Self.arn):PROD"))
        }
    }

    @Test("Versions, aliases, their numbering and the executions started through them survive a restart; so do their page tokens")
    func durable() async throws {
        let first = try await TestService.start()
        try await Self.versions(first.client)
        _ = try await Self.create(first.client, "PROD", [Self.route(1, 40), Self.route(2, 60)], description: "kept")
        _ = try await Self.create(first.client, "BETA", [Self.route(2, 100)])
        let execution = try await first.client.start("\(Self.arn):BETA", name: "before")
        _ = try await first.client.finished(execution)
        _ = try await first.client.ok("DeleteStateMachineVersion", ["stateMachineVersionArn": .string("\(Self.arn):3")])
        let page = try await first.client.ok("ListStateMachineVersions", ["stateMachineArn": .string(Self.arn), "maxResults": 1])
        let aliasPage = try await first.client.ok("ListStateMachineAliases", ["stateMachineArn": .string(Self.arn), "maxResults": 1])
        let alias = try await first.client.ok("DescribeStateMachineAlias", ["stateMachineAliasArn": .string("\(Self.arn):PROD")])
        try await first.stop()

        let second = try await TestService.start(directory: first.directory)
        let client = second.client
        #expect(try await client.ok("DescribeStateMachineAlias", ["stateMachineAliasArn": .string("\(Self.arn):PROD")]) == alias)
        let rest = try await client.ok("ListStateMachineVersions", ["stateMachineArn": .string(Self.arn), "nextToken": page["nextToken"] ?? .null])
        #expect(rest["stateMachineVersions"]?.arrayValue?.compactMap { $0["stateMachineVersionArn"]?.stringValue } == ["\(Self.arn):1"])
        let aliases = try await client.ok(
            "ListStateMachineAliases", ["stateMachineArn": .string(Self.arn), "nextToken": aliasPage["nextToken"] ?? .null])
        #expect(aliases["stateMachineAliases"]?.arrayValue?.compactMap { $0["stateMachineAliasArn"]?.stringValue } == ["\(Self.arn):BETA"])
        let described = try await client.ok("DescribeExecution", ["executionArn": .string(execution)])
        #expect(described["stateMachineVersionArn"] == .string("\(Self.arn):2"))
        #expect(described["stateMachineAliasArn"] == .string("\(Self.arn):BETA"))
        let versionDescribed = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string("\(Self.arn):2")])
        #expect(versionDescribed["definition"] == .string(Definitions.echo))
        _ = try await client.ok("UpdateStateMachine", ["stateMachineArn": .string(Self.arn), "definition": .string(Definitions.slow)])
        let next = try await client.ok("PublishStateMachineVersion", ["stateMachineArn": .string(Self.arn)])
        #expect(next["stateMachineVersionArn"] == .string("\(Self.arn):4"))
        let again = try await client.start("\(Self.arn):BETA", name: "after")
        #expect(try await client.finished(again)["output"] == "{}")
        try await second.stop()
    }
}
