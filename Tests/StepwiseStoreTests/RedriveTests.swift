import Foundation
import JSON
import StatesLanguage
import Stepwise
import Synchronization
import Testing

@testable import StepwiseStore

/// RedriveExecution in the engine: a failed, timed-out or aborted execution carries on from the states that did
/// not succeed, with the input they had, its history going on with ExecutionRedriven (real SQLite store, virtual
/// clock).
@Suite("Redriving executions", .timeLimit(.minutes(3)))
struct RedriveTests {
    static let work = "arn:aws:lambda:us-east-1:123456789012:function:work"
    /// What a redriven two-branch Parallel records when one branch runs again.
    static let parallelRedriven = [
        "ExecutionRedriven", "ParallelStateEntered", "ParallelStateStarted", "TaskStateEntered", "LambdaFunctionScheduled",
        "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ParallelStateSucceeded", "ParallelStateExited",
        "ExecutionSucceeded",
    ]

    /// A task that fails with `Boom` for the items in `failing` while `failures` lasts, and otherwise answers its
    /// input times ten; counts its calls by input.
    final class Worker: Sendable {
        let failures = Mutex(0)
        let failing: Set<Int>
        let calls = Mutex<[Int: Int]>([:])

        init(failing: Set<Int>, failures: Int) {
            self.failing = failing
            self.failures.withLock { $0 = failures }
        }

        func handle(_ input: JSON) throws -> JSON {
            let value = input.intValue ?? input["value"]?.intValue ?? 0
            calls.withLock { $0[value, default: 0] += 1 }
            let fail = failures.withLock { left -> Bool in
                guard failing.contains(value), left > 0 else { return false }
                left -= 1
                return true
            }
            if fail { throw StatesError("Boom", "item \(value) failed") }
            return .int(value * 10)
        }
    }

    /// A durable runtime on a new database whose `work` task is `worker`.
    static func runtime(_ worker: Worker) async throws -> DurableRuntime {
        let runtime = Runtime(clock: .virtual)
        runtime.register(work) { input, _ in try worker.handle(input) }
        return DurableRuntime(store: try await Store(path: try Fixture.path()), runtime: runtime, resumeInterval: nil)
    }

    static func start(_ durable: DurableRuntime, _ definition: String, input: JSON) async throws -> Execution {
        let machine = try StateMachine(text: definition, name: "Redrive")
        return try await durable.start(machine, definition: definition, input: input, name: "run")
    }

    static func types(_ durable: DurableRuntime, _ arn: String) async throws -> [String] {
        await durable.sync()
        let events = try await durable.store.allEvents(arn: arn)
        #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...events.count))
        return events.map { $0["type"]?.stringValue ?? "" }
    }

