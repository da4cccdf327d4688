import Foundation
import Stepwise
import Testing

@testable import StepwiseStore

@Suite("Step log and history", .timeLimit(.minutes(3)))
struct LogTests {
    func storeWithExecution(_ options: Store.Options = Store.Options()) async throws -> (Store, String, String) {
        let path = try Fixture.path()
        let store = try await Store(path: path, options: options)
        let execution = Fixture.execution("e1")
        try await store.createExecution(execution)
        return (store, execution.arn, path)
    }

    @Test("History pages forward and in reverse with contiguous ids")
    func historyPaging() async throws {
        let (store, arn, _) = try await storeWithExecution()
        try await Fixture.appendSteps(store, arn: arn, steps: 5, eventsPerStep: 5)
        var forward: [Int] = []
        var token: String?
        repeat {
            let page = try await store.history(arn: arn, maxResults: 7, nextToken: token)
            forward += page.items.map(\.id)
            token = page.nextToken
        } while token != nil
        #expect(forward == Array(1...25))
        let reverse = try await store.history(arn: arn, maxResults: 10, reverseOrder: true)
        #expect(reverse.items.map(\.id) == Array((16...25).reversed()))
        let next = try await store.history(arn: arn, maxResults: 10, reverseOrder: true, nextToken: reverse.nextToken)
        #expect(next.items.map(\.id) == Array((6...15).reversed()))
        await #expect { try await store.history(arn: arn, nextToken: reverse.nextToken) } throws: {
            ($0 as? StoreError)?.kind == .invalidToken
        }
        await #expect { try await store.history(arn: "nope") } throws: { ($0 as? StoreError)?.kind == .notFound }
    }

    @Test("Appends must continue the step sequence and the event ids without gaps")
    func contiguity() async throws {
        let (store, arn, _) = try await storeWithExecution()
        try await Fixture.appendSteps(store, arn: arn, steps: 2, eventsPerStep: 2)
        let step = StepRow(seq: 3, timestamp: 1, input: "{}")
        for (seq, events) in [(4, Fixture.events(5...5)), (3, Fixture.events(6...6)), (3, Fixture.events(5...5) + Fixture.events(7...7))] {
            await #expect { try await store.append(arn: arn, step: StepRow(seq: seq, timestamp: 1, input: "{}"), events: events) } throws: {
                ($0 as? StoreError)?.kind == .nonContiguous
            }
        }
        try await store.append(arn: arn, step: step, events: [])  // a step may produce no events
        try await store.flush()
        // After a restart the tail comes from the database.
        try await store.close()
        let reopened = try await Store(path: store.path)
        await #expect {
            try await reopened.append(arn: arn, step: StepRow(seq: 4, timestamp: 1, input: "{}"), events: Fixture.events(4...4))
        } throws: { ($0 as? StoreError)?.kind == .nonContiguous }
        try await reopened.append(arn: arn, step: StepRow(seq: 4, timestamp: 1, input: "{}"), events: Fixture.events(5...5))
        #expect(try await reopened.execution(arn: arn)?.eventCount == 5)
        await #expect { try await reopened.append(arn: "nope", step: step, events: []) } throws: {
            ($0 as? StoreError)?.kind == .notFound
        }
    }

    @Test("The step log comes back in order with its inputs")
    func stepLog() async throws {
        let (store, arn, _) = try await storeWithExecution()
        for seq in 1...3 {
            try await store.append(arn: arn, step: StepRow(seq: seq, timestamp: Double(seq), input: #"{"timerFired":\#(seq)}"#), events: [])
        }
        #expect(try await store.stepLog(arn: arn) == (1...3).map { StepRow(seq: $0, timestamp: Double($0), input: #"{"timerFired":\#($0)}"#) })
    }

    @Test("Many appends are written in a few group commits")
    func groupCommit() async throws {
        let (store, arn, _) = try await storeWithExecution(Store.Options(commitInterval: .seconds(60)))
        try await Fixture.appendSteps(store, arn: arn, steps: 1_000, eventsPerStep: 3)
        #expect(await store.statistics.commits == 0)
        try await store.flush()
        #expect(await store.statistics == Store.Statistics(commits: 1, steps: 1_000, events: 3_000, startCommits: 1, starts: 1))
    }

    @Test("Concurrent executions appending at once share commits and keep each history contiguous")
    func concurrentAppends() async throws {
        let store = try await Store(path: try Fixture.path())
        let arns = (0..<20).map { Fixture.execution("c\($0)").arn }
        for index in arns.indices { try await store.createExecution(Fixture.execution("c\(index)")) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for arn in arns {
                group.addTask { try await Fixture.appendSteps(store, arn: arn, steps: 50, eventsPerStep: 3) }
            }
            try await group.waitForAll()
        }
        try await store.flush()
        for arn in arns {
            #expect(try await store.history(arn: arn, maxResults: 1000).items.map(\.id) == Array(1...150))
            #expect(try await store.stepLog(arn: arn).map(\.seq) == Array(1...50))
        }
        let statistics = await store.statistics
        #expect(statistics.steps == 1_000 && statistics.events == 3_000 && statistics.commits < 1_000)
    }

    @Test("A full queue commits at once, without waiting for the interval")
    func batchLimit() async throws {
        let (store, arn, _) = try await storeWithExecution(Store.Options(commitInterval: .seconds(60), maxPendingRows: 400))
        try await Fixture.appendSteps(store, arn: arn, steps: 1_000, eventsPerStep: 3)
        #expect(await store.statistics.commits == 10)
    }

    @Test("Queued appends are committed within the commit interval without a flush")
    func timedCommit() async throws {
        let (store, arn, path) = try await storeWithExecution()
        try await Fixture.appendSteps(store, arn: arn, steps: 100, eventsPerStep: 1)
        for _ in 0..<200 where try Fixture.storedEvents(at: path) < 100 {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(try Fixture.storedEvents(at: path) == 100)
        let commits = await store.statistics.commits
        #expect(commits >= 1 && commits < 50, "\(commits) commits")
    }

    @Test("After flush returns, another connection sees every step and event")
    func flushDurability() async throws {
        let (store, arn, path) = try await storeWithExecution(Store.Options(commitInterval: .seconds(60)))
        try await Fixture.appendSteps(store, arn: arn, steps: 50, eventsPerStep: 2)
        #expect(try Fixture.storedEvents(at: path) == 0)
        try await store.flush()
        #expect(try Fixture.storedEvents(at: path) == 100)
        #expect(try Fixture.storedSteps(at: path) == 50)
        #expect(try Fixture.count("SELECT event_count FROM executions", at: path) == 100)
    }

    @Test("Finishing an execution queues its end behind its log: committed with its steps, closed to appends at once")
    func finishCommitsLog() async throws {
        let (store, arn, path) = try await storeWithExecution(Store.Options(commitInterval: .seconds(60)))
        try await Fixture.appendSteps(store, arn: arn, steps: 3, eventsPerStep: 2)
        try await store.finishExecution(arn: arn, status: .succeeded, output: "{}", stopDate: Date(timeIntervalSince1970: 5_000))
        #expect(try Fixture.storedEvents(at: path) == 0)
        #expect(try Fixture.count("SELECT count(*) FROM executions WHERE status = 'RUNNING'", at: path) == 1)
        await #expect { try await store.append(arn: arn, step: StepRow(seq: 4, timestamp: 1, input: "{}"), events: []) } throws: {
            ($0 as? StoreError)?.kind == .invalidArgument
        }
        await #expect {
            try await store.finishExecution(arn: arn, status: .failed, stopDate: Date(timeIntervalSince1970: 5_001))
        } throws: { ($0 as? StoreError)?.message == "execution \(arn) has already finished" }
        #expect(try await store.execution(arn: arn)?.status == .succeeded)  // a read commits the queue first
        #expect(try Fixture.storedEvents(at: path) == 6)
        #expect(try Fixture.count("SELECT count(*) FROM executions WHERE status = 'SUCCEEDED' AND stop_date = 5000", at: path) == 1)
        await #expect { try await store.append(arn: arn, step: StepRow(seq: 4, timestamp: 1, input: "{}"), events: []) } throws: {
            ($0 as? StoreError)?.kind == .invalidArgument
        }
    }

    @Test(
        "An engine HistoryEvent stored as a row reads back as the same GetExecutionHistory JSON",
        arguments: [HistoryEvent.Details.stateEntered(name: "A", input: ["x": 1.5]), .none, .failure(error: "E", cause: nil)])
    func historyEventConversion(details: HistoryEvent.Details) throws {
        let event = HistoryEvent(
            id: 3, previousEventId: 2, timestamp: Date(timeIntervalSince1970: 1_700_000_000.25),
            type: .passStateEntered, details: details)
        #expect(EventRow(event).json().serialized() == event.json().serialized())
    }

    @Test("A row's details merge into the event object after the common members")
    func rowJSON() throws {
        let row = EventRow(
            id: 2, type: "PassStateEntered", timestamp: 1.5, previousEventId: 1,
            details: #"{"stateEnteredEventDetails":{"name":"A"}}"#)
        #expect(
            row.json().serialized()
                == #"{"timestamp":1.5,"type":"PassStateEntered","id":2,"previousEventId":1,"stateEnteredEventDetails":{"name":"A"}}"#)
    }
}
