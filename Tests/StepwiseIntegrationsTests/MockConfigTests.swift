import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import StepwiseTesting
import Testing

/// Step Functions Local's counter semantics: one counter per state per execution, advanced by every invocation.
@Suite(.timeLimit(.minutes(3))) struct MockConfigTests {
    @Test func retriesConsumeTheNextResponses() async throws {
        let run = try await MockSupport.run(MockSupport.fetcher, machine: "Fetcher", testCase: "FlakyThenData")
        #expect(run.result.status == .succeeded)
        #expect(run.result.output == ["data": 42])
        #expect(
            run.types == [
                "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskScheduled", "TaskStarted",
                "TaskFailed", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded",
            ])
        let causes = run.history.compactMap { event -> String? in
            if case .taskFailure(_, _, _, let cause) = event.details { return cause } else { return nil }
        }
        #expect(causes == ["first call", "second call"])
    }

    @Test func runningOutOfResponsesFailsTheExecution() async throws {
        let run = try await MockSupport.run(MockSupport.fetcher, machine: "Fetcher", testCase: "RunsOut")
        #expect(run.result.status == .failed)
        #expect(run.result.error == "States.Runtime")
        #expect(
            run.result.cause == "An error occurred while executing the state 'Fetch' (entered at the event id #2). "
                + "The mocked response 'AlwaysFlaky' of state 'Fetch' (test case 'RunsOut') has no response for invocation 2 "
                + "(it covers invocations: 0-1). Every invocation of a mocked state, retries included, needs a response.")
        #expect(run.types.filter { $0 == "TaskScheduled" }.count == 3)
        #expect(run.types.last == "ExecutionFailed")
    }

    /// A Stepwise extension: a PassThrough invocation runs the state as if it were not mocked, so a test case can
    /// inject failures into some invocations and keep the real effect of the others.
    @Test("PassThrough invocations run what would run the state unmocked; the others answer from the file")
    func passThroughRunsTheNextTier() async throws {
        let runtime = Runtime(clock: .virtual)
        let calls = Counter()
        runtime.register("arn:aws:states:::lambda:invoke") { input, _ in ["real": .int(calls.next()), "function": input["FunctionName"] ?? .null] }
        let run = try await MockSupport.run(MockSupport.fetcher, machine: "Fetcher", testCase: "FlakyThenReal", runtime: runtime)
        #expect(run.result.output == ["real": 1, "function": "fetch"])
        #expect(calls.count == 1)
        #expect(run.types.filter { $0 == "TaskFailed" }.count == 1)

        let alone = try await MockSupport.run(MockSupport.fetcher, machine: "Fetcher", testCase: "FlakyThenReal")
        #expect(alone.result.error == "States.Runtime")
        #expect(
            alone.result.cause?.hasSuffix(
                "Invocation 1 of state 'Fetch' passes through the mock (test case 'FlakyThenReal'), "
                    + "but nothing else can run the Task resource 'arn:aws:states:::lambda:invoke'.") == true)
    }

    @Test func choiceLoopsAdvanceTheCounter() async throws {
        let run = try await MockSupport.run(MockSupport.poller, machine: "Poller", testCase: "DoneOnThirdPoll")
        #expect(run.result.status == .succeeded)
        #expect(run.result.output == ["status": "DONE", "polls": 3])
        #expect(run.types.filter { $0 == "TaskScheduled" }.count == 3)
        #expect(run.types.filter { $0 == "WaitStateEntered" }.count == 2)
    }

    @Test func mapIterationsShareTheCounterWithRetries() async throws {
        let run = try await MockSupport.run(MockSupport.scorer, machine: "Scorer", testCase: "OneRetryInSecondItem", input: ["items": [1, 2, 3]])
        #expect(run.result.status == .succeeded)
        #expect(run.result.output == ["r0", "r2", "r3"])
        #expect(run.types.filter { $0 == "LambdaFunctionScheduled" }.count == 4)
        #expect(run.types.filter { $0 == "LambdaFunctionFailed" }.count == 1)
    }

    @Test func thrownErrorsAreCaughtWithTheirCause() async throws {
        let runtime = Runtime(clock: .virtual)
        runtime.register("arn:aws:states:::sqs:sendMessage") { _, _ in
            Issue.record("Ship must not run")
            return [:]
        }
        let run = try await MockSupport.run(MockSupport.payment, machine: "Payment", testCase: "Declined", input: ["order": 7], runtime: runtime)
        #expect(run.result.status == .succeeded)
        #expect(run.result.output == ["order": 7, "failure": ["Error": "Payment.Declined", "Cause": "card expired"]])
        #expect(run.trace.contains("PassStateEntered:Declined"))
    }

    @Test func countersArePerExecution() async throws {
        let runtime = Runtime(clock: .virtual)
        let first = try await MockSupport.run(MockSupport.fetcher, machine: "Fetcher", testCase: "FlakyThenData", runtime: runtime, name: "one")
        let machine = try StateMachine(text: MockSupport.fetcher, name: "Fetcher")
        let second = await (try runtime.start(machine, input: [:], name: "two")).result
        #expect(first.result.output == ["data": 42])
        #expect(second.output == ["data": 42])
    }

    @Test func unmockedStatesFallThroughToTheNextTier() async throws {
        let runtime = Runtime(clock: .virtual)
        runtime.register("arn:aws:states:::sqs:sendMessage") { input, _ in ["MessageId": "m-1", "sent": input["MessageBody"] ?? .null] }
        let run = try await MockSupport.run(MockSupport.payment, machine: "Payment", testCase: "Hybrid", runtime: runtime)
        #expect(run.result.output == ["MessageId": "m-1", "sent": "x"])
    }

    @Test func callbackAndActivityTasksCanBeMocked() async throws {
        let definition = """
            {"StartAt": "AskApproval", "States": {
              "AskApproval": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                              "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}}, "ResultPath": "$.approval", "Next": "Worker"},
              "Worker": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:work", "ResultPath": "$.work", "End": true}}}
            """
        let run = try await MockSupport.run(definition, machine: "Callbacks", testCase: "Approved")
        #expect(run.result.output == ["approval": ["approved": "yes"], "work": ["worked": true]])
        #expect(
            run.types == [
                "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
                "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded",
            ])
    }
}
