import Foundation
import Stepwise
import Testing

/// TestState of Task states: mocked results and errors, real calls through the runtime's handlers, and how
/// Retry and Catch decide RETRIABLE, CAUGHT_ERROR and FAILED (AWS's recorded answers).
@Suite("TestState of Task states", .timeLimit(.minutes(2)))
struct TestStateTaskTests {
    static let lambda = "arn:aws:states:::lambda:invoke"
    /// AWS's recorded BASE_TASK_STATE_RETRY: one retrier, IntervalSeconds 1, BackoffRate 2, MaxAttempts 5.
    static let retrying = """
        {"QueryLanguage": "JSONata", "Type": "Task", "Resource": "\(lambda)", "Arguments": {"FunctionName": "foo", "Payload": "bar"},
         "Retry": [{"ErrorEquals": ["MockException"], "IntervalSeconds": 1, "MaxAttempts": 5, "BackoffRate": 2.0}], "End": true}
        """
    static let mockError = TestStateMock.error(error: "MockException", cause: "Mock the cause of the error.")

    @Test("A JSONPath Task with a mocked result reports every stage from InputPath to ResultPath")
    func jsonPathMock() async throws {
        let result = try await testState(
            """
            {"Type": "Task", "Resource": "\(Self.lambda)", "InputPath": "$.call", "Parameters": {"FunctionName.$": "$.name", "Payload": {"n.$": "$.n"}},
             "ResultSelector": {"body.$": "$.Payload"}, "ResultPath": "$.out", "OutputPath": "$.out", "Next": "Done"}
            """, input: ["call": ["name": "f", "n": 2]], mock: .result(["Payload": ["doubled": 4], "StatusCode": 200]))
        #expect(
            result.json().serialized()
                == #"{"status":"SUCCEEDED","output":"{\"body\":{\"doubled\":4}}","nextState":"Done","inspectionData":{"input":"{\"call\":{\"name\":\"f\",\"n\":2}}","afterInputPath":"{\"name\":\"f\",\"n\":2}","afterParameters":"{\"FunctionName\":\"f\",\"Payload\":{\"n\":2}}","result":"{\"Payload\":{\"doubled\":4},\"StatusCode\":200}","afterResultSelector":"{\"body\":{\"doubled\":4}}","afterResultPath":"{\"call\":{\"name\":\"f\",\"n\":2},\"out\":{\"body\":{\"doubled\":4}}}"}}"#
        )
    }

    @Test("A JSONata Task with a mocked result reports its Arguments and result, and its Output and Assign apply")
    func jsonataMock() async throws {
        let result = try await testState(
            """
            {"QueryLanguage": "JSONata", "Type": "Task", "Resource": "arn:aws:states:::http:invoke",
             "Arguments": {"Method": "POST", "ApiEndpoint": "example.com", "RequestBody": {"cost": "{% $states.input.cost %}"}},
             "Assign": {"approval": "{% $states.result.approval %}"}, "Output": "{% $merge([$states.input, $states.result]) %}", "Next": "Check"}
            """, input: ["cost": 10], mock: .result(["approval": true]))
        #expect(
            result.json().serialized()
                == #"{"status":"SUCCEEDED","output":"{\"cost\":10,\"approval\":true}","nextState":"Check","inspectionData":{"input":"{\"cost\":10}","afterArguments":"{\"Method\":\"POST\",\"ApiEndpoint\":\"example.com\",\"RequestBody\":{\"cost\":10}}","result":"{\"approval\":true}","variables":"{\"approval\":true}"}}"#
        )
    }

    @Test("A mocked error with retries left is RETRIABLE with the backoff; with none left it is FAILED naming the retrier")
    func retriable() async throws {
        let below = try await testState(
            Self.retrying, input: ["Values": ["first"]], mock: Self.mockError, configuration: TestStateConfiguration(retrierRetryCount: 4))
        #expect(
            below.json().serialized()
                == #"{"status":"RETRIABLE","error":"MockException","cause":"Mock the cause of the error.","inspectionData":{"input":"{\"Values\":[\"first\"]}","afterArguments":"{\"FunctionName\":\"foo\",\"Payload\":\"bar\"}","errorDetails":{"retryIndex":0,"retryBackoffIntervalSeconds":16}}}"#
        )
        let exhausted = try await testState(
            Self.retrying, input: ["Values": ["first"]], mock: Self.mockError, configuration: TestStateConfiguration(retrierRetryCount: 5))
        #expect(
            exhausted.json().serialized()
                == #"{"status":"FAILED","error":"MockException","cause":"Mock the cause of the error.","inspectionData":{"input":"{\"Values\":[\"first\"]}","afterArguments":"{\"FunctionName\":\"foo\",\"Payload\":\"bar\"}","errorDetails":{"retryIndex":0}}}"#
        )
        let first = try await testState(Self.retrying, mock: Self.mockError)
        #expect(first.inspectionData?.errorDetails == InspectionData.ErrorDetails(retryIndex: 0, retryBackoffIntervalSeconds: 1))
    }

    @Test("The backoff is capped by MaxDelaySeconds, and an error no retrier matches goes to the catchers")
    func backoffCap() async throws {
        let definition = """
            {"Type": "Task", "Resource": "\(Self.lambda)", "Retry": [
              {"ErrorEquals": ["Other"], "MaxAttempts": 1}, {"ErrorEquals": ["States.ALL"], "IntervalSeconds": 3, "BackoffRate": 10, "MaxAttempts": 9, "MaxDelaySeconds": 100}],
             "End": true}
            """
        let capped = try await testState(definition, mock: Self.mockError, configuration: TestStateConfiguration(retrierRetryCount: 3))
        #expect(capped.status == .retriable)
        #expect(capped.inspectionData?.errorDetails == InspectionData.ErrorDetails(retryIndex: 1, retryBackoffIntervalSeconds: 100))
    }

    @Test("A catcher makes a mocked error CAUGHT_ERROR with its Next and output; States.TaskFailed catches any task error")
    func caught() async throws {
        let definition = """
            {"QueryLanguage": "JSONata", "Type": "Task", "Resource": "\(Self.lambda)", "Arguments": {"FunctionName": "foo", "Payload": "bar"},
             "Catch": [{"ErrorEquals": ["MockException"], "Output": "{% $states.errorOutput %}", "Next": "HandleMockError"},
                       {"ErrorEquals": ["States.TaskFailed"], "Output": {"caught": "{% $states.errorOutput.Error %}"}, "Next": "HandleThreshold"}],
             "End": true}
            """
        let first = try await testState(definition, input: ["Value": "HelloWorld"], mock: Self.mockError)
        #expect(
            first.json().serialized()
                == #"{"status":"CAUGHT_ERROR","output":"{\"Error\":\"MockException\",\"Cause\":\"Mock the cause of the error.\"}","error":"MockException","cause":"Mock the cause of the error.","nextState":"HandleMockError","inspectionData":{"input":"{\"Value\":\"HelloWorld\"}","afterArguments":"{\"FunctionName\":\"foo\",\"Payload\":\"bar\"}","errorDetails":{"catchIndex":0}}}"#
        )
        let second = try await testState(definition, level: .info, mock: .error(error: "Lambda.Unknown", cause: nil))
        #expect(
            second.json().serialized()
                == #"{"status":"CAUGHT_ERROR","output":"{\"caught\":\"Lambda.Unknown\"}","error":"Lambda.Unknown","nextState":"HandleThreshold"}"#)
    }

    @Test("With retries exhausted a JSONPath catcher places the error output with its ResultPath; both indexes are reported")
    func retryThenCatch() async throws {
        let result = try await testState(
            """
            {"Type": "Task", "Resource": "\(Self.lambda)", "Retry": [{"ErrorEquals": ["Busy"], "MaxAttempts": 2}],
             "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Recover"}], "End": true}
            """, input: ["id": 7], mock: .error(error: "Busy", cause: "try later"), configuration: TestStateConfiguration(retrierRetryCount: 2))
        #expect(result.status == .caughtError)
        #expect(result.nextState == "Recover")
        #expect(result.output == ["id": 7, "error": ["Error": "Busy", "Cause": "try later"]])
        #expect(result.inspectionData?.errorDetails == InspectionData.ErrorDetails(catchIndex: 0, retryIndex: 0))
        #expect(result.inspectionData?.afterParameters == ["id": 7])
        #expect(result.inspectionData?.result == nil)
    }

    @Test("States.Runtime is neither retried nor caught: a missing InputPath is FAILED with AWS's cause")
    func runtimeError() async throws {
        let result = try await testState(
            """
            {"Type": "Task", "Resource": "\(Self.lambda)", "InputPath": "$.missing", "Retry": [{"ErrorEquals": ["States.ALL"]}],
             "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Never"}], "End": true}
            """, input: ["id": 7], level: .info, mock: .result([:]))
        #expect(
            result.json().serialized()
                == #"{"status":"FAILED","error":"States.Runtime","cause":"Invalid path '$.missing' : No results for path: $['missing']"}"#)
    }

    @Test("Without a mock the Task runs its registered handler with the context object, under the given role")
    func realCall() async throws {
        let result = try await testState(
            #"{"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:double", "Parameters": {"n.$": "$.n", "who.$": "$$.Execution.RoleArn"}, "End": true}"#,
            input: ["n": 21], roleArn: "arn:aws:iam::123456789012:role/tester"
        ) { runtime in
            runtime.register("arn:aws:lambda:*:*:function:double") { input, context in
                ["n": .int((input["n"]?.intValue ?? 0) * 2), "who": input["who"] ?? .null, "state": .string(context.stateName)]
            }
        }
        #expect(result.status == .succeeded)
        #expect(result.output == ["n": 42, "who": "arn:aws:iam::123456789012:role/tester", "state": "StateName"])
        #expect(result.inspectionData?.result == result.output)
    }

    @Test("A handler's StatesError meets the catchers like a mocked one")
    func handlerError() async throws {
        let result = try await testState(
            #"{"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:broken", "Catch": [{"ErrorEquals": ["Broken"], "Next": "Fix"}], "End": true}"#,
            level: .info, roleArn: "arn:aws:iam::123456789012:role/tester"
        ) { runtime in
            runtime.register("arn:aws:lambda:*:*:function:broken") { _, _ in throw StatesError("Broken", "on purpose") }
        }
        #expect(
            result.json().serialized()
                == #"{"status":"CAUGHT_ERROR","output":"{\"Error\":\"Broken\",\"Cause\":\"on purpose\"}","error":"Broken","cause":"on purpose","nextState":"Fix"}"#
        )
    }

    @Test("A Task without a mock needs a role, a handler, and a pattern TestState can run")
    func refusedCalls() async throws {
        let role = "arn:aws:iam::123456789012:role/tester"
        let plain = #"{"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:none", "End": true}"#
        #expect(
            await refusal { () throws(TestStateError) in try await testState(plain) }
                == "ValidationException: RoleArn must be specified when testing a Task state")
        let missing = await refusal { () throws(TestStateError) in try await testState(plain, roleArn: role) }
        #expect(
            missing?.hasPrefix(
                "ValidationException: Nothing can run the Task resource 'arn:aws:lambda:us-east-1:123456789012:function:none' of state 'StateName': ")
                == true)
        let callback = #"{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}"#
        #expect(
            await refusal { () throws(TestStateError) in try await testState(callback, roleArn: role) }
                == "ValidationException: TestState supports the .waitForTaskToken integration pattern only when a mock is specified.")
        let activity = #"{"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:work", "End": true}"#
        #expect(
            await refusal { () throws(TestStateError) in try await testState(activity, roleArn: role) }
                == "ValidationException: TestState supports Activity tasks only when a mock is specified.")
        let mocked = try await testState(activity, level: .info, mock: .result(["done": true]))
        #expect(mocked.json().serialized() == #"{"status":"SUCCEEDED","output":"{\"done\":true}"}"#)
    }
}
