import Foundation
import JSON
import Testing

@testable import StepwiseServer

@Suite("AWS API: state machines", .serialized, .timeLimit(.minutes(1)))
struct APIStateMachineTests {
    static let model = "com.amazonaws.swf.service.v2.model#"

    @Test("CreateStateMachine answers the ARN, is idempotent, and refuses a different definition under the same name")
    func create() async throws {
        try await withService { service in
            let client = service.client
            let first = try await client.ok(
                "CreateStateMachine",
                [
                    "name": "orders", "definition": .string(Definitions.pass), "roleArn": .string(Definitions.role),
                ])
            #expect(first["stateMachineArn"] == .string(Definitions.machineArn("orders")))
            #expect(first["creationDate"]?.doubleValue != nil)
            let again = try await client.ok(
                "CreateStateMachine",
                [
                    "name": "orders", "definition": .string(Definitions.pass), "roleArn": .string(Definitions.role),
                ])
            #expect(again == first)
            let (status, body) = try await client.call(
                "CreateStateMachine",
                [
                    "name": "orders", "definition": .string(Definitions.echo), "roleArn": .string(Definitions.role),
                ])
            #expect(status == 400)
            #expect(
                awsError(body) == (
                    "\(Self.model)StateMachineAlreadyExists",
                    "State Machine Already Exists: '\(Definitions.machineArn("orders"))'"
                ))
        }
    }

    @Test(
        "CreateStateMachine refuses bad names, invalid definitions and missing or ill-typed members",
        arguments: [
            (#"{"name":"bad name","definition":"{}","roleArn":"r"}"#, "\(model)InvalidName", "Invalid Name: 'bad name'"),
            (
                #"{"name":"m","definition":"{}","roleArn":"r"}"#, "\(model)InvalidDefinition",
                "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States, StartAt] at /'"
            ),
            (
                #"{"name":"m","definition":"{}"}"#, "com.amazon.coral.validate#ValidationException",
                "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null"
            ),
            (
                #"{"name":"m","definition":"{}","roleArn":"r","type":"FAST"}"#, "com.amazon.coral.validate#ValidationException",
                "1 validation error detected: Value 'FAST' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]"
            ),
            (
                #"{"name":12,"definition":"{}","roleArn":"r"}"#, "com.amazon.coral.service#SerializationException",
                "Unexpected number for member 'name': expected string"
            ),
        ])
    func createErrors(body: String, type: String, message: String) async throws {
        try await withService { service in
            let (status, response) = try await service.client.send(
                "POST", "/", body: body, headers: ["X-Amz-Target: AWSStepFunctions.CreateStateMachine"])
            #expect(status == 400)
            #expect(awsError(response) == (type, message))
        }
    }

    @Test("UpdateStateMachine makes a new revision; a running execution keeps the definition it started with")
    func update() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.createMachine("flow", Definitions.slow)
            let before = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string(arn)])
            let execution = try await client.start(arn, name: "old")
            let updated = try await client.ok("UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(Definitions.pass)])
            #expect(updated["revisionId"] != before["revisionId"])
            let after = try await client.ok("DescribeStateMachine", ["stateMachineArn": .string(arn)])
            #expect(after["definition"] == .string(Definitions.pass))
            #expect(after["revisionId"] == updated["revisionId"])
            #expect(after["status"] == "ACTIVE")
            #expect(after["type"] == "STANDARD")
            let used = try await client.ok("DescribeStateMachineForExecution", ["executionArn": .string(execution)])
            #expect(used["definition"] == .string(Definitions.slow))
            #expect(used["revisionId"] == before["revisionId"])
            #expect(used["name"] == "flow")
            let (status, body) = try await client.call("UpdateStateMachine", ["stateMachineArn": .string(arn)])
            #expect(status == 400)
            #expect(awsError(body).type == "\(Self.model)MissingRequiredParameter")
        }
    }

    @Test("ListStateMachines pages by name; a bad token is InvalidToken and maxResults over 1000 a ValidationException")
    func list() async throws {
        try await withService { service in
            let client = service.client
            for name in ["c", "a", "b"] { try await client.createMachine(name) }
            let first = try await client.ok("ListStateMachines", ["maxResults": 2])
            #expect(first["stateMachines"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["a", "b"])
            #expect(first["stateMachines"]?[0]?["type"] == "STANDARD")
            let token = try #require(first["nextToken"])
            let second = try await client.ok("ListStateMachines", ["maxResults": 2, "nextToken": token])
            #expect(second["stateMachines"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["c"])
            #expect(second["nextToken"] == nil)
            let (_, bad) = try await client.call("ListStateMachines", ["nextToken": "garbage"])
            #expect(awsError(bad) == ("\(Self.model)InvalidToken", "Invalid Token: 'Invalid token'"))
            let (status, big) = try await client.call("ListStateMachines", ["maxResults": 1001])
            #expect(status == 400)
            #expect(
                awsError(big) == (
                    "com.amazon.coral.validate#ValidationException",
                    "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"
                ))
        }
    }

    @Test("DeleteStateMachine removes it; describing it then, or an unknown or malformed ARN, fails as AWS does")
    func delete() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.createMachine("gone")
            #expect(try await client.ok("DeleteStateMachine", ["stateMachineArn": .string(arn)]) == [:])
            let (status, body) = try await client.call("DescribeStateMachine", ["stateMachineArn": .string(arn)])
            #expect(status == 400)
            #expect(awsError(body) == ("\(Self.model)StateMachineDoesNotExist", "State Machine Does Not Exist: '\(arn)'"))
            let (_, malformed) = try await client.call("DescribeStateMachine", ["stateMachineArn": "not-an-arn"])
            #expect(awsError(malformed) == ("\(Self.model)InvalidArn", "Invalid Arn: 'Invalid ARN prefix: not-an-arn'"))
            let (_, wrongType) = try await client.call("DescribeStateMachine", ["stateMachineArn": .string(Definitions.executionArn("gone", "x"))])
            #expect(awsError(wrongType) == ("\(Self.model)InvalidArn", "Invalid Arn: 'Resource type not valid in this context: execution'"))
        }
    }

    @Test("ValidateStateMachineDefinition answers OK or FAIL with diagnostics, filtered by severity and capped by maxResults")
    func validate() async throws {
        try await withService { service in
            let client = service.client
            let ok = try await client.ok("ValidateStateMachineDefinition", ["definition": .string(Definitions.pass)])
            #expect(ok == ["result": "OK", "diagnostics": [], "truncated": false])
            let fail = try await client.ok("ValidateStateMachineDefinition", ["definition": "{}"])
            #expect(
                fail == [
                    "result": "FAIL", "truncated": false,
                    "diagnostics": [
                        [
                            "severity": "ERROR", "code": "SCHEMA_VALIDATION_FAILED",
                            "message": "These fields are required: [States, StartAt]", "location": "/",
                        ]
                    ],
                ])
            let twoErrors = #"{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"X"},"B":{"Type":"Pass","End":true}}}"#
            let capped = try await client.ok("ValidateStateMachineDefinition", ["definition": .string(twoErrors), "maxResults": 1])
            #expect(capped["result"] == "FAIL")
            #expect(capped["diagnostics"]?.arrayValue?.count == 1)
            #expect(capped["truncated"] == true)
            let warning = #"{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x":"$.y"},"End":true}}}"#
            let errorsOnly = try await client.ok("ValidateStateMachineDefinition", ["definition": .string(warning)])
            #expect(errorsOnly["diagnostics"] == [])
            let withWarnings = try await client.ok("ValidateStateMachineDefinition", ["definition": .string(warning), "severity": "WARNING"])
            #expect(withWarnings["result"] == "OK")
            #expect(withWarnings["diagnostics"]?[0]?["severity"] == "WARNING")
            #expect(withWarnings["diagnostics"]?[0]?["code"] == "NO_DOLLAR")
        }
    }
}