    @Test("A failed Task runs again from that state with its input; its Retry counts afresh")
    func task() async throws {
        let worker = Worker(failing: [7], failures: 2)
        let durable = try await Self.runtime(worker)
        let definition = """
            {"StartAt":"Prepare","States":{
              "Prepare":{"Type":"Pass","Parameters":{"value.$":"$.n"},"Next":"Work"},
              "Work":{"Type":"Task","Resource":"\(Self.work)","Retry":[{"ErrorEquals":["Boom"],"MaxAttempts":1,"IntervalSeconds":1}],
                "End":true}}}
            """
        let execution = try await Self.start(durable, definition, input: ["n": 7])
        let failed = await execution.result
        #expect(failed.status == .failed)
        #expect(failed.error == "Boom")
        worker.failures.withLock { $0 = 1 }
        let (redriven, date) = try await durable.redrive(arn: execution.arn)
        let result = await redriven.result
        #expect(result.status == .succeeded)
        #expect(result.output == 70)
        #expect(worker.calls.withLock { $0 } == [7: 4])
        let types = try await Self.types(durable, execution.arn)
        #expect(
            types == [
                "ExecutionStarted", "PassStateEntered", "PassStateExited", "TaskStateEntered", "LambdaFunctionScheduled",
                "LambdaFunctionStarted", "LambdaFunctionFailed", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
                "ExecutionFailed", "ExecutionRedriven", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
                "LambdaFunctionFailed", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited",
                "ExecutionSucceeded",
            ])
        let events = try await durable.store.allEvents(arn: execution.arn)
        #expect(events[11]["executionRedrivenEventDetails"] == ["redriveCount": 1])
        #expect(events[11]["previousEventId"] == 11)
        #expect(events[12]["previousEventId"] == 12)
        #expect(events[12]["stateEnteredEventDetails"]?["input"] == #"{"value":7}"#)
        #expect(abs((events[11]["timestamp"]?.doubleValue ?? 0) - date.timeIntervalSince1970) < 0.001)
        let record = try #require(try await durable.store.execution(arn: execution.arn))
        #expect(record.status == .succeeded)
        #expect(record.redriveCount == 1)
        #expect(record.redriveDate == date)
        try await durable.close()
    }

    @Test("A Parallel runs again only its failed branch; the other keeps its output")
    func parallel() async throws {
        let worker = Worker(failing: [2], failures: 1)
        let durable = try await Self.runtime(worker)
        let definition = """
            {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"One","States":{"One":{"Type":"Task","Resource":"\(Self.work)","Parameters":{"value":1},"End":true}}},
              {"StartAt":"Two","States":{"Two":{"Type":"Task","Resource":"\(Self.work)","Parameters":{"value":2},"End":true}}}]}}}
            """
        let execution = try await Self.start(durable, definition, input: [:])
        #expect(await execution.result.status == .failed)
        let (redriven, _) = try await durable.redrive(arn: execution.arn)
        let result = await redriven.result
        #expect(result.status == .succeeded)
        #expect(result.output == [10, 20])
        #expect(worker.calls.withLock { $0 } == [1: 1, 2: 2])
        let types = try await Self.types(durable, execution.arn)
        let redrive = try #require(types.firstIndex(of: "ExecutionRedriven"))
        #expect(types[..<redrive].last == "ExecutionFailed")
        #expect(types[..<redrive].contains("ParallelStateFailed"))
        #expect(
            Array(types[redrive...]) == Self.parallelRedriven)
        try await durable.close()
    }

    /// Runs a Map over [1, 2, 3] (one at a time) whose item 2 fails once, then redrives it; checks the outputs
    /// and that only item 2 ran twice. Returns the runtime, the execution and the redrive date.
    static func redriveMap(_ processorConfig: String) async throws -> (DurableRuntime, Execution, Date) {
        let worker = Worker(failing: [2], failures: 1)
        let durable = try await Self.runtime(worker)
        let definition = """
            {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":1,"End":true,"ItemProcessor":{
              "ProcessorConfig":\(processorConfig),
              "StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"\(Self.work)","End":true}}}}}}
            """
        let execution = try await Self.start(durable, definition, input: [1, 2, 3])
        #expect(await execution.result.status == .failed)
        let (redriven, date) = try await durable.redrive(arn: execution.arn)
        let result = await redriven.result
        #expect(result.status == .succeeded)
        #expect(result.output == [10, 20, 30])
        #expect(worker.calls.withLock { $0 } == [1: 1, 2: 2, 3: 1])
        return (durable, execution, date)
    }

    @Test("An inline Map runs again only its unsuccessful iterations; the succeeded ones keep their outputs")
    func inlineMap() async throws {
        let (durable, execution, _) = try await Self.redriveMap(#"{"Mode":"INLINE"}"#)
        await durable.sync()
        let events = try await durable.store.allEvents(arn: execution.arn)
        let types = events.map { $0["type"]?.stringValue ?? "" }
        #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...events.count))
        #expect(
            types == [
                "ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapIterationStarted", "TaskStateEntered", "LambdaFunctionScheduled",
                "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "MapIterationSucceeded", "MapIterationStarted",
                "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed", "MapIterationFailed",
                "MapStateFailed", "ExecutionFailed", "ExecutionRedriven", "MapStateEntered", "MapStateStarted", "MapIterationStarted",
                "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited",
                "MapIterationSucceeded", "MapIterationStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
                "LambdaFunctionSucceeded", "TaskStateExited", "MapIterationSucceeded", "MapStateSucceeded", "MapStateExited",
                "ExecutionSucceeded",
            ])
        let iterations = events.filter { $0["type"] == "MapIterationStarted" }.map { $0["mapIterationStartedEventDetails"]?["index"] }
        #expect(iterations == [0, 1, 1, 2])
        try await durable.close()
    }

    @Test("A Distributed Map redrives its Map Run: only the failed and not-started children run, each failed one continuing its history")
    func distributedMap() async throws {
        let (durable, execution, date) = try await Self.redriveMap(#"{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"}"#)
        let types = try await Self.types(durable, execution.arn)
        #expect(
            types == [
                "ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed",
                "ExecutionRedriven", "MapStateEntered", "MapStateStarted", "MapRunRedriven", "MapRunSucceeded", "MapStateSucceeded",
                "MapStateExited", "ExecutionSucceeded",
            ])
        let runs = try await durable.store.mapRuns(executionArn: execution.arn).items
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.status == .succeeded)
        #expect(run.redriveCount == 1)
        #expect(run.redriveDate == date)
        #expect(run.executionCounts.succeeded == 3)
        #expect(run.executionCounts.failed == 0)
        let events = try await durable.store.allEvents(arn: execution.arn)
        #expect(events[10]["mapRunRedrivenEventDetails"] == ["mapRunArn": .string(run.arn), "redriveCount": 1])
        let children = try await durable.store.mapRunExecutions(mapRunArn: run.arn).items.sorted { $0.arn < $1.arn }
        #expect(children.map(\.redriveCount) == [0, 1, 0])
        #expect(children.map(\.status) == [.succeeded, .succeeded, .succeeded])
        let second = try await durable.store.allEvents(arn: children[1].arn).map { $0["type"]?.stringValue ?? "" }
        #expect(
            second == [
                "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
                "ExecutionFailed", "ExecutionRedriven", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
                "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded",
            ])
        try await durable.close()
    }

    @Test("A timed-out execution redrives from the state it was in, with TimeoutSeconds counted afresh")
    func timedOut() async throws {
        let slow = Mutex(true)
        let runtime = Runtime(clock: .virtual)
        runtime.register(Self.work) { input, context in
            if slow.withLock({ $0 }) { try await context.sleep(seconds: 100) }
            return input
        }
        let durable = DurableRuntime(store: try await Store(path: try Fixture.path()), runtime: runtime, resumeInterval: nil)
        let definition = """
            {"TimeoutSeconds":10,"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"\(Self.work)","End":true}}}
            """
        let execution = try await Self.start(durable, definition, input: ["a": 1])
        #expect(await execution.result.status == .timedOut)
        slow.withLock { $0 = false }
        let (redriven, _) = try await durable.redrive(arn: execution.arn)
        let result = await redriven.result
        #expect(result.status == .succeeded)
        #expect(result.output == ["a": 1])
        let types = try await Self.types(durable, execution.arn)
        #expect(
            types == [
                "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "ExecutionTimedOut",
                "ExecutionRedriven", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
                "TaskStateExited", "ExecutionSucceeded",
            ])
        try await durable.close()
    }

    @Test("A Parallel cut short by the execution's timeout reruns only the branch that was still running")
    func timedOutParallel() async throws {
        let slow = Mutex(true)
        let runtime = Runtime(clock: .virtual)
        runtime.register(Self.work) { input, context in
            if input == 2, slow.withLock({ $0 }) { try await context.sleep(seconds: 100) }
            return .int((input.intValue ?? 0) * 10)
        }
        let durable = DurableRuntime(store: try await Store(path: try Fixture.path()), runtime: runtime, resumeInterval: nil)
        let definition = """
            {"TimeoutSeconds":10,"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"One","States":{"One":{"Type":"Task","Resource":"\(Self.work)","Parameters":1,"End":true}}},
              {"StartAt":"Two","States":{"Two":{"Type":"Task","Resource":"\(Self.work)","Parameters":2,"End":true}}}]}}}
            """
        let execution = try await Self.start(durable, definition, input: [:])
        #expect(await execution.result.status == .timedOut)
        slow.withLock { $0 = false }
        let (redriven, _) = try await durable.redrive(arn: execution.arn)
        let result = await redriven.result
        #expect(result.status == .succeeded)
        #expect(result.output == [10, 20])
        let types = try await Self.types(durable, execution.arn)
        let redrive = try #require(types.firstIndex(of: "ExecutionRedriven"))
        #expect(types[redrive - 1] == "ExecutionTimedOut")
        #expect(
            Array(types[redrive...]) == Self.parallelRedriven)
        try await durable.close()
    }

    @Test("Nested: a Parallel branch's inline Map reruns only its failed iteration; variables assigned before the failure are kept")
    func nested() async throws {
        let worker = Worker(failing: [2], failures: 1)
        let durable = try await Self.runtime(worker)
        let definition = """
            {"StartAt":"Remember","States":{
              "Remember":{"Type":"Pass","Assign":{"label":"kept"},"Next":"Both"},
              "Both":{"Type":"Parallel","Next":"Label","Branches":[
                {"StartAt":"Alone","States":{"Alone":{"Type":"Task","Resource":"\(Self.work)","Parameters":5,"End":true}}},
                {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"End":true,
                  "ItemProcessor":{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"\(Self.work)","End":true}}}}}}]},
              "Label":{"Type":"Pass","Parameters":{"label.$":"$label","results.$":"$"},"End":true}}}
            """
        let execution = try await Self.start(durable, definition, input: ["items": [1, 2, 3]])
        #expect(await execution.result.status == .failed)
        let (redriven, _) = try await durable.redrive(arn: execution.arn)
        let result = await redriven.result
        #expect(result.status == .succeeded)
        #expect(result.output == ["label": "kept", "results": [50, [10, 20, 30]]])
        #expect(worker.calls.withLock { $0 } == [5: 1, 1: 1, 2: 2, 3: 1])
        let types = try await Self.types(durable, execution.arn)
        let redrive = try #require(types.firstIndex(of: "ExecutionRedriven"))
        #expect(
            Array(types[redrive...]) == [
                "ExecutionRedriven", "ParallelStateEntered", "ParallelStateStarted", "MapStateEntered", "MapStateStarted",
                "MapIterationStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
                "TaskStateExited", "MapIterationSucceeded", "MapIterationStarted", "TaskStateEntered", "LambdaFunctionScheduled",
                "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "MapIterationSucceeded", "MapStateSucceeded",
                "MapStateExited", "ParallelStateSucceeded", "ParallelStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded",
            ])
        try await durable.close()
    }

    @Test("A redrive whose redrive step was lost in a crash is redriven when the store is resumed")
    func lostRedriveStep() async throws {
        let worker = Worker(failing: [7], failures: 1)
        let durable = try await Self.runtime(worker)
        let definition = #"{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"\#(Self.work)","End":true}}}"#
        let execution = try await Self.start(durable, definition, input: 7)
        #expect(await execution.result.status == .failed)
        await durable.sync()
        // The store reopens the execution, but no engine records its redrive step (as if the process died there).
        let reopened = try await durable.store.reopenForRedrive(arn: execution.arn, date: Date(), clientToken: nil)
        #expect(reopened.status == .running)
        #expect(reopened.redriveCount == 1)
        let resumed = try await durable.resumeAll()
        #expect(resumed.count == 1)
        #expect(await resumed[0].result.status == .succeeded)
        let types = try await Self.types(durable, execution.arn)
        #expect(
            types == [
                "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
                "ExecutionFailed", "ExecutionRedriven", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
                "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded",
            ])
        try await durable.close()
    }
}
