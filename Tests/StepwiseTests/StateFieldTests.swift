import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Synchronization
import Testing

/// Fields and error paths of the state types that the other suites leave out (issue 3's list), each with the
/// exact events, errors and causes AWS records.
@Suite("State fields, error rules and aborts", .timeLimit(.minutes(2)))
struct StateFieldTests {
    static let service = "arn:aws:states:::lambda:invoke"

    @Test("Fail with ErrorPath and CausePath (an intrinsic) fails the execution with those values")
    func failPaths() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.e", "CausePath": "States.Format('n={}', $.n)"}}}
            """, input: ["e": "Custom", "n": 3])
        #expect(run.result.error == "Custom")
        #expect(run.result.cause == "n=3")
        #expect(run.types == ["ExecutionStarted", "FailStateEntered", "ExecutionFailed"])
    }

    @Test("A Fail path that matches nothing is States.Runtime naming the field and the state's input")
    func failPathMissing() async throws {
        for (field, path) in [("ErrorPath", "$.nope"), ("CausePath", "$.deep.nope")] {
            let run = try await TestSupport.run(
                """
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "\(field)": "\(path)"}}}
                """, input: ["a": 1])
            #expect(run.result.error == "States.Runtime")
            #expect(
                run.result.cause == "An error occurred while executing the state 'F' (entered at the event id #2). "
                    + "The JSONPath '\(path)' specified for the field '\(field)' could not be found in the input '{\"a\":1}'")
        }
    }

    @Test("Wait with SecondsPath and TimestampPath waits as long as the input says")
    func waitPaths() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Wait", "SecondsPath": "$.s", "Next": "B"},
              "B": {"Type": "Wait", "TimestampPath": "$.t", "End": true}}}
            """, input: ["s": 10, "t": .string(ISOTimestamp.format(Date().addingTimeInterval(3600)))])
        #expect(run.result.status == .succeeded)
        let exits = run.offsets(of: .waitStateExited)
        #expect(exits.first == 10)
        #expect(abs((exits.last ?? 0) - 3600) < 2)
    }

    @Test(
        "A SecondsPath that is not a non-negative integer is States.Runtime with AWS's cause",
        arguments: [
            (JSON.string("soon"), "The SecondsPath parameter cannot be parsed as a long value: $.s == soon"),
            (JSON.double(1.5), "The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5"),
            (JSON.int(-1), "The SecondsPath parameter references a negative value: $.s == -1"),
        ] as [(JSON, String)])
    func badSecondsPath(value: JSON, cause: String) async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Wait", "SecondsPath": "$.s", "End": true}}}
            """, input: ["s": value])
        #expect(run.result.error == "States.Runtime")
        #expect(run.result.cause == "An error occurred while executing the state 'A' (entered at the event id #2). \(cause)")
        #expect(run.types == ["ExecutionStarted", "WaitStateEntered", "ExecutionFailed"])
    }

    @Test("A SecondsPath of 0 ends the wait at once")
    func zeroSecondsPath() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Wait", "SecondsPath": "$.s", "End": true}}}
            """, input: ["s": 0])
        #expect(run.result.status == .succeeded)
        #expect(run.offsets(of: .waitStateExited) == [0])
    }

    @Test("Choice: a match exits to its Next; no match and no Default is States.NoChoiceMatched")
    func choice() async throws {
        let definition = """
            {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "NumericGreaterThan": 5, "Next": "Big"}]},
              "Big": {"Type": "Succeed"}}}
            """
        let matched = try await TestSupport.run(definition, input: ["x": 9])
        #expect(
            matched.trace == [
                "ExecutionStarted", "ChoiceStateEntered:C", "ChoiceStateExited:C", "SucceedStateEntered:Big", "SucceedStateExited:Big",
                "ExecutionSucceeded",
            ])
        let unmatched = try await TestSupport.run(definition, input: ["x": 1])
        #expect(unmatched.result.error == "States.NoChoiceMatched")
        #expect(unmatched.result.cause == "No Matches!")
        #expect(unmatched.types == ["ExecutionStarted", "ChoiceStateEntered", "ExecutionFailed"])
    }

    @Test("A ResultPath that cannot be applied is States.ResultPathMatchFailure")
    func resultPathMatchFailure() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "ResultPath": "$.a.b", "End": true}}}
            """, input: ["a": "text"])
        #expect(run.result.error == "States.ResultPathMatchFailure")
        #expect(run.types == ["ExecutionStarted", "PassStateEntered", "ExecutionFailed"])
    }

    @Test("States.ALL does not catch States.Runtime")
    func runtimeNotCaught() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "\(Self.service)", "OutputPath": "$.missing", "Next": "Done",
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}]},
              "Done": {"Type": "Succeed"}}}
            """
        ) { runtime in runtime.register(Self.service) { _, _ in ["ok": true] } }
        #expect(run.result.error == "States.Runtime")
        #expect(!run.types.contains("SucceedStateEntered"))
    }

    @Test("Only the first retrier whose ErrorEquals matches is used, and a retry's TaskScheduled points at the failure")
    func firstMatchingRetrier() async throws {
        let attempts = Mutex(0)
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(Self.service)", "End": true, "Retry": [
              {"ErrorEquals": ["E"], "MaxAttempts": 1, "IntervalSeconds": 3},
              {"ErrorEquals": ["States.ALL"], "MaxAttempts": 5, "IntervalSeconds": 1}]}}}
            """
        ) { runtime in
            runtime.register(Self.service) { _, _ in
                attempts.withLock { $0 += 1 }
                throw StatesError("E", "again")
            }
        }
        #expect(attempts.withLock { $0 } == 2, "the first retrier allows one retry; the second one is never consulted for E")
        #expect(run.offsets(of: .taskScheduled) == [0, 3])
        let failed = run.history.filter { $0.type == .taskFailed }.map(\.id)
        let scheduled = run.history.filter { $0.type == .taskScheduled }.map(\.previousEventId)
        #expect(scheduled.last == failed.first)
    }

    @Test("A TimeoutSecondsPath or HeartbeatSecondsPath that matches nothing is an invalid path; a bad value is not a positive integer")
    func timeoutPathErrors() async throws {
        let prefix = "An error occurred while executing the state 'T' (entered at the event id #2). "
        for field in ["TimeoutSecondsPath", "HeartbeatSecondsPath"] {
            let definition = """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(Self.service)", "End": true, "\(field)": "$.t"}}}
                """
            let echo: @Sendable (Runtime) -> Void = { runtime in runtime.register(Self.service) { input, _ in input } }
            let missing = try await TestSupport.run(definition, input: ["a": 1], configure: echo)
            #expect(missing.result.error == "States.Runtime")
            #expect(missing.result.cause == prefix + "Invalid path '$.t' : No results for path: $['t']")
            #expect(missing.types == ["ExecutionStarted", "TaskStateEntered", "ExecutionFailed"])
            let zero = try await TestSupport.run(definition, input: ["t": 0], configure: echo)
            let name = field.dropLast("Path".count)
            #expect(zero.result.cause == prefix + "The \(name)Path parameter does not reference a valid positive integer: $.t")
        }
    }

    @Test("TimeoutSecondsPath and HeartbeatSecondsPath come from the input")
    func timeoutPaths() async throws {
        let definition = """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(Self.service)", "End": true,
              "TimeoutSecondsPath": "$.timeout", "HeartbeatSecondsPath": "$.heartbeat"}}}
            """
        let slow: @Sendable (Runtime) -> Void = { runtime in
            runtime.register(Self.service) { _, context in
                try await context.sleep(seconds: 100)
                return "late"
            }
        }
        let timedOut = try await TestSupport.run(definition, input: ["timeout": 30, "heartbeat": 60], configure: slow)
        #expect(timedOut.result.error == "States.Timeout")
        #expect(timedOut.offsets(of: .taskTimedOut) == [30])
        let heartbeat = try await TestSupport.run(definition, input: ["timeout": 90, "heartbeat": 20], configure: slow)
        #expect(heartbeat.result.error == "States.HeartbeatTimeout")
        #expect(heartbeat.offsets(of: .taskTimedOut) == [20])
        let scheduled = heartbeat.history.first { $0.type == .taskScheduled }?.json()["taskScheduledEventDetails"]
        #expect(scheduled?["timeoutInSeconds"] == 90)
        #expect(scheduled?["heartbeatInSeconds"] == 20)
    }

    @Test("The legacy Iterator, Map Parameters and MaxConcurrencyPath run as ItemProcessor, ItemSelector and MaxConcurrency")
    func legacyMap() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrencyPath": "$.limit", "End": true,
              "Parameters": {"v.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index", "tag.$": "$.tag"},
              "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
            """, input: ["items": ["a", "b"], "limit": 1, "tag": "t"])
        #expect(run.result.output == [["v": "a", "i": 0, "tag": "t"], ["v": "b", "i": 1, "tag": "t"]])
        #expect(run.history.first { $0.type == .mapStateStarted }?.json()["mapStateStartedEventDetails"] == ["length": 2])
    }

    @Test("Stopping during a Parallel cancels every branch's handler and records only ExecutionAborted after the branch events")
    func stopDuringParallel() async throws {
        let probe = BlockingHandler()
        let runtime = probe.runtime(for: Self.service)
        let branches = ["A", "B"].map {
            #"{"StartAt": "\#($0)", "States": {"\#($0)": {"Type": "Task", "Resource": "\#(Self.service)", "End": true}}}"#
        }
        let machine = try StateMachine(
            text: #"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [\#(branches.joined(separator: ","))]}}}"#)
        let execution = try await runtime.start(machine)
        try await probe.waitForStarts(2)
        await execution.stop(error: "Halt", cause: "operator")
        let result = await execution.result
        #expect(result.status == .aborted)
        #expect(result.error == "Halt")
        #expect(probe.cancelled == 2)
        let history = await execution.history
        #expect(history.last?.type == .executionAborted)
        #expect(history.last?.previousEventId == 0)
    }
}

