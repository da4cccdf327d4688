import Foundation
import JSON
import StepwiseServer
import StepwiseTesting
import Testing

/// TestState over the AWS JSON API: botocore's members in, AWS's answer out, AWS's errors for what it refuses.
@Suite("TestState over the AWS JSON API", .timeLimit(.minutes(3)))
struct TestStateAPITests {
    static let model = "com.amazonaws.swf.service.v2.model#"
    static let retrying = """
        {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "Payload.$": "$"},
         "Retry": [{"ErrorEquals": ["Busy"], "IntervalSeconds": 2, "MaxAttempts": 3}],
         "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Recover"}], "Next": "Done"}
        """

    @Test("A mocked Task answers each stage as JSON text at DEBUG, RETRIABLE and CAUGHT_ERROR by the retry count")
    func mockedTask() async throws {
        try await withService { service in
            let client = service.client
            let succeeded = try await client.ok(
                "TestState",
                [
                    "definition": .string(Self.retrying), "input": #"{"id":1}"#, "inspectionLevel": "DEBUG", "mock": ["result": #"{"ok":true}"#],
                ])
            #expect(
                succeeded.serialized()
                    == #"{"status":"SUCCEEDED","output":"{\"ok\":true}","nextState":"Done","inspectionData":{"input":"{\"id\":1}","afterInputPath":"{\"id\":1}","afterParameters":"{\"FunctionName\":\"f\",\"Payload\":{\"id\":1}}","result":"{\"ok\":true}","afterResultSelector":"{\"ok\":true}","afterResultPath":"{\"ok\":true}"}}"#
            )
            let busy: JSON = ["errorOutput": ["error": "Busy", "cause": "later"]]
            let retriable = try await client.ok(
                "TestState",
                ["definition": .string(Self.retrying), "input": #"{"id":1}"#, "mock": busy, "stateConfiguration": ["retrierRetryCount": 1]])
            #expect(retriable.serialized() == #"{"status":"RETRIABLE","error":"Busy","cause":"later"}"#)
            let caught = try await client.ok(
                "TestState",
                [
                    "definition": .string(Self.retrying), "input": #"{"id":1}"#, "mock": busy, "stateConfiguration": ["retrierRetryCount": 3],
                    "inspectionLevel": "TRACE",
                ])
            #expect(caught["status"] == "CAUGHT_ERROR")
            #expect(caught["nextState"] == "Recover")
            #expect(caught["output"] == #"{"id":1,"error":{"Error":"Busy","Cause":"later"}}"#)
            #expect(caught["inspectionData"]?["errorDetails"] == ["retryIndex": 0, "catchIndex": 0])
        }
    }

    @Test("A whole machine with stateName and variables; a Choice's next state")
    func machine() async throws {
        try await withService { service in
            let definition = """
                {"QueryLanguage": "JSONata", "StartAt": "Check", "States": {
                  "Check": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.cost < $limit %}", "Next": "Approved"}], "Default": "Ask"},
                  "Ask": {"Type": "Pass", "Next": "Approved"}, "Approved": {"Type": "Succeed"}}}
                """
            let answer = try await service.client.ok(
                "TestState",
                [
                    "definition": .string(definition), "stateName": "Check", "input": #"{"cost":9}"#, "variables": #"{"limit":10}"#,
                    "inspectionLevel": "DEBUG",
                ])
            #expect(
                answer.serialized()
                    == #"{"status":"SUCCEEDED","output":"{\"cost\":9}","nextState":"Approved","inspectionData":{"input":"{\"cost\":9}","variables":"{\"limit\":10}"}}"#
            )
        }
    }

    @Test("What TestState refuses is answered with AWS's error names and messages")
    func refusals() async throws {
        try await withService { service in
            let client = service.client
            let pass = #"{"Type": "Pass", "End": true}"#
            let cases: [(JSON, String, String)] = [
                (
                    ["definition": .string(pass), "mock": ["result": "{}"]], "\(Self.model)ValidationException",
                    "State type 'Pass' is not supported when a mock is specified"
                ),
                (
                    ["definition": .string(Self.retrying), "mock": ["result": "{}", "errorOutput": ["error": "E"]]],
                    "\(Self.model)ValidationException",
                    "A test mock should have only one of the following fields: [result, errorOutput]."
                ),
                (["definition": .string(Self.retrying)], "\(Self.model)ValidationException", "RoleArn must be specified when testing a Task state"),
                (
                    ["definition": .string(#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#), "stateName": "B"],
                    "\(Self.model)ValidationException",
                    "State not found in definition"
                ),
                (
                    ["definition": .string(#"{"Type": "Pass"}"#)], "\(Self.model)InvalidDefinition",
                    "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Exactly one of these fields is required: [Next, End] at /'"
                ),
                (
                    ["definition": .string(pass), "input": "{"], "\(Self.model)InvalidExecutionInput",
                    "Invalid State Machine Execution Input: 'Unexpected end of input: expected a key'"
                ),
                (
                    ["definition": .string(pass), "inspectionLevel": "VERBOSE"], "com.amazon.coral.validate#ValidationException",
                    "1 validation error detected: Value 'VERBOSE' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]"
                ),
                (
                    ["definition": .string(Self.retrying), "mock": ["errorOutput": ["cause": "c"]]], "com.amazon.coral.validate#ValidationException",
                    "1 validation error detected: Value null at 'mock.errorOutput.error' failed to satisfy constraint: Member must not be null"
                ),
                (
                    ["definition": .string(pass), "stateConfiguration": ["retrierRetryCount": -1]], "com.amazon.coral.validate#ValidationException",
                    "1 validation error detected: Value '-1' at 'stateConfiguration.retrierRetryCount' failed to satisfy constraint: Member must have value greater than or equal to 0"
                ),
            ]
            for (members, type, message) in cases {
                let (status, body) = try await client.call("TestState", members)
                #expect(status == 400)
                #expect(awsError(body) == (type, message))
            }
        }
    }
}
