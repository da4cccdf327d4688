import Foundation
import JSON
import StepwiseTesting
import Testing

@testable import StepwiseServer

/// The members of the current API's shapes that are not actions of their own: logging, tracing and encryption
/// configurations, tags of versions, aliases and activities, page tokens across restarts (botocore's
/// `stepfunctions/2016-11-23/service-2.json`).
@Suite("AWS API: configurations, tags and page tokens", .serialized, .timeLimit(.minutes(1)))
struct APIShapeTests {
    static let model = "com.amazonaws.swf.service.v2.model#"
    static let coral = "com.amazon.coral.validate#ValidationException"
    static let logGroup = "arn:aws:logs:us-east-1:123456789012:log-group:flows:*"
    static let logging: JSON = [
        "level": "ERROR", "includeExecutionData": true, "destinations": [["cloudWatchLogsLogGroup": ["logGroupArn": .string(logGroup)]]],
    ]
    static let key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

    @Test("Configurations round-trip through Create, Describe, DescribeStateMachineForExecution; AWS's defaults when none was given")
    func roundTrip() async throws {
        try await withService { service in
            let client = service.client
            let plain = try await client.createMachine("plain")
            let described = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string(plain)])
            #expect(described["loggingConfiguration"] == ["level": "OFF", "includeExecutionData": false])
            #expect(described["tracingConfiguration"] == ["enabled": false])
            #expect(described["encryptionConfiguration"] == ["type": "AWS_OWNED_KEY"])
            let arn = Definitions.machineArn("configured")
            _ = try await client.ok(
                "CreateStateMachine",
                [
                    "name": "configured", "definition": .string(Definitions.pass), "roleArn": .string(Definitions.role),
                    "loggingConfiguration": Self.logging, "tracingConfiguration": ["enabled": true],
                    "encryptionConfiguration": ["type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": .string(Self.key)],
                ])
            let machine = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string(arn)])
            #expect(machine["loggingConfiguration"] == Self.logging)
            #expect(machine["tracingConfiguration"] == ["enabled": true])
            #expect(
                machine["encryptionConfiguration"]
                    == ["type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": .string(Self.key), "kmsDataKeyReusePeriodSeconds": 300])
            let execution = try await client.start(arn)
            let forExecution = try await client.ok("DescribeStateMachineForExecution", ["executionArn": .string(execution)])
            #expect(forExecution["loggingConfiguration"] == Self.logging)
            #expect(forExecution["tracingConfiguration"] == ["enabled": true])
            #expect(forExecution["encryptionConfiguration"] == machine["encryptionConfiguration"])
            // AWS keeps an OFF level's destinations, and an empty list as given.
            _ = try await client.ok(
                "CreateStateMachine",
                [
                    "name": "quiet", "definition": .string(Definitions.pass), "roleArn": .string(Definitions.role),
                    "loggingConfiguration": ["destinations": []],
                ])
            // CreateStateMachine is idempotent over the configurations too, as AWS documents.
            let (status, conflict) = try await client.call(
                "CreateStateMachine",
                ["name": "configured", "definition": .string(Definitions.pass), "roleArn": .string(Definitions.role)])
            #expect(status == 400)
            #expect(awsError(conflict) == ("\(Self.model)StateMachineAlreadyExists", "State Machine Already Exists: '\(arn)'"))
            let plainAgain = try await client.ok(
                "CreateStateMachine",
                [
                    "name": "plain", "definition": .string(Definitions.pass), "roleArn": .string(Definitions.role),
                    "loggingConfiguration": ["level": "OFF"], "tracingConfiguration": ["enabled": false],
                ])
            #expect(plainAgain["stateMachineArn"] == .string(plain))
            let quiet = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string(Definitions.machineArn("quiet"))])
            #expect(quiet["loggingConfiguration"] == ["level": "OFF", "includeExecutionData": false, "destinations": []])
        }
    }

    @Test("A changed configuration is a new revision, the same one keeps it; a version freezes its revision's configurations")
    func revisions() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.createMachine("revised")
            let published = try await client.ok("PublishStateMachineVersion", ["stateMachineArn": .string(arn)])
            let first = try await client.ok("UpdateStateMachine", ["stateMachineArn": .string(arn), "loggingConfiguration": Self.logging])
            #expect(first["revisionId"] != nil)
            let same = try await client.ok("UpdateStateMachine", ["stateMachineArn": .string(arn), "loggingConfiguration": Self.logging])
            #expect(same["revisionId"] == first["revisionId"])
            let traced = try await client.ok(
                "UpdateStateMachine", ["stateMachineArn": .string(arn), "tracingConfiguration": ["enabled": true], "publish": true])
            #expect(traced["revisionId"] != first["revisionId"])
            #expect(traced["stateMachineVersionArn"] == .string("\(arn):2"))
            let one = try await client.ok("DescribeStateMachine", ["stateMachineArn": published["stateMachineVersionArn"] ?? .null])
            #expect(one["loggingConfiguration"] == ["level": "OFF", "includeExecutionData": false])
            #expect(one["tracingConfiguration"] == ["enabled": false])
            let two = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string("\(arn):2")])
            #expect(two["loggingConfiguration"] == Self.logging)
            #expect(two["tracingConfiguration"] == ["enabled": true])
            // Executions of version 1 run its revision, configurations included.
            let execution = try await client.start("\(arn):1")
            let forExecution = try await client.ok("DescribeStateMachineForExecution", ["executionArn": .string(execution)])
            #expect(forExecution["tracingConfiguration"] == ["enabled": false])
            let (_, nothing) = try await client.call("UpdateStateMachine", ["stateMachineArn": .string(arn)])
            #expect(
                awsError(nothing)
                    == (
                        "\(Self.model)MissingRequiredParameter",
                        "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified"
                    ))
        }
    }

    @Test(
        "Configurations AWS refuses, with AWS's errors and words",
        arguments: [
            (
                #"{"level":"ALL"}"#, "\(model)InvalidLoggingConfiguration",
                "Invalid Logging Configuration: Must specify exactly one Log Destination."
            ),
            (
                #"{"level":"ERROR","destinations":[{"cloudWatchLogsLogGroup":{"logGroupArn":"arn:aws:logs:us-east-1:1:log-group:a:*"}},{"cloudWatchLogsLogGroup":{"logGroupArn":"arn:aws:logs:us-east-1:1:log-group:b:*"}}]}"#,
                "\(model)InvalidLoggingConfiguration", "Invalid Logging Configuration: Must specify exactly one Log Destination."
            ),
            (
                #"{"level":"ALL","destinations":[{"cloudWatchLogsLogGroup":{"logGroupArn":"arn:aws:logs:us-east-1:1:log-group:a"}}]}"#,
                "\(model)InvalidLoggingConfiguration", "Invalid Logging Configuration: Log Group ARN must be provided with '*' qualifier."
            ),
            (
                #"{"level":"LOUD"}"#, coral,
                "1 validation error detected: Value 'LOUD' at 'loggingConfiguration.level' failed to satisfy constraint: Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]"
            ),
        ])
    func invalidLogging(logging: String, type: String, message: String) async throws {
        try await withService { service in
            let (status, body) = try await service.client.call(
                "CreateStateMachine",
                [
                    "name": "m", "definition": .string(Definitions.pass), "roleArn": .string(Definitions.role),
                    "loggingConfiguration": try JSON(parsing: logging),
                ])
            #expect(status == 400)
            #expect(awsError(body) == (type, message))
        }
    }

    @Test(
        "Encryption configurations AWS refuses, on state machines and activities",
        arguments: [
            (
                #"{"kmsKeyId":"k"}"#, coral,
                "1 validation error detected: Value null at 'encryptionConfiguration.type' failed to satisfy constraint: Member must not be null"
            ),
            (
                #"{"type":"CUSTOMER_MANAGED_KMS_KEY","kmsKeyId":"k","kmsDataKeyReusePeriodSeconds":30}"#, coral,
                "1 validation error detected: Value '30' at 'encryptionConfiguration.kmsDataKeyReusePeriodSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60"
            ),
            (
                #"{"type":"CUSTOMER_MANAGED_KMS_KEY"}"#, "\(model)InvalidEncryptionConfiguration",
                "Invalid Encryption Configuration: 'kmsKeyId' is required when 'type' is 'CUSTOMER_MANAGED_KMS_KEY'."
            ),
            (
                #"{"type":"AWS_OWNED_KEY","kmsKeyId":"k"}"#, "\(model)InvalidEncryptionConfiguration",
                "Invalid Encryption Configuration: 'kmsKeyId' and 'kmsDataKeyReusePeriodSeconds' can only be set when 'type' is 'CUSTOMER_MANAGED_KMS_KEY'."
            ),
            (
                #"{"type":"PLAIN"}"#, coral,
                "1 validation error detected: Value 'PLAIN' at 'encryptionConfiguration.type' failed to satisfy constraint: Member must satisfy enum value set: [AWS_OWNED_KEY, CUSTOMER_MANAGED_KMS_KEY]"
            ),
        ])
    func invalidEncryption(encryption: String, type: String, message: String) async throws {
        try await withService { service in
            let configuration = try JSON(parsing: encryption)
            let (_, machine) = try await service.client.call(
                "CreateStateMachine",
                [
                    "name": "m", "definition": .string(Definitions.pass), "roleArn": .string(Definitions.role),
                    "encryptionConfiguration": configuration,
                ])
            #expect(awsError(machine) == (type, message))
            let (_, activity) = try await service.client.call("CreateActivity", ["name": "a", "encryptionConfiguration": configuration])
            #expect(awsError(activity) == (type, message))
        }
    }

    @Test("A tracing configuration without enabled is InvalidTracingConfiguration")
    func invalidTracing() async throws {
        try await withService { service in
            let arn = try await service.client.createMachine("t")
            let (_, body) = try await service.client.call("UpdateStateMachine", ["stateMachineArn": .string(arn), "tracingConfiguration": [:]])
            #expect(
                awsError(body) == (
                    "\(Self.model)InvalidTracingConfiguration", "Invalid Tracing Configuration: 'enabled' must be set to true or false."
                ))
        }
    }

    @Test("An activity keeps its encryption configuration and its tags; TagResource, ListTagsForResource and UntagResource work on it")
    func activities() async throws {
        try await withService { service in
            let client = service.client
            let created = try await client.ok(
                "CreateActivity",
                [
                    "name": "worker", "tags": [["key": "team", "value": "a"]],
                    "encryptionConfiguration": [
                        "type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": .string(Self.key), "kmsDataKeyReusePeriodSeconds": 600,
                    ],
                ])
            let arn = created["activityArn"] ?? .null
            let described = try await client.ok("DescribeActivity", ["activityArn": arn])
            #expect(
                described["encryptionConfiguration"]
                    == ["type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": .string(Self.key), "kmsDataKeyReusePeriodSeconds": 600])
            #expect(try await client.ok("ListTagsForResource", ["resourceArn": arn]) == ["tags": [["key": "team", "value": "a"]]])
            _ = try await client.ok("TagResource", ["resourceArn": arn, "tags": [["key": "env", "value": "dev"]]])
            _ = try await client.ok("UntagResource", ["resourceArn": arn, "tagKeys": ["team"]])
            #expect(try await client.ok("ListTagsForResource", ["resourceArn": arn]) == ["tags": [["key": "env", "value": "dev"]]])
            let plain = try await client.ok("CreateActivity", ["name": "plain"])
            #expect(
                try await client.ok("DescribeActivity", ["activityArn": plain["activityArn"] ?? .null])["encryptionConfiguration"] == [
                    "type": "AWS_OWNED_KEY"
                ])
        }
    }

    @Test("Versions and aliases take no tags, as on AWS: ResourceNotFound naming the ARN")
    func versionAndAliasTags() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.createMachine("tagless")
            let version = try await client.ok("PublishStateMachineVersion", ["stateMachineArn": .string(arn)])["stateMachineVersionArn"] ?? .null
            let alias =
                try await client.ok(
                    "CreateStateMachineAlias", ["name": "live", "routingConfiguration": [["stateMachineVersionArn": version, "weight": 100]]])[
                    "stateMachineAliasArn"] ?? .null
            for resource in [version, alias] {
                let name = resource.stringValue ?? ""
                for (action, members) in [
                    ("TagResource", ["resourceArn": resource, "tags": [["key": "k", "value": "v"]]] as JSON),
                    ("ListTagsForResource", ["resourceArn": resource]), ("UntagResource", ["resourceArn": resource, "tagKeys": ["k"]]),
                ] {
                    let (status, body) = try await client.call(action, members)
                    #expect(status == 400)
                    #expect(awsError(body) == ("\(Self.model)ResourceNotFound", "Resource not found: '\(name)'"), "\(action) \(name)")
                }
            }
        }
    }

    @Test("includedData METADATA_ONLY answers the definition as {}; variableReferences name the variables each state reads")
    func includedData() async throws {
        try await withService { service in
            let client = service.client
            let definition = #"""
                {"StartAt":"Set","States":{
                  "Set":{"Type":"Pass","Assign":{"a":1,"b":2},"Next":"Use"},
                  "Use":{"Type":"Pass","Parameters":{"x.$":"$a","y.$":"States.MathAdd($b, $a)","z.$":"$$.Execution.Id"},"Next":"Late"},
                  "Late":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $a + $sum([$b]) + $f %}","Assign":{"f":"{% ($g := 1; $g) %}"},"End":true}}}
                """#
            let arn = try await client.createMachine("vars", definition)
            let full = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string(arn)])
            #expect(full["variableReferences"] == ["Late": ["a", "b", "f"], "Use": ["a", "b"]])
            let metadata = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string(arn), "includedData": "METADATA_ONLY"])
            #expect(metadata["definition"] == "{}")
            #expect(metadata["variableReferences"] == nil)
            let execution = try await client.start(arn)
            let forExecution = try await client.ok("DescribeStateMachineForExecution", ["executionArn": .string(execution)])
            #expect(forExecution["variableReferences"] == full["variableReferences"])
            let (_, bad) = try await client.call("DescribeStateMachineForExecution", ["executionArn": .string(execution), "includedData": "SOME"])
            #expect(
                awsError(bad)
                    == (
                        Self.coral,
                        "1 validation error detected: Value 'SOME' at 'includedData' failed to satisfy constraint: Member must satisfy enum value set: [ALL_DATA, METADATA_ONLY]"
                    ))
            let plain = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string(try await client.createMachine("novars"))])
            #expect(plain["variableReferences"] == nil)
        }
    }

    @Test("Every List action's page token survives a restart of the server on the same database; a bad token is InvalidToken")
    func tokensAcrossRestart() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let first = try await TestService.start(directory: directory)
        let client = first.client
        let arn = try await client.createMachine("paged")
        _ = try await client.createMachine("paged2")
        for name in ["one", "two"] { _ = try await client.ok("CreateActivity", ["name": .string(name)]) }
        var executions: [String] = []
        for index in 0..<2 { executions.append(try await client.start(arn, name: "run\(index)")) }
        for execution in executions { _ = try await client.finished(execution) }
        for index in 1...2 {
            _ = try await client.ok("UpdateStateMachine", ["stateMachineArn": .string(arn), "tracingConfiguration": ["enabled": .bool(index == 1)]])
            _ = try await client.ok("PublishStateMachineVersion", ["stateMachineArn": .string(arn)])
        }
        for name in ["a", "b"] {
            _ = try await client.ok(
                "CreateStateMachineAlias",
                ["name": .string(name), "routingConfiguration": [["stateMachineVersionArn": .string("\(arn):1"), "weight": 100]]])
        }
        let listings: [(action: String, members: JSON, key: String)] = [
            ("ListStateMachines", [:], "stateMachines"), ("ListActivities", [:], "activities"),
            ("ListExecutions", ["stateMachineArn": .string(arn)], "executions"),
            ("ListStateMachineVersions", ["stateMachineArn": .string(arn)], "stateMachineVersions"),
            ("ListStateMachineAliases", ["stateMachineArn": .string(arn)], "stateMachineAliases"),
            ("GetExecutionHistory", ["executionArn": .string(executions[0])], "events"),
        ]
        var pages: [(first: JSON, token: JSON)] = []
        for listing in listings {
            var members = listing.members.objectValue ?? [:]
            members["maxResults"] = 1
            let page = try await client.ok(listing.action, .object(members))
            #expect(page[listing.key]?.arrayValue?.count == 1, "\(listing.action)")
            pages.append((page[listing.key]?[0] ?? .null, page["nextToken"] ?? .null))
        }
        try await first.stop()
        try await withService(directory: directory) { second in
            for (listing, page) in zip(listings, pages) {
                var members = listing.members.objectValue ?? [:]
                members["maxResults"] = 1
                members["nextToken"] = page.token
                let next = try await second.client.ok(listing.action, .object(members))
                let item = next[listing.key]?[0]
                #expect(item != nil && item != page.first, "\(listing.action) after a restart")
                members["nextToken"] = "not-a-token"
                let (status, body) = try await second.client.call(listing.action, .object(members))
                #expect(status == 400)
                #expect(awsError(body) == ("\(Self.model)InvalidToken", "Invalid Token: 'Invalid token'"), "\(listing.action)")
            }
        }
    }

    @Test("A Map Run's children list their itemCount (a batch's items, else 1); DescribeStateMachineForExecution names the Map Run and label")
    func mapRunChildren() async throws {
        try await withService { service in
            let client = service.client
            let batched = APIMapRunTests.definition(#", "ItemBatcher": {"MaxItemsPerBatch": 2}"#)
            let machine = try await client.createMachine("batched", batched)
            let execution = try await client.start(machine, name: "e1", input: #"{"items": [1, 2, 3, 4, 5]}"#)
            #expect(try await client.finished(execution)["status"] == "SUCCEEDED")
            let mapRun = try await APIMapRunTests.mapRunArn(client, execution)
            let children = try await client.ok("ListExecutions", ["mapRunArn": .string(mapRun)])["executions"]?.arrayValue ?? []
            #expect(children.compactMap { $0["itemCount"]?.intValue }.sorted() == [1, 2, 2])
            let listed = try await client.ok("ListExecutions", ["stateMachineArn": .string(machine)])["executions"]?.arrayValue ?? []
            #expect(listed.allSatisfy { $0["itemCount"] == nil })
            let child = try #require(children.first?["executionArn"])
            let described = try await client.ok("DescribeStateMachineForExecution", ["executionArn": child])
            #expect(described["mapRunArn"] == .string(mapRun))
            #expect(described["label"] == "Each")
            let parent = try await client.ok("DescribeStateMachineForExecution", ["executionArn": .string(execution)])
            #expect(parent["mapRunArn"] == nil && parent["label"] == nil)
        }
    }

    @Test("includedData METADATA_ONLY leaves the input and output out of DescribeExecution and StartSyncExecution; traceHeader is kept")
    func executionData() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.createMachine("data")
            let started = try await client.ok(
                "StartExecution", ["stateMachineArn": .string(arn), "input": #"{"a":1}"#, "traceHeader": "Root=1-5759e988-bd862e3fe1be46a994272793"])
            let execution = try #require(started["executionArn"]?.stringValue)
            #expect(try await client.finished(execution)["traceHeader"] == "Root=1-5759e988-bd862e3fe1be46a994272793")
            let (_, refused) = try await client.call("StartExecution", ["stateMachineArn": .string(arn), "traceHeader": "Root=é"])
            #expect(
                awsError(refused)
                    == (
                        Self.coral,
                        #"1 validation error detected: Value 'Root=é' at 'traceHeader' failed to satisfy constraint: Member must satisfy regular expression pattern: \p{ASCII}*"#
                    ))
            let untraced = try await client.start(arn)
            #expect(try await client.finished(untraced)["traceHeader"] == nil)
            let metadata = try await client.ok("DescribeExecution", ["executionArn": .string(execution), "includedData": "METADATA_ONLY"])
            #expect(metadata["input"] == nil && metadata["output"] == nil && metadata["inputDetails"] == nil)
            #expect(metadata["status"] == "SUCCEEDED")
            let full = try await client.ok("DescribeExecution", ["executionArn": .string(execution), "includedData": "ALL_DATA"])
            #expect(full["input"] == #"{"a":1}"# && full["output"] == #"{"done":true}"#)
            let express = try await client.createMachine("fast", type: "EXPRESS")
            let sync = try await client.ok(
                "StartSyncExecution",
                ["stateMachineArn": .string(express), "input": "{}", "traceHeader": "Root=1-abc", "includedData": "METADATA_ONLY"])
            #expect(sync["status"] == "SUCCEEDED" && sync["traceHeader"] == "Root=1-abc")
            #expect(sync["input"] == nil && sync["output"] == nil)
            #expect(sync["billingDetails"]?["billedMemoryUsedInMB"] == 64)
        }
    }
}
