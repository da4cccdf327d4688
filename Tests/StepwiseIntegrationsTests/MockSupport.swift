import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import StepwiseTesting

/// A finished execution as the integration tests look at it.
struct MockRun {
    let result: ExecutionResult
    let history: [HistoryEvent]
    var types: [String] { history.map(\.type.rawValue) }
    var trace: [String] { history.map { event in event.stateName.map { "\(event.type.rawValue):\($0)" } ?? event.type.rawValue } }
}

/// Fixtures and runs for the mock config tests.
enum MockSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Mocks")

    static func config() throws -> MockConfig {
        try MockConfig(contentsOf: fixtures.appendingPathComponent("MockConfigFile.json").path)
    }

    /// Runs `definition` as state machine `machine` under `testCase` of the fixture file.
    static func run(
        _ definition: String, machine: String, testCase: String, input: JSON = [:], runtime: Runtime = Runtime(clock: .virtual),
        name: String = "run"
    ) async throws -> MockRun {
        runtime.add(MockResolver(testCase: try config().testCase(testCase, machine: machine)), tier: .mock)
        let execution = try await runtime.start(try StateMachine(text: definition, name: machine), input: input, name: name)
        let result = await execution.result
        return MockRun(result: result, history: await execution.history)
    }

    static let fetcher = """
        {"StartAt": "Fetch", "States": {
          "Fetch": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "fetch"},
                    "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 1, "MaxAttempts": 3}], "End": true}}}
        """

    static let poller = """
        {"StartAt": "Poll", "States": {
          "Poll": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:batch:describeJobs", "Parameters": {"Jobs": ["j1"]}, "Next": "Done?"},
          "Done?": {"Type": "Choice", "Choices": [{"Variable": "$.status", "StringEquals": "DONE", "Next": "Finished"}], "Default": "Pause"},
          "Pause": {"Type": "Wait", "Seconds": 5, "Next": "Poll"},
          "Finished": {"Type": "Succeed"}}}
        """

    static let scorer = """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 1, "ItemsPath": "$.items", "End": true,
          "ItemProcessor": {"StartAt": "Score", "States": {
            "Score": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:score",
                      "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 1, "MaxAttempts": 1}], "End": true}}}}}}
        """

    static let payment = """
        {"StartAt": "Charge", "States": {
          "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "charge"},
                     "Catch": [{"ErrorEquals": ["Payment.Declined"], "ResultPath": "$.failure", "Next": "Declined"}], "Next": "Ship"},
          "Ship": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": {"QueueUrl": "q", "MessageBody": "x"}, "End": true},
          "Declined": {"Type": "Pass", "End": true}}}
        """
}
