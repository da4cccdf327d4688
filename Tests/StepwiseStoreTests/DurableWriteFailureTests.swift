import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Synchronization
import Testing

@testable import StepwiseStore

/// The engine on a disk that fills up mid-run and later has space again (`max_page_count`).
@Suite("Durable runtime on a full disk", .timeLimit(.minutes(3)))
struct DurableWriteFailureTests {
    /// Loops `Work` until `i` reaches 40; each round records two events of 8 KB.
    static let definition = """
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "Next": "More"},
          "More": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThan": 40, "Next": "Work"}], "Default": "Done"},
          "Done": {"Type": "Succeed"}}}
        """
    static let pad = String(repeating: "p", count: 8_000)

    /// Registers the handler: `{i, pad}` → `{i + 1, pad}`, after a little real time so the run spans many commits.
    static func configure(_ runtime: Runtime, calls: Calls? = nil) {
        runtime.register("arn:aws:lambda:us-east-1:123456789012:function:work") { input, _ in
            calls?.count.withLock { $0 += 1 }
            try await Task.sleep(for: .milliseconds(3))
            return ["i": .int((input["i"]?.intValue ?? 0) + 1), "pad": .string(pad)]
        }
    }

    /// How many times the handler ran.
    final class Calls: Sendable {
        let count = Mutex(0)
    }

    /// A store whose file can grow by only 60 pages, retrying failed writes every 20 ms.
    static func nearlyFullStore() async throws -> Store {
        let path = try Fixture.path()
        try await Store(path: path).close()
        let pages = try Fixture.count("PRAGMA page_count", at: path)
        return try await Store(path: path, options: Store.Options(maxPageCount: pages + 60, retryInterval: .milliseconds(20)))
    }

    @Test(
        "An execution the store cannot record is stopped, stays RUNNING at its last recorded step without a gap, and resumes to the uninterrupted outcome once writes succeed"
    )
    func stopsAndResumes() async throws {
        let store = try await Self.nearlyFullStore()
        let notices = Mutex<[String]>([])
        let calls = Calls()
        let runtime = Runtime(clock: .virtual)
        Self.configure(runtime, calls: calls)
        let durable = DurableRuntime(store: store, runtime: runtime, resumeInterval: .milliseconds(50)) { notice in
            notices.withLock { $0.append("\(notice)") }
        }
        let machine = try StateMachine(text: Self.definition, name: "Loop")
        let first = try await durable.start(machine, definition: Self.definition, input: ["i": 0, "pad": ""], name: "loop")

        let stopped = await first.result
        #expect(stopped.status == .aborted)
        #expect(stopped.cause == "The store could not record the execution (diskFull); it stays RUNNING at its last recorded step.")
        #expect(durable.recordingFailure(arn: first.arn)?.kind == .diskFull)
        let callsWhenStopped = calls.count.withLock { $0 }
        #expect(callsWhenStopped < 40)
        let record = try #require(try await store.execution(arn: first.arn))
        #expect(record.status == .running)
        let stored = try await store.allEvents(arn: first.arn)
        #expect(stored.map { $0["id"]?.intValue ?? 0 } == (0..<stored.count).map { $0 + 1 })
        #expect(stored.count == record.eventCount)
        #expect(!stored.contains { $0["type"] == "ExecutionAborted" })
        #expect(
            notices.withLock { $0 } == [
                "cannot record execution \(first.arn) (diskFull: database or disk is full): stopped here, it stays RUNNING "
                    + "at its last recorded step and resumes from there once writes succeed again"
            ])

        try await store.setMaxPageCount(1_000_000)  // space is back
        let resumed = try await Self.resumedExecution(of: first, in: durable)
        let result = await resumed.result
        await durable.sync()
        #expect(result.status == .succeeded)
        #expect(result.output?["i"] == 40)
        #expect(notices.withLock { $0.last } == "writes succeed again: resumed 1 execution(s) from their last recorded step")
        #expect(durable.unrecordedExecutions.isEmpty)

        let reference = try await TestSupport.run(Self.definition, input: ["i": 0, "pad": ""]) { Self.configure($0) }
        let events = try await store.allEvents(arn: first.arn)
        #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...events.count))
        #expect(events.map { $0["type"]?.stringValue ?? "" } == reference.types)
        #expect(try await store.execution(arn: first.arn)?.status == .succeeded)
        try await durable.close()
    }

    /// The execution the runtime resumed in place of `first` (polls for up to 10 s).
    static func resumedExecution(of first: Execution, in durable: DurableRuntime) async throws -> Execution {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let execution = durable.execution(arn: first.arn), execution !== first { return execution }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw StoreError(.notFound, "\(first.arn) was not resumed")
    }

    /// The looping execution on a runtime without a resume interval, stopped by the full disk.
    static func stoppedWithoutResume() async throws -> (Store, DurableRuntime, Execution) {
        let store = try await Self.nearlyFullStore()
        let runtime = Runtime(clock: .virtual)
        Self.configure(runtime)
        let durable = DurableRuntime(store: store, runtime: runtime, resumeInterval: nil)
        let machine = try StateMachine(text: Self.definition, name: "Loop")
        let first = try await durable.start(machine, definition: Self.definition, input: ["i": 0, "pad": ""], name: "loop")
        #expect(await first.result.status == .aborted)
        return (store, durable, first)
    }

    @Test("Without a resume interval the stopped execution waits in the store for the next process, which finishes it")
    func nextProcessResumes() async throws {
        let (store, durable, first) = try await Self.stoppedWithoutResume()
        try await Task.sleep(for: .milliseconds(200))
        #expect(durable.execution(arn: first.arn) == nil)  // nothing resumed it here
        _ = try? await durable.close()

        let next = DurableRuntime(
            store: try await Store(path: store.path),
            runtime: {
                let runtime = Runtime(clock: .virtual)
                Self.configure(runtime)
                return runtime
            }())
        let resumed = try await next.resumeAll()
        #expect(resumed.map(\.arn) == [first.arn])
        #expect(await resumed[0].result.output?["i"] == 40)
        await next.sync()
        let events = try await next.store.allEvents(arn: first.arn)
        #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...events.count))
        #expect(events.last?["type"] == "ExecutionSucceeded")
        try await next.close()
    }

    @Test("resume(_:) of a stopped execution in the same runtime waits for writes to succeed, then records it again from its last committed step")
    func resumeInPlace() async throws {
        let (store, durable, first) = try await Self.stoppedWithoutResume()
        await durable.sync()
        let record = try #require(try await store.execution(arn: first.arn))
        await #expect { try await durable.resume(record) } throws: { ($0 as? StoreError)?.kind == .diskFull }
        #expect(durable.recordingFailure(arn: first.arn) != nil)

        try await store.setMaxPageCount(1_000_000)
        #expect(await store.retryWrites())
        let resumed = try await durable.resume(try #require(try await store.execution(arn: first.arn)))
        #expect(durable.recordingFailure(arn: first.arn) == nil)
        #expect(await resumed.result.output?["i"] == 40)
        await durable.sync()
        let events = try await store.allEvents(arn: first.arn)
        #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...events.count))
        #expect(try await store.execution(arn: first.arn)?.status == .succeeded)
        try await durable.close()
    }
}
