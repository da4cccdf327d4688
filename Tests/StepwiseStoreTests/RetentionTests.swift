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
        #expect(try Fixture.storedEvents(at: path) == 8)
        #expect(try Fixture.storedSteps(at: path) == 4)
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

@Suite("Retention of what belongs to executions", .timeLimit(.minutes(3)))
struct RetentionCascadeTests {
    static let day = 86_400.0
    static let now = Date(timeIntervalSince1970: 200 * 86_400)

    /// An execution started and stopped `stopDay` days after the epoch, with a job of the same name.
    static func finishedJob(_ store: Store, _ name: String, stopDay: Double) async throws {
        let execution = Fixture.execution(name, start: stopDay * day)
        try await store.createExecution(execution)
        try await store.createJob(id: name, workflow: "Hello", stateMachineArn: Fixture.machineArn, input: "{}", date: execution.startDate)
        #expect(try await store.assignJob(id: name, executionArn: execution.arn))
        try await store.saveCallback(token: "\(execution.arn)#1", executionArn: execution.arn, outcome: "{}")
        try await store.finishExecution(arn: execution.arn, status: .succeeded, stopDate: Date(timeIntervalSince1970: stopDay * day))
    }

    @Test("Purging an execution deletes its job and callbacks, so no purged job comes back as PENDING")
    func jobsAndCallbacksGo() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        try await Self.finishedJob(store, "old", stopDay: 100)
        try await Self.finishedJob(store, "recent", stopDay: 150)
        #expect(try await store.purge(now: Self.now) == 1)
        #expect(try await store.job(id: "old") == nil)
        #expect(try await store.job(id: "recent")?.status == .completed)
        #expect(try await store.pendingJobs().isEmpty)
        #expect(try await store.callback(token: "\(Fixture.execution("old").arn)#1") == nil)
        #expect(try await store.callback(token: "\(Fixture.execution("recent").arn)#1") == "{}")
        try await store.close()
        #expect(try Fixture.count("SELECT count(*) FROM jobs", at: path) == 1)
        #expect(try Fixture.count("SELECT count(*) FROM task_callbacks", at: path) == 1)
    }

    @Test("Old jobs that never got an execution (cancelled, failed to start) go too; queued jobs never do")
    func unstartedJobs() async throws {
        let store = try await Store(path: try Fixture.path())
        let old = Date(timeIntervalSince1970: 100 * Self.day)
        let recent = Date(timeIntervalSince1970: 150 * Self.day)
        for (id, date) in [("cancelled-old", old), ("cancelled-recent", recent), ("queued-old", old), ("failed-old", old), ("failed-recent", recent)]
        {
            try await store.createJob(id: id, workflow: "Hello", stateMachineArn: Fixture.machineArn, input: "{}", date: date)
        }
        #expect(try await store.cancelQueuedJob(id: "cancelled-old", date: old))
        #expect(try await store.cancelQueuedJob(id: "cancelled-recent", date: recent))
        for id in ["failed-old", "failed-recent"] {
            #expect(try await store.assignJob(id: id, executionArn: Fixture.execution(id).arn))
            try await store.failJob(id: id, error: "InvalidName", cause: "bad")
        }
        #expect(try await store.purge(now: Self.now) == 0)
        let left = try await store.listJobs().items.map(\.id).sorted()
        #expect(left == ["cancelled-recent", "failed-recent", "queued-old"])
        #expect(try await store.job(id: "queued-old")?.status == .queued)
    }
}