@Suite("Virtual time with handlers that take real time", .timeLimit(.minutes(1)))
struct VirtualWatchdogTests {
    /// Virtual time stands still while a handler works, but never runs slower than real time: a handler that
    /// outlives its TimeoutSeconds in real time is timed out at the virtual deadline.
    @Test("A handler that hangs in real time still times out under the virtual clock")
    func hangingHandlerTimesOut() async throws {
        let started = ContinuousClock.now
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(StateFieldTests.service)", "TimeoutSeconds": 1, "End": true}}}
            """
        ) { runtime in
            runtime.register(StateFieldTests.service) { _, _ in
                try await Task.sleep(for: .seconds(30))
                return "late"
            }
        }
        #expect(run.result.error == "States.Timeout")
        #expect(run.offsets(of: .taskTimedOut) == [1])
        #expect(ContinuousClock.now - started < .seconds(25))
    }

    @Test("A quick handler leaves virtual time exact: the timeout timer never fires")
    func quickHandler() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(StateFieldTests.service)", "TimeoutSeconds": 1, "Next": "W"},
              "W": {"Type": "Wait", "Seconds": 5, "End": true}}}
            """
        ) { runtime in runtime.register(StateFieldTests.service) { _, _ in "done" } }
        #expect(run.result.status == .succeeded)
        #expect(run.offsets(of: .waitStateExited) == [5])
    }
}
