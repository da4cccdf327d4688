import Foundation
import Stepwise
import StepwiseTesting
import Synchronization
import Testing

@Suite("Limits, context object, failures and cancellation in scopes", .timeLimit(.minutes(3)))
struct EngineEdgeTests {
    static let service = "arn:aws:states:::lambda:invoke"

    @Test(
        "Execution names follow AWS's rules",
        arguments: [
            ("job-42", true), ("a", true), (String(repeating: "x", count: 80), true), ("", false), (String(repeating: "x", count: 81), false),
            ("has space", false), ("a/b", false), ("a:b", false), ("tab\there", false), ("brace{", false), ("naïve-ok", true),
        ])
    func names(name: String, valid: Bool) {
        #expect(ExecutionName.isValid(name) == valid)
    }

    @Test("An invalid name refuses to start with InvalidName")
    func invalidName() async throws {
        let machine = try StateMachine(text: #"{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"#)
        await #expect(throws: StartError.self) { _ = try await Runtime(clock: .virtual).start(machine, name: "bad name") }
    }

    @Test("A state output over 256 KiB fails with States.DataLimitExceeded, which States.ALL catches")
    func dataLimit() async throws {
        let big = String(repeating: "x", count: 262_144)
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "\(Self.service)", "Next": "Done", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}]},
              "Done": {"Type": "Pass", "End": true}}}
            """
        ) { runtime in runtime.register(Self.service) { _, _ in .string(big) } }
        #expect(run.result.output?["Error"] == "States.DataLimitExceeded")
        #expect(
            run.result.output?["Cause"] == "The state/task 'T' returned a result with a size exceeding the maximum number of bytes service limit.")
    }

    @Test("The context object carries execution, state and state machine facts")
    func contextObject() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {
              "name.$": "$$.Execution.Name", "id.$": "$$.Execution.Id", "input.$": "$$.Execution.Input",
              "state.$": "$$.State.Name", "machine.$": "$$.StateMachine.Name", "redrives.$": "$$.Execution.RedriveCount",
              "entered.$": "$$.State.EnteredTime"}, "End": true}}}
            """, input: ["k": 1])
        let output = try #require(run.result.output)
        #expect(output["name"] == "run")
        #expect(output["id"] == "arn:aws:states:us-east-1:123456789012:execution:Test:run")
        #expect(output["input"] == ["k": 1])
        #expect(output["state"] == "P")
        #expect(output["machine"] == "Test")
        #expect(output["redrives"] == 0)
        let entered = try #require(output["entered"]?.stringValue)
        #expect(entered.count == 24 && entered.hasSuffix("Z"))
    }

    @Test("$$.State.RetryCount counts the attempts of a Task")
    func retryCount() async throws {
        let seen = Mutex<[Int]>([])
        _ = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(Self.service)", "Parameters": {"n.$": "$$.State.RetryCount"},
              "Retry": [{"ErrorEquals": ["E"], "MaxAttempts": 2}], "End": true}}}
            """
        ) { runtime in
            runtime.register(Self.service) { input, _ in
                let n = input["n"]?.intValue ?? -1
                seen.withLock { $0.append(n) }
                if n < 2 { throw StatesError("E", "again") }
                return "ok"
            }
        }
        #expect(seen.withLock { $0 } == [0, 1, 2])
    }

    @Test("A failing Map iteration aborts the others and the Map fails with the iteration's error")
    func mapFailure() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "Choose", "States": {
              "Choose": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 1, "Next": "Boom"}], "Default": "Slow"},
              "Slow": {"Type": "Wait", "Seconds": 10, "End": true},
              "Boom": {"Type": "Fail", "Error": "Item.Failed", "Cause": "one"}}}}}}
            """, input: [0, 1])
        #expect(run.result.error == "Item.Failed")
        #expect(
            Array(run.trace.suffix(5)) == [
                "MapIterationFailed:M", "WaitStateAborted", "MapIterationAborted:M", "MapStateFailed", "ExecutionFailed",
            ])
    }

    @Test("A retried Parallel starts its branches again and records ParallelStateFailed only at the end")
    func parallelRetry() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
              "Retry": [{"ErrorEquals": ["B"], "MaxAttempts": 1, "IntervalSeconds": 4}],
              "Branches": [{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "B"}}}]}}}
            """)
        #expect(run.types.filter { $0 == "ParallelStateStarted" }.count == 2)
        #expect(run.types.filter { $0 == "ParallelStateFailed" }.count == 1)
        #expect(run.offsets(of: .parallelStateStarted) == [0, 4])
        #expect(run.result.error == "B")
    }

    @Test("Stopping during a Map of Tasks cancels every running handler")
    func stopDuringMap() async throws {
        let probe = BlockingHandler()
        let runtime = probe.runtime(for: Self.service)
        let machine = try StateMachine(
            text: """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "\(Self.service)", "End": true}}}}}}
                """)
        let execution = try await runtime.start(machine, input: [1, 2, 3])
        try await probe.waitForStarts(3)
        await execution.stop(error: "Stop", cause: "test")
        #expect(await execution.result.status == .aborted)
        #expect(probe.cancelled == 3, "the result is handed out once every cancelled handler has returned")
    }

    @Test("Full jitter keeps each retry delay between zero and the computed backoff")
    func jitter() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(Self.service)", "End": true,
              "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 10, "BackoffRate": 2, "MaxAttempts": 3, "JitterStrategy": "FULL"}]}}}
            """
        ) { runtime in runtime.register(Self.service) { _, _ in throw StatesError("E", "always") } }
        let times = run.offsets(of: .taskScheduled)
        let delays = zip(times.dropFirst(), times).map { $0 - $1 }
        #expect(delays.count == 3)
        for (delay, cap) in zip(delays, [10.0, 20.0, 40.0]) { #expect(delay >= 0 && delay <= cap) }
    }
}

@Test("An execution that would record more than 25,000 events fails at the limit")
func historyLimit() async throws {
    let run = try await TestSupport.run(
        """
        {"StartAt": "Check", "States": {
          "Check": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThan": 100000, "Next": "Inc"}], "Default": "Done"},
          "Inc": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)"}, "Next": "Check"},
          "Done": {"Type": "Succeed"}}}
        """, input: ["i": 0])
    #expect(run.result.status == .failed)
    #expect(run.result.error == "States.Runtime")
    #expect(run.history.count == 25_000)
    #expect(run.history.last?.type == .executionFailed)
}
