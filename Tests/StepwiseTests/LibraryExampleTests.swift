import Foundation
import Stepwise
import Testing

/// The example of docs/library.md, kept runnable.
@Test("The library example in docs/library.md runs as documented")
func libraryExample() async throws {
    let definition = """
        {"StartAt": "Validate", "States": {
          "Validate": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:validate",
            "Retry": [{"ErrorEquals": ["Throttled"], "IntervalSeconds": 2, "MaxAttempts": 3}],
            "Next": "Wait"},
          "Wait": {"Type": "Wait", "Seconds": 3600, "Next": "Done"},
          "Done": {"Type": "Succeed"}}}
        """
    let runtime = Runtime(clock: .virtual)
    runtime.register("arn:aws:lambda:*:*:function:validate") { input, context in
        guard input["uid"] != nil else { throw StatesError("Validation.MissingUid", "uid is required") }
        return ["valid": true, "uid": input["uid"] ?? .null]
    }
    let machine = try StateMachine(text: definition, name: "migration")
    let execution = try await runtime.start(machine, input: ["uid": "u-1"], name: "job-42")
    var types: [String] = []
    for await event in execution.events { types.append(event.type.rawValue) }
    let result = await execution.result
    #expect(result.status == .succeeded)
    #expect(result.output == ["valid": true, "uid": "u-1"])
    #expect(
        types == [
            "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
            "TaskStateExited", "WaitStateEntered", "WaitStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded",
        ])
    #expect(execution.arn == "arn:aws:states:us-east-1:123456789012:execution:migration:job-42")
}

@Test("The stop example in docs/library.md: a machine from Data, stopped with an error and a cause")
func libraryStopExample() async throws {
    let data = Data(#"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 600, "End": true}}}"#.utf8)
    let runtime = Runtime(clock: .real)
    let long = try await runtime.start(try StateMachine(json: data, name: "migration"), input: ["jobId": "42"])
    await long.stop(error: "Cancelled", cause: "by operator")
    let stopped = await long.result
    #expect(stopped.status == .aborted)
    #expect(stopped.error == "Cancelled")
    #expect(stopped.cause == "by operator")
}

@Test("The TestState example in docs/library.md answers RETRIABLE with the backoff it documents")
func testStateExample() async throws {
    let runtime = Runtime(clock: .virtual)
    let result = try await runtime.testState(
        TestStateRequest(
            definition: #"""
                {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "ResultPath": "$.r", "Next": "Done",
                              "Retry": [{"ErrorEquals": ["Busy"], "MaxAttempts": 3}]}
                """#,
            input: ["id": 7], inspectionLevel: .debug, mock: .error(error: "Busy", cause: "try later"),
            configuration: TestStateConfiguration(retrierRetryCount: 1)))
    #expect(result.status == .retriable)
    #expect(result.inspectionData?.errorDetails == InspectionData.ErrorDetails(retryIndex: 0, retryBackoffIntervalSeconds: 2))
}
