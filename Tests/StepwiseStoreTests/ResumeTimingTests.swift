import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Synchronization
import Testing

@testable import StepwiseStore

/// Resume keeps the timing promises of issue 4: Waits keep their original deadlines (an expired one fires at
/// once), retries keep their counts and backoff schedule.
@Suite("Resume keeps deadlines and retry schedules", .timeLimit(.minutes(3)))
struct ResumeTimingTests {
    static let block = "arn:aws:lambda:us-east-1:123456789012:function:block"

    /// Handler calls by resource name, shared across the two "processes" of a test.
    final class Calls: Sendable {
        let counts = Mutex<[String: Int]>([:])
        func next(_ name: String) -> Int {
            counts.withLock {
                $0[name, default: 0] += 1
                return $0[name]!
            }
        }
        func count(_ name: String) -> Int { counts.withLock { $0[name, default: 0] } }
    }

    /// A durable runtime on a fresh or existing database; `blocking` makes the `block` task hang (holding virtual
    /// time still) as a process would before it crashes.
    static func durable(
        _ path: String, clock: ClockKind = .virtual, blocking: Bool, calls: Calls,
        register: (Runtime) -> Void = { _ in }
    ) async throws -> DurableRuntime {
        let runtime = Runtime(clock: clock)
        runtime.register(block) { input, _ in
            _ = calls.next("block")
            if blocking { try await Task.sleep(for: .seconds(3600)) }
            return input
        }
        register(runtime)
        return DurableRuntime(store: try await Store(path: path), runtime: runtime, resumeInterval: nil)
    }

    /// A crash: everything recorded so far is committed, then the process is gone (nothing it does is recorded).
    static func crash(_ durable: DurableRuntime, _ execution: Execution) async throws {
        try await durable.flush()
        try await durable.close()
        await execution.stop()
    }

