import Foundation
import Testing
@testable import StepwiseStore

@Suite("Retention", .timeLimit(.minutes(3)))
struct RetentionTests {
    @Test("Purge deletes executions that stopped more than 90 days ago, with their events and logs")
    func purge() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        let day = 86_400.0
        let now = Date(timeIntervalSince1970: 200 * day)
        for (name, stop) in [("old", 100 * day), ("recent", 150 * day), ("running", nil)] as [(String, Double?)] {
            let execution = Fixture.execution(name, start: 10 * day)
            try await store.createExecution(execution)
            try await Fixture.appendSteps(store, arn: execution.arn, steps: 2, eventsPerStep: 2)
            if let stop { try await store.finishExecution(arn: execution.arn, status: .succeeded, stopDate: Date(timeIntervalSince1970: stop)) }
        }
        #expect(try await store.purge(now: now) == 1)
        #expect(try await store.listExecutions().items.map(\.name).sorted() == ["recent", "running"])
        try await store.flush()
        #expect(try Fixture.count("SELECT count(*) FROM events", at: path) == 8)
        #expect(try Fixture.count("SELECT count(*) FROM step_log", at: path) == 4)
        #expect(try await store.purge(olderThanDays: 0, now: now) == 1)
        #expect(try await store.runningExecutions().map(\.name) == ["running"])
    }

    @Test("Purge works through more executions than one batch")
    func purgeBatches() async throws {
        let store = try await Store(path: try Fixture.path())
        for index in 0..<600 {
            let execution = Fixture.execution("e\(index)")
            try await store.createExecution(execution)
            try await store.finishExecution(arn: execution.arn, status: .failed, stopDate: Date(timeIntervalSince1970: 1_000))
        }
        #expect(try await store.purge(now: Date(timeIntervalSince1970: 1_000 + 91 * 86_400)) == 600)
        #expect(try await store.listExecutions().items.isEmpty)
    }
}
