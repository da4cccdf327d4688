import Foundation
import Testing

@testable import StepwiseStore

/// A full disk (`max_page_count`) that later clears: nothing committed is lost, no history ever has a gap.
@Suite("Write failures", .timeLimit(.minutes(3)))
struct WriteFailureTests {
    static let big = String(repeating: "x", count: 8_000)

    /// A store whose file can grow by 12 pages only, with executions `names` each at step 2 (events 1–4), committed.
    /// No automatic retry: each test says when writes are tried again.
    static func nearlyFullStore(_ names: [String]) async throws -> (Store, [String]) {
        let path = try Fixture.path()
        try await Store(path: path).close()
        let pages = try Fixture.count("PRAGMA page_count", at: path)
        let options = Store.Options(commitInterval: .seconds(60), maxPageCount: pages + 12, retryInterval: .seconds(600))
        let store = try await Store(path: path, options: options)
        var arns: [String] = []
        for name in names {
            let execution = Fixture.execution(name)
            try await store.createExecution(execution)
            try await Fixture.appendSteps(store, arn: execution.arn, steps: 2, eventsPerStep: 2)
            arns.append(execution.arn)
        }
        try await store.flush()
        return (store, arns)
    }

    /// Queues steps 3…40 of `arn`, one 8 KB event each (events 5…42): more than the disk holds.
    static func fillDisk(_ store: Store, arn: String) async throws {
        for seq in 3...40 {
            let event = EventRow(
                id: seq + 2, type: "PassStateExited", timestamp: 0, previousEventId: seq + 1,
                details: #"{"stateExitedEventDetails":{"output":"\#(big)"}}"#)
            try await store.append(arn: arn, step: StepRow(seq: seq, timestamp: 0, input: "{}"), events: [event])
        }
        await #expect { try await store.flush() } throws: { ($0 as? StoreError)?.kind == .diskFull }
    }

    static func step(_ seq: Int) -> StepRow { StepRow(seq: seq, timestamp: 0, input: "{}") }

    @Test("While a write fails, an append is refused and its execution stays at its last committed step, with no gap, until it is resumed")
    func refusedAppendStopsRecording() async throws {
        let (store, arns) = try await Self.nearlyFullStore(["filler", "other"])
        let (filler, other) = (arns[0], arns[1])
        try await Self.fillDisk(store, arn: filler)
        await #expect { try await store.append(arn: other, step: Self.step(3), events: Fixture.events(5...5)) } throws: {
            ($0 as? StoreError)?.kind == .diskFull
        }
        // Step 3 was refused: step 4 or the execution's end would leave a gap, so they are refused too.
        await #expect { try await store.append(arn: other, step: Self.step(4), events: Fixture.events(6...6)) } throws: {
            ($0 as? StoreError)?.kind == .notRecorded
        }
        await #expect { try await store.finishExecution(arn: other, status: .succeeded, stopDate: Date()) } throws: {
            ($0 as? StoreError)?.kind == .notRecorded
        }
        #expect(await store.unrecordedExecutions.keys.sorted() == [other])
        await #expect { try await store.resumeRecording(arn: other) } throws: { ($0 as? StoreError)?.kind == .diskFull }

        try await store.setMaxPageCount(100_000)  // space is back
        #expect(await store.retryWrites())
        #expect(await store.writeFailure == nil)
        #expect(try await store.history(arn: filler, maxResults: 100).items.map(\.id) == Array(1...42))
        // Still refused until its owner resumes it, then it continues from its last committed step.
        await #expect { try await store.append(arn: other, step: Self.step(5), events: []) } throws: {
            ($0 as? StoreError)?.kind == .notRecorded
        }
        try await store.resumeRecording(arn: other)
        #expect(await store.unrecordedExecutions.isEmpty)
        try await store.append(arn: other, step: Self.step(3), events: Fixture.events(5...5))
        try await store.finishExecution(arn: other, status: .succeeded, stopDate: Date())
        #expect(try await store.history(arn: other).items.map(\.id) == Array(1...5))
        #expect(try await store.stepLog(arn: other).map(\.seq) == [1, 2, 3])
        #expect(try await store.execution(arn: other)?.status == .succeeded)
    }

    @Test("A finish that fails leaves the execution RUNNING at its last committed step, for the next process to resume")
    func failedFinishStaysRunning() async throws {
        let (store, arns) = try await Self.nearlyFullStore(["filler"])
        let filler = arns[0]
        try await Self.fillDisk(store, arn: filler)
        await #expect { try await store.finishExecution(arn: filler, status: .succeeded, stopDate: Date()) } throws: {
            ($0 as? StoreError)?.kind == .diskFull
        }
        await #expect { try await store.close() } throws: { ($0 as? StoreError)?.kind == .diskFull }
        // The process ends now: what the next one finds.
        let reopened = try await Store(path: store.path)
        let record = try #require(try await reopened.execution(arn: filler))
        #expect(record.status == .running)
        #expect(record.eventCount == 4)
        #expect(try await reopened.stepLog(arn: filler).map(\.seq) == [1, 2])
        #expect(try Fixture.count("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'", at: store.path) == 0)
    }

    @Test("A new execution is refused while a write failure stands, and stored once writes succeed again")
    func createRefusedWhileFailing() async throws {
        let (store, arns) = try await Self.nearlyFullStore(["filler"])
        try await Self.fillDisk(store, arn: arns[0])
        await #expect { try await store.createExecution(Fixture.execution("new")) } throws: { error in
            let error = error as? StoreError
            return error?.kind == .diskFull && error?.message.hasPrefix("cannot record a new execution: ") == true
        }
        #expect(try await store.execution(arn: Fixture.execution("new").arn) == nil)
        try await store.setMaxPageCount(100_000)
        try await store.createExecution(Fixture.execution("new"))  // retries the queued writes first
        #expect(try await store.execution(arn: Fixture.execution("new").arn)?.status == .running)
        #expect(try await store.history(arn: arns[0], maxResults: 100).items.count == 42)
    }

    @Test("After a failed commit the store retries by itself every retryInterval")
    func retriesByItself() async throws {
        let path = try Fixture.path()
        try await Store(path: path).close()
        let pages = try Fixture.count("PRAGMA page_count", at: path)
        let store = try await Store(
            path: path, options: Store.Options(commitInterval: .seconds(60), maxPageCount: pages + 12, retryInterval: .milliseconds(20)))
        let execution = Fixture.execution("e1")
        try await store.createExecution(execution)
        try await Fixture.appendSteps(store, arn: execution.arn, steps: 2, eventsPerStep: 2)
        try await Self.fillDisk(store, arn: execution.arn)
        #expect(await store.writeFailure?.kind == .diskFull)
        try await store.setMaxPageCount(100_000)
        let deadline = ContinuousClock.now + .seconds(10)
        while await store.writeFailure != nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await store.writeFailure == nil)
        #expect(try Fixture.storedEvents(at: path) == 42)
    }
}