    /// Waits until the execution's history has `count` events of `type` (up to 10 s).
    static func waitFor(_ count: Int, _ type: EventType, in execution: Execution) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while await execution.history.filter({ $0.type == type }).count < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(await execution.history.filter { $0.type == type }.count >= count)
    }

    /// Seconds from the execution's start to each event of `type`.
    static func offsets(_ history: [HistoryEvent], _ type: EventType) -> [Double] {
        history.filter { $0.type == type }.map { ($0.timestamp.timeIntervalSince(history[0].timestamp) * 1000).rounded() / 1000 }
    }

    static func resumeOne(_ durable: DurableRuntime) async throws -> (Execution, ExecutionResult, [HistoryEvent]) {
        let resumed = try await durable.resumeAll()
        try #require(resumed.count == 1)
        let result = await resumed[0].result
        return (resumed[0], result, await resumed[0].history)
    }

    @Test("A Wait keeps its original deadline across a crash: it ends 3600 s after it began, not 3600 s after the resume point")
    func waitKeepsDeadline() async throws {
        let definition = """
            {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Long", "States": {"Long": {"Type": "Wait", "Seconds": 3600, "End": true}}},
              {"StartAt": "Step", "States": {
                "Step": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:step", "Next": "Block"},
                "Block": {"Type": "Task", "Resource": "\(Self.block)", "End": true}}}]}}}
            """
        let path = try Fixture.path()
        let calls = Calls()
        let step: (Runtime) -> Void = { runtime in
            runtime.register("arn:aws:lambda:us-east-1:123456789012:function:step") { input, context in
                _ = calls.next("step")
                try await context.sleep(seconds: 100)  // virtual time moves on to t0 + 100 while the Wait runs
                return input
            }
        }
        let first = try await Self.durable(path, blocking: true, calls: calls, register: step)
        let machine = try StateMachine(text: definition, name: "Timers")
        let execution = try await first.start(machine, definition: definition, input: [:], name: "timers")
        try await Self.waitFor(2, .lambdaFunctionScheduled, in: execution)  // Block is in flight at t0 + 100
        try await Self.crash(first, execution)

        let second = try await Self.durable(path, blocking: false, calls: calls, register: step)
        let (_, result, history) = try await Self.resumeOne(second)
        #expect(result.status == .succeeded)
        #expect(Self.offsets(history, .waitStateEntered) == [0])
        #expect(Self.offsets(history, .waitStateExited) == [3600])
        #expect(Self.offsets(history, .lambdaFunctionSucceeded) == [100, 100])
        #expect(calls.count("step") == 1)  // finished before the crash: not run again
        #expect(calls.count("block") == 2)  // in flight at the crash: dispatched again
        try await second.close()
    }

    @Test("Retry keeps its attempt count and backoff schedule across a crash during the backoff")
    func retryKeepsSchedule() async throws {
        let definition = """
            {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Flaky", "States": {"Flaky": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:flaky",
                "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 10, "BackoffRate": 2, "MaxAttempts": 3}], "End": true}}},
              {"StartAt": "Block", "States": {"Block": {"Type": "Task", "Resource": "\(Self.block)", "End": true}}}]}}}
            """
        let calls = Calls()
        let flaky: (Runtime) -> Void = { runtime in
            runtime.register("arn:aws:lambda:us-east-1:123456789012:function:flaky") { _, _ in
                throw StatesError("Flaky", "attempt \(calls.next("flaky"))")
            }
        }
        let path = try Fixture.path()
        let first = try await Self.durable(path, blocking: true, calls: calls, register: flaky)
        let machine = try StateMachine(text: definition, name: "Retries")
        let execution = try await first.start(machine, definition: definition, input: [:], name: "retries")
        try await Self.waitFor(1, .lambdaFunctionFailed, in: execution)  // attempt 1 failed at t0; its retry is due at t0 + 10
        try await Self.crash(first, execution)
        #expect(calls.count("flaky") == 1)

        let second = try await Self.durable(path, blocking: false, calls: calls, register: flaky)
        let (_, result, history) = try await Self.resumeOne(second)
        #expect(calls.count("flaky") == 4)  // 1 + MaxAttempts 3, counted across the crash
        #expect(result.status == .failed)
        #expect(result.error == "Flaky")
        #expect(result.cause == "attempt 4")
        #expect(Self.offsets(history, .lambdaFunctionFailed) == [0, 10, 30, 70])
        let reference = try await TestSupport.run(definition) { runtime in
            runtime.register(Self.block) { input, _ in input }
            let count = Calls()
            runtime.register("arn:aws:lambda:us-east-1:123456789012:function:flaky") { _, _ in
                throw StatesError("Flaky", "attempt \(count.next("flaky"))")
            }
        }
        #expect(history.map(\.type) == reference.history.map(\.type))
        #expect(Self.offsets(history, .lambdaFunctionScheduled) == reference.offsets(of: .lambdaFunctionScheduled))
        try await second.close()
    }

    @Test("A Wait whose deadline passed while the process was down fires at once on resume", .realTime)
    func expiredWaitFiresAtOnce() async throws {
        // Five seconds: long enough to crash first on a loaded machine.
        let definition = #"{"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 5, "End": true}}}"#
        let path = try Fixture.path()
        let calls = Calls()
        let first = try await Self.durable(path, clock: .real, blocking: true, calls: calls)
        let machine = try StateMachine(text: definition, name: "Nap")
        let execution = try await first.start(machine, definition: definition, input: [:], name: "nap")
        try await Self.waitFor(1, .waitStateEntered, in: execution)
        try await Self.crash(first, execution)
        try await Task.sleep(for: .milliseconds(5_500))  // down past the deadline

        let second = try await Self.durable(path, clock: .real, blocking: false, calls: calls)
        let resumedAt = Date()
        let (_, result, history) = try await Self.resumeOne(second)
        #expect(result.status == .succeeded)
        let exited = try #require(history.first { $0.type == .waitStateExited })
        #expect(exited.timestamp.timeIntervalSince(history[0].timestamp) >= 5.5)
        #expect(exited.timestamp.timeIntervalSince(resumedAt) < 0.5)
        try await second.close()
    }

    @Test(
        "One runtime resumes each execution on the clock it started with: a virtual execution's hour-long Wait takes no time on a runtime whose default clock is real"
    )
    func resumesOnItsOwnClock() async throws {
        let definition = """
            {"StartAt": "Block", "States": {
              "Block": {"Type": "Task", "Resource": "\(Self.block)", "Next": "Long"},
              "Long": {"Type": "Wait", "Seconds": 3600, "End": true}}}
            """
        let path = try Fixture.path()
        let calls = Calls()
        let first = try await Self.durable(path, clock: .real, blocking: true, calls: calls)
        let machine = try StateMachine(text: definition, name: "Clocks")
        let execution = try await first.start(machine, definition: definition, input: [:], name: "clocks", clock: .virtual)
        #expect(try await first.store.execution(arn: execution.arn)?.virtualTime == true)
        try await Self.waitFor(1, .lambdaFunctionScheduled, in: execution)
        try await Self.crash(first, execution)

        let second = try await Self.durable(path, clock: .real, blocking: false, calls: calls)
        let (_, result, history) = try await Self.resumeOne(second)
        #expect(result.status == .succeeded)
        let wait = Self.offsets(history, .waitStateExited)[0] - Self.offsets(history, .waitStateEntered)[0]
        #expect((wait * 1000).rounded() / 1000 == 3600)
        try await second.close()
    }
}
